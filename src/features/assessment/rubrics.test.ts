import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { rubricVersions } from '../../db/schema/assessment.ts';
import { systemActor } from '../../platform/actor.ts';
import { COMMODITIES } from '../../platform/domain.ts';
import { DomainError } from '../../platform/errors.ts';
import { createCycle, freezeCycle, getCycleConfig } from '../cycles/cycles.service.ts';
import { defaultRubric, JUKNIS_WEIGHT_RULE } from './rubric.defaults.ts';
import { checkLevels, getVersion, latestPublished, seedDefaultRubrics } from './rubrics.service.ts';
import { errorSummary, formFields } from './test-forms.ts';

let t: TestApp;
let admin: TestClient;
let assessor: TestClient;
let cycleId: string;
const actor = systemActor('test');
const C = 'makanan_minuman';

async function newCycle(name: string) {
  return createCycle(
    t.database.db,
    actor,
    {
      name,
      year: 2026,
      kind: 'provincial_preselection',
      starScale: 3,
      bands: [
        { stars: 1, min: 60, max: 70 },
        { stars: 2, min: 70, max: 85 },
        { stars: 3, min: 85, max: 100 },
      ],
      phases: [],
      commodities: [{ commodity: C }, { commodity: 'kain_tenun' }],
      checklist: undefined,
      quotas: [],
      reason: undefined,
    },
    '81',
  );
}

async function draftRow(number: number) {
  const [row] = await t.database.db
    .select()
    .from(rubricVersions)
    .where(and(eq(rubricVersions.commodity, C), eq(rubricVersions.number, number)));
  return row!;
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, assessor] = await Promise.all([t.as('admin@ovop.test'), t.as('penilai1@ovop.test')]);
  cycleId = (await newCycle('Periode Rubrik Uji')).id;
});
afterAll(() => t.close());

describe('seeded default rubrics', () => {
  it('has version 1 of every commodity, published, its placeholders marked', async () => {
    for (const commodity of COMMODITIES) {
      const v1 = await latestPublished(t.database.db, commodity);
      expect(v1.number).toBe(1);
      expect(v1.hasPlaceholders).toBe(true);
      expect(v1.weightRule).toEqual(JUKNIS_WEIGHT_RULE);
    }
    // Seeding again adds nothing.
    expect(await seedDefaultRubrics(t.database.db)).toBe(0);
  });

  it('shows a version in both languages with its weights, to the admin and the assessors', async () => {
    for (const client of [admin, assessor]) {
      const res = await client.get(`/rubrics/${C}`);
      expect(res.status).toBe(200);
      const text = textOf(await res.text());
      expect(text).toContain('Pangsa bahan baku utama dari kabupaten/kota setempat');
      expect(text).toContain('Share of the main raw material from the own regency/city');
      expect(text).toContain('Bobot aspek A: 30');
      expect(text).toContain('Jumlah semua bobot: 100');
      expect(text).toContain('Contoh');
    }
    const print = await assessor.get(`/rubrics/${C}/versions/1/print`);
    expect(print.status).toBe(200);
    expect(textOf(await print.text())).toContain('Ctrl+P');
  });

  it('lists the rubrics, with the edit action for the admin only', async () => {
    const mine = await (await admin.get('/rubrics')).text();
    expect(mine).toContain(`action="/rubrics/${C}/edit"`);
    const theirs = await (await assessor.get('/rubrics')).text();
    expect(theirs).not.toContain('/edit"');
    expect(textOf(theirs)).toContain('Makanan & minuman');
  });
});

describe('editing a rubric into a new version', () => {
  it('copies the latest version into a draft and leaves version 1 alone', async () => {
    const res = await admin.post(`/rubrics/${C}/edit`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/rubrics/${C}/draft`);
    const draft = await draftRow(2);
    expect(draft.status).toBe('draft');
    expect(draft.basedOn).toBe(1);
    expect(draft.content).toEqual((await draftRow(1)).content);
    // A second "edit" leads to the same draft.
    expect((await admin.post(`/rubrics/${C}/edit`)).headers.get('location')).toBe(`/rubrics/${C}/draft`);
  });

  it('refuses weights that break the rule, each message at its field, and saves nothing', async () => {
    const page = await (await admin.get(`/rubrics/${C}/draft`)).text();
    const form = formFields(page, 'rubric-form');
    expect(form['aspects.0.criteria.0.weight']).toBe('3');
    const res = await admin.post(`/rubrics/${C}/draft`, {
      ...form,
      'aspects.0.criteria.0.weight': '5',
      'title.id': 'Rubrik pangan (revisi)',
      _op: 'save',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorSummary(html)).toEqual([
      'Bobot aspek A berjumlah 32; aturan meminta tepat 30.',
      'Jumlah semua bobot 102; aturan meminta 100.',
    ]);
    expect(html).toContain('href="#f-aspects-0-criteria"');
    // The input is kept, the draft unchanged.
    expect(formFields(html, 'rubric-form')['title.id']).toBe('Rubrik pangan (revisi)');
    const draft = await draftRow(2);
    expect(draft.content.aspects[0]!.criteria[0]!.weight).toBe(3);
    expect(draft.version).toBe(1);
  });

  it('saves once the weights meet the rule again', async () => {
    const form = formFields(await (await admin.get(`/rubrics/${C}/draft`)).text(), 'rubric-form');
    const res = await admin.post(`/rubrics/${C}/draft`, {
      ...form,
      'aspects.0.criteria.0.weight': '5',
      'aspects.0.criteria.1.weight': '1',
      _op: 'save',
    });
    expect(res.status).toBe(303);
    const draft = await draftRow(2);
    expect(draft.content.aspects[0]!.criteria.slice(0, 2).map((c) => c.weight)).toEqual([5, 1]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'rubric.draft_save'), eq(auditLog.objectId, draft.id)));
    expect(audit).toBeDefined();
  });

  it('adds a criterion with a button, then lists its missing levels before publishing', async () => {
    const form = formFields(await (await admin.get(`/rubrics/${C}/draft`)).text(), 'rubric-form');
    const added = await admin.post(`/rubrics/${C}/draft`, { ...form, _op: 'addCriterion:2' });
    expect(added.status).toBe(200);
    const more = formFields(await added.text(), 'rubric-form');
    expect(more['aspects.2.criteria.10.code']).toBe('');
    const res = await admin.post(`/rubrics/${C}/draft`, {
      ...more,
      'aspects.2.criteria.10.code': 'C11',
      'aspects.2.criteria.10.name.id': 'Kemasan ramah lingkungan',
      'aspects.2.criteria.10.name.en': 'Eco-friendly packaging',
      'aspects.2.criteria.10.weight': '4',
      'aspects.2.criteria.0.weight': '2',
      'aspects.2.criteria.1.weight': '2',
      _op: 'save',
    });
    expect(res.status).toBe(303);
    const page = textOf(await (await admin.get(`/rubrics/${C}/draft`)).text());
    expect(page).toContain('Kriteria C11 memerlukan paling sedikit 2 tingkat.');
    // Publishing is refused while it stands.
    const publish = await admin.post(`/rubrics/${C}/draft/publish`, { version: '3', changeNote: 'x' });
    expect(publish.status).toBe(422);
    expect(textOf(await publish.text())).toContain('Kriteria C11 memerlukan paling sedikit 2 tingkat.');
    expect((await draftRow(2)).status).toBe('draft');
  });

  it('refuses levels whose points do not rise, at the levels, and keeps the input', async () => {
    const page = await (await admin.get(`/rubrics/${C}/draft/criteria/C11`)).text();
    const form = formFields(page, 'criterion-form');
    expect(form['levels.0.label.id']).toBe('Kurang');
    const values = {
      ...form,
      'levels.0.descriptor.id': 'Kemasan plastik sekali pakai.',
      'levels.0.descriptor.en': 'Single-use plastic packaging.',
      'levels.1.descriptor.id': 'Sebagian kemasan dapat didaur ulang.',
      'levels.1.descriptor.en': 'Part of the packaging is recyclable.',
      'levels.2.descriptor.id': 'Seluruh kemasan dapat didaur ulang.',
      'levels.2.descriptor.en': 'All packaging is recyclable.',
      coaching: 'packaging_branding',
      _op: 'save',
    };
    const bad = await admin.post(`/rubrics/${C}/draft/criteria/C11`, { ...values, 'levels.2.points': '2' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(errorSummary(html)).toEqual([
      'Pada kriteria C11, tingkat 3 harus bernilai lebih banyak poin daripada tingkat 2.',
    ]);
    expect(html).toContain('href="#f-levels"');
    expect(formFields(html, 'criterion-form')['levels.2.descriptor.id']).toBe(
      'Seluruh kemasan dapat didaur ulang.',
    );
    const ok = await admin.post(`/rubrics/${C}/draft/criteria/C11`, values);
    expect(ok.status).toBe(303);
    const c11 = (await draftRow(2)).content.aspects[2]!.criteria[10]!;
    expect(c11.levels.map((l) => l.points)).toEqual([1, 2, 3]);
    expect(c11.coaching).toBe('packaging_branding');
  });

  it('shows a stale draft’s saved version beside the input instead of overwriting it', async () => {
    const form = formFields(await (await admin.get(`/rubrics/${C}/draft`)).text(), 'rubric-form');
    const first = await admin.post(`/rubrics/${C}/draft`, {
      ...form,
      'note.id': 'Catatan pertama',
      _op: 'save',
    });
    expect(first.status).toBe(303);
    const second = await admin.post(`/rubrics/${C}/draft`, {
      ...form,
      'title.en': 'Second title',
      _op: 'save',
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(textOf(html)).toContain('Data ini sudah diubah orang lain');
    expect(textOf(html)).toContain('Second title');
    expect((await draftRow(2)).content.title.en).not.toBe('Second title');
  });

  it('publishes with a change note; the history shows what changed', async () => {
    const confirm = textOf(await (await admin.get(`/rubrics/${C}/draft/publish`)).text());
    expect(confirm).toContain('Bobot A1: 3 → 5');
    expect(confirm).toContain('Kriteria C11 ditambahkan ke aspek C (bobot 4): Kemasan ramah lingkungan');
    const draft = await draftRow(2);
    const missingNote = await admin.post(`/rubrics/${C}/draft/publish`, { version: String(draft.version) });
    expect(missingNote.status).toBe(422);
    expect(errorSummary(await missingNote.text())).toEqual(['Tulis catatan perubahan sebelum menerbitkan.']);
    const res = await admin.post(`/rubrics/${C}/draft/publish`, {
      version: String(draft.version),
      changeNote: 'Bobot bahan baku lokal dinaikkan; kriteria kemasan ramah lingkungan.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/rubrics/${C}/versions/2`);
    expect((await draftRow(2)).status).toBe('published');
    const history = textOf(await (await assessor.get(`/rubrics/${C}/history`)).text());
    expect(history).toContain('Bobot bahan baku lokal dinaikkan');
    expect(history).toContain('Bobot A1: 3 → 5');
  });
});

describe('versions in use', () => {
  it('lets the admin choose a published version for a cycle and shows it there', async () => {
    const page = await (await admin.get(`/cycles/${cycleId}/rubrics`)).text();
    expect(textOf(page)).toContain('Rubrik Makanan & minuman');
    const v2 = await draftRow(2);
    const res = await admin.post(`/cycles/${cycleId}/rubrics`, {
      [`rubrics.${C}`]: v2.id,
      'rubrics.kain_tenun': '',
    });
    expect(res.status).toBe(303);
    const config = await getCycleConfig(t.database.db, cycleId);
    expect(config.commodities.find((c) => c.commodity === C)!.rubricVersionRef).toBe(v2.id);
    const cycle = textOf(await (await admin.get(`/cycles/${cycleId}`)).text());
    expect(cycle).toContain('Makanan & minuman — versi 2');
    expect(cycle).toContain('belum ditetapkan');
  });

  it('refuses a draft or unknown version for a cycle', async () => {
    await admin.post(`/rubrics/${C}/edit`);
    const draft = await draftRow(3);
    const res = await admin.post(`/cycles/${cycleId}/rubrics`, { [`rubrics.${C}`]: draft.id });
    expect(res.status).toBe(422);
    expect(errorSummary(await res.text())).toEqual([
      'Pilih versi yang sudah terbit untuk Makanan & minuman.',
    ]);
    const config = await getCycleConfig(t.database.db, cycleId);
    expect(config.commodities.find((c) => c.commodity === C)!.rubricVersionRef).toBe((await draftRow(2)).id);
  });

  it('refuses to change a published version in use, naming the cycle; a new version works', async () => {
    const before = await draftRow(2);
    const put = await admin.api(`/api/v1/rubrics/${C}/versions/2`, {
      method: 'PUT',
      body: { content: before.content, weightRule: before.weightRule, version: before.version },
    });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toBe(
      'Versi 2 sudah diterbitkan dan dipakai oleh Periode Rubrik Uji sehingga tidak dapat diubah. Ubah rubrik untuk membuat versi baru.',
    );
    expect((await draftRow(2)).content).toEqual(before.content);
    // Nor from anywhere else: the database refuses it.
    await expect(
      t.database.db.execute(
        sql`update rubric_versions set weight_rule = '{"total": null}'::jsonb where id = ${before.id}`,
      ),
    ).rejects.toSatisfy((e: Error & { cause?: Error }) =>
      /published and cannot change/.test(`${e.message} ${e.cause?.message ?? ''}`),
    );
    // The draft (version 3) takes the change.
    const draft = await draftRow(3);
    const content = structuredClone(draft.content);
    content.title.en = 'Food rubric, third edition';
    const ok = await admin.api(`/api/v1/rubrics/${C}/versions/3`, {
      method: 'PUT',
      body: { content, weightRule: draft.weightRule, version: draft.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.content.title.en).toBe('Food rubric, third edition');
    expect(ok.body.violations).toEqual([]);
  });

  it('refuses (API) weights that break the rule, each message at its path', async () => {
    const draft = await draftRow(3);
    const content = structuredClone(draft.content);
    content.aspects[1]!.criteria[0]!.weight = 0;
    const res = await admin.api(`/api/v1/rubrics/${C}/versions/3`, {
      method: 'PUT',
      body: { content, weightRule: draft.weightRule, version: draft.version },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'aspects.1.criteria.0.weight', message: 'Bobot kriteria B1 harus lebih dari 0.' },
        { path: 'aspects', message: 'Jumlah semua bobot 97; aturan meminta 100.' },
      ]),
    );
    expect((await draftRow(3)).content.aspects[1]!.criteria[0]!.weight).toBe(3);
  });

  it('needs a reason to change the rubric of a cycle with submissions', async () => {
    const other = await newCycle('Periode Beku Uji');
    await t.database.db.transaction((tx) => freezeCycle(tx, actor, other.id));
    const v1 = await draftRow(1);
    const refused = await admin.post(`/cycles/${other.id}/rubrics`, { [`rubrics.${C}`]: v1.id });
    expect(refused.status).toBe(422);
    expect(errorSummary(await refused.text())).toEqual([
      'Periode ini sudah menerima usulan: tulis alasan perubahan rubriknya.',
    ]);
    const ok = await admin.post(`/cycles/${other.id}/rubrics`, {
      [`rubrics.${C}`]: v1.id,
      reason: 'Surat Direktur IKMA tentang rubrik 2026',
    });
    expect(ok.status).toBe(303);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cycle.rubrics_link'), eq(auditLog.objectId, other.id)));
    expect(audit!.reason).toBe('Surat Direktur IKMA tentang rubrik 2026');
  });

  it('discards a draft, keeping it on record', async () => {
    const draft = await draftRow(3);
    const res = await admin.post(`/rubrics/${C}/draft/discard`, { version: String(draft.version) });
    expect(res.status).toBe(303);
    expect((await draftRow(3)).status).toBe('discarded');
    expect((await admin.get(`/rubrics/${C}/draft`)).status).toBe(404);
  });
});

describe('score sheets against a version', () => {
  it('scores a sheet and refuses a level the rubric does not have', async () => {
    const v1 = await getVersion(t.database.db, actor, 'kain_tenun', 1);
    const levels = Object.fromEntries(
      defaultRubric('kain_tenun').aspects.flatMap((a) => a.criteria.map((c) => [c.code, 3])),
    );
    const full = await checkLevels(t.database.db, actor, v1.id, levels, { complete: true });
    expect(full.total).toBeCloseTo(100, 6);
    await expect(checkLevels(t.database.db, actor, v1.id, { ...levels, A1: 4 })).rejects.toBeInstanceOf(
      DomainError,
    );
    const res = await assessor.api('/api/v1/rubrics/kain_tenun/versions/1/check', {
      method: 'POST',
      body: { levels: { ...levels, A1: 4, ZZ9: 1 } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { path: 'levels.A1', message: 'Tingkat 4 tidak ada pada kriteria A1; pilih salah satu dari 1, 2, 3.' },
      { path: 'levels.ZZ9', message: 'Kriteria ZZ9 tidak ada dalam rubrik.' },
    ]);
    const partial = await assessor.api('/api/v1/rubrics/kain_tenun/versions/1/check', {
      method: 'POST',
      body: { levels: { A1: 2 } },
    });
    expect(partial.status).toBe(201);
    expect(partial.body.complete).toBe(false);
    expect(partial.body.total).toBeCloseTo(2, 6);
  });
});

describe('who may do what', () => {
  it('keeps drafts and the editor from assessors', async () => {
    await admin.post('/rubrics/gerabah/edit');
    expect((await assessor.get('/rubrics/gerabah/draft')).status).toBe(403);
    expect((await assessor.post('/rubrics/gerabah/edit')).status).toBe(403);
    expect((await assessor.get('/rubrics/gerabah/versions/2')).status).toBe(404);
    expect((await assessor.api('/api/v1/rubrics/gerabah/versions/2')).status).toBe(404);
    const list = await assessor.api('/api/v1/rubrics/gerabah/versions');
    expect(list.body.map((v: { number: number }) => v.number)).toEqual([1]);
    expect((await assessor.get(`/cycles/${cycleId}/rubrics`)).status).toBe(403);
    const ambon = await t.as('ambon@ovop.test');
    expect((await ambon.get('/rubrics')).status).toBe(403);
    expect((await ambon.api('/api/v1/rubrics')).status).toBe(403);
  });

  it('describes the rubric endpoints in the OpenAPI document', async () => {
    const doc = await admin.api('/api/v1/openapi.json');
    for (const path of [
      '/rubrics',
      '/rubrics/{commodity}/versions/{number}',
      '/rubrics/{commodity}/versions/{number}/publish',
      '/cycles/{id}/rubrics',
    ])
      expect(Object.keys(doc.body.paths)).toContain(path);
  });
});
