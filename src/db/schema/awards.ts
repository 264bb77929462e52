import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PACKAGE_JOB_STATUSES } from '../../platform/nomination-domain.ts';
import { users } from './accounts.ts';
import { oneOf, idColumn } from './columns.ts';
import { cycles } from './cycles.ts';

/**
 * A bulk certificate job: every certificate of a published cycle (or of one kab/kota) as PDFs in one
 * ZIP, with its progress for the page that refreshes itself. The ZIP can always be made again.
 */
export const certificateJobs = pgTable(
  'certificate_jobs',
  {
    id: idColumn(),
    requestedBy: uuid('requested_by').references(() => users.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id),
    /** One kab/kota, or null for the whole cycle. */
    kabkotaCode: text('kabkota_code'),
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
    check('certificate_jobs_status_check', oneOf(t.status, PACKAGE_JOB_STATUSES)),
    index('certificate_jobs_cycle_idx').on(t.cycleId, t.createdAt),
  ],
);
