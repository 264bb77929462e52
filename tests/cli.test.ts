/**
 * The `ovop` command as a user runs it: separate processes on a real data dir (PGlite), so that the
 * lock, the start-up checks and crash durability are tested for real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/client.ts';
import { users } from '../src/db/schema/accounts.ts';
import { ovop, serveOvop as serve, stopProcess as stop, stopServedOvop } from './helpers/ovop-process.ts';

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-cli-'));
});
afterAll(async () => {
  await stopServedOvop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('ovop command line', { timeout: 180_000 }, () => {
  it('creates a user and an API token for it', async () => {
    const created = await ovop(
      [
        'user',
        'create',
        '--email',
        'cli@ovop.test',
        '--role',
        'admin_provinsi',
        '--password',
        'cli-password',
      ],
      {
        DATA_DIR: dataDir,
      },
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('User cli@ovop.test created (admin_provinsi)');
    const token = await ovop(['token', 'create', '--email', 'cli@ovop.test'], { DATA_DIR: dataDir });
    expect(token.stdout.trim()).toMatch(/^ovop_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a bad role or a kab/kota officer without a valid region, naming the option', async () => {
    const role = await ovop(['user', 'create', '--email', 'x@ovop.test', '--role', 'kepala'], {
      DATA_DIR: dataDir,
    });
    expect(role.code).toBe(64);
    expect(role.stderr).toContain('--role must be one of');
    const region = await ovop(
      ['user', 'create', '--email', 'y@ovop.test', '--role', 'petugas_kabkota', '--region', '99.99'],
      {
        DATA_DIR: dataDir,
      },
    );
    expect(region.code).toBe(65);
    expect(region.stderr).toContain('Choose one of the regencies/cities of this province.');
  });

  it('stops the start with a message naming a bad DATABASE_URL or an unwritable DATA_DIR', async () => {
    const badUrl = await ovop(['migrate'], {
      DATA_DIR: dataDir,
      DATABASE_URL: 'mysql://root@localhost/ovop',
    });
    expect(badUrl.code).toBe(78);
    expect(badUrl.stderr).toContain('DATABASE_URL');
    const unreachable = await ovop(['migrate'], {
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/ovop',
    });
    expect(unreachable.code).toBe(78);
    expect(unreachable.stderr).toContain('DATABASE_URL: cannot connect');
    const file = path.join(dataDir, 'not-a-dir');
    fs.writeFileSync(file, '');
    const badDir = await ovop(['migrate'], { DATA_DIR: path.join(file, 'sub') });
    expect(badDir.code).toBe(78);
    expect(badDir.stderr).toContain('DATA_DIR');
  });

  it('refuses a second process on the same data dir, naming the lock', async () => {
    const first = await serve({ DATA_DIR: dataDir });
    try {
      const second = await ovop(['serve'], { DATA_DIR: dataDir, PORT: '0' });
      expect(second.code).toBe(78);
      expect(second.stderr).toContain('in use by another OVOP process');
      expect(second.stderr).toContain(path.join(dataDir, 'ovop.lock'));
      expect((await fetch(`${first.url}/healthz`)).ok).toBe(true);
    } finally {
      await stop(first.child);
    }
  });

  it('keeps everything acknowledged before a SIGKILL during writes', async () => {
    // Its own data dir and account, so the test stands alone.
    const crashDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-crash-'));
    await ovop(['user', 'create', '--email', 'writer@ovop.test', '--role', 'admin_provinsi'], {
      DATA_DIR: crashDir,
    });
    const token = (
      await ovop(['token', 'create', '--email', 'writer@ovop.test'], { DATA_DIR: crashDir })
    ).stdout.trim();
    expect(token).toMatch(/^ovop_/);
    const { child, url } = await serve({ DATA_DIR: crashDir });
    const acknowledged: string[] = [];
    let stopWriting = false;
    let next = 0;
    // Four writers at once, so the kill lands while writes are in flight.
    const writer = async () => {
      while (!stopWriting) {
        const email = `crash-${next++}@ovop.test`;
        try {
          const res = await fetch(`${url}/api/v1/users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              email,
              name: `Crash ${email}`,
              role: 'penilai',
              password: 'crash-password',
            }),
          });
          if (res.status === 201) acknowledged.push(email);
        } catch {
          return;
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    stopWriting = true;
    await writers;
    await stop(child);
    expect(next).toBeGreaterThan(acknowledged.length);
    // The lock of the killed process is stale: the restart takes it over and serves.
    const again = await serve({ DATA_DIR: crashDir });
    expect(
      (await fetch(`${again.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).ok,
    ).toBe(true);
    await stop(again.child);
    const database = await openPglite(crashDir);
    try {
      const rows = await database.db
        .select({ email: users.email })
        .from(users)
        .where(like(users.email, 'crash-%'));
      const stored = new Set(rows.map((r) => r.email));
      expect(acknowledged.length).toBeGreaterThanOrEqual(12);
      expect(acknowledged.filter((e) => !stored.has(e))).toEqual([]);
    } finally {
      await database.close();
      fs.rmSync(crashDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('backs up and restores through the command line', async () => {
    const out = path.join(dataDir, '..', `${path.basename(dataDir)}-backup.tar.gz`);
    const made = await ovop(['backup', '--out', out], { DATA_DIR: dataDir });
    expect(made.stdout).toMatch(/Backup written to .*: \d+ rows in \d+ tables, 0 files\./);
    await ovop(['user', 'create', '--email', 'after-backup@ovop.test', '--role', 'penilai'], {
      DATA_DIR: dataDir,
    });
    const restored = await ovop(['restore', out], { DATA_DIR: dataDir });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Restored the backup');
    const token = await ovop(['token', 'create', '--email', 'after-backup@ovop.test'], { DATA_DIR: dataDir });
    expect(token.code).toBe(64);
    expect(token.stderr).toContain('No user with e-mail after-backup@ovop.test');
    const corrupt = path.join(dataDir, 'corrupt.tar.gz');
    fs.writeFileSync(corrupt, 'garbage');
    const refused = await ovop(['restore', corrupt], { DATA_DIR: dataDir });
    expect(refused.code).toBe(78);
    expect(refused.stderr).toContain('Nothing was changed');
    fs.rmSync(out, { force: true });
  }, 180_000);
});
