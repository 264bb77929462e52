import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { conflicts } from '../../db/schema/assessment.ts';
import { systemActor } from '../../platform/actor.ts';
import { createIkm, type IkmRow } from '../registry/ikm.service.ts';
import { IkmFields } from '../registry/registry.forms.ts';
import { findUserByEmail } from '../users/users.service.ts';
import { saveAssessor } from './assessors.service.ts';
import { conflictSuggestions, conflictsFor, isConflicted } from './conflicts.service.ts';
import { errorSummary } from './test-forms.ts';

let t: TestApp;
let admin: TestClient;
let penilai1: TestClient;
let penilai2: TestClient;
let ids: Record<string, string>;
let tenun: IkmRow;
let keripik: IkmRow;
let mutiara: IkmRow;
const seed = systemActor('test');

async function addIkm(fields: Record<string, unknown>) {
  const input = IkmFields.parse({ ownerName: 'Ibu Maria Rumahlatu', kabkotaCode: '81.71', ...fields });
  return (await createIkm(t.database.db, seed, { provinceCode: '81' }, input)).ikm;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, penilai1, penilai2] = await Promise.all([
    t.as('admin@ovop.test'),
    t.as('penilai1@ovop.test'),
    t.as('penilai2@ovop.test'),
  ]);
  ids = {};
  for (const n of [1, 2, 3])
    ids[`p${n}`] = (await findUserByEmail(t.database.db, `penilai${n}@ovop.test`))!.id;
  tenun = await addIkm({ name: 'Tenun Ikat Lorulun', kabkotaCode: '81.03', nib: '9981030000001' });
  keripik = await addIkm({
    name: 'Keripik Sukun Mama Ona',
    phone: '0812-0000-4242',
    email: 'mamaona@contoh.test',
  });
  mutiara = await addIkm({ name: 'CV Mutiara Aru' });
  // The third assessor's contacts: the same e-mail as one IKM, the same institution as another.
  await saveAssessor(t.database.db, seed, ids.p3!, {
    institution: 'PT. Mutiara Aru',
    institutionType: 'other',
    expertise: [],
    loadCap: 5,
    phone: undefined,
    email: 'mamaona@contoh.test',
    caps: {},
    version: 0,
  });
});
afterAll(() => t.close());

describe('an assessor declares a conflict', () => {
  it('finds an IKM by its name only, showing its name and region and nothing else', async () => {
    const res = await penilai1.get('/assessment/conflicts/new?q=ikat+lorulun');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(textOf(html)).toContain('Tenun Ikat Lorulun');
    expect(textOf(html)).toContain('Kepulauan Tanimbar');
    expect(html).not.toContain('Maria Rumahlatu');
    expect(html).not.toContain('9981030000001');
    // The owner's name or the NIB finds nothing: the search is by name.
    for (const q of ['Rumahlatu', '9981030000001']) {
      const other = await penilai1.get(`/assessment/conflicts/new?q=${q}`);
      expect(textOf(await other.text())).toContain('Tidak ada IKM dengan nama itu.');
    }
    const api = await penilai1.api('/api/v1/conflicts/ikm-search?q=lorulun');
    expect(api.body).toEqual([{ id: tenun.id, name: 'Tenun Ikat Lorulun', kabkotaCode: '81.03' }]);
  });

  it('records the declaration, which assignment then sees', async () => {
    const form = await penilai1.get(`/assessment/conflicts/new?ikm=${tenun.id}`);
    expect(textOf(await form.text())).toContain('Konflik dengan Tenun Ikat Lorulun');
    const res = await penilai1.post('/assessment/conflicts', {
      ikmId: tenun.id,
      kind: 'family',
      note: 'Pemilik adalah sepupu saya.',
    });
    expect(res.status).toBe(303);
    expect(await isConflicted(t.database.db, ids.p1!, tenun.id)).toBe(true);
    expect(await isConflicted(t.database.db, ids.p2!, tenun.id)).toBe(false);
    expect(await conflictsFor(t.database.db, { ikmIds: [tenun.id, keripik.id] })).toEqual([
      expect.objectContaining({ assessorId: ids.p1, ikmId: tenun.id, kind: 'family' }),
    ]);
    const list = textOf(await (await penilai1.get('/assessment/conflicts')).text());
    expect(list).toContain('Tenun Ikat Lorulun');
    expect(list).toContain('hubungan keluarga');
  });

  it('refuses the same pair twice, and a declaration without a kind', async () => {
    const again = await penilai1.post('/assessment/conflicts', { ikmId: tenun.id, kind: 'other' });
    expect(again.status).toBe(409);
    expect(errorSummary(await again.text())).toEqual([
      'Konflik dengan Tenun Ikat Lorulun sudah tercatat dan masih berlaku.',
    ]);
    const noKind = await penilai1.post('/assessment/conflicts', { ikmId: keripik.id });
    expect(noKind.status).toBe(422);
    expect(errorSummary(await noKind.text())).toEqual(['Pilih salah satu pilihan yang tersedia.']);
    const rows = await t.database.db.select().from(conflicts).where(eq(conflicts.assessorId, ids.p1!));
    expect(rows).toHaveLength(1);
  });

  it('keeps each assessor’s declarations their own (404), and the admin pages theirs (403)', async () => {
    const [mine] = await t.database.db.select().from(conflicts).where(eq(conflicts.assessorId, ids.p1!));
    expect((await penilai2.get(`/assessment/conflicts/${mine!.id}`)).status).toBe(404);
    expect((await penilai2.api(`/api/v1/conflicts/${mine!.id}`)).status).toBe(404);
    const theirs = await penilai2.api('/api/v1/conflicts');
    expect(theirs.body.rows).toEqual([]);
    expect((await penilai2.api(`/api/v1/conflicts?assessorId=${ids.p1}`)).body.rows).toEqual([]);
    const own = await penilai1.api('/api/v1/conflicts');
    expect(own.body.rows.map((r: { ikmName: string }) => r.ikmName)).toEqual(['Tenun Ikat Lorulun']);
    for (const path of ['/admin/conflicts', `/admin/conflicts/${mine!.id}`, '/admin/conflicts/suggestions'])
      expect((await penilai1.get(path)).status).toBe(403);
    expect(
      (await penilai1.post(`/admin/conflicts/${mine!.id}/withdraw`, { reason: 'salah', version: '1' }))
        .status,
    ).toBe(403);
    const withdraw = await penilai1.api(`/api/v1/conflicts/${mine!.id}/withdraw`, {
      method: 'POST',
      body: { reason: 'salah', version: 1 },
    });
    expect(withdraw.status).toBe(403);
    expect((await penilai1.api('/api/v1/conflicts/suggestions')).status).toBe(403);
    // An assessor cannot declare in another assessor's name.
    const other = await penilai2.api('/api/v1/conflicts', {
      method: 'POST',
      body: { ikmId: keripik.id, kind: 'other', assessorId: ids.p1 },
    });
    expect(other.status).toBe(404);
    expect(await isConflicted(t.database.db, ids.p1!, keripik.id)).toBe(false);
    // The registry stays closed to assessors.
    expect((await penilai1.get(`/registry/ikm/${tenun.id}`)).status).toBe(403);
    expect((await penilai1.api(`/api/v1/ikm/${tenun.id}`)).status).toBe(403);
  });

  it('is closed to kab/kota officers', async () => {
    const ambon = await t.as('ambon@ovop.test');
    expect((await ambon.get('/assessment/conflicts')).status).toBe(403);
    expect((await ambon.get('/admin/conflicts')).status).toBe(403);
    expect((await ambon.api('/api/v1/conflicts')).status).toBe(403);
  });
});

describe('the admin', () => {
  it('withdraws a conflict only with a reason, audited; the pair is free again', async () => {
    const [row] = await t.database.db.select().from(conflicts).where(eq(conflicts.assessorId, ids.p1!));
    const page = textOf(await (await admin.get(`/admin/conflicts/${row!.id}`)).text());
    expect(page).toContain('Pemilik adalah sepupu saya.');
    const noReason = await admin.post(`/admin/conflicts/${row!.id}/withdraw`, { reason: ' ', version: '1' });
    expect(noReason.status).toBe(422);
    expect(errorSummary(await noReason.text())).toEqual(['Wajib diisi.']);
    expect(await isConflicted(t.database.db, ids.p1!, tenun.id)).toBe(true);
    const ok = await admin.post(`/admin/conflicts/${row!.id}/withdraw`, {
      reason: 'Ternyata bukan kerabat.',
      version: '1',
    });
    expect(ok.status).toBe(303);
    expect(await isConflicted(t.database.db, ids.p1!, tenun.id)).toBe(false);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'conflict.withdraw'), eq(auditLog.objectId, row!.id)));
    expect(audit!.reason).toBe('Ternyata bukan kerabat.');
    // The assessor still sees it, withdrawn.
    expect(textOf(await (await penilai1.get(`/assessment/conflicts/${row!.id}`)).text())).toContain(
      'Ternyata bukan kerabat.',
    );
  });

  it('records a conflict for an assessor', async () => {
    const form = await admin.get(`/admin/conflicts/new?ikm=${keripik.id}`);
    expect(form.status).toBe(200);
    const res = await admin.post('/admin/conflicts', {
      assessorId: ids.p2!,
      ikmId: keripik.id,
      kind: 'supplier_customer',
      note: 'Pemasok bahan baku.',
    });
    expect(res.status).toBe(303);
    expect(await isConflicted(t.database.db, ids.p2!, keripik.id)).toBe(true);
    const missing = await admin.api('/api/v1/conflicts', {
      method: 'POST',
      body: { ikmId: mutiara.id, kind: 'other' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toEqual([{ path: 'assessorId', message: 'Pilih penilai.' }]);
  });

  it('sees suggested conflicts (same e-mail, same institution) and confirms one', async () => {
    const suggestions = await conflictSuggestions(t.database.db);
    expect(suggestions.map((s) => [s.assessorId, s.ikmName, s.kind])).toEqual([
      [ids.p3, 'CV Mutiara Aru', 'same_institution'],
      [ids.p3, 'Keripik Sukun Mama Ona', 'other'],
    ]);
    const page = textOf(await (await admin.get('/admin/conflicts/suggestions')).text());
    expect(page).toContain('alamat email mamaona@contoh.test');
    expect(page).toContain('instansi mutiara aru');
    const res = await admin.post('/admin/conflicts/suggestions/confirm', {
      assessorId: ids.p3!,
      ikmId: mutiara.id,
      row: '0',
      'kind-0': 'employer_employee',
      'note-0': '',
    });
    expect(res.status).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(conflicts)
      .where(and(eq(conflicts.assessorId, ids.p3!), eq(conflicts.ikmId, mutiara.id)));
    expect(row).toMatchObject({ source: 'suggestion', kind: 'employer_employee' });
    expect(row!.matches).toEqual([{ on: 'institution', value: 'mutiara aru' }]);
    expect((await conflictSuggestions(t.database.db)).map((s) => s.ikmName)).toEqual([
      'Keripik Sukun Mama Ona',
    ]);
  });

  it('dismisses a suggestion only with a reason, and it is not suggested again', async () => {
    const noReason = await admin.post('/admin/conflicts/suggestions/dismiss', {
      assessorId: ids.p3!,
      ikmId: keripik.id,
      row: '0',
      'reason-0': '',
    });
    expect(noReason.status).toBe(422);
    expect(errorSummary(await noReason.text())).toEqual(['Wajib diisi.']);
    expect(await conflictSuggestions(t.database.db)).toHaveLength(1);
    const ok = await admin.post('/admin/conflicts/suggestions/dismiss', {
      assessorId: ids.p3!,
      ikmId: keripik.id,
      row: '0',
      'reason-0': 'Email keluarga yang dipakai bersama; sudah diperiksa, tidak ada hubungan usaha.',
    });
    expect(ok.status).toBe(303);
    expect(await conflictSuggestions(t.database.db)).toEqual([]);
    expect(await isConflicted(t.database.db, ids.p3!, keripik.id)).toBe(false);
    const again = await admin.api('/api/v1/conflicts/suggestions/dismiss', {
      method: 'POST',
      body: { assessorId: ids.p3!, ikmId: keripik.id, reason: 'lagi' },
    });
    expect(again.status).toBe(409);
  });

  it('lists every conflict, filtered by assessor and state', async () => {
    const all = await admin.api('/api/v1/conflicts?status=all');
    expect(all.body.rows).toHaveLength(3);
    const active = textOf(await (await admin.get('/admin/conflicts')).text());
    expect(active).toContain('CV Mutiara Aru');
    expect(active).not.toContain('Tenun Ikat Lorulun');
    const p2 = await admin.api(`/api/v1/conflicts?assessorId=${ids.p2}`);
    expect(p2.body.rows.map((r: { ikmName: string }) => r.ikmName)).toEqual(['Keripik Sukun Mama Ona']);
  });
});
