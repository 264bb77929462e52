/** Who is on an event's list: invitations (users, guests, partner contacts, IKM owners) and self-registration. */
import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import {
  eventAttendance,
  eventParticipants,
  eventStakeholders,
  events,
  type ParticipantKind,
  type ParticipantSource,
  stakeholderContacts,
  stakeholders,
} from '../../db/schema/events.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { randomToken } from '../../platform/ids.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { GuestInput } from './events.forms.ts';
import { eventRules } from './events.messages.ts';
import { MAX_PARTICIPANTS } from './events.rules.ts';
import { assertKabkota, type EventRow, getEvent, lockEvent } from './events.service.ts';

export type ParticipantRow = typeof eventParticipants.$inferSelect;

export interface AttendanceInfo {
  checkedInAt: Date;
  method: (typeof eventAttendance.$inferSelect)['method'];
  kabkotaCode: string | null;
}

/** A participant as a page or export shows them, with their attendance if any. */
export interface ParticipantView {
  id: string;
  seq: number;
  kind: ParticipantKind;
  source: ParticipantSource;
  userId: string | null;
  ikmId: string | null;
  name: string;
  institution: string | null;
  position: string | null;
  kabkotaCode: string | null;
  /** Null when hidden from the reader (another kab/kota's contact details). */
  phone: string | null;
  email: string | null;
  /** Shown to the province's admins only: whoever holds it can check the person in. */
  checkinToken: string | null;
  contactHidden: boolean;
  withdrawn: boolean;
  attendance: AttendanceInfo | null;
}

/**
 * The identity written in the audit log for a change made by someone without an account (a guest
 * registering or checking in). Only for writeAudit: it carries no permission of its own.
 */
export function auditIdentity(
  label: string,
  meta: { ip?: string | undefined; requestId?: string | undefined },
): Actor {
  return { userId: null, realUserId: null, role: 'system', regionCode: null, label, lang: 'id', ...meta };
}

const participantColumns = {
  p: eventParticipants,
  checkedInAt: eventAttendance.checkedInAt,
  method: eventAttendance.method,
  attendedKabkota: eventAttendance.kabkotaCode,
};

type JoinedRow = {
  p: ParticipantRow;
  checkedInAt: Date | null;
  method: AttendanceInfo['method'] | null;
  attendedKabkota: string | null;
};

function toView(r: JoinedRow, actor: Actor | null): ParticipantView {
  const p = r.p;
  const wide = actor === null || isProvinceWide(actor);
  const sameArea = actor !== null && actor.regionCode !== null && p.kabkotaCode === actor.regionCode;
  const own = actor !== null && p.userId !== null && p.userId === actor.userId;
  const seeContact = wide || sameArea || own;
  return {
    id: p.id,
    seq: p.seq,
    kind: p.kind,
    source: p.source,
    userId: p.userId,
    ikmId: p.ikmId,
    name: p.name,
    institution: p.institution,
    position: p.position,
    kabkotaCode: p.kabkotaCode,
    phone: seeContact ? p.phone : null,
    email: seeContact ? p.email : null,
    checkinToken: wide ? p.checkinToken : null,
    contactHidden: !seeContact && (p.phone !== null || p.email !== null),
    withdrawn: p.withdrawnAt !== null,
    attendance: r.checkedInAt
      ? { checkedInAt: r.checkedInAt, method: r.method!, kabkotaCode: r.attendedKabkota }
      : null,
  };
}

/**
 * One page of an event's list in sheet order, optionally searched by name or institution. `actor`
 * decides whose contact details show (null: everything, for the admin's exports).
 */
export async function listParticipants(
  db: Db,
  actor: Actor | null,
  eventId: string,
  opts: {
    q?: string | undefined;
    after?: string | undefined;
    before?: string | undefined;
    limit?: number;
  } = {},
): Promise<Page<ParticipantView>> {
  const q = opts.q ? `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const conditions = and(
    eq(eventParticipants.eventId, eventId),
    isNull(eventParticipants.withdrawnAt),
    q ? or(ilike(eventParticipants.name, q), ilike(eventParticipants.institution, q)) : undefined,
  );
  const page = await paginate<JoinedRow>({
    request: { after: opts.after, before: opts.before, limit: opts.limit ?? 100 },
    keys: [eventParticipants.seq, eventParticipants.id],
    dir: 'asc',
    keyOf: (r) => [r.p.seq, r.p.id],
    run: (where, orderBy, lim) =>
      db
        .select(participantColumns)
        .from(eventParticipants)
        .leftJoin(eventAttendance, eq(eventAttendance.participantId, eventParticipants.id))
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  return { ...page, rows: page.rows.map((r) => toView(r, actor)) };
}

/**
 * Everyone on the list in sheet order, for sheets, exports and reports. Withdrawn people are left out,
 * unless `present` asks for those who were present before being taken off (their attendance counts).
 */
export async function allParticipants(
  db: Db,
  eventId: string,
  opts: { present?: boolean } = {},
): Promise<ParticipantView[]> {
  const rows = await db
    .select(participantColumns)
    .from(eventParticipants)
    .leftJoin(eventAttendance, eq(eventAttendance.participantId, eventParticipants.id))
    .where(
      and(
        eq(eventParticipants.eventId, eventId),
        opts.present
          ? or(isNull(eventParticipants.withdrawnAt), sql`${eventAttendance.id} is not null`)
          : isNull(eventParticipants.withdrawnAt),
      ),
    )
    .orderBy(asc(eventParticipants.seq));
  return rows.map((r) => toView(r, null));
}

/** The highest sheet number given so far (withdrawn people keep theirs), so blank rows never reuse one. */
export async function lastSeq(db: Db, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${eventParticipants.seq}), 0)::int` })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, eventId));
  return Number(row?.n ?? 0);
}

/** Counts on the list: listed and present. */
export async function participantCounts(
  db: Db,
  eventId: string,
): Promise<{ listed: number; present: number }> {
  const [row] = await db
    .select({
      listed: sql<number>`count(*)::int`,
      present: sql<number>`count(${eventAttendance.id})::int`,
    })
    .from(eventParticipants)
    .leftJoin(eventAttendance, eq(eventAttendance.participantId, eventParticipants.id))
    .where(and(eq(eventParticipants.eventId, eventId), isNull(eventParticipants.withdrawnAt)));
  return { listed: Number(row?.listed ?? 0), present: Number(row?.present ?? 0) };
}

/** A participant of an event by id (404 when on another event's list). */
export async function getParticipant(
  db: Db,
  eventId: string,
  participantId: string,
): Promise<ParticipantRow> {
  const [row] = await db
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId)))
    .limit(1);
  if (!row) throw new NotFoundError('participant');
  return row;
}

export type NewParticipant = Omit<
  typeof eventParticipants.$inferInsert,
  'id' | 'eventId' | 'provinceCode' | 'seq' | 'checkinToken'
>;

/**
 * Adds people to the list under the event's row lock, so two registrations at once never get the
 * same sheet number; each gets an unguessable personal check-in token.
 */
export async function insertParticipants(
  tx: Db,
  event: EventRow,
  rows: NewParticipant[],
): Promise<ParticipantRow[]> {
  if (rows.length === 0) return [];
  const [stats] = await tx
    .select({
      maxSeq: sql<number>`coalesce(max(${eventParticipants.seq}), 0)::int`,
      n: sql<number>`count(*)::int`,
    })
    .from(eventParticipants)
    .where(eq(eventParticipants.eventId, event.id));
  if (Number(stats?.n ?? 0) + rows.length > MAX_PARTICIPANTS)
    throw ruleViolation('_form', eventRules.tooManyParticipants, { max: MAX_PARTICIPANTS });
  const start = Number(stats?.maxSeq ?? 0);
  return tx
    .insert(eventParticipants)
    .values(
      rows.map((r, i) => ({
        ...r,
        eventId: event.id,
        provinceCode: event.provinceCode,
        seq: start + i + 1,
        checkinToken: randomToken(16),
      })),
    )
    .returning();
}

/** Invites users (officers and staff with an account); those already listed are left as they are. */
export async function inviteUsers(db: Db, actor: Actor, eventId: string, userIds: string[]): Promise<number> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const people = await tx
      .select()
      .from(users)
      .where(and(inArray(users.id, userIds), isNull(users.disabledAt)))
      .orderBy(asc(users.regionCode), asc(users.name));
    const existing = await tx
      .select()
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.userId, userIds)));
    const byUser = new Map(existing.map((p) => [p.userId, p]));
    let count = 0;
    const fresh: NewParticipant[] = [];
    for (const u of people) {
      const listed = byUser.get(u.id);
      if (listed && !listed.withdrawnAt) continue;
      if (listed) {
        await tx
          .update(eventParticipants)
          .set({ withdrawnAt: null, updatedAt: new Date(), version: listed.version + 1 })
          .where(eq(eventParticipants.id, listed.id));
        count++;
        continue;
      }
      fresh.push({
        kind: 'user',
        source: 'invited',
        userId: u.id,
        name: u.name,
        institution: u.institution,
        kabkotaCode: u.regionCode,
        phone: u.phone,
        email: u.email.toLowerCase(),
        createdBy: actor.userId,
      });
    }
    // A guest listed earlier under the same e-mail is the same person: do not list them twice.
    const emails = fresh.map((f) => f.email!).filter(Boolean);
    const taken = emails.length
      ? await tx
          .select({ email: eventParticipants.email })
          .from(eventParticipants)
          .where(
            and(
              eq(eventParticipants.eventId, eventId),
              inArray(sql`lower(${eventParticipants.email})`, emails),
            ),
          )
      : [];
    const takenSet = new Set(taken.map((t) => t.email?.toLowerCase()));
    const inserted = await insertParticipants(
      tx,
      event,
      fresh.filter((f) => !takenSet.has(f.email ?? '')),
    );
    count += inserted.length;
    if (count) {
      await writeAudit(tx, actor, {
        action: 'event.invite_users',
        objectType: 'event',
        objectId: eventId,
        regionCode: event.venueKabkotaCode,
        after: { userIds, added: inserted.map((p) => ({ id: p.id, name: p.name, seq: p.seq })) },
      });
    }
    return count;
  });
}

/** Adds a named guest (or an IKM owner from the registry) to the list. */
export async function addGuest(
  db: Db,
  actor: Actor,
  eventId: string,
  input: GuestInput & { ikmId?: string },
  source: ParticipantSource = 'invited',
): Promise<ParticipantRow> {
  const event = await getEvent(db, eventId);
  if (input.kabkotaCode) await assertKabkota(db, input.kabkotaCode, event.provinceCode, 'kabkotaCode');
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, eventId);
    await refuseDuplicate(tx, eventId, input);
    const [row] = await insertParticipants(tx, locked, [
      {
        kind: input.ikmId ? 'ikm' : 'guest',
        source,
        ikmId: input.ikmId ?? null,
        name: input.name,
        institution: input.institution ?? null,
        position: input.position ?? null,
        kabkotaCode: input.kabkotaCode ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        createdBy: actor.userId,
      },
    ]);
    await writeAudit(tx, actor, {
      action: 'event.participant_add',
      objectType: 'event_participant',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

async function refuseDuplicate(
  tx: Db,
  eventId: string,
  input: { name: string; email?: string | undefined; ikmId?: string | undefined },
): Promise<void> {
  if (input.email) {
    const [same] = await tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(
        and(eq(eventParticipants.eventId, eventId), sql`lower(${eventParticipants.email}) = ${input.email}`),
      )
      .limit(1);
    if (same) throw ruleViolation('email', eventRules.alreadyListed, { name: input.name });
  }
  if (input.ikmId) {
    const [same] = await tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.ikmId, input.ikmId)))
      .limit(1);
    if (same) throw ruleViolation('ikmId', eventRules.alreadyListed, { name: input.name });
  }
}

/** Invites partner contacts; their organisations are linked to the event as participants. */
export async function inviteContacts(
  db: Db,
  actor: Actor,
  eventId: string,
  contactIds: string[],
): Promise<number> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const contacts = await tx
      .select({ c: stakeholderContacts, org: stakeholders })
      .from(stakeholderContacts)
      .innerJoin(stakeholders, eq(stakeholders.id, stakeholderContacts.stakeholderId))
      .where(and(inArray(stakeholderContacts.id, contactIds), isNull(stakeholderContacts.archivedAt)));
    const existing = await tx
      .select({ id: eventParticipants.stakeholderContactId, email: eventParticipants.email })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, eventId));
    const listed = new Set(existing.map((e) => e.id));
    const emails = new Set(existing.map((e) => e.email?.toLowerCase()).filter(Boolean));
    const fresh = contacts.filter(
      (x) => !listed.has(x.c.id) && !(x.c.email && emails.has(x.c.email.toLowerCase())),
    );
    const inserted = await insertParticipants(
      tx,
      event,
      fresh.map((x) => ({
        kind: 'stakeholder_contact' as const,
        source: 'invited' as const,
        stakeholderContactId: x.c.id,
        name: x.c.name,
        institution: x.org.name,
        position: x.c.position,
        kabkotaCode: x.org.kabkotaCode,
        phone: x.c.phone,
        email: x.c.email?.toLowerCase() ?? null,
        createdBy: actor.userId,
      })),
    );
    for (const orgId of new Set(fresh.map((x) => x.org.id))) {
      await tx
        .insert(eventStakeholders)
        .values({ eventId, stakeholderId: orgId, role: 'participant' })
        .onConflictDoNothing();
    }
    if (inserted.length) {
      await writeAudit(tx, actor, {
        action: 'event.invite_contacts',
        objectType: 'event',
        objectId: eventId,
        regionCode: event.venueKabkotaCode,
        after: { added: inserted.map((p) => ({ id: p.id, name: p.name, seq: p.seq })) },
      });
    }
    return inserted.length;
  });
}

/** Takes someone off the list; they keep their sheet number, and their attendance (if any) stays recorded. */
export async function withdrawParticipant(
  db: Db,
  actor: Actor,
  eventId: string,
  participantId: string,
): Promise<ParticipantRow> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [row] = await tx
      .update(eventParticipants)
      .set({ withdrawnAt: new Date(), updatedAt: new Date(), version: sql`${eventParticipants.version} + 1` })
      .where(
        and(
          eq(eventParticipants.id, participantId),
          eq(eventParticipants.eventId, eventId),
          isNull(eventParticipants.withdrawnAt),
        ),
      )
      .returning();
    if (!row) throw new NotFoundError('participant');
    await writeAudit(tx, actor, {
      action: 'event.participant_withdraw',
      objectType: 'event_participant',
      objectId: row.id,
      regionCode: row.kabkotaCode,
      before: { name: row.name, seq: row.seq },
    });
    return row;
  });
}

/** Users who could still be invited (enabled, not on the list), by kab/kota then name. */
export async function invitableUsers(
  db: Db,
  eventId: string,
): Promise<
  { id: string; name: string; role: string; regionCode: string | null; institution: string | null }[]
> {
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      institution: users.institution,
    })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        inArray(users.role, ['petugas_kabkota', 'admin_provinsi', 'penilai']),
        sql`not exists (select 1 from event_participants p where p.event_id = ${eventId} and p.user_id = ${users.id} and p.withdrawn_at is null)`,
      ),
    )
    .orderBy(sql`${users.regionCode} nulls last`, asc(users.name))
    .limit(1000);
}

/** Partner contacts not yet on the list. */
export async function invitableContacts(
  db: Db,
  eventId: string,
): Promise<{ id: string; name: string; organisation: string; position: string | null }[]> {
  return db
    .select({
      id: stakeholderContacts.id,
      name: stakeholderContacts.name,
      organisation: stakeholders.name,
      position: stakeholderContacts.position,
    })
    .from(stakeholderContacts)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderContacts.stakeholderId))
    .where(
      and(
        isNull(stakeholderContacts.archivedAt),
        isNull(stakeholders.archivedAt),
        sql`not exists (select 1 from event_participants p where p.event_id = ${eventId} and p.stakeholder_contact_id = ${stakeholderContacts.id})`,
      ),
    )
    .orderBy(asc(stakeholders.name), asc(stakeholderContacts.name))
    .limit(1000);
}

// Public self-registration ----------------------------------------------------------------------------

/** The event behind a registration link (an unknown link answers 404). */
export async function eventByRegistrationToken(db: Db, token: string): Promise<EventRow> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) throw new NotFoundError('event');
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.registrationToken, token), isNull(events.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('event');
  const id = row.id;
  return getEvent(db, id);
}

/** Whether the registration link takes registrations now. */
export function registrationAccepting(event: EventRow, now: Date = new Date()): boolean {
  return event.registrationOpen && event.status === 'scheduled' && now <= event.endsAt;
}

/**
 * Someone registers through the public link. Refused, with nothing written, once the link is closed
 * (or the event is cancelled or over). A signed-in user is listed as themselves.
 */
export async function selfRegister(
  db: Db,
  token: string,
  input: GuestInput,
  signedIn: Actor | null,
  meta: { ip?: string | undefined; requestId?: string | undefined },
): Promise<ParticipantRow> {
  const event = await eventByRegistrationToken(db, token);
  if (input.kabkotaCode) await assertKabkota(db, input.kabkotaCode, event.provinceCode, 'kabkotaCode');
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, event.id);
    if (locked.status === 'cancelled') throw ruleViolation('_form', eventRules.eventCancelledRegistration);
    // Checked again under the lock: the admin may have closed the link while the form was open.
    if (!registrationAccepting(locked)) throw ruleViolation('_form', eventRules.registrationClosed);
    if (input.email) {
      const [same] = await tx
        .select({ id: eventParticipants.id })
        .from(eventParticipants)
        .where(
          and(
            eq(eventParticipants.eventId, event.id),
            sql`lower(${eventParticipants.email}) = ${input.email}`,
          ),
        )
        .limit(1);
      if (same) throw ruleViolation('email', eventRules.emailListed);
    }
    let userId: string | null = null;
    if (signedIn?.userId) {
      const [listed] = await tx
        .select({ id: eventParticipants.id })
        .from(eventParticipants)
        .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.userId, signedIn.userId)))
        .limit(1);
      if (!listed) userId = signedIn.userId;
    }
    const [row] = await insertParticipants(tx, locked, [
      {
        kind: userId ? 'user' : 'guest',
        source: 'self_registered',
        userId,
        name: input.name,
        institution: input.institution ?? null,
        position: input.position ?? null,
        kabkotaCode: input.kabkotaCode ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
      },
    ]);
    await writeAudit(tx, signedIn ?? auditIdentity(`self-registration: ${input.name}`, meta), {
      action: 'event.self_register',
      objectType: 'event_participant',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: { eventId: event.id, name: row!.name, seq: row!.seq, kabkotaCode: row!.kabkotaCode },
    });
    return row!;
  });
}
