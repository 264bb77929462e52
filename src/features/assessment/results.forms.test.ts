import { describe, expect, it } from 'vitest';
import { conditionLines, parseCoachingMap, parseConditions, SettingsForm } from './results.forms.ts';
import { defaultGates } from './classify.defaults.ts';
import { validateBands } from './classify.rules.ts';
import { starChangeOf } from './results.service.ts';
import { scaleOf } from './settings.service.ts';

describe('gate conditions as lines', () => {
  it('reads the default gates back from the lines the form shows', () => {
    for (const g of defaultGates(5))
      expect(parseConditions(conditionLines(g.when))).toEqual({ when: g.when, bad: [] });
  });
  it('names each line it cannot read', () => {
    const out = parseConditions('legality not_true\nscore below abc\nmarketReach maybe local\n');
    expect(out.when).toEqual([{ fact: 'legality', op: 'not_true' }]);
    expect(out.bad).toEqual(['score below abc', 'marketReach maybe local']);
  });
});

describe('coaching map lines', () => {
  it('keeps known kinds and names the rest', () => {
    expect(parseCoachingMap('A1 equipment\nB3=promotion\nC2 massage')).toEqual({
      map: { A1: 'equipment', B3: 'promotion' },
      bad: ['C2 massage'],
    });
  });
});

describe('the cycle bands as a scale', () => {
  it('adds the no-star band below the lowest band and validates overlaps and gaps', () => {
    const scale = scaleOf(3, [
      { stars: 1, min: 50, max: 65 },
      { stars: 2, min: 65, max: 80 },
      { stars: 3, min: 80, max: 100 },
    ]);
    expect(scale.bands[0]).toEqual({ star: 0, min: 0, max: 50 });
    expect(validateBands(scale)).toEqual([]);
    const overlap = scaleOf(3, [
      { stars: 1, min: 50, max: 70 },
      { stars: 2, min: 65, max: 80 },
      { stars: 3, min: 80, max: 100 },
    ]);
    expect(validateBands(overlap).map((v) => v.code)).toEqual(['bandsOverlap']);
  });
});

describe('star change on re-evaluation', () => {
  it('is new without an earlier star, else kept, raised or lowered', () => {
    expect(starChangeOf(null, 2)).toBe('new');
    expect(starChangeOf(2, 2)).toBe('kept');
    expect(starChangeOf(2, 3)).toBe('raised');
    expect(starChangeOf(3, 0)).toBe('lowered');
  });
});

describe('the settings form', () => {
  it('nests the flat fields into options, bands and gates', () => {
    const out = SettingsForm.parse({
      version: '1',
      cycleVersion: '2',
      k: '3',
      aggregate: 'median',
      measure: 'sd',
      threshold: '',
      normalise: 'on',
      minSheets: '5',
      severityThreshold: '4,5',
      severityShared: '3',
      'bands.1.min': '50',
      'bands.1.max': '65',
      'bands.2.min': '65',
      'bands.2.max': '80',
      'bands.3.min': '80',
      'bands.3.max': '100',
      'gates.0.code': 'legality',
      'gates.0.enabled': 'on',
      'gates.0.effect': 'deny',
      'gates.0.when': 'legality not_true',
      'gates.0.reasonId': 'tanpa NIB',
      'gates.0.reasonEn': 'no NIB',
      'gates.1.code': '',
    });
    expect(out.resultsOptions).toEqual({
      aggregate: 'median',
      disagreement: { measure: 'sd', threshold: null },
      normalise: true,
      minSheetsToNormalise: 5,
      severity: { threshold: 4.5, minShared: 3 },
    });
    expect(out.bands).toEqual([
      { stars: 1, min: 50, max: 65 },
      { stars: 2, min: 65, max: 80 },
      { stars: 3, min: 80, max: 100 },
    ]);
    expect(out.gates).toEqual([
      {
        code: 'legality',
        effect: 'deny',
        enabled: true,
        when: [{ fact: 'legality', op: 'not_true' }],
        reason: { id: 'tanpa NIB', en: 'no NIB' },
      },
    ]);
  });
});
