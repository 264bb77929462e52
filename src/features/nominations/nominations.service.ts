/**
 * Nominations (usulan): creating one for a product of the officer's own kab/kota in an open cycle,
 * its details, its documents against the cycle's checklist (every version kept), and everything the
 * task list shows (item status, completeness, eligibility, the deadline). State changes are in
 * nominations.transitions.ts, one function per move.
 */
import { and, asc, desc, eq, inArray, isNull, max, ne, type SQL, sql } from 'drizzle-orm';
import { databaseError, type Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { cycles } from '../../db/schema/cycles.ts';
import {
  nominationDocuments,
  nominationReviews,
  nominations,
  nominationTransitions,
} from '../../db/schema/nominations.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import type { ChecklistDocumentKind, Commodity, NominationState } from '../../platform/domain.ts';
import { DomainError, NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { FILE_KINDS, type FileKind, fileMessages, storeUpload } from '../../platform/files.ts';
import { formatDate, localDate } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { ItemStatus } from '../../platform/nomination-domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import {
  type ChecklistItem,
  type CycleRow,
  checklistFor,
  getCycle,
  getCycleConfig,
  proposalWindowFor,
  quotaFor,
} from '../cycles/cycles.service.ts';
import { assertWithinProposalWindow, effectiveProposalEnd, proposalWindowState } from '../cycles/deadline.ts';
import { checkEligibility, type EligibilityDocument, type RuleOutcome } from '../cycles/eligibility.ts';
import { actorKind, EDITABLE_STATES } from '../cycles/nomination-states.ts';
import { stateLabel } from '../cycles/nominations.messages.ts';
import type { DocumentRow, IkmRow } from '../registry/ikm.service.ts';
import { getDocument } from '../registry/documents.service.ts';
import { getProduct, type ProductRow } from '../registry/products.service.ts';
import { getSentra, type SentraRow } from '../registry/sentra.service.ts';
import { earlierStarsOf } from './awards.service.ts';
import type { NominationEnv } from './nominations.env.ts';
import type {
  DocumentFields,
  NominationCreate,
  NominationDetails,
  NominationFilter,
} from './nominations.forms.ts';
import { nominationRules } from './nominations.messages.ts';
import { legalDocumentsOf, regionNameOf } from './registry-reads.ts';

export type NominationRow = typeof nominations.$inferSelect;
export type NominationDocument = typeof nominationDocuments.$inferSelect;
export type NominationReview = typeof nominationReviews.$inferSelect;

/** The states that count against a kab/kota's quota: everything submitted and not withdrawn. */
export const QUOTA_STATES: readonly NominationState[] = [
  'submitted',
  'returned',
  'admin_passed',
  'admin_failed',
  'in_assessment',
  'assessed',
  'decided',
  'published',
];

/** The states of a nomination that passed administrative selection (and went on). */
export const PASSED_STATES: readonly NominationState[] = [
  'admin_passed',
  'in_assessment',
  'assessed',
  'decided',
  'published',
];

// Scope ------------------------------------------------------------------------------------------

/** Which nominations an actor reads: the province's, or their own kab/kota's; nobody else's. */
export function nominationScopeSql(actor: Actor): SQL | undefined {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return sql`${nominations.kabkotaCode} = ${actor.regionCode}`;
  return sql`false`;
}

/** A nomination the actor may read, or 404. */
export async function getNomination(db: Db, actor: Actor, id: string): Promise<NominationRow> {
  const [row] = await db
    .select()
    .from(nominations)
    .where(and(eq(nominations.id, id), nominationScopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('nomination');
  return row;
}

/** Only the officer of the nomination's own kab/kota changes its content (the system too, for seeds). */
export function assertOfficer(actor: Actor, row: { kabkotaCode: string }): void {
  const kind = actorKind({ role: actor.role, regionCode: actor.regionCode }, row.kabkotaCode);
  if (kind !== 'officer' && kind !== 'system') throw new NotFoundError('nomination');
}

function assertEditable(row: NominationRow, lang: 'id' | 'en' = 'id'): void {
  if (!EDITABLE_STATES.includes(row.state))
    throw ruleViolation('_form', nominationRules.locked, { state: stateLabel(row.state, lang) }, 409);
}

// The deadline -------------------------------------------------------------------------------------

export interface WindowInfo {
  startsAt: Date;
  endsAt: Date;
  extensionEndsAt: Date | null;
  /** The end that applies to this kab/kota (the extension when later). */
  deadline: Date;
  state: 'not_open' | 'open' | 'closed';
}

/** The proposal window of a cycle for one kab/kota at `now`, or null when the cycle has none. */
export async function windowFor(
  db: Db,
  cycleId: string,
  kabkotaCode: string,
  now: Date,
): Promise<WindowInfo | null> {
  const found = await proposalWindowFor(db, cycleId, kabkotaCode);
  if (!found) return null;
  return {
    startsAt: found.window.startsAt,
    endsAt: found.window.endsAt,
    extensionEndsAt: found.extensionEndsAt,
    deadline: effectiveProposalEnd(found.window, found.extensionEndsAt),
    state: proposalWindowState(now, found.window, found.extensionEndsAt),
  };
}

// Creating and editing ---------------------------------------------------------------------------

/** The live nomination of a product in a cycle (withdrawn ones free the product). */
async function liveNominationOf(db: Db, cycleId: string, productId: string) {
  const [row] = await db
    .select({ id: nominations.id, state: nominations.state })
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        eq(nominations.productId, productId),
        ne(nominations.state, 'withdrawn'),
      ),
    )
    .limit(1);
  return row;
}

/** How many of a kab/kota's nominations in a cycle are in `states`, leaving one out. */
export async function countNominations(
  db: Db,
  cycleId: string,
  kabkotaCode: string,
  states: readonly NominationState[],
  exceptId?: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        eq(nominations.kabkotaCode, kabkotaCode),
        inArray(nominations.state, [...states]),
        exceptId ? ne(nominations.id, exceptId) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

/** The quota refusal, naming the quota and the kab/kota. */
export async function quotaError(
  db: Db,
  kabkotaCode: string,
  quota: number,
  used: number,
): Promise<DomainError> {
  return ruleViolation(
    '_form',
    nominationRules.quotaExceeded,
    { regency: await regionNameOf(db, kabkotaCode), quota, used },
    409,
  );
}

/**
 * Nominates a product of the officer's own kab/kota into a cycle during its proposal window: a
 * draft. Refused outside the window (naming it), for a product out of scope (404), a commodity the
 * cycle does not cover, a product already nominated, or a kab/kota whose quota is used up.
 */
export async function createNomination(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  input: NominationCreate,
): Promise<NominationRow> {
  const { product, ikm: owner } = await getProduct(db, actor, input.productId);
  assertOfficer(actor, product);
  const config = await getCycleConfig(db, input.cycleId);
  if (config.cycle.provinceCode !== env.provinceCode) throw new NotFoundError('cycle');
  if (!config.commodities.some((c) => c.commodity === product.commodity))
    throw ruleViolation('cycleId', nominationRules.cycleNotCovering, {
      commodity: commodityLabel(product.commodity, actor.lang),
    });
  const window = await windowFor(db, input.cycleId, product.kabkotaCode, env.now());
  if (!window) throw ruleViolation('cycleId', nominationRules.noProposalWindow, {}, 409);
  assertWithinProposalWindow(
    env.now(),
    { startsAt: window.startsAt, endsAt: window.endsAt },
    window.extensionEndsAt,
  );
  const existing = await liveNominationOf(db, input.cycleId, product.id);
  if (existing)
    throw ruleViolation(
      'productId',
      nominationRules.duplicateNomination,
      { state: stateLabel(existing.state, actor.lang) },
      409,
    );
  const quota = await quotaFor(db, input.cycleId, product.kabkotaCode);
  return db.transaction(async (tx) => {
    if (quota !== null) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`nomination-quota:${input.cycleId}:${product.kabkotaCode}`}))`,
      );
      const used = await countNominations(tx, input.cycleId, product.kabkotaCode, ['draft', ...QUOTA_STATES]);
      if (used >= quota) throw await quotaError(tx, product.kabkotaCode, quota, used);
    }
    let row: NominationRow | undefined;
    try {
      [row] = await tx
        .insert(nominations)
        .values({
          cycleId: input.cycleId,
          provinceCode: env.provinceCode,
          kabkotaCode: product.kabkotaCode,
          productId: product.id,
          ikmId: owner.id,
          commodity: product.commodity,
          candidateId: input.candidateId ?? null,
          statement: input.statement ?? null,
          notLeadReason: input.notLeadReason ?? null,
          createdBy: actor.userId,
        })
        .returning();
    } catch (err) {
      // Two officers nominating the same product at once: the unique index decides.
      if (databaseError(err).code === '23505')
        throw ruleViolation('productId', nominationRules.duplicateNomination, { state: '-' }, 409);
      throw err;
    }
    await writeAudit(tx, actor, {
      action: 'nomination.create',
      objectType: 'nomination',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** Saves the officer's statement and the not-lead reason, if nobody changed the nomination since `version`. */
export async function updateNominationDetails(
  db: Db,
  actor: Actor,
  id: string,
  input: NominationDetails,
): Promise<NominationRow> {
  const existing = await getNomination(db, actor, id);
  assertOfficer(actor, existing);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(nominations).where(eq(nominations.id, id)).for('update');
    if (!before) throw new NotFoundError('nomination');
    if (before.version !== input.version) throw new StaleVersionError(before);
    assertEditable(before, actor.lang);
    const [after] = await tx
      .update(nominations)
      .set({
        statement: input.statement ?? null,
        notLeadReason: input.notLeadReason ?? null,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(nominations.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'nomination.update',
      objectType: 'nomination',
      objectId: id,
      regionCode: before.kabkotaCode,
      before: { statement: before.statement, notLeadReason: before.notLeadReason },
      after: { statement: after!.statement, notLeadReason: after!.notLeadReason },
    });
    return after!;
  });
}

// Documents ----------------------------------------------------------------------------------------

/** The checklist item of a nomination's cycle and commodity, or a refusal on the form. */
async function itemOf(db: Db, row: NominationRow, itemId: string): Promise<ChecklistItem> {
  const item = (await checklistFor(db, row.cycleId, row.commodity)).find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('checklist_item');
  return item;
}

export const itemLabel = (item: Pick<ChecklistItem, 'labelId' | 'labelEn'>, lang: 'id' | 'en') =>
  lang === 'id' ? item.labelId : item.labelEn;

/** The deadline date (WIT) a document must reach, for an item that must be valid on it. */
async function deadlineDateOf(
  db: Db,
  row: NominationRow,
  now: Date,
): Promise<{ date: string; at: Date } | null> {
  const window = await windowFor(db, row.cycleId, row.kabkotaCode, now);
  return window ? { date: localDate(window.deadline), at: window.deadline } : null;
}

function checkValidity(
  item: ChecklistItem,
  expiresOn: string | null | undefined,
  deadline: { date: string } | null,
  field: string,
  lang: 'id' | 'en',
): void {
  if (!item.validOnDeadline) return;
  if (!expiresOn) throw ruleViolation(field, nominationRules.expiryRequired);
  if (deadline && expiresOn < deadline.date)
    throw ruleViolation(field, nominationRules.expiresBeforeDeadline, {
      expiresOn: formatDate(expiresOn, lang),
      deadline: formatDate(deadline.date, lang),
    });
}

/** Puts a new current document against an item, keeping the earlier ones as versions. */
async function putDocument(
  tx: Db,
  actor: Actor,
  row: NominationRow,
  item: ChecklistItem,
  doc: Omit<
    typeof nominationDocuments.$inferInsert,
    'nominationId' | 'kabkotaCode' | 'checklistItemId' | 'itemCode' | 'number' | 'round' | 'uploadedBy'
  >,
): Promise<NominationDocument> {
  const [locked] = await tx.select().from(nominations).where(eq(nominations.id, row.id)).for('update');
  if (!locked) throw new NotFoundError('nomination');
  assertEditable(locked, actor.lang);
  const [last] = await tx
    .select({ n: max(nominationDocuments.number) })
    .from(nominationDocuments)
    .where(
      and(eq(nominationDocuments.nominationId, row.id), eq(nominationDocuments.checklistItemId, item.id)),
    );
  const now = new Date();
  await tx
    .update(nominationDocuments)
    .set({ supersededAt: now })
    .where(
      and(
        eq(nominationDocuments.nominationId, row.id),
        eq(nominationDocuments.checklistItemId, item.id),
        isNull(nominationDocuments.supersededAt),
      ),
    );
  const [saved] = await tx
    .insert(nominationDocuments)
    .values({
      ...doc,
      nominationId: row.id,
      kabkotaCode: row.kabkotaCode,
      checklistItemId: item.id,
      itemCode: item.code,
      number: Number(last?.n ?? 0) + 1,
      round: locked.round,
      uploadedBy: actor.userId,
      createdAt: now,
    })
    .returning();
  // A document changes what the officer checked: the nomination's version moves on.
  await tx
    .update(nominations)
    .set({ updatedAt: now, version: locked.version + 1 })
    .where(eq(nominations.id, row.id));
  await writeAudit(tx, actor, {
    action: 'nomination.document',
    objectType: 'nomination',
    objectId: row.id,
    regionCode: row.kabkotaCode,
    after: {
      item: item.code,
      number: saved!.number,
      source: saved!.source,
      fileSha256: saved!.fileSha256,
      fileName: saved!.fileName,
      documentNumber: saved!.documentNumber,
      expiresOn: saved!.expiresOn,
    },
  });
  return saved!;
}

/**
 * Uploads a file against a checklist item: its type decided by its bytes and accepted only if the
 * item accepts it; an item that must be valid on the deadline needs an expiry on or after it.
 */
export async function uploadDocument(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  itemId: string,
  upload: { name: string; bytes: Uint8Array } | undefined,
  fields: DocumentFields,
): Promise<NominationDocument> {
  const row = await getNomination(db, actor, id);
  assertOfficer(actor, row);
  assertEditable(row, actor.lang);
  const item = await itemOf(db, row, itemId);
  if (!upload || upload.bytes.byteLength === 0) throw ruleViolation('file', nominationRules.fileMissing);
  checkValidity(item, fields.expiresOn, await deadlineDateOf(db, row, env.now()), 'expiresOn', actor.lang);
  let stored: Awaited<ReturnType<typeof storeUpload>>;
  try {
    stored = await storeUpload(db, env.store, upload, {
      allowed: item.fileKinds as FileKind[],
      maxBytes: env.uploadMaxBytes,
    });
  } catch (err) {
    if (err instanceof DomainError && err.userMessage === fileMessages.wrongType)
      throw ruleViolation('file', nominationRules.fileWrongType, {
        ...err.params,
        item: itemLabel(item, actor.lang),
      });
    if (err instanceof DomainError && err.userMessage === fileMessages.tooLarge)
      throw ruleViolation('file', nominationRules.fileTooLarge, err.params, 422);
    if (err instanceof DomainError && err.userMessage === fileMessages.empty)
      throw ruleViolation('file', nominationRules.fileMissing);
    throw err;
  }
  return db.transaction((tx) =>
    putDocument(tx, actor, row, item, {
      source: 'upload',
      legalDocumentId: null,
      fileSha256: stored.sha256,
      fileName: upload.name.slice(0, 200),
      fileMime: stored.mime,
      documentNumber: fields.documentNumber ?? null,
      expiresOn: fields.expiresOn ?? null,
    }),
  );
}

/** The registry documents of the nomination's IKM that may meet an item (by kind). */
export async function registryChoices(
  db: Db,
  actor: Actor,
  row: NominationRow,
  item: ChecklistItem,
): Promise<DocumentRow[]> {
  if (item.satisfiedBy.length === 0) return [];
  const docs = await legalDocumentsOf(db, actor, row.ikmId);
  return docs.filter((d) => item.satisfiedBy.includes(d.kind));
}

/** Attaches a legal document already in the registry (its scan) to an item, without a new upload. */
export async function attachRegistryDocument(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  id: string,
  itemId: string,
  legalDocumentId: string,
): Promise<NominationDocument> {
  const row = await getNomination(db, actor, id);
  assertOfficer(actor, row);
  assertEditable(row, actor.lang);
  const item = await itemOf(db, row, itemId);
  let doc: DocumentRow;
  try {
    ({ doc } = await getDocument(db, actor, legalDocumentId));
  } catch (err) {
    if (err instanceof NotFoundError)
      throw ruleViolation('legalDocumentId', nominationRules.registryDocumentUnknown);
    throw err;
  }
  const label = itemLabel(item, actor.lang);
  if (doc.ikmId !== row.ikmId)
    throw ruleViolation('legalDocumentId', nominationRules.registryDocumentUnknown);
  if (!item.satisfiedBy.includes(doc.kind))
    throw ruleViolation('legalDocumentId', nominationRules.registryDocumentKind, {
      kind: doc.kind,
      item: label,
    });
  if (!doc.fileSha256 || !doc.fileMime)
    throw ruleViolation('legalDocumentId', nominationRules.registryDocumentNoScan, { number: doc.number });
  const accepted = (item.fileKinds as FileKind[]).map((k) => FILE_KINDS[k] as string);
  if (!accepted.includes(doc.fileMime))
    throw ruleViolation('legalDocumentId', nominationRules.registryDocumentWrongType, {
      number: doc.number,
      found: kindOfMime(doc.fileMime).toUpperCase(),
      item: label,
      allowed: item.fileKinds.map((k) => k.toUpperCase()).join(', '),
    });
  checkValidity(
    item,
    doc.expiryDate,
    await deadlineDateOf(db, row, env.now()),
    'legalDocumentId',
    actor.lang,
  );
  return db.transaction((tx) =>
    putDocument(tx, actor, row, item, {
      source: 'registry',
      legalDocumentId: doc.id,
      fileSha256: doc.fileSha256!,
      fileName: doc.fileName ?? `${doc.kind}-${doc.number}`,
      fileMime: doc.fileMime!,
      documentNumber: doc.number,
      expiresOn: doc.expiryDate,
    }),
  );
}

/** Takes an item's current document off the nomination (it stays as an earlier version). */
export async function removeDocument(
  db: Db,
  actor: Actor,
  id: string,
  itemId: string,
): Promise<ChecklistItem> {
  const row = await getNomination(db, actor, id);
  assertOfficer(actor, row);
  const item = await itemOf(db, row, itemId);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(nominations).where(eq(nominations.id, id)).for('update');
    if (!locked) throw new NotFoundError('nomination');
    assertEditable(locked, actor.lang);
    const gone = await tx
      .update(nominationDocuments)
      .set({ supersededAt: new Date() })
      .where(
        and(
          eq(nominationDocuments.nominationId, id),
          eq(nominationDocuments.checklistItemId, itemId),
          isNull(nominationDocuments.supersededAt),
        ),
      )
      .returning({ number: nominationDocuments.number });
    if (gone.length === 0) return;
    await tx
      .update(nominations)
      .set({ updatedAt: new Date(), version: locked.version + 1 })
      .where(eq(nominations.id, id));
    await writeAudit(tx, actor, {
      action: 'nomination.document_remove',
      objectType: 'nomination',
      objectId: id,
      regionCode: row.kabkotaCode,
      before: { item: item.code, number: gone[0]!.number },
    });
  });
  return item;
}

/** One stored document of a nomination the actor may read, or 404. */
export async function getNominationDocument(
  db: Db,
  actor: Actor,
  id: string,
  documentId: string,
): Promise<NominationDocument> {
  await getNomination(db, actor, id);
  const [doc] = await db
    .select()
    .from(nominationDocuments)
    .where(and(eq(nominationDocuments.id, documentId), eq(nominationDocuments.nominationId, id)))
    .limit(1);
  if (!doc) throw new NotFoundError('document');
  return doc;
}

export function kindOfMime(mime: string): string {
  return (Object.entries(FILE_KINDS).find(([, m]) => m === mime)?.[0] as string | undefined) ?? mime;
}

// What the task list shows ------------------------------------------------------------------------------

export interface AutoChecks {
  present: boolean;
  typeOk: boolean;
  /** null when the item need not be valid on the deadline. */
  validOnDeadline: boolean | null;
}

export interface ItemView {
  item: ChecklistItem;
  status: ItemStatus;
  current: NominationDocument | null;
  /** Every version, newest first. */
  versions: NominationDocument[];
  /** The province's verdict in the current round, if any. */
  review: NominationReview | null;
  auto: AutoChecks;
}

/** The automatic checks of one item's current document against the deadline. */
export function autoChecks(
  item: ChecklistItem,
  current: NominationDocument | null,
  deadlineDate: string | null,
): AutoChecks {
  const accepted = (item.fileKinds as FileKind[]).map((k) => FILE_KINDS[k] as string);
  return {
    present: current !== null,
    typeOk: current !== null && accepted.includes(current.fileMime),
    validOnDeadline: item.validOnDeadline
      ? current !== null &&
        current.expiresOn !== null &&
        (deadlineDate === null || current.expiresOn >= deadlineDate)
      : null,
  };
}

/** Whether an item's documents are all a submission needs: present, of an accepted kind, valid. */
export const itemComplete = (auto: AutoChecks) =>
  auto.present && auto.typeOk && auto.validOnDeadline !== false;

function statusOf(
  row: NominationRow,
  current: NominationDocument | null,
  review: NominationReview | null,
): ItemStatus {
  if (
    row.state === 'returned' &&
    review?.verdict === 'fault' &&
    (!current || current.createdAt.getTime() <= review.reviewedAt.getTime())
  )
    return 'returned';
  return current ? 'done' : 'not_started';
}

/** Each checklist item of the nomination with its documents, review, automatic checks and status. */
export async function itemViews(
  db: Db,
  row: NominationRow,
  deadlineDate: string | null,
): Promise<{ items: ItemView[]; orphans: NominationDocument[] }> {
  const checklist = await checklistFor(db, row.cycleId, row.commodity);
  const docs = await db
    .select()
    .from(nominationDocuments)
    .where(eq(nominationDocuments.nominationId, row.id))
    .orderBy(asc(nominationDocuments.checklistItemId), desc(nominationDocuments.number));
  const reviews = await db
    .select()
    .from(nominationReviews)
    .where(and(eq(nominationReviews.nominationId, row.id), eq(nominationReviews.round, row.round)));
  const items = checklist.map((item) => {
    const versions = docs.filter((d) => d.checklistItemId === item.id);
    const current = versions.find((d) => d.supersededAt === null) ?? null;
    const review = reviews.find((r) => r.checklistItemId === item.id) ?? null;
    return {
      item,
      status: statusOf(row, current, review),
      current,
      versions,
      review,
      auto: autoChecks(item, current, deadlineDate),
    };
  });
  const known = new Set(checklist.map((i) => i.id));
  return { items, orphans: docs.filter((d) => !known.has(d.checklistItemId)) };
}

export interface Completeness {
  requiredDone: number;
  requiredTotal: number;
  optionalDone: number;
  optionalTotal: number;
}

export function completenessOf(items: ItemView[]): Completeness {
  const required = items.filter((i) => i.item.required);
  const optional = items.filter((i) => !i.item.required);
  return {
    requiredDone: required.filter((i) => itemComplete(i.auto)).length,
    requiredTotal: required.length,
    optionalDone: optional.filter((i) => i.current).length,
    optionalTotal: optional.length,
  };
}

/** The required items a submission still lacks (missing, of a refused kind, or not valid on the deadline). */
export const missingItems = (items: ItemView[]) =>
  items.filter((i) => i.item.required && !itemComplete(i.auto));

export interface HistoryRow {
  action: string;
  fromState: NominationState;
  toState: NominationState;
  round: number;
  reason: string | null;
  at: Date;
  actorName: string | null;
}

export interface NominationDetail {
  nomination: NominationRow;
  cycle: CycleRow;
  product: ProductRow;
  ikm: IkmRow;
  sentra: SentraRow | null;
  legalDocuments: DocumentRow[];
  items: ItemView[];
  orphans: NominationDocument[];
  window: WindowInfo | null;
  adminSelection: { startsAt: Date; endsAt: Date } | null;
  eligibility: { eligible: boolean; outcomes: RuleOutcome[] };
  completeness: Completeness;
  history: HistoryRow[];
  regencyName: string;
}

/** The documents the eligibility rules read: the IKM's registry documents and the nomination's own. */
function eligibilityDocuments(legal: DocumentRow[], items: ItemView[]): EligibilityDocument[] {
  const out: EligibilityDocument[] = legal.map((d) => ({
    kind: d.kind,
    number: d.number,
    expiresOn: d.expiryDate,
  }));
  for (const { item, current } of items) {
    if (!current || current.source === 'registry' || item.satisfiedBy.length === 0) continue;
    out.push({
      kind: item.satisfiedBy[0] as ChecklistDocumentKind,
      number: current.documentNumber,
      expiresOn: current.expiresOn,
    });
  }
  return out;
}

/** Everything a nomination's pages show, read within the actor's scope. */
export async function nominationDetail(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<NominationDetail> {
  const row = await getNomination(db, actor, id);
  const config = await getCycleConfig(db, row.cycleId);
  const { product, ikm: owner } = await getProduct(db, actor, row.productId).catch(async (err) => {
    // An archived product still shows on its nomination: read it without the live filter.
    if (!(err instanceof NotFoundError)) throw err;
    const [p] = await db.select().from(products).where(eq(products.id, row.productId));
    const [i] = await db.select().from(ikm).where(eq(ikm.id, row.ikmId));
    if (!p || !i) throw err;
    return { product: p, ikm: i };
  });
  const sentraRow = owner.sentraId ? await getSentra(db, actor, owner.sentraId).catch(() => null) : null;
  const legal = await legalDocumentsOf(db, actor, owner.id);
  const window = await windowFor(db, row.cycleId, row.kabkotaCode, now);
  const deadline = window?.deadline ?? now;
  const { items, orphans } = await itemViews(db, row, window ? localDate(window.deadline) : null);
  const admin = config.phases.find((p) => p.phase === 'admin_selection');
  const eligibility = checkEligibility({
    cycle: {
      kind: config.cycle.kind,
      commodities: config.commodities.map((c) => c.commodity),
      proposalDeadline: deadline,
    },
    product: { commodity: row.commodity },
    ikm: { id: owner.id, nib: owner.nib, notLeadReason: row.notLeadReason },
    sentra: sentraRow
      ? {
          decreeNumber: sentraRow.decreeNumber,
          decreeDate: sentraRow.decreeDate,
          leadIkmId: sentraRow.leadIkmId,
        }
      : null,
    legalDocuments: eligibilityDocuments(legal, items),
    earlierStars: (await earlierStarsOf(db, owner.id)).filter((s) => s.cycleId !== row.cycleId),
  });
  const history = await db
    .select({
      action: nominationTransitions.action,
      fromState: nominationTransitions.fromState,
      toState: nominationTransitions.toState,
      round: nominationTransitions.round,
      reason: nominationTransitions.reason,
      at: nominationTransitions.at,
      actorName: users.name,
    })
    .from(nominationTransitions)
    .leftJoin(users, eq(users.id, nominationTransitions.actorUserId))
    .where(eq(nominationTransitions.nominationId, id))
    .orderBy(asc(nominationTransitions.at));
  return {
    nomination: row,
    cycle: config.cycle,
    product,
    ikm: owner,
    sentra: sentraRow,
    legalDocuments: legal,
    items,
    orphans,
    window,
    adminSelection: admin ? { startsAt: admin.startsAt, endsAt: admin.endsAt } : null,
    eligibility,
    completeness: completenessOf(items),
    history,
    regencyName: await regionNameOf(db, row.kabkotaCode),
  };
}

// Lists ----------------------------------------------------------------------------------------------

export interface NominationListRow {
  id: string;
  cycleId: string;
  cycleName: string;
  kabkotaCode: string;
  productId: string;
  productName: string;
  ikmName: string;
  commodity: Commodity;
  state: NominationState;
  round: number;
  returnCount: number;
  submittedAt: Date | null;
  updatedAt: Date;
  version: number;
}

const listColumns = {
  id: nominations.id,
  cycleId: nominations.cycleId,
  cycleName: cycles.name,
  kabkotaCode: nominations.kabkotaCode,
  productId: nominations.productId,
  productName: products.name,
  ikmName: ikm.name,
  commodity: nominations.commodity,
  state: nominations.state,
  round: nominations.round,
  returnCount: nominations.returnCount,
  submittedAt: nominations.submittedAt,
  updatedAt: nominations.updatedAt,
  version: nominations.version,
};

/** Nominations in the actor's scope, most recently changed first (keyset). */
export async function listNominations(
  db: Db,
  actor: Actor,
  filter: NominationFilter,
  limit = 50,
): Promise<Page<NominationListRow>> {
  return paginate<NominationListRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [nominations.updatedAt, nominations.id],
    dir: 'desc',
    keyOf: (r) => [r.updatedAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select(listColumns)
        .from(nominations)
        .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
        .innerJoin(products, eq(products.id, nominations.productId))
        .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
        .where(
          and(
            nominationScopeSql(actor),
            filter.cycle ? eq(nominations.cycleId, filter.cycle) : undefined,
            filter.state ? eq(nominations.state, filter.state) : undefined,
            filter.kabkota ? eq(nominations.kabkotaCode, filter.kabkota) : undefined,
            filter.commodity ? eq(nominations.commodity, filter.commodity) : undefined,
            where,
          ),
        )
        .orderBy(...orderBy)
        .limit(lim),
  });
}

/** A few nominations by id in the actor's scope (the bulk action's check page). */
export async function nominationsByIds(db: Db, actor: Actor, ids: string[]): Promise<NominationListRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(listColumns)
    .from(nominations)
    .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .where(and(inArray(nominations.id, ids), nominationScopeSql(actor)))
    .orderBy(asc(nominations.kabkotaCode), asc(products.name));
}

/** The nominations of one IKM, newest first (its profile panel). */
export async function nominationsOfIkm(db: Db, actor: Actor, ikmId: string): Promise<NominationListRow[]> {
  return db
    .select(listColumns)
    .from(nominations)
    .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .where(and(eq(nominations.ikmId, ikmId), nominationScopeSql(actor)))
    .orderBy(desc(cycles.year), desc(nominations.updatedAt))
    .limit(50);
}

/** The live nominations of some products in a cycle (the candidate list and search results mark them). */
export async function nominatedProducts(
  db: Db,
  cycleId: string,
  productIds: string[],
): Promise<Map<string, { id: string; state: NominationState }>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({ id: nominations.id, productId: nominations.productId, state: nominations.state })
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        inArray(nominations.productId, productIds),
        ne(nominations.state, 'withdrawn'),
      ),
    );
  return new Map(rows.map((r) => [r.productId, { id: r.id, state: r.state }]));
}

/** A cycle the actor may nominate into, read for its name and kind. */
export async function cycleOf(db: Db, id: string): Promise<CycleRow> {
  return getCycle(db, id);
}

// For the assessment feature ------------------------------------------------------------------------

export interface NominationSummary {
  id: string;
  cycleId: string;
  kabkotaCode: string;
  ikmId: string;
  productId: string;
  productName: string;
  ikmName: string;
  commodity: Commodity;
  state: NominationState;
  version: number;
}

/**
 * Every nomination of a cycle in one of `states`, by kab/kota and product name: the assessment
 * feature reads the `admin_passed` ones to assign assessors (no actor: the caller checked its right).
 */
export async function nominationsInState(
  db: Db,
  cycleId: string,
  states: readonly NominationState[],
): Promise<NominationSummary[]> {
  return db
    .select({
      id: nominations.id,
      cycleId: nominations.cycleId,
      kabkotaCode: nominations.kabkotaCode,
      ikmId: nominations.ikmId,
      productId: nominations.productId,
      productName: products.name,
      ikmName: ikm.name,
      commodity: nominations.commodity,
      state: nominations.state,
      version: nominations.version,
    })
    .from(nominations)
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .where(and(eq(nominations.cycleId, cycleId), inArray(nominations.state, [...states])))
    .orderBy(asc(nominations.kabkotaCode), asc(products.name), asc(nominations.id));
}

/** The passed nominations of a kab/kota in a cycle (a proposal package of the kab/kota). */
export async function passedNominationIds(db: Db, cycleId: string, kabkotaCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: nominations.id })
    .from(nominations)
    .innerJoin(products, eq(products.id, nominations.productId))
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        eq(nominations.kabkotaCode, kabkotaCode),
        inArray(nominations.state, [...PASSED_STATES]),
      ),
    )
    .orderBy(asc(products.name), asc(nominations.id));
  return rows.map((r) => r.id);
}
