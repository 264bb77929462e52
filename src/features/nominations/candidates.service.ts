/**
 * Potential candidates (potensi): products a kab/kota officer marks from their registry as worth
 * nominating in a cycle, each with a short justification — the identification step the office asks
 * for after each briefing. The province reads the shortlist and comments; the officer answers.
 */
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { candidateComments, candidates } from '../../db/schema/nominations.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import type { Commodity, NominationState } from '../../platform/domain.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { deliverAfterCommit, notify, officersOf } from '../../platform/notify.ts';
import { getCycle } from '../cycles/cycles.service.ts';
import { getProduct } from '../registry/products.service.ts';
import { searchCondition } from '../registry/registry.service.ts';
import type { NominationEnv } from './nominations.env.ts';
import type { CandidateCreate, CandidateFilter } from './nominations.forms.ts';
import { nominationNotices, nominationRules } from './nominations.messages.ts';
import { assertOfficer, nominatedProducts } from './nominations.service.ts';

export type CandidateRow = typeof candidates.$inferSelect;

/** Which candidates an actor reads: the province's, or their own kab/kota's. */
function candidateScopeSql(actor: Actor): SQL | undefined {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return sql`${candidates.kabkotaCode} = ${actor.regionCode}`;
  return sql`false`;
}

/** A live candidate the actor may read, or 404. */
export async function getCandidate(db: Db, actor: Actor, id: string): Promise<CandidateRow> {
  const [row] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, id), isNull(candidates.archivedAt), candidateScopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('candidate');
  return row;
}

/** Marks a product of the officer's own kab/kota as a candidate of a cycle, with a justification. */
export async function createCandidate(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  input: CandidateCreate,
): Promise<CandidateRow> {
  const { product, ikm: owner } = await getProduct(db, actor, input.productId);
  assertOfficer(actor, product);
  const cycle = await getCycle(db, input.cycleId);
  if (cycle.provinceCode !== env.provinceCode) throw new NotFoundError('cycle');
  return db.transaction(async (tx) => {
    const [dupe] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(
        and(
          eq(candidates.cycleId, input.cycleId),
          eq(candidates.productId, product.id),
          isNull(candidates.archivedAt),
        ),
      )
      .limit(1);
    if (dupe) throw ruleViolation('productId', nominationRules.duplicateCandidate, {}, 409);
    const [row] = await tx
      .insert(candidates)
      .values({
        provinceCode: env.provinceCode,
        kabkotaCode: product.kabkotaCode,
        cycleId: input.cycleId,
        productId: product.id,
        ikmId: owner.id,
        justification: input.justification,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'candidate.create',
      objectType: 'candidate',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** Takes a candidate off the shortlist (kept, archived). */
export async function removeCandidate(db: Db, actor: Actor, id: string): Promise<CandidateRow> {
  const row = await getCandidate(db, actor, id);
  assertOfficer(actor, row);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(candidates)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: row.version + 1 })
      .where(and(eq(candidates.id, id), isNull(candidates.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('candidate');
    await writeAudit(tx, actor, {
      action: 'candidate.remove',
      objectType: 'candidate',
      objectId: id,
      regionCode: row.kabkotaCode,
      before: row,
    });
    return after;
  });
}

/** A comment on a candidate; the province's comments notify the kab/kota's officers. */
export async function commentOnCandidate(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  body: string,
): Promise<void> {
  const row = await getCandidate(db, actor, id);
  const sent = await db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(candidateComments)
      .values({ candidateId: id, kabkotaCode: row.kabkotaCode, authorId: actor.userId, body })
      .returning();
    await writeAudit(tx, actor, {
      action: 'candidate.comment',
      objectType: 'candidate',
      objectId: id,
      regionCode: row.kabkotaCode,
      after: comment,
    });
    if (!isProvinceWide(actor)) return 0;
    const [p] = await tx.select({ name: products.name }).from(products).where(eq(products.id, row.productId));
    const [author] = actor.userId
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
      : [];
    return notify(tx, env.mail, {
      userIds: await officersOf(tx, [row.kabkotaCode]),
      kind: 'candidate.comment',
      message: {
        title: nominationNotices.candidateCommentTitle,
        body: nominationNotices.candidateCommentBody,
        params: { product: p?.name ?? '-', author: author?.name ?? actor.label, body },
      },
      link: `/candidates/${id}`,
    });
  });
  if (sent > 0) void deliverAfterCommit(db, env.mail);
}

export interface CandidateListRow {
  id: string;
  cycleId: string;
  kabkotaCode: string;
  productId: string;
  productName: string;
  ikmId: string;
  ikmName: string;
  commodity: Commodity;
  justification: string;
  createdAt: Date;
  comments: number;
  nomination: { id: string; state: NominationState } | null;
}

/** The shortlist of a cycle in the actor's scope, by kab/kota then newest first (keyset). */
export async function listCandidates(
  db: Db,
  actor: Actor,
  cycleId: string,
  filter: CandidateFilter,
  limit = 100,
): Promise<Page<CandidateListRow>> {
  const page = await paginate<Omit<CandidateListRow, 'nomination'>>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [candidates.kabkotaCode, candidates.createdAt, candidates.id],
    dir: 'asc',
    keyOf: (r) => [r.kabkotaCode, r.createdAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select({
          id: candidates.id,
          cycleId: candidates.cycleId,
          kabkotaCode: candidates.kabkotaCode,
          productId: candidates.productId,
          productName: products.name,
          ikmId: candidates.ikmId,
          ikmName: ikm.name,
          commodity: products.commodity,
          justification: candidates.justification,
          createdAt: candidates.createdAt,
          // Qualified by hand: inside sql`` drizzle would bind a bare column to the inner table.
          comments: sql<number>`(select count(*)::int from candidate_comments cc where cc.candidate_id = "candidates"."id")`,
        })
        .from(candidates)
        .innerJoin(products, eq(products.id, candidates.productId))
        .innerJoin(ikm, eq(ikm.id, candidates.ikmId))
        .where(
          and(
            eq(candidates.cycleId, cycleId),
            isNull(candidates.archivedAt),
            candidateScopeSql(actor),
            filter.kabkota ? eq(candidates.kabkotaCode, filter.kabkota) : undefined,
            searchCondition(products.searchText, filter.q),
            where,
          ),
        )
        .orderBy(...orderBy)
        .limit(lim),
  });
  const nominated = await nominatedProducts(
    db,
    cycleId,
    page.rows.map((r) => r.productId),
  );
  return {
    ...page,
    rows: page.rows.map((r) => ({
      ...r,
      comments: Number(r.comments),
      nomination: nominated.get(r.productId) ?? null,
    })),
  };
}

export interface CandidateComment {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
  authorRole: string | null;
}

/** A candidate with its product, IKM and comments, oldest comment first. */
export async function candidateDetail(db: Db, actor: Actor, id: string) {
  const row = await getCandidate(db, actor, id);
  const { product, ikm: owner } = await getProduct(db, actor, row.productId);
  const comments: CandidateComment[] = await db
    .select({
      id: candidateComments.id,
      body: candidateComments.body,
      createdAt: candidateComments.createdAt,
      authorName: users.name,
      authorRole: users.role,
    })
    .from(candidateComments)
    .leftJoin(users, eq(users.id, candidateComments.authorId))
    .where(eq(candidateComments.candidateId, id))
    .orderBy(asc(candidateComments.createdAt), asc(candidateComments.id));
  const nomination = (await nominatedProducts(db, row.cycleId, [row.productId])).get(row.productId) ?? null;
  return {
    candidate: row,
    product,
    ikm: owner,
    comments,
    nomination,
    cycle: await getCycle(db, row.cycleId),
  };
}
