import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { projectPath } from '../paths.ts';
import { type Database, queryRows } from './client.ts';

export const migrationsFolder = projectPath('src/db/migrations');

/** Applies the committed drizzle-kit migrations; the same folder serves PGlite and PostgreSQL. */
export async function migrate(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type
  const db = database.db as any;
  if (database.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(db, { migrationsFolder });
  }
}

/**
 * True when the newest committed migration is already applied: the migrator applies those newer than
 * the last one it recorded, so this is its own test, done in one query instead of its ≈0.3 s of
 * set-up statements on every start (start-up is a budget, DESIGN.md §6).
 */
async function upToDate(database: Database): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  const [table] = await queryRows<{ present: boolean }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return false;
  const [applied] = await queryRows<{ last: string | null }>(
    database.db,
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  return applied?.last != null && Number(applied.last) >= newest;
}
