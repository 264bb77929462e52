import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';
import { xlsxOf } from '../helpers/sheets.ts';

/** The text of the page's main part once it holds `expected` (the import pages refresh themselves). */
async function waitForText(page: Page, expected: string, timeout = 90_000): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        text =
          (await page
            .locator('main')
            .textContent()
            .catch(() => '')) ?? '';
        return text;
      },
      { timeout, interval: 250 },
    )
    .toContain(expected);
  return text;
}

/** Downloads what a link gives, into `dir`; returns its path. */
async function download(page: Page, link: string, dir: string, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).first().click(),
  ]);
  const to = path.join(dir, name);
  await file.saveAs(to);
  return to;
}

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
    await openPage(page, 'Data IKM');
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

    await openPage(page, 'Data IKM');
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

  it('lets an officer import a sheet, see its problems by row and column, and fix the rows it rejected', async () => {
    const ctx = await b.newContext();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(b.url('/login'));
    await page.getByLabel('Email').fill('ambon@ovop.test');
    await page.getByLabel('Kata sandi').fill('ovop-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForLoadState('load');

    // A sheet as an office keeps it: two good rows, a NIB of 12 digits, a kecamatan not in Ambon.
    const sheet = path.join(dir, 'IKM Kota Ambon 2026.xlsx');
    fs.writeFileSync(
      sheet,
      await xlsxOf([
        {
          name: 'Data IKM',
          rows: [
            ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota', 'Kecamatan', 'Tenaga kerja perempuan'],
            ['Kenari Salawaku Batu Merah', 'Hendrik Latumahina', '9171990000001', 'Kota Ambon', 'Sirimau', 4],
            ['Abon Cakalang Hative', 'Yuliana Pattiasina', '9171990000002', 'Kota Ambon', 'Teluk Ambon', 6],
            ['Minyak Kayu Putih Latuhalat', 'Petrus Souisa', '917199000003', 'Kota Ambon', 'Nusaniwe', 3],
            ['Roti Kenari Passo', 'Salma Tuasikal', '9171990000004', 'Kota Ambon', 'Antah Berantah', 2],
          ],
        },
      ]),
    );

    await page.goto(b.url('/registry/ikm'));
    await page
      .getByRole('navigation', { name: 'Bagian registri' })
      .getByRole('link', { name: 'Impor' })
      .click();
    await waitForText(page, 'Riwayat impor');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Isi lembar kerja' }).getByLabel('IKM', { exact: true }).check();
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(sheet);
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();

    // The preview lists each problem by row and column, before anything is written.
    await waitForText(page, 'Menunggu konfirmasi');
    const problems = page.getByRole('table', {
      name: 'Masalah yang ditemukan, menurut baris dan kolom lembar kerja',
    });
    const rows: string[][] = [];
    for (const tr of await problems.locator('tbody tr').all())
      rows.push((await tr.locator('th, td').allTextContents()).map((c) => c.trim()));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 4)).toEqual([
      '4',
      'C (NIB)',
      '917199000003',
      'NIB harus 13 digit; yang diisi 12 digit.',
    ]);
    expect(rows[1]!.slice(0, 4)).toEqual([
      '5',
      'E (Kecamatan)',
      'Antah Berantah',
      'Kecamatan "Antah Berantah" tidak ada di Kota Ambon.',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(b.url('/registry/ikm?q=917199'));
    expect(await page.locator('main').textContent()).not.toContain('Kenari Salawaku Batu Merah');
    await page.goBack();

    // Only the valid rows go in.
    await page.getByLabel('Hanya baris tanpa masalah').check();
    await page.getByRole('button', { name: 'Impor sekarang' }).click();
    await waitForText(page, 'Impor selesai: 2 baru, 0 diperbarui, 2 baris dilewati.');
    expect(await seriousViolations(page)).toEqual([]);

    // The errors file holds the two rejected rows as they were; fixed, it goes back in.
    const errorsFile = await download(page, 'Unduh berkas kesalahan (.xlsx)', dir, 'kesalahan.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(errorsFile);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (label: string) => header.indexOf(label);
    expect(ws.actualRowCount).toBe(3);
    const byName = new Map<string, number>();
    for (const r of [2, 3]) byName.set(String(ws.getCell(r, col('Nama usaha')).value), r);
    expect([...byName.keys()].sort()).toEqual(['Minyak Kayu Putih Latuhalat', 'Roti Kenari Passo']);
    const latuhalat = byName.get('Minyak Kayu Putih Latuhalat')!;
    expect(String(ws.getCell(latuhalat, col('NIB')).value)).toBe('917199000003');
    ws.getCell(latuhalat, col('NIB')).value = '9171990000003';
    ws.getCell(byName.get('Roti Kenari Passo')!, col('Kecamatan')).value = 'Baguala';
    const fixed = path.join(dir, 'IKM Kota Ambon 2026 - diperbaiki.xlsx');
    await wb.xlsx.writeFile(fixed);

    for (const [expected, created, updated] of [
      ['Impor selesai: 2 baru, 0 diperbarui, 0 baris dilewati.', 2, 0],
      // The same file once more: it updates the two IKM it made, and adds none.
      ['Impor selesai: 0 baru, 2 diperbarui, 0 baris dilewati.', 0, 2],
    ] as const) {
      await page.goto(b.url('/registry/import'));
      await page.getByRole('group', { name: 'Isi lembar kerja' }).getByLabel('IKM', { exact: true }).check();
      await page.getByLabel('Berkas', { exact: true }).setInputFiles(fixed);
      await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
      await waitForText(page, 'Tidak ada masalah: semua baris dapat diimpor.');
      await page.getByLabel('Hanya baris tanpa masalah').check();
      await page.getByRole('button', { name: 'Impor sekarang' }).click();
      await waitForText(page, expected);
      expect(created + updated).toBe(2);
    }

    // Each of the four IKM is there once, in its kecamatan.
    await page.goto(b.url('/registry/ikm?q=917199'));
    const list = page.locator('main table tbody tr');
    expect(await list.count()).toBe(4);
    const listed = (await list.allTextContents()).join('\n');
    for (const name of [
      'Kenari Salawaku Batu Merah',
      'Abon Cakalang Hative',
      'Minyak Kayu Putih Latuhalat',
      'Roti Kenari Passo',
    ])
      expect(listed.split(name).length - 1).toBe(1);
    await page.goto(b.url('/registry/ikm?q=9171990000004'));
    await page.getByRole('link', { name: 'Roti Kenari Passo' }).click();
    expect(await page.locator('main').textContent()).toContain('Baguala');

    // The history keeps all three imports.
    await page.goto(b.url('/registry/import'));
    const history = (await page.locator('main table').first().textContent()) ?? '';
    expect(history).toContain('IKM Kota Ambon 2026.xlsx');
    expect(history.split('IKM Kota Ambon 2026 - diperbaiki.xlsx').length - 1).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  }, 240_000);

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
