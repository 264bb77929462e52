import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, hasBrowser, startBrowser } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('registry in a real browser', () => {
  let b: BrowserHarness;
  let dir: string;
  beforeAll(async () => {
    b = await startBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-e2e-files-'));
    const { default: sharp } = await import('sharp');
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#7a1f1f' } })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect x="100" y="100" width="1000" height="700" fill="#e0b04a"/><circle cx="600" cy="450" r="250" fill="#1f3a5f"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toFile(path.join(dir, 'tenun.jpg'));
    fs.writeFileSync(path.join(dir, 'sk.pdf'), '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lets an officer register a sentra, an IKM and a product with a photo', async () => {
    await b.login('tanimbar@ovop.test');
    const page = b.page;
    await page.getByRole('link', { name: 'Registri IKM' }).click();
    await page
      .getByRole('navigation', { name: 'Bagian registri' })
      .getByRole('link', { name: 'Sentra IKM' })
      .click();
    await page.getByRole('button', { name: 'Tambah sentra' }).click();

    await page.getByLabel('Nama sentra').fill('Sentra Tenun Ikat Lorulun');
    await page.getByLabel('Kecamatan').selectOption({ label: 'Wertamrian — Kab. Kepulauan Tanimbar' });
    await page.getByLabel('Desa/kelurahan').fill('Lorulun');
    await page.getByLabel('Komoditas').selectOption('kain_tenun');
    await page.getByLabel('Produk sentra').fill('tenun ikat');
    await page.getByLabel('Nomor SK').fill('530/101/SK/2025');
    await page.getByLabel('Tanggal SK').fill('3/2/2025');
    await page.getByLabel('Pindaian SK').setInputFiles(path.join(dir, 'sk.pdf'));
    await page.getByLabel('Jumlah unit usaha').fill('9');
    await page.getByRole('button', { name: 'Tambah sentra' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Sentra Tenun Ikat Lorulun disimpan.');
    expect(await page.locator('main').textContent()).toContain('530/101/SK/2025, 3 Feb 2025');

    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Registri IKM' })
      .click();
    await page.getByRole('button', { name: 'Tambah IKM' }).click();
    await page.getByLabel('Nama usaha').fill('Sanggar Tenun Lorulun Indah');
    await page.getByLabel('Nama pemilik').fill('Agustina Batlayeri');
    // A NIB of 12 digits is refused with its reason, and the input stays.
    await page.getByLabel('NIB').fill('991030000123');
    await page.getByLabel(/^Telepon/).fill('0812 3456 7890');
    await page.getByLabel('Kecamatan').selectOption({ label: 'Wertamrian — Kab. Kepulauan Tanimbar' });
    await page.getByLabel('Desa/kelurahan').fill('Lorulun');
    await page
      .getByLabel('Sentra')
      .selectOption({ label: 'Sentra Tenun Ikat Lorulun — Kabupaten Kepulauan Tanimbar' });
    await page.getByLabel('Tenaga kerja perempuan').fill('12');
    await page.getByLabel('Nilai investasi (Rp)').fill('75 juta');
    await page.getByRole('button', { name: 'Tambah IKM' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('NIB harus 13 digit; yang diisi 12 digit.');
    expect(await page.getByLabel('Nama usaha').inputValue()).toBe('Sanggar Tenun Lorulun Indah');
    await summary.getByRole('link').first().click();
    await page.getByLabel('NIB').fill('9910300001234');
    await page.getByRole('button', { name: 'Tambah IKM' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Sanggar Tenun Lorulun Indah disimpan.');
    const profile = (await page.locator('main').textContent()) ?? '';
    expect(profile).toContain('+62 812-3456-7890');
    expect(profile).toContain('Industri kecil');
    expect(profile).toContain('Sentra Tenun Ikat Lorulun');

    await page.getByRole('button', { name: 'Tambah produk' }).click();
    await page.getByLabel('Nama produk').fill('Kain Tenun Ikat Lorulun');
    await page.getByLabel('Komoditas').selectOption('kain_tenun');
    await page
      .getByLabel('Cerita produk (Bahasa Indonesia)')
      .fill('Ditenun oleh **mama-mama** Lorulun.\n\n- motif ikan\n- pewarna alam');
    await page.getByLabel('Harga terendah (Rp)').fill('1.250.000');
    await page.getByLabel('Kode HS').fill('5809.00.00');
    await page.getByRole('button', { name: 'Tambah produk' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Kain Tenun Ikat Lorulun disimpan.');
    expect(await page.locator('.story strong').textContent()).toBe('mama-mama');

    await page.getByLabel('Berkas foto').setInputFiles(path.join(dir, 'tenun.jpg'));
    await page.getByLabel('Keterangan foto').fill('Motif ikan');
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    await expect.poll(() => page.locator('.flash').textContent()).toContain('Foto ditambahkan.');
    const img = page.locator('.photo-grid img').first();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);

    // The product, with its thumbnail, is in the list; and the IKM is found by its product's name.
    await page.goto(b.url('/registry/ikm'));
    await page
      .getByRole('navigation', { name: 'Bagian registri' })
      .getByRole('link', { name: 'Produk', exact: true })
      .click();
    expect(await page.locator('main table').textContent()).toContain('Kain Tenun Ikat Lorulun');
    await page.goto(b.url('/registry/ikm?q=lorulun+tenun'));
    expect(await page.locator('main table').textContent()).toContain('Sanggar Tenun Lorulun Indah');
  }, 120_000);

  it('works with JavaScript turned off', async () => {
    const ctx = await b.newContext({ javaScriptEnabled: false });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(b.url('/login'));
    await page.getByLabel('Email').fill('ambon@ovop.test');
    await page.getByLabel('Kata sandi').fill('ovop-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.goto(b.url('/registry/ikm'));
    await page.getByLabel('Cari').fill('mutiara');
    await page.getByRole('button', { name: 'Terapkan filter' }).click();
    expect(page.url()).toContain('q=mutiara');
    expect(await page.locator('main table').textContent()).toContain('Mutiara');
    await page.goto(b.url('/regions/81.71'));
    expect(await page.locator('main').textContent()).toContain('Profil potensi daerah');
  }, 60_000);
});
