import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatRupiah,
  fromLocalInput,
  localDate,
  toLocalInput,
} from './format.ts';

describe('Indonesian formats in WIT', () => {
  it('formats calendar dates and instants as 28 Nov 2026', () => {
    expect(formatDate('2026-11-28', 'id')).toBe('28 Nov 2026');
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 Aug 2026');
    // 20:00 UTC on the 27th is already the 28th in WIT (UTC+9).
    expect(formatDate(new Date('2026-11-27T20:00:00Z'), 'id')).toBe('28 Nov 2026');
  });

  it('shows times in WIT with the zone named', () => {
    expect(formatDateTime(new Date('2026-11-28T09:03:00Z'), 'id')).toBe('28 Nov 2026 18.03 WIT');
    expect(formatDateTime(new Date('2026-11-28T09:03:00Z'), 'en')).toBe('28 Nov 2026 18:03 WIT');
  });

  it('formats rupiah with dots', () => {
    expect(formatRupiah(1250000, 'id')).toBe('Rp 1.250.000');
    expect(formatRupiah(9007199254740993n, 'id')).toBe('Rp 9.007.199.254.740.993');
    expect(formatRupiah('0', 'id')).toBe('Rp 0');
    // In English with commas, as the page's other numbers: 15.000 would read as fifteen.
    expect(formatRupiah(15000, 'en')).toBe('IDR 15,000');
    expect(formatRupiah(9007199254740993n, 'en')).toBe('IDR 9,007,199,254,740,993');
  });

  it('turns a WIT wall-clock time into the right instant and back', () => {
    const instant = fromLocalInput('2026-11-28T23:59');
    expect(instant?.toISOString()).toBe('2026-11-28T14:59:00.000Z');
    expect(toLocalInput(instant)).toBe('2026-11-28T23:59');
    expect(fromLocalInput('not a time')).toBeUndefined();
  });

  it('knows the WIT calendar day around midnight', () => {
    expect(localDate(new Date('2026-11-28T14:59:59Z'))).toBe('2026-11-28');
    expect(localDate(new Date('2026-11-28T15:00:00Z'))).toBe('2026-11-29');
  });
});
