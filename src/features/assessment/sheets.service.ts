/**
 * The assessor's side of scoring: their assignments, the assigned nomination with its documents, and
 * their own score sheet (levels, notes, evidence, site visit, paper flag). Only the assessor the sheet
 * belongs to sees it, and never while a conflict with the IKM is in force; everyone else gets 404.
 * No function here returns another assessor's sheet or any aggregate (the results are the admin's).
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { rubricVersions } from '../../db/schema/assessment.ts';
import { cycleChecklistItems, cycles } from '../../db/schema/cycles.ts';
import { nominationDocuments, nominations } from '../../db/schema/nominations.ts';
import { regions } from '../../db/schema/regions.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import { assignments, scoreEntries, scoreEvidence, scoreSheets } from '../../db/schema/scoring.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Commodity, NominationState } from '../../platform/domain.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { type FileStore, IMAGE_KINDS, storeUpload } from '../../platform/files.ts';
import { DISPLAY, makeDerivative } from '../../platform/images.ts';
import { render } from '../../platform/i18n.ts';
import type { NominationEnv } from '../nominations/nominations.env.ts';
import { completeAssessment } from '../nominations/nominations.transitions.ts';
import { isConflicted } from './conflicts.service.ts';
import {
  checkSheet,
  compileRubric,
  type Rubric,
  roundScore,
  scoreSheet,
  type Violation,
} from './rubric.rules.ts';
import { say } from './rules.messages.ts';
import { sheetErrors, sheetsText } from './sheets.messages.ts';
import { deliverAfterCommit, notify, provinceAdmins } from '../../platform/notify.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { computeCycleResults } from './results.service.ts';

export type SheetRow = typeof scoreSheets.$inferSelect;
export type EntryRow = typeof scoreEntries.$inferSelect;
export type EvidenceRow = typeof scoreEvidence.$inferSelect;

/** What an assessor sends for their sheet: the levels (raw, checked against the rubric), notes and the rest. */
export interface SheetInput {
  version: number;
  /** Criterion code → level number (as typed or chosen; checked against the rubric). */
  levels: Record<string, string | number | null | undefined>;
  notes: Record<string, string | null | undefined>;
  siteVisitDate: string | null;
  fromPaper: boolean;
  generalNote: string | null;
}

/** An assignment as the assessor's list shows it. */
export interface MyAssignment {
  nominationId: string;
  sheetId: string | null;
  product: string;
  ikm: string;
  commodity: Commodity;
  regency: string;
  cycleName: string;
  status: 'draft' | 'submitted' | null;
  chosen: number;
  criteria: number;
  /** The assessors disagree and the assessor has submitted: the moderation discussion is open to them. */
  moderation: boolean;
}

const isAssessor = (actor: Actor) => actor.role === 'penilai' && actor.userId !== null;

/** The assessor's assignments, newest round first, with their sheet's progress (conflicted ones left out). */
export async function myAssignments(db: Db, actor: Actor): Promise<MyAssignment[]> {
  if (!isAssessor(actor)) return [];
  const rows = await db
    .select({
      nominationId: assignments.nominationId,
      cycleId: assignments.cycleId,
      ikmId: nominations.ikmId,
      sheetId: scoreSheets.id,
      product: products.name,
      ikm: ikm.name,
      commodity: nominations.commodity,
      regency: regions.name,
      cycleName: cycles.name,
      cycleYear: cycles.year,
      status: scoreSheets.status,
      content: rubricVersions.content,
      chosen: sql<number>`(select count(*)::int from score_entries e where e.sheet_id = "score_sheets"."id" and e.level is not null)`,
    })
    .from(assignments)
    .innerJoin(nominations, eq(nominations.id, assignments.nominationId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .innerJoin(regions, eq(regions.code, nominations.kabkotaCode))
    .innerJoin(cycles, eq(cycles.id, assignments.cycleId))
    .leftJoin(scoreSheets, eq(scoreSheets.assignmentId, assignments.id))
    .leftJoin(rubricVersions, eq(rubricVersions.id, scoreSheets.rubricVersionId))
    .where(eq(assignments.assessorId, actor.userId!))
    .orderBy(sql`${cycles.year} desc`, asc(products.name));
  const out: MyAssignment[] = [];
  for (const r of rows) {
    if (await isConflicted(db, actor.userId!, r.ikmId)) continue;
    out.push({
      nominationId: r.nominationId,
      sheetId: r.sheetId,
      product: r.product,
      ikm: r.ikm,
      commodity: r.commodity,
      regency: r.regency,
      cycleName: r.cycleName,
      status: r.status,
      chosen: Number(r.chosen ?? 0),
      criteria: r.content ? r.content.aspects.reduce((s, a) => s + a.criteria.length, 0) : 0,
      moderation: false,
    });
  }
  const submitted = rows.filter((r) => r.status === 'submitted');
  const flagged = await flaggedAmong(
    db,
    submitted.map((r) => ({ cycleId: r.cycleId, nominationId: r.nominationId })),
  );
  for (const a of out) a.moderation = flagged.has(a.nominationId);
  return out;
}

/** Which of these nominations the assessors disagree on (the moderation's flag), cycle by cycle. */
async function flaggedAmong(
  db: Db,
  list: readonly { cycleId: string; nominationId: string }[],
): Promise<Set<string>> {
  const byCycle = new Map<string, string[]>();
  for (const x of list) byCycle.set(x.cycleId, [...(byCycle.get(x.cycleId) ?? []), x.nominationId]);
  const flagged = new Set<string>();
  for (const [cycleId, ids] of byCycle) {
    const view = await computeCycleResults(db, cycleId, { nominationIds: ids });
    for (const r of view.rows) if (r.result.flagged) flagged.add(r.nomination.id);
  }
  return flagged;
}

/**
 * Tells the nomination's assessors who submitted, and the province admins, that its moderation is
 * open, once the assessors disagree; each person is told once (a later submitter when they submit).
 */
async function noticeModerationOpened(tx: Db, env: NominationEnv, cycleId: string, nominationId: string) {
  const flagged = await flaggedAmong(tx, [{ cycleId, nominationId }]);
  if (!flagged.has(nominationId)) return 0;
  const link = `/assessment/nominations/${nominationId}/moderation`;
  const submitted = await tx
    .select({ id: scoreSheets.assessorId })
    .from(scoreSheets)
    .where(and(eq(scoreSheets.nominationId, nominationId), eq(scoreSheets.status, 'submitted')));
  const told = await tx
    .select({ id: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, 'moderation.opened'), eq(notifications.link, link)));
  const already = new Set(told.map((r) => r.id));
  const wanted = [...submitted.map((s) => s.id), ...(await provinceAdmins(tx))].filter(
    (id) => !already.has(id),
  );
  if (wanted.length === 0) return 0;
  const [names] = await tx
    .select({ product: products.name, ikm: ikm.name })
    .from(nominations)
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .where(eq(nominations.id, nominationId));
  return notify(tx, env.mail, {
    userIds: wanted,
    kind: 'moderation.opened',
    message: {
      title: sheetsText.moderationOpenedTitle,
      body: sheetsText.moderationOpenedBody,
      params: { product: names?.product ?? '-', ikm: names?.ikm ?? '-' },
    },
    link,
  });
}

/** The nomination an assessor is assigned to, with names (404 when not assigned or conflicted). */
export interface AssignedNomination {
  id: string;
  ikmId: string;
  product: string;
  ikm: string;
  commodity: Commodity;
  kabkotaCode: string;
  regency: string;
  state: NominationState;
  statement: string | null;
  cycleId: string;
  cycleName: string;
  sheetId: string;
}

async function assignedNomination(db: Db, actor: Actor, nominationId: string): Promise<AssignedNomination> {
  if (!isAssessor(actor)) throw new NotFoundError('nomination');
  const [row] = await db
    .select({
      id: nominations.id,
      ikmId: nominations.ikmId,
      product: products.name,
      ikm: ikm.name,
      commodity: nominations.commodity,
      kabkotaCode: nominations.kabkotaCode,
      regency: regions.name,
      state: nominations.state,
      statement: nominations.statement,
      cycleId: nominations.cycleId,
      cycleName: cycles.name,
      sheetId: scoreSheets.id,
    })
    .from(assignments)
    .innerJoin(nominations, eq(nominations.id, assignments.nominationId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .innerJoin(regions, eq(regions.code, nominations.kabkotaCode))
    .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
    .innerJoin(scoreSheets, eq(scoreSheets.assignmentId, assignments.id))
    .where(and(eq(assignments.nominationId, nominationId), eq(assignments.assessorId, actor.userId!)))
    .limit(1);
  if (!row) throw new NotFoundError('nomination');
  if (await isConflicted(db, actor.userId!, row.ikmId)) throw new NotFoundError('nomination');
  return row;
}

/** An assigned nomination and its current documents, for its assessor only. */
export async function assessorNomination(db: Db, actor: Actor, nominationId: string) {
  const nomination = await assignedNomination(db, actor, nominationId);
  const documents = await db
    .select({
      id: nominationDocuments.id,
      fileName: nominationDocuments.fileName,
      itemCode: nominationDocuments.itemCode,
      itemLabel: cycleChecklistItems.labelId,
      itemLabelEn: cycleChecklistItems.labelEn,
      documentNumber: nominationDocuments.documentNumber,
      expiresOn: nominationDocuments.expiresOn,
    })
    .from(nominationDocuments)
    .leftJoin(cycleChecklistItems, eq(cycleChecklistItems.id, nominationDocuments.checklistItemId))
    .where(and(eq(nominationDocuments.nominationId, nominationId), isNull(nominationDocuments.supersededAt)))
    .orderBy(asc(nominationDocuments.itemCode), asc(nominationDocuments.number));
  return { nomination, documents };
}

/** One current document of an assigned nomination, for its assessor only. */
export async function assessorDocument(db: Db, actor: Actor, nominationId: string, documentId: string) {
  await assignedNomination(db, actor, nominationId);
  const [doc] = await db
    .select()
    .from(nominationDocuments)
    .where(and(eq(nominationDocuments.id, documentId), eq(nominationDocuments.nominationId, nominationId)))
    .limit(1);
  if (!doc) throw new NotFoundError('document');
  return doc;
}

/** A sheet with everything its page needs: the nomination, the rubric, the entries and the evidence. */
export interface SheetView {
  sheet: SheetRow;
  nomination: AssignedNomination;
  rubric: Rubric;
  rubricNumber: number;
  entries: Map<string, EntryRow>;
  evidence: EvidenceRow[];
  assessorName: string;
}

async function ownSheetRow(db: Db, actor: Actor, sheetId: string): Promise<SheetRow> {
  if (!isAssessor(actor) || !/^[0-9a-f-]{36}$/i.test(sheetId)) throw new NotFoundError('score_sheet');
  const [sheet] = await db
    .select()
    .from(scoreSheets)
    .where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.assessorId, actor.userId!)))
    .limit(1);
  if (!sheet) throw new NotFoundError('score_sheet');
  return sheet;
}

/** The assessor's own sheet (404 for anyone else's, or while a conflict with the IKM is in force). */
export async function getOwnSheet(db: Db, actor: Actor, sheetId: string): Promise<SheetView> {
  const sheet = await ownSheetRow(db, actor, sheetId);
  const nomination = await assignedNomination(db, actor, sheet.nominationId);
  const [version] = await db
    .select({ content: rubricVersions.content, number: rubricVersions.number })
    .from(rubricVersions)
    .where(eq(rubricVersions.id, sheet.rubricVersionId));
  const entries = await db.select().from(scoreEntries).where(eq(scoreEntries.sheetId, sheet.id));
  const evidence = await db
    .select()
    .from(scoreEvidence)
    .where(eq(scoreEvidence.sheetId, sheet.id))
    .orderBy(asc(scoreEvidence.createdAt));
  const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId!));
  return {
    sheet,
    nomination,
    rubric: version!.content,
    rubricNumber: version!.number,
    entries: new Map(entries.map((e) => [e.criterionCode, e])),
    evidence,
    assessorName: me?.name ?? '',
  };
}

/** The levels as numbers, with a violation for each one the rubric does not have (a typed "abc" included). */
function parseLevels(
  rubric: Rubric,
  raw: SheetInput['levels'],
): { levels: Record<string, number | null>; bad: Violation[] } {
  const compiled = compileRubric(rubric);
  const levels: Record<string, number | null> = {};
  const bad: Violation[] = [];
  for (const [code, value] of Object.entries(raw)) {
    if (value === null || value === undefined || value === '') {
      levels[code] = null;
      continue;
    }
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    if (!Number.isInteger(n)) {
      const c = compiled.criteria[compiled.index.get(code) ?? -1];
      bad.push({
        path: `levels.${code}`,
        ...say('sheetLevelNotInRubric', {
          criterion: code,
          level: String(value),
          allowed: c ? c.levels.map((l) => l.level).join(', ') : '-',
        }),
      });
      continue;
    }
    levels[code] = n;
  }
  bad.push(...checkSheet(compiled, levels).filter((v) => v.path !== 'levels'));
  return { levels, bad };
}

function violationsError(
  actor: Actor,
  violations: Violation[],
  message = sheetErrors.levelsInvalid,
): DomainError {
  const fields: Record<string, string> = {};
  for (const v of violations) {
    // Form fields are named level.<code>; the missing-criteria message goes to the summary.
    const key = v.path === 'levels' ? '_form' : v.path.replace(/^levels\./, 'level.');
    fields[key] = fields[key] ? `${fields[key]} ${v.text[actor.lang]}` : v.text[actor.lang];
  }
  return new DomainError(message, { count: violations.length }, fields, 422);
}

const lockedError = (actor: Actor) =>
  new DomainError(sheetErrors.locked, {}, { _form: render(sheetErrors.locked, actor.lang) }, 409);

/** Writes the input into a locked draft sheet (entries replaced), bumping its version. */
async function writeDraft(
  tx: Db,
  sheet: SheetRow,
  rubric: Rubric,
  input: SheetInput,
  levels: Record<string, number | null>,
) {
  const compiled = compileRubric(rubric);
  await tx.delete(scoreEntries).where(eq(scoreEntries.sheetId, sheet.id));
  const rows = compiled.criteria
    .map((c) => {
      const level = levels[c.code] ?? null;
      const note = input.notes[c.code]?.trim() || null;
      return {
        sheetId: sheet.id,
        criterionCode: c.code,
        level,
        points: level === null ? null : (c.points.get(level) ?? null),
        note,
      };
    })
    .filter((r) => r.level !== null || r.note !== null);
  if (rows.length) await tx.insert(scoreEntries).values(rows);
  const [updated] = await tx
    .update(scoreSheets)
    .set({
      siteVisitDate: input.siteVisitDate,
      fromPaper: input.fromPaper,
      generalNote: input.generalNote?.trim() || null,
      updatedAt: new Date(),
      version: sheet.version + 1,
    })
    .where(eq(scoreSheets.id, sheet.id))
    .returning();
  return updated!;
}

async function lockSheet(
  tx: Db,
  actor: Actor,
  sheetId: string,
  version: number,
): Promise<{ sheet: SheetRow; rubric: Rubric }> {
  const [sheet] = await tx
    .select()
    .from(scoreSheets)
    .where(and(eq(scoreSheets.id, sheetId), eq(scoreSheets.assessorId, actor.userId!)))
    .for('update');
  if (!sheet) throw new NotFoundError('score_sheet');
  if (sheet.status === 'submitted') throw lockedError(actor);
  if (sheet.version !== version) throw new StaleVersionError(sheet);
  const [v] = await tx
    .select({ content: rubricVersions.content })
    .from(rubricVersions)
    .where(eq(rubricVersions.id, sheet.rubricVersionId));
  return { sheet, rubric: v!.content };
}

/** Saves the assessor's draft (autosave and the Save draft button): refused once submitted, or on a stale version. */
export async function saveSheet(db: Db, actor: Actor, sheetId: string, input: SheetInput): Promise<SheetRow> {
  const own = await ownSheetRow(db, actor, sheetId);
  await assignedNomination(db, actor, own.nominationId);
  if (own.status === 'submitted') throw lockedError(actor);
  return db.transaction(async (tx) => {
    const { sheet, rubric } = await lockSheet(tx, actor, sheetId, input.version);
    const { levels, bad } = parseLevels(rubric, input.levels);
    if (bad.length) throw violationsError(actor, bad);
    const updated = await writeDraft(tx, sheet, rubric, input, levels);
    await writeAudit(tx, actor, {
      action: 'score_sheet.save',
      objectType: 'score_sheet',
      objectId: sheet.id,
      regionCode: null,
      after: {
        levels,
        siteVisitDate: input.siteVisitDate,
        fromPaper: input.fromPaper,
        version: updated.version,
      },
    });
    return updated;
  });
}

/**
 * Submits the assessor's sheet: every criterion needs a level of the rubric (the missing ones are
 * listed); the weighted total and aspect scores are computed and the sheet locks. The same sheet
 * submitted twice at once counts once (the second finds it locked). When it was the nomination's last
 * sheet, the nomination moves to assessed through the transition hook.
 */
export async function submitSheet(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  sheetId: string,
  input: SheetInput,
): Promise<{ sheet: SheetRow; completed: boolean }> {
  const own = await ownSheetRow(db, actor, sheetId);
  await assignedNomination(db, actor, own.nominationId);
  if (own.status === 'submitted') throw lockedError(actor);
  let sent = 0;
  const result = await db.transaction(async (tx) => {
    // The nomination first, then the sheet: the same order as assignment, so two submits never deadlock.
    const [nomination] = await tx
      .select({ id: nominations.id, state: nominations.state, kabkotaCode: nominations.kabkotaCode })
      .from(nominations)
      .where(eq(nominations.id, own.nominationId))
      .for('update');
    const { sheet, rubric } = await lockSheet(tx, actor, sheetId, input.version);
    const { levels, bad } = parseLevels(rubric, input.levels);
    if (bad.length) throw violationsError(actor, bad);
    const compiled = compileRubric(rubric);
    const missing = checkSheet(compiled, levels).filter((v) => v.path === 'levels');
    if (missing.length)
      throw new DomainError(
        sheetErrors.incomplete,
        { list: missing.map((m) => m.text[actor.lang]).join(' ') },
        {
          _form: render(sheetErrors.incomplete, actor.lang, {
            list: missing.map((m) => m.text[actor.lang]).join(' '),
          }),
        },
        422,
      );
    await writeDraft(tx, sheet, rubric, input, levels);
    const score = scoreSheet(compiled, levels);
    const aspects = Object.fromEntries(Object.entries(score.aspects).map(([k, v]) => [k, roundScore(v)]));
    const now = new Date();
    const [updated] = await tx
      .update(scoreSheets)
      .set({
        status: 'submitted',
        submittedAt: now,
        total: roundScore(score.total),
        aspects,
        updatedAt: now,
        version: sheet.version + 2,
      })
      .where(and(eq(scoreSheets.id, sheet.id), eq(scoreSheets.status, 'draft')))
      .returning();
    if (!updated) throw lockedError(actor);
    await writeAudit(tx, actor, {
      action: 'score_sheet.submit',
      objectType: 'score_sheet',
      objectId: sheet.id,
      regionCode: nomination!.kabkotaCode,
      after: { nominationId: sheet.nominationId, total: updated.total, aspects, levels },
    });
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(scoreSheets)
      .where(and(eq(scoreSheets.nominationId, sheet.nominationId), ne(scoreSheets.status, 'submitted')));
    let completed = false;
    if (Number(open!.n) === 0 && nomination!.state === 'in_assessment') {
      await completeAssessment(tx, env, systemActor('assessment'), sheet.nominationId, {
        allScoreSheetsSubmitted: true,
      });
      completed = true;
      const [names] = await tx
        .select({ product: products.name, cycle: cycles.name })
        .from(nominations)
        .innerJoin(products, eq(products.id, nominations.productId))
        .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
        .where(eq(nominations.id, sheet.nominationId));
      sent = await notify(tx, env.mail, {
        userIds: await provinceAdmins(tx),
        kind: 'assessment.completed',
        message: {
          title: sheetsText.completedTitle,
          body: sheetsText.completedBody,
          params: { product: names?.product ?? '-', cycle: names?.cycle ?? '-' },
        },
        link: `/assessment/cycles/${sheet.cycleId}/assignments/${sheet.nominationId}`,
      });
    }
    sent += await noticeModerationOpened(tx, env, sheet.cycleId, sheet.nominationId);
    return { sheet: updated, completed };
  });
  if (sent > 0) void deliverAfterCommit(db, env.mail);
  return result;
}

/** Adds an evidence photo to a draft sheet (a light WebP copy without metadata is kept). */
export async function addEvidence(
  db: Db,
  store: FileStore,
  actor: Actor,
  sheetId: string,
  input: { name: string; bytes: Uint8Array; criterionCode: string | null; maxBytes: number },
): Promise<EvidenceRow> {
  const view = await getOwnSheet(db, actor, sheetId);
  if (view.sheet.status === 'submitted') throw lockedError(actor);
  const codes = new Set(view.rubric.aspects.flatMap((a) => a.criteria.map((c) => c.code)));
  const criterion = input.criterionCode && codes.has(input.criterionCode) ? input.criterionCode : null;
  const stored = await storeUpload(
    db,
    store,
    { name: input.name, bytes: input.bytes },
    {
      allowed: IMAGE_KINDS,
      maxBytes: input.maxBytes,
    },
  );
  const light = await makeDerivative(db, store, input.bytes, DISPLAY);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: scoreSheets.status })
      .from(scoreSheets)
      .where(eq(scoreSheets.id, sheetId))
      .for('update');
    if (row?.status === 'submitted') throw lockedError(actor);
    const [ev] = await tx
      .insert(scoreEvidence)
      .values({ sheetId, criterionCode: criterion, fileSha256: light.sha256, fileName: input.name })
      .returning();
    await writeAudit(tx, actor, {
      action: 'score_sheet.evidence',
      objectType: 'score_sheet',
      objectId: sheetId,
      regionCode: view.nomination.kabkotaCode,
      after: { evidenceId: ev!.id, original: stored.sha256, criterion },
    });
    return ev!;
  });
}

/** An evidence photo of the assessor's own sheet. */
export async function ownEvidence(
  db: Db,
  actor: Actor,
  sheetId: string,
  evidenceId: string,
): Promise<EvidenceRow> {
  const sheet = await ownSheetRow(db, actor, sheetId);
  await assignedNomination(db, actor, sheet.nominationId);
  const [ev] = await db
    .select()
    .from(scoreEvidence)
    .where(and(eq(scoreEvidence.id, evidenceId), eq(scoreEvidence.sheetId, sheetId)))
    .limit(1);
  if (!ev) throw new NotFoundError('evidence');
  return ev;
}

/** The sheets of many nominations for the demo and tests: id by (nomination, assessor). */
export async function sheetIdsFor(db: Db, nominationIds: readonly string[]) {
  if (nominationIds.length === 0) return [];
  return db
    .select({
      id: scoreSheets.id,
      nominationId: scoreSheets.nominationId,
      assessorId: scoreSheets.assessorId,
      version: scoreSheets.version,
    })
    .from(scoreSheets)
    .where(inArray(scoreSheets.nominationId, [...nominationIds]));
}
