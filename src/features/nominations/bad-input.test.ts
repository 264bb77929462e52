/**
 * Every bad input of the nominations issue, sent as a user would send it, with the message checked
 * and nothing stored or lost: outside the window, another kab/kota's product, the same product
 * twice, missing documents, a halal certificate expiring before the deadline, a refused file type,
 * forbidden moves, two officers editing at once, a quota used up.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-accounts.ts';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import {
  completeFoodDraft,
  file,
  items,
  makeCycle,
  makeIkmWithProduct,
  pdfBytes,
  pngBytes,
  versionOn,
} from '../../../tests/helpers/nominations.ts';
import { nominationDocuments, nominations } from '../../db/schema/nominations.ts';
import { systemActor } from '../../platform/actor.ts';
import { formatDate, localDate } from '../../platform/format.ts';
import { getCycleConfig, setExtension, updateCycle } from '../cycles/cycles.service.ts';
import { createUser } from '../users/users.service.ts';
import { nominationEnv } from './nominations.env.ts';
import { resubmitNomination, returnNomination, submitNomination } from './nominations.transitions.ts';

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

const idFrom = (res: Response) =>
  /\/nominations\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;
const count = async (productId: string) =>
  (await t.database.db.select().from(nominations).where(eq(nominations.productId, productId))).length;
const docCount = async (nominationId: string) =>
  (
    await t.database.db
      .select()
      .from(nominationDocuments)
      .where(eq(nominationDocuments.nominationId, nominationId))
  ).length;

async function nominate(client: TestClient, cycleId: string, productId: string): Promise<string> {
  const res = await client.post('/nominations', { cycleId, productId });
  if (res.status !== 303) throw new Error(`${res.status} ${textOf(await res.text()).slice(0, 300)}`);
  return idFrom(res);
}

describe('the proposal window (WIT, server-side)', () => {
  it('refuses nominating after the window closed, naming the deadline, and stores nothing', async () => {
    const cycleId = await makeCycle(t, { opensInDays: -20, closesInDays: -1 });
    const { productId } = await makeIkmWithProduct(t);
    const res = await ambon.post('/nominations', { cycleId, productId });
    expect(res.status).toBe(409);
    const config = await getCycleConfig(t.database.db, cycleId);
    const end = config.phases.find((p) => p.phase === 'proposal')!.endsAt;
    const page = textOf(await res.text());
    expect(page).toContain('Masa pengajuan sudah berakhir pada');
    expect(page).toContain(formatDate(end, 'id'));
    expect(page).toContain('WIT');
    expect(await count(productId)).toBe(0);
  });

  it('refuses nominating before the window opens, naming the opening', async () => {
    const cycleId = await makeCycle(t, { opensInDays: 3, closesInDays: 20 });
    const { productId } = await makeIkmWithProduct(t);
    const res = await ambon.post('/nominations', { cycleId, productId });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Masa pengajuan baru dibuka pada');
    expect(await count(productId)).toBe(0);
  });

  it("honours an admin's extension for one kab/kota only", async () => {
    const cycleId = await makeCycle(t, { opensInDays: -20, closesInDays: -1 });
    await setExtension(
      t.database.db,
      systemActor('test'),
      cycleId,
      { kabkotaCode: '81.71', endsAt: new Date(Date.now() + 3 * 86_400_000), reason: 'Banjir di Ambon' },
      '81',
    );
    const ambonProduct = await makeIkmWithProduct(t, { kabkota: '81.71' });
    expect((await ambon.post('/nominations', { cycleId, productId: ambonProduct.productId })).status).toBe(
      303,
    );
    const tanimbarProduct = await makeIkmWithProduct(t, { kabkota: '81.03' });
    const res = await tanimbar.post('/nominations', { cycleId, productId: tanimbarProduct.productId });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Masa pengajuan sudah berakhir');
  });

  it('refuses a late submission with the deadline in the message; the last minute itself is on time', async () => {
    const cycleId = await makeCycle(t);
    const item = await items(t, cycleId, 'makanan_minuman');
    const fx = await makeIkmWithProduct(t);
    const id = await nominate(ambon, cycleId, fx.productId);
    await completeFoodDraft(ambon, id, item, fx.documents);
    const config = await getCycleConfig(t.database.db, cycleId);
    const end = config.phases.find((p) => p.phase === 'proposal')!.endsAt;
    const [row] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    const late = { ...nominationEnv(t.deps), now: () => new Date(end.getTime() + 60_000) };
    const actor = { ...systemActor('test'), role: 'petugas_kabkota' as const, regionCode: '81.71' };
    const err = await submitNomination(t.database.db, late, actor, id, { version: row!.version }).catch(
      (e) => e,
    );
    expect(err.userMessage.id(err.params)).toContain('Masa pengajuan sudah berakhir pada');
    expect(err.userMessage.en(err.params)).toContain('WIT');
    const [still] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    expect(still!.state).toBe('draft');
    const onTime = { ...nominationEnv(t.deps), now: () => new Date(end.getTime() + 59_000) };
    const done = await submitNomination(t.database.db, onTime, actor, id, { version: row!.version });
    expect(done.state).toBe('submitted');
  });

  it('refuses resubmitting after administrative selection ended, naming its end', async () => {
    const cycleId = await makeCycle(t, { closesInDays: 5, adminEndsInDays: 9 });
    const item = await items(t, cycleId, 'makanan_minuman');
    const fx = await makeIkmWithProduct(t);
    const id = await nominate(ambon, cycleId, fx.productId);
    await completeFoodDraft(ambon, id, item, fx.documents);
    expect(
      (
        await ambon.post(`/nominations/${id}/submit`, {
          version: await versionOn(ambon, `/nominations/${id}/check`),
        })
      ).status,
    ).toBe(303);
    const env = nominationEnv(t.deps);
    const [row] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    await returnNomination(t.database.db, env, { ...systemActor('t'), role: 'admin_provinsi' }, id, {
      version: row!.version,
      items: [{ checklistItemId: item.sk_sentra!, verdict: 'fault', comment: 'SK tidak terbaca.' }],
    });
    const config = await getCycleConfig(t.database.db, cycleId);
    const adminEnd = config.phases.find((p) => p.phase === 'admin_selection')!.endsAt;
    const [returned] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    const after = { ...env, now: () => new Date(adminEnd.getTime() + 120_000) };
    const actor = { ...systemActor('test'), role: 'petugas_kabkota' as const, regionCode: '81.71' };
    const err = await resubmitNomination(t.database.db, after, actor, id, {
      version: returned!.version,
    }).catch((e) => e);
    expect(err.userMessage.id(err.params)).toContain('Seleksi administrasi berakhir pada');
  });
});

describe('scope and duplicates', () => {
  it("answers 404 to an officer nominating another kab/kota's product, and to reading its nominations", async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t, { kabkota: '81.71' });
    const res = await tanimbar.post('/nominations', { cycleId, productId: fx.productId });
    expect(res.status).toBe(404);
    expect(await count(fx.productId)).toBe(0);
    const id = await nominate(ambon, cycleId, fx.productId);
    expect((await tanimbar.get(`/nominations/${id}`)).status).toBe(404);
    expect((await tanimbar.api(`/api/v1/nominations/${id}`)).status).toBe(404);
    expect((await tanimbar.post(`/nominations/${id}/withdraw`, { version: '1', reason: 'x' })).status).toBe(
      404,
    );
  });

  it('refuses the same product twice in one cycle, naming the existing state', async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t);
    await nominate(ambon, cycleId, fx.productId);
    const res = await ambon.post('/nominations', { cycleId, productId: fx.productId });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Produk ini sudah diusulkan ke periode ini (status: Draf)');
    expect(await count(fx.productId)).toBe(1);
  });

  it('frees the product once its nomination is withdrawn (with a reason, which is required)', async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t);
    const id = await nominate(ambon, cycleId, fx.productId);
    const version = await versionOn(ambon, `/nominations/${id}/withdraw`);
    const noReason = await ambon.post(`/nominations/${id}/withdraw`, { version });
    expect(noReason.status).toBe(422);
    expect(textOf(await noReason.text())).toContain('Tuliskan alasannya.');
    expect(
      (await ambon.post(`/nominations/${id}/withdraw`, { version, reason: 'Produk belum siap.' })).status,
    ).toBe(303);
    expect((await ambon.post('/nominations', { cycleId, productId: fx.productId })).status).toBe(303);
  });
});

describe('documents', () => {
  let cycleId: string;
  let item: Record<string, string>;
  let fx: Awaited<ReturnType<typeof makeIkmWithProduct>>;
  let id: string;

  beforeAll(async () => {
    cycleId = await makeCycle(t);
    item = await items(t, cycleId, 'makanan_minuman');
    fx = await makeIkmWithProduct(t, { halalExpiry: localDate(new Date(Date.now() + 5 * 86_400_000)) });
    id = await nominate(ambon, cycleId, fx.productId);
  });

  it('refuses submitting with required documents missing, listing each missing item', async () => {
    await ambon.post(`/nominations/${id}/items/${item.surat_usulan}`, {
      file: file(pdfBytes(), 'surat.pdf'),
    });
    const res = await ambon.post(`/nominations/${id}/submit`, {
      version: await versionOn(ambon, `/nominations/${id}/check`),
    });
    expect(res.status).toBe(422);
    const page = textOf(await res.text());
    expect(page).toContain('Belum dapat diajukan: dokumen wajib belum lengkap atau tidak berlaku');
    for (const label of [
      'Nomor Induk Berusaha (NIB)',
      'SK bupati/walikota penetapan sentra IKM',
      'Izin edar pangan (PIRT atau BPOM MD)',
      'Sertifikat halal',
      'Hasil uji laboratorium keamanan pangan',
      'Profil IKM dan cerita produk',
      'Foto produk',
    ])
      expect(page).toContain(label);
    expect(page).not.toContain('Surat usulan dari dinas kabupaten/kota;');
    const [row] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    expect(row!.state).toBe('draft');
  });

  it('refuses a halal certificate that expires before the deadline, naming both dates, and stores nothing', async () => {
    const before = await docCount(id);
    const config = await getCycleConfig(t.database.db, cycleId);
    const deadline = localDate(config.phases.find((p) => p.phase === 'proposal')!.endsAt);
    const dayBefore = localDate(new Date(new Date(`${deadline}T12:00:00+09:00`).getTime() - 86_400_000));
    const res = await ambon.post(`/nominations/${id}/items/${item.sertifikat_halal}`, {
      file: file(pdfBytes(), 'halal.pdf'),
      documentNumber: 'ID8100001',
      expiresOn: dayBefore,
    });
    expect(res.status).toBe(422);
    const page = textOf(await res.text());
    expect(page).toContain(`Dokumen ini berlaku sampai ${formatDate(dayBefore, 'id')}`);
    expect(page).toContain(`sebelum batas pengajuan ${formatDate(deadline, 'id')}`);
    // The registry's halal certificate (expiring in 5 days, before the deadline in 10) is refused too.
    const attach = await ambon.post(`/nominations/${id}/items/${item.sertifikat_halal}/attach`, {
      legalDocumentId: fx.documents.halal!,
    });
    expect(attach.status).toBe(422);
    expect(textOf(await attach.text())).toContain('sebelum batas pengajuan');
    expect(await docCount(id)).toBe(before);
    // Valid through the deadline's own day is accepted (WIT calendar days).
    const ok = await ambon.post(`/nominations/${id}/items/${item.sertifikat_halal}`, {
      file: file(pdfBytes(), 'halal.pdf'),
      documentNumber: 'ID8100001',
      expiresOn: deadline,
    });
    expect(ok.status).toBe(303);
  });

  it('refuses a document of a type the checklist does not accept, sniffed by its bytes, and stores nothing', async () => {
    const before = await docCount(id);
    // A PNG named .pdf: the bytes decide.
    const res = await ambon.post(`/nominations/${id}/items/${item.profil_ikm}`, {
      file: file(pngBytes(), 'profil.pdf', 'application/pdf'),
    });
    expect(res.status).toBe(422);
    const page = textOf(await res.text());
    expect(page).toContain('bukan jenis yang diterima untuk "Profil IKM dan cerita produk"');
    expect(page).toContain('PNG');
    expect(page).toContain('Jenis yang diterima: PDF, DOCX');
    expect(await docCount(id)).toBe(before);
  });
});

describe('the state table', () => {
  it('refuses passing a draft and returning a withdrawn nomination, leaving them as they were', async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t);
    const id = await nominate(ambon, cycleId, fx.productId);
    const version = String(
      (await t.database.db.select().from(nominations).where(eq(nominations.id, id)))[0]!.version,
    );
    const pass = await admin.post(`/nominations/${id}/review`, { version, decision: 'pass' });
    expect(pass.status).toBe(409);
    expect(textOf(await pass.text())).toContain('Usulan berstatus "Draf" tidak dapat diluluskan.');
    const api = await admin.api(`/api/v1/nominations/${id}/review`, {
      method: 'POST',
      body: { version: Number(version), decision: 'pass', items: [] },
    });
    expect(api.status).toBe(409);
    expect(api.body.error.message).toContain('tidak dapat diluluskan');
    await ambon.post(`/nominations/${id}/withdraw`, { version, reason: 'Salah produk.' });
    const [withdrawn] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    expect(withdrawn!.state).toBe('withdrawn');
    const back = await admin.post(`/nominations/${id}/review`, {
      version: String(withdrawn!.version),
      decision: 'return',
    });
    expect(back.status).toBe(409);
    expect(textOf(await back.text())).toContain(
      'Usulan berstatus "Ditarik" tidak dapat dikembalikan untuk perbaikan.',
    );
    const [still] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    expect(still!.state).toBe('withdrawn');
  });

  it('refuses an officer the province’s moves (route permission)', async () => {
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t);
    const id = await nominate(ambon, cycleId, fx.productId);
    expect((await ambon.post(`/nominations/${id}/review`, { version: '1', decision: 'pass' })).status).toBe(
      403,
    );
  });
});

describe('two officers editing one nomination at once', () => {
  it('tells the second, shows both versions, keeps their input, and loses nothing saved', async () => {
    await createUser(
      t.database.db,
      systemActor('test'),
      {
        email: 'ambon2@ovop.test',
        name: 'Petugas Ambon Dua',
        role: 'petugas_kabkota',
        regionCode: '81.71',
        locale: 'id',
        password: DEMO_PASSWORD,
      },
      '81',
    );
    const second = await t.as('ambon2@ovop.test');
    const cycleId = await makeCycle(t);
    const fx = await makeIkmWithProduct(t);
    const id = await nominate(ambon, cycleId, fx.productId);
    const v1 = await versionOn(ambon, `/nominations/${id}/details`);
    const v2 = await versionOn(second, `/nominations/${id}/details`);
    expect(v1).toBe(v2);
    const first = await ambon.post(`/nominations/${id}/details`, {
      version: v1,
      statement: 'Keripik sukun khas Hative dengan bahan 100% lokal.',
    });
    expect(first.status).toBe(303);
    const res = await second.post(`/nominations/${id}/details`, {
      version: v2,
      statement: 'Pasar oleh-oleh Ambon dan Jakarta.',
      notLeadReason: '',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    const page = textOf(html);
    expect(page).toContain('Data ini sudah diubah orang lain sejak Anda membukanya');
    expect(page).toContain('Keripik sukun khas Hative dengan bahan 100% lokal.');
    // Their own input stays in the field, with the newer version to save against.
    expect(html).toContain('>Pasar oleh-oleh Ambon dan Jakarta.</textarea>');
    expect(/name="version" value="(\d+)"/.exec(html)![1]).toBe(String(Number(v1) + 1));
    const [row] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
    expect(row!.statement).toBe('Keripik sukun khas Hative dengan bahan 100% lokal.');
  });
});

describe('quotas', () => {
  it('refuses a nomination beyond the quota, naming it and the kab/kota', async () => {
    const cycleId = await makeCycle(t, { quotas: [{ kabkotaCode: '81.71', quota: 1 }] });
    const a = await makeIkmWithProduct(t);
    const b = await makeIkmWithProduct(t);
    await nominate(ambon, cycleId, a.productId);
    const res = await ambon.post('/nominations', { cycleId, productId: b.productId });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain(
      'Kuota Kota Ambon pada periode ini adalah 1 usulan, dan sudah terpakai 1.',
    );
    expect(await count(b.productId)).toBe(0);
  });

  it('refuses a submission beyond the quota, counting only submitted nominations', async () => {
    const cycleId = await makeCycle(t);
    const item = await items(t, cycleId, 'makanan_minuman');
    const a = await makeIkmWithProduct(t);
    const b = await makeIkmWithProduct(t);
    const idA = await nominate(ambon, cycleId, a.productId);
    const idB = await nominate(ambon, cycleId, b.productId);
    await completeFoodDraft(ambon, idA, item, a.documents);
    await completeFoodDraft(ambon, idB, item, b.documents);
    // The quota is set after both drafts exist (the cycle is not frozen yet).
    const config = await getCycleConfig(t.database.db, cycleId);
    await updateCycle(
      t.database.db,
      systemActor('test'),
      cycleId,
      {
        name: config.cycle.name,
        year: config.cycle.year,
        kind: config.cycle.kind,
        starScale: 3,
        bands: config.bands,
        phases: config.phases,
        commodities: config.commodities,
        quotas: [{ kabkotaCode: '81.71', quota: 1 }],
        checklist: undefined,
        reason: undefined,
        version: config.cycle.version,
      },
      '81',
    );
    expect(
      (
        await ambon.post(`/nominations/${idA}/submit`, {
          version: await versionOn(ambon, `/nominations/${idA}/check`),
        })
      ).status,
    ).toBe(303);
    const res = await ambon.post(`/nominations/${idB}/submit`, {
      version: await versionOn(ambon, `/nominations/${idB}/check`),
    });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain(
      'Kuota Kota Ambon pada periode ini adalah 1 usulan, dan sudah terpakai 1.',
    );
    const [row] = await t.database.db
      .select()
      .from(nominations)
      .where(and(eq(nominations.id, idB)));
    expect(row!.state).toBe('draft');
  });
});
