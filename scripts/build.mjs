#!/usr/bin/env node
/**
 * Bundles src/cli.ts into dist/ovop.mjs (dependencies stay in node_modules). Loading one bundled
 * file starts about 0.6 s faster than transforming the sources with tsx, which matters for the 3 s
 * cold-start budget. bin/ovop.mjs uses the bundle only when it is newer than every source file.
 * `--if-stale` rebuilds only when a source changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/ovop.mjs');
/** The import's reader thread (src/features/registry/import/import.reader.ts), a file of its own. */
const readerOutfile = path.join(root, 'dist/import-reader.mjs');

export function newestSourceMtime(dir = path.join(root, 'src')) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(p));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function bundleIsFresh() {
  const newest = newestSourceMtime();
  return [outfile, readerOutfile].every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs >= newest);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && bundleIsFresh()) process.exit(0);
  // Loaded here only: bin/ovop.mjs imports this file on every start, for bundleIsFresh.
  const { build } = await import('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [path.join(root, 'src/features/registry/import/import.reader.worker.ts')],
    outfile: readerOutfile,
  });
  await build({ ...common, entryPoints: [path.join(root, 'src/cli.ts')], outfile });
}
