import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions, pgliteTemplatePath } from './client.ts';

/**
 * Makes the cached empty PGlite cluster (initdb is the slow part of a first start, ≈5 s here);
 * openPglite loads it into a fresh data dir instead of running initdb again.
 */
export async function prepareTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (fs.existsSync(file)) return file;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-template-'));
  try {
    const db = await PGlite.create({ dataDir: dir, extensions: await pgliteExtensions() });
    const blob = await db.dumpDataDir('gzip');
    await db.close();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
    return file;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
