/**
 * Earlier star awards: which IKM (or product) received how many OVOP stars in which year or cycle.
 * The registry keeps no star history, and Maluku's holders are not in public sources (brief §4.3),
 * so the office enters them by hand; the assessment feature records a cycle's own stars here too.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { earlierAwards } from '../../db/schema/nominations.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { AwardSource } from '../../platform/nomination-domain.ts';
import { getCycle } from '../cycles/cycles.service.ts';
import { getIkm } from '../registry/ikm.service.ts';
import type { AwardCreate } from './nominations.forms.ts';
import { nominationRules } from './nominations.messages.ts';

export type EarlierAwardRow = typeof earlierAwards.$inferSelect;

/** The stars an IKM received before, newest first (the eligibility rule flags a holder). */
export async function earlierStarsOf(
  db: Db,
  ikmId: string,
): Promise<{ year: number; stars: number; cycleId: string | null }[]> {
  return db
    .select({ year: earlierAwards.year, stars: earlierAwards.stars, cycleId: earlierAwards.cycleId })
    .from(earlierAwards)
    .where(and(eq(earlierAwards.ikmId, ikmId), isNull(earlierAwards.archivedAt)))
    .orderBy(desc(earlierAwards.year));
}

/**
 * Records an award inside the caller's transaction (the assessment feature calls it with
 * `source: 'earlier_cycle'` when a cycle's stars are published). Checks the product is the IKM's and
 * the stars fit the cycle's scale.
 */
export async function recordEarlierAward(
  tx: Db,
  actor: Actor,
  input: Omit<AwardCreate, 'ikmId'> & {
    ikm: { id: string; kabkotaCode: string; provinceCode: string };
    source: AwardSource;
  },
): Promise<EarlierAwardRow> {
  if (input.productId) {
    const [p] = await tx
      .select({ ikmId: products.ikmId })
      .from(products)
      .where(eq(products.id, input.productId))
      .limit(1);
    if (!p || p.ikmId !== input.ikm.id) throw ruleViolation('productId', nominationRules.productNotOfIkm);
  }
  if (input.cycleId) {
    const cycle = await getCycle(tx, input.cycleId);
    if (input.stars > cycle.starScale)
      throw ruleViolation('stars', nominationRules.starsOverScale, { scale: cycle.starScale });
  }
  const [row] = await tx
    .insert(earlierAwards)
    .values({
      provinceCode: input.ikm.provinceCode,
      kabkotaCode: input.ikm.kabkotaCode,
      ikmId: input.ikm.id,
      productId: input.productId ?? null,
      cycleId: input.cycleId ?? null,
      year: input.year,
      stars: input.stars,
      source: input.source,
      notes: input.notes ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await writeAudit(tx, actor, {
    action: 'earlier_award.create',
    objectType: 'earlier_award',
    objectId: row!.id,
    regionCode: row!.kabkotaCode,
    after: row,
  });
  return row!;
}

/** An admin enters an earlier award by hand. */
export async function createEarlierAward(db: Db, actor: Actor, input: AwardCreate): Promise<EarlierAwardRow> {
  const owner = await getIkm(db, actor, input.ikmId);
  return db.transaction((tx) => recordEarlierAward(tx, actor, { ...input, ikm: owner, source: 'entered' }));
}

export interface AwardListRow {
  id: string;
  ikmId: string;
  ikmName: string;
  kabkotaCode: string;
  productName: string | null;
  cycleName: string | null;
  year: number;
  stars: number;
  source: AwardSource;
  notes: string | null;
}

const awardColumns = {
  id: earlierAwards.id,
  ikmId: earlierAwards.ikmId,
  ikmName: ikm.name,
  kabkotaCode: earlierAwards.kabkotaCode,
  productName: products.name,
  cycleName: cycles.name,
  year: earlierAwards.year,
  stars: earlierAwards.stars,
  source: earlierAwards.source,
  notes: earlierAwards.notes,
};

/** Every recorded award, newest year first (keyset). */
export async function listEarlierAwards(
  db: Db,
  request: { after?: string | undefined; before?: string | undefined },
  limit = 50,
): Promise<Page<AwardListRow>> {
  return paginate<AwardListRow>({
    request: { ...request, limit },
    keys: [earlierAwards.year, earlierAwards.id],
    dir: 'desc',
    keyOf: (r) => [r.year, r.id],
    run: (where, orderBy, lim) =>
      db
        .select(awardColumns)
        .from(earlierAwards)
        .innerJoin(ikm, eq(ikm.id, earlierAwards.ikmId))
        .leftJoin(products, eq(products.id, earlierAwards.productId))
        .leftJoin(cycles, eq(cycles.id, earlierAwards.cycleId))
        .where(and(isNull(earlierAwards.archivedAt), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
}

/** The awards of one IKM (its profile panel), newest first. */
export async function awardsOfIkm(db: Db, ikmId: string): Promise<AwardListRow[]> {
  return db
    .select(awardColumns)
    .from(earlierAwards)
    .innerJoin(ikm, eq(ikm.id, earlierAwards.ikmId))
    .leftJoin(products, eq(products.id, earlierAwards.productId))
    .leftJoin(cycles, eq(cycles.id, earlierAwards.cycleId))
    .where(and(eq(earlierAwards.ikmId, ikmId), isNull(earlierAwards.archivedAt)))
    .orderBy(desc(earlierAwards.year), asc(earlierAwards.id));
}

/** The IKM an award form is for, with its live products, within the actor's scope. */
export async function awardSubject(db: Db, actor: Actor, ikmId: string) {
  const owner = await getIkm(db, actor, ikmId);
  const productRows = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(and(eq(products.ikmId, ikmId), isNull(products.archivedAt)))
    .orderBy(asc(sql`lower(${products.name})`));
  if (!owner) throw new NotFoundError('ikm');
  return { ikm: owner, products: productRows };
}
