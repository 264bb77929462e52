/**
 * Candidates, bulk administrative selection, the funnel, earlier awards flagged in eligibility,
 * the IKM profile's section, and the JSON API, on a real database.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import {
  completeFoodDraft,
  items,
  makeCycle,
  makeIkmWithProduct,
  pdfBytes,
  versionOn,
} from '../../../tests/helpers/nominations.ts';
import { users } from '../../db/schema/accounts.ts';
import { candidates, nominations } from '../../db/schema/nominations.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { systemActor } from '../../platform/actor.ts';
import { cycleFunnel } from './funnel.service.ts';
import { nominationEnv } from './nominations.env.ts';
import { nominationsInState } from './nominations.service.ts';
import {
  completeAssessment,
  decideNomination,
  publishNomination,
  startAssessment,
} from './nominations.transitions.ts';

let t: TestApp;
let ambon: TestClient;
let tanimbar: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [ambon, tanimbar, admin] = await Promise.all([
    t.as('ambon@ovop.test'),
    t.as('tanimbar@ovop.test'),
    t.as('admin@ovop.test'),
  ]);
});
afterAll(() => t.close());

const idFrom = (res: Response, what = 'nominations') =>
  new RegExp(`/${what}/([0-9a-f-]{36})`).exec(res.headers.get('location') ?? '')![1]!;

async function submitted(client: TestClient, cycleId: string, kabkota = '81.71') {
  const item = await items(t, cycleId, 'makanan_minuman');
  const fx = await makeIkmWithProduct(t, { kabkota });
  const res = await client.post('/nominations', { cycleId, productId: fx.productId });
  expect(res.status).toBe(303);
  const id = idFrom(res);
  await completeFoodDraft(client, id, item, fx.documents);
  const sub = await client.post(`/nominations/${id}/submit`, {
    version: await versionOn(client, `/nominations/${id}/check`),
  });
  expect(sub.status).toBe(303);
  return { id, fx, item };
}

describe('potential candidates', () => {
  it('the officer marks a product with a justification; the province comments and the officer is told', async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t, {
      name: 'Sanggar Tenun Lorulun',
      commodity: 'kain_tenun',
      kabkota: '81.03',
    });
    const form = await tanimbar.get(`/candidates/new?cycle=${cycleId}&product=${fx.productId}`);
    expect(textOf(await form.text())).toContain('Sanggar Tenun Lorulun');
    const empty = await tanimbar.post('/candidates', { cycleId, productId: fx.productId, justification: '' });
    expect(empty.status).toBe(422);
    const res = await tanimbar.post('/candidates', {
      cycleId,
      productId: fx.productId,
      justification: 'Motif ulerati, pewarna alam, 40 penenun perempuan.',
    });
    expect(res.status).toBe(303);
    const candidateId = idFrom(res, 'candidates');
    // Twice is refused.
    const twice = await tanimbar.post('/candidates', {
      cycleId,
      productId: fx.productId,
      justification: 'lagi',
    });
    expect(twice.status).toBe(409);
    expect(textOf(await twice.text())).toContain('sudah ada dalam daftar calon');
    // The province reads the shortlist, with the justification, and comments.
    const list = textOf(await (await admin.get(`/candidates?cycle=${cycleId}`)).text());
    expect(list).toContain('Sanggar Tenun Lorulun');
    expect(list).toContain('Motif ulerati, pewarna alam, 40 penenun perempuan.');
    expect(
      (await admin.post(`/candidates/${candidateId}/comments`, { body: 'Lengkapi SK sentra sebelum Juni.' }))
        .status,
    ).toBe(303);
    const page = textOf(await (await tanimbar.get(`/candidates/${candidateId}`)).text());
    expect(page).toContain('Lengkapi SK sentra sebelum Juni.');
    const [officer] = await t.database.db.select().from(users).where(eq(users.email, 'tanimbar@ovop.test'));
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, officer!.id));
    expect(notes.some((n) => n.kind === 'candidate.comment')).toBe(true);
    // Ambon neither sees it nor may add one for Tanimbar's product.
    expect((await ambon.get(`/candidates/${candidateId}`)).status).toBe(404);
    expect(textOf(await (await ambon.get(`/candidates?cycle=${cycleId}`)).text())).not.toContain(
      'Sanggar Tenun Lorulun',
    );
    expect(
      (await ambon.post('/candidates', { cycleId, productId: fx.productId, justification: 'x' })).status,
    ).toBe(404);
    // Nominating from the shortlist links the nomination to the candidate.
    const nominate = await tanimbar.post('/nominations', { cycleId, productId: fx.productId, candidateId });
    expect(nominate.status).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(nominations)
      .where(eq(nominations.productId, fx.productId));
    expect(row!.candidateId).toBe(candidateId);
    const [cand] = await t.database.db.select().from(candidates).where(eq(candidates.id, candidateId));
    expect(cand!.justification).toContain('ulerati');
  });
});

describe('bulk administrative selection', () => {
  it('checks before it runs, passes those that qualify and skips the rest with the reason', async () => {
    const cycleId = await makeCycle(t);
    const a = await submitted(ambon, cycleId);
    const b = await submitted(ambon, cycleId);
    const [rowA] = await t.database.db.select().from(nominations).where(eq(nominations.id, a.id));
    const [rowB] = await t.database.db.select().from(nominations).where(eq(nominations.id, b.id));
    const ids = [`${a.id}:${rowA!.version}`, `${b.id}:${rowB!.version}`];
    const check = await admin.post('/nominations/bulk', { action: 'pass', ids, confirmAuto: 'on' });
    expect(check.status).toBe(200);
    expect(textOf(await check.text())).toContain('Periksa sebelum dijalankan');
    expect((await t.database.db.select().from(nominations).where(eq(nominations.id, a.id)))[0]!.state).toBe(
      'submitted',
    );
    // B changes before the run: it is skipped, A passes.
    const version = await versionOn(admin, `/nominations/${b.id}/review`);
    await admin.post(`/nominations/${b.id}/review`, {
      version,
      decision: 'save',
      [`verdict.${b.item.nib}`]: 'ok',
    });
    const run = await admin.post('/nominations/bulk', {
      action: 'pass',
      ids,
      confirmAuto: 'on',
      confirmed: 'on',
    });
    const page = textOf(await run.text());
    expect(page).toContain('1 usulan berhasil.');
    expect(page).toContain('1 usulan dilewati:');
    expect(page).toContain('berubah sejak Anda memilihnya');
    expect((await t.database.db.select().from(nominations).where(eq(nominations.id, a.id)))[0]!.state).toBe(
      'admin_passed',
    );
  });

  it('fails many at once only with a reason', async () => {
    const cycleId = await makeCycle(t);
    const a = await submitted(ambon, cycleId);
    const res = await admin.api('/api/v1/nominations/bulk', {
      method: 'POST',
      body: { action: 'fail', nominations: [{ id: a.id, version: 999 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.results[0].ok).toBe(false);
    const [row] = await t.database.db.select().from(nominations).where(eq(nominations.id, a.id));
    const noReason = await admin.api('/api/v1/nominations/bulk', {
      method: 'POST',
      body: { action: 'fail', nominations: [{ id: a.id, version: row!.version }] },
    });
    expect(noReason.body.results[0]).toMatchObject({ ok: false, message: 'Tuliskan alasannya.' });
    const withReason = await admin.api('/api/v1/nominations/bulk', {
      method: 'POST',
      body: {
        action: 'fail',
        reason: 'Bukan produk IKM binaan.',
        nominations: [{ id: a.id, version: row!.version }],
      },
    });
    expect(withReason.body.results[0].ok).toBe(true);
    const [failed] = await t.database.db.select().from(nominations).where(eq(nominations.id, a.id));
    expect(failed!.state).toBe('admin_failed');
    expect(failed!.decisionReason).toBe('Bukan produk IKM binaan.');
  });
});

describe('the funnel', () => {
  it('counts potential → nominated → submitted → returned → passed / failed, per kab/kota and commodity', async () => {
    const cycleId = await makeCycle(t);
    const env = nominationEnv(t.deps);
    const adminActor = { ...systemActor('t'), role: 'admin_provinsi' as const };
    // A candidate never nominated, a draft, one returned then passed, one failed, one withdrawn.
    const cand = await makeIkmWithProduct(t, { commodity: 'kain_tenun', kabkota: '81.03' });
    await tanimbar.post('/candidates', { cycleId, productId: cand.productId, justification: 'Motif khas.' });
    const draft = await makeIkmWithProduct(t);
    await ambon.post('/nominations', { cycleId, productId: draft.productId });
    const passed = await submitted(ambon, cycleId);
    const { returnNomination, passNomination, failNomination, withdrawNomination } = await import(
      './nominations.transitions.ts'
    );
    const version = async (id: string) =>
      (await t.database.db.select().from(nominations).where(eq(nominations.id, id)))[0]!.version;
    await returnNomination(t.database.db, env, adminActor, passed.id, {
      version: await version(passed.id),
      items: [{ checklistItemId: passed.item.uji_lab!, verdict: 'fault', comment: 'Hasil uji kedaluwarsa.' }],
    });
    await ambon.post(`/nominations/${passed.id}/items/${passed.item.uji_lab}`, {
      file: new File([new Uint8Array(pdfBytes('baru'))], 'uji.pdf'),
      documentNumber: 'LAB-2',
      expiresOn: '01/01/2031',
    });
    await ambon.post(`/nominations/${passed.id}/resubmit`, { version: String(await version(passed.id)) });
    await passNomination(t.database.db, env, adminActor, passed.id, {
      version: await version(passed.id),
      confirmAutomatic: true,
    });
    const failed = await submitted(ambon, cycleId);
    await failNomination(t.database.db, env, adminActor, failed.id, {
      version: await version(failed.id),
      reason: 'Tidak memenuhi.',
    });
    const gone = await submitted(ambon, cycleId);
    await withdrawNomination(t.database.db, env, adminActor, gone.id, {
      version: await version(gone.id),
      reason: 'Mundur.',
    });

    const funnel = await cycleFunnel(t.database.db, adminActor, cycleId);
    expect(funnel.overall).toEqual({
      potential: 5,
      nominated: 4,
      submitted: 3,
      returned: 1,
      passed: 1,
      failed: 1,
      withdrawn: 1,
    });
    expect(funnel.byRegency.find((r) => r.kabkotaCode === '81.03')).toMatchObject({
      potential: 1,
      nominated: 0,
    });
    expect(funnel.byCommodity.find((r) => r.commodity === 'makanan_minuman')).toMatchObject({ nominated: 4 });
    const page = await (await admin.get(`/nominations/funnel?cycle=${cycleId}`)).text();
    expect(page).toContain('<svg');
    expect(textOf(page)).toContain('Per kabupaten/kota');
    expect(textOf(page)).toContain('Kepulauan Tanimbar');
    // An officer sees their own kab/kota only.
    const own = await cycleFunnel(
      t.database.db,
      { ...systemActor('t'), role: 'petugas_kabkota', regionCode: '81.03' },
      cycleId,
    );
    expect(own.overall.potential).toBe(1);
    expect(own.byRegency.map((r) => r.kabkotaCode)).toEqual(['81.03']);
    const api = await admin.api(`/api/v1/nominations/funnel?cycle=${cycleId}`);
    expect(api.status).toBe(200);
    expect(api.body.overall.passed).toBe(1);

    // The assessment feature reads the passed ones and moves them on through the same table.
    const ready = await nominationsInState(t.database.db, cycleId, ['admin_passed']);
    expect(ready.map((r) => r.id)).toEqual([passed.id]);
    const refused = await startAssessment(t.database.db, env, adminActor, passed.id, {
      assessorsAssigned: false,
    }).catch((e) => e);
    expect(refused.userMessage.id).toContain('penilai sudah ditugaskan');
    await startAssessment(t.database.db, env, adminActor, passed.id, { assessorsAssigned: true });
    await completeAssessment(t.database.db, env, systemActor('t'), passed.id, {
      allScoreSheetsSubmitted: true,
    });
    await decideNomination(t.database.db, env, adminActor, passed.id, { decisionApproved: true });
    const notYet = await publishNomination(t.database.db, env, adminActor, passed.id).catch((e) => e);
    expect(notYet.userMessage.id).toContain('tahap pengumuman sedang berjalan');
    const published = await publishNomination(t.database.db, env, adminActor, passed.id, {
      publicationOpen: true,
    });
    expect(published.state).toBe('published');
    expect((await cycleFunnel(t.database.db, adminActor, cycleId)).overall.passed).toBe(1);
  });
});

describe('earlier awards', () => {
  it('the admin records one by hand; a new nomination of the holder is flagged for re-evaluation', async () => {
    const fx = await makeIkmWithProduct(t, { name: 'Minyak Kayu Putih Waeapo' });
    const form = await admin.get(`/earlier-awards/new?ikm=${fx.ikmId}`);
    expect(textOf(await form.text())).toContain('Minyak Kayu Putih Waeapo');
    const bad = await admin.post('/earlier-awards', { ikmId: fx.ikmId, year: '2018', stars: '7' });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Tidak boleh lebih dari 5.');
    const res = await admin.post('/earlier-awards', {
      ikmId: fx.ikmId,
      year: '2018',
      stars: '4',
      notes: 'Piagam 2018.',
    });
    expect(res.status).toBe(303);
    const list = textOf(await (await admin.get('/earlier-awards')).text());
    expect(list).toContain('Minyak Kayu Putih Waeapo');
    expect(list).toContain('dicatat manual');
    const cycleId = await makeCycle(t);
    const nominated = await ambon.post('/nominations', { cycleId, productId: fx.productId });
    const page = textOf(await (await ambon.get(`/nominations/${idFrom(nominated)}`)).text());
    expect(page).toContain('Sudah menerima 4 bintang pada 2018: masuk evaluasi ulang.');
    // The IKM's profile shows the nomination and the star.
    const profile = textOf(await (await ambon.get(`/registry/ikm/${fx.ikmId}`)).text());
    expect(profile).toContain('Usulan dan bintang OVOP');
    expect(profile).toContain('2018');
    // Officers read, only the admin records.
    expect((await ambon.post('/earlier-awards', { ikmId: fx.ikmId, year: '2018', stars: '3' })).status).toBe(
      403,
    );
  });
});

describe('the JSON API', () => {
  it('lets an officer nominate, upload, submit, and the province return and pass', async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t);
    const created = await ambon.api('/api/v1/nominations', {
      method: 'POST',
      body: { cycleId, productId: fx.productId },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.state).toBe('draft');
    expect(created.body.items).toHaveLength(9);
    const byCode = Object.fromEntries(
      (created.body.items as { code: string; id: string }[]).map((i) => [i.code, i.id]),
    );
    const put = (code: string, extra: Record<string, unknown> = {}) =>
      ambon.api(`/api/v1/nominations/${id}/items/${byCode[code]}/documents`, {
        method: 'POST',
        body: {
          file: { name: `${code}.pdf`, contentBase64: Buffer.from(pdfBytes(code)).toString('base64') },
          ...extra,
        },
      });
    for (const code of ['surat_usulan', 'sk_sentra', 'profil_ikm'])
      expect((await put(code)).status).toBe(201);
    const photo = await put('foto_produk');
    expect(photo.status).toBe(422);
    expect(photo.body.error.fields[0].path).toBe('file');
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    expect(
      (
        await ambon.api(`/api/v1/nominations/${id}/items/${byCode.foto_produk}/documents`, {
          method: 'POST',
          body: { file: { name: 'foto.png', contentBase64: png } },
        })
      ).status,
    ).toBe(201);
    for (const [code, doc] of [
      ['nib', fx.documents.nib],
      ['sertifikat_halal', fx.documents.halal],
    ] as const)
      expect(
        (
          await ambon.api(`/api/v1/nominations/${id}/items/${byCode[code]}/documents`, {
            method: 'POST',
            body: { legalDocumentId: doc },
          })
        ).status,
      ).toBe(201);
    const missing = await put('izin_edar');
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields[0].path).toBe('expiresOn');
    await put('izin_edar', { documentNumber: 'P-IRT 1', expiresOn: '2030-12-31' });
    const last = await put('uji_lab', { documentNumber: 'LAB 1', expiresOn: '2030-12-31' });
    expect(last.body.completeness).toMatchObject({ requiredDone: 8, requiredTotal: 8 });
    const stale = await ambon.api(`/api/v1/nominations/${id}/submit`, {
      method: 'POST',
      body: { version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const sub = await ambon.api(`/api/v1/nominations/${id}/submit`, {
      method: 'POST',
      body: { version: last.body.version },
    });
    expect(sub.status).toBe(201);
    expect(sub.body.state).toBe('submitted');
    const ret = await admin.api(`/api/v1/nominations/${id}/review`, {
      method: 'POST',
      body: {
        version: sub.body.version,
        decision: 'return',
        items: [{ checklistItemId: byCode.foto_produk, verdict: 'fault', comment: 'Foto buram.' }],
      },
    });
    expect(ret.status).toBe(201);
    expect(ret.body.state).toBe('returned');
    expect(ret.body.items.find((i: { code: string }) => i.code === 'foto_produk').status).toBe('returned');
    const list = await admin.api(`/api/v1/nominations?cycle=${cycleId}&state=returned`);
    expect(list.body.rows.map((r: { id: string }) => r.id)).toEqual([id]);
    // Another kab/kota's officer: 404 on read and on every move.
    expect((await tanimbar.api(`/api/v1/nominations/${id}`)).status).toBe(404);
    expect(
      (
        await tanimbar.api(`/api/v1/nominations/${id}/resubmit`, {
          method: 'POST',
          body: { version: ret.body.version },
        })
      ).status,
    ).toBe(404);
  });
});
