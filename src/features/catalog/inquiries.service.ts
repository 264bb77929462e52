/**
 * Buyers' inquiries: stored with the product's region, announced to the officers of that kab/kota and
 * the admins, acknowledged to the buyer by e-mail; the inbox where officers read and handle them.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type InquiryState, inquiries } from '../../db/schema/catalog.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import type { Lang } from '../../platform/domain.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { render } from '../../platform/i18n.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import {
  deliverAfterCommit,
  type MailConfig,
  notify,
  officersOf,
  provinceAdmins,
  queueExternalEmail,
} from '../../platform/notify.ts';
import { regionIndex } from '../registry/registry.service.ts';
import type { InquiryInput, InquiryListFilter, InquiryStateChange } from './catalog.forms.ts';
import { inboxText } from './catalog.messages.ts';
import { inquiryTarget } from './catalog.service.ts';

export type InquiryRow = typeof inquiries.$inferSelect;

/** A reference a buyer can quote: 10 characters, no look-alikes (0/O, 1/I/L), not the row's id. */
function newReference(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** `b***@example.com`: enough for the buyer to recognise, too little for anyone else. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

export interface InquiryMeta {
  ip: string;
  requestId: string;
  lang: Lang;
}

export interface InquirySent {
  reference: string;
  productName: string;
  productSlug: string;
  kabkotaName: string;
  emailMasked: string;
}

/**
 * Records a buyer's inquiry about a public product, with its audit row, the officers' and admins'
 * notifications and the buyer's acknowledgement, in one transaction; mail leaves after the commit.
 */
export async function submitInquiry(
  db: Db,
  config: MailConfig,
  slug: string,
  input: InquiryInput,
  meta: InquiryMeta,
): Promise<InquirySent> {
  const target = await inquiryTarget(db, slug);
  const index = await regionIndex(db);
  const kabkotaName = index.get(target.kabkotaCode)?.name ?? target.kabkotaCode;
  const recipients = [...(await officersOf(db, [target.kabkotaCode])), ...(await provinceAdmins(db))];
  const reference = newReference();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inquiries)
      .values({
        reference,
        productId: target.id,
        ikmId: target.ikmId,
        provinceCode: target.provinceCode,
        kabkotaCode: target.kabkotaCode,
        name: input.name,
        company: input.company ?? null,
        country: input.country,
        email: input.email,
        quantity: input.quantity ?? null,
        message: input.message,
        lang: meta.lang,
      })
      .returning({ id: inquiries.id });
    // The buyer's details stay in the inquiry (which the inbox can show); the audit row names only
    // what happened, so the append-only log keeps no personal data of people without an account.
    await writeAudit(
      tx,
      {
        userId: null,
        realUserId: null,
        role: 'system',
        regionCode: null,
        label: 'catalog inquiry',
        lang: meta.lang,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      {
        action: 'inquiry.create',
        objectType: 'inquiry',
        objectId: row!.id,
        regionCode: target.kabkotaCode,
        after: { reference, productId: target.id, country: input.country },
      },
    );
    await notify(tx, config, {
      userIds: recipients,
      kind: 'inquiry.new',
      link: `/inquiries/${row!.id}`,
      message: {
        title: inboxText.notifyTitle,
        body: inboxText.notifyBody,
        params: {
          product: target.name,
          ikm: target.ikmName,
          buyer: input.company ? `${input.name} (${input.company})` : input.name,
          country: input.country,
          reference,
        },
      },
    });
    // The acknowledgement repeats nothing the buyer typed: an address typed by anyone must not turn
    // this form into a way of mailing chosen text to strangers.
    const params = { product: target.name, ikm: target.ikmName, region: kabkotaName, reference };
    await queueExternalEmail(tx, config, {
      to: input.email,
      subject: render(inboxText.ackSubject, meta.lang, params),
      body: render(inboxText.ackBody, meta.lang, params),
    });
  });
  void deliverAfterCommit(db, config);
  return {
    reference,
    productName: target.name,
    productSlug: target.slug ?? slug,
    kabkotaName,
    emailMasked: maskEmail(input.email),
  };
}

/** What the confirmation page shows for a reference: no message, no name, a masked address. */
export async function inquiryConfirmation(db: Db, reference: string): Promise<InquirySent> {
  if (!/^[A-Z0-9]{10}$/.test(reference)) throw new NotFoundError('inquiry');
  const [row] = await db
    .select({
      productName: products.name,
      productSlug: products.slug,
      kabkotaCode: inquiries.kabkotaCode,
      email: inquiries.email,
      createdAt: inquiries.createdAt,
    })
    .from(inquiries)
    .innerJoin(products, eq(products.id, inquiries.productId))
    .where(eq(inquiries.reference, reference))
    .limit(1);
  // The page is for the moment after sending; an old reference says nothing to a passer-by.
  if (!row || Date.now() - row.createdAt.getTime() > 24 * 3600 * 1000) throw new NotFoundError('inquiry');
  const index = await regionIndex(db);
  return {
    reference,
    productName: row.productName,
    productSlug: row.productSlug ?? '',
    kabkotaName: index.get(row.kabkotaCode)?.name ?? row.kabkotaCode,
    emailMasked: maskEmail(row.email),
  };
}

// The inbox ---------------------------------------------------------------------------------------

/** Officers see their kab/kota's inquiries; admins see the province's. */
function scopeSql(actor: Actor): SQL | undefined {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return sql`${inquiries.kabkotaCode} = ${actor.regionCode}`;
  return sql`false`;
}

export interface InquiryListRow {
  id: string;
  reference: string;
  name: string;
  company: string | null;
  country: string;
  state: InquiryState;
  kabkotaCode: string;
  productName: string;
  createdAt: Date;
}

/** The inquiries in the actor's scope, newest first, one keyset page at a time. */
export async function listInquiries(
  db: Db,
  actor: Actor,
  filter: InquiryListFilter,
  limit = 50,
): Promise<Page<InquiryListRow>> {
  const state =
    filter.state === 'open'
      ? sql`${inquiries.state} <> 'handled'`
      : filter.state
        ? eq(inquiries.state, filter.state)
        : undefined;
  return paginate<InquiryListRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [inquiries.createdAt, inquiries.id],
    dir: 'desc',
    keyOf: (r) => [r.createdAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select({
          id: inquiries.id,
          reference: inquiries.reference,
          name: inquiries.name,
          company: inquiries.company,
          country: inquiries.country,
          state: inquiries.state,
          kabkotaCode: inquiries.kabkotaCode,
          productName: products.name,
          createdAt: inquiries.createdAt,
        })
        .from(inquiries)
        .innerJoin(products, eq(products.id, inquiries.productId))
        .where(and(scopeSql(actor), state, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
}

export interface InquiryDetail {
  inquiry: InquiryRow;
  productName: string;
  productSlug: string | null;
  productPublic: boolean;
  ikmName: string;
}

/** One inquiry in the actor's scope, or 404. */
export async function getInquiry(db: Db, actor: Actor, id: string): Promise<InquiryDetail> {
  const [row] = await db
    .select({
      inquiry: inquiries,
      productName: products.name,
      productSlug: products.slug,
      productPublic: sql<boolean>`${products.published} and ${products.archivedAt} is null and ${ikm.archivedAt} is null`,
      ikmName: ikm.name,
    })
    .from(inquiries)
    .innerJoin(products, eq(products.id, inquiries.productId))
    .innerJoin(ikm, eq(ikm.id, inquiries.ikmId))
    .where(and(eq(inquiries.id, id), scopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('inquiry');
  return { ...row, productPublic: Boolean(row.productPublic) };
}

/** Marks an inquiry read, handled, or new again, unless someone changed it since `version`. */
export async function setInquiryState(
  db: Db,
  actor: Actor,
  id: string,
  input: InquiryStateChange,
): Promise<InquiryRow> {
  await getInquiry(db, actor, id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(inquiries).where(eq(inquiries.id, id)).for('update');
    if (!before) throw new NotFoundError('inquiry');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const now = new Date();
    const [after] = await tx
      .update(inquiries)
      .set({
        state: input.state,
        readAt: input.state === 'new' ? null : (before.readAt ?? now),
        handledAt: input.state === 'handled' ? (before.handledAt ?? now) : null,
        handledBy: input.state === 'handled' ? (before.handledBy ?? actor.userId) : null,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(inquiries.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'inquiry.state',
      objectType: 'inquiry',
      objectId: id,
      regionCode: before.kabkotaCode,
      before: { state: before.state },
      after: { state: after!.state },
    });
    return after!;
  });
}
