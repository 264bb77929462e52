import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';

/** No serious axe-core violation on the page now open. */
async function accessible(p: Page) {
  expect(describeViolations(await seriousViolations(p)), p.url()).toBe('');
}

describe.runIf(hasBrowser)('assessment set-up in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 120_000);
  afterAll(() => b?.close());

  it('lets the admin edit a rubric into a new version, fixing a weight, and choose it for a cycle', async () => {
    const p = b.page;
    await b.login('admin@ovop.test');
    await openPage(p, 'Penilaian', 'Rubrik');
    await accessible(p);
    const row = p.locator('tr', { hasText: 'Makanan & minuman' });
    await row.getByRole('button', { name: 'Ubah (buat versi baru)' }).click();
    await expect.poll(() => p.locator('.flash').textContent()).toContain('Draf versi 2 dibuat dari versi 1.');
    await accessible(p);

    // Raise the local raw material's weight: the rule (A exactly 30, all 100) refuses it.
    await p.locator('[name="aspects.0.criteria.0.weight"]').fill('5');
    await p.getByRole('button', { name: 'Simpan draf' }).last().click();
    const summary = p.locator('.error-summary');
    await expect
      .poll(() => summary.textContent())
      .toContain('Bobot aspek A berjumlah 32; aturan meminta tepat 30.');
    expect(await summary.textContent()).toContain('Jumlah semua bobot 102; aturan meminta 100.');
    await accessible(p);
    // The typed weight is kept; take the two points from the supply criterion.
    expect(await p.locator('[name="aspects.0.criteria.0.weight"]').inputValue()).toBe('5');
    await p.locator('[name="aspects.0.criteria.1.weight"]').fill('1');
    await p.getByRole('button', { name: 'Simpan draf' }).last().click();
    await expect.poll(() => p.locator('.flash').textContent()).toContain('Draf versi 2 disimpan.');

    // One criterion's own page (its levels), without changing anything.
    await p.getByRole('button', { name: 'Tingkat A1', exact: true }).click();
    await expect.poll(() => p.locator('h1').textContent()).toContain('Kriteria A1');
    await accessible(p);
    await p.getByRole('link', { name: 'Kembali ke draf' }).click();

    await p.getByRole('link', { name: 'Periksa dan terbitkan' }).first().click();
    const main = p.locator('main');
    await expect.poll(() => main.textContent()).toContain('Bobot A1: 3 → 5');
    expect(await main.textContent()).toContain('Bobot A2: 3 → 1');
    await accessible(p);
    await p
      .getByLabel('Catatan perubahan')
      .fill('Bahan baku lokal diberi bobot lebih besar (rapat tim penilai).');
    await p.getByRole('button', { name: 'Terbitkan versi 2' }).click();
    await expect
      .poll(() => p.locator('.flash').textContent())
      .toContain('Versi 2 rubrik Makanan & minuman terbit.');
    expect(await main.textContent()).toContain('Bobot aspek A: 30');
    await accessible(p);
    await p.getByRole('link', { name: 'Riwayat versi' }).click();
    expect(await main.textContent()).toContain('Bahan baku lokal diberi bobot lebih besar');
    await accessible(p);

    // Choose version 2 for the 2026 round.
    await openPage(p, 'Periode & usulan', 'Periode penilaian');
    await p.getByRole('link', { name: 'Pra-seleksi Provinsi OVOP 2026' }).click();
    expect(await main.textContent()).toContain('Makanan & minuman — versi 1');
    await p.getByRole('link', { name: 'Pilih versi rubrik' }).first().click();
    await accessible(p);
    const select = p.getByLabel('Rubrik Makanan & minuman');
    const v2 = await select.locator('option', { hasText: 'Versi 2' }).getAttribute('value');
    await select.selectOption(v2!);
    // The 2026 round already took nominations: the change needs its reason, kept in the audit log.
    await p.getByLabel('Alasan perubahan').fill('Rubrik versi 2 disepakati tim penilai.');
    await p.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => p.locator('.flash').textContent())
      .toContain('Rubrik periode Pra-seleksi Provinsi OVOP 2026 disimpan.');
    expect(await main.textContent()).toContain('Makanan & minuman — versi 2');
    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.waitForURL(/\/login/);
  }, 120_000);

  it('lets an assessor declare a conflict, finding the IKM by name only', async () => {
    const p = b.page;
    await b.login('penilai1@ovop.test');
    await p.getByRole('link', { name: 'Penilaian', exact: true }).first().click();
    await accessible(p);
    await p.getByRole('button', { name: 'Nyatakan konflik' }).click();
    await p.getByLabel('Nama IKM').fill('mutiara hati');
    await p.getByRole('button', { name: 'Cari' }).click();
    await accessible(p);
    await p.getByRole('link', { name: 'Pilih Kerajinan Mutiara Hati Batu Merah' }).click();
    await p.getByLabel('mitra usaha').check();
    await p.getByLabel('Keterangan').fill('Saya pernah menjadi mitra pemasaran usaha ini.');
    await accessible(p);
    await p.getByRole('button', { name: 'Nyatakan konflik' }).click();
    await expect
      .poll(() => p.locator('.flash').textContent())
      .toContain('Konflik dengan Kerajinan Mutiara Hati Batu Merah dicatat.');
    expect(await p.locator('main').textContent()).toContain('mitra usaha');
    await accessible(p);
    await p.goto(b.url('/assessment/profile'));
    await accessible(p);
    // The registry and the admin pages stay closed.
    const registry = await p.goto(b.url('/registry/ikm'));
    expect(registry?.status()).toBe(403);
    const admin = await p.goto(b.url('/admin/conflicts'));
    expect(admin?.status()).toBe(403);
    await p.goto(b.url('/assessment'));
    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.waitForURL(/\/login/);
  }, 90_000);

  it('shows the admin the suggested conflict, which the admin confirms', async () => {
    const p = b.page;
    await b.login('admin@ovop.test');
    await openPage(p, 'Penilaian', 'Penilai');
    await accessible(p);
    await p.getByRole('link', { name: 'Saran konflik (1)' }).click();
    const main = p.locator('main');
    expect(await main.textContent()).toContain('Penilai Tiga (demo)');
    expect(await main.textContent()).toContain('alamat email');
    await accessible(p);
    await p.getByRole('button', { name: 'Konfirmasi konflik' }).click();
    await expect.poll(() => p.locator('.flash').textContent()).toContain('Saran dikonfirmasi');
    expect(await main.textContent()).toContain('Tidak ada saran konflik saat ini.');
    await p.getByRole('link', { name: 'Kembali' }).click();
    // Three conflicts in force: the demo declaration, the assessor's and the confirmed suggestion.
    expect(await p.locator('main tbody tr').count()).toBe(3);
    await accessible(p);
    await p.getByRole('link', { name: 'Kembali' }).click();
    await p.getByRole('link', { name: 'Penilai Dua (demo)' }).click();
    await accessible(p);
    await openPage(p, 'Penilaian', 'Rubrik');
    await p.getByRole('link', { name: 'Kain tenun' }).click();
    await p.getByRole('link', { name: 'Versi cetak' }).click();
    await accessible(p);
  }, 90_000);
});
