/** Cold start (fresh and existing data dir) and idle memory, on PGlite; each start timed three times. */
import fs from 'node:fs';
import { type Result, result, rssMb, spawnServer, tempDir } from './lib.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `runs ${xs.map((x) => Math.round(x)).join(', ')} ms`;

/** Three starts of `serve` (with `args`), each on a new empty data dir. */
async function freshStarts(args: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = tempDir('startup-fresh');
    try {
      const s = await spawnServer({ DATA_DIR: dir }, args);
      times.push(s.startMs);
      await s.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return times;
}

export async function run(): Promise<Result[]> {
  const dir = tempDir('startup');
  try {
    const first = await spawnServer({ DATA_DIR: dir });
    await first.stop();
    const existing: number[] = [];
    let idle = 0;
    for (let i = 0; i < 3; i++) {
      const s = await spawnServer({ DATA_DIR: dir });
      existing.push(s.startMs);
      if (i === 2) {
        await new Promise((r) => setTimeout(r, 2000));
        idle = rssMb(s.child.pid!);
      }
      await s.stop();
    }
    const fresh = await freshStarts(['serve']);
    const freshDemo = await freshStarts(['serve', '--demo']);
    return [
      result(
        'cold start, existing data dir (PGlite, median of 3)',
        median(existing),
        'ms',
        3000,
        spread(existing),
      ),
      result(
        'cold start, fresh data dir (PGlite, migrations included, median of 3)',
        median(fresh),
        'ms',
        3000,
        spread(fresh),
      ),
      result(
        'first start with demo data, fresh data dir (npm start on a new install, median of 3)',
        median(freshDemo),
        'ms',
        3000,
        `${spread(freshDemo)}; the demo accounts are made before it listens, the rest of the demo data once the first request is answered`,
      ),
      result(
        'idle memory after start (PGlite, RSS)',
        idle,
        'MB',
        null,
        'PGlite holds PostgreSQL in WASM memory (its page cache: PGLITE_SHARED_BUFFERS_MB)',
      ),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
