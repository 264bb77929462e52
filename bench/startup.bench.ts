/** Cold start (fresh and existing data dir) and idle memory, on PGlite. */
import fs from 'node:fs';
import { type Result, result, rssMb, spawnServer, tempDir } from './lib.ts';

export async function run(): Promise<Result[]> {
  const dir = tempDir('startup');
  try {
    const fresh = await spawnServer({ DATA_DIR: dir });
    await fresh.stop();
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
    const freshDemo = await spawnServer({ DATA_DIR: tempDir('startup-demo') }, ['serve', '--demo']);
    await freshDemo.stop();
    return [
      result(
        'cold start, existing data dir (PGlite, median of 3)',
        existing.sort((a, b) => a - b)[1]!,
        'ms',
        3000,
      ),
      result('cold start, fresh data dir (PGlite, migrations included)', fresh.startMs, 'ms', 3000),
      result(
        'first start with demo data, fresh data dir (npm start on a new install)',
        freshDemo.startMs,
        'ms',
        3000,
        'the demo accounts are made before it listens, the rest of the demo data right after',
      ),
      result(
        'idle memory after start (PGlite, RSS)',
        idle,
        'MB',
        null,
        'PGlite holds PostgreSQL in WASM memory',
      ),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
