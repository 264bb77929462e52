/**
 * Conflicts of interest, on record before any assignment: declared by an assessor for any IKM,
 * recorded by the admin, or a suggestion (same institution, phone or e-mail) the admin confirmed.
 * Only the admin withdraws one, with a reason; nothing is deleted, every change is audited.
 *
 * THE CONTRACT every later part of the assessment must keep: before assigning an assessor to a
 * nomination, and on every assessor-facing page and API endpoint that shows a nomination, its
 * documents or its scores, call `isConflicted(db, assessorId, ikmId)` (or `conflictsFor` for many
 * at once) with the nomination's IKM. A conflicted assessor can never be assigned, never see the
 * nomination, and never see its scores — answer 404 as for anything outside one's scope.
 */
import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { conflictDismissals, conflicts } from '../../db/schema/assessment.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { render } from '../../platform/i18n.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { ikmContactCandidates, ikmNames, type IkmNameRow, ikmNameSearch } from '../registry/ikm.lookups.ts';
import type { ConflictSource } from './assessment.domain.ts';
import { assessorContacts, getAssessor } from './assessors.service.ts';
import {
  type ConflictKind,
  type ConflictSuggestion,
  normaliseEmail,
  normaliseInstitution,
  normalisePhone,
  suggestConflicts,
} from './conflicts.rules.ts';
import { conflictErrors } from './conflicts.messages.ts';

export type ConflictRow = typeof conflicts.$inferSelect;

/** A conflict in force, as assignment needs it. */
export interface ActiveConflict {
  id: string;
  assessorId: string;
  ikmId: string;
  kind: ConflictKind;
}

/**
 * The conflicts in force (not withdrawn) for these assessors and/or IKMs (both given: pairs among
 * them). Assignment calls it once for a whole cycle. See the contract in this module's header.
 */
export async function conflictsFor(
  db: Db,
  filter: { assessorIds?: readonly string[]; ikmIds?: readonly string[] },
): Promise<ActiveConflict[]> {
  if (filter.assessorIds?.length === 0 || filter.ikmIds?.length === 0) return [];
  return db
    .select({
      id: conflicts.id,
      assessorId: conflicts.assessorId,
      ikmId: conflicts.ikmId,
      kind: conflicts.kind,
    })
    .from(conflicts)
    .where(
      and(
        isNull(conflicts.withdrawnAt),
        filter.assessorIds ? inArray(conflicts.assessorId, [...filter.assessorIds]) : undefined,
        filter.ikmIds ? inArray(conflicts.ikmId, [...filter.ikmIds]) : undefined,
      ),
    );
}

/**
 * Whether the assessor has a conflict in force with the IKM. A true answer means: never assign,
 * never show the nomination or its scores to this assessor (see this module's header).
 */
export async function isConflicted(db: Db, assessorId: string, ikmId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conflicts.id })
    .from(conflicts)
    .where(
      and(eq(conflicts.assessorId, assessorId), eq(conflicts.ikmId, ikmId), isNull(conflicts.withdrawnAt)),
    )
    .limit(1);
  return row !== undefined;
}

// Finding an IKM to declare against -------------------------------------------------------------------

/** IKMs by name (and kab/kota): name and region only, for people who otherwise see no registry. */
export function searchIkmForConflict(
  db: Db,
  filter: { q?: string | undefined; kabkotaCode?: string | undefined },
): Promise<IkmNameRow[]> {
  return ikmNameSearch(db, filter, 25);
}

/** The name and region of one live IKM, or 404. */
export async function ikmForConflict(db: Db, ikmId: string): Promise<IkmNameRow> {
  const row = (await ikmNames(db, [ikmId])).get(ikmId);
  if (!row || row.archived) throw new NotFoundError('ikm');
  return row;
}

// Recording --------------------------------------------------------------------------------------------

async function existingInForce(tx: Db, assessorId: string, ikmId: string): Promise<ConflictRow | undefined> {
  const [row] = await tx
    .select()
    .from(conflicts)
    .where(
      and(eq(conflicts.assessorId, assessorId), eq(conflicts.ikmId, ikmId), isNull(conflicts.withdrawnAt)),
    )
    .limit(1);
  return row;
}

async function insertConflict(
  db: Db,
  actor: Actor,
  input: {
    assessorId: string;
    ikmId: string;
    kind: ConflictKind;
    note?: string | undefined;
    source: ConflictSource;
    matches?: { on: string; value: string }[] | null;
  },
): Promise<ConflictRow> {
  const ikm = await ikmForConflict(db, input.ikmId);
  return db.transaction(async (tx) => {
    const existing = await existingInForce(tx, input.assessorId, input.ikmId);
    if (existing)
      throw new DomainError(
        conflictErrors.alreadyDeclared,
        { ikm: ikm.name },
        { ikmId: render(conflictErrors.alreadyDeclared, actor.lang, { ikm: ikm.name }) },
        409,
      );
    const [row] = await tx
      .insert(conflicts)
      .values({
        assessorId: input.assessorId,
        ikmId: input.ikmId,
        provinceCode: ikm.provinceCode,
        kabkotaCode: ikm.kabkotaCode,
        kind: input.kind,
        note: input.note?.trim() || null,
        source: input.source,
        matches: input.matches ?? null,
        declaredBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new DomainError(conflictErrors.alreadyDeclared, { ikm: ikm.name }, {}, 409);
    await writeAudit(tx, actor, {
      action: `conflict.${input.source === 'assessor' ? 'declare' : input.source === 'admin' ? 'record' : 'confirm'}`,
      objectType: 'conflict',
      objectId: row.id,
      regionCode: ikm.kabkotaCode,
      after: {
        assessorId: row.assessorId,
        ikmId: row.ikmId,
        ikm: ikm.name,
        kind: row.kind,
        note: row.note,
        matches: row.matches,
      },
    });
    return row;
  });
}

/** An assessor declares their own conflict with an IKM. */
export async function declareConflict(
  db: Db,
  actor: Actor,
  input: { ikmId: string; kind: ConflictKind; note?: string | undefined },
): Promise<ConflictRow> {
  if (actor.role !== 'penilai' || !actor.userId) throw new NotFoundError('assessor');
  return insertConflict(db, actor, { ...input, assessorId: actor.userId, source: 'assessor' });
}

/** The admin records a conflict for an assessor. */
export async function recordConflict(
  db: Db,
  actor: Actor,
  input: { assessorId: string; ikmId: string; kind: ConflictKind; note?: string | undefined },
): Promise<ConflictRow> {
  await getAssessor(db, input.assessorId);
  return insertConflict(db, actor, { ...input, source: 'admin' });
}

/** The admin withdraws a conflict, with a reason (audited; the row stays, marked withdrawn). */
export async function withdrawConflict(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason: string; version: number },
): Promise<ConflictRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(conflicts).where(eq(conflicts.id, id)).for('update');
    if (!before) throw new NotFoundError('conflict');
    if (before.version !== input.version) throw new StaleVersionError(before);
    if (before.withdrawnAt) throw new DomainError(conflictErrors.alreadyWithdrawn, {}, {}, 409);
    const [after] = await tx
      .update(conflicts)
      .set({
        withdrawnAt: new Date(),
        withdrawnBy: actor.userId,
        withdrawReason: input.reason.trim(),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(conflicts.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'conflict.withdraw',
      objectType: 'conflict',
      objectId: id,
      regionCode: before.kabkotaCode,
      before: { kind: before.kind, note: before.note },
      after: { withdrawnAt: after!.withdrawnAt },
      reason: input.reason.trim(),
    });
    return after!;
  });
}

// Reading ----------------------------------------------------------------------------------------------

/** A conflict as shown: with the assessor's and the IKM's names. */
export interface ConflictView extends ConflictRow {
  assessorName: string;
  ikmName: string;
  declaredByName: string | null;
  withdrawnByName: string | null;
}

async function withNames(db: Db, rows: ConflictRow[]): Promise<ConflictView[]> {
  const userIds = [
    ...new Set(
      rows.flatMap((r) => [r.assessorId, r.declaredBy, r.withdrawnBy]).filter((x): x is string => !!x),
    ),
  ];
  const names = new Map(
    userIds.length
      ? (
          await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const ikms = await ikmNames(
    db,
    rows.map((r) => r.ikmId),
  );
  return rows.map((r) => ({
    ...r,
    assessorName: names.get(r.assessorId) ?? '',
    ikmName: ikms.get(r.ikmId)?.name ?? '',
    declaredByName: r.declaredBy ? (names.get(r.declaredBy) ?? null) : null,
    withdrawnByName: r.withdrawnBy ? (names.get(r.withdrawnBy) ?? null) : null,
  }));
}

/** An assessor reads their own conflicts; the admin reads every one. Others: none. */
function scopeSql(actor: Actor): SQL | undefined {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'penilai' && actor.userId) return eq(conflicts.assessorId, actor.userId);
  return sql`false`;
}

export interface ConflictFilter {
  assessorId?: string | undefined;
  status?: 'active' | 'withdrawn' | 'all' | undefined;
  after?: string | undefined;
  before?: string | undefined;
}

/** Conflicts in the actor's scope, newest first, a keyset page at a time. */
export async function listConflicts(
  db: Db,
  actor: Actor,
  filter: ConflictFilter,
  limit = 50,
): Promise<Page<ConflictView>> {
  const status = filter.status ?? 'all';
  const page = await paginate<ConflictRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [conflicts.createdAt, conflicts.id],
    dir: 'desc',
    keyOf: (r) => [r.createdAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(conflicts)
        .where(
          and(
            scopeSql(actor),
            filter.assessorId ? eq(conflicts.assessorId, filter.assessorId) : undefined,
            status === 'active' ? isNull(conflicts.withdrawnAt) : undefined,
            status === 'withdrawn' ? isNotNull(conflicts.withdrawnAt) : undefined,
            where,
          ),
        )
        .orderBy(...orderBy)
        .limit(lim),
  });
  return { ...page, rows: await withNames(db, page.rows) };
}

/** One conflict in the actor's scope (another assessor's answers 404). */
export async function getConflict(db: Db, actor: Actor, id: string): Promise<ConflictView> {
  const [row] = await db
    .select()
    .from(conflicts)
    .where(and(eq(conflicts.id, id), scopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('conflict');
  return (await withNames(db, [row]))[0]!;
}

// Suggestions ------------------------------------------------------------------------------------------

/** A suggestion as shown: with names and the IKM's kab/kota. */
export interface SuggestionView extends ConflictSuggestion {
  assessorName: string;
  ikmName: string;
  kabkotaCode: string;
}

/**
 * Likely conflicts not yet on record: an assessor and an IKM (or its owner's account) sharing an
 * institution, a phone or an e-mail. Pairs with a conflict (in force or withdrawn) or a dismissal
 * are left out, so each is decided once.
 */
export async function conflictSuggestions(db: Db): Promise<SuggestionView[]> {
  const assessors = await assessorContacts(db);
  if (assessors.length === 0) return [];
  const phones = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const a of assessors) {
    for (const p of a.phones) {
      const x = normalisePhone(p);
      if (x) phones.add(x);
    }
    for (const e of a.emails) {
      const x = normaliseEmail(e);
      if (x) emails.add(x);
    }
    for (const i of a.institutions) {
      const x = normaliseInstitution(i);
      if (x) names.add(x);
    }
  }
  const candidates = await ikmContactCandidates(db, {
    phones: [...phones],
    emails: [...emails],
    names: [...names],
  });
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.id);
  const decided = [
    ...(await db
      .select({ assessorId: conflicts.assessorId, ikmId: conflicts.ikmId })
      .from(conflicts)
      .where(inArray(conflicts.ikmId, ids))),
    ...(await db
      .select({ assessorId: conflictDismissals.assessorId, ikmId: conflictDismissals.ikmId })
      .from(conflictDismissals)
      .where(inArray(conflictDismissals.ikmId, ids))),
  ];
  const suggestions = suggestConflicts(
    assessors,
    candidates.map((c) => ({
      id: c.id,
      label: c.name,
      institutions: [c.name, c.ownerInstitution],
      phones: [c.phone, c.ownerPhone],
      emails: [c.email, c.ownerEmail],
    })),
    decided,
  );
  const byIkm = new Map(candidates.map((c) => [c.id, c]));
  const byAssessor = new Map(assessors.map((a) => [a.id, a.label]));
  return suggestions
    .map((s) => ({
      ...s,
      assessorName: byAssessor.get(s.assessorId) ?? '',
      ikmName: byIkm.get(s.ikmId)?.name ?? '',
      kabkotaCode: byIkm.get(s.ikmId)?.kabkotaCode ?? '',
    }))
    .sort((a, b) => a.assessorName.localeCompare(b.assessorName) || a.ikmName.localeCompare(b.ikmName));
}

async function currentSuggestion(db: Db, assessorId: string, ikmId: string): Promise<SuggestionView> {
  const found = (await conflictSuggestions(db)).find((s) => s.assessorId === assessorId && s.ikmId === ikmId);
  if (!found) throw new DomainError(conflictErrors.suggestionGone, {}, {}, 409);
  return found;
}

/** The admin confirms a suggestion: it becomes a conflict in force, with what the two share. */
export async function confirmSuggestion(
  db: Db,
  actor: Actor,
  input: { assessorId: string; ikmId: string; kind: ConflictKind; note?: string | undefined },
): Promise<ConflictRow> {
  const s = await currentSuggestion(db, input.assessorId, input.ikmId);
  return insertConflict(db, actor, {
    ...input,
    note: input.note?.trim() || s.note.text[actor.lang],
    source: 'suggestion',
    matches: s.matches,
  });
}

/** The admin dismisses a suggestion with a reason; it is not suggested again (audited). */
export async function dismissSuggestion(
  db: Db,
  actor: Actor,
  input: { assessorId: string; ikmId: string; reason: string },
): Promise<void> {
  const s = await currentSuggestion(db, input.assessorId, input.ikmId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(conflictDismissals)
      .values({
        assessorId: input.assessorId,
        ikmId: input.ikmId,
        matches: s.matches,
        reason: input.reason.trim(),
        dismissedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: conflictDismissals.id });
    if (!row) throw new DomainError(conflictErrors.suggestionGone, {}, {}, 409);
    await writeAudit(tx, actor, {
      action: 'conflict.suggestion_dismiss',
      objectType: 'conflict_suggestion',
      objectId: row.id,
      regionCode: s.kabkotaCode,
      after: { assessorId: input.assessorId, ikmId: input.ikmId, matches: s.matches },
      reason: input.reason.trim(),
    });
  });
}

/** How many conflicts in force an assessor has and how many suggestions wait (for the admin's pages). */
export async function conflictCounts(db: Db): Promise<{ active: number; suggestions: number }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conflicts)
    .where(isNull(conflicts.withdrawnAt));
  return { active: Number(row?.n ?? 0), suggestions: (await conflictSuggestions(db)).length };
}

/** The newest conflicts of one assessor (their landing page). */
export async function recentOwnConflicts(db: Db, actor: Actor, limit = 5): Promise<ConflictView[]> {
  if (!actor.userId) return [];
  const rows = await db
    .select()
    .from(conflicts)
    .where(eq(conflicts.assessorId, actor.userId))
    .orderBy(desc(conflicts.createdAt))
    .limit(limit);
  return withNames(db, rows);
}
