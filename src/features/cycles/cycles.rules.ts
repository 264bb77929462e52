/**
 * The rules of a cycle's configuration that need more than one field: score bands that neither
 * overlap nor leave a gap, phases that end after they start. Pure: plain data in, issues out.
 */
import type { CyclePhase } from '../../platform/domain.ts';

/** A star's score band on a 0–100 scale: from ≤ score < to; the top band includes its `to`. */
export interface StarBand {
  stars: number;
  min: number;
  max: number;
}

/** A broken rule: the field it belongs to, a validation message key and its parameters. */
export interface RuleIssue {
  path: (string | number)[];
  rule:
    | 'bandMissing'
    | 'bandBeyondScale'
    | 'bandDuplicate'
    | 'bandOrder'
    | 'bandOverlap'
    | 'bandGap'
    | 'bandTop'
    | 'phaseOrder';
  params: Record<string, string | number>;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Checks the bands of a star scale: one band per star 1…scale, each from < to, every band starting
 * exactly where the one below ends (no overlap, no gap), the top one ending at 100. A score below
 * the lowest band earns no star. `indexOf` maps a star to its position in the caller's list.
 */
export function checkStarBands(
  bands: StarBand[],
  scale: number,
  indexOf: (stars: number) => number = (s) => bands.findIndex((b) => b.stars === s),
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const at = (stars: number, field: 'min' | 'max') => ['bands', indexOf(stars), field];
  const seen = new Set<number>();
  for (const b of bands) {
    if (b.stars > scale)
      issues.push({ path: at(b.stars, 'min'), rule: 'bandBeyondScale', params: { stars: b.stars, scale } });
    else if (seen.has(b.stars))
      issues.push({ path: at(b.stars, 'min'), rule: 'bandDuplicate', params: { stars: b.stars } });
    else if (b.min >= b.max)
      issues.push({
        path: at(b.stars, 'max'),
        rule: 'bandOrder',
        params: { stars: b.stars, min: fmt(b.min), max: fmt(b.max) },
      });
    seen.add(b.stars);
  }
  const byStar = new Map(bands.filter((b) => b.stars <= scale).map((b) => [b.stars, b]));
  for (let s = 1; s <= scale; s++) {
    if (!byStar.has(s))
      issues.push({ path: ['bands', s - 1, 'min'], rule: 'bandMissing', params: { stars: s } });
  }
  if (issues.length) return issues;
  for (let s = 2; s <= scale; s++) {
    const lower = byStar.get(s - 1)!;
    const b = byStar.get(s)!;
    const params = {
      stars: s,
      min: fmt(b.min),
      max: fmt(b.max),
      lower: s - 1,
      lowerMin: fmt(lower.min),
      lowerMax: fmt(lower.max),
    };
    if (b.min < lower.max) issues.push({ path: at(s, 'min'), rule: 'bandOverlap', params });
    else if (b.min > lower.max) issues.push({ path: at(s, 'min'), rule: 'bandGap', params });
  }
  const top = byStar.get(scale)!;
  if (top.max !== 100)
    issues.push({ path: at(scale, 'max'), rule: 'bandTop', params: { stars: scale, max: fmt(top.max) } });
  return issues;
}

/** The star a total score earns under the bands, or 0 (no star) below the lowest band. */
export function starForScore(score: number, bands: StarBand[]): number {
  const sorted = [...bands].sort((a, b) => a.stars - b.stars);
  const top = sorted.at(-1);
  if (top && score >= top.min && score <= top.max) return top.stars;
  for (const b of sorted) if (score >= b.min && score < b.max) return b.stars;
  return 0;
}

export interface PhaseWindow {
  phase: CyclePhase;
  startsAt: Date;
  endsAt: Date;
}

/** Each phase must end after it starts. */
export function checkPhases(phases: PhaseWindow[]): RuleIssue[] {
  return phases
    .filter((p) => p.endsAt.getTime() <= p.startsAt.getTime())
    .map((p) => ({
      path: ['phases', p.phase, 'end'],
      rule: 'phaseOrder' as const,
      params: { phase: p.phase },
    }));
}

/** Sensible starting bands for a new cycle. The real bands were NOT FOUND (brief §2.2): editable. */
export function defaultStarBands(scale: 3 | 5): StarBand[] {
  return scale === 3
    ? [
        { stars: 1, min: 50, max: 65 },
        { stars: 2, min: 65, max: 80 },
        { stars: 3, min: 80, max: 100 },
      ]
    : [
        { stars: 1, min: 40, max: 55 },
        { stars: 2, min: 55, max: 65 },
        { stars: 3, min: 65, max: 75 },
        { stars: 4, min: 75, max: 85 },
        { stars: 5, min: 85, max: 100 },
      ];
}
