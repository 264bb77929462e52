/**
 * Notifications: an in-app message per user, written in the recipient's own language at send time,
 * and an e-mail. Both are rows written inside the caller's transaction, so a change that rolls back
 * notifies nobody. E-mail leaves only after the commit: with SMTP_URL set, `deliverAfterCommit` sends
 * the waiting rows in the background; without it they stay in the outbox for the admin to read.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { type Db, queryRows } from '../db/client.ts';
import { users } from '../db/schema/accounts.ts';
import { notifications, outboxEmails } from '../db/schema/notifications.ts';
import type { Lang } from './domain.ts';
import { NotFoundError } from './errors.ts';
import { type Message, render } from './i18n.ts';
import { type Page, paginate } from './keyset.ts';
import { log } from './log.ts';

export type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL'>;

type Params = Record<string, string | number>;

/** What to say: messages in both languages, with parameters (or parameters made per language). */
export interface NotifyMessage {
  title: Message;
  body: Message;
  params?: Params | ((lang: Lang) => Params);
}

export interface NotifyInput {
  userIds: readonly string[];
  /** What it is about, e.g. `nomination.returned`. */
  kind: string;
  message: NotifyMessage;
  /** A local path the notification opens, e.g. `/nominations/…`. */
  link?: string | null;
  /** Send an e-mail too (default true). */
  email?: boolean;
}

/** The message in one language. */
export function renderNotice(message: NotifyMessage, lang: Lang): { title: string; body: string } {
  const params = typeof message.params === 'function' ? message.params(lang) : message.params;
  return { title: render(message.title, lang, params), body: render(message.body, lang, params) };
}

function emailBody(body: string, link: string | null | undefined, config: MailConfig, lang: Lang): string {
  const url = link ? `${config.PUBLIC_URL ?? ''}${link}` : null;
  const footer =
    lang === 'id'
      ? 'Pesan ini dikirim otomatis oleh OVOP Maluku. Lihat semua pemberitahuan Anda di aplikasi.'
      : 'This message was sent automatically by OVOP Maluku. See all your notifications in the app.';
  return [body, url ? `\n${url}` : '', `\n--\n${footer}`].join('\n');
}

/**
 * Notifies users inside the caller's transaction `tx`: one in-app row each (in their language) and,
 * unless `email` is false, one outbox e-mail each. Disabled accounts are skipped. Returns the count.
 * Call `deliverAfterCommit` once the transaction has committed.
 */
export async function notify(tx: Db, config: MailConfig, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return 0;
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.disabledAt)));
  if (recipients.length === 0) return 0;
  const rendered = { id: renderNotice(input.message, 'id'), en: renderNotice(input.message, 'en') };
  const rows = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        kind: input.kind,
        title: rendered[r.locale].title,
        body: rendered[r.locale].body,
        link: input.link ?? null,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  if (input.email ?? true) {
    const byUser = new Map(rows.map((r) => [r.userId, r.id]));
    await tx.insert(outboxEmails).values(
      recipients.map((r) => ({
        userId: r.id,
        notificationId: byUser.get(r.id) ?? null,
        toAddress: r.email,
        subject: rendered[r.locale].title,
        body: emailBody(rendered[r.locale].body, input.link, config, r.locale),
        status: config.SMTP_URL ? ('pending' as const) : ('outbox_only' as const),
      })),
    );
  }
  return recipients.length;
}

/**
 * An e-mail to an address that is not a user (a buyer's acknowledgement from the public catalog),
 * written into the outbox inside the caller's transaction and sent after the commit like the others.
 */
export async function queueExternalEmail(
  tx: Db,
  config: MailConfig,
  mail: { to: string; subject: string; body: string },
): Promise<void> {
  await tx.insert(outboxEmails).values({
    userId: null,
    notificationId: null,
    toAddress: mail.to,
    subject: mail.subject,
    body: mail.body,
    status: config.SMTP_URL ? 'pending' : 'outbox_only',
  });
}

// Recipients ------------------------------------------------------------------------------------

const active = isNull(users.disabledAt);

/** The active officers of the given kab/kota. */
export async function officersOf(db: Db, kabkotaCodes: readonly string[]): Promise<string[]> {
  if (kabkotaCodes.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'petugas_kabkota'), inArray(users.regionCode, [...kabkotaCodes]), active));
  return rows.map((r) => r.id);
}

/** The active province admins. */
export async function provinceAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin_provinsi'), active));
  return rows.map((r) => r.id);
}

/** The active assessors. */
export async function assessors(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'penilai'), active));
  return rows.map((r) => r.id);
}

// Delivery ----------------------------------------------------------------------------------------

interface Transport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

const MAX_ATTEMPTS = 3;

/** Sends the outbox's pending e-mails over SMTP, one drain at a time per process and configuration. */
class Mailer {
  private running: Promise<void> | null = null;
  private again = false;
  private transport: Transport | null = null;

  constructor(private readonly config: MailConfig) {}

  private async getTransport(): Promise<Transport> {
    if (!this.transport) {
      const { default: nodemailer } = await import('nodemailer');
      this.transport = nodemailer.createTransport(this.config.SMTP_URL!) as unknown as Transport;
    }
    return this.transport;
  }

  kick(db: Db): Promise<void> {
    if (!this.config.SMTP_URL) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain(db);
        } while (this.again);
      } catch (err) {
        log.error('mail delivery failed', { err });
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Resolves when no delivery is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(db: Db): Promise<void> {
    for (;;) {
      const batch = await db
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.status, 'pending'))
        .orderBy(asc(outboxEmails.createdAt), asc(outboxEmails.id))
        .limit(20);
      if (batch.length === 0) return;
      const transport = await this.getTransport();
      for (const mail of batch) {
        try {
          await transport.sendMail({
            from: this.config.MAIL_FROM,
            to: mail.toAddress,
            subject: mail.subject,
            text: mail.body,
          });
          await db
            .update(outboxEmails)
            .set({ status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null })
            .where(eq(outboxEmails.id, mail.id));
        } catch (err) {
          const attempts = mail.attempts + 1;
          await db
            .update(outboxEmails)
            .set({
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              attempts,
              lastError: String((err as Error).message ?? err).slice(0, 500),
            })
            .where(eq(outboxEmails.id, mail.id));
          log.warn('mail not delivered', { id: mail.id, attempts, err: (err as Error).message });
          // The server refused or is down: try again at the next kick rather than spin now.
          return;
        }
      }
    }
  }
}

const mailers = new WeakMap<object, Mailer>();

/** The process's mailer for a configuration. */
export function mailerFor(config: MailConfig): Mailer {
  let m = mailers.get(config);
  if (!m) {
    m = new Mailer(config);
    mailers.set(config, m);
  }
  return m;
}

/**
 * Starts sending the e-mails written by a committed transaction (no-op without SMTP_URL). Not awaited
 * by pages: a slow mail server never holds up the answer; failures stay in the outbox with the error.
 */
export function deliverAfterCommit(db: Db, config: MailConfig): Promise<void> {
  return mailerFor(config).kick(db);
}

// Reading ---------------------------------------------------------------------------------------

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof outboxEmails.$inferSelect;

/** The unread count shown in the header, capped (counting further costs and says nothing more). */
export async function unreadCount(db: Db, userId: string, cap = 99): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from notifications where user_id = ${userId} and read_at is null limit ${cap + 1}) t`,
  );
  return Number(row?.n ?? 0);
}

/** A user's notifications, newest first (keyset). */
export async function listNotifications(
  db: Db,
  userId: string,
  request: { after?: string | undefined; before?: string | undefined; unread?: boolean | undefined },
  limit = 30,
): Promise<Page<NotificationRow>> {
  return paginate<NotificationRow>({
    request: { after: request.after, before: request.before, limit },
    keys: [notifications.createdAt, notifications.id],
    dir: 'desc',
    keyOf: (r) => [r.createdAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            request.unread ? isNull(notifications.readAt) : undefined,
            where,
          ),
        )
        .orderBy(...orderBy)
        .limit(lim),
  });
}

/** Marks one of the user's notifications read (another user's answers 404). */
export async function markRead(db: Db, userId: string, id: string): Promise<NotificationRow> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError('notification');
  if (row.readAt) return row;
  const [updated] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(eq(notifications.id, id))
    .returning();
  return updated!;
}

/** Marks all of the user's notifications read; returns how many were unread. */
export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The outbox, newest first (keyset). */
export async function listOutbox(
  db: Db,
  request: { after?: string | undefined; before?: string | undefined },
  limit = 50,
): Promise<Page<OutboxRow>> {
  return paginate<OutboxRow>({
    request: { ...request, limit },
    keys: [outboxEmails.createdAt, outboxEmails.id],
    dir: 'desc',
    keyOf: (r) => [r.createdAt.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(outboxEmails)
        .where(where)
        .orderBy(...orderBy)
        .limit(lim),
  });
}

export async function getOutboxEmail(db: Db, id: string): Promise<OutboxRow> {
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)).limit(1);
  if (!row) throw new NotFoundError('outbox_email');
  return row;
}

/** Recipients' names for a list of user ids (the bulk preview). */
export async function recipientDetails(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      regionCode: users.regionCode,
      role: users.role,
    })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .orderBy(asc(users.regionCode), asc(users.name));
}
