import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { pdfText } from '../../../tests/helpers/events.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a brand-new installation with no data', () => {
  it('shows every dashboard and map with sensible empty states, never an error', async () => {
    const admin = await t.as('admin@ovop.test');
    for (const measure of [
      'ikm',
      'sentra',
      'products',
      'nominated',
      'passed',
      'stars',
      'coverage',
      'participants',
      'expiring',
      'overdue',
    ]) {
      const res = await admin.get(`/dashboard?measure=${measure}`);
      expect(res.status, measure).toBe(200);
    }
    const page = textOf(await (await admin.get('/dashboard')).text());
    expect(page).toContain('Registri masih kosong');
    expect(page).toContain('Belum ada periode penilaian.');
    expect(page).toContain('Belum ada bintang yang diputuskan atau dicatat.');
    expect(page).toContain('Tidak ada program pembinaan yang sedang berjalan.');
    expect(page).toContain('Tidak ada tindak lanjut yang terlambat.');
    expect(page).toContain('Keterangan warna: tidak ada');
    const en = textOf(await (await admin.get('/dashboard?lang=en')).text());
    expect(en).toContain('The registry is empty');
    expect(en).toContain('No assessment round yet.');

    const ambon = await t.as('ambon@ovop.test');
    const own = textOf(await (await ambon.get('/dashboard')).text());
    expect(own).toContain('Ringkasan Kota Ambon');
    expect(own).toContain('Tidak ada pekerjaan yang menunggu.');

    const assessor = await t.as('penilai1@ovop.test');
    expect(textOf(await (await assessor.get('/dashboard')).text())).toContain(
      'Anda belum ditugasi menilai usulan.',
    );
    const owner = await t.as('ikm@ovop.test');
    const ownerPage = await owner.get('/dashboard');
    expect(ownerPage.status).toBe(200);
    expect(textOf(await ownerPage.text())).not.toContain('Ringkasan');
  }, 120_000);

  it('shows empty comparisons and makes empty exports and reports', async () => {
    const admin = await t.as('admin@ovop.test');
    const comparisons = textOf(await (await admin.get('/dashboard/comparisons')).text());
    expect(comparisons).toContain('Belum ada periode dengan usulan atau bintang untuk dibandingkan.');
    expect((await admin.get('/dashboard/comparisons/export.xlsx')).status).toBe(200);
    expect((await admin.get('/dashboard/export.xlsx')).status).toBe(200);
    const res = await admin.get('/dashboard/report.pdf');
    expect(res.status).toBe(200);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Tidak ada periode penilaian pada tahun ini.');
    expect(text).toContain('Belum ada bintang yang diputuskan atau dicatat.');
    expect(text).toContain('Tidak ada program pembinaan yang sedang berjalan.');
    const en = await pdfText(
      new Uint8Array(await (await admin.get('/dashboard/report.pdf?year=2025&lang=en')).arrayBuffer()),
    );
    expect(en).toContain('No assessment round in this year.');
    // Two PDFs, the first loading pdf-lib and the fonts: slow on a loaded machine.
  }, 120_000);
});
