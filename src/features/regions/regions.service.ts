import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions } from '../../db/schema/regions.ts';
import { NotFoundError } from '../../platform/errors.ts';

export type Region = typeof regions.$inferSelect;

/** A region by its Kemendagri code. */
export async function getRegion(db: Db, code: string): Promise<Region> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  if (!row) throw new NotFoundError('region');
  return row;
}

export async function findRegion(db: Db, code: string): Promise<Region | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

/** The children of a region (or the provinces when parent is null), ordered by code. */
export async function listRegions(
  db: Db,
  parentCode: string | null,
): Promise<(Region & { childCount: number })[]> {
  // Qualified by hand: drizzle writes ${regions.code} unqualified, which inside the subquery would
  // name the inner table's own column.
  const child = sql<number>`(select count(*)::int from regions c where c.parent_code = "regions"."code")`;
  const rows = await db
    .select({ region: regions, childCount: child })
    .from(regions)
    .where(parentCode === null ? sql`${regions.parentCode} is null` : eq(regions.parentCode, parentCode))
    .orderBy(asc(regions.code));
  return rows.map((r) => ({ ...r.region, childCount: Number(r.childCount) }));
}

/** The kabupaten/kota of a province, for selects. */
export async function listKabkota(db: Db, provinceCode: string): Promise<Region[]> {
  return db
    .select()
    .from(regions)
    .where(and(eq(regions.provinceCode, provinceCode), eq(regions.level, 'kabupaten_kota')))
    .orderBy(asc(regions.code));
}

/** The ancestors of a region, from the province down to its parent. */
export async function regionPath(db: Db, region: Region): Promise<Region[]> {
  const path: Region[] = [];
  let parent = region.parentCode;
  while (parent) {
    const r = await getRegion(db, parent);
    path.unshift(r);
    parent = r.parentCode;
  }
  return path;
}
