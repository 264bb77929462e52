import net from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../tests/helpers/app.ts';
import { type SmtpServer, startSmtpServer } from '../../tests/helpers/smtp.ts';
import { users } from '../db/schema/accounts.ts';
import { notifications, outboxEmails } from '../db/schema/notifications.ts';
import { formatDateTime } from './format.ts';
import {
  deliverAfterCommit,
  mailerFor,
  type NotifyMessage,
  notify,
  officersOf,
  unreadCount,
} from './notify.ts';

const returned: NotifyMessage = {
  title: { id: 'Usulan dikembalikan', en: 'Nomination returned' },
  body: {
    id: 'Usulan {product} dikembalikan sampai {when}.',
    en: 'Nomination {product} was returned until {when}.',
  },
  params: (lang) => ({
    product: 'Sagu Lempeng',
    when: formatDateTime(new Date('2026-07-01T00:00:00Z'), lang),
  }),
};

async function userId(t: TestApp, email: string): Promise<string> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return u!.id;
}

describe('notifications without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("writes each recipient's notification in their own language, and keeps the e-mail in the outbox", async () => {
    const db = t.database.db;
    await db.update(users).set({ locale: 'en' }).where(eq(users.email, 'tanimbar@ovop.test'));
    const ids = await officersOf(db, ['81.71', '81.03']);
    expect(ids).toHaveLength(2);
    const n = await db.transaction((tx) =>
      notify(tx, t.config, { userIds: ids, kind: 'nomination.returned', message: returned, link: '/cycles' }),
    );
    expect(n).toBe(2);
    const rows = await db.select().from(notifications).where(inArray(notifications.userId, ids));
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.get(await userId(t, 'ambon@ovop.test'))!.body).toBe(
      'Usulan Sagu Lempeng dikembalikan sampai 1 Jul 2026 09.00 WIT.',
    );
    expect(byUser.get(await userId(t, 'tanimbar@ovop.test'))!.body).toBe(
      'Nomination Sagu Lempeng was returned until 1 Jul 2026 09:00 WIT.',
    );
    const mails = await db.select().from(outboxEmails).where(inArray(outboxEmails.userId, ids));
    expect(mails.map((m) => m.status)).toEqual(['outbox_only', 'outbox_only']);
    expect(mails.find((m) => m.toAddress === 'tanimbar@ovop.test')!.subject).toBe('Nomination returned');
    expect(await unreadCount(db, await userId(t, 'ambon@ovop.test'))).toBe(1);
  });

  it('sends nothing when the change rolls back', async () => {
    const db = t.database.db;
    const id = await userId(t, 'penilai2@ovop.test');
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, t.config, { userIds: [id], kind: 'x', message: returned });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.select().from(notifications).where(eq(notifications.userId, id))).toHaveLength(0);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.userId, id))).toHaveLength(0);
  });

  it('skips disabled accounts', async () => {
    const db = t.database.db;
    const id = await userId(t, 'penilai3@ovop.test');
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    expect(
      await db.transaction((tx) => notify(tx, t.config, { userIds: [id], kind: 'x', message: returned })),
    ).toBe(0);
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, id));
  });

  it('shows the unread count in the header and lets the user read and mark them', async () => {
    const db = t.database.db;
    const ambon = await t.as('ambon@ovop.test');
    const id = await userId(t, 'ambon@ovop.test');
    await db.transaction((tx) =>
      notify(tx, t.config, { userIds: [id], kind: 'x', message: returned, link: '/cycles' }),
    );
    const home = await (await ambon.get('/dashboard')).text();
    expect(home).toMatch(
      /<a href="\/notifications" class="bell">Pemberitahuan<span class="bell-count" [^>]*>2/,
    );
    const list = textOf(await (await ambon.get('/notifications')).text());
    expect(list).toContain('Usulan Sagu Lempeng dikembalikan sampai 1 Jul 2026 09.00 WIT.');
    const [first] = await db.select().from(notifications).where(eq(notifications.userId, id)).limit(1);
    const open = await ambon.get(`/notifications/${first!.id}/open`);
    expect(open.status).toBe(303);
    expect(open.headers.get('location')).toBe('/cycles');
    expect(await unreadCount(db, id)).toBe(1);
    // Another user cannot mark it.
    const tanimbar = await t.as('tanimbar@ovop.test');
    expect((await tanimbar.post(`/notifications/${first!.id}/read`)).status).toBe(404);
    const api = await ambon.api('/api/v1/notifications?unread=1');
    expect(api.status).toBe(200);
    expect(api.body.unread).toBe(1);
    expect(api.body.rows).toHaveLength(1);
    const marked = await ambon.api(`/api/v1/notifications/${api.body.rows[0].id}/read`, { method: 'POST' });
    expect(marked.status).toBe(201);
    expect(marked.body.read).toBe(true);
    expect(await unreadCount(db, id)).toBe(0);
    expect(await (await ambon.get('/dashboard')).text()).not.toContain('bell-count');
  });

  it('marks everything read at once', async () => {
    const db = t.database.db;
    const id = await userId(t, 'penilai1@ovop.test');
    await db.transaction((tx) => notify(tx, t.config, { userIds: [id, id], kind: 'x', message: returned }));
    await db.transaction((tx) => notify(tx, t.config, { userIds: [id], kind: 'x', message: returned }));
    const c = await t.as('penilai1@ovop.test');
    const res = await c.post('/notifications/read-all');
    expect(res.status).toBe(303);
    expect(await unreadCount(db, id)).toBe(0);
  });
});

describe('notifications with SMTP', () => {
  let t: TestApp;
  let smtp: SmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'OVOP Uji <ovop@test.local>',
        PUBLIC_URL: 'https://ovop.example',
      },
    });
  });
  afterAll(async () => {
    await mailerFor(t.config).idle();
    await t.close();
    await smtp.close();
  });

  it('delivers the e-mail after the commit, in the recipient’s language', async () => {
    const db = t.database.db;
    const id = await userId(t, 'ambon@ovop.test');
    await db.transaction((tx) =>
      notify(tx, t.config, { userIds: [id], kind: 'x', message: returned, link: '/cycles' }),
    );
    const [waiting] = await db.select().from(outboxEmails).where(eq(outboxEmails.userId, id));
    expect(waiting!.status).toBe('pending');
    expect(smtp.received).toHaveLength(0);
    await deliverAfterCommit(db, t.config);
    await mailerFor(t.config).idle();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['<ambon@ovop.test>']);
    expect(mail.data).toContain('Subject: Usulan dikembalikan');
    expect(mail.data).toContain('https://ovop.example/cycles');
    const [sent] = await db.select().from(outboxEmails).where(eq(outboxEmails.userId, id));
    expect(sent!.status).toBe('sent');
    expect(sent!.sentAt).not.toBeNull();
  });

  it('sends nothing for a rolled-back change', async () => {
    const db = t.database.db;
    const before = smtp.received.length;
    const id = await userId(t, 'tanimbar@ovop.test');
    await db
      .transaction(async (tx) => {
        await notify(tx, t.config, { userIds: [id], kind: 'x', message: returned });
        throw new Error('rolled back');
      })
      .catch(() => {});
    await deliverAfterCommit(db, t.config);
    await mailerFor(t.config).idle();
    expect(smtp.received.length).toBe(before);
  });

  it('keeps a mail the server would not take, with the error, and gives up after three tries', async () => {
    // A port with nothing listening: connection refused.
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const config = { ...t.config, SMTP_URL: `smtp://127.0.0.1:${port}` };
    const db = t.database.db;
    const id = await userId(t, 'penilai2@ovop.test');
    await db.transaction((tx) => notify(tx, config, { userIds: [id], kind: 'x', message: returned }));
    for (let i = 1; i <= 3; i++) {
      await deliverAfterCommit(db, config);
      await mailerFor(config).idle();
      const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.userId, id));
      expect(row!.attempts).toBe(i);
      expect(row!.status).toBe(i < 3 ? 'pending' : 'failed');
      expect(row!.lastError).toMatch(/ECONNREFUSED/);
    }
  });
});
