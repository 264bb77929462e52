import { describe, expect, it } from 'vitest';
import { aspectWeights, diffRubric } from './rubric.diff.ts';
import { defaultRubric, JUKNIS_WEIGHT_RULE } from './rubric.defaults.ts';
import type { Rubric } from './rubric.rules.ts';

const base = () => ({ content: defaultRubric('makanan_minuman'), weightRule: JUKNIS_WEIGHT_RULE });
const crit = (r: Rubric, code: string) => r.aspects.flatMap((a) => a.criteria).find((c) => c.code === code)!;

describe('diffRubric', () => {
  it('finds nothing between a version and its copy', () => {
    expect(diffRubric(base(), base())).toEqual([]);
  });

  it('names a weight change and the aspect total it moves', () => {
    const b = base();
    crit(b.content, 'A1').weight = 5;
    expect(diffRubric(base(), b)).toEqual([
      { kind: 'aspectWeight', aspect: 'A', from: 30, to: 32 },
      { kind: 'weight', criterion: 'A1', from: 3, to: 5 },
    ]);
  });

  it('names added and removed criteria, and level points, labels and descriptors', () => {
    const b = base();
    const a = b.content.aspects[0]!;
    a.criteria = a.criteria.filter((c) => c.code !== 'A10');
    a.criteria.push({ ...crit(b.content, 'A1'), code: 'A11', name: { id: 'Baru', en: 'New' } });
    const a2 = crit(b.content, 'A2');
    a2.levels[2] = { ...a2.levels[2]!, points: 4, descriptor: { id: 'Lebih', en: 'More' } };
    a2.levels.push({
      level: 4,
      points: 5,
      label: { id: 'Istimewa', en: 'Excellent' },
      descriptor: { id: 'x', en: 'x' },
    });
    const kinds = diffRubric(base(), b).map((c) => `${c.kind}:${'criterion' in c ? c.criterion : ''}`);
    expect(kinds).toEqual([
      'criterionRemoved:A10',
      'levelPoints:A2',
      'levelDescriptor:A2',
      'levelAdded:A2',
      'criterionAdded:A11',
    ]);
  });

  it('names a changed rule, a renamed aspect and a moved criterion', () => {
    const b = base();
    b.weightRule = { total: 100, minLevels: 2 };
    b.content.aspects[1]!.name = { id: 'Pemasaran', en: 'Marketing' };
    const moved = b.content.aspects[0]!.criteria.shift()!;
    b.content.aspects[1]!.criteria.push(moved);
    const changes = diffRubric(base(), b);
    expect(changes.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['rule', 'aspectRenamed', 'criterionMoved', 'aspectWeight']),
    );
    expect(changes.find((c) => c.kind === 'criterionMoved')).toEqual({
      kind: 'criterionMoved',
      criterion: 'A1',
      from: 'A',
      to: 'B',
    });
  });

  it('sums aspect weights', () => {
    expect(aspectWeights(defaultRubric('kain_batik'))).toEqual({ A: 30, B: 30, C: 40 });
  });
});
