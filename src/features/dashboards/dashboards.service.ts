/**
 * The figures of the dashboards: grouped counts by kab/kota and commodity, read with one aggregate
 * query each (scoped to the actor's kab/kota list), or from the owning feature's service where one
 * exists (the funnel, coverage, overdue follow-ups). A kab/kota officer's figures are computed from
 * their own kab/kota only, so another kab/kota's numbers never reach their page.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import type { Actor } from '../../platform/actor.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import type { Commodity } from '../../platform/domain.ts';
import { localDate } from '../../platform/format.ts';
import { EXPIRY_WARNING_DAYS } from '../../platform/registry-domain.ts';
import { coverageAcross } from '../events/coverage.service.ts';
import { overdueFollowUps } from '../events/followups.service.ts';
import { cycleFunnel, type Funnel } from '../nominations/funnel.service.ts';
import { PASSED_STATES } from '../nominations/nominations.service.ts';
import { addDays } from '../registry/identifiers.ts';
import { listKabkota } from '../regions/regions.service.ts';

export interface Kabkota {
  code: string;
  name: string;
}

// The province's kab/kota come from the seeded region table, which does not change while the
// process runs: read them once per database.
const kabkotaCache = new WeakMap<Db, Map<string, Promise<Kabkota[]>>>();

function provinceKabkota(db: Db, provinceCode: string): Promise<Kabkota[]> {
  let byProvince = kabkotaCache.get(db);
  if (!byProvince) {
    byProvince = new Map();
    kabkotaCache.set(db, byProvince);
  }
  let hit = byProvince.get(provinceCode);
  if (!hit) {
    hit = listKabkota(db, provinceCode).then((all) => all.map((r) => ({ code: r.code, name: r.name })));
    // An empty answer (regions not seeded yet) is not kept.
    hit
      .then((list) => list.length === 0 && byProvince.delete(provinceCode))
      .catch(() => byProvince.delete(provinceCode));
    byProvince.set(provinceCode, hit);
  }
  return hit;
}

/** The kab/kota an actor's figures cover: the whole province, or an officer's own. */
export async function scopeOf(db: Db, actor: Actor, provinceCode: string): Promise<Kabkota[]> {
  const all = await provinceKabkota(db, provinceCode);
  if (isProvinceWide(actor)) return all;
  return all.filter((r) => r.code === actor.regionCode);
}

/** `alias.kabkota_code in (…)`: the kab/kota filter every figure goes through (index-friendly). */
function inScope(column: string, codes: string[]): SQL {
  if (codes.length === 0) return sql`false`;
  return sql`${sql.raw(column)} in (${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )})`;
}

export type CommodityKey = Commodity | 'unknown';

/** One count per kab/kota and commodity. */
export interface Cell {
  code: string;
  commodity: CommodityKey;
  n: number;
}

export interface RegistryCounts {
  sentra: Cell[];
  /** An IKM counts once per commodity it makes (its live products' commodities); by kab/kota once. */
  ikmByCommodity: { commodity: CommodityKey; n: number }[];
  ikmByRegency: { code: string; n: number }[];
  products: Cell[];
}

const num = (v: unknown) => Number(v ?? 0);

/** Sentra, IKM and products that are not archived, by kab/kota and commodity. */
export async function registryCounts(db: Db, codes: string[]): Promise<RegistryCounts> {
  const [sentra, ikmRegency, ikmCommodity, products] = await Promise.all([
    queryRows<Cell>(
      db,
      sql`select kabkota_code as code, commodity, count(*)::int as n from sentra
        where archived_at is null and ${inScope('kabkota_code', codes)} group by 1, 2`,
    ),
    queryRows<{ code: string; n: number }>(
      db,
      sql`select kabkota_code as code, count(*)::int as n from ikm
        where archived_at is null and ${inScope('kabkota_code', codes)} group by 1`,
    ),
    queryRows<{ commodity: CommodityKey; n: number }>(
      db,
      sql`select c as commodity, count(*)::int as n from ikm, unnest(ikm.commodities) c
        where ikm.archived_at is null and ${inScope('ikm.kabkota_code', codes)} group by 1`,
    ),
    queryRows<Cell>(
      db,
      sql`select kabkota_code as code, commodity, count(*)::int as n from products
        where archived_at is null and ${inScope('kabkota_code', codes)} group by 1, 2`,
    ),
  ]);
  const clean = (rows: Cell[]) => rows.map((r) => ({ code: r.code, commodity: r.commodity, n: num(r.n) }));
  return {
    sentra: clean(sentra),
    ikmByRegency: ikmRegency.map((r) => ({ code: r.code, n: num(r.n) })),
    ikmByCommodity: ikmCommodity.map((r) => ({ commodity: r.commodity, n: num(r.n) })),
    products: clean(products),
  };
}

/** A star count per kab/kota, commodity and number of stars. */
export interface StarCell extends Cell {
  stars: number;
}

/**
 * Stars held: every decided result with at least one star, plus the earlier awards recorded by hand
 * or imported (an earlier award that a decided result of its cycle already counts is not counted
 * twice). `cycleIds` narrows to some rounds (earlier awards then count by their cycle only).
 */
export async function starCounts(db: Db, codes: string[], cycleIds?: string[]): Promise<StarCell[]> {
  const inCycles = (col: string) =>
    cycleIds
      ? cycleIds.length
        ? sql`and ${sql.raw(col)} in (${sql.join(
            cycleIds.map((c) => sql`${c}::uuid`),
            sql`, `,
          )})`
        : sql`and false`
      : sql``;
  const rows = await queryRows<StarCell>(
    db,
    sql`select code, commodity, stars, sum(n)::int as n from (
        select r.kabkota_code as code, n.commodity, r.final_star as stars, count(*)::int as n
        from nomination_results r join nominations n on n.id = r.nomination_id
        where r.status = 'decided' and r.final_star >= 1 and ${inScope('r.kabkota_code', codes)}
          ${inCycles('r.cycle_id')}
        group by 1, 2, 3
        union all
        select a.kabkota_code, coalesce(p.commodity, 'unknown'), a.stars, count(*)::int
        from earlier_awards a left join products p on p.id = a.product_id
        where a.archived_at is null and ${inScope('a.kabkota_code', codes)} ${inCycles('a.cycle_id')}
          and not exists (select 1 from nomination_results r2 join nominations n2 on n2.id = r2.nomination_id
            where r2.cycle_id = a.cycle_id and n2.ikm_id = a.ikm_id and r2.status = 'decided')
        group by 1, 2, 3) s
      group by 1, 2, 3 order by 1, 2, 3`,
  );
  return rows.map((r) => ({ code: r.code, commodity: r.commodity, stars: num(r.stars), n: num(r.n) }));
}

export interface CycleRef {
  id: string;
  name: string;
  year: number;
  starScale: number;
}

/** The province's rounds, newest first. */
export async function provinceCycles(db: Db, provinceCode: string): Promise<CycleRef[]> {
  return db
    .select({ id: cycles.id, name: cycles.name, year: cycles.year, starScale: cycles.starScale })
    .from(cycles)
    .where(and(eq(cycles.provinceCode, provinceCode), isNull(cycles.archivedAt)))
    .orderBy(desc(cycles.year), desc(cycles.createdAt), asc(cycles.id))
    .limit(200);
}

export interface ProgrammeFigures {
  /** Programmes running in the period that the actor's scope reads (the province's and their own). */
  ongoing: number;
  ongoingByKind: { kind: string; n: number }[];
  /** Participants of those programmes, and how many of them already have an outcome. */
  byRegency: { code: string; participants: number; withOutcome: number }[];
  /** Outcomes achieved in `year`, by kind. */
  year: number;
  outcomesByKind: { kind: string; n: number }[];
}

/**
 * Coaching programmes running at some time between `from` and `to` (today, on the dashboard; a whole
 * year, in the report) and their participants and outcomes, for the actor's kab/kota.
 */
export async function programmeFigures(
  db: Db,
  actor: Actor,
  codes: string[],
  period: { from: string; to: string; year: number },
): Promise<ProgrammeFigures> {
  const own = isProvinceWide(actor)
    ? sql``
    : sql`and (p.kabkota_code is null or ${inScope('p.kabkota_code', codes)})`;
  const running = sql`p.archived_at is null and p.start_date <= ${period.to} and (p.end_date is null or p.end_date >= ${period.from})`;
  const [kinds, regencies, outcomes] = await Promise.all([
    queryRows<{ kind: string; n: number }>(
      db,
      sql`select p.kind, count(*)::int as n from coaching_programmes p where ${running} ${own} group by 1 order by 1`,
    ),
    queryRows<{ code: string; participants: number; withOutcome: number }>(
      db,
      sql`select cp.kabkota_code as code, count(*)::int as participants,
          count(*) filter (where exists (select 1 from coaching_outcomes co
            where co.participant_id = cp.id and co.archived_at is null))::int as "withOutcome"
        from coaching_participants cp join coaching_programmes p on p.id = cp.programme_id
        where cp.removed_at is null and ${running} and ${inScope('cp.kabkota_code', codes)}
        group by 1`,
    ),
    queryRows<{ kind: string; n: number }>(
      db,
      sql`select co.kind, count(*)::int as n from coaching_outcomes co
        where co.archived_at is null and ${inScope('co.kabkota_code', codes)}
          and co.achieved_on between ${`${period.year}-01-01`} and ${`${period.year}-12-31`}
        group by 1 order by 1`,
    ),
  ]);
  return {
    ongoing: kinds.reduce((s, r) => s + num(r.n), 0),
    ongoingByKind: kinds.map((r) => ({ kind: r.kind, n: num(r.n) })),
    byRegency: regencies.map((r) => ({
      code: r.code,
      participants: num(r.participants),
      withOutcome: num(r.withOutcome),
    })),
    year: period.year,
    outcomesByKind: outcomes.map((r) => ({ kind: r.kind, n: num(r.n) })),
  };
}

/** IKMs whose earliest current legal document has expired or expires within the warning period. */
export async function documentFigures(
  db: Db,
  codes: string[],
  today = localDate(),
): Promise<{ code: string; expiring: number; expired: number }[]> {
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  const rows = await queryRows<{ code: string; expiring: number; expired: number }>(
    db,
    sql`select kabkota_code as code,
        count(*) filter (where min_expiry >= ${today})::int as expiring,
        count(*) filter (where min_expiry < ${today})::int as expired
      from ikm where archived_at is null and min_expiry <= ${soon} and ${inScope('kabkota_code', codes)}
      group by 1`,
  );
  return rows.map((r) => ({ code: r.code, expiring: num(r.expiring), expired: num(r.expired) }));
}

/** Open follow-up actions past their due date, by kab/kota. */
export async function overdueByRegency(
  db: Db,
  codes: string[],
  today = localDate(),
): Promise<{ code: string; n: number }[]> {
  const rows = await queryRows<{ code: string; n: number }>(
    db,
    sql`select kabkota_code as code, count(*)::int as n from follow_up_actions
      where status in ('open', 'in_progress') and due_date < ${today} and ${inScope('kabkota_code', codes)}
      group by 1`,
  );
  return rows.map((r) => ({ code: r.code, n: num(r.n) }));
}

export interface Coverage {
  rows: { code: string; name: string; attended: number; eventsAttended: number }[];
  events: number;
  present: number;
  total: number;
}

/**
 * Briefing coverage across a round's events, or across the year's when no event is linked to the
 * round (events are often recorded without their round), for the scope.
 */
export async function coverageFigures(
  db: Db,
  provinceCode: string,
  codes: string[],
  filter: { cycleId?: string; year?: number },
): Promise<Coverage> {
  let data = filter.cycleId ? await coverageAcross(db, provinceCode, { cycleId: filter.cycleId }) : null;
  if ((!data || data.events.length === 0) && filter.year)
    data = await coverageAcross(db, provinceCode, {
      from: `${filter.year}-01-01`,
      to: `${filter.year}-12-31`,
    });
  const wanted = new Set(codes);
  const rows = (data?.rows ?? [])
    .filter((r) => wanted.has(r.code))
    .map((r) => ({ code: r.code, name: r.name, attended: r.attended, eventsAttended: r.eventsAttended }));
  return {
    rows,
    events: data?.events.length ?? 0,
    present: rows.filter((r) => r.attended > 0).length,
    total: rows.length,
  };
}

export interface Todo {
  returned: { id: string; productName: string; ikmName: string; cycleName: string }[];
  followUps: { id: string; title: string; dueDate: string; overdue: boolean }[];
  documents: { ikmId: string; ikmName: string; minExpiry: string }[];
}

/** A kab/kota officer's to-dos: nominations returned to fix, actions due within two weeks, documents expiring. */
export async function officerTodos(db: Db, kabkotaCode: string, today = localDate()): Promise<Todo> {
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  const [returned, followUps, documents] = await Promise.all([
    queryRows<Todo['returned'][number]>(
      db,
      sql`select n.id, p.name as "productName", i.name as "ikmName", c.name as "cycleName"
        from nominations n join products p on p.id = n.product_id join ikm i on i.id = n.ikm_id
        join cycles c on c.id = n.cycle_id
        where n.kabkota_code = ${kabkotaCode} and n.state = 'returned'
        order by n.updated_at asc, n.id limit 20`,
    ),
    queryRows<{ id: string; title: string; dueDate: string }>(
      db,
      sql`select id, title, due_date::text as "dueDate" from follow_up_actions
        where kabkota_code = ${kabkotaCode} and status in ('open', 'in_progress')
          and due_date <= ${addDays(today, 14)}
        order by due_date asc, id limit 20`,
    ),
    queryRows<{ ikmId: string; ikmName: string; minExpiry: string }>(
      db,
      sql`select id as "ikmId", name as "ikmName", min_expiry::text as "minExpiry" from ikm
        where archived_at is null and kabkota_code = ${kabkotaCode} and min_expiry <= ${soon}
        order by min_expiry asc, id limit 20`,
    ),
  ]);
  return {
    returned,
    followUps: followUps.map((f) => ({ ...f, overdue: f.dueDate < today })),
    documents,
  };
}

export interface AssessorWork {
  rows: {
    assignmentId: string;
    cycleName: string;
    productName: string;
    kabkotaCode: string;
    commodity: Commodity;
    sheet: 'not_started' | 'draft' | 'submitted';
  }[];
  notStarted: number;
  draft: number;
  submitted: number;
}

/** An assessor's assignments, newest round first, with how far each score sheet is. */
export async function assessorWork(db: Db, assessorId: string): Promise<AssessorWork> {
  const rows = await queryRows<AssessorWork['rows'][number]>(
    db,
    sql`select a.id as "assignmentId", c.name as "cycleName", p.name as "productName",
        a.kabkota_code as "kabkotaCode", n.commodity, coalesce(s.status, 'not_started') as sheet
      from assignments a join cycles c on c.id = a.cycle_id
      join nominations n on n.id = a.nomination_id join products p on p.id = n.product_id
      left join score_sheets s on s.assignment_id = a.id
      where a.assessor_id = ${assessorId}
      order by c.year desc, a.created_at desc, a.id limit 500`,
  );
  const count = (k: string) => rows.filter((r) => r.sheet === k).length;
  return { rows, notStarted: count('not_started'), draft: count('draft'), submitted: count('submitted') };
}

// The province and kab/kota dashboard ----------------------------------------------------------------

export interface DashboardData {
  kabkota: Kabkota[];
  cycles: CycleRef[];
  cycle: CycleRef | null;
  registry: RegistryCounts;
  funnel: Funnel | null;
  stars: StarCell[];
  coverage: Coverage;
  programmes: ProgrammeFigures;
  documents: { code: string; expiring: number; expired: number }[];
  overdue: { count: number; byRegency: { code: string; n: number }[] };
  todo: Todo | null;
}

/**
 * How long the dashboard's aggregate figures are reused (ADR 0701): a minute-old picture is what a
 * province overview needs, and recounting a province on every page view would cost ~100 ms of CPU.
 * The officer's to-do lists are never cached. Zero turns the cache off (the bench's cold figures).
 */
let cacheMs = 60_000;
export function setDashboardCacheMs(ms: number): void {
  cacheMs = ms;
}

type Figures = Omit<DashboardData, 'kabkota' | 'cycles' | 'cycle' | 'todo'> & { at: Date };
const figureCache = new WeakMap<Db, Map<string, { until: number; value: Promise<Figures> }>>();

function cached(db: Db, key: string, make: () => Promise<Figures>): Promise<Figures> {
  if (cacheMs <= 0) return make();
  let entries = figureCache.get(db);
  if (!entries) {
    entries = new Map();
    figureCache.set(db, entries);
  }
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value;
  if (entries.size > 200) for (const [k, e] of entries) if (e.until <= now) entries.delete(k);
  const value = make();
  entries.set(key, { until: now + cacheMs, value });
  value.catch(() => entries.delete(key));
  return value;
}

/** Every figure of the province (or kab/kota) dashboard for one round (the newest by default). */
export async function dashboardData(
  db: Db,
  actor: Actor,
  provinceCode: string,
  opts: { cycleId?: string | undefined; today?: string } = {},
): Promise<DashboardData & { at: Date }> {
  const today = opts.today ?? localDate();
  const [kabkota, list] = await Promise.all([
    scopeOf(db, actor, provinceCode),
    provinceCycles(db, provinceCode),
  ]);
  const codes = kabkota.map((k) => k.code);
  const cycle = (opts.cycleId ? list.find((c) => c.id === opts.cycleId) : undefined) ?? list[0] ?? null;
  const key = [provinceCode, isProvinceWide(actor) ? '*' : codes.join(','), cycle?.id ?? '-', today].join(
    '|',
  );
  const [figures, todo] = await Promise.all([
    cached(db, key, async () => {
      const [registry, funnel, stars, coverage, programmes, documents, overdue, overdueList] =
        await Promise.all([
          registryCounts(db, codes),
          cycle ? cycleFunnel(db, actor, cycle.id) : Promise.resolve(null),
          starCounts(db, codes),
          coverageFigures(db, provinceCode, codes, {
            ...(cycle ? { cycleId: cycle.id } : {}),
            year: cycle?.year ?? Number(today.slice(0, 4)),
          }),
          programmeFigures(db, actor, codes, { from: today, to: today, year: Number(today.slice(0, 4)) }),
          documentFigures(db, codes, today),
          overdueByRegency(db, codes, today),
          overdueFollowUps(db, actor, 1, today),
        ]);
      return {
        registry,
        funnel,
        stars,
        coverage,
        programmes,
        documents,
        overdue: { count: overdueList.count, byRegency: overdue },
        at: new Date(),
      };
    }),
    actor.role === 'petugas_kabkota' && actor.regionCode
      ? officerTodos(db, actor.regionCode, today)
      : Promise.resolve(null),
  ]);
  return { kabkota, cycles: list, cycle, ...figures, todo };
}

// Comparisons across rounds ------------------------------------------------------------------------

export interface RoundFigures {
  cycleId: string | null;
  name: string;
  year: number;
  nominated: number;
  submitted: number;
  passed: number;
  stars: number;
}

export interface Comparison {
  kabkota: Kabkota[];
  rounds: RoundFigures[];
  /** Per round × kab/kota and round × commodity: nominations, passed, stars. */
  byRegency: {
    cycleId: string | null;
    year: number;
    code: string;
    nominated: number;
    submitted: number;
    passed: number;
    stars: number;
  }[];
  byCommodity: {
    cycleId: string | null;
    year: number;
    commodity: CommodityKey;
    nominated: number;
    submitted: number;
    passed: number;
    stars: number;
  }[];
}

/** Nominations, pass rate and stars of every round, year against year, for the actor's kab/kota. */
export async function comparison(db: Db, actor: Actor, provinceCode: string): Promise<Comparison> {
  const kabkota = await scopeOf(db, actor, provinceCode);
  const codes = kabkota.map((k) => k.code);
  const passed = sql.raw(PASSED_STATES.map((s) => `'${s}'`).join(', '));
  const [noms, awards] = await Promise.all([
    queryRows<{
      cycleId: string;
      name: string;
      year: number;
      code: string;
      commodity: Commodity;
      nominated: number;
      submitted: number;
      passed: number;
      stars: number;
    }>(
      db,
      sql`select c.id as "cycleId", c.name, c.year, n.kabkota_code as code, n.commodity,
          count(*)::int as nominated,
          count(*) filter (where n.first_submitted_at is not null)::int as submitted,
          count(*) filter (where n.state in (${passed}))::int as passed,
          count(r.nomination_id) filter (where r.status = 'decided' and r.final_star >= 1)::int as stars
        from cycles c join nominations n on n.cycle_id = c.id
        left join nomination_results r on r.nomination_id = n.id
        where c.province_code = ${provinceCode} and c.archived_at is null
          and ${inScope('n.kabkota_code', codes)}
        group by 1, 2, 3, 4, 5`,
    ),
    queryRows<{
      cycleId: string | null;
      name: string | null;
      year: number;
      code: string;
      commodity: CommodityKey;
      n: number;
    }>(
      db,
      sql`select a.cycle_id as "cycleId", c.name, a.year, a.kabkota_code as code,
          coalesce(p.commodity, 'unknown') as commodity, count(*)::int as n
        from earlier_awards a left join products p on p.id = a.product_id
        left join cycles c on c.id = a.cycle_id
        where a.archived_at is null and ${inScope('a.kabkota_code', codes)}
          and not exists (select 1 from nomination_results r2 join nominations n2 on n2.id = r2.nomination_id
            where r2.cycle_id = a.cycle_id and n2.ikm_id = a.ikm_id and r2.status = 'decided')
        group by 1, 2, 3, 4, 5`,
    ),
  ]);
  const rounds = new Map<string, RoundFigures>();
  const regency = new Map<string, Comparison['byRegency'][number]>();
  const commodity = new Map<string, Comparison['byCommodity'][number]>();
  const zero = { nominated: 0, submitted: 0, passed: 0, stars: 0 };
  const add = (
    key: { cycleId: string | null; name: string; year: number; code: string; commodity: CommodityKey },
    f: typeof zero,
  ) => {
    const k = key.cycleId ?? `year:${key.year}`;
    const round = rounds.get(k) ?? { cycleId: key.cycleId, name: key.name, year: key.year, ...zero };
    const reg = regency.get(`${k}|${key.code}`) ?? {
      cycleId: key.cycleId,
      year: key.year,
      code: key.code,
      ...zero,
    };
    const com = commodity.get(`${k}|${key.commodity}`) ?? {
      cycleId: key.cycleId,
      year: key.year,
      commodity: key.commodity,
      ...zero,
    };
    for (const target of [round, reg, com]) {
      target.nominated += f.nominated;
      target.submitted += f.submitted;
      target.passed += f.passed;
      target.stars += f.stars;
    }
    rounds.set(k, round);
    regency.set(`${k}|${key.code}`, reg);
    commodity.set(`${k}|${key.commodity}`, com);
  };
  for (const r of noms)
    add(
      { cycleId: r.cycleId, name: r.name, year: num(r.year), code: r.code, commodity: r.commodity },
      {
        nominated: num(r.nominated),
        submitted: num(r.submitted),
        passed: num(r.passed),
        stars: num(r.stars),
      },
    );
  for (const a of awards)
    add(
      {
        cycleId: a.cycleId,
        name: a.name ?? String(a.year),
        year: num(a.year),
        code: a.code,
        commodity: a.commodity,
      },
      { ...zero, stars: num(a.n) },
    );
  const order = <T extends { year: number; cycleId: string | null }>(list: T[]) =>
    list.sort((a, b) => a.year - b.year || String(a.cycleId).localeCompare(String(b.cycleId)));
  return {
    kabkota,
    rounds: order([...rounds.values()]),
    byRegency: order([...regency.values()]),
    byCommodity: order([...commodity.values()]),
  };
}

/** Admin-passed (or later) out of submitted, as a percentage with one decimal; null when none was submitted. */
export function passRate(f: { submitted: number; passed: number }): number | null {
  return f.submitted === 0 ? null : Math.round((f.passed / f.submitted) * 1000) / 10;
}
