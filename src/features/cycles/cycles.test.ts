import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { cycleChecklistItems, cycles } from '../../db/schema/cycles.ts';
import { systemActor } from '../../platform/actor.ts';
import { COMMODITIES } from '../../platform/domain.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { newCycleValues } from './cycles.defaults.ts';
import {
  checklistFor,
  cyclesOpenForProposals,
  freezeCycle,
  getCycleConfig,
  isCycleFrozen,
  proposalWindowFor,
  quotaFor,
} from './cycles.service.ts';

let t: TestApp;
let admin: TestClient;
let kabkota: string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@ovop.test');
  kabkota = (await listKabkota(t.database.db, '81')).map((r) => r.code);
});
afterAll(() => t.close());

/** A complete, valid configuration form as the new-cycle page fills it, plus phases. */
function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const values = newCycleValues() as Record<string, string | string[]>;
  // The hidden fields the page carries with each row.
  kabkota.forEach((code, i) => {
    values[`quotas.${i}.kabkotaCode`] = code;
  });
  for (let i = 0; i < 5; i++) values[`bands.${i}.stars`] = String(i + 1);
  COMMODITIES.forEach((c, i) => {
    values[`commodities.${i}.commodity`] = c;
  });
  return {
    ...values,
    name: 'Pra-seleksi Uji 2026',
    year: '2026',
    'phases.proposal.start': '2026-06-01T08:00',
    'phases.proposal.end': '2026-06-30T23:59',
    'phases.admin_selection.start': '2026-07-01T08:00',
    'phases.admin_selection.end': '2026-07-31T23:59',
    ...over,
  };
}

/** Every named input's value of the first form with a checklist (what a browser would post). */
function formValues(html: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const prev = out[name];
    if (prev === undefined) out[name] = value;
    else out[name] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    const value = (/value="([^"]*)"/.exec(attrs)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(attrs)) continue;
    if (
      type === 'checkbox' && name.endsWith('Kinds')
        ? true
        : type === 'checkbox' && name.endsWith('satisfiedBy')
    ) {
      const prev = out[name];
      out[name] = prev === undefined ? [value] : Array.isArray(prev) ? [...prev, value] : [prev, value];
      continue;
    }
    add(name, value);
  }
  return out;
}

const cycleCount = async () => (await t.database.db.select({ n: count() }).from(cycles))[0]!.n;

async function createViaForm(over: Record<string, string | string[]> = {}): Promise<string> {
  const res = await admin.post('/cycles', form(over));
  expect(res.status, textOf(await res.clone().text()).slice(0, 400)).toBe(303);
  return res.headers.get('location')!.split('/').pop()!;
}

describe('configuring a cycle', () => {
  it('creates a cycle with bands, phases in WIT, checklists and quotas, and shows it', async () => {
    const id = await createViaForm({ 'quotas.0.quota': '4' });
    const page = textOf(await (await admin.get(`/cycles/${id}`)).text());
    expect(page).toContain('Pra-seleksi Uji 2026');
    expect(page).toContain('1 Jun 2026 08.00 WIT');
    expect(page).toContain('30 Jun 2026 23.59 WIT');
    expect(page).toContain('Izin edar pangan (PIRT atau BPOM MD)');
    expect(page).toContain('Rubrik: belum ditetapkan');
    expect(page).toContain('Konfigurasi awal');
    const config = await getCycleConfig(t.database.db, id);
    expect(config.bands).toEqual([
      { stars: 1, min: 50, max: 65 },
      { stars: 2, min: 65, max: 80 },
      { stars: 3, min: 80, max: 100 },
    ]);
    expect(config.phases.find((p) => p.phase === 'proposal')!.endsAt.toISOString()).toBe(
      '2026-06-30T14:59:00.000Z',
    );
    const food = config.checklist.filter((i) => i.commodity === 'makanan_minuman');
    expect(food.map((i) => i.code)).toEqual([
      'surat_usulan',
      'nib',
      'sk_sentra',
      'izin_edar',
      'sertifikat_halal',
      'uji_lab',
      'profil_ikm',
      'foto_produk',
      'merek',
    ]);
    const halal = food.find((i) => i.code === 'sertifikat_halal')!;
    expect(halal).toMatchObject({
      required: true,
      validOnDeadline: true,
      satisfiedBy: ['halal'],
      fileKinds: ['pdf', 'jpeg', 'png'],
    });
    expect(config.quotas).toEqual([{ kabkotaCode: kabkota[0], quota: 4 }]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'cycle.create')));
    expect(audit).toHaveLength(1);
  });

  it('refuses overlapping bands, naming both, and saves nothing', async () => {
    const before = await cycleCount();
    const res = await admin.post('/cycles', form({ 'bands.0.max': '70' }));
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain(
      'Rentang bintang 2 (65–80) tumpang tindih dengan bintang 1 (50–70): bintang 2 harus mulai tepat di 70.',
    );
    // The input is kept.
    expect(await admin.get('/cycles').then((r) => r.status)).toBe(200);
    expect(await cycleCount()).toBe(before);
  });

  it('refuses bands that leave a gap', async () => {
    const before = await cycleCount();
    const res = await admin.post('/cycles', form({ 'bands.1.min': '66' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Ada celah antara bintang 1 (sampai 65) dan bintang 2 (mulai 66)');
    expect(html).toContain('href="#f-bands-1-min"');
    expect(html).toMatch(/name="bands\.1\.min"[^>]*value="66"/);
    expect(await cycleCount()).toBe(before);
  });

  it('refuses a phase that ends before it starts', async () => {
    const before = await cycleCount();
    const res = await admin.post('/cycles', form({ 'phases.admin_selection.end': '2026-06-30T08:00' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Waktu selesai harus setelah waktu mulai.');
    expect(html).toContain('href="#f-phases-admin_selection-end"');
    expect(await cycleCount()).toBe(before);
  });

  it('refuses a quota below zero and one that is not a number', async () => {
    const before = await cycleCount();
    const res = await admin.post('/cycles', form({ 'quotas.1.quota': '-1', 'quotas.2.quota': 'lima' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain(
      'Kuota berupa bilangan bulat 0 atau lebih, atau kosong bila tidak dibatasi.',
    );
    expect(textOf(html)).toContain('Harus berupa angka.');
    expect(html).toContain('href="#f-quotas-1-quota"');
    expect(html).toContain('href="#f-quotas-2-quota"');
    expect(await cycleCount()).toBe(before);
  });

  it('edits one commodity’s requirements on their own page, keeping ids and adding rows without JavaScript', async () => {
    const id = await createViaForm({ name: 'Persyaratan' });
    const before = await getCycleConfig(t.database.db, id);
    const page = await admin.get(`/cycles/${id}/checklist/gerabah`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const rows = (html.match(/name="checklist\.\d+\.code"/g) ?? []).length;
    const values = formValues(html);
    // "Add rows" re-renders with three more blank rows and the input kept; nothing is saved.
    const more = await admin.post(`/cycles/${id}/checklist/gerabah`, {
      ...values,
      'checklist.0.labelId': 'Diketik',
      addRows: 'gerabah',
    });
    expect(more.status).toBe(200);
    const moreHtml = await more.text();
    expect((moreHtml.match(/name="checklist\.\d+\.code"/g) ?? []).length).toBe(rows + 3);
    expect(moreHtml).toContain('value="Diketik"');
    expect((await getCycleConfig(t.database.db, id)).cycle.version).toBe(before.cycle.version);
    // Fill a blank row and save.
    const blank = rows - 2;
    const saved = await admin.post(`/cycles/${id}/checklist/gerabah`, {
      ...values,
      [`checklist.${blank}.labelId`]: 'Sertifikat uji bahan tanah liat',
      [`checklist.${blank}.labelEn`]: 'Clay material test certificate',
      [`checklist.${blank}.required`]: 'on',
      [`checklist.${blank}.fileKinds`]: ['pdf'],
      [`checklist.${blank}.satisfiedBy`]: ['lab_test'],
    });
    expect(saved.status).toBe(303);
    const after = await getCycleConfig(t.database.db, id);
    const gerabah = after.checklist.filter((i) => i.commodity === 'gerabah');
    expect(gerabah.at(-1)).toMatchObject({
      code: 'sertifikat_uji_bahan_tanah_liat',
      required: true,
      fileKinds: ['pdf'],
      satisfiedBy: ['lab_test'],
    });
    const oldIds = before.checklist.map((i) => i.id).sort();
    expect(after.checklist.filter((i) => oldIds.includes(i.id))).toHaveLength(oldIds.length);
  });

  it('refuses a requirement without a file kind and a duplicate code, saving nothing', async () => {
    const id = await createViaForm({ name: 'Persyaratan salah' });
    const html = await (await admin.get(`/cycles/${id}/checklist/makanan_minuman`)).text();
    const values = formValues(html);
    const lab = Object.keys(values)
      .find((k) => values[k] === 'uji_lab')!
      .split('.')[1];
    values[`checklist.${lab}.fileKinds`] = [];
    values['checklist.1.code'] = 'surat_usulan';
    const res = await admin.post(`/cycles/${id}/checklist/makanan_minuman`, values);
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toContain('Pilih paling sedikit satu jenis berkas.');
    expect(text).toContain('Kode "surat_usulan" sudah dipakai persyaratan lain pada komoditas ini.');
    const config = await getCycleConfig(t.database.db, id);
    expect(config.checklist.find((i) => i.code === 'uji_lab')!.fileKinds).toEqual(['pdf', 'jpeg', 'png']);
    expect((await admin.get(`/cycles/${id}/checklist/lainnya`)).status).toBe(404);
  });

  it('gives a newly ticked commodity the starting requirements and drops an unticked one’s', async () => {
    const id = await createViaForm({ name: 'Komoditas berubah' });
    const html = await (await admin.get(`/cycles/${id}/edit`)).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const values = form({ name: 'Komoditas berubah', version, 'commodities.5.included': 'on' });
    delete values['commodities.4.included'];
    expect((await admin.post(`/cycles/${id}`, values)).status).toBe(303);
    const config = await getCycleConfig(t.database.db, id);
    expect(config.commodities.map((c) => c.commodity)).toEqual([
      'makanan_minuman',
      'kain_tenun',
      'kain_batik',
      'anyaman',
      'lainnya',
    ]);
    expect(config.checklist.some((i) => i.commodity === 'gerabah')).toBe(false);
    expect(config.checklist.filter((i) => i.commodity === 'lainnya').map((i) => i.code)).toContain('nib');
  });

  it('edits in place before any nomination, keeping the checklist items’ ids', async () => {
    const id = await createViaForm({ name: 'Diubah di tempat' });
    const before = await getCycleConfig(t.database.db, id);
    const edit = await admin.get(`/cycles/${id}/edit`);
    expect(edit.status).toBe(200);
    const html = await edit.text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const values = form({ name: 'Diubah di tempat', version, 'bands.0.min': '40' });
    const res = await admin.post(`/cycles/${id}`, values);
    expect(res.status).toBe(303);
    const after = await getCycleConfig(t.database.db, id);
    expect(after.cycle.configVersion).toBe(1);
    expect(after.bands[0]).toEqual({ stars: 1, min: 40, max: 65 });
    expect(after.checklist.map((i) => i.id).sort()).toEqual(before.checklist.map((i) => i.id).sort());
    // A second save with the old version is refused, and shows the saved version.
    const stale = await admin.post(`/cycles/${id}`, { ...values, 'bands.0.min': '45' });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('Data ini sudah diubah orang lain sejak Anda membukanya');
    expect((await getCycleConfig(t.database.db, id)).bands[0]!.min).toBe(40);
  });
});

describe('a frozen cycle', () => {
  it('refuses an edit in place; a new version with a reason works and shows in the history', async () => {
    const id = await createViaForm({ name: 'Dibekukan' });
    expect(await isCycleFrozen(t.database.db, id)).toBe(false);
    await t.database.db.transaction((tx) =>
      freezeCycle(tx, systemActor(), id, fromLocalInput('2026-06-05T10:00')),
    );
    expect(await isCycleFrozen(t.database.db, id)).toBe(true);
    const html = await (await admin.get(`/cycles/${id}/edit`)).text();
    expect(textOf(html)).toContain('Konfigurasi dibekukan');
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;

    const refused = await admin.post(
      `/cycles/${id}`,
      form({ name: 'Dibekukan', version, 'bands.0.min': '55' }),
    );
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain(
      'Konfigurasi periode ini sudah dibekukan karena ada usulan yang diajukan: perubahan membuat versi baru dan perlu alasan.',
    );
    expect((await getCycleConfig(t.database.db, id)).bands[0]!.min).toBe(50);

    const ok = await admin.post(
      `/cycles/${id}`,
      form({
        name: 'Dibekukan',
        version,
        'bands.0.min': '55',
        reason: 'Surat Ditjen IKMA: bintang 1 mulai 55',
      }),
    );
    expect(ok.status).toBe(303);
    const config = await getCycleConfig(t.database.db, id);
    expect(config.cycle.configVersion).toBe(2);
    expect(config.bands[0]!.min).toBe(55);
    const view = textOf(await (await admin.get(`/cycles/${id}`)).text());
    expect(view).toContain('Surat Ditjen IKMA: bintang 1 mulai 55');
    expect(view).toContain('Konfigurasi awal');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'cycle.config_version')));
    expect(audit!.reason).toBe('Surat Ditjen IKMA: bintang 1 mulai 55');
    expect((audit!.before as { bands: { min: number }[] }).bands[0]!.min).toBe(50);
  });

  it('extends one kab/kota’s deadline with a reason, even when frozen, and audits it', async () => {
    const id = await createViaForm({ name: 'Perpanjangan' });
    await t.database.db.transaction((tx) => freezeCycle(tx, systemActor(), id));
    const early = await admin.post(`/cycles/${id}/extensions`, {
      kabkotaCode: '81.03',
      endsAt: '2026-06-29T23:59',
      reason: 'x',
    });
    expect(early.status).toBe(422);
    expect(textOf(await early.text())).toContain(
      'Batas baru harus setelah akhir masa pengajuan (30 Jun 2026 23.59 WIT).',
    );
    const res = await admin.post(`/cycles/${id}/extensions`, {
      kabkotaCode: '81.03',
      endsAt: '07/07/2026 23.59',
      reason: 'Jaringan internet terputus di Saumlaki',
    });
    expect(res.status).toBe(303);
    const window = await proposalWindowFor(t.database.db, id, '81.03');
    expect(window!.extensionEndsAt!.toISOString()).toBe('2026-07-07T14:59:00.000Z');
    expect((await proposalWindowFor(t.database.db, id, '81.71'))!.extensionEndsAt).toBeNull();
    const view = textOf(await (await admin.get(`/cycles/${id}`)).text());
    expect(view).toContain('Jaringan internet terputus di Saumlaki');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'cycle.extension')));
    expect(audit[0]!.reason).toBe('Jaringan internet terputus di Saumlaki');
    expect(audit[0]!.regionCode).toBe('81.03');
  });
});

describe('what the nominations code reads', () => {
  it('finds the cycles open for proposals now, an extension included, with their checklist and quotas', async () => {
    const local = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
    const now = Date.now();
    const open = await createViaForm({
      name: 'Terbuka sekarang',
      'phases.proposal.start': local(new Date(now - 86_400_000)),
      'phases.proposal.end': local(new Date(now + 86_400_000)),
      'phases.admin_selection.start': local(new Date(now + 2 * 86_400_000)),
      'phases.admin_selection.end': local(new Date(now + 3 * 86_400_000)),
      'quotas.0.quota': '2',
    });
    const closed = await createViaForm({
      name: 'Sudah tutup',
      'phases.proposal.start': local(new Date(now - 3 * 86_400_000)),
      'phases.proposal.end': local(new Date(now - 2 * 86_400_000)),
    });
    const ids = () => cyclesOpenForProposals(t.database.db).then((rows) => rows.map((r) => r.id));
    expect(await ids()).toContain(open);
    expect(await ids()).not.toContain(closed);
    await admin.post(`/cycles/${closed}/extensions`, {
      kabkotaCode: '81.71',
      endsAt: local(new Date(now + 86_400_000)),
      reason: 'Banjir di kantor dinas',
    });
    expect(await ids()).toContain(closed);
    expect(await quotaFor(t.database.db, open, kabkota[0]!)).toBe(2);
    expect(await quotaFor(t.database.db, open, kabkota[1]!)).toBeNull();
    const items = await checklistFor(t.database.db, open, 'kain_tenun');
    expect(items.map((i) => i.code)).toEqual([
      'surat_usulan',
      'nib',
      'sk_sentra',
      'profil_ikm',
      'foto_produk',
      'merek',
    ]);
  });
});

describe('who sees what', () => {
  it('lets an officer read cycles but not configure them', async () => {
    const id = await createViaForm({ name: 'Dibaca petugas' });
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get('/cycles')).status).toBe(200);
    const view = await officer.get(`/cycles/${id}`);
    expect(view.status).toBe(200);
    expect(textOf(await view.text())).not.toContain('Ubah konfigurasi');
    expect((await officer.get('/cycles/new')).status).toBe(403);
    expect((await officer.get(`/cycles/${id}/edit`)).status).toBe(403);
    expect((await officer.post('/cycles', form())).status).toBe(403);
    const api = await officer.api(`/api/v1/cycles/${id}`);
    expect(api.status).toBe(200);
    expect(api.body.checklist.length).toBeGreaterThan(5);
    expect((await officer.api('/api/v1/cycles', { method: 'POST', body: {} })).status).toBe(403);
  });

  it('shows the pages in English', async () => {
    const id = await createViaForm({ name: 'English view' });
    const page = textOf(await (await admin.get(`/cycles/${id}?lang=en`)).text());
    expect(page).toContain('Score band of each star');
    expect(page).toContain('Proposal window');
    expect(page).toContain('Food-safety laboratory test results');
    expect(page).toContain('Rubric: not set yet');
  });

  it('answers 404 for an unknown or malformed cycle id', async () => {
    expect((await admin.get('/cycles/0190f0f0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/cycles/not-a-uuid')).status).toBe(404);
  });
});

describe('the cycles API', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    name: 'Lewat API',
    year: 2027,
    kind: 'national_award',
    starScale: 5,
    bands: [
      { stars: 1, min: 40, max: 55 },
      { stars: 2, min: 55, max: 65 },
      { stars: 3, min: 65, max: 75 },
      { stars: 4, min: 75, max: 85 },
      { stars: 5, min: 85, max: 100 },
    ],
    phases: { proposal: { start: '2027-03-01T08:00', end: '2027-03-31T23:59' } },
    commodities: [{ commodity: 'kain_tenun' }],
    checklist: [
      {
        commodity: 'kain_tenun',
        code: 'nib',
        labelId: 'NIB',
        labelEn: 'NIB',
        required: true,
        fileKinds: ['pdf'],
        validOnDeadline: false,
        satisfiedBy: ['nib'],
      },
    ],
    quotas: [{ kabkotaCode: '81.71', quota: 2 }],
    ...over,
  });

  it('creates, reads, and refuses a frozen in-place change', async () => {
    const created = await admin.api('/api/v1/cycles', { method: 'POST', body: body() });
    expect(created.status).toBe(201);
    expect(created.body.phases[0]).toEqual({
      phase: 'proposal',
      startsAt: '2027-02-28T23:00:00.000Z',
      endsAt: '2027-03-31T14:59:00.000Z',
    });
    const id = created.body.id as string;
    await t.database.db.transaction((tx) => freezeCycle(tx, systemActor(), id));
    const put = await admin.api(`/api/v1/cycles/${id}`, {
      method: 'PUT',
      body: { ...body({ name: 'Baru' }), version: created.body.version },
    });
    expect(put.status).toBe(409);
    expect(put.body.error.fields[0].path).toBe('reason');
    const ok = await admin.api(`/api/v1/cycles/${id}`, {
      method: 'PUT',
      body: { ...body({ name: 'Baru', reason: 'Ganti nama' }), version: created.body.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Baru', configVersion: 2, frozen: true });
  });

  it('refuses overlapping bands with the field path', async () => {
    const bad = body();
    (bad.bands as { min: number }[])[3]!.min = 70;
    const res = await admin.api('/api/v1/cycles', { method: 'POST', body: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      {
        path: 'bands.3.min',
        message:
          'Rentang bintang 4 (70–85) tumpang tindih dengan bintang 3 (65–75): bintang 4 harus mulai tepat di 75.',
      },
    ]);
  });

  it('refuses a quota for a region outside the province', async () => {
    const res = await admin.api('/api/v1/cycles', {
      method: 'POST',
      body: body({ quotas: [{ kabkotaCode: '82.01', quota: 1 }] }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].path).toBe('quotas.0.quota');
  });

  it('lists cycles for any signed-in role', async () => {
    const assessor = await t.as('penilai1@ovop.test');
    const res = await assessor.api('/api/v1/cycles');
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
  });

  it('keeps the checklist rows in the table as saved', async () => {
    const rows = await t.database.db.select({ n: count() }).from(cycleChecklistItems);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
