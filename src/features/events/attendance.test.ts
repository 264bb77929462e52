import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { makeEvent, userId } from '../../../tests/helpers/events.ts';
import { eventAttendance, eventParticipants, events } from '../../db/schema/events.ts';
import { systemActor } from '../../platform/actor.ts';
import type { EventRow } from './events.service.ts';
import { addGuest, inviteUsers, type ParticipantRow } from './participants.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const system = systemActor('test');

const attendanceCount = async (eventId: string) =>
  Number(
    (
      await t.deps.db.select({ n: count() }).from(eventAttendance).where(eq(eventAttendance.eventId, eventId))
    )[0]!.n,
  );
const participantCount = async (eventId: string) =>
  Number(
    (
      await t.deps.db
        .select({ n: count() })
        .from(eventParticipants)
        .where(eq(eventParticipants.eventId, eventId))
    )[0]!.n,
  );

async function guest(
  event: EventRow,
  overrides: Partial<Parameters<typeof addGuest>[3]> = {},
): Promise<ParticipantRow> {
  return addGuest(t.deps.db, system, event.id, {
    name: 'Yohanis Latumahina',
    institution: 'Disperindag Kabupaten Buru',
    kabkotaCode: '81.04',
    phone: '0812-4700-1234',
    ...overrides,
  });
}

const personalPath = (e: EventRow, p: ParticipantRow) => `/hadir/${e.doorToken}/${p.checkinToken}`;

describe('one-tap check-in with a personal link', () => {
  it('shows the person and a button, records one attendance on the tap, and none on a second', async () => {
    const event = await makeEvent(t);
    const p = await guest(event);
    const visitor = t.client();
    const page = await visitor.get(personalPath(event, p));
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Atas nama Yohanis Latumahina');
    expect(text).toContain('Saya hadir');
    // Opening the link (a chat app's preview does) records nothing.
    expect(await attendanceCount(event.id)).toBe(0);

    const tap = await visitor.post(personalPath(event, p));
    expect(tap.status).toBe(200);
    expect(textOf(await tap.text())).toMatch(
      /Terima kasih, Yohanis Latumahina: Anda tercatat hadir pukul \d+ \w+ \d{4} \d{2}\.\d{2} WIT\./,
    );
    const again = await visitor.post(personalPath(event, p));
    expect(again.status).toBe(200);
    expect(textOf(await again.text())).toContain('Anda sudah tercatat hadir pukul');
    expect(await attendanceCount(event.id)).toBe(1);
    const [a] = await t.deps.db.select().from(eventAttendance).where(eq(eventAttendance.participantId, p.id));
    expect(a!.method).toBe('qr');
    expect(a!.kabkotaCode).toBe('81.04');
  });

  it('answers an unknown or forged code with its own page, and records nothing', async () => {
    const event = await makeEvent(t);
    const other = await makeEvent(t);
    const p = await guest(event, { phone: '0813-1111-2222' });
    const q = await guest(other, { phone: '0813-1111-3333' });
    const visitor = t.client();
    const forged = [
      `/hadir/${'A'.repeat(22)}`,
      `/hadir/${event.doorToken}/${'B'.repeat(22)}`,
      // A real personal token under another event's door code.
      `/hadir/${event.doorToken}/${q.checkinToken}`,
      `/hadir/${event.doorToken.slice(0, -1)}x/${p.checkinToken}`,
      '/hadir/../../etc/passwd',
    ];
    for (const path of forged) {
      const get = await visitor.get(path);
      expect(get.status, path).toBe(404);
      const post = await visitor.post(path);
      expect(post.status, path).toBe(404);
      if (path.startsWith('/hadir/A') || path.includes(event.doorToken))
        expect(textOf(await post.text())).toContain(
          'Kode atau tautan ini tidak dikenal atau tidak berlaku. Tidak ada yang dicatat.',
        );
    }
    expect(await attendanceCount(event.id)).toBe(0);
    expect(await attendanceCount(other.id)).toBe(0);
  });

  it('refuses a check-in for a cancelled event, saying why, and records nothing', async () => {
    const event = await makeEvent(t);
    const p = await guest(event);
    await t.deps.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, event.id));
    const res = await t.client().post(personalPath(event, p));
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain(
      'Kegiatan ini dibatalkan, jadi kehadiran tidak dapat dicatat.',
    );
    expect(await attendanceCount(event.id)).toBe(0);
  });

  it('refuses a check-in for a finished event (marked, or long over), and records nothing', async () => {
    const marked = await makeEvent(t);
    const p1 = await guest(marked);
    await t.deps.db.update(events).set({ status: 'finished' }).where(eq(events.id, marked.id));
    const over = await makeEvent(t, {
      startsAt: new Date(Date.now() - 30 * HOUR),
      endsAt: new Date(Date.now() - 7 * HOUR),
    });
    const p2 = await guest(over);
    for (const [e, p] of [
      [marked, p1],
      [over, p2],
    ] as const) {
      const res = await t.client().post(personalPath(e, p));
      expect(res.status).toBe(409);
      expect(textOf(await res.text())).toContain(
        'Kegiatan ini sudah selesai, jadi daftar hadir sudah ditutup.',
      );
      expect(await attendanceCount(e.id)).toBe(0);
    }
  });

  it('does not open check-in days before the event', async () => {
    const event = await makeEvent(t, {
      startsAt: new Date(Date.now() + 48 * HOUR),
      endsAt: new Date(Date.now() + 52 * HOUR),
    });
    const p = await guest(event);
    const res = await t.client().post(personalPath(event, p));
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toMatch(/Daftar hadir dibuka mulai \d+ \w+ \d{4} \d{2}\.\d{2} WIT\./);
    expect(await attendanceCount(event.id)).toBe(0);
  });
});

describe('the door QR code', () => {
  it('gives a signed-in invitee one tap', async () => {
    const event = await makeEvent(t);
    await inviteUsers(t.deps.db, system, event.id, [await userId(t, 'tanimbar@ovop.test')]);
    const officer = await t.as('tanimbar@ovop.test');
    const page = await officer.get(`/hadir/${event.doorToken}`);
    expect(textOf(await page.text())).toContain('Atas nama Petugas Kepulauan Tanimbar (demo)');
    const tap = await officer.post(`/hadir/${event.doorToken}`, { self: '1' });
    expect(tap.status).toBe(200);
    expect(textOf(await tap.text())).toContain('Terima kasih, Petugas Kepulauan Tanimbar (demo)');
    const again = await officer.get(`/hadir/${event.doorToken}`);
    expect(textOf(await again.text())).toContain('Anda sudah tercatat hadir pukul');
    const [a] = await t.deps.db.select().from(eventAttendance).where(eq(eventAttendance.eventId, event.id));
    expect(a!.kabkotaCode).toBe('81.03');
  });

  it('finds a guest by the phone number of the invitation, written any usual way', async () => {
    const event = await makeEvent(t);
    const p = await guest(event, { phone: '0812-4700-5555' });
    const visitor = t.client();
    const res = await visitor.post(`/hadir/${event.doorToken}`, { contact: '+62 812 4700 5555' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(personalPath(event, p));
    const miss = await visitor.post(`/hadir/${event.doorToken}`, { contact: '0899 000 000' });
    expect(miss.status).toBe(200);
    expect(textOf(await miss.text())).toContain('Tidak ada undangan dengan data itu');
    expect(await attendanceCount(event.id)).toBe(0);
  });
});

describe('the check-in list at the desk', () => {
  it('checks a person in once, however often the button is pressed, without an error page', async () => {
    const event = await makeEvent(t);
    const p = await guest(event);
    const admin = await t.as('admin@ovop.test');
    const first = await admin.post(`/events/${event.id}/checkin/${p.id}`);
    expect(first.status).toBe(303);
    const second = await admin.post(`/events/${event.id}/checkin/${p.id}`);
    expect(second.status).toBe(303);
    const list = await admin.get(second.headers.get('location')!);
    expect(list.status).toBe(200);
    expect(textOf(await list.text())).toMatch(
      /Yohanis Latumahina sudah tercatat hadir pukul \d{2}\.\d{2}; tidak dicatat dua kali\./,
    );
    expect(await attendanceCount(event.id)).toBe(1);
  });

  it('lets an officer check in the people of their own kab/kota only (another answers 404)', async () => {
    const event = await makeEvent(t);
    const ambon = await guest(event, { name: 'Nona Ambon', kabkotaCode: '81.71', phone: '0811-0000-0001' });
    const buru = await guest(event, { name: 'Tuan Buru', kabkotaCode: '81.04', phone: '0811-0000-0002' });
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.post(`/events/${event.id}/checkin/${ambon.id}`)).status).toBe(303);
    expect((await officer.post(`/events/${event.id}/checkin/${buru.id}`)).status).toBe(404);
    const api = await officer.api(`/api/v1/events/${event.id}/attendance`, {
      method: 'POST',
      body: { participantId: buru.id },
    });
    expect(api.status).toBe(404);
    expect(await attendanceCount(event.id)).toBe(1);
    // Their desk list offers a button only for their own people.
    const desk = await (await officer.get(`/events/${event.id}/checkin`)).text();
    expect(desk).not.toContain(`/checkin/${buru.id}`);
    expect(desk).toContain(`/checkin/${ambon.id}/undo`);
    // Their list hides the other kab/kota's phone numbers.
    const page = textOf(await (await officer.get(`/events/${event.id}/participants`)).text());
    expect(page).toContain('0811-0000-0001');
    expect(page).not.toContain('0811-0000-0002');
  });

  it('refuses the desk for a cancelled event too', async () => {
    const event = await makeEvent(t);
    const p = await guest(event);
    await t.deps.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, event.id));
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post(`/events/${event.id}/checkin/${p.id}`);
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Kegiatan ini dibatalkan');
    expect(await attendanceCount(event.id)).toBe(0);
  });
});

describe('self-registration through the public link', () => {
  it('registers while the admin keeps the link open, and gives the personal link', async () => {
    const event = await makeEvent(t);
    const admin = await t.as('admin@ovop.test');
    expect((await admin.post(`/events/${event.id}/registration`, { open: '1' })).status).toBe(303);
    const visitor = t.client();
    const form = await visitor.get(`/daftar/${event.registrationToken}`);
    expect(textOf(await form.text())).toContain('Pendaftaran peserta');
    const res = await visitor.post(`/daftar/${event.registrationToken}`, {
      name: 'Magdalena Rumthe',
      institution: 'IKM Tenun Tanimbar',
      kabkotaCode: '81.03',
      phone: '0813-5555-0101',
    });
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toContain('Magdalena Rumthe, Anda terdaftar sebagai peserta nomor 1.');
    const [p] = await t.deps.db
      .select()
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, event.id));
    expect(p!.source).toBe('self_registered');
    expect(text).toContain(`/hadir/${event.doorToken}/${p!.checkinToken}`);
  });

  it('refuses a registration after the link was closed, says so, and saves nothing', async () => {
    const event = await makeEvent(t);
    const admin = await t.as('admin@ovop.test');
    await admin.post(`/events/${event.id}/registration`, { open: '1' });
    const visitor = t.client();
    await visitor.get(`/daftar/${event.registrationToken}`);
    // The admin closes the link while the visitor fills in the form.
    await admin.post(`/events/${event.id}/registration`, { open: '0' });
    const res = await visitor.post(`/daftar/${event.registrationToken}`, {
      name: 'Terlambat Daftar',
      kabkotaCode: '81.72',
      email: 'telat@example.test',
    });
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain('Pendaftaran untuk kegiatan ini sudah ditutup; data Anda tidak disimpan.');
    expect(text).toContain('Pendaftaran sudah ditutup');
    expect(await participantCount(event.id)).toBe(0);
    const page = await t.client().get(`/daftar/${event.registrationToken}`);
    expect(textOf(await page.text())).toContain(
      'Pendaftaran untuk kegiatan ini sudah ditutup oleh penyelenggara.',
    );
  });

  it('asks for a way to reach the person, refuses the same e-mail twice, and answers 404 to an unknown link', async () => {
    const event = await makeEvent(t);
    await t.deps.db.update(events).set({ registrationOpen: true }).where(eq(events.id, event.id));
    const visitor = t.client();
    await visitor.get(`/daftar/${event.registrationToken}`);
    const missing = await visitor.post(`/daftar/${event.registrationToken}`, { name: 'Tanpa Kontak' });
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Isi nomor telepon atau email');
    const one = { name: 'Dua Kali', email: 'dua@example.test', kabkotaCode: '81.01' };
    expect((await visitor.post(`/daftar/${event.registrationToken}`, one)).status).toBe(200);
    const twice = await visitor.post(`/daftar/${event.registrationToken}`, {
      ...one,
      email: 'DUA@example.test',
    });
    expect(twice.status).toBe(422);
    expect(textOf(await twice.text())).toContain('Email ini sudah terdaftar untuk kegiatan ini.');
    expect(await participantCount(event.id)).toBe(1);
    expect((await visitor.get(`/daftar/${'x'.repeat(22)}`)).status).toBe(404);
  });
});

describe('the paper sheet, typed back', () => {
  it('records the numbers that signed and the filled-in blank rows', async () => {
    const event = await makeEvent(t, {
      startsAt: new Date(Date.now() - 50 * HOUR),
      endsAt: new Date(Date.now() - 44 * HOUR),
    });
    const people: ParticipantRow[] = [];
    for (let i = 1; i <= 5; i++)
      people.push(await guest(event, { name: `Peserta ${i}`, phone: `0812000000${i}` }));
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post(`/events/${event.id}/sheet`, {
      numbers: '1-2, 4',
      seqs: ['4', '5'],
      walkInName: ['Tamu Tambahan', '', '', '', ''],
      walkInInstitution: ['Bank Daerah', '', '', '', ''],
      walkInKabkota: ['81.72', '', '', '', ''],
    });
    expect(res.status).toBe(303);
    const flash = textOf(await (await admin.get(res.headers.get('location')!)).text());
    expect(flash).toContain(
      '5 kehadiran dicatat dari daftar hadir kertas (0 sudah tercatat sebelumnya, 1 peserta tambahan).',
    );
    const rows = await t.deps.db.select().from(eventAttendance).where(eq(eventAttendance.eventId, event.id));
    expect(rows).toHaveLength(5);
    expect(
      rows.every((r) => r.method === 'sheet' && r.checkedInAt.getTime() === event.startsAt.getTime()),
    ).toBe(true);
    const [walkIn] = await t.deps.db
      .select()
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.source, 'walk_in')));
    expect(walkIn).toMatchObject({ name: 'Tamu Tambahan', seq: 6, kabkotaCode: '81.72' });
  });

  it('refuses the whole sheet when a number is not on it, or is not a number, and records nothing', async () => {
    const event = await makeEvent(t);
    await guest(event);
    const admin = await t.as('admin@ovop.test');
    const unknown = await admin.post(`/events/${event.id}/sheet`, { numbers: '1, 7, 9' });
    expect(unknown.status).toBe(422);
    expect(textOf(await unknown.text())).toContain('Nomor 7, 9 tidak ada di daftar hadir kegiatan ini.');
    const typo = await admin.post(`/events/${event.id}/sheet`, { numbers: '1, dua' });
    expect(typo.status).toBe(422);
    expect(textOf(await typo.text())).toContain('Tulis nomor atau rentang nomor saja');
    expect(await attendanceCount(event.id)).toBe(0);
  });
});
