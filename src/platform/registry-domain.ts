/**
 * Closed sets of the registry (sentra, IKM, products), shared by the schema's check constraints, the
 * code's unions and the zod enums; later features (cycles, catalog, coaching) use them too.
 */
import { z } from 'zod';

// One list of commodities for the whole app (platform/domain.ts); re-exported for the registry's callers.
export { COMMODITIES, type Commodity, CommodityEnum } from './domain.ts';

/** The legal documents an IKM can hold (brief §5). */
export const LEGAL_DOCUMENT_KINDS = ['nib', 'pirt', 'bpom_md', 'halal', 'sni', 'trademark'] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];
export const LegalDocumentKindEnum = z.enum(LEGAL_DOCUMENT_KINDS);

/** Size classes under Permenperin 64/2016 (thresholds configurable: app_settings). */
export const SIZE_CLASSES = ['kecil', 'menengah', 'besar'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
export const SizeClassEnum = z.enum(SIZE_CLASSES);

/** Units a production capacity is counted in (a closed list, so sheets can offer a dropdown). */
export const CAPACITY_UNITS = [
  'kg',
  'ton',
  'liter',
  'botol',
  'bungkus',
  'kotak',
  'pcs',
  'lembar',
  'meter',
  'set',
  'unit',
] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
export const CapacityUnitEnum = z.enum(CAPACITY_UNITS);

export const CAPACITY_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];
export const CapacityPeriodEnum = z.enum(CAPACITY_PERIODS);

/** An IKM's legality at a glance, derived from its NIB and the expiry of its documents. */
export const LEGALITY_STATES = ['complete', 'expiring', 'expired', 'no_nib'] as const;
export type LegalityState = (typeof LEGALITY_STATES)[number];
export const LegalityStateEnum = z.enum(LEGALITY_STATES);

/** Documents expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 90;
