import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { ConfigError, DEFAULT_SHARED_BUFFERS_MB } from '../config.ts';
import { projectPath } from '../paths.ts';
import { lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** One type for both drivers; services take this and never know which engine is below. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /** The PGlite instance (tests dump it as a template); absent on PostgreSQL. */
  pglite?: PGlite;
}

/** The PGlite extensions the schema uses (search: accent-insensitive and typo-tolerant). */
export async function pgliteExtensions() {
  const [{ pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  return { pg_trgm, unaccent };
}

/** The PGlite version: a cached cluster is only valid for the engine that made it. */
function pgliteVersion(): string {
  const pkg = JSON.parse(
    fs.readFileSync(projectPath('node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

/**
 * What makes the migrated template besides an empty cluster: the schema, the base data and the code
 * that writes it (seedBase, seedDefaultRubrics). Broad on purpose: a needless rebuild costs one
 * slower first start until `npm install` or the bench remakes it; a stale template would be wrong.
 */
const TEMPLATE_INPUTS = [
  'src/db/migrations',
  'src/db/seed/data',
  'src/db/seed/demo-accounts.ts',
  'src/db/seed/index.ts',
  'src/db/seed/regions.ts',
  'src/features/assessment/rubric.defaults.ts',
  'src/features/assessment/rubrics.service.ts',
  'src/platform/domain.ts',
];

/**
 * Where cached PGlite clusters live, so a fresh data dir is a file copy instead of an initdb (≈5 s),
 * a replay of every migration (≈2 s) and the base data (≈0.3 s). Made after npm install
 * (ovop prepare-template). `empty`: initdb only. `migrated`: every committed migration applied and
 * the base data in (regions, default rubrics), keyed by the content of what makes them, so a new
 * migration or seed never meets a stale copy (the empty one serves until the template is remade).
 */
export function pgliteTemplatePath(kind: 'empty' | 'migrated' | 'demo'): string {
  const base = projectPath('node_modules/.cache/ovop');
  if (kind === 'empty') return path.join(base, `pglite-${pgliteVersion()}-empty`);
  if (kind === 'demo') return `${pgliteTemplatePath('migrated')}-demo`;
  const hash = crypto.createHash('sha256');
  for (const input of TEMPLATE_INPUTS) {
    const full = projectPath(input);
    const files = fs.statSync(full).isDirectory()
      ? fs
          .readdirSync(full)
          .sort()
          .map((f) => path.join(full, f))
          .filter((f) => fs.statSync(f).isFile())
      : [full];
    for (const f of files) hash.update(path.relative(full, f) || input).update(fs.readFileSync(f));
  }
  return path.join(base, `pglite-${pgliteVersion()}-schema-${hash.digest('hex').slice(0, 12)}`);
}

/**
 * The best cached cluster for a fresh data dir: for a demo start the one with the demo accounts,
 * else the migrated one when current, else the empty one.
 */
function pgliteTemplate(demo: boolean): string | undefined {
  for (const kind of demo ? (['demo', 'migrated', 'empty'] as const) : (['migrated', 'empty'] as const)) {
    const dir = pgliteTemplatePath(kind);
    if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  }
  return undefined;
}

/**
 * Copies a directory tree: the directories at once, then every file at the same time on libuv's
 * threads (fs.cpSync blocks the start for its ≈1,400 files; fs.promises.cp copies them one by one).
 * Written beside `to` and renamed into place, so an interrupted copy never looks like a cluster.
 */
async function copyTree(from: string, to: string): Promise<void> {
  const partial = `${to}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const entries = fs.readdirSync(from, { recursive: true, withFileTypes: true });
  const relative = (e: fs.Dirent) => path.relative(from, path.join(e.parentPath, e.name));
  fs.mkdirSync(partial, { recursive: true });
  for (const e of entries)
    if (e.isDirectory()) fs.mkdirSync(path.join(partial, relative(e)), { recursive: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map((e) => fs.promises.copyFile(path.join(from, relative(e)), path.join(partial, relative(e)))),
  );
  fs.rmSync(to, { recursive: true, force: true });
  fs.renameSync(partial, to);
}

/** Opens the embedded PGlite database in `dataDir/pgdata`, holding the directory's lock while open. */
export async function openPglite(
  dataDir: string,
  opts: { loadDataDir?: Blob; demo?: boolean; sharedBuffersMb?: number } = {},
): Promise<Database> {
  const release = lockDataDir(dataDir);
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    const fresh = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    const loadDataDir = opts.loadDataDir;
    const template = fresh && !loadDataDir ? pgliteTemplate(opts.demo === true) : undefined;
    // Each driver is imported only when used: loading both costs a few hundred ms of start-up.
    const [{ PGlite }, { drizzle }, extensions] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      pgliteExtensions(),
      // The copy runs on libuv's threads while the modules (here and the caller's) load.
      template ? copyTree(template, pgdata) : undefined,
    ]);
    const client = await PGlite.create({
      dataDir: pgdata,
      extensions,
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${opts.sharedBuffersMb ?? DEFAULT_SHARED_BUFFERS_MB}MB`,
      ],
      ...(fresh && loadDataDir ? { loadDataDir } : {}),
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      async close() {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Opens a node-postgres pool on DATABASE_URL and checks that it answers. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const [{ default: pg }, { drizzle }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw new ConfigError(
      `Invalid configuration:\n  DATABASE_URL: cannot connect (${(err as Error).message || (err as NodeJS.ErrnoException).code})`,
    );
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

export function openDatabase(
  config: { DATABASE_URL?: string | undefined; dataDir: string; PGLITE_SHARED_BUFFERS_MB?: number },
  opts: { demo?: boolean } = {},
): Promise<Database> {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL)
    : openPglite(config.dataDir, { ...opts, sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB });
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). Cast numbers in SQL. */
/** The PostgreSQL error code and constraint of a failed statement (drizzle keeps the driver's error as its cause). */
export function databaseError(err: unknown): { code?: string | undefined; constraint?: string | undefined } {
  const e = err as {
    code?: string;
    constraint?: string;
    cause?: { code?: string; constraint?: string };
  } | null;
  return { code: e?.code ?? e?.cause?.code, constraint: e?.constraint ?? e?.cause?.constraint };
}

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
