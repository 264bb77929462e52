import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('cycles and notifications in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 120_000);
  afterAll(() => b?.close());

  it('lets the admin configure a cycle with phases, bands and a checklist', async () => {
    const p = b.page;
    await b.login('admin@ovop.test');
    await openPage(p, 'Periode & usulan', 'Periode penilaian');
    // The demo cycles are listed.
    expect(await p.locator('main').textContent()).toContain('Pra-seleksi Provinsi OVOP 2024');
    await p.getByRole('button', { name: 'Buat periode' }).click();
    await p.getByLabel('Nama periode').fill('Penghargaan Nasional OVOP 2027');
    await p.getByLabel('Tahun').fill('2027');
    await p.getByLabel('Penghargaan nasional').check();
    await p.locator('[name="phases.proposal.start"]').fill('2027-03-01T08:00');
    await p.locator('[name="phases.proposal.end"]').fill('2027-03-31T23:59');
    await p.locator('[name="phases.assessment.start"]').fill('2027-05-01T08:00');
    await p.locator('[name="phases.assessment.end"]').fill('2027-04-30T17:00');
    // Star 2 overlaps star 1.
    await p.locator('[name="bands.1.min"]').fill('60');
    await p.getByRole('button', { name: 'Buat periode' }).last().click();
    const summary = p.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('tumpang tindih dengan bintang 1');
    expect(await summary.textContent()).toContain('Waktu selesai harus setelah waktu mulai.');
    // The typed name is kept; fix the two mistakes.
    expect(await p.getByLabel('Nama periode').inputValue()).toBe('Penghargaan Nasional OVOP 2027');
    await p.locator('[name="bands.1.min"]').fill('65');
    await p.locator('[name="phases.assessment.end"]').fill('2027-06-30T17:00');
    await p.getByRole('button', { name: 'Buat periode' }).last().click();
    await expect.poll(() => p.locator('.flash').textContent()).toContain('Penghargaan Nasional OVOP 2027');
    const main = p.locator('main');
    expect(await main.textContent()).toContain('31 Mar 2027 23.59 WIT');
    expect(await main.textContent()).toContain('Hasil uji laboratorium keamanan pangan');

    // One commodity's checklist: add rows without JavaScript's help, fill one, save.
    await p.getByRole('link', { name: 'Ubah persyaratan dokumen Anyaman' }).click();
    await p.getByRole('button', { name: 'Tambah 3 baris persyaratan' }).click();
    const labels = p.getByLabel('Nama (Bahasa Indonesia)');
    expect(await labels.count()).toBe(6 + 2 + 3);
    await labels.nth(7).fill('Sertifikat indikasi geografis');
    await p.getByLabel('Nama (Inggris)').nth(7).fill('Geographical indication certificate');
    await p.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => p.locator('.flash').textContent())
      .toContain('Persyaratan dokumen Anyaman disimpan.');
    expect(await main.textContent()).toContain('sertifikat_indikasi_geografis');
    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.waitForURL(/\/login/);
  });

  it('previews a bulk message before it goes, then the officer sees it', async () => {
    const p = b.page;
    await b.login('admin@ovop.test');
    await openPage(p, 'Administrasi', 'Kotak keluar');
    await p.getByRole('button', { name: 'Kirim pesan massal' }).click();
    await p.getByLabel('Petugas kabupaten/kota terpilih').check();
    await p.getByLabel('Kota Ambon').check();
    await p.getByLabel('Judul (Bahasa Indonesia)').fill('Masa pengajuan 2026 dibuka');
    await p
      .getByLabel('Isi pesan (Bahasa Indonesia)')
      .fill('Silakan ajukan usulan sebelum 18 Desember 2026 pukul 23.59 WIT.');
    await p.getByRole('button', { name: 'Lanjutkan' }).click();
    await expect.poll(() => p.locator('h1').textContent()).toContain('Periksa pesan sebelum dikirim');
    const preview = await p.locator('main').textContent();
    expect(preview).toContain('Pesan ini akan dikirim ke 1 penerima');
    expect(preview).toContain('ambon@ovop.test');
    expect(preview).toContain('Silakan ajukan usulan sebelum 18 Desember 2026');
    await p.getByRole('button', { name: 'Kirim pesan' }).click();
    await expect.poll(() => p.locator('main').textContent()).toContain('Pesan dikirim ke 1 penerima.');
    await p.getByRole('link', { name: 'Buka kotak keluar' }).click();
    expect(await p.locator('main').textContent()).toContain('Masa pengajuan 2026 dibuka');
    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.waitForURL(/\/login/);

    await b.login('ambon@ovop.test');
    const bell = p.locator('a.bell');
    expect(await bell.textContent()).toContain('1');
    await bell.click();
    expect(await p.locator('main').textContent()).toContain('Silakan ajukan usulan sebelum 18 Desember 2026');
    await p.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    expect(await p.locator('a.bell .bell-count').count()).toBe(0);
  });
});
