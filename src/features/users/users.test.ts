import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { users } from '../../db/schema/accounts.ts';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@ovop.test');
});
afterAll(() => t.close());

const userByEmail = async (email: string) =>
  (await t.database.db.select().from(users).where(eq(users.email, email)))[0];

describe('an admin manages users', () => {
  it('creates a kab/kota officer with a generated password shown once, audited', async () => {
    const res = await admin.post('/admin/users', {
      name: 'Yohanis Rahakbauw',
      email: 'yohanis@ovop.test',
      role: 'petugas_kabkota',
      regionCode: '81.02',
      locale: 'id',
      password: '',
    });
    expect(res.status).toBe(303);
    const page = await admin.get(res.headers.get('location')!);
    const text = textOf(await page.text());
    const password = /Kata sandi awal: (\S+) —/.exec(text)?.[1];
    expect(password).toBeTruthy();
    // The flash shows once only.
    expect(textOf(await (await admin.get(res.headers.get('location')!)).text())).not.toContain(password!);
    const officer = t.client();
    expect((await officer.login('yohanis@ovop.test', password!)).status).toBe(303);
    const created = await userByEmail('yohanis@ovop.test');
    expect(created?.regionCode).toBe('81.02');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.objectId, created!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLabel).toBe('admin@ovop.test');
    expect(JSON.stringify(audit[0]!.after)).not.toContain('passwordHash');
  });

  it('refuses a duplicate e-mail, a kab/kota officer without kab/kota, and a kecamatan as region', async () => {
    const dup = await admin.post('/admin/users', {
      name: 'X',
      email: 'Ambon@ovop.test',
      role: 'penilai',
      locale: 'id',
    });
    expect(dup.status).toBe(422);
    expect(textOf(await dup.text())).toContain('Email ini sudah dipakai akun lain.');
    const noRegion = await admin.post('/admin/users', {
      name: 'Y',
      email: 'y@ovop.test',
      role: 'petugas_kabkota',
      locale: 'id',
    });
    expect(textOf(await noRegion.text())).toContain('Pilih kabupaten/kota untuk petugas kabupaten/kota.');
    const kecamatan = await admin.post('/admin/users', {
      name: 'Z',
      email: 'z@ovop.test',
      role: 'petugas_kabkota',
      regionCode: '81.01.01',
      locale: 'id',
    });
    expect(textOf(await kecamatan.text())).toContain('Pilih salah satu kabupaten/kota di provinsi ini.');
    expect(await userByEmail('y@ovop.test')).toBeUndefined();
    expect(await userByEmail('z@ovop.test')).toBeUndefined();
  });

  it('keeps the input and names each field when the form is wrong', async () => {
    const res = await admin.post('/admin/users', {
      name: '',
      email: 'not-an-email',
      role: 'kepala',
      locale: 'id',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('href="#f-email"');
    const text = textOf(html);
    expect(text).toContain('Ada masalah');
    expect(text).toContain('Alamat email tidak valid.');
    expect(text).toContain('Pilih salah satu pilihan yang tersedia.');
  });

  it('tells the second of two editors that the user changed meanwhile and shows both versions', async () => {
    const target = await userByEmail('penilai1@ovop.test');
    const form = {
      name: 'Penilai Satu',
      email: 'penilai1@ovop.test',
      role: 'penilai',
      locale: 'id',
      institution: 'Ditjen IKMA',
      version: String(target!.version),
    };
    const otherAdmin = await t.as('admin@ovop.test');
    const first = await admin.post(`/admin/users/${target!.id}`, { ...form, institution: 'GAPMMI Maluku' });
    expect(first.status).toBe(303);
    const second = await otherAdmin.post(`/admin/users/${target!.id}`, {
      ...form,
      institution: 'Universitas Pattimura',
    });
    expect(second.status).toBe(409);
    const text = textOf(await second.text());
    expect(text).toContain('Data ini sudah diubah orang lain sejak Anda membukanya');
    expect(text).toContain('GAPMMI Maluku');
    expect(text).toContain('Universitas Pattimura');
    expect((await userByEmail('penilai1@ovop.test'))?.institution).toBe('GAPMMI Maluku');
  });

  it('disables an account (ending its sessions) and enables it again', async () => {
    const target = await userByEmail('tanimbar@ovop.test');
    const officer = await t.as('tanimbar@ovop.test');
    expect((await admin.post(`/admin/users/${target!.id}/disable`)).status).toBe(303);
    expect((await officer.get('/dashboard')).status).toBe(302);
    const again = t.client();
    again.ip = '198.51.100.4';
    expect((await again.login('tanimbar@ovop.test', 'ovop-demo')).status).toBe(422);
    expect((await admin.post(`/admin/users/${target!.id}/enable`)).status).toBe(303);
    expect((await again.login('tanimbar@ovop.test', 'ovop-demo')).status).toBe(303);
  });

  it('does not let an admin disable their own account', async () => {
    const me = await userByEmail('admin@ovop.test');
    const res = await admin.post(`/admin/users/${me!.id}/disable`);
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Anda tidak dapat menonaktifkan akun sendiri.');
    expect((await userByEmail('admin@ovop.test'))?.disabledAt).toBeNull();
  });

  it('filters and sorts the list, paging by keyset', async () => {
    const res = await admin.get('/admin/users?role=penilai&sort=email&dir=desc');
    const text = textOf(await res.text());
    const i3 = text.indexOf('penilai3@ovop.test');
    const i1 = text.indexOf('penilai1@ovop.test');
    expect(i3).toBeGreaterThan(-1);
    expect(i1).toBeGreaterThan(i3);
    expect(text).not.toContain('ambon@ovop.test');
  });

  it('acts as another user, recorded with both names in the audit log', async () => {
    const c = await t.as('admin@ovop.test');
    const ambon = await userByEmail('ambon@ovop.test');
    expect((await c.post(`/admin/users/${ambon!.id}/act-as`)).status).toBe(303);
    const dash = textOf(await (await c.get('/dashboard')).text());
    expect(dash).toContain('Anda sedang bertindak sebagai Petugas Kota Ambon (demo)');
    expect((await c.get('/admin/users')).status).toBe(403);
    await c.post('/account/tokens', { name: 'acting' });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'api_token.create'));
    const entry = entries.find((e) => e.actorUserId === ambon!.id);
    expect(entry?.realUserId).toBe((await userByEmail('admin@ovop.test'))!.id);
    expect(entry?.actorLabel).toBe('admin@ovop.test (as ambon@ovop.test)');
    expect((await c.post('/act-as/stop')).status).toBe(303);
    expect((await c.get('/admin/users')).status).toBe(200);
  });
});

describe('API tokens on the user page', () => {
  it("lists a user's tokens and lets the admin revoke one", async () => {
    const officer = await t.as('tanimbar@ovop.test');
    await officer.post('/account/tokens', { name: 'laptop kantor' });
    const token = /(ovop_[A-Za-z0-9_-]{43})/.exec(
      Buffer.from(officer.cookie('ovop_flash')!, 'base64url').toString(),
    )![1]!;
    expect((await t.client().api('/api/v1/me', { token })).status).toBe(200);
    const target = await userByEmail('tanimbar@ovop.test');
    const page = await (await admin.get(`/admin/users/${target!.id}`)).text();
    expect(textOf(page)).toContain('laptop kantor');
    const action = /action="(\/admin\/users\/[^"]+\/tokens\/[^"]+\/revoke)"/.exec(page)![1]!;
    expect((await admin.post(action)).status).toBe(303);
    expect((await t.client().api('/api/v1/me', { token })).status).toBe(401);
  });
});

describe('who may see whom', () => {
  it('answers 403 to a non-admin on the admin pages', async () => {
    const officer = await t.as('ambon@ovop.test');
    const res = await officer.get('/admin/users');
    expect(res.status).toBe(403);
    expect(textOf(await res.text())).toContain('Tidak diizinkan');
  });

  it('lets a kab/kota officer open a colleague of their own kab/kota, and answers 404 for another kab/kota', async () => {
    const officer = await t.as('ambon@ovop.test');
    const colleague = await userByEmail('ikm@ovop.test');
    const other = await userByEmail('tanimbar@ovop.test');
    expect((await officer.get(`/users/${colleague!.id}`)).status).toBe(200);
    const res = await officer.get(`/users/${other!.id}`);
    expect(res.status).toBe(404);
    expect(textOf(await res.text())).toContain('Halaman tidak ditemukan');
    const api = await officer.api(`/api/v1/users/${other!.id}`);
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
  });
});
