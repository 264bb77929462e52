/**
 * Attendance: a person's own link or the door QR (one tap), the desk's check-in list, and the paper
 * sheet typed back afterwards. However often someone is checked in, there is one attendance.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { type AttendanceMethod, eventAttendance, eventParticipants, events } from '../../db/schema/events.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { type DomainError, NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/format.ts';
import type { SheetInput } from './events.forms.ts';
import { eventRules } from './events.messages.ts';
import { CHECKIN_OPENS_BEFORE_MS, checkInRefusal, parseNumberList, sheetRefusal } from './events.rules.ts';
import { assertKabkota, type EventRow, getEvent, lockEvent } from './events.service.ts';
import { auditIdentity, insertParticipants, type ParticipantRow } from './participants.service.ts';

export interface CheckInResult {
  participant: ParticipantRow;
  checkedInAt: Date;
  /** True when the person was checked in before: nothing new was written. */
  already: boolean;
}

/** The message for a check-in refused by the event's state, in the actor's language at render time. */
function refused(event: EventRow, lang: 'id' | 'en' = 'id'): DomainError | null {
  const why = checkInRefusal(event);
  if (why === 'cancelled') return ruleViolation('_form', eventRules.checkinCancelled, {}, 409);
  if (why === 'finished') return ruleViolation('_form', eventRules.checkinFinished, {}, 409);
  if (why === 'notYetOpen')
    return ruleViolation(
      '_form',
      eventRules.checkinNotYetOpen,
      { time: formatDateTime(new Date(event.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS), lang) },
      409,
    );
  return null;
}

/**
 * Writes the attendance unless it exists. The kab/kota is taken now: an officer's current kab/kota
 * (the one they represent today), otherwise the one they were listed with.
 */
async function recordAttendance(
  tx: Db,
  event: EventRow,
  participant: ParticipantRow,
  method: AttendanceMethod,
  who: { actor: Actor; recordedBy: string | null },
  at?: Date,
): Promise<CheckInResult> {
  let kabkotaCode = participant.kabkotaCode;
  if (participant.userId) {
    const [u] = await tx
      .select({ regionCode: users.regionCode })
      .from(users)
      .where(eq(users.id, participant.userId));
    kabkotaCode = u ? u.regionCode : kabkotaCode;
  }
  const [row] = await tx
    .insert(eventAttendance)
    .values({
      eventId: event.id,
      participantId: participant.id,
      provinceCode: event.provinceCode,
      kabkotaCode,
      method,
      recordedBy: who.recordedBy,
      ...(at ? { checkedInAt: at } : {}),
    })
    .onConflictDoNothing({ target: eventAttendance.participantId })
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(eventAttendance)
      .where(eq(eventAttendance.participantId, participant.id));
    return { participant, checkedInAt: existing!.checkedInAt, already: true };
  }
  await writeAudit(tx, who.actor, {
    action: 'event.check_in',
    objectType: 'event_participant',
    objectId: participant.id,
    regionCode: kabkotaCode,
    after: { eventId: event.id, method, kabkotaCode, seq: participant.seq },
  });
  return { participant, checkedInAt: row.checkedInAt, already: false };
}

async function activeParticipant(tx: Db, eventId: string, participantId: string): Promise<ParticipantRow> {
  const [p] = await tx
    .select()
    .from(eventParticipants)
    .where(
      and(
        eq(eventParticipants.id, participantId),
        eq(eventParticipants.eventId, eventId),
        isNull(eventParticipants.withdrawnAt),
      ),
    );
  if (!p) throw new NotFoundError('participant');
  return p;
}

/** A petugas handles only the people of their own kab/kota at the desk; others answer 404. */
function assertDeskScope(actor: Actor, p: ParticipantRow): void {
  if (isProvinceWide(actor)) return;
  if (!actor.regionCode || p.kabkotaCode !== actor.regionCode) throw new NotFoundError('participant');
}

/** Marks a person present from the check-in list at the desk. */
export async function deskCheckIn(
  db: Db,
  actor: Actor,
  eventId: string,
  participantId: string,
): Promise<CheckInResult> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const p = await activeParticipant(tx, eventId, participantId);
    assertDeskScope(actor, p);
    const refusal = refused(event, actor.lang);
    if (refusal) throw refusal;
    return recordAttendance(tx, event, p, 'desk', { actor, recordedBy: actor.userId });
  });
}

/** Undoes a check-in made by mistake; the audit row keeps what was undone. */
export async function undoCheckIn(
  db: Db,
  actor: Actor,
  eventId: string,
  participantId: string,
): Promise<ParticipantRow> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const p = await activeParticipant(tx, eventId, participantId);
    assertDeskScope(actor, p);
    // The desk may correct itself while check-in is open; the province's admins at any time.
    if (!isProvinceWide(actor)) {
      const refusal = refused(event, actor.lang);
      if (refusal) throw refusal;
    }
    const [gone] = await tx
      .delete(eventAttendance)
      .where(eq(eventAttendance.participantId, p.id))
      .returning();
    if (!gone) throw new NotFoundError('attendance');
    await writeAudit(tx, actor, {
      action: 'event.check_in_undo',
      objectType: 'event_participant',
      objectId: p.id,
      regionCode: gone.kabkotaCode,
      before: gone,
    });
    return p;
  });
}

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;

/** The event behind a door QR code; unknown or malformed codes answer 404. */
export async function eventByDoorToken(db: Db, doorToken: string): Promise<EventRow> {
  if (!TOKEN_RE.test(doorToken)) throw new NotFoundError('event');
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.doorToken, doorToken), isNull(events.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('event');
  return row;
}

/** The person behind a personal check-in link; a token of another event, or a forged one, answers 404. */
export async function participantByTokens(
  db: Db,
  doorToken: string,
  checkinToken: string,
): Promise<{ event: EventRow; participant: ParticipantRow }> {
  const event = await eventByDoorToken(db, doorToken);
  if (!TOKEN_RE.test(checkinToken)) throw new NotFoundError('participant');
  const [participant] = await db
    .select()
    .from(eventParticipants)
    .where(
      and(
        eq(eventParticipants.checkinToken, checkinToken),
        eq(eventParticipants.eventId, event.id),
        isNull(eventParticipants.withdrawnAt),
      ),
    )
    .limit(1);
  if (!participant) throw new NotFoundError('participant');
  return { event, participant };
}

/** One tap on a personal link: the person checks themselves in. */
export async function selfCheckIn(
  db: Db,
  doorToken: string,
  checkinToken: string,
  signedIn: Actor | null,
  meta: { ip?: string | undefined; requestId?: string | undefined; lang?: 'id' | 'en' },
): Promise<CheckInResult> {
  const { event, participant } = await participantByTokens(db, doorToken, checkinToken);
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, event.id);
    const refusal = refused(locked, meta.lang);
    if (refusal) throw refusal;
    const actor = signedIn ?? auditIdentity(`check-in link: ${participant.name}`, meta);
    return recordAttendance(tx, locked, participant, 'qr', { actor, recordedBy: signedIn?.userId ?? null });
  });
}

/** A participant's attendance, if they were checked in. */
export async function attendanceOf(
  db: Db,
  participantId: string,
): Promise<typeof eventAttendance.$inferSelect | undefined> {
  const [a] = await db.select().from(eventAttendance).where(eq(eventAttendance.participantId, participantId));
  return a;
}

/** The signed-in user's own place on an event's list, if they have one. */
export async function participantForUser(
  db: Db,
  eventId: string,
  userId: string,
): Promise<ParticipantRow | undefined> {
  const [p] = await db
    .select()
    .from(eventParticipants)
    .where(
      and(
        eq(eventParticipants.eventId, eventId),
        eq(eventParticipants.userId, userId),
        isNull(eventParticipants.withdrawnAt),
      ),
    )
    .limit(1);
  return p;
}

const digits = (s: string) => {
  const d = s.replace(/\D/g, '');
  // +62 812… and 0812… are the same Indonesian number.
  return d.startsWith('62') ? `0${d.slice(2)}` : d;
};

/** Finds an invitation at the door by the phone number or e-mail it was sent with. */
export async function findInvitation(
  db: Db,
  eventId: string,
  contact: string,
): Promise<ParticipantRow | undefined> {
  const wanted = contact.trim().toLowerCase();
  const rows = await db
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), isNull(eventParticipants.withdrawnAt)));
  if (wanted.includes('@')) return rows.find((r) => r.email?.toLowerCase() === wanted);
  const phone = digits(wanted);
  if (phone.length < 6) return undefined;
  return rows.find((r) => r.phone && digits(r.phone) === phone);
}

/**
 * The paper sheet, typed back: the ticked and typed numbers become attendances (timed at the event's
 * start, since paper carries no time), filled-in blank rows become new walk-in participants. Any
 * unknown number refuses the whole sheet, so nothing is half-recorded.
 */
export async function recordSheet(
  db: Db,
  actor: Actor,
  eventId: string,
  input: SheetInput,
): Promise<{ added: number; already: number; walkIns: number }> {
  const event = await getEvent(db, eventId);
  const why = sheetRefusal(event);
  if (why === 'cancelled') throw ruleViolation('_form', eventRules.checkinCancelled, {}, 409);
  if (why === 'notYetOpen')
    throw refused(event, actor.lang) ?? ruleViolation('_form', eventRules.checkinCancelled);
  const typed = parseNumberList(input.numbers ?? '');
  if (typed === null) throw ruleViolation('numbers', eventRules.sheetNumbers);
  const seqs = [...new Set([...input.seqs, ...typed])].sort((a, b) => a - b);
  const walkIns = input.walkInName
    .map((name, i) => ({
      name: name.trim(),
      institution: input.walkInInstitution[i]?.trim() || null,
      kabkotaCode: input.walkInKabkota[i]?.trim() || null,
    }))
    .filter((w) => w.name !== '');
  for (const w of walkIns) {
    if (w.kabkotaCode) await assertKabkota(db, w.kabkotaCode, event.provinceCode, 'walkInKabkota');
  }
  if (seqs.length === 0 && walkIns.length === 0) throw ruleViolation('numbers', eventRules.sheetEmpty);
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, eventId);
    const listed = seqs.length
      ? await tx
          .select()
          .from(eventParticipants)
          .where(
            and(
              eq(eventParticipants.eventId, eventId),
              inArray(eventParticipants.seq, seqs),
              isNull(eventParticipants.withdrawnAt),
            ),
          )
      : [];
    const found = new Set(listed.map((p) => p.seq));
    const unknown = seqs.filter((s) => !found.has(s));
    if (unknown.length)
      throw ruleViolation('numbers', eventRules.sheetUnknownNumber, { numbers: unknown.join(', ') });
    let added = 0;
    let already = 0;
    const who = { actor, recordedBy: actor.userId };
    for (const p of listed) {
      const r = await recordAttendance(tx, locked, p, 'sheet', who, locked.startsAt);
      if (r.already) already++;
      else added++;
    }
    const fresh = await insertParticipants(
      tx,
      locked,
      walkIns.map((w) => ({
        kind: 'guest' as const,
        source: 'walk_in' as const,
        name: w.name,
        institution: w.institution,
        kabkotaCode: w.kabkotaCode,
        createdBy: actor.userId,
      })),
    );
    for (const p of fresh) {
      await recordAttendance(tx, locked, p, 'sheet', who, locked.startsAt);
      added++;
    }
    return { added, already, walkIns: fresh.length };
  });
}
