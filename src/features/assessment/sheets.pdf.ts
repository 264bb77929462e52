/**
 * The printable score sheet (PDF, Noto Sans embedded): blank, for a site visit without a connection
 * (each criterion's levels with points and descriptors, a box to circle, room for notes), and filled,
 * after submit (the chosen levels, notes, the total and aspect scores). pdf-lib loads on demand.
 */
import type { Lang } from '../../platform/domain.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/format.ts';
import { render, translator } from '../../platform/i18n.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { ui } from '../../platform/ui/messages.ts';
import { sheetsText } from './sheets.messages.ts';
import type { SheetView } from './sheets.service.ts';

/** The score sheet as a PDF: blank (levels to circle) or filled with the submitted choices. */
export async function sheetPdf(view: SheetView, lang: Lang, mode: 'blank' | 'filled'): Promise<Uint8Array> {
  const { PdfWriter } = await import('../../platform/pdf.ts');
  const t = translator(sheetsText, lang);
  const n = view.nomination;
  const pdf = await PdfWriter.create({
    lang,
    title: `${t('pdfTitle')} — ${n.product}`,
    header: [
      render(ui.office, lang).toUpperCase(),
      render(ui.provinceGovt, lang, { province: 'Maluku' }).toUpperCase(),
    ],
    footer: formatDateTime(new Date(), lang),
  });
  await pdf.heading(t('pdfTitle'));
  await pdf.keyValues([
    [t('product'), n.product],
    [t('ikm'), n.ikm],
    [t('regency'), n.regency],
    [t('commodity'), commodityLabel(n.commodity, lang)],
    [t('cycle'), n.cycleName],
    [t('pdfAssessor'), view.assessorName],
  ]);
  const filled = mode === 'filled';
  if (!filled) await pdf.text(t('pdfInstructions'), { size: 9, after: 6 });
  for (const aspect of view.rubric.aspects) {
    await pdf.heading(t('aspect', { code: aspect.code, name: aspect.name[lang] }), 2);
    for (const c of aspect.criteria) {
      const entry = view.entries.get(c.code);
      await pdf.heading(
        t('criterionLegend', { code: c.code, name: c.name[lang], weight: formatNumber(c.weight, lang) }),
        3,
      );
      await pdf.table({
        columns: [
          { header: t('pdfChosen'), width: 1, align: 'center' },
          { header: t('pdfLevel'), width: 2 },
          { header: t('pdfPoints'), width: 1, align: 'right' },
          { header: t('pdfDescriptor'), width: 7 },
        ],
        rows: [...c.levels]
          .sort((a, b) => a.level - b.level)
          .map((l) => [
            filled && entry?.level === l.level ? '(X)' : '( )',
            `${l.level} — ${l.label[lang]}`,
            formatNumber(l.points, lang),
            l.descriptor[lang],
          ]),
        size: 8,
      });
      if (filled && entry?.note)
        await pdf.text(`${t('noteFor', { code: c.code })}: ${entry.note}`, { size: 8, after: 4 });
      else if (!filled) await pdf.text(t('pdfNote'), { size: 8, after: 4 });
    }
  }
  pdf.space(8);
  if (filled) {
    const s = view.sheet;
    await pdf.text(t('pdfTotal', { total: formatNumber(s.total ?? 0, lang) }), { bold: true, size: 12 });
    const aspects = Object.entries(s.aspects ?? {})
      .map(([k, v]) => `${k} ${formatNumber(v, lang)}`)
      .join('; ');
    await pdf.text(t('pdfAspects', { list: aspects }));
    if (s.siteVisitDate) await pdf.text(t('pdfVisit', { date: formatDate(s.siteVisitDate, lang) }));
    if (s.fromPaper) await pdf.text(t('pdfFromPaper'));
    if (s.generalNote) await pdf.text(`${t('generalNote')}: ${s.generalNote}`);
    if (s.submittedAt)
      await pdf.text(t('pdfSubmitted', { when: formatDateTime(s.submittedAt, lang) }), { size: 9 });
  } else {
    await pdf.text(t('pdfBlankFields'), { after: 12 });
    await pdf.text(`${t('generalNote')}: ____________________________________________________________`);
  }
  return pdf.finish();
}
