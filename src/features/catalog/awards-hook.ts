/**
 * Where the awards feature plugs its stars into the public catalog (ADR 0503). The catalog never
 * reads the awards' tables: it asks these functions, which answer "no award" until the awards feature
 * registers its provider in app.ts (`registerCatalogAwards(provider)`), as the region and IKM panels do.
 * Then the product cards and pages show the star, its validity and the verification link, the star
 * filter appears, awarded products are featured first, and the API carries `award`.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** What the public may see of a product's OVOP star: only a published, current, unrevoked award. */
export interface PublicAward {
  productId: string;
  /** The star class awarded, 1..starMax. */
  stars: number;
  /** The cycle's star scale: 3 since 2022, 5 before. */
  starMax: number;
  /** The cycle as the public knows it, e.g. "OVOP 2024". */
  cycleName: string;
  /** Calendar dates (YYYY-MM-DD, in the province's zone) between which the star is valid. */
  validFrom: string;
  validUntil: string;
  /** The public verification page of its certificate, a fixed address: `/verifikasi/<code>`. */
  verificationPath: string;
}

/** What the awards feature implements for the catalog. */
export interface CatalogAwards {
  /** The current public awards of these products, by product id (products without one are absent). */
  forProducts(db: Db, productIds: readonly string[]): Promise<Map<string, PublicAward>>;
  /**
   * A condition on the catalog's products query, true for a product holding a current public award
   * of at least `minStars` stars. It is placed in the WHERE clause of a query over "products": name
   * the outer column qualified, e.g. sql`"products"."id" in (select … from awards …)`.
   */
  productCondition(minStars: number): SQL;
  /** The star classes present among current public awards, ascending (the filter's choices). */
  starChoices(db: Db): Promise<number[]>;
  /** Product ids to feature on the home page before the others: awarded, highest star first. */
  featured(db: Db, limit: number): Promise<string[]>;
}

/** Until awards exist: nobody holds a star. */
const noAwards: CatalogAwards = {
  forProducts: async () => new Map(),
  productCondition: () => sql`false`,
  starChoices: async () => [],
  featured: async () => [],
};

let provider: CatalogAwards = noAwards;

/** Called once by the awards feature (in app.ts) to show its stars in the catalog. */
export function registerCatalogAwards(awards: CatalogAwards): void {
  provider = awards;
}

/** The current public award of each of these products (the hook the awards feature fills). */
export function publicAwardFor(db: Db, productIds: readonly string[]): Promise<Map<string, PublicAward>> {
  if (productIds.length === 0) return Promise.resolve(new Map());
  return provider.forProducts(db, productIds);
}

/** The star filter's condition on "products" (false while no awards exist). */
export function awardedCondition(minStars: number): SQL {
  return provider.productCondition(minStars);
}

/** The star classes the filter offers; empty (so the filter is hidden) while no awards exist. */
export function awardStarChoices(db: Db): Promise<number[]> {
  return provider.starChoices(db);
}

/** Awarded product ids to feature first. */
export function featuredAwardIds(db: Db, limit: number): Promise<string[]> {
  return provider.featured(db, limit);
}
