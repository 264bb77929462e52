/** zod schemas of coaching programmes, outcomes and recommendations, shared by the pages and the API. */
import { z } from 'zod';
import { COACHING_KINDS, COACHING_LEVELS, FUNDING_SOURCES, OUTCOME_KINDS } from '../../db/schema/coaching.ts';
import {
  calendarDate,
  checkbox,
  optionalCalendarDate,
  optionalText,
  parseIndonesianNumber,
  text,
  versionField,
} from '../../platform/fields.ts';
import { LegalDocumentKindEnum } from '../../platform/registry-domain.ts';
import { DocumentFields, type DocumentInput } from '../registry/registry.forms.ts';
import { coachingRules } from './coaching.messages.ts';
import { PROGRAMME_PHASES } from './coaching.rules.ts';

export const CoachingKindEnum = z.enum(COACHING_KINDS);
export const FundingSourceEnum = z.enum(FUNDING_SOURCES);
export const CoachingLevelEnum = z.enum(COACHING_LEVELS);
export const OutcomeKindEnum = z.enum(OUTCOME_KINDS);

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const blank = (v: unknown) => (isBlank(v) ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** A checkbox group or a JSON array: one ticked box arrives as a string, none as nothing. */
const many = <T extends z.ZodType>(item: T, max = 500, min = 0, minKey?: string) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).min(min, minKey).max(max),
  );

/** Whole rupiah with the feature's own words for "not a number", "not whole" and "negative". */
const rupiahField = (keys: { notNumber: string; whole: string; negative: string }) =>
  z.preprocess(
    (v) => {
      if (isBlank(v)) return undefined;
      if (typeof v === 'string') return parseIndonesianNumber(v) ?? Number.NaN;
      return v;
    },
    z
      .number({ error: (iss) => (iss.input === undefined ? undefined : keys.notNumber) })
      .int(keys.whole)
      .min(0, keys.negative)
      .max(Number.MAX_SAFE_INTEGER, keys.notNumber)
      .optional(),
  );

const programmeFields = {
  title: text(200),
  kind: CoachingKindEnum,
  certificationKind: optional(LegalDocumentKindEnum),
  fundingSource: FundingSourceEnum,
  /** The coaching level; a kab/kota officer's programmes are always their kab/kota's. */
  level: optional(CoachingLevelEnum),
  /** The kab/kota running a kab/kota-level programme. */
  kabkotaCode: optional(z.string().regex(/^\d{2}\.\d{2}$/, coachingRules.ownerUnknown)),
  startDate: calendarDate(),
  endDate: optionalCalendarDate(),
  budgetRp: rupiahField({
    notNumber: coachingRules.budgetNotNumber,
    whole: coachingRules.budgetWhole,
    negative: coachingRules.budgetNegative,
  }),
  venue: optionalText(300),
  organiser: optionalText(200),
  description: optionalText(5000),
  partnerIds: many(z.uuid(coachingRules.partnerUnknown), 100),
};

type ProgrammeDraft = {
  kind?: unknown;
  certificationKind?: unknown;
  startDate?: unknown;
  endDate?: unknown;
};

/** A certificate is named for a certification programme only; the end is not before the start. */
function programmeRules(d: ProgrammeDraft, ctx: z.RefinementCtx) {
  if (d.kind === 'certification' && d.certificationKind === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['certificationKind'],
      message: coachingRules.certificationKindNeeded,
    });
  if (d.kind !== 'certification' && d.kind !== undefined && d.certificationKind !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['certificationKind'],
      message: coachingRules.certificationKindOnly,
    });
  if (typeof d.startDate === 'string' && typeof d.endDate === 'string' && /^\d{4}-/.test(d.endDate)) {
    if (d.endDate < d.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: coachingRules.endBeforeStart });
  }
}

export const ProgrammeInput = z.object(programmeFields).superRefine(programmeRules, { when: () => true });
export type ProgrammeInput = z.output<typeof ProgrammeInput>;

export const ProgrammeUpdate = z
  .object({ ...programmeFields, version: versionField() })
  .superRefine(programmeRules, { when: () => true });
export type ProgrammeUpdate = z.output<typeof ProgrammeUpdate>;

export const ProgrammeFilter = z.object({
  q: optionalText(100),
  kind: optional(CoachingKindEnum),
  funding: optional(FundingSourceEnum),
  level: optional(CoachingLevelEnum),
  /** A kab/kota code, or `province` for the province's and the centre's programmes. */
  owner: optional(z.union([z.literal('province'), z.string().regex(/^\d{2}\.\d{2}$/)])),
  phase: optional(z.enum(PROGRAMME_PHASES)),
  year: optional(z.coerce.number().int().min(1990).max(2200)),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type ProgrammeFilter = z.output<typeof ProgrammeFilter>;

// Participants and outcomes -----------------------------------------------------------------------

export const ParticipantsInput = z.object({
  ikmIds: many(z.uuid(coachingRules.ikmOutOfScope), 500, 1, coachingRules.chooseIkm),
});
export type ParticipantsInput = z.output<typeof ParticipantsInput>;

const outcomeFields = {
  ikmId: z.preprocess(blank, z.uuid({ error: () => coachingRules.chooseParticipant })),
  kind: OutcomeKindEnum,
  documentKind: optional(LegalDocumentKindEnum),
  evidenceNumber: optionalText(100),
  achievedOn: calendarDate(),
  description: optionalText(2000),
  valueRp: rupiahField({
    notNumber: coachingRules.valueNotNumber,
    whole: coachingRules.valueNotNumber,
    negative: coachingRules.valueNegative,
  }),
  /** Also record the certificate among the IKM's legal documents (through the registry). */
  recordDocument: checkbox(),
  documentIssuer: optionalText(200),
  documentExpiryDate: optionalCalendarDate(),
};

type OutcomeDraft = z.output<z.ZodObject<typeof outcomeFields>>;

/** A certificate names its kind and number (checked even when other fields are wrong, so all show at once). */
function certificateNamed(d: Partial<Record<keyof OutcomeDraft, unknown>>, ctx: z.RefinementCtx) {
  if (d.kind === 'certificate_obtained') {
    if (d.documentKind === undefined)
      ctx.addIssue({ code: 'custom', path: ['documentKind'], message: coachingRules.documentKindNeeded });
    if (d.evidenceNumber === undefined)
      ctx.addIssue({ code: 'custom', path: ['evidenceNumber'], message: coachingRules.evidenceNumberNeeded });
  }
  if (d.recordDocument === true && d.kind !== undefined && d.kind !== 'certificate_obtained')
    ctx.addIssue({
      code: 'custom',
      path: ['recordDocument'],
      message: coachingRules.recordDocumentOnlyCertificate,
    });
}

/** The registry's own document rules, with each message put on the outcome form's field. */
const DOCUMENT_FIELD_OF: Record<string, keyof OutcomeDraft> = {
  kind: 'documentKind',
  number: 'evidenceNumber',
  issuer: 'documentIssuer',
  issueDate: 'achievedOn',
  expiryDate: 'documentExpiryDate',
};

/**
 * A certificate to record among the legal documents is checked by the registry's own document rules
 * (a P-IRT of 15 digits, an expiry after the issue date…), each message on the outcome form's field.
 */
function documentOf(d: OutcomeDraft, ctx: z.RefinementCtx): OutcomeDraft & { document?: DocumentInput } {
  if (!d.recordDocument || d.kind !== 'certificate_obtained' || !d.documentKind || !d.evidenceNumber)
    return d;
  const parsed = DocumentFields.safeParse({
    kind: d.documentKind,
    number: d.evidenceNumber,
    issuer: d.documentIssuer,
    issueDate: d.achievedOn,
    expiryDate: d.documentExpiryDate,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = DOCUMENT_FIELD_OF[String(issue.path[0])] ?? 'evidenceNumber';
      const params = (issue as { params?: Record<string, unknown> }).params;
      ctx.addIssue(
        params
          ? { code: 'custom', path: [field], message: issue.message, params }
          : { code: 'custom', path: [field], message: issue.message },
      );
    }
    return d;
  }
  // The number as the registry normalises it (digits only for a P-IRT, MD… for BPOM).
  return { ...d, evidenceNumber: parsed.data.number, document: parsed.data };
}

export const OutcomeInput = z
  .object(outcomeFields)
  .superRefine(certificateNamed, { when: () => true })
  .transform(documentOf);
export type OutcomeInput = z.output<typeof OutcomeInput>;

/** A file in a JSON body. */
export const Base64File = z.object({
  name: z.string().min(1).max(200),
  contentBase64: z.string().max(30_000_000),
});

export const OutcomeApiInput = z
  .object({ ...outcomeFields, photos: z.array(Base64File).max(10).optional() })
  .superRefine(certificateNamed, { when: () => true })
  .transform((d, ctx) => {
    const { photos, ...rest } = d;
    return { ...documentOf(rest, ctx), photos: photos ?? [] };
  });
export type OutcomeApiInput = z.output<typeof OutcomeApiInput>;

// Recommendations ---------------------------------------------------------------------------------

const recommendationFields = {
  ikmId: z.uuid(coachingRules.ikmOutOfScope),
  coachingKind: CoachingKindEnum,
  certificationKind: optional(LegalDocumentKindEnum),
  text: text(1000),
};

export const RecommendationInput = z.object(recommendationFields).superRefine((d, ctx) => {
  if (d.certificationKind && d.coachingKind !== 'certification')
    ctx.addIssue({
      code: 'custom',
      path: ['certificationKind'],
      message: coachingRules.certificationKindOnly,
    });
});
export type RecommendationInput = z.output<typeof RecommendationInput>;

export const EnrolInput = z.object({
  programmeId: z.preprocess(blank, z.uuid({ error: () => coachingRules.chooseProgramme })),
});
export type EnrolInput = z.output<typeof EnrolInput>;

/** Enrolment for one coaching need of a gap analysis: the need's kind and the programme. */
export const EnrolNeedInput = EnrolInput.extend({ kind: CoachingKindEnum });
export type EnrolNeedInput = z.output<typeof EnrolNeedInput>;

export const DismissInput = z.object({ reason: optionalText(500) });

export const RecommendationFilter = z.object({
  kind: optional(CoachingKindEnum),
  /** One IKM's recommendations (linked from its profile). */
  ikm: optional(z.uuid()),
  kabkota: optional(z.string().regex(/^\d{2}\.\d{2}$/)),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type RecommendationFilter = z.output<typeof RecommendationFilter>;
