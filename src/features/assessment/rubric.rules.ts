/**
 * The rubric as plain data — aspects → criteria (with weights) → levels (points and descriptors in
 * Indonesian and English) — its validation against a configurable weights' rule, and the weighted
 * total of a score sheet on a 0–100 scale. Pure: no database, no HTTP.
 *
 * The weighted total (ADR 0402):
 *
 *     total = 100 × Σ_c ( w_c × p_c / P_c ) / Σ_c w_c
 *
 * where for each criterion c, w_c is its weight, p_c the points of the level the assessor chose and
 * P_c the points of its highest level. With weights totalling 100 (the default rule) this is simply
 * Σ_c w_c × p_c / P_c. Aspect scores use the same terms summed over the aspect's criteria, so the
 * aspect scores add up to the total. A criterion without a level counts 0 (a draft); only complete
 * sheets are submitted.
 */
import { type Bilingual, type Note, say } from './rules.messages.ts';

/** The kinds of coaching a lost point can lead to (the coaching programme's kinds). */
export const COACHING_KINDS = [
  'training',
  'packaging_branding',
  'certification',
  'export_coaching',
  'equipment',
  'promotion',
] as const;
export type CoachingKind = (typeof COACHING_KINDS)[number];

/** The coaching kinds in both languages. */
export const COACHING_KIND_NAMES: Record<CoachingKind, Bilingual> = {
  training: { id: 'pelatihan', en: 'training' },
  packaging_branding: { id: 'kemasan dan merek', en: 'packaging and branding' },
  certification: { id: 'sertifikasi', en: 'certification' },
  export_coaching: { id: 'pendampingan ekspor', en: 'export coaching' },
  equipment: { id: 'bantuan peralatan', en: 'equipment' },
  promotion: { id: 'promosi', en: 'promotion' },
};

/** Where a default criterion comes from: the instrument itself, its name only, or our placeholder. */
export const PROVENANCES = ['juknis', 'juknis_criterion', 'placeholder'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** One labelled level of a criterion: its number (1, 2, 3 …), its points and what it means. */
export interface RubricLevel {
  level: number;
  points: number;
  label: Bilingual;
  descriptor: Bilingual;
}

/** One scored item of the rubric. `code` is unique within the rubric (e.g. "A1"). */
export interface RubricCriterion {
  code: string;
  name: Bilingual;
  /** A sub-heading within the aspect (e.g. "Production"), for display only. */
  group?: Bilingual;
  weight: number;
  levels: RubricLevel[];
  /** The coaching that would win this criterion's lost points (the gap analysis can override it). */
  coaching: CoachingKind;
  /** False when coaching cannot raise it (e.g. years in the centre); the gap analysis then leaves it out of plans. */
  coachable?: boolean;
  provenance?: Provenance;
}

/** An aspect (A, B, C by default) and its criteria. */
export interface RubricAspect {
  code: string;
  name: Bilingual;
  criteria: RubricCriterion[];
}

/** A rubric for one commodity. Versioning and the cycle's use of it are the service's concern. */
export interface Rubric {
  commodity: string;
  title: Bilingual;
  aspects: RubricAspect[];
  /** Seeded defaults say where they come from and that they are meant to be edited. */
  note?: Bilingual;
}

/**
 * The weights' rule checked when a rubric is saved: the weights' total (null: any positive total),
 * per-aspect maximum or exact weight, and the least number of levels per criterion.
 */
export interface WeightRule {
  total: number | null;
  aspects?: Record<string, { max?: number; exact?: number }>;
  minLevels?: number;
}

/** The house default: weights total 100, at least two levels per criterion. */
export const DEFAULT_WEIGHT_RULE: WeightRule = { total: 100, minLevels: 2 };

/** Two numbers equal up to floating-point noise (weights such as 33.33 + 33.33 + 33.34). */
const TOLERANCE = 1e-6;

/** One broken rule: where (a form path such as `aspects.0.criteria.2.weight`), and why in both languages. */
export interface Violation extends Note {
  path: string;
}

function violation(path: string, note: Note): Violation {
  return { path, ...note };
}

const blank = (t: Bilingual | undefined) => !t || !t.id?.trim() || !t.en?.trim();

/** The rubric's problems against the weights' rule, each with a specific message; empty when it may be saved. */
export function validateRubric(rubric: Rubric, rule: WeightRule = DEFAULT_WEIGHT_RULE): Violation[] {
  const out: Violation[] = [];
  const minLevels = rule.minLevels ?? 2;
  if (blank(rubric.title)) out.push(violation('title', say('rubricTitleMissing')));
  if (rubric.aspects.length === 0) {
    out.push(violation('aspects', say('rubricNoAspects')));
    return out;
  }
  const aspectCodes = new Set<string>();
  const criterionCodes = new Map<string, string>();
  let total = 0;
  rubric.aspects.forEach((aspect, ai) => {
    const ap = `aspects.${ai}`;
    const code = aspect.code.trim();
    if (!code) out.push(violation(`${ap}.code`, say('aspectCodeMissing', { n: ai + 1 })));
    else if (aspectCodes.has(code))
      out.push(violation(`${ap}.code`, say('aspectCodeDuplicate', { aspect: code })));
    aspectCodes.add(code);
    if (blank(aspect.name)) out.push(violation(`${ap}.name`, say('aspectNameMissing', { aspect: code })));
    if (aspect.criteria.length === 0)
      out.push(violation(`${ap}.criteria`, say('aspectNoCriteria', { aspect: code })));
    let aspectTotal = 0;
    aspect.criteria.forEach((c, ci) => {
      const cp = `${ap}.criteria.${ci}`;
      const cc = c.code.trim();
      if (!cc) out.push(violation(`${cp}.code`, say('criterionCodeMissing', { aspect: code, n: ci + 1 })));
      else if (criterionCodes.has(cc))
        out.push(violation(`${cp}.code`, say('criterionCodeDuplicate', { criterion: cc })));
      criterionCodes.set(cc, code);
      const label = cc || `${code}#${ci + 1}`;
      if (blank(c.name)) out.push(violation(`${cp}.name`, say('criterionNameMissing', { criterion: label })));
      if (!Number.isFinite(c.weight) || c.weight <= 0)
        out.push(violation(`${cp}.weight`, say('criterionWeightNotPositive', { criterion: label })));
      else aspectTotal += c.weight;
      if (!(COACHING_KINDS as readonly string[]).includes(c.coaching))
        out.push(violation(`${cp}.coaching`, say('criterionCoachingUnknown', { criterion: label })));
      out.push(...validateLevels(c, cp, label, minLevels));
    });
    const limits = rule.aspects?.[code];
    if (limits?.exact !== undefined && Math.abs(aspectTotal - limits.exact) > TOLERANCE)
      out.push(
        violation(
          `${ap}.criteria`,
          say('aspectWeightNotExact', { aspect: code, actual: aspectTotal, expected: limits.exact }),
        ),
      );
    if (limits?.max !== undefined && aspectTotal > limits.max + TOLERANCE)
      out.push(
        violation(
          `${ap}.criteria`,
          say('aspectWeightOverMax', { aspect: code, actual: aspectTotal, max: limits.max }),
        ),
      );
    total += aspectTotal;
  });
  for (const [code, limits] of Object.entries(rule.aspects ?? {})) {
    if (!aspectCodes.has(code) && (limits.exact ?? 0) > 0)
      out.push(violation('aspects', say('aspectRequired', { aspect: code, expected: limits.exact! })));
  }
  if (rule.total !== null && Math.abs(total - rule.total) > TOLERANCE)
    out.push(violation('aspects', say('weightsTotalWrong', { actual: total, expected: rule.total })));
  return out;
}

function validateLevels(c: RubricCriterion, cp: string, label: string, minLevels: number): Violation[] {
  const out: Violation[] = [];
  if (c.levels.length < minLevels) {
    out.push(violation(`${cp}.levels`, say('criterionTooFewLevels', { criterion: label, min: minLevels })));
    if (c.levels.length === 0) return out;
  }
  const seen = new Set<number>();
  c.levels.forEach((l, li) => {
    const lp = `${cp}.levels.${li}`;
    if (!Number.isInteger(l.level) || l.level < 1)
      out.push(violation(`${lp}.level`, say('levelNumberInvalid', { criterion: label })));
    else if (seen.has(l.level))
      out.push(violation(`${lp}.level`, say('levelNumberDuplicate', { criterion: label, level: l.level })));
    seen.add(l.level);
    if (!Number.isFinite(l.points) || l.points < 0)
      out.push(violation(`${lp}.points`, say('levelPointsInvalid', { criterion: label, level: l.level })));
    if (blank(l.label))
      out.push(violation(`${lp}.label`, say('levelLabelMissing', { criterion: label, level: l.level })));
    if (blank(l.descriptor))
      out.push(
        violation(`${lp}.descriptor`, say('levelDescriptorMissing', { criterion: label, level: l.level })),
      );
  });
  // The gap analysis climbs levels in order, so a higher level must be worth more points.
  const sorted = [...c.levels].sort((a, b) => a.level - b.level);
  for (let i = 1; i < sorted.length; i++) {
    const lower = sorted[i - 1]!;
    const higher = sorted[i]!;
    if (higher.level !== lower.level && !(higher.points > lower.points)) {
      out.push(
        violation(
          `${cp}.levels`,
          say('levelPointsNotRising', { criterion: label, lower: lower.level, higher: higher.level }),
        ),
      );
      break;
    }
  }
  if (c.levels.length > 0 && !(Math.max(...c.levels.map((l) => l.points)) > 0))
    out.push(violation(`${cp}.levels`, say('levelTopPointsZero', { criterion: label })));
  return out;
}

/** A criterion prepared for fast scoring. */
export interface CompiledCriterion {
  code: string;
  aspect: string;
  aspectIndex: number;
  weight: number;
  maxPoints: number;
  /** Levels sorted by level number. */
  levels: RubricLevel[];
  /** Level number → points. */
  points: Map<number, number>;
  /** The same as an array indexed by level number (NaN where no level), for the scoring loop. */
  pointsByLevel: Float64Array;
  source: RubricCriterion;
}

/** A rubric prepared for scoring many sheets: criteria in rubric order, looked up by code. */
export interface CompiledRubric {
  rubric: Rubric;
  criteria: CompiledCriterion[];
  index: Map<string, number>;
  aspectCodes: string[];
  totalWeight: number;
}

/** Prepares a (validated) rubric for scoring. */
export function compileRubric(rubric: Rubric): CompiledRubric {
  const criteria: CompiledCriterion[] = [];
  const index = new Map<string, number>();
  let totalWeight = 0;
  rubric.aspects.forEach((aspect, aspectIndex) => {
    for (const c of aspect.criteria) {
      const levels = [...c.levels].sort((a, b) => a.level - b.level);
      index.set(c.code, criteria.length);
      criteria.push({
        code: c.code,
        aspect: aspect.code,
        aspectIndex,
        weight: c.weight,
        maxPoints: Math.max(0, ...levels.map((l) => l.points)),
        levels,
        points: new Map(levels.map((l) => [l.level, l.points])),
        pointsByLevel: pointsArray(levels),
        source: c,
      });
      totalWeight += c.weight;
    }
  });
  return { rubric, criteria, index, aspectCodes: rubric.aspects.map((a) => a.code), totalWeight };
}

function pointsArray(levels: RubricLevel[]): Float64Array {
  const valid = levels.filter((l) => Number.isInteger(l.level) && l.level >= 0 && l.level < 1000);
  const out = new Float64Array(Math.max(0, ...valid.map((l) => l.level)) + 1).fill(Number.NaN);
  for (const l of valid) out[l.level] = l.points;
  return out;
}

/** A score sheet's choices: criterion code → the level number the assessor chose. */
export type SheetLevels = Readonly<Record<string, number | null | undefined>>;

/** A scored sheet: the weighted total (0–100), each aspect's share of it, and what is missing. */
export interface SheetScore {
  total: number;
  aspects: Record<string, number>;
  complete: boolean;
  /** Criterion codes without a level (or with a level the rubric does not have). */
  missing: string[];
}

/** The weighted total of a score sheet on the 0–100 scale (the formula in this module's header). */
export function scoreSheet(rubric: CompiledRubric, levels: SheetLevels): SheetScore {
  const aspects: Record<string, number> = {};
  for (const a of rubric.aspectCodes) aspects[a] = 0;
  const missing: string[] = [];
  const scale = rubric.totalWeight > 0 ? 100 / rubric.totalWeight : 0;
  let total = 0;
  for (const c of rubric.criteria) {
    const chosen = levels[c.code];
    const points = typeof chosen === 'number' ? c.pointsByLevel[chosen] : undefined;
    if (points === undefined || Number.isNaN(points) || c.maxPoints <= 0) {
      missing.push(c.code);
      continue;
    }
    // Multiply before dividing: integer points and weights then give exact terms (2 × 3 / 3 = 2).
    const term = ((c.weight * points) / c.maxPoints) * scale;
    total += term;
    aspects[c.aspect]! += term;
  }
  return { total, aspects, complete: missing.length === 0, missing };
}

/** The weighted total alone (see scoreSheet). */
export function weightedTotal(rubric: CompiledRubric, levels: SheetLevels): number {
  return scoreSheet(rubric, levels).total;
}

/** Why a sheet cannot be submitted: criteria the rubric lacks, levels it lacks, and missing criteria (listed). */
export function checkSheet(rubric: CompiledRubric, levels: SheetLevels): Violation[] {
  const out: Violation[] = [];
  for (const [code, level] of Object.entries(levels)) {
    if (level === null || level === undefined) continue;
    const i = rubric.index.get(code);
    if (i === undefined) {
      out.push(violation(`levels.${code}`, say('sheetUnknownCriterion', { criterion: code })));
      continue;
    }
    const c = rubric.criteria[i]!;
    if (!c.points.has(level))
      out.push(
        violation(
          `levels.${code}`,
          say('sheetLevelNotInRubric', {
            criterion: code,
            level: String(level),
            allowed: c.levels.map((l) => l.level).join(', '),
          }),
        ),
      );
  }
  const missing = rubric.criteria.filter((c) => {
    const l = levels[c.code];
    return l === null || l === undefined;
  });
  if (missing.length > 0)
    out.push(
      violation(
        'levels',
        say('sheetCriteriaMissing', {
          count: missing.length,
          list: {
            id: missing.map((c) => `${c.code} ${c.source.name.id}`).join('; '),
            en: missing.map((c) => `${c.code} ${c.source.name.en}`).join('; '),
          },
        }),
      ),
    );
  return out;
}

/**
 * A score as shown and as classified: rounded half up to `decimals` places (default 2), so a total
 * shown as 80.00 is never classed below a band that starts at 80 (ADR 0402).
 */
export function roundScore(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f + (x >= 0 ? 1e-7 : -1e-7)) / f;
  return Object.is(r, -0) ? 0 : r;
}
