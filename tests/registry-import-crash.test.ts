/**
 * An import interrupted by killing the server (SIGKILL), as a power cut or an OOM kill would: the
 * server runs in its own process on a real data dir (PGlite) or database (PostgreSQL). Afterwards
 * the sheet is never half a batch in: what is saved is exactly the committed batches, the job says
 * where it stopped, continuing saves the rest, and neither continuing nor re-importing the whole
 * sheet creates a duplicate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, queryRows } from '../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { ovop as run, serveOvop, stopProcess as stop, stopServedOvop } from './helpers/ovop-process.ts';
import { bigIkmSheet } from './helpers/sheets.ts';

const ROWS = 20_000;
const NIB0 = 9300000000000;

let dataDir: string;
let database: TestDatabase | undefined;
let env: Record<string, string>;
let sheet: string;

const ovop = (args: string[]) => run(args, env);
const serve = () => serveOvop(env);

/** How many IKM of a sheet are stored, and how many distinct NIBs among them (server stopped). */
async function stored(nibPrefix = '93'): Promise<{ rows: number; nibs: number }> {
  const db = database ? await openPostgres(database.url!, { max: 1 }) : await openPglite(dataDir);
  try {
    const [r] = await queryRows<{ rows: number; nibs: number }>(
      db.db,
      sql`select count(*)::int as rows, count(distinct nib)::int as nibs from ikm where nib like ${`${nibPrefix}%`}`,
    );
    return { rows: Number(r!.rows), nibs: Number(r!.nibs) };
  } finally {
    await db.close();
  }
}

/** The import API as the test's officer uses it: calls that must succeed, and waiting on a job. */
function apiOf(token: string) {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  const api = async (url: string, p: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${url}/api/v1${p}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: auth,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, p).toBeLessThan(300);
    return res.json();
  };
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  const until = async (url: string, id: string, done: (j: any) => boolean, ms = 180_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const j = await api(url, `/registry/imports/${id}`);
      if (done(j)) {
        console.log(new Date().toISOString(), j.status, j.progress.rowsRead);
        return j;
      }
      if (Date.now() > deadline) throw new Error(`job stuck: ${JSON.stringify(j)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { api, until };
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    dataDir = database.dataDir;
    env = { DATA_DIR: dataDir, DATABASE_URL: database.url! };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-import-crash-'));
    env = { DATA_DIR: dataDir };
  }
  sheet = path.join(dataDir, 'ikm-besar.xlsx');
  await bigIkmSheet(
    sheet,
    ROWS,
    (n) => [`UD Tahan Banting ${n}`, `Pemilik ${n}`, String(NIB0 + n), 'Kota Ambon', n % 7, '15.000.000'],
    ['Nama usaha', 'Nama pemilik', 'NIB', 'Kabupaten/kota', 'Tenaga kerja perempuan', 'Nilai investasi (Rp)'],
  );
}, 120_000);
afterAll(async () => {
  await stopServedOvop();
  if (database) await database.close();
  else fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('an import when the server is killed', { timeout: 240_000 }, () => {
  it('keeps whole batches only, continues where it stopped, and never saves a row twice', async () => {
    expect(
      (await ovop(['user', 'create', '--email', 'impor@ovop.test', '--role', 'admin_provinsi'])).code,
    ).toBe(0);
    const token = (await ovop(['token', 'create', '--email', 'impor@ovop.test'])).stdout.trim();
    expect(token).toMatch(/^ovop_/);
    const { api, until } = apiOf(token);
    const file = { name: 'ikm-besar.xlsx', contentBase64: fs.readFileSync(sheet).toString('base64') };

    let server = await serve();
    const job = await api(server.url, '/registry/imports', { kind: 'ikm', file });
    const checked = await until(server.url, job.id, (j) => j.status === 'checked');
    expect(checked.check).toMatchObject({ rows: ROWS, valid: ROWS, invalid: 0 });
    await api(server.url, `/registry/imports/${job.id}/confirm`, { mode: 'valid' });
    // Mid-import, the server still answers other requests quickly.
    await until(server.url, job.id, (j) => j.status === 'importing' && j.progress.rowsRead >= 1500);
    const t0 = performance.now();
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(3000);
    server.child.kill('SIGKILL');
    await stop(server.child);

    // What is stored is exactly the committed batches: no half batch, no duplicate.
    const afterKill = await stored();
    expect(afterKill.rows).toBe(afterKill.nibs);
    expect(afterKill.rows % 500).toBe(0);
    expect(afterKill.rows).toBeGreaterThan(0);
    expect(afterKill.rows).toBeLessThan(ROWS);

    server = await serve();
    const interrupted = await until(server.url, job.id, (j) => j.status === 'interrupted', 60_000);
    expect(interrupted.result.created).toBe(afterKill.rows);
    // Every row up to savedThroughRow is saved (the header is row 1); on PostgreSQL the batch written
    // beside it may have committed too, and continuing passes over it.
    const beyond = afterKill.rows - (interrupted.savedThroughRow - 1);
    expect(database ? [0, 500] : [0]).toContain(beyond);
    await api(server.url, `/registry/imports/${job.id}/resume`, {});
    const done = await until(server.url, job.id, (j) => j.status === 'done');
    expect(done.result).toEqual({ created: ROWS, updated: 0, skipped: 0 });

    // The whole sheet again: every row updates the one it made; nothing is added.
    const again = await api(server.url, '/registry/imports', { kind: 'ikm', file });
    await until(server.url, again.id, (j) => j.status === 'checked');
    await api(server.url, `/registry/imports/${again.id}/confirm`, { mode: 'valid' });
    const second = await until(server.url, again.id, (j) => j.status === 'done');
    expect(second.result).toEqual({ created: 0, updated: ROWS, skipped: 0 });
    await stop(server.child);
    expect(await stored()).toEqual({ rows: ROWS, nibs: ROWS });
  });
});

// Two batches are written side by side on PostgreSQL only (PGlite has one connection), so only there
// can a batch commit before the one ahead of it in the sheet; the test exists on that engine alone.
if (process.env.TEST_DATABASE_URL) {
  describe('an import killed while a later batch has committed before an earlier one', {
    timeout: 240_000,
  }, () => {
    it('keeps the batch committed ahead, writes the one behind on resume, and saves no row twice', async () => {
      const AHEAD_ROWS = 3000;
      const NIB = 9400000000000;
      const aheadSheet = path.join(dataDir, 'ikm-urutan.xlsx');
      await bigIkmSheet(
        aheadSheet,
        AHEAD_ROWS,
        (n) => [`UD Urutan ${n}`, `Pemilik ${n}`, String(NIB + n), 'Kota Ambon', n % 5, '9.000.000'],
        [
          'Nama usaha',
          'Nama pemilik',
          'NIB',
          'Kabupaten/kota',
          'Tenaga kerja perempuan',
          'Nilai investasi (Rp)',
        ],
      );
      expect(
        (await ovop(['user', 'create', '--email', 'urutan@ovop.test', '--role', 'admin_provinsi'])).code,
      ).toBe(0);
      const token = (await ovop(['token', 'create', '--email', 'urutan@ovop.test'])).stdout.trim();
      const { api, until } = apiOf(token);
      const file = { name: 'ikm-urutan.xlsx', contentBase64: fs.readFileSync(aheadSheet).toString('base64') };

      let server = await serve();
      // The sheet's first row updates a business already registered; the others are new.
      const first = await fetch(`${server.url}/api/v1/ikm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'UD Urutan Lama',
          ownerName: 'Pemilik Lama',
          nib: String(NIB),
          kabkotaCode: '81.71',
          workforceMen: 1,
          workforceWomen: 0,
          investment: 5_000_000,
        }),
      });
      expect(first.status, await first.clone().text()).toBe(201);
      const job = await api(server.url, '/registry/imports', { kind: 'ikm', file });
      await until(server.url, job.id, (j) => j.status === 'checked');

      // Another session holds that business's row, so the first batch waits inside its transaction
      // while the batches after it commit.
      const db = database!.db;
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let holding!: () => void;
      const held = new Promise<void>((r) => (holding = r));
      const lock = db.transaction(async (tx) => {
        await tx.execute(sql`select id from ikm where nib = ${String(NIB)} for update`);
        holding();
        await released;
      });
      await held;
      try {
        await api(server.url, `/registry/imports/${job.id}/confirm`, { mode: 'valid' });
        // Every batch but the first is committed (the sheet's last row is row AHEAD_ROWS + 1).
        const deadline = Date.now() + 120_000;
        for (;;) {
          const [j] = await queryRows<{ cursor: number; ahead: [number, number][] }>(
            db,
            sql`select cursor_row as cursor, committed_ahead as ahead from import_jobs where id = ${job.id}`,
          );
          if (j!.ahead.some(([, to]) => to === AHEAD_ROWS + 1)) {
            // Nothing is saved in sheet order yet: the first batch still waits.
            expect(j!.cursor).toBe(0);
            break;
          }
          if (Date.now() > deadline)
            throw new Error(`the later batches did not commit: ${JSON.stringify(j)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        server.child.kill('SIGKILL');
        await stop(server.child);
      } finally {
        release();
        await lock;
      }

      // Saved: the business from before and every row after the first batch, each once.
      const afterKill = await stored('94');
      expect(afterKill).toEqual({ rows: 1 + AHEAD_ROWS - 500, nibs: 1 + AHEAD_ROWS - 500 });

      server = await serve();
      const interrupted = await until(server.url, job.id, (j) => j.status === 'interrupted', 60_000);
      expect(interrupted.savedThroughRow).toBe(0);
      expect(interrupted.result.created).toBe(AHEAD_ROWS - 500);
      await api(server.url, `/registry/imports/${job.id}/resume`, {});
      const done = await until(server.url, job.id, (j) => j.status === 'done');
      expect(done.result).toEqual({ created: AHEAD_ROWS - 1, updated: 1, skipped: 0 });
      await stop(server.child);
      expect(await stored('94')).toEqual({ rows: AHEAD_ROWS, nibs: AHEAD_ROWS });
    });
  });
}
