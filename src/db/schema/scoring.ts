import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ASSIGNMENT_METHODS,
  RESULT_STATUSES,
  SHEET_STATUSES,
  STAR_CHANGES,
} from '../../features/assessment/assessment.domain.ts';
import type { Gate } from '../../features/assessment/classify.rules.ts';
import type { ResultsOptions } from '../../features/assessment/results.rules.ts';
import type { CoachingKind } from '../../features/assessment/rubric.rules.ts';
import { users } from './accounts.ts';
import { rubricVersions } from './assessment.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { cycles } from './cycles.ts';
import { files } from './files.ts';
import { nominations } from './nominations.ts';
import { ikm, products } from './registry.ts';
import { regions } from './regions.ts';

/**
 * A cycle's assessment settings: assessors per nomination, how results are computed (aggregate,
 * disagreement threshold, normalisation, severity), the star gates, and the criterion → coaching map
 * overrides. One row per cycle, made with defaults when the cycle first needs it.
 */
export const cycleAssessmentSettings = pgTable(
  'cycle_assessment_settings',
  {
    cycleId: uuid('cycle_id')
      .primaryKey()
      .references(() => cycles.id),
    assessorsPerNomination: integer('assessors_per_nomination').notNull().default(3),
    resultsOptions: jsonb('results_options').$type<ResultsOptions>().notNull(),
    gates: jsonb('gates').$type<Gate[]>().notNull(),
    /** Criterion code → coaching kind, over the rubric's own mapping. */
    coachingMap: jsonb('coaching_map')
      .$type<Record<string, CoachingKind>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    ...editable(),
  },
  (t) => [check('cycle_assessment_settings_k_check', sql`${t.assessorsPerNomination} between 1 and 9`)],
);

/** An assessor assigned to a nomination (never a conflicted one: the service refuses it). */
export const assignments = pgTable(
  'assignments',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    method: text('method', { enum: ASSIGNMENT_METHODS }).notNull(),
    /** Why this assessor (the automatic method's explanation, or the admin's note). */
    reason: jsonb('reason'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('assignments_method_check', oneOf(t.method, ASSIGNMENT_METHODS)),
    uniqueIndex('assignments_pair_key').on(t.nominationId, t.assessorId),
    index('assignments_assessor_idx').on(t.assessorId, t.cycleId),
    index('assignments_cycle_idx').on(t.cycleId, t.nominationId),
  ],
);

/**
 * One assessor's score sheet for one assignment, scored with the rubric version the cycle fixed for
 * the commodity. A draft autosaves; submit computes the weighted total and locks the sheet.
 */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: idColumn(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    rubricVersionId: uuid('rubric_version_id')
      .notNull()
      .references(() => rubricVersions.id),
    status: text('status', { enum: SHEET_STATUSES }).notNull().default('draft'),
    siteVisitDate: date('site_visit_date', { mode: 'string' }),
    /** Entered afterwards from a paper sheet filled on a site visit without a connection. */
    fromPaper: boolean('from_paper').notNull().default(false),
    generalNote: text('general_note'),
    /** Weighted total 0–100 and aspect scores, computed on submit. */
    total: numeric('total', { precision: 6, scale: 2, mode: 'number' }),
    aspects: jsonb('aspects').$type<Record<string, number>>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('score_sheets_status_check', oneOf(t.status, SHEET_STATUSES)),
    check('score_sheets_submitted_check', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
    uniqueIndex('score_sheets_assignment_key').on(t.assignmentId),
    index('score_sheets_cycle_idx').on(t.cycleId, t.nominationId),
    index('score_sheets_assessor_idx').on(t.assessorId, t.cycleId),
  ],
);

/** The level an assessor chose for one criterion, the points it gives, and their note. */
export const scoreEntries = pgTable(
  'score_entries',
  {
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    criterionCode: text('criterion_code').notNull(),
    level: integer('level'),
    points: numeric('points', { precision: 8, scale: 2, mode: 'number' }),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.criterionCode] })],
);

/** An evidence photo or scan on a sheet (optionally for one criterion). */
export const scoreEvidence = pgTable(
  'score_evidence',
  {
    id: idColumn(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    criterionCode: text('criterion_code'),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('score_evidence_sheet_idx').on(t.sheetId)],
);

/** A message in a flagged nomination's moderation, among its assessors and the admin. */
export const moderationPosts = pgTable(
  'moderation_posts',
  {
    id: idColumn(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('moderation_posts_nomination_idx').on(t.nominationId, t.createdAt)],
);

/**
 * A nomination's result: the moderated score (when the assessors disagreed), the computed star and
 * the decided one. Computed figures (mean, median, spread, z-scores) are recomputed from the sheets,
 * never stored stale; what is stored is what people decided. A decided result is locked.
 */
export const nominationResults = pgTable(
  'nomination_results',
  {
    nominationId: uuid('nomination_id')
      .primaryKey()
      .references(() => nominations.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    status: text('status', { enum: RESULT_STATUSES }).notNull().default('open'),
    agreedScore: numeric('agreed_score', { precision: 6, scale: 2, mode: 'number' }),
    agreedReason: text('agreed_reason'),
    moderatedBy: uuid('moderated_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    /** The score classification used, the star it computed (0 = none) and the gates that applied, at decision. */
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }),
    computedStar: integer('computed_star'),
    appliedGates: jsonb('applied_gates'),
    /** The decided star: the computed one, or the admin's override with its reason. */
    finalStar: integer('final_star'),
    overrideReason: text('override_reason'),
    /** A re-evaluation of an earlier holder: the star before and what happened to it. */
    previousStar: integer('previous_star'),
    starChange: text('star_change', { enum: STAR_CHANGES }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('nomination_results_status_check', oneOf(t.status, RESULT_STATUSES)),
    check(
      'nomination_results_star_change_check',
      sql`${t.starChange} is null or ${oneOf(t.starChange, STAR_CHANGES)}`,
    ),
    check(
      'nomination_results_decided_check',
      sql`(${t.status} = 'decided') = (${t.decidedAt} is not null and ${t.finalStar} is not null)`,
    ),
    check(
      'nomination_results_override_check',
      sql`${t.finalStar} is null or ${t.finalStar} = ${t.computedStar} or ${t.overrideReason} is not null`,
    ),
    check(
      'nomination_results_moderation_check',
      sql`(${t.agreedScore} is null) = (${t.agreedReason} is null)`,
    ),
    index('nomination_results_cycle_idx').on(t.cycleId, t.status),
  ],
);

/** A cycle's publication: when its decided results became public, and by whom. */
export const cyclePublications = pgTable('cycle_publications', {
  cycleId: uuid('cycle_id')
    .primaryKey()
    .references(() => cycles.id),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by').references(() => users.id),
});

/**
 * A certificate for an awarded IKM product: its number, an unguessable verification code (the QR and
 * the star label point to /verifikasi/<code>), validity, and revocation. Never deleted.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: idColumn(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => nominations.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    stars: integer('stars').notNull(),
    number: text('number').notNull(),
    code: text('code').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_code_key').on(t.code),
    uniqueIndex('certificates_number_key').on(t.number),
    uniqueIndex('certificates_nomination_key').on(t.nominationId),
    index('certificates_product_idx').on(t.productId),
    index('certificates_ikm_idx').on(t.ikmId),
    check('certificates_stars_check', sql`${t.stars} between 1 and 5`),
    check('certificates_validity_check', sql`${t.validFrom} <= ${t.validUntil}`),
    check('certificates_revoked_check', sql`(${t.revokedAt} is null) = (${t.revokeReason} is null)`),
  ],
);
