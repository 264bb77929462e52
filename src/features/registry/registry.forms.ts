/**
 * zod schemas of the registry, shared by the pages, the JSON API and the spreadsheet import: one
 * schema per form, each field accepting the shapes people really type (identifiers.ts).
 */
import { z } from 'zod';
import { checkbox, optionalText, text, unlessMissing, V, versionField } from '../../platform/fields.ts';
import { localDate } from '../../platform/format.ts';
import {
  CapacityPeriodEnum,
  CapacityUnitEnum,
  CommodityEnum,
  LegalDocumentKindEnum,
  LegalityStateEnum,
  SizeClassEnum,
} from '../../platform/registry-domain.ts';
import {
  type Parsed,
  parseBpomMd,
  parseDocNumber,
  parseHsCode,
  parseIdDate,
  parseIdNumber,
  parseKbli,
  parseNib,
  parsePhone,
  parsePirt,
} from './identifiers.ts';
import { registryRules } from './registry.messages.ts';
import { sanitizeStory, STORY_MAX } from './story.tsx';

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/** An optional identifier normalised by one of the identifiers.ts parsers. */
export function identifier(parse: (raw: string | number) => Parsed<string>) {
  return z.preprocess(blank, z.union([z.string().max(200), z.number()]).optional()).transform((v, ctx) => {
    if (v === undefined) return undefined;
    const r = parse(v);
    if (r.ok) return r.value;
    ctx.addIssue(
      r.params
        ? { code: 'custom', message: r.error, params: r.params }
        : { code: 'custom', message: r.error },
    );
    return z.NEVER;
  });
}

const numberInput = (v: unknown) => {
  const b = blank(v);
  if (b === undefined || typeof b === 'number') return b;
  if (typeof b !== 'string') return b;
  return parseIdNumber(b) ?? Number.NaN;
};

/** An optional number in Indonesian format (`1.250.000`, `2,5`, `1,5 juta`). */
export const idNumber = (opts: { min?: number; max?: number; int?: boolean } = {}) => {
  let n = z.number(unlessMissing(opts.int ? registryRules.wholeNumber : V.number));
  if (opts.int) n = n.int(registryRules.wholeNumber);
  if (opts.min !== undefined) n = n.min(opts.min);
  if (opts.max !== undefined) n = n.max(opts.max);
  return z.preprocess(numberInput, n.optional());
};

/** Optional whole rupiah (bigint in the database). */
export const idRupiah = () =>
  z.preprocess(
    numberInput,
    z.number(unlessMissing(V.wholeRupiah)).int(V.wholeRupiah).min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  );

/**
 * An optional calendar date from `28/11/2026`, `28 Nov 2026`, an Excel serial… `past` refuses a
 * date after today (in the province's zone): a decree or a document cannot be dated in the future.
 */
export const idDate = (opts: { past?: boolean } = {}) => {
  let date = z.iso.date(unlessMissing(V.dateFormat));
  if (opts.past) date = date.refine((d) => d <= localDate(), { message: registryRules.dateInFuture });
  return z.preprocess((v) => {
    const b = blank(v);
    if (b === undefined) return undefined;
    if (typeof b === 'string' || typeof b === 'number' || b instanceof Date)
      return parseIdDate(b) ?? `invalid:${String(b)}`;
    return b;
  }, date.optional());
};

const optionalEmail = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.trim().toLowerCase()) : blank(v)),
    z.email().max(254).optional(),
  );

const optionalEnum = <T extends z.ZodType>(e: T) => z.preprocess(blank, e.optional());
const optionalUuid = () => z.preprocess(blank, z.uuid(registryRules.notAChoice).optional());
const regionCode = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string().regex(/^\d{2}\.\d{2}$/, registryRules.chooseKabkota),
  );
const optionalKecamatan = () =>
  z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{2}\.\d{2}\.\d{2}$/, registryRules.notAChoice)
      .optional(),
  );

/** A story (cerita produk): sanitised to its few marks on the way in. */
const story = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? blank(sanitizeStory(v)) : blank(v)),
    z.string().max(STORY_MAX).optional(),
  );

/** Capacity is a quantity per period in a unit: all three, or none. */
function capacityComplete(
  d: { capacityQty?: unknown; capacityUnit?: unknown; capacityPeriod?: unknown },
  ctx: z.RefinementCtx,
) {
  if (d.capacityQty === undefined) {
    // A unit or period without its quantity says nothing; kept silently, it would look recorded.
    if (d.capacityUnit !== undefined || d.capacityPeriod !== undefined)
      ctx.addIssue({ code: 'custom', path: ['capacityQty'], message: registryRules.capacityQtyNeeded });
    return;
  }
  if (d.capacityUnit === undefined)
    ctx.addIssue({ code: 'custom', path: ['capacityUnit'], message: registryRules.capacityUnitNeeded });
  if (d.capacityPeriod === undefined)
    ctx.addIssue({ code: 'custom', path: ['capacityPeriod'], message: registryRules.capacityPeriodNeeded });
}

// Sentra ----------------------------------------------------------------------------------------

export const SentraFields = z.object({
  name: text(200),
  kabkotaCode: regionCode(),
  kecamatanCode: optionalKecamatan(),
  desa: optionalText(120),
  commodity: CommodityEnum,
  productFocus: optionalText(120),
  decreeNumber: optionalText(120),
  decreeDate: idDate({ past: true }),
  unitCount: idNumber({ int: true, min: 0, max: 100_000 }),
  leadIkmId: optionalUuid(),
  notes: optionalText(4000),
});
export type SentraInput = z.output<typeof SentraFields>;
export const SentraUpdate = SentraFields.extend({ version: versionField() });
export type SentraUpdate = z.output<typeof SentraUpdate>;

// IKM -------------------------------------------------------------------------------------------

const ikmShape = {
  name: text(200),
  ownerName: text(200),
  nib: identifier(parseNib),
  kbli: identifier(parseKbli),
  phone: identifier(parsePhone),
  email: optionalEmail(),
  address: optionalText(500),
  kabkotaCode: regionCode(),
  kecamatanCode: optionalKecamatan(),
  desa: optionalText(120),
  sentraId: optionalUuid(),
  workforceMen: idNumber({ int: true, min: 0, max: 1_000_000 }),
  workforceWomen: idNumber({ int: true, min: 0, max: 1_000_000 }),
  investment: idRupiah(),
  capacityQty: idNumber({ min: 0, max: 999_999_999_999 }),
  capacityUnit: optionalEnum(CapacityUnitEnum),
  capacityPeriod: optionalEnum(CapacityPeriodEnum),
  contactPublic: checkbox().default(false),
  /** The e-mail of the pemilik_ikm account that may edit this IKM. */
  ownerEmail: optionalEmail(),
  notes: optionalText(4000),
};

export const IkmFields = z.object(ikmShape).superRefine(capacityComplete, { when: () => true });
export type IkmInput = z.output<typeof IkmFields>;
export const IkmUpdate = z
  .object({ ...ikmShape, version: versionField() })
  .superRefine(capacityComplete, { when: () => true });
export type IkmUpdate = z.output<typeof IkmUpdate>;

// Legal documents ---------------------------------------------------------------------------------

const NUMBER_PARSERS: Record<
  z.infer<typeof LegalDocumentKindEnum>,
  (raw: string | number) => Parsed<string>
> = {
  nib: parseNib,
  pirt: parsePirt,
  bpom_md: parseBpomMd,
  halal: parseDocNumber,
  sni: parseDocNumber,
  trademark: parseDocNumber,
};

const documentShape = {
  kind: LegalDocumentKindEnum,
  number: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(120)),
  issuer: optionalText(200),
  issueDate: idDate({ past: true }),
  expiryDate: idDate(),
  notes: optionalText(2000),
};

type DocumentDraft = { kind?: unknown; number?: unknown; issueDate?: unknown; expiryDate?: unknown };

/** The number in the shape of its kind; an expiry on or after the issue date. */
function documentRules(d: DocumentDraft, ctx: z.RefinementCtx) {
  if (typeof d.kind === 'string' && d.kind in NUMBER_PARSERS && typeof d.number === 'string') {
    const r = NUMBER_PARSERS[d.kind as keyof typeof NUMBER_PARSERS](d.number);
    if (!r.ok)
      ctx.addIssue(
        r.params
          ? { code: 'custom', path: ['number'], message: r.error, params: r.params }
          : { code: 'custom', path: ['number'], message: r.error },
      );
  }
  if (typeof d.issueDate === 'string' && typeof d.expiryDate === 'string' && /^\d{4}-/.test(d.issueDate)) {
    if (d.expiryDate < d.issueDate)
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: registryRules.expiryBeforeIssue });
  }
}

/** The document number normalised for its kind (digits only for NIB, PIRT; MD… for BPOM). */
function normaliseNumber<T extends { kind: z.infer<typeof LegalDocumentKindEnum>; number: string }>(d: T): T {
  const r = NUMBER_PARSERS[d.kind](d.number);
  return r.ok ? { ...d, number: r.value } : d;
}

export const DocumentFields = z
  .object(documentShape)
  .superRefine(documentRules, { when: () => true })
  .transform(normaliseNumber);
export type DocumentInput = z.output<typeof DocumentFields>;
export const DocumentUpdate = z
  .object({ ...documentShape, version: versionField() })
  .superRefine(documentRules, { when: () => true })
  .transform(normaliseNumber);
export type DocumentUpdate = z.output<typeof DocumentUpdate>;

// Products ---------------------------------------------------------------------------------------

const productShape = {
  ikmId: z.uuid(registryRules.notAChoice),
  name: text(200),
  commodity: CommodityEnum,
  descriptionId: optionalText(4000),
  descriptionEn: optionalText(4000),
  storyId: story(),
  storyEn: story(),
  localMaterialPct: idNumber({ min: 0, max: 100 }),
  priceMin: idRupiah(),
  priceMax: idRupiah(),
  capacityQty: idNumber({ min: 0, max: 999_999_999_999 }),
  capacityUnit: optionalEnum(CapacityUnitEnum),
  capacityPeriod: optionalEnum(CapacityPeriodEnum),
  hsCode: identifier(parseHsCode),
  packaging: optionalText(500),
  certifications: optionalText(1000),
  /**
   * Shown in the public catalog (ADR 0500): "yes"/"no" from the form's radios, a boolean from the API.
   * Absent keeps what is stored (and a new product stays a draft).
   */
  published: z.preprocess(
    (v) =>
      v === 'yes' || v === true || v === 'true'
        ? true
        : v === 'no' || v === false || v === 'false'
          ? false
          : undefined,
    z.boolean().optional(),
  ),
};

function productRules(d: { priceMin?: unknown; priceMax?: unknown }, ctx: z.RefinementCtx) {
  if (typeof d.priceMin === 'number' && typeof d.priceMax === 'number' && d.priceMax < d.priceMin)
    ctx.addIssue({ code: 'custom', path: ['priceMax'], message: registryRules.priceMaxBelowMin });
}

export const ProductFields = z
  .object(productShape)
  .superRefine(capacityComplete, { when: () => true })
  .superRefine(productRules, { when: () => true });
export type ProductInput = z.output<typeof ProductFields>;
export const ProductUpdate = z
  .object({ ...productShape, version: versionField() })
  .superRefine(capacityComplete, { when: () => true })
  .superRefine(productRules, { when: () => true });
export type ProductUpdate = z.output<typeof ProductUpdate>;

export const PhotoCaption = z.object({ caption: optionalText(200) });

// Lists ------------------------------------------------------------------------------------------

/**
 * Lists sort by name; a search, unless told otherwise, shows the most recently recorded matches
 * first: the matches of a common word cluster in alphabetical order (every "UD Tenun …" together),
 * so finding the first ones by name can mean walking past most of the table (ADR 0100).
 */
const defaultSort = <F extends { q?: string | undefined; sort?: string | undefined }>(f: F) =>
  ({ ...f, sort: f.sort ?? (f.q ? 'recent' : 'name') }) as F & { sort: NonNullable<F['sort']> };

const cursor = () => z.string().max(1000).optional();
const dir = () => z.preprocess(blank, z.enum(['asc', 'desc']).optional());
const optionalFilterText = (max: number) => optionalText(max);

export const IkmFilter = z
  .object({
    q: optionalFilterText(100),
    kabkota: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{2}\.\d{2}$/)
        .optional(),
    ),
    kecamatan: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{2}\.\d{2}\.\d{2}$/)
        .optional(),
    ),
    commodity: optionalEnum(CommodityEnum),
    sentra: optionalUuid(),
    legal: optionalEnum(LegalityStateEnum),
    size: optionalEnum(SizeClassEnum),
    sort: z.preprocess(blank, z.enum(['name', 'recent', 'workforce']).optional()),
    dir: dir(),
    after: cursor(),
    before: cursor(),
  })
  .transform(defaultSort);
export type IkmFilter = z.output<typeof IkmFilter>;

export const ProductFilter = z
  .object({
    q: optionalFilterText(100),
    kabkota: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{2}\.\d{2}$/)
        .optional(),
    ),
    commodity: optionalEnum(CommodityEnum),
    ikm: optionalUuid(),
    sort: z.preprocess(blank, z.enum(['name', 'recent']).optional()),
    dir: dir(),
    after: cursor(),
    before: cursor(),
  })
  .transform(defaultSort);
export type ProductFilter = z.output<typeof ProductFilter>;

export const SentraFilter = z
  .object({
    q: optionalFilterText(100),
    kabkota: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{2}\.\d{2}$/)
        .optional(),
    ),
    kecamatan: z.preprocess(
      blank,
      z
        .string()
        .regex(/^\d{2}\.\d{2}\.\d{2}$/)
        .optional(),
    ),
    commodity: optionalEnum(CommodityEnum),
    decree: optionalEnum(z.enum(['with', 'without'])),
    sort: z.preprocess(blank, z.enum(['name', 'recent']).optional()),
    dir: dir(),
    after: cursor(),
    before: cursor(),
  })
  .transform(defaultSort);
export type SentraFilter = z.output<typeof SentraFilter>;

// Settings and potential profiles ----------------------------------------------------------------

export const SizeThresholdsForm = z
  .object({
    smallMaxWorkers: idNumber({ int: true, min: 0, max: 100_000 }).pipe(z.number()),
    smallInvestmentBelow: idRupiah().pipe(z.number()),
    mediumMaxInvestment: idRupiah().pipe(z.number()),
    version: z.coerce.number().int().min(0),
  })
  .superRefine(
    (d, ctx) => {
      if (
        typeof d.smallInvestmentBelow === 'number' &&
        typeof d.mediumMaxInvestment === 'number' &&
        d.mediumMaxInvestment < d.smallInvestmentBelow
      )
        ctx.addIssue({
          code: 'custom',
          path: ['mediumMaxInvestment'],
          message: registryRules.thresholdOrder,
        });
    },
    { when: () => true },
  );
export type SizeThresholdsForm = z.output<typeof SizeThresholdsForm>;

export const PotentialOverview = z.object({
  overview: optionalText(8000),
  version: z.coerce.number().int().min(0),
});
export type PotentialOverview = z.output<typeof PotentialOverview>;

const potentialCommodityShape = {
  name: text(120),
  commodity: CommodityEnum,
  keyword: optionalText(60),
  position: idNumber({ int: true, min: 0, max: 1000 }),
  sdaDescription: optionalText(4000),
  sdaQuantity: idNumber({ min: 0, max: 999_999_999_999 }),
  sdaUnit: optionalText(40),
  sdaSource: optionalText(1000),
  sdaYear: idNumber({ int: true, min: 1900, max: 2200 }),
  sdmArtisans: idNumber({ int: true, min: 0, max: 10_000_000 }),
  sdmDescription: optionalText(4000),
  trainingCentres: optionalText(2000),
  uniqueness: optionalText(4000),
  localWisdom: optionalText(4000),
};
export const PotentialCommodityFields = z.object(potentialCommodityShape);
export type PotentialCommodityInput = z.output<typeof PotentialCommodityFields>;
export const PotentialCommodityUpdate = z.object({ ...potentialCommodityShape, version: versionField() });
export type PotentialCommodityUpdate = z.output<typeof PotentialCommodityUpdate>;
