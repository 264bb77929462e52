/**
 * Fixtures for the results tests: a cycle whose commodities are linked to the seeded rubrics, and
 * nominations past administrative selection with assignments and score sheets — submitted ones with
 * their weighted total, aspects and entries, as the scoring pages leave them. Real rows, no mocks.
 */
import { and, eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/accounts.ts';
import { cycleCommodities } from '../../src/db/schema/cycles.ts';
import { earlierAwards, nominations } from '../../src/db/schema/nominations.ts';
import { assignments, scoreEntries, scoreSheets } from '../../src/db/schema/scoring.ts';
import { compileRubric, scoreSheet } from '../../src/features/assessment/rubric.rules.ts';
import { latestPublished } from '../../src/features/assessment/rubrics.service.ts';
import type { Commodity } from '../../src/platform/domain.ts';
import type { TestApp } from './app.ts';
import { makeCycle, makeIkmWithProduct } from './nominations.ts';

/** A cycle (1–3 stars, default bands 50/65/80) whose commodities use the seeded rubric version 1. */
export async function scoringCycle(t: TestApp, opts: { name?: string } = {}): Promise<string> {
  const cycleId = await makeCycle(t, opts.name ? { name: opts.name } : {});
  const db = t.database.db;
  for (const c of await db.select().from(cycleCommodities).where(eq(cycleCommodities.cycleId, cycleId))) {
    const version = await latestPublished(db, c.commodity);
    await db
      .update(cycleCommodities)
      .set({ rubricVersionRef: version.id })
      .where(and(eq(cycleCommodities.cycleId, cycleId), eq(cycleCommodities.commodity, c.commodity)));
  }
  return cycleId;
}

/** One assessor's sheet: every criterion at `level`, except the first `top` criteria at the top level. */
export interface SheetSpec {
  assessor: string;
  level?: number;
  top?: number;
  /** false: assigned with a draft sheet (or none when `sheet` is false). */
  submitted?: boolean;
  sheet?: boolean;
}

export interface ScoredNomination {
  nominationId: string;
  ikmId: string;
  productId: string;
  productName: string;
  totals: Record<string, number>;
}

let serial = 0;

export async function userId(t: TestApp, email: string): Promise<string> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return u.id;
}

/** A nomination of the cycle in `state`, its assessors assigned and their sheets as specified. */
export async function scoredNomination(
  t: TestApp,
  cycleId: string,
  opts: {
    commodity?: Commodity;
    kabkota?: string;
    state?: 'admin_passed' | 'in_assessment' | 'assessed';
    sheets: SheetSpec[];
    name?: string;
  },
): Promise<ScoredNomination> {
  const db = t.database.db;
  const commodity = opts.commodity ?? 'kain_tenun';
  const kabkota = opts.kabkota ?? '81.71';
  serial++;
  const made = await makeIkmWithProduct(t, {
    commodity,
    kabkota,
    name: opts.name ? `IKM ${opts.name}` : `IKM Nilai ${serial}`,
  });
  const version = await latestPublished(db, commodity);
  const rubric = compileRubric(version.content);
  const submittedAt = new Date(Date.now() - 86_400_000);
  const [nom] = await db
    .insert(nominations)
    .values({
      cycleId,
      provinceCode: t.config.PROVINCE_CODE,
      kabkotaCode: kabkota,
      productId: made.productId,
      ikmId: made.ikmId,
      commodity,
      state: opts.state ?? 'assessed',
      round: 1,
      firstSubmittedAt: submittedAt,
      submittedAt,
      decidedAt: submittedAt,
    })
    .returning();
  const totals: Record<string, number> = {};
  for (const spec of opts.sheets) {
    const assessorId = await userId(t, spec.assessor);
    const [assignment] = await db
      .insert(assignments)
      .values({ cycleId, nominationId: nom!.id, assessorId, kabkotaCode: kabkota, method: 'manual' })
      .returning();
    if (spec.sheet === false) continue;
    const levels: Record<string, number> = {};
    rubric.criteria.forEach((c, i) => {
      const top = c.levels.at(-1)!.level;
      levels[c.code] = i < (spec.top ?? 0) ? top : Math.min(spec.level ?? 2, top);
    });
    const scored = scoreSheet(rubric, levels);
    const submitted = spec.submitted ?? true;
    const [sheet] = await db
      .insert(scoreSheets)
      .values({
        assignmentId: assignment!.id,
        cycleId,
        nominationId: nom!.id,
        assessorId,
        rubricVersionId: version.id,
        status: submitted ? 'submitted' : 'draft',
        total: submitted ? Math.round(scored.total * 100) / 100 : null,
        aspects: submitted ? scored.aspects : null,
        submittedAt: submitted ? new Date() : null,
      })
      .returning();
    await db.insert(scoreEntries).values(
      rubric.criteria.map((c) => ({
        sheetId: sheet!.id,
        criterionCode: c.code,
        level: levels[c.code]!,
        points: c.points.get(levels[c.code]!)!,
      })),
    );
    if (submitted) totals[spec.assessor] = Math.round(scored.total * 100) / 100;
  }
  return {
    nominationId: nom!.id,
    ikmId: made.ikmId,
    productId: made.productId,
    productName: (await productName(t, made.productId)) ?? '',
    totals,
  };
}

async function productName(t: TestApp, productId: string): Promise<string | undefined> {
  const { products } = await import('../../src/db/schema/registry.ts');
  const [p] = await t.database.db
    .select({ name: products.name })
    .from(products)
    .where(eq(products.id, productId));
  return p?.name;
}

/** An earlier star of the IKM's product (entered by hand, as the office does). */
export async function earlierStar(
  t: TestApp,
  n: ScoredNomination,
  stars: number,
  year = 2018,
  kabkota = '81.71',
): Promise<void> {
  await t.database.db.insert(earlierAwards).values({
    provinceCode: t.config.PROVINCE_CODE,
    kabkotaCode: kabkota,
    ikmId: n.ikmId,
    productId: n.productId,
    year,
    stars,
    source: 'entered',
  });
}
