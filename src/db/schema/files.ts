import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An uploaded file's bytes, stored once on disk under its sha256 (content-addressed). */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** The type sniffed from the bytes, never the one the browser claimed. */
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
