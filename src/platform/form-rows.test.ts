import { describe, expect, it } from 'vitest';
import { flattenValues, nestValues, rowIndices } from './form-rows.ts';

describe('form rows', () => {
  it('nests path-named fields and flattens them back', () => {
    const flat = {
      name: 'x',
      'bands.0.min': '1',
      'bands.2.min': '3',
      'phases.proposal.start': 's',
      'checklist.0.fileKinds': ['pdf', 'png'],
    };
    const nested = nestValues(flat);
    expect(nested).toEqual({
      name: 'x',
      bands: [{ min: '1' }, undefined, { min: '3' }],
      phases: { proposal: { start: 's' } },
      checklist: [{ fileKinds: ['pdf', 'png'] }],
    });
    expect(flattenValues(nested)).toEqual(flat);
    expect(rowIndices(flat, 'bands')).toEqual([0, 2]);
  });

  it('ignores prototype keys and absurd indices', () => {
    const nested = nestValues({ '__proto__.x': '1', 'a.100000.b': '2' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(nested).toEqual({ a: [] });
  });
});
