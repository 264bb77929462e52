/**
 * The size class of an IKM under Permenperin 64/2016 (brief §1.2). The thresholds are configurable
 * (PP 28/2021 may have moved them): an admin edits them, and every IKM is reclassified.
 */
import type { SizeClass } from '../../platform/registry-domain.ts';

export interface SizeThresholds {
  /** Industri kecil employs at most this many workers… */
  smallMaxWorkers: number;
  /** …and invests less than this (rupiah, excluding land and buildings). */
  smallInvestmentBelow: number;
  /** With more workers, industri menengah invests at most this; above it the industry is large. */
  mediumMaxInvestment: number;
}

export const DEFAULT_SIZE_THRESHOLDS: SizeThresholds = {
  smallMaxWorkers: 19,
  smallInvestmentBelow: 1_000_000_000,
  mediumMaxInvestment: 15_000_000_000,
};

/**
 * Kecil: up to 19 workers and investment below Rp 1 billion. Menengah: up to 19 workers and
 * Rp 1 billion or more, or 20+ workers and up to Rp 15 billion. Besar: 20+ workers and more.
 * Unknown (null) while the workforce or the investment is missing.
 */
export function sizeClassOf(
  workforce: number | null | undefined,
  investment: number | null | undefined,
  t: SizeThresholds = DEFAULT_SIZE_THRESHOLDS,
): SizeClass | null {
  if (workforce === null || workforce === undefined || investment === null || investment === undefined)
    return null;
  if (workforce <= t.smallMaxWorkers) return investment < t.smallInvestmentBelow ? 'kecil' : 'menengah';
  return investment <= t.mediumMaxInvestment ? 'menengah' : 'besar';
}
