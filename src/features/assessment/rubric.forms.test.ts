import { describe, expect, it } from 'vitest';
import { nestValues } from '../../platform/form-rows.ts';
import { defaultRubric, JUKNIS_WEIGHT_RULE } from './rubric.defaults.ts';
import {
  applyCriterion,
  applyOverview,
  CriterionForm,
  criterionOp,
  criterionOwns,
  criterionValues,
  OverviewForm,
  overviewOp,
  overviewOwns,
  overviewValues,
} from './rubric.forms.ts';
import { validateRubric } from './rubric.rules.ts';

const parseOverview = (flat: Record<string, unknown>) => OverviewForm.parse(nestValues(flat));

describe('the overview form', () => {
  it('gives back the same rubric and rule when saved unchanged', () => {
    const r = defaultRubric('gerabah');
    const out = applyOverview(r, parseOverview(overviewValues(r, JUKNIS_WEIGHT_RULE, 1)));
    expect(out.content).toEqual(r);
    expect(out.weightRule).toEqual(JUKNIS_WEIGHT_RULE);
  });

  it('keeps a criterion’s levels when its code is renamed, and drops rows left blank', () => {
    const r = defaultRubric('gerabah');
    let flat = overviewValues(r, JUKNIS_WEIGHT_RULE, 1);
    flat['aspects.0.criteria.0.code'] = 'A1x';
    flat = overviewOp(flat, 'addCriterion:0')!;
    expect(flat['aspects.0.criteria.10.code']).toBe('');
    const out = applyOverview(r, parseOverview(flat));
    const a1 = out.content.aspects[0]!.criteria[0]!;
    expect(a1.code).toBe('A1x');
    expect(a1.levels).toEqual(r.aspects[0]!.criteria[0]!.levels);
    expect(out.content.aspects[0]!.criteria).toHaveLength(10);
  });

  it('adds a new criterion without levels, which only its own page can fix', () => {
    const r = defaultRubric('gerabah');
    let flat = overviewValues(r, JUKNIS_WEIGHT_RULE, 1);
    flat = overviewOp(flat, 'addCriterion:2')!;
    flat['aspects.2.criteria.10.code'] = 'C11';
    flat['aspects.2.criteria.10.name.id'] = 'Kemasan ramah lingkungan';
    flat['aspects.2.criteria.10.name.en'] = 'Eco-friendly packaging';
    flat['aspects.2.criteria.10.weight'] = '4';
    flat['aspects.2.criteria.0.weight'] = '2';
    flat['aspects.2.criteria.1.weight'] = '2';
    const out = applyOverview(r, parseOverview(flat));
    const violations = validateRubric(out.content, out.weightRule);
    expect(violations.map((v) => v.path)).toEqual(['aspects.2.criteria.10.levels']);
    expect(violations.filter((v) => overviewOwns(v.path))).toEqual([]);
  });

  it('removes a criterion and an aspect by their buttons', () => {
    const r = defaultRubric('gerabah');
    const flat = overviewOp(overviewValues(r, JUKNIS_WEIGHT_RULE, 1), 'removeCriterion:1.0')!;
    expect(flat['aspects.1.criteria.0.code']).toBe('B2');
    const fewer = overviewOp(flat, 'removeAspect:0')!;
    expect(fewer['aspects.0.code']).toBe('B');
    expect(overviewOp(flat, 'removeCriterion:9.0')).toBeNull();
    expect(overviewOp(flat, 'nonsense')).toBeNull();
  });

  it('reads the weights in Indonesian notation and refuses text', () => {
    const r = defaultRubric('gerabah');
    const flat = overviewValues(r, JUKNIS_WEIGHT_RULE, 1);
    flat['aspects.0.criteria.0.weight'] = '2,5';
    expect(parseOverview(flat).aspects[0]!.criteria[0]!.weight).toBe(2.5);
    flat['aspects.0.criteria.0.weight'] = 'tiga';
    const bad = OverviewForm.safeParse(nestValues(flat));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.join('.')).toBe('aspects.0.criteria.0.weight');
  });
});

describe('the criterion form', () => {
  it('gives back the same criterion when saved unchanged', () => {
    const r = defaultRubric('anyaman');
    const c = r.aspects[0]!.criteria[3]!;
    const input = CriterionForm.parse(nestValues(criterionValues(c, 1)));
    expect(applyCriterion(r, c.code, input)).toEqual(r);
  });

  it('adds and removes levels, renumbering them in order', () => {
    const r = defaultRubric('anyaman');
    const c = r.aspects[0]!.criteria[0]!;
    let flat = criterionOp(criterionValues(c, 1), 'addLevel')!;
    expect(flat['levels.3.points']).toBe('4');
    flat = criterionOp(flat, 'removeLevel:0')!;
    flat['levels.2.descriptor.id'] = 'Luar biasa';
    flat['levels.2.descriptor.en'] = 'Outstanding';
    const out = applyCriterion(r, c.code, CriterionForm.parse(nestValues(flat)));
    const levels = out.aspects[0]!.criteria[0]!.levels;
    expect(levels.map((l) => [l.level, l.points])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('offers three blank levels for a criterion that has none', () => {
    const flat = criterionValues(
      { code: 'X1', name: { id: 'a', en: 'b' }, weight: 1, levels: [], coaching: 'training' },
      1,
    );
    expect(flat['levels.2.label.id']).toBe('Baik');
    expect(flat['levels.2.descriptor.id']).toBe('');
  });

  it('owns the paths under its criterion except its code and weight', () => {
    const owns = criterionOwns('aspects.0.criteria.3');
    expect(owns('aspects.0.criteria.3.levels.1.points')).toBe(true);
    expect(owns('aspects.0.criteria.3.name')).toBe(true);
    expect(owns('aspects.0.criteria.3.weight')).toBe(false);
    expect(owns('aspects.0.criteria.30.levels')).toBe(false);
  });
});
