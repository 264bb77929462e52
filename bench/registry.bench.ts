/**
 * Registry list and search pages, server time (app.request in process, rendering included):
 * province scale (10,000 IKM, 20,000 products) on PGlite, and national scale (1,000,000 IKM,
 * 2,000,000 products) on PostgreSQL — BENCH_DATABASE_URL or DATABASE_URL, else the shared test
 * server. The national database is kept between runs (named after the schema) since generating it
 * takes minutes; delete it to regenerate.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, type Db, openPostgres, queryRows } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedBase } from '../src/db/seed/index.ts';
import { buildDeps, prepareDatabase } from '../src/main.ts';
import { encodeCursor } from '../src/platform/keyset.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { generateRegistry, ikmName, nationalRegions } from './registry-data.ts';
import { type Result, result, root, tempDir } from './lib.ts';
import { benchSession, measurePages, slowestNote } from './pages.ts';

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

/** The cursor of the row in the middle of the name order (a deep page, as keyset reaches it). */
async function middleCursor(db: Db, total: number): Promise<string> {
  const [row] = await queryRows<{ s: string; id: string }>(
    db,
    sql`select lower(name) as s, id from ikm where archived_at is null order by lower(name), id offset ${Math.floor(total / 2)} limit 1`,
  );
  return encodeCursor([row!.s, row!.id]);
}

interface Pages {
  list: Record<string, { url: string; cookie: string }>;
  search: Record<string, { url: string; cookie: string }>;
  /** Reported beside the budgets: a common word's matches in alphabetical order. */
  byName: Record<string, { url: string; cookie: string }>;
}

function pagesFor(total: number, admin: string, officer: string, deep: string): Pages {
  const rare = ikmName(Math.floor(total * 0.37))
    .split(' ')
    .slice(-1)[0]!;
  const typo = rare.slice(0, 2) + rare[3] + rare[2] + rare.slice(4);
  const full = ikmName(Math.floor(total * 0.61));
  const q = (s: string) => encodeURIComponent(s);
  return {
    list: {
      'IKM, first page (admin)': { url: '/registry/ikm', cookie: admin },
      'IKM, own kab/kota (officer)': { url: '/registry/ikm', cookie: officer },
      'IKM, kab/kota filter': { url: '/registry/ikm?kabkota=81.03', cookie: admin },
      'IKM, deep keyset page': { url: `/registry/ikm?after=${deep}`, cookie: admin },
      'IKM, by workforce': { url: '/registry/ikm?sort=workforce', cookie: admin },
      'IKM, expiring documents': { url: '/registry/ikm?legal=expiring', cookie: admin },
      'IKM, commodity filter': { url: '/registry/ikm?commodity=gerabah', cookie: admin },
      'products, first page': { url: '/registry/products', cookie: admin },
      'products, commodity filter': { url: '/registry/products?commodity=kain_batik', cookie: officer },
      'sentra, first page': { url: '/registry/sentra', cookie: admin },
    },
    search: {
      'IKM, common word': { url: `/registry/ikm?q=tenun`, cookie: admin },
      'IKM, owner': { url: `/registry/ikm?q=${q('Sopacua')}`, cookie: admin },
      'IKM, rare place': { url: `/registry/ikm?q=${q(rare)}`, cookie: admin },
      'IKM, full name': { url: `/registry/ikm?q=${q(full)}`, cookie: admin },
      'IKM, NIB': {
        url: `/registry/ikm?q=9${String(Math.floor(total * 0.5)).padStart(12, '0')}`,
        cookie: admin,
      },
      'IKM, typo (close matches)': { url: `/registry/ikm?q=${q(typo)}`, cookie: admin },
      'IKM, officer searching': { url: `/registry/ikm?q=sagu`, cookie: officer },
      'products, search': { url: `/registry/products?q=${q(`keripik ${rare}`)}`, cookie: admin },
      'sentra, search': { url: `/registry/sentra?q=kenari`, cookie: admin },
    },
    byName: {
      'IKM, common word by name': { url: '/registry/ikm?q=tenun&sort=name', cookie: admin },
      'IKM, owner by name': { url: `/registry/ikm?q=${q('Sopacua')}&sort=name`, cookie: admin },
    },
  };
}

async function provinceScale(): Promise<Result[]> {
  const dir = tempDir('registry');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  try {
    const { db } = database;
    const t0 = performance.now();
    await generateRegistry(db, { ikm: 10_000, kabkota: MALUKU, batch: 10_000 });
    await db.execute(sql`analyze`);
    process.stdout.write(`  province data generated in ${Math.round(performance.now() - t0)} ms\n`);
    const app = createApp(await buildDeps(config, database));
    const admin = await benchSession(db, 'bench-admin@ovop.test', 'admin_provinsi');
    const officer = await benchSession(db, 'bench-ambon@ovop.test', 'petugas_kabkota', '81.71');
    const pages = pagesFor(10_000, admin, officer, await middleCursor(db, 10_000));
    const list = await measurePages(app, pages.list, ROUNDS);
    const search = await measurePages(app, pages.search, ROUNDS);
    const byName = await measurePages(app, pages.byName, ROUNDS);
    return [
      result(
        'registry list pages p95, province scale (10,000 IKM, 20,000 products, PGlite)',
        list.p95,
        'ms',
        50,
        slowestNote(list, { cpu: false }),
      ),
      result(
        'registry search pages p95, province scale (10,000 IKM, 20,000 products, PGlite)',
        search.p95,
        'ms',
        50,
        slowestNote(search, { cpu: false }),
      ),
      result(
        'registry search of a common word sorted by name p95, province scale (PGlite)',
        byName.p95,
        'ms',
        null,
        slowestNote(byName, { cpu: false }),
      ),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A name that changes when the schema does, so a kept database never outlives its schema. */
function schemaTag(): string {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(path.join(root, 'src/db/migrations')).sort())
    if (f.endsWith('.sql')) h.update(fs.readFileSync(path.join(root, 'src/db/migrations', f)));
  h.update(fs.readFileSync(path.join(root, 'bench/registry-data.ts')));
  return h.digest('hex').slice(0, 10);
}

/** The kept national-scale registry database (made on first use): 1,000,000 IKM, 2,000,000 products. */
export async function nationalDatabase(serverUrl: string): Promise<{ database: Database; url: string }> {
  const name = `ovop_bench_registry_${schemaTag()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let fresh = false;
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const old = await admin.query(
        "select datname from pg_database where datname like 'ovop_bench_registry_%'",
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
  const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ikm`);
  if (fresh || Number(count?.n) !== 1_000_000) {
    const { db } = database;
    const t0 = performance.now();
    process.stdout.write('  generating national data (once; kept for later runs)…\n');
    await db.execute(sql`truncate product_photos, products, legal_documents, ikm, sentra cascade`);
    // Bulk load without the secondary indexes, then build them as the migrations define them.
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      db,
      sql`select indexname, indexdef from pg_indexes
          where tablename in ('ikm', 'products', 'sentra') and indexname not like '%_pkey'`,
    );
    for (const i of indexes) await db.execute(sql.raw(`drop index ${i.indexname}`));
    const codes = [...MALUKU, ...(await nationalRegions(db))];
    await generateRegistry(db, { ikm: 1_000_000, kabkota: codes, batch: 100_000 }, (s) =>
      process.stdout.write(`${s}\n`),
    );
    for (const i of indexes) await db.execute(sql.raw(i.indexdef));
    await db.execute(sql`vacuum analyze ikm`);
    await db.execute(sql`vacuum analyze products`);
    await db.execute(sql`vacuum analyze sentra`);
    process.stdout.write(`  national data generated in ${Math.round((performance.now() - t0) / 1000)} s\n`);
  }
  return { database, url: u.toString() };
}

/** The PostgreSQL server of the national-scale figures. */
export const benchServerUrl = () =>
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:55432/postgres';

async function nationalScale(): Promise<Result[]> {
  const server = benchServerUrl();
  let opened: { database: Database; url: string };
  try {
    opened = await nationalDatabase(server);
  } catch (err) {
    const why = `PostgreSQL at ${new URL(server).host} not usable: ${(err as Error).message}`;
    return [
      {
        name: 'registry list pages p95, national scale (PostgreSQL)',
        value: Number.NaN,
        unit: 'ms',
        budget: '≤ 100 ms',
        within: false,
        note: why,
      },
    ];
  }
  const { database, url } = opened;
  const dir = tempDir('registry-pg');
  try {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const app = createApp(await buildDeps(config, database));
    const { db } = database;
    const admin = await benchSession(db, 'bench-admin@ovop.test', 'admin_provinsi');
    const officer = await benchSession(db, 'bench-ambon@ovop.test', 'petugas_kabkota', '81.71');
    const pages = pagesFor(1_000_000, admin, officer, await middleCursor(db, 1_000_000));
    const list = await measurePages(app, pages.list, ROUNDS);
    const search = await measurePages(app, pages.search, ROUNDS);
    const byName = await measurePages(app, pages.byName, ROUNDS);
    return [
      result(
        'registry list pages p95, national scale (1,000,000 IKM, 2,000,000 products, PostgreSQL)',
        list.p95,
        'ms',
        100,
        slowestNote(list, { cpu: false }),
      ),
      result(
        'registry search pages p95, national scale (1,000,000 IKM, 2,000,000 products, PostgreSQL)',
        search.p95,
        'ms',
        100,
        slowestNote(search, { cpu: false }),
      ),
      result(
        'registry search of a common word sorted by name p95, national scale (PostgreSQL)',
        byName.p95,
        'ms',
        null,
        `${slowestNote(byName, { cpu: false })}; its matches cluster in name order (ADR 0100)`,
      ),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Result[]> {
  setLogLevel('silent');
  const out = await provinceScale();
  if (process.env.BENCH_SKIP_NATIONAL !== '1') out.push(...(await nationalScale()));
  return out;
}
