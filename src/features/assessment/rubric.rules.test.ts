import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/helpers/random.ts';
import {
  COACHING_KINDS,
  checkSheet,
  compileRubric,
  DEFAULT_WEIGHT_RULE,
  type Rubric,
  type RubricCriterion,
  roundScore,
  scoreSheet,
  validateRubric,
  weightedTotal,
} from './rubric.rules.ts';
import {
  COMMODITY_NAMES,
  defaultRubric,
  defaultRubrics,
  JUKNIS_WEIGHT_RULE,
  RUBRIC_COMMODITIES,
} from './rubric.defaults.ts';

const t = (id: string, en = id) => ({ id, en });

function crit(code: string, weight: number, points: number[] = [1, 2, 3]): RubricCriterion {
  return {
    code,
    name: t(`Kriteria ${code}`, `Criterion ${code}`),
    weight,
    coaching: 'training',
    levels: points.map((p, i) => ({
      level: i + 1,
      points: p,
      label: t(`L${i + 1}`),
      descriptor: t(`D${i + 1}`),
    })),
  };
}

/** A small valid rubric: A (40 = 20 + 20), B (60 = 30 + 30). */
function small(): Rubric {
  return {
    commodity: 'kain_tenun',
    title: t('Rubrik uji', 'Test rubric'),
    aspects: [
      { code: 'A', name: t('Aspek A', 'Aspect A'), criteria: [crit('A1', 20), crit('A2', 20)] },
      { code: 'B', name: t('Aspek B', 'Aspect B'), criteria: [crit('B1', 30), crit('B2', 30, [0, 5, 10])] },
    ],
  };
}

const codes = (r: Rubric, rule = DEFAULT_WEIGHT_RULE) => validateRubric(r, rule).map((v) => v.code);

describe('rubric validation', () => {
  it('accepts a rubric whose weights total 100', () => {
    expect(validateRubric(small())).toEqual([]);
  });

  it('refuses weights that do not total 100, naming the actual total in both languages', () => {
    const r = small();
    r.aspects[0]!.criteria[0]!.weight = 25;
    const v = validateRubric(r);
    expect(v.map((x) => x.code)).toEqual(['weightsTotalWrong']);
    expect(v[0]!.text.en).toBe('The weights total 105; the rule asks for 100.');
    expect(v[0]!.text.id).toBe('Jumlah semua bobot 105; aturan meminta 100.');
    expect(v[0]!.path).toBe('aspects');
  });

  it('allows floating-point noise in the total (33.33 + 33.33 + 33.34)', () => {
    const r = small();
    r.aspects = [
      { code: 'A', name: t('A'), criteria: [crit('A1', 33.33), crit('A2', 33.33), crit('A3', 33.34)] },
    ];
    expect(validateRubric(r)).toEqual([]);
  });

  it('accepts any positive total when the rule sets none', () => {
    const r = small();
    r.aspects[0]!.criteria[0]!.weight = 7;
    expect(validateRubric(r, { total: null })).toEqual([]);
  });

  it('checks aspect maxima and exact aspect weights', () => {
    const r = small();
    expect(codes(r, { total: 100, aspects: { A: { max: 30 } } })).toEqual(['aspectWeightOverMax']);
    const v = validateRubric(r, { total: 100, aspects: { B: { exact: 50 } } });
    expect(v.map((x) => x.code)).toEqual(['aspectWeightNotExact']);
    expect(v[0]!.text.en).toBe('The weights of aspect B total 60; the rule asks for exactly 50.');
    expect(v[0]!.path).toBe('aspects.1.criteria');
    expect(codes(r, { total: 100, aspects: { C: { exact: 10 } } })).toEqual(['aspectRequired']);
  });

  it('refuses a weight of zero or less, naming the criterion and pointing at its field', () => {
    const r = small();
    r.aspects[1]!.criteria[0]!.weight = 0;
    const v = validateRubric(r, { total: null });
    expect(v.map((x) => [x.code, x.path])).toEqual([
      ['criterionWeightNotPositive', 'aspects.1.criteria.0.weight'],
    ]);
    expect(v[0]!.text.en).toContain('B1');
  });

  it('refuses duplicate codes, missing names and unknown coaching kinds', () => {
    const r = small();
    r.aspects[1]!.code = 'A';
    r.aspects[1]!.criteria[0]!.code = 'A1';
    r.aspects[0]!.criteria[1]!.name = t('', 'only English');
    (r.aspects[0]!.criteria[0] as { coaching: string }).coaching = 'massage';
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        'aspectCodeDuplicate',
        'criterionCodeDuplicate',
        'criterionNameMissing',
        'criterionCoachingUnknown',
      ]),
    );
  });

  it('refuses a rubric without aspects, and an aspect without criteria', () => {
    expect(codes({ ...small(), aspects: [] })).toEqual(['rubricNoAspects']);
    const r = small();
    r.aspects[1]!.criteria = [];
    expect(codes(r)).toEqual(['aspectNoCriteria', 'weightsTotalWrong']);
  });

  it('checks levels: enough of them, unique whole numbers, rising points, descriptors in both languages', () => {
    const few = small();
    few.aspects[0]!.criteria[0]!.levels = few.aspects[0]!.criteria[0]!.levels.slice(0, 1);
    expect(codes(few)).toEqual(['criterionTooFewLevels']);

    const dup = small();
    dup.aspects[0]!.criteria[0]!.levels[1]!.level = 1;
    expect(codes(dup)).toContain('levelNumberDuplicate');

    const flat = small();
    flat.aspects[0]!.criteria[0]!.levels[2]!.points = 2;
    const v = validateRubric(flat);
    expect(v.map((x) => x.code)).toEqual(['levelPointsNotRising']);
    expect(v[0]!.text.en).toBe('In criterion A1, level 3 must be worth more points than level 2.');

    const noDesc = small();
    noDesc.aspects[0]!.criteria[0]!.levels[0]!.descriptor = t('ada', '');
    expect(codes(noDesc)).toEqual(['levelDescriptorMissing']);

    const neg = small();
    neg.aspects[0]!.criteria[0]!.levels[0]!.points = -1;
    expect(codes(neg)).toContain('levelPointsInvalid');

    const zeros = small();
    zeros.aspects[0]!.criteria[0]!.levels = zeros.aspects[0]!.criteria[0]!.levels.map((l) => ({
      ...l,
      points: 0,
    }));
    expect(codes(zeros)).toContain('levelTopPointsZero');

    const frac = small();
    frac.aspects[0]!.criteria[0]!.levels[0]!.level = 0.5;
    expect(codes(frac)).toContain('levelNumberInvalid');
  });
});

describe('weighted total', () => {
  const rubric = compileRubric(small());

  it('is Σ points / max points × weight on a 0–100 scale', () => {
    // A1 level 3 (3/3 × 20) + A2 level 1 (1/3 × 20) + B1 level 2 (2/3 × 30) + B2 level 2 (5/10 × 30)
    const s = scoreSheet(rubric, { A1: 3, A2: 1, B1: 2, B2: 2 });
    expect(s.total).toBeCloseTo(20 + 20 / 3 + 20 + 15, 10);
    expect(s.aspects.A).toBeCloseTo(20 + 20 / 3, 10);
    expect(s.aspects.B).toBeCloseTo(35, 10);
    expect(s.complete).toBe(true);
  });

  it('gives 100 for the top level everywhere and the lowest points’ share at the bottom', () => {
    expect(weightedTotal(rubric, { A1: 3, A2: 3, B1: 3, B2: 3 })).toBe(100);
    // B2's bottom level is worth 0 points; the others 1 of 3.
    expect(weightedTotal(rubric, { A1: 1, A2: 1, B1: 1, B2: 1 })).toBeCloseTo(70 / 3, 10);
  });

  it('scales to 0–100 when the weights total something else', () => {
    const r = small();
    for (const a of r.aspects) for (const c of a.criteria) c.weight /= 10; // total 10
    expect(weightedTotal(compileRubric(r), { A1: 3, A2: 3, B1: 3, B2: 3 })).toBeCloseTo(100, 10);
  });

  it('counts a criterion without a level as 0 and says which are missing (a draft)', () => {
    const s = scoreSheet(rubric, { A1: 3, B1: null });
    expect(s.complete).toBe(false);
    expect(s.missing).toEqual(['A2', 'B1', 'B2']);
    expect(s.total).toBe(20);
  });

  it('aspect scores add up to the total (random sheets)', () => {
    const rnd = seeded(1);
    const tenun = compileRubric(defaultRubric('kain_tenun'));
    for (let i = 0; i < 200; i++) {
      const levels = Object.fromEntries(tenun.criteria.map((c) => [c.code, rnd.int(1, 3)]));
      const s = scoreSheet(tenun, levels);
      const sum = Object.values(s.aspects).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(s.total, 9);
      expect(s.total).toBeGreaterThanOrEqual(100 / 3 - 1e-9);
      expect(s.total).toBeLessThanOrEqual(100 + 1e-9);
    }
  });

  it('equals the instrument’s raw points for aspect A (weight 3, levels 1–3)', () => {
    const tenun = compileRubric(defaultRubric('kain_tenun'));
    const levels = Object.fromEntries(tenun.criteria.map((c, i) => [c.code, (i % 3) + 1]));
    const raw = tenun.criteria.filter((c) => c.aspect === 'A').reduce((s, c) => s + levels[c.code]!, 0);
    expect(scoreSheet(tenun, levels).aspects.A).toBe(raw);
  });
});

describe('checking a sheet before submission', () => {
  const rubric = compileRubric(small());

  it('lists every missing criterion, with its name, in both languages', () => {
    const v = checkSheet(rubric, { A1: 2, B1: 3 });
    expect(v).toHaveLength(1);
    expect(v[0]!.code).toBe('sheetCriteriaMissing');
    expect(v[0]!.text.en).toBe('2 criteria have no level yet: A2 Criterion A2; B2 Criterion B2.');
    expect(v[0]!.text.id).toBe('2 kriteria belum dinilai: A2 Kriteria A2; B2 Kriteria B2.');
  });

  it('says "1 criterion has" for one', () => {
    expect(checkSheet(rubric, { A1: 2, A2: 2, B1: 3 })[0]!.text.en).toBe(
      '1 criterion has no level yet: B2 Criterion B2.',
    );
  });

  it('refuses a level the rubric does not have, naming the levels it has', () => {
    const v = checkSheet(rubric, { A1: 4, A2: 1, B1: 1, B2: 1 });
    expect(v.map((x) => [x.code, x.path])).toEqual([['sheetLevelNotInRubric', 'levels.A1']]);
    expect(v[0]!.text.en).toBe('Level 4 does not exist for criterion A1; choose one of 1, 2, 3.');
  });

  it('refuses a criterion the rubric does not have', () => {
    const v = checkSheet(rubric, { A1: 1, A2: 1, B1: 1, B2: 1, Z9: 2 });
    expect(v.map((x) => x.code)).toEqual(['sheetUnknownCriterion']);
  });

  it('accepts a complete sheet', () => {
    expect(checkSheet(rubric, { A1: 1, A2: 2, B1: 3, B2: 1 })).toEqual([]);
  });
});

describe('rounding scores for display and classification', () => {
  it('rounds half up at two decimals, despite binary noise', () => {
    expect(roundScore(79.995)).toBe(80);
    expect(roundScore(79.994999)).toBe(79.99);
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore((2 / 3) * 100)).toBe(66.67);
    expect(roundScore(82.5, 0)).toBe(83);
    expect(roundScore(-0.001)).toBe(0);
  });
});

describe('default rubrics', () => {
  const all = defaultRubrics();

  it('exist for the five commodities and lainnya, each valid under the house rule and the Juknis rule', () => {
    expect(Object.keys(all).sort()).toEqual([...RUBRIC_COMMODITIES].sort());
    for (const c of RUBRIC_COMMODITIES) {
      expect(validateRubric(all[c], DEFAULT_WEIGHT_RULE), c).toEqual([]);
      expect(validateRubric(all[c], JUKNIS_WEIGHT_RULE), c).toEqual([]);
      expect(all[c].title.id).toContain(COMMODITY_NAMES[c].id);
    }
  });

  it('have aspects A, B and C with three levels worth 1, 2, 3 points per criterion', () => {
    for (const r of Object.values(all)) {
      expect(r.aspects.map((a) => a.code)).toEqual(['A', 'B', 'C']);
      for (const a of r.aspects)
        for (const c of a.criteria) {
          expect(c.levels.map((l) => [l.level, l.points])).toEqual([
            [1, 1],
            [2, 2],
            [3, 3],
          ]);
          expect(COACHING_KINDS).toContain(c.coaching);
          expect(c.provenance).toBeDefined();
        }
    }
  });

  it('follow the visible instrument in aspect A: 30 points in 10 criteria (production 15, product 6, community 9)', () => {
    const a = all.makanan_minuman.aspects[0]!;
    expect(a.criteria).toHaveLength(10);
    const byGroup = new Map<string, number>();
    for (const c of a.criteria) byGroup.set(c.group!.en, (byGroup.get(c.group!.en) ?? 0) + c.weight);
    expect(Object.fromEntries(byGroup)).toEqual({
      Production: 15,
      'Product development': 6,
      'Community development': 9,
    });
    expect(a.criteria[0]!.levels.map((l) => l.descriptor.en)).toEqual([
      'Less than 80% of the main raw material comes from the own regency/city.',
      '80% or more of the main raw material comes from the own regency/city.',
      'All of the main raw material comes from the own regency/city.',
    ]);
    expect(a.criteria.find((c) => c.code === 'A6')!.levels.map((l) => l.descriptor.en)).toEqual([
      'The design is copied.',
      'The design follows market demand.',
      'Own design.',
    ]);
    expect(a.criteria.find((c) => c.code === 'A8')!.coachable).toBe(false);
  });

  it('mark the criteria not visible in the instrument as placeholders, and say they are editable', () => {
    for (const r of Object.values(all)) {
      expect(r.note?.en).toMatch(/meant to be edited/);
      for (const a of r.aspects.slice(1))
        for (const c of a.criteria) expect(c.provenance).toBe('placeholder');
    }
  });

  it('give batik the 25-indicator shape of its instrument and the others 30', () => {
    const count = (r: Rubric) => r.aspects.reduce((s, a) => s + a.criteria.length, 0);
    expect(count(all.kain_batik)).toBe(25);
    for (const c of RUBRIC_COMMODITIES.filter((x) => x !== 'kain_batik')) expect(count(all[c])).toBe(30);
  });

  it('are fresh copies: editing one does not change the next', () => {
    const a = defaultRubric('gerabah');
    a.aspects[0]!.criteria[0]!.weight = 99;
    expect(defaultRubric('gerabah').aspects[0]!.criteria[0]!.weight).toBe(3);
  });
});
