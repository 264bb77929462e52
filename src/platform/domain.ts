/**
 * Closed sets shared by the schema (check constraints), the code (unions) and validation (zod enums).
 * One list each; everything else derives from it.
 */
import { z } from 'zod';

export const ROLES = ['admin_provinsi', 'petugas_kabkota', 'penilai', 'pemilik_ikm'] as const;
export type Role = (typeof ROLES)[number];
export const RoleEnum = z.enum(ROLES);

export const REGION_LEVELS = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LangEnum = z.enum(LANGS);

/** The OVOP commodities (brief §1.5) plus "lainnya"; products, cycles and rubrics share these codes. */
export const COMMODITIES = [
  'makanan_minuman',
  'kain_tenun',
  'kain_batik',
  'anyaman',
  'gerabah',
  'lainnya',
] as const;
export type Commodity = (typeof COMMODITIES)[number];
export const CommodityEnum = z.enum(COMMODITIES);

/** The kinds of cycle (brief §1.6, §2.4): provincial pre-selection, national round, re-evaluation. */
export const CYCLE_KINDS = ['provincial_preselection', 'national_award', 're_evaluation'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];
export const CycleKindEnum = z.enum(CYCLE_KINDS);

/** The phases of a cycle, in their usual order. */
export const CYCLE_PHASES = [
  'potential_identification',
  'proposal',
  'admin_selection',
  'assessment',
  'decision',
  'publication',
] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
export const CyclePhaseEnum = z.enum(CYCLE_PHASES);

/**
 * Which kind of an IKM's registered documents may satisfy a checklist item. The registry's legal
 * documents use the same codes where they exist (it calls the trademark `trademark`); `lab_test`
 * and `other` are uploaded against the nomination.
 */
export const CHECKLIST_DOCUMENT_KINDS = [
  'nib',
  'pirt',
  'bpom_md',
  'halal',
  'sni',
  'trademark',
  'lab_test',
  'other',
] as const;
export type ChecklistDocumentKind = (typeof CHECKLIST_DOCUMENT_KINDS)[number];
export const ChecklistDocumentKindEnum = z.enum(CHECKLIST_DOCUMENT_KINDS);

/** Nomination states (DESIGN.md §2); the allowed moves are in features/cycles/nomination-states.ts. */
export const NOMINATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'admin_passed',
  'admin_failed',
  'in_assessment',
  'assessed',
  'decided',
  'published',
  'withdrawn',
] as const;
export type NominationState = (typeof NOMINATION_STATES)[number];
export const NominationStateEnum = z.enum(NOMINATION_STATES);

/** What an e-mail row of the outbox is doing: waiting for SMTP, sent, failed, or kept only (no SMTP). */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'outbox_only'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
