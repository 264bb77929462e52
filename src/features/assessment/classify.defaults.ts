/**
 * Illustrative star scales and gates for a new cycle, to be edited: the brief found no official
 * score bands (§2.2, NOT FOUND). The 1–5 bands follow the Thai OTOP figures remembered in the brief
 * (§3, unverified), which agree with the Sidoarjo study's "82 → 4 stars"; the 1–3 bands are ours.
 */
import type { Gate, StarScale } from './classify.rules.ts';

/** 1–3 stars (the 2022 and 2024 rounds): below 60 no star; 60–70 ★; 70–80 ★★; 80–100 ★★★. */
export const DEFAULT_SCALE_3: StarScale = {
  maxStar: 3,
  bands: [
    { star: 0, min: 0, max: 60 },
    { star: 1, min: 60, max: 70 },
    { star: 2, min: 70, max: 80 },
    { star: 3, min: 80, max: 100 },
  ],
};

/** 1–5 stars (2013–2018 rounds): below 50 ★; 50–70 ★★; 70–80 ★★★; 80–90 ★★★★; 90–100 ★★★★★. */
export const DEFAULT_SCALE_5: StarScale = {
  maxStar: 5,
  bands: [
    { star: 1, min: 0, max: 50 },
    { star: 2, min: 50, max: 70 },
    { star: 3, min: 70, max: 80 },
    { star: 4, min: 80, max: 90 },
    { star: 5, min: 90, max: 100 },
  ],
};

/** Market reach values, lowest first (the `marketReach` fact). */
export const MARKET_REACHES = ['local', 'regional', 'national', 'export'] as const;
export type MarketReach = (typeof MARKET_REACHES)[number];

/**
 * The default gates for a scale of `maxStar` stars. Facts they read: `legality` (true when the IKM's
 * NIB is valid), `commodity`, `foodPermits` (true when a food product holds its distribution
 * permit, halal certificate and laboratory test), `marketReach` (one of MARKET_REACHES).
 */
export function defaultGates(maxStar: number): Gate[] {
  return [
    {
      code: 'legality',
      effect: 'deny',
      when: [{ fact: 'legality', op: 'not_true' }],
      reason: {
        id: 'legalitas usaha (NIB) belum lengkap atau tidak berlaku',
        en: 'the business’s legality (NIB) is missing or not valid',
      },
    },
    {
      code: 'food_permits',
      effect: 'deny',
      when: [
        { fact: 'commodity', op: 'in', values: ['makanan_minuman'] },
        { fact: 'foodPermits', op: 'not_true' },
      ],
      reason: {
        id: 'produk pangan belum memiliki izin edar, sertifikat halal dan hasil uji laboratorium',
        en: 'the food product lacks its distribution permit, halal certificate or laboratory test',
      },
    },
    {
      code: 'market_reach',
      effect: 'cap',
      maxStar: maxStar - 1,
      // Illustrative (brief §2.2: "82, 4 stars, domestic only"); on the 1–3 scale it starts switched off.
      enabled: maxStar >= 5,
      when: [{ fact: 'marketReach', op: 'in', values: ['local', 'regional', 'national'] }],
      reason: {
        id: 'produk baru dipasarkan di dalam negeri',
        en: 'the product is sold only within Indonesia',
      },
    },
  ];
}
