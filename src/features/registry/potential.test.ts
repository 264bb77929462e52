import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { users } from '../../db/schema/accounts.ts';
import { files } from '../../db/schema/files.ts';
import { ikm, potentialCommodities, productPhotos, products, sentra } from '../../db/schema/registry.ts';
import { systemActor } from '../../platform/actor.ts';
import { getPotentialProfile } from './potential.service.ts';
import { seedDemoRegistry } from './registry.demo.ts';

let t: TestApp;
let ambon: TestClient;
let tanimbar: TestClient;
const env = { provinceCode: '81' };
const count = async (table: typeof ikm | typeof products | typeof sentra) =>
  Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoRegistry(t.database.db, t.deps.files, '81');
  [ambon, tanimbar] = await Promise.all([t.as('ambon@ovop.test'), t.as('tanimbar@ovop.test')]);
}, 120_000);
afterAll(() => t.close());

describe('demo registry', () => {
  it('covers the 11 kab/kota with about 200 IKM and 400 products, photos reused by content', async () => {
    expect(await count(ikm)).toBe(200);
    expect(await count(products)).toBe(400);
    const perKabkota = await t.database.db
      .select({ code: sentra.kabkotaCode, n: sql<number>`count(*)::int` })
      .from(sentra)
      .groupBy(sentra.kabkotaCode);
    expect(perKabkota).toHaveLength(11);
    const distinct = await t.database.db
      .select({ n: sql<number>`count(distinct ${productPhotos.fileSha256})::int` })
      .from(productPhotos);
    expect(Number(distinct[0]!.n)).toBeLessThanOrEqual(10);
    const thumbs = await t.database.db
      .select({ size: files.size })
      .from(files)
      .where(sql`${files.sha256} in (select thumb_sha256 from product_photos)`);
    for (const th of thumbs) expect(th.size).toBeLessThanOrEqual(30 * 1024);
    // Every NIB is clearly fictitious.
    const nibs = await t.database.db.select({ nib: ikm.nib }).from(ikm).where(sql`${ikm.nib} is not null`);
    for (const { nib } of nibs) expect(nib).toMatch(/^99\d{11}$/);
    // Seeding twice adds nothing.
    await seedDemoRegistry(t.database.db, t.deps.files, '81');
    expect(await count(ikm)).toBe(200);
  });

  it('gives the demo IKM owner one IKM in Kota Ambon', async () => {
    const [owner] = await t.database.db.select().from(users).where(eq(users.email, 'ikm@ovop.test'));
    const owned = await t.database.db.select().from(ikm).where(eq(ikm.ownerUserId, owner!.id));
    expect(owned).toHaveLength(1);
    expect(owned[0]!.kabkotaCode).toBe('81.71');
    const client = await t.as('ikm@ovop.test');
    const page = textOf(await (await client.get('/registry/ikm')).text());
    expect(page).toContain(owned[0]!.name);
  });

  it('has the leading commodities of the brief, e.g. tenun ikat in Tanimbar and sago in Seram Bagian Timur', async () => {
    const tanimbarSentra = await t.database.db.select().from(sentra).where(eq(sentra.kabkotaCode, '81.03'));
    expect(tanimbarSentra.every((s) => s.commodity === 'kain_tenun')).toBe(true);
    const sbt = await getPotentialProfile(t.database.db, systemActor(), env, '81.05');
    expect(sbt.commodities[0]!.name).toBe('Sagu');
    expect(Number(sbt.commodities[0]!.sdaQuantity)).toBe(35717);
    expect(sbt.commodities[0]!.figures.sentra).toBe(3);
    expect(sbt.commodities[0]!.figures.ikm).toBe(18);
  });
});

describe('regional potential profiles', () => {
  it("shows the profile on the region page, with candidates only to readers of that kab/kota's registry", async () => {
    const own = textOf(await (await ambon.get('/regions/81.71')).text());
    expect(own).toContain('Profil potensi daerah');
    expect(own).toContain('Kerajinan kulit mutiara');
    expect(own).toContain('IKM paling berpotensi menjadi calon OVOP');
    const other = textOf(await (await tanimbar.get('/regions/81.71')).text());
    expect(other).toContain('Kerajinan kulit mutiara');
    expect(other).not.toContain('IKM paling berpotensi menjadi calon OVOP');
    const kecamatan = textOf(await (await ambon.get('/regions/81.71.02')).text());
    expect(kecamatan).not.toContain('Profil potensi daerah');
  });

  it('ranks candidates: in a decreed sentra, legal, then workforce', async () => {
    const profile = await getPotentialProfile(t.database.db, systemActor(), env, '81.03');
    const candidates = profile.commodities[0]!.candidates!;
    expect(candidates.length).toBe(5);
    const key = (c: (typeof candidates)[number]) => [c.inDecreedSentra ? 1 : 0, c.legalOk ? 1 : 0];
    for (let i = 1; i < candidates.length; i++) {
      const [a, b] = [key(candidates[i - 1]!), key(candidates[i]!)];
      expect(a[0]! > b[0]! || (a[0] === b[0] && a[1]! >= b[1]!)).toBe(true);
    }
  });

  it('lets an officer edit their own profile only', async () => {
    const page = await (await ambon.get('/registry/potential/81.71/edit')).text();
    expect(page).toContain('name="version" value="1"');
    const res = await ambon.post('/registry/potential/81.71', {
      overview: 'Ambon, kota musik dunia, juga pusat kerajinan **kulit mutiara**.',
      version: '1',
    });
    expect(res.status).toBe(303);
    const html = await (await ambon.get('/registry/potential/81.71')).text();
    expect(html).toContain('<strong>kulit mutiara</strong>');
    const stale = await ambon.post('/registry/potential/81.71', { overview: 'versi lama', version: '1' });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('versi lama');
    expect((await ambon.get('/registry/potential/81.03/edit')).status).toBe(404);
    expect((await ambon.post('/registry/potential/81.03', { overview: 'x', version: '1' })).status).toBe(404);
  });

  it('adds a leading commodity whose figures come live from the registry', async () => {
    const res = await ambon.post('/registry/potential/81.71/commodities', {
      name: 'Batik Maluku',
      commodity: 'kain_batik',
      keyword: 'batik',
      sdaDescription: 'Kain mori dan malam',
      sdaYear: '2024',
      sdmArtisans: '35',
    });
    expect(res.status).toBe(303);
    const profile = await getPotentialProfile(t.database.db, systemActor(), env, '81.71');
    const batik = profile.commodities.find((c) => c.name === 'Batik Maluku')!;
    const expected = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(sql`${products.kabkotaCode} = '81.71' and ${products.commodity} = 'kain_batik'`);
    expect(batik.figures.products).toBe(Number(expected[0]!.n));
    expect(batik.figures.products).toBeGreaterThan(0);
    const bad = await ambon.post('/registry/potential/81.71/commodities', {
      name: 'X',
      commodity: 'kain_batik',
      sdaYear: '20245',
    });
    expect(bad.status).toBe(422);
    const [row] = await t.database.db
      .select()
      .from(potentialCommodities)
      .where(eq(potentialCommodities.name, 'Batik Maluku'));
    expect((await tanimbar.get(`/registry/potential/commodities/${row!.id}/edit`)).status).toBe(404);
  });
});
