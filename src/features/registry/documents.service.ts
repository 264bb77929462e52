/** Legal documents of an IKM (NIB, PIRT, BPOM MD, halal, SNI, trademark): their scans and expiry. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ikm, legalDocuments } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files.ts';
import { localDate } from '../../platform/format.ts';
import { EXPIRY_WARNING_DAYS } from '../../platform/registry-domain.ts';
import { daysBetween } from './identifiers.ts';
import { type DocumentRow, getIkm, type IkmRow } from './ikm.service.ts';
import type { DocumentInput, DocumentUpdate } from './registry.forms.ts';
import { registryRules } from './registry.messages.ts';
import { canWriteIkm, ikmScopeSql, refreshIkmDerived, regionIndex, regionName } from './registry.service.ts';
import { storeScan, type Upload } from './uploads.ts';

export type { DocumentRow } from './ikm.service.ts';

export type DocumentState = 'valid' | 'no_expiry' | 'expiring' | 'expired' | 'superseded';

/**
 * A document's state today: superseded by a later one of its kind, expired, expiring within 90 days,
 * valid, or valid without expiry.
 */
export function documentState(
  doc: Pick<DocumentRow, 'id' | 'kind' | 'expiryDate'>,
  all: Pick<DocumentRow, 'id' | 'kind' | 'expiryDate'>[],
  today = localDate(),
): { state: DocumentState; days: number | null } {
  const sameKind = all.filter((d) => d.kind === doc.kind);
  const best = sameKind.some((d) => d.expiryDate === null)
    ? null
    : sameKind.reduce<string | null>(
        (m, d) => (d.expiryDate && (!m || d.expiryDate > m) ? d.expiryDate : m),
        null,
      );
  if (doc.expiryDate === null) return { state: 'no_expiry', days: null };
  const days = daysBetween(today, doc.expiryDate);
  // A later document of the same kind (or one without expiry) carries the legality; this one is history.
  if (best === null || best > doc.expiryDate) return { state: 'superseded', days };
  if (days < 0) return { state: 'expired', days };
  if (days <= EXPIRY_WARNING_DAYS) return { state: 'expiring', days };
  return { state: 'valid', days };
}

/** A document whose IKM the actor may see, with that IKM, or 404. */
export async function getDocument(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ doc: DocumentRow; ikm: IkmRow }> {
  const [row] = await db
    .select({ doc: legalDocuments, ikm })
    .from(legalDocuments)
    .innerJoin(ikm, eq(ikm.id, legalDocuments.ikmId))
    .where(
      and(
        eq(legalDocuments.id, id),
        isNull(legalDocuments.archivedAt),
        isNull(ikm.archivedAt),
        ikmScopeSql(actor),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('document');
  return row;
}

/** The NIB document must carry the IKM's NIB; an IKM without one adopts it (if no one else holds it). */
async function checkNib(db: Db, owner: IkmRow, input: DocumentInput): Promise<boolean> {
  if (input.kind !== 'nib') return false;
  if (owner.nib) {
    if (owner.nib !== input.number)
      throw ruleViolation('number', registryRules.nibDocumentMismatch, { nib: owner.nib });
    return false;
  }
  const [holder] = await db
    .select({ id: ikm.id, name: ikm.name, kabkotaCode: ikm.kabkotaCode })
    .from(ikm)
    .where(and(eq(ikm.nib, input.number), isNull(ikm.archivedAt)))
    .limit(1);
  if (holder) {
    const index = await regionIndex(db);
    throw ruleViolation(
      'number',
      registryRules.nibTaken,
      { nib: input.number, existingName: holder.name, existingRegion: regionName(index, holder.kabkotaCode) },
      409,
    );
  }
  return true;
}

const docValues = (input: DocumentInput) => ({
  kind: input.kind,
  number: input.number,
  issuer: input.issuer ?? null,
  issueDate: input.issueDate ?? null,
  expiryDate: input.expiryDate ?? null,
  notes: input.notes ?? null,
});

export interface ScanUpload {
  store: FileStore;
  upload: Upload;
  maxBytes: number;
}

/** Adds a legal document (and its scan, checked by its bytes) to an IKM the actor may edit. */
export async function createDocument(
  db: Db,
  actor: Actor,
  ikmId: string,
  input: DocumentInput,
  scan?: ScanUpload,
): Promise<DocumentRow> {
  const owner = await getIkm(db, actor, ikmId);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('ikm');
  const adoptNib = await checkNib(db, owner, input);
  const file = scan ? await storeScan(db, scan.store, scan.upload, scan.maxBytes, 'scan') : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(legalDocuments)
      .values({
        ...docValues(input),
        ikmId,
        provinceCode: owner.provinceCode,
        kabkotaCode: owner.kabkotaCode,
        ...(file ? { fileSha256: file.sha256, fileName: file.name, fileMime: file.mime } : {}),
      })
      .returning();
    if (adoptNib)
      await tx
        .update(ikm)
        .set({ nib: input.number, updatedAt: new Date(), version: sql`${ikm.version} + 1` })
        .where(eq(ikm.id, ikmId));
    await refreshIkmDerived(tx, ikmId);
    await writeAudit(tx, actor, {
      action: 'legal_document.create',
      objectType: 'legal_document',
      objectId: row!.id,
      regionCode: owner.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** Edits a document if nobody changed it since `input.version`; a new scan replaces the old one. */
export async function updateDocument(
  db: Db,
  actor: Actor,
  id: string,
  input: DocumentUpdate,
  scan?: ScanUpload,
): Promise<DocumentRow> {
  const { ikm: owner } = await getDocument(db, actor, id);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('document');
  const adoptNib = await checkNib(db, owner, input);
  const file = scan ? await storeScan(db, scan.store, scan.upload, scan.maxBytes, 'scan') : null;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(legalDocuments).where(eq(legalDocuments.id, id)).for('update');
    if (!before || before.archivedAt) throw new NotFoundError('document');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(legalDocuments)
      .set({
        ...docValues(input),
        ...(file ? { fileSha256: file.sha256, fileName: file.name, fileMime: file.mime } : {}),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(legalDocuments.id, id))
      .returning();
    if (adoptNib)
      await tx
        .update(ikm)
        .set({ nib: input.number, updatedAt: new Date(), version: sql`${ikm.version} + 1` })
        .where(eq(ikm.id, owner.id));
    await refreshIkmDerived(tx, owner.id);
    await writeAudit(tx, actor, {
      action: 'legal_document.update',
      objectType: 'legal_document',
      objectId: id,
      regionCode: owner.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a document recorded by mistake (a renewed one is added beside it instead). */
export async function archiveDocument(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  const { doc, ikm: owner } = await getDocument(db, actor, id);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('document');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(legalDocuments)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${legalDocuments.version} + 1` })
      .where(and(eq(legalDocuments.id, id), isNull(legalDocuments.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('document');
    await refreshIkmDerived(tx, owner.id);
    await writeAudit(tx, actor, {
      action: 'legal_document.archive',
      objectType: 'legal_document',
      objectId: id,
      regionCode: owner.kabkotaCode,
      before: doc,
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}
