/**
 * Regional potential profiles (profil potensi daerah): each kab/kota's leading commodities with
 * their raw-material base and human resources, and figures computed live from the registry.
 */
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { potentialCommodities, potentialProfiles } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import type {
  PotentialCommodityInput,
  PotentialCommodityUpdate,
  PotentialOverview,
} from './registry.forms.ts';
import { canWriteKabkota, escapeLike, regionIndex, type RegistryEnv, scopeOf } from './registry.service.ts';

export type PotentialProfileRow = typeof potentialProfiles.$inferSelect;
export type PotentialCommodityRow = typeof potentialCommodities.$inferSelect;

export interface CommodityFigures {
  sentra: number;
  ikm: number;
  products: number;
  workforceMen: number;
  workforceWomen: number;
  workforceTotal: number;
}

export interface Candidate {
  id: string;
  name: string;
  workforceTotal: number;
  capacityQty: string | null;
  capacityUnit: string | null;
  capacityPeriod: string | null;
  inDecreedSentra: boolean;
  isLead: boolean;
  legalOk: boolean;
}

export interface PotentialCommodityView extends PotentialCommodityRow {
  figures: CommodityFigures;
  /** Null when the reader may not see the registry of this kab/kota. */
  candidates: Candidate[] | null;
}

export interface PotentialProfile {
  kabkotaCode: string;
  kabkotaName: string;
  profile: PotentialProfileRow | null;
  commodities: PotentialCommodityView[];
}

/** A kab/kota of the province (the level profiles are kept at), or 404. */
async function kabkotaOf(db: Db, env: RegistryEnv, code: string) {
  const index = await regionIndex(db);
  const region = index.get(code);
  if (!region || region.level !== 'kabupaten_kota' || region.provinceCode !== env.provinceCode)
    throw new NotFoundError('region');
  return region;
}

/** Which registry rows match a leading commodity: its category and, when set, its keyword. */
function matching(alias: 'p' | 's', kabkotaCode: string, c: PotentialCommodityRow): SQL {
  const keyword = c.keyword?.trim();
  return sql`${sql.raw(alias)}.kabkota_code = ${kabkotaCode} and ${sql.raw(alias)}.archived_at is null
    and ${sql.raw(alias)}.commodity = ${c.commodity}
    ${keyword ? sql`and ${sql.raw(alias)}.search_text like ('%' || search_norm(${escapeLike(keyword)}) || '%')` : sql``}`;
}

/** Sentra, IKM, products and workforce of one leading commodity, live from the registry. */
async function figuresOf(db: Db, kabkotaCode: string, c: PotentialCommodityRow): Promise<CommodityFigures> {
  const [row] = await queryRows<Record<keyof CommodityFigures, number>>(
    db,
    sql`with ps as (select p.id, p.ikm_id from products p where ${matching('p', kabkotaCode, c)}),
      ss as (select s.id from sentra s where ${matching('s', kabkotaCode, c)}),
      ik as (select i.workforce_men, i.workforce_women, i.workforce_total from ikm i
        where i.archived_at is null and i.kabkota_code = ${kabkotaCode}
          and (i.id in (select ikm_id from ps) or i.sentra_id in (select id from ss)))
      select (select count(*) from ss)::int as "sentra",
        (select count(*) from ik)::int as "ikm",
        (select count(*) from ps)::int as "products",
        coalesce((select sum(workforce_men) from ik), 0)::int as "workforceMen",
        coalesce((select sum(workforce_women) from ik), 0)::int as "workforceWomen",
        coalesce((select sum(workforce_total) from ik), 0)::int as "workforceTotal"`,
  );
  return {
    sentra: Number(row?.sentra ?? 0),
    ikm: Number(row?.ikm ?? 0),
    products: Number(row?.products ?? 0),
    workforceMen: Number(row?.workforceMen ?? 0),
    workforceWomen: Number(row?.workforceWomen ?? 0),
    workforceTotal: Number(row?.workforceTotal ?? 0),
  };
}

/**
 * The IKMs of a leading commodity most likely to be OVOP candidates: in a sentra with a decree,
 * legal documents valid, then the largest workforce and capacity.
 */
async function candidatesOf(
  db: Db,
  kabkotaCode: string,
  c: PotentialCommodityRow,
  limit = 5,
): Promise<Candidate[]> {
  const today = localDate();
  const rows = await queryRows<Candidate>(
    db,
    sql`with ps as (select p.ikm_id from products p where ${matching('p', kabkotaCode, c)}),
      ss as (select s.id from sentra s where ${matching('s', kabkotaCode, c)})
      select i.id, i.name, i.workforce_total as "workforceTotal", i.capacity_qty::text as "capacityQty",
        i.capacity_unit as "capacityUnit", i.capacity_period as "capacityPeriod",
        coalesce(s.decree_number is not null, false) as "inDecreedSentra",
        coalesce(s.lead_ikm_id = i.id, false) as "isLead",
        (i.nib is not null and (i.min_expiry is null or i.min_expiry >= ${today})) as "legalOk"
      from ikm i left join sentra s on s.id = i.sentra_id and s.archived_at is null
      where i.archived_at is null and i.kabkota_code = ${kabkotaCode}
        and (i.id in (select ikm_id from ps) or i.sentra_id in (select id from ss))
      order by "inDecreedSentra" desc, "legalOk" desc, "isLead" desc, i.workforce_total desc,
        i.capacity_qty desc nulls last, lower(i.name), i.id
      limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, workforceTotal: Number(r.workforceTotal) }));
}

/** The profile of a kab/kota with live figures; candidates only for readers of its registry. */
export async function getPotentialProfile(
  db: Db,
  actor: Actor | null,
  env: RegistryEnv,
  kabkotaCode: string,
): Promise<PotentialProfile> {
  const region = await kabkotaOf(db, env, kabkotaCode);
  const [profile] = await db
    .select()
    .from(potentialProfiles)
    .where(eq(potentialProfiles.kabkotaCode, kabkotaCode));
  const rows = await db
    .select()
    .from(potentialCommodities)
    .where(and(eq(potentialCommodities.kabkotaCode, kabkotaCode), isNull(potentialCommodities.archivedAt)))
    .orderBy(asc(potentialCommodities.position), asc(potentialCommodities.name));
  const scope = actor ? scopeOf(actor) : { kind: 'none' as const };
  const seesRegistry = scope.kind === 'all' || (scope.kind === 'kabkota' && scope.code === kabkotaCode);
  const commodities: PotentialCommodityView[] = [];
  for (const c of rows) {
    commodities.push({
      ...c,
      figures: await figuresOf(db, kabkotaCode, c),
      candidates: seesRegistry ? await candidatesOf(db, kabkotaCode, c) : null,
    });
  }
  return { kabkotaCode, kabkotaName: region.name, profile: profile ?? null, commodities };
}

/** Every kab/kota with the names of its leading commodities, for the index page. */
export async function potentialIndex(db: Db, env: RegistryEnv) {
  const index = await regionIndex(db);
  const kabkota = [...index.values()]
    .filter((r) => r.level === 'kabupaten_kota' && r.provinceCode === env.provinceCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const rows = await db
    .select({ kabkotaCode: potentialCommodities.kabkotaCode, name: potentialCommodities.name })
    .from(potentialCommodities)
    .where(
      and(eq(potentialCommodities.provinceCode, env.provinceCode), isNull(potentialCommodities.archivedAt)),
    )
    .orderBy(asc(potentialCommodities.kabkotaCode), asc(potentialCommodities.position));
  return kabkota.map((k) => ({
    code: k.code,
    name: k.name,
    commodities: rows.filter((r) => r.kabkotaCode === k.code).map((r) => r.name),
  }));
}

function assertEditable(actor: Actor, kabkotaCode: string) {
  if (!canWriteKabkota(actor, kabkotaCode)) throw new NotFoundError('potential_profile');
}

/** Saves a kab/kota's overview (version 0 means none was stored yet). */
export async function savePotentialOverview(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  kabkotaCode: string,
  input: PotentialOverview,
): Promise<PotentialProfileRow> {
  await kabkotaOf(db, env, kabkotaCode);
  assertEditable(actor, kabkotaCode);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(potentialProfiles)
      .where(eq(potentialProfiles.kabkotaCode, kabkotaCode))
      .for('update');
    if ((before?.version ?? 0) !== input.version) throw new StaleVersionError(before ?? null);
    const [after] = before
      ? await tx
          .update(potentialProfiles)
          .set({ overview: input.overview ?? null, updatedAt: new Date(), version: before.version + 1 })
          .where(eq(potentialProfiles.kabkotaCode, kabkotaCode))
          .returning()
      : await tx
          .insert(potentialProfiles)
          .values({ kabkotaCode, provinceCode: env.provinceCode, overview: input.overview ?? null })
          .returning();
    await writeAudit(tx, actor, {
      action: 'potential_profile.update',
      objectType: 'potential_profile',
      objectId: kabkotaCode,
      regionCode: kabkotaCode,
      before: before ?? null,
      after,
    });
    return after!;
  });
}

const commodityValues = (input: PotentialCommodityInput) => ({
  name: input.name,
  commodity: input.commodity,
  keyword: input.keyword ?? null,
  position: input.position ?? 0,
  sdaDescription: input.sdaDescription ?? null,
  sdaQuantity: input.sdaQuantity === undefined ? null : String(input.sdaQuantity),
  sdaUnit: input.sdaUnit ?? null,
  sdaSource: input.sdaSource ?? null,
  sdaYear: input.sdaYear ?? null,
  sdmArtisans: input.sdmArtisans ?? null,
  sdmDescription: input.sdmDescription ?? null,
  trainingCentres: input.trainingCentres ?? null,
  uniqueness: input.uniqueness ?? null,
  localWisdom: input.localWisdom ?? null,
});

export async function getPotentialCommodity(db: Db, id: string): Promise<PotentialCommodityRow> {
  const [row] = await db
    .select()
    .from(potentialCommodities)
    .where(and(eq(potentialCommodities.id, id), isNull(potentialCommodities.archivedAt)));
  if (!row) throw new NotFoundError('potential_commodity');
  return row;
}

/** Adds a leading commodity to a kab/kota's profile. */
export async function createPotentialCommodity(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  kabkotaCode: string,
  input: PotentialCommodityInput,
): Promise<PotentialCommodityRow> {
  await kabkotaOf(db, env, kabkotaCode);
  assertEditable(actor, kabkotaCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(potentialCommodities)
      .values({ ...commodityValues(input), kabkotaCode, provinceCode: env.provinceCode })
      .returning();
    await writeAudit(tx, actor, {
      action: 'potential_commodity.create',
      objectType: 'potential_commodity',
      objectId: row!.id,
      regionCode: kabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** Edits a leading commodity if nobody changed it since `input.version`. */
export async function updatePotentialCommodity(
  db: Db,
  actor: Actor,
  id: string,
  input: PotentialCommodityUpdate,
): Promise<PotentialCommodityRow> {
  const existing = await getPotentialCommodity(db, id);
  assertEditable(actor, existing.kabkotaCode);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(potentialCommodities)
      .where(eq(potentialCommodities.id, id))
      .for('update');
    if (!before || before.archivedAt) throw new NotFoundError('potential_commodity');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(potentialCommodities)
      .set({ ...commodityValues(input), updatedAt: new Date(), version: before.version + 1 })
      .where(eq(potentialCommodities.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'potential_commodity.update',
      objectType: 'potential_commodity',
      objectId: id,
      regionCode: before.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
}

export async function archivePotentialCommodity(
  db: Db,
  actor: Actor,
  id: string,
): Promise<PotentialCommodityRow> {
  const existing = await getPotentialCommodity(db, id);
  assertEditable(actor, existing.kabkotaCode);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(potentialCommodities)
      .set({
        archivedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${potentialCommodities.version} + 1`,
      })
      .where(and(eq(potentialCommodities.id, id), isNull(potentialCommodities.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('potential_commodity');
    await writeAudit(tx, actor, {
      action: 'potential_commodity.archive',
      objectType: 'potential_commodity',
      objectId: id,
      regionCode: existing.kabkotaCode,
      before: existing,
    });
    return after;
  });
}
