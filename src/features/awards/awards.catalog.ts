/**
 * The awards' answers to the catalog's hook (features/catalog/awards-hook.ts): a product's current
 * public star is its certificate from a published cycle that is neither revoked nor past its validity;
 * the highest star wins when a product holds two.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { localDate } from '../../platform/format.ts';
import type { CatalogAwards, PublicAward } from '../catalog/awards-hook.ts';
import { verificationPath } from './awards.service.ts';

/** A current certificate: unrevoked, within its validity today, of a published cycle. Qualified by hand. */
const current = (
  today: string,
) => sql`c.revoked_at is null and c.valid_from <= ${today} and c.valid_until >= ${today}
  and exists (select 1 from cycle_publications p where p.cycle_id = c.cycle_id)`;

export const catalogAwards: CatalogAwards = {
  async forProducts(db: Db, productIds: readonly string[]): Promise<Map<string, PublicAward>> {
    const today = localDate();
    const rows = await queryRows<{
      product_id: string;
      stars: number;
      star_scale: number;
      name: string;
      valid_from: string | Date;
      valid_until: string | Date;
      code: string;
    }>(
      db,
      sql`select distinct on (c.product_id) c.product_id, c.stars, y.star_scale, y.name,
            c.valid_from::text as valid_from, c.valid_until::text as valid_until, c.code
          from certificates c join cycles y on y.id = c.cycle_id
          where c.product_id in (${sql.join(
            productIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) and ${current(today)}
          order by c.product_id, c.stars desc, c.valid_until desc`,
    );
    return new Map(
      rows.map((r) => [
        r.product_id,
        {
          productId: r.product_id,
          stars: Number(r.stars),
          starMax: Number(r.star_scale),
          cycleName: r.name,
          validFrom: String(r.valid_from),
          validUntil: String(r.valid_until),
          verificationPath: verificationPath(r.code),
        },
      ]),
    );
  },
  productCondition(minStars: number) {
    return sql`"products"."id" in (select c.product_id from certificates c
      where c.stars >= ${minStars} and ${current(localDate())})`;
  },
  async starChoices(db: Db): Promise<number[]> {
    const rows = await queryRows<{ stars: number }>(
      db,
      sql`select distinct c.stars from certificates c where ${current(localDate())} order by c.stars`,
    );
    return rows.map((r) => Number(r.stars));
  },
  async featured(db: Db, limit: number): Promise<string[]> {
    const rows = await queryRows<{ product_id: string }>(
      db,
      sql`select c.product_id from certificates c where ${current(localDate())}
          group by c.product_id order by max(c.stars) desc, min(c.number) limit ${limit}`,
    );
    return rows.map((r) => r.product_id);
  },
};
