import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { CHECKLIST_DOCUMENT_KINDS, COMMODITIES, CYCLE_KINDS, CYCLE_PHASES } from '../../platform/domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { regions } from './regions.ts';

/**
 * One OVOP round (periode penilaian): its kind, star scale and configuration. The configuration lives
 * in the child tables below; `config_version` counts the versions made after the cycle froze.
 */
export const cycles = pgTable(
  'cycles',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: CYCLE_KINDS }).notNull(),
    /** The highest star of this round: 3 (since 2022) or 5 (2013–2018). */
    starScale: integer('star_scale').notNull(),
    configVersion: integer('config_version').notNull().default(1),
    /** Set by the nominations code when the first nomination is submitted; then edits make versions. */
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    index('cycles_year_idx').on(t.year),
    check('cycles_kind_check', oneOf(t.kind, CYCLE_KINDS)),
    check('cycles_star_scale_check', sql`${t.starScale} in (3, 5)`),
    check('cycles_year_check', sql`${t.year} between 2000 and 2200`),
  ],
);

/** The score band of each star, on a 0–100 scale: from ≤ score < to (the top band includes its `to`). */
export const cycleStarBands = pgTable(
  'cycle_star_bands',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    stars: integer('stars').notNull(),
    minScore: numeric('min_score', { precision: 6, scale: 2 }).notNull(),
    maxScore: numeric('max_score', { precision: 6, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.stars] }),
    check(
      'cycle_star_bands_range_check',
      sql`0 <= ${t.minScore} and ${t.minScore} < ${t.maxScore} and ${t.maxScore} <= 100`,
    ),
  ],
);

/** A phase of a cycle, from–to as instants (entered and shown in the province's zone, WIT). */
export const cyclePhases = pgTable(
  'cycle_phases',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    phase: text('phase', { enum: CYCLE_PHASES }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.phase] }),
    check('cycle_phases_phase_check', oneOf(t.phase, CYCLE_PHASES)),
    check('cycle_phases_order_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** A commodity the cycle covers, with the rubric version its nominations are assessed with. */
export const cycleCommodities = pgTable(
  'cycle_commodities',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    /** Filled by the assessment feature; null shows as "not set yet". */
    rubricVersionRef: text('rubric_version_ref'),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.commodity] }),
    check('cycle_commodities_commodity_check', oneOf(t.commodity, COMMODITIES)),
  ],
);

/** A document requirement (persyaratan dokumen) of one commodity in a cycle. */
export const cycleChecklistItems = pgTable(
  'cycle_checklist_items',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    commodity: text('commodity', { enum: COMMODITIES }).notNull(),
    /** Stable within the cycle and commodity: nominations and package file names refer to it. */
    code: text('code').notNull(),
    labelId: text('label_id').notNull(),
    labelEn: text('label_en').notNull(),
    required: boolean('required').notNull(),
    /** Accepted file kinds (platform/files.ts FILE_KINDS keys). */
    fileKinds: text('file_kinds').array().notNull(),
    /** The document must still be valid on the proposal deadline (WIT). */
    validOnDeadline: boolean('valid_on_deadline').notNull().default(false),
    /** Registry document kinds that may satisfy it without a new upload. */
    satisfiedBy: text('satisfied_by').array().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('cycle_checklist_items_code_key').on(t.cycleId, t.commodity, t.code),
    check('cycle_checklist_items_commodity_check', oneOf(t.commodity, COMMODITIES)),
    check(
      'cycle_checklist_items_satisfied_by_check',
      sql`${t.satisfiedBy} <@ array[${sql.raw(CHECKLIST_DOCUMENT_KINDS.map((k) => `'${k}'`).join(', '))}]::text[]`,
    ),
  ],
);

/** The most nominations a kab/kota may submit into a cycle (absent: no limit). */
export const cycleQuotas = pgTable(
  'cycle_quotas',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    quota: integer('quota').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.kabkotaCode] }),
    check('cycle_quotas_check', sql`${t.quota} >= 0`),
  ],
);

/** A later proposal deadline for one kab/kota, with the reason (audited; allowed on a frozen cycle). */
export const cycleExtensions = pgTable(
  'cycle_extensions',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    ...editable(),
  },
  (t) => [uniqueIndex('cycle_extensions_kabkota_key').on(t.cycleId, t.kabkotaCode)],
);

/** Each configuration version of a cycle: a full snapshot and why it was made. */
export const cycleConfigVersions = pgTable(
  'cycle_config_versions',
  {
    id: idColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    number: integer('number').notNull(),
    reason: text('reason'),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cycle_config_versions_number_key').on(t.cycleId, t.number)],
);
