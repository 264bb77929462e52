import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calendarDate, parseCalendarDate, parseIndonesianNumber, rupiah } from './fields.ts';
import { validate } from './validation.ts';

describe('parseIndonesianNumber', () => {
  it.each([
    ['1.250.000', 1250000],
    ['Rp 1.250.000', 1250000],
    ['Rp1.250.000', 1250000],
    ['1250000', 1250000],
    ['2,5', 2.5],
    ['1.250.000,75', 1250000.75],
    ['1,250,000', 1250000],
    ['1,250,000.5', 1250000.5],
    ['  42 ', 42],
    ['-3', -3],
    ['0', 0],
  ])('%s → %d', (raw, expected) => {
    expect(parseIndonesianNumber(raw)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3,4,5', '12a', '1..000'])('refuses %j', (raw) => {
    expect(parseIndonesianNumber(raw)).toBeUndefined();
  });
});

describe('parseCalendarDate', () => {
  it.each([
    ['2026-11-28', '2026-11-28'],
    ['28/11/2026', '2026-11-28'],
    ['28-11-2026', '2026-11-28'],
    ['1/2/2026', '2026-02-01'],
    ['29/02/2024', '2024-02-29'],
  ])('%s → %s', (raw, expected) => {
    expect(parseCalendarDate(raw)).toBe(expected);
  });

  it.each(['31/02/2026', '29/02/2026', '2026-13-01', '11/28/2026', 'tomorrow', '28/11/26'])(
    'refuses %j',
    (raw) => {
      expect(parseCalendarDate(raw)).toBeUndefined();
    },
  );
});

describe('form fields through validate()', () => {
  const schema = z.object({ price: rupiah(), due: calendarDate() });

  it('accepts Indonesian formats', async () => {
    const r = await validate(schema, { price: 'Rp 1.250.000', due: '28/11/2026' }, 'id');
    expect(r).toEqual({ ok: true, data: { price: 1250000, due: '2026-11-28' } });
  });

  it('explains each bad field in the user language', async () => {
    const r = await validate(schema, { price: '12,5', due: '31/02/2026' }, 'id');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.price).toMatch(/rupiah/);
    expect(r.errors.due).toMatch(/Tanggal tidak valid/);
    const en = await validate(schema, { price: '', due: '' }, 'en');
    expect(en.ok).toBe(false);
    if (en.ok) return;
    expect(en.errors.price).toBe('Required.');
    expect(en.errors.due).toBe('Required.');
  });
});
