/**
 * Indonesian identifiers and the shapes people really type them in (brief §5): NIB, KBLI, PIRT,
 * BPOM MD, HS codes, phone numbers, Indonesian numbers and dates. Pure functions: the forms, the API
 * and the spreadsheet import all use them, and each failure names its rule in the user's language.
 */
import { parseCalendarDate, parseIndonesianNumber } from '../../platform/fields.ts';
import { validationMessages } from '../../platform/i18n.ts';

export const idRules = validationMessages('registry.id', {
  nibLetters: {
    id: 'NIB hanya berisi angka (13 digit), tanpa huruf.',
    en: 'A NIB has digits only (13 of them), no letters.',
  },
  nibLength: {
    id: 'NIB harus 13 digit; yang diisi {count} digit.',
    en: 'A NIB has 13 digits; this one has {count}.',
  },
  kbliFormat: {
    id: 'KBLI harus 5 digit angka, contoh 10792.',
    en: 'A KBLI code has 5 digits, e.g. 10792.',
  },
  phoneFormat: {
    id: 'Nomor telepon tidak dikenali; tulis seperti 0812-3456-7890 atau +62 812 3456 7890.',
    en: 'Not a phone number we recognise; write it like 0812-3456-7890 or +62 812 3456 7890.',
  },
  phoneLength: {
    id: 'Jumlah digit nomor telepon tidak sesuai (tanpa 0 di depan: 9–12 untuk ponsel, 8–11 untuk telepon rumah).',
    en: 'Wrong number of digits for a phone (without the leading 0: 9–12 for a mobile, 8–11 for a landline).',
  },
  phoneMultiple: {
    id: 'Isi satu nomor telepon saja.',
    en: 'Enter one phone number only.',
  },
  pirtFormat: {
    id: 'Nomor P-IRT hanya berisi angka (15 digit), contoh 2067101010123-27.',
    en: 'A P-IRT number has digits only (15 of them), e.g. 2067101010123-27.',
  },
  pirtLength: {
    id: 'Nomor P-IRT harus 15 digit; yang diisi {count} digit.',
    en: 'A P-IRT number has 15 digits; this one has {count}.',
  },
  bpomPrefix: {
    id: 'Nomor BPOM untuk pangan olahan dalam negeri diawali MD lalu 12 digit, contoh MD 224510001234.',
    en: 'A BPOM number for domestic processed food is MD followed by 12 digits, e.g. MD 224510001234.',
  },
  bpomLength: {
    id: 'Nomor BPOM MD harus MD diikuti 12 digit; yang diisi {count} digit.',
    en: 'A BPOM MD number is MD followed by 12 digits; this one has {count}.',
  },
  bpomImported: {
    id: 'Nomor ML adalah izin edar pangan impor, bukan produk IKM; isi nomor MD.',
    en: 'An ML number is an import permit, not an IKM product’s; enter the MD number.',
  },
  hsFormat: {
    id: 'Kode HS hanya berisi angka (6–10 digit), contoh 1106.20.10.',
    en: 'An HS code has digits only (6–10 of them), e.g. 1106.20.10.',
  },
  hsLength: {
    id: 'Kode HS harus 6–10 digit; yang diisi {count} digit.',
    en: 'An HS code has 6–10 digits; this one has {count}.',
  },
  docNumberFormat: {
    id: 'Nomor dokumen terlalu pendek atau berisi tanda yang tidak lazim.',
    en: 'The document number is too short or has unusual characters.',
  },
});

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string, params?: Record<string, string | number>): Parsed<T> =>
  params ? { ok: false, error, params } : { ok: false, error };

/** A spreadsheet may hand us a number; identifiers are text. */
function asText(raw: string | number): string {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw.toFixed(0) : String(raw);
  return raw.normalize('NFKC').trim();
}

/** Spaces, dots, dashes and slashes people put between digit groups. */
const SEPARATORS = /[\s.\-_/]/g;

/** Nomor Induk Berusaha: 13 digits from OSS (e.g. `9120 0012 3456 7`, `NIB: 9120001234567`). */
export function parseNib(raw: string | number): Parsed<string> {
  const s = asText(raw).replace(/^nib\b\s*[:.]?\s*/i, '');
  if (/[a-z]/i.test(s)) return fail(idRules.nibLetters);
  const digits = s.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return fail(idRules.nibLetters);
  if (digits.length !== 13) return fail(idRules.nibLength, { count: digits.length });
  return ok(digits);
}

/** KBLI 2020 business classification: 5 digits (`10792`, `KBLI 10792`). */
export function parseKbli(raw: string | number): Parsed<string> {
  const digits = asText(raw)
    .replace(/^kbli\b\s*[:.]?\s*/i, '')
    .replace(SEPARATORS, '');
  return /^\d{5}$/.test(digits) ? ok(digits) : fail(idRules.kbliFormat);
}

/**
 * A phone number as E.164 (`+6281234567890`). Accepts `0812-3456-7890`, `+62 812 3456 7890`,
 * `62812…`, `(0911) 352123`, `812…` (the 0 eaten by a spreadsheet), `0062…`, labels such as `HP:`.
 */
export function parsePhone(raw: string | number): Parsed<string> {
  let s = asText(raw);
  if (/[/,;]|\bdan\b|\batau\b|\bor\b/i.test(s)) return fail(idRules.phoneMultiple);
  s = s.replace(/^((telp|tel|hp|wa|whatsapp|no|ponsel|telepon)\.?\s*[:.]?\s*)+/i, '');
  const plus = s.startsWith('+');
  let digits = s.replace(/[\s\-.()]/g, '');
  if (plus) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return fail(idRules.phoneFormat);
  let national: string;
  if (!plus && digits.startsWith('00')) {
    digits = digits.slice(2);
    if (!digits.startsWith('62')) return foreign(digits);
    national = digits.slice(2);
  } else if (plus) {
    if (!digits.startsWith('62')) return foreign(digits);
    national = digits.slice(2);
  } else if (digits.startsWith('62') && digits.length >= 10) {
    national = digits.slice(2);
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else if (digits.startsWith('8')) {
    national = digits;
  } else {
    return fail(idRules.phoneFormat);
  }
  // "+62 0812…": the trunk 0 kept after the country code.
  if (national.startsWith('0')) national = national.slice(1);
  const mobile = national.startsWith('8');
  const [min, max] = mobile ? [9, 12] : [8, 11];
  if (!/^[2-9]/.test(national)) return fail(idRules.phoneFormat);
  if (national.length < min || national.length > max) return fail(idRules.phoneLength);
  return ok(`+62${national}`);
}

function foreign(digits: string): Parsed<string> {
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return fail(idRules.phoneLength);
  return ok(`+${digits}`);
}

/** `+62 812-3456-7890` for display. */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  if (!e164.startsWith('+62')) return e164;
  const n = e164.slice(3);
  if (n.startsWith('8')) return `+62 ${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
  // Landlines: two- or three-digit area codes (21 Jakarta, 911 Ambon).
  const area = /^(21|22|24|31|61)/.test(n) ? 2 : 3;
  return `+62 ${n.slice(0, area)} ${n.slice(area)}`;
}

/** P-IRT (SPP-IRT) number: 15 digits (`P-IRT No. 2067101010123-27`). */
export function parsePirt(raw: string | number): Parsed<string> {
  const s = asText(raw).replace(/^(sp[-\s]?)?p[-\s.]?irt\b\.?\s*(no\.?|nomor)?\s*[:.]?\s*/i, '');
  if (/[a-z]/i.test(s)) return fail(idRules.pirtFormat);
  const digits = s.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return fail(idRules.pirtFormat);
  if (digits.length !== 15) return fail(idRules.pirtLength, { count: digits.length });
  return ok(digits);
}

/** `2067101010123-27`: the last two digits are the year the permit expires. */
export function formatPirt(digits: string): string {
  return digits.length === 15 ? `${digits.slice(0, 13)}-${digits.slice(13)}` : digits;
}

/** BPOM registration of domestic processed food: `MD` + 12 digits (`BPOM RI MD 224510001234`). */
export function parseBpomMd(raw: string | number): Parsed<string> {
  const s = asText(raw)
    .toUpperCase()
    .replace(/^(BADAN\s+POM|BPOM)\s*(RI)?\s*(NO\.?|NOMOR)?\s*[:.]?\s*/, '');
  const compact = s.replace(SEPARATORS, '');
  if (/^ML\d/.test(compact)) return fail(idRules.bpomImported);
  const m = /^MD(\d*)$/.exec(compact);
  if (!m) return fail(idRules.bpomPrefix);
  const digits = m[1]!;
  if (digits.length !== 12) return fail(idRules.bpomLength, { count: digits.length });
  return ok(`MD${digits}`);
}

/** `MD 224510001234`. */
export function formatBpomMd(value: string): string {
  return value.startsWith('MD') ? `MD ${value.slice(2)}` : value;
}

/** Harmonized System code: 6 to 10 digits (`1106.20`, `3301.29.10`, `HS 7116.10.00`). */
export function parseHsCode(raw: string | number): Parsed<string> {
  const s = asText(raw).replace(/^hs\b\s*(code|kode)?\s*[:.]?\s*/i, '');
  const digits = s.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return fail(idRules.hsFormat);
  if (digits.length < 6 || digits.length > 10) return fail(idRules.hsLength, { count: digits.length });
  return ok(digits);
}

/** `1106.20.10` (heading.subheading.national). */
export function formatHsCode(digits: string | null | undefined): string {
  if (!digits) return '';
  const parts = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), digits.slice(8)];
  return parts.filter(Boolean).join('.');
}

/**
 * A free-text document number (halal, SNI, trademark): trimmed, inner spaces folded, upper-cased;
 * at least 3 characters of letters, digits and the usual separators.
 */
export function parseDocNumber(raw: string | number): Parsed<string> {
  const s = asText(raw).replace(/\s+/g, ' ').toUpperCase();
  if (s.length < 3 || s.length > 80 || !/^[\p{L}\p{N}][\p{L}\p{N} .,:/\-_()]*$/u.test(s))
    return fail(idRules.docNumberFormat);
  return ok(s);
}

const SCALE: Record<string, number> = {
  miliar: 1e9,
  milyar: 1e9,
  juta: 1e6,
  jt: 1e6,
  ribu: 1e3,
  rb: 1e3,
};

/**
 * A number as Indonesians write it: `1.250.000`, `2,5`, `Rp 1.250.000,-`, `1,5 juta`, `65%`,
 * `IDR 2.000.000`; spreadsheet numbers pass through. Undefined when it is not a number.
 */
export function parseIdNumber(raw: string | number | null | undefined): number | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  let s = raw
    .normalize('NFKC')
    .trim()
    .replace(/^(rp|idr)\.?\s*/i, '')
    .replace(/\s*%$/, '')
    .replace(/[,.]-$/, '')
    .trim();
  let scale = 1;
  const unit = /^(.*?)\s*(miliar|milyar|juta|jt|ribu|rb)\.?$/i.exec(s);
  if (unit) {
    s = unit[1]!.trim();
    scale = SCALE[unit[2]!.toLowerCase()]!;
  }
  if (s === '') return undefined;
  // "1.5 juta": with a scale word a lone dot is a decimal mark, not a thousands separator.
  const base = scale > 1 && /^\d+\.\d{1,2}$/.test(s) ? Number(s) : parseIndonesianNumber(s);
  if (base === undefined || !Number.isFinite(base)) return undefined;
  return scale > 1 ? Math.round(base * scale) : base;
}

const MONTHS: Record<string, number> = {};
for (const [m, names] of [
  [1, 'januari jan january'],
  [2, 'februari pebruari feb peb february'],
  [3, 'maret mar march'],
  [4, 'april apr'],
  [5, 'mei may'],
  [6, 'juni jun june'],
  [7, 'juli jul july'],
  [8, 'agustus agu agt ags aug august'],
  [9, 'september sep sept'],
  [10, 'oktober okt oct october'],
  [11, 'november nopember nov nop'],
  [12, 'desember des dec december'],
] as const)
  for (const name of names.split(' ')) MONTHS[name] = m;

function ymd(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day count (1900 date system; serial 1 = 1900-01-01, with Excel's phantom 29 Feb 1900). */
export function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A calendar date (`YYYY-MM-DD`) from `28/11/2026`, `28-11-2026`, `2026-11-28`, `28/11/26`,
 * `28 Nov 2026`, `28 Nopember 2026`, `Sabtu, 28 November 2026`, an Excel serial (46354, also as
 * text) or a Date from a spreadsheet cell. Undefined when it is not a real date.
 */
export function parseIdDate(raw: string | number | Date | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return undefined;
    return ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') return excelSerialToDate(raw);
  const s = raw
    .normalize('NFKC')
    .trim()
    .replace(/^(tgl\.?|tanggal)\s*/i, '')
    .replace(/^[a-z]+,\s*/i, '');
  if (s === '') return undefined;
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s));
  const plain = parseCalendarDate(s);
  if (plain) return plain;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(s);
  if (m) return ymd(2000 + Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s\-./]+([a-z]+)\.?[\s\-./,]+(\d{4})$/i.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? ymd(Number(m[3]), month, Number(m[1])) : undefined;
  }
  return undefined;
}

/** Whole days from `today` to `date` (both `YYYY-MM-DD`); negative when it has passed. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
