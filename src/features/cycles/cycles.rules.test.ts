import { describe, expect, it } from 'vitest';
import { fromLocalInput } from '../../platform/format.ts';
import { checkPhases, checkStarBands, defaultStarBands, starForScore } from './cycles.rules.ts';

describe('score bands', () => {
  it('accepts the default bands of both scales', () => {
    expect(checkStarBands(defaultStarBands(3), 3)).toEqual([]);
    expect(checkStarBands(defaultStarBands(5), 5)).toEqual([]);
  });

  it('finds an overlap and names both bands', () => {
    const issues = checkStarBands(
      [
        { stars: 1, min: 50, max: 70 },
        { stars: 2, min: 65, max: 80 },
        { stars: 3, min: 80, max: 100 },
      ],
      3,
    );
    expect(issues).toEqual([
      {
        path: ['bands', 1, 'min'],
        rule: 'bandOverlap',
        params: { stars: 2, min: '65', max: '80', lower: 1, lowerMin: '50', lowerMax: '70' },
      },
    ]);
  });

  it('finds a gap', () => {
    const issues = checkStarBands(
      [
        { stars: 1, min: 50, max: 65 },
        { stars: 2, min: 66, max: 80 },
        { stars: 3, min: 80, max: 100 },
      ],
      3,
    );
    expect(issues.map((i) => i.rule)).toEqual(['bandGap']);
  });

  it('needs every star of the scale, no star beyond it, from below to, and a top at 100', () => {
    expect(checkStarBands([{ stars: 1, min: 0, max: 100 }], 3).map((i) => i.rule)).toEqual([
      'bandMissing',
      'bandMissing',
    ]);
    expect(
      checkStarBands([...defaultStarBands(3), { stars: 4, min: 90, max: 100 }], 3).map((i) => i.rule),
    ).toEqual(['bandBeyondScale']);
    expect(
      checkStarBands(
        [
          { stars: 1, min: 50, max: 40 },
          { stars: 2, min: 65, max: 80 },
          { stars: 3, min: 80, max: 100 },
        ],
        3,
      ).map((i) => i.rule),
    ).toEqual(['bandOrder']);
    expect(
      checkStarBands(
        [
          { stars: 1, min: 50, max: 65 },
          { stars: 2, min: 65, max: 80 },
          { stars: 3, min: 80, max: 95 },
        ],
        3,
      ).map((i) => i.rule),
    ).toEqual(['bandTop']);
  });

  it('gives the star of a score, none below the lowest band, the top star at 100', () => {
    const bands = defaultStarBands(3);
    expect(starForScore(49.99, bands)).toBe(0);
    expect(starForScore(50, bands)).toBe(1);
    expect(starForScore(64.99, bands)).toBe(1);
    expect(starForScore(65, bands)).toBe(2);
    expect(starForScore(80, bands)).toBe(3);
    expect(starForScore(100, bands)).toBe(3);
  });
});

describe('phases', () => {
  it('refuses a phase that ends before, or when, it starts', () => {
    const at = (s: string) => fromLocalInput(s)!;
    expect(
      checkPhases([
        { phase: 'proposal', startsAt: at('2026-06-01T08:00'), endsAt: at('2026-05-31T23:59') },
        { phase: 'assessment', startsAt: at('2026-08-01T08:00'), endsAt: at('2026-08-01T08:00') },
        { phase: 'decision', startsAt: at('2026-10-01T08:00'), endsAt: at('2026-10-02T08:00') },
      ]).map((i) => i.path.join('.')),
    ).toEqual(['phases.proposal.end', 'phases.assessment.end']);
  });
});
