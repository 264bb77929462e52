/**
 * Enrolment from a gap analysis: each coaching need of a nomination's gap analysis offers the open
 * programmes of its kind; enrolling records the need's recommendations once, enrols the IKM and marks
 * them acted on, in one transaction. Refusals leave nothing half-written. Both languages.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { programmeForm, programmeIdFrom } from '../../../tests/helpers/coaching.ts';
import {
  type ScoredNomination,
  scoredNomination,
  scoringCycle,
} from '../../../tests/helpers/scoring-fixtures.ts';
import { coachingParticipants, coachingRecommendations } from '../../db/schema/coaching.ts';
import { localDate } from '../../platform/format.ts';
import { addDays } from '../registry/identifiers.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
let admin: TestClient;
let n: ScoredNomination;
let training: string;
let trainingOver: string;
let promotion: string;
const today = localDate();

async function programme(overrides: Record<string, string>) {
  const res = await admin.post('/coaching/programmes', programmeForm(overrides));
  expect(res.status).toBe(303);
  return programmeIdFrom(res);
}

const training_ = (title: string, startDate: string, endDate: string) =>
  programme({ title, kind: 'training', certificationKind: '', startDate, endDate });

async function participants() {
  return t.database.db
    .select()
    .from(coachingParticipants)
    .where(and(eq(coachingParticipants.ikmId, n.ikmId), isNull(coachingParticipants.removedAt)));
}

async function recommendations() {
  return t.database.db
    .select()
    .from(coachingRecommendations)
    .where(eq(coachingRecommendations.ikmId, n.ikmId));
}

const gapsUrl = () => `/assessment/nominations/${n.nominationId}/gaps`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@ovop.test');
  const cycleId = await scoringCycle(t);
  n = await scoredNomination(t, cycleId, {
    name: 'Tenun Kesenjangan',
    sheets: [
      { assessor: 'penilai1@ovop.test', level: 2, top: 3 },
      { assessor: 'penilai2@ovop.test', level: 2 },
    ],
  });
  training = await training_('Pelatihan Mutu Tenun Ikat', addDays(today, -10), addDays(today, 30));
  trainingOver = await training_('Pelatihan Pewarnaan Alam 2024', '2024-03-01', '2024-04-30');
  promotion = await programme({
    title: 'Temu Bisnis Kain Tenun',
    kind: 'promotion',
    certificationKind: '',
    startDate: addDays(today, 5),
    endDate: addDays(today, 6),
  });
});
afterAll(async () => t?.close());

describe('enrolment from a gap analysis', () => {
  it('offers the open programmes of each need, not the finished ones, in both languages', async () => {
    const page = await admin.get(gapsUrl());
    expect(page.status).toBe(200);
    const html = await page.text();
    const need = html.slice(
      html.indexOf('id="need-training"'),
      html.indexOf('</tr>', html.indexOf('id="need-training"')),
    );
    expect(need).toContain(`value="${training}"`);
    expect(need).not.toContain(trainingOver);
    expect(need).not.toContain(promotion);
    const text = textOf(html);
    expect(text).toContain('Daftarkan ke program');
    expect(text).toContain('Pelatihan Mutu Tenun Ikat');
    // A need without an open programme says so and leads to recording one.
    expect(html).toContain('/coaching/programmes/new?kind=export_coaching');
    expect(text).toContain('Belum ada program pendampingan ekspor yang masih berjalan.');
    const en = textOf(await (await admin.get(`${gapsUrl()}?lang=en`)).text());
    expect(en).toContain('Enrol in a programme');
    expect(en).toContain('No export coaching programme is open.');
  });

  it('refuses a finished programme, a programme of another kind and no programme, writing nothing', async () => {
    const over = await admin.post(`${gapsUrl()}/enrol`, { kind: 'training', programmeId: trainingOver });
    expect(over.status).toBe(422);
    const overHtml = await over.text();
    expect(textOf(overHtml)).toContain('Program "Pelatihan Pewarnaan Alam 2024" sudah selesai');
    // The error summary's link leads to the refused need's select, which names its error.
    expect(overHtml).toContain('href="#f-programmeId"');
    expect(overHtml).toMatch(/<select id="f-programmeId"[^>]*aria-describedby="f-programmeId-error"/);
    const mismatch = await admin.post(`${gapsUrl()}/enrol`, { kind: 'training', programmeId: promotion });
    expect(mismatch.status).toBe(422);
    expect(textOf(await mismatch.text())).toContain(
      'Program "Temu Bisnis Kain Tenun" bukan program pelatihan; pilih program yang cocok dengan rekomendasinya.',
    );
    const none = await admin.post(`${gapsUrl()}/enrol`, { kind: 'training', programmeId: '' });
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain('Pilih program.');
    const en = await admin.post(`${gapsUrl()}/enrol?lang=en`, {
      kind: 'training',
      programmeId: trainingOver,
    });
    expect(textOf(await en.text())).toContain('The programme "Pelatihan Pewarnaan Alam 2024" is over');
    expect(await participants()).toHaveLength(0);
    expect(await recommendations()).toHaveLength(0);
  });

  it('enrols the IKM for one need, records its recommendations acted on, and never twice', async () => {
    const res = await admin.post(`${gapsUrl()}/enrol`, { kind: 'training', programmeId: training });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain(gapsUrl());
    const after = textOf(await (await admin.get(gapsUrl())).text());
    expect(after).toContain('didaftarkan ke program "Pelatihan Mutu Tenun Ikat" untuk kebutuhan pelatihan.');
    expect(after).toContain('Sudah mengikuti Pelatihan Mutu Tenun Ikat.');
    const [p] = await participants();
    expect(p).toMatchObject({ programmeId: training, source: 'recommendation' });
    const recs = await recommendations();
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) {
      expect(r).toMatchObject({
        source: 'gap_analysis',
        sourceRef: n.nominationId,
        coachingKind: 'training',
        actedOnProgrammeId: training,
      });
    }
    expect(recs.map((r) => r.id)).toContain(p!.recommendationId);
    // Posting again (a second tab) enrols nobody twice and says so.
    const again = await admin.post(`${gapsUrl()}/enrol`, { kind: 'training', programmeId: training });
    expect(again.status).toBe(303);
    expect(textOf(await (await admin.get(gapsUrl())).text())).toContain('sudah menjadi peserta program');
    expect(await participants()).toHaveLength(1);
    expect(await recommendations()).toHaveLength(recs.length);
    // Deciding the result later records the other needs; the ones acted on stay as they are.
    const decided = await admin.api(`/api/v1/assessment/nominations/${n.nominationId}/decision`, {
      method: 'POST',
      body: {},
    });
    expect(decided.status).toBe(201);
    const all = await recommendations();
    expect(all.filter((r) => r.coachingKind === 'training')).toEqual(recs);
    expect(all.length).toBeGreaterThan(recs.length);
    // The IKM's profile links the result to its gap analysis.
    const profile = await (await admin.get(`/registry/ikm/${n.ikmId}`)).text();
    expect(profile).toContain(`href="${gapsUrl()}"`);
  });

  it('is the admin’s: a kab/kota officer gets no gap analysis and cannot enrol from it', async () => {
    const ambon = await t.as('ambon@ovop.test');
    expect((await ambon.get(gapsUrl())).status).toBe(403);
    expect(
      (await ambon.post(`${gapsUrl()}/enrol`, { kind: 'promotion', programmeId: promotion })).status,
    ).toBe(403);
  });
});
