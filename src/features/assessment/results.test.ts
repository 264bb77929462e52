/**
 * Results, moderation, decisions, gap analysis, exports and the cycle's settings through the pages
 * and the API, on real score sheets (tests/helpers/scoring-fixtures.ts), in both languages.
 */
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../db/schema/notifications.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import {
  earlierStar,
  scoredNomination,
  scoringCycle,
  userId,
} from '../../../tests/helpers/scoring-fixtures.ts';
import { cycleStarBands } from '../../db/schema/cycles.ts';
import { moderationPosts, nominationResults } from '../../db/schema/scoring.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { errorSummary, formFields } from './test-forms.ts';

// The machine these run on is shared: exports and decisions get room under load.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
let admin: TestClient;
let p1: TestClient;
let p2: TestClient;
let p3: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@ovop.test');
  p1 = await t.as('penilai1@ovop.test');
  p2 = await t.as('penilai2@ovop.test');
  p3 = await t.as('penilai3@ovop.test');
});
afterAll(async () => t?.close());

const html = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  return { status: res.status, body: await res.text() };
};

async function stateOf(id: string) {
  const [n] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
  const [r] = await t.database.db
    .select()
    .from(nominationResults)
    .where(eq(nominationResults.nominationId, id));
  return { state: n!.state, result: r };
}

describe('results page', () => {
  it('shows each sheet named to the admin, the spread, the disagreement flag, normalised scores and the agreement, in both languages; filters by flag', async () => {
    const cycleId = await scoringCycle(t);
    const calm = await scoredNomination(t, cycleId, {
      name: 'Tenun Tenang',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 3 },
        { assessor: 'penilai2@ovop.test', level: 3, top: 0 },
      ],
    });
    const split = await scoredNomination(t, cycleId, {
      name: 'Tenun Beda',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 1 },
        { assessor: 'penilai2@ovop.test', level: 3 },
      ],
    });
    const page = await html(admin, `/assessment/cycles/${cycleId}/results`);
    expect(page.status).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Hasil penilaian');
    expect(text).toContain('Penilai Satu (demo): 33,33');
    expect(text).toContain('Penilai Dua (demo): 100,00');
    expect(text).toContain('Berbeda jauh');
    expect(text).toContain('Alpha Krippendorff');
    expect(text).toContain(calm.productName);
    const en = textOf((await html(admin, `/assessment/cycles/${cycleId}/results?lang=en`)).body);
    expect(en).toContain('Assessment results');
    expect(en).toContain('Disagreement');
    expect(en).toContain('Krippendorff’s alpha');
    const flagged = textOf((await html(admin, `/assessment/cycles/${cycleId}/results?flagged=1`)).body);
    expect(flagged).toContain(split.productName);
    expect(flagged).not.toContain(calm.productName);
  });

  it('is the admin’s only: an assessor or an officer gets 403', async () => {
    const cycleId = await scoringCycle(t);
    expect((await p1.get(`/assessment/cycles/${cycleId}/results`)).status).toBe(403);
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get(`/assessment/cycles/${cycleId}/results`)).status).toBe(403);
  });
});

describe('settings', () => {
  it('refuses bands that overlap or leave a gap, with the message, and saves nothing', async () => {
    const cycleId = await scoringCycle(t);
    const page = await html(admin, `/assessment/cycles/${cycleId}/settings`);
    const form = formFields(page.body, 'settings-form');
    const res = await admin.post(`/assessment/cycles/${cycleId}/settings`, {
      ...form,
      'bands.2.min': '60',
      reason: 'uji',
    });
    expect(res.status).toBe(422);
    expect(errorSummary(await res.text()).join(' ')).toMatch(/bertumpang tindih pada skor 60–65/);
    const gap = await admin.post(`/assessment/cycles/${cycleId}/settings?lang=en`, {
      ...form,
      'bands.2.min': '70',
      reason: 'test',
    });
    expect(gap.status).toBe(422);
    expect(errorSummary(await gap.text()).join(' ')).toMatch(/Scores from 65 to 70 fall in no band/);
    const bands = await t.database.db
      .select()
      .from(cycleStarBands)
      .where(eq(cycleStarBands.cycleId, cycleId));
    expect(bands.find((b) => b.stars === 2)!.minScore).toBe('65.00');
  });

  it('refuses a cap gate beyond the scale and saves good settings and bands with the reason', async () => {
    const cycleId = await scoringCycle(t);
    const form = formFields(
      (await html(admin, `/assessment/cycles/${cycleId}/settings`)).body,
      'settings-form',
    );
    const bad = await admin.post(`/assessment/cycles/${cycleId}/settings`, {
      ...form,
      'gates.3.code': 'pasar',
      'gates.3.effect': 'cap',
      'gates.3.maxStar': '3',
      'gates.3.when': 'marketReach in local',
      'gates.3.reasonId': 'pasar lokal',
      'gates.3.reasonEn': 'local market',
    });
    expect(bad.status).toBe(422);
    expect(errorSummary(await bad.text()).join(' ')).toMatch(/pasar membatasi bintang/);
    const good = await admin.post(`/assessment/cycles/${cycleId}/settings`, {
      ...form,
      threshold: '10',
      aggregate: 'median',
      'bands.1.max': '60',
      'bands.2.min': '60',
      reason: 'rentang baru',
      coachingMap: 'A1 equipment\nB3 packaging_branding',
    });
    expect(good.status).toBe(303);
    const badMap = await admin.post(`/assessment/cycles/${cycleId}/settings`, {
      ...formFields((await html(admin, `/assessment/cycles/${cycleId}/settings`)).body, 'settings-form'),
      coachingMap: 'A1 pijat',
    });
    expect(badMap.status).toBe(422);
    expect(errorSummary(await badMap.text()).join(' ')).toContain('Baris "A1 pijat" tidak dapat dibaca');
    const again = formFields(
      (await html(admin, `/assessment/cycles/${cycleId}/settings`)).body,
      'settings-form',
    );
    expect(again.threshold).toBe('10');
    expect(again.aggregate).toBe('median');
    expect(again['bands.2.min']).toBe('60');
    expect(again.coachingMap).toBe('A1 equipment\nB3 packaging_branding');
  });
});

describe('decisions', () => {
  it('refuses deciding a nomination whose sheets are incomplete, naming the count, and changes nothing', async () => {
    const cycleId = await scoringCycle(t);
    const n = await scoredNomination(t, cycleId, {
      state: 'in_assessment',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 3 },
        { assessor: 'penilai2@ovop.test', submitted: false },
      ],
    });
    const res = await admin.post(`/assessment/nominations/${n.nominationId}/decide`, {
      star: '',
      version: '0',
    });
    expect(res.status).toBe(422);
    expect(errorSummary(await res.text()).join(' ')).toContain('baru 1 dari 2 lembar nilai');
    const api = await admin.api(`/api/v1/assessment/nominations/${n.nominationId}/decision?lang=en`, {
      method: 'POST',
      body: {},
    });
    expect(api.status).toBe(422);
    expect(api.body.error.message).toContain('only 1 of 2 score sheets');
    const after = await stateOf(n.nominationId);
    expect(after.state).toBe('in_assessment');
    expect(after.result).toBeUndefined();
  });

  it('asks a reason for an override, confirms before locking, keeps the computed star visible, and refuses any edit afterwards', async () => {
    const cycleId = await scoringCycle(t);
    const n = await scoredNomination(t, cycleId, {
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 3 },
        { assessor: 'penilai2@ovop.test', level: 3 },
      ],
    });
    await earlierStar(t, n, 3);
    const noReason = await admin.post(`/assessment/nominations/${n.nominationId}/decide`, {
      star: '2',
      version: '0',
    });
    expect(noReason.status).toBe(422);
    expect(errorSummary(await noReason.text()).join(' ')).toContain('Tulis alasan mengapa bintang berbeda');
    expect((await stateOf(n.nominationId)).result).toBeUndefined();

    const review = await admin.post(`/assessment/nominations/${n.nominationId}/decide`, {
      star: '2',
      overrideReason: 'Kunjungan lapangan: produksi berhenti.',
      version: '0',
    });
    expect(review.status).toBe(200);
    const confirm = await review.text();
    expect(textOf(confirm)).toContain('Konfirmasi keputusan');
    expect((await stateOf(n.nominationId)).result).toBeUndefined();
    const done = await admin.post(
      `/assessment/nominations/${n.nominationId}/decide`,
      formFields(confirm, undefined),
    );
    expect(done.status).toBe(303);
    const after = await stateOf(n.nominationId);
    expect(after.state).toBe('decided');
    expect(after.result!.finalStar).toBe(2);
    expect(after.result!.computedStar).toBe(3);
    expect(after.result!.overrideReason).toContain('produksi berhenti');
    expect(after.result!.previousStar).toBe(3);
    expect(after.result!.starChange).toBe('lowered');
    const page = textOf((await html(admin, `/assessment/cycles/${cycleId}/results`)).body);
    expect(page).toContain('Diubah dari hasil hitungan');
    expect(page).toContain('Bintang hasil hitungan: 3 bintang');
    expect(page).toContain('turun');

    const again = await admin.post(`/assessment/nominations/${n.nominationId}/decide`, {
      star: '3',
      version: String(after.result!.version),
      confirmed: 'yes',
    });
    expect(again.status).toBe(409);
    expect(errorSummary(await again.text()).join(' ')).toContain('sudah diputuskan dan terkunci');
    expect((await stateOf(n.nominationId)).result!.finalStar).toBe(2);
    const moderate = await admin.post(`/assessment/nominations/${n.nominationId}/moderation/agreed`, {
      agreedScore: '50',
      agreedReason: 'terlambat',
      version: String(after.result!.version),
    });
    expect(moderate.status).toBe(409);
    expect((await stateOf(n.nominationId)).result!.agreedScore).toBeNull();
  });

  it('decides in bulk after a confirmation, skipping those not ready with their reason', async () => {
    const cycleId = await scoringCycle(t);
    const ready = await scoredNomination(t, cycleId, {
      sheets: [{ assessor: 'penilai1@ovop.test', level: 2 }],
    });
    const notReady = await scoredNomination(t, cycleId, {
      state: 'in_assessment',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 2 },
        { assessor: 'penilai3@ovop.test', sheet: false },
      ],
    });
    const ids = [ready.nominationId, notReady.nominationId];
    const confirm = await admin.post(`/assessment/cycles/${cycleId}/results/decide`, { ids });
    expect(confirm.status).toBe(200);
    expect(textOf(await confirm.text())).toContain('akan diputuskan dengan bintang hasil hitungan');
    expect((await stateOf(ready.nominationId)).state).toBe('assessed');
    const done = await admin.post(`/assessment/cycles/${cycleId}/results/decide`, { ids, confirmed: 'yes' });
    const text = textOf(await done.text());
    expect(text).toContain('1 hasil diputuskan; 1 dilewati');
    expect(text).toContain('baru 1 dari 2 lembar nilai');
    expect((await stateOf(ready.nominationId)).state).toBe('decided');
    expect((await stateOf(notReady.nominationId)).state).toBe('in_assessment');
  });
});

describe('moderation and anonymity', () => {
  it('lets the assigned assessors who submitted and the admin discuss; others get 404; the admin records the agreed score', async () => {
    const cycleId = await scoringCycle(t);
    const n = await scoredNomination(t, cycleId, {
      state: 'in_assessment',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 1 },
        { assessor: 'penilai2@ovop.test', level: 3 },
        { assessor: 'penilai3@ovop.test', submitted: false },
      ],
    });
    const path = `/assessment/nominations/${n.nominationId}/moderation`;
    // Not yet submitted: the moderation and the aggregate do not exist for them.
    expect((await p3.get(path)).status).toBe(404);
    expect((await p3.api(`/api/v1/assessment/nominations/${n.nominationId}/aggregate`)).status).toBe(404);
    expect((await p3.post(`${path}/posts`, { body: 'halo' })).status).toBe(404);
    // An assessor not assigned at all.
    const other = await scoredNomination(t, cycleId, {
      sheets: [{ assessor: 'penilai3@ovop.test', level: 2 }],
    });
    expect((await p1.get(`/assessment/nominations/${other.nominationId}/moderation`)).status).toBe(404);
    expect((await p1.api(`/api/v1/assessment/nominations/${other.nominationId}/aggregate`)).status).toBe(404);

    const agg = await p1.api(`/api/v1/assessment/nominations/${n.nominationId}/aggregate`);
    expect(agg.status).toBe(200);
    expect(agg.body.totals).toHaveLength(2);
    expect(JSON.stringify(agg.body)).not.toContain('Penilai');

    const own = await html(p1, path);
    expect(own.status).toBe(200);
    expect(textOf(own.body)).not.toContain('Penilai Dua (demo): 100');
    expect((await p1.post(`${path}/posts`, { body: 'Saya menilai dari kunjungan lapangan.' })).status).toBe(
      303,
    );
    expect((await admin.post(`${path}/posts?lang=en`, { body: 'Please explain A3.' })).status).toBe(303);
    const empty = await p2.post(`${path}/posts`, { body: '  ' });
    expect(empty.status).toBe(422);
    const posts = await t.database.db
      .select()
      .from(moderationPosts)
      .where(eq(moderationPosts.nominationId, n.nominationId));
    expect(posts).toHaveLength(2);
    expect(textOf((await html(p2, path)).body)).toContain('Saya menilai dari kunjungan lapangan.');
    // The others taking part are told, with a link; the one who has not submitted is not.
    const told = async (email: string) =>
      (
        await t.database.db
          .select()
          .from(notifications)
          .where(
            and(eq(notifications.userId, await userId(t, email)), eq(notifications.kind, 'moderation.post')),
          )
      ).length;
    expect(await told('penilai2@ovop.test')).toBe(2);
    expect(await told('penilai1@ovop.test')).toBe(1);
    expect(await told('penilai3@ovop.test')).toBe(0);

    // An assessor cannot record the agreed score.
    expect(
      (await p1.post(`${path}/agreed`, { agreedScore: '70', agreedReason: 'x', version: '0' })).status,
    ).toBe(403);
    const noReason = await admin.post(`${path}/agreed`, {
      agreedScore: '70',
      agreedReason: '',
      version: '0',
    });
    expect(noReason.status).toBe(422);
    const outOfRange = await admin.post(`${path}/agreed`, {
      agreedScore: '170',
      agreedReason: 'x',
      version: '0',
    });
    expect(errorSummary(await outOfRange.text()).join(' ')).toContain('antara 0 dan 100');
    const ok = await admin.post(`${path}/agreed`, {
      agreedScore: '66,5',
      agreedReason: 'Disepakati setelah diskusi.',
      version: '0',
    });
    expect(ok.status).toBe(303);
    const r = (await stateOf(n.nominationId)).result!;
    expect(r.agreedScore).toBe(66.5);
    const page = textOf((await html(admin, `/assessment/cycles/${cycleId}/results?flagged=1`)).body);
    expect(page).toContain('66,50 Dimoderasi');
  });

  it('refuses an agreed score where the assessors agree', async () => {
    const cycleId = await scoringCycle(t);
    const n = await scoredNomination(t, cycleId, {
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 2 },
        { assessor: 'penilai2@ovop.test', level: 2 },
      ],
    });
    const res = await admin.post(`/assessment/nominations/${n.nominationId}/moderation/agreed`, {
      agreedScore: '90',
      agreedReason: 'x',
      version: '0',
    });
    expect(res.status).toBe(422);
    expect((await stateOf(n.nominationId)).result).toBeUndefined();
  });
});

describe('gaps, exports, API and the IKM profile', () => {
  it('shows the gap analysis, exports xlsx and PDF, lists results in the API, and the decision reaches the IKM profile and coaching', async () => {
    const cycleId = await scoringCycle(t);
    const n = await scoredNomination(t, cycleId, {
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 2, top: 3 },
        { assessor: 'penilai2@ovop.test', level: 2 },
      ],
    });
    const gaps = textOf((await html(admin, `/assessment/nominations/${n.nominationId}/gaps`)).body);
    expect(gaps).toContain('Untuk meraih 3 bintang');
    const gapsEn = textOf((await html(admin, `/assessment/nominations/${n.nominationId}/gaps?lang=en`)).body);
    expect(gapsEn).toContain('To reach 3 stars');

    const xlsx = await admin.get(`/assessment/cycles/${cycleId}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(2);
    const matrix = wb.worksheets[1]!;
    expect(matrix.rowCount).toBeGreaterThan(20);
    const pdf = new Uint8Array(
      await (await admin.get(`/assessment/cycles/${cycleId}/results.pdf`)).arrayBuffer(),
    );
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const mpdf = new Uint8Array(
      await (await admin.get(`/assessment/cycles/${cycleId}/matrix.pdf`)).arrayBuffer(),
    );
    expect(new TextDecoder().decode(mpdf.slice(0, 5))).toBe('%PDF-');

    const api = await admin.api(`/api/v1/assessment/cycles/${cycleId}/results`);
    expect(api.status).toBe(200);
    expect(api.body.results[0].sheets[0].assessorName).toContain('Penilai');
    expect((await p1.api(`/api/v1/assessment/cycles/${cycleId}/results`)).status).toBe(403);

    const decided = await admin.api(`/api/v1/assessment/nominations/${n.nominationId}/decision`, {
      method: 'POST',
      body: {},
    });
    expect(decided.status).toBe(201);
    expect(decided.body.recommendations).toBeGreaterThan(0);
    const profile = textOf((await html(admin, `/registry/ikm/${n.ikmId}`)).body);
    expect(profile).toContain('Hasil penilaian OVOP');
    const timeline = textOf((await html(admin, `/registry/ikm/${n.ikmId}/timeline`)).body);
    expect(timeline).toContain(`${n.productName} — `);
  }, 180_000);
});
