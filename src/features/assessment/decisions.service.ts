/**
 * What people decide about results: the moderation of a flagged nomination (a discussion among its
 * assessors, who submitted their own sheet, and the admin; then the agreed score with its reason) and
 * the admin's decision (the computed star, or an override with its reason), which locks the result,
 * moves the nomination to `decided` and turns its gap analysis into coaching recommendations.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { assignments, moderationPosts, nominationResults, scoreSheets } from '../../db/schema/scoring.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { DomainError, NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import type { Message } from '../../platform/i18n.ts';
import { deliverAfterCommit, type MailConfig, notify, provinceAdmins } from '../../platform/notify.ts';
import type { Lang } from '../../platform/domain.ts';
import { addRecommendations, type NewRecommendation } from '../coaching/recommendations.service.ts';
import { stateLabel } from '../cycles/nominations.messages.ts';
import type { NominationEnv } from '../nominations/nominations.env.ts';
import { decideNomination } from '../nominations/nominations.transitions.ts';
import { starText } from './classify.rules.ts';
import type { GapAnalysis } from './gap.rules.ts';
import { resultsRules } from './results.messages.ts';
import { gapsOf, type ResultRow, resultOf, type StoredResult, starChangeOf } from './results.service.ts';
import type { CoachingKind } from './rubric.rules.ts';

const isAdmin = (actor: Actor) => actor.role === 'admin_provinsi' || actor.role === 'system';

/**
 * Who may take part in a nomination's moderation: the admin, and each assessor assigned to it once
 * they submitted their own sheet (before that, or unassigned, the nomination does not exist: 404).
 */
export async function assertModerationAccess(db: Db, actor: Actor, nominationId: string): Promise<void> {
  if (isAdmin(actor)) return;
  if (actor.role !== 'penilai' || !actor.userId) throw new NotFoundError('nomination');
  const [own] = await db
    .select({ status: scoreSheets.status })
    .from(assignments)
    .innerJoin(scoreSheets, eq(scoreSheets.assignmentId, assignments.id))
    .where(and(eq(assignments.nominationId, nominationId), eq(assignments.assessorId, actor.userId)));
  if (own?.status !== 'submitted') throw new NotFoundError('nomination');
}

export interface PostView {
  id: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: Date;
}

/** The moderation's posts, oldest first. */
export async function moderationPostsOf(db: Db, actor: Actor, nominationId: string): Promise<PostView[]> {
  await assertModerationAccess(db, actor, nominationId);
  return db
    .select({
      id: moderationPosts.id,
      authorName: users.name,
      authorRole: users.role,
      body: moderationPosts.body,
      createdAt: moderationPosts.createdAt,
    })
    .from(moderationPosts)
    .innerJoin(users, eq(users.id, moderationPosts.authorId))
    .where(eq(moderationPosts.nominationId, nominationId))
    .orderBy(asc(moderationPosts.createdAt), asc(moderationPosts.id));
}

/**
 * Adds a post to a nomination's moderation; the other participants (its assessors who submitted, and
 * the province admins) are notified with a link to it, so an assessor finds the discussion.
 */
export async function addModerationPost(
  db: Db,
  mail: MailConfig,
  actor: Actor,
  nominationId: string,
  body: string,
): Promise<void> {
  await assertModerationAccess(db, actor, nominationId);
  const { row } = await resultOf(db, nominationId);
  const sent = await db.transaction(async (tx) => {
    const [post] = await tx
      .insert(moderationPosts)
      .values({ nominationId, authorId: actor.userId!, body })
      .returning();
    await writeAudit(tx, actor, {
      action: 'moderation.post',
      objectType: 'nomination',
      objectId: nominationId,
      regionCode: row.nomination.kabkotaCode,
      after: { postId: post!.id, body },
    });
    const submitted = await tx
      .select({ id: scoreSheets.assessorId })
      .from(scoreSheets)
      .where(and(eq(scoreSheets.nominationId, nominationId), eq(scoreSheets.status, 'submitted')));
    const others = [...new Set([...submitted.map((s) => s.id), ...(await provinceAdmins(tx))])].filter(
      (id) => id !== actor.userId,
    );
    return notify(tx, mail, {
      userIds: others,
      kind: 'moderation.post',
      message: {
        title: moderationNotice.title,
        body: moderationNotice.body,
        params: { product: row.nomination.productName, ikm: row.nomination.ikmName },
      },
      link: `/assessment/nominations/${nominationId}/moderation`,
      email: false,
    });
  });
  if (sent > 0) void deliverAfterCommit(db, mail);
}

const moderationNotice = {
  title: { id: 'Tanggapan baru dalam moderasi', en: 'A new post in a moderation' },
  body: {
    id: 'Ada tanggapan baru dalam moderasi nilai {product} ({ikm}).',
    en: 'There is a new post in the moderation of {product} ({ikm}).',
  },
};

function assertOpen(row: ResultRow): void {
  if (
    row.stored?.status === 'decided' ||
    row.nomination.state === 'decided' ||
    row.nomination.state === 'published'
  )
    throw ruleViolation('_form', resultsRules.locked, {}, 409);
}

/** Locks the nomination's result row, creating it (open) when missing; refuses a stale version. */
async function lockResult(tx: Db, row: ResultRow, version: number | undefined): Promise<StoredResult> {
  await tx
    .insert(nominationResults)
    .values({
      nominationId: row.nomination.id,
      cycleId: row.nomination.cycleId,
      kabkotaCode: row.nomination.kabkotaCode,
    })
    .onConflictDoNothing();
  const [locked] = await tx
    .select()
    .from(nominationResults)
    .where(eq(nominationResults.nominationId, row.nomination.id))
    .for('update');
  // Version 0 stands for "no row yet" on the form: a row made meanwhile by someone else is version 1+.
  const fresh = row.stored === null && locked!.version === 1 && (version === 0 || version === undefined);
  if (version !== undefined && !fresh && locked!.version !== version) throw new StaleVersionError(locked);
  if (locked!.status === 'decided') throw ruleViolation('_form', resultsRules.locked, {}, 409);
  return locked!;
}

/** The admin records the score the moderation agreed on, with its reason (flagged nominations only). */
export async function recordAgreedScore(
  db: Db,
  actor: Actor,
  nominationId: string,
  input: { score: number; reason: string; version?: number | undefined },
): Promise<StoredResult> {
  if (!isAdmin(actor)) throw new NotFoundError('nomination');
  const { row } = await resultOf(db, nominationId);
  assertOpen(row);
  if (!row.result.flagged) throw ruleViolation('agreedScore', resultsRules.notFlagged);
  return db.transaction(async (tx) => {
    const before = await lockResult(tx, row, input.version);
    const [updated] = await tx
      .update(nominationResults)
      .set({
        agreedScore: input.score,
        agreedReason: input.reason,
        moderatedBy: actor.userId,
        moderatedAt: new Date(),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(nominationResults.nominationId, nominationId))
      .returning();
    await writeAudit(tx, actor, {
      action: 'result.moderate',
      objectType: 'nomination',
      objectId: nominationId,
      regionCode: row.nomination.kabkotaCode,
      before: { agreedScore: before.agreedScore, agreedReason: before.agreedReason },
      after: { agreedScore: input.score, agreedReason: input.reason, aggregate: row.result.mean },
      reason: input.reason,
    });
    return updated!;
  });
}

/** What a decision would record, shown on the confirmation step before anything is written. */
export interface DecisionPreview {
  row: ResultRow;
  computedStar: number;
  finalStar: number;
  overrideReason: string | null;
}

/**
 * Checks a decision without writing: the nomination is `assessed` with every sheet submitted, the
 * result not yet decided, and an override of the computed star carries a reason.
 */
export async function previewDecision(
  db: Db,
  actor: Actor,
  nominationId: string,
  input: { star?: number | null | undefined; overrideReason?: string | undefined },
): Promise<DecisionPreview> {
  if (!isAdmin(actor)) throw new NotFoundError('nomination');
  const { view, row } = await resultOf(db, nominationId);
  assertOpen(row);
  const { result } = row;
  if (result.expected !== null && result.count < result.expected)
    throw ruleViolation('_form', resultsRules.sheetsIncomplete, {
      count: result.count,
      expected: result.expected,
    });
  if (row.nomination.state !== 'assessed' || !row.classification)
    throw ruleViolation('_form', resultsRules.notAssessed, {
      state: stateLabel(row.nomination.state, actor.lang),
    });
  const computedStar = row.classification.star;
  const star = input.star ?? computedStar;
  if (!Number.isInteger(star) || star < 0 || star > view.scale.maxStar)
    throw ruleViolation('star', resultsRules.starOutOfScale, { max: view.scale.maxStar });
  const reason = input.overrideReason?.trim() || null;
  if (star !== computedStar && !reason)
    throw ruleViolation('overrideReason', resultsRules.overrideReasonRequired, {
      computed: starText(computedStar)[actor.lang],
    });
  return { row, computedStar, finalStar: star, overrideReason: star !== computedStar ? reason : null };
}

/**
 * Decides a nomination's result: records the score, the computed star, the gates that applied, the
 * decided star (an override keeps its reason beside the computed one), the earlier star and what
 * happened to it; locks it; moves the nomination to `decided`; and adds its gap analysis to the
 * coaching recommendations. The earlier_awards row of this cycle is added at publication (awards).
 */
export async function decideResult(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  nominationId: string,
  input: {
    star?: number | null | undefined;
    overrideReason?: string | undefined;
    version?: number | undefined;
  },
): Promise<{ result: StoredResult; recommendations: number }> {
  const preview = await previewDecision(db, actor, nominationId, input);
  const { row } = preview;
  const { view } = await resultOf(db, nominationId);
  const gaps = await gapsOf(db, view, row);
  return db.transaction(async (tx) => {
    const before = await lockResult(tx, row, input.version);
    const now = new Date();
    const [updated] = await tx
      .update(nominationResults)
      .set({
        status: 'decided',
        score: row.classification!.score,
        computedStar: preview.computedStar,
        appliedGates: row.classification!.gates,
        finalStar: preview.finalStar,
        overrideReason: preview.overrideReason,
        previousStar: row.previous?.stars ?? null,
        starChange: starChangeOf(row.previous?.stars, preview.finalStar),
        decidedBy: actor.userId,
        decidedAt: now,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(nominationResults.nominationId, nominationId))
      .returning();
    await decideNomination(tx, env, actor, nominationId, {
      decisionApproved: true,
      reason: preview.overrideReason ?? undefined,
    });
    await writeAudit(tx, actor, {
      action: 'result.decide',
      objectType: 'nomination',
      objectId: nominationId,
      regionCode: row.nomination.kabkotaCode,
      before: { status: before.status },
      after: {
        score: updated!.score,
        computedStar: updated!.computedStar,
        finalStar: updated!.finalStar,
        previousStar: updated!.previousStar,
        starChange: updated!.starChange,
      },
      reason: preview.overrideReason,
    });
    const added = gaps ? await addRecommendations(tx, actor, gapRecommendations(row, gaps, actor.lang)) : [];
    return { result: updated!, recommendations: added.length };
  });
}

/** The coaching recommendations a gap analysis makes: one per coachable criterion that lost points (of one kind when given). */
export function gapRecommendations(
  row: ResultRow,
  gaps: GapAnalysis,
  lang: Lang,
  kind?: CoachingKind,
): NewRecommendation[] {
  return gaps.criteria
    .filter((g) => g.coachable && g.lost > 0 && (kind === undefined || g.coaching === kind))
    .map((g) => ({
      ikmId: row.nomination.ikmId,
      source: 'gap_analysis' as const,
      coachingKind: g.coaching,
      text: g.note.text[lang],
      criterionCode: g.code,
      cycleId: row.nomination.cycleId,
      sourceRef: row.nomination.id,
      lostPoints: g.lost,
    }));
}

export interface BulkDecision {
  id: string;
  name: string;
  ok: boolean;
  message?: Message;
  params?: Record<string, string | number>;
}

/** Decides many results with their computed star, each on its own; those that cannot be decided are skipped with the reason. */
export async function bulkDecideResults(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  ids: readonly string[],
): Promise<BulkDecision[]> {
  const out: BulkDecision[] = [];
  for (const id of ids) {
    let name = id;
    try {
      const [n] = await db.select({ id: nominations.id }).from(nominations).where(eq(nominations.id, id));
      if (!n) throw new NotFoundError('nomination');
      name = (await resultOf(db, id)).row.nomination.productName;
      await decideResult(db, env, actor, id, {});
      out.push({ id, name, ok: true });
    } catch (err) {
      if (err instanceof DomainError)
        out.push({ id, name, ok: false, message: err.userMessage, params: err.params });
      else if (err instanceof NotFoundError)
        out.push({
          id,
          name,
          ok: false,
          message: { id: 'Usulan tidak ditemukan.', en: 'Nomination not found.' },
        });
      else if (err instanceof StaleVersionError)
        out.push({
          id,
          name,
          ok: false,
          message: { id: 'Hasil berubah; periksa lagi.', en: 'The result changed; check again.' },
        });
      else throw err;
    }
  }
  return out;
}
