import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE_THRESHOLDS, sizeClassOf } from './size-class.ts';

describe('size class (Permenperin 64/2016)', () => {
  it.each([
    [5, 50_000_000, 'kecil'],
    [19, 999_999_999, 'kecil'],
    [19, 1_000_000_000, 'menengah'],
    [3, 20_000_000_000, 'menengah'],
    [20, 500_000_000, 'menengah'],
    [120, 15_000_000_000, 'menengah'],
    [20, 15_000_000_001, 'besar'],
    [0, 0, 'kecil'],
  ])('%i workers and Rp %i is %s', (workers, investment, expected) => {
    expect(sizeClassOf(workers, investment)).toBe(expected);
  });

  it('is unknown while the workforce or the investment is missing', () => {
    expect(sizeClassOf(null, 10_000_000)).toBeNull();
    expect(sizeClassOf(12, undefined)).toBeNull();
  });

  it('follows edited thresholds', () => {
    const t = { ...DEFAULT_SIZE_THRESHOLDS, smallMaxWorkers: 4, smallInvestmentBelow: 100_000_000 };
    expect(sizeClassOf(5, 50_000_000, t)).toBe('menengah');
    expect(sizeClassOf(4, 99_000_000, t)).toBe('kecil');
  });
});
