#!/usr/bin/env node
// The `ovop` command. Runs the bundle (dist/ovop.mjs, made at npm install) when it is up to date
// with the sources, else the TypeScript sources through tsx — never a stale build.
import { bundleIsFresh } from '../scripts/build.mjs';

if (process.env.OVOP_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import('../dist/ovop.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
