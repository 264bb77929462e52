/**
 * Coaching recommendations: what an IKM needs, from an assessment's gap analysis (filled by the
 * assessment wiring through `addRecommendations`) or written by an officer; listed until acted on,
 * and answered in one step by enrolling the IKM in a matching open programme.
 */
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  type CoachingKind,
  coachingParticipants,
  coachingRecommendations,
  type RecommendationSource,
} from '../../db/schema/coaching.ts';
import { ikm } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { formatDate, localDate } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { LegalDocumentKind } from '../../platform/registry-domain.ts';
import { getIkm } from '../registry/ikm.service.ts';
import type { RecommendationFilter, RecommendationInput } from './coaching.forms.ts';
import { kindWord } from './coaching.labels.ts';
import { coachingRules } from './coaching.messages.ts';
import { answers, isOpen } from './coaching.rules.ts';
import { addParticipants } from './participants.service.ts';
import { canActForIkm, getProgramme, openProgrammes, type ProgrammeRow } from './programmes.service.ts';

export type RecommendationRow = typeof coachingRecommendations.$inferSelect;

/**
 * One recommendation as a source gives it. A gap analysis gives, per lost criterion: its code, the
 * coaching kind the rubric maps it to, a sentence, the points lost, and a reference (the nomination)
 * so that running it again adds nothing twice.
 */
export interface NewRecommendation {
  ikmId: string;
  source: RecommendationSource;
  coachingKind: CoachingKind;
  text: string;
  certificationKind?: LegalDocumentKind | null;
  criterionCode?: string | null;
  cycleId?: string | null;
  sourceRef?: string | null;
  lostPoints?: number | null;
}

/** Recommendations in the actor's scope: the province sees all, a kab/kota officer their own IKMs'. */
function scopeSql(actor: Actor): SQL | undefined {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return eq(coachingRecommendations.kabkotaCode, actor.regionCode);
  return sql`false`;
}

const openSql = and(
  isNull(coachingRecommendations.actedOnProgrammeId),
  isNull(coachingRecommendations.dismissedAt),
);

/**
 * Records recommendations (the hook the assessment wiring fills from gap analyses). Works inside the
 * caller's transaction; a recommendation with the same source reference and criterion as one already
 * recorded for the IKM is skipped. Returns the ones added.
 */
export async function addRecommendations(
  db: Db,
  actor: Actor,
  items: NewRecommendation[],
): Promise<RecommendationRow[]> {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.ikmId))];
  const subjects = await db
    .select({ id: ikm.id, provinceCode: ikm.provinceCode, kabkotaCode: ikm.kabkotaCode })
    .from(ikm)
    .where(and(inArray(ikm.id, ids), isNull(ikm.archivedAt)));
  const byId = new Map(subjects.map((s) => [s.id, s]));
  return db.transaction(async (tx) => {
    const added: RecommendationRow[] = [];
    for (const item of items) {
      const subject = byId.get(item.ikmId);
      if (!subject || !canActForIkm(actor, subject.kabkotaCode)) throw new NotFoundError('ikm');
      const [row] = await tx
        .insert(coachingRecommendations)
        .values({
          ikmId: item.ikmId,
          provinceCode: subject.provinceCode,
          kabkotaCode: subject.kabkotaCode,
          source: item.source,
          cycleId: item.cycleId ?? null,
          sourceRef: item.sourceRef ?? null,
          criterionCode: item.criterionCode ?? null,
          coachingKind: item.coachingKind,
          certificationKind: item.coachingKind === 'certification' ? (item.certificationKind ?? null) : null,
          text: item.text,
          lostPoints:
            item.lostPoints === undefined || item.lostPoints === null ? null : item.lostPoints.toFixed(2),
          createdBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      await writeAudit(tx, actor, {
        action: 'coaching_recommendation.create',
        objectType: 'coaching_recommendation',
        objectId: row.id,
        regionCode: row.kabkotaCode,
        after: row,
      });
      added.push(row);
    }
    return added;
  });
}

/** An officer's own recommendation for an IKM in their scope. */
export async function createRecommendation(
  db: Db,
  actor: Actor,
  input: RecommendationInput,
): Promise<RecommendationRow> {
  const subject = await ikmInScope(db, actor, input.ikmId);
  const [row] = await addRecommendations(db, actor, [
    {
      ikmId: subject.id,
      source: 'manual',
      coachingKind: input.coachingKind,
      certificationKind: input.certificationKind ?? null,
      text: input.text,
    },
  ]);
  return row!;
}

async function ikmInScope(db: Db, actor: Actor, ikmId: string) {
  try {
    const row = await getIkm(db, actor, ikmId);
    if (!canActForIkm(actor, row.kabkotaCode)) throw new NotFoundError('ikm');
    return row;
  } catch (err) {
    if (err instanceof NotFoundError) throw ruleViolation('ikmId', coachingRules.ikmOutOfScope);
    throw err;
  }
}

/** One IKM's recommendations, newest first (open ones only unless `all`), for an IKM in scope. */
export async function recommendationsFor(
  db: Db,
  actor: Actor,
  ikmId: string,
  opts: { all?: boolean } = {},
): Promise<RecommendationRow[]> {
  await getIkm(db, actor, ikmId);
  return db
    .select()
    .from(coachingRecommendations)
    .where(and(eq(coachingRecommendations.ikmId, ikmId), scopeSql(actor), opts.all ? undefined : openSql))
    .orderBy(desc(coachingRecommendations.createdAt), desc(coachingRecommendations.id))
    .limit(200);
}

export interface RecommendationView extends RecommendationRow {
  ikmName: string;
  /** Open programmes the IKM can be enrolled in for it (same kind, not ended, in scope, not yet taken). */
  matches: ProgrammeRow[];
}

/** Open recommendations in scope, newest first, a keyset page at a time, each with its matching programmes. */
export async function listOpenRecommendations(
  db: Db,
  actor: Actor,
  filter: RecommendationFilter,
  limit = 30,
  today = localDate(),
): Promise<Page<RecommendationView>> {
  const r = coachingRecommendations;
  const conditions = and(
    openSql,
    scopeSql(actor),
    filter.kind ? eq(r.coachingKind, filter.kind) : undefined,
    filter.kabkota ? eq(r.kabkotaCode, filter.kabkota) : undefined,
    filter.ikm ? eq(r.ikmId, filter.ikm) : undefined,
  );
  const page = await paginate<{ rec: RecommendationRow; ikmName: string }>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [r.createdAt, r.id],
    dir: 'desc',
    keyOf: (row) => [row.rec.createdAt.toISOString(), row.rec.id],
    run: (where, orderBy, lim) =>
      db
        .select({ rec: coachingRecommendations, ikmName: ikm.name })
        .from(coachingRecommendations)
        .innerJoin(ikm, eq(ikm.id, coachingRecommendations.ikmId))
        .where(and(conditions, isNull(ikm.archivedAt), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  const kinds = [...new Set(page.rows.map((row) => row.rec.coachingKind))];
  const programmes = await openProgrammes(db, actor, kinds, today);
  // Which of these IKMs already take part in which of these programmes (not offered again).
  const taken = new Set<string>();
  if (programmes.length && page.rows.length) {
    const rows = await db
      .select({ programmeId: coachingParticipants.programmeId, ikmId: coachingParticipants.ikmId })
      .from(coachingParticipants)
      .where(
        and(
          inArray(
            coachingParticipants.programmeId,
            programmes.map((p) => p.id),
          ),
          inArray(
            coachingParticipants.ikmId,
            page.rows.map((row) => row.rec.ikmId),
          ),
          isNull(coachingParticipants.removedAt),
        ),
      );
    for (const row of rows) taken.add(`${row.programmeId}:${row.ikmId}`);
  }
  return {
    ...page,
    rows: page.rows.map(({ rec, ikmName }) => ({
      ...rec,
      ikmName,
      matches: programmes.filter((p) => answers(p, rec) && !taken.has(`${p.id}:${rec.ikmId}`)),
    })),
  };
}

/** Locks an open recommendation the actor may act on, or refuses. */
async function lockOpen(tx: Db, actor: Actor, id: string): Promise<RecommendationRow> {
  const [row] = await tx
    .select()
    .from(coachingRecommendations)
    .where(and(eq(coachingRecommendations.id, id), scopeSql(actor)))
    .for('update');
  if (!row || !canActForIkm(actor, row.kabkotaCode)) throw new NotFoundError('recommendation');
  if (row.actedOnProgrammeId || row.dismissedAt)
    throw ruleViolation('_form', coachingRules.recommendationClosed, {}, 409);
  return row;
}

/** The programme chosen for an enrolment, as a refusal on its field when it is not the actor's to use. */
async function programmeInScope(db: Db, actor: Actor, programmeId: string): Promise<ProgrammeRow> {
  try {
    return await getProgramme(db, actor, programmeId);
  } catch (err) {
    if (err instanceof NotFoundError) throw ruleViolation('programmeId', coachingRules.programmeUnknown);
    throw err;
  }
}

/** Refuses a programme of another kind than the need, or one that has ended. */
function assertProgrammeFits(
  actor: Actor,
  programme: ProgrammeRow,
  need: Parameters<typeof answers>[1],
  today: string,
): void {
  if (!answers(programme, need))
    throw ruleViolation('programmeId', coachingRules.programmeKindMismatch, {
      title: programme.title,
      kind: kindWord(need.coachingKind, actor.lang),
    });
  if (!isOpen(programme, today))
    throw ruleViolation('programmeId', coachingRules.programmeFinished, {
      title: programme.title,
      date: formatDate(programme.endDate, actor.lang),
    });
}

/**
 * Acts on a recommendation in one step: enrols its IKM in the chosen programme (of the same kind,
 * not ended, in scope) and marks it acted on. An IKM already taking part is just marked.
 */
export async function enrolFromRecommendation(
  db: Db,
  actor: Actor,
  recommendationId: string,
  programmeId: string,
  today = localDate(),
): Promise<{ recommendation: RecommendationRow; programme: ProgrammeRow; ikmName: string }> {
  const programme = await programmeInScope(db, actor, programmeId);
  return db.transaction(async (tx) => {
    const rec = await lockOpen(tx, actor, recommendationId);
    assertProgrammeFits(actor, programme, rec, today);
    await addParticipants(tx, actor, programme.id, [rec.ikmId], {
      source: 'recommendation',
      recommendationId: rec.id,
    });
    const [after] = await tx
      .update(coachingRecommendations)
      .set({ actedOnProgrammeId: programme.id, actedOnAt: new Date() })
      .where(eq(coachingRecommendations.id, rec.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'coaching_recommendation.enrol',
      objectType: 'coaching_recommendation',
      objectId: rec.id,
      regionCode: rec.kabkotaCode,
      before: { actedOnProgrammeId: null },
      after: { actedOnProgrammeId: programme.id, programmeTitle: programme.title },
    });
    const [subject] = await tx.select({ name: ikm.name }).from(ikm).where(eq(ikm.id, rec.ikmId));
    return { recommendation: after!, programme, ikmName: subject?.name ?? '' };
  });
}

/** Closes a recommendation without a programme (no longer needed), with the reason in the audit. */
export async function dismissRecommendation(
  db: Db,
  actor: Actor,
  recommendationId: string,
  reason?: string,
): Promise<{ recommendation: RecommendationRow; ikmName: string }> {
  return db.transaction(async (tx) => {
    const rec = await lockOpen(tx, actor, recommendationId);
    const [after] = await tx
      .update(coachingRecommendations)
      .set({ dismissedAt: new Date() })
      .where(eq(coachingRecommendations.id, rec.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'coaching_recommendation.dismiss',
      objectType: 'coaching_recommendation',
      objectId: rec.id,
      regionCode: rec.kabkotaCode,
      reason: reason ?? null,
      after: { dismissedAt: after!.dismissedAt },
    });
    const [subject] = await tx.select({ name: ikm.name }).from(ikm).where(eq(ikm.id, rec.ikmId));
    return { recommendation: after!, ikmName: subject?.name ?? '' };
  });
}

/** For one coaching need of an IKM: the open programmes it could join, and those it already takes part in. */
export interface NeedProgrammes {
  kind: CoachingKind;
  open: ProgrammeRow[];
  taking: ProgrammeRow[];
}

/**
 * The open programmes (not ended, in the actor's scope) answering each coaching kind an IKM needs,
 * split into those it could join and those it already takes part in.
 */
export async function programmesForNeeds(
  db: Db,
  actor: Actor,
  ikmId: string,
  kinds: CoachingKind[],
  today = localDate(),
): Promise<NeedProgrammes[]> {
  const programmes = await openProgrammes(db, actor, [...new Set(kinds)], today);
  const taken = new Set<string>();
  if (programmes.length) {
    const rows = await db
      .select({ programmeId: coachingParticipants.programmeId })
      .from(coachingParticipants)
      .where(
        and(
          eq(coachingParticipants.ikmId, ikmId),
          inArray(
            coachingParticipants.programmeId,
            programmes.map((p) => p.id),
          ),
          isNull(coachingParticipants.removedAt),
        ),
      );
    for (const row of rows) taken.add(row.programmeId);
  }
  return kinds.map((kind) => {
    const matching = programmes.filter((p) => p.kind === kind);
    return {
      kind,
      open: matching.filter((p) => !taken.has(p.id)),
      taking: matching.filter((p) => taken.has(p.id)),
    };
  });
}

/**
 * Answers one coaching need of a gap analysis in one step: records the gap's recommendations of that
 * kind (once; those already recorded are reused), enrols the IKM in the chosen programme (of that
 * kind, not ended, in scope) and marks the recommendations acted on. An IKM already taking part is
 * not enrolled twice (`already`).
 */
export async function enrolForNeed(
  db: Db,
  actor: Actor,
  items: NewRecommendation[],
  programmeId: string,
  today = localDate(),
): Promise<{ programme: ProgrammeRow; ikmName: string; already: boolean; recommendations: number }> {
  const first = items[0];
  if (!first || items.some((i) => i.ikmId !== first.ikmId || i.coachingKind !== first.coachingKind))
    throw new Error('enrolForNeed: the items must be one IKM’s recommendations of one kind');
  const subject = await ikmInScope(db, actor, first.ikmId);
  const programme = await programmeInScope(db, actor, programmeId);
  assertProgrammeFits(actor, programme, { coachingKind: first.coachingKind, certificationKind: null }, today);
  return db.transaction(async (tx) => {
    await addRecommendations(tx, actor, items);
    const r = coachingRecommendations;
    const refs = items.filter((i) => i.sourceRef);
    const recs = refs.length
      ? await tx
          .select()
          .from(r)
          .where(
            and(
              eq(r.ikmId, subject.id),
              eq(r.source, first.source),
              eq(r.coachingKind, first.coachingKind),
              inArray(r.sourceRef, [...new Set(refs.map((i) => i.sourceRef!))]),
              inArray(
                r.criterionCode,
                refs.map((i) => i.criterionCode ?? ''),
              ),
              openSql,
            ),
          )
          .orderBy(desc(r.lostPoints), r.criterionCode)
          .for('update')
      : [];
    const { added } = await addParticipants(tx, actor, programme.id, [subject.id], {
      source: 'recommendation',
      ...(recs[0] ? { recommendationId: recs[0].id } : {}),
    });
    for (const rec of recs) {
      await tx
        .update(r)
        .set({ actedOnProgrammeId: programme.id, actedOnAt: new Date() })
        .where(eq(r.id, rec.id));
      await writeAudit(tx, actor, {
        action: 'coaching_recommendation.enrol',
        objectType: 'coaching_recommendation',
        objectId: rec.id,
        regionCode: rec.kabkotaCode,
        before: { actedOnProgrammeId: null },
        after: { actedOnProgrammeId: programme.id, programmeTitle: programme.title },
      });
    }
    return { programme, ikmName: subject.name, already: added.length === 0, recommendations: recs.length };
  });
}
