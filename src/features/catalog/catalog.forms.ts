/**
 * zod schemas of the public catalog, shared by the pages and the JSON API: the browse/search filter
 * and the buyer's inquiry (with its size limits), and the inbox's state change.
 */
import { z } from 'zod';
import { INQUIRY_STATES } from '../../db/schema/catalog.ts';
import { optionalText, text, versionField } from '../../platform/fields.ts';
import { CommodityEnum } from '../../platform/registry-domain.ts';

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** The certifications a buyer can filter by: the IKM holds a valid document of this kind. */
export const CATALOG_CERTIFICATIONS = ['halal', 'sni', 'bpom_md', 'pirt'] as const;
export type CatalogCertification = (typeof CATALOG_CERTIFICATIONS)[number];

export const CATALOG_SORTS = ['recent', 'name', 'price'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** Browse and search: every filter optional; a wrong value is ignored rather than refused (links age). */
export const CatalogFilter = z.object({
  q: optional(z.string().trim().max(100)).catch(undefined),
  kabkota: optional(z.string().regex(/^\d{2}\.\d{2}$/)).catch(undefined),
  /** The products of one IKM (its slug), from the IKM page's "all products" link. */
  ikm: optional(z.string().regex(/^[a-z0-9-]{1,100}$/)).catch(undefined),
  commodity: optional(CommodityEnum).catch(undefined),
  cert: optional(z.enum(CATALOG_CERTIFICATIONS)).catch(undefined),
  star: optional(z.coerce.number().int().min(1).max(5)).catch(undefined),
  sort: optional(z.enum(CATALOG_SORTS)).catch(undefined),
  after: optional(z.string().max(1000)).catch(undefined),
  before: optional(z.string().max(1000)).catch(undefined),
});
export type CatalogFilter = z.output<typeof CatalogFilter>;

/** The sizes an inquiry may have (the route also caps the whole body). */
export const INQUIRY_LIMITS = {
  name: 120,
  company: 200,
  country: 80,
  quantity: 100,
  message: 4000,
} as const;

/** A buyer's inquiry about one product (the product comes from the page's address). */
export const InquiryFields = z.object({
  name: text(INQUIRY_LIMITS.name),
  company: optionalText(INQUIRY_LIMITS.company),
  country: text(INQUIRY_LIMITS.country),
  email: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
    z.email().max(254),
  ),
  quantity: optionalText(INQUIRY_LIMITS.quantity),
  message: text(INQUIRY_LIMITS.message),
  /** The honeypot: hidden from people, filled by form-filling robots. */
  website: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()).optional(),
});
export type InquiryInput = z.output<typeof InquiryFields>;

/** The inbox: mark an inquiry read or handled (or open again), naming the version read. */
export const InquiryStateChange = z.object({
  state: z.enum(INQUIRY_STATES),
  version: versionField(),
});
export type InquiryStateChange = z.output<typeof InquiryStateChange>;

export const InquiryListFilter = z.object({
  state: optional(z.enum([...INQUIRY_STATES, 'open'] as const)).catch(undefined),
  after: optional(z.string().max(1000)).catch(undefined),
  before: optional(z.string().max(1000)).catch(undefined),
});
export type InquiryListFilter = z.output<typeof InquiryListFilter>;
