/**
 * The certificate: one A4 landscape page in Indonesian with an English line under each part, the
 * office's logo and name, the award (IKM, product, commodity, kab/kota, star class, cycle), its
 * number and validity, the signatory with their signature, and the verification code with a QR code
 * to the public verification page (ADR 0602). Drawn with platform/pdf.ts (Noto Sans embedded).
 */
import type { FileStore } from '../../platform/files.ts';
import { formatDate } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { awardsText } from './awards.messages.ts';
import type { CertificateView } from './awards.service.ts';
import type { AwardSettings } from './awards.settings.ts';

const id = translator(awardsText, 'id');
const en = translator(awardsText, 'en');
const GREEN: [number, number, number] = [0.11, 0.35, 0.23];
const GREY: [number, number, number] = [0.35, 0.37, 0.4];

/** The certificate's file name: its number made safe for a file system. */
export function certificateFileName(c: Pick<CertificateView, 'number'>): string {
  return `sertifikat-${c.number.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.pdf`;
}

/** The certificate of an awarded product as PDF bytes; `url` is its verification page's absolute address. */
export async function certificatePdf(
  c: CertificateView,
  settings: AwardSettings,
  store: FileStore,
  url: string,
): Promise<Uint8Array> {
  const [{ PdfWriter }, { qrPng }] = await Promise.all([
    import('../../platform/pdf.ts'),
    import('../../platform/qr.ts'),
  ]);
  const pdf = await PdfWriter.create({
    lang: 'id',
    orientation: 'landscape',
    title: `${id('pdfTitle')} ${c.number} — ${c.ikmName}`,
    margin: 46,
    pageNumbers: false,
  });
  // A double frame around the page, as printed certificates have.
  await pdf.drawing(0, (page) => {
    const color = pdf.color(GREEN);
    page.drawRectangle({
      x: 18,
      y: 18,
      width: pdf.width - 36,
      height: pdf.height - 36,
      borderColor: color,
      borderWidth: 3,
    });
    page.drawRectangle({
      x: 25,
      y: 25,
      width: pdf.width - 50,
      height: pdf.height - 50,
      borderColor: color,
      borderWidth: 0.8,
    });
  });
  pdf.moveTo(38);
  if (settings.logo) {
    const bytes = new Uint8Array(await store.read(settings.logo.sha256));
    await pdf.image(bytes, { maxHeight: 54, maxWidth: 120 });
  }
  await pdf.text(settings.provinceName.toUpperCase(), { align: 'center', size: 11, bold: true, after: 1 });
  await pdf.text(settings.officeName.toUpperCase(), { align: 'center', size: 11, bold: true, after: 10 });
  await pdf.text(id('pdfTitle'), { align: 'center', size: 26, bold: true, color: GREEN, after: 0 });
  await pdf.text(en('pdfTitle'), { align: 'center', size: 11, color: GREY, after: 4 });
  await pdf.text(id('pdfNumber', { number: c.number }), { align: 'center', size: 10.5, after: 8 });
  await pdf.text(`${id('pdfGivenTo')} / ${en('pdfGivenTo')}`, {
    align: 'center',
    size: 10,
    color: GREY,
    after: 2,
  });
  await pdf.text(c.ikmName, { align: 'center', size: 20, bold: true, after: 3 });
  await pdf.text(`${id('pdfForProduct')} / ${en('pdfForProduct')}`, {
    align: 'center',
    size: 10,
    color: GREY,
    after: 2,
  });
  await pdf.text(c.productName, { align: 'center', size: 15, bold: true, after: 2 });
  await pdf.text(
    `${commodityLabel(c.commodity, 'id')} · ${c.kabkotaName} (${commodityLabel(c.commodity, 'en')})`,
    { align: 'center', size: 10, after: 8 },
  );
  const stars = '★'.repeat(c.stars) + '☆'.repeat(Math.max(0, c.starMax - c.stars));
  await pdf.text(`${stars}  ${id('pdfStars', { n: c.stars, max: c.starMax })}`, {
    align: 'center',
    size: 16,
    bold: true,
    color: GREEN,
    after: 0,
  });
  await pdf.text(en('pdfStars', { n: c.stars, max: c.starMax }), {
    align: 'center',
    size: 10,
    color: GREY,
    after: 3,
  });
  await pdf.text(id('pdfCycle', { cycle: c.cycleName }), { align: 'center', size: 10.5, after: 3 });
  await pdf.text(
    id('pdfValidity', { from: formatDate(c.validFrom, 'id'), until: formatDate(c.validUntil, 'id') }),
    { align: 'center', size: 10.5, bold: true, after: 0 },
  );
  await pdf.text(
    en('pdfValidity', { from: formatDate(c.validFrom, 'en'), until: formatDate(c.validUntil, 'en') }),
    { align: 'center', size: 9, color: GREY },
  );

  // The bottom row: the QR code and the verification address at the left, the signature at the right.
  const top = pdf.height - 46 - 150;
  const left = pdf.margin + 4;
  const qr = await qrPng(url, { size: 360, margin: 2 });
  await pdf.imageAt(qr, { x: left, top, width: 96, height: 96 });
  let y = top + 100;
  y += await pdf.textAt(id('pdfCode', { code: c.code }), { x: left, top: y, width: 300 }, { size: 8 });
  y += await pdf.textAt(id('pdfVerify', { url }), { x: left, top: y, width: 300 }, { size: 8 });
  await pdf.textAt(en('pdfVerify', { url }), { x: left, top: y, width: 300 }, { size: 7.5, color: GREY });

  const signWidth = 260;
  const sx = pdf.width - pdf.margin - signWidth;
  let sy = top - 8;
  sy += await pdf.textAt(
    id('pdfPlaceDate', { date: formatDate(c.validFrom, 'id') }),
    { x: sx, top: sy, width: signWidth },
    {
      align: 'center',
      size: 10,
    },
  );
  sy += await pdf.textAt(
    settings.signatoryTitle,
    { x: sx, top: sy, width: signWidth },
    { align: 'center', size: 10 },
  );
  if (settings.signature) {
    const bytes = new Uint8Array(await store.read(settings.signature.sha256));
    await pdf.imageAt(bytes, { x: sx + 40, top: sy + 2, width: signWidth - 80, height: 56 });
  }
  sy += 62;
  sy += await pdf.textAt(
    settings.signatoryName || ' ',
    { x: sx, top: sy, width: signWidth },
    {
      align: 'center',
      size: 11,
      bold: true,
    },
  );
  if (settings.signatoryNip)
    await pdf.textAt(
      `NIP ${settings.signatoryNip}`,
      { x: sx, top: sy, width: signWidth },
      { align: 'center', size: 9 },
    );
  return pdf.finish();
}
