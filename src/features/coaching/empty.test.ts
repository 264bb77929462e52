import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { addIkm } from '../../../tests/helpers/coaching.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a brand-new installation with no data', () => {
  it('shows the programme list, the recommendation list and the forms with sensible empty states', async () => {
    for (const email of ['admin@ovop.test', 'ambon@ovop.test']) {
      const client = await t.as(email);
      const list = await client.get('/coaching/programmes');
      expect(list.status, email).toBe(200);
      expect(textOf(await list.text())).toContain('Belum ada program pembinaan yang tercatat.');
      const recs = await client.get('/coaching/recommendations');
      expect(recs.status).toBe(200);
      expect(textOf(await recs.text())).toContain('Tidak ada rekomendasi yang menunggu tindak lanjut.');
      const form = await client.get('/coaching/programmes/new');
      expect(form.status).toBe(200);
      expect(textOf(await form.text())).toContain('Daftar mitra masih kosong');
    }
    const admin = await t.as('admin@ovop.test');
    const english = textOf(await (await admin.get('/coaching/programmes?lang=en')).text());
    expect(english).toContain('No coaching programme has been recorded yet.');
    const filtered = textOf(await (await admin.get('/coaching/programmes?kind=training&year=2024')).text());
    expect(filtered).toContain('Tidak ada program yang cocok dengan filter.');
    const xlsx = await admin.get('/coaching/programmes/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect((await admin.api('/api/v1/coaching/programmes')).body).toEqual({
      items: [],
      next: null,
      prev: null,
    });
    expect((await admin.api('/api/v1/coaching/recommendations')).body).toEqual({
      items: [],
      next: null,
      prev: null,
    });
  });

  it('shows a new IKM’s timeline and profile section empty, never an error', async () => {
    const admin = await t.as('admin@ovop.test');
    const fresh = await addIkm(t, { name: 'IKM Baru Tanpa Riwayat', desa: 'Amahusu' });
    const res = await admin.get(`/registry/ikm/${fresh.id}/timeline`);
    expect(res.status).toBe(200);
    const page = textOf(await res.text());
    expect(page).toContain('Belum ada catatan untuk IKM ini.');
    expect(page).toContain('Belum ada hasil penilaian OVOP untuk IKM ini');
    const profile = textOf(await (await admin.get(`/registry/ikm/${fresh.id}`)).text());
    expect(profile).toContain('IKM ini belum pernah mengikuti program pembinaan.');
    const api = await admin.api(`/api/v1/ikm/${fresh.id}/timeline`);
    expect(api.body).toEqual({ entries: [], trajectory: [] });
  });

  it('keeps the coaching pages from roles that have no part in them', async () => {
    const assessor = await t.as('penilai1@ovop.test');
    expect((await assessor.get('/coaching/programmes')).status).toBe(403);
    const owner = await t.as('ikm@ovop.test');
    expect((await owner.get('/coaching/recommendations')).status).toBe(403);
    expect((await t.client().get('/coaching/programmes')).status).toBe(302);
  });
});
