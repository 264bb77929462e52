import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  IMPORT_FORMATS,
  IMPORT_ISSUE_PHASES,
  IMPORT_ISSUE_SEVERITIES,
  IMPORT_KINDS,
  IMPORT_MODES,
  IMPORT_STATUSES,
} from '../../platform/registry-import-domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { files } from './files.ts';

/**
 * A spreadsheet import of sentra, IKM or products: the uploaded file (content-addressed), who sent
 * it, the check (preview) and import phases with their counts, and how far the import got — the
 * last sheet row whose batch committed, so an interrupted import resumes without duplicates.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: idColumn(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    provinceCode: text('province_code').notNull(),
    /** The kab/kota of the officer who uploaded it (null for province-wide users): the history's scope. */
    kabkotaCode: text('kabkota_code'),
    createdBy: uuid('created_by').references(() => users.id),
    createdByLabel: text('created_by_label').notNull(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: IMPORT_FORMATS }).notNull(),
    fileSize: integer('file_size').notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    mode: text('mode', { enum: IMPORT_MODES }),
    sheetName: text('sheet_name'),
    headerRow: integer('header_row'),
    /** The header text found for each column key, e.g. { "nib": "No. NIB" }. */
    columns: jsonb('columns').$type<Record<string, string>>(),
    /** Header cells the import does not know, with their letters, e.g. ["Q (Catatan lain)"]: left out, and said so. */
    ignoredColumns: jsonb('ignored_columns').$type<string[]>().notNull().default([]),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    /** Rows that can be saved with some values left out (they are skipped when importing valid rows only). */
    rowsPartial: integer('rows_partial').notNull().default(0),
    rowsInvalid: integer('rows_invalid').notNull().default(0),
    /** Rows read so far by the running phase, and its share of the file read (0–1000). */
    rowsRead: integer('rows_read').notNull().default(0),
    permille: integer('permille').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    /** Every sheet row up to this one is imported (its batch committed). */
    cursorRow: integer('cursor_row').notNull().default(0),
    /**
     * Batches committed beyond the cursor, as [after, last] row ranges: on PostgreSQL batches are
     * written side by side and may commit out of order; the cursor absorbs them once the gap closes.
     */
    committedAhead: jsonb('committed_ahead').$type<[number, number][]>().notNull().default([]),
    /** Who confirmed (or resumed) the import: the rows are written in their name and scope. */
    actor: jsonb('actor'),
    failureKey: text('failure_key'),
    failureParams: jsonb('failure_params').$type<Record<string, string | number>>(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    check('import_jobs_kind_check', oneOf(t.kind, IMPORT_KINDS)),
    check('import_jobs_format_check', oneOf(t.fileFormat, IMPORT_FORMATS)),
    check('import_jobs_status_check', oneOf(t.status, IMPORT_STATUSES)),
    check('import_jobs_mode_check', sql`${t.mode} is null or ${oneOf(t.mode, IMPORT_MODES)}`),
    index('import_jobs_scope_idx').on(t.kabkotaCode, t.id),
    index('import_jobs_status_idx').on(t.status),
  ],
);

/** One problem of one row of an import: the row and column as the sheet shows them, and the message key. */
export const importIssues = pgTable(
  'import_issues',
  {
    id: idColumn(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id),
    phase: text('phase', { enum: IMPORT_ISSUE_PHASES }).notNull(),
    rowNumber: integer('row_number').notNull(),
    /** The column key (e.g. `nib`), or null for the whole row. */
    columnKey: text('column_key'),
    /** The column as the sheet names it: its letter and header text, e.g. `C (No. NIB)`. */
    columnLabel: text('column_label'),
    /** `row`: the row cannot be saved; `cell`: the value can be left out when importing all rows. */
    severity: text('severity', { enum: IMPORT_ISSUE_SEVERITIES }).notNull(),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>(),
    /** The value as read (a formula's stored result, never the formula), cut to 200 characters. */
    value: text('value'),
  },
  (t) => [
    check('import_issues_phase_check', oneOf(t.phase, IMPORT_ISSUE_PHASES)),
    check('import_issues_severity_check', oneOf(t.severity, IMPORT_ISSUE_SEVERITIES)),
    index('import_issues_job_idx').on(t.jobId, t.phase, t.rowNumber, t.id),
  ],
);
