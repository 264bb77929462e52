import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { systemActor } from '../platform/actor.ts';
import { storeUpload } from '../platform/files.ts';
import { createUser } from '../features/users/users.service.ts';
import { BackupError, backup, restore } from './backup.ts';
import { queryRows } from './client.ts';

let t: TestApp;
let dir: string;
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Every table's rows as PostgreSQL writes them, for exact comparison. */
async function snapshot(): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(
    t.database.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ j: string }>(
      t.database.db,
      sql`select row_to_json(x)::text as j from ${sql.raw(`"${name}"`)} x order by 1`,
    );
    out[name] = rows.map((r) => r.j);
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-backup-test-'));
  await storeUpload(
    t.database.db,
    t.deps.files,
    { name: 'pixel.png', bytes: png },
    { allowed: ['png'], maxBytes: 1000 },
  );
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the database and the files exactly', async () => {
    const file = path.join(dir, 'full.tar.gz');
    const before = await snapshot();
    const manifest = await backup(t.database, t.config.filesDir, file);
    expect(manifest.files.count).toBe(1);
    expect(manifest.tables.users?.rows).toBe(7);

    // Change things after the backup: a new user, a new file, a removed file.
    await createUser(
      t.database.db,
      systemActor(),
      { email: 'later@ovop.test', name: 'Later', role: 'penilai', locale: 'id' },
      '81',
    );
    const pixelPath = t.deps.files.pathOf(
      (await queryRows<{ sha256: string }>(t.database.db, sql`select sha256 from files`))[0]!.sha256,
    );
    fs.rmSync(pixelPath);
    await t.deps.files.write(Buffer.from('another file'));

    await restore(t.database, t.config.filesDir, file, systemActor('test'));
    const after = await snapshot();
    // Identical, except the restore's own audit row.
    const { audit_log: auditAfter, ...restAfter } = after;
    const { audit_log: auditBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter!.slice(0, auditBefore!.length).sort()).toEqual([...auditBefore!].sort());
    expect(auditAfter!.some((r) => r.includes('system.restore'))).toBe(true);
    expect(fs.readFileSync(pixelPath)).toEqual(png);
    const stored = fs
      .readdirSync(t.config.filesDir, { recursive: true })
      .filter((f) => /[0-9a-f]{64}$/.test(String(f)));
    expect(stored).toHaveLength(1);
  });

  const expectRefused = async (file: string, message: RegExp) => {
    const before = await snapshot();
    const filesBefore = fs.readdirSync(t.config.filesDir, { recursive: true }).sort();
    await expect(restore(t.database, t.config.filesDir, file, systemActor('test'))).rejects.toThrow(
      BackupError,
    );
    await expect(restore(t.database, t.config.filesDir, file, systemActor('test'))).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
    expect(fs.readdirSync(t.config.filesDir, { recursive: true }).sort()).toEqual(filesBefore);
  };

  it('refuses a corrupt file and leaves the current data untouched', async () => {
    const file = path.join(dir, 'corrupt.tar.gz');
    fs.writeFileSync(file, Buffer.from('this is not a gzip file at all'));
    await expectRefused(file, /not a readable OVOP backup/);
  });

  it('refuses a foreign archive', async () => {
    const src = path.join(dir, 'foreign');
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, 'notes.txt'), 'hello');
    const file = path.join(dir, 'foreign.tar.gz');
    await tar.c({ gzip: true, file, cwd: src }, ['notes.txt']);
    await expectRefused(file, /not an OVOP backup/);
  });

  it('refuses a backup whose rows were tampered with', async () => {
    const good = path.join(dir, 'good.tar.gz');
    await backup(t.database, t.config.filesDir, good);
    const work = path.join(dir, 'tamper');
    fs.mkdirSync(work, { recursive: true });
    await tar.x({ file: good, cwd: work });
    const usersFile = path.join(work, 'db', 'users.jsonl');
    fs.writeFileSync(
      usersFile,
      fs.readFileSync(usersFile, 'utf8').replace('admin@ovop.test', 'evil@ovop.test'),
    );
    const bad = path.join(dir, 'tampered.tar.gz');
    await tar.c({ gzip: true, file: bad, cwd: work }, fs.readdirSync(work));
    await expectRefused(bad, /do not match their checksum/);
  });

  it('refuses a truncated backup', async () => {
    const good = path.join(dir, 'good2.tar.gz');
    await backup(t.database, t.config.filesDir, good);
    const bytes = fs.readFileSync(good);
    const cut = path.join(dir, 'cut.tar.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(cut, /not a readable OVOP backup|damaged|incomplete/);
  });
});
