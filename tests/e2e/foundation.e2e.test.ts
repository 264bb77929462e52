import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, hasBrowser, startBrowser } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('foundation in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 120_000);
  afterAll(() => b?.close());

  const navOf = async () =>
    (
      await b.page
        .getByRole('navigation', { name: /Navigasi utama|Main navigation/ })
        .getByRole('link')
        .allTextContents()
    ).map((s) => s.trim());

  it('shows each demo role its own navigation', async () => {
    const expected: Record<string, string[]> = {
      'admin@ovop.test': [
        'Beranda',
        'Wilayah',
        'Registri IKM',
        'Periode penilaian',
        'Calon OVOP',
        'Usulan',
        'Penugasan penilai',
        'Rubrik',
        'Hasil penilaian',
        'Penghargaan',
        'Penilai',
        'Kegiatan',
        'Tindak lanjut',
        'Mitra',
        'Pembinaan',
        'Permintaan pembeli',
        'Kotak keluar',
        'Pengguna',
        'Jejak audit',
      ],
      'ambon@ovop.test': [
        'Beranda',
        'Wilayah',
        'Registri IKM',
        'Periode penilaian',
        'Calon OVOP',
        'Usulan',
        'Penghargaan',
        'Kegiatan',
        'Tindak lanjut',
        'Mitra',
        'Pembinaan',
        'Permintaan pembeli',
      ],
      'penilai1@ovop.test': [
        'Beranda',
        'Wilayah',
        'Periode penilaian',
        'Penilaian',
        'Penugasan saya',
        'Rubrik',
      ],
      'ikm@ovop.test': [
        'Beranda',
        'Wilayah',
        'Registri IKM',
        'Periode penilaian',
        'Sertifikat & label bintang',
      ],
    };
    for (const [email, nav] of Object.entries(expected)) {
      await b.login(email);
      expect(await navOf()).toEqual(nav);
      await b.page.getByRole('button', { name: 'Keluar' }).click();
      await b.page.waitForURL(/\/login/);
    }
  });

  it('switches the interface to English and back', async () => {
    await b.login('tanimbar@ovop.test');
    await b.page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => b.page.locator('h1').textContent()).toContain('Hello');
    expect(await b.page.locator('html').getAttribute('lang')).toBe('en');
    await b.page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect.poll(() => b.page.locator('h1').textContent()).toContain('Halo');
    await b.page.getByRole('button', { name: 'Keluar' }).click();
  });

  it('lets an admin create a user and find the row in the audit log', async () => {
    await b.login('admin@ovop.test');
    await b.page.getByRole('link', { name: 'Pengguna' }).first().click();
    await b.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await b.page.getByLabel('Nama lengkap').fill('Maria Latuheru');
    await b.page.getByLabel('Email').fill('maria@ovop.test');
    await b.page.getByLabel('Peran').selectOption('petugas_kabkota');
    await b.page.getByLabel('Kabupaten/kota').selectOption('81.72');
    await b.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await expect.poll(() => b.page.locator('.flash').textContent()).toContain('maria@ovop.test');
    await b.page.getByRole('link', { name: 'Jejak audit' }).first().click();
    const row = b.page
      .locator('tr', { hasText: 'user.create' })
      .filter({ hasText: 'admin@ovop.test' })
      .first();
    await row.getByRole('link', { name: 'Rincian' }).click();
    expect(await b.page.locator('main').textContent()).toContain('maria@ovop.test');
  });
});
