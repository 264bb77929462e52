import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  COMMODITIES,
  LEGAL_DOCUMENT_KINDS,
  SIZE_CLASSES,
} from '../../platform/registry-domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { files } from './files.ts';
import { regions } from './regions.ts';

const live = (t: { archivedAt: AnyPgColumn }) => sql`${t.archivedAt} is null`;
const catalogPublic = (t: { archivedAt: AnyPgColumn; published: AnyPgColumn }) =>
  sql`${t.published} and ${t.archivedAt} is null`;

/** The catalog sorts products without a price after every priced one (a sort key, never shown). */
export const CATALOG_NO_PRICE = 999_999_999_999_999;

/**
 * A sentra IKM: ≥ 5 units making similar products in one place, set up by a bupati/walikota decree
 * (SK), with one commodity and its lead business (penghela).
 */
export const sentra = pgTable(
  'sentra',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    kecamatanCode: text('kecamatan_code').references(() => regions.code),
    /** Free text: the desa/kelurahan list is not in the region table. */
    desa: text('desa'),
    name: text('name').notNull(),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    /** What the sentra makes, in the office's words (tenun ikat, sagu, minyak kayu putih). */
    productFocus: text('product_focus'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date', { mode: 'string' }),
    decreeFileSha256: text('decree_file_sha256').references(() => files.sha256),
    decreeFileName: text('decree_file_name'),
    decreeFileMime: text('decree_file_mime'),
    unitCount: integer('unit_count'),
    leadIkmId: uuid('lead_ikm_id').references((): AnyPgColumn => ikm.id),
    notes: text('notes'),
    /** Name, desa, product focus and decree number, already normalised by search_norm() (lower case, no accents), for search. */
    searchText: text('search_text').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('sentra_commodity_check', oneOf(t.commodity, COMMODITIES)),
    check('sentra_unit_count_check', sql`${t.unitCount} is null or ${t.unitCount} >= 0`),
    index('sentra_kabkota_name_idx').on(t.kabkotaCode, sql`lower(${t.name})`, t.id).where(live(t)),
    index('sentra_name_idx').on(sql`lower(${t.name})`, t.id).where(live(t)),
    index('sentra_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** An IKM business unit. Large table: every row carries its province and kab/kota code. */
export const ikm = pgTable(
  'ikm',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    kecamatanCode: text('kecamatan_code').references(() => regions.code),
    desa: text('desa'),
    address: text('address'),
    name: text('name').notNull(),
    /**
     * The public catalog's address (`/ikm/<slug>`): made once from the name when the row is inserted
     * (a trigger, catalog custom migration), unique, and kept when the name changes.
     */
    slug: text('slug'),
    ownerName: text('owner_name').notNull(),
    nib: text('nib'),
    kbli: text('kbli'),
    /** E.164, e.g. +6281234567890. */
    phone: text('phone'),
    email: text('email'),
    sentraId: uuid('sentra_id').references((): AnyPgColumn => sentra.id),
    workforceMen: integer('workforce_men'),
    workforceWomen: integer('workforce_women'),
    workforceTotal: integer('workforce_total')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(workforce_men, 0) + coalesce(workforce_women, 0)`),
    /** Whole rupiah, excluding land and buildings. */
    investment: bigint('investment', { mode: 'number' }),
    /** Derived from workforce and investment by the configured thresholds (size-class.ts). */
    sizeClass: text('size_class', { enum: SIZE_CLASSES }),
    capacityQty: numeric('capacity_qty', { precision: 14, scale: 2 }),
    capacityUnit: text('capacity_unit', { enum: CAPACITY_UNITS }),
    capacityPeriod: text('capacity_period', { enum: CAPACITY_PERIODS }),
    /** The pemilik_ikm account that may edit this IKM. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** The owner agreed that their phone and e-mail may be shown publicly (catalog, buyers). */
    contactPublic: boolean('contact_public').notNull().default(false),
    contactConsentAt: timestamp('contact_consent_at', { withTimezone: true }),
    notes: text('notes'),
    /** Name, owner, NIB, desa and product names, already normalised by search_norm() (lower case, no accents), for search. */
    searchText: text('search_text').notNull().default(''),
    /** The commodities of its live products, for the commodity filter. */
    commodities: text('commodities').array().notNull().default(sql`'{}'::text[]`),
    /** The earliest expiry among its current legal documents (the best one of each kind). */
    minExpiry: date('min_expiry', { mode: 'string' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('ikm_nib_check', sql`${t.nib} is null or ${t.nib} ~ '^[0-9]{13}$'`),
    check('ikm_kbli_check', sql`${t.kbli} is null or ${t.kbli} ~ '^[0-9]{5}$'`),
    check('ikm_phone_check', sql`${t.phone} is null or ${t.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check(
      'ikm_workforce_check',
      sql`coalesce(${t.workforceMen}, 0) >= 0 and coalesce(${t.workforceWomen}, 0) >= 0`,
    ),
    check('ikm_investment_check', sql`${t.investment} is null or ${t.investment} >= 0`),
    check('ikm_size_class_check', sql`${t.sizeClass} is null or ${oneOf(t.sizeClass, SIZE_CLASSES)}`),
    check(
      'ikm_capacity_unit_check',
      sql`${t.capacityUnit} is null or ${oneOf(t.capacityUnit, CAPACITY_UNITS)}`,
    ),
    check(
      'ikm_capacity_period_check',
      sql`${t.capacityPeriod} is null or ${oneOf(t.capacityPeriod, CAPACITY_PERIODS)}`,
    ),
    uniqueIndex('ikm_nib_key').on(t.nib).where(sql`${t.nib} is not null and ${t.archivedAt} is null`),
    uniqueIndex('ikm_slug_key').on(t.slug),
    index('ikm_name_idx').on(sql`lower(${t.name})`, t.id).where(live(t)),
    index('ikm_kabkota_name_idx').on(t.kabkotaCode, sql`lower(${t.name})`, t.id).where(live(t)),
    index('ikm_workforce_idx').on(t.workforceTotal, t.id).where(live(t)),
    index('ikm_kabkota_id_idx').on(t.kabkotaCode, t.id).where(live(t)),
    index('ikm_kecamatan_idx').on(t.kecamatanCode),
    index('ikm_sentra_idx').on(t.sentraId),
    index('ikm_owner_idx').on(t.ownerUserId),
    index('ikm_min_expiry_idx').on(t.minExpiry).where(live(t)),
    index('ikm_commodities_idx').using('gin', t.commodities),
    index('ikm_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // The few archived IKMs: the catalog's counts subtract their products without visiting the live ones.
    index('ikm_archived_idx').on(t.id).where(sql`${t.archivedAt} is not null`),
  ],
);

/** A legal document of an IKM (NIB, PIRT, BPOM MD, halal, SNI, trademark) with its scan and dates. */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    id: idColumn(),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').notNull(),
    kind: text('kind', { enum: LEGAL_DOCUMENT_KINDS }).notNull(),
    number: text('number').notNull(),
    issuer: text('issuer'),
    issueDate: date('issue_date', { mode: 'string' }),
    expiryDate: date('expiry_date', { mode: 'string' }),
    fileSha256: text('file_sha256').references(() => files.sha256),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('legal_documents_kind_check', oneOf(t.kind, LEGAL_DOCUMENT_KINDS)),
    check(
      'legal_documents_dates_check',
      sql`${t.issueDate} is null or ${t.expiryDate} is null or ${t.expiryDate} >= ${t.issueDate}`,
    ),
    index('legal_documents_ikm_idx').on(t.ikmId),
    index('legal_documents_kabkota_expiry_idx').on(t.kabkotaCode, t.expiryDate).where(live(t)),
  ],
);

/** What an IKM makes. Large table: carries the kab/kota of its IKM. */
export const products = pgTable(
  'products',
  {
    id: idColumn(),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').notNull(),
    name: text('name').notNull(),
    /** The public catalog's address (`/produk/<slug>`): made once on insert, unique, kept on rename. */
    slug: text('slug'),
    /**
     * The office shows this product in the public catalog (ADR 0500). Off for a new product: a draft
     * stays private until an officer publishes it.
     */
    published: boolean('published').notNull().default(false),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    descriptionId: text('description_id'),
    descriptionEn: text('description_en'),
    /** Cerita produk: plain text with a few marks, sanitised on save (story.tsx). */
    storyId: text('story_id'),
    storyEn: text('story_en'),
    localMaterialPct: numeric('local_material_pct', { precision: 5, scale: 2 }),
    priceMin: bigint('price_min', { mode: 'number' }),
    priceMax: bigint('price_max', { mode: 'number' }),
    capacityQty: numeric('capacity_qty', { precision: 14, scale: 2 }),
    capacityUnit: text('capacity_unit', { enum: CAPACITY_UNITS }),
    capacityPeriod: text('capacity_period', { enum: CAPACITY_PERIODS }),
    hsCode: text('hs_code'),
    packaging: text('packaging'),
    certifications: text('certifications'),
    coverPhotoId: uuid('cover_photo_id'),
    /** Product name, IKM name and HS code, already normalised by search_norm() (lower case, no accents), for search. */
    searchText: text('search_text').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('products_commodity_check', oneOf(t.commodity, COMMODITIES)),
    check('products_hs_code_check', sql`${t.hsCode} is null or ${t.hsCode} ~ '^[0-9]{6,10}$'`),
    check(
      'products_local_material_check',
      sql`${t.localMaterialPct} is null or (${t.localMaterialPct} >= 0 and ${t.localMaterialPct} <= 100)`,
    ),
    check(
      'products_price_check',
      sql`(${t.priceMin} is null or ${t.priceMin} >= 0) and (${t.priceMin} is null or ${t.priceMax} is null or ${t.priceMax} >= ${t.priceMin})`,
    ),
    check(
      'products_capacity_unit_check',
      sql`${t.capacityUnit} is null or ${oneOf(t.capacityUnit, CAPACITY_UNITS)}`,
    ),
    check(
      'products_capacity_period_check',
      sql`${t.capacityPeriod} is null or ${oneOf(t.capacityPeriod, CAPACITY_PERIODS)}`,
    ),
    index('products_ikm_idx').on(t.ikmId),
    index('products_name_idx').on(sql`lower(${t.name})`, t.id).where(live(t)),
    index('products_kabkota_name_idx').on(t.kabkotaCode, sql`lower(${t.name})`, t.id).where(live(t)),
    index('products_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('products_slug_key').on(t.slug),
    // The public catalog's orders and filters, over published live rows only (ADR 0500). Migration
    // 0008 rebuilds the sort and kab/kota ones with INCLUDE columns drizzle cannot express (ADR 0511).
    index('products_catalog_recent_idx').on(t.id).where(catalogPublic(t)),
    index('products_catalog_name_idx').on(sql`lower(${t.name})`, t.id).where(catalogPublic(t)),
    index('products_catalog_price_idx')
      .on(sql`coalesce(${t.priceMin}, ${sql.raw(String(CATALOG_NO_PRICE))})`, t.id)
      .where(catalogPublic(t)),
    index('products_catalog_kabkota_idx').on(t.kabkotaCode, t.id).where(catalogPublic(t)),
    index('products_catalog_commodity_idx').on(t.commodity, t.id).where(catalogPublic(t)),
    // The catalog's counts (per kab/kota, commodity and IKM) read this index alone (ADR 0510).
    index('products_catalog_counts_idx').on(t.kabkotaCode, t.commodity, t.ikmId).where(catalogPublic(t)),
  ],
);

/** A product photo: the original upload and its derivatives, made once (≤ 30 KB thumbnail). */
export const productPhotos = pgTable(
  'product_photos',
  {
    id: idColumn(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    kabkotaCode: text('kabkota_code').notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileMime: text('file_mime').notNull(),
    fileName: text('file_name'),
    thumbSha256: text('thumb_sha256')
      .notNull()
      .references(() => files.sha256),
    displaySha256: text('display_sha256')
      .notNull()
      .references(() => files.sha256),
    width: integer('width'),
    height: integer('height'),
    caption: text('caption'),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_photos_product_idx').on(t.productId, t.position)],
);

/** A kab/kota's regional potential profile (profil potensi daerah): the overview. */
export const potentialProfiles = pgTable('potential_profiles', {
  kabkotaCode: text('kabkota_code')
    .primaryKey()
    .references(() => regions.code),
  provinceCode: text('province_code').notNull(),
  overview: text('overview'),
  ...editable(),
});

/**
 * A leading commodity (komoditi unggulan) of a kab/kota: its raw-material base (SDA), its human
 * resources (SDM), uniqueness and local wisdom. Registry figures are matched by commodity and keyword.
 */
export const potentialCommodities = pgTable(
  'potential_commodities',
  {
    id: idColumn(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    /** A word that picks this commodity's sentra and products out of the registry (e.g. "sagu"). */
    keyword: text('keyword'),
    position: integer('position').notNull().default(0),
    sdaDescription: text('sda_description'),
    sdaQuantity: numeric('sda_quantity', { precision: 14, scale: 2 }),
    sdaUnit: text('sda_unit'),
    sdaSource: text('sda_source'),
    sdaYear: integer('sda_year'),
    sdmArtisans: integer('sdm_artisans'),
    sdmDescription: text('sdm_description'),
    trainingCentres: text('training_centres'),
    uniqueness: text('uniqueness'),
    localWisdom: text('local_wisdom'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('potential_commodities_commodity_check', oneOf(t.commodity, COMMODITIES)),
    check(
      'potential_commodities_year_check',
      sql`${t.sdaYear} is null or ${t.sdaYear} between 1900 and 2200`,
    ),
    index('potential_commodities_kabkota_idx').on(t.kabkotaCode, t.position),
  ],
);
