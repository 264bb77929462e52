/**
 * Classification: the star class from the cycle's score bands, the gates that deny or cap a star,
 * and the ranking within each commodity with its ties explained. Pure: no database, no HTTP.
 *
 * Bands are half-open, [min, max), except the top band, which includes the top of the scale (100).
 * Scores are rounded to the shown precision (2 decimals) before they are classified or ranked, so
 * what the user sees is what decides (ADR 0402). Star 0 means "no star".
 */
import { formatDateTime } from '../../platform/format.ts';
import { type Bilingual, type Note, joinList, say } from './rules.messages.ts';
import { roundScore, type Violation } from './rubric.rules.ts';

/** A score band: scores from `min` (inclusive) to `max` (exclusive; inclusive at the top) earn `star`. */
export interface StarBand {
  star: number;
  min: number;
  max: number;
}

/** A cycle's star scale: 1–3 (since 2022) or 1–5 (before), its bands, and the score scale (0–100). */
export interface StarScale {
  maxStar: number;
  bands: StarBand[];
  scaleMin?: number;
  scaleMax?: number;
}

/** Stars in words: "3 bintang" / "3 stars", "tanpa bintang" / "no star". */
export function starText(star: number): Bilingual {
  if (star <= 0) return { id: 'tanpa bintang', en: 'no star' };
  return { id: `${star} bintang`, en: star === 1 ? '1 star' : `${star} stars` };
}

const num = (x: number) => Number.isFinite(x);

/** The bands' problems: each star of the scale once, no overlap, no gap, covering the whole scale, rising with the score. */
export function validateBands(scale: StarScale): Violation[] {
  const out: Violation[] = [];
  const lo = scale.scaleMin ?? 0;
  const hi = scale.scaleMax ?? 100;
  const v = (path: string, note: Note): Violation => ({ path, ...note });
  if (!Number.isInteger(scale.maxStar) || scale.maxStar < 1) {
    out.push(v('maxStar', say('scaleMaxStarInvalid')));
    return out;
  }
  if (scale.bands.length === 0) {
    out.push(v('bands', say('bandsEmpty')));
    return out;
  }
  const seen = new Map<number, number>();
  const usable: { band: StarBand; i: number }[] = [];
  scale.bands.forEach((b, i) => {
    const p = `bands.${i}`;
    let ok = true;
    if (!Number.isInteger(b.star) || b.star < 0 || b.star > scale.maxStar) {
      // Still used below for coverage, so one wrong star does not also report a gap.
      out.push(v(`${p}.star`, say('bandStarOutOfScale', { star: String(b.star), max: scale.maxStar })));
    } else if (seen.has(b.star)) {
      out.push(v(`${p}.star`, say('bandStarDuplicate', { star: starText(b.star) })));
    }
    seen.set(b.star, i);
    if (!num(b.min) || !num(b.max) || b.min >= b.max) {
      out.push(
        v(`${p}.max`, say('bandEmpty', { star: starText(b.star), min: String(b.min), max: String(b.max) })),
      );
      ok = false;
    } else if (b.min < lo || b.max > hi) {
      out.push(v(`${p}.min`, say('bandOutsideScale', { star: starText(b.star), lo, hi })));
    }
    if (ok) usable.push({ band: b, i });
  });
  for (let s = 1; s <= scale.maxStar; s++)
    if (!seen.has(s)) out.push(v('bands', say('bandStarMissing', { star: starText(s) })));
  usable.sort((a, b) => a.band.min - b.band.min || a.band.max - b.band.max);
  const first = usable[0];
  if (first && first.band.min > lo)
    out.push(v(`bands.${first.i}.min`, say('bandsGap', { from: lo, to: first.band.min })));
  // Walk in score order, keeping the furthest reach so far: a band starting before it overlaps, after it leaves a gap.
  let reach = first ? first.band.max : lo;
  let reachBand = first;
  for (let k = 1; k < usable.length; k++) {
    const cur = usable[k]!;
    const prev = reachBand!;
    if (cur.band.min < reach)
      out.push(
        v(
          `bands.${cur.i}.min`,
          say('bandsOverlap', {
            a: starText(prev.band.star),
            b: starText(cur.band.star),
            from: cur.band.min,
            to: Math.min(reach, cur.band.max),
          }),
        ),
      );
    else if (cur.band.min > reach)
      out.push(v(`bands.${cur.i}.min`, say('bandsGap', { from: reach, to: cur.band.min })));
    if (cur.band.star <= usable[k - 1]!.band.star)
      out.push(
        v(
          `bands.${cur.i}.star`,
          say('bandsNotRising', {
            lower: starText(usable[k - 1]!.band.star),
            higher: starText(cur.band.star),
          }),
        ),
      );
    if (cur.band.max > reach) {
      reach = cur.band.max;
      reachBand = cur;
    }
  }
  if (reach < hi) out.push(v('bands', say('bandsGap', { from: reach, to: hi })));
  return out;
}

/** The band a (rounded) score falls in: [min, max), the top band closed at the scale's top. */
export function bandFor(score: number, scale: StarScale): StarBand | null {
  const hi = scale.scaleMax ?? 100;
  for (const b of scale.bands)
    if (score >= b.min && (score < b.max || (score === hi && b.max === hi))) return b;
  return null;
}

/** A condition on a nomination's facts; all conditions of a gate must hold for it to apply. */
export interface GateCondition {
  fact: string;
  /** not_true: the fact is not `true`; in / not_in: among `values` or not; below: a number under `value`. */
  op: 'not_true' | 'in' | 'not_in' | 'below';
  values?: readonly (string | number | boolean)[];
  value?: number;
  /** Whether the condition holds when the fact is unknown (default: yes for not_true, no otherwise). */
  ifUnknown?: boolean;
}

/** A gate that denies a star, or caps it at `maxStar`, when its conditions hold; it explains itself with `reason`. */
export interface Gate {
  code: string;
  effect: 'deny' | 'cap';
  maxStar?: number;
  when: readonly GateCondition[];
  reason: Bilingual;
  enabled?: boolean;
}

/** What the gates look at, e.g. { legality: true, commodity: 'kain_tenun', marketReach: 'national', foodPermits: false }. */
export type Facts = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The gates' problems against the star scale. */
export function validateGates(gates: readonly Gate[], maxStar: number): Violation[] {
  const out: Violation[] = [];
  const codes = new Set<string>();
  gates.forEach((g, i) => {
    const p = `gates.${i}`;
    const label = g.code || `#${i + 1}`;
    if (!g.code.trim()) out.push({ path: `${p}.code`, ...say('gateCodeMissing', { n: i + 1 }) });
    else if (codes.has(g.code))
      out.push({ path: `${p}.code`, ...say('gateCodeDuplicate', { gate: g.code }) });
    codes.add(g.code);
    if (g.effect === 'cap') {
      if (g.maxStar === undefined || !Number.isInteger(g.maxStar) || g.maxStar < 0 || g.maxStar >= maxStar)
        out.push({ path: `${p}.maxStar`, ...say('gateCapInvalid', { gate: label, max: maxStar - 1 }) });
    } else if (g.effect !== 'deny')
      out.push({ path: `${p}.effect`, ...say('gateEffectUnknown', { gate: label }) });
    if (g.when.length === 0) out.push({ path: `${p}.when`, ...say('gateNoCondition', { gate: label }) });
    g.when.forEach((c, ci) => {
      const cp = `${p}.when.${ci}`;
      if (!c.fact?.trim())
        out.push({ path: `${cp}.fact`, ...say('gateConditionFactMissing', { gate: label }) });
      if ((c.op === 'in' || c.op === 'not_in') && !(c.values && c.values.length > 0))
        out.push({ path: `${cp}.values`, ...say('gateConditionValuesMissing', { gate: label }) });
      else if (c.op === 'below' && !(typeof c.value === 'number' && Number.isFinite(c.value)))
        out.push({ path: `${cp}.value`, ...say('gateConditionValueMissing', { gate: label }) });
      else if (!['not_true', 'in', 'not_in', 'below'].includes(c.op))
        out.push({ path: `${cp}.op`, ...say('gateConditionOpUnknown', { gate: label }) });
    });
    if (!g.reason?.id?.trim() || !g.reason?.en?.trim())
      out.push({ path: `${p}.reason`, ...say('gateReasonMissing', { gate: label }) });
  });
  return out;
}

/** Whether a condition holds; `unknown` when the fact is missing. */
function holds(c: GateCondition, facts: Facts): { holds: boolean; unknown: boolean } {
  const value = facts[c.fact];
  if (value === undefined || value === null || value === '') {
    return { holds: c.ifUnknown ?? c.op === 'not_true', unknown: true };
  }
  switch (c.op) {
    case 'not_true':
      return { holds: value !== true, unknown: false };
    case 'in':
      return { holds: (c.values ?? []).includes(value), unknown: false };
    case 'not_in':
      return { holds: !(c.values ?? []).includes(value), unknown: false };
    case 'below':
      return {
        holds: typeof value === 'number' && value < (c.value ?? Number.NEGATIVE_INFINITY),
        unknown: false,
      };
  }
}

/** A gate that applied to a nomination: what it did to the star and why. */
export interface AppliedGate {
  code: string;
  effect: 'deny' | 'cap';
  /** The star before and after this gate (a cap that changes nothing has from = to). */
  from: number;
  to: number;
  /** The cap's star limit (null for a denial). */
  cap: number | null;
  reason: Bilingual;
  note: Note;
}

/** A nomination's class: the band's star, the star after gates, and every step explained. */
export interface Classification {
  score: number;
  band: StarBand | null;
  bandStar: number;
  star: number;
  gates: AppliedGate[];
  unknownFacts: string[];
  notes: Note[];
}

/** The star class of a score under the cycle's bands and gates, explained in both languages. */
export function classify(
  score: number,
  scale: StarScale,
  gates: readonly Gate[] = [],
  facts: Facts = {},
  precision = 2,
): Classification {
  const shown = roundScore(score, precision);
  const band = bandFor(shown, scale);
  const bandStar = band?.star ?? 0;
  const notes: Note[] = [];
  notes.push(
    band
      ? say('classBand', { score: shown, min: band.min, max: band.max, star: starText(band.star) })
      : say('classNoBand', { score: shown }),
  );
  let star = bandStar;
  const applied: AppliedGate[] = [];
  const unknownFacts = new Set<string>();
  // Denials first, then caps from the lowest: each applied gate is reported, in this order.
  const active = gates
    .filter((g) => g.enabled !== false)
    .slice()
    .sort((a, b) =>
      a.effect === b.effect ? (a.maxStar ?? 0) - (b.maxStar ?? 0) : a.effect === 'deny' ? -1 : 1,
    );
  for (const g of active) {
    let all = true;
    for (const c of g.when) {
      const h = holds(c, facts);
      if (h.unknown) unknownFacts.add(c.fact);
      if (!h.holds) all = false;
    }
    if (!all) continue;
    const from = star;
    const to = g.effect === 'deny' ? 0 : Math.min(star, g.maxStar ?? star);
    let note: Note;
    if (g.effect === 'deny') note = say('gateDenied', { reason: g.reason });
    else if (to < from)
      note = say('gateCapped', { from: starText(from), to: starText(to), reason: g.reason });
    else note = say('gateCapNoEffect', { cap: starText(g.maxStar ?? 0), reason: g.reason });
    star = to;
    applied.push({
      code: g.code,
      effect: g.effect,
      from,
      to,
      cap: g.effect === 'cap' ? (g.maxStar ?? null) : null,
      reason: g.reason,
      note,
    });
    notes.push(note);
  }
  for (const f of unknownFacts) notes.push(say('gateFactUnknown', { fact: f }));
  notes.push(say('classResult', { star: starText(star) }));
  return { score: shown, band, bandStar, star, gates: applied, unknownFacts: [...unknownFacts], notes };
}

/** A tie-break key, in order: a higher aspect score first, or the earlier submission first. */
export type TieBreak = { by: 'aspect'; aspect: string } | { by: 'submittedAt' };

/** Higher aspect C, then higher aspect A, then the earlier submission; still tied: a shared rank. */
export const DEFAULT_TIE_BREAK: readonly TieBreak[] = [
  { by: 'aspect', aspect: 'C' },
  { by: 'aspect', aspect: 'A' },
  { by: 'submittedAt' },
];

/** A nomination to rank: its commodity, final score and star, aspect scores and submission time. */
export interface RankInput {
  id: string;
  /** How the explanations name it (e.g. the product's name); default the id. */
  label?: string;
  commodity: string;
  score: number | null;
  star?: number;
  aspects?: Readonly<Record<string, number>>;
  submittedAt?: string | number | Date | null;
}

/** A ranked nomination: its rank within its commodity (shared when tied all the way), with the ties explained. */
export interface Ranked {
  id: string;
  commodity: string;
  /** Competition ranking (1, 2, 2, 4); null without a score. */
  rank: number | null;
  shared: boolean;
  /** Nominations with the same star and shown score. */
  tiedWith: string[];
  notes: Note[];
}

/** Ranking settings: tie-break keys, shown precision, and whether the star comes first. */
export interface RankOptions {
  tieBreak?: readonly TieBreak[];
  precision?: number;
  /** Rank by star first (a nomination a gate denied ranks below every starred one). Default true. */
  byStar?: boolean;
}

interface Keyed {
  item: RankInput;
  star: number;
  score: number;
  breaks: number[];
}

const time = (t: RankInput['submittedAt']) =>
  t === null || t === undefined ? Number.POSITIVE_INFINITY : new Date(t).getTime();

/** Ranks nominations within each commodity: star, then shown score, then the tie-break keys in order. */
export function rankWithinCommodity(items: readonly RankInput[], options: RankOptions = {}): Ranked[] {
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const precision = options.precision ?? 2;
  const byStar = options.byStar ?? true;
  const groups = new Map<string, Keyed[]>();
  const out: Ranked[] = [];
  for (const item of items) {
    if (item.score === null || !Number.isFinite(item.score)) {
      out.push({
        id: item.id,
        commodity: item.commodity,
        rank: null,
        shared: false,
        tiedWith: [],
        notes: [say('rankNoScore')],
      });
      continue;
    }
    // Keys are oriented so that larger is better: submission time is negated (earlier first).
    const breaks = tieBreak.map((t) =>
      t.by === 'aspect'
        ? roundScore(item.aspects?.[t.aspect] ?? Number.NEGATIVE_INFINITY, precision)
        : -time(item.submittedAt),
    );
    const keyed: Keyed = {
      item,
      star: byStar ? (item.star ?? 0) : 0,
      score: roundScore(item.score, precision),
      breaks,
    };
    let g = groups.get(item.commodity);
    if (!g) {
      g = [];
      groups.set(item.commodity, g);
    }
    g.push(keyed);
  }
  const ranked: Ranked[] = [];
  for (const [commodity, group] of groups) {
    group.sort((a, b) => compareKeyed(b, a));
    let rank = 0;
    for (let i = 0; i < group.length; i++) {
      const k = group[i]!;
      if (i === 0 || compareKeyed(group[i - 1]!, k) !== 0) rank = i + 1;
      const tied = group.filter((o) => o !== k && o.star === k.star && o.score === k.score);
      const shared = group.some((o) => o !== k && compareKeyed(o, k) === 0);
      const notes: Note[] = [];
      const above = group[i - 1];
      const below = group[i + 1];
      if (above && above.star === k.star && above.score === k.score)
        notes.push(tieNote(k, above, 'below', tieBreak));
      if (below && below.star === k.star && below.score === k.score)
        notes.push(tieNote(k, below, 'above', tieBreak));
      ranked.push({ id: k.item.id, commodity, rank, shared, tiedWith: tied.map((o) => o.item.id), notes });
    }
  }
  return [...ranked, ...out];
}

function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.star !== b.star) return a.star - b.star;
  if (a.score !== b.score) return a.score - b.score;
  for (let i = 0; i < a.breaks.length; i++) {
    const x = a.breaks[i]!;
    const y = b.breaks[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function keyName(t: TieBreak): Bilingual {
  return t.by === 'aspect'
    ? { id: `skor aspek ${t.aspect} yang lebih tinggi`, en: `the higher aspect ${t.aspect} score` }
    : { id: 'pengajuan yang lebih awal', en: 'the earlier submission' };
}

function keyValue(t: TieBreak, item: RankInput, precision = 2): Bilingual {
  if (t.by === 'aspect') {
    const v = item.aspects?.[t.aspect];
    if (v === undefined) return { id: '—', en: '—' };
    const r = roundScore(v, precision);
    return { id: r.toFixed(2).replace('.', ','), en: r.toFixed(2) };
  }
  if (item.submittedAt === null || item.submittedAt === undefined) return { id: '—', en: '—' };
  return {
    id: formatDateTime(new Date(item.submittedAt), 'id'),
    en: formatDateTime(new Date(item.submittedAt), 'en'),
  };
}

/** Why `k` sits above or below `other`, with whom it shares the shown score. */
function tieNote(k: Keyed, other: Keyed, position: 'above' | 'below', tieBreak: readonly TieBreak[]): Note {
  const name = other.item.label ?? other.item.id;
  for (let i = 0; i < tieBreak.length; i++) {
    if (k.breaks[i] === other.breaks[i]) continue;
    const t = tieBreak[i]!;
    return say(position === 'above' ? 'rankTieAbove' : 'rankTieBelow', {
      other: name,
      score: k.score,
      key: keyName(t),
      mine: keyValue(t, k.item),
      theirs: keyValue(t, other.item),
    });
  }
  return say('rankTieShared', { other: name, score: k.score, keys: joinList(tieBreak.map(keyName)) });
}
