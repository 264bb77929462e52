/**
 * The spreadsheet import through the pages, on real xlsx and CSV files made here: templates, messy
 * office sheets, the preview, both modes, re-imports, the chain sentra → IKM → products, scope,
 * formulas, and hostile files (damaged, password-protected, bombs) — with the server answering
 * other requests meanwhile and nothing stored from a refused file.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../../tests/helpers/app.ts';
import {
  compoundFileOf,
  csvOf,
  encryptedXlsx,
  type SheetSpec,
  xlsxOf,
  zipBomb,
  zipOf,
} from '../../../../tests/helpers/sheets.ts';
import { queryRows } from '../../../db/client.ts';
import { importJobs } from '../../../db/schema/registry-import.ts';
import { ikm, products, sentra } from '../../../db/schema/registry.ts';
import { waitForImport } from './import.service.ts';
import { spillDir } from './import.spill.ts';

let t: TestApp;
let admin: TestClient;
let ambon: TestClient;
let tanimbar: TestClient;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileOf = (name: string, bytes: Uint8Array, type = XLSX) =>
  new File([new Uint8Array(bytes)], name, { type });

const count = async (table: 'ikm' | 'products' | 'sentra' | 'import_jobs' | 'files') =>
  Number(
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!
      .n,
  );

/** Uploads a sheet as a user would and waits for its check; returns the job id. */
async function upload(client: TestClient, kind: string, name: string, bytes: Uint8Array, type = XLSX) {
  const res = await client.post('/registry/import', { kind, file: fileOf(name, bytes, type) });
  expect(res.status, await res.clone().text().then(textOf)).toBe(303);
  const id = res.headers.get('location')!.split('/').pop()!;
  await waitForImport(t.deps.db, id);
  return id;
}

/** Confirms a checked sheet and waits for its import; says where the job stood if it did not finish. */
async function confirm(client: TestClient, id: string, mode: 'all' | 'valid') {
  const before = await job(id);
  expect(before.status, JSON.stringify(before)).toBe('checked');
  const res = await client.post(`/registry/import/${id}/confirm`, { mode });
  expect(res.status).toBe(303);
  await waitForImport(t.deps.db, id);
  const after = await job(id);
  expect(after.status, JSON.stringify(after)).toBe('done');
}

async function job(id: string) {
  const [row] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, id));
  return row!;
}

const pageText = async (client: TestClient, path: string) => textOf(await (await client.get(path)).text());

beforeAll(async () => {
  t = await createTestApp();
  [admin, ambon, tanimbar] = await Promise.all([
    t.as('admin@ovop.test'),
    t.as('ambon@ovop.test'),
    t.as('tanimbar@ovop.test'),
  ]);
}, 60_000);
afterAll(() => t?.close());

/** A sheet as offices keep it: a merged title, a blank row, a two-row header, messy values. */
function messyIkmSheet(): SheetSpec {
  return {
    name: 'Data IKM',
    merges: ['A1:M1', 'G3:H3'],
    rows: [
      ['DATA INDUSTRI KECIL DAN MENENGAH PROVINSI MALUKU TAHUN 2026'],
      [],
      [
        'No.',
        'Nama Usaha  ',
        'NAMA PEMILIK',
        'No. NIB',
        'Kab/Kota',
        'Kecamatan',
        'Tenaga Kerja',
        null,
        'Nilai Investasi (Rp)',
        'Telp/HP',
        'Kapasitas',
        'Satuan',
        'Per',
      ],
      [null, null, null, null, null, null, 'L', 'P'],
      // 5: everything in Indonesian shapes, numbers as text, trailing spaces.
      [
        1,
        'UD Mutiara Laut ',
        ' Maria Latuheru',
        '9120 0012 3456 7',
        'Kota Ambon',
        'Sirimau',
        '2',
        '3',
        '1.250.000',
        '0812-3456-7890',
        '2,5',
        'ton',
        'bulan',
      ],
      // 6: kab/kota by "Kab." and an accent in the owner's name; NIB as a number.
      [
        2,
        'Sagu Lempeng Namlea',
        'José Wattimena',
        9120001234568,
        'Kab. Buru',
        'Namlea',
        4,
        6,
        '150 juta',
        '+62 813 1111 2222',
        1200,
        'kg',
        'minggu',
      ],
      // 7: kab/kota by its code; a bad phone (left out in "all"), a bad unit (its capacity left out).
      [
        3,
        'Minyak Kayu Putih Sinar',
        'Abdul Tuasikal',
        '9120001234569',
        '81.71',
        null,
        1,
        1,
        '75.000.000',
        '12',
        '50',
        'drum',
        'hari',
      ],
      // 8: a NIB of 12 digits (the row cannot be saved).
      [4, 'UD Dua Belas', 'Yosef Rahanra', '912000123456', 'KOTA AMBON', null, 1, 0, '10.000.000'],
      // 9: an unknown kab/kota.
      [5, 'UD Entah', 'Siapa', '9120001234570', 'Kota Atlantis', null, 1, 1, '1.000.000'],
      // 10: the same NIB as row 5.
      [6, 'UD Mutiara Laut Cabang', 'Maria Latuheru', '9120001234567', 'Kota Ambon'],
      [],
    ],
  };
}

describe('templates', () => {
  it('offers an xlsx per kind with dropdowns and instructions in Indonesian and English', async () => {
    for (const kind of ['sentra', 'ikm', 'products']) {
      const res = await admin.get(`/registry/import/templates/${kind}.xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toContain('Petunjuk');
      expect(names).toContain('Daftar');
      const guide = wb.getWorksheet('Petunjuk')!;
      const words: string[] = [];
      guide.eachRow((row) => row.eachCell((c) => words.push(String(c.value))));
      const all = words.join('\n');
      expect(all).toContain('Urutan impor');
      expect(all).toContain('Import order');
      const xml = await unzipText(
        Buffer.from(await (await admin.get(`/registry/import/templates/${kind}.xlsx`)).arrayBuffer()),
      );
      const lists = [
        ...xml.matchAll(
          /<dataValidation type="list"[^>]*sqref="([A-Z]+)2:\1(\d+)"[^>]*><formula1>([^<]+)<\/formula1>/g,
        ),
      ];
      const formulae = lists.map((m) => m[3]);
      expect(lists.every((m) => m[2] === '5001')).toBe(true);
      if (kind !== 'products') expect(formulae).toContain('Daftar!$A$2:$A$12');
      if (kind !== 'ikm') expect(formulae).toContain('Daftar!$B$2:$B$7');
      if (kind !== 'sentra') expect(formulae).toContain('Daftar!$C$2:$C$12');
    }
  });

  it('gives a kab/kota officer a dropdown of their own kab/kota only', async () => {
    const res = await ambon.get('/registry/import/templates/ikm.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const lists = wb.getWorksheet('Daftar')!;
    expect(lists.getCell('A2').value).toBe('Kota Ambon');
    expect(lists.getCell('A3').value).toBeNull();
    const english = await ambon.get('/registry/import/templates/ikm.xlsx?lang=en');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(Buffer.from(await english.arrayBuffer()) as never);
    expect(wbEn.worksheets[0]!.getCell('A1').value).toBe('Business name');
  });

  it('reads its own template back: a filled template imports without problems', async () => {
    const res = await tanimbar.get('/registry/import/templates/sentra.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const row: Record<string, string | number> = {
      'Nama sentra': 'Sentra Tenun Ikat Lorulun',
      'Kabupaten/kota': 'Kabupaten Kepulauan Tanimbar',
      Kecamatan: 'Wertamrian',
      'Desa/kelurahan': 'Lorulun',
      Komoditas: 'Kain tenun',
      'Produk sentra': 'tenun ikat',
      'Nomor SK': '530/101/SK/2025',
      'Tanggal SK': '03/02/2025',
      'Jumlah unit usaha': 9,
    };
    headers.forEach((h, i) => {
      if (row[h] !== undefined) ws.getCell(2, i + 1).value = row[h];
    });
    const id = await upload(
      tanimbar,
      'sentra',
      'templat-sentra.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    const checked = await job(id);
    expect(checked.status).toBe('checked');
    expect(checked.rowsValid).toBe(1);
    await confirm(tanimbar, id, 'valid');
    const [s] = await t.database.db.select().from(sentra).where(eq(sentra.name, 'Sentra Tenun Ikat Lorulun'));
    expect(s).toMatchObject({
      kabkotaCode: '81.03',
      decreeDate: '2025-02-03',
      commodity: 'kain_tenun',
      unitCount: 9,
    });
  });
});

describe('a messy office sheet', () => {
  let id: string;
  beforeAll(async () => {
    id = await upload(admin, 'ikm', 'Data IKM 2026 (final).xlsx', await xlsxOf([messyIkmSheet()]));
  });

  it('finds the header below the merged title, across two rows, and lists every problem before writing anything', async () => {
    const j = await job(id);
    expect(j.status).toBe('checked');
    expect(j.headerRow).toBe(4);
    expect(j.columns).toMatchObject({
      name: 'B (Nama Usaha)',
      nib: 'D (No. NIB)',
      workforceMen: 'G (Tenaga Kerja L)',
      workforceWomen: 'H (Tenaga Kerja P)',
      phone: 'J (Telp/HP)',
    });
    expect({
      total: j.rowsTotal,
      valid: j.rowsValid,
      partial: j.rowsPartial,
      invalid: j.rowsInvalid,
    }).toEqual({
      total: 6,
      valid: 2,
      partial: 1,
      invalid: 3,
    });
    expect(await count('ikm')).toBe(0);
    const page = await pageText(admin, `/registry/import/${id}`);
    expect(page).toContain('6 baris: 2 tanpa masalah, 1 dengan nilai yang dilewati, 3 tidak dapat disimpan');
    expect(page).toContain('7 J (Telp/HP) 12 Nomor telepon tidak dikenali');
    expect(page).toContain('Nilai dilewati 7 L (Satuan) drum Satuan "drum" tidak dikenal');
    expect(page).toContain(
      '8 D (No. NIB) 912000123456 NIB harus 13 digit; yang diisi 12 digit. Baris dilewati',
    );
    expect(page).toContain('Kabupaten/kota "Kota Atlantis" tidak dikenal di provinsi ini');
    expect(page).toContain('NIB 9120001234567 sudah ada di baris 5 lembar ini.');
    const english = await pageText(admin, `/registry/import/${id}?lang=en`);
    expect(english).toContain('A NIB has 13 digits; this one has 12.');
    expect(english).toContain('Value left out');
  });

  it('imports every row that can be saved, leaving unreadable values out, and re-importing updates by NIB', async () => {
    await confirm(admin, id, 'all');
    const j = await job(id);
    expect(j).toMatchObject({ status: 'done', createdCount: 3, updatedCount: 0, skippedCount: 3 });
    const rows = await t.database.db.select().from(ikm).orderBy(ikm.nib);
    expect(rows.map((r) => r.nib)).toEqual(['9120001234567', '9120001234568', '9120001234569']);
    expect(rows[0]).toMatchObject({
      name: 'UD Mutiara Laut',
      ownerName: 'Maria Latuheru',
      kabkotaCode: '81.71',
      kecamatanCode: '81.71.02',
      workforceMen: 2,
      workforceWomen: 3,
      investment: 1_250_000,
      phone: '+6281234567890',
      capacityQty: '2.50',
      capacityUnit: 'ton',
      capacityPeriod: 'month',
      sizeClass: 'kecil',
    });
    expect(rows[0]!.searchText).toContain('mutiara laut');
    expect(rows[1]).toMatchObject({
      kabkotaCode: '81.04',
      kecamatanCode: '81.04.01',
      investment: 150_000_000,
    });
    expect(rows[1]!.searchText).toContain('jose wattimena');
    expect(rows[2]).toMatchObject({
      phone: null,
      capacityQty: null,
      capacityUnit: null,
      capacityPeriod: null,
    });
    // Found by the list's search straight away (the derived search text is written).
    expect(await pageText(admin, '/registry/ikm?q=wattimena')).toContain('Sagu Lempeng Namlea');

    const again = await upload(admin, 'ikm', 'Data IKM 2026 (final).xlsx', await xlsxOf([messyIkmSheet()]));
    await confirm(admin, again, 'all');
    expect(await job(again)).toMatchObject({ createdCount: 0, updatedCount: 3 });
    expect(await count('ikm')).toBe(3);
    const [first] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120001234567'));
    expect(first!.version).toBe(2);
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where object_id = ${first!.id} order by at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['ikm.import_create', 'ikm.import_update']);
  });

  it('keeps the history: who, when, which file and what happened, with the errors file to download', async () => {
    const page = await pageText(admin, '/registry/import');
    expect(page).toContain('Data IKM 2026 (final).xlsx');
    expect(page).toContain('admin@ovop.test');
    expect(page).toContain('3 baru, 0 diperbarui, 3 dilewati');
    expect(page).toContain('0 baru, 3 diperbarui, 3 dilewati');
    const res = await admin.get(`/registry/import/${id}/errors.xlsx`);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const fix = wb.worksheets[0]!;
    expect(fix.name).toBe('Baris untuk diperbaiki');
    expect(fix.getCell('A1').value).toBe('Nama usaha');
    const original: (string | number)[] = [];
    fix.eachRow((row, n) => {
      if (n > 1) original.push(row.getCell(22).value as number);
    });
    expect(original).toEqual([7, 8, 9, 10]);
    const problems = wb.worksheets[1]!;
    expect(problems.getCell('D2').value).toContain('Nomor telepon tidak dikenali');
  });

  it('imports only the rows without problems when asked', async () => {
    const sheet = messyIkmSheet();
    sheet.rows = sheet.rows.map((r) =>
      typeof r[3] === 'string' || typeof r[3] === 'number'
        ? [...r.slice(0, 3), String(r[3]).replace(/^9120/, '9130'), ...r.slice(4)]
        : r,
    );
    const before = await count('ikm');
    const id2 = await upload(admin, 'ikm', 'valid-only.xlsx', await xlsxOf([sheet]));
    await confirm(admin, id2, 'valid');
    expect(await job(id2)).toMatchObject({ createdCount: 2, skippedCount: 4 });
    expect(await count('ikm')).toBe(before + 2);
    const [partial] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9130001234569'));
    expect(partial).toBeUndefined();
  });

  it('imports the same rows whether the rows kept by the check are there, cut short or gone', async () => {
    const problemsOf = async (jobId: string) =>
      (
        await queryRows<{ row: number; col: string | null; key: string }>(
          t.database.db,
          sql`select row_number as row, column_key as col, message_key as key from import_issues
              where job_id = ${jobId} and phase = 'import' order by row_number, column_key, message_key`,
        )
      ).map((r) => `${r.row} ${r.col} ${r.key}`);
    const kept = path.join(spillDir(t.deps.files.root), `${id}.rows`);
    expect(fs.existsSync(kept)).toBe(false); // removed once its import was done
    const expected = await problemsOf(id);
    expect(expected.length).toBeGreaterThan(0);
    for (const [prefix, spoil] of [
      // The kept rows are what the import reads: it needs the sheet no more.
      ['9190', (_file: string, sheet: string) => fs.rmSync(sheet)],
      // Kept rows cut short, or gone: the import reads the sheet again.
      ['9170', (file: string) => fs.truncateSync(file, fs.statSync(file).size - 3)],
      ['9180', (file: string) => fs.rmSync(file)],
    ] as const) {
      const sheet = messyIkmSheet();
      sheet.rows = sheet.rows.map((r) =>
        typeof r[3] === 'string' || typeof r[3] === 'number'
          ? [...r.slice(0, 3), String(r[3]).replace(/^9120/, prefix), ...r.slice(4)]
          : r,
      );
      const other = await upload(admin, 'ikm', `spoilt-${prefix}.xlsx`, await xlsxOf([sheet]));
      const file = path.join(spillDir(t.deps.files.root), `${other}.rows`);
      expect(fs.existsSync(file)).toBe(true);
      spoil(file, t.deps.files.pathOf((await job(other)).fileSha256));
      await confirm(admin, other, 'all');
      expect(await job(other)).toMatchObject({ createdCount: 3, updatedCount: 0, skippedCount: 3 });
      expect(await problemsOf(other)).toEqual(expected);
      const [made] = await t.database.db
        .select()
        .from(ikm)
        .where(eq(ikm.nib, `${prefix}001234567`));
      expect(made).toMatchObject({ name: 'UD Mutiara Laut', investment: 1_250_000, capacityUnit: 'ton' });
    }
  });
});

describe('kab/kota, numbers and dates as people write them', () => {
  it('reads a semicolon CSV with names and codes of kab/kota, Indonesian numbers and dates', async () => {
    const csv = csvOf([
      ['Nama Sentra', 'Kabupaten', 'Komoditi', 'No SK', 'Tgl SK', 'Jumlah Unit'],
      [
        'Sentra Sagu Bula',
        'KABUPATEN SERAM BAGIAN TIMUR',
        'makanan dan minuman',
        'SK/12/2024',
        '28/11/2026',
        '1.250',
      ],
      ['Sentra Kenari Banda', 'maluku tengah', 'Makanan & minuman', 'SK/13', 46354, '12'],
      ['Sentra Embal Langgur', '8102', 'mamin', '', '', '7'],
      ['Sentra Minyak Kayu Putih', 'Kab Buru', 'lainnya', '', '31/02/2026', '5'],
      ['Sentra Aru', '8107', 'lainnya', '', '', ''],
    ]);
    const id = await upload(admin, 'sentra', 'sentra.csv', csv, 'text/csv');
    const j = await job(id);
    expect(j.fileFormat).toBe('csv');
    expect(j.rowsTotal).toBe(5);
    const page = await pageText(admin, `/registry/import/${id}`);
    expect(page).toContain('5 E (Tgl SK) 31/02/2026 Tanggal tidak valid');
    expect(page).toContain(
      'Kode 8107 berarti Kabupaten Kepulauan Aru menurut Kemendagri tetapi Kabupaten Seram Bagian Timur menurut BPS',
    );
    await confirm(admin, id, 'all');
    const rows = await t.database.db.select().from(sentra).orderBy(sentra.name);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('Sentra Sagu Bula')).toMatchObject({
      kabkotaCode: '81.05',
      commodity: 'makanan_minuman',
      decreeDate: '2026-11-28',
      unitCount: 1250,
    });
    expect(byName.get('Sentra Kenari Banda')).toMatchObject({
      kabkotaCode: '81.01',
      decreeDate: '2026-11-28',
    });
    expect(byName.get('Sentra Embal Langgur')).toMatchObject({ kabkotaCode: '81.02' });
    expect(byName.get('Sentra Minyak Kayu Putih')).toMatchObject({ kabkotaCode: '81.04', decreeDate: null });
    expect(byName.has('Sentra Aru')).toBe(false);
  });
});

describe('columns', () => {
  it('names the columns it does not read, and reads every column of its own export back', async () => {
    const sheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota', 'Catatan lain', 'No PIRT'],
          ['UD Kolom Lebih', 'Ibu Kolom', '9290000000001', 'Kota Ambon', 'apa saja', '206810101012324'],
        ],
      },
    ]);
    const id = await upload(admin, 'ikm', 'kolom.xlsx', sheet);
    const page = await pageText(admin, `/registry/import/${id}`);
    expect(page).toContain('Kolom yang tidak dibaca E (Catatan lain), F (No PIRT)');
    expect(page).toContain('Judul kolom ini tidak dikenali, jadi isinya tidak diimpor.');
    expect(await pageText(admin, `/registry/import/${id}?lang=en`)).toContain(
      'Columns not read E (Catatan lain), F (No PIRT)',
    );
    // The IKM list's own export: only the figures the registry works out are not read back.
    const exported = await admin.get('/registry/ikm/export.xlsx');
    expect(exported.status).toBe(200);
    const again = await upload(admin, 'ikm', 'ekspor.xlsx', new Uint8Array(await exported.arrayBuffer()));
    const [j] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, again));
    expect(Object.keys(j!.columns ?? {})).toEqual(
      expect.arrayContaining(['capacityQty', 'capacityUnit', 'capacityPeriod', 'workforceMen', 'investment']),
    );
    // (The kab/kota is read from its code; its name beside it says the same.)
    expect(j!.ignoredColumns.map((c) => c.replace(/^[A-Z]+ /, ''))).toEqual([
      '(Kabupaten/kota)',
      '(Skala usaha)',
      '(Legalitas)',
      '(Dokumen berakhir paling awal)',
    ]);
  });
});

describe('numbers out of range', () => {
  it('names the limit a number passes, not its type, in both languages', async () => {
    const ikmSheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          [
            'Nama usaha',
            'Nama pemilik',
            'NIB',
            'Kabupaten/kota',
            'Tenaga kerja laki-laki',
            'Tenaga kerja perempuan',
          ],
          ['Usaha Minus', 'Ibu Minus', '9270000000001', 'Kota Ambon', -3, 'dua'],
        ],
      },
    ]);
    const ikmJob = await upload(admin, 'ikm', 'minus.xlsx', ikmSheet);
    const page = await pageText(admin, `/registry/import/${ikmJob}`);
    expect(page).toContain('-3 Tidak boleh kurang dari 0.');
    expect(page).toContain('dua Harus bilangan bulat');
    expect(await pageText(admin, `/registry/import/${ikmJob}?lang=en`)).toContain('-3 Must be at least 0.');
    // The history's link to each errors file names its sheet for a screen reader.
    expect(await (await admin.get('/registry/import')).text()).toContain(
      'aria-label="Unduh berkas kesalahan minus.xlsx (.xlsx)"',
    );
    const productSheet = await xlsxOf([
      {
        name: 'Produk',
        rows: [
          ['NIB IKM', 'Nama produk', 'Komoditas', 'Bahan baku lokal (%)'],
          ['9270000000001', 'Keripik Lebih', 'makanan dan minuman', '120'],
        ],
      },
    ]);
    const productJob = await upload(admin, 'products', 'lebih.xlsx', productSheet);
    expect(await pageText(admin, `/registry/import/${productJob}`)).toContain(
      '120 Tidak boleh lebih dari 100.',
    );
  });

  it('says so when a capacity unit or period comes without its quantity, and imports the row without it', async () => {
    const sheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          [
            'Nama usaha',
            'Nama pemilik',
            'NIB',
            'Kabupaten/kota',
            'Kapasitas produksi',
            'Satuan kapasitas',
            'Periode kapasitas',
          ],
          ['Usaha Separuh', 'Ibu Separuh', '9280000000001', 'Kota Ambon', '', 'kg', 'bulan'],
        ],
      },
    ]);
    const id = await upload(admin, 'ikm', 'separuh.xlsx', sheet);
    expect(await job(id)).toMatchObject({ rowsValid: 0, rowsPartial: 1 });
    expect(await pageText(admin, `/registry/import/${id}`)).toContain(
      'Isi jumlah kapasitas produksi, atau kosongkan satuan dan periodenya. Nilai dilewati',
    );
    expect(await pageText(admin, `/registry/import/${id}?lang=en`)).toContain(
      'Give the production capacity’s quantity, or leave its unit and period empty.',
    );
    await confirm(admin, id, 'all');
    const [stored] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9280000000001'));
    expect(stored).toMatchObject({ capacityQty: null, capacityUnit: null, capacityPeriod: null });
  });
});

describe('sentra, then IKM, then products', () => {
  it('links IKMs to their sentra by name and products to their IKM by NIB; re-importing changes nothing twice', async () => {
    const sentraSheet = await xlsxOf([
      {
        name: 'Sentra',
        rows: [
          ['Nama sentra', 'Kabupaten/kota', 'Komoditas', 'Produk sentra'],
          ['Sentra Gerabah Ouw', 'Maluku Tengah', 'Gerabah', 'gerabah'],
        ],
      },
    ]);
    await confirm(admin, await upload(admin, 'sentra', 'sentra.xlsx', sentraSheet), 'valid');
    const ikmSheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Business name', 'Owner', 'NIB', 'Regency/city', 'Centre', 'Workers, women'],
          [
            'Gerabah Ouw Lestari',
            'Ibu Pattiasina',
            '9140000000001',
            'Kabupaten Maluku Tengah',
            'sentra gerabah OUW',
            6,
          ],
          [
            'Gerabah Tanpa Sentra',
            'Ibu Lain',
            '9140000000002',
            'Kabupaten Maluku Tengah',
            'Sentra Yang Tidak Ada',
            2,
          ],
        ],
      },
    ]);
    const ikmJob = await upload(admin, 'ikm', 'ikm.xlsx', ikmSheet);
    expect(await pageText(admin, `/registry/import/${ikmJob}`)).toContain(
      'Sentra "Sentra Yang Tidak Ada" belum tercatat di Kabupaten Maluku Tengah',
    );
    await confirm(admin, ikmJob, 'all');
    const [s] = await t.database.db.select().from(sentra).where(eq(sentra.name, 'Sentra Gerabah Ouw'));
    const [lestari] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9140000000001'));
    expect(lestari!.sentraId).toBe(s!.id);
    const productSheet = (price: string) =>
      xlsxOf([
        {
          name: 'Produk',
          numFmts: { 5: '0%' },
          rows: [
            ['NIB IKM', 'Nama produk', 'Komoditas', 'Harga terendah (Rp)', 'Bahan baku lokal (%)', 'Kode HS'],
            ['9140000000001', 'Tempayan Ouw', 'Gerabah', price, 0.9, '6912.00.10'],
            ['9140000000001', 'Sempe', 'gerabah', '85.000', 1, '69120010'],
            ['9999999999999', 'Produk Yatim', 'gerabah', '1.000', 0.5, '691200'],
          ],
        },
      ]);
    const p1 = await upload(admin, 'products', 'produk.xlsx', await productSheet('250.000'));
    expect(await pageText(admin, `/registry/import/${p1}`)).toContain(
      'IKM "9999999999999" tidak ditemukan di wilayah Anda',
    );
    await confirm(admin, p1, 'valid');
    expect(await job(p1)).toMatchObject({ createdCount: 2, skippedCount: 1 });
    const p2 = await upload(admin, 'products', 'produk.xlsx', await productSheet('300.000'));
    await confirm(admin, p2, 'valid');
    const p2Job = await job(p2);
    expect(p2Job, JSON.stringify(p2Job)).toMatchObject({ createdCount: 0, updatedCount: 2 });
    const made = await t.database.db
      .select()
      .from(products)
      .where(eq(products.ikmId, lestari!.id))
      .orderBy(products.name);
    expect(made.map((p) => [p.name, p.priceMin, p.localMaterialPct, p.hsCode])).toEqual([
      ['Sempe', 85_000, '100.00', '69120010'],
      ['Tempayan Ouw', 300_000, '90.00', '69120010'],
    ]);
    // The IKM's search text now carries its products (derived values refreshed by the service).
    expect(await pageText(admin, '/registry/ikm?q=tempayan')).toContain('Gerabah Ouw Lestari');
  });
});

describe('blank cells', () => {
  it('keep what is stored when a sheet (or its errors file) leaves cells empty, and change the rest', async () => {
    const header = [
      'Nama usaha',
      'Nama pemilik',
      'NIB',
      'Kabupaten/kota',
      'KBLI',
      'Telepon',
      'Alamat',
      'Tenaga kerja laki-laki',
      'Tenaga kerja perempuan',
      'Nilai investasi (Rp)',
      'Catatan',
    ];
    const first = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          header,
          [
            'Kosong Tetap Ada',
            'Ibu Latuconsina',
            '9260000000001',
            'Kota Ambon',
            '10794',
            '0812 4000 1111',
            'Jl. Pattimura 1',
            3,
            5,
            '40.000.000',
            'Pemasok pasar Mardika',
          ],
        ],
      },
    ]);
    await confirm(admin, await upload(admin, 'ikm', 'kosong-1.xlsx', first), 'valid');
    // The same columns, only the KBLI filled in: the rest of the row is blank.
    const second = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          header,
          [
            'Kosong Tetap Ada',
            'Ibu Latuconsina',
            '9260000000001',
            'Kota Ambon',
            '10792',
            '',
            '',
            '',
            '',
            '',
            '',
          ],
        ],
      },
    ]);
    const again = await upload(admin, 'ikm', 'kosong-2.xlsx', second);
    await confirm(admin, again, 'valid');
    expect(await job(again)).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const [kept] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9260000000001'));
    expect(kept).toMatchObject({
      kbli: '10792',
      phone: '+6281240001111',
      address: 'Jl. Pattimura 1',
      workforceMen: 3,
      workforceWomen: 5,
      investment: 40_000_000,
      notes: 'Pemasok pasar Mardika',
    });

    // A sentra's lead business stays when the sheet's lead NIB cell is empty.
    const sentraSheet = (lead: string) =>
      xlsxOf([
        {
          name: 'Sentra',
          rows: [
            ['Nama sentra', 'Kabupaten/kota', 'Komoditas', 'NIB penghela'],
            ['Sentra Kosong Tetap', 'Kota Ambon', 'Makanan dan minuman', lead],
          ],
        },
      ]);
    await confirm(admin, await upload(admin, 'sentra', 'sentra-1.xlsx', await sentraSheet('')), 'valid');
    const [made] = await t.database.db.select().from(sentra).where(eq(sentra.name, 'Sentra Kosong Tetap'));
    await t.database.db.update(ikm).set({ sentraId: made!.id }).where(eq(ikm.id, kept!.id));
    await confirm(
      admin,
      await upload(admin, 'sentra', 'sentra-2.xlsx', await sentraSheet('9260000000001')),
      'valid',
    );
    await confirm(admin, await upload(admin, 'sentra', 'sentra-3.xlsx', await sentraSheet('')), 'valid');
    const [led] = await t.database.db.select().from(sentra).where(eq(sentra.id, made!.id));
    expect(led!.leadIkmId).toBe(kept!.id);

    // Moved to another kab/kota with its place left empty: nothing of the old place is kept.
    await t.database.db
      .update(ikm)
      .set({ kecamatanCode: '81.71.03', desa: 'Passo' })
      .where(eq(ikm.id, kept!.id));
    const moved = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota', 'Kecamatan', 'Desa/kelurahan', 'Sentra'],
          ['Kosong Tetap Ada', 'Ibu Latuconsina', '9260000000001', 'Maluku Tengah', '', '', ''],
        ],
      },
    ]);
    await confirm(admin, await upload(admin, 'ikm', 'pindah.xlsx', moved), 'valid');
    const [there] = await t.database.db.select().from(ikm).where(eq(ikm.id, kept!.id));
    expect(there).toMatchObject({
      kabkotaCode: '81.01',
      kecamatanCode: null,
      desa: null,
      sentraId: null,
      phone: '+6281240001111',
    });
  });
});

describe('scope', () => {
  it('refuses the rows a kab/kota officer puts into another kab/kota, and imports their own', async () => {
    const sheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota'],
          ['Tenun Saumlaki', 'Ibu Batlayeri', '9150000000001', 'Kepulauan Tanimbar'],
          ['Usaha Ambon Diam-diam', 'Pak Nakal', '9150000000002', 'Kota Ambon'],
          ['Tenun Tanpa Kab', 'Ibu Ratu', '9150000000003', ''],
        ],
      },
    ]);
    const id = await upload(tanimbar, 'ikm', 'tanimbar.xlsx', sheet);
    const page = await pageText(tanimbar, `/registry/import/${id}`);
    expect(page).toContain(
      '3 D (Kabupaten/kota) Kota Ambon Anda hanya dapat mencatat data untuk Kabupaten Kepulauan Tanimbar. Baris dilewati',
    );
    await confirm(tanimbar, id, 'all');
    expect(await job(id)).toMatchObject({ createdCount: 2, skippedCount: 1 });
    const rows = await t.database.db.select().from(ikm).where(sql`${ikm.nib} like '915%'`).orderBy(ikm.nib);
    expect(rows.map((r) => [r.nib, r.kabkotaCode])).toEqual([
      ['9150000000001', '81.03'],
      ['9150000000003', '81.03'],
    ]);
    // Another kab/kota's officer cannot see this import at all.
    expect((await ambon.get(`/registry/import/${id}`)).status).toBe(404);
    expect(await pageText(ambon, '/registry/import')).not.toContain('tanimbar.xlsx');
  });

  it('refuses a NIB held by an IKM of another kab/kota, naming it', async () => {
    const theirs = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Nama usaha', 'Nama pemilik', 'NIB'],
          ['Tenun Olilit', 'Ibu Ratuanak', '9150000000009'],
        ],
      },
    ]);
    await confirm(tanimbar, await upload(tanimbar, 'ikm', 'olilit.xlsx', theirs), 'valid');
    const sheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Nama usaha', 'Nama pemilik', 'NIB'],
          ['Salinan', 'Siapa', '9150000000009'],
        ],
      },
    ]);
    const id = await upload(ambon, 'ikm', 'ambon.xlsx', sheet);
    expect(await pageText(ambon, `/registry/import/${id}`)).toContain(
      'NIB 9150000000009 sudah terdaftar untuk IKM "Tenun Olilit" (Kabupaten Kepulauan Tanimbar). Baris dilewati',
    );
  });
});

describe('formulas', () => {
  it('takes the stored results, never evaluates or echoes a formula, and says when a result is missing', async () => {
    const sheet = await xlsxOf([
      {
        name: 'IKM',
        rows: [
          ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota', 'Tenaga kerja perempuan', 'Catatan'],
          [
            { formula: 'CONCATENATE("UD ","Rumus")', result: 'UD Rumus' },
            'Ibu Formula',
            '9160000000001',
            'Kota Ambon',
            { formula: 'SUM(1,2)', result: 3 },
            null,
          ],
          [
            'UD Tanpa Hasil',
            'Pak Rumus',
            '9160000000002',
            'Kota Ambon',
            { formula: 'SUM(A1:A9)' },
            '=HYPERLINK("http://evil.test","klik")',
          ],
          ['=2+3', 'Pak Teks', '9160000000003', 'Kota Ambon', 1, null],
        ],
      },
    ]);
    const id = await upload(admin, 'ikm', 'rumus.xlsx', sheet);
    const page = await pageText(admin, `/registry/import/${id}`);
    expect(page).toContain('Sel berisi rumus tanpa hasil tersimpan');
    expect(page).not.toContain('SUM(');
    await confirm(admin, id, 'all');
    const rows = await t.database.db.select().from(ikm).where(sql`${ikm.nib} like '916%'`).orderBy(ikm.nib);
    expect(rows.map((r) => [r.name, r.workforceWomen])).toEqual([
      ['UD Rumus', 3],
      ['UD Tanpa Hasil', null],
      ['=2+3', 1],
    ]);
    // Exports neutralise text that looks like a formula and carry no formula of the source.
    const exported = await admin.get('/registry/ikm/export.xlsx?q=916');
    const zipText = await unzipText(Buffer.from(await exported.arrayBuffer()));
    expect(zipText).not.toContain('<f>');
    expect(zipText).not.toContain('CONCATENATE');
    expect(zipText).toContain('&apos;=2+3');
    const errors = await admin.get(`/registry/import/${id}/errors.xlsx`);
    const errorsText = await unzipText(Buffer.from(await errors.arrayBuffer()));
    expect(errorsText).toContain('UD Tanpa Hasil');
    expect(errorsText).toContain('&apos;=HYPERLINK(&quot;http://evil.test&quot;,&quot;klik&quot;)');
    expect(errorsText).not.toContain('<f>');
    expect(errorsText).not.toContain('SUM(');
  });
});

/** Every XML part of an xlsx, concatenated (to look for formulas). */
async function unzipText(bytes: Buffer): Promise<string> {
  const { default: yauzl } = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const parts: string[] = [];
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            parts.push(Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts.join('\n')));
      zip.readEntry();
    });
  });
}

describe('hostile files', () => {
  /** Uploads, expects the refusal message on the form, and that nothing was stored. */
  async function refused(name: string, bytes: Uint8Array, message: string) {
    const jobs = await count('import_jobs');
    const files = await count('files');
    const people = await count('ikm');
    // Another request at the same time is answered, and after.
    const [res, other] = await Promise.all([
      admin.post('/registry/import', { kind: 'ikm', file: fileOf(name, bytes) }),
      admin.get('/registry/ikm'),
    ]);
    expect(other.status).toBe(200);
    expect(res.status).toBe(422);
    const page = textOf(await res.text());
    expect(page).toContain(message);
    expect(await count('import_jobs')).toBe(jobs);
    expect(await count('files')).toBe(files);
    expect(await count('ikm')).toBe(people);
    expect((await admin.get('/healthz')).status).toBe(200);
  }

  it('refuses an empty file, naming it', async () => {
    await refused('kosong.xlsx', new Uint8Array(0), 'Berkas kosong.xlsx kosong (0 byte).');
  });

  it('refuses a damaged xlsx', async () => {
    const good = await xlsxOf([messyIkmSheet()]);
    await refused(
      'rusak.xlsx',
      good.subarray(0, Math.floor(good.length / 2)),
      'Berkas rusak.xlsx rusak atau tidak lengkap',
    );
    const flipped = Buffer.from(good);
    flipped[200] = flipped[200]! ^ 0xff;
    await refused('rusak2.xlsx', flipped, 'Berkas rusak2.xlsx rusak atau tidak lengkap');
  });

  it('refuses a password-protected workbook and an Excel 97–2003 file, saying what to do', async () => {
    await refused('rahasia.xlsx', encryptedXlsx(), 'Berkas rahasia.xlsx dilindungi kata sandi');
    await refused(
      'lama.xls',
      compoundFileOf([{ name: 'Workbook', data: Buffer.alloc(4096, 9) }]),
      'Berkas lama.xls berformat Excel 97–2003 (.xls)',
    );
  });

  it('refuses zip bombs by their declared sizes, by what they really unpack to, and by their entry count', async () => {
    await refused('bom.xlsx', zipBomb(400), 'Isi berkas bom.xlsx setelah dibuka berukuran');
    await refused(
      'bom2.xlsx',
      zipBomb(50),
      'dipadatkan secara tidak wajar (bagian xl/worksheets/sheet1.xml mengembang',
    );
    // A part that claims 1 KB and unpacks to 64 MB: caught while unpacking, without holding it.
    const liar = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024), declaredSize: 1024 },
    ]);
    await refused(
      'bohong.xlsx',
      liar,
      'Berkas bohong.xlsx rusak atau tidak lengkap (part xl/worksheets/sheet1.xml is larger than it declares)',
    );
    const many = zipOf(
      Array.from({ length: 1500 }, (_, i) => ({
        name: `x/${i}.xml`,
        data: Buffer.from('<a/>'),
        deflate: false,
      })),
    );
    await refused('banyak.xlsx', many, 'Berkas banyak.xlsx berisi 1500 bagian');
    expect(zlib).toBeDefined();
  });

  it('refuses files that are not spreadsheets, by their bytes', async () => {
    await refused(
      'foto.xlsx',
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      'isinya terbaca sebagai PDF',
    );
    await refused(
      'program.csv',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(600, 0)]),
      'isinya terbaca sebagai EXE',
    );
    const docx = zipOf([
      {
        name: '[Content_Types].xml',
        data: Buffer.from(
          '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
      },
    ]);
    await refused('surat.xlsx', docx, 'isinya terbaca sebagai DOCX');
    await refused(
      'teks.xlsx',
      Buffer.from('Nama usaha;NIB\r\nUD Teks;9280000000001\r\n'),
      'Berkas teks.xlsx bukan lembar kerja Excel walaupun namanya berakhiran .xlsx: isinya teks biasa.',
    );
    // Text named .xls (some systems' "Excel" exports are tab-separated text) is read as the CSV it is.
    const tsv = await upload(
      admin,
      'ikm',
      'laporan.xls',
      Buffer.from(
        'Nama usaha\tNama pemilik\tNIB\tKabupaten/kota\r\nUD Tab\tIbu Tab\t9280000000002\tKota Ambon\r\n',
      ),
      'application/vnd.ms-excel',
    );
    expect(await job(tsv)).toMatchObject({ fileFormat: 'csv', status: 'checked', rowsValid: 1 });
  });

  it('says so when the workbook is empty, or holds the headers and no data', async () => {
    const empty = await upload(admin, 'ikm', 'hampa.xlsx', await xlsxOf([{ name: 'Kosong', rows: [] }]));
    expect(await job(empty)).toMatchObject({ status: 'failed' });
    expect(await pageText(admin, `/registry/import/${empty}`)).toContain(
      'Berkas hampa.xlsx tidak berisi data: semua lembarnya yang terlihat kosong',
    );
    // The history says why it failed too.
    expect(await pageText(admin, '/registry/import')).toContain(
      'Berkas hampa.xlsx tidak berisi data: semua lembarnya yang terlihat kosong',
    );
    const template = await upload(
      admin,
      'ikm',
      'templat.xlsx',
      await xlsxOf([
        { name: 'IKM', rows: [['Judul'], [], ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota']] },
      ]),
    );
    expect(await job(template)).toMatchObject({ status: 'failed' });
    const page = await pageText(admin, `/registry/import/${template}`);
    expect(page).toContain(
      'Lembar "IKM" tidak berisi data di bawah judul kolomnya (baris 3) pada kolom yang dibaca impor',
    );
    expect(page).not.toContain('Impor sekarang');
    expect(await pageText(admin, `/registry/import/${template}?lang=en`)).toContain(
      'The sheet "IKM" holds no data below its column headers (row 3)',
    );
  });

  it('says so when no sheet has a header row it knows', async () => {
    const id = await upload(
      admin,
      'ikm',
      'kosong.xlsx',
      await xlsxOf([{ name: 'A', rows: [['apa'], ['ini']] }]),
    );
    expect(await job(id)).toMatchObject({ status: 'failed' });
    expect(await pageText(admin, `/registry/import/${id}`)).toContain('Baris judul kolom tidak ditemukan');
  });
});

describe('many batches of a few names', () => {
  it('saves every row once with its own address, however the batches fall, and updates a business named again without its NIB', async () => {
    // Four batches (two written at once on PostgreSQL) of businesses with 40 names in 13 desa: the
    // catalog address each gets from its name (and desa) is taken again and again across batches.
    const rows: (string | number)[][] = [
      ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota', 'Desa/kelurahan'],
    ];
    for (let i = 0; i < 1600; i++)
      rows.push([
        `Kelompok Tenun Ikat ${i % 40}`,
        `Ibu Batlayeri ${i}`,
        String(9210000000000 + i),
        'Kota Ambon',
        `Desa ${i % 13}`,
      ]);
    // Row 1602: the business of row 1201 (in the batch before it) again, its NIB left out: it
    // updates what that row made, as when batches are written one after another.
    rows.push(['Kelompok Tenun Ikat 39', 'Ibu Batlayeri 1199', '', 'Kota Ambon', 'Desa 3']);
    // Row 1603: row 1602 again.
    rows.push(['Kelompok Tenun Ikat 39', 'Ibu Batlayeri 1199', '', 'Kota Ambon', 'Desa 3']);
    const id = await upload(admin, 'ikm', 'tenun.xlsx', await xlsxOf([{ name: 'IKM', rows }]));
    expect(await pageText(admin, `/registry/import/${id}`)).toContain(
      'Baris ini sama dengan baris 1602 lembar ini (Kelompok Tenun Ikat 39).',
    );
    await confirm(admin, id, 'valid');
    expect(await job(id)).toMatchObject({ createdCount: 1600, updatedCount: 1, skippedCount: 1 });
    const [named] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9210000001199'));
    expect(named).toMatchObject({ ownerName: 'Ibu Batlayeri 1199', version: 2 });
    const [stored] = await queryRows<{ n: number; slugs: number; nibs: number }>(
      t.database.db,
      sql`select count(*)::int as n, count(distinct slug)::int as slugs, count(distinct nib)::int as nibs
          from ikm where name like 'Kelompok Tenun Ikat %'`,
    );
    expect({ n: Number(stored!.n), slugs: Number(stored!.slugs), nibs: Number(stored!.nibs) }).toEqual({
      n: 1600,
      slugs: 1600,
      nibs: 1600,
    });
    const problems = await queryRows<{ row: number; key: string }>(
      t.database.db,
      sql`select row_number as row, message_key as key from import_issues where job_id = ${id} and phase = 'import'`,
    );
    expect(problems.map((p) => Number(p.row))).toEqual([1603]);
  });
});

describe('progress', () => {
  it('shows a progress page that refreshes itself while the check runs, and stops refreshing when done', async () => {
    const rows: (string | number)[][] = [['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota']];
    for (let i = 0; i < 3000; i++)
      rows.push([`UD Progres ${i}`, `Pemilik ${i}`, String(9170000000000 + i), 'Kota Ambon']);
    const res = await admin.post('/registry/import', {
      kind: 'ikm',
      file: fileOf('besar.xlsx', await xlsxOf([{ name: 'IKM', rows }])),
    });
    const id = res.headers.get('location')!.split('/').pop()!;
    const running = await (await admin.get(`/registry/import/${id}`)).text();
    expect(running).toMatch(/<head>[\s\S]*<meta http-equiv="refresh" content="2"[\s\S]*<\/head>/);
    // The job being checked shows its progress; one uploaded meanwhile waits its turn and says so.
    expect(textOf(running)).toContain('Memeriksa lembar kerja…');
    expect(textOf(running)).not.toContain('Menunggu impor lain selesai…');
    const next = await admin.post('/registry/import', {
      kind: 'ikm',
      file: fileOf('berikutnya.xlsx', await xlsxOf([{ name: 'IKM', rows: rows.slice(0, 2) }])),
    });
    const nextId = next.headers.get('location')!.split('/').pop()!;
    expect(await pageText(admin, `/registry/import/${nextId}`)).toContain('Menunggu impor lain selesai…');
    const calm = await (await admin.get(`/registry/import/${id}?refresh=off`)).text();
    expect(calm).not.toContain('http-equiv="refresh"');
    await waitForImport(t.deps.db, id);
    await waitForImport(t.deps.db, nextId);
    await confirm(admin, id, 'valid');
    const done = await (await admin.get(`/registry/import/${id}`)).text();
    expect(done).not.toContain('http-equiv="refresh"');
    expect(textOf(done)).toContain('Impor selesai: 3.000 baru, 0 diperbarui, 0 baris dilewati.');
  });
});
