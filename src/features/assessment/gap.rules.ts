/**
 * Gap analysis for a nomination: where its points were lost, ordered by how much reaching the next
 * level would raise the weighted total; what it takes to reach the next star ("+N points, most
 * within reach in: …"); and the coaching each lost point calls for. Pure: no database, no HTTP.
 *
 * It works on the panel's mean: each criterion's points are averaged over the submitted sheets (or
 * taken from the agreed sheet after moderation), so the criteria's contributions add up to the mean
 * score. A step "to the next level" is the gain if the panel gave that level.
 */
import { bandFor, type Classification, type StarScale, starText } from './classify.rules.ts';
import { type Bilingual, type Note, joinList, say } from './rules.messages.ts';
import {
  COACHING_KIND_NAMES,
  type CoachingKind,
  type CompiledRubric,
  compileRubric,
  type Rubric,
  type RubricLevel,
  roundScore,
  type SheetLevels,
} from './rubric.rules.ts';

/** One criterion's gap. Points are rubric points; `lost` and `gain` are points of the 0–100 total. */
export interface CriterionGap {
  code: string;
  aspect: string;
  name: Bilingual;
  /** Mean points over the sheets, and the criterion's top points. */
  points: number;
  maxPoints: number;
  /** Points of the total lost here: weight × (top − points) / top, on the 0–100 scale. */
  lost: number;
  /** The next level above the panel's mean and what reaching it adds to the total; null at the top. */
  next: { level: number; label: Bilingual; descriptor: Bilingual; gain: number } | null;
  coaching: CoachingKind;
  coachable: boolean;
  note: Note;
}

/** Lost points grouped by the coaching that would win them. */
export interface CoachingNeed {
  kind: CoachingKind;
  name: Bilingual;
  lost: number;
  criteria: string[];
}

/** One step of the plan to the next star: raise a criterion to a level, for this gain. */
export interface PlanStep {
  code: string;
  name: Bilingual;
  toLevel: number;
  gain: number;
}

/** What it takes to reach the star above the current one. */
export interface NextStar {
  star: number;
  /** Points needed on the 0–100 total (from the shown score to the band's lower edge). */
  need: number;
  /** One-level steps on coachable criteria, the largest gain first, until they cover the need (merged per criterion). */
  plan: PlanStep[];
  /** False when coaching alone cannot close the gap, or a gate holds the star down. */
  reachable: boolean;
}

/** A nomination's gap analysis: criteria by gain, coaching needs, the next star, and sentences. */
export interface GapAnalysis {
  criteria: CriterionGap[];
  totalLost: number;
  coaching: CoachingNeed[];
  nextStar: NextStar | null;
  notes: Note[];
}

/** What the gap analysis needs: the rubric, the sheets, the classified score, and optionally bands, class and coaching map. */
export interface GapInput {
  rubric: Rubric | CompiledRubric;
  /** The submitted sheets, or the single agreed sheet after moderation. */
  sheets: readonly SheetLevels[];
  /** The nomination's score as classified (the aggregate or the moderated score). */
  score: number;
  scale?: StarScale;
  /** The nomination's classification (for gates that hold the star down). */
  classification?: Classification;
  /** Per-criterion coaching kinds overriding the rubric's defaults. */
  coaching?: Readonly<Partial<Record<string, CoachingKind>>>;
  precision?: number;
}

const EPS = 1e-9;

/** The gap analysis of one nomination (see the module header). */
export function analyseGaps(input: GapInput): GapAnalysis {
  const rubric: CompiledRubric =
    'criteria' in input.rubric && 'index' in input.rubric
      ? (input.rubric as CompiledRubric)
      : compileRubric(input.rubric as Rubric);
  const precision = input.precision ?? 2;
  const scale = rubric.totalWeight > 0 ? 100 / rubric.totalWeight : 0;
  const gaps: CriterionGap[] = [];
  const current = new Map<string, number>();

  for (const c of rubric.criteria) {
    let sum = 0;
    let count = 0;
    for (const sheet of input.sheets) {
      const l = sheet[c.code];
      const p = l === null || l === undefined ? undefined : c.points.get(l);
      if (p === undefined) continue;
      sum += p;
      count++;
    }
    const points = count ? sum / count : 0;
    current.set(c.code, points);
    if (c.maxPoints <= 0 || points >= c.maxPoints - EPS) continue;
    const lost = (c.weight * (c.maxPoints - points) * scale) / c.maxPoints;
    const nextLevel = c.levels.find((l) => l.points > points + EPS);
    const next = nextLevel
      ? {
          level: nextLevel.level,
          label: nextLevel.label,
          descriptor: nextLevel.descriptor,
          gain: (c.weight * (nextLevel.points - points) * scale) / c.maxPoints,
        }
      : null;
    const coaching = input.coaching?.[c.code] ?? c.source.coaching;
    const coachable = c.source.coachable !== false;
    gaps.push({
      code: c.code,
      aspect: c.aspect,
      name: c.source.name,
      points,
      maxPoints: c.maxPoints,
      lost,
      next,
      coaching,
      coachable,
      note: next
        ? say('gapCriterion', {
            code: c.code,
            name: c.source.name,
            lost,
            label: next.label,
            level: next.level,
            gain: next.gain,
            coaching: COACHING_KIND_NAMES[coaching],
          })
        : say('gapCriterionTop', { code: c.code, name: c.source.name, lost }),
    });
  }
  const order = new Map(rubric.criteria.map((c, i) => [c.code, i]));
  gaps.sort(
    (a, b) =>
      (b.next?.gain ?? 0) - (a.next?.gain ?? 0) || b.lost - a.lost || order.get(a.code)! - order.get(b.code)!,
  );
  const totalLost = gaps.reduce((s, g) => s + g.lost, 0);

  const byKind = new Map<CoachingKind, CoachingNeed>();
  for (const g of gaps) {
    if (!g.coachable) continue;
    let need = byKind.get(g.coaching);
    if (!need) {
      need = { kind: g.coaching, name: COACHING_KIND_NAMES[g.coaching], lost: 0, criteria: [] };
      byKind.set(g.coaching, need);
    }
    need.lost += g.lost;
    need.criteria.push(g.code);
  }
  const coaching = [...byKind.values()].sort((a, b) => b.lost - a.lost);

  const notes: Note[] = [];
  if (gaps.length === 0) notes.push(say('gapNone'));
  const nextStar = input.scale ? planNextStar(input, rubric, current, scale, precision, notes) : null;
  if (coaching.length > 0)
    notes.push(
      say('gapCoaching', {
        list: joinList(
          coaching.map((c) => ({
            id: `${c.name.id} (+${fmt(c.lost, 'id')}: ${c.criteria.join(', ')})`,
            en: `${c.name.en} (+${fmt(c.lost, 'en')}: ${c.criteria.join(', ')})`,
          })),
        ),
      }),
    );
  const uncoachable = gaps.filter((g) => !g.coachable);
  if (uncoachable.length > 0)
    notes.push(say('gapUncoachable', { list: uncoachable.map((g) => g.code).join(', ') }));
  return { criteria: gaps, totalLost, coaching, nextStar, notes };
}

const fmt = (x: number, lang: 'id' | 'en') => {
  const s = (Math.round(x * 100) / 100).toFixed(2);
  return lang === 'id' ? s.replace('.', ',') : s;
};

function planNextStar(
  input: GapInput,
  rubric: CompiledRubric,
  current: Map<string, number>,
  scale: number,
  precision: number,
  notes: Note[],
): NextStar | null {
  const bands = input.scale!;
  const shown = roundScore(input.score, precision);
  const band = bandFor(shown, bands);
  const bandStar = band?.star ?? 0;
  const cls = input.classification;
  const star = cls?.star ?? bandStar;

  const denial = cls?.gates.find((g) => g.effect === 'deny');
  if (denial) {
    notes.push(say('gapDenied', { reason: denial.reason }));
    return null;
  }
  if (star >= bands.maxStar) {
    notes.push(say('gapTopStar', { star: starText(star) }));
    return null;
  }
  const target = star + 1;
  // A cap at or below the current star means points alone cannot raise it.
  const cap = cls?.gates.find((g) => g.effect === 'cap' && g.cap !== null && g.cap <= star);
  const targetBand = bands.bands.filter((b) => b.star === target).sort((a, b) => a.min - b.min)[0];
  if (!targetBand) return null;
  if (cap) {
    notes.push(say('gapCapped', { star: starText(star), reason: cap.reason }));
    return {
      star: target,
      need: Math.max(0, roundScore(targetBand.min - shown, precision)),
      plan: [],
      reachable: false,
    };
  }
  if (bandStar > star || targetBand.min <= shown) {
    // The score already lies in a higher band; something other than points holds it (reported by the classification).
    return { star: target, need: 0, plan: [], reachable: false };
  }
  const need = roundScore(targetBand.min - shown, precision);

  // Greedy over one-level steps, largest gain first (the fewest steps when every step of a criterion is worth the same).
  const pts = new Map(current);
  const steps = new Map<string, PlanStep>();
  let gained = 0;
  const coachable = rubric.criteria.filter((c) => c.source.coachable !== false);
  const nextOf = (code: string): RubricLevel | undefined => {
    const c = rubric.criteria[rubric.index.get(code)!]!;
    return c.levels.find((l) => l.points > pts.get(code)! + EPS);
  };
  while (roundScore(shown + gained, precision) < targetBand.min) {
    let best: { code: string; level: RubricLevel; gain: number; taken: number } | null = null;
    for (const c of coachable) {
      const l = nextOf(c.code);
      if (!l) continue;
      const gain = (c.weight * (l.points - pts.get(c.code)!) * scale) / c.maxPoints;
      // Equal gains: a criterion not yet in the plan first (one step each is more within reach), then rubric order.
      const taken = steps.has(c.code) ? 1 : 0;
      if (!best || gain > best.gain + EPS || (Math.abs(gain - best.gain) <= EPS && taken < best.taken))
        best = { code: c.code, level: l, gain, taken };
    }
    if (!best) break;
    pts.set(best.code, best.level.points);
    gained += best.gain;
    const c = rubric.criteria[rubric.index.get(best.code)!]!;
    const prev = steps.get(best.code);
    steps.set(best.code, {
      code: best.code,
      name: c.source.name,
      toLevel: best.level.level,
      gain: (prev?.gain ?? 0) + best.gain,
    });
  }
  const plan = [...steps.values()];
  const reachable = roundScore(shown + gained, precision) >= targetBand.min;
  const list = joinList(
    plan.map((p) => ({
      id: `${p.code} ${p.name.id} (ke tingkat ${p.toLevel}, +${fmt(p.gain, 'id')})`,
      en: `${p.code} ${p.name.en} (to level ${p.toLevel}, +${fmt(p.gain, 'en')})`,
    })),
  );
  notes.push(
    reachable
      ? say('gapNextStar', { star: starText(target), need, list })
      : say('gapNextStarOutOfReach', { star: starText(target), need, gained, list }),
  );
  return { star: target, need, plan, reachable };
}
