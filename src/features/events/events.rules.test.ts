import { describe, expect, it } from 'vitest';
import {
  checkInRefusal,
  coverageCount,
  eventPhase,
  isOverdue,
  parseNumberList,
  sheetRefusal,
} from './events.rules.ts';

const at = (iso: string) => new Date(iso);
const event = {
  status: 'scheduled' as const,
  startsAt: at('2023-09-04T00:00:00Z'), // 09.00 WIT
  endsAt: at('2023-09-04T07:00:00Z'), // 16.00 WIT
};

describe('event timing', () => {
  it('tells upcoming, ongoing, finished and cancelled apart', () => {
    expect(eventPhase(event, at('2023-09-03T00:00:00Z'))).toBe('upcoming');
    expect(eventPhase(event, at('2023-09-04T03:00:00Z'))).toBe('ongoing');
    expect(eventPhase(event, at('2023-09-04T08:00:00Z'))).toBe('finished');
    expect(eventPhase({ ...event, status: 'finished' }, at('2023-09-04T03:00:00Z'))).toBe('finished');
    expect(eventPhase({ ...event, status: 'cancelled' }, at('2023-09-04T03:00:00Z'))).toBe('cancelled');
  });

  it('opens check-in three hours before the start and closes it six hours after the end', () => {
    expect(checkInRefusal(event, at('2023-09-03T20:59:00Z'))).toBe('notYetOpen');
    expect(checkInRefusal(event, at('2023-09-03T21:00:00Z'))).toBeNull();
    expect(checkInRefusal(event, at('2023-09-04T13:00:00Z'))).toBeNull();
    expect(checkInRefusal(event, at('2023-09-04T13:01:00Z'))).toBe('finished');
    expect(checkInRefusal({ ...event, status: 'finished' }, at('2023-09-04T03:00:00Z'))).toBe('finished');
    expect(checkInRefusal({ ...event, status: 'cancelled' }, at('2023-09-04T03:00:00Z'))).toBe('cancelled');
  });

  it('lets the paper sheet be typed back long after the event, never for a cancelled one', () => {
    expect(sheetRefusal(event, at('2024-01-01T00:00:00Z'))).toBeNull();
    expect(sheetRefusal(event, at('2023-09-01T00:00:00Z'))).toBe('notYetOpen');
    expect(sheetRefusal({ ...event, status: 'cancelled' }, at('2023-09-04T03:00:00Z'))).toBe('cancelled');
  });
});

describe('follow-up actions', () => {
  it('flags open and in-progress actions past their due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2023-10-30' }, '2023-10-31')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2023-10-30' }, '2023-10-31')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2023-10-30' }, '2023-10-30')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2023-10-30' }, '2024-01-01')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueDate: '2023-10-30' }, '2024-01-01')).toBe(false);
  });
});

describe('typed-back sheet numbers', () => {
  it('reads ranges and lists in any separator', () => {
    expect(parseNumberList('1-3, 7 9;12 2')).toEqual([1, 2, 3, 7, 9, 12]);
    expect(parseNumberList('4–6')).toEqual([4, 5, 6]);
    expect(parseNumberList('  ')).toEqual([]);
  });
  it('refuses anything else rather than guessing', () => {
    expect(parseNumberList('1-3, tujuh')).toBeNull();
    expect(parseNumberList('5-2')).toBeNull();
    expect(parseNumberList('0')).toBeNull();
    expect(parseNumberList('1-999999')).toBeNull();
  });
});

describe('coverage', () => {
  it('counts the kab/kota with at least one person present', () => {
    const rows = [
      { code: '81.01', name: 'Maluku Tengah', invited: 2, attended: 1 },
      { code: '81.02', name: 'Maluku Tenggara', invited: 2, attended: 0 },
      { code: '81.71', name: 'Kota Ambon', invited: 0, attended: 3 },
    ];
    expect(coverageCount(rows)).toEqual({ present: 2, total: 3, missing: ['Maluku Tenggara'] });
  });
});
