import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/app.ts';
import { ikm, sentra } from '../../db/schema/registry.ts';
import { systemActor } from '../../platform/actor.ts';
import { createApiToken, findUserByEmail } from '../users/users.service.ts';

let t: TestApp;
let ambon: TestClient;
let token: string;
let tanimbarToken: string;

const body = (over: Record<string, unknown> = {}) => ({
  name: 'Dapur Keripik Sukun Passo',
  ownerName: 'Nurhayati Tuasikal',
  nib: '9120007770001',
  phone: '+62 813 4000 1234',
  kabkotaCode: '81.71',
  kecamatanCode: '81.71.03',
  desa: 'Passo',
  workforceMen: 2,
  workforceWomen: 6,
  investment: 80_000_000,
  contactPublic: true,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  ambon = await t.as('ambon@ovop.test');
  const officer = await findUserByEmail(t.database.db, 'ambon@ovop.test');
  const other = await findUserByEmail(t.database.db, 'tanimbar@ovop.test');
  token = await createApiToken(t.database.db, systemActor(), officer!.id, 'test');
  tanimbarToken = await createApiToken(t.database.db, systemActor(), other!.id, 'test');
});
afterAll(() => t.close());

describe('registry API', () => {
  let ikmId: string;

  it('validates with the same rules and messages as the pages', async () => {
    const res = await ambon.api('/api/v1/ikm', {
      method: 'POST',
      token,
      body: body({ nib: '912000777000' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual({
      path: 'nib',
      message: 'NIB harus 13 digit; yang diisi 12 digit.',
    });
    const count = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(ikm);
    expect(Number(count[0]!.n)).toBe(0);
  });

  it('creates an IKM (201) and normalises what it stores', async () => {
    const res = await ambon.api('/api/v1/ikm', { method: 'POST', token, body: body() });
    expect(res.status).toBe(201);
    expect(res.body.ikm).toMatchObject({
      phone: '+6281340001234',
      workforceTotal: 8,
      sizeClass: 'kecil',
      legality: 'complete',
      contactPublic: true,
    });
    expect(res.body.warnings).toEqual([]);
    ikmId = res.body.ikm.id;
  });

  it('refuses a registered NIB with 409 and where to find the holder', async () => {
    const res = await ambon.api('/api/v1/ikm', {
      method: 'POST',
      token,
      body: body({ name: 'Lain', desa: 'Latuhalat' }),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('nib_taken');
    expect(res.body.error.existing).toEqual({
      id: ikmId,
      name: 'Dapur Keripik Sukun Passo',
      url: `/registry/ikm/${ikmId}`,
    });
  });

  it('warns about a similar name in the same desa but saves', async () => {
    const res = await ambon.api('/api/v1/ikm', {
      method: 'POST',
      token,
      body: body({ name: 'Dapur Keripik Sukun Paso', nib: '9120007770002' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      { kind: 'similar_name', matches: [{ id: ikmId, name: 'Dapur Keripik Sukun Passo' }] },
    ]);
  });

  it('refuses a stale update with 409 and the current row', async () => {
    const first = await ambon.api(`/api/v1/ikm/${ikmId}`, {
      method: 'PUT',
      token,
      body: body({ address: 'Jl. Baru 1', version: 1 }),
    });
    expect(first.status).toBe(200);
    const second = await ambon.api(`/api/v1/ikm/${ikmId}`, {
      method: 'PUT',
      token,
      body: body({ address: 'Jl. Lama 9', version: 1 }),
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('stale_version');
    expect(second.body.error.current.address).toBe('Jl. Baru 1');
  });

  it('keeps another kab/kota out: refused writes, 404 reads', async () => {
    const post = await ambon.api('/api/v1/ikm', {
      method: 'POST',
      token: tanimbarToken,
      body: body({ nib: '9120007770003', name: 'Selundupan' }),
    });
    expect(post.status).toBe(422);
    expect(post.body.error.fields).toContainEqual({
      path: 'kabkotaCode',
      message: 'Anda hanya dapat mencatat data untuk Kabupaten Kepulauan Tanimbar.',
    });
    expect((await ambon.api(`/api/v1/ikm/${ikmId}`, { token: tanimbarToken })).status).toBe(404);
    const list = await ambon.api('/api/v1/ikm', { token: tanimbarToken });
    expect(list.body.items).toEqual([]);
  });

  it('lists with search and keyset cursors', async () => {
    const res = await ambon.api('/api/v1/ikm?q=SUKUN&sort=name', { token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual([
      'Dapur Keripik Sukun Paso',
      'Dapur Keripik Sukun Passo',
    ]);
    expect(res.body.next).toBeNull();
  });

  it('adds documents and products with the same checks', async () => {
    const doc = await ambon.api(`/api/v1/ikm/${ikmId}/documents`, {
      method: 'POST',
      token,
      body: {
        kind: 'bpom_md',
        number: 'BPOM RI MD 224510001234',
        issueDate: '2026-01-10',
        expiryDate: '2025-01-10',
      },
    });
    expect(doc.status).toBe(400);
    expect(doc.body.error.fields).toContainEqual({
      path: 'expiryDate',
      message: 'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit.',
    });
    const ok = await ambon.api(`/api/v1/ikm/${ikmId}/documents`, {
      method: 'POST',
      token,
      body: {
        kind: 'bpom_md',
        number: 'BPOM RI MD 224510001234',
        issueDate: '10/01/2025',
        expiryDate: '10/01/2030',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ number: 'MD224510001234', state: 'valid' });
    const hs = await ambon.api('/api/v1/products', {
      method: 'POST',
      token,
      body: { ikmId, name: 'Keripik Sukun', commodity: 'makanan_minuman', hsCode: '20052' },
    });
    expect(hs.status).toBe(400);
    expect(hs.body.error.fields).toContainEqual({
      path: 'hsCode',
      message: 'Kode HS harus 6–10 digit; yang diisi 5 digit.',
    });
    const product = await ambon.api('/api/v1/products', {
      method: 'POST',
      token,
      body: {
        ikmId,
        name: 'Keripik Sukun',
        commodity: 'makanan_minuman',
        hsCode: '2005.20.99',
        storyId: 'Resep <i>nenek</i><img src=x onerror=alert(1)>',
      },
    });
    expect(product.status).toBe(201);
    expect(product.body.storyId).toBe('Resep _nenek_');
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');
    const bad = await ambon.api(`/api/v1/products/${product.body.id}/photos`, {
      method: 'POST',
      token,
      body: { name: 'foto.jpg', contentBase64: pdf },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('PDF');
    const { default: sharp } = await import('sharp');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c49a52' } })
      .png()
      .toBuffer();
    const good = await ambon.api(`/api/v1/products/${product.body.id}/photos`, {
      method: 'POST',
      token,
      body: { name: 'sukun.png', contentBase64: png.toString('base64') },
    });
    expect(good.status).toBe(201);
    const fetched = await ambon.api(`/api/v1/products/${product.body.id}`, { token });
    expect(fetched.body.photos[0].thumbUrl).toBe(`/registry/photos/${good.body.id}/thumb`);
    expect(fetched.body.coverPhotoId).toBe(good.body.id);
    const profile = await ambon.api(`/api/v1/ikm/${ikmId}`, { token });
    expect(profile.body.documents).toHaveLength(1);
    expect(profile.body.commodities).toEqual(['makanan_minuman']);
  });

  it('answers 422, naming the field, when a stored date the rules now refuse blocks a scan upload', async () => {
    // A decree dated in the future, saved before that was refused.
    const created = await ambon.api('/api/v1/sentra', {
      method: 'POST',
      token,
      body: { name: 'Sentra Tanggal Lama', kabkotaCode: '81.71', commodity: 'lainnya' },
    });
    expect(created.status).toBe(201);
    await t.database.db
      .update(sentra)
      .set({ decreeDate: '2099-01-01' })
      .where(eq(sentra.id, created.body.id));
    const res = await ambon.api(`/api/v1/sentra/${created.body.id}/decree-scan`, {
      method: 'PUT',
      token,
      body: {
        name: 'sk.pdf',
        contentBase64: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64'),
        version: created.body.version,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toContainEqual({
      path: 'decreeDate',
      message: 'Tanggal ini belum tiba; isi tanggal yang sudah lewat atau hari ini.',
    });
  });

  it('describes the registry in the OpenAPI document', async () => {
    const doc = await ambon.api('/api/v1/openapi.json');
    for (const path of [
      '/ikm',
      '/ikm/{id}',
      '/products',
      '/sentra',
      '/potential/{code}',
      '/ikm/{id}/documents',
    ])
      expect(Object.keys(doc.body.paths)).toContain(path);
    expect(doc.body.paths['/ikm'].post.responses).toHaveProperty('409');
  });

  it('records the API writes in the audit log', async () => {
    const rows = await t.database.db.execute(
      sql`select action from audit_log where object_id = ${ikmId} order by at`,
    );
    const actions = (rows as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    expect(actions).toEqual(['ikm.create', 'ikm.update']);
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.id, ikmId));
    expect(row!.version).toBe(2);
  });
});
