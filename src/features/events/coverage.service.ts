/**
 * Coverage: which of the province's kab/kota were represented at an event, or across the events of a
 * period or an OVOP round, and by how many people. Attendance is counted by the kab/kota recorded
 * when the person was checked in, so an officer who later moves does not move the history.
 */
import { and, asc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eventAttendance, eventParticipants, events } from '../../db/schema/events.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { listKabkota } from '../regions/regions.service.ts';
import type { CoverageFilter } from './events.forms.ts';
import { type CoverageRow, coverageCount } from './events.rules.ts';
import type { EventRow } from './events.service.ts';

export interface EventCoverage {
  rows: CoverageRow[];
  /** People from the province's own offices or from outside the province (no kab/kota). */
  other: { invited: number; attended: number };
  present: number;
  total: number;
  missing: string[];
}

/** For one event: per kab/kota, how many were listed and how many were present. */
export async function eventCoverage(db: Db, event: EventRow): Promise<EventCoverage> {
  const [kabkota, invited, attended] = await Promise.all([
    listKabkota(db, event.provinceCode),
    db
      .select({ code: eventParticipants.kabkotaCode, n: sql<number>`count(*)::int` })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, event.id), isNull(eventParticipants.withdrawnAt)))
      .groupBy(eventParticipants.kabkotaCode),
    db
      .select({ code: eventAttendance.kabkotaCode, n: sql<number>`count(*)::int` })
      .from(eventAttendance)
      .where(eq(eventAttendance.eventId, event.id))
      .groupBy(eventAttendance.kabkotaCode),
  ]);
  const known = new Set(kabkota.map((k) => k.code));
  const inv = new Map(invited.map((r) => [r.code, Number(r.n)]));
  const att = new Map(attended.map((r) => [r.code, Number(r.n)]));
  const rows = kabkota.map((k) => ({
    code: k.code,
    name: k.name,
    invited: inv.get(k.code) ?? 0,
    attended: att.get(k.code) ?? 0,
  }));
  const otherOf = (m: Map<string | null, number>) =>
    [...m].filter(([code]) => code === null || !known.has(code)).reduce((s, [, n]) => s + n, 0);
  return { rows, other: { invited: otherOf(inv), attended: otherOf(att) }, ...coverageCount(rows) };
}

export interface CoverageAcross {
  events: Pick<EventRow, 'id' | 'title' | 'kind' | 'startsAt'>[];
  rows: (CoverageRow & { eventsAttended: number; perEvent: Record<string, number> })[];
  present: number;
  total: number;
  missing: string[];
  /** More events matched than are counted (the newest 500 are). */
  truncated: boolean;
}

const MAX_EVENTS = 500;

/** Across the events of a round (cycle) or a date range: per kab/kota, events attended and people present. */
export async function coverageAcross(
  db: Db,
  provinceCode: string,
  filter: CoverageFilter,
): Promise<CoverageAcross> {
  const from = filter.from ? fromLocalInput(`${filter.from}T00:00`) : undefined;
  const to = filter.to ? fromLocalInput(`${filter.to}T00:00`) : undefined;
  const list = await db
    .select({ id: events.id, title: events.title, kind: events.kind, startsAt: events.startsAt })
    .from(events)
    .where(
      and(
        eq(events.provinceCode, provinceCode),
        isNull(events.archivedAt),
        ne(events.status, 'cancelled'),
        filter.cycleId ? eq(events.cycleId, filter.cycleId) : undefined,
        filter.kind ? eq(events.kind, filter.kind) : undefined,
        from ? gte(events.startsAt, from) : undefined,
        // "to" includes the whole day.
        to ? lt(events.startsAt, new Date(to.getTime() + 86_400_000)) : undefined,
      ),
    )
    .orderBy(asc(events.startsAt))
    .limit(MAX_EVENTS + 1);
  const truncated = list.length > MAX_EVENTS;
  const chosen = list.slice(-MAX_EVENTS);
  const kabkota = await listKabkota(db, provinceCode);
  const counts = chosen.length
    ? await db
        .select({
          eventId: eventAttendance.eventId,
          code: eventAttendance.kabkotaCode,
          n: sql<number>`count(*)::int`,
        })
        .from(eventAttendance)
        .where(
          inArray(
            eventAttendance.eventId,
            chosen.map((e) => e.id),
          ),
        )
        .groupBy(eventAttendance.eventId, eventAttendance.kabkotaCode)
    : [];
  const rows = kabkota.map((k) => {
    const perEvent: Record<string, number> = {};
    for (const c of counts) if (c.code === k.code) perEvent[c.eventId] = Number(c.n);
    const attended = Object.values(perEvent).reduce((s, n) => s + n, 0);
    return {
      code: k.code,
      name: k.name,
      invited: 0,
      attended,
      eventsAttended: Object.values(perEvent).filter((n) => n > 0).length,
      perEvent,
    };
  });
  return { events: chosen, rows, ...coverageCount(rows), truncated };
}
