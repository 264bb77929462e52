import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { users } from '../../db/schema/accounts.ts';
import { ikm } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { localDate } from '../../platform/format.ts';
import { createDocument } from './documents.service.ts';
import { addDays } from './identifiers.ts';
import { createIkm } from './ikm.service.ts';
import { createProduct, findProductByName } from './products.service.ts';
import { findSentraByName } from './sentra.service.ts';
import { checkIkm, findIkmByNib, upsertIkmByNib } from './ikm.service.ts';
import { IkmFields, ProductFields } from './registry.forms.ts';
import { ikmProfilePanels } from './registry.panels.ts';

let t: TestApp;
let ambon: TestClient;
let admin: TestClient;
let owner: TestClient;
const env = { provinceCode: '81' };
const seed: Actor = systemActor('test');

async function addIkm(fields: Record<string, unknown>) {
  const input = IkmFields.parse({ ownerName: 'Pemilik Uji', kabkotaCode: '81.71', ...fields });
  return (await createIkm(t.database.db, seed, env, input)).ikm;
}

/** The IKM names in a list page, in order. */
function names(html: string): string[] {
  const table = html.split('<tbody>')[1]?.split('</tbody>')[0] ?? '';
  return [...table.matchAll(/href="\/registry\/ikm\/[0-9a-f-]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  t = await createTestApp();
  [ambon, admin, owner] = await Promise.all([
    t.as('ambon@ovop.test'),
    t.as('admin@ovop.test'),
    t.as('ikm@ovop.test'),
  ]);
  for (let i = 0; i < 64; i++) {
    await addIkm({
      name: `Usaha Keripik ${String(i).padStart(2, '0')}`,
      desa: `Desa ${i}`,
      workforceMen: String(i % 7),
      workforceWomen: String(i % 5),
    });
  }
  const kerajinan = await addIkm({
    name: 'Kerajinan Kulit Mutiara Sirimau',
    ownerName: 'Élisabeth Wattimena',
    nib: '9120005550001',
    desa: 'Batu Merah',
  });
  await createProduct(
    t.database.db,
    seed,
    ProductFields.parse({ ikmId: kerajinan.id, name: 'Bros Kulit Mutiara', commodity: 'lainnya' }),
  );
  const tenun = await addIkm({ name: 'Tenun Ikat Saumlaki', kabkotaCode: '81.03', nib: '9120005550002' });
  await createProduct(
    t.database.db,
    seed,
    ProductFields.parse({ ikmId: tenun.id, name: 'Kain Tenun Ikat', commodity: 'kain_tenun' }),
  );
  const expired = await addIkm({ name: 'Dapur Sagu Lama', nib: '9120005550003', desa: 'Passo' });
  const today = localDate();
  await createDocument(t.database.db, seed, expired.id, {
    kind: 'pirt',
    number: '206810101012324',
    issueDate: addDays(today, -2000),
    expiryDate: addDays(today, -10),
  });
  await addIkm({ name: '=HYPERLINK("http://evil.example","klik")', ownerName: '+6281234', desa: 'Hative' });
  const [ikmUser] = await t.database.db.select().from(users).where(eq(users.email, 'ikm@ovop.test'));
  await t.database.db.update(ikm).set({ ownerUserId: ikmUser!.id }).where(eq(ikm.id, kerajinan.id));
});
afterAll(() => t.close());

describe('IKM list', () => {
  it('pages by keyset with no repeats and no gaps, forwards and back', async () => {
    const seen: string[] = [];
    let url = '/registry/ikm?q=keripik&sort=name';
    const pages: string[] = [];
    for (;;) {
      const html = await (await ambon.get(url)).text();
      seen.push(...names(html));
      pages.push(url);
      const next = /href="([^"]+)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      if (!next) break;
      url = next;
    }
    expect(seen).toHaveLength(64);
    expect(new Set(seen).size).toBe(64);
    expect(seen).toEqual([...seen].sort());
    const last = await (await ambon.get(pages[1]!)).text();
    const prev = /href="([^"]+)" rel="prev"/.exec(last)?.[1]?.replaceAll('&amp;', '&');
    expect(names(await (await ambon.get(prev!)).text())).toEqual(seen.slice(0, 50));
  });

  it('shows the most recently recorded matches first for a search, unless asked otherwise', async () => {
    const found = names(await (await ambon.get('/registry/ikm?q=keripik')).text());
    expect(found.slice(0, 3)).toEqual(['Usaha Keripik 63', 'Usaha Keripik 62', 'Usaha Keripik 61']);
    const byName = names(await (await ambon.get('/registry/ikm?q=keripik&sort=name')).text());
    expect(byName[0]).toBe('Usaha Keripik 00');
  });

  it('sorts by workforce, largest first', async () => {
    const html = await (await ambon.get('/registry/ikm?q=keripik&sort=workforce')).text();
    const rows = [...html.matchAll(/<td class="numeric">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
  });

  it('searches name, owner, NIB and product, ignoring case and accents', async () => {
    for (const q of [
      'KERAJINAN mutiara',
      'elisabeth',
      'ÉLISABETH',
      '9120005550001',
      'bros kulit',
      'sirimau kulit',
    ]) {
      const found = names(await (await ambon.get(`/registry/ikm?q=${encodeURIComponent(q)}`)).text());
      expect(found, q).toEqual(['Kerajinan Kulit Mutiara Sirimau']);
    }
  });

  it('offers close matches for a typo', async () => {
    const html = await (await ambon.get('/registry/ikm?q=mutiarra')).text();
    const text = textOf(html);
    expect(text).toContain('Nama yang mirip');
    expect(text).toContain('Kerajinan Kulit Mutiara Sirimau');
  });

  it('filters by legality, commodity and kab/kota within the scope', async () => {
    expect(names(await (await ambon.get('/registry/ikm?legal=expired')).text())).toEqual(['Dapur Sagu Lama']);
    expect(names(await (await ambon.get('/registry/ikm?commodity=lainnya')).text())).toEqual([
      'Kerajinan Kulit Mutiara Sirimau',
    ]);
    // An officer asking for another kab/kota still sees only their own.
    expect(names(await (await ambon.get('/registry/ikm?kabkota=81.03')).text())).toEqual([]);
    expect(names(await (await admin.get('/registry/ikm?kabkota=81.03')).text())).toEqual([
      'Tenun Ikat Saumlaki',
    ]);
    expect(names(await (await admin.get('/registry/ikm?commodity=kain_tenun')).text())).toEqual([
      'Tenun Ikat Saumlaki',
    ]);
  });

  it('shows an IKM owner only their own IKM, and lets them edit it but not its place', async () => {
    const listed = names(await (await owner.get('/registry/ikm')).text());
    expect(listed).toEqual(['Kerajinan Kulit Mutiara Sirimau']);
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120005550001'));
    const res = await owner.post(`/registry/ikm/${row!.id}`, {
      name: 'Kerajinan Kulit Mutiara Sirimau',
      ownerName: 'Élisabeth Wattimena',
      nib: '9120005550001',
      kabkotaCode: '81.03',
      phone: '0813 1111 2222',
      contactPublic: 'on',
      version: String(row!.version),
    });
    expect(res.status).toBe(303);
    const [after] = await t.database.db.select().from(ikm).where(eq(ikm.id, row!.id));
    expect(after!.kabkotaCode).toBe('81.71');
    expect(after!.phone).toBe('+6281311112222');
    expect(after!.contactPublic).toBe(true);
    expect(after!.contactConsentAt).not.toBeNull();
    expect((await owner.get('/registry/ikm/new')).status).toBe(403);
    expect((await owner.get('/registry/sentra')).status).toBe(403);
    const [other] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120005550003'));
    expect((await owner.get(`/registry/ikm/${other!.id}`)).status).toBe(404);
  });

  it('shows the sections later features add to the IKM profile', async () => {
    ikmProfilePanels.add(async (_c, row) =>
      row.nib === '9120005550001' ? `Bintang OVOP untuk ${row.name}` : null,
    );
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120005550001'));
    const page = textOf(await (await ambon.get(`/registry/ikm/${row!.id}`)).text());
    expect(page).toContain('Bintang OVOP untuk Kerajinan Kulit Mutiara Sirimau');
    expect(page).not.toContain('akan tampil di sini');
  });

  it('speaks English on every registry page', async () => {
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120005550001'));
    const pages: [string, string][] = [
      ['/registry/ikm?lang=en', 'Business name'],
      ['/registry/ikm/new?lang=en', 'Owner’s name'],
      [`/registry/ikm/${row!.id}?lang=en`, 'Legal documents'],
      [`/registry/ikm/${row!.id}/documents/new?lang=en`, 'Kind of document'],
      ['/registry/products?lang=en', 'Product name'],
      ['/registry/products/new?lang=en', 'Product story (Indonesian)'],
      ['/registry/sentra?lang=en', 'IKM centres'],
      ['/registry/sentra/new?lang=en', 'Decree of the regent/mayor'],
      ['/registry/potential?lang=en', 'Regional potential profile'],
      ['/registry/settings?lang=en', 'Size-class thresholds'],
    ];
    for (const [url, expected] of pages) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(200);
      expect(textOf(await res.text()), url).toContain(expected);
    }
    const bad = await admin.post('/registry/ikm?lang=en', {
      name: 'X',
      ownerName: 'Y',
      kabkotaCode: '81.71',
      nib: '12',
    });
    expect(textOf(await bad.text())).toContain('A NIB has 13 digits; this one has 2.');
  });

  it('gives an assessor no registry access', async () => {
    const penilai = await t.as('penilai1@ovop.test');
    expect((await penilai.get('/registry/ikm')).status).toBe(403);
  });
});

describe('exports', () => {
  it('exports the filtered list as xlsx, with formula cells neutralised', async () => {
    const res = await ambon.get('/registry/ikm/export.xlsx?q=hyperlink');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Nama usaha');
    expect(ws.rowCount).toBe(2);
    const cell = ws.getRow(2).getCell(1);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('\'=HYPERLINK("http://evil.example","klik")');
    // A signed number calls nothing and is written as it is (no stray apostrophe).
    expect(ws.getRow(2).getCell(2).value).toBe('+6281234');
  });

  it('exports CSV of every matching row (beyond one page) in the list order', async () => {
    const res = await ambon.get('/registry/ikm/export.csv?q=keripik&sort=name');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(65);
    expect(lines[1]!.startsWith('Usaha Keripik 00,')).toBe(true);
    expect(lines[64]!.startsWith('Usaha Keripik 63,')).toBe(true);
  });

  it("writes the owner's personal data only for rows within the reader's scope", async () => {
    const own = await (await owner.get('/registry/ikm/export.csv')).text();
    const rows = own
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Élisabeth Wattimena');
    const officer = await (await ambon.get('/registry/ikm/export.csv?kabkota=81.03')).text();
    expect(officer).not.toContain('Saumlaki');
  });

  it('exports products and sentra too', async () => {
    const p = await (await admin.get('/registry/products/export.csv')).text();
    expect(p).toContain('Bros Kulit Mutiara');
    expect(p).toContain('Kain Tenun Ikat');
    const s = await admin.get('/registry/sentra/export.xlsx');
    expect(s.status).toBe(200);
  });
});

describe('size-class thresholds', () => {
  it('lets the admin change them and reclassifies every IKM; others may not', async () => {
    expect((await ambon.get('/registry/settings')).status).toBe(403);
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.name, 'Usaha Keripik 06'));
    await t.database.db.update(ikm).set({ investment: 50_000_000 }).where(eq(ikm.id, row!.id));
    const page = await (await admin.get('/registry/settings')).text();
    expect(page).toContain('value="19"');
    const res = await admin.post('/registry/settings', {
      smallMaxWorkers: '4',
      smallInvestmentBelow: '1.000.000.000',
      mediumMaxInvestment: '15.000.000.000',
      version: '0',
    });
    expect(res.status).toBe(303);
    const [after] = await t.database.db.select().from(ikm).where(eq(ikm.id, row!.id));
    expect(after!.workforceTotal).toBe(7);
    expect(after!.sizeClass).toBe('menengah');
    const stale = await admin.post('/registry/settings', {
      smallMaxWorkers: '19',
      smallInvestmentBelow: '1.000.000.000',
      mediumMaxInvestment: '15.000.000.000',
      version: '0',
    });
    expect(stale.status).toBe(409);
    const bad = await admin.post('/registry/settings', {
      smallMaxWorkers: '19',
      smallInvestmentBelow: '2 miliar',
      mediumMaxInvestment: '1 miliar',
      version: '1',
    });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('tidak boleh di bawah batas industri kecil');
  });
});

describe('what a spreadsheet import builds on', () => {
  it('reports every broken rule of a row at once, without writing', async () => {
    const input = IkmFields.parse({
      name: 'Baris Impor',
      ownerName: 'X',
      kabkotaCode: '81.71',
      kecamatanCode: '81.03.01',
      ownerEmail: 'nobody@ovop.test',
    });
    const err = await checkIkm(t.database.db, seed, env, input).catch((e) => e);
    expect(Object.keys(err.fields).sort()).toEqual(['kecamatanCode', 'ownerEmail']);
  });

  it('updates by NIB on a re-import instead of duplicating', async () => {
    const row = IkmFields.parse({
      name: 'Dapur Sagu Lama',
      ownerName: 'Baru',
      kabkotaCode: '81.71',
      nib: '9120005550003',
    });
    const saved = await upsertIkmByNib(t.database.db, seed, env, row);
    expect(saved.created).toBe(false);
    expect((await findIkmByNib(t.database.db, '9120005550003'))!.ownerName).toBe('Baru');
    const fresh = await upsertIkmByNib(t.database.db, seed, env, {
      ...row,
      nib: '9120005550999',
      name: 'Baru Sekali',
    });
    expect(fresh.created).toBe(true);
  });

  it('finds a product and a sentra by name, ignoring case and accents', async () => {
    const [holder] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120005550001'));
    expect((await findProductByName(t.database.db, holder!.id, '  BROS KÚLIT mutiara '))?.name).toBe(
      'Bros Kulit Mutiara',
    );
    expect(await findSentraByName(t.database.db, '81.71', 'Tidak Ada')).toBeUndefined();
  });
});
