/**
 * The public catalog's reads. Only what ADR 0500 makes public leaves this file: a product that an
 * officer published, live, of a live IKM; an IKM with at least one such product; never drafts,
 * scores or identity numbers, and the owner's contacts only while the IKM's consent stands. Each
 * answer is built field by field (never a whole row), so a new column stays private until named here.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { ikm, legalDocuments, productPhotos, products, sentra } from '../../db/schema/registry.ts';
import { CATALOG_NO_PRICE } from '../../db/schema/registry.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type {
  CapacityPeriod,
  CapacityUnit,
  Commodity,
  LegalDocumentKind,
  SizeClass,
} from '../../platform/registry-domain.ts';
import {
  regionIndex,
  type RegionInfo,
  searchCondition,
  similarCondition,
  similarityOrder,
  wantsCloseMatches,
} from '../registry/registry.service.ts';
import { awardedCondition, featuredAwardIds, type PublicAward, publicAwardFor } from './awards-hook.ts';
import type { CatalogCertification, CatalogFilter, CatalogSort } from './catalog.forms.ts';
import { slugify } from './catalog.paths.ts';

/** The legal documents the catalog shows as certifications (NIB is an identity, not a mark of quality). */
export const SHOWN_CERTIFICATIONS: readonly LegalDocumentKind[] = [
  'halal',
  'sni',
  'bpom_md',
  'pirt',
  'trademark',
];

/** A product is public: published by the office, not archived, and its IKM not archived (ADR 0500). */
export const publicProductSql: SQL = sql`${products.published} and ${products.archivedAt} is null and ${ikm.archivedAt} is null`;

/** The IKM holds a valid (live, unexpired) document of this kind. Qualified by hand: a subquery. */
function certificationSql(kind: CatalogCertification, today: string): SQL {
  return sql`exists (select 1 from legal_documents d where d.ikm_id = "products"."ikm_id"
    and d.kind = ${kind} and d.archived_at is null and (d.expiry_date is null or d.expiry_date >= ${today}))`;
}

// Cards (lists) --------------------------------------------------------------------------------------

export interface PublicPhoto {
  id: string;
  /** The page-size image's size; the thumbnail keeps its proportions at ≤ 320 px wide. */
  width: number;
  height: number;
  caption: string | null;
}

export interface CatalogCard {
  id: string;
  slug: string;
  name: string;
  commodity: Commodity;
  kabkotaCode: string;
  kabkotaName: string;
  ikmName: string;
  ikmSlug: string;
  priceMin: number | null;
  priceMax: number | null;
  photo: PublicPhoto | null;
  award: PublicAward | null;
}

interface CardRow {
  id: string;
  slug: string | null;
  name: string;
  commodity: Commodity;
  kabkotaCode: string;
  ikmName: string;
  ikmSlug: string | null;
  priceMin: number | null;
  priceMax: number | null;
  photoId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  sortName: string;
  sortPrice: number;
}

const cardFields = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  commodity: products.commodity,
  kabkotaCode: products.kabkotaCode,
  ikmName: ikm.name,
  ikmSlug: ikm.slug,
  priceMin: products.priceMin,
  priceMax: products.priceMax,
  photoId: productPhotos.id,
  photoWidth: productPhotos.width,
  photoHeight: productPhotos.height,
  sortName: sql<string>`lower(${products.name})`,
  sortPrice: sql<number>`coalesce(${products.priceMin}, ${sql.raw(String(CATALOG_NO_PRICE))})`,
};

function cardQuery(db: Db) {
  return db
    .select(cardFields)
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .leftJoin(
      productPhotos,
      and(eq(productPhotos.id, products.coverPhotoId), isNull(productPhotos.archivedAt)),
    );
}

async function toCards(db: Db, rows: CardRow[]): Promise<CatalogCard[]> {
  const [index, awards] = await Promise.all([
    regionIndex(db),
    publicAwardFor(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug ?? r.id,
    name: r.name,
    commodity: r.commodity,
    kabkotaCode: r.kabkotaCode,
    kabkotaName: index.get(r.kabkotaCode)?.name ?? r.kabkotaCode,
    ikmName: r.ikmName,
    ikmSlug: r.ikmSlug ?? '',
    priceMin: r.priceMin === null ? null : Number(r.priceMin),
    priceMax: r.priceMax === null ? null : Number(r.priceMax),
    photo:
      r.photoId && r.photoWidth && r.photoHeight
        ? { id: r.photoId, width: r.photoWidth, height: r.photoHeight, caption: null }
        : null,
    award: awards.get(r.id) ?? null,
  }));
}

const SORTS: Record<
  CatalogSort,
  { keys: SQL[]; dir: 'asc' | 'desc'; keyOf: (r: CardRow) => (string | number)[] }
> = {
  recent: { keys: [sql`${products.id}`], dir: 'desc', keyOf: (r) => [r.id] },
  name: {
    keys: [sql`lower(${products.name})`, sql`${products.id}`],
    dir: 'asc',
    keyOf: (r) => [r.sortName, r.id],
  },
  price: {
    keys: [sql`coalesce(${products.priceMin}, ${sql.raw(String(CATALOG_NO_PRICE))})`, sql`${products.id}`],
    dir: 'asc',
    keyOf: (r) => [Number(r.sortPrice), r.id],
  },
};

/** The filter's conditions (without the keyset position). */
export function catalogFilterSql(filter: CatalogFilter, today = localDate()): SQL | undefined {
  return and(
    publicProductSql,
    filter.kabkota ? eq(products.kabkotaCode, filter.kabkota) : undefined,
    filter.ikm ? eq(ikm.slug, filter.ikm) : undefined,
    filter.commodity ? eq(products.commodity, filter.commodity) : undefined,
    filter.cert ? certificationSql(filter.cert, today) : undefined,
    filter.star ? awardedCondition(filter.star) : undefined,
    searchCondition(products.searchText, filter.q),
  );
}

/**
 * The cards of a list: its ids first, from the sort's index alone (the catalog's indexes carry the
 * search text and the filtered columns, ADR 0511, so a search tests each entry without reading its
 * row), then the cards of those ids only. Inside the subquery "products" and "ikm" are its own
 * tables, so the filter's conditions bind there.
 */
function idsFirst(db: Db, where: SQL | undefined, orderBy: SQL[], limit: number): Promise<CardRow[]> {
  const ids = db
    .select({ id: products.id })
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
  return cardQuery(db)
    .where(inArray(products.id, ids))
    .orderBy(...orderBy)
    .limit(limit) as Promise<CardRow[]>;
}

/** One page of public products: searched (case and accents ignored), filtered, sorted, by keyset. */
export async function searchCatalog(
  db: Db,
  filter: CatalogFilter,
  limit = 24,
): Promise<Page<CatalogCard> & { similar: CatalogCard[] }> {
  const sort = SORTS[filter.sort ?? 'recent'];
  const where = catalogFilterSql(filter);
  const page = await paginate<CardRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: sort.keys,
    dir: sort.dir,
    keyOf: sort.keyOf,
    run: (position, orderBy, lim) => idsFirst(db, and(where, position), orderBy, lim),
  });
  let similar: CatalogCard[] = [];
  if (wantsCloseMatches(filter, page.rows.length)) {
    const rows = await idsFirst(
      db,
      and(catalogFilterSql({ ...filter, q: undefined }), similarCondition(products.searchText, filter.q)),
      [similarityOrder(products.searchText, filter.q)],
      5,
    );
    similar = await toCards(db, rows);
  }
  return { rows: await toCards(db, page.rows), next: page.next, prev: page.prev, similar };
}

/**
 * The home page's products: awarded ones first (once awards exist), then products with a photo and a
 * story whose IKM agreed to be contacted (the ones a buyer can act on), the newest of each kab/kota
 * so that the whole province shows, then the newest of the rest.
 */
export async function featuredProducts(db: Db, provinceCode: string, limit = 8): Promise<CatalogCard[]> {
  const awardedIds = await featuredAwardIds(db, limit);
  const awarded = awardedIds.length
    ? ((await cardQuery(db)
        .where(and(publicProductSql, inArray(products.id, awardedIds)))
        .limit(limit)) as CardRow[])
    : [];
  awarded.sort((a, b) => awardedIds.indexOf(a.id) - awardedIds.indexOf(b.id));
  const chosen = new Set(awarded.map((r) => r.id));
  const complete = (extra?: SQL) =>
    and(
      publicProductSql,
      sql`${products.coverPhotoId} is not null`,
      sql`coalesce(${products.storyId}, '') <> ''`,
      eq(ikm.contactPublic, true),
      chosen.size ? sql`not (${inArray(products.id, [...chosen])})` : undefined,
      extra,
    );
  const index = await regionIndex(db);
  const codes = [...index.values()]
    .filter((r) => r.provinceCode === provinceCode && r.level === 'kabupaten_kota')
    .map((r) => r.code);
  // One short walk down each kab/kota's index, side by side; at most twice the page in all.
  const newest = await Promise.all(
    codes.map(
      (code) =>
        cardQuery(db)
          .where(complete(eq(products.kabkotaCode, code)))
          .orderBy(sql`${products.id} desc`)
          .limit(1) as Promise<CardRow[]>,
    ),
  );
  const perRegion = newest.flat().slice(0, Math.max(0, limit * 2 - awarded.length));
  perRegion.sort((a, b) => (a.id < b.id ? 1 : -1));
  const picked = perRegion.slice(0, Math.max(0, limit - awarded.length));
  for (const r of picked) chosen.add(r.id);
  const short = limit - awarded.length - picked.length;
  const rest =
    short > 0
      ? ((await cardQuery(db).where(complete()).orderBy(sql`${products.id} desc`).limit(short)) as CardRow[])
      : [];
  return toCards(db, [...awarded, ...picked, ...rest]);
}

// Regions -----------------------------------------------------------------------------------------

export interface PublicRegion {
  code: string;
  slug: string;
  name: string;
  productCount: number;
}

/** The province's kab/kota, in code order (the browse filter's choices: names, no counts). */
export async function provinceRegions(db: Db, provinceCode: string): Promise<RegionInfo[]> {
  const index = await regionIndex(db);
  return [...index.values()]
    .filter((r) => r.provinceCode === provinceCode && r.level === 'kabupaten_kota')
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Public products, written so that the counts read products_catalog_counts_idx alone: a product is
 * public when published and live (the partial index) and its IKM is not among the archived ones (an
 * anti-join against the small ikm_archived_idx), the same rule as publicProductSql (ADR 0510).
 */
const countedProducts = sql`products p where p.published and p.archived_at is null
  and not exists (select 1 from ikm a where a.id = p.ikm_id and a.archived_at is not null)`;

/**
 * How long the province's product counts (home and regions pages) are reused (ADR 0510): a minute-old
 * figure is what a map of the province needs. Zero turns the cache off.
 */
let countsCacheMs = 60_000;
export function setCatalogCountsCacheMs(ms: number): void {
  countsCacheMs = ms;
}

type ProvinceCounts = { kabkota: string; commodity: Commodity; n: number }[];
const countsCache = new WeakMap<Db, Map<string, { until: number; value: Promise<ProvinceCounts> }>>();

/** The public products of the province by kab/kota and commodity: one pass over a covering index. */
function provinceCounts(db: Db, codes: string[]): Promise<ProvinceCounts> {
  const make = () =>
    queryRows<{ kabkota: string; commodity: Commodity; n: number }>(
      db,
      sql`select p.kabkota_code as kabkota, p.commodity, count(*)::int as n from ${countedProducts}
          and p.kabkota_code in (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})
          group by p.kabkota_code, p.commodity`,
    ).then((rows) => rows.map((r) => ({ ...r, n: Number(r.n) })));
  if (countsCacheMs <= 0) return make();
  let entries = countsCache.get(db);
  if (!entries) {
    entries = new Map();
    countsCache.set(db, entries);
  }
  const key = codes.join(',');
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value;
  if (entries.size > 50) for (const [k, e] of entries) if (e.until <= now) entries.delete(k);
  const value = make();
  entries.set(key, { until: now + countsCacheMs, value });
  value.catch(() => entries.delete(key));
  return value;
}

/** The province's kab/kota with the number of public products in each. */
export async function regionsWithCounts(db: Db, provinceCode: string): Promise<PublicRegion[]> {
  const kabkota = await provinceRegions(db, provinceCode);
  if (kabkota.length === 0) return [];
  const byCode = new Map<string, number>();
  for (const c of await provinceCounts(
    db,
    kabkota.map((k) => k.code),
  ))
    byCode.set(c.kabkota, (byCode.get(c.kabkota) ?? 0) + c.n);
  return kabkota.map((k) => ({
    code: k.code,
    slug: slugify(k.name),
    name: k.name,
    productCount: byCode.get(k.code) ?? 0,
  }));
}

/** Counts by commodity, most first, then by commodity. */
function byCommodity(rows: { commodity: Commodity; n: number }[]): { commodity: Commodity; count: number }[] {
  const sums = new Map<Commodity, number>();
  for (const r of rows) sums.set(r.commodity, (sums.get(r.commodity) ?? 0) + r.n);
  return [...sums]
    .map(([commodity, count]) => ({ commodity, count }))
    .sort(
      (a, b) => b.count - a.count || (a.commodity < b.commodity ? -1 : a.commodity > b.commodity ? 1 : 0),
    );
}

/**
 * The number of public products of each commodity, in a province (from the minute's province counts)
 * or in one kab/kota (counted fresh: a few thousand index entries).
 */
export async function commodityCounts(
  db: Db,
  provinceCode: string,
  kabkotaCode?: string,
): Promise<{ commodity: Commodity; count: number }[]> {
  if (kabkotaCode) {
    const rows = await queryRows<{ commodity: Commodity; n: number }>(
      db,
      sql`select p.commodity, count(*)::int as n from ${countedProducts} and p.kabkota_code = ${kabkotaCode}
          group by p.commodity`,
    );
    return byCommodity(rows.map((r) => ({ commodity: r.commodity, n: Number(r.n) })));
  }
  const codes = (await provinceRegions(db, provinceCode)).map((r) => r.code);
  if (codes.length === 0) return [];
  return byCommodity(await provinceCounts(db, codes));
}

/** A kab/kota of the province by its slug ("kota-ambon"), or 404. */
export async function regionBySlug(db: Db, provinceCode: string, slug: string): Promise<RegionInfo> {
  const index = await regionIndex(db);
  const region = [...index.values()].find(
    (r) => r.provinceCode === provinceCode && r.level === 'kabupaten_kota' && slugify(r.name) === slug,
  );
  if (!region) throw new NotFoundError('region');
  return region;
}

export interface RegionDetail extends PublicRegion {
  ikmCount: number;
  commodities: { commodity: Commodity; count: number }[];
}

/** A kab/kota's public figures: products, IKMs with public products, commodities. */
export async function regionDetail(db: Db, provinceCode: string, slug: string): Promise<RegionDetail> {
  const region = await regionBySlug(db, provinceCode, slug);
  const [counts] = await queryRows<{ products: number; ikm: number }>(
    db,
    sql`select count(*)::int as products, count(distinct p.ikm_id)::int as ikm
        from ${countedProducts} and p.kabkota_code = ${region.code}`,
  );
  return {
    code: region.code,
    slug,
    name: region.name,
    productCount: Number(counts?.products ?? 0),
    ikmCount: Number(counts?.ikm ?? 0),
    commodities: await commodityCounts(db, provinceCode, region.code),
  };
}

// An IKM and its public face ---------------------------------------------------------------------------

export interface PublicCertification {
  kind: LegalDocumentKind;
  number: string;
  issuer: string | null;
  /** YYYY-MM-DD, or null when it does not expire. */
  validUntil: string | null;
}

/** The owner's contacts: present only while the IKM consents (ikm.contact_public). */
export interface PublicContact {
  ownerName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface PublicIkm {
  slug: string;
  name: string;
  kabkotaCode: string;
  kabkotaName: string;
  kabkotaSlug: string;
  kecamatanName: string | null;
  desa: string | null;
  sentra: { name: string; desa: string | null } | null;
  sizeClass: SizeClass | null;
  workforce: number | null;
  commodities: Commodity[];
  certifications: PublicCertification[];
  contact: PublicContact | null;
}

type IkmRow = typeof ikm.$inferSelect;

/** The valid certifications of IKMs: the best (latest-expiring) live document of each shown kind. */
async function certificationsOf(db: Db, ikmIds: string[], today: string) {
  const out = new Map<string, PublicCertification[]>();
  if (ikmIds.length === 0) return out;
  const rows = await db
    .select({
      ikmId: legalDocuments.ikmId,
      kind: legalDocuments.kind,
      number: legalDocuments.number,
      issuer: legalDocuments.issuer,
      expiryDate: legalDocuments.expiryDate,
    })
    .from(legalDocuments)
    .where(
      and(
        inArray(legalDocuments.ikmId, ikmIds),
        inArray(legalDocuments.kind, [...SHOWN_CERTIFICATIONS]),
        isNull(legalDocuments.archivedAt),
        sql`(${legalDocuments.expiryDate} is null or ${legalDocuments.expiryDate} >= ${today})`,
      ),
    )
    .orderBy(asc(legalDocuments.kind), sql`${legalDocuments.expiryDate} desc nulls first`);
  for (const r of rows) {
    const list = out.get(r.ikmId) ?? [];
    if (!list.some((c) => c.kind === r.kind))
      list.push({ kind: r.kind, number: r.number, issuer: r.issuer, validUntil: r.expiryDate });
    out.set(r.ikmId, list);
  }
  for (const list of out.values())
    list.sort((a, b) => SHOWN_CERTIFICATIONS.indexOf(a.kind) - SHOWN_CERTIFICATIONS.indexOf(b.kind));
  return out;
}

async function toPublicIkm(db: Db, row: IkmRow, today: string): Promise<PublicIkm> {
  const index = await regionIndex(db);
  const [centre] = row.sentraId
    ? await db
        .select({ name: sentra.name, desa: sentra.desa })
        .from(sentra)
        .where(and(eq(sentra.id, row.sentraId), isNull(sentra.archivedAt)))
        .limit(1)
    : [];
  const certs = await certificationsOf(db, [row.id], today);
  const kabkotaName = index.get(row.kabkotaCode)?.name ?? row.kabkotaCode;
  return {
    slug: row.slug ?? row.id,
    name: row.name,
    kabkotaCode: row.kabkotaCode,
    kabkotaName,
    kabkotaSlug: slugify(kabkotaName),
    kecamatanName: row.kecamatanCode ? (index.get(row.kecamatanCode)?.name ?? null) : null,
    desa: row.desa,
    sentra: centre ? { name: centre.name, desa: centre.desa } : null,
    sizeClass: row.sizeClass,
    workforce: row.workforceMen === null && row.workforceWomen === null ? null : row.workforceTotal,
    commodities: row.commodities as Commodity[],
    certifications: certs.get(row.id) ?? [],
    contact: row.contactPublic
      ? { ownerName: row.ownerName, phone: row.phone, email: row.email, address: row.address }
      : null,
  };
}

/** An IKM's page shows this many products; the rest are one link away (browse, filtered by the IKM). */
export const IKM_PAGE_PRODUCTS = 24;

/** A live IKM with at least one public product, by its slug, or 404. */
export async function publicIkmBySlug(
  db: Db,
  slug: string,
  today = localDate(),
): Promise<{ ikm: PublicIkm; products: CatalogCard[]; more: boolean }> {
  const [row] = await db
    .select()
    .from(ikm)
    .where(and(eq(ikm.slug, slug), isNull(ikm.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('ikm');
  const rows = (await cardQuery(db)
    .where(and(publicProductSql, eq(products.ikmId, row.id)))
    .orderBy(asc(sql`lower(${products.name})`), asc(products.id))
    .limit(IKM_PAGE_PRODUCTS + 1)) as CardRow[];
  if (rows.length === 0) throw new NotFoundError('ikm');
  return {
    ikm: await toPublicIkm(db, row, today),
    products: await toCards(db, rows.slice(0, IKM_PAGE_PRODUCTS)),
    more: rows.length > IKM_PAGE_PRODUCTS,
  };
}

// A product ---------------------------------------------------------------------------------------

export interface PublicProduct {
  id: string;
  slug: string;
  name: string;
  commodity: Commodity;
  descriptionId: string | null;
  descriptionEn: string | null;
  /** The story, already sanitised on save (registry/story.tsx). */
  storyId: string | null;
  storyEn: string | null;
  localMaterialPct: number | null;
  priceMin: number | null;
  priceMax: number | null;
  capacity: { qty: number; unit: CapacityUnit | null; period: CapacityPeriod | null } | null;
  hsCode: string | null;
  packaging: string | null;
  /** The office's note on certifications, beside the documents the IKM holds. */
  certificationNote: string | null;
  photos: PublicPhoto[];
  updatedAt: Date;
  ikm: PublicIkm;
  award: PublicAward | null;
}

/** A public product by its slug, with its IKM's public face and its photos, or 404. */
export async function publicProductBySlug(db: Db, slug: string, today = localDate()): Promise<PublicProduct> {
  const [row] = await db
    .select({ product: products, owner: ikm })
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(and(eq(products.slug, slug), publicProductSql))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  const p = row.product;
  const [photos, owner, awards] = await Promise.all([
    db
      .select({
        id: productPhotos.id,
        width: productPhotos.width,
        height: productPhotos.height,
        caption: productPhotos.caption,
      })
      .from(productPhotos)
      .where(and(eq(productPhotos.productId, p.id), isNull(productPhotos.archivedAt)))
      .orderBy(
        sql`(${productPhotos.id} = ${p.coverPhotoId ?? '00000000-0000-0000-0000-000000000000'}) desc`,
        asc(productPhotos.position),
        asc(productPhotos.id),
      )
      .limit(12),
    toPublicIkm(db, row.owner, today),
    publicAwardFor(db, [p.id]),
  ]);
  return {
    id: p.id,
    slug: p.slug ?? p.id,
    name: p.name,
    commodity: p.commodity,
    descriptionId: p.descriptionId,
    descriptionEn: p.descriptionEn,
    storyId: p.storyId,
    storyEn: p.storyEn,
    localMaterialPct: p.localMaterialPct === null ? null : Number(p.localMaterialPct),
    priceMin: p.priceMin === null ? null : Number(p.priceMin),
    priceMax: p.priceMax === null ? null : Number(p.priceMax),
    capacity:
      p.capacityQty === null
        ? null
        : { qty: Number(p.capacityQty), unit: p.capacityUnit, period: p.capacityPeriod },
    hsCode: p.hsCode,
    packaging: p.packaging,
    certificationNote: p.certifications,
    photos: photos
      .filter((ph) => ph.width && ph.height)
      .map((ph) => ({ id: ph.id, width: ph.width!, height: ph.height!, caption: ph.caption })),
    updatedAt: p.updatedAt,
    ikm: owner,
    award: awards.get(p.id) ?? null,
  };
}

/** The other public products of the same IKM (the product page's "more from"). */
export async function otherProducts(db: Db, product: PublicProduct, limit = 4): Promise<CatalogCard[]> {
  const rows = (await cardQuery(db)
    .where(and(publicProductSql, eq(ikm.slug, product.ikm.slug), sql`${products.id} <> ${product.id}`))
    .orderBy(sql`${products.id} desc`)
    .limit(limit)) as CardRow[];
  return toCards(db, rows);
}

/** A live photo of a public product (the public photo address), or 404. */
export async function publicPhoto(
  db: Db,
  photoId: string,
): Promise<{ thumbSha256: string; displaySha256: string }> {
  const [row] = await db
    .select({ thumbSha256: productPhotos.thumbSha256, displaySha256: productPhotos.displaySha256 })
    .from(productPhotos)
    .innerJoin(products, eq(products.id, productPhotos.productId))
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(and(eq(productPhotos.id, photoId), isNull(productPhotos.archivedAt), publicProductSql))
    .limit(1);
  if (!row) throw new NotFoundError('photo');
  return row;
}

/** The product a buyer asks about (public, by slug): what an inquiry records, or 404. */
export async function inquiryTarget(db: Db, slug: string) {
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      ikmId: products.ikmId,
      ikmName: ikm.name,
      provinceCode: products.provinceCode,
      kabkotaCode: products.kabkotaCode,
    })
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(and(eq(products.slug, slug), publicProductSql))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  return row;
}

// Sitemap -----------------------------------------------------------------------------------------

/** One batch of public product slugs after `after` (id order), for the sitemap. */
export async function sitemapProducts(
  db: Db,
  after: string | null,
  limit: number,
): Promise<{ id: string; slug: string; updatedAt: Date }[]> {
  const rows = await db
    .select({ id: products.id, slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(and(publicProductSql, after ? sql`${products.id} > ${after}` : undefined))
    .orderBy(asc(products.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, slug: r.slug ?? r.id, updatedAt: r.updatedAt }));
}

/**
 * Where each sitemap file of products starts: null (the first), then the last id of each full file
 * before it, so a file is "the next `size` public products after this id" (keyset, no OFFSET).
 */
export async function sitemapProductStarts(db: Db, size: number): Promise<(string | null)[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from (
          select p.id, row_number() over (order by p.id) as n, count(*) over () as total
          from products p join ikm i on i.id = p.ikm_id
          where p.published and p.archived_at is null and i.archived_at is null) t
        where n % ${size} = 0 and n < total order by id`,
  );
  return [null, ...rows.map((r) => r.id)];
}

/** The same for the IKMs with public products. */
export async function sitemapIkmStarts(db: Db, size: number): Promise<(string | null)[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from (
          select i.id, row_number() over (order by i.id) as n, count(*) over () as total
          from ikm i
          where i.archived_at is null and exists (select 1 from products p
            where p.ikm_id = i.id and p.published and p.archived_at is null)) t
        where n % ${size} = 0 and n < total order by id`,
  );
  return [null, ...rows.map((r) => r.id)];
}

/** Slugs of the IKMs with public products, for the sitemap (one batch after `after`, by id). */
export async function sitemapIkm(
  db: Db,
  after: string | null,
  limit: number,
): Promise<{ id: string; slug: string; updatedAt: Date }[]> {
  const rows = await db
    .select({ id: ikm.id, slug: ikm.slug, updatedAt: ikm.updatedAt })
    .from(ikm)
    .where(
      and(
        isNull(ikm.archivedAt),
        after ? sql`${ikm.id} > ${after}` : undefined,
        sql`exists (select 1 from products p where p.ikm_id = "ikm"."id" and p.published and p.archived_at is null)`,
      ),
    )
    .orderBy(asc(ikm.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, slug: r.slug ?? r.id, updatedAt: r.updatedAt }));
}
