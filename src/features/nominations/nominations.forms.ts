/** zod schemas of candidates, nominations, administrative selection and earlier awards (pages and API). */
import { z } from 'zod';
import {
  checkbox,
  integer,
  optionalCalendarDate,
  optionalText,
  text,
  versionField,
} from '../../platform/fields.ts';
import { CommodityEnum, NominationStateEnum } from '../../platform/domain.ts';
import { ReviewVerdictEnum } from '../../platform/nomination-domain.ts';

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const optionalUuid = () => z.preprocess(blank, z.uuid().optional());
const cursor = () => z.string().max(1000).optional();

export const NominationCreate = z.object({
  cycleId: z.uuid(),
  productId: z.uuid(),
  candidateId: optionalUuid(),
  statement: optionalText(2000),
  notLeadReason: optionalText(1000),
});
export type NominationCreate = z.output<typeof NominationCreate>;

export const NominationDetails = z.object({
  statement: optionalText(2000),
  notLeadReason: optionalText(1000),
  version: versionField(),
});
export type NominationDetails = z.output<typeof NominationDetails>;

/** The fields beside an uploaded file (the file itself comes as a File or as base64 in the API). */
export const DocumentFields = z.object({
  documentNumber: optionalText(100),
  expiresOn: optionalCalendarDate(),
});
export type DocumentFields = z.output<typeof DocumentFields>;

export const AttachRegistry = z.object({ legalDocumentId: z.uuid() });

export const VersionOnly = z.object({ version: versionField() });

export const Withdraw = z.object({ version: versionField(), reason: optionalText(1000) });
export type Withdraw = z.output<typeof Withdraw>;

export const ItemVerdict = z.object({
  checklistItemId: z.uuid(),
  verdict: ReviewVerdictEnum,
  comment: optionalText(1000),
});
export type ItemVerdict = z.output<typeof ItemVerdict>;

export const DECISIONS = ['save', 'return', 'pass', 'fail'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The review page's fields other than each item's verdict and comment (`verdict.<itemId>`, `comment.<itemId>`). */
export const ReviewForm = z.object({
  version: versionField(),
  decision: z.enum(DECISIONS),
  reason: optionalText(1000),
});

/** The same, as the API takes it. */
export const ReviewInput = ReviewForm.extend({ items: z.array(ItemVerdict).max(100).default([]) });
export type ReviewInput = z.output<typeof ReviewInput>;

export const BULK_ACTIONS = ['pass', 'fail'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

const idVersion = z.string().regex(/^[0-9a-f-]{36}:\d{1,9}$/);

export const BulkForm = z.object({
  action: z.enum(BULK_ACTIONS),
  /** `<id>:<version>` of each chosen nomination (the version the admin saw). */
  ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(idVersion).max(200)),
  confirmAuto: checkbox(),
  reason: optionalText(1000),
  confirmed: checkbox(),
});
export type BulkForm = z.output<typeof BulkForm>;

export const BulkInput = z.object({
  action: z.enum(BULK_ACTIONS),
  nominations: z
    .array(z.object({ id: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(200),
  confirmAuto: z.boolean().default(false),
  reason: optionalText(1000),
});
export type BulkInput = z.output<typeof BulkInput>;

export const NominationFilter = z.object({
  cycle: optionalUuid(),
  state: z.preprocess(blank, NominationStateEnum.optional()),
  kabkota: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{2}\.\d{2}$/)
      .optional(),
  ),
  commodity: z.preprocess(blank, CommodityEnum.optional()),
  after: cursor(),
  before: cursor(),
});
export type NominationFilter = z.output<typeof NominationFilter>;

export const NewNominationQuery = z.object({
  cycle: optionalUuid(),
  q: optionalText(100),
});

export const CandidateCreate = z.object({
  cycleId: z.uuid(),
  productId: z.uuid(),
  justification: text(1000),
});
export type CandidateCreate = z.output<typeof CandidateCreate>;

export const CandidateComment = z.object({ body: text(2000) });

export const CandidateFilter = z.object({
  cycle: optionalUuid(),
  kabkota: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{2}\.\d{2}$/)
      .optional(),
  ),
  q: optionalText(100),
  after: cursor(),
  before: cursor(),
});
export type CandidateFilter = z.output<typeof CandidateFilter>;

export const AwardCreate = z.object({
  ikmId: z.uuid(),
  productId: optionalUuid(),
  cycleId: optionalUuid(),
  year: integer().pipe(z.number().min(2000).max(2200)),
  stars: integer().pipe(z.number().min(1).max(5)),
  notes: optionalText(1000),
});
export type AwardCreate = z.output<typeof AwardCreate>;

export const AwardFilter = z.object({
  q: optionalText(100),
  after: cursor(),
  before: cursor(),
});

export const FunnelQuery = z.object({ cycle: optionalUuid() });
