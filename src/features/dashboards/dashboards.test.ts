import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { AMBON, buildWorld, MALTENG, type World } from '../../../tests/helpers/dashboards.ts';
import { pdfText } from '../../../tests/helpers/events.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Actor } from '../../platform/actor.ts';
import { assessorWork, comparison, dashboardData } from './dashboards.service.ts';
import { comparisonTables, dashboardTables, type FigureTable, measureValues } from './dashboards.tables.ts';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
}, 120_000);
afterAll(() => t.close());

const officer: Actor = {
  userId: null,
  realUserId: null,
  role: 'petugas_kabkota',
  regionCode: AMBON,
  label: 'ambon',
  lang: 'id',
};

/** A table's row for a label, as plain values. */
function row(tables: FigureTable[], key: string, label: string) {
  const table = tables.find((x) => x.key === key);
  if (!table) throw new Error(`no table ${key}`);
  if (label === 'total') return table.total;
  return table.rows.find((r) => r[0] === label);
}

describe('the province dashboard’s figures against hand-counted rows', () => {
  it('counts sentra, IKM and products by kab/kota and commodity, archived ones left out', async () => {
    const data = await dashboardData(t.deps.db, systemActor(), t.config.PROVINCE_CODE);
    const tables = dashboardTables(data, 'id');
    expect(row(tables, 'registry-regency', 'Kota Ambon')).toEqual(['Kota Ambon', 1, 3, 4]);
    expect(row(tables, 'registry-regency', 'Kabupaten Maluku Tengah')).toEqual([
      'Kabupaten Maluku Tengah',
      1,
      2,
      3,
    ]);
    expect(row(tables, 'registry-regency', 'Kota Tual')).toEqual(['Kota Tual', 0, 0, 0]);
    expect(row(tables, 'registry-regency', 'total')).toEqual(['Jumlah', 2, 5, 7]);
    // An IKM making food and anyaman counts under both commodities.
    expect(row(tables, 'registry-commodity', 'Makanan & minuman')).toEqual(['Makanan & minuman', 1, 3, 4]);
    expect(row(tables, 'registry-commodity', 'Anyaman')).toEqual(['Anyaman', 1, 2, 2]);
    expect(row(tables, 'registry-commodity', 'Kain tenun')).toEqual(['Kain tenun', 0, 1, 1]);
  });

  it('shows the newest round’s funnel with its pass rate (passed or further out of submitted)', async () => {
    const data = await dashboardData(t.deps.db, systemActor(), t.config.PROVINCE_CODE);
    expect(data.cycle?.id).toBe(world.cycle2026);
    const tables = dashboardTables(data, 'id');
    expect(row(tables, 'funnel-regency', 'Kota Ambon')).toEqual(['Kota Ambon', 4, 4, 3, 2, 1, 0, '33,3%']);
    expect(row(tables, 'funnel-regency', 'Kabupaten Maluku Tengah')).toEqual([
      'Kabupaten Maluku Tengah',
      2,
      1,
      1,
      0,
      0,
      1,
      '0%',
    ]);
    expect(row(tables, 'funnel-regency', 'Kota Tual')).toEqual(['Kota Tual', 0, 0, 0, 0, 0, 0, '—']);
    expect(row(tables, 'funnel-regency', 'total')).toEqual(['Jumlah', 6, 5, 4, 2, 1, 1, '25%']);
    // The older round when chosen.
    const older = dashboardTables(
      await dashboardData(t.deps.db, systemActor(), t.config.PROVINCE_CODE, { cycleId: world.cycle2024 }),
      'id',
    );
    expect(row(older, 'funnel-regency', 'total')).toEqual(['Jumlah', 3, 3, 3, 0, 2, 1, '66,7%']);
  });

  it('counts decided stars and earlier awards, never an open result', async () => {
    const data = await dashboardData(t.deps.db, systemActor(), t.config.PROVINCE_CODE);
    const tables = dashboardTables(data, 'id');
    expect(row(tables, 'stars-regency', 'Kota Ambon')).toEqual(['Kota Ambon', 0, 1, 1, 2]);
    expect(row(tables, 'stars-regency', 'Kabupaten Maluku Tengah')).toEqual([
      'Kabupaten Maluku Tengah',
      1,
      0,
      0,
      1,
    ]);
    expect(row(tables, 'stars-regency', 'total')).toEqual(['Jumlah', 1, 1, 1, 3]);
    expect(row(tables, 'stars-commodity', 'Makanan & minuman')).toEqual(['Makanan & minuman', 0, 0, 1, 1]);
    expect(row(tables, 'stars-commodity', 'Anyaman')).toEqual(['Anyaman', 1, 0, 0, 1]);
    expect(row(tables, 'stars-commodity', 'Tidak diketahui')).toEqual(['Tidak diketahui', 0, 1, 0, 1]);
  });

  it('counts coverage, programmes under way, documents and overdue actions', async () => {
    const data = await dashboardData(t.deps.db, systemActor(), t.config.PROVINCE_CODE);
    const tables = dashboardTables(data, 'id');
    expect(data.coverage).toMatchObject({ events: 1, present: 2, total: 11 });
    expect(row(tables, 'coverage', 'Kota Ambon')).toEqual(['Kota Ambon', 1, 2]);
    expect(row(tables, 'coverage', 'Kabupaten Maluku Tengah')).toEqual(['Kabupaten Maluku Tengah', 1, 1]);
    expect(row(tables, 'programmes-kind', 'total')).toEqual(['Jumlah', 1]);
    expect(row(tables, 'programmes-regency', 'Kota Ambon')).toEqual(['Kota Ambon', 1, 1]);
    expect(row(tables, 'programmes-regency', 'Kabupaten Maluku Tengah')).toEqual([
      'Kabupaten Maluku Tengah',
      1,
      0,
    ]);
    expect(row(tables, 'outcomes-kind', 'total')).toEqual(['Jumlah', 1]);
    expect(row(tables, 'documents', 'Kota Ambon')).toEqual(['Kota Ambon', 1, 0]);
    expect(row(tables, 'documents', 'Kabupaten Maluku Tengah')).toEqual(['Kabupaten Maluku Tengah', 0, 1]);
    expect(row(tables, 'overdue', 'total')).toEqual(['Jumlah', 2]);
    expect(measureValues(data, 'overdue').get(AMBON)).toBe(1);
    expect(measureValues(data, 'nominated').get(AMBON)).toBe(4);
    expect(measureValues(data, 'stars').get(MALTENG)).toBe(1);
    expect(measureValues(data, 'coverage').get(AMBON)).toBe(2);
  });

  it('shows the figures, the map with a table beside it and region links on the page, in both languages', async () => {
    const admin = await t.as('admin@ovop.test');
    const html = await (await admin.get('/dashboard?measure=products')).text();
    expect(html).toContain('href="/regions/81.71"');
    expect(html).toContain('aria-label="Kota Ambon: 4"');
    const text = textOf(html);
    expect(text).toContain('Ringkasan provinsi');
    expect(text).toContain('Angka peta: Produk');
    expect(text).toContain('Batas wilayah: BPS / OCHA (HDX)');
    expect(text).toContain('Tindak lanjut terlambat');
    const en = textOf(await (await admin.get('/dashboard?lang=en&measure=stars')).text());
    expect(en).toContain('Province overview');
    expect(en).toContain('The map’s figures: OVOP stars');
    expect(en).toContain('Boundaries: BPS / OCHA (HDX)');
    // An unknown measure falls back to IKM; an unknown round to the newest.
    const odd = textOf(
      await (
        await admin.get('/dashboard?measure=%3Cscript%3E&cycle=00000000-0000-4000-8000-000000000000')
      ).text(),
    );
    expect(odd).toContain('Angka peta: IKM');
    expect(odd).toContain('Corong usulan: Periode Dasbor 2026');
  });
});

describe('a kab/kota officer', () => {
  it('sees their own kab/kota’s figures only, with their to-dos', async () => {
    const data = await dashboardData(t.deps.db, officer, t.config.PROVINCE_CODE);
    expect(data.kabkota.map((k) => k.code)).toEqual([AMBON]);
    const tables = dashboardTables(data, 'id');
    expect(row(tables, 'registry-regency', 'total')).toEqual(['Jumlah', 1, 3, 4]);
    expect(row(tables, 'funnel-regency', 'total')).toEqual(['Jumlah', 4, 4, 3, 2, 1, 0, '33,3%']);
    expect(row(tables, 'stars-regency', 'total')).toEqual(['Jumlah', 0, 1, 1, 2]);
    expect(row(tables, 'overdue', 'total')).toEqual(['Jumlah', 1]);
    expect(row(tables, 'documents', 'total')).toEqual(['Jumlah', 1, 0]);
    expect(data.todo?.returned.map((r) => r.productName)).toEqual(['Produk Dasbor pa3']);
    expect(data.todo?.followUps.map((f) => [f.title, f.overdue])).toEqual([
      ['Kirim data IKM Ambon', true],
      ['Siapkan calon Ambon', false],
    ]);
    expect(data.todo?.documents.map((d) => d.ikmName)).toEqual(['IKM Dasbor A2']);
  });

  it('never gets another kab/kota’s numbers on the page, the exports or the reports', async () => {
    const ambon = await t.as('ambon@ovop.test');
    const html = await (await ambon.get('/dashboard')).text();
    const text = textOf(html);
    expect(text).toContain('Ringkasan Kota Ambon');
    expect(text).toContain('Usulan dikembalikan untuk diperbaiki');
    expect(text).toContain('Produk Dasbor pa3');
    expect(text).not.toContain('Maluku Tengah');
    expect(text).not.toContain('Kirim data IKM Malteng');
    expect(html).not.toContain('href="/regions/81.01"');
    const comparisons = textOf(await (await ambon.get('/dashboard/comparisons')).text());
    expect(comparisons).not.toContain('Maluku Tengah');
    const report = await pdfText(
      new Uint8Array(await (await ambon.get('/dashboard/report.pdf?year=2024')).arrayBuffer()),
    );
    expect(report).toContain('Kota Ambon');
    expect(report).not.toContain('Maluku Tengah');
    const xlsx = await ambon.get('/dashboard/export.xlsx');
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((r) => cells.push(JSON.stringify(r.values))));
    expect(cells.join(' ')).toContain('Kota Ambon');
    expect(cells.join(' ')).not.toContain('Maluku Tengah');
  }, 120_000);

  it('keeps the dashboards’ pages from an IKM owner and an assessor', async () => {
    const assessor = await t.as('penilai1@ovop.test');
    expect((await assessor.get('/dashboard/comparisons')).status).toBe(403);
    expect((await assessor.get('/dashboard/report.pdf')).status).toBe(403);
    expect((await assessor.get('/dashboard/export.xlsx')).status).toBe(403);
  });
});

describe('the assessor’s dashboard', () => {
  it('lists their assignments with each sheet’s progress', async () => {
    const c = await t.as('penilai1@ovop.test');
    const text = textOf(await (await c.get('/dashboard')).text());
    expect(text).toContain('1 terkirim, 0 draf, 1 belum dimulai dari 2 penugasan.');
    expect(text).toContain('Produk Dasbor pa2');
    const en = textOf(await (await c.get('/dashboard?lang=en')).text());
    expect(en).toContain('1 submitted, 0 draft, 1 not started of 2 assignments.');
    const other = await t.as('penilai2@ovop.test');
    expect(textOf(await (await other.get('/dashboard')).text())).toContain(
      'Anda belum ditugasi menilai usulan.',
    );
    expect((await assessorWork(t.deps.db, world.ikm.a1!)).rows).toEqual([]);
  });
});

describe('comparisons across rounds', () => {
  it('puts nominations, pass rate and stars year against year', async () => {
    const data = await comparison(t.deps.db, systemActor(), t.config.PROVINCE_CODE);
    const tables = comparisonTables(data, 'id');
    expect(row(tables, 'rounds', '2018 (penghargaan terdahulu)')).toEqual([
      '2018 (penghargaan terdahulu)',
      2018,
      0,
      0,
      0,
      '—',
      1,
    ]);
    expect(row(tables, 'rounds', 'Periode Dasbor 2024')).toEqual([
      'Periode Dasbor 2024',
      2024,
      3,
      3,
      2,
      '66,7%',
      2,
    ]);
    expect(row(tables, 'rounds', 'Periode Dasbor 2026')).toEqual([
      'Periode Dasbor 2026',
      2026,
      5,
      4,
      1,
      '25%',
      0,
    ]);
    expect(row(tables, 'regency-stars', 'Kota Ambon')).toEqual(['Kota Ambon', 1, 1, 0]);
    expect(row(tables, 'regency-nominated', 'Kabupaten Maluku Tengah')).toEqual([
      'Kabupaten Maluku Tengah',
      0,
      2,
      1,
    ]);
    expect(row(tables, 'commodity-passed', 'Anyaman')).toEqual(['Anyaman', 0, 1, 0]);
    const admin = await t.as('admin@ovop.test');
    const page = textOf(await (await admin.get('/dashboard/comparisons')).text());
    expect(page).toContain('Perbandingan antarperiode');
    expect(page).toContain('66,7%');
    const en = textOf(await (await admin.get('/dashboard/comparisons?lang=en')).text());
    expect(en).toContain('2018 (earlier awards)');
    expect(en).toContain('Comparisons across rounds');
    const xlsx = await admin.get('/dashboard/comparisons/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('the activity report', () => {
  it('holds a round’s key figures, events, results and programmes in its text', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.get(`/dashboard/report.pdf?cycle=${world.cycle2026}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Laporan Kegiatan OVOP — Periode Dasbor 2026');
    expect(text).toContain('Sosialisasi Dasbor 2026');
    expect(text).toContain('Bimtek Kemasan Dasbor');
    expect(text).toContain('33,3%');
    expect(text).toContain('Batas wilayah: BPS / OCHA (HDX)');
    expect(text).toMatch(/Halaman 1 dari \d/);
  }, 120_000);

  it('makes the yearly report with that year’s rounds and results, in English too', async () => {
    const admin = await t.as('admin@ovop.test');
    const text = await pdfText(
      new Uint8Array(await (await admin.get('/dashboard/report.pdf?year=2024')).arrayBuffer()),
    );
    expect(text).toContain('Laporan Kegiatan OVOP Tahun 2024');
    expect(text).toContain('Periode Dasbor 2024');
    expect(text).toContain('66,7%');
    const en = await pdfText(
      new Uint8Array(await (await admin.get('/dashboard/report.pdf?year=2024&lang=en')).arrayBuffer()),
    );
    expect(en).toContain('OVOP Activity Report 2024');
    expect(en).toContain('Key figures');
  }, 120_000);

  it('refuses a malformed year and answers 404 for an unknown round', async () => {
    const admin = await t.as('admin@ovop.test');
    const bad = await admin.get('/dashboard/report.pdf?year=20x4');
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('Tahun laporan tidak dikenal.');
    expect((await admin.get('/dashboard/report.pdf?year=1850')).status).toBe(400);
    expect((await admin.get('/dashboard/report.pdf?cycle=nope')).status).toBe(404);
    expect((await admin.get('/dashboard/report.pdf?cycle=00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
});

describe('the xlsx export of every table', () => {
  it('writes the map’s measures and each dashboard table as a sheet', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.get('/dashboard/export.xlsx');
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as never);
    const names = book.worksheets.map((w) => w.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    const sheet = book.worksheets.find((w) => w.name.startsWith('Sentra, IKM, dan produk per'))!;
    const ambon = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Kota Ambon') as unknown[];
    expect(ambon.slice(1)).toEqual(['Kota Ambon', 1, 3, 4]);
  });
});
