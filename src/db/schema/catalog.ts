import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LANGS } from '../../platform/domain.ts';
import { users } from './accounts.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { ikm, products } from './registry.ts';

/** Where a buyer's inquiry stands in the office's inbox: new, read, or handled (answered). */
export const INQUIRY_STATES = ['new', 'read', 'handled'] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];

/**
 * A buyer's inquiry about a product of the public catalog (permintaan informasi): who asks, from
 * where, how much, and the message. Shown to the officers of the product's kab/kota and the admins.
 * Large table: carries the product's province and kab/kota.
 */
export const inquiries = pgTable(
  'inquiries',
  {
    id: idColumn(),
    /** Shown to the buyer on the confirmation page and in the acknowledgement: random, not the id. */
    reference: text('reference').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    ikmId: uuid('ikm_id')
      .notNull()
      .references(() => ikm.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').notNull(),
    name: text('name').notNull(),
    company: text('company'),
    country: text('country').notNull(),
    email: text('email').notNull(),
    /** As the buyer wrote it ("500 kg a month", "2 containers"): free text. */
    quantity: text('quantity'),
    message: text('message').notNull(),
    /** The language of the page the buyer used; the acknowledgement is written in it. */
    lang: text('lang', { enum: LANGS }).notNull(),
    state: text('state', { enum: INQUIRY_STATES }).notNull().default('new'),
    readAt: timestamp('read_at', { withTimezone: true }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by').references(() => users.id),
    ...editable(),
  },
  (t) => [
    check('inquiries_state_check', oneOf(t.state, INQUIRY_STATES)),
    check('inquiries_lang_check', oneOf(t.lang, LANGS)),
    uniqueIndex('inquiries_reference_key').on(t.reference),
    index('inquiries_created_idx').on(t.createdAt, t.id),
    index('inquiries_kabkota_created_idx').on(t.kabkotaCode, t.createdAt, t.id),
    index('inquiries_open_idx').on(t.kabkotaCode).where(sql`${t.state} <> 'handled'`),
    index('inquiries_product_idx').on(t.productId),
  ],
);
