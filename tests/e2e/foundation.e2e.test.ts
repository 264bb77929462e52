import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';

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

  it('shows each demo role its own navigation, in sections', async () => {
    // The first row names the sections; a section with one page for this role shows that page's name.
    const expected: Record<string, string[]> = {
      'admin@ovop.test': [
        'Beranda',
        'Data IKM',
        'Periode & usulan',
        'Penilaian',
        'Kegiatan & mitra',
        'Pembinaan',
        'Administrasi',
      ],
      'ambon@ovop.test': [
        'Beranda',
        'Data IKM',
        'Periode & usulan',
        'Penghargaan',
        'Kegiatan & mitra',
        'Pembinaan',
      ],
      'penilai1@ovop.test': ['Beranda', 'Wilayah', 'Periode penilaian', 'Penilaian'],
      'ikm@ovop.test': ['Beranda', 'Data IKM', 'Periode penilaian', 'Sertifikat & label bintang'],
    };
    for (const [email, nav] of Object.entries(expected)) {
      await b.login(email);
      expect(await navOf()).toEqual(nav);
      await b.page.getByRole('button', { name: 'Keluar' }).click();
      await b.page.waitForURL(/\/login/);
    }
  }, 90_000);

  it("shows the current section's pages and marks the page being shown", async () => {
    await b.login('admin@ovop.test');
    await b.page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Penilaian' })
      .click();
    const section = b.page.getByRole('navigation', { name: 'Halaman bagian Penilaian' });
    expect((await section.getByRole('link').allTextContents()).map((s) => s.trim())).toEqual([
      'Penugasan penilai',
      'Hasil penilaian',
      'Penghargaan',
      'Rubrik',
      'Penilai',
    ]);
    await section.getByRole('link', { name: 'Rubrik' }).click();
    await b.page.waitForURL(/\/rubrics$/);
    const rubrics = b.page.getByRole('navigation', { name: 'Halaman bagian Penilaian' }).getByRole('link', {
      name: 'Rubrik',
    });
    expect(await rubrics.getAttribute('aria-current')).toBe('page');
    const main = b.page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Penilaian' });
    expect(await main.getAttribute('aria-current')).toBe('true');
    await b.page.getByRole('button', { name: 'Keluar' }).click();
    await b.page.waitForURL(/\/login/);
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
    await openPage(b.page, 'Administrasi', 'Pengguna');
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
