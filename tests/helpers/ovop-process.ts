/**
 * The `ovop` command in its own process, as a user runs it: for the tests of the lock, crash
 * durability and interrupted imports. The environment is the test's, minus any database URL, so a
 * test chooses PGlite or PostgreSQL itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const bin = path.resolve('bin/ovop.mjs');

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return env;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ovop <args>` to its end. */
export function ovop(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...baseEnv(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port nothing listens on now (the system's choice, so two tests never pick the same one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The servers this test file started and has not seen exit (killed by `stopServedOvop`). */
const served = new Set<ChildProcess>();

/** Kills every server the test file started that still runs (its afterAll: a failed test stops none). */
export async function stopServedOvop(): Promise<void> {
  await Promise.all([...served].map((child) => stopProcess(child, 'SIGKILL')));
}

export interface ServedOvop {
  child: ChildProcess;
  url: string;
}

/**
 * Starts `ovop serve` and waits for its first healthy answer. A server that exits first fails at once
 * with what it wrote on stderr (another process may take the free port between the probe and the
 * server's listen: that case starts again on another port).
 */
export async function serveOvop(env: Record<string, string>, timeoutMs = 90_000): Promise<ServedOvop> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...baseEnv(), ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    served.add(child);
    child.once('exit', () => served.delete(child));
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) return { child, url };
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (exited && stderr.includes('EADDRINUSE') && attempt < 3) continue;
    await stopProcess(child, 'SIGKILL');
    throw new Error(
      exited
        ? `ovop serve exited (${child.exitCode ?? child.signalCode}) before answering: ${stderr}`
        : `ovop serve did not answer within ${timeoutMs / 1000} s: ${stderr}`,
    );
  }
}

/** Stops a process and waits for it to be gone (at once when it has exited already). */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise<void>((resolve) => {
    // A process killed by a signal has signalCode set and exitCode null.
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
