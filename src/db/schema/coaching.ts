import { sql } from 'drizzle-orm';
import {
  bigint,
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
// One list of coaching kinds for the gap analysis and the programmes (a lost point maps straight
// onto a programme kind); one list of legal documents for the certification sub-kind.
import { COACHING_KINDS } from '../../features/assessment/rubric.rules.ts';
import { LEGAL_DOCUMENT_KINDS } from '../../platform/registry-domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { cycles } from './cycles.ts';
import { stakeholders } from './events.ts';
import { files } from './files.ts';
import { regions } from './regions.ts';
import { ikm, legalDocuments } from './registry.ts';

export { COACHING_KINDS };
export type { CoachingKind } from '../../features/assessment/rubric.rules.ts';

/** Who pays for a programme (brief §2.5: Tugas Pembantuan is the centre's money delegated to the governor). */
export const FUNDING_SOURCES = [
  'apbd_provinsi',
  'apbd_kabkota',
  'tugas_pembantuan',
  'apbn',
  'partner',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Which level of government coaches (brief §6): the ministry, the province or the kab/kota. */
export const COACHING_LEVELS = ['centre', 'province', 'kabkota'] as const;
export type CoachingLevel = (typeof COACHING_LEVELS)[number];

/** What a participant came away with. */
export const OUTCOME_KINDS = [
  'certificate_obtained',
  'training_completed',
  'new_packaging',
  'equipment_received',
  'new_market',
  'production_improved',
  'other',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** How a participant came into a programme. */
export const ENROLMENT_SOURCES = ['manual', 'recommendation'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

/** Where a coaching recommendation came from: an assessment's gap analysis, or an officer. */
export const RECOMMENDATION_SOURCES = ['gap_analysis', 'manual'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

/**
 * A coaching programme (program pembinaan): its kind, funding, coaching level, dates and budget.
 * `kabkota_code` is the kab/kota that runs it (level kabkota); null for the province's and the
 * centre's programmes, which the province office records.
 */
export const coachingProgrammes = pgTable(
  'coaching_programmes',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').references(() => regions.code),
    title: text('title').notNull(),
    kind: text('kind', { enum: COACHING_KINDS }).notNull(),
    /** Which certificate a certification programme facilitates (halal, PIRT, BPOM MD, SNI, trademark, NIB). */
    certificationKind: text('certification_kind', { enum: LEGAL_DOCUMENT_KINDS }),
    fundingSource: text('funding_source', { enum: FUNDING_SOURCES }).notNull(),
    level: text('level', { enum: COACHING_LEVELS }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Null while the end is not known (an open-ended mentoring). */
    endDate: date('end_date', { mode: 'string' }),
    /** Whole rupiah. */
    budgetRp: bigint('budget_rp', { mode: 'bigint' }),
    venue: text('venue'),
    organiser: text('organiser'),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('coaching_programmes_kind_check', oneOf(t.kind, COACHING_KINDS)),
    check(
      'coaching_programmes_certification_check',
      sql`(${t.kind} = 'certification') = (${t.certificationKind} is not null) and (${t.certificationKind} is null or ${oneOf(t.certificationKind, LEGAL_DOCUMENT_KINDS)})`,
    ),
    check('coaching_programmes_funding_check', oneOf(t.fundingSource, FUNDING_SOURCES)),
    check('coaching_programmes_level_check', oneOf(t.level, COACHING_LEVELS)),
    check('coaching_programmes_owner_check', sql`(${t.level} = 'kabkota') = (${t.kabkotaCode} is not null)`),
    check('coaching_programmes_period_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('coaching_programmes_budget_check', sql`${t.budgetRp} is null or ${t.budgetRp} >= 0`),
    index('coaching_programmes_start_idx').on(t.startDate, t.id).where(sql`${t.archivedAt} is null`),
    index('coaching_programmes_kabkota_idx')
      .on(t.kabkotaCode, t.startDate, t.id)
      .where(sql`${t.archivedAt} is null`),
    index('coaching_programmes_kind_idx').on(t.kind, t.endDate).where(sql`${t.archivedAt} is null`),
  ],
);

/** A partner from the stakeholder register taking part in a programme (its commitments stay in the register). */
export const coachingProgrammePartners = pgTable(
  'coaching_programme_partners',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => coachingProgrammes.id),
    stakeholderId: uuid('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coaching_programme_partners_key').on(t.programmeId, t.stakeholderId),
    index('coaching_programme_partners_stakeholder_idx').on(t.stakeholderId),
  ],
);

/** An IKM taking part in a programme. Large table: carries the IKM's region codes. */
export const coachingParticipants = pgTable(
  'coaching_participants',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => coachingProgrammes.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').notNull(),
    source: text('source', { enum: ENROLMENT_SOURCES }).notNull().default('manual'),
    recommendationId: uuid('recommendation_id'),
    notes: text('notes'),
    enrolledBy: uuid('enrolled_by').references(() => users.id),
    /** Taken off the list (by mistake, or withdrew); kept for the audit. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('coaching_participants_source_check', oneOf(t.source, ENROLMENT_SOURCES)),
    uniqueIndex('coaching_participants_live_key')
      .on(t.programmeId, t.ikmId)
      .where(sql`${t.removedAt} is null`),
    index('coaching_participants_programme_idx').on(t.programmeId, t.kabkotaCode),
    index('coaching_participants_ikm_idx').on(t.ikmId),
  ],
);

/** What a participant achieved, with its evidence (a number, photos, a legal document made from it). */
export const coachingOutcomes = pgTable(
  'coaching_outcomes',
  {
    id: idColumn(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => coachingProgrammes.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => coachingParticipants.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').notNull(),
    kind: text('kind', { enum: OUTCOME_KINDS }).notNull(),
    /** For a certificate: which one (halal, PIRT, …). */
    documentKind: text('document_kind', { enum: LEGAL_DOCUMENT_KINDS }),
    /** The evidence's number: a certificate, a contract, an invoice. */
    evidenceNumber: text('evidence_number'),
    description: text('description'),
    achievedOn: date('achieved_on', { mode: 'string' }).notNull(),
    /** A value in whole rupiah when the outcome has one (sales at a fair, equipment's worth). */
    valueRp: bigint('value_rp', { mode: 'bigint' }),
    /** The legal document recorded in the registry from this outcome, if any. */
    legalDocumentId: uuid('legal_document_id').references(() => legalDocuments.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('coaching_outcomes_kind_check', oneOf(t.kind, OUTCOME_KINDS)),
    check(
      'coaching_outcomes_document_check',
      sql`(${t.kind} <> 'certificate_obtained' or (${t.documentKind} is not null and ${t.evidenceNumber} is not null)) and (${t.documentKind} is null or ${oneOf(t.documentKind, LEGAL_DOCUMENT_KINDS)})`,
    ),
    check('coaching_outcomes_value_check', sql`${t.valueRp} is null or ${t.valueRp} >= 0`),
    index('coaching_outcomes_programme_idx').on(t.programmeId, t.participantId),
    index('coaching_outcomes_ikm_idx').on(t.ikmId, t.achievedOn),
    index('coaching_outcomes_kabkota_idx').on(t.kabkotaCode, t.achievedOn),
  ],
);

/** A photo of an outcome (new packaging, the equipment at work), with its light derivatives. */
export const coachingOutcomePhotos = pgTable(
  'coaching_outcome_photos',
  {
    id: idColumn(),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => coachingOutcomes.id),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coaching_outcome_photos_outcome_idx').on(t.outcomeId, t.position)],
);

/**
 * Coaching an IKM needs: from an assessment's gap analysis (a lost criterion and its coaching kind)
 * or written by an officer. Acted on when the IKM is enrolled in a programme for it.
 */
export const coachingRecommendations = pgTable(
  'coaching_recommendations',
  {
    id: idColumn(),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').notNull(),
    source: text('source', { enum: RECOMMENDATION_SOURCES }).notNull(),
    /** The round whose gap analysis produced it. */
    cycleId: uuid('cycle_id').references(() => cycles.id),
    /** What the source names it by (a nomination id for a gap analysis), so a rerun adds nothing twice. */
    sourceRef: text('source_ref'),
    criterionCode: text('criterion_code'),
    coachingKind: text('coaching_kind', { enum: COACHING_KINDS }).notNull(),
    certificationKind: text('certification_kind', { enum: LEGAL_DOCUMENT_KINDS }),
    text: text('text').notNull(),
    /** Points of the 0–100 total the criterion lost, when a gap analysis says so. */
    lostPoints: numeric('lost_points', { precision: 6, scale: 2 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    actedOnProgrammeId: uuid('acted_on_programme_id').references(() => coachingProgrammes.id),
    actedOnAt: timestamp('acted_on_at', { withTimezone: true }),
    /** Closed without a programme (no longer needed), with the reason in the audit row. */
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
  },
  (t) => [
    check('coaching_recommendations_source_check', oneOf(t.source, RECOMMENDATION_SOURCES)),
    check('coaching_recommendations_kind_check', oneOf(t.coachingKind, COACHING_KINDS)),
    check(
      'coaching_recommendations_certification_check',
      sql`${t.certificationKind} is null or (${t.coachingKind} = 'certification' and ${oneOf(t.certificationKind, LEGAL_DOCUMENT_KINDS)})`,
    ),
    uniqueIndex('coaching_recommendations_source_key')
      .on(t.ikmId, t.source, t.sourceRef, t.criterionCode)
      .where(sql`${t.sourceRef} is not null`),
    // Open ones, newest first: the province's list, and a kab/kota officer's.
    index('coaching_recommendations_open_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.actedOnProgrammeId} is null and ${t.dismissedAt} is null`),
    index('coaching_recommendations_open_kabkota_idx')
      .on(t.kabkotaCode, t.createdAt, t.id)
      .where(sql`${t.actedOnProgrammeId} is null and ${t.dismissedAt} is null`),
    index('coaching_recommendations_ikm_idx').on(t.ikmId, t.createdAt),
  ],
);
