import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openPglite, pgliteExtensions, pgliteTemplatePath } from './client.ts';
import { migrate } from './migrate.ts';
import { loadConfig } from '../config.ts';
import { FileStore } from '../platform/files.ts';
import { seedBase, seedDemo } from './seed/index.ts';

/**
 * Makes the cached PGlite clusters that openPglite copies into a fresh data dir: the empty one
 * (initdb, ≈5 s here) and the migrated one (every migration applied and the base data every
 * installation starts with: regions, default rubrics; never a secret or an account, which each
 * installation's first start makes), and a copy of it with the demo accounts. Returns the migrated
 * one's path.
 */
export async function prepareTemplate(): Promise<string> {
  const empty = pgliteTemplatePath('empty');
  await build(empty, async (dir) => {
    const db = await PGlite.create({ dataDir: dir, extensions: await pgliteExtensions() });
    await db.close();
  });
  const migrated = pgliteTemplatePath('migrated');
  await build(
    migrated,
    async (dir) => {
      // openPglite starts the data dir from the empty template made above.
      const work = path.join(dir, 'work');
      const database = await openPglite(work);
      try {
        await migrate(database);
        await seedBase(database.db);
      } finally {
        await database.close();
      }
      // One more start after the DDL: PostgreSQL rebuilds its catalog cache file then, and keeps it,
      // instead of on each fresh data dir's first start (≈0.5 s).
      const again = await openPglite(work);
      await again.db.execute(sql`select count(*) from pg_class`);
      await again.close();
      fs.renameSync(path.join(work, 'pgdata'), path.join(dir, 'pgdata'));
    },
    'pgdata',
  );
  // The same with the demo accounts, for `ovop serve --demo` on an empty data dir (`npm start` on a
  // new install): their hashing and seven cold inserts cost ≈0.3 s of the first start. The demo
  // password is published, so a hash shared by the installations made here tells nothing.
  const demo = pgliteTemplatePath('demo');
  await build(
    demo,
    async (dir) => {
      fs.cpSync(migrated, path.join(dir, 'pgdata'), { recursive: true });
      const database = await openPglite(dir);
      try {
        await seedDemo(
          { db: database.db, config: loadConfig({ DATA_DIR: dir }), files: new FileStore(dir) },
          {
            only: ['accounts'],
          },
        );
      } finally {
        await database.close();
      }
    },
    'pgdata',
  );
  // Older migrated copies (from before a new migration) are never used again.
  const current = new Set([migrated, demo]);
  for (const dir of fs.readdirSync(path.dirname(migrated)))
    if (dir.includes('-schema-') && !current.has(path.join(path.dirname(migrated), dir)))
      fs.rmSync(path.join(path.dirname(migrated), dir), { recursive: true, force: true });
  return migrated;
}

/** Builds a cache directory in a temporary one and moves it into place, so a half-made one is never used. */
async function build(target: string, make: (dir: string) => Promise<void>, sub?: string): Promise<void> {
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const dir = fs.mkdtempSync(path.join(path.dirname(target), 'tmp-'));
  try {
    await make(dir);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(sub ? path.join(dir, sub) : dir, target);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
