import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { ikm, legalDocuments, sentra } from '../../db/schema/registry.ts';
import { localDate } from '../../platform/format.ts';
import { addDays } from './identifiers.ts';

let t: TestApp;
let ambon: TestClient;
let tanimbar: TestClient;
let admin: TestClient;
let sentraId: string;

const baseIkm = (over: Record<string, string> = {}) => ({
  name: 'UD Mutiara Timur',
  ownerName: 'Maria Latuheru',
  nib: '9120001234567',
  kbli: '32112',
  phone: '0812-3456-7890',
  email: '',
  address: 'Jl. Sultan Hairun 5',
  kabkotaCode: '81.71',
  kecamatanCode: '81.71.02',
  desa: 'Batu Merah',
  sentraId: '',
  workforceMen: '3',
  workforceWomen: '5',
  investment: 'Rp 150.000.000',
  capacityQty: '200',
  capacityUnit: 'pcs',
  capacityPeriod: 'month',
  ownerEmail: '',
  notes: '',
  ...over,
});

const idFrom = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('#')[0]!;
const ikmCount = async () =>
  Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(ikm))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  [ambon, tanimbar, admin] = await Promise.all([
    t.as('ambon@ovop.test'),
    t.as('tanimbar@ovop.test'),
    t.as('admin@ovop.test'),
  ]);
  const res = await ambon.post('/registry/sentra', {
    name: 'Sentra Kerajinan Kulit Mutiara Batu Merah',
    kabkotaCode: '81.71',
    kecamatanCode: '81.71.02',
    desa: 'Batu Merah',
    commodity: 'lainnya',
    productFocus: 'kulit mutiara',
    decreeNumber: '518/225/SK/2022',
    decreeDate: '5 Desember 2022',
    unitCount: '12',
  });
  expect(res.status).toBe(303);
  sentraId = idFrom(res);
});
afterAll(() => t.close());

describe('recording sentra and IKM', () => {
  it('records a sentra with its decree and shows it', async () => {
    const page = textOf(await (await ambon.get(`/registry/sentra/${sentraId}`)).text());
    expect(page).toContain('518/225/SK/2022, 5 Des 2022');
    expect(page).toContain('Ber-SK');
    const [row] = await t.database.db.select().from(sentra).where(eq(sentra.id, sentraId));
    expect(row!.decreeDate).toBe('2022-12-05');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, sentraId));
    expect(audit.map((a) => a.action)).toContain('sentra.create');
  });

  it('records an IKM, normalising NIB, phone and rupiah, and derives its size class', async () => {
    const res = await ambon.post('/registry/ikm', baseIkm({ nib: '9120 0012 3456 7', sentraId }));
    expect(res.status).toBe(303);
    const id = idFrom(res);
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.id, id));
    expect(row).toMatchObject({
      nib: '9120001234567',
      phone: '+6281234567890',
      investment: 150_000_000,
      workforceTotal: 8,
      sizeClass: 'kecil',
      kabkotaCode: '81.71',
      provinceCode: '81',
      sentraId,
    });
    const page = textOf(await (await ambon.get(`/registry/ikm/${id}`)).text());
    expect(page).toContain('UD Mutiara Timur');
    expect(page).toContain('+62 812-3456-7890');
    expect(page).toContain('8 orang (3 laki-laki, 5 perempuan)');
    expect(page).toContain('Industri kecil');
  });

  it('shows unknown workforce as unknown and never calls an IKM without documents complete', async () => {
    const res = await ambon.post(
      '/registry/ikm',
      baseIkm({ name: 'UD Tanpa Angka', nib: '9120009990001', workforceMen: '', workforceWomen: '' }),
    );
    expect(res.status).toBe(303);
    const html = await (await ambon.get(`/registry/ikm/${idFrom(res)}`)).text();
    const page = textOf(html);
    expect(page).not.toContain('0 orang');
    expect(page).toMatch(/Tenaga kerja\s*—/);
    expect(page).toContain('Ber-NIB, tanpa dokumen bermasalah');
    expect(page).not.toContain('Lengkap');
    const en = textOf(await (await ambon.get(`/registry/ikm/${idFrom(res)}?lang=en`)).text());
    expect(en).toContain('Has a NIB, no document expired or expiring');
  });

  it('refuses a NIB of 12 digits or with letters, saying why, and writes nothing', async () => {
    const before = await ikmCount();
    const short = await ambon.post('/registry/ikm', baseIkm({ name: 'IKM Pendek', nib: '912000123456' }));
    expect(short.status).toBe(422);
    const html = await short.text();
    expect(textOf(html)).toContain('NIB harus 13 digit; yang diisi 12 digit.');
    expect(html).toContain('value="IKM Pendek"');
    const letters = await ambon.post('/registry/ikm', baseIkm({ name: 'IKM Huruf', nib: '91200O1234567' }));
    expect(letters.status).toBe(422);
    expect(textOf(await letters.text())).toContain('NIB hanya berisi angka (13 digit), tanpa huruf.');
    expect(await ikmCount()).toBe(before);
  });

  it('refuses a capacity unit or period without its quantity, saying what to give', async () => {
    const before = await ikmCount();
    const res = await ambon.post(
      '/registry/ikm',
      baseIkm({ name: 'IKM Tanpa Jumlah', nib: '', capacityQty: '' }),
    );
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain(
      'Isi jumlah kapasitas produksi, atau kosongkan satuan dan periodenya.',
    );
    const none = await ambon.post(
      '/registry/ikm',
      baseIkm({
        name: 'IKM Tanpa Kapasitas',
        nib: '',
        capacityQty: '',
        capacityUnit: '',
        capacityPeriod: '',
      }),
    );
    expect(none.status).toBe(303);
    expect(await ikmCount()).toBe(before + 1);
  });

  it('refuses a NIB already registered, linking to the IKM that holds it', async () => {
    const before = await ikmCount();
    const [holder] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120001234567'));
    const res = await ambon.post('/registry/ikm', baseIkm({ name: 'Toko Lain', desa: 'Passo' }));
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(textOf(html)).toContain(
      'NIB 9120001234567 sudah terdaftar untuk IKM "UD Mutiara Timur" (Kota Ambon).',
    );
    expect(html).toContain(`href="/registry/ikm/${holder!.id}"`);
    expect(await ikmCount()).toBe(before);
    // From another kab/kota: the same refusal names where, but gives no link outside the officer's scope.
    const other = await tanimbar.post(
      '/registry/ikm',
      baseIkm({ name: 'Tenun X', kabkotaCode: '81.03', kecamatanCode: '81.03.01', desa: 'Saumlaki' }),
    );
    expect(other.status).toBe(409);
    const otherHtml = await other.text();
    expect(textOf(otherHtml)).toContain('sudah terdaftar untuk IKM "UD Mutiara Timur" (Kota Ambon)');
    expect(otherHtml).not.toContain(`href="/registry/ikm/${holder!.id}"`);
  });

  it('warns, but saves, when the same desa already has a business with a similar name', async () => {
    const res = await ambon.post(
      '/registry/ikm',
      baseIkm({ name: 'UD Mutiara Timor', nib: '9120001234568', ownerName: 'Yohanis Pattiasina' }),
    );
    expect(res.status).toBe(303);
    const id = idFrom(res);
    const page = await ambon.get(res.headers.get('location')!);
    const text = textOf(await page.text());
    expect(text).toContain('Perhatian: di desa yang sama ada usaha bernama mirip (UD Mutiara Timur)');
    expect(text).toContain('Periksa kemungkinan data ganda');
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.id, id));
    expect(row!.name).toBe('UD Mutiara Timor');
    // A different desa is no warning.
    const elsewhere = await ambon.post(
      '/registry/ikm',
      baseIkm({ name: 'UD Mutiara Timur Jaya', nib: '', desa: 'Passo', kecamatanCode: '81.71.03' }),
    );
    expect(elsewhere.status).toBe(303);
    const flash = textOf(await (await ambon.get(elsewhere.headers.get('location')!)).text());
    expect(flash).toContain('UD Mutiara Timur Jaya disimpan.');
    expect(flash).not.toContain('Perhatian');
  });

  it('refuses a petugas_kabkota posting an IKM into another kab/kota, writing nothing', async () => {
    const before = await ikmCount();
    const res = await ambon.post(
      '/registry/ikm',
      baseIkm({
        name: 'Tenun Selundupan',
        nib: '',
        kabkotaCode: '81.03',
        kecamatanCode: '81.03.02',
        desa: 'Kandar',
      }),
    );
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Anda hanya dapat mencatat data untuk Kota Ambon.');
    expect(await ikmCount()).toBe(before);
    // A kecamatan of another kab/kota is refused too.
    const kec = await ambon.post(
      '/registry/ikm',
      baseIkm({ name: 'Salah Kecamatan', nib: '', kecamatanCode: '81.03.02' }),
    );
    expect(kec.status).toBe(422);
    expect(textOf(await kec.text())).toContain('Kecamatan ini tidak berada di kabupaten/kota yang dipilih.');
  });

  it("answers 404 when an officer opens, edits or lists another kab/kota's IKM", async () => {
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120001234567'));
    expect((await tanimbar.get(`/registry/ikm/${row!.id}`)).status).toBe(404);
    expect((await tanimbar.get(`/registry/ikm/${row!.id}/edit`)).status).toBe(404);
    const post = await tanimbar.post(`/registry/ikm/${row!.id}`, baseIkm({ version: String(row!.version) }));
    expect(post.status).toBe(404);
    expect((await tanimbar.get(`/registry/sentra/${sentraId}`)).status).toBe(404);
    const list = textOf(await (await tanimbar.get('/registry/ikm?q=mutiara')).text());
    expect(list).not.toContain('UD Mutiara Timur');
    const [after] = await t.database.db.select().from(ikm).where(eq(ikm.id, row!.id));
    expect(after!.version).toBe(row!.version);
  });

  it('tells the second of two people saving the same IKM that it changed, showing both versions', async () => {
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120001234567'));
    const form = baseIkm({ nib: '9120001234567', sentraId, version: String(row!.version) });
    const first = await ambon.post(`/registry/ikm/${row!.id}`, {
      ...form,
      address: 'Jl. Pattimura 1 (versi pertama)',
    });
    expect(first.status).toBe(303);
    const second = await admin.post(`/registry/ikm/${row!.id}`, {
      ...form,
      address: 'Jl. Said Perintah 2 (versi kedua)',
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    const text = textOf(html);
    expect(text).toContain('Data ini sudah diubah orang lain sejak Anda membukanya');
    expect(text).toContain('Jl. Pattimura 1 (versi pertama)');
    expect(text).toContain('Jl. Said Perintah 2 (versi kedua)');
    // The form now carries the newer version, so saving again is a deliberate choice.
    expect(html).toContain(`name="version" value="${row!.version + 1}"`);
    const [after] = await t.database.db.select().from(ikm).where(eq(ikm.id, row!.id));
    expect(after!.address).toBe('Jl. Pattimura 1 (versi pertama)');
    expect(after!.version).toBe(row!.version + 1);
  });

  it('lets an admin record IKMs anywhere in the province, and links an owner account', async () => {
    const res = await admin.post(
      '/registry/ikm',
      baseIkm({
        name: 'Sanggar Tenun Kandar',
        nib: '9120009999999',
        kabkotaCode: '81.03',
        kecamatanCode: '81.03.02',
        desa: 'Kandar',
        ownerEmail: 'IKM@ovop.test',
        workforceMen: '25',
        investment: '2 miliar',
      }),
    );
    expect(res.status).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(ikm)
      .where(eq(ikm.id, idFrom(res)));
    expect(row!.sizeClass).toBe('menengah');
    expect(row!.ownerUserId).not.toBeNull();
    const bad = await admin.post(
      '/registry/ikm',
      baseIkm({ name: 'X', nib: '', ownerEmail: 'penilai1@ovop.test' }),
    );
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Tidak ada akun pemilik IKM dengan email ini.');
  });
});

describe('legal documents', () => {
  let ikmId: string;
  beforeAll(async () => {
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.nib, '9120001234567'));
    ikmId = row!.id;
  });
  const docCount = async () =>
    Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(legalDocuments)
          .where(eq(legalDocuments.ikmId, ikmId))
      )[0]!.n,
    );

  it('refuses PIRT and BPOM numbers of the wrong shape, and an expiry before the issue date', async () => {
    const before = await docCount();
    const pirt = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'pirt',
      number: 'P-IRT No. 206710101012-27',
      issueDate: '01/02/2022',
      expiryDate: '01/02/2027',
    });
    expect(pirt.status).toBe(422);
    expect(textOf(await pirt.text())).toContain('Nomor P-IRT harus 15 digit; yang diisi 14 digit.');
    const bpom = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'bpom_md',
      number: '224510001234',
    });
    expect(bpom.status).toBe(422);
    expect(textOf(await bpom.text())).toContain('diawali MD lalu 12 digit');
    const dates = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'halal',
      number: 'ID81110000123450124',
      issueDate: '28/11/2026',
      expiryDate: '27/11/2026',
    });
    expect(dates.status).toBe(422);
    expect(textOf(await dates.text())).toContain(
      'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit.',
    );
    expect(await docCount()).toBe(before);
  });

  it('keeps a document with its scan and flags one expiring within 90 days', async () => {
    const today = localDate();
    const expiry = addDays(today, 30);
    const pdf = new File(
      [new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'))],
      'pirt.pdf',
    );
    const res = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'pirt',
      number: 'P-IRT No. 2067101010123-27',
      issueDate: addDays(today, -1800),
      expiryDate: expiry,
      scan: pdf,
    });
    expect(res.status).toBe(303);
    const [doc] = await t.database.db
      .select()
      .from(legalDocuments)
      .where(and(eq(legalDocuments.ikmId, ikmId), eq(legalDocuments.kind, 'pirt')));
    expect(doc!.number).toBe('206710101012327');
    expect(doc!.fileMime).toBe('application/pdf');
    const page = await ambon.get(`/registry/ikm/${ikmId}`);
    const text = textOf(await page.text());
    expect(text).toContain('2067101010123-27');
    expect(text).toContain('Segera berakhir (30 hari)');
    expect(text).toContain('Dokumen segera berakhir (≤ 90 hari)');
    const file = await ambon.get(`/registry/documents/${doc!.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect((await tanimbar.get(`/registry/documents/${doc!.id}/file`)).status).toBe(404);
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.id, ikmId));
    expect(row!.minExpiry).toBe(expiry);
    // The expiring filter finds it; a renewal supersedes the old permit.
    expect(textOf(await (await ambon.get('/registry/ikm?legal=expiring')).text())).toContain(
      'UD Mutiara Timur',
    );
    const renewal = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'pirt',
      number: '206710101012332',
      issueDate: today,
      expiryDate: addDays(today, 1800),
    });
    expect(renewal.status).toBe(303);
    const after = textOf(await (await ambon.get(`/registry/ikm/${ikmId}`)).text());
    expect(after).toContain('Sudah diganti');
    expect(textOf(await (await ambon.get('/registry/ikm?legal=expiring')).text())).not.toContain(
      'UD Mutiara Timur',
    );
  });

  it('refuses a scan that is a program renamed .pdf', async () => {
    const before = await docCount();
    const exe = new File(
      [new Uint8Array(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]))],
      'sk.pdf',
    );
    const res = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'sni',
      number: 'SNI 01-3840-1995',
      scan: exe,
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('bukan PDF, JPEG, PNG atau WebP');
    expect(await docCount()).toBe(before);
  });

  it('refuses a document issued after today, writing nothing', async () => {
    const before = await docCount();
    const res = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'halal',
      number: 'ID81110000123450325',
      issueDate: addDays(localDate(), 2).split('-').reverse().join('/'),
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Tanggal ini belum tiba');
    expect(await docCount()).toBe(before);
  });

  it('requires the NIB document to carry the IKM’s own NIB', async () => {
    const res = await ambon.post(`/registry/ikm/${ikmId}/documents`, {
      kind: 'nib',
      number: '9120001234599',
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain(
      'Nomor dokumen NIB harus sama dengan NIB IKM ini (9120001234567).',
    );
  });
});

describe('sentra rules', () => {
  it('takes a lead business only among its members, and flags fewer than 5 units', async () => {
    const [member] = await t.database.db.select().from(ikm).where(eq(ikm.sentraId, sentraId));
    const [outsider] = await t.database.db.select().from(ikm).where(eq(ikm.desa, 'Passo'));
    const [row] = await t.database.db.select().from(sentra).where(eq(sentra.id, sentraId));
    const form = {
      name: row!.name,
      kabkotaCode: '81.71',
      kecamatanCode: '81.71.02',
      desa: 'Batu Merah',
      commodity: 'lainnya',
      decreeNumber: row!.decreeNumber!,
      decreeDate: '05/12/2022',
      unitCount: '4',
      version: String(row!.version),
    };
    // A decree dated after today is refused, and nothing changes.
    const future = await ambon.post(`/registry/sentra/${sentraId}`, {
      ...form,
      decreeDate: addDays(localDate(), 1).split('-').reverse().join('/'),
    });
    expect(future.status).toBe(422);
    expect(textOf(await future.text())).toContain(
      'Tanggal ini belum tiba; isi tanggal yang sudah lewat atau hari ini.',
    );
    const [unchanged] = await t.database.db.select().from(sentra).where(eq(sentra.id, sentraId));
    expect(unchanged!.version).toBe(row!.version);
    const bad = await ambon.post(`/registry/sentra/${sentraId}`, { ...form, leadIkmId: outsider!.id });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Penghela harus salah satu IKM anggota sentra ini.');
    const good = await ambon.post(`/registry/sentra/${sentraId}`, { ...form, leadIkmId: member!.id });
    expect(good.status).toBe(303);
    const page = textOf(await (await ambon.get(`/registry/sentra/${sentraId}`)).text());
    expect(page).toContain('Kurang dari 5 unit');
    expect(page).toContain(member!.name);
    // The list counts the registered members and names the lead.
    const members = await t.database.db.select().from(ikm).where(eq(ikm.sentraId, sentraId));
    const list = await (await ambon.get('/registry/sentra')).text();
    const listed = list.split(`/registry/sentra/${sentraId}"`)[1]!.split('</tr>')[0]!;
    expect(listed).toContain(`<td class="numeric">${members.length}</td>`);
    expect(members.length).toBeGreaterThan(0);
    expect(listed).toContain(member!.name);
  });

  it('refuses a sentra in another kab/kota for a kab/kota officer', async () => {
    const res = await tanimbar.post('/registry/sentra', {
      name: 'Sentra Luar',
      kabkotaCode: '81.71',
      commodity: 'kain_tenun',
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain(
      'Anda hanya dapat mencatat data untuk Kabupaten Kepulauan Tanimbar',
    );
  });
});
