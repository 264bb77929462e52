import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CONFLICT_SOURCES,
  INSTITUTION_TYPES,
  RUBRIC_VERSION_STATUSES,
} from '../../features/assessment/assessment.domain.ts';
import { CONFLICT_KINDS } from '../../features/assessment/conflicts.rules.ts';
import type { Rubric, WeightRule } from '../../features/assessment/rubric.rules.ts';
import { COMMODITIES } from '../../platform/domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { cycles } from './cycles.ts';
import { regions } from './regions.ts';
import { ikm } from './registry.ts';

/** The rubric of one commodity; its content lives in its versions. */
export const rubrics = pgTable(
  'rubrics',
  {
    id: idColumn(),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    ...editable(),
  },
  (t) => [
    uniqueIndex('rubrics_commodity_key').on(t.commodity),
    check('rubrics_commodity_check', oneOf(t.commodity, COMMODITIES)),
  ],
);

/**
 * One version of a rubric: the whole structure (aspects → criteria → levels) and the weights' rule
 * it was checked against. A published version never changes (a trigger refuses it too); editing
 * makes a new draft, at most one per rubric.
 */
export const rubricVersions = pgTable(
  'rubric_versions',
  {
    id: idColumn(),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => rubrics.id),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    number: integer('number').notNull(),
    status: text('status', { enum: RUBRIC_VERSION_STATUSES }).notNull(),
    content: jsonb('content').$type<Rubric>().notNull(),
    weightRule: jsonb('weight_rule').$type<WeightRule>().notNull(),
    /** Some criteria are still the seeded placeholders (provenance "placeholder"). */
    hasPlaceholders: boolean('has_placeholders').notNull().default(false),
    /** The version this one was copied from. */
    basedOn: integer('based_on'),
    /** What changed and why, written when publishing. */
    changeNote: text('change_note'),
    createdBy: uuid('created_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    discardedAt: timestamp('discarded_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    uniqueIndex('rubric_versions_number_key').on(t.rubricId, t.number),
    uniqueIndex('rubric_versions_one_draft_key').on(t.rubricId).where(sql`${t.status} = 'draft'`),
    index('rubric_versions_commodity_idx').on(t.commodity, t.number),
    check('rubric_versions_status_check', oneOf(t.status, RUBRIC_VERSION_STATUSES)),
    check('rubric_versions_commodity_check', oneOf(t.commodity, COMMODITIES)),
    check('rubric_versions_number_check', sql`${t.number} >= 1`),
    check(
      'rubric_versions_published_check',
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
  ],
);

/** What an assessor (a user with role penilai) brings: institution, expertise, load cap, contacts. */
export const assessorProfiles = pgTable(
  'assessor_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    institution: text('institution'),
    institutionType: text('institution_type', { enum: INSTITUTION_TYPES }),
    /** Commodity codes the assessor may assess. */
    expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
    /** Nominations per cycle, unless a cycle sets its own cap for this assessor. */
    loadCap: integer('load_cap').notNull(),
    /** Contacts compared with the IKM's for likely conflicts (besides the account's own). */
    phone: text('phone'),
    email: text('email'),
    ...editable(),
  },
  (t) => [
    check(
      'assessor_profiles_institution_type_check',
      sql`${t.institutionType} is null or ${oneOf(t.institutionType, INSTITUTION_TYPES)}`,
    ),
    check(
      'assessor_profiles_expertise_check',
      sql`${t.expertise} <@ array[${sql.raw(COMMODITIES.map((k) => `'${k}'`).join(', '))}]::text[]`,
    ),
    check('assessor_profiles_load_cap_check', sql`${t.loadCap} >= 0`),
  ],
);

/** A cycle's own load cap for one assessor (overrides the profile's). */
export const assessorCycleCaps = pgTable(
  'assessor_cycle_caps',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    loadCap: integer('load_cap').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.cycleId] }),
    check('assessor_cycle_caps_check', sql`${t.loadCap} >= 0`),
  ],
);

/**
 * A conflict of interest between an assessor and an IKM, declared before assignment. Withdrawn only
 * by the admin with a reason; never deleted. At most one in force per pair.
 */
export const conflicts = pgTable(
  'conflicts',
  {
    id: idColumn(),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: CONFLICT_KINDS }).notNull(),
    note: text('note'),
    source: text('source', { enum: CONFLICT_SOURCES }).notNull(),
    /** For a confirmed suggestion: what the two shared ({ on, value }[]). */
    matches: jsonb('matches').$type<{ on: string; value: string }[]>(),
    declaredBy: uuid('declared_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
    ...editable(),
  },
  (t) => [
    uniqueIndex('conflicts_in_force_key').on(t.assessorId, t.ikmId).where(sql`${t.withdrawnAt} is null`),
    index('conflicts_ikm_idx').on(t.ikmId),
    index('conflicts_created_idx').on(t.createdAt, t.id),
    check('conflicts_kind_check', oneOf(t.kind, CONFLICT_KINDS)),
    check('conflicts_source_check', oneOf(t.source, CONFLICT_SOURCES)),
    check('conflicts_withdrawn_check', sql`(${t.withdrawnAt} is null) = (${t.withdrawReason} is null)`),
  ],
);

/** A suggested conflict the admin dismissed, with the reason; it is not suggested again. */
export const conflictDismissals = pgTable(
  'conflict_dismissals',
  {
    id: idColumn(),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => users.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    matches: jsonb('matches').$type<{ on: string; value: string }[]>().notNull(),
    reason: text('reason').notNull(),
    dismissedBy: uuid('dismissed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conflict_dismissals_pair_key').on(t.assessorId, t.ikmId)],
);
