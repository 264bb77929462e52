import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMODITIES } from '../platform/domain.ts';
import { type Database, openDatabase, openPglite, queryRows } from './client.ts';
import { loadConfig } from '../config.ts';
import { migrate } from './migrate.ts';
import { seedBase } from './seed/index.ts';
import { getSetting, installationSecret } from './seed/settings.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { findUserByEmail } from '../features/users/users.service.ts';
import { verifyPassword } from '../platform/auth/password.ts';
import { prepareTemplate } from './template.ts';

const count = async (database: Database, table: string) =>
  Number(
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!
      .n,
  );

describe('a fresh PGlite data dir from the installed template', () => {
  let dirs: string[] = [];
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-template-test-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    // npm install has made it; this only makes it when missing.
    await prepareTemplate();
  }, 120_000);
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  it('starts migrated, with the regions and default rubrics, and nothing of any installation', async () => {
    const database = await openPglite(fresh());
    try {
      const applied = await count(database, 'drizzle.__drizzle_migrations');
      const journal = JSON.parse(
        fs.readFileSync(path.resolve('src/db/migrations/meta/_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      expect(applied).toBe(journal.entries.length);
      expect(await count(database, 'regions')).toBeGreaterThanOrEqual(1 + 11 + 119);
      expect(await count(database, 'rubrics')).toBe(COMMODITIES.length);
      expect(await count(database, 'users')).toBe(0);
      expect(await count(database, 'app_settings')).toBe(0);
      // Starting again changes nothing of the base data.
      await migrate(database);
      await seedBase(database.db);
      expect(await count(database, 'rubrics')).toBe(COMMODITIES.length);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('starts a demo data dir with the demo accounts already made, and nothing else of the demo', async () => {
    const database = await openPglite(fresh(), { demo: true });
    try {
      const emails = await queryRows<{ email: string }>(
        database.db,
        sql`select email from users order by email`,
      );
      expect(emails.map((e) => e.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      expect(await getSetting(database.db, 'demo_steps')).toEqual(['accounts']);
      expect(await count(database, 'ikm')).toBe(0);
      expect(await getSetting(database.db, 'secret')).toBeUndefined();
      const admin = await findUserByEmail(database.db, 'admin@ovop.test');
      expect(await verifyPassword(admin!.passwordHash, DEMO_PASSWORD)).toBe(true);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('starts over from the template when an earlier copy was interrupted', async () => {
    const dir = fresh();
    // What a start killed during the copy leaves: a half-written copy beside an empty pgdata.
    fs.mkdirSync(path.join(dir, 'pgdata.partial', 'base'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pgdata.partial', 'base', 'half'), 'x');
    fs.mkdirSync(path.join(dir, 'pgdata'));
    const database = await openPglite(dir);
    try {
      expect(await count(database, 'rubrics')).toBe(COMMODITIES.length);
      expect(fs.existsSync(path.join(dir, 'pgdata.partial'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('sizes its page cache from PGLITE_SHARED_BUFFERS_MB', async () => {
    for (const [env, shown] of [
      [{}, '32MB'],
      [{ PGLITE_SHARED_BUFFERS_MB: '48' }, '48MB'],
    ] as const) {
      const database = await openDatabase(loadConfig({ DATA_DIR: fresh(), ...env }));
      try {
        const [row] = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
        expect(row!.shared_buffers).toBe(shown);
      } finally {
        await database.close();
      }
    }
  }, 60_000);

  it('gives each installation its own secret', async () => {
    const secrets: string[] = [];
    for (const [dir, demo] of [
      [fresh(), false],
      [fresh(), true],
    ] as const) {
      const database = await openPglite(dir, { demo });
      try {
        secrets.push(await installationSecret(database.db));
      } finally {
        await database.close();
      }
    }
    expect(secrets[0]).toMatch(/\S{20,}/);
    expect(secrets[0]).not.toBe(secrets[1]);
  }, 60_000);
});
