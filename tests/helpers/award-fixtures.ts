/**
 * Fixtures for the awards tests: a cycle whose publication phase is open (or not yet), and real rows
 * of decided results as the assessment feature leaves them — a nomination in state `decided` with its
 * `nomination_results` row (status `decided`, `final_star`, `computed_star`, `decided_at`).
 */
import { eq } from 'drizzle-orm';
import { nominations } from '../../src/db/schema/nominations.ts';
import { products } from '../../src/db/schema/registry.ts';
import { nominationResults } from '../../src/db/schema/scoring.ts';
import { DEFAULT_COMMODITIES, defaultChecklist } from '../../src/features/cycles/cycles.defaults.ts';
import { defaultStarBands } from '../../src/features/cycles/cycles.rules.ts';
import { createCycle } from '../../src/features/cycles/cycles.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import type { Commodity, CyclePhase, NominationState } from '../../src/platform/domain.ts';
import type { TestApp } from './app.ts';
import { makeIkmWithProduct } from './nominations.ts';

const DAY = 86_400_000;
let serial = 0;

/** A 3-star cycle whose phases lie in the past, its publication phase open now (or starting in 10 days). */
export async function makeAwardCycle(
  t: TestApp,
  opts: { publicationOpen?: boolean; name?: string; year?: number } = {},
): Promise<{ id: string; name: string }> {
  serial++;
  const at = (days: number) => new Date(Date.now() + days * DAY);
  const pub = opts.publicationOpen ?? true;
  const phases: { phase: CyclePhase; startsAt: Date; endsAt: Date }[] = [
    { phase: 'proposal', startsAt: at(-90), endsAt: at(-80) },
    { phase: 'admin_selection', startsAt: at(-79), endsAt: at(-60) },
    { phase: 'assessment', startsAt: at(-59), endsAt: at(-30) },
    { phase: 'decision', startsAt: at(-29), endsAt: pub ? at(-3) : at(9) },
    { phase: 'publication', startsAt: pub ? at(-2) : at(10), endsAt: at(60) },
  ];
  const commodities: Commodity[] = DEFAULT_COMMODITIES;
  const name = opts.name ?? `Periode Penghargaan Uji ${serial}`;
  const cycle = await createCycle(
    t.database.db,
    systemActor('test'),
    {
      name,
      year: opts.year ?? 2026,
      kind: 'provincial_preselection',
      starScale: 3,
      bands: defaultStarBands(3),
      phases,
      commodities: commodities.map((commodity) => ({ commodity, rubricVersionRef: null })),
      checklist: commodities.flatMap((commodity) =>
        defaultChecklist(commodity).map((item) => ({ commodity, ...item })),
      ),
      quotas: [],
      reason: undefined,
    },
    t.config.PROVINCE_CODE,
  );
  return { id: cycle.id, name };
}

export interface DecidedFixture {
  nominationId: string;
  ikmId: string;
  productId: string;
  ikmName: string;
  productName: string;
}

/**
 * A nomination of a new IKM's product in `state` (default `decided`) with its result: decided with
 * `stars` (0 = no star) unless `decided: false`, which leaves the result open (still being assessed).
 */
export async function makeDecidedNomination(
  t: TestApp,
  cycleId: string,
  opts: {
    stars?: number;
    kabkota?: string;
    commodity?: Commodity;
    decided?: boolean;
    state?: NominationState;
    ikmName?: string;
    publishProduct?: boolean;
  } = {},
): Promise<DecidedFixture> {
  const db = t.database.db;
  serial++;
  const kabkota = opts.kabkota ?? '81.71';
  const made = await makeIkmWithProduct(t, {
    kabkota,
    commodity: opts.commodity ?? 'makanan_minuman',
    name: opts.ikmName ?? `IKM Bintang ${serial}`,
  });
  const [product] = await db
    .update(products)
    .set({ published: opts.publishProduct ?? true })
    .where(eq(products.id, made.productId))
    .returning({ name: products.name });
  const decided = opts.decided ?? true;
  const [nom] = await db
    .insert(nominations)
    .values({
      cycleId,
      provinceCode: t.config.PROVINCE_CODE,
      kabkotaCode: kabkota,
      productId: made.productId,
      ikmId: made.ikmId,
      commodity: opts.commodity ?? 'makanan_minuman',
      state: opts.state ?? (decided ? 'decided' : 'assessed'),
      round: 1,
      firstSubmittedAt: new Date(Date.now() - 85 * DAY),
      submittedAt: new Date(Date.now() - 85 * DAY),
      decidedAt: new Date(Date.now() - 70 * DAY),
    })
    .returning();
  const stars = opts.stars ?? 2;
  await db.insert(nominationResults).values({
    nominationId: nom!.id,
    cycleId,
    kabkotaCode: kabkota,
    status: decided ? 'decided' : 'open',
    score: decided ? 70 + stars * 5 : null,
    computedStar: decided ? stars : null,
    finalStar: decided ? stars : null,
    decidedAt: decided ? new Date(Date.now() - 5 * DAY) : null,
  });
  return {
    nominationId: nom!.id,
    ikmId: made.ikmId,
    productId: made.productId,
    ikmName: opts.ikmName ?? `IKM Bintang ${serial}`,
    productName: product!.name,
  };
}
