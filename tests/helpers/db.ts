import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/client.ts';
import { randomToken } from '../../src/platform/ids.ts';
import { withDatabase } from './pg-admin.ts';

export interface TestDatabase extends Database {
  /** A data dir of the test's own (the PGlite database and uploaded files live below it). */
  dataDir: string;
  /** The PostgreSQL URL of this test database, when running on PostgreSQL. */
  url?: string;
}

/**
 * A fresh, migrated database with the regions seeded, of the engine this run uses: PGlite by
 * default, PostgreSQL when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-test-'));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `ovop_t_${randomToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    await withDatabase(url, (admin) =>
      admin.query(`create database ${name} template ${inject('pgTemplate')}`),
    );
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), { max: 4 });
    return {
      ...database,
      dataDir,
      url: u.toString(),
      async close() {
        await database.close();
        await withDatabase(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const template = fs.readFileSync(inject('pgliteTemplate'));
  const database = await openPglite(dataDir, { loadDataDir: new Blob([template]) });
  return {
    ...database,
    dataDir,
    async close() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
