import { describe, expect, it } from 'vitest';
import { seeded } from '../../../tests/helpers/random.ts';
import { DEFAULT_SCALE_3, DEFAULT_SCALE_5, defaultGates } from './classify.defaults.ts';
import {
  bandFor,
  classify,
  type Gate,
  type RankInput,
  rankWithinCommodity,
  type StarScale,
  validateBands,
  validateGates,
} from './classify.rules.ts';

const scale = (bands: [number, number, number][], maxStar = 3): StarScale => ({
  maxStar,
  bands: bands.map(([star, min, max]) => ({ star, min, max })),
});
const codes = (s: StarScale) => validateBands(s).map((v) => v.code);

describe('score bands', () => {
  it('accept the defaults for 1–3 and 1–5 stars', () => {
    expect(validateBands(DEFAULT_SCALE_3)).toEqual([]);
    expect(validateBands(DEFAULT_SCALE_5)).toEqual([]);
  });

  it('refuse overlapping bands, naming both and the overlap', () => {
    const v = validateBands(
      scale([
        [0, 0, 60],
        [1, 60, 72],
        [2, 70, 80],
        [3, 80, 100],
      ]),
    );
    expect(v.map((x) => [x.code, x.path])).toEqual([['bandsOverlap', 'bands.2.min']]);
    expect(v[0]!.text.en).toBe('The bands for 1 star and 2 stars overlap at scores 70–72.');
    expect(v[0]!.text.id).toBe('Rentang 1 bintang dan 2 bintang bertumpang tindih pada skor 70–72.');
  });

  it('refuse a gap between bands (scores such as 69.5 would have no class)', () => {
    const v = validateBands(
      scale([
        [0, 0, 60],
        [1, 60, 69],
        [2, 70, 80],
        [3, 80, 100],
      ]),
    );
    expect(v.map((x) => x.code)).toEqual(['bandsGap']);
    expect(v[0]!.text.en).toBe('Scores from 69 to 70 fall in no band; make the bands meet.');
  });

  it('refuse bands that do not cover the whole scale, at either end', () => {
    expect(
      codes(
        scale([
          [1, 10, 60],
          [2, 60, 80],
          [3, 80, 100],
        ]),
      ),
    ).toEqual(['bandsGap']);
    const top = validateBands(
      scale([
        [1, 0, 60],
        [2, 60, 80],
        [3, 80, 95],
      ]),
    );
    expect(top[0]!.text.en).toBe('Scores from 95 to 100 fall in no band; make the bands meet.');
  });

  it('refuse a missing star, a duplicate star, a star outside the scale and an empty band', () => {
    expect(
      codes(
        scale([
          [0, 0, 60],
          [1, 60, 80],
          [3, 80, 100],
        ]),
      ),
    ).toEqual(['bandStarMissing']);
    expect(
      codes(
        scale([
          [1, 0, 60],
          [1, 60, 70],
          [2, 70, 80],
          [3, 80, 100],
        ]),
      ),
    ).toEqual(expect.arrayContaining(['bandStarDuplicate']));
    expect(
      codes(
        scale([
          [1, 0, 60],
          [2, 60, 80],
          [3, 80, 90],
          [4, 90, 100],
        ]),
      ),
    ).toEqual(['bandStarOutOfScale']);
    expect(
      codes(
        scale([
          [1, 0, 60],
          [2, 60, 60],
          [3, 60, 100],
        ]),
      ),
    ).toEqual(['bandEmpty']);
    expect(
      codes(
        scale([
          [1, -10, 60],
          [2, 60, 80],
          [3, 80, 100],
        ]),
      ),
    ).toEqual(['bandOutsideScale']);
  });

  it('refuse stars that do not rise with the score', () => {
    const v = validateBands(
      scale([
        [0, 0, 60],
        [2, 60, 70],
        [1, 70, 80],
        [3, 80, 100],
      ]),
    );
    expect(v.map((x) => x.code)).toEqual(['bandsNotRising']);
    expect(v[0]!.text.en).toBe(
      'The band for 1 star lies above the band for 2 stars; stars must rise with the score.',
    );
  });

  it('refuse no bands and a bad scale', () => {
    expect(codes({ maxStar: 3, bands: [] })).toEqual(['bandsEmpty']);
    expect(codes({ maxStar: 0, bands: [] })).toEqual(['scaleMaxStarInvalid']);
  });

  it('are half-open: the lower edge belongs to the band, the upper edge to the next, 100 to the top band', () => {
    expect(bandFor(70, DEFAULT_SCALE_3)!.star).toBe(2);
    expect(bandFor(69.99, DEFAULT_SCALE_3)!.star).toBe(1);
    expect(bandFor(100, DEFAULT_SCALE_3)!.star).toBe(3);
    expect(bandFor(0, DEFAULT_SCALE_3)!.star).toBe(0);
    expect(bandFor(101, DEFAULT_SCALE_3)).toBeNull();
  });
});

describe('classification', () => {
  const facts = { legality: true, commodity: 'kain_tenun', marketReach: 'export', foodPermits: false };

  it('gives the band’s star and explains it in both languages', () => {
    const c = classify(82.5, DEFAULT_SCALE_3, defaultGates(3), facts);
    expect(c).toMatchObject({ bandStar: 3, star: 3, gates: [] });
    expect(c.notes.map((n) => n.text.en)).toEqual([
      'Score 82.5 lies in the band 80–100: 3 stars.',
      'Result: 3 stars.',
    ]);
    expect(c.notes[0]!.text.id).toBe('Skor 82,5 berada pada rentang 80–100: 3 bintang.');
  });

  it('classifies the score as shown: 79.995 shows as 80.00 and earns the band from 80', () => {
    expect(classify(79.995, DEFAULT_SCALE_3).star).toBe(3);
    expect(classify(79.994, DEFAULT_SCALE_3).star).toBe(2);
  });

  it('denies any star without legality, whatever the score', () => {
    const c = classify(95, DEFAULT_SCALE_3, defaultGates(3), { ...facts, legality: false });
    expect(c).toMatchObject({ bandStar: 3, star: 0 });
    expect(c.gates.map((g) => [g.code, g.from, g.to])).toEqual([['legality', 3, 0]]);
    expect(c.notes.map((n) => n.text.en)).toContain(
      'No star: the business’s legality (NIB) is missing or not valid.',
    );
    expect(c.notes.at(-1)!.text.id).toBe('Hasil: tanpa bintang.');
  });

  it('denies a star when legality is not recorded at all, and says the fact is unknown', () => {
    const c = classify(95, DEFAULT_SCALE_3, defaultGates(3), { commodity: 'kain_tenun' });
    expect(c.star).toBe(0);
    expect(c.unknownFacts).toContain('legality');
    expect(c.notes.map((n) => n.code)).toContain('gateFactUnknown');
  });

  it('denies a food product without its permits, but not a cloth', () => {
    expect(
      classify(90, DEFAULT_SCALE_3, defaultGates(3), { ...facts, commodity: 'makanan_minuman' }).star,
    ).toBe(0);
    expect(classify(90, DEFAULT_SCALE_3, defaultGates(3), { ...facts, commodity: 'kain_tenun' }).star).toBe(
      3,
    );
  });

  it('caps a star by market reach (domestic only → at most 4 of 5), explaining from and to', () => {
    const c = classify(92, DEFAULT_SCALE_5, defaultGates(5), { ...facts, marketReach: 'national' });
    expect(c).toMatchObject({ bandStar: 5, star: 4 });
    expect(c.gates[0]).toMatchObject({ code: 'market_reach', effect: 'cap', from: 5, to: 4, cap: 4 });
    expect(c.gates[0]!.note.text.en).toBe(
      'Capped from 5 stars to 4 stars: the product is sold only within Indonesia.',
    );
  });

  it('reports a cap that changes nothing, and ignores a disabled gate', () => {
    const c = classify(72, DEFAULT_SCALE_5, defaultGates(5), { ...facts, marketReach: 'local' });
    expect(c.star).toBe(3);
    expect(c.gates[0]!.note.code).toBe('gateCapNoEffect');
    // On the 1–3 scale the market gate starts switched off.
    expect(classify(92, DEFAULT_SCALE_3, defaultGates(3), { ...facts, marketReach: 'local' }).star).toBe(3);
  });

  it('applies the lowest of several caps, and a denial over any cap', () => {
    const gates: Gate[] = [
      {
        code: 'c3',
        effect: 'cap',
        maxStar: 3,
        when: [{ fact: 'x', op: 'not_true' }],
        reason: { id: 'x', en: 'x' },
      },
      {
        code: 'c1',
        effect: 'cap',
        maxStar: 1,
        when: [{ fact: 'y', op: 'below', value: 5 }],
        reason: { id: 'y', en: 'y' },
      },
    ];
    expect(classify(95, DEFAULT_SCALE_5, gates, { x: false, y: 2 }).star).toBe(1);
    expect(classify(95, DEFAULT_SCALE_5, gates, { x: false, y: 7 }).star).toBe(3);
    expect(
      classify(95, DEFAULT_SCALE_5, [...gates, ...defaultGates(5)], { x: false, y: 2, legality: false }).star,
    ).toBe(0);
  });

  it('validates gates', () => {
    const bad: Gate[] = [
      { code: 'a', effect: 'cap', maxStar: 3, when: [{ fact: 'f', op: 'in' }], reason: { id: 'r', en: 'r' } },
      { code: 'a', effect: 'deny', when: [], reason: { id: '', en: 'r' } },
      { code: 'b', effect: 'cap', when: [{ fact: 'g', op: 'below' }], reason: { id: 'r', en: 'r' } },
    ];
    expect(validateGates(bad, 3).map((v) => [v.code, v.path])).toEqual([
      ['gateCapInvalid', 'gates.0.maxStar'],
      ['gateConditionValuesMissing', 'gates.0.when.0.values'],
      ['gateCodeDuplicate', 'gates.1.code'],
      ['gateNoCondition', 'gates.1.when'],
      ['gateReasonMissing', 'gates.1.reason'],
      ['gateCapInvalid', 'gates.2.maxStar'],
      ['gateConditionValueMissing', 'gates.2.when.0.value'],
    ]);
    expect(validateGates(defaultGates(3), 3)).toEqual([]);
    expect(validateGates(defaultGates(5), 5)).toEqual([]);
  });
});

describe('ranking within each commodity', () => {
  const item = (
    id: string,
    score: number | null,
    aspects: Record<string, number> = {},
    submittedAt?: string,
    star = 3,
  ): RankInput => ({
    id,
    commodity: 'kain_tenun',
    score,
    star,
    aspects,
    ...(submittedAt ? { submittedAt } : {}),
  });

  it('orders by score and ranks each commodity on its own', () => {
    const r = rankWithinCommodity([
      item('a', 70),
      { ...item('b', 90), commodity: 'gerabah' },
      item('c', 85),
      { ...item('d', 60), commodity: 'gerabah' },
    ]);
    expect(r.map((x) => [x.id, x.commodity, x.rank])).toEqual([
      ['c', 'kain_tenun', 1],
      ['a', 'kain_tenun', 2],
      ['b', 'gerabah', 1],
      ['d', 'gerabah', 2],
    ]);
  });

  it('breaks a tie on the shown score by the higher aspect C, explaining it to both sides', () => {
    const r = rankWithinCommodity([
      { ...item('a', 80.001, { C: 30, A: 25 }), label: 'Tenun Kandar' },
      { ...item('b', 79.999, { C: 32, A: 20 }), label: 'Tenun Larsasam' },
    ]);
    expect(r.map((x) => [x.id, x.rank, x.shared])).toEqual([
      ['b', 1, false],
      ['a', 2, false],
    ]);
    expect(r[0]!.tiedWith).toEqual(['a']);
    expect(r[0]!.notes[0]!.text.en).toBe(
      'Same score as Tenun Kandar (80); placed above it by the higher aspect C score (32.00 against 30.00).',
    );
    expect(r[1]!.notes[0]!.text.id).toBe(
      'Skor sama dengan Tenun Larsasam (80); ditempatkan di bawahnya karena skor aspek C yang lebih tinggi (30,00 lawan 32,00).',
    );
  });

  it('then by aspect A, then by the earlier submission', () => {
    const byA = rankWithinCommodity([item('a', 80, { C: 30, A: 20 }), item('b', 80, { C: 30, A: 22 })]);
    expect(byA.map((x) => x.id)).toEqual(['b', 'a']);
    expect(byA[0]!.notes[0]!.text.en).toContain('the higher aspect A score');
    const byTime = rankWithinCommodity([
      item('late', 80, { C: 30, A: 20 }, '2024-06-20T03:00:00Z'),
      item('early', 80, { C: 30, A: 20 }, '2024-06-10T03:00:00Z'),
    ]);
    expect(byTime.map((x) => [x.id, x.rank])).toEqual([
      ['early', 1],
      ['late', 2],
    ]);
    expect(byTime[0]!.notes[0]!.text.en).toBe(
      'Same score as late (80); placed above it by the earlier submission (10 Jun 2024 12:00 WIT against 20 Jun 2024 12:00 WIT).',
    );
  });

  it('shares the rank when still tied, and the next rank skips (1, 1, 3)', () => {
    const r = rankWithinCommodity([
      item('a', 80, { C: 30, A: 20 }, '2024-06-10T03:00:00Z'),
      item('b', 80, { C: 30, A: 20 }, '2024-06-10T03:00:00Z'),
      item('c', 75),
    ]);
    expect(r.map((x) => [x.id, x.rank, x.shared])).toEqual([
      ['a', 1, true],
      ['b', 1, true],
      ['c', 3, false],
    ]);
    expect(r[0]!.notes[0]!.text.en).toBe(
      'Shares its rank with b: the same score 80, and equal on the higher aspect C score, the higher aspect A score and the earlier submission.',
    );
  });

  it('ranks by star first: a nomination a gate denied sits below every starred one', () => {
    const r = rankWithinCommodity([
      item('denied', 95, {}, undefined, 0),
      item('starred', 70, {}, undefined, 2),
    ]);
    expect(r.map((x) => x.id)).toEqual(['starred', 'denied']);
    expect(
      rankWithinCommodity([item('denied', 95, {}, undefined, 0), item('starred', 70, {}, undefined, 2)], {
        byStar: false,
      })[0]!.id,
    ).toBe('denied');
  });

  it('leaves a nomination without a score unranked, saying why', () => {
    const r = rankWithinCommodity([item('x', null), item('y', 60)]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['y', 1],
      ['x', null],
    ]);
    expect(r[1]!.notes[0]!.text.en).toBe('Not ranked: no score yet.');
  });

  it('property: ranks never contradict the keys, and equal ranks mean equal keys (random data)', () => {
    const rnd = seeded(11);
    for (let trial = 0; trial < 100; trial++) {
      const items = Array.from({ length: rnd.int(1, 15) }, (_, i) =>
        item(
          `n${i}`,
          rnd.pick([70, 75, 80, 80.004]),
          { C: rnd.pick([30, 32]), A: rnd.pick([20, 22]) },
          rnd.pick(['2024-06-10T00:00:00Z', '2024-06-11T00:00:00Z']),
          rnd.int(1, 3),
        ),
      );
      const r = rankWithinCommodity(items);
      const by = new Map(items.map((i) => [i.id, i]));
      const key = (id: string) => {
        const i = by.get(id)!;
        return [
          i.star!,
          Math.round(i.score! * 100),
          i.aspects!.C!,
          i.aspects!.A!,
          -Date.parse(String(i.submittedAt)),
        ];
      };
      for (let a = 0; a < r.length; a++)
        for (let b = 0; b < r.length; b++) {
          const ka = key(r[a]!.id);
          const kb = key(r[b]!.id);
          const cmp = ka.findIndex((x, i) => x !== kb[i]!);
          if (cmp === -1) expect(r[a]!.rank).toBe(r[b]!.rank);
          else if (ka[cmp]! > kb[cmp]!) expect(r[a]!.rank!).toBeLessThan(r[b]!.rank!);
        }
      // competition ranking: rank = 1 + number strictly ahead
      for (const x of r) expect(x.rank).toBe(1 + r.filter((y) => y.rank! < x.rank!).length);
    }
  });
});
