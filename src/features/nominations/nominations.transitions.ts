/**
 * Every move of a nomination, one function per move (DESIGN.md §2, ADR 0300). Each computes its
 * guard facts, asks the one table (checkTransition), and writes the new state, the history row, the
 * audit row and the notifications in one transaction; e-mail leaves after the commit. A refused move
 * says why in the user's words: the deadline, each missing document, the quota, each unconfirmed item.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominationReviews, nominations, nominationTransitions } from '../../db/schema/nominations.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Lang, NominationState } from '../../platform/domain.ts';
import { DomainError, NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { formatDateTime, localDate } from '../../platform/format.ts';
import type { Message } from '../../platform/i18n.ts';
import {
  deliverAfterCommit,
  type NotifyInput,
  notify,
  officersOf,
  provinceAdmins,
} from '../../platform/notify.ts';
import { type ChecklistItem, freezeCycle, getCycleConfig, quotaFor } from '../cycles/cycles.service.ts';
import { assertWithinProposalWindow } from '../cycles/deadline.ts';
import {
  checkTransition,
  type GuardFacts,
  type NominationAction,
  type TransitionCheck,
  type TransitionGuard,
} from '../cycles/nomination-states.ts';
import { transitionRefusal } from '../cycles/nominations.messages.ts';
import type { NominationEnv } from './nominations.env.ts';
import type { ItemVerdict } from './nominations.forms.ts';
import { nominationNotices, nominationRules } from './nominations.messages.ts';
import {
  countNominations,
  getNomination,
  type ItemView,
  itemComplete,
  itemLabel,
  itemViews,
  missingItems,
  type NominationRow,
  QUOTA_STATES,
  quotaError,
  windowFor,
} from './nominations.service.ts';
import { productNames, regionNameOf } from './registry-reads.ts';

/** What a move's own parts see: the locked row, the clock, the transaction. */
interface MoveContext {
  tx: Db;
  env: NominationEnv;
  actor: Actor;
  row: NominationRow;
  now: Date;
  /** The row's checklist items as they stand now inside the transaction, checked against the deadline. */
  items(): Promise<ItemView[]>;
}

interface MoveSpec {
  action: NominationAction;
  /** The version the user read; omitted by system moves, which act on the row as it is. */
  version?: number | undefined;
  reason?: string | null | undefined;
  /** Writes that belong to the move but come before its check (the review's verdicts). */
  prepare?(ctx: MoveContext): Promise<void>;
  facts(ctx: MoveContext): Promise<GuardFacts>;
  /** Throws the specific message for a failed guard (the deadline, the missing items, the quota). */
  explain?(ctx: MoveContext, failed: TransitionGuard[]): Promise<void>;
  /** The columns the move sets besides the state. */
  set(ctx: MoveContext): Partial<typeof nominations.$inferInsert>;
  /** After the state is written: freezing the cycle and the like. */
  after?(ctx: MoveContext, updated: NominationRow): Promise<void>;
  notice?(ctx: MoveContext, updated: NominationRow): Promise<NotifyInput | null>;
}

const bothLangs = (render: (lang: Lang) => string): Message => ({ id: render('id'), en: render('en') });

/** A refused move as the error the pages and the API show. */
function refusal(check: Exclude<TransitionCheck, { ok: true }>): DomainError {
  return new DomainError(
    bothLangs((lang) => transitionRefusal(check, lang)),
    {},
    {},
    409,
  );
}

/** The one path every move takes: lock, check the version, check the table, write, audit, notify. */
async function move(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  spec: MoveSpec,
): Promise<NominationRow> {
  await getNomination(db, actor, id);
  const result = await db.transaction((tx) => moveWithin(tx, env, actor, id, spec));
  if (result.sent > 0) void deliverAfterCommit(db, env.mail);
  return result.updated;
}

/**
 * A move inside the caller's transaction (a cycle's publication moves every decided nomination in
 * the one transaction that publishes it); the caller delivers the e-mail after its commit.
 */
async function moveWithin(
  tx: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  spec: MoveSpec,
): Promise<{ updated: NominationRow; sent: number }> {
  const [row] = await tx.select().from(nominations).where(eq(nominations.id, id)).for('update');
  if (!row) throw new NotFoundError('nomination');
  if (spec.version !== undefined && row.version !== spec.version) throw new StaleVersionError(row);
  const now = env.now();
  const window = await windowFor(tx, row.cycleId, row.kabkotaCode, now);
  const ctx: MoveContext = {
    tx,
    env,
    actor,
    row,
    now,
    items: async () => (await itemViews(tx, row, window ? localDate(window.deadline) : null)).items,
  };
  const first = checkTransition({
    from: row.state,
    action: spec.action,
    requester: { role: actor.role, regionCode: actor.regionCode },
    nominationKabkota: row.kabkotaCode,
    facts: {},
  });
  if (!first.ok && first.reason !== 'guard_failed') throw refusal(first);
  await spec.prepare?.(ctx);
  const check = checkTransition({
    from: row.state,
    action: spec.action,
    requester: { role: actor.role, regionCode: actor.regionCode },
    nominationKabkota: row.kabkotaCode,
    facts: await spec.facts(ctx),
  });
  if (!check.ok) {
    if (check.reason === 'guard_failed') await spec.explain?.(ctx, check.failed);
    throw refusal(check);
  }
  const [updated] = await tx
    .update(nominations)
    .set({ ...spec.set(ctx), state: check.to, updatedAt: ctx.now, version: row.version + 1 })
    .where(eq(nominations.id, id))
    .returning();
  await spec.after?.(ctx, updated!);
  await tx.insert(nominationTransitions).values({
    nominationId: id,
    kabkotaCode: row.kabkotaCode,
    action: spec.action,
    fromState: row.state,
    toState: check.to,
    round: updated!.round,
    reason: spec.reason ?? null,
    actorUserId: actor.userId,
    at: ctx.now,
  });
  await writeAudit(tx, actor, {
    action: `nomination.${spec.action}`,
    objectType: 'nomination',
    objectId: id,
    regionCode: row.kabkotaCode,
    before: { state: row.state, round: row.round, version: row.version },
    after: { state: updated!.state, round: updated!.round, version: updated!.version },
    reason: spec.reason ?? null,
  });
  const notice = await spec.notice?.(ctx, updated!);
  const sent = notice ? await notify(tx, env.mail, notice) : 0;
  return { updated: updated!, sent };
}

// Facts and their explanations -----------------------------------------------------------------------

async function windowFacts(ctx: MoveContext) {
  const window = await windowFor(ctx.tx, ctx.row.cycleId, ctx.row.kabkotaCode, ctx.now);
  return { window, open: window?.state === 'open' };
}

function explainWindow(ctx: MoveContext, window: Awaited<ReturnType<typeof windowFor>>): void {
  if (!window) throw ruleViolation('_form', nominationRules.noProposalWindow, {}, 409);
  assertWithinProposalWindow(
    ctx.now,
    { startsAt: window.startsAt, endsAt: window.endsAt },
    window.extensionEndsAt,
  );
}

/** The missing or invalid required documents, each named, in both languages. */
function missingError(missing: ItemView[]): DomainError {
  const list = (lang: Lang) => missing.map((m) => itemLabel(m.item, lang)).join('; ');
  return ruleViolation('_form', nominationRules.missingDocuments, {
    items_id: list('id'),
    items_en: list('en'),
  });
}

async function quotaFacts(ctx: MoveContext) {
  const quota = await quotaFor(ctx.tx, ctx.row.cycleId, ctx.row.kabkotaCode);
  if (quota === null) return { quota, used: 0, ok: true };
  // Two submissions of one kab/kota at once must not both take the last place.
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`nomination-quota:${ctx.row.cycleId}:${ctx.row.kabkotaCode}`}))`,
  );
  const used = await countNominations(ctx.tx, ctx.row.cycleId, ctx.row.kabkotaCode, QUOTA_STATES, ctx.row.id);
  return { quota, used, ok: used < quota };
}

async function adminSelectionEnd(ctx: MoveContext): Promise<Date | null> {
  const config = await getCycleConfig(ctx.tx, ctx.row.cycleId);
  return config.phases.find((p) => p.phase === 'admin_selection')?.endsAt ?? null;
}

/** Names for the notices: product, IKM, kab/kota and cycle. */
async function names(ctx: MoveContext) {
  const found = (await productNames(ctx.tx, [ctx.row.productId])).get(ctx.row.productId);
  const [cycle] = await ctx.tx
    .select({ name: cycles.name })
    .from(cycles)
    .where(eq(cycles.id, ctx.row.cycleId));
  return {
    product: found?.product ?? '-',
    ikm: found?.ikm ?? '-',
    regency: await regionNameOf(ctx.tx, ctx.row.kabkotaCode),
    cycle: cycle?.name ?? '-',
  };
}

const link = (id: string) => `/nominations/${id}`;

// The officer's moves ----------------------------------------------------------------------------------

/**
 * Submits a draft: within the proposal window (the kab/kota's extension honoured), with every
 * required document present and valid on the deadline, within the quota. Freezes the cycle's
 * configuration and records its version; the province admins are notified.
 */
export async function submitNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<NominationRow> {
  let quota = { quota: null as number | null, used: 0, ok: true };
  let window: Awaited<ReturnType<typeof windowFor>> = null;
  return move(db, env, actor, id, {
    action: 'submit',
    version: input.version,
    async facts(ctx) {
      const w = await windowFacts(ctx);
      window = w.window;
      quota = await quotaFacts(ctx);
      return {
        withinProposalWindow: w.open,
        requiredDocumentsPresent: missingItems(await ctx.items()).length === 0,
        withinQuota: quota.ok,
      };
    },
    async explain(ctx, failed) {
      if (failed.includes('withinProposalWindow')) explainWindow(ctx, window);
      if (failed.includes('requiredDocumentsPresent')) throw missingError(missingItems(await ctx.items()));
      if (failed.includes('withinQuota'))
        throw await quotaError(ctx.tx, ctx.row.kabkotaCode, quota.quota ?? 0, quota.used);
    },
    set: (ctx) => ({
      round: ctx.row.round + 1,
      submittedAt: ctx.now,
      firstSubmittedAt: ctx.row.firstSubmittedAt ?? ctx.now,
    }),
    async after(ctx) {
      await freezeCycle(ctx.tx, ctx.actor, ctx.row.cycleId, ctx.now);
      const [cycle] = await ctx.tx
        .select({ configVersion: cycles.configVersion })
        .from(cycles)
        .where(eq(cycles.id, ctx.row.cycleId));
      await ctx.tx
        .update(nominations)
        .set({ configVersion: cycle!.configVersion })
        .where(eq(nominations.id, ctx.row.id));
    },
    async notice(ctx) {
      const n = await names(ctx);
      return {
        userIds: await provinceAdmins(ctx.tx),
        kind: 'nomination.submitted',
        message: {
          title: nominationNotices.submittedTitle,
          body: nominationNotices.submittedBody,
          params: n,
        },
        link: link(ctx.row.id),
      };
    },
  });
}

/**
 * Resubmits a returned nomination after correction, before administrative selection ends, with
 * every required document present. Each document's earlier versions stay; the admins are notified.
 */
export async function resubmitNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<NominationRow> {
  let end: Date | null = null;
  return move(db, env, actor, id, {
    action: 'resubmit',
    version: input.version,
    async facts(ctx) {
      end = await adminSelectionEnd(ctx);
      return {
        beforeAdminSelectionEnd: end === null || ctx.now.getTime() < end.getTime() + 60_000,
        requiredDocumentsPresent: missingItems(await ctx.items()).length === 0,
      };
    },
    async explain(ctx, failed) {
      if (failed.includes('beforeAdminSelectionEnd') && end)
        throw ruleViolation(
          '_form',
          nominationRules.adminSelectionOver,
          { when_id: formatDateTime(end, 'id'), when_en: formatDateTime(end, 'en') },
          409,
        );
      if (failed.includes('requiredDocumentsPresent')) throw missingError(missingItems(await ctx.items()));
    },
    set: (ctx) => ({ round: ctx.row.round + 1, submittedAt: ctx.now }),
    async after(ctx) {
      await freezeCycle(ctx.tx, ctx.actor, ctx.row.cycleId, ctx.now);
      const [cycle] = await ctx.tx
        .select({ configVersion: cycles.configVersion })
        .from(cycles)
        .where(eq(cycles.id, ctx.row.cycleId));
      await ctx.tx
        .update(nominations)
        .set({ configVersion: cycle!.configVersion })
        .where(eq(nominations.id, ctx.row.id));
    },
    async notice(ctx) {
      const n = await names(ctx);
      return {
        userIds: await provinceAdmins(ctx.tx),
        kind: 'nomination.resubmitted',
        message: {
          title: nominationNotices.resubmittedTitle,
          body: nominationNotices.resubmittedBody,
          params: n,
        },
        link: link(ctx.row.id),
      };
    },
  });
}

/** Withdraws a nomination before selection (the officer, or the admin), with a reason. */
export async function withdrawNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version: number; reason?: string | undefined },
): Promise<NominationRow> {
  const reason = input.reason?.trim() || null;
  return move(db, env, actor, id, {
    action: 'withdraw',
    version: input.version,
    reason,
    facts: async () => ({ reasonGiven: reason !== null }),
    async explain(_ctx, failed) {
      if (failed.includes('reasonGiven')) throw ruleViolation('reason', nominationRules.reasonRequired);
    },
    set: (ctx) => ({ withdrawnAt: ctx.now, withdrawnReason: reason }),
  });
}

// Administrative selection -------------------------------------------------------------------------------

/** What writing verdicts needs: the locked row, who, when, and the checklist's item ids. */
interface VerdictContext {
  tx: Db;
  actor: Actor;
  row: NominationRow;
  now: Date;
  items(): Promise<ItemView[]>;
}

/** Writes the province's verdicts of the current round (each fault must say what to correct). */
async function writeVerdicts(ctx: VerdictContext, verdicts: readonly ItemVerdict[]): Promise<void> {
  if (verdicts.length === 0) return;
  const known = new Set((await ctx.items()).map((i) => i.item.id));
  for (const v of verdicts) {
    if (!known.has(v.checklistItemId))
      throw ruleViolation(`verdict.${v.checklistItemId}`, nominationRules.itemUnknown);
    if (v.verdict === 'fault' && !v.comment?.trim())
      throw ruleViolation(`comment.${v.checklistItemId}`, nominationRules.commentRequired);
  }
  await ctx.tx.delete(nominationReviews).where(
    and(
      eq(nominationReviews.nominationId, ctx.row.id),
      eq(nominationReviews.round, ctx.row.round),
      inArray(
        nominationReviews.checklistItemId,
        verdicts.map((v) => v.checklistItemId),
      ),
    ),
  );
  await ctx.tx.insert(nominationReviews).values(
    verdicts.map((v) => ({
      nominationId: ctx.row.id,
      checklistItemId: v.checklistItemId,
      round: ctx.row.round,
      verdict: v.verdict,
      comment: v.verdict === 'fault' ? v.comment!.trim() : (v.comment?.trim() ?? null),
      reviewedBy: ctx.actor.userId,
      reviewedAt: ctx.now,
    })),
  );
}

/** The items the province must confirm: the required ones and any optional one with a document. */
const toConfirm = (items: ItemView[]) => items.filter((i) => i.item.required || i.current);

/** Verdicts "ok" for every unchecked item whose automatic checks pass (bulk confirmation). */
function automaticVerdicts(items: ItemView[]): ItemVerdict[] {
  return toConfirm(items)
    .filter((i) => !i.review && itemComplete(i.auto))
    .map((i) => ({ checklistItemId: i.item.id, verdict: 'ok' as const, comment: undefined }));
}

/** Saves the province's checks of a submitted nomination without moving it. */
export async function saveReview(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; items: readonly ItemVerdict[] },
): Promise<NominationRow> {
  const before = await getNomination(db, actor, id);
  if (actor.role !== 'admin_provinsi' && actor.role !== 'system') throw new NotFoundError('nomination');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(nominations).where(eq(nominations.id, id)).for('update');
    if (!row) throw new NotFoundError('nomination');
    if (row.version !== input.version) throw new StaleVersionError(row);
    if (row.state !== 'submitted')
      throw refusal({ ok: false, reason: 'not_allowed', from: row.state, action: 'pass' });
    const ctx: VerdictContext = {
      tx,
      actor,
      row,
      now: new Date(),
      items: async () => (await itemViews(tx, row, null)).items,
    };
    await writeVerdicts(ctx, input.items);
    const [updated] = await tx
      .update(nominations)
      .set({ updatedAt: ctx.now, version: row.version + 1 })
      .where(eq(nominations.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'nomination.review',
      objectType: 'nomination',
      objectId: id,
      regionCode: before.kabkotaCode,
      after: { round: row.round, items: input.items },
    });
    return updated!;
  });
}

/**
 * Returns a submitted nomination to its officer, with a comment on each faulty item; the officer is
 * notified with the comments and the end of administrative selection.
 */
export async function returnNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version: number; items: readonly ItemVerdict[]; reason?: string | undefined },
): Promise<NominationRow> {
  let faults: { item: ChecklistItem; comment: string }[] = [];
  return move(db, env, actor, id, {
    action: 'return',
    version: input.version,
    reason: input.reason?.trim() || null,
    prepare: (ctx) => writeVerdicts(ctx, input.items),
    async facts(ctx) {
      const items = await ctx.items();
      faults = items
        .filter((i) => i.review?.verdict === 'fault')
        .map((i) => ({ item: i.item, comment: i.review!.comment ?? '' }));
      return { commentOnEachFault: faults.length > 0 && faults.every((f) => f.comment.trim() !== '') };
    },
    async explain() {
      throw ruleViolation('_form', nominationRules.noFaultToReturn);
    },
    set: (ctx) => ({ returnCount: ctx.row.returnCount + 1 }),
    async notice(ctx) {
      const n = await names(ctx);
      const end = await adminSelectionEnd(ctx);
      return {
        userIds: await officersOf(ctx.tx, [ctx.row.kabkotaCode]),
        kind: 'nomination.returned',
        message: {
          title: nominationNotices.returnedTitle,
          body: nominationNotices.returnedBody,
          params: (lang: Lang) => ({
            ...n,
            faults: faults.map((f) => `- ${itemLabel(f.item, lang)}: ${f.comment}`).join('\n'),
            until: end ? formatDateTime(end, lang) : (nominationNotices.unknownDeadline[lang] as string),
          }),
        },
        link: link(ctx.row.id),
      };
    },
  });
}

/**
 * Passes a submitted nomination once every item to confirm is confirmed as correct (with
 * `confirmAutomatic`, every unchecked item whose automatic checks pass is confirmed first).
 */
export async function passNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: {
    version: number;
    items?: readonly ItemVerdict[];
    reason?: string | undefined;
    confirmAutomatic?: boolean;
  },
): Promise<NominationRow> {
  const reason = input.reason?.trim() || null;
  let unconfirmed: ItemView[] = [];
  return move(db, env, actor, id, {
    action: 'pass',
    version: input.version,
    reason,
    async prepare(ctx) {
      await writeVerdicts(ctx, input.items ?? []);
      if (input.confirmAutomatic) await writeVerdicts(ctx, automaticVerdicts(await ctx.items()));
    },
    async facts(ctx) {
      unconfirmed = toConfirm(await ctx.items()).filter((i) => i.review?.verdict !== 'ok');
      return { allItemsConfirmed: unconfirmed.length === 0 };
    },
    async explain() {
      const list = (lang: Lang) => unconfirmed.map((m) => itemLabel(m.item, lang)).join('; ');
      throw ruleViolation('_form', nominationRules.notAllConfirmed, {
        items_id: list('id'),
        items_en: list('en'),
      });
    },
    set: (ctx) => ({ decidedAt: ctx.now, decisionReason: reason }),
    async notice(ctx) {
      const n = await names(ctx);
      return {
        userIds: await officersOf(ctx.tx, [ctx.row.kabkotaCode]),
        kind: 'nomination.passed',
        message: {
          title: nominationNotices.passedTitle,
          body: nominationNotices.passedBody,
          params: { ...n, reason: reason ? ` ${reason}` : '' },
        },
        link: link(ctx.row.id),
      };
    },
  });
}

/** Fails a submitted nomination, with the reason the officer is told. */
export async function failNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version: number; items?: readonly ItemVerdict[]; reason?: string | undefined },
): Promise<NominationRow> {
  const reason = input.reason?.trim() || null;
  return move(db, env, actor, id, {
    action: 'fail',
    version: input.version,
    reason,
    prepare: (ctx) => writeVerdicts(ctx, input.items ?? []),
    facts: async () => ({ reasonGiven: reason !== null }),
    async explain() {
      throw ruleViolation('reason', nominationRules.reasonRequired);
    },
    set: (ctx) => ({ decidedAt: ctx.now, decisionReason: reason }),
    async notice(ctx) {
      const n = await names(ctx);
      return {
        userIds: await officersOf(ctx.tx, [ctx.row.kabkotaCode]),
        kind: 'nomination.failed',
        message: {
          title: nominationNotices.failedTitle,
          body: nominationNotices.failedBody,
          params: { ...n, reason: reason ?? '' },
        },
        link: link(ctx.row.id),
      };
    },
  });
}

// Assessment and after (the assessment feature supplies the facts it alone knows) -----------------------------

/** Puts a passed nomination into assessment once its assessors are assigned (facts from the assessment feature). */
export async function startAssessment(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version?: number; assessorsAssigned: boolean },
): Promise<NominationRow> {
  return move(db, env, actor, id, {
    action: 'start_assessment',
    version: input.version,
    facts: async () => ({ assessorsAssigned: input.assessorsAssigned }),
    set: () => ({}),
  });
}

/** Marks a nomination assessed once every assigned assessor submitted a score sheet. */
export async function completeAssessment(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version?: number; allScoreSheetsSubmitted: boolean },
): Promise<NominationRow> {
  return move(db, env, actor, id, {
    action: 'complete_assessment',
    version: input.version,
    facts: async () => ({ allScoreSheetsSubmitted: input.allScoreSheetsSubmitted }),
    set: () => ({}),
  });
}

/** Records that a nomination's star (or none) was decided and approved by the coordinator. */
export async function decideNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version?: number; decisionApproved: boolean; reason?: string | undefined },
): Promise<NominationRow> {
  return move(db, env, actor, id, {
    action: 'decide',
    version: input.version,
    reason: input.reason?.trim() || null,
    facts: async () => ({ decisionApproved: input.decisionApproved }),
    set: () => ({}),
  });
}

/** Publishes a decided nomination's result, during the cycle's publication phase (read here unless given). */
export async function publishNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version?: number; publicationOpen?: boolean } = {},
): Promise<NominationRow> {
  return move(db, env, actor, id, publishSpec(input));
}

/**
 * Publishes a decided nomination inside the caller's transaction (the awards feature publishes a
 * whole cycle at once); the publish move sends no e-mail, so there is nothing to deliver afterwards.
 */
export async function publishNominationWithin(
  tx: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  input: { version?: number; publicationOpen?: boolean } = {},
): Promise<NominationRow> {
  return (await moveWithin(tx, env, actor, id, publishSpec(input))).updated;
}

function publishSpec(input: { version?: number; publicationOpen?: boolean }): MoveSpec {
  return {
    action: 'publish',
    version: input.version,
    async facts(ctx) {
      if (input.publicationOpen !== undefined) return { publicationOpen: input.publicationOpen };
      const config = await getCycleConfig(ctx.tx, ctx.row.cycleId);
      const phase = config.phases.find((p) => p.phase === 'publication');
      const t = ctx.now.getTime();
      return {
        publicationOpen: !!phase && t >= phase.startsAt.getTime() && t < phase.endsAt.getTime() + 60_000,
      };
    },
    set: () => ({}),
  };
}

// Bulk ------------------------------------------------------------------------------------------------

export interface BulkOutcome {
  id: string;
  ok: boolean;
  /** Why it was skipped, in both languages. */
  message?: Message;
  params?: Record<string, string | number>;
}

/**
 * Passes or fails many submitted nominations, each in its own transaction and through the same
 * function as one at a time; those that do not qualify are skipped, each with its reason.
 */
export async function bulkDecide(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  input: {
    action: 'pass' | 'fail';
    nominations: readonly { id: string; version: number }[];
    confirmAutomatic?: boolean;
    reason?: string | undefined;
  },
): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for (const { id, version } of input.nominations) {
    try {
      if (input.action === 'pass')
        await passNomination(db, env, actor, id, {
          version,
          reason: input.reason,
          confirmAutomatic: input.confirmAutomatic ?? false,
        });
      else await failNomination(db, env, actor, id, { version, reason: input.reason });
      out.push({ id, ok: true });
    } catch (err) {
      if (err instanceof DomainError)
        out.push({ id, ok: false, message: err.userMessage, params: err.params });
      else if (err instanceof StaleVersionError) out.push({ id, ok: false, message: staleMessage });
      else if (err instanceof NotFoundError) out.push({ id, ok: false, message: notFoundMessage });
      else throw err;
    }
  }
  return out;
}

const staleMessage: Message = {
  id: 'Usulan ini berubah sejak Anda memilihnya; buka lagi dan periksa.',
  en: 'This nomination changed since you chose it; open it again and check.',
};
const notFoundMessage: Message = { id: 'Usulan tidak ditemukan.', en: 'Nomination not found.' };

/** The states a nomination may be withdrawn from (before selection), for pages that offer the button. */
export const WITHDRAWABLE: readonly NominationState[] = ['draft', 'submitted', 'returned'];
