/**
 * Indonesian display formats: `28 Nov 2026`, `28 Nov 2026 18.03 WIT`, `Rp 1.250.000`.
 * Instants are stored in UTC and shown in the province's time zone (Maluku: WIT, Asia/Jayapura).
 */
import type { Lang } from './domain.ts';

let provinceTimeZone = 'Asia/Jayapura';

/** Set once at start-up from the configuration. */
export function setTimeZone(tz: string): void {
  provinceTimeZone = tz;
}
export function timeZone(): string {
  return provinceTimeZone;
}

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${provinceTimeZone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), { timeZone: provinceTimeZone, ...opts });
    cache.set(key, f);
  }
  return f;
}

/** The abbreviation users know for the zone (WIB/WITA/WIT), else the UTC offset. */
export function zoneLabel(): string {
  const labels: Record<string, string> = {
    'Asia/Jakarta': 'WIB',
    'Asia/Pontianak': 'WIB',
    'Asia/Makassar': 'WITA',
    'Asia/Jayapura': 'WIT',
  };
  return labels[provinceTimeZone] ?? provinceTimeZone;
}

/** `28 Nov 2026` for an instant (in the province's zone) or a calendar date `2026-11-28`. */
export function formatDate(value: Date | string | null | undefined, lang: Lang = 'id'): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(locale(lang), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  return dtf(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(value));
}

/** `28 Nov 2026 18.03 WIT`. */
export function formatDateTime(value: Date | string | null | undefined, lang: Lang = 'id'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  const time = dtf(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${formatDate(date, lang)} ${time} ${zoneLabel()}`;
}

// Building an Intl.NumberFormat costs far more than formatting with one: lists format many numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(loc: string, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${loc}|${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(loc, { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/** `1.250.000` in Indonesian, `1,250,000` in English. */
export function formatNumber(value: number | bigint | string | null | undefined, lang: Lang = 'id'): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'string' ? Number(value) : value;
  return numberFormat(locale(lang), 2).format(n);
}

/**
 * `Rp 1.250.000` in Indonesian, `IDR 1,250,000` in English (whole rupiah): an English reader takes
 * `15.000` for fifteen, so the English page groups with commas like its other numbers.
 */
export function formatRupiah(value: number | bigint | string | null | undefined, lang: Lang = 'id'): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'string' ? BigInt(value) : value;
  const grouped = numberFormat(locale(lang), 0).format(n);
  return lang === 'id' ? `Rp ${grouped}` : `IDR ${grouped}`;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in the province's zone. */
export function localDate(instant: Date = new Date()): string {
  const parts = dtf('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The value for an `<input type="datetime-local">` showing an instant in the province's zone. */
export function toLocalInput(instant: Date | string | null | undefined): string {
  if (!instant) return '';
  const parts = dtf('en', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The instant meant by a wall-clock time `2026-11-28T18:03` in the province's zone. */
export function fromLocalInput(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  // The zone's offset at that moment: format the guess in the zone and compare.
  const offsetAt = (t: number) => {
    const p = dtf('en', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(t));
    const g = (k: string) => Number(p.find((x) => x.type === k)?.value);
    return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')) - t;
  };
  const result = new Date(guess - offsetAt(guess - offsetAt(guess)));
  return Number.isNaN(result.getTime()) ? undefined : result;
}
