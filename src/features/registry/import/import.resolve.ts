/**
 * Turning what people write into the registry's codes: a kab/kota as a name or a code with or
 * without "Kabupaten"/"Kab."/"Kota", a kecamatan by name within it, a commodity or a unit in either
 * language, "ya"/"tidak". Pure functions over the region index.
 */
import { CAPACITY_PERIODS, CAPACITY_UNITS, COMMODITIES } from '../../../platform/registry-domain.ts';
import type { CapacityPeriod, CapacityUnit, Commodity } from '../../../platform/registry-domain.ts';
import { commodityLabel } from '../registry.messages.ts';
import type { RegionInfo } from '../registry.service.ts';
import { detached } from './import.cells.ts';
import { normalizeHeader } from './import.columns.ts';
import { importRules } from './import.messages.ts';

export type Resolved<T> =
  | { ok: true; value: T }
  | { ok: false; key: string; params: Record<string, string | number> };

const ok = <T>(value: T): Resolved<T> => ({ ok: true, value });
const fail = <T>(key: string, params: Record<string, string | number>): Resolved<T> => ({
  ok: false,
  key,
  params,
});

/** Words compared without case, accents or punctuation. */
export const norm = normalizeHeader;

/**
 * norm for the words a sheet repeats row after row (places, units, periods, yes/no): each spelling is
 * normalised once per process (up to a bound, so a sheet of unique values cannot grow it for ever).
 * Kept for the process, so kept as copies, never slices of a sheet's XML (detached).
 */
const normWord = (() => {
  const known = new Map<string, string>();
  return (raw: string): string => {
    let n = known.get(raw);
    if (n === undefined) {
      n = normalizeHeader(raw);
      if (known.size < 10_000) known.set(detached(raw), detached(n));
    }
    return n;
  };
})();

const KAB_PREFIX = /^(kabupaten|kab|kab\.)\s+/;
const KOTA_PREFIX = /^(kota|kodya|kotamadya)\s+/;

interface KabkotaEntry {
  region: RegionInfo;
  /** The name without its "Kabupaten"/"Kota". */
  bare: string;
  isKota: boolean;
}

export interface RegionResolver {
  kabkota(raw: string): Resolved<string>;
  kecamatan(kabkotaCode: string, raw: string): Resolved<string>;
  name(code: string): string;
}

/** A resolver for one province's regions; `bpsCodes` maps Kemendagri codes to BPS codes. */
export function regionResolver(
  index: Map<string, RegionInfo>,
  provinceCode: string,
  bpsCodes: Map<string, string>,
): RegionResolver {
  const kabkota: KabkotaEntry[] = [];
  const kecamatanByParent = new Map<string, Map<string, string[]>>();
  for (const r of index.values()) {
    if (r.provinceCode !== provinceCode) continue;
    if (r.level === 'kabupaten_kota') {
      const n = norm(r.name);
      kabkota.push({
        region: r,
        bare: n.replace(KAB_PREFIX, '').replace(KOTA_PREFIX, ''),
        isKota: KOTA_PREFIX.test(n),
      });
    } else if (r.level === 'kecamatan' && r.parentCode) {
      let m = kecamatanByParent.get(r.parentCode);
      if (!m) {
        m = new Map();
        kecamatanByParent.set(r.parentCode, m);
      }
      const key = norm(r.name);
      m.set(key, [...(m.get(key) ?? []), r.code]);
    }
  }
  const name = (code: string) => index.get(code)?.name ?? code;
  const resolver: RegionResolver = {
    name,
    kabkota(raw) {
      const text = raw.trim();
      // 81.71 (Kemendagri, with its dot) is unambiguous.
      if (/^\d{2}\.\d{2}$/.test(text)) {
        const r = index.get(text);
        return r && r.level === 'kabupaten_kota' && r.provinceCode === provinceCode
          ? ok(r.code)
          : fail(importRules.kabkotaNotFound, { value: text });
      }
      // 8101 may be Kemendagri's or BPS's code, which differ for some regencies.
      if (/^\d{4}$/.test(text)) {
        const dotted = `${text.slice(0, 2)}.${text.slice(2)}`;
        const kemendagri = kabkota.find((k) => k.region.code === dotted);
        const bps = kabkota.find((k) => bpsCodes.get(k.region.code) === text);
        if (kemendagri && bps && kemendagri !== bps)
          return fail(importRules.kabkotaCodeAmbiguous, {
            value: text,
            kemendagri: kemendagri.region.name,
            bps: bps.region.name,
            code: dotted,
          });
        const found = kemendagri ?? bps;
        return found ? ok(found.region.code) : fail(importRules.kabkotaNotFound, { value: text });
      }
      const n = normWord(text);
      const wantsKota = KOTA_PREFIX.test(n);
      const wantsKab = KAB_PREFIX.test(n);
      const bare = n.replace(KAB_PREFIX, '').replace(KOTA_PREFIX, '');
      const matches = kabkota.filter(
        (k) => k.bare === bare && (!wantsKota || k.isKota) && (!wantsKab || !k.isKota),
      );
      if (matches.length === 1) return ok(matches[0]!.region.code);
      if (matches.length > 1)
        return fail(importRules.kabkotaAmbiguous, {
          value: text,
          options: matches.map((m) => m.region.name).join(' / '),
        });
      return fail(importRules.kabkotaNotFound, { value: text });
    },
    kecamatan(kabkotaCode, raw) {
      const text = raw.trim();
      if (/^\d{2}\.\d{2}\.\d{2}$/.test(text)) {
        const r = index.get(text);
        return r && r.level === 'kecamatan' && r.parentCode === kabkotaCode
          ? ok(r.code)
          : fail(importRules.kecamatanNotFound, { value: text, kabkota: name(kabkotaCode) });
      }
      const key = normWord(text).replace(/^(kecamatan|kec)\s+/, '');
      const codes = kecamatanByParent.get(kabkotaCode)?.get(key);
      return codes?.length === 1
        ? ok(codes[0]!)
        : fail(importRules.kecamatanNotFound, { value: text, kabkota: name(kabkotaCode) });
    },
  };
  return resolver;
}

const COMMODITY_WORDS = new Map<string, Commodity>();
for (const c of COMMODITIES) {
  for (const w of [c, c.replace(/_/g, ' '), commodityLabel(c, 'id'), commodityLabel(c, 'en')])
    COMMODITY_WORDS.set(norm(w), c);
}
for (const [w, c] of [
  ['makanan dan minuman', 'makanan_minuman'],
  ['makanan minuman', 'makanan_minuman'],
  ['mamin', 'makanan_minuman'],
  ['makanan', 'makanan_minuman'],
  ['minuman', 'makanan_minuman'],
  ['pangan', 'makanan_minuman'],
  ['food and drink', 'makanan_minuman'],
  ['food', 'makanan_minuman'],
  ['tenun', 'kain_tenun'],
  ['tenun ikat', 'kain_tenun'],
  ['woven cloth', 'kain_tenun'],
  ['batik', 'kain_batik'],
  ['kerajinan anyaman', 'anyaman'],
  ['woven crafts', 'anyaman'],
  ['keramik', 'gerabah'],
  ['gerabah keramik', 'gerabah'],
  ['earthenware', 'gerabah'],
  ['pottery', 'gerabah'],
  ['lain lain', 'lainnya'],
  ['lain', 'lainnya'],
  ['other', 'lainnya'],
  ['others', 'lainnya'],
] as const)
  COMMODITY_WORDS.set(w, c);

/** A commodity from its code or its name in either language ("Kain tenun", "Food & drink", "mamin"). */
export function resolveCommodity(raw: string): Resolved<Commodity> {
  const found = COMMODITY_WORDS.get(normWord(raw));
  return found
    ? ok(found)
    : fail(importRules.commodityUnknown, {
        value: raw,
        options: COMMODITIES.map((c) => commodityLabel(c, 'id')).join(', '),
      });
}

const UNIT_WORDS = new Map<string, CapacityUnit>();
for (const u of CAPACITY_UNITS) UNIT_WORDS.set(u, u);
for (const [w, u] of [
  ['kilogram', 'kg'],
  ['kilo', 'kg'],
  ['kgs', 'kg'],
  ['tons', 'ton'],
  ['tonnes', 'ton'],
  ['l', 'liter'],
  ['ltr', 'liter'],
  ['litre', 'liter'],
  ['litres', 'liter'],
  ['liters', 'liter'],
  ['bottle', 'botol'],
  ['bottles', 'botol'],
  ['btl', 'botol'],
  ['pack', 'bungkus'],
  ['packs', 'bungkus'],
  ['bks', 'bungkus'],
  ['box', 'kotak'],
  ['boxes', 'kotak'],
  ['dus', 'kotak'],
  ['buah', 'pcs'],
  ['bh', 'pcs'],
  ['biji', 'pcs'],
  ['pc', 'pcs'],
  ['piece', 'pcs'],
  ['pieces', 'pcs'],
  ['helai', 'lembar'],
  ['lbr', 'lembar'],
  ['sheet', 'lembar'],
  ['sheets', 'lembar'],
  ['m', 'meter'],
  ['metre', 'meter'],
  ['meters', 'meter'],
  ['sets', 'set'],
  ['units', 'unit'],
] as const)
  UNIT_WORDS.set(w, u);

/** A capacity unit from the list or a common spelling of it (kilogram, ltr, buah, helai…). */
export function resolveUnit(raw: string): Resolved<CapacityUnit> {
  const found = UNIT_WORDS.get(normWord(raw));
  return found
    ? ok(found)
    : fail(importRules.unitUnknown, { value: raw, options: CAPACITY_UNITS.join(', ') });
}

const PERIOD_WORDS = new Map<string, CapacityPeriod>();
for (const p of CAPACITY_PERIODS) PERIOD_WORDS.set(p, p);
for (const [w, p] of [
  ['hari', 'day'],
  ['per hari', 'day'],
  ['harian', 'day'],
  ['daily', 'day'],
  ['per day', 'day'],
  ['minggu', 'week'],
  ['pekan', 'week'],
  ['per minggu', 'week'],
  ['mingguan', 'week'],
  ['weekly', 'week'],
  ['per week', 'week'],
  ['bulan', 'month'],
  ['bln', 'month'],
  ['per bulan', 'month'],
  ['bulanan', 'month'],
  ['monthly', 'month'],
  ['per month', 'month'],
  ['tahun', 'year'],
  ['thn', 'year'],
  ['th', 'year'],
  ['per tahun', 'year'],
  ['tahunan', 'year'],
  ['yearly', 'year'],
  ['annual', 'year'],
  ['per year', 'year'],
] as const)
  PERIOD_WORDS.set(w, p);

/** A capacity period from hari/minggu/bulan/tahun, day/week/month/year and their usual forms. */
export function resolvePeriod(raw: string): Resolved<CapacityPeriod> {
  const found = PERIOD_WORDS.get(normWord(raw));
  return found ? ok(found) : fail(importRules.periodUnknown, { value: raw });
}

const YES = new Set(['ya', 'y', 'yes', 'true', 'benar', 'setuju', '1', 'v', 'x', 'ok', 'boleh']);
const NO = new Set(['tidak', 't', 'tdk', 'no', 'n', 'false', 'salah', '0', 'belum', 'tidak boleh']);

/** "ya"/"tidak" in the usual spellings. */
export function resolveYesNo(raw: string): Resolved<boolean> {
  const n = normWord(raw);
  if (YES.has(n) || raw.trim() === '✓' || raw.trim() === '√') return ok(true);
  if (NO.has(n) || raw.trim() === '-') return ok(false);
  return fail(importRules.yesNoUnknown, { value: raw });
}
