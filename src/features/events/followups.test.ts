import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { makeEvent } from '../../../tests/helpers/events.ts';
import { followUpActions } from '../../db/schema/events.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Actor } from '../../platform/actor.ts';
import type { EventRow } from './events.service.ts';
import { createFollowUps, type FollowUpRow, overdueFollowUps } from './followups.service.ts';

let t: TestApp;
let event: EventRow;
let ambon: FollowUpRow;
let tanimbar: FollowUpRow;
let future: FollowUpRow;
beforeAll(async () => {
  t = await createTestApp();
  event = await makeEvent(t, { title: 'Sosialisasi OVOP 2023' });
  const rows = await createFollowUps(t.deps.db, systemActor('test'), event.id, {
    title: 'Identifikasi calon IKM OVOP dari sentra',
    dueDate: '2023-10-30',
    kabkotaCodes: ['81.71', '81.03', '81.04'],
  });
  ambon = rows.find((r) => r.kabkotaCode === '81.71')!;
  tanimbar = rows.find((r) => r.kabkotaCode === '81.03')!;
  const later = await createFollowUps(t.deps.db, systemActor('test'), event.id, {
    title: 'Kirim profil potensi daerah',
    dueDate: '2099-01-31',
    kabkotaCodes: ['81.71'],
  });
  future = later[0]!;
  expect(future.dueDate).toBe('2099-01-31');
});
afterAll(() => t.close());

const reload = async (id: string) =>
  (await t.deps.db.select().from(followUpActions).where(eq(followUpActions.id, id)))[0]!;

describe('follow-up actions of a kab/kota', () => {
  it('lets an officer see only their own kab/kota’s actions, overdue ones flagged', async () => {
    const officer = await t.as('ambon@ovop.test');
    const page = textOf(await (await officer.get('/follow-ups')).text());
    expect(page).toContain('Tindak lanjut wilayah saya');
    expect(page).toContain('Identifikasi calon IKM OVOP dari sentra');
    expect(page).toContain('Terlambat');
    expect(page).toContain('1 tindak lanjut terlambat di wilayah Anda.');
    expect(page).toContain('Kirim profil potensi daerah');
    const api = await officer.api('/api/v1/follow-ups');
    expect(api.body.items.map((a: { kabkotaCode: string }) => a.kabkotaCode)).toEqual(['81.71', '81.71']);
    const overdue = await officer.api('/api/v1/follow-ups/overdue');
    expect(overdue.body.count).toBe(1);
    expect(overdue.body.items[0].id).toBe(ambon.id);
  });

  it('lets the officer report progress on their own action', async () => {
    const officer = await t.as('ambon@ovop.test');
    const res = await officer.post(`/follow-ups/${ambon.id}`, {
      status: 'in_progress',
      progressNote: '3 sentra sudah dikunjungi',
      version: String(ambon.version),
    });
    expect(res.status).toBe(303);
    const row = await reload(ambon.id);
    expect(row).toMatchObject({
      status: 'in_progress',
      progressNote: '3 sentra sudah dikunjungi',
      version: 2,
    });
    // An officer cannot change what is to be done or by when, whatever the form sends.
    await officer.post(`/follow-ups/${ambon.id}`, {
      status: 'done',
      title: 'Diubah',
      dueDate: '2099-12-31',
      version: '2',
    });
    const done = await reload(ambon.id);
    expect(done).toMatchObject({
      status: 'done',
      title: 'Identifikasi calon IKM OVOP dari sentra',
      dueDate: '2023-10-30',
    });
    expect(done.completedAt).not.toBeNull();
  });

  it('answers 404 when an officer opens or edits another kab/kota’s action, and changes nothing', async () => {
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get(`/follow-ups/${tanimbar.id}`)).status).toBe(404);
    const post = await officer.post(`/follow-ups/${tanimbar.id}`, { status: 'done', version: '1' });
    expect(post.status).toBe(404);
    const api = await officer.api(`/api/v1/follow-ups/${tanimbar.id}`, {
      method: 'PATCH',
      body: { status: 'done', version: 1 },
    });
    expect(api.status).toBe(404);
    const row = await reload(tanimbar.id);
    expect(row).toMatchObject({ status: 'open', version: 1 });
  });

  it('refuses a stale update with both versions, and an officer choosing "cancelled"', async () => {
    const officer = await t.as('tanimbar@ovop.test');
    await officer.post(`/follow-ups/${tanimbar.id}`, {
      status: 'in_progress',
      progressNote: 'pertama',
      version: '1',
    });
    const stale = await officer.post(`/follow-ups/${tanimbar.id}`, {
      status: 'done',
      progressNote: 'kedua',
      version: '1',
    });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('pertama');
    const cancel = await officer.post(`/follow-ups/${tanimbar.id}`, { status: 'cancelled', version: '2' });
    expect(cancel.status).toBe(422);
    expect(textOf(await cancel.text())).toContain('Pilih Belum dikerjakan, Sedang dikerjakan, atau Selesai.');
    expect((await reload(tanimbar.id)).progressNote).toBe('pertama');
  });

  it('lets the admin see every kab/kota, set an owner of that kab/kota, and not one from elsewhere', async () => {
    const admin = await t.as('admin@ovop.test');
    const page = textOf(await (await admin.get('/follow-ups')).text());
    expect(page).toContain('Kabupaten Buru');
    const [owner] = await t.deps.db.query.users.findMany({
      where: (u, { eq }) => eq(u.email, 'tanimbar@ovop.test'),
    });
    const row = await reload(ambon.id);
    const wrong = await admin.post(`/follow-ups/${ambon.id}`, {
      title: row.title,
      dueDate: '2023-11-15',
      status: 'open',
      ownerUserId: owner!.id,
      version: String(row.version),
    });
    expect(wrong.status).toBe(422);
    expect(textOf(await wrong.text())).toContain(
      'Penanggung jawab harus petugas kabupaten/kota tindak lanjut ini.',
    );
    const right = await admin.post(`/follow-ups/${tanimbar.id}`, {
      title: 'Identifikasi calon IKM OVOP dari sentra',
      dueDate: '2023-11-15',
      status: 'open',
      ownerUserId: owner!.id,
      version: String((await reload(tanimbar.id)).version),
    });
    expect(right.status).toBe(303);
    expect(await reload(tanimbar.id)).toMatchObject({ ownerUserId: owner!.id, dueDate: '2023-11-15' });
  });

  it('tells each one of their own overdue actions for the dashboard', async () => {
    const actorOf = (regionCode: string | null, role: Actor['role']): Actor => ({
      userId: null,
      realUserId: null,
      role,
      regionCode,
      label: 'x',
      lang: 'id',
    });
    const buru = await overdueFollowUps(t.deps.db, actorOf('81.04', 'petugas_kabkota'), 10, '2024-01-01');
    expect(buru.count).toBe(1);
    expect(buru.rows[0]!.kabkotaCode).toBe('81.04');
    const province = await overdueFollowUps(t.deps.db, actorOf(null, 'admin_provinsi'), 10, '2024-01-01');
    expect(province.rows.every((r) => r.overdue)).toBe(true);
    expect(province.count).toBeGreaterThanOrEqual(2);
    const assessor = await overdueFollowUps(t.deps.db, actorOf(null, 'penilai'), 10, '2024-01-01');
    expect(assessor.count).toBe(0);
  });

  it('creates one action per kab/kota chosen, and asks for at least one', async () => {
    const admin = await t.as('admin@ovop.test');
    const none = await admin.post(`/events/${event.id}/follow-ups`, {
      title: 'Tanpa wilayah',
      dueDate: '2024-01-31',
    });
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain('Pilih paling sedikit 1.');
    const res = await admin.post(`/events/${event.id}/follow-ups`, {
      title: 'Siapkan dokumen usulan',
      dueDate: '31/01/2024',
      kabkotaCodes: ['81.01', '81.02'],
    });
    expect(res.status).toBe(303);
    const rows = await t.deps.db
      .select()
      .from(followUpActions)
      .where(eq(followUpActions.title, 'Siapkan dokumen usulan'));
    expect(rows.map((r) => r.kabkotaCode).sort()).toEqual(['81.01', '81.02']);
    expect(rows[0]!.dueDate).toBe('2024-01-31');
    const officer = await t.as('ambon@ovop.test');
    expect(
      (
        await officer.post(`/events/${event.id}/follow-ups`, {
          title: 'x',
          dueDate: '2024-01-31',
          kabkotaCodes: '81.71',
        })
      ).status,
    ).toBe(403);
  });
});
