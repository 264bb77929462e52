import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another process holds the data directory. */
export class DataDirLockedError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory. PGlite does not lock by itself, and two
 * processes on one directory silently lose committed rows, so a second process is refused.
 * A lock left by a dead process (kill -9) is taken over.
 */
const heldHere = new Set<string>();

export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'ovop.lock');
  if (heldHere.has(file)) {
    throw new DataDirLockedError(
      `The data directory ${dir} is already open in this process (lock file ${file}).`,
    );
  }
  fs.mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      fs.closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        try {
          const held = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.rmSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; since?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* half-written by a process that died: treat as stale */
      }
      if (holder.pid && holder.pid !== process.pid && processAlive(holder.pid)) {
        throw new DataDirLockedError(
          `The data directory ${dir} is in use by another OVOP process (pid ${holder.pid}, since ${holder.since}); ` +
            `its lock file is ${file}. Stop that process first: two processes on one embedded database lose data.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${file}.`);
}
