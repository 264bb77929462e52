import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/helpers/random.ts';
import {
  computeCycle,
  cycleResults,
  DEFAULT_RESULTS_OPTIONS,
  krippendorffAlphaInterval,
  mean,
  median,
  type ResultsOptions,
  readAlpha,
  type SheetTotal,
  standardDeviation,
} from './results.rules.ts';
import { defaultRubric } from './rubric.defaults.ts';

const sheet = (
  nominationId: string,
  assessorId: string,
  total: number,
  aspects?: Record<string, number>,
): SheetTotal => ({
  nominationId,
  assessorId,
  total,
  ...(aspects ? { aspects } : {}),
});

/** Four nominations, three assessors, not every assessor on every nomination. */
const SHEETS: SheetTotal[] = [
  sheet('n1', 'a', 70),
  sheet('n1', 'b', 80),
  sheet('n1', 'c', 90),
  sheet('n2', 'a', 60),
  sheet('n2', 'b', 65),
  sheet('n3', 'a', 50),
  sheet('n3', 'c', 80),
  sheet('n4', 'b', 75),
  sheet('n4', 'c', 85),
];

const OPTIONS: ResultsOptions = {
  ...DEFAULT_RESULTS_OPTIONS,
  disagreement: { measure: 'range', threshold: 15 },
  minSheetsToNormalise: 3,
  severity: { threshold: 5, minShared: 3 },
};

describe('statistics', () => {
  it('mean, median (odd and even), sample and population standard deviation', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9], 'population')).toBe(2);
    expect(standardDeviation([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(standardDeviation([5])).toBeNaN();
  });
});

describe('per nomination', () => {
  const out = cycleResults(SHEETS, OPTIONS);
  const n = (id: string) => out.nominations.find((x) => x.nominationId === id)!;

  it('gives each sheet’s total, their mean, median, range and sample standard deviation', () => {
    expect(n('n1')).toMatchObject({ count: 3, mean: 80, median: 80, min: 70, max: 90, range: 20 });
    expect(n('n1').sd).toBeCloseTo(10, 12);
    expect(n('n1').sheets.map((s) => [s.assessorId, s.total])).toEqual([
      ['a', 70],
      ['b', 80],
      ['c', 90],
    ]);
    expect(n('n2')).toMatchObject({ mean: 62.5, median: 62.5, range: 5 });
  });

  it('flags disagreement only when the spread passes the cycle’s threshold, and says so in both languages', () => {
    expect(n('n1').flagged).toBe(true);
    expect(n('n3').flagged).toBe(true); // 30 apart
    expect(n('n2').flagged).toBe(false);
    const note = n('n1').notes.find((x) => x.code === 'spreadOverThreshold')!;
    expect(note.text.en).toBe(
      'The assessors disagree: the spread between highest and lowest is 20 points, over this cycle’s threshold of 15. Needs moderation.',
    );
    expect(note.text.id).toContain('melebihi ambang periode ini (15)');
  });

  it('does not flag a spread equal to the threshold ("passes" means above it)', () => {
    const r = cycleResults([sheet('x', 'a', 60), sheet('x', 'b', 75)], OPTIONS);
    expect(r.nominations[0]!.flagged).toBe(false);
  });

  it('can flag on the standard deviation instead, or never', () => {
    const sd = cycleResults(SHEETS, { ...OPTIONS, disagreement: { measure: 'sd', threshold: 12 } });
    expect(sd.nominations.filter((x) => x.flagged).map((x) => x.nominationId)).toEqual(['n3']); // sd 21.2
    const never = cycleResults(SHEETS, { ...OPTIONS, disagreement: { measure: 'range', threshold: null } });
    expect(never.nominations.some((x) => x.flagged)).toBe(false);
  });

  it('never flags a single sheet', () => {
    const r = cycleResults([sheet('x', 'a', 10)], {
      ...OPTIONS,
      disagreement: { measure: 'range', threshold: 0 },
    });
    expect(r.nominations[0]).toMatchObject({ flagged: false, range: 0, sd: null });
  });

  it('uses the mean or the median as the score, and a moderated score with its reason above both', () => {
    expect(n('n3')).toMatchObject({ score: 65, scoreSource: 'mean' });
    const med = cycleResults([sheet('x', 'a', 10), sheet('x', 'b', 20), sheet('x', 'c', 90)], {
      ...OPTIONS,
      aggregate: 'median',
    });
    expect(med.nominations[0]).toMatchObject({ score: 20, scoreSource: 'median', mean: 40 });
    const mod = cycleResults(SHEETS, OPTIONS, {
      moderated: new Map([['n3', { score: 72, reason: 'Kunjungan ulang menunjukkan kemasan baru.' }]]),
    });
    const m3 = mod.nominations.find((x) => x.nominationId === 'n3')!;
    expect(m3).toMatchObject({ score: 72, scoreSource: 'moderated', mean: 65 });
    expect(m3.notes.find((x) => x.code === 'scoreModerated')!.text.en).toBe(
      'Score agreed in moderation: 72 (computed 65). Reason: Kunjungan ulang menunjukkan kemasan baru.',
    );
  });

  it('says when sheets are still missing, and lists nominations that have none yet', () => {
    const r = cycleResults(SHEETS, OPTIONS, {
      expected: new Map([
        ['n2', 3],
        ['n5', 2],
      ]),
      nominationIds: ['n1', 'n2', 'n3', 'n4', 'n5'],
    });
    const n2 = r.nominations.find((x) => x.nominationId === 'n2')!;
    expect(n2.complete).toBe(false);
    expect(n2.notes.find((x) => x.code === 'sheetsIncomplete')!.text.en).toBe(
      'Only 2 of 3 score sheets submitted.',
    );
    const n5 = r.nominations.find((x) => x.nominationId === 'n5')!;
    expect(n5).toMatchObject({ count: 0, score: null, mean: null, complete: false });
    expect(r.nominations.map((x) => x.nominationId)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('averages the aspect scores of the sheets (for tie-breaks)', () => {
    const r = cycleResults(
      [sheet('x', 'a', 60, { A: 20, C: 40 }), sheet('x', 'b', 70, { A: 30, C: 40 })],
      OPTIONS,
    );
    expect(r.nominations[0]!.aspects).toEqual({ A: 25, C: 40 });
  });
});

describe('z-score normalisation per assessor', () => {
  const out = cycleResults(SHEETS, OPTIONS);
  const totals = SHEETS.map((s) => s.total);
  const panelMean = mean(totals);
  const panelSd = standardDeviation(totals, 'population');

  it('standardises each assessor across their nominations and maps back to the panel’s mean and sd', () => {
    for (const id of ['a', 'b', 'c']) {
      const own = SHEETS.filter((s) => s.assessorId === id).map((s) => s.total);
      const m = mean(own);
      const sd = standardDeviation(own, 'population');
      for (const nom of out.nominations)
        for (const s of nom.sheets.filter((x) => x.assessorId === id))
          expect(s.normalised).toBeCloseTo(panelMean + (panelSd * (s.total - m)) / sd, 10);
    }
    expect(out.panel).toMatchObject({ sheets: 9 });
    expect(out.panel.mean).toBeCloseTo(panelMean, 12);
  });

  it('is shown beside the raw score, never replacing it', () => {
    const n1 = out.nominations.find((x) => x.nominationId === 'n1')!;
    expect(n1.sheets.map((s) => s.total)).toEqual([70, 80, 90]);
    expect(n1.mean).toBe(80);
    expect(n1.score).toBe(80);
    expect(n1.normalisedMean).toBeCloseTo(mean(n1.sheets.map((s) => s.normalised!)), 12);
    expect(n1.normalisedMean).not.toBeCloseTo(80, 3);
  });

  it('lifts a severe assessor’s scores and lowers a lenient one’s', () => {
    const n1 = out.nominations.find((x) => x.nominationId === 'n1')!;
    const a = n1.sheets.find((s) => s.assessorId === 'a')!;
    const c = n1.sheets.find((s) => s.assessorId === 'c')!;
    expect(a.normalised!).toBeGreaterThan(a.total);
    expect(c.normalised!).toBeLessThan(c.total);
  });

  it('skips an assessor with too few sheets, and the nomination says why it has no normalised score', () => {
    const r = cycleResults(SHEETS, { ...OPTIONS, minSheetsToNormalise: 4 });
    expect(r.assessors.every((x) => x.normalisation === 'skipped')).toBe(true);
    const n2 = r.nominations.find((x) => x.nominationId === 'n2')!;
    expect(n2.normalisedMean).toBeNull();
    expect(n2.sheets.every((s) => s.normalised === null)).toBe(true);
    expect(n2.notes.find((x) => x.code === 'normalisationUnavailable')!.text.en).toBe(
      'No normalised score: 2 assessors scored too few nominations to be standardised.',
    );
    expect(r.assessors[0]!.notes[0]!.text.en).toBe(
      'Not normalised: scored 3 nominations (at least 4 needed).',
    );
  });

  it('is left out entirely when the cycle does not normalise', () => {
    const r = cycleResults(SHEETS, { ...OPTIONS, normalise: false });
    expect(r.assessors.every((x) => x.normalisation === 'off' && x.notes.length === 1)).toBe(true);
    expect(
      r.nominations.every((n) => n.normalisedMean === null && n.sheets.every((s) => s.normalised === null)),
    ).toBe(true);
    expect(r.nominations.flatMap((n) => n.notes).some((x) => x.code === 'normalisationUnavailable')).toBe(
      false,
    );
  });

  it('only shifts an assessor whose scores are all equal (no division by zero)', () => {
    const r = cycleResults(
      [
        sheet('x', 'a', 70),
        sheet('y', 'a', 70),
        sheet('z', 'a', 70),
        sheet('x', 'b', 50),
        sheet('y', 'b', 90),
        sheet('z', 'b', 70),
      ],
      OPTIONS,
    );
    const a = r.assessors.find((x) => x.assessorId === 'a')!;
    expect(a.normalisation).toBe('shifted');
    const all = r.nominations.flatMap((n) => n.sheets.filter((s) => s.assessorId === 'a'));
    for (const s of all) expect(s.normalised).toBeCloseTo(r.panel.mean, 12);
  });
});

describe('assessor severity', () => {
  const out = cycleResults(SHEETS, OPTIONS);
  const a = (id: string) => out.assessors.find((x) => x.assessorId === id)!;

  it('is the mean deviation from the other assessors on shared nominations', () => {
    // a: 70 − 85, 60 − 65, 50 − 80 → −50/3; b: 80 − 80, 65 − 60, 75 − 85 → −5/3; c: 90 − 75, 80 − 50, 85 − 75 → 55/3.
    expect(a('a').severity).toBeCloseTo(-50 / 3, 12);
    expect(a('b').severity).toBeCloseTo(-5 / 3, 12);
    expect(a('c').severity).toBeCloseTo(55 / 3, 12);
    expect(a('a').shared).toBe(3);
    expect(a('a').severityError).toBeCloseTo(standardDeviation([-15, -5, -30]) / Math.sqrt(3), 12);
  });

  it('names severe, lenient and in-line assessors in both languages', () => {
    expect([a('a').tendency, a('b').tendency, a('c').tendency]).toEqual(['severe', 'in_line', 'lenient']);
    expect(a('a').notes.at(-1)!.text.en).toBe(
      'Severe: on average 16.67 points below the other assessors over 3 shared nominations.',
    );
    expect(a('a').notes.at(-1)!.text.id).toBe(
      'Cenderung ketat: rata-rata 16,67 poin di bawah penilai lain pada 3 usulan bersama.',
    );
    expect(a('c').notes.at(-1)!.code).toBe('severityLenient');
  });

  it('does not judge an assessor with too few shared nominations', () => {
    const r = cycleResults(SHEETS, { ...OPTIONS, severity: { threshold: 5, minShared: 4 } });
    expect(r.assessors.every((x) => x.tendency === 'unknown')).toBe(true);
    const solo = cycleResults([sheet('x', 'a', 50)], OPTIONS);
    expect(solo.assessors[0]).toMatchObject({ severity: null, shared: 0, tendency: 'unknown' });
  });
});

/** Krippendorff's alpha straight from the definition: the coincidence matrix over distinct values. */
function alphaByCoincidences(units: number[][]): number | null {
  const o = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, w: number) => {
    if (!o.has(c)) o.set(c, new Map());
    o.get(c)!.set(k, (o.get(c)!.get(k) ?? 0) + w);
  };
  for (const u of units) {
    if (u.length < 2) continue;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) add(u[i]!, u[j]!, 1 / (u.length - 1));
  }
  const nc = new Map<number, number>();
  for (const [c, row] of o)
    nc.set(
      c,
      [...row.values()].reduce((a, b) => a + b, 0),
    );
  const n = [...nc.values()].reduce((a, b) => a + b, 0);
  let num = 0;
  let den = 0;
  for (const [c, row] of o) for (const [k, w] of row) num += w * (c - k) ** 2;
  for (const [c, a] of nc) for (const [k, b] of nc) den += a * b * (c - k) ** 2;
  if (den === 0) return null;
  return 1 - ((n - 1) * num) / den;
}

describe('agreement: Krippendorff’s alpha for interval data', () => {
  it('reproduces Krippendorff’s published example (4 observers, 12 units, missing values): α = 0.849', () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", reliability data matrix; · = missing.
    const observers: (number | null)[][] = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = observers[0]!.map((_, u) =>
      observers.map((o) => o[u]).filter((v): v is number => v !== null),
    );
    const r = krippendorffAlphaInterval(units);
    expect(r.alpha!).toBeCloseTo(0.849, 3);
    expect(r.pairableUnits).toBe(11); // the last unit has one value
    expect(r.pairableValues).toBe(40);
  });

  it('equals the coincidence-matrix definition on random panels with missing cells', () => {
    const rnd = seeded(42);
    for (let trial = 0; trial < 200; trial++) {
      const units: number[][] = [];
      const nUnits = rnd.int(1, 12);
      const assessors = rnd.int(1, 5);
      for (let u = 0; u < nUnits; u++) {
        const truth = rnd.int(1, 100);
        const values: number[] = [];
        for (let a = 0; a < assessors; a++)
          if (rnd.chance(0.7)) values.push(Math.max(0, Math.min(100, truth + rnd.int(-20, 20))));
        units.push(values);
      }
      const fast = krippendorffAlphaInterval(units).alpha;
      const slow = alphaByCoincidences(units);
      if (slow === null) expect(fast, `trial ${trial}`).toBeNull();
      else expect(fast!, `trial ${trial}`).toBeCloseTo(slow, 9);
    }
  });

  it('is 1 for perfect agreement, near 0 for noise, and undefined without variation or pairs', () => {
    expect(
      krippendorffAlphaInterval([
        [10, 10],
        [20, 20, 20],
        [35, 35],
      ]).alpha,
    ).toBe(1);
    const rnd = seeded(3);
    const noise = Array.from({ length: 2000 }, () => [rnd.int(0, 100), rnd.int(0, 100), rnd.int(0, 100)]);
    expect(Math.abs(krippendorffAlphaInterval(noise).alpha!)).toBeLessThan(0.05);
    expect(
      krippendorffAlphaInterval([
        [5, 5],
        [5, 5],
      ]).alpha,
    ).toBeNull();
    expect(krippendorffAlphaInterval([[5], [7]]).alpha).toBeNull();
    expect(krippendorffAlphaInterval([]).alpha).toBeNull();
  });

  it('is reported per cycle with Krippendorff’s reading', () => {
    const out = cycleResults(SHEETS, OPTIONS);
    expect(out.agreement.statistic).toBe('krippendorff_alpha_interval');
    expect(out.agreement.units).toBe(4);
    expect(out.agreement.values).toBe(9);
    expect(out.agreement.alpha).toBeCloseTo(
      alphaByCoincidences([
        [70, 80, 90],
        [60, 65],
        [50, 80],
        [75, 85],
      ])!,
      12,
    );
    expect(out.agreement.note.text.en).toMatch(
      /^Weak agreement: Krippendorff’s alpha -?0\.\d{3} over 4 nominations/,
    );
    expect([readAlpha(0.81), readAlpha(0.7), readAlpha(0.2), readAlpha(null)]).toEqual([
      'reliable',
      'tentative',
      'unreliable',
      'undefined',
    ]);
  });
});

describe('a whole cycle from raw sheets', () => {
  const rubric = defaultRubric('anyaman');
  const codes = rubric.aspects.flatMap((a) => a.criteria.map((c) => c.code));
  const all = (level: number) => Object.fromEntries(codes.map((c) => [c, level]));

  it('scores each sheet with its commodity’s rubric, then aggregates', () => {
    const out = computeCycle({
      rubrics: { anyaman: rubric },
      nominations: [{ id: 'n1', commodity: 'anyaman', expectedSheets: 2 }],
      sheets: [
        { nominationId: 'n1', assessorId: 'a', levels: all(3) },
        { nominationId: 'n1', assessorId: 'b', levels: all(2) },
      ],
    });
    expect(out.rejected).toEqual([]);
    const n1 = out.nominations[0]!;
    expect(n1.sheets.map((s) => s.total)).toEqual([100, expect.closeTo(200 / 3, 10)]);
    expect(n1.mean).toBeCloseTo(250 / 3, 10);
    expect(n1.aspects.A).toBeCloseTo(25, 10);
    expect(n1.complete).toBe(true);
  });

  it('leaves out (and reports) a sheet with criteria missing or without a rubric', () => {
    const partial = all(2);
    delete partial.C3;
    const out = computeCycle({
      rubrics: { anyaman: rubric },
      nominations: [
        { id: 'n1', commodity: 'anyaman' },
        { id: 'n2', commodity: 'gerabah' },
      ],
      sheets: [
        { nominationId: 'n1', assessorId: 'a', levels: partial },
        { nominationId: 'n2', assessorId: 'a', levels: all(2) },
      ],
    });
    expect(out.rejected.map((r) => r.note.code)).toEqual(['sheetIncompleteLeftOut', 'sheetNoRubric']);
    expect(out.rejected[0]!.note.text.en).toBe('Sheet left out: 1 criterion has no level (C3).');
    expect(out.nominations.every((n) => n.count === 0)).toBe(true);
  });

  it('serialises its notes with their text (for the API and exports)', () => {
    const out = cycleResults(SHEETS, OPTIONS);
    const json = JSON.parse(JSON.stringify(out.nominations[0]!.notes[0]));
    expect(json).toMatchObject({
      code: 'spreadOverThreshold',
      text: { id: expect.any(String), en: expect.any(String) },
    });
  });
});
