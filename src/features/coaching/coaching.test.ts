import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { addIkm, jpeg, programmeForm, programmeIdFrom } from '../../../tests/helpers/coaching.ts';
import { auditLog } from '../../db/schema/audit.ts';
import {
  coachingOutcomePhotos,
  coachingOutcomes,
  coachingParticipants,
  coachingProgrammes,
} from '../../db/schema/coaching.ts';
import { legalDocuments } from '../../db/schema/registry.ts';
import { systemActor } from '../../platform/actor.ts';
import { createStakeholder } from '../events/stakeholders.service.ts';
import type { IkmRow } from '../registry/ikm.service.ts';

let t: TestApp;
let admin: TestClient;
let ambon: TestClient;
let tanimbar: TestClient;
let keripik: IkmRow;
let sagu: IkmRow;
let tenun: IkmRow;
let partnerId: string;

const n = async (table: typeof coachingProgrammes | typeof coachingOutcomes | typeof legalDocuments) =>
  Number((await t.deps.db.select({ n: count() }).from(table))[0]!.n);
const participantsOf = async (programmeId: string) =>
  t.deps.db
    .select()
    .from(coachingParticipants)
    .where(and(eq(coachingParticipants.programmeId, programmeId), isNull(coachingParticipants.removedAt)));

beforeAll(async () => {
  t = await createTestApp();
  [admin, ambon, tanimbar] = await Promise.all([
    t.as('admin@ovop.test'),
    t.as('ambon@ovop.test'),
    t.as('tanimbar@ovop.test'),
  ]);
  keripik = await addIkm(t, { name: 'Keripik Sukun Hative', desa: 'Hative Kecil', nib: '9120007770001' });
  sagu = await addIkm(t, { name: 'Dapur Sagu Passo', desa: 'Passo' });
  tenun = await addIkm(t, { name: 'Tenun Ikat Kandar', kabkotaCode: '81.03', desa: 'Kandar' });
  partnerId = (
    await createStakeholder(
      t.deps.db,
      systemActor('test'),
      { name: 'Satgas Layanan Halal Maluku', type: 'kementerian_lembaga' },
      '81',
    )
  ).id;
});
afterAll(() => t.close());

async function newProgramme(client: TestClient, overrides: Record<string, string | string[]> = {}) {
  const res = await client.post('/coaching/programmes', programmeForm(overrides));
  expect(res.status, textOf(await res.clone().text()).slice(0, 400)).toBe(303);
  return programmeIdFrom(res);
}

describe('recording a programme', () => {
  it('records a programme with its partner and shows it in the list and on its page, audited', async () => {
    const id = await newProgramme(admin, { partnerIds: partnerId });
    const [row] = await t.deps.db.select().from(coachingProgrammes).where(eq(coachingProgrammes.id, id));
    expect(row).toMatchObject({
      kind: 'certification',
      certificationKind: 'halal',
      level: 'province',
      kabkotaCode: null,
      budgetRp: 150_000_000n,
      startDate: '2024-03-01',
      endDate: '2024-08-31',
    });
    const page = textOf(await (await admin.get(`/coaching/programmes/${id}`)).text());
    expect(page).toContain('Fasilitasi Sertifikasi Halal IKM Pangan');
    expect(page).toContain('Sertifikasi: Sertifikat halal');
    expect(page).toContain('Rp 150.000.000');
    expect(page).toContain('1 Mar 2024 – 31 Agu 2024');
    expect(page).toContain('Satgas Layanan Halal Maluku');
    expect(page).toContain('Selesai');
    const list = textOf(await (await admin.get('/coaching/programmes?kind=certification')).text());
    expect(list).toContain('Fasilitasi Sertifikasi Halal IKM Pangan');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audit.map((a) => a.action)).toEqual(['coaching_programme.create']);
  });

  it('refuses an end before the start, beside the field, keeping the input and saving nothing', async () => {
    const before = await n(coachingProgrammes);
    const res = await admin.post(
      '/coaching/programmes',
      programmeForm({ title: 'Program salah tanggal', startDate: '2024-08-31', endDate: '2024-03-01' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Tanggal selesai tidak boleh sebelum tanggal mulai.');
    expect(html).toContain('href="#f-endDate"');
    expect(html).toContain('value="Program salah tanggal"');
    expect(await n(coachingProgrammes)).toBe(before);
  });

  it('refuses a negative budget and a budget that is not a number, in both languages', async () => {
    const before = await n(coachingProgrammes);
    const negative = await admin.post('/coaching/programmes', programmeForm({ budgetRp: '-5.000.000' }));
    expect(negative.status).toBe(422);
    const html = await negative.text();
    expect(textOf(html)).toContain('Anggaran tidak boleh negatif.');
    expect(html).toContain('href="#f-budgetRp"');
    expect(html).toContain('value="-5.000.000"');
    const words = await admin.post('/coaching/programmes', programmeForm({ budgetRp: 'seratus juta' }));
    expect(words.status).toBe(422);
    expect(textOf(await words.text())).toContain('Anggaran harus berupa angka rupiah, contoh 150.000.000.');
    const english = await admin.post('/coaching/programmes?lang=en', programmeForm({ budgetRp: '12,5x' }));
    expect(textOf(await english.text())).toContain('The budget must be an amount in rupiah');
    const api = await admin.api('/api/v1/coaching/programmes', {
      method: 'POST',
      body: { ...programmeForm({ budgetRp: '' }), budgetRp: -1, partnerIds: [] },
    });
    expect(api.status).toBe(400);
    expect(api.body.error.fields).toEqual([{ path: 'budgetRp', message: 'Anggaran tidak boleh negatif.' }]);
    expect(await n(coachingProgrammes)).toBe(before);
  });

  it('asks which certificate a certification programme facilitates, and the level and kab/kota', async () => {
    const res = await admin.post(
      '/coaching/programmes',
      programmeForm({ certificationKind: '', level: 'kabkota', kabkotaCode: '' }),
    );
    expect(res.status).toBe(422);
    const page = textOf(await res.text());
    expect(page).toContain('Pilih sertifikat yang difasilitasi.');
    const res2 = await admin.post(
      '/coaching/programmes',
      programmeForm({ level: 'kabkota', kabkotaCode: '' }),
    );
    expect(textOf(await res2.text())).toContain(
      'Pilih kabupaten/kota pelaksana program tingkat kabupaten/kota.',
    );
  });

  it('refuses a stale edit and shows the saved version beside the input', async () => {
    const id = await newProgramme(admin, {
      title: 'Bimtek Kemasan',
      kind: 'packaging_branding',
      certificationKind: '',
    });
    const [row] = await t.deps.db.select().from(coachingProgrammes).where(eq(coachingProgrammes.id, id));
    const first = await admin.post(
      `/coaching/programmes/${id}`,
      programmeForm({
        title: 'Bimtek Kemasan dan Label',
        kind: 'packaging_branding',
        certificationKind: '',
        version: String(row!.version),
      }),
    );
    expect(first.status).toBe(303);
    const stale = await admin.post(
      `/coaching/programmes/${id}`,
      programmeForm({
        title: 'Bimtek Kemasan (lama)',
        kind: 'packaging_branding',
        certificationKind: '',
        version: String(row!.version),
      }),
    );
    expect(stale.status).toBe(409);
    const page = textOf(await stale.text());
    expect(page).toContain('Data ini sudah diubah orang lain');
    expect(page).toContain('Bimtek Kemasan dan Label');
  });
});

describe('a kab/kota officer', () => {
  let ambonProgramme: string;
  let provinceProgramme: string;

  beforeAll(async () => {
    ambonProgramme = await newProgramme(ambon, {
      title: 'Bantuan Peralatan IKM Kota Ambon',
      kind: 'equipment',
      certificationKind: '',
      fundingSource: 'apbd_kabkota',
      level: 'province',
    });
    provinceProgramme = await newProgramme(admin, {
      title: 'Pelatihan Mutu Produk Pangan',
      kind: 'training',
      certificationKind: '',
      endDate: '',
    });
  });

  it('records their own kab/kota’s programmes, whatever level the form claims', async () => {
    const [row] = await t.deps.db
      .select()
      .from(coachingProgrammes)
      .where(eq(coachingProgrammes.id, ambonProgramme));
    expect(row).toMatchObject({ level: 'kabkota', kabkotaCode: '81.71', fundingSource: 'apbd_kabkota' });
    const form = textOf(await (await ambon.get('/coaching/programmes/new')).text());
    expect(form).toContain('Program Anda dicatat sebagai program tingkat kabupaten/kota Kota Ambon.');
  });

  it('gets 404 for another kab/kota’s programme: page, edit, export, photos and API', async () => {
    for (const path of [
      `/coaching/programmes/${ambonProgramme}`,
      `/coaching/programmes/${ambonProgramme}/edit`,
      `/coaching/programmes/${ambonProgramme}/export.xlsx`,
      `/coaching/programmes/${ambonProgramme}/outcomes/new`,
    ]) {
      expect((await tanimbar.get(path)).status, path).toBe(404);
    }
    const post = await tanimbar.post(`/coaching/programmes/${ambonProgramme}/participants`, {
      ikmIds: tenun.id,
    });
    expect(post.status).toBe(404);
    const api = await tanimbar.api(`/api/v1/coaching/programmes/${ambonProgramme}`);
    expect(api.status).toBe(404);
    const list = textOf(await (await tanimbar.get('/coaching/programmes')).text());
    expect(list).not.toContain('Bantuan Peralatan IKM Kota Ambon');
    expect(list).toContain('Pelatihan Mutu Produk Pangan');
  });

  it('reads the province’s programmes but cannot change them', async () => {
    expect((await ambon.get(`/coaching/programmes/${provinceProgramme}`)).status).toBe(200);
    expect((await ambon.get(`/coaching/programmes/${provinceProgramme}/edit`)).status).toBe(404);
    expect((await ambon.post(`/coaching/programmes/${provinceProgramme}/archive`)).status).toBe(404);
  });

  it('enrols only their own IKMs, even in the province’s programme', async () => {
    const search = await (await ambon.get(`/coaching/programmes/${provinceProgramme}?q=tenun`)).text();
    expect(textOf(search)).toContain('Tidak ada IKM yang cocok.');
    const refused = await ambon.post(`/coaching/programmes/${provinceProgramme}/participants`, {
      ikmIds: [keripik.id, tenun.id],
    });
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain('IKM yang dipilih tidak ada atau di luar wilayah Anda.');
    expect(await participantsOf(provinceProgramme)).toHaveLength(0);
    const ok = await ambon.post(`/coaching/programmes/${provinceProgramme}/participants`, {
      ikmIds: keripik.id,
    });
    expect(ok.status).toBe(303);
    expect(await participantsOf(provinceProgramme)).toHaveLength(1);
  });
});

describe('participants and outcomes', () => {
  let programmeId: string;

  beforeAll(async () => {
    programmeId = await newProgramme(admin, { title: 'Fasilitasi P-IRT dan Halal 2024', endDate: '' });
  });

  it('finds IKMs by name and adds the chosen ones; one already taking part is counted, not added', async () => {
    const page = await (await admin.get(`/coaching/programmes/${programmeId}?q=sagu`)).text();
    expect(textOf(page)).toContain('Dapur Sagu Passo');
    expect(page).toContain(`value="${sagu.id}"`);
    const res = await admin.post(`/coaching/programmes/${programmeId}/participants`, {
      ikmIds: [sagu.id, keripik.id],
    });
    expect(res.status).toBe(303);
    const again = await admin.post(`/coaching/programmes/${programmeId}/participants`, { ikmIds: sagu.id });
    expect(again.status).toBe(303);
    const flash = textOf(await (await admin.get(`/coaching/programmes/${programmeId}`)).text());
    expect(flash).toContain('0 IKM ditambahkan; 1 sudah menjadi peserta.');
    expect(await participantsOf(programmeId)).toHaveLength(2);
    const none = await admin.post(`/coaching/programmes/${programmeId}/participants`, {});
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain('Pilih paling sedikit satu IKM.');
  });

  it('refuses an outcome for an IKM that is not a participant, naming it, and writes nothing', async () => {
    const [outcomesBefore, docsBefore] = [await n(coachingOutcomes), await n(legalDocuments)];
    const res = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
      ikmId: tenun.id,
      kind: 'certificate_obtained',
      documentKind: 'halal',
      evidenceNumber: 'ID81110000123450924',
      achievedOn: '2024-06-10',
      recordDocument: 'on',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain(
      'Tenun Ikat Kandar bukan peserta program "Fasilitasi P-IRT dan Halal 2024". Tambahkan sebagai peserta dulu',
    );
    expect(html).toContain('href="#f-ikmId"');
    expect(await n(coachingOutcomes)).toBe(outcomesBefore);
    expect(await n(legalDocuments)).toBe(docsBefore);
    const api = await admin.api(`/api/v1/coaching/programmes/${programmeId}/outcomes?lang=en`, {
      method: 'POST',
      body: { ikmId: tenun.id, kind: 'training_completed', achievedOn: '2024-06-10' },
    });
    expect(api.status).toBe(422);
    expect(api.body.error.code).toBe('rule_violation');
    expect(api.body.error.fields[0].path).toBe('ikmId');
    expect(api.body.error.message).toContain('is not a participant of the programme');
    expect(await n(coachingOutcomes)).toBe(outcomesBefore);
  });

  it('records a certificate obtained and, on request, the IKM’s legal document in the same step', async () => {
    const res = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
      ikmId: sagu.id,
      kind: 'certificate_obtained',
      documentKind: 'pirt',
      evidenceNumber: '2-06-8171-01-0012-29',
      achievedOn: '2024-06-10',
      description: 'SPP-IRT terbit setelah pendampingan',
      recordDocument: 'on',
      documentIssuer: 'DPMPTSP Kota Ambon',
      documentExpiryDate: '2029-06-10',
    });
    expect(res.status, textOf(await res.clone().text()).slice(0, 300)).toBe(303);
    const [outcome] = await t.deps.db
      .select()
      .from(coachingOutcomes)
      .where(eq(coachingOutcomes.ikmId, sagu.id));
    expect(outcome).toMatchObject({
      kind: 'certificate_obtained',
      documentKind: 'pirt',
      evidenceNumber: '206817101001229',
    });
    const [doc] = await t.deps.db
      .select()
      .from(legalDocuments)
      .where(eq(legalDocuments.id, outcome!.legalDocumentId!));
    expect(doc).toMatchObject({
      ikmId: sagu.id,
      kind: 'pirt',
      number: '206817101001229',
      issueDate: '2024-06-10',
      expiryDate: '2029-06-10',
      issuer: 'DPMPTSP Kota Ambon',
    });
    const page = textOf(await (await admin.get(`/coaching/programmes/${programmeId}`)).text());
    expect(page).toContain('Sertifikat diperoleh: P-IRT · 206817101001229 · 10 Jun 2024');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, outcome!.id));
    expect(audit.map((a) => a.action)).toEqual(['coaching_outcome.create']);
  });

  it('refuses a certificate whose number breaks the registry’s rule, and writes neither outcome nor document', async () => {
    const [outcomesBefore, docsBefore] = [await n(coachingOutcomes), await n(legalDocuments)];
    const res = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
      ikmId: keripik.id,
      kind: 'certificate_obtained',
      documentKind: 'pirt',
      evidenceNumber: '12345',
      achievedOn: '2024-06-10',
      recordDocument: 'on',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#f-evidenceNumber"');
    expect(textOf(html)).toContain('P-IRT');
    expect(await n(coachingOutcomes)).toBe(outcomesBefore);
    expect(await n(legalDocuments)).toBe(docsBefore);
    const missing = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
      ikmId: keripik.id,
      kind: 'certificate_obtained',
      achievedOn: '2024-06-10',
    });
    const text = textOf(await missing.text());
    expect(text).toContain('Pilih jenis sertifikat yang diperoleh.');
    expect(text).toContain('Isi nomor sertifikat yang diperoleh.');
  });

  it('records new packaging with photos, served as light thumbnails; a non-photo is refused whole', async () => {
    const photosBefore = Number((await t.deps.db.select({ n: count() }).from(coachingOutcomePhotos))[0]!.n);
    const bad = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
      ikmId: keripik.id,
      kind: 'new_packaging',
      achievedOn: '2024-07-01',
      photos: new File([new TextEncoder().encode('bukan foto')], 'kemasan.txt'),
    });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Berkas kemasan.txt bukan foto JPEG, PNG atau WebP');
    const res = await admin.post(`/coaching/programmes/${programmeId}/outcomes`, {
      ikmId: keripik.id,
      kind: 'new_packaging',
      achievedOn: '2024-07-01',
      description: 'Standing pouch dengan label baru',
      photos: new File([await jpeg('#c62828')], 'kemasan-depan.jpg', { type: 'image/jpeg' }),
    });
    expect(res.status).toBe(303);
    const photos = await t.deps.db.select().from(coachingOutcomePhotos);
    expect(photos.length).toBe(photosBefore + 1);
    const thumb = await admin.get(`/coaching/photos/${photos.at(-1)!.id}/thumb`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await thumb.arrayBuffer()).byteLength).toBeLessThanOrEqual(30 * 1024);
    expect((await tanimbar.get(`/coaching/photos/${photos.at(-1)!.id}/thumb`)).status).toBe(200);
    const page = await (await admin.get(`/coaching/programmes/${programmeId}`)).text();
    expect(page).toContain(`/coaching/photos/${photos.at(-1)!.id}/thumb`);
    expect(textOf(page)).toContain('Kemasan baru');
  });

  it('will not remove a participant with outcomes, but removes one added by mistake', async () => {
    const [p] = await t.deps.db
      .select()
      .from(coachingParticipants)
      .where(and(eq(coachingParticipants.programmeId, programmeId), eq(coachingParticipants.ikmId, sagu.id)));
    const refused = await admin.post(`/coaching/programmes/${programmeId}/participants/${p!.id}/remove`);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Dapur Sagu Passo sudah memiliki capaian di program ini');
    const extra = await addIkm(t, { name: 'Salah Daftar', desa: 'Latuhalat' });
    await admin.post(`/coaching/programmes/${programmeId}/participants`, { ikmIds: extra.id });
    const [q] = await t.deps.db
      .select()
      .from(coachingParticipants)
      .where(
        and(eq(coachingParticipants.programmeId, programmeId), eq(coachingParticipants.ikmId, extra.id)),
      );
    const removed = await admin.post(`/coaching/programmes/${programmeId}/participants/${q!.id}/remove`);
    expect(removed.status).toBe(303);
    expect((await participantsOf(programmeId)).map((x) => x.ikmId)).not.toContain(extra.id);
  });

  it('exports the participants and outcomes as a workbook', async () => {
    const res = await admin.get(`/coaching/programmes/${programmeId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      'pembinaan-fasilitasi-p-irt-dan-halal-2024.xlsx',
    );
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Program', 'Peserta', 'Capaian']);
    const participants = wb.getWorksheet('Peserta')!;
    const names = participants.getColumn(2).values.slice(2).map(String).sort();
    expect(names).toEqual(['Dapur Sagu Passo', 'Keripik Sukun Hative']);
    const outcomes = wb.getWorksheet('Capaian')!;
    const row = outcomes.getRow(2).values as unknown[];
    expect(row).toContain('Sertifikat diperoleh');
    expect(row).toContain('206817101001229');
    expect(row).toContain('Ya');
    const list = await admin.get('/coaching/programmes/export.xlsx?kind=certification');
    expect(list.status).toBe(200);
  });

  it('answers the programme with its participants and outcomes in the API', async () => {
    const res = await admin.api(`/api/v1/coaching/programmes/${programmeId}`);
    expect(res.status).toBe(200);
    expect(res.body.budgetRp).toBe('150000000');
    const sagus = res.body.participants.find((p: { ikmId: string }) => p.ikmId === sagu.id);
    expect(sagus.outcomes[0]).toMatchObject({
      kind: 'certificate_obtained',
      evidenceNumber: '206817101001229',
    });
    const list = await admin.api('/api/v1/coaching/programmes?q=P-IRT');
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([programmeId]);
    expect(list.body.items[0].participantCount).toBe(2);
  });

  it('shows the programme on the IKM’s profile, with the link to its timeline', async () => {
    const page = textOf(await (await admin.get(`/registry/ikm/${sagu.id}`)).text());
    expect(page).toContain('Pembinaan');
    expect(page).toContain('Fasilitasi P-IRT dan Halal 2024');
    expect(page).toContain('Lihat linimasa IKM');
  });
});

describe('in English', () => {
  it('speaks English on every coaching page', async () => {
    const [p] = await t.deps.db
      .select()
      .from(coachingProgrammes)
      .where(isNull(coachingProgrammes.kabkotaCode))
      .limit(1);
    const pages: [string, string][] = [
      ['/coaching/programmes?lang=en', 'Coaching programmes'],
      ['/coaching/programmes/new?lang=en', 'Kind of coaching'],
      [`/coaching/programmes/${p!.id}?lang=en`, 'Programme details'],
      [`/coaching/programmes/${p!.id}/edit?lang=en`, 'Funding source'],
      [`/coaching/programmes/${p!.id}/outcomes/new?lang=en`, 'Kind of outcome'],
      ['/coaching/recommendations?lang=en', 'Coaching recommendations'],
      [`/coaching/recommendations/new?ikm=${keripik.id}&lang=en`, 'Coaching need'],
      [`/registry/ikm/${keripik.id}/timeline?lang=en`, 'Timeline of Keripik Sukun Hative'],
    ];
    for (const [path, expected] of pages) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(200);
      const page = textOf(await res.text());
      expect(page, path).toContain(expected);
      expect(page, path).not.toContain('Program pembinaan');
    }
  });
});
