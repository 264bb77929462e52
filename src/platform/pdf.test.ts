import { describe, expect, it } from 'vitest';
import { PdfWriter } from './pdf.ts';
import { qrPng } from './qr.ts';

async function textOf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: bytes });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

describe('PDF writer', () => {
  it('keeps Indonesian text, other scripts and punctuation extractable, with header and page numbers', async () => {
    const pdf = await PdfWriter.create({
      lang: 'id',
      title: 'Uji',
      header: ['DINAS PERINDUSTRIAN DAN PERDAGANGAN', 'Pemerintah Provinsi Maluku'],
      footer: 'Dicetak 4 Sep 2023',
    });
    await pdf.heading('DAFTAR HADIR');
    await pdf.text('Sosialisasi “OVOP” — 4 Sep 2023 · Rp 1.250.000 × 2 · Ğülşen Ünal · Đặng · Ωmega · Жанна');
    const bytes = await pdf.finish();
    const { text, pages } = await textOf(bytes);
    expect(pages).toBe(1);
    for (const part of [
      'DINAS PERINDUSTRIAN DAN PERDAGANGAN',
      'Pemerintah Provinsi Maluku',
      'DAFTAR HADIR',
      'Sosialisasi “OVOP” — 4 Sep 2023',
      'Rp 1.250.000 × 2',
      'Ğülşen Ünal',
      'Đặng',
      'Ωmega',
      'Жанна',
      'Halaman 1 dari 1',
      'Dicetak 4 Sep 2023',
    ])
      expect(text).toContain(part);
  });

  it('draws symbols no font has instead of dropping them, and marks unknown characters', async () => {
    const pdf = await PdfWriter.create({ lang: 'en', title: 'Symbols' });
    await pdf.text('Hadir ✓ ★★★ → selesai 中');
    const { text } = await textOf(await pdf.finish());
    expect(text).toContain('Hadir');
    expect(text).toContain('selesai ?');
    expect(text).toContain('Page 1 of 1');
  });

  it('wraps long text and repeats the table header on every page', async () => {
    const pdf = await PdfWriter.create({
      lang: 'id',
      title: 'Tabel',
      orientation: 'landscape',
      header: ['Kantor'],
    });
    expect(pdf.width).toBeGreaterThan(pdf.height);
    // A word longer than the line is cut, not drawn off the page.
    await pdf.text('x'.repeat(300));
    const rows = Array.from({ length: 120 }, (_, i) => [
      String(i + 1),
      `Peserta nomor ${i + 1} dengan nama yang cukup panjang sehingga harus dibungkus ke baris berikutnya`,
      'Kota Ambon',
    ]);
    await pdf.table({
      columns: [
        { header: 'No', width: 1, align: 'right' },
        { header: 'Nama peserta', width: 4 },
        { header: 'Kabupaten/kota', width: 2 },
      ],
      rows,
      minRowHeight: 24,
    });
    const { text, pages } = await textOf(await pdf.finish());
    expect(pages).toBeGreaterThan(3);
    expect(text.match(/Nama peserta/g)?.length).toBe(pages);
    expect(text).toContain('Peserta nomor 120');
    expect(text).not.toContain('x'.repeat(300));
    expect(text.replace(/\s/g, '')).toContain('x'.repeat(300));
    expect(text).toContain(`Halaman ${pages} dari ${pages}`);
  });

  it('embeds PNG and WebP images', async () => {
    const { default: sharp } = await import('sharp');
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0b5c4b' } })
      .webp()
      .toBuffer();
    const pdf = await PdfWriter.create({ lang: 'id', title: 'Gambar' });
    await pdf.image(await qrPng('https://example.test/x', { size: 200 }), { maxWidth: 120, caption: 'QR' });
    await pdf.imageGrid([
      { bytes: new Uint8Array(webp), caption: 'Foto 1' },
      { bytes: new Uint8Array(webp) },
    ]);
    const bytes = await pdf.finish();
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect((await textOf(bytes)).text).toContain('Foto 1');
  });
});
