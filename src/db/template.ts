import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions, pgliteTemplatePath } from './client.ts';

/**
 * Makes the cached empty PGlite cluster (initdb is the slow part of a first start, ≈5 s here);
 * openPglite loads it into a fresh data dir instead of running initdb again.
 */
export async function prepareTemplate(): Promise<string> {
  const target = pgliteTemplatePath();
  if (fs.existsSync(path.join(target, 'PG_VERSION'))) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const dir = fs.mkdtempSync(path.join(path.dirname(target), 'tmp-'));
  try {
    const db = await PGlite.create({ dataDir: dir, extensions: await pgliteExtensions() });
    await db.close();
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(dir, target);
    return target;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
