import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Small installation-wide values: the signing secret, the demo marker, configurable thresholds. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
