import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { addIkm, programmeForm, programmeIdFrom } from '../../../tests/helpers/coaching.ts';
import { makeEvent, userId } from '../../../tests/helpers/events.ts';
import { ikm } from '../../db/schema/registry.ts';
import { systemActor } from '../../platform/actor.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { ikmTimeline, type TimelineSource, type TrajectorySource } from '../../platform/timeline.ts';
import { recordSheet } from '../events/attendance.service.ts';
import { addGuest } from '../events/participants.service.ts';
import { createDocument } from '../registry/documents.service.ts';
import type { IkmRow } from '../registry/ikm.service.ts';

let t: TestApp;
let admin: TestClient;
let tanimbar: TestClient;
let owner: TestClient;
let subject: IkmRow;
let other: IkmRow;
let programmeId: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, tanimbar, owner] = await Promise.all([
    t.as('admin@ovop.test'),
    t.as('tanimbar@ovop.test'),
    t.as('ikm@ovop.test'),
  ]);
  subject = await addIkm(t, { name: 'Kerajinan Mutiara Batu Merah', desa: 'Batu Merah' });
  other = await addIkm(t, { name: 'Usaha Lain Ambon', desa: 'Passo' });
  await t.deps.db
    .update(ikm)
    .set({ ownerUserId: await userId(t, 'ikm@ovop.test') })
    .where(eq(ikm.id, subject.id));
  const actor = systemActor('test');
  // 2023: a briefing it attended; 2024: a fair it was invited to and missed.
  const attended = await makeEvent(t, {
    title: 'Sosialisasi OVOP 2023',
    startsAt: fromLocalInput('2023-09-04T09:00')!,
    endsAt: fromLocalInput('2023-09-04T15:00')!,
  });
  const p1 = await addGuest(t.deps.db, actor, attended.id, {
    name: 'Anace Tuhumena',
    kabkotaCode: '81.71',
    ikmId: subject.id,
  });
  await recordSheet(t.deps.db, actor, attended.id, {
    seqs: [p1.seq],
    walkInName: [],
    walkInInstitution: [],
    walkInKabkota: [],
  });
  const missed = await makeEvent(t, {
    title: 'Pameran Produk Unggulan 2024',
    kind: 'pameran',
    startsAt: fromLocalInput('2024-02-10T09:00')!,
    endsAt: fromLocalInput('2024-02-12T17:00')!,
  });
  await addGuest(t.deps.db, actor, missed.id, {
    name: 'Anace Tuhumena',
    kabkotaCode: '81.71',
    ikmId: subject.id,
  });
  await createDocument(t.deps.db, actor, subject.id, {
    kind: 'trademark',
    number: 'IDM000987654',
    issuer: 'DJKI',
    issueDate: '2022-05-20',
    expiryDate: '2032-05-20',
  });
  const res = await admin.post(
    '/coaching/programmes',
    programmeForm({
      title: 'OVOP Go Global: Pendampingan Ekspor',
      kind: 'export_coaching',
      certificationKind: '',
      fundingSource: 'apbn',
      level: 'centre',
      startDate: '2024-07-01',
      endDate: '2024-11-30',
    }),
  );
  programmeId = programmeIdFrom(res);
  await admin.post(`/coaching/programmes/${programmeId}/participants`, { ikmIds: subject.id });
  const outcome = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
    ikmId: subject.id,
    kind: 'new_market',
    achievedOn: '2024-10-20',
    description: 'Kontrak ekspor pertama ke Belanda',
    evidenceNumber: 'PO-2024-117',
    valueRp: '85.000.000',
  });
  expect(outcome.status).toBe(303);
});
afterAll(() => t.close());

describe('the IKM timeline', () => {
  it('shows events, programmes, outcomes and legal documents by year, newest first', async () => {
    const html = await (await admin.get(`/registry/ikm/${subject.id}/timeline`)).text();
    const page = textOf(html);
    expect(page).toContain('Linimasa Kerajinan Mutiara Batu Merah');
    const order = ['Tahun 2024', 'Tahun 2023', 'Tahun 2022'].map((y) => page.indexOf(y));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('Pasar baru (PO-2024-117)');
    expect(page).toContain('Kontrak ekspor pertama ke Belanda');
    expect(page).toContain('Mengikuti OVOP Go Global: Pendampingan Ekspor');
    expect(page).toContain('Pendampingan ekspor · 1 Jul 2024 – 30 Nov 2024');
    expect(page).toContain('Sosialisasi OVOP 2023 Hadir');
    expect(page).toContain('Pameran Produk Unggulan 2024 Tidak hadir');
    expect(page).toContain('Merek/HKI nomor IDM000987654');
    // Newest first within a year: the outcome (20 Oct) before the programme (1 Jul) before the fair (10 Feb).
    expect(page.indexOf('Pasar baru')).toBeLessThan(page.indexOf('Mengikuti OVOP Go Global'));
    expect(page.indexOf('Mengikuti OVOP Go Global')).toBeLessThan(page.indexOf('Pameran Produk Unggulan'));
    expect(html).toContain(`href="/coaching/programmes/${programmeId}"`);
    // No assessment result yet: the chart says so instead of failing.
    expect(page).toContain('Belum ada hasil penilaian OVOP untuk IKM ini');
  });

  it('is the IKM owner’s too, without links to pages they cannot open; others get 404', async () => {
    const res = await owner.get(`/registry/ikm/${subject.id}/timeline`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(textOf(html)).toContain('Mengikuti OVOP Go Global: Pendampingan Ekspor');
    expect(html).not.toContain('href="/coaching/programmes/');
    expect(html).not.toContain('href="/events/');
    expect((await owner.get(`/registry/ikm/${other.id}/timeline`)).status).toBe(404);
    expect((await tanimbar.get(`/registry/ikm/${subject.id}/timeline`)).status).toBe(404);
    expect((await tanimbar.api(`/api/v1/ikm/${subject.id}/timeline`)).status).toBe(404);
  });

  it('speaks English', async () => {
    const page = textOf(await (await admin.get(`/registry/ikm/${subject.id}/timeline?lang=en`)).text());
    expect(page).toContain('Timeline of Kerajinan Mutiara Batu Merah');
    expect(page).toContain('Took part in OVOP Go Global: Pendampingan Ekspor');
    expect(page).toContain('New market (PO-2024-117)');
    expect(page).toContain('Did not attend');
    expect(page).toContain('No OVOP assessment result for this IKM yet');
  });

  it('takes entries and star trajectories from sources later features register', async () => {
    const stars: TimelineSource = async (_ctx, who) =>
      who.id === subject.id
        ? [{ date: '2024-10-18', kind: 'star', kindLabel: 'Bintang', title: 'Bintang 2 OVOP 2024' }]
        : [];
    const trajectory: TrajectorySource = async (_ctx, who) =>
      who.id === subject.id
        ? [
            {
              label: 'OVOP 2024',
              date: '2024-10-18',
              star: 2,
              maxStar: 3,
              aspects: [{ code: 'A', name: 'Produksi', score: 24, max: 30 }],
            },
          ]
        : [];
    ikmTimeline.addSource(stars);
    ikmTimeline.addTrajectory(trajectory);
    const html = await (await admin.get(`/registry/ikm/${subject.id}/timeline`)).text();
    expect(textOf(html)).toContain('Bintang 2 OVOP 2024');
    expect(html).toContain('class="point-star"');
    expect(textOf(html)).toContain('24 / 30 (80%)');
    const api = await admin.api(`/api/v1/ikm/${subject.id}/timeline`);
    expect(api.status).toBe(200);
    expect(api.body.trajectory[0]).toMatchObject({ label: 'OVOP 2024', star: 2 });
    expect(api.body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'outcome',
      'star',
      'programme',
      'event',
      'event',
      'legal_document',
    ]);
    const empty = textOf(await (await admin.get(`/registry/ikm/${other.id}/timeline`)).text());
    expect(empty).toContain('Belum ada catatan untuk IKM ini.');
  });
});
