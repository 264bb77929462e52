import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES } from '../../platform/domain.ts';
import { users } from './accounts.ts';
import { idColumn, oneOf } from './columns.ts';

/** An in-app message to one user, already in that user's language. */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** What it is about, e.g. `nomination.returned`, `bulk`. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/**
 * Every e-mail the app would send. With SMTP_URL set, rows wait as `pending` until delivered after
 * the sending transaction commits; without it they are kept as `outbox_only` for the Outbox page.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: idColumn(),
    userId: uuid('user_id').references(() => users.id),
    notificationId: uuid('notification_id').references(() => notifications.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_emails_created_idx').on(t.createdAt, t.id),
    index('outbox_emails_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check('outbox_emails_status_check', oneOf(t.status, OUTBOX_STATUSES)),
  ],
);
