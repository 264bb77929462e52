import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin@ovop.test');
  await admin.post('/account/tokens', { name: 'integration' });
  const flash = Buffer.from(admin.cookie('ovop_flash')!, 'base64url').toString('utf8');
  token = /(ovop_[A-Za-z0-9_-]{43})/.exec(flash)![1]!;
});
afterAll(() => t.close());

describe('GET /healthz', () => {
  it('answers ok with the engine in use', async () => {
    const res = await t.client().get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: t.database.kind });
  });
});

describe('the JSON API', () => {
  it('answers 401 without credentials', async () => {
    const res = await t.client().api('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('authenticates by bearer token and by session cookie', async () => {
    const byToken = await t.client().api('/api/v1/me', { token });
    expect(byToken.status).toBe(200);
    expect(byToken.body).toMatchObject({ email: 'admin@ovop.test', role: 'admin_provinsi', actingAs: false });
    const officer = await t.as('ambon@ovop.test');
    const byCookie = await officer.api('/api/v1/me');
    expect(byCookie.body).toMatchObject({ email: 'ambon@ovop.test', regionCode: '81.71' });
  });

  it('refuses a forged or revoked token', async () => {
    expect((await t.client().api('/api/v1/me', { token: `ovop_${'x'.repeat(43)}` })).status).toBe(401);
    const c = await t.as('penilai1@ovop.test');
    await c.post('/account/tokens', { name: 'short-lived' });
    const own = /(ovop_[A-Za-z0-9_-]{43})/.exec(
      Buffer.from(c.cookie('ovop_flash')!, 'base64url').toString(),
    )![1]!;
    expect((await t.client().api('/api/v1/me', { token: own })).status).toBe(200);
    const page = await (await c.get('/account')).text();
    const id = /\/account\/tokens\/([0-9a-f-]{36})\/revoke/.exec(page)![1];
    expect((await c.post(`/account/tokens/${id}/revoke`)).status).toBe(303);
    expect((await t.client().api('/api/v1/me', { token: own })).status).toBe(401);
  });

  it('lists regions under a parent, with both code schemes', async () => {
    const res = await t.client().api('/api/v1/regions?parent=81', { token });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(11);
    const tanimbar = res.body.items.find((r: { code: string }) => r.code === '81.03');
    expect(tanimbar).toMatchObject({ bpsCode: '8101', level: 'kabupaten_kota', childCount: 10 });
    const kec = await t.client().api('/api/v1/regions?parent=81.01', { token });
    expect(kec.body.items).toHaveLength(18);
    const unknown = await t.client().api('/api/v1/regions?parent=82', { token });
    expect(unknown.status).toBe(404);
  });

  it('answers 400 with the field path for a malformed query', async () => {
    const res = await t.client().api('/api/v1/regions?parent=81;drop', { token });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('parent');
  });

  it('answers 400 for malformed JSON and for a wrong field type, naming the field', async () => {
    const bad = await t
      .client()
      .api('/api/v1/users', { method: 'POST', token, rawBody: '{"email": "x@y.id",' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const wrong = await t.client().api('/api/v1/users', {
      method: 'POST',
      token,
      body: { email: 5, name: 'Budi', role: 'penilai' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ path: 'email', message: expect.any(String) }]);
    const count = await t.database.db.select().from(users).where(eq(users.name, 'Budi'));
    expect(count).toHaveLength(0);
  });

  it('answers in the language asked for', async () => {
    const res = await t.client().api('/api/v1/me', {});
    expect(res.body.error.message).toMatch(/^Perlu masuk/);
    const en = await t.app.request('http://localhost/api/v1/me', {
      headers: { 'accept-language': 'en-US,en' },
    });
    expect((await en.json()).error.message).toMatch(/^Authentication required/);
  });

  it('creates a user through the API, and refuses a duplicate with a rule message', async () => {
    const ok = await t.client().api('/api/v1/users', {
      method: 'POST',
      token,
      body: { email: 'api-user@ovop.test', name: 'Api User', role: 'penilai' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ email: 'api-user@ovop.test', role: 'penilai', disabled: false });
    expect(ok.body.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const dup = await t.client().api('/api/v1/users', {
      method: 'POST',
      token,
      body: { email: 'api-user@ovop.test', name: 'Again', role: 'penilai' },
    });
    expect(dup.status).toBe(422);
    expect(dup.body.error.fields[0]).toMatchObject({ path: 'email' });
  });

  it('refuses API writes by a role without the permission', async () => {
    const officer = await t.as('ambon@ovop.test');
    const res = await officer.api('/api/v1/users', {
      method: 'POST',
      body: { email: 'sneaky@ovop.test', name: 'S', role: 'admin_provinsi' },
    });
    expect(res.status).toBe(403);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'sneaky@ovop.test'))).toHaveLength(
      0,
    );
  });

  it('describes every endpoint in an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const res = await t.client().api('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/me', '/regions', '/users', '/users/{id}']),
    );
    const body = res.body.paths['/users'].post.requestBody.content['application/json'].schema;
    expect(body.properties.role.enum).toEqual([
      'admin_provinsi',
      'petugas_kabkota',
      'penilai',
      'pemilik_ikm',
    ]);
    const parent = res.body.paths['/regions'].get.parameters[0];
    expect(parent).toMatchObject({ name: 'parent', in: 'query', required: false });
  });
});
