/**
 * The whole nomination flow through the pages, on a real database: an officer nominates a product
 * with its documents, submits, the province returns it with a comment, the officer corrects and
 * resubmits (every version kept), the province passes it, and the package ZIP holds the files.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import {
  file,
  items,
  makeCycle,
  makeIkmWithProduct,
  pdfBytes,
  pngBytes,
  zipEntries,
} from '../../../tests/helpers/nominations.ts';
import { users } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominationDocuments, nominations, nominationTransitions } from '../../db/schema/nominations.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { systemActor } from '../../platform/actor.ts';
import { nominationEnv } from './nominations.env.ts';
import { startPackageJob } from './package.service.ts';

let t: TestApp;
let ambon: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [ambon, admin] = await Promise.all([t.as('ambon@ovop.test'), t.as('admin@ovop.test')]);
  // The admin reads English: their notifications come in English, the officer's in Indonesian.
  await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'admin@ovop.test'));
});
afterAll(() => t.close());

const idFrom = (res: Response) =>
  /\/nominations\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;

async function nominationRow(id: string) {
  const [row] = await t.database.db.select().from(nominations).where(eq(nominations.id, id));
  return row!;
}

async function notificationsOf(email: string) {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return t.database.db.select().from(notifications).where(eq(notifications.userId, u!.id));
}

/** Uploads a PDF (or the given file) against an item through the item page's form. */
async function upload(
  client: TestClient,
  id: string,
  itemId: string,
  form: Record<string, string | File> = {},
) {
  return client.post(`/nominations/${id}/items/${itemId}`, {
    file: file(pdfBytes(itemId), 'dokumen.pdf'),
    ...form,
  });
}

describe('the nomination flow', () => {
  let cycleId: string;
  let nominationId: string;
  let item: Record<string, string>;
  let fixture: Awaited<ReturnType<typeof makeIkmWithProduct>>;

  beforeAll(async () => {
    cycleId = await makeCycle(t);
    item = await items(t, cycleId, 'makanan_minuman');
    fixture = await makeIkmWithProduct(t, { kabkota: '81.71', name: 'Dapur Keripik Sukun Hative' });
  });

  it('creates a draft from the product, and the task list shows the registry data and every item not started', async () => {
    const res = await ambon.post('/nominations', { cycleId, productId: fixture.productId });
    expect(res.status, textOf(await res.clone().text()).slice(0, 300)).toBe(303);
    nominationId = idFrom(res);
    const page = textOf(await (await ambon.get(`/nominations/${nominationId}`)).text());
    expect(page).toContain('Dapur Keripik Sukun Hative');
    expect(page).toContain(fixture.nib);
    expect(page).toContain('Surat usulan dari dinas kabupaten/kota');
    expect(page).toContain('Belum dimulai');
    expect(page).toContain('0 dari 8 dokumen wajib lengkap');
    expect(page).toContain('IKM adalah penghela sentra');
    expect((await nominationRow(nominationId)).state).toBe('draft');
  });

  it('uploads against items, attaches a registry document without re-uploading, and counts completeness', async () => {
    for (const code of ['surat_usulan', 'sk_sentra', 'profil_ikm'])
      expect((await upload(ambon, nominationId, item[code]!)).status).toBe(303);
    const photo = await ambon.post(`/nominations/${nominationId}/items/${item.foto_produk}`, {
      file: file(pngBytes(), 'foto.png', 'image/png'),
    });
    expect(photo.status).toBe(303);
    // NIB and halal come from the registry, with their scans.
    const nib = await ambon.post(`/nominations/${nominationId}/items/${item.nib}/attach`, {
      legalDocumentId: fixture.documents.nib!,
    });
    expect(nib.status).toBe(303);
    const halal = await ambon.post(`/nominations/${nominationId}/items/${item.sertifikat_halal}/attach`, {
      legalDocumentId: fixture.documents.halal!,
    });
    expect(halal.status).toBe(303);
    // The permit and the laboratory test must be valid on the deadline: a number and an expiry.
    for (const code of ['izin_edar', 'uji_lab'])
      expect(
        (await upload(ambon, nominationId, item[code]!, { documentNumber: 'X-1', expiresOn: '31/12/2030' }))
          .status,
      ).toBe(303);
    const page = textOf(await (await ambon.get(`/nominations/${nominationId}`)).text());
    expect(page).toContain('8 dari 8 dokumen wajib lengkap');
    const docs = await t.database.db
      .select()
      .from(nominationDocuments)
      .where(eq(nominationDocuments.nominationId, nominationId));
    expect(docs.filter((d) => d.source === 'registry')).toHaveLength(2);
  });

  it('shows "check your answers", then submits: locks editing, freezes the cycle, tells the province in its language', async () => {
    const check = await ambon.get(`/nominations/${nominationId}/check`);
    const html = await check.text();
    expect(textOf(html)).toContain('Periksa jawaban Anda');
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const res = await ambon.post(`/nominations/${nominationId}/submit`, { version });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/nominations/${nominationId}/confirmation`);
    const confirmation = textOf(await (await ambon.get(`/nominations/${nominationId}/confirmation`)).text());
    expect(confirmation).toContain('Usulan diajukan');
    expect(confirmation).toContain('Apa yang terjadi selanjutnya');
    const row = await nominationRow(nominationId);
    expect(row.state).toBe('submitted');
    expect(row.round).toBe(1);
    expect(row.configVersion).toBe(1);
    const [cycle] = await t.database.db.select().from(cycles).where(eq(cycles.id, cycleId));
    expect(cycle!.frozenAt).not.toBeNull();
    // Locked: a new upload is refused.
    const late = await upload(ambon, nominationId, item.surat_usulan!);
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain('tidak dapat diubah lagi');
    const notes = await notificationsOf('admin@ovop.test');
    expect(
      notes.some((n) => n.kind === 'nomination.submitted' && n.title.startsWith('New nomination:')),
    ).toBe(true);
  });

  it('the province returns it with a comment on the faulty item; the officer is told the comment', async () => {
    const review = await admin.get(`/nominations/${nominationId}/review`);
    const html = await review.text();
    expect(textOf(html)).toContain('Pemeriksaan otomatis');
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    // A fault without its comment is refused, naming the field; the verdicts typed are kept.
    const missing = await admin.post(`/nominations/${nominationId}/review`, {
      version,
      decision: 'return',
      [`verdict.${item.surat_usulan}`]: 'fault',
    });
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Tulis catatan untuk persyaratan yang bermasalah');
    expect((await nominationRow(nominationId)).state).toBe('submitted');
    const res = await admin.post(`/nominations/${nominationId}/review`, {
      version,
      decision: 'return',
      [`verdict.${item.surat_usulan}`]: 'fault',
      [`comment.${item.surat_usulan}`]: 'Surat belum ditandatangani kepala dinas.',
      [`verdict.${item.nib}`]: 'ok',
    });
    expect(res.status, textOf(await res.clone().text()).slice(0, 400)).toBe(303);
    const row = await nominationRow(nominationId);
    expect(row.state).toBe('returned');
    expect(row.returnCount).toBe(1);
    const notes = await notificationsOf('ambon@ovop.test');
    const returned = notes.find((n) => n.kind === 'nomination.returned')!;
    expect(returned.title).toContain('Usulan dikembalikan');
    expect(returned.body).toContain('Surat belum ditandatangani kepala dinas.');
    const page = textOf(await (await ambon.get(`/nominations/${nominationId}`)).text());
    expect(page).toContain('Dikembalikan untuk perbaikan');
    expect(page).toContain('Surat belum ditandatangani kepala dinas.');
  });

  it('the officer uploads a correction and resubmits; every version of the document is kept', async () => {
    expect((await upload(ambon, nominationId, item.surat_usulan!)).status).toBe(303);
    const itemPage = textOf(
      await (await ambon.get(`/nominations/${nominationId}/items/${item.surat_usulan}`)).text(),
    );
    expect(itemPage).toContain('Versi 1');
    expect(itemPage).toContain('Versi 2');
    const html = await (await ambon.get(`/nominations/${nominationId}/check`)).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const res = await ambon.post(`/nominations/${nominationId}/resubmit`, { version });
    expect(res.status).toBe(303);
    const row = await nominationRow(nominationId);
    expect(row.state).toBe('submitted');
    expect(row.round).toBe(2);
    const docs = await t.database.db
      .select()
      .from(nominationDocuments)
      .where(
        and(
          eq(nominationDocuments.nominationId, nominationId),
          eq(nominationDocuments.itemCode, 'surat_usulan'),
        ),
      );
    expect(docs.map((d) => [d.number, d.supersededAt === null])).toEqual(
      expect.arrayContaining([
        [1, false],
        [2, true],
      ]),
    );
    const notes = await notificationsOf('admin@ovop.test');
    expect(notes.some((n) => n.kind === 'nomination.resubmitted')).toBe(true);
  });

  it('the province passes it after confirming every item; the officer is told', async () => {
    const html = await (await admin.get(`/nominations/${nominationId}/review`)).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    // Passing before every item is confirmed is refused, naming the unconfirmed ones.
    const early = await admin.post(`/nominations/${nominationId}/review`, { version, decision: 'pass' });
    expect(early.status).toBe(422);
    expect(textOf(await early.text())).toContain('Surat usulan dari dinas kabupaten/kota');
    const verdicts: Record<string, string> = {};
    for (const id of Object.values(item)) verdicts[`verdict.${id}`] = 'ok';
    const res = await admin.post(`/nominations/${nominationId}/review`, {
      version,
      decision: 'pass',
      reason: 'Lengkap.',
      ...verdicts,
    });
    expect(res.status, textOf(await res.clone().text()).slice(0, 400)).toBe(303);
    expect((await nominationRow(nominationId)).state).toBe('admin_passed');
    const notes = await notificationsOf('ambon@ovop.test');
    expect(notes.some((n) => n.kind === 'nomination.passed')).toBe(true);
    const history = await t.database.db
      .select()
      .from(nominationTransitions)
      .where(eq(nominationTransitions.nominationId, nominationId));
    expect(history.map((h) => h.action)).toEqual(['submit', 'return', 'resubmit', 'pass']);
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.objectId, nominationId));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'nomination.submit',
        'nomination.return',
        'nomination.resubmit',
        'nomination.pass',
      ]),
    );
  });

  it('makes the national proposal package: profile sheets and documents named after their items', async () => {
    const res = await ambon.post(`/nominations/${nominationId}/package`);
    expect(res.status).toBe(303);
    const jobPath = res.headers.get('location')!;
    expect(jobPath).toMatch(/^\/packages\//);
    // Wait for the job (the page refreshes itself meanwhile).
    let page = '';
    for (let i = 0; i < 100; i++) {
      page = await (await ambon.get(jobPath)).text();
      if (!page.includes('http-equiv="refresh"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(textOf(page)).toContain('Paket usulan siap');
    const zip = await ambon.get(`${jobPath}/download`);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const names = await zipEntries(new Uint8Array(await zip.arrayBuffer()));
    const folder = names[0]!.split('/')[0]!;
    expect(folder).toMatch(/^01-dapur-keripik-sukun-hative-produk-uji-\d+$/);
    expect(names.sort()).toEqual(
      [
        'profil-ikm.xlsx',
        'profil-ikm.pdf',
        'surat_usulan.pdf',
        'nib.pdf',
        'sk_sentra.pdf',
        'izin_edar.pdf',
        'sertifikat_halal.pdf',
        'uji_lab.pdf',
        'profil_ikm.pdf',
        'foto_produk.png',
      ]
        .map((n) => `${folder}/${n}`)
        .sort(),
    );
    // Another kab/kota's officer cannot read it.
    const tanimbar = await t.as('tanimbar@ovop.test');
    expect((await tanimbar.get(jobPath)).status).toBe(404);
  });

  it('makes the package of every passed nomination of a kab/kota, with a summary sheet', async () => {
    const { finished, job } = await startPackageJob(
      t.database.db,
      nominationEnv(t.deps),
      systemActor('test'),
      {
        cycleId,
        kabkotaCode: '81.71',
      },
    );
    await finished;
    const res = await admin.get(`/packages/${job.id}/download`);
    expect(res.status).toBe(200);
    const names = await zipEntries(new Uint8Array(await res.arrayBuffer()));
    expect(names).toContain('daftar-usulan.xlsx');
  });
});
