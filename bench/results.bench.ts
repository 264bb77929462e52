/**
 * Results from the database: a whole cycle's results as the results page computes them (2,000
 * nominations × 5 submitted sheets read from score_sheets, assignments counted, facts and earlier
 * stars read, then means, medians, spreads, normalisation, Krippendorff's alpha, severity,
 * classification and ranking), on PGlite. The pure 2,000 × 5 × 30 figure is in the assessment suite.
 */
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { queryRows } from '../src/db/client.ts';
import { DEFAULT_COMMODITIES, defaultChecklist } from '../src/features/cycles/cycles.defaults.ts';
import { defaultStarBands } from '../src/features/cycles/cycles.rules.ts';
import { createCycle } from '../src/features/cycles/cycles.service.ts';
import { computeCycleResults } from '../src/features/assessment/results.service.ts';
import { prepareDatabase } from '../src/main.ts';
import { systemActor } from '../src/platform/actor.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { type Result, result, tempDir } from './lib.ts';
import { generateRegistry } from './registry-data.ts';

const MALUKU = [
  '81.01',
  '81.02',
  '81.03',
  '81.04',
  '81.05',
  '81.06',
  '81.07',
  '81.08',
  '81.09',
  '81.71',
  '81.72',
];
const NOMINATIONS = 2_000;
const PER = 5;
const PANEL = 40;

const uid = (expr: string) =>
  sql.raw(`overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`);

export async function run(): Promise<Result[]> {
  setLogLevel('silent');
  const dir = tempDir('results');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  try {
    const { db } = database;
    const t0 = performance.now();
    await generateRegistry(db, { ikm: NOMINATIONS, kabkota: MALUKU, batch: NOMINATIONS });
    const now = Date.now();
    const cycle = await createCycle(
      db,
      systemActor('bench'),
      {
        name: 'Bench results',
        year: 2026,
        kind: 'provincial_preselection',
        starScale: 3,
        bands: defaultStarBands(3),
        phases: [{ phase: 'proposal', startsAt: new Date(now - 9e9), endsAt: new Date(now - 8e9) }],
        commodities: DEFAULT_COMMODITIES.map((commodity) => ({ commodity, rubricVersionRef: null })),
        checklist: DEFAULT_COMMODITIES.flatMap((commodity) =>
          defaultChecklist(commodity).map((item) => ({ commodity, ...item })),
        ),
        quotas: [],
        reason: undefined,
      },
      '81',
    );
    await db.execute(sql`
      insert into users (id, email, name, role, password_hash)
      select ${uid("'assessor' || a")}, 'bench-penilai' || a || '@ovop.test', 'Penilai ' || a, 'penilai', 'x'
      from generate_series(0, ${PANEL - 1}::int) a`);
    await db.execute(sql`
      insert into nominations (id, cycle_id, province_code, kabkota_code, product_id, ikm_id, commodity, state, round,
        first_submitted_at)
      select ${uid("'nom' || n")}, ${cycle.id}, p.province_code, p.kabkota_code, p.id, p.ikm_id, p.commodity,
        'assessed', 1, now() - interval '30 days' + (n || ' minutes')::interval
      from (select p.*, row_number() over (order by p.id) as n from products p) p
      where n <= ${NOMINATIONS}`);
    await db.execute(sql`
      insert into assignments (id, cycle_id, nomination_id, assessor_id, kabkota_code, method)
      select ${uid("'asg' || n || '-' || j")}, ${cycle.id}, ${uid("'nom' || n")},
        ${uid("'assessor' || ((n + j * 8) % " + PANEL + ')')}, nm.kabkota_code, 'auto'
      from generate_series(1, ${NOMINATIONS}::int) n cross join generate_series(0, ${PER - 1}::int) j
      join nominations nm on nm.id = ${uid("'nom' || n")}`);
    await db.execute(sql`
      insert into score_sheets (id, assignment_id, cycle_id, nomination_id, assessor_id, rubric_version_id, status,
        total, aspects, submitted_at)
      select ${uid("'sheet' || a.id")}, a.id, a.cycle_id, a.nomination_id, a.assessor_id,
        (select rv.id from rubric_versions rv where rv.commodity = nm.commodity order by rv.number limit 1),
        'submitted', t.total, jsonb_build_object('A', t.total * 0.3, 'B', t.total * 0.3, 'C', t.total * 0.4), now()
      from assignments a join nominations nm on nm.id = a.nomination_id
      cross join lateral (select round((40 + (abs(hashtext(a.id::text)) % 5500) / 100.0)::numeric, 2) as total) t
      where a.cycle_id = ${cycle.id}`);
    await db.execute(sql`analyze`);
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from score_sheets`);
    process.stdout.write(
      `  ${NOMINATIONS} nominations, ${count!.n} submitted sheets generated in ${Math.round(performance.now() - t0)} ms\n`,
    );
    const times: number[] = [];
    let flagged = 0;
    for (let i = 0; i < 5; i++) {
      const t1 = performance.now();
      const view = await computeCycleResults(db, cycle.id);
      times.push(performance.now() - t1);
      flagged = view.rows.filter((r) => r.result.flagged).length;
      if (view.rows.length !== NOMINATIONS) throw new Error('bench rows missing');
    }
    const sorted = [...times].sort((a, b) => a - b);
    return [
      result(
        `whole-cycle results from the database, ${NOMINATIONS} nominations × ${PER} sheets (PGlite, median of 5)`,
        sorted[2]!,
        'ms',
        1000,
        `${flagged} flagged; min ${Math.round(sorted[0]!)} ms, max ${Math.round(sorted[4]!)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
      ),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
