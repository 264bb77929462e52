import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { makeEvent, pdfText, userId } from '../../../tests/helpers/events.ts';
import { users } from '../../db/schema/accounts.ts';
import { events } from '../../db/schema/events.ts';
import { systemActor } from '../../platform/actor.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { newId } from '../../platform/ids.ts';
import { createUser } from '../users/users.service.ts';
import { deskCheckIn } from './attendance.service.ts';
import { coverageAcross, eventCoverage } from './coverage.service.ts';
import type { EventRow } from './events.service.ts';
import { addGuest, inviteUsers, withdrawParticipant } from './participants.service.ts';

let t: TestApp;
const system = systemActor('test');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function officer(email: string, regionCode: string): Promise<string> {
  const { user } = await createUser(
    t.deps.db,
    system,
    {
      email,
      name: email.split('@')[0]!,
      role: 'petugas_kabkota',
      regionCode,
      locale: 'id',
      password: 'rahasia-123',
    },
    t.config.PROVINCE_CODE,
  );
  return user.id;
}

const moveTo = (id: string, regionCode: string) =>
  t.deps.db.update(users).set({ regionCode }).where(eq(users.id, id));

const checkIn = (event: EventRow, participantId: string) =>
  deskCheckIn(t.deps.db, system, event.id, participantId);

describe('coverage of one event', () => {
  let event: EventRow;
  let movedAfter: string;
  let movedBefore: string;

  beforeAll(async () => {
    event = await makeEvent(t, { title: 'Sosialisasi OVOP 2023' });
    movedAfter = await officer('pindah.sesudah@ovop.test', '81.01');
    movedBefore = await officer('pindah.sebelum@ovop.test', '81.05');
    await inviteUsers(t.deps.db, system, event.id, [
      movedAfter,
      movedBefore,
      await userId(t, 'admin@ovop.test'),
    ]);
    const byName = async (name: string) =>
      (await t.deps.db.query.eventParticipants.findFirst({
        where: (p, { and, eq }) => and(eq(p.eventId, event.id), eq(p.name, name)),
      }))!;
    // Guests without accounts, present.
    const buru = await addGuest(t.deps.db, system, event.id, { name: 'Tamu Buru', kabkotaCode: '81.04' });
    const tual = await addGuest(t.deps.db, system, event.id, { name: 'Tamu Tual', kabkotaCode: '81.72' });
    // Registered but absent.
    await addGuest(
      t.deps.db,
      system,
      event.id,
      { name: 'Tamu MBD', kabkotaCode: '81.08' },
      'self_registered',
    );
    await addGuest(t.deps.db, system, event.id, { name: 'Tamu Aru Kedua', kabkotaCode: '81.07' });
    // From the ministry: no kab/kota.
    const ministry = await addGuest(t.deps.db, system, event.id, { name: 'Narasumber Kemenperin' });
    // Present, then withdrawn from the list: the attendance still counts.
    const withdrawn = await addGuest(t.deps.db, system, event.id, { name: 'Tamu SBB', kabkotaCode: '81.06' });
    for (const p of [buru, tual, ministry, withdrawn]) await checkIn(event, p.id);
    await withdrawParticipant(t.deps.db, system, event.id, withdrawn.id);
    // An officer checked in while in Maluku Tengah, then moved to Maluku Tenggara.
    await checkIn(event, (await byName('pindah.sesudah')).id);
    await moveTo(movedAfter, '81.02');
    // Another moved from Seram Bagian Timur to Kepulauan Aru before checking in.
    await moveTo(movedBefore, '81.07');
    await checkIn(event, (await byName('pindah.sebelum')).id);
  });

  it('counts by the kab/kota recorded at check-in, guests without accounts included, absentees not', async () => {
    const c = await eventCoverage(t.deps.db, event);
    const row = (code: string) => c.rows.find((r) => r.code === code)!;
    expect(c.total).toBe(11);
    expect(row('81.04')).toMatchObject({ invited: 1, attended: 1 });
    expect(row('81.72')).toMatchObject({ invited: 1, attended: 1 });
    // Checked in from Maluku Tengah; the later move does not move the history.
    expect(row('81.01')).toMatchObject({ invited: 1, attended: 1 });
    expect(row('81.02').attended).toBe(0);
    // Listed from Seram Bagian Timur, present for Kepulauan Aru (where they serve now).
    expect(row('81.05')).toMatchObject({ invited: 1, attended: 0 });
    expect(row('81.07')).toMatchObject({ invited: 1, attended: 1 });
    // Registered but absent.
    expect(row('81.08')).toMatchObject({ invited: 1, attended: 0 });
    // Withdrawn after being present: not invited any more, still present.
    expect(row('81.06')).toMatchObject({ invited: 0, attended: 1 });
    expect(c.other).toEqual({ invited: 2, attended: 1 });
    expect(c.present).toBe(5);
    expect(c.missing).toEqual([
      'Kabupaten Maluku Tenggara',
      'Kabupaten Kepulauan Tanimbar',
      'Kabupaten Seram Bagian Timur',
      'Kabupaten Maluku Barat Daya',
      'Kabupaten Buru Selatan',
      'Kota Ambon',
    ]);
  });

  it('says it in words, as a grid and a table on the event page, and draws the map', async () => {
    const admin = await t.as('admin@ovop.test');
    const html = await (await admin.get(`/events/${event.id}`)).text();
    const text = textOf(html);
    expect(text).toContain('5 dari 11 kabupaten/kota hadir');
    expect(text).toContain(
      'Tidak hadir: Kabupaten Maluku Tenggara, Kabupaten Kepulauan Tanimbar, Kabupaten Seram Bagian Timur, Kabupaten Maluku Barat Daya, Kabupaten Buru Selatan, Kota Ambon.',
    );
    expect(html).toContain('class="coverage-grid"');
    const map = await admin.get(`/events/${event.id}/coverage.svg`);
    expect(map.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await map.text();
    expect(svg.match(/<path /g)).toHaveLength(11);
    expect(svg).toContain('Kabupaten Buru: 1 orang hadir');
    expect(svg).toContain('Batas wilayah: BPS / OCHA (HDX), CC BY 3.0 IGO, disederhanakan');
    const english = textOf(await (await admin.get(`/events/${event.id}?lang=en`)).text());
    expect(english).toContain('5 of 11 regencies/cities present');
  });

  it('answers the same through the API', async () => {
    const officerClient = await t.as('ambon@ovop.test');
    const res = await officerClient.api(`/api/v1/events/${event.id}/coverage`);
    expect(res.status).toBe(200);
    expect(res.body.present).toBe(5);
    expect(res.body.missing).toContain('Kota Ambon');
  });

  it('prints an attendance sheet whose text lists every invitee under a stable number', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.get(`/events/${event.id}/attendance-sheet.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('DINAS PERINDUSTRIAN DAN PERDAGANGAN');
    expect(text).toContain('PEMERINTAH PROVINSI MALUKU');
    expect(text).toContain('DAFTAR HADIR');
    expect(text).toContain('Sosialisasi OVOP 2023');
    expect(text).toContain('Tanda tangan');
    const people = await t.deps.db.query.eventParticipants.findMany({
      where: (p, { and, eq, isNull }) => and(eq(p.eventId, event.id), isNull(p.withdrawnAt)),
    });
    expect(people.length).toBe(8);
    for (const p of people) expect(text).toContain(p.name);
    expect(text).not.toContain('Tamu SBB');
    // Blank numbered rows follow the list for people not on it.
    // Withdrawn people keep their number: the blank rows start after the highest ever given.
    expect(Math.max(...people.map((p) => p.seq))).toBe(8);
    // A blank row reads "19 19." (its number, then the numbered signature slot); matched as a whole
    // line, since the event's hours (say 16.01–20.01) may hold the same digits.
    expect(text).toMatch(/^19 19\.$/m);
    expect(text).not.toMatch(/^20 20\.$/m);
    expect(text).toMatch(/Halaman 1 dari \d/);
  });

  it('writes an event report with the coverage, minutes and follow-ups, text extractable', async () => {
    const admin = await t.as('admin@ovop.test');
    const [row] = await t.deps.db.select().from(events).where(eq(events.id, event.id));
    await admin.post(`/events/${event.id}/minutes`, {
      minutes: 'Usulan calon IKM paling lambat 30 Oktober.',
      version: String(row!.version),
    });
    await admin.post(`/events/${event.id}/speakers`, {
      name: 'Dra. Fransina Matakupan',
      institution: 'Ditjen IKMA',
      topic: 'Penilaian OVOP',
    });
    await admin.post(`/events/${event.id}/follow-ups`, {
      title: 'Identifikasi calon IKM dari sentra',
      dueDate: '2023-10-30',
      kabkotaCodes: ['81.04', '81.72'],
    });
    const res = await admin.get(`/events/${event.id}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const part of [
      'LAPORAN KEGIATAN',
      'Sosialisasi OVOP 2023',
      'Dra. Fransina Matakupan',
      '5 dari 11 kabupaten/kota hadir',
      'Tidak hadir: Kabupaten Maluku Tenggara',
      'Usulan calon IKM paling lambat 30 Oktober.',
      'Identifikasi calon IKM dari sentra',
      '30 Okt 2023',
      'Tamu Tual',
      'Batas wilayah: BPS / OCHA (HDX)',
    ])
      expect(text).toContain(part);
  });

  it('exports participants and attendance to Excel, with the kab/kota recorded at check-in', async () => {
    const admin = await t.as('admin@ovop.test');
    const { default: ExcelJS } = await import('exceljs');
    const res = await admin.get(`/events/${event.id}/attendance.xlsx`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const moved = rows.find((r) => r.includes('pindah.sesudah'));
    expect(moved).toContain('Kabupaten Maluku Tengah');
    expect(rows.length - 1).toBe(6);
    const coverage = book.worksheets[1]!;
    expect(JSON.stringify(coverage.getSheetValues())).toContain('5 dari 11 kabupaten/kota hadir');

    const people = await admin.get(`/events/${event.id}/participants.xlsx`);
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load((await people.arrayBuffer()) as ArrayBuffer);
    const all = JSON.stringify(book2.worksheets[0]!.getSheetValues());
    expect(all).toContain('Tamu MBD');
    expect(all).toContain(`/hadir/${event.doorToken}/`);
    // The officer may not export.
    const officerClient = await t.as('ambon@ovop.test');
    expect((await officerClient.get(`/events/${event.id}/participants.xlsx`)).status).toBe(403);
  });
});

describe('coverage across events', () => {
  it('counts the kab/kota represented at any event of a round, and which were missing', async () => {
    const cycleId = newId();
    await t.deps.db.insert(cycles).values({
      id: cycleId,
      provinceCode: '81',
      name: 'Putaran uji',
      year: 2024,
      kind: 'provincial_preselection',
      starScale: 3,
    });
    const day = 86_400_000;
    const a = await makeEvent(t, {
      title: 'Putaran A1',
      cycleId,
      startsAt: new Date(Date.UTC(2024, 1, 1)),
      endsAt: new Date(Date.UTC(2024, 1, 1) + 8 * 3_600_000),
    });
    const b = await makeEvent(t, {
      title: 'Putaran A2',
      cycleId,
      startsAt: new Date(Date.UTC(2024, 1, 1) + day),
      endsAt: new Date(Date.UTC(2024, 1, 1) + day + 3_600_000),
    });
    const outside = await makeEvent(t, {
      title: 'Lain',
      startsAt: new Date(Date.UTC(2024, 1, 3)),
      endsAt: new Date(Date.UTC(2024, 1, 3) + 3_600_000),
    });
    const present = async (e: EventRow, kabkotaCode: string) => {
      const p = await addGuest(t.deps.db, system, e.id, { name: `Orang ${kabkotaCode}`, kabkotaCode });
      await t.deps.db.update(events).set({ status: 'scheduled' }).where(eq(events.id, e.id));
      // Typed back from paper, since these events are past.
      const { recordSheet } = await import('./attendance.service.ts');
      await recordSheet(t.deps.db, system, e.id, {
        seqs: [p.seq],
        walkInName: [],
        walkInInstitution: [],
        walkInKabkota: [],
      });
    };
    await present(a, '81.01');
    await present(a, '81.71');
    await present(b, '81.71');
    await present(b, '81.03');
    await present(outside, '81.09');
    const across = await coverageAcross(t.deps.db, t.config.PROVINCE_CODE, { cycleId });
    expect(across.events.map((e) => e.title)).toEqual(['Putaran A1', 'Putaran A2']);
    expect(across.present).toBe(3);
    const ambon = across.rows.find((r) => r.code === '81.71')!;
    expect(ambon).toMatchObject({ eventsAttended: 2, attended: 2 });
    expect(across.missing).not.toContain('Kota Ambon');
    expect(across.missing).toContain('Kabupaten Buru Selatan');
    const byDate = await coverageAcross(t.deps.db, t.config.PROVINCE_CODE, {
      from: '2024-02-01',
      to: '2024-02-03',
    });
    expect(byDate.present).toBe(4);

    const admin = await t.as('admin@ovop.test');
    const page = textOf(await (await admin.get('/events/coverage?from=2024-02-01&to=2024-02-03')).text());
    expect(page).toContain('4 dari 11 kabupaten/kota hadir');
    expect(page).toContain('3 kegiatan');
    const bad = await admin.get('/events/coverage?from=31/02/2024');
    expect(bad.status).toBe(200);
    expect(textOf(await bad.text())).toContain('Tanggal tidak valid');
  });
});
