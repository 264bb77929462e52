import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { users } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { notifications, outboxEmails } from '../../db/schema/notifications.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'penilai2@ovop.test'));
});
afterAll(() => t.close());

const counts = async () => ({
  notifications: (await t.database.db.select().from(notifications)).length,
  mails: (await t.database.db.select().from(outboxEmails)).length,
});

describe('bulk messages', () => {
  it('previews to officers of chosen kab/kota — check your answers — writes nothing, then sends', async () => {
    const admin = await t.as('admin@ovop.test');
    const form = await admin.get('/admin/notifications/bulk');
    expect(form.status).toBe(200);
    const before = await counts();
    const message = {
      audience: 'officers',
      kabkotaCodes: ['81.71', '81.03'],
      titleId: 'Rapat persiapan seleksi',
      bodyId: 'Rapat daring Senin, 1 Desember 2026 pukul 09.00 WIT.',
      titleEn: '',
      bodyEn: '',
      link: '/cycles',
    };
    const preview = await admin.post('/admin/notifications/bulk/preview', message);
    expect(preview.status).toBe(200);
    const text = textOf(await preview.text());
    expect(text).toContain('Periksa pesan sebelum dikirim');
    expect(text).toContain('Pesan ini akan dikirim ke 2 penerima');
    expect(text).toContain('ambon@ovop.test');
    expect(text).toContain('tanimbar@ovop.test');
    expect(text).not.toContain('penilai1@ovop.test');
    // With no English text, English readers get the Indonesian one.
    expect(text).toContain('Yang diterima pengguna berbahasa Inggris Rapat persiapan seleksi');
    expect(await counts()).toEqual(before);

    const sent = await admin.post('/admin/notifications/bulk/send', message);
    expect(sent.status).toBe(303);
    const confirmation = await admin.get(sent.headers.get('location')!);
    expect(textOf(await confirmation.text())).toContain('Pesan dikirim ke 2 penerima.');
    const after = await counts();
    expect(after.notifications - before.notifications).toBe(2);
    expect(after.mails - before.mails).toBe(2);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'notification.bulk_send'));
    expect(audit!.after).toMatchObject({ audience: 'officers', recipients: 2 });

    const officer = await t.as('ambon@ovop.test');
    expect(textOf(await (await officer.get('/notifications')).text())).toContain(
      'Rapat daring Senin, 1 Desember 2026 pukul 09.00 WIT.',
    );
  });

  it('sends to all assessors in each one’s language', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post('/admin/notifications/bulk/send', {
      audience: 'assessors',
      titleId: 'Jadwal penilaian',
      bodyId: 'Penilaian lapangan mulai 8 Februari.',
      titleEn: 'Assessment schedule',
      bodyEn: 'Site assessment starts on 8 February.',
    });
    expect(res.status).toBe(303);
    const rows = await t.database.db
      .select({ email: users.email, title: notifications.title })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.kind, 'bulk'));
    const titles = Object.fromEntries(
      rows.filter((r) => r.email.startsWith('penilai')).map((r) => [r.email, r.title]),
    );
    expect(titles).toEqual({
      'penilai1@ovop.test': 'Jadwal penilaian',
      'penilai2@ovop.test': 'Assessment schedule',
      'penilai3@ovop.test': 'Jadwal penilaian',
    });
  });

  it('asks for a kab/kota, refuses an audience of nobody, and a link off the site', async () => {
    const admin = await t.as('admin@ovop.test');
    const before = await counts();
    const none = await admin.post('/admin/notifications/bulk/preview', {
      audience: 'officers',
      titleId: 'x',
      bodyId: 'y',
    });
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain('Pilih paling sedikit satu kabupaten/kota.');
    const nobody = await admin.post('/admin/notifications/bulk/preview', {
      audience: 'officers',
      kabkotaCodes: '81.01',
      titleId: 'x',
      bodyId: 'y',
    });
    expect(nobody.status).toBe(422);
    expect(textOf(await nobody.text())).toContain('Tidak ada pengguna aktif yang menerima pesan ini');
    const link = await admin.post('/admin/notifications/bulk/preview', {
      audience: 'assessors',
      titleId: 'x',
      bodyId: 'y',
      link: '//evil.example/',
    });
    expect(link.status).toBe(422);
    expect(textOf(await link.text())).toContain('Tautan harus alamat di aplikasi ini');
    expect(await counts()).toEqual(before);
  });

  it('takes the admin back to the form with the input kept ("Change")', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post('/admin/notifications/bulk', {
      audience: 'officers',
      kabkotaCodes: ['81.03'],
      titleId: 'Judul tetap',
      bodyId: 'Isi tetap',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('value="Judul tetap"');
    expect(html).toMatch(/value="81\.03" checked/);
  });
});

describe('the outbox', () => {
  it('shows the admin what would have been sent, and nobody else', async () => {
    const admin = await t.as('admin@ovop.test');
    const page = await admin.get('/admin/outbox');
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('SMTP belum diatur: e-mail hanya dicatat di sini.');
    expect(text).toContain('Rapat persiapan seleksi');
    expect(text).toContain('Hanya dicatat');
    const [mail] = await t.database.db.select().from(outboxEmails).limit(1);
    const detail = await admin.get(`/admin/outbox/${mail!.id}`);
    expect(textOf(await detail.text())).toContain(mail!.toAddress);
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get('/admin/outbox')).status).toBe(403);
    expect((await officer.get('/admin/notifications/bulk')).status).toBe(403);
  });
});
