/**
 * Dashboards, server time (app.request in process, rendering included) at province scale on PGlite
 * and on a national database on PostgreSQL (below). Province scale:
 * 10,000 IKM, 20,000 products, three rounds of 600 nominations with decided results for the older
 * two, 120 events with attendance, 600 follow-up actions, the coaching bench's programmes. Measured
 * against the signed-in list pages' budget (p95 ≤ 50 ms) and page weight (≤ 100 KB); the yearly
 * activity report PDF against the issue's 5 s.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Db, openPostgres, queryRows } from '../src/db/client.ts';
import { activityReport } from '../src/features/dashboards/dashboards.routes.tsx';
import { setDashboardCacheMs } from '../src/features/dashboards/dashboards.service.ts';
import { buildDeps, prepareDatabase } from '../src/main.ts';
import { systemActor } from '../src/platform/actor.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { generateCoaching } from './coaching.bench.ts';
import { percentile, type Result, result, root, tempDir } from './lib.ts';
import { benchSession, measurePages, slowestNote } from './pages.ts';
import { generateRegistry } from './registry-data.ts';
import { benchServerUrl, nationalDatabase } from './registry.bench.ts';

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
const IKM = 10_000;
const PER_ROUND = 600;
const ROUNDS = 40;
const YEARS = [2024, 2025, 2026];

const uid = (expr: string) =>
  sql.raw(`overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`);
const A = (xs: string[]) => sql.raw(`(ARRAY[${xs.map((x) => `'${x}'`).join(',')}])`);

/** Rounds, nominations in every state, decided results, events with attendance, follow-ups, awards. */
export async function generateRounds(db: Db): Promise<void> {
  for (const y of YEARS) {
    // Literal in the SQL: PGlite cannot infer a parameter's type inside || and make_* calls.
    const year = sql.raw(String(y));
    await db.execute(sql`
      insert into cycles (id, province_code, name, year, kind, star_scale)
      values (${uid(`'cycle${y}'`)}, '81', ${`Pra-seleksi ${y}`}, ${year}, 'provincial_preselection', 3)`);
    await db.execute(sql`
      insert into cycle_star_bands (cycle_id, stars, min_score, max_score)
      values (${uid(`'cycle${y}'`)}, 1, 60, 70), (${uid(`'cycle${y}'`)}, 2, 70, 80), (${uid(`'cycle${y}'`)}, 3, 80, 100)`);
    // Nomination k of the year takes the first product of IKM i; its state follows k mod 10.
    await db.execute(sql`
      insert into nominations (id, cycle_id, province_code, kabkota_code, product_id, ikm_id, commodity, state,
        round, first_submitted_at, submitted_at, return_count)
      select ${uid(`'nom${y}-' || k`)}, ${uid(`'cycle${y}'`)}, '81', p.kabkota_code, p.id, p.ikm_id, p.commodity,
        (array['draft','submitted','returned','admin_passed','admin_passed','admin_passed','admin_failed',
          'withdrawn','admin_passed','submitted'])[1 + k % 10],
        case when k % 10 = 0 then 0 else 1 end,
        case when k % 10 = 0 then null else make_timestamptz(${year}, 6, 1, 9, 0, 0) end,
        case when k % 10 = 0 then null else make_timestamptz(${year}, 6, 1, 9, 0, 0) end,
        case when k % 10 in (2, 4) then 1 else 0 end
      from generate_series(1, ${PER_ROUND}::int) k
      join products p on p.id = md5('product' || (2 * (1 + (k * 13 + ${year}) % ${IKM}) - 1))::uuid`);
    if (y < 2026)
      await db.execute(sql`
        insert into nomination_results (nomination_id, cycle_id, kabkota_code, status, score, computed_star,
          final_star, decided_at)
        select n.id, n.cycle_id, n.kabkota_code, 'decided', 55 + abs(hashtext(n.id::text)) % 45,
          s.star, s.star, make_timestamptz(${year}, 10, 1, 9, 0, 0)
        from nominations n, lateral (select case when 55 + abs(hashtext(n.id::text)) % 45 >= 80 then 3
          when 55 + abs(hashtext(n.id::text)) % 45 >= 70 then 2 when 55 + abs(hashtext(n.id::text)) % 45 >= 60 then 1
          else 0 end as star) s
        where n.cycle_id = ${uid(`'cycle${y}'`)} and n.state = 'admin_passed'`);
    // Forty events a year, twenty people present at each from the kab/kota in turn.
    await db.execute(sql`
      insert into events (id, province_code, title, kind, status, starts_at, ends_at, venue, venue_kabkota_code,
        organiser, cycle_id, registration_token, door_token)
      select ${uid(`'ev${y}-' || e`)}, '81', 'Sosialisasi OVOP ' || ${year} || ' ke-' || e, 'sosialisasi', 'finished',
        make_timestamptz(${year}, 1 + e % 12, 1 + e % 27, 9, 0, 0), make_timestamptz(${year}, 1 + e % 12, 1 + e % 27, 12, 0, 0),
        'Aula', ${A(MALUKU)}[1 + e % 11], 'Disperindag', ${uid(`'cycle${y}'`)},
        md5(${sql.raw(`'reg${y}'`)} || e), md5(${sql.raw(`'door${y}'`)} || e)
      from generate_series(1, 40) e`);
    await db.execute(sql`
      insert into event_participants (id, event_id, province_code, seq, kind, source, name, kabkota_code, checkin_token)
      select ${uid(`'par${y}-' || e || '-' || q`)}, ${uid(`'ev${y}-' || e`)}, '81', q, 'guest', 'invited',
        'Peserta ' || q, ${A(MALUKU)}[1 + (e + q) % 11], md5(${sql.raw(`'chk${y}-'`)} || e || '-' || q)
      from generate_series(1, 40) e, generate_series(1, 20) q`);
    await db.execute(sql`
      insert into event_attendance (id, event_id, participant_id, province_code, kabkota_code, method)
      select ${uid(`'att${y}-' || e || '-' || q`)}, ${uid(`'ev${y}-' || e`)}, ${uid(`'par${y}-' || e || '-' || q`)},
        '81', ${A(MALUKU)}[1 + (e + q) % 11], 'desk'
      from generate_series(1, 40) e, generate_series(1, 20) q`);
    await db.execute(sql`
      insert into follow_up_actions (id, event_id, province_code, kabkota_code, title, due_date, status)
      select ${uid(`'fu${y}-' || f`)}, ${uid(`'ev${y}-' || (1 + f % 40)`)}, '81', ${A(MALUKU)}[1 + f % 11],
        'Tindak lanjut ' || f, make_date(${year}, 1 + f % 12, 1 + f % 27),
        (array['open','in_progress','done','cancelled'])[1 + f % 4]
      from generate_series(1, 200) f`);
  }
  await db.execute(sql`
    insert into earlier_awards (id, province_code, kabkota_code, ikm_id, product_id, year, stars, source)
    select ${uid("'award' || a")}, '81', i.kabkota_code, i.id, null, 2015 + a % 5, 1 + a % 3, 'entered'
    from generate_series(1, 100) a join ikm i on i.id = md5('ikm' || (1 + a * 97 % ${IKM}))::uuid`);
}

export async function run(): Promise<Result[]> {
  setLogLevel('silent');
  const out = await provinceScale();
  if (process.env.BENCH_SKIP_NATIONAL !== '1') out.push(...(await nationalScale()));
  return out;
}

const PAGES = (admin: string, officer: string) => ({
  'province dashboard (admin)': { url: '/dashboard', cookie: admin },
  'province dashboard, stars on the map': { url: '/dashboard?measure=stars', cookie: admin },
  'kab/kota dashboard (officer)': { url: '/dashboard', cookie: officer },
  'comparisons across rounds': { url: '/dashboard/comparisons', cookie: admin },
});

/**
 * The Maluku dashboards on a national database: a copy of the registry bench's national data
 * (1,000,000 IKM, 2,000,000 products over every kab/kota of the country) with the province's
 * rounds, events and coaching added, dropped afterwards.
 */
async function nationalScale(): Promise<Result[]> {
  const server = benchServerUrl();
  const name = 'ovop_bench_dashboards_national';
  let source: string;
  try {
    const registry = await nationalDatabase(server);
    source = new URL(registry.url).pathname.slice(1);
    await registry.database.close();
  } catch (err) {
    return [
      {
        name: 'dashboards p95, national scale (PostgreSQL)',
        value: Number.NaN,
        unit: 'ms',
        budget: '≤ 100 ms',
        within: false,
        note: `PostgreSQL at ${new URL(server).host} not usable: ${(err as Error).message}`,
      },
    ];
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const dir = tempDir('dashboards-pg');
  try {
    const t0 = performance.now();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name} template ${source}`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), { max: 4 });
    try {
      const { db } = database;
      await generateCoaching(db);
      await generateRounds(db);
      await db.execute(sql`analyze`);
      process.stdout.write(
        `  national dashboard data ready in ${Math.round((performance.now() - t0) / 1000)} s\n`,
      );
      const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: u.toString(), LOG_LEVEL: 'silent' });
      const app = createApp(await buildDeps(config, database));
      const pages = PAGES(
        await benchSession(db, 'bench-admin@ovop.test', 'admin_provinsi'),
        await benchSession(db, 'bench-ambon@ovop.test', 'petugas_kabkota', '81.71'),
      );
      const served = await measurePages(app, pages, ROUNDS);
      setDashboardCacheMs(0);
      const cold = await measurePages(app, pages, ROUNDS);
      setDashboardCacheMs(60_000);
      return [
        result(
          'dashboards p95, national scale (1,000,000 IKM, 2,000,000 products, PostgreSQL)',
          served.p95,
          'ms',
          100,
          slowestNote(served),
        ),
        result(
          'dashboards p95 with every view recounted (no figure cache), national scale (PostgreSQL)',
          cold.p95,
          'ms',
          null,
          slowestNote(cold),
        ),
      ];
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function provinceScale(): Promise<Result[]> {
  const dir = tempDir('dashboards');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  try {
    const { db } = database;
    const t0 = performance.now();
    await generateRegistry(db, { ikm: IKM, kabkota: MALUKU, batch: IKM });
    await generateCoaching(db);
    await generateRounds(db);
    await db.execute(sql`analyze`);
    const [counts] = await queryRows<{ n: number; r: number }>(
      db,
      sql`select (select count(*)::int from nominations) as n, (select count(*)::int from nomination_results) as r`,
    );
    process.stdout.write(
      `  dashboard data generated in ${Math.round(performance.now() - t0)} ms (${counts!.n} nominations, ${counts!.r} results)\n`,
    );
    const app = createApp(await buildDeps(config, database));
    const admin = await benchSession(db, 'bench-admin@ovop.test', 'admin_provinsi');
    const officer = await benchSession(db, 'bench-ambon@ovop.test', 'petugas_kabkota', '81.71');
    const pagesToMeasure = PAGES(admin, officer);
    // As served: the aggregate figures reused for a minute (ADR 0701); then every view recounted.
    const dashboards = await measurePages(app, pagesToMeasure, ROUNDS);
    setDashboardCacheMs(0);
    const cold = await measurePages(app, pagesToMeasure, ROUNDS);
    setDashboardCacheMs(60_000);
    const html = await (
      await app.request('http://localhost/dashboard', { headers: { cookie: admin } })
    ).text();
    const css = fs.readFileSync(`${root}/public/css/app.css`, 'utf8');
    const weightKb = (Buffer.byteLength(html) + Buffer.byteLength(css)) / 1024;
    // The yearly report, built as the route builds it; the first run loads pdf-lib and the fonts.
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let pages = 0;
    for (let i = 0; i < 4; i++) {
      const c0 = process.cpuUsage();
      const t1 = performance.now();
      const out = await activityReport(
        { db, provinceCode: '81' },
        systemActor('bench'),
        { year: 2025 },
        'id',
      );
      times.push(performance.now() - t1);
      const c = process.cpuUsage(c0);
      cpuTimes.push((c.user + c.system) / 1000);
      const { PDFDocument } = await import('pdf-lib');
      pages = (await PDFDocument.load(out!.bytes)).getPageCount();
    }
    const t2 = performance.now();
    await (
      await app.request('http://localhost/dashboard/export.xlsx', { headers: { cookie: admin } })
    ).arrayBuffer();
    const xlsxMs = performance.now() - t2;
    return [
      result(
        `dashboards p95, province scale (${IKM} IKM, ${YEARS.length} rounds × ${PER_ROUND} nominations, PGlite)`,
        dashboards.p95,
        'ms',
        50,
        slowestNote(dashboards),
      ),
      result(
        'dashboards p95 with every view recounted (no figure cache), province scale (PGlite)',
        cold.p95,
        'ms',
        null,
        slowestNote(cold),
      ),
      result('province dashboard weight, HTML + CSS', weightKb, 'KB', 100),
      result(
        'yearly activity report PDF, province scale (PGlite)',
        Math.max(...times),
        'ms',
        5000,
        `first run ${Math.round(times[0]!)} ms (loads pdf-lib and fonts; CPU ${Math.round(cpuTimes[0]!)} ms), later median ${Math.round(percentile(times.slice(1), 50))} ms (CPU ${Math.round(percentile(cpuTimes.slice(1), 50))} ms); ${pages} pages`,
      ),
      result('every dashboard table as xlsx', xlsxMs, 'ms', null),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
