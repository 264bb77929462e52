/**
 * Assignment of assessors to a cycle's nominations: by hand (one), in bulk (one assessor to several),
 * and automatically (k per nomination by the min-cost flow of assign.rules, previewed then confirmed).
 * Every path refuses a conflicted assessor naming the conflict, writes a draft score sheet with the
 * cycle's rubric version for the commodity, moves the nomination into assessment through the
 * nominations' transition hook, and notifies the assessors — all in one transaction.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { cycleCommodities, cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { regions } from '../../db/schema/regions.ts';
import { assignments, scoreEntries, scoreEvidence, scoreSheets } from '../../db/schema/scoring.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Commodity, Lang, NominationState } from '../../platform/domain.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { render } from '../../platform/i18n.ts';
import { deliverAfterCommit, notify } from '../../platform/notify.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { stateLabel } from '../cycles/nominations.messages.ts';
import type { NominationEnv } from '../nominations/nominations.env.ts';
import { startAssessment } from '../nominations/nominations.transitions.ts';
import type { AssignmentMethod } from './assessment.domain.ts';
import { assessorsForCycle } from './assessors.service.ts';
import { assignmentErrors, assignmentsText } from './assignments.messages.ts';
import {
  type AssessorInput,
  type AssignResult,
  assignAssessors,
  checkAssignment,
  type ConflictInput,
  type NominationInput,
} from './assign.rules.ts';
import { conflictsFor } from './conflicts.service.ts';
import type { Note } from './rules.messages.ts';
import { ensureCycleSettings } from './settings.service.ts';

/** The states in which a nomination takes assessors. */
export const ASSIGNABLE_STATES: readonly NominationState[] = ['admin_passed', 'in_assessment'];
/** The states the admin's assignment pages show (assessed ones read-only, with their submitted sheets). */
export const LISTED_STATES: readonly NominationState[] = [...ASSIGNABLE_STATES, 'assessed'];

/** An assessor on a nomination, with their sheet's state (the admin's view: never the scores). */
export interface AssignedAssessor {
  assignmentId: string;
  assessorId: string;
  name: string;
  method: AssignmentMethod;
  sheetStatus: 'draft' | 'submitted' | null;
}

/** A nomination as the assignment pages list it. */
export interface AssignableNomination {
  id: string;
  ikmId: string;
  product: string;
  ikm: string;
  commodity: Commodity;
  kabkotaCode: string;
  regency: string;
  state: NominationState;
  version: number;
  assessors: AssignedAssessor[];
}

const nominationColumns = {
  id: nominations.id,
  ikmId: nominations.ikmId,
  product: products.name,
  ikm: ikm.name,
  commodity: nominations.commodity,
  kabkotaCode: nominations.kabkotaCode,
  regency: regions.name,
  state: nominations.state,
  version: nominations.version,
};

async function nominationsOf(
  db: Db,
  cycleId: string,
  ids?: readonly string[],
  states: readonly NominationState[] = LISTED_STATES,
): Promise<AssignableNomination[]> {
  const rows = await db
    .select(nominationColumns)
    .from(nominations)
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .innerJoin(regions, eq(regions.code, nominations.kabkotaCode))
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        inArray(nominations.state, [...states]),
        ids ? inArray(nominations.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(nominations.commodity), asc(products.name), asc(nominations.id));
  const list = rows.map((r) => ({ ...r, assessors: [] as AssignedAssessor[] }));
  if (list.length === 0) return list;
  const assigned = await db
    .select({
      assignmentId: assignments.id,
      nominationId: assignments.nominationId,
      assessorId: assignments.assessorId,
      name: users.name,
      method: assignments.method,
      sheetStatus: scoreSheets.status,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.assessorId))
    .leftJoin(scoreSheets, eq(scoreSheets.assignmentId, assignments.id))
    .where(
      inArray(
        assignments.nominationId,
        list.map((n) => n.id),
      ),
    )
    .orderBy(asc(users.name));
  const byId = new Map(list.map((n) => [n.id, n]));
  for (const a of assigned)
    byId.get(a.nominationId)?.assessors.push({
      assignmentId: a.assignmentId,
      assessorId: a.assessorId,
      name: a.name,
      method: a.method,
      sheetStatus: a.sheetStatus,
    });
  return list;
}

/** The cycle's name and its assessors-per-nomination setting (the settings row is made when missing). */
export async function assignmentCycle(db: Db, cycleId: string) {
  const [cycle] = await db
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), isNull(cycles.archivedAt)))
    .limit(1);
  if (!cycle) throw new NotFoundError('cycle');
  const settings = await db.transaction((tx) => ensureCycleSettings(tx, cycleId));
  return { ...cycle, k: settings.assessorsPerNomination };
}

/** The cycle's passed and in-assessment nominations with their assessors (admin). */
export async function listAssignments(db: Db, cycleId: string): Promise<AssignableNomination[]> {
  return nominationsOf(db, cycleId);
}

/** One nomination of the cycle with its assessors (404 unless it takes assessors). */
export async function assignmentNomination(
  db: Db,
  cycleId: string,
  nominationId: string,
): Promise<AssignableNomination> {
  const [n] = await nominationsOf(db, cycleId, [nominationId]);
  if (!n) throw new NotFoundError('nomination');
  return n;
}

/** The assessors with their load in the cycle, for the pick lists. */
export async function assessorChoices(db: Db, cycleId: string) {
  const all = await assessorsForCycle(db, cycleId);
  const loads = await loadsIn(db, cycleId);
  return all
    .map((a) => ({
      id: a.userId,
      name: a.name,
      institution: a.institution ?? '-',
      expertise: a.expertise,
      cap: a.cycleCap,
      load: loads.get(a.userId) ?? 0,
    }))
    .sort((x, y) => x.name.localeCompare(y.name));
}

async function loadsIn(db: Db, cycleId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: assignments.assessorId, n: sql<number>`count(*)::int` })
    .from(assignments)
    .where(eq(assignments.cycleId, cycleId))
    .groupBy(assignments.assessorId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The conflicts in force between the assessors and these nominations' IKMs, as the rules take them. */
async function conflictInputs(db: Db, noms: readonly AssignableNomination[]): Promise<ConflictInput[]> {
  const byIkm = new Map<string, string[]>();
  for (const n of noms) byIkm.set(n.ikmId, [...(byIkm.get(n.ikmId) ?? []), n.id]);
  const found = await conflictsFor(db, { ikmIds: [...byIkm.keys()] });
  return found.flatMap((c) =>
    (byIkm.get(c.ikmId) ?? []).map((nominationId) => ({
      assessorId: c.assessorId,
      nominationId,
      kind: c.kind,
    })),
  );
}

const label = (n: AssignableNomination) => `${n.product} (${n.ikm})`;

/** The assignment problem of a cycle as the pure rules take it (loads on other nominations lower the caps). */
async function problemOf(db: Db, cycleId: string) {
  const noms = await nominationsOf(db, cycleId, undefined, ASSIGNABLE_STATES);
  const asr = await assessorsForCycle(db, cycleId);
  const loads = await loadsIn(db, cycleId);
  const onListed = new Map<string, number>();
  for (const n of noms)
    for (const a of n.assessors) onListed.set(a.assessorId, (onListed.get(a.assessorId) ?? 0) + 1);
  const assessors: AssessorInput[] = asr.map((a) => ({
    id: a.userId,
    label: a.name,
    expertise: a.expertise,
    // Assignments on nominations already assessed still count against the cap.
    cap: Math.max(0, a.cycleCap - ((loads.get(a.userId) ?? 0) - (onListed.get(a.userId) ?? 0))),
  }));
  const known = new Set(assessors.map((a) => a.id));
  const nominationsIn: NominationInput[] = noms.map((n) => ({
    id: n.id,
    label: label(n),
    commodity: n.commodity,
    commodityName: { id: commodityLabel(n.commodity, 'id'), en: commodityLabel(n.commodity, 'en') },
  }));
  const existing = noms.flatMap((n) =>
    n.assessors
      .filter((a) => known.has(a.assessorId))
      .map((a) => ({ assessorId: a.assessorId, nominationId: n.id })),
  );
  return { noms, asr, assessors, nominationsIn, existing, conflicts: await conflictInputs(db, noms) };
}

/** The automatic proposal for a cycle (nothing written): k per nomination, with the explanation. */
export async function previewAutomatic(
  db: Db,
  cycleId: string,
  opts: { expertise: 'hard' | 'soft'; lang: Lang },
): Promise<{
  result: AssignResult;
  nominations: AssignableNomination[];
  names: Map<string, string>;
  k: number;
}> {
  const { k } = await assignmentCycle(db, cycleId);
  const p = await problemOf(db, cycleId);
  const result = assignAssessors({
    nominations: p.nominationsIn,
    assessors: p.assessors,
    conflicts: p.conflicts,
    existing: p.existing,
    options: { k, expertise: opts.expertise },
  });
  return { result, nominations: p.noms, names: new Map(p.asr.map((a) => [a.userId, a.name])), k };
}

const joinNotes = (notes: Note[], lang: Lang) => notes.map((n) => n.text[lang]).join(' ');

function refused(notes: Note[], actor: Actor): DomainError {
  return new DomainError(
    assignmentErrors.refused,
    { reasons: joinNotes(notes, actor.lang) },
    { assessorId: render(assignmentErrors.refused, actor.lang, { reasons: joinNotes(notes, actor.lang) }) },
    422,
  );
}

interface NewPair {
  nominationId: string;
  assessorId: string;
  reason: unknown;
}

/**
 * Checks and writes new assignments in one transaction: each pair must still be allowed (no conflict
 * in force, under the cap, not already assigned, the nomination still takes assessors, the cycle has a
 * rubric for the commodity). A refused pair refuses the whole call with its reasons; nothing is written.
 */
async function writeAssignments(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  pairs: readonly NewPair[],
  method: AssignmentMethod,
  opts: { expertise: 'hard' | 'soft'; staleIsPlan?: boolean } = { expertise: 'soft' },
): Promise<number> {
  if (pairs.length === 0) return 0;
  const notified = await db.transaction(async (tx) => {
    await ensureCycleSettings(tx, cycleId);
    const nomIds = [...new Set(pairs.map((p) => p.nominationId))];
    // Lock the nominations so two admins assigning at once see each other's rows.
    await tx
      .select({ id: nominations.id })
      .from(nominations)
      .where(inArray(nominations.id, nomIds))
      .for('update');
    const all = await nominationsOf(tx, cycleId, undefined, ASSIGNABLE_STATES);
    const noms = new Map(all.map((n) => [n.id, n]));
    const asr = new Map((await assessorsForCycle(tx, cycleId)).map((a) => [a.userId, a]));
    const loads = await loadsIn(tx, cycleId);
    const conflicts = await conflictInputs(tx, all);
    const [rubricRows, cycleRow] = await Promise.all([
      tx
        .select({ commodity: cycleCommodities.commodity, ref: cycleCommodities.rubricVersionRef })
        .from(cycleCommodities)
        .where(eq(cycleCommodities.cycleId, cycleId)),
      tx.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, cycleId)),
    ]);
    const rubricOf = new Map(rubricRows.map((r) => [r.commodity, r.ref]));
    const problems: Note[] = [];
    const stale = (text: { id: string; en: string }) =>
      new DomainError(assignmentErrors.planStale, { reason: text[actor.lang] }, {}, 409);
    const added = new Set<string>();
    for (const p of pairs) {
      const n = noms.get(p.nominationId);
      if (!n) {
        const [row] = await tx
          .select({ state: nominations.state, product: products.name })
          .from(nominations)
          .innerJoin(products, eq(products.id, nominations.productId))
          .where(and(eq(nominations.id, p.nominationId), eq(nominations.cycleId, cycleId)));
        if (!row) throw new NotFoundError('nomination');
        throw new DomainError(
          assignmentErrors.notAssignable,
          { product: row.product, state: stateLabel(row.state, actor.lang) },
          {},
          409,
        );
      }
      const a = asr.get(p.assessorId);
      if (!a)
        throw new DomainError(
          assignmentErrors.unknownAssessor,
          {},
          { assessorId: render(assignmentErrors.unknownAssessor, actor.lang) },
          422,
        );
      if (!rubricOf.get(n.commodity))
        throw new DomainError(
          assignmentErrors.noRubric,
          { commodity: commodityLabel(n.commodity, actor.lang) },
          {},
          409,
        );
      const key = `${n.id}:${a.userId}`;
      const check = checkAssignment({
        assessor: { id: a.userId, label: a.name, expertise: a.expertise, cap: a.cycleCap },
        nomination: {
          id: n.id,
          label: label(n),
          commodity: n.commodity,
          commodityName: { id: commodityLabel(n.commodity, 'id'), en: commodityLabel(n.commodity, 'en') },
        },
        conflicts: conflicts.filter((c) => c.nominationId === n.id && c.assessorId === a.userId),
        currentLoad: loads.get(a.userId) ?? 0,
        alreadyAssigned: added.has(key) || n.assessors.some((x) => x.assessorId === a.userId),
        expertise: opts.expertise,
      });
      if (check.refusals.length) {
        if (opts.staleIsPlan) throw stale(check.refusals[0]!.text);
        problems.push(...check.refusals);
        continue;
      }
      added.add(key);
      loads.set(a.userId, (loads.get(a.userId) ?? 0) + 1);
    }
    if (problems.length) throw refused(problems, actor);

    const byAssessor = new Map<string, AssignableNomination[]>();
    for (const p of pairs) {
      const n = noms.get(p.nominationId)!;
      const [row] = await tx
        .insert(assignments)
        .values({
          cycleId,
          nominationId: n.id,
          assessorId: p.assessorId,
          kabkotaCode: n.kabkotaCode,
          method,
          reason: p.reason ?? null,
          assignedBy: actor.userId,
          notifiedAt: new Date(),
        })
        .returning({ id: assignments.id });
      await tx.insert(scoreSheets).values({
        assignmentId: row!.id,
        cycleId,
        nominationId: n.id,
        assessorId: p.assessorId,
        rubricVersionId: rubricOf.get(n.commodity)!,
      });
      await writeAudit(tx, actor, {
        action: 'assignment.create',
        objectType: 'nomination',
        objectId: n.id,
        regionCode: n.kabkotaCode,
        after: { assessorId: p.assessorId, method, reason: p.reason ?? null },
      });
      byAssessor.set(p.assessorId, [...(byAssessor.get(p.assessorId) ?? []), n]);
    }
    for (const id of nomIds) {
      const n = noms.get(id)!;
      if (n.state === 'admin_passed') await startAssessment(tx, env, actor, id, { assessorsAssigned: true });
    }
    let sent = 0;
    for (const [assessorId, list] of byAssessor)
      sent += await notify(tx, env.mail, {
        userIds: [assessorId],
        kind: 'assessment.assigned',
        message: {
          title: assignmentsText.noticeTitle,
          body: assignmentsText.noticeBody,
          params: { count: list.length, cycle: cycleRow[0]?.name ?? '-', list: list.map(label).join('; ') },
        },
        link: '/assessment/assignments',
      });
    return sent;
  });
  if (notified > 0) void deliverAfterCommit(db, env.mail);
  return pairs.length;
}

/** The admin assigns one assessor to one nomination (refused naming a conflict, a full cap, or a missing expertise). */
export async function assignOne(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  input: { nominationId: string; assessorId: string },
): Promise<number> {
  return writeAssignments(db, env, actor, cycleId, [{ ...input, reason: null }], 'manual', {
    expertise: 'soft',
  });
}

/** The admin assigns one assessor to several nominations at once; any refusal refuses them all, each reason listed. */
export async function assignBulk(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  input: { nominationIds: readonly string[]; assessorId: string },
): Promise<number> {
  const ids = [...new Set(input.nominationIds)];
  return writeAssignments(
    db,
    env,
    actor,
    cycleId,
    ids.map((nominationId) => ({ nominationId, assessorId: input.assessorId, reason: null })),
    'bulk',
    { expertise: 'soft' },
  );
}

/**
 * Writes the automatic proposal the admin confirmed: the pairs shown in the preview, each checked
 * again; when anything changed in between (a new conflict, a cap), nothing is written.
 */
export async function confirmAutomatic(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  input: { pairs: readonly { nominationId: string; assessorId: string }[]; expertise: 'hard' | 'soft' },
): Promise<number> {
  const preview = await previewAutomatic(db, cycleId, { expertise: input.expertise, lang: actor.lang });
  const why = new Map(preview.result.assignments.map((a) => [`${a.nominationId}:${a.assessorId}`, a]));
  return writeAssignments(
    db,
    env,
    actor,
    cycleId,
    input.pairs.map((p) => {
      const a = why.get(`${p.nominationId}:${p.assessorId}`);
      return {
        ...p,
        reason: a ? { expert: a.expert, loadAfter: a.loadAfter, notes: a.notes.map((n) => n.text) } : null,
      };
    }),
    'auto',
    { expertise: input.expertise, staleIsPlan: true },
  );
}

/** One assignment to remove: the nomination and the assessor. */
export interface AssignmentPair {
  nominationId: string;
  assessorId: string;
}

/** What removing an assignment takes with it, as the confirmation lists it. */
export interface RemovalPlan {
  nominationId: string;
  assessorId: string;
  product: string;
  name: string;
  sheetStatus: 'draft' | 'submitted' | null;
}

/**
 * The assignments to remove, read (and, inside a transaction, locked) with their sheets; refused as a
 * whole when any is not there or has a submitted sheet, naming each.
 */
async function removalPlan(
  tx: Db,
  actor: Actor,
  cycleId: string,
  pairs: readonly AssignmentPair[],
  lock: boolean,
) {
  const noms = new Map(
    (await nominationsOf(tx, cycleId, [...new Set(pairs.map((p) => p.nominationId))])).map((n) => [n.id, n]),
  );
  const names = new Map(
    (
      await tx
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [...new Set(pairs.map((p) => p.assessorId))]))
    ).map((u) => [u.id, u.name]),
  );
  const submitted: string[] = [];
  const plan: {
    n: AssignableNomination;
    a: typeof assignments.$inferSelect;
    sheet: typeof scoreSheets.$inferSelect | undefined;
    name: string;
  }[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    const key = `${p.nominationId}:${p.assessorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const n = noms.get(p.nominationId);
    if (!n) throw new NotFoundError('nomination');
    const name = names.get(p.assessorId) ?? '-';
    const q = tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.nominationId, n.id), eq(assignments.assessorId, p.assessorId)));
    const [a] = lock ? await q.for('update') : await q;
    if (!a) throw new DomainError(assignmentErrors.notAssigned, { name }, {}, 409);
    const sq = tx.select().from(scoreSheets).where(eq(scoreSheets.assignmentId, a.id));
    const [sheet] = lock ? await sq.for('update') : await sq;
    if (sheet?.status === 'submitted') submitted.push(`${name} (${n.product})`);
    plan.push({ n, a, sheet, name });
  }
  if (submitted.length === 1 && pairs.length === 1)
    throw new DomainError(assignmentErrors.sheetSubmitted, { name: plan[0]!.name }, {}, 409);
  if (submitted.length)
    throw new DomainError(
      assignmentErrors.bulkSheetSubmitted,
      { list: submitted.join('; ') },
      { _form: render(assignmentErrors.bulkSheetSubmitted, actor.lang, { list: submitted.join('; ') }) },
      409,
    );
  return plan;
}

/** The assignments the admin chose to remove, checked, for the confirmation (nothing written). */
export async function previewUnassign(
  db: Db,
  actor: Actor,
  cycleId: string,
  pairs: readonly AssignmentPair[],
): Promise<RemovalPlan[]> {
  const plan = await removalPlan(db, actor, cycleId, pairs, false);
  return plan.map((x) => ({
    nominationId: x.n.id,
    assessorId: x.a.assessorId,
    product: x.n.product,
    name: x.name,
    sheetStatus: x.sheet?.status ?? null,
  }));
}

/**
 * Removes assessors from nominations before they submit, all or none: each draft sheet (entries and
 * evidence) goes with it, kept in the audit row; each assessor is told once, with the list.
 * A submitted sheet refuses the whole call, naming it.
 */
export async function unassignMany(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  pairs: readonly AssignmentPair[],
): Promise<{ count: number; names: string[] }> {
  const result = await db.transaction(async (tx) => {
    const plan = await removalPlan(tx, actor, cycleId, pairs, true);
    const byAssessor = new Map<string, AssignableNomination[]>();
    for (const { n, a, sheet } of plan) {
      let entries: unknown[] = [];
      if (sheet) {
        entries = await tx.select().from(scoreEntries).where(eq(scoreEntries.sheetId, sheet.id));
        await tx.delete(scoreEntries).where(eq(scoreEntries.sheetId, sheet.id));
        await tx.delete(scoreEvidence).where(eq(scoreEvidence.sheetId, sheet.id));
        await tx.delete(scoreSheets).where(eq(scoreSheets.id, sheet.id));
      }
      await tx.delete(assignments).where(eq(assignments.id, a.id));
      await writeAudit(tx, actor, {
        action: 'assignment.delete',
        objectType: 'nomination',
        objectId: n.id,
        regionCode: n.kabkotaCode,
        before: { assessorId: a.assessorId, method: a.method, sheet: sheet ?? null, entries },
      });
      byAssessor.set(a.assessorId, [...(byAssessor.get(a.assessorId) ?? []), n]);
    }
    const [c] = await tx.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, cycleId));
    let sent = 0;
    for (const [assessorId, list] of byAssessor)
      sent += await notify(tx, env.mail, {
        userIds: [assessorId],
        kind: 'assessment.unassigned',
        message: {
          title: assignmentsText.unassignedTitle,
          body: assignmentsText.unassignedBody,
          params: { product: list.map(label).join('; '), cycle: c?.name ?? '-' },
        },
        link: '/assessment/assignments',
      });
    return { count: plan.length, names: [...new Set(plan.map((x) => x.name))], sent };
  });
  if (result.sent > 0) void deliverAfterCommit(db, env.mail);
  return { count: result.count, names: result.names };
}

/**
 * Removes an assessor from a nomination before they submit: their draft sheet (entries and evidence)
 * goes with it, kept in the audit row; the assessor is told.
 */
export async function unassign(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  input: AssignmentPair,
): Promise<string> {
  const { names } = await unassignMany(db, env, actor, cycleId, [input]);
  return names[0] ?? '-';
}
