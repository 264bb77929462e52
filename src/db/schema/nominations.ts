import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { COMMODITIES, NOMINATION_STATES } from '../../platform/domain.ts';
import {
  AWARD_SOURCES,
  DOCUMENT_SOURCES,
  PACKAGE_JOB_STATUSES,
  REVIEW_VERDICTS,
} from '../../platform/nomination-domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { cycles } from './cycles.ts';
import { files } from './files.ts';
import { regions } from './regions.ts';
import { ikm, legalDocuments, products } from './registry.ts';

/**
 * A potential candidate (calon / potensi IKM OVOP): a product its kab/kota marks as worth nominating
 * in a cycle, with a short justification; the province reads the shortlist and comments on it.
 */
export const candidates = pgTable(
  'candidates',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    justification: text('justification').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    uniqueIndex('candidates_cycle_product_key')
      .on(t.cycleId, t.productId)
      .where(sql`${t.archivedAt} is null`),
    index('candidates_cycle_kabkota_idx').on(t.cycleId, t.kabkotaCode, t.createdAt, t.id),
  ],
);

/** A comment on a candidate (the province's remarks, the officer's answers). */
export const candidateComments = pgTable(
  'candidate_comments',
  {
    id: idColumn(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id),
    kabkotaCode: text('kabkota_code').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('candidate_comments_candidate_idx').on(t.candidateId, t.createdAt)],
);

/**
 * A nomination (usulan): a product in a cycle, proposed by its kab/kota. Its state changes only
 * through the transition functions (nominations.transitions.ts), each checked against the one table.
 */
export const nominations = pgTable(
  'nominations',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    /** The product's commodity when nominated: it picks the checklist and, later, the rubric. */
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    candidateId: uuid('candidate_id').references(() => candidates.id),
    state: text('state', { enum: NOMINATION_STATES }).notNull().default('draft'),
    /** How many times it was submitted (0 while a first draft); reviews and documents carry it. */
    round: integer('round').notNull().default(0),
    /** Why this product: the officer's short statement. */
    statement: text('statement'),
    /** Why the IKM is nominated although it is not its sentra's lead business. */
    notLeadReason: text('not_lead_reason'),
    /** The cycle's configuration version at the last submission. */
    configVersion: integer('config_version'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    returnCount: integer('return_count').notNull().default(0),
    /** When administrative selection passed or failed it, and why. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    ...editable(),
  },
  (t) => [
    check('nominations_state_check', oneOf(t.state, NOMINATION_STATES)),
    check('nominations_commodity_check', oneOf(t.commodity, COMMODITIES)),
    // The same product once per cycle; a withdrawn nomination frees it.
    uniqueIndex('nominations_cycle_product_key')
      .on(t.cycleId, t.productId)
      .where(sql`${t.state} <> 'withdrawn'`),
    index('nominations_cycle_state_idx').on(t.cycleId, t.state, t.id),
    index('nominations_cycle_kabkota_idx').on(t.cycleId, t.kabkotaCode, t.id),
    index('nominations_kabkota_updated_idx').on(t.kabkotaCode, t.updatedAt, t.id),
    index('nominations_updated_idx').on(t.updatedAt, t.id),
    index('nominations_ikm_idx').on(t.ikmId),
  ],
);

/**
 * Every version of every document of a nomination: one row per file put against a checklist item.
 * The current one has `superseded_at` null; earlier ones are kept (a resubmission never loses one).
 * The checklist item is referenced by id and code without a foreign key, so a later configuration
 * version that drops an item leaves its documents readable.
 */
export const nominationDocuments = pgTable(
  'nomination_documents',
  {
    id: idColumn(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    kabkotaCode: text('kabkota_code').notNull(),
    checklistItemId: uuid('checklist_item_id').notNull(),
    itemCode: text('item_code').notNull(),
    /** 1, 2, 3… per checklist item. */
    number: integer('number').notNull(),
    source: text('source', { enum: DOCUMENT_SOURCES }).notNull(),
    legalDocumentId: uuid('legal_document_id').references(() => legalDocuments.id),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    fileMime: text('file_mime').notNull(),
    /** The certificate's or permit's number, when the item is one. */
    documentNumber: text('document_number'),
    /** Its last valid day (WIT), when it expires. */
    expiresOn: date('expires_on', { mode: 'string' }),
    /** The nomination's round when it was put (0 before the first submission). */
    round: integer('round').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    check('nomination_documents_source_check', oneOf(t.source, DOCUMENT_SOURCES)),
    uniqueIndex('nomination_documents_number_key').on(t.nominationId, t.checklistItemId, t.number),
    index('nomination_documents_current_idx').on(t.nominationId).where(sql`${t.supersededAt} is null`),
  ],
);

/** The province's verdict on each checklist item in each round of administrative selection. */
export const nominationReviews = pgTable(
  'nomination_reviews',
  {
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    checklistItemId: uuid('checklist_item_id').notNull(),
    round: integer('round').notNull(),
    verdict: text('verdict', { enum: REVIEW_VERDICTS }).notNull(),
    /** Required when the item is at fault: what the officer must correct. */
    comment: text('comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.nominationId, t.checklistItemId, t.round] }),
    check('nomination_reviews_verdict_check', oneOf(t.verdict, REVIEW_VERDICTS)),
    check(
      'nomination_reviews_comment_check',
      sql`${t.verdict} = 'ok' or length(trim(coalesce(${t.comment}, ''))) > 0`,
    ),
  ],
);

/** The history of a nomination's moves (the audit log has them too; this one the pages read). */
export const nominationTransitions = pgTable(
  'nomination_transitions',
  {
    id: idColumn(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    kabkotaCode: text('kabkota_code').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state', { enum: NOMINATION_STATES }).notNull(),
    toState: text('to_state', { enum: NOMINATION_STATES }).notNull(),
    round: integer('round').notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('nomination_transitions_nomination_idx').on(t.nominationId, t.at)],
);

/**
 * A star an IKM (or one of its products) received before: entered by hand (brief §4.3: Maluku's
 * holders were not found, so the office enters them), imported, or given by an earlier cycle here.
 * The eligibility check flags a new nomination of a holder for re-evaluation.
 */
export const earlierAwards = pgTable(
  'earlier_awards',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    productId: uuid('product_id').references(() => products.id),
    cycleId: uuid('cycle_id').references(() => cycles.id),
    year: integer('year').notNull(),
    stars: integer('stars').notNull(),
    source: text('source', { enum: AWARD_SOURCES }).notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('earlier_awards_source_check', oneOf(t.source, AWARD_SOURCES)),
    check('earlier_awards_stars_check', sql`${t.stars} between 1 and 5`),
    check('earlier_awards_year_check', sql`${t.year} between 2000 and 2200`),
    index('earlier_awards_ikm_idx').on(t.ikmId),
    index('earlier_awards_year_idx').on(t.year, t.id),
  ],
);

/** A proposal package being built (a ZIP for the national portal), with its progress. */
export const packageJobs = pgTable(
  'package_jobs',
  {
    id: idColumn(),
    requestedBy: uuid('requested_by').references(() => users.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    kabkotaCode: text('kabkota_code').notNull(),
    /** One nomination, or null for every passed nomination of the kab/kota. */
    nominationId: uuid('nomination_id').references(() => nominations.id),
    status: text('status', { enum: PACKAGE_JOB_STATUSES }).notNull().default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('package_jobs_status_check', oneOf(t.status, PACKAGE_JOB_STATUSES)),
    index('package_jobs_requested_idx').on(t.requestedBy, t.createdAt),
  ],
);
