/**
 * Conflicts of interest: the declared kinds, and the likely conflicts the system suggests before
 * assignment — an assessor and an IKM sharing an institution, a phone number or an e-mail address.
 * Phones are compared in E.164 (+62…), e-mails in lower case, institutions without case, accents,
 * punctuation or legal-form words. Pure: no database, no HTTP.
 */
import { type Bilingual, type Note, joinList, say } from './rules.messages.ts';

/** The kinds of conflict an assessor or the admin declares. */
export const CONFLICT_KINDS = [
  'family',
  'business_partner',
  'employer_employee',
  'supplier_customer',
  'same_institution',
  'other',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** The conflict kinds in both languages. */
export const CONFLICT_KIND_NAMES: Record<ConflictKind, Bilingual> = {
  family: { id: 'hubungan keluarga', en: 'family' },
  business_partner: { id: 'mitra usaha', en: 'business partner' },
  employer_employee: { id: 'pemberi kerja atau karyawan', en: 'employer or employee' },
  supplier_customer: { id: 'pemasok atau pelanggan', en: 'supplier or customer' },
  same_institution: { id: 'instansi yang sama', en: 'same institution' },
  other: { id: 'lainnya', en: 'other' },
};

/**
 * A phone number in E.164 (`+6281234567890`), or null when it is not one. Accepts the usual
 * Indonesian ways of writing it: `0812-3456-7890`, `+62 812 3456 7890`, `62812…`, `0062…`,
 * `(0911) 352123`, `812…` (the leading 0 lost in a spreadsheet), with labels such as `HP:` or `WA`.
 */
export function normalisePhone(raw: string | number | null | undefined, countryCode = '62'): string | null {
  if (raw === null || raw === undefined) return null;
  let s = String(raw).trim();
  s = s.replace(/^((telp|tel|hp|wa|whatsapp|no|ponsel|telepon|phone)\.?\s*[:.]?\s*)+/i, '');
  s = s.replace(/\s*(ext\.?|x|#)\s*\d+$/i, '');
  if (/[^\d\s\-.()+]/.test(s)) return null;
  const plus = s.startsWith('+');
  let digits = s.replace(/[\s\-.()+]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (plus) {
    // "+62 (0)812…": the trunk 0 after the country code is dropped.
    if (digits.startsWith(`${countryCode}0`)) digits = countryCode + digits.slice(countryCode.length + 1);
  } else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith(countryCode) && digits.length >= countryCode.length + 8) {
    // already international without the plus
  } else if (digits.startsWith('0')) digits = countryCode + digits.slice(1);
  else if (digits.startsWith('8') && digits.length >= 9 && digits.length <= 12) digits = countryCode + digits;
  else return null;
  if (digits.startsWith('0') || digits.length < 8 || digits.length > 15) return null;
  // A national number of an Indonesian phone has 8–12 digits (landline 8–11, mobile 9–12).
  if (digits.startsWith(countryCode) && countryCode === '62') {
    const national = digits.length - 2;
    if (national < 8 || national > 12) return null;
  }
  return `+${digits}`;
}

/** An e-mail address trimmed and in lower case, or null when it is not one. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : null;
}

const LEGAL_FORMS = new Set(['pt', 'cv', 'ud', 'tbk', 'persero', 'the']);
const NOT_AN_INSTITUTION = new Set([
  '',
  'tidak ada',
  'tidak',
  'none',
  'n a',
  'na',
  'umum',
  'pribadi',
  'perorangan',
  'lainnya',
  'other',
]);

/** An institution's name for comparison ("PT. Mutiara Aru, Tbk" → "mutiara aru"), or null when it names none. */
export function normaliseInstitution(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const words = s.split(' ').filter((w) => w && !LEGAL_FORMS.has(w));
  const name = words.join(' ');
  if (NOT_AN_INSTITUTION.has(name) || name.replace(/ /g, '').length < 3) return null;
  return name;
}

/** The contact facts of an assessor or an IKM (an IKM may list its owner's and its own). */
export interface Contacts {
  id: string;
  label?: string;
  institutions?: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  emails?: readonly (string | null | undefined)[];
}

/** What an assessor and an IKM can share. */
export type MatchOn = 'institution' | 'phone' | 'email';

/** A likely conflict: what the two share, the kind to suggest, and a sentence saying so. */
export interface ConflictSuggestion {
  assessorId: string;
  ikmId: string;
  matches: { on: MatchOn; value: string }[];
  kind: ConflictKind;
  note: Note;
}

const MATCH_NAMES: Record<MatchOn, Bilingual> = {
  institution: { id: 'instansi', en: 'institution' },
  phone: { id: 'nomor telepon', en: 'phone number' },
  email: { id: 'alamat email', en: 'e-mail address' },
};

/**
 * Likely conflicts between assessors and IKM: the same institution, phone or e-mail. Pairs already
 * declared are left out. Linear in the number of contacts (an index per normalised value).
 */
export function suggestConflicts(
  assessors: readonly Contacts[],
  ikms: readonly Contacts[],
  declared: readonly { assessorId: string; ikmId: string }[] = [],
): ConflictSuggestion[] {
  const index = new Map<string, Set<string>>();
  const key = (on: MatchOn, v: string) => `${on}\u0000${v}`;
  const add = (on: MatchOn, v: string | null, ikmId: string) => {
    if (!v) return;
    const k = key(on, v);
    let set = index.get(k);
    if (!set) {
      set = new Set();
      index.set(k, set);
    }
    set.add(ikmId);
  };
  for (const ikm of ikms) {
    for (const x of ikm.institutions ?? []) add('institution', normaliseInstitution(x), ikm.id);
    for (const x of ikm.phones ?? []) add('phone', normalisePhone(x), ikm.id);
    for (const x of ikm.emails ?? []) add('email', normaliseEmail(x), ikm.id);
  }
  const skip = new Set(declared.map((d) => `${d.assessorId}\u0000${d.ikmId}`));
  const labels = new Map(ikms.map((i) => [i.id, i.label ?? i.id]));
  const out: ConflictSuggestion[] = [];
  for (const a of assessors) {
    const found = new Map<string, { on: MatchOn; value: string }[]>();
    const look = (on: MatchOn, v: string | null) => {
      if (!v) return;
      for (const ikmId of index.get(key(on, v)) ?? []) {
        let list = found.get(ikmId);
        if (!list) {
          list = [];
          found.set(ikmId, list);
        }
        if (!list.some((m) => m.on === on && m.value === v)) list.push({ on, value: v });
      }
    };
    for (const x of a.institutions ?? []) look('institution', normaliseInstitution(x));
    for (const x of a.phones ?? []) look('phone', normalisePhone(x));
    for (const x of a.emails ?? []) look('email', normaliseEmail(x));
    for (const [ikmId, matches] of found) {
      if (skip.has(`${a.id}\u0000${ikmId}`)) continue;
      const kind: ConflictKind = matches.some((m) => m.on === 'institution') ? 'same_institution' : 'other';
      out.push({
        assessorId: a.id,
        ikmId,
        matches,
        kind,
        note: say('conflictSuggested', {
          assessor: a.label ?? a.id,
          ikm: labels.get(ikmId) ?? ikmId,
          what: joinList(
            matches.map((m) => ({
              id: `${MATCH_NAMES[m.on].id} ${m.value}`,
              en: `${MATCH_NAMES[m.on].en} ${m.value}`,
            })),
          ),
        }),
      });
    }
  }
  return out;
}
