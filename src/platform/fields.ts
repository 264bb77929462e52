/**
 * zod building blocks for form and API fields. HTML forms send every value as a string and an empty
 * field as ''; these turn that into typed values, so page and API share one schema.
 */
import { z } from 'zod';
import { validationMessages } from './i18n.ts';

export const V = validationMessages('common', {
  dateFormat: {
    id: 'Tanggal tidak valid (gunakan format 28/11/2026).',
    en: 'Not a valid date (use 28/11/2026).',
  },
  wholeRupiah: {
    id: 'Isi jumlah rupiah tanpa desimal, contoh 1.250.000.',
    en: 'Enter whole rupiah, e.g. 1.250.000.',
  },
  number: { id: 'Harus berupa angka.', en: 'Must be a number.' },
  endBeforeStart: {
    id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    en: 'The end cannot be before the start.',
  },
});

/**
 * A type's own message for a value it cannot read (`abc` for a number, `31/02/2026` for a date); a
 * missing value, and a value outside the range (too small, too big), keep their own messages.
 */
export const unlessMissing = (key: string) => ({
  error: (iss: { code?: string; input?: unknown }) =>
    iss.input === undefined || iss.code === 'too_small' || iss.code === 'too_big' ? undefined : key,
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** A required single-line text, trimmed. */
export const text = (max = 200) => z.preprocess(trimmed, z.string().min(1).max(max));

/** An optional text: '' becomes undefined. */
export const optionalText = (max = 2000) =>
  z.preprocess((v) => blankToUndefined(trimmed(v)), z.string().max(max).optional());

export const email = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email().max(254));

/** Parses `1.250.000`, `1250000`, `2,5` (Indonesian decimal comma) and plain numbers. */
export function parseIndonesianNumber(raw: string): number | undefined {
  let s = raw
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s/g, '');
  if (s === '') return undefined;
  // "1.250.000" or "1.250.000,50": dots group thousands, the comma is the decimal mark.
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  // "1,250,000" or "1,250,000.50": English grouping.
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  // "2,5": a lone comma is a decimal mark.
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

const numberInput = (v: unknown) => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return undefined;
  return parseIndonesianNumber(v) ?? Number.NaN;
};

/** A required number, accepting Indonesian formats. */
export const number = () => z.preprocess(numberInput, z.number(unlessMissing(V.number)).finite());
export const optionalNumber = () =>
  z.preprocess(numberInput, z.number(unlessMissing(V.number)).finite().optional());
export const integer = () => z.preprocess(numberInput, z.number(unlessMissing(V.number)).int());
export const optionalInteger = () =>
  z.preprocess(numberInput, z.number(unlessMissing(V.number)).int().optional());

/** Whole rupiah (stored as bigint), e.g. `Rp 1.250.000`. */
export const rupiah = () =>
  z.preprocess(
    numberInput,
    z.number(unlessMissing(V.wholeRupiah)).int(V.wholeRupiah).min(0).max(Number.MAX_SAFE_INTEGER),
  );
export const optionalRupiah = () =>
  z.preprocess(
    numberInput,
    z.number(unlessMissing(V.wholeRupiah)).int(V.wholeRupiah).min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  );

/** Parses a calendar date from `2026-11-28`, `28/11/2026`, `28-11-2026`; undefined when not a real date. */
export function parseCalendarDate(raw: string): string | undefined {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  if (y < 1900 || y > 2200) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const dateInput = (v: unknown) => {
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return undefined;
  return parseCalendarDate(v) ?? `invalid:${v}`;
};

/** A calendar date as `YYYY-MM-DD` (a date in the province's time zone, not an instant). */
export const calendarDate = () => z.preprocess(dateInput, z.iso.date(unlessMissing(V.dateFormat)));
export const optionalCalendarDate = () =>
  z.preprocess(dateInput, z.iso.date(unlessMissing(V.dateFormat)).optional());

/** An HTML checkbox: present ("on", "true", "1") or absent. */
export const checkbox = () =>
  z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 1, z.boolean());

/** The version an edit form read, for optimistic concurrency. */
export const versionField = () => z.coerce.number().int().min(1);
