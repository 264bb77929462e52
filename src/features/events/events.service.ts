/** Events: their details, speakers, materials and photos, minutes, state and registration link. */
import { and, asc, desc, eq, gte, ilike, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  eventFiles,
  eventSpeakers,
  eventStakeholders,
  events,
  stakeholders,
} from '../../db/schema/events.ts';
import type { EventFileKind, EventStakeholderRole, EventStatus } from '../../db/schema/events.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { type FileKind, type FileStore, IMAGE_KINDS, storeUpload } from '../../platform/files.ts';
import { randomToken } from '../../platform/ids.ts';
import { DISPLAY, makeDerivative, THUMBNAIL } from '../../platform/images.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { findRegion } from '../regions/regions.service.ts';
import type { EventFilter, EventInput, EventUpdate, SpeakerInput } from './events.forms.ts';
import { eventRules } from './events.messages.ts';

export type EventRow = typeof events.$inferSelect;
export type SpeakerRow = typeof eventSpeakers.$inferSelect;
export type EventFileRow = typeof eventFiles.$inferSelect;

/** The fields an audit row keeps of an event (never the secret tokens). */
function eventSnapshot(e: EventRow) {
  const { registrationToken: _r, doorToken: _d, ...rest } = e;
  return rest;
}

/** Refuses a code that is not one of the province's kab/kota. */
export async function assertKabkota(
  db: Db,
  code: string,
  provinceCode: string,
  field: string,
): Promise<void> {
  const region = await findRegion(db, code);
  if (!region || region.level !== 'kabupaten_kota' || region.provinceCode !== provinceCode)
    throw ruleViolation(field, eventRules.kabkotaUnknown);
}

/** Plans an event; its registration link and door code are made now, secret and unguessable. */
export async function createEvent(
  db: Db,
  actor: Actor,
  input: EventInput,
  provinceCode: string,
): Promise<EventRow> {
  await assertKabkota(db, input.venueKabkotaCode, provinceCode, 'venueKabkotaCode');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({
        provinceCode,
        title: input.title,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        venue: input.venue,
        venueKabkotaCode: input.venueKabkotaCode,
        organiser: input.organiser,
        cycleId: input.cycleId ?? null,
        description: input.description ?? null,
        agenda: input.agenda ?? null,
        registrationToken: randomToken(16),
        doorToken: randomToken(16),
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'event.create',
      objectType: 'event',
      objectId: row!.id,
      regionCode: row!.venueKabkotaCode,
      after: eventSnapshot(row!),
    });
    return row!;
  });
}

/** An event by id (archived ones answer 404). Every role that may read events sees every event. */
export async function getEvent(db: Db, id: string): Promise<EventRow> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), isNull(events.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('event');
  return row;
}

/** Locks and reads an event inside a transaction, or 404. */
export async function lockEvent(tx: Db, id: string): Promise<EventRow> {
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, id), isNull(events.archivedAt)))
    .for('update');
  if (!row) throw new NotFoundError('event');
  return row;
}

/** Edits an event if nobody saved it since `input.version` was read. */
export async function updateEvent(db: Db, actor: Actor, id: string, input: EventUpdate): Promise<EventRow> {
  const current = await getEvent(db, id);
  await assertKabkota(db, input.venueKabkotaCode, current.provinceCode, 'venueKabkotaCode');
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (before.version !== input.version) throw new StaleVersionError(before);
    if (before.status === 'cancelled') throw ruleViolation('_form', eventRules.cancelledNoChanges);
    const [after] = await tx
      .update(events)
      .set({
        title: input.title,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        venue: input.venue,
        venueKabkotaCode: input.venueKabkotaCode,
        organiser: input.organiser,
        cycleId: input.cycleId ?? null,
        description: input.description ?? null,
        agenda: input.agenda ?? null,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(events.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'event.update',
      objectType: 'event',
      objectId: id,
      regionCode: after!.venueKabkotaCode,
      before: eventSnapshot(before),
      after: eventSnapshot(after!),
    });
    return after!;
  });
}

/** Cancels, finishes or schedules again; a cancelled event also closes its registration. */
export async function setEventStatus(
  db: Db,
  actor: Actor,
  id: string,
  status: EventStatus,
): Promise<EventRow> {
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (before.status === status) return before;
    const [after] = await tx
      .update(events)
      .set({
        status,
        registrationOpen: status === 'scheduled' ? before.registrationOpen : false,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(events.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: `event.${status === 'scheduled' ? 'reschedule' : status === 'cancelled' ? 'cancel' : 'finish'}`,
      objectType: 'event',
      objectId: id,
      regionCode: before.venueKabkotaCode,
      before: { status: before.status, registrationOpen: before.registrationOpen },
      after: { status: after!.status, registrationOpen: after!.registrationOpen },
    });
    return after!;
  });
}

/** Opens or closes the public self-registration link. */
export async function setRegistrationOpen(
  db: Db,
  actor: Actor,
  id: string,
  open: boolean,
): Promise<EventRow> {
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (open && before.status === 'cancelled')
      throw ruleViolation('_form', eventRules.eventCancelledRegistration);
    if (before.registrationOpen === open) return before;
    const [after] = await tx
      .update(events)
      .set({ registrationOpen: open, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(events.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: open ? 'event.registration_open' : 'event.registration_close',
      objectType: 'event',
      objectId: id,
      regionCode: before.venueKabkotaCode,
    });
    return after!;
  });
}

/** Writes the minutes (notulen). */
export async function saveMinutes(
  db: Db,
  actor: Actor,
  id: string,
  input: { minutes?: string | undefined; version: number },
): Promise<EventRow> {
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(events)
      .set({ minutes: input.minutes ?? null, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(events.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'event.minutes',
      objectType: 'event',
      objectId: id,
      regionCode: before.venueKabkotaCode,
      before: { minutes: before.minutes },
      after: { minutes: after!.minutes },
    });
    return after!;
  });
}

/** Events newest first, by kind, time and title. */
export async function listEvents(
  db: Db,
  filter: EventFilter,
  limit = 30,
  now: Date = new Date(),
): Promise<Page<EventRow>> {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const conditions = and(
    isNull(events.archivedAt),
    q ? ilike(events.title, q) : undefined,
    filter.kind ? eq(events.kind, filter.kind) : undefined,
    filter.when === 'upcoming'
      ? and(gte(events.endsAt, now), sql`${events.status} = 'scheduled'`)
      : undefined,
    filter.when === 'past' ? and(lt(events.endsAt, now), sql`${events.status} <> 'cancelled'`) : undefined,
    filter.when === 'cancelled' ? eq(events.status, 'cancelled') : undefined,
  );
  return paginate<EventRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [events.startsAt, events.id],
    dir: 'desc',
    keyOf: (r) => [r.startsAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(events)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
}

/** Recent events for a select (a commitment's event), newest first. */
export async function recentEvents(
  db: Db,
  limit = 200,
): Promise<{ id: string; title: string; startsAt: Date }[]> {
  return db
    .select({ id: events.id, title: events.title, startsAt: events.startsAt })
    .from(events)
    .where(isNull(events.archivedAt))
    .orderBy(desc(events.startsAt))
    .limit(limit);
}

// Speakers -------------------------------------------------------------------------------------

export async function listSpeakers(db: Db, eventId: string): Promise<SpeakerRow[]> {
  return db
    .select()
    .from(eventSpeakers)
    .where(eq(eventSpeakers.eventId, eventId))
    .orderBy(asc(eventSpeakers.position), asc(eventSpeakers.id));
}

/** Adds a speaker (narasumber) at the end of the list. */
export async function addSpeaker(
  db: Db,
  actor: Actor,
  eventId: string,
  input: SpeakerInput,
): Promise<SpeakerRow> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (input.stakeholderId) {
      const [s] = await tx
        .select({ id: stakeholders.id })
        .from(stakeholders)
        .where(and(eq(stakeholders.id, input.stakeholderId), isNull(stakeholders.archivedAt)));
      if (!s) throw ruleViolation('stakeholderId', eventRules.unknownStakeholder);
    }
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${eventSpeakers.position}), 0)::int + 1` })
      .from(eventSpeakers)
      .where(eq(eventSpeakers.eventId, eventId));
    const [row] = await tx
      .insert(eventSpeakers)
      .values({
        eventId,
        position: Number(next),
        name: input.name,
        institution: input.institution ?? null,
        topic: input.topic ?? null,
        stakeholderId: input.stakeholderId ?? null,
      })
      .returning();
    if (input.stakeholderId) {
      await tx
        .insert(eventStakeholders)
        .values({ eventId, stakeholderId: input.stakeholderId, role: 'speaker' })
        .onConflictDoNothing();
    }
    await writeAudit(tx, actor, {
      action: 'event.speaker_add',
      objectType: 'event',
      objectId: eventId,
      regionCode: event.venueKabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** Removes a speaker; the audit row keeps who it was. */
export async function removeSpeaker(
  db: Db,
  actor: Actor,
  eventId: string,
  speakerId: string,
): Promise<SpeakerRow> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const [row] = await tx
      .delete(eventSpeakers)
      .where(and(eq(eventSpeakers.id, speakerId), eq(eventSpeakers.eventId, eventId)))
      .returning();
    if (!row) throw new NotFoundError('speaker');
    await writeAudit(tx, actor, {
      action: 'event.speaker_remove',
      objectType: 'event',
      objectId: eventId,
      regionCode: event.venueKabkotaCode,
      before: row,
    });
    return row;
  });
}

// Materials and photos ---------------------------------------------------------------------------

export const MATERIAL_KINDS: FileKind[] = ['pdf', 'pptx', 'docx', 'jpeg', 'png', 'webp'];

/**
 * Stores a material or a photo, checked by its bytes and size; a photo gets its thumbnail and
 * page-sized image once, now. Nothing is recorded when the file is refused.
 */
export async function addEventFile(
  db: Db,
  store: FileStore,
  actor: Actor,
  eventId: string,
  kind: EventFileKind,
  upload: { name: string; bytes: Uint8Array; caption?: string | undefined },
  maxBytes: number,
): Promise<EventFileRow> {
  const event = await getEvent(db, eventId);
  const stored = await storeUpload(db, store, upload, {
    allowed: kind === 'photo' ? IMAGE_KINDS : MATERIAL_KINDS,
    maxBytes,
  });
  let thumbSha256: string | null = null;
  let displaySha256: string | null = null;
  if (IMAGE_KINDS.includes(stored.kind)) {
    thumbSha256 = (await makeDerivative(db, store, upload.bytes, THUMBNAIL)).sha256;
    displaySha256 = (await makeDerivative(db, store, upload.bytes, DISPLAY)).sha256;
  }
  const filename = upload.name.replace(/[\\/]/g, '_').slice(0, 200) || stored.sha256.slice(0, 12);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventFiles)
      .values({
        eventId,
        kind,
        sha256: stored.sha256,
        mime: stored.mime,
        size: stored.size,
        filename,
        caption: upload.caption ?? null,
        thumbSha256,
        displaySha256,
        uploadedBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: kind === 'photo' ? 'event.photo_add' : 'event.material_add',
      objectType: 'event',
      objectId: eventId,
      regionCode: event.venueKabkotaCode,
      after: row,
    });
    return row!;
  });
}

export async function listEventFiles(db: Db, eventId: string, kind?: EventFileKind): Promise<EventFileRow[]> {
  return db
    .select()
    .from(eventFiles)
    .where(
      and(
        eq(eventFiles.eventId, eventId),
        isNull(eventFiles.archivedAt),
        kind ? eq(eventFiles.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(eventFiles.createdAt), asc(eventFiles.id));
}

/** A file of an event (404 when it belongs to another event or was removed). */
export async function getEventFile(db: Db, eventId: string, fileId: string): Promise<EventFileRow> {
  const [row] = await db
    .select()
    .from(eventFiles)
    .where(and(eq(eventFiles.id, fileId), eq(eventFiles.eventId, eventId), isNull(eventFiles.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('event_file');
  return row;
}

/** Takes a file off the event's pages; its bytes and row stay for the audit. */
export async function archiveEventFile(
  db: Db,
  actor: Actor,
  eventId: string,
  fileId: string,
): Promise<EventFileRow> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const [row] = await tx
      .update(eventFiles)
      .set({ archivedAt: new Date() })
      .where(and(eq(eventFiles.id, fileId), eq(eventFiles.eventId, eventId), isNull(eventFiles.archivedAt)))
      .returning();
    if (!row) throw new NotFoundError('event_file');
    await writeAudit(tx, actor, {
      action: 'event.file_remove',
      objectType: 'event',
      objectId: eventId,
      regionCode: event.venueKabkotaCode,
      before: row,
    });
    return row;
  });
}

// Stakeholders on an event -------------------------------------------------------------------------

/** Records a stakeholder's part in an event (a second link with the same role changes nothing). */
export async function linkStakeholder(
  db: Db,
  actor: Actor,
  eventId: string,
  stakeholderId: string,
  role: EventStakeholderRole,
): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const [s] = await tx
      .select({ id: stakeholders.id, name: stakeholders.name })
      .from(stakeholders)
      .where(and(eq(stakeholders.id, stakeholderId), isNull(stakeholders.archivedAt)));
    if (!s) throw ruleViolation('stakeholderId', eventRules.unknownStakeholder);
    const inserted = await tx
      .insert(eventStakeholders)
      .values({ eventId, stakeholderId, role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await writeAudit(tx, actor, {
        action: 'event.stakeholder_link',
        objectType: 'event',
        objectId: eventId,
        regionCode: event.venueKabkotaCode,
        after: { stakeholderId, role },
      });
    }
    return { name: s.name };
  });
}

export interface StakeholderLink {
  stakeholderId: string;
  name: string;
  role: EventStakeholderRole;
}

export async function eventStakeholderLinks(db: Db, eventId: string): Promise<StakeholderLink[]> {
  return db
    .select({ stakeholderId: stakeholders.id, name: stakeholders.name, role: eventStakeholders.role })
    .from(eventStakeholders)
    .innerJoin(stakeholders, eq(stakeholders.id, eventStakeholders.stakeholderId))
    .where(eq(eventStakeholders.eventId, eventId))
    .orderBy(asc(stakeholders.name));
}

/** The events a stakeholder took part in (linked directly, or through a contact on the list), newest first. */
export async function eventsOfStakeholder(
  db: Db,
  stakeholderId: string,
): Promise<{ id: string; title: string; kind: EventRow['kind']; startsAt: Date; roles: string[] }[]> {
  const rows = await db.execute(sql`
    select e.id, e.title, e.kind, e.starts_at as "startsAt", array_agg(distinct x.role) as roles
    from (
      select es.event_id, es.role from event_stakeholders es where es.stakeholder_id = ${stakeholderId}
      union
      select p.event_id, 'participant' from event_participants p
        join stakeholder_contacts sc on sc.id = p.stakeholder_contact_id
        where sc.stakeholder_id = ${stakeholderId} and p.withdrawn_at is null
    ) x join events e on e.id = x.event_id
    where e.archived_at is null
    group by e.id, e.title, e.kind, e.starts_at
    order by e.starts_at desc
    limit 200`);
  return (
    rows as unknown as {
      rows: {
        id: string;
        title: string;
        kind: EventRow['kind'];
        startsAt: Date | string;
        roles: string[] | string;
      }[];
    }
  ).rows.map((r) => ({
    ...r,
    startsAt: new Date(r.startsAt),
    // node-postgres parses text[]; PGlite too — but a driver answering '{a,b}' is read here as well.
    roles: Array.isArray(r.roles) ? r.roles : String(r.roles).replace(/[{}]/g, '').split(',').filter(Boolean),
  }));
}
