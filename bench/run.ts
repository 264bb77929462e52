/**
 * npm run bench: measures each figure of DESIGN.md §6 that the implemented features cover, prints it
 * beside its budget and writes bench/results.json (a list of {name, value, unit, budget, within}).
 * Run a subset with: npm run bench -- startup registry
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Result, root } from './lib.ts';

/** Every benchmark module, in order; each feature adds its own. */
const SUITES: Record<string, () => Promise<{ run: () => Promise<Result[]> }>> = {
  startup: () => import('./startup.bench.ts'),
  assessment: () => import('./assessment.bench.ts'),
  results: () => import('./results.bench.ts'),
  events: () => import('./events.bench.ts'),
  cycles: () => import('./cycles.bench.ts'),
  registry: () => import('./registry.bench.ts'),
  coaching: () => import('./coaching.bench.ts'),
  catalog: () => import('./catalog.bench.ts'),
  awards: () => import('./awards.bench.ts'),
  dashboards: () => import('./dashboards.bench.ts'),
  import: () => import('./import.bench.ts'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const out = path.join(root, 'bench/results.json');
const previous: Result[] = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : [];
const results: Result[] = [];
let merged: Result[] = previous;
for (const [name, load] of Object.entries(SUITES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stdout.write(`\n# ${name}\n`);
  const suite = await load();
  for (const r of await suite.run()) {
    results.push(r);
    const mark = r.within ? 'ok  ' : 'OVER';
    process.stdout.write(
      `${mark} ${r.name}: ${r.value} ${r.unit} (budget ${r.budget})${r.note ? ` — ${r.note}` : ''}\n`,
    );
  }
  // Written after each suite, so a suite that fails later keeps the figures measured before it.
  merged = save();
}

/** bench/results.json: the figures of this run, and the last ones of every suite it did not run. */
function save(): Result[] {
  const names = new Set(results.map((r) => r.name));
  const all = [...previous.filter((r) => !names.has(r.name)), ...results];
  fs.writeFileSync(out, `${JSON.stringify(all, null, 2)}\n`);
  return all;
}
const over = merged.filter((r) => !r.within);
process.stdout.write(
  `\n${merged.length} figures written to bench/results.json; ${over.length} over budget.\n`,
);
process.exit(0);
