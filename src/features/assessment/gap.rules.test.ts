import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/helpers/random.ts';
import { DEFAULT_SCALE_3, DEFAULT_SCALE_5, defaultGates } from './classify.defaults.ts';
import { classify, type StarScale } from './classify.rules.ts';
import { analyseGaps } from './gap.rules.ts';
import { defaultRubric } from './rubric.defaults.ts';
import {
  type CoachingKind,
  compileRubric,
  type Rubric,
  type RubricCriterion,
  scoreSheet,
} from './rubric.rules.ts';

const t = (id: string, en = id) => ({ id, en });

function crit(code: string, weight: number, coaching: CoachingKind, points = [1, 2, 3]): RubricCriterion {
  return {
    code,
    name: t(`Kriteria ${code}`, `Criterion ${code}`),
    weight,
    coaching,
    levels: points.map((p, i) => ({
      level: i + 1,
      points: p,
      label: t(`Tingkat ${i + 1}`, `Level ${i + 1}`),
      descriptor: t(`Uraian ${i + 1}`, `Descriptor ${i + 1}`),
    })),
  };
}

const RUBRIC: Rubric = {
  commodity: 'kain_tenun',
  title: t('Uji', 'Test'),
  aspects: [
    { code: 'A', name: t('A'), criteria: [crit('A1', 20, 'training'), crit('A2', 20, 'equipment')] },
    {
      code: 'B',
      name: t('B'),
      criteria: [crit('B1', 30, 'promotion'), crit('B2', 30, 'certification', [0, 5, 10])],
    },
  ],
};

// Mean points: A1 3/3, A2 1.5/3, B1 2/3, B2 2.5/10 → lost 0, 10, 10, 22.5 → mean score 57.5.
const SHEETS = [
  { A1: 3, A2: 1, B1: 2, B2: 2 },
  { A1: 3, A2: 2, B1: 2, B2: 1 },
];
const SCORE = 57.5;

describe('gap analysis', () => {
  const g = analyseGaps({ rubric: RUBRIC, sheets: SHEETS, score: SCORE, scale: DEFAULT_SCALE_3 });

  it('lists the criteria where points were lost, ordered by what the next level would add', () => {
    expect(g.criteria.map((c) => [c.code, c.points, c.lost, c.next?.level, c.next?.gain])).toEqual([
      ['B1', 2, expect.closeTo(10, 10), 3, expect.closeTo(10, 10)],
      ['B2', 2.5, expect.closeTo(22.5, 10), 2, expect.closeTo(7.5, 10)],
      ['A2', 1.5, expect.closeTo(10, 10), 2, expect.closeTo(10 / 3, 10)],
    ]);
    expect(g.totalLost).toBeCloseTo(100 - SCORE, 10);
  });

  it('explains each criterion in both languages, with the next level’s label and the coaching', () => {
    const b2 = g.criteria.find((c) => c.code === 'B2')!;
    expect(b2.note.text.en).toBe(
      'B2 Criterion B2: 22.5 points lost; reaching level 2 (Level 2) adds 7.5 points. Coaching: certification.',
    );
    expect(b2.note.text.id).toBe(
      'B2 Kriteria B2: hilang 22,5 poin; naik ke tingkat 2 (Tingkat 2) menambah 7,5 poin. Pembinaan: sertifikasi.',
    );
    expect(b2.next!.descriptor).toEqual(t('Uraian 2', 'Descriptor 2'));
  });

  it('says what it takes to reach the next star, and where it is most within reach', () => {
    expect(g.nextStar).toEqual({
      star: 1,
      need: 2.5,
      plan: [
        { code: 'B1', name: t('Kriteria B1', 'Criterion B1'), toLevel: 3, gain: expect.closeTo(10, 10) },
      ],
      reachable: true,
    });
    const note = g.notes.find((n) => n.code === 'gapNextStar')!;
    expect(note.text.en).toBe(
      'To reach 1 star: +2.5 points, most within reach in B1 Criterion B1 (to level 3, +10.00).',
    );
    expect(note.text.id).toBe(
      'Untuk meraih 1 bintang: +2,5 poin, paling mudah dicapai melalui B1 Kriteria B1 (ke tingkat 3, +10,00).',
    );
  });

  it('groups lost points by coaching kind, largest first', () => {
    expect(g.coaching.map((c) => [c.kind, c.lost, c.criteria])).toEqual([
      ['certification', expect.closeTo(22.5, 10), ['B2']],
      ['promotion', expect.closeTo(10, 10), ['B1']],
      ['equipment', expect.closeTo(10, 10), ['A2']],
    ]);
    expect(g.notes.find((n) => n.code === 'gapCoaching')!.text.en).toBe(
      'Recommended coaching: certification (+22.50: B2), promotion (+10.00: B1) and equipment (+10.00: A2).',
    );
  });

  it('lets the cycle map criteria to other coaching kinds', () => {
    const m = analyseGaps({
      rubric: RUBRIC,
      sheets: SHEETS,
      score: SCORE,
      coaching: { A2: 'training', B2: 'training' },
    });
    expect(m.coaching.map((c) => [c.kind, c.criteria])).toEqual([
      ['training', ['B2', 'A2']],
      ['promotion', ['B1']],
    ]);
  });

  it('leaves criteria coaching cannot raise out of the plan and the coaching, and says so', () => {
    const r = structuredClone(RUBRIC);
    r.aspects[1]!.criteria[0]!.coachable = false; // B1
    const u = analyseGaps({ rubric: r, sheets: SHEETS, score: SCORE, scale: DEFAULT_SCALE_3 });
    expect(u.nextStar!.plan.map((p) => p.code)).toEqual(['B2']);
    expect(u.coaching.map((c) => c.kind)).not.toContain('promotion');
    expect(u.notes.find((n) => n.code === 'gapUncoachable')!.text.en).toBe('Coaching cannot raise: B1.');
  });

  it('says when coaching alone cannot reach the next star', () => {
    const r = structuredClone(RUBRIC);
    r.aspects[0]!.criteria[1]!.coachable = false; // A2: at most 32.5 more
    const high: StarScale = {
      maxStar: 1,
      bands: [
        { star: 0, min: 0, max: 95 },
        { star: 1, min: 95, max: 100 },
      ],
    };
    const u = analyseGaps({ rubric: r, sheets: SHEETS, score: SCORE, scale: high });
    expect(u.nextStar).toMatchObject({ star: 1, need: 37.5, reachable: false });
    expect(u.notes.find((n) => n.code === 'gapNextStarOutOfReach')!.text.en).toBe(
      'Reaching 1 star needs +37.5 points; the criteria coaching can raise add only 32.5 (B1 Criterion B1 (to level 3, +10.00) and B2 Criterion B2 (to level 3, +22.50)).',
    );
  });

  it('at the top star there is no next star', () => {
    const top = analyseGaps({ rubric: RUBRIC, sheets: SHEETS, score: 90, scale: DEFAULT_SCALE_3 });
    expect(top.nextStar).toBeNull();
    expect(top.notes.find((n) => n.code === 'gapTopStar')!.text.en).toBe(
      'Already at the highest star (3 stars).',
    );
  });

  it('without legality, no points help: it says what must be resolved first', () => {
    const cls = classify(SCORE, DEFAULT_SCALE_3, defaultGates(3), { legality: false });
    const d = analyseGaps({
      rubric: RUBRIC,
      sheets: SHEETS,
      score: SCORE,
      scale: DEFAULT_SCALE_3,
      classification: cls,
    });
    expect(d.nextStar).toBeNull();
    expect(d.notes.find((n) => n.code === 'gapDenied')!.text.en).toBe(
      'No star can be given until this is resolved: the business’s legality (NIB) is missing or not valid.',
    );
  });

  it('under a cap, says that more points alone will not raise the star', () => {
    const cls = classify(85, DEFAULT_SCALE_5, defaultGates(5), { legality: true, marketReach: 'national' });
    expect(cls.star).toBe(4);
    const c = analyseGaps({
      rubric: RUBRIC,
      sheets: SHEETS,
      score: 85,
      scale: DEFAULT_SCALE_5,
      classification: cls,
    });
    expect(c.nextStar).toMatchObject({ star: 5, need: 5, plan: [], reachable: false });
    expect(c.notes.find((n) => n.code === 'gapCapped')!.text.en).toBe(
      'More points alone will not raise the star above 4 stars: the product is sold only within Indonesia.',
    );
  });

  it('has nothing to say about a perfect sheet', () => {
    const p = analyseGaps({
      rubric: RUBRIC,
      sheets: [{ A1: 3, A2: 3, B1: 3, B2: 3 }],
      score: 100,
      scale: DEFAULT_SCALE_3,
    });
    expect(p.criteria).toEqual([]);
    expect(p.notes.map((n) => n.code)).toEqual(['gapNone', 'gapTopStar']);
  });

  it('property: lost points add up to 100 − the mean score; a reachable plan reaches the band (default rubric)', () => {
    const rubric = compileRubric(defaultRubric('makanan_minuman'));
    const rnd = seeded(8);
    for (let trial = 0; trial < 150; trial++) {
      const sheets = Array.from({ length: rnd.int(1, 4) }, () =>
        Object.fromEntries(rubric.criteria.map((c) => [c.code, rnd.int(1, 3)])),
      );
      const score = sheets.reduce((s, x) => s + scoreSheet(rubric, x).total, 0) / sheets.length;
      const g = analyseGaps({ rubric, sheets, score, scale: DEFAULT_SCALE_3 });
      expect(g.totalLost, `trial ${trial}`).toBeCloseTo(100 - score, 8);
      for (let i = 1; i < g.criteria.length; i++)
        expect(g.criteria[i - 1]!.next!.gain).toBeGreaterThanOrEqual(g.criteria[i]!.next!.gain - 1e-9);
      if (g.nextStar?.reachable) {
        const gained = g.nextStar.plan.reduce((s, p) => s + p.gain, 0);
        const band = DEFAULT_SCALE_3.bands.find((b) => b.star === g.nextStar!.star)!;
        expect(Math.round((score + gained) * 100) / 100, `trial ${trial}`).toBeGreaterThanOrEqual(band.min);
        expect(g.nextStar.plan.every((p) => p.code !== 'A8')).toBe(true); // years in the centre: not coachable
      }
    }
  });
});
