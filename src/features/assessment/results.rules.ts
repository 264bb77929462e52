/**
 * A cycle's results from its submitted score sheets: per nomination the weighted total of each sheet,
 * their mean, median and spread, a disagreement flag, an optional per-assessor z-score normalisation
 * shown beside the raw score; per cycle the agreement between assessors (Krippendorff's alpha for
 * interval data, ADR 0400) and each assessor's severity. Pure: no database, no HTTP.
 */
import { type Bilingual, type Note, say } from './rules.messages.ts';
import {
  type CompiledRubric,
  compileRubric,
  type Rubric,
  type SheetLevels,
  scoreSheet,
} from './rubric.rules.ts';

/** One submitted sheet, already scored: its weighted total (0–100) and, if known, its aspect scores. */
export interface SheetTotal {
  nominationId: string;
  assessorId: string;
  total: number;
  aspects?: Readonly<Record<string, number>>;
}

/** The cycle's settings for results. */
export interface ResultsOptions {
  /** Which aggregate becomes the nomination's score (before moderation). */
  aggregate: 'mean' | 'median';
  /** The spread (max − min, or the standard deviation) above which the assessors disagree; null: never flag. */
  disagreement: { measure: 'range' | 'sd'; threshold: number | null };
  /** Whether the cycle shows z-score normalised scores beside the raw ones. */
  normalise: boolean;
  /** An assessor's scores are standardised only when they scored at least this many nominations. */
  minSheetsToNormalise: number;
  /** Severity: the mean deviation (points) beyond which an assessor is called severe or lenient, and the least shared nominations to judge. */
  severity: { threshold: number; minShared: number };
}

/** Defaults for a new cycle: mean, flag a range over 15 points, normalise assessors with 5+ sheets, severe or lenient beyond 5 points. */
export const DEFAULT_RESULTS_OPTIONS: ResultsOptions = {
  aggregate: 'mean',
  disagreement: { measure: 'range', threshold: 15 },
  normalise: true,
  minSheetsToNormalise: 5,
  severity: { threshold: 5, minShared: 3 },
};

/** An agreed score after moderation, with its reason. */
export interface Moderation {
  score: number;
  reason: string;
}

/** One sheet in a nomination's result: the raw total and, beside it, the normalised one (null when not available). */
export interface SheetResult {
  assessorId: string;
  total: number;
  normalised: number | null;
}

/** A nomination's result. `score` is what classification uses: the moderated score, else the aggregate. */
export interface NominationResult {
  nominationId: string;
  sheets: SheetResult[];
  count: number;
  /** Sheets expected (assigned), when known. */
  expected: number | null;
  complete: boolean;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min (0 for one sheet). */
  range: number | null;
  /** Sample standard deviation (n − 1); null below two sheets. */
  sd: number | null;
  /** Mean of the normalised sheets; null when any sheet could not be normalised. */
  normalisedMean: number | null;
  /** Mean aspect scores over the sheets that carry them (for tie-breaks). */
  aspects: Record<string, number>;
  flagged: boolean;
  score: number | null;
  scoreSource: 'mean' | 'median' | 'moderated' | null;
  notes: Note[];
}

/** An assessor's tendency against the others: severe (lower), lenient (higher), in line, or not yet known. */
export type Tendency = 'severe' | 'lenient' | 'in_line' | 'unknown';

/** An assessor's figures across the cycle. */
export interface AssessorResult {
  assessorId: string;
  sheets: number;
  mean: number;
  /** Population standard deviation of their totals. */
  sd: number;
  /** scaled: z-scores; shifted: all their scores equal; skipped: too few sheets; off: the cycle does not normalise. */
  normalisation: 'scaled' | 'shifted' | 'skipped' | 'off';
  /** Mean of (their total − the mean of the others' totals) over shared nominations; negative = severe. */
  severity: number | null;
  /** Standard error of that mean. */
  severityError: number | null;
  shared: number;
  tendency: Tendency;
  notes: Note[];
}

/** Krippendorff's reading of an alpha value. */
export type AgreementReading = 'reliable' | 'tentative' | 'unreliable' | 'undefined';

/** Agreement between assessors on the sheets' totals. */
export interface AgreementResult {
  statistic: 'krippendorff_alpha_interval';
  alpha: number | null;
  /** Nominations with at least two sheets, and the sheets in them. */
  units: number;
  values: number;
  reading: AgreementReading;
  note: Note;
}

/** A cycle's results: each nomination, each assessor, the agreement, and the panel's scale. */
export interface CycleResults {
  nominations: NominationResult[];
  assessors: AssessorResult[];
  agreement: AgreementResult;
  /** All sheets of the cycle: the scale normalised scores are mapped back onto. */
  panel: { sheets: number; mean: number; sd: number };
}

/** Arithmetic mean (NaN for none). */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Median: the middle value, or the mean of the two middle values. */
export function median(xs: ArrayLike<number>): number {
  const s = Array.from(xs).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Sum of squared deviations from the mean (two passes, so large scores lose no precision). */
function sumSquares(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let ss = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    ss += d * d;
  }
  return ss;
}

/** Standard deviation: sample (n − 1) by default, population when asked. */
export function standardDeviation(xs: ArrayLike<number>, kind: 'sample' | 'population' = 'sample'): number {
  const n = xs.length;
  const denom = kind === 'sample' ? n - 1 : n;
  if (denom <= 0) return Number.NaN;
  return Math.sqrt(sumSquares(xs) / denom);
}

/** Krippendorff's alpha with the counts and disagreements it came from. */
export interface AlphaResult {
  alpha: number | null;
  /** Units with two or more values (only those are pairable). */
  pairableUnits: number;
  /** n: the values in pairable units. */
  pairableValues: number;
  /** Observed and expected disagreement, D_o and D_e. */
  observed: number;
  expected: number;
}

/**
 * Krippendorff's alpha for interval data, with missing values (ADR 0400). Each unit lists the values
 * it received (one per assessor who scored it; absent assessors are simply missing). Following
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), with δ²(c, k) = (c − k)²:
 *
 *     α = 1 − D_o / D_e
 *     D_o = (1/n) Σ_u [ Σ_{i≠j in u} (v_ui − v_uj)² / (m_u − 1) ]
 *     D_e = (1/(n(n − 1))) Σ_{i≠j over all pairable values} (v_i − v_j)²
 *
 * where m_u is the number of values in unit u, only units with m_u ≥ 2 count, and n = Σ m_u. Since
 * Σ_{i≠j} (v_i − v_j)² = 2 m Σ (v_i − v̄)², both sums are computed in linear time. Alpha is undefined
 * (null) without two pairable values or when every value is the same.
 */
export function krippendorffAlphaInterval(units: ReadonlyArray<ArrayLike<number>>): AlphaResult {
  let n = 0;
  let pairableUnits = 0;
  let within = 0; // Σ_u m_u SS_u / (m_u − 1)
  let s1 = 0;
  for (const u of units) {
    const m = u.length;
    if (m < 2) continue;
    pairableUnits++;
    n += m;
    within += (m * sumSquares(u)) / (m - 1);
    for (let i = 0; i < m; i++) s1 += u[i]!;
  }
  if (n < 2) return { alpha: null, pairableUnits, pairableValues: n, observed: 0, expected: 0 };
  const grand = s1 / n;
  let ss = 0;
  for (const u of units) {
    if (u.length < 2) continue;
    for (let i = 0; i < u.length; i++) {
      const d = u[i]! - grand;
      ss += d * d;
    }
  }
  const observed = (2 * within) / n;
  const expected = (2 * ss) / (n - 1);
  const alpha = expected > 0 ? 1 - observed / expected : null;
  return { alpha, pairableUnits, pairableValues: n, observed, expected };
}

/** Krippendorff's reading of alpha: ≥ 0.800 reliable, ≥ 0.667 tentative, below that unreliable. */
export function readAlpha(alpha: number | null): AgreementReading {
  if (alpha === null) return 'undefined';
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}

const MEASURE_NAMES: Record<'range' | 'sd', Bilingual> = {
  range: { id: 'selisih tertinggi dan terendah', en: 'the spread between highest and lowest' },
  sd: { id: 'simpangan baku', en: 'the standard deviation' },
};

/** Extra facts about the nominations: sheets expected, agreed scores, and nominations without sheets yet. */
export interface ResultsContext {
  expected?: ReadonlyMap<string, number>;
  moderated?: ReadonlyMap<string, Moderation>;
  /** All nominations to report, in this order (those without sheets included); default: those with sheets. */
  nominationIds?: readonly string[];
}

/** The whole cycle's results from the submitted sheets' totals (see the module header). */
export function cycleResults(
  sheets: readonly SheetTotal[],
  options: ResultsOptions = DEFAULT_RESULTS_OPTIONS,
  context: ResultsContext = {},
): CycleResults {
  // Group sheets by nomination and by assessor (indexes into `sheets`).
  const byNomination = new Map<string, number[]>();
  const byAssessor = new Map<string, number[]>();
  for (const id of context.nominationIds ?? []) byNomination.set(id, []);
  sheets.forEach((s, i) => {
    let n = byNomination.get(s.nominationId);
    if (!n) {
      n = [];
      byNomination.set(s.nominationId, n);
    }
    n.push(i);
    let a = byAssessor.get(s.assessorId);
    if (!a) {
      a = [];
      byAssessor.set(s.assessorId, a);
    }
    a.push(i);
  });

  const totals = new Float64Array(sheets.length);
  sheets.forEach((s, i) => {
    totals[i] = s.total;
  });
  const panelMean = sheets.length ? mean(totals) : 0;
  const panelSd = sheets.length ? standardDeviation(totals, 'population') : 0;

  // Per-assessor z-scores mapped back to the panel's scale: x' = μ_P + σ_P (x − μ_a) / σ_a.
  const normalised = new Float64Array(sheets.length).fill(Number.NaN);
  const assessorStats = new Map<
    string,
    { mean: number; sd: number; mode: AssessorResult['normalisation'] }
  >();
  for (const [assessorId, idx] of byAssessor) {
    const xs = idx.map((i) => totals[i]!);
    const m = mean(xs);
    const sd = standardDeviation(xs, 'population');
    let mode: AssessorResult['normalisation'];
    if (!options.normalise) mode = 'off';
    else if (xs.length < options.minSheetsToNormalise) mode = 'skipped';
    else if (sd > 1e-9) mode = 'scaled';
    else mode = 'shifted';
    assessorStats.set(assessorId, { mean: m, sd, mode });
    if (mode === 'skipped' || mode === 'off') continue;
    for (const i of idx)
      normalised[i] =
        mode === 'scaled' ? panelMean + (panelSd * (totals[i]! - m)) / sd : panelMean + totals[i]! - m;
  }

  // Severity: each sheet against the mean of the other sheets of the same nomination.
  const dev = new Map<string, { n: number; s: number; s2: number }>();
  const units: Float64Array[] = [];
  for (const idx of byNomination.values()) {
    const m = idx.length;
    if (m < 2) continue;
    const values = new Float64Array(m);
    let sum = 0;
    for (let j = 0; j < m; j++) {
      values[j] = totals[idx[j]!]!;
      sum += values[j]!;
    }
    units.push(values);
    for (let j = 0; j < m; j++) {
      const x = values[j]!;
      const d = x - (sum - x) / (m - 1);
      const id = sheets[idx[j]!]!.assessorId;
      let acc = dev.get(id);
      if (!acc) {
        acc = { n: 0, s: 0, s2: 0 };
        dev.set(id, acc);
      }
      acc.n++;
      acc.s += d;
      acc.s2 += d * d;
    }
  }

  const nominations: NominationResult[] = [];
  for (const [nominationId, idx] of byNomination) {
    nominations.push(nominationResult(nominationId, idx, sheets, totals, normalised, options, context));
  }

  const assessors: AssessorResult[] = [];
  for (const [assessorId, idx] of byAssessor) {
    const st = assessorStats.get(assessorId)!;
    const d = dev.get(assessorId);
    const shared = d?.n ?? 0;
    const severity = d && d.n > 0 ? d.s / d.n : null;
    const severityError =
      d && d.n > 1 ? Math.sqrt(Math.max(0, (d.s2 - (d.s * d.s) / d.n) / (d.n - 1)) / d.n) : null;
    let tendency: Tendency = 'unknown';
    if (severity !== null && shared >= options.severity.minShared) {
      if (severity <= -options.severity.threshold) tendency = 'severe';
      else if (severity >= options.severity.threshold) tendency = 'lenient';
      else tendency = 'in_line';
    }
    const notes: Note[] = [];
    if (st.mode === 'skipped')
      notes.push(say('normaliseSkipped', { count: idx.length, min: options.minSheetsToNormalise }));
    if (st.mode === 'shifted') notes.push(say('normaliseShifted', { count: idx.length }));
    if (tendency === 'unknown')
      notes.push(say('severityUnknown', { shared, min: options.severity.minShared }));
    else if (tendency === 'in_line') notes.push(say('severityInLine', { shared, deviation: severity! }));
    else
      notes.push(
        say(tendency === 'severe' ? 'severitySevere' : 'severityLenient', {
          shared,
          deviation: Math.abs(severity!),
        }),
      );
    assessors.push({
      assessorId,
      sheets: idx.length,
      mean: st.mean,
      sd: st.sd,
      normalisation: st.mode,
      severity,
      severityError,
      shared,
      tendency,
      notes,
    });
  }

  const a = krippendorffAlphaInterval(units);
  const reading = readAlpha(a.alpha);
  const agreement: AgreementResult = {
    statistic: 'krippendorff_alpha_interval',
    alpha: a.alpha,
    units: a.pairableUnits,
    values: a.pairableValues,
    reading,
    note:
      a.alpha === null
        ? say('alphaUndefined', { units: a.pairableUnits })
        : say(
            reading === 'reliable'
              ? 'alphaReliable'
              : reading === 'tentative'
                ? 'alphaTentative'
                : 'alphaUnreliable',
            { alpha: a.alpha.toFixed(3), units: a.pairableUnits },
          ),
  };

  return {
    nominations,
    assessors,
    agreement,
    panel: { sheets: sheets.length, mean: panelMean, sd: panelSd },
  };
}

function nominationResult(
  nominationId: string,
  idx: number[],
  sheets: readonly SheetTotal[],
  totals: Float64Array,
  normalised: Float64Array,
  options: ResultsOptions,
  context: ResultsContext,
): NominationResult {
  const count = idx.length;
  const expected = context.expected?.get(nominationId) ?? null;
  const notes: Note[] = [];
  const xs = idx.map((i) => totals[i]!);
  const sheetResults: SheetResult[] = idx.map((i) => ({
    assessorId: sheets[i]!.assessorId,
    total: totals[i]!,
    normalised: Number.isNaN(normalised[i]!) ? null : normalised[i]!,
  }));
  const complete = expected === null ? count > 0 : count >= expected;
  if (expected !== null && count < expected) notes.push(say('sheetsIncomplete', { count, expected }));
  if (count === 0)
    return {
      nominationId,
      sheets: [],
      count,
      expected,
      complete,
      mean: null,
      median: null,
      min: null,
      max: null,
      range: null,
      sd: null,
      normalisedMean: null,
      aspects: {},
      flagged: false,
      score: null,
      scoreSource: null,
      notes,
    };
  const m = mean(xs);
  const med = median(xs);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = max - min;
  const sd = count >= 2 ? standardDeviation(xs) : null;

  const { measure, threshold } = options.disagreement;
  const spread = measure === 'range' ? range : sd;
  const flagged = threshold !== null && spread !== null && count >= 2 && spread > threshold;
  if (flagged)
    notes.push(
      say('spreadOverThreshold', { measure: MEASURE_NAMES[measure], spread: spread!, threshold: threshold! }),
    );

  let normalisedMean: number | null = null;
  if (!options.normalise) {
    // the cycle does not normalise: nothing to show or explain
  } else if (sheetResults.every((s) => s.normalised !== null))
    normalisedMean = mean(sheetResults.map((s) => s.normalised!));
  else {
    const skipped = sheetResults.filter((s) => s.normalised === null).length;
    notes.push(say('normalisationUnavailable', { count: skipped }));
  }

  const aspects: Record<string, number> = {};
  const aspectCounts: Record<string, number> = {};
  for (const i of idx) {
    const a = sheets[i]!.aspects;
    if (!a) continue;
    for (const [k, v] of Object.entries(a)) {
      aspects[k] = (aspects[k] ?? 0) + v;
      aspectCounts[k] = (aspectCounts[k] ?? 0) + 1;
    }
  }
  for (const k of Object.keys(aspects)) aspects[k]! /= aspectCounts[k]!;

  const moderation = context.moderated?.get(nominationId);
  const aggregate = options.aggregate === 'mean' ? m : med;
  let score: number = aggregate;
  let scoreSource: NominationResult['scoreSource'] = options.aggregate;
  if (moderation) {
    score = moderation.score;
    scoreSource = 'moderated';
    notes.push(say('scoreModerated', { score: moderation.score, aggregate, reason: moderation.reason }));
  }
  return {
    nominationId,
    sheets: sheetResults,
    count,
    expected,
    complete,
    mean: m,
    median: med,
    min,
    max,
    range,
    sd,
    normalisedMean,
    aspects,
    flagged,
    score,
    scoreSource,
    notes,
  };
}

/** A nomination of the cycle: its commodity (which rubric) and, optionally, sheets expected and an agreed score. */
export interface CycleNomination {
  id: string;
  commodity: string;
  expectedSheets?: number;
  moderated?: Moderation;
}

/** A submitted sheet as the assessor filled it: a level per criterion. */
export interface SubmittedSheet {
  nominationId: string;
  assessorId: string;
  levels: SheetLevels;
}

/** A sheet left out of the results, and why (no rubric for its nomination, criteria missing). */
export interface RejectedSheet {
  nominationId: string;
  assessorId: string;
  note: Note;
}

/** The whole computation from raw sheets: score each sheet with its commodity's rubric, then the cycle's results. */
export function computeCycle(
  input: {
    rubrics: Readonly<Record<string, Rubric | CompiledRubric>>;
    nominations: readonly CycleNomination[];
    sheets: readonly SubmittedSheet[];
  },
  options: ResultsOptions = DEFAULT_RESULTS_OPTIONS,
): CycleResults & { rejected: RejectedSheet[] } {
  const compiled = new Map<string, CompiledRubric>();
  for (const [commodity, r] of Object.entries(input.rubrics))
    compiled.set(
      commodity,
      'criteria' in r && 'index' in r ? (r as CompiledRubric) : compileRubric(r as Rubric),
    );
  const commodityOf = new Map<string, string>();
  const expected = new Map<string, number>();
  const moderated = new Map<string, Moderation>();
  for (const n of input.nominations) {
    commodityOf.set(n.id, n.commodity);
    if (n.expectedSheets !== undefined) expected.set(n.id, n.expectedSheets);
    if (n.moderated) moderated.set(n.id, n.moderated);
  }
  const totals: SheetTotal[] = [];
  const rejected: RejectedSheet[] = [];
  for (const s of input.sheets) {
    const commodity = commodityOf.get(s.nominationId);
    const rubric = commodity === undefined ? undefined : compiled.get(commodity);
    if (!rubric) {
      rejected.push({ nominationId: s.nominationId, assessorId: s.assessorId, note: say('sheetNoRubric') });
      continue;
    }
    const scored = scoreSheet(rubric, s.levels);
    if (!scored.complete) {
      rejected.push({
        nominationId: s.nominationId,
        assessorId: s.assessorId,
        note: say('sheetIncompleteLeftOut', {
          count: scored.missing.length,
          list: scored.missing.join(', '),
        }),
      });
      continue;
    }
    totals.push({
      nominationId: s.nominationId,
      assessorId: s.assessorId,
      total: scored.total,
      aspects: scored.aspects,
    });
  }
  const results = cycleResults(totals, options, {
    expected,
    moderated,
    nominationIds: input.nominations.map((n) => n.id),
  });
  return { ...results, rejected };
}
