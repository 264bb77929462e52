/** Shared pieces of `npm run bench`: result records, timing, percentiles, a spawned server. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Result {
  name: string;
  value: number;
  unit: string;
  /** The budget as text, e.g. "≤ 3000 ms". */
  budget: string;
  within: boolean;
  note?: string;
}

export function result(name: string, value: number, unit: string, max: number | null, note?: string): Result {
  const rounded = Math.round(value * 100) / 100;
  return {
    name,
    value: rounded,
    unit,
    budget: max === null ? 'none (reported)' : `≤ ${max} ${unit}`,
    within: max === null ? true : value <= max,
    ...(note ? { note } : {}),
  };
}

export function resultAtLeast(name: string, value: number, unit: string, min: number, note?: string): Result {
  return {
    name,
    value: Math.round(value * 100) / 100,
    unit,
    budget: `≥ ${min} ${unit}`,
    within: value >= min,
    ...(note ? { note } : {}),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}

export const root = path.resolve(new URL('..', import.meta.url).pathname);

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ovop-bench-${prefix}-`));
}

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startMs: number;
  stop(): Promise<void>;
}

let bundleChecked = false;

/**
 * Brings the install up to date as `npm install` leaves it, so the figures are an installed app's:
 * rebuilds dist/ovop.mjs when a source is newer (else bin/ovop.mjs runs the sources through tsx) and
 * prepares the migrated PGlite cluster when a migration is new (else a fresh data dir replays them).
 */
function ensureBundle(): void {
  if (bundleChecked) return;
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'bin/ovop.mjs'), 'prepare-template'], { stdio: 'ignore' });
  bundleChecked = true;
}

/** Starts `ovop serve` (or another `ovop` command) in a child process and waits for its first answer. */
export async function spawnServer(
  env: Record<string, string>,
  args: string[] = ['serve'],
): Promise<SpawnedServer> {
  ensureBundle();
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/ovop.mjs'), ...args], {
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 20));
    if (performance.now() - started > 120_000) throw new Error(`server did not start: ${stderr}`);
  }
  const startMs = performance.now() - started;
  return {
    url,
    child,
    startMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Latencies of `count` sequential GETs (after a warm-up), in ms. */
export async function measureGets(urls: string[], count: number, headers: Record<string, string> = {}) {
  for (const u of urls.slice(0, 5)) await fetch(u, { headers }).then((r) => r.arrayBuffer());
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = urls[i % urls.length]!;
    const t0 = performance.now();
    const res = await fetch(u, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${u} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  return times;
}
