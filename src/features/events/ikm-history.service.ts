/** The events an IKM was listed for (as an IKM owner), for its timeline: read-only. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eventAttendance, eventParticipants, events } from '../../db/schema/events.ts';
import type { EventKind, EventStatus } from '../../db/schema/events.ts';

export interface IkmEventRow {
  eventId: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  /** When its owner was checked in; null when they did not come (or have not yet). */
  attendedAt: Date | null;
}

/** Every live event the IKM was on the list of, newest first, with whether it attended. */
export async function eventsOfIkm(db: Db, ikmId: string, limit = 500): Promise<IkmEventRow[]> {
  return db
    .select({
      eventId: events.id,
      title: events.title,
      kind: events.kind,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      attendedAt: eventAttendance.checkedInAt,
    })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .leftJoin(eventAttendance, eq(eventAttendance.participantId, eventParticipants.id))
    .where(
      and(
        eq(eventParticipants.ikmId, ikmId),
        isNull(eventParticipants.withdrawnAt),
        isNull(events.archivedAt),
      ),
    )
    .orderBy(desc(events.startsAt))
    .limit(limit);
}
