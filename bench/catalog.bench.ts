/**
 * The public catalog: the weight of every public page on a first visit (HTML + CSS, no script,
 * images apart) on the demo data plus a heaviest-case product and IKM; and the catalog's search and
 * browse pages, server time (app.request in process, rendering included), at province scale (10,000
 * IKM, 20,000 products) on PGlite and national scale (1,000,000 IKM, 2,000,000 products) on
 * PostgreSQL (BENCH_SKIP_NATIONAL=1 skips it). The national database is kept between runs (named
 * after the schema and the generators), as the registry bench does.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, type Db, openPostgres, queryRows } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedBase, seedDemo } from '../src/db/seed/index.ts';
import { buildDeps, prepareDatabase } from '../src/main.ts';
import { encodeCursor } from '../src/platform/keyset.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { generateCatalog } from './catalog-data.ts';
import { type Result, result, root, tempDir } from './lib.ts';
import { measurePages, slowestNote } from './pages.ts';
import { generateRegistry, ikmName, nationalRegions } from './registry-data.ts';

type App = ReturnType<typeof createApp>;

const MALUKU = [
  '81.01',
  '81.02',
  '81.03',
  '81.04',
  '81.05',
  '81.06',
  '81.07',
  '81.08',
  '81.09',
  '81.71',
  '81.72',
];
const ROUNDS = 40;
const gz = promisify(gzip);

// Weight ------------------------------------------------------------------------------------------

/** A fresh browser: no cookies. Follows nothing; returns the body and the headers. */
async function fetchPage(app: App, url: string, init: RequestInit = {}) {
  const res = await app.request(`http://localhost${url}`, init);
  return { res, body: await res.text() };
}

/** A heaviest case: a long story and descriptions, 12 photos, every certificate; an IKM with 30 products. */
async function heavyCase(db: Db): Promise<{ product: string; ikm: string }> {
  const [owner] = await queryRows<{ id: string; slug: string }>(
    db,
    sql`select i.id, i.slug from ikm i where i.kabkota_code = '81.71' and i.contact_public
        and exists (select 1 from products p where p.ikm_id = i.id and p.published) order by i.name limit 1`,
  );
  const [photo] = await queryRows<{ file: string; thumb: string; display: string }>(
    db,
    sql`select file_sha256 as file, thumb_sha256 as thumb, display_sha256 as display from product_photos limit 1`,
  );
  const paragraph =
    'Kain ini ditenun oleh mama-mama di desa dengan **alat tenun bukan mesin**, memakai benang yang diwarnai _pewarna alam_ dari akar mengkudu dan daun nila. ';
  const story = `${paragraph.repeat(20)}\n\n- motif Ulerati\n- motif Tunis\n\n${paragraph.repeat(17)}`.slice(
    0,
    6000,
  );
  const description = 'Kain tenun ikat dengan motif warisan leluhur. '.repeat(90).slice(0, 4000);
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into products (id, ikm_id, province_code, kabkota_code, name, commodity, published, description_id,
            description_en, story_id, story_en, price_min, price_max, capacity_qty, capacity_unit, capacity_period,
            hs_code, packaging, certifications, local_material_pct)
          values (gen_random_uuid(), ${owner!.id}, '81', '81.71',
            ${i === 0 ? 'Kain Tenun Ikat Tanimbar Motif Ulerati dengan Pewarna Alam Akar Mengkudu, Ukuran 200 x 60 cm' : `Selendang Tenun Ikat Motif ${i}`},
            'kain_tenun', true, ${description}, ${description}, ${story}, ${story}, 750000, 1500000, 40, 'lembar',
            'month', '58090000', 'Kotak karton dengan kertas daur ulang', 'Dikurasi Dekranasda Maluku 2025', 90)
          returning id`,
    );
    ids.push(row!.id);
  }
  for (let n = 0; n < 12; n++)
    await db.execute(sql`
      insert into product_photos (id, product_id, kabkota_code, file_sha256, file_mime, thumb_sha256, display_sha256,
        width, height, caption, position)
      values (gen_random_uuid(), ${ids[0]!}, '81.71', ${photo!.file}, 'image/webp', ${photo!.thumb}, ${photo!.display},
        960, 720, ${`Detail motif, bagian ${n + 1}`}, ${n})`);
  await db.execute(sql`
    update products set cover_photo_id = (select id from product_photos where product_id = products.id order by position limit 1)
    where id = ${ids[0]!}`);
  for (const [kind, number] of [
    ['halal', 'ID81110000123450124'],
    ['sni', 'SNI 8265:2016 / LSPro-001'],
    ['bpom_md', 'MD224510001234'],
    ['pirt', '206710101012327'],
    ['trademark', 'IDM000912345'],
  ] as const)
    await db.execute(sql`
      insert into legal_documents (id, ikm_id, province_code, kabkota_code, kind, number, issuer, expiry_date)
      values (gen_random_uuid(), ${owner!.id}, '81', '81.71', ${kind}, ${number}, 'Penerbit', current_date + 900)`);
  await db.execute(sql`select 1`);
  const [slug] = await queryRows<{ slug: string }>(db, sql`select slug from products where id = ${ids[0]!}`);
  return { product: slug!.slug, ikm: owner!.slug };
}

async function weight(): Promise<Result[]> {
  const dir = tempDir('catalog-weight');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  try {
    const deps = await buildDeps(config, database);
    await seedDemo({ db: database.db, config, files: deps.files });
    const app = createApp(deps);
    const heavy = await heavyCase(database.db);
    const [typical] = await queryRows<{ slug: string }>(
      database.db,
      sql`select slug from products where published order by id limit 1`,
    );
    // A receipt: the page after sending an inquiry, reached as a buyer would.
    const first = await fetchPage(app, `/produk/${typical!.slug}`);
    const cookie = (first.res.headers.getSetCookie()[0] ?? '').split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!;
    const post = (body: Record<string, string>) =>
      app.request(`http://localhost/produk/${typical!.slug}/permintaan`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, ...body }),
      });
    const sent = await post({
      name: 'Bench',
      country: 'Indonesia',
      email: 'bench@example.test',
      message: 'Harga?',
    });
    const receipt = sent.headers.get('location')!;
    const invalid = await post({ name: '', country: '', email: 'x', message: '' });
    const invalidBody = await invalid.text();

    const pages: [string, string][] = [
      ['home', '/'],
      ['home (en)', '/en'],
      ['browse', '/produk'],
      ['browse, filtered', '/en/products?commodity=kain_tenun&cert=halal&sort=price'],
      ['search', '/produk?q=minyak'],
      ['product', `/produk/${typical!.slug}`],
      ['heaviest product (6,000-char story, 12 photos)', `/produk/${heavy.product}`],
      ['heaviest product (en)', `/en/products/${heavy.product}`],
      ['IKM with 30 products', `/ikm/${heavy.ikm}`],
      ['regions', '/wilayah'],
      ['region', '/wilayah/kota-ambon'],
      ['region (en)', '/en/regions/kabupaten-kepulauan-tanimbar'],
      ['inquiry receipt', receipt],
      ['not found', '/produk/tidak-ada'],
    ];
    const rows: { name: string; html: number; css: number; gzip: number }[] = [];
    const cssCache = new Map<string, number>();
    const measureHtml = async (name: string, body: string) => {
      if (/<script(?![^>]*application\/ld\+json)/.test(body)) throw new Error(`${name} ships a script`);
      let css = 0;
      for (const m of body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        const href = m[1]!;
        if (!cssCache.has(href))
          cssCache.set(href, (await (await app.request(`http://localhost${href}`)).arrayBuffer()).byteLength);
        css += cssCache.get(href)!;
      }
      rows.push({ name, html: Buffer.byteLength(body), css, gzip: (await gz(body)).byteLength });
    };
    for (const [name, url] of pages) {
      const { res, body } = await fetchPage(app, url);
      if (res.status !== 200 && name !== 'not found') throw new Error(`${url} answered ${res.status}`);
      await measureHtml(name, body);
    }
    await measureHtml('inquiry with errors', invalidBody);
    const [thumb] = await queryRows<{ max: number }>(
      database.db,
      sql`select coalesce(max(f.size), 0)::int as max from product_photos ph join files f on f.sha256 = ph.thumb_sha256`,
    );
    rows.sort((a, b) => b.html + b.css - (a.html + a.css));
    const heaviest = rows[0]!;
    const kb = (n: number) => Math.round(n / 102.4) / 10;
    return [
      result(
        'public catalog page, first visit: HTML + CSS (heaviest page, uncompressed)',
        kb(heaviest.html + heaviest.css),
        'KB',
        60,
        `${heaviest.name}: ${kb(heaviest.html)} KB HTML + ${kb(heaviest.css)} KB CSS, no script; others: ${rows
          .slice(1)
          .map((r) => `${r.name} ${kb(r.html + r.css)}`)
          .join(', ')}; gzip would send ${kb(heaviest.gzip)} KB of HTML`,
      ),
      result('largest catalog thumbnail', kb(Number(thumb?.max ?? 0)), 'KB', 30),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Speed -------------------------------------------------------------------------------------------

interface Pages {
  search: Record<string, string>;
  pages: Record<string, string>;
}

async function pagesFor(db: Db, total: number): Promise<Pages> {
  const rare = ikmName(Math.floor(total * 0.37))
    .split(' ')
    .slice(-1)[0]!;
  const typo = rare.slice(0, 2) + rare[3] + rare[2] + rare.slice(4);
  const q = (s: string) => encodeURIComponent(s);
  // Seven products in ten are published: this is about 65% of the way through them.
  const [middle] = await queryRows<{ id: string }>(
    db,
    sql`select id from products where published and archived_at is null order by id desc
        offset ${Math.floor(total * 0.45)} limit 1`,
  );
  const [product] = await queryRows<{ slug: string; ikm: string }>(
    db,
    sql`select p.slug, i.slug as ikm from products p join ikm i on i.id = p.ikm_id
        where p.published and p.kabkota_code = '81.71' and p.cover_photo_id is not null order by p.id limit 1`,
  );
  return {
    search: {
      'browse, first page': '/produk',
      'browse, kab/kota': '/produk?kabkota=81.03',
      'browse, commodity': '/produk?commodity=gerabah',
      'browse, halal': '/produk?cert=halal',
      'browse, SNI (rare)': '/produk?cert=sni',
      'browse, by name': '/produk?sort=name',
      'browse, by price': '/produk?sort=price',
      'browse, deep keyset page': `/produk?after=${encodeCursor([middle!.id])}`,
      'search, common word': '/produk?q=tenun',
      'search, rare place': `/produk?q=${q(rare)}`,
      'search, two words': `/produk?q=${q(`keripik ${rare}`)}`,
      'search with filters': '/produk?q=sagu&kabkota=81.01&cert=halal',
      'search, typo (close matches)': `/produk?q=${q(typo)}`,
      'search, English, by price': '/en/products?q=kopi&sort=price',
      'API search': '/api/v1/catalog/products?q=tenun&commodity=kain_tenun',
    },
    pages: {
      home: '/',
      product: `/produk/${product!.slug}`,
      IKM: `/ikm/${product!.ikm}`,
      region: '/wilayah/kota-ambon',
      'API product': `/api/v1/catalog/products/${product!.slug}`,
    },
  };
}

/** Public pages: no session. */
const measure = (app: App, pages: Record<string, string>) =>
  measurePages(
    app,
    Object.fromEntries(Object.entries(pages).map(([name, url]) => [name, { url, cookie: '' }])),
    ROUNDS,
  );

async function provinceScale(): Promise<Result[]> {
  const dir = tempDir('catalog');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  try {
    const { db } = database;
    const t0 = performance.now();
    await generateRegistry(db, { ikm: 10_000, kabkota: MALUKU, batch: 10_000 });
    await generateCatalog(db);
    await db.execute(sql`analyze`);
    process.stdout.write(`  province data generated in ${Math.round(performance.now() - t0)} ms\n`);
    const app = createApp(await buildDeps(config, database));
    const pages = await pagesFor(db, 20_000);
    const search = await measure(app, pages.search);
    const other = await measure(app, pages.pages);
    return [
      result(
        'catalog search and browse p95, province scale (10,000 IKM, 20,000 products, PGlite)',
        search.p95,
        'ms',
        50,
        slowestNote(search, { cpu: false }),
      ),
      result(
        'catalog home, product, IKM and region pages p95, province scale (PGlite)',
        other.p95,
        'ms',
        50,
        slowestNote(other, { cpu: false }),
      ),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A name that changes when the schema or the generators do, so a kept database never outlives them. */
function schemaTag(): string {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(path.join(root, 'src/db/migrations')).sort())
    if (f.endsWith('.sql')) h.update(fs.readFileSync(path.join(root, 'src/db/migrations', f)));
  h.update(fs.readFileSync(path.join(root, 'bench/registry-data.ts')));
  h.update(fs.readFileSync(path.join(root, 'bench/catalog-data.ts')));
  return h.digest('hex').slice(0, 10);
}

async function nationalDatabase(serverUrl: string): Promise<{ database: Database; url: string }> {
  const name = `ovop_bench_catalog_${schemaTag()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let fresh = false;
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const old = await admin.query(
        "select datname from pg_database where datname like 'ovop_bench_catalog_%'",
      );
      for (const r of old.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.query(`create database ${name}`);
      fresh = true;
    }
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), { max: 4 });
  await migrate(database);
  await seedBase(database.db);
  const [count] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from products where slug is not null`,
  );
  if (fresh || Number(count?.n) !== 2_000_000) {
    const { db } = database;
    const t0 = performance.now();
    process.stdout.write('  generating national catalog data (once; kept for later runs)…\n');
    await db.execute(sql`truncate inquiries, product_photos, products, legal_documents, ikm, sentra cascade`);
    // Bulk load without the secondary indexes, then build them as the migrations define them.
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes
          where tablename in ('ikm', 'products', 'sentra', 'product_photos', 'legal_documents')
            and indexname not like '%_pkey'`,
    );
    for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
    const codes = [...MALUKU, ...(await nationalRegions(db))];
    await generateRegistry(db, { ikm: 1_000_000, kabkota: codes, batch: 100_000 }, (s) =>
      process.stdout.write(`${s}\n`),
    );
    await generateCatalog(db, (s) => process.stdout.write(`${s}\n`));
    for (const i of indexes) await db.execute(sql.raw(i.indexdef));
    for (const table of ['ikm', 'products', 'sentra', 'product_photos', 'legal_documents'])
      await db.execute(sql.raw(`vacuum analyze ${table}`));
    process.stdout.write(`  national data generated in ${Math.round((performance.now() - t0) / 1000)} s\n`);
  }
  return { database, url: u.toString() };
}

async function nationalScale(): Promise<Result[]> {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:55432/postgres';
  let opened: { database: Database; url: string };
  try {
    opened = await nationalDatabase(server);
  } catch (err) {
    return [
      {
        name: 'catalog search and browse p95, national scale (PostgreSQL)',
        value: Number.NaN,
        unit: 'ms',
        budget: '≤ 100 ms',
        within: false,
        note: `PostgreSQL at ${new URL(server).host} not usable: ${(err as Error).message}`,
      },
    ];
  }
  const { database, url } = opened;
  const dir = tempDir('catalog-pg');
  try {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const app = createApp(await buildDeps(config, database));
    const pages = await pagesFor(database.db, 2_000_000);
    const search = await measure(app, pages.search);
    const other = await measure(app, pages.pages);
    return [
      result(
        'catalog search and browse p95, national scale (1,000,000 IKM, 2,000,000 products, PostgreSQL)',
        search.p95,
        'ms',
        100,
        slowestNote(search, { cpu: false }),
      ),
      result(
        'catalog home, product, IKM and region pages p95, national scale (PostgreSQL)',
        other.p95,
        'ms',
        100,
        slowestNote(other, { cpu: false }),
      ),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Result[]> {
  setLogLevel('silent');
  const out = [...(await weight()), ...(await provinceScale())];
  if (process.env.BENCH_SKIP_NATIONAL !== '1') out.push(...(await nationalScale()));
  return out;
}
