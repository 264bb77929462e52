import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { addIkm, programmeForm, programmeIdFrom } from '../../../tests/helpers/coaching.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { coachingParticipants, coachingRecommendations } from '../../db/schema/coaching.ts';
import { systemActor } from '../../platform/actor.ts';
import { addDays } from '../registry/identifiers.ts';
import { localDate } from '../../platform/format.ts';
import type { IkmRow } from '../registry/ikm.service.ts';
import { addRecommendations, recommendationsFor } from './recommendations.service.ts';

let t: TestApp;
let admin: TestClient;
let ambon: TestClient;
let tanimbar: TestClient;
let bagea: IkmRow;
let manisan: IkmRow;
let tenun: IkmRow;
let halalOpen: string;
let halalOver: string;
let packaging: string;
const today = localDate();

async function programme(overrides: Record<string, string>) {
  const res = await admin.post('/coaching/programmes', programmeForm(overrides));
  expect(res.status).toBe(303);
  return programmeIdFrom(res);
}

/** What the assessment wiring does with a gap analysis: one recommendation per lost criterion. */
function fromGapAnalysis(ikmId: string, nominationId: string) {
  return addRecommendations(t.deps.db, systemActor('assessment'), [
    {
      ikmId,
      source: 'gap_analysis',
      sourceRef: nominationId,
      criterionCode: 'A7',
      coachingKind: 'certification',
      certificationKind: 'halal',
      text: 'Legalitas produk: belum bersertifikat halal (−4,00 poin).',
      lostPoints: 4,
    },
    {
      ikmId,
      source: 'gap_analysis',
      sourceRef: nominationId,
      criterionCode: 'A5',
      coachingKind: 'packaging_branding',
      text: 'Pengembangan kemasan: kemasan belum berlabel lengkap (−2,50 poin).',
      lostPoints: 2.5,
    },
  ]);
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, ambon, tanimbar] = await Promise.all([
    t.as('admin@ovop.test'),
    t.as('ambon@ovop.test'),
    t.as('tanimbar@ovop.test'),
  ]);
  bagea = await addIkm(t, { name: 'Bagea Kenari Mardika', desa: 'Mardika' });
  manisan = await addIkm(t, { name: 'Manisan Pala Banda Neira', kabkotaCode: '81.01', desa: 'Nusantara' });
  tenun = await addIkm(t, { name: 'Sanggar Tenun Lorulun', kabkotaCode: '81.03', desa: 'Lorulun' });
  halalOpen = await programme({
    title: 'Fasilitasi Halal Gelombang II',
    startDate: addDays(today, -10),
    endDate: addDays(today, 90),
  });
  halalOver = await programme({
    title: 'Fasilitasi Halal Gelombang I',
    startDate: '2023-02-01',
    endDate: '2023-06-30',
  });
  packaging = await programme({
    title: 'Klinik Kemasan Terbuka',
    kind: 'packaging_branding',
    certificationKind: '',
    startDate: addDays(today, -5),
    endDate: '',
  });
});
afterAll(() => t.close());

describe('recommendations from a gap analysis', () => {
  it('records them once per nomination and criterion, however often the analysis runs', async () => {
    const first = await fromGapAnalysis(bagea.id, 'nomination-1');
    expect(first).toHaveLength(2);
    expect(await fromGapAnalysis(bagea.id, 'nomination-1')).toHaveLength(0);
    const open = await recommendationsFor(t.deps.db, systemActor('test'), bagea.id);
    expect(open.map((r) => r.criterionCode).sort()).toEqual(['A5', 'A7']);
    expect(open.find((r) => r.criterionCode === 'A7')!.lostPoints).toBe('4.00');
  });

  it('lists each not yet acted on with the open programmes of its kind only', async () => {
    const html = await (await admin.get('/coaching/recommendations')).text();
    const page = textOf(html);
    expect(page).toContain('Bagea Kenari Mardika');
    expect(page).toContain('Legalitas produk: belum bersertifikat halal');
    expect(page).toContain('Analisis kesenjangan · Kriteria A7');
    const halalRow = html.split('Legalitas produk')[1]!.split('</tr>')[0]!;
    expect(halalRow).toContain(`value="${halalOpen}"`);
    expect(halalRow).not.toContain(`value="${halalOver}"`);
    expect(halalRow).not.toContain(`value="${packaging}"`);
  });

  it('enrols the IKM in the chosen programme in one step, and the recommendation leaves the list', async () => {
    const [rec] = await t.deps.db
      .select()
      .from(coachingRecommendations)
      .where(
        and(eq(coachingRecommendations.ikmId, bagea.id), eq(coachingRecommendations.criterionCode, 'A7')),
      );
    const res = await admin.post(`/coaching/recommendations/${rec!.id}/enrol`, { programmeId: halalOpen });
    expect(res.status).toBe(303);
    const page = textOf(await (await admin.get('/coaching/recommendations')).text());
    expect(page).toContain('Bagea Kenari Mardika didaftarkan ke program "Fasilitasi Halal Gelombang II".');
    expect(page).not.toContain('Legalitas produk: belum bersertifikat halal');
    const [p] = await t.deps.db
      .select()
      .from(coachingParticipants)
      .where(and(eq(coachingParticipants.programmeId, halalOpen), eq(coachingParticipants.ikmId, bagea.id)));
    expect(p).toMatchObject({ source: 'recommendation', recommendationId: rec!.id });
    const [after] = await t.deps.db
      .select()
      .from(coachingRecommendations)
      .where(eq(coachingRecommendations.id, rec!.id));
    expect(after!.actedOnProgrammeId).toBe(halalOpen);
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, rec!.id));
    expect(audit.map((a) => a.action)).toEqual([
      'coaching_recommendation.create',
      'coaching_recommendation.enrol',
    ]);
    const again = await admin.post(`/coaching/recommendations/${rec!.id}/enrol`, { programmeId: halalOpen });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('Rekomendasi ini sudah ditindaklanjuti atau ditutup.');
  });

  it('refuses a programme of another kind, or one that is over, and enrols no one', async () => {
    const [rec] = await t.deps.db
      .select()
      .from(coachingRecommendations)
      .where(
        and(eq(coachingRecommendations.ikmId, bagea.id), eq(coachingRecommendations.criterionCode, 'A5')),
      );
    const wrongKind = await admin.post(`/coaching/recommendations/${rec!.id}/enrol`, {
      programmeId: halalOpen,
    });
    expect(wrongKind.status).toBe(422);
    expect(textOf(await wrongKind.text())).toContain(
      'Program "Fasilitasi Halal Gelombang II" bukan program kemasan dan merek',
    );
    const [halal] = await addRecommendations(t.deps.db, systemActor('test'), [
      { ikmId: bagea.id, source: 'manual', coachingKind: 'certification', text: 'Perpanjang halal' },
    ]);
    const over = await admin.post(`/coaching/recommendations/${halal!.id}/enrol`, { programmeId: halalOver });
    expect(over.status).toBe(422);
    expect(textOf(await over.text())).toContain(
      'Program "Fasilitasi Halal Gelombang I" sudah selesai (30 Jun 2023)',
    );
    const none = await admin.post(`/coaching/recommendations/${halal!.id}/enrol`, {});
    expect(textOf(await none.text())).toContain('Pilih program.');
    const rows = await t.deps.db
      .select()
      .from(coachingParticipants)
      .where(eq(coachingParticipants.programmeId, halalOver));
    expect(rows).toHaveLength(0);
  });
});

describe('recommendations within a kab/kota', () => {
  it('shows an officer their own IKMs’ recommendations only, and refuses to act on another’s', async () => {
    const [tenunRec] = await addRecommendations(t.deps.db, systemActor('test'), [
      { ikmId: tenun.id, source: 'manual', coachingKind: 'export_coaching', text: 'Siap kurasi ekspor' },
    ]);
    const [pala] = await addRecommendations(t.deps.db, systemActor('test'), [
      { ikmId: manisan.id, source: 'manual', coachingKind: 'promotion', text: 'Ikut pameran nasional' },
    ]);
    const tanimbarPage = textOf(await (await tanimbar.get('/coaching/recommendations')).text());
    expect(tanimbarPage).toContain('Siap kurasi ekspor');
    expect(tanimbarPage).not.toContain('Ikut pameran nasional');
    expect(tanimbarPage).not.toContain('Bagea Kenari Mardika');
    expect((await ambon.post(`/coaching/recommendations/${tenunRec!.id}/dismiss`)).status).toBe(404);
    expect(
      (await ambon.post(`/coaching/recommendations/${pala!.id}/enrol`, { programmeId: packaging })).status,
    ).toBe(404);
    const api = await tanimbar.api('/api/v1/coaching/recommendations');
    expect(api.body.items.map((r: { text: string }) => r.text)).toEqual(['Siap kurasi ekspor']);
  });

  it('lets an officer write a recommendation for their IKM, and no other', async () => {
    const form = await ambon.get(`/coaching/recommendations/new?ikm=${bagea.id}`);
    expect(form.status).toBe(200);
    expect((await ambon.get(`/coaching/recommendations/new?ikm=${tenun.id}`)).status).toBe(404);
    const empty = await ambon.post('/coaching/recommendations', {
      ikmId: bagea.id,
      coachingKind: 'training',
      text: '',
    });
    expect(empty.status).toBe(422);
    const res = await ambon.post('/coaching/recommendations', {
      ikmId: bagea.id,
      coachingKind: 'packaging_branding',
      text: 'Label belum mencantumkan komposisi',
    });
    expect(res.status).toBe(303);
    const page = await (await ambon.get(`/coaching/recommendations?ikm=${bagea.id}`)).text();
    expect(textOf(page)).toContain('Label belum mencantumkan komposisi');
    expect(page).toContain(`value="${packaging}"`);
    const forged = await ambon.post('/coaching/recommendations', {
      ikmId: tenun.id,
      coachingKind: 'training',
      text: 'x',
    });
    expect(forged.status).toBe(404);
  });

  it('closes a recommendation that is no longer needed', async () => {
    const [rec] = await addRecommendations(t.deps.db, systemActor('test'), [
      { ikmId: bagea.id, source: 'manual', coachingKind: 'equipment', text: 'Mesin sangrai kenari' },
    ]);
    const res = await ambon.post(`/coaching/recommendations/${rec!.id}/dismiss`, {
      reason: 'Sudah dibantu CSR',
    });
    expect(res.status).toBe(303);
    const page = textOf(await (await ambon.get('/coaching/recommendations')).text());
    expect(page).toContain('Rekomendasi untuk Bagea Kenari Mardika ditutup.');
    expect(page).not.toContain('Mesin sangrai kenari');
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, rec!.id), eq(auditLog.action, 'coaching_recommendation.dismiss')));
    expect(audit!.reason).toBe('Sudah dibantu CSR');
  });

  it('offers to record a programme when none of the kind is open', async () => {
    await addRecommendations(t.deps.db, systemActor('test'), [
      { ikmId: bagea.id, source: 'manual', coachingKind: 'export_coaching', text: 'Kurasi OVOP Go Global' },
    ]);
    const page = await (await admin.get('/coaching/recommendations?kind=export_coaching')).text();
    expect(textOf(page)).toContain('Belum ada program pendampingan ekspor yang masih berjalan.');
    expect(page).toContain('href="/coaching/programmes/new?kind=export_coaching"');
  });
});
