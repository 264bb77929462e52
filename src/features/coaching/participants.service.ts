/**
 * Participants of a programme (IKMs from the registry, within the actor's scope) and each one's
 * outcomes with their evidence: a number, photos, and optionally a legal document recorded in the
 * registry through its own service, in the same transaction.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  coachingOutcomePhotos,
  coachingOutcomes,
  coachingParticipants,
  coachingProgrammes,
  type EnrolmentSource,
} from '../../db/schema/coaching.ts';
import { ikm } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { DomainError, NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { fileMessages, type FileStore, IMAGE_KINDS, storeUpload } from '../../platform/files.ts';
import { DISPLAY, makeDerivative, THUMBNAIL } from '../../platform/images.ts';
import { createDocument } from '../registry/documents.service.ts';
import { getIkm, type IkmRow } from '../registry/ikm.service.ts';
import type { OutcomeInput } from './coaching.forms.ts';
import { coachingRules } from './coaching.messages.ts';
import { canActForIkm, getProgramme, type ProgrammeRow, programmeScopeSql } from './programmes.service.ts';

export type ParticipantRow = typeof coachingParticipants.$inferSelect;
export type OutcomeRow = typeof coachingOutcomes.$inferSelect;
export type OutcomePhotoRow = typeof coachingOutcomePhotos.$inferSelect;

/** A file as it came from a form or the API. */
export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** A form field's files as uploads (an empty file input sends one nameless, empty file). */
export async function uploadsOf(value: unknown): Promise<Upload[]> {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: Upload[] = [];
  for (const v of list) {
    if (!(v instanceof File) || (v.size === 0 && !v.name)) continue;
    out.push({ name: v.name || 'foto', bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  return out;
}

/** API files `{ name, contentBase64 }` as uploads. */
export function uploadsFromBase64(files: { name: string; contentBase64: string }[]): Upload[] {
  return files.map((f) => {
    const clean = f.contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
      throw ruleViolation('photos', coachingRules.badBase64);
    return { name: f.name, bytes: new Uint8Array(Buffer.from(clean, 'base64')) };
  });
}

export const MAX_PHOTOS = 10;

interface StoredPhoto {
  sha256: string;
  mime: string;
  name: string;
  thumbSha256: string;
  displaySha256: string;
  width: number;
  height: number;
}

/** An outcome photo (JPEG, PNG or WebP by its bytes) and its light derivatives, made once. */
async function storePhoto(db: Db, store: FileStore, upload: Upload, maxBytes: number): Promise<StoredPhoto> {
  let stored: Awaited<ReturnType<typeof storeUpload>>;
  try {
    stored = await storeUpload(db, store, upload, { allowed: IMAGE_KINDS, maxBytes });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const key =
      err.userMessage === fileMessages.tooLarge
        ? coachingRules.photoTooLarge
        : err.userMessage === fileMessages.wrongType
          ? coachingRules.photoWrongType
          : null;
    if (!key) throw err;
    throw new DomainError(err.userMessage, err.params, { photos: key }, 422);
  }
  try {
    const [thumb, display] = await Promise.all([
      makeDerivative(db, store, upload.bytes, THUMBNAIL),
      makeDerivative(db, store, upload.bytes, DISPLAY),
    ]);
    return {
      sha256: stored.sha256,
      mime: stored.mime,
      name: upload.name.slice(0, 200),
      thumbSha256: thumb.sha256,
      displaySha256: display.sha256,
      width: display.width,
      height: display.height,
    };
  } catch {
    throw ruleViolation('photos', coachingRules.photoUnreadable, { name: upload.name });
  }
}

// Participants ------------------------------------------------------------------------------------

export interface OutcomeView extends OutcomeRow {
  photos: OutcomePhotoRow[];
}

export interface ParticipantView extends ParticipantRow {
  ikmName: string;
  /** Whether the actor may record outcomes for it or remove it (their own IKMs). */
  canAct: boolean;
  outcomes: OutcomeView[];
}

/** A programme's live participants by name, each with its live outcomes and their photos. */
export async function listParticipants(
  db: Db,
  actor: Actor,
  programme: ProgrammeRow,
): Promise<ParticipantView[]> {
  return (await participantsOfProgrammes(db, actor, [programme.id])).get(programme.id) ?? [];
}

/** The live participants of several programmes at once (exports), by programme. */
export async function participantsOfProgrammes(
  db: Db,
  actor: Actor,
  programmeIds: string[],
): Promise<Map<string, ParticipantView[]>> {
  const out = new Map<string, ParticipantView[]>(programmeIds.map((id) => [id, []]));
  if (programmeIds.length === 0) return out;
  const rows = await db
    .select({ p: coachingParticipants, ikmName: ikm.name })
    .from(coachingParticipants)
    .innerJoin(ikm, eq(ikm.id, coachingParticipants.ikmId))
    .where(
      and(inArray(coachingParticipants.programmeId, programmeIds), isNull(coachingParticipants.removedAt)),
    )
    .orderBy(asc(sql`lower(${ikm.name})`), asc(coachingParticipants.id))
    .limit(100_000);
  const outcomes = await outcomesOfProgrammes(db, programmeIds);
  const byParticipant = new Map<string, OutcomeView[]>();
  for (const o of outcomes) {
    const list = byParticipant.get(o.participantId) ?? [];
    list.push(o);
    byParticipant.set(o.participantId, list);
  }
  for (const r of rows)
    out.get(r.p.programmeId)!.push({
      ...r.p,
      ikmName: r.ikmName,
      canAct: canActForIkm(actor, r.p.kabkotaCode),
      outcomes: byParticipant.get(r.p.id) ?? [],
    });
  return out;
}

async function photosOf(db: Db, outcomeIds: string[]): Promise<Map<string, OutcomePhotoRow[]>> {
  const map = new Map<string, OutcomePhotoRow[]>();
  if (outcomeIds.length === 0) return map;
  const rows = await db
    .select()
    .from(coachingOutcomePhotos)
    .where(inArray(coachingOutcomePhotos.outcomeId, outcomeIds))
    .orderBy(asc(coachingOutcomePhotos.position));
  for (const r of rows) map.set(r.outcomeId, [...(map.get(r.outcomeId) ?? []), r]);
  return map;
}

async function outcomesOfProgrammes(db: Db, programmeIds: string[]): Promise<OutcomeView[]> {
  const rows = await db
    .select()
    .from(coachingOutcomes)
    .where(and(inArray(coachingOutcomes.programmeId, programmeIds), isNull(coachingOutcomes.archivedAt)))
    .orderBy(asc(coachingOutcomes.achievedOn), asc(coachingOutcomes.id));
  const photos = await photosOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, photos: photos.get(r.id) ?? [] }));
}

/** The live participant of a programme for an IKM, if it takes part. */
async function participantFor(
  db: Db,
  programmeId: string,
  ikmId: string,
): Promise<ParticipantRow | undefined> {
  const [row] = await db
    .select()
    .from(coachingParticipants)
    .where(
      and(
        eq(coachingParticipants.programmeId, programmeId),
        eq(coachingParticipants.ikmId, ikmId),
        isNull(coachingParticipants.removedAt),
      ),
    )
    .limit(1);
  return row;
}

/** The IKM ids among `ikmIds` that already take part in the programme. */
export async function enrolledAmong(db: Db, programmeId: string, ikmIds: string[]): Promise<Set<string>> {
  if (ikmIds.length === 0) return new Set();
  const rows = await db
    .select({ ikmId: coachingParticipants.ikmId })
    .from(coachingParticipants)
    .where(
      and(
        eq(coachingParticipants.programmeId, programmeId),
        inArray(coachingParticipants.ikmId, ikmIds),
        isNull(coachingParticipants.removedAt),
      ),
    );
  return new Set(rows.map((r) => r.ikmId));
}

/**
 * Adds IKMs to a programme: each must be one the actor may act for (their kab/kota, or any for the
 * province); one outside that refuses the whole list. IKMs already taking part are counted, not added.
 */
export async function addParticipants(
  db: Db,
  actor: Actor,
  programmeId: string,
  ikmIds: string[],
  opts: { source?: EnrolmentSource; recommendationId?: string; notes?: string } = {},
): Promise<{ added: ParticipantRow[]; already: number }> {
  const programme = await getProgramme(db, actor, programmeId);
  const unique = [...new Set(ikmIds)];
  const subjects: IkmRow[] = [];
  for (const id of unique) {
    try {
      const row = await getIkm(db, actor, id);
      if (!canActForIkm(actor, row.kabkotaCode)) throw new NotFoundError('ikm');
      subjects.push(row);
    } catch (err) {
      if (err instanceof NotFoundError) throw ruleViolation('ikmIds', coachingRules.ikmOutOfScope);
      throw err;
    }
  }
  return db.transaction(async (tx) => {
    // Serialise enrolments of one programme, so two officers adding the same IKM add it once.
    await tx
      .select({ id: coachingProgrammes.id })
      .from(coachingProgrammes)
      .where(eq(coachingProgrammes.id, programme.id))
      .for('update');
    const existing = await enrolledAmong(tx, programme.id, unique);
    const added: ParticipantRow[] = [];
    for (const s of subjects) {
      if (existing.has(s.id)) continue;
      const [row] = await tx
        .insert(coachingParticipants)
        .values({
          programmeId: programme.id,
          ikmId: s.id,
          provinceCode: s.provinceCode,
          kabkotaCode: s.kabkotaCode,
          source: opts.source ?? 'manual',
          recommendationId: opts.recommendationId ?? null,
          notes: opts.notes ?? null,
          enrolledBy: actor.userId,
        })
        .returning();
      await writeAudit(tx, actor, {
        action: 'coaching_participant.add',
        objectType: 'coaching_participant',
        objectId: row!.id,
        regionCode: s.kabkotaCode,
        after: { ...row, programmeTitle: programme.title, ikmName: s.name },
      });
      added.push(row!);
    }
    return { added, already: subjects.length - added.length };
  });
}

/** A live participant of a programme the actor may act for, with its IKM's name, or 404. */
async function actableParticipant(
  db: Db,
  actor: Actor,
  programmeId: string,
  participantId: string,
): Promise<ParticipantRow & { ikmName: string }> {
  const [row] = await db
    .select({ p: coachingParticipants, ikmName: ikm.name })
    .from(coachingParticipants)
    .innerJoin(ikm, eq(ikm.id, coachingParticipants.ikmId))
    .where(
      and(
        eq(coachingParticipants.id, participantId),
        eq(coachingParticipants.programmeId, programmeId),
        isNull(coachingParticipants.removedAt),
      ),
    )
    .limit(1);
  if (!row || !canActForIkm(actor, row.p.kabkotaCode)) throw new NotFoundError('participant');
  return { ...row.p, ikmName: row.ikmName };
}

/** Takes an IKM off a programme's list (added by mistake); refused while it has outcomes. */
export async function removeParticipant(
  db: Db,
  actor: Actor,
  programmeId: string,
  participantId: string,
): Promise<ParticipantRow & { ikmName: string }> {
  await getProgramme(db, actor, programmeId);
  const p = await actableParticipant(db, actor, programmeId, participantId);
  return db.transaction(async (tx) => {
    const [outcome] = await tx
      .select({ id: coachingOutcomes.id })
      .from(coachingOutcomes)
      .where(and(eq(coachingOutcomes.participantId, p.id), isNull(coachingOutcomes.archivedAt)))
      .limit(1);
    if (outcome) throw ruleViolation('_form', coachingRules.hasOutcomes, { name: p.ikmName }, 409);
    const [after] = await tx
      .update(coachingParticipants)
      .set({ removedAt: new Date() })
      .where(and(eq(coachingParticipants.id, p.id), isNull(coachingParticipants.removedAt)))
      .returning();
    if (!after) throw new NotFoundError('participant');
    await writeAudit(tx, actor, {
      action: 'coaching_participant.remove',
      objectType: 'coaching_participant',
      objectId: p.id,
      regionCode: p.kabkotaCode,
      before: p,
      after: { removedAt: after.removedAt },
    });
    return p;
  });
}

// Outcomes ----------------------------------------------------------------------------------------

export interface PhotoUploads {
  store: FileStore;
  uploads: Upload[];
  maxBytes: number;
}

/**
 * Records what a participant achieved. The IKM must take part in the programme (else refused,
 * naming it); the photos are checked by their bytes; a certificate may be recorded among the IKM's
 * legal documents through the registry, in the same transaction, so nothing is half-written.
 */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  programmeId: string,
  input: OutcomeInput,
  photos?: PhotoUploads,
): Promise<{ outcome: OutcomeRow; ikmName: string; legalDocumentId: string | null }> {
  const programme = await getProgramme(db, actor, programmeId);
  const participant = await participantFor(db, programme.id, input.ikmId);
  if (!participant) {
    const [named] = await db
      .select({ name: ikm.name, kabkotaCode: ikm.kabkotaCode })
      .from(ikm)
      .where(eq(ikm.id, input.ikmId))
      .limit(1);
    // An IKM outside the actor's scope is not named, so its existence does not leak.
    const name = named && canActForIkm(actor, named.kabkotaCode) ? named.name : '—';
    throw ruleViolation('ikmId', coachingRules.notParticipant, { name, title: programme.title });
  }
  if (!canActForIkm(actor, participant.kabkotaCode)) throw new NotFoundError('participant');
  const uploads = photos?.uploads ?? [];
  if (uploads.length > MAX_PHOTOS)
    throw ruleViolation('photos', coachingRules.tooManyPhotos, { max: MAX_PHOTOS });
  const stored: StoredPhoto[] = [];
  for (const u of uploads) stored.push(await storePhoto(db, photos!.store, u, photos!.maxBytes));
  const [subject] = await db.select({ name: ikm.name }).from(ikm).where(eq(ikm.id, participant.ikmId));
  const ikmName = subject?.name ?? '';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingOutcomes)
      .values({
        programmeId: programme.id,
        participantId: participant.id,
        ikmId: participant.ikmId,
        provinceCode: participant.provinceCode,
        kabkotaCode: participant.kabkotaCode,
        kind: input.kind,
        documentKind: input.documentKind ?? null,
        evidenceNumber: input.evidenceNumber ?? null,
        description: input.description ?? null,
        achievedOn: input.achievedOn,
        valueRp: input.valueRp === undefined ? null : BigInt(input.valueRp),
        recordedBy: actor.userId,
      })
      .returning();
    let legalDocumentId: string | null = null;
    if (input.document) {
      try {
        const doc = await createDocument(tx, actor, participant.ikmId, input.document);
        legalDocumentId = doc.id;
      } catch (err) {
        throw onOutcomeFields(err);
      }
      await tx.update(coachingOutcomes).set({ legalDocumentId }).where(eq(coachingOutcomes.id, row!.id));
    }
    for (const [position, p] of stored.entries()) {
      await tx.insert(coachingOutcomePhotos).values({
        outcomeId: row!.id,
        kabkotaCode: participant.kabkotaCode,
        fileSha256: p.sha256,
        fileMime: p.mime,
        fileName: p.name,
        thumbSha256: p.thumbSha256,
        displaySha256: p.displaySha256,
        width: p.width,
        height: p.height,
        position,
      });
    }
    await writeAudit(tx, actor, {
      action: 'coaching_outcome.create',
      objectType: 'coaching_outcome',
      objectId: row!.id,
      regionCode: participant.kabkotaCode,
      after: {
        ...row,
        legalDocumentId,
        photos: stored.map((p) => p.sha256),
        programmeTitle: programme.title,
        ikmName,
      },
    });
    return { outcome: { ...row!, legalDocumentId }, ikmName, legalDocumentId };
  });
}

/** The registry's refusal of a document, put on the outcome form's fields. */
function onOutcomeFields(err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  const map: Record<string, string> = {
    number: 'evidenceNumber',
    kind: 'documentKind',
    issuer: 'documentIssuer',
    issueDate: 'achievedOn',
    expiryDate: 'documentExpiryDate',
  };
  const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [map[k] ?? k, v]));
  return new DomainError(err.userMessage, err.params, fields, err.status);
}

/** A live outcome of a programme the actor may act for, or 404. */
async function actableOutcome(db: Db, actor: Actor, outcomeId: string): Promise<OutcomeRow> {
  const [row] = await db
    .select({ o: coachingOutcomes })
    .from(coachingOutcomes)
    .innerJoin(coachingProgrammes, eq(coachingProgrammes.id, coachingOutcomes.programmeId))
    .where(
      and(
        eq(coachingOutcomes.id, outcomeId),
        isNull(coachingOutcomes.archivedAt),
        isNull(coachingProgrammes.archivedAt),
        programmeScopeSql(actor),
      ),
    )
    .limit(1);
  if (!row || !canActForIkm(actor, row.o.kabkotaCode)) throw new NotFoundError('outcome');
  return row.o;
}

/** Removes an outcome recorded by mistake (archived; a legal document made from it stays in the registry). */
export async function archiveOutcome(db: Db, actor: Actor, outcomeId: string): Promise<OutcomeRow> {
  const before = await actableOutcome(db, actor, outcomeId);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(coachingOutcomes)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${coachingOutcomes.version} + 1` })
      .where(and(eq(coachingOutcomes.id, outcomeId), isNull(coachingOutcomes.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('outcome');
    await writeAudit(tx, actor, {
      action: 'coaching_outcome.archive',
      objectType: 'coaching_outcome',
      objectId: outcomeId,
      regionCode: before.kabkotaCode,
      before,
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}

/** An outcome photo the actor may see (its programme in scope), or 404. */
export async function getOutcomePhoto(db: Db, actor: Actor, photoId: string): Promise<OutcomePhotoRow> {
  const [row] = await db
    .select({ photo: coachingOutcomePhotos })
    .from(coachingOutcomePhotos)
    .innerJoin(coachingOutcomes, eq(coachingOutcomes.id, coachingOutcomePhotos.outcomeId))
    .innerJoin(coachingProgrammes, eq(coachingProgrammes.id, coachingOutcomes.programmeId))
    .where(
      and(
        eq(coachingOutcomePhotos.id, photoId),
        isNull(coachingOutcomes.archivedAt),
        isNull(coachingProgrammes.archivedAt),
        programmeScopeSql(actor),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('photo');
  return row.photo;
}

// One IKM's coaching ---------------------------------------------------------------------------------

export interface IkmParticipation {
  participantId: string;
  programme: ProgrammeRow;
  enrolledAt: Date;
  outcomes: OutcomeView[];
}

/**
 * Every programme an IKM took part in, newest first, with its outcomes. The caller has checked the
 * IKM is in the actor's scope; programmes are listed whoever runs them (it is the IKM's own history).
 */
export async function participationsOfIkm(db: Db, ikmId: string): Promise<IkmParticipation[]> {
  const rows = await db
    .select({ p: coachingParticipants, programme: coachingProgrammes })
    .from(coachingParticipants)
    .innerJoin(coachingProgrammes, eq(coachingProgrammes.id, coachingParticipants.programmeId))
    .where(
      and(
        eq(coachingParticipants.ikmId, ikmId),
        isNull(coachingParticipants.removedAt),
        isNull(coachingProgrammes.archivedAt),
      ),
    )
    .orderBy(desc(coachingProgrammes.startDate), desc(coachingProgrammes.id))
    .limit(500);
  if (rows.length === 0) return [];
  const outcomes = await db
    .select()
    .from(coachingOutcomes)
    .where(
      and(
        inArray(
          coachingOutcomes.participantId,
          rows.map((r) => r.p.id),
        ),
        isNull(coachingOutcomes.archivedAt),
      ),
    )
    .orderBy(asc(coachingOutcomes.achievedOn));
  const photos = await photosOf(
    db,
    outcomes.map((o) => o.id),
  );
  return rows.map((r) => ({
    participantId: r.p.id,
    programme: r.programme,
    enrolledAt: r.p.createdAt,
    outcomes: outcomes
      .filter((o) => o.participantId === r.p.id)
      .map((o) => ({ ...o, photos: photos.get(o.id) ?? [] })),
  }));
}
