/**
 * A cycle's results, computed on the fly from its submitted score sheets with results.rules (nothing
 * computed is stored, so nothing goes stale), classified with the cycle's bands and gates, ranked
 * within each commodity, with the earlier star of a re-evaluated holder beside it. What people
 * decide (an agreed score after moderation, the decided star) lives in nomination_results.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { earlierAwards, nominationDocuments, nominations } from '../../db/schema/nominations.ts';
import { ikm, legalDocuments, products } from '../../db/schema/registry.ts';
import { assignments, nominationResults, scoreEntries, scoreSheets } from '../../db/schema/scoring.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Commodity, NominationState } from '../../platform/domain.ts';
import { localDate } from '../../platform/format.ts';
import type { CycleConfig } from '../cycles/cycles.service.ts';
import { getCycleConfig } from '../cycles/cycles.service.ts';
import type { StarChange } from './assessment.domain.ts';
import {
  type Classification,
  classify,
  type Facts,
  type Gate,
  type Ranked,
  rankWithinCommodity,
  type StarScale,
} from './classify.rules.ts';
import { type GapAnalysis, analyseGaps } from './gap.rules.ts';
import {
  type AgreementResult,
  type AssessorResult,
  cycleResults,
  type Moderation,
  type NominationResult,
  type SheetTotal,
} from './results.rules.ts';
import { compiledVersion } from './rubrics.service.ts';
import type { SheetLevels } from './rubric.rules.ts';
import { type CycleSettingsRow, ensureCycleSettings, scaleOf } from './settings.service.ts';

/** The nomination states that have results to show: passed selection, and after. */
export const RESULT_STATES: readonly NominationState[] = [
  'admin_passed',
  'in_assessment',
  'assessed',
  'decided',
  'published',
];

export type StoredResult = typeof nominationResults.$inferSelect;

interface SheetRow {
  id: string;
  nominationId: string;
  assessorId: string;
  rubricVersionId: string;
  total: number | null;
  aspects: Record<string, number> | null;
  submittedAt: Date | null;
  assessorName: string;
}

/** A nomination as the results page names it. */
export interface ResultNomination {
  id: string;
  cycleId: string;
  kabkotaCode: string;
  commodity: Commodity;
  state: NominationState;
  version: number;
  productId: string;
  productName: string;
  ikmId: string;
  ikmName: string;
  firstSubmittedAt: Date | null;
}

/** One submitted sheet beside its assessor. */
export interface ResultSheet {
  sheetId: string;
  assessorId: string;
  assessorName: string;
  rubricVersionId: string;
  total: number;
  normalised: number | null;
  submittedAt: Date | null;
}

/** An earlier star of the IKM or product (re-evaluation). */
export interface EarlierStar {
  stars: number;
  year: number;
  source: string;
}

/** One row of the results: the computed figures, the class, the rank, and what was decided. */
export interface ResultRow {
  nomination: ResultNomination;
  result: NominationResult;
  sheets: ResultSheet[];
  facts: Facts;
  classification: Classification | null;
  rank: Ranked | null;
  stored: StoredResult | null;
  previous: EarlierStar | null;
  /** What the decided star (or, before the decision, the computed one) does to the earlier star. */
  starChange: StarChange | null;
}

export interface CycleResultsView {
  config: CycleConfig;
  settings: CycleSettingsRow;
  scale: StarScale;
  rows: ResultRow[];
  assessors: (AssessorResult & { name: string })[];
  agreement: AgreementResult;
}

/** What the earlier star became: kept, raised, lowered, or new when there was none. */
export function starChangeOf(previous: number | null | undefined, star: number): StarChange {
  if (previous === null || previous === undefined) return 'new';
  if (star === previous) return 'kept';
  return star > previous ? 'raised' : 'lowered';
}

/**
 * The whole cycle's results (or only `nominationIds` of it, for one decision): every figure
 * recomputed from the submitted sheets, with the settings the cycle has now.
 */
export async function computeCycleResults(
  db: Db,
  cycleId: string,
  opts: { nominationIds?: readonly string[] } = {},
): Promise<CycleResultsView> {
  const config = await getCycleConfig(db, cycleId);
  const settings = await ensureCycleSettings(db, cycleId);
  const scale = scaleOf(config.cycle.starScale, config.bands);
  const only = opts.nominationIds?.length ? inArray(nominations.id, [...opts.nominationIds]) : undefined;
  const noms = await db
    .select({
      id: nominations.id,
      cycleId: nominations.cycleId,
      kabkotaCode: nominations.kabkotaCode,
      commodity: nominations.commodity,
      state: nominations.state,
      version: nominations.version,
      productId: nominations.productId,
      productName: products.name,
      ikmId: nominations.ikmId,
      ikmName: ikm.name,
      ikmNib: ikm.nib,
      firstSubmittedAt: nominations.firstSubmittedAt,
    })
    .from(nominations)
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .where(and(eq(nominations.cycleId, cycleId), inArray(nominations.state, [...RESULT_STATES]), only))
    .orderBy(asc(nominations.commodity), asc(products.name), asc(nominations.id));
  const ids = noms.map((n) => n.id);
  const wanted = new Set(ids);
  // The whole cycle is read by its cycle id (a list of 2,000 ids costs more than it saves).
  const onlyOf = (col: Parameters<typeof inArray>[0]) =>
    opts.nominationIds?.length ? inArray(col, [...opts.nominationIds]) : undefined;
  const expected = new Map<string, number>();
  const sheetRows: SheetRow[] = [];
  const stored = new Map<string, StoredResult>();
  if (ids.length) {
    for (const r of await db
      .select({ id: assignments.nominationId, n: sql<number>`count(*)::int` })
      .from(assignments)
      .where(and(eq(assignments.cycleId, cycleId), onlyOf(assignments.nominationId)))
      .groupBy(assignments.nominationId))
      if (wanted.has(r.id)) expected.set(r.id, r.n);
    // One JSON value rather than 10,000 rows: the drivers' per-row cost dominates a whole cycle (bench).
    const [agg] = await db
      .select({
        sheets: sql<
          string | unknown[] | null
        >`json_agg(json_build_array(${scoreSheets.id}, ${scoreSheets.nominationId},
          ${scoreSheets.assessorId}, ${scoreSheets.rubricVersionId}, ${scoreSheets.total}, ${scoreSheets.aspects},
          ${scoreSheets.submittedAt}) order by ${scoreSheets.submittedAt}, ${scoreSheets.id})::text`,
      })
      .from(scoreSheets)
      .where(
        and(
          eq(scoreSheets.cycleId, cycleId),
          eq(scoreSheets.status, 'submitted'),
          onlyOf(scoreSheets.nominationId),
        ),
      );
    const raw = (typeof agg?.sheets === 'string' ? JSON.parse(agg.sheets) : (agg?.sheets ?? [])) as [
      string,
      string,
      string,
      string,
      number | string | null,
      Record<string, number> | null,
      string | null,
    ][];
    const rows = raw.map((r) => ({
      id: r[0],
      nominationId: r[1],
      assessorId: r[2],
      rubricVersionId: r[3],
      total: r[4] === null ? null : Number(r[4]),
      aspects: r[5],
      submittedAt: r[6] === null ? null : new Date(r[6]),
    }));
    const assessorIds = [...new Set(rows.map((r) => r.assessorId))];
    const assessorNames = new Map(
      assessorIds.length
        ? (
            await db
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(inArray(users.id, assessorIds))
          ).map((u) => [u.id, u.name])
        : [],
    );
    for (const r of rows)
      if (wanted.has(r.nominationId))
        sheetRows.push({ ...r, assessorName: assessorNames.get(r.assessorId) ?? '-' });
    for (const r of await db
      .select()
      .from(nominationResults)
      .where(and(eq(nominationResults.cycleId, cycleId), onlyOf(nominationResults.nominationId))))
      stored.set(r.nominationId, r);
  }
  const moderated = new Map<string, Moderation>();
  for (const r of stored.values())
    if (r.agreedScore !== null && r.agreedReason !== null)
      moderated.set(r.nominationId, { score: r.agreedScore, reason: r.agreedReason });
  const totals: SheetTotal[] = sheetRows
    .filter((s) => s.total !== null)
    .map((s) => ({
      nominationId: s.nominationId,
      assessorId: s.assessorId,
      total: s.total!,
      ...(s.aspects ? { aspects: s.aspects } : {}),
    }));
  const computed = cycleResults(totals, settings.resultsOptions, {
    expected,
    moderated,
    nominationIds: ids,
  });
  // A whole cycle joins its nominations instead of sending thousands of ids.
  const whole = !opts.nominationIds?.length;
  const facts = await factsOf(db, noms, whole ? cycleId : null);
  const previous = await earlierStars(db, cycleId, noms, whole);
  const byNomination = new Map(computed.nominations.map((r) => [r.nominationId, r]));
  const names = new Map(sheetRows.map((s) => [s.assessorId, s.assessorName]));
  const sheetsOf = new Map<string, typeof sheetRows>();
  for (const s of sheetRows) {
    const list = sheetsOf.get(s.nominationId);
    if (list) list.push(s);
    else sheetsOf.set(s.nominationId, [s]);
  }

  const rows: ResultRow[] = noms.map((n) => {
    const result = byNomination.get(n.id)!;
    const f = facts.get(n.id) ?? {};
    const decided = stored.get(n.id);
    const classification =
      result.score === null ? null : classify(result.score, scale, settings.gates as Gate[], f);
    const prev = previous.get(n.id) ?? null;
    const star = decided?.status === 'decided' ? decided.finalStar : (classification?.star ?? null);
    const own = sheetsOf.get(n.id) ?? [];
    return {
      nomination: {
        id: n.id,
        cycleId: n.cycleId,
        kabkotaCode: n.kabkotaCode,
        commodity: n.commodity,
        state: n.state,
        version: n.version,
        productId: n.productId,
        productName: n.productName,
        ikmId: n.ikmId,
        ikmName: n.ikmName,
        firstSubmittedAt: n.firstSubmittedAt,
      },
      result,
      sheets: own.map((s) => ({
        sheetId: s.id,
        assessorId: s.assessorId,
        assessorName: s.assessorName,
        rubricVersionId: s.rubricVersionId,
        total: s.total ?? 0,
        normalised: result.sheets.find((x) => x.assessorId === s.assessorId)?.normalised ?? null,
        submittedAt: s.submittedAt,
      })),
      facts: f,
      classification,
      rank: null,
      stored: decided ?? null,
      previous: prev,
      starChange: star === null ? null : starChangeOf(prev?.stars, star),
    };
  });
  const ranked = rankWithinCommodity(
    rows.map((r) => ({
      id: r.nomination.id,
      label: r.nomination.productName,
      commodity: r.nomination.commodity,
      score: r.result.complete ? r.result.score : null,
      star: r.stored?.status === 'decided' ? (r.stored.finalStar ?? 0) : (r.classification?.star ?? 0),
      aspects: r.result.aspects,
      submittedAt: r.nomination.firstSubmittedAt,
    })),
  );
  const rankOf = new Map(ranked.map((r) => [r.id, r]));
  for (const r of rows) r.rank = rankOf.get(r.nomination.id) ?? null;
  return {
    config,
    settings,
    scale,
    rows,
    assessors: computed.assessors.map((a) => ({ ...a, name: names.get(a.assessorId) ?? '-' })),
    agreement: computed.agreement,
  };
}

/**
 * The facts the gates read, from the registry: legality (the IKM's NIB on record, its NIB document
 * not expired), commodity, foodPermits (the nomination's distribution permit, halal certificate and
 * laboratory test present and valid today). marketReach has no source yet, so it stays unknown.
 */
async function factsOf(
  db: Db,
  noms: readonly { id: string; ikmId: string; commodity: Commodity; ikmNib: string | null }[],
  wholeCycle: string | null,
): Promise<Map<string, Facts>> {
  const out = new Map<string, Facts>();
  if (noms.length === 0) return out;
  const today = localDate();
  const ikmIds = [...new Set(noms.map((n) => n.ikmId))];
  const nib = and(eq(legalDocuments.kind, 'nib'), isNull(legalDocuments.archivedAt));
  const nibDocs = wholeCycle
    ? await db
        .selectDistinct({ ikmId: legalDocuments.ikmId, expiry: legalDocuments.expiryDate })
        .from(legalDocuments)
        .innerJoin(nominations, eq(nominations.ikmId, legalDocuments.ikmId))
        .where(and(eq(nominations.cycleId, wholeCycle), nib))
    : await db
        .select({ ikmId: legalDocuments.ikmId, expiry: legalDocuments.expiryDate })
        .from(legalDocuments)
        .where(and(inArray(legalDocuments.ikmId, ikmIds), nib));
  const docsOf = new Map<string, { expiry: string | null }[]>();
  for (const d of nibDocs) {
    const list = docsOf.get(d.ikmId);
    if (list) list.push(d);
    else docsOf.set(d.ikmId, [d]);
  }
  const food = noms.filter((n) => n.commodity === 'makanan_minuman').map((n) => n.id);
  const permits = food.length
    ? await db
        .select({
          nominationId: nominationDocuments.nominationId,
          code: nominationDocuments.itemCode,
          expires: nominationDocuments.expiresOn,
        })
        .from(nominationDocuments)
        .where(
          and(
            wholeCycle
              ? sql`${nominationDocuments.nominationId} in (select "id" from "nominations" where "cycle_id" = ${wholeCycle} and "commodity" = 'makanan_minuman')`
              : inArray(nominationDocuments.nominationId, food),
            isNull(nominationDocuments.supersededAt),
            inArray(nominationDocuments.itemCode, FOOD_PERMITS),
          ),
        )
    : [];
  for (const n of noms) {
    const docs = docsOf.get(n.ikmId) ?? [];
    const validDoc = docs.some((d) => d.expiry === null || d.expiry >= today);
    const expiredOnly = docs.length > 0 && !validDoc;
    const legality = !expiredOnly && (validDoc || !!n.ikmNib?.trim());
    const facts: Record<string, string | boolean | undefined> = { legality, commodity: n.commodity };
    if (n.commodity === 'makanan_minuman') {
      const held = new Set(
        permits
          .filter((p) => p.nominationId === n.id && (p.expires === null || p.expires >= today))
          .map((p) => p.code),
      );
      facts.foodPermits = FOOD_PERMITS.every((code) => held.has(code));
    }
    out.set(n.id, facts);
  }
  return out;
}

/** The checklist items (cycles.defaults) that make a food product's permits. */
const FOOD_PERMITS = ['izin_edar', 'sertifikat_halal', 'uji_lab'];

/**
 * The latest earlier star of each nomination's product, else of its IKM as a whole (an award entered
 * without a product), from any cycle but this one. Earlier awards are never changed here.
 */
async function earlierStars(
  db: Db,
  cycleId: string,
  noms: readonly { id: string; ikmId: string; productId: string }[],
  whole: boolean,
): Promise<Map<string, EarlierStar>> {
  const out = new Map<string, EarlierStar>();
  if (noms.length === 0) return out;
  const awards = await db
    .select()
    .from(earlierAwards)
    .where(
      and(
        whole
          ? sql`${earlierAwards.ikmId} in (select "ikm_id" from "nominations" where "cycle_id" = ${cycleId})`
          : inArray(earlierAwards.ikmId, [...new Set(noms.map((n) => n.ikmId))]),
        isNull(earlierAwards.archivedAt),
        sql`(${earlierAwards.cycleId} is null or ${earlierAwards.cycleId} <> ${cycleId})`,
      ),
    )
    .orderBy(desc(earlierAwards.year), desc(earlierAwards.createdAt));
  const byIkm = new Map<string, (typeof awards)[number][]>();
  for (const a of awards) {
    const list = byIkm.get(a.ikmId);
    if (list) list.push(a);
    else byIkm.set(a.ikmId, [a]);
  }
  for (const n of noms) {
    const mine = byIkm.get(n.ikmId) ?? [];
    const a = mine.find((x) => x.productId === n.productId) ?? mine.find((x) => x.productId === null);
    if (a) out.set(n.id, { stars: a.stars, year: a.year, source: a.source });
  }
  return out;
}

/** One nomination's row of its cycle's results (404 when it has none). */
export async function resultOf(
  db: Db,
  nominationId: string,
): Promise<{ view: CycleResultsView; row: ResultRow }> {
  const [n] = await db
    .select({ cycleId: nominations.cycleId })
    .from(nominations)
    .where(and(eq(nominations.id, nominationId), inArray(nominations.state, [...RESULT_STATES])));
  if (!n) throw new NotFoundError('nomination');
  const view = await computeCycleResults(db, n.cycleId, { nominationIds: [nominationId] });
  return { view, row: view.rows[0]! };
}

/** The levels of the submitted sheets of a nomination (for the gap analysis). */
export async function sheetLevels(db: Db, sheetIds: readonly string[]): Promise<SheetLevels[]> {
  if (sheetIds.length === 0) return [];
  const entries = await db
    .select()
    .from(scoreEntries)
    .where(inArray(scoreEntries.sheetId, [...sheetIds]));
  return sheetIds.map((id) => {
    const levels: Record<string, number | null> = {};
    for (const e of entries) if (e.sheetId === id) levels[e.criterionCode] = e.level;
    return levels;
  });
}

/** The gap analysis of one nomination's row, with the cycle's coaching map over the rubric's own. */
export async function gapsOf(db: Db, view: CycleResultsView, row: ResultRow): Promise<GapAnalysis | null> {
  if (row.result.score === null || row.sheets.length === 0) return null;
  const rubric = await compiledVersion(db, row.sheets[0]!.rubricVersionId);
  const levels = await sheetLevels(
    db,
    row.sheets.map((s) => s.sheetId),
  );
  return analyseGaps({
    rubric,
    sheets: levels,
    score: row.result.score,
    scale: view.scale,
    ...(row.classification ? { classification: row.classification } : {}),
    coaching: view.settings.coachingMap,
  });
}

/** Filters of the results page (applied after computing, so the cycle's figures stay whole). */
export interface ResultsFilter {
  kabkota?: string | undefined;
  commodity?: Commodity | undefined;
  flagged?: boolean | undefined;
}

export function filterRows(rows: readonly ResultRow[], f: ResultsFilter): ResultRow[] {
  return rows.filter(
    (r) =>
      (!f.kabkota || r.nomination.kabkotaCode === f.kabkota) &&
      (!f.commodity || r.nomination.commodity === f.commodity) &&
      (!f.flagged || r.result.flagged),
  );
}
