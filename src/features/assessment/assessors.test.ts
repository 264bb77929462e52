import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { systemActor } from '../../platform/actor.ts';
import { createCycle } from '../cycles/cycles.service.ts';
import { findUserByEmail } from '../users/users.service.ts';
import { DEFAULT_LOAD_CAP } from './assessment.domain.ts';
import { assessorsForCycle, getAssessor, loadCapFor } from './assessors.service.ts';
import { errorSummary, formFields } from './test-forms.ts';

let t: TestApp;
let admin: TestClient;
let penilai1: TestClient;
let penilai1Id: string;
let penilai2Id: string;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, penilai1] = await Promise.all([t.as('admin@ovop.test'), t.as('penilai1@ovop.test')]);
  penilai1Id = (await findUserByEmail(t.database.db, 'penilai1@ovop.test'))!.id;
  penilai2Id = (await findUserByEmail(t.database.db, 'penilai2@ovop.test'))!.id;
  cycleId = (
    await createCycle(
      t.database.db,
      systemActor('test'),
      {
        name: 'Periode Penilai Uji',
        year: 2026,
        kind: 'provincial_preselection',
        starScale: 3,
        bands: [{ stars: 1, min: 0, max: 100 }],
        phases: [],
        commodities: [{ commodity: 'makanan_minuman' }],
        checklist: [],
        quotas: [],
        reason: undefined,
      },
      '81',
    )
  ).id;
});
afterAll(() => t.close());

describe('the admin’s assessor pages', () => {
  it('lists every user with the assessor role, their profile not yet filled in', async () => {
    const res = await admin.get('/admin/assessors');
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    for (const name of ['Penilai Satu (demo)', 'Penilai Dua (demo)', 'Penilai Tiga (demo)'])
      expect(text).toContain(name);
    expect(text).toContain('Belum dilengkapi');
    // Until a profile is saved, the account's institution stands in.
    expect(text).toContain('Ditjen IKMA Kemenperin');
  });

  it('saves institution, type, expertise, caps and contacts (the phone in E.164), audited', async () => {
    const form = formFields(await (await admin.get(`/admin/assessors/${penilai1Id}`)).text());
    expect(form.version).toBe('0');
    expect(form.loadCap).toBe(String(DEFAULT_LOAD_CAP));
    const res = await admin.post(`/admin/assessors/${penilai1Id}`, {
      ...form,
      institution: 'Ditjen IKMA Kemenperin',
      institutionType: 'ministry',
      expertise: ['makanan_minuman', 'kain_tenun'],
      loadCap: '12',
      [`caps.${cycleId}`]: '4',
      phone: '0812-3456-7890',
      email: 'Penilai.IKMA@Kemenperin.test',
    });
    expect(res.status).toBe(303);
    const a = await getAssessor(t.database.db, penilai1Id);
    expect(a).toMatchObject({
      hasProfile: true,
      institutionType: 'ministry',
      expertise: ['makanan_minuman', 'kain_tenun'],
      loadCap: 12,
      phone: '+6281234567890',
      email: 'penilai.ikma@kemenperin.test',
      version: 1,
    });
    expect(await loadCapFor(t.database.db, penilai1Id, cycleId)).toBe(4);
    const forCycle = await assessorsForCycle(t.database.db, cycleId);
    expect(forCycle.find((x) => x.userId === penilai1Id)!.cycleCap).toBe(4);
    expect(forCycle.find((x) => x.userId === penilai2Id)!.cycleCap).toBe(DEFAULT_LOAD_CAP);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessor.update'), eq(auditLog.objectId, penilai1Id)));
    expect(audit).toBeDefined();
  });

  it('refuses a phone it cannot read and a negative cap, keeps the input, saves nothing', async () => {
    const form = formFields(await (await admin.get(`/admin/assessors/${penilai1Id}`)).text());
    const res = await admin.post(`/admin/assessors/${penilai1Id}`, {
      ...form,
      institution: 'Nama baru',
      phone: 'telepon kantor',
      loadCap: '-1',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorSummary(html)).toEqual([
      'Isi bilangan bulat 0 sampai 500.',
      'Nomor telepon tidak dikenali; tulis misalnya 0812 3456 7890 atau +62 812 3456 7890.',
    ]);
    expect(formFields(html).institution).toBe('Nama baru');
    expect((await getAssessor(t.database.db, penilai1Id)).institution).toBe('Ditjen IKMA Kemenperin');
  });

  it('shows the saved profile beside the input when someone saved in between', async () => {
    const form = formFields(await (await admin.get(`/admin/assessors/${penilai1Id}`)).text());
    expect((await admin.post(`/admin/assessors/${penilai1Id}`, { ...form, loadCap: '11' })).status).toBe(303);
    const stale = await admin.post(`/admin/assessors/${penilai1Id}`, { ...form, loadCap: '9' });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Versi tersimpan terbaru');
    expect((await getAssessor(t.database.db, penilai1Id)).loadCap).toBe(11);
  });
});

describe('the assessor’s own profile', () => {
  it('lets the assessor change their expertise and contacts, not their institution or cap', async () => {
    const page = await penilai1.get('/assessment');
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain('Belum ada usulan yang ditugaskan kepada Anda.');
    const form = formFields(await (await penilai1.get('/assessment/profile')).text());
    const res = await penilai1.post('/assessment/profile', {
      ...form,
      expertise: 'gerabah',
      phone: '+62 911 311 000',
      institution: 'Lembaga Lain',
      loadCap: '99',
    });
    expect(res.status).toBe(303);
    const a = await getAssessor(t.database.db, penilai1Id);
    expect(a.expertise).toEqual(['gerabah']);
    expect(a.phone).toBe('+62911311000');
    expect(a.institution).toBe('Ditjen IKMA Kemenperin');
    expect(a.loadCap).toBe(11);
  });

  it('answers the API for the assessor’s own profile', async () => {
    const me = await penilai1.api('/api/v1/me/assessor-profile');
    expect(me.status).toBe(200);
    expect(me.body.expertise).toEqual(['gerabah']);
    const put = await penilai1.api('/api/v1/me/assessor-profile', {
      method: 'PUT',
      body: { expertise: ['anyaman', 'nonsense'], version: me.body.version },
    });
    expect(put.status).toBe(400);
    expect(put.body.error.fields[0].path).toBe('expertise.1');
  });

  it('keeps the admin pages and the registry from assessors', async () => {
    expect((await penilai1.get('/admin/assessors')).status).toBe(403);
    expect((await penilai1.get(`/admin/assessors/${penilai2Id}`)).status).toBe(403);
    expect(
      (await penilai1.post(`/admin/assessors/${penilai2Id}`, { loadCap: '1', version: '0' })).status,
    ).toBe(403);
    expect((await penilai1.api('/api/v1/assessors')).status).toBe(403);
    expect((await penilai1.api(`/api/v1/assessors/${penilai2Id}`)).status).toBe(403);
    expect((await penilai1.get('/registry/ikm')).status).toBe(403);
    expect((await penilai1.api('/api/v1/ikm')).status).toBe(403);
    // Nor is the assessor area anyone else's.
    expect((await admin.get('/assessment')).status).toBe(403);
  });

  it('lets the admin read and save a profile through the API', async () => {
    const got = await admin.api(`/api/v1/assessors/${penilai2Id}`);
    expect(got.status).toBe(200);
    expect(got.body.version).toBe(0);
    const put = await admin.api(`/api/v1/assessors/${penilai2Id}`, {
      method: 'PUT',
      body: {
        institution: 'GAPMMI',
        institutionType: 'association',
        expertise: ['makanan_minuman'],
        loadCap: 8,
        caps: { [cycleId]: 2 },
        version: 0,
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.cycleCaps).toEqual({ [cycleId]: 2 });
    const list = await admin.api('/api/v1/assessors?q=GAPMMI');
    expect(list.body.rows.map((r: { name: string }) => r.name)).toEqual(['Penilai Dua (demo)']);
  });
});
