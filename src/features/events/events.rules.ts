/**
 * The rules of events that need no database: when check-in is open, when an action is overdue, how a
 * typed-back attendance sheet's numbers read, how coverage is summed up.
 */
import type { EventStatus, FollowUpStatus } from '../../db/schema/events.ts';

/** Check-in opens this long before the start (people arrive early)… */
export const CHECKIN_OPENS_BEFORE_MS = 3 * 60 * 60 * 1000;
/** …and closes this long after the end (a late tap at the end of the day still counts). */
export const CHECKIN_CLOSES_AFTER_MS = 6 * 60 * 60 * 1000;
/** More than this on one event's list is not a real event but a flood of registrations. */
export const MAX_PARTICIPANTS = 5000;
/** Blank numbered rows at the end of the printed attendance sheet, for people not on the list. */
export const SHEET_BLANK_ROWS = 10;

export interface EventTiming {
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
}

export type EventPhase = 'upcoming' | 'ongoing' | 'finished' | 'cancelled';

/** Where an event stands now, as shown to people. */
export function eventPhase(event: EventTiming, now: Date = new Date()): EventPhase {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'finished' || now > event.endsAt) return 'finished';
  if (now >= event.startsAt) return 'ongoing';
  return 'upcoming';
}

export type CheckInRefusal = 'cancelled' | 'finished' | 'notYetOpen';

/** Why a check-in (own link, door QR or the desk list) cannot happen now, or null when it can. */
export function checkInRefusal(event: EventTiming, now: Date = new Date()): CheckInRefusal | null {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'finished' || now.getTime() > event.endsAt.getTime() + CHECKIN_CLOSES_AFTER_MS)
    return 'finished';
  if (now.getTime() < event.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) return 'notYetOpen';
  return null;
}

/** The paper sheet can be typed back once the event has begun, also long after it (never if cancelled). */
export function sheetRefusal(event: EventTiming, now: Date = new Date()): 'cancelled' | 'notYetOpen' | null {
  if (event.status === 'cancelled') return 'cancelled';
  if (now.getTime() < event.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) return 'notYetOpen';
  return null;
}

/** An action is overdue when its due date (a calendar date in the province) has passed and it is not closed. */
export function isOverdue(action: { status: FollowUpStatus; dueDate: string }, today: string): boolean {
  return (action.status === 'open' || action.status === 'in_progress') && action.dueDate < today;
}

/**
 * The numbers typed from a signed attendance sheet: "1-5, 7 9;12" → [1,2,3,4,5,7,9,12].
 * Returns null when the text holds anything else (so a typo is reported, not half-read).
 */
export function parseNumberList(text: string, max = 100_000): number[] | null {
  const out = new Set<number>();
  const trimmed = text.trim();
  if (!trimmed) return [];
  for (const part of trimmed.split(/[\s,;]+/)) {
    if (!part) continue;
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (a < 1 || b < a || b > max || b - a > 10_000) return null;
      for (let n = a; n <= b; n++) out.add(n);
    } else if (/^\d+$/.test(part)) {
      const n = Number(part);
      if (n < 1 || n > max) return null;
      out.add(n);
    } else {
      return null;
    }
  }
  return [...out].sort((a, b) => a - b);
}

export interface CoverageRow {
  code: string;
  name: string;
  invited: number;
  attended: number;
}

/** How many of the kab/kota were there: "9 dari 11". */
export function coverageCount(rows: CoverageRow[]): { present: number; total: number; missing: string[] } {
  const present = rows.filter((r) => r.attended > 0).length;
  return { present, total: rows.length, missing: rows.filter((r) => r.attended === 0).map((r) => r.name) };
}
