import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { earlierAwards, nominations } from '../../db/schema/nominations.ts';
import { ikm } from '../../db/schema/registry.ts';
import { certificates, cyclePublications } from '../../db/schema/scoring.ts';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { makeAwardCycle, makeDecidedNomination } from '../../../tests/helpers/award-fixtures.ts';
import { pdfText } from '../../../tests/helpers/events.ts';
import { zipEntries } from '../../../tests/helpers/nominations.ts';
import { CODE_RE, cycleSlug, validUntilOf } from './awards.service.ts';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@ovop.test');
});
afterAll(() => t.close());

/** The preview's hidden fields, as the admin's browser would send them back. */
async function previewForm(cycleId: string): Promise<{ fingerprint: string; count: string; html: string }> {
  const res = await admin.get(`/awards/cycles/${cycleId}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  return {
    fingerprint: /name="fingerprint" value="([^"]+)"/.exec(html)?.[1] ?? '',
    count: /name="count" value="([^"]+)"/.exec(html)?.[1] ?? '',
    html,
  };
}

async function publish(cycleId: string) {
  const { fingerprint, count } = await previewForm(cycleId);
  return admin.post(`/awards/cycles/${cycleId}/publish`, { fingerprint, count, confirm: 'on' });
}

const certificatesOf = (nominationId: string) =>
  t.database.db.select().from(certificates).where(eq(certificates.nominationId, nominationId));

describe('publication', () => {
  it('previews exactly what becomes public, refuses until confirmed, then publishes with certificates and award history', async () => {
    const cycle = await makeAwardCycle(t);
    const gold = await makeDecidedNomination(t, cycle.id, { stars: 3, ikmName: 'IKM Pala Banda' });
    const silver = await makeDecidedNomination(t, cycle.id, {
      stars: 1,
      kabkota: '81.03',
      commodity: 'anyaman',
    });
    const none = await makeDecidedNomination(t, cycle.id, { stars: 0, ikmName: 'IKM Tanpa Bintang' });
    const pending = await makeDecidedNomination(t, cycle.id, {
      decided: false,
      ikmName: 'IKM Masih Dinilai',
    });

    // Before publication the results are nowhere public.
    const slug = cycleSlug(cycle.name);
    expect((await t.client().get(`/hasil/${slug}`)).status).toBe(404);
    expect((await t.client().get(`/en/results/${slug}`)).status).toBe(404);
    expect((await t.client().api(`/api/v1/catalog/results/${slug}`)).status).toBe(404);

    const preview = await previewForm(cycle.id);
    const text = textOf(preview.html);
    expect(text).toContain('IKM Pala Banda');
    expect(text).toContain(silver.productName);
    expect(text).not.toContain('IKM Tanpa Bintang');
    expect(text).not.toContain('IKM Masih Dinilai');
    expect(text).toContain('1 usulan diputuskan tanpa bintang');
    expect(preview.count).toBe('3');

    // Not confirmed: refused with the message, nothing written.
    const unconfirmed = await admin.post(`/awards/cycles/${cycle.id}/publish`, {
      fingerprint: preview.fingerprint,
      count: preview.count,
    });
    expect(unconfirmed.status).toBe(422);
    expect(textOf(await unconfirmed.text())).toContain('Centang pernyataan');
    expect(
      await t.database.db.select().from(cyclePublications).where(eq(cyclePublications.cycleId, cycle.id)),
    ).toEqual([]);

    const res = await admin.post(`/awards/cycles/${cycle.id}/publish`, {
      fingerprint: preview.fingerprint,
      count: preview.count,
      confirm: 'on',
    });
    expect(res.status).toBe(303);

    const states = await t.database.db
      .select({ id: nominations.id, state: nominations.state })
      .from(nominations)
      .where(eq(nominations.cycleId, cycle.id));
    const stateOf = (id: string) => states.find((s) => s.id === id)?.state;
    expect(stateOf(gold.nominationId)).toBe('published');
    expect(stateOf(silver.nominationId)).toBe('published');
    expect(stateOf(none.nominationId)).toBe('published');
    expect(stateOf(pending.nominationId)).toBe('assessed');

    const [cert] = await certificatesOf(gold.nominationId);
    expect(cert!.stars).toBe(3);
    expect(cert!.code).toMatch(CODE_RE);
    expect(Buffer.from(cert!.code, 'base64url').byteLength).toBeGreaterThanOrEqual(16);
    expect(cert!.number).toMatch(/^OVOP\/81\/2026\/\d{4}$/);
    expect(cert!.validUntil).toBe(validUntilOf(cert!.validFrom, 3));
    expect(await certificatesOf(none.nominationId)).toEqual([]);

    const history = await t.database.db
      .select()
      .from(earlierAwards)
      .where(and(eq(earlierAwards.cycleId, cycle.id), eq(earlierAwards.ikmId, gold.ikmId)));
    expect(history).toHaveLength(1);
    expect(history[0]!.source).toBe('earlier_cycle');
    expect(history[0]!.stars).toBe(3);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'awards.publish'), eq(auditLog.objectId, cycle.id)));
    expect(audit).toHaveLength(1);

    // The public results: awarded products only, and nothing but IKM, product, region, commodity, star.
    for (const path of [`/hasil/${slug}`, `/en/results/${slug}`]) {
      const page = await t.client().get(path);
      expect(page.status).toBe(200);
      const body = textOf(await page.text());
      expect(body).toContain('IKM Pala Banda');
      expect(body).toContain(silver.productName);
      expect(body).not.toContain('IKM Tanpa Bintang');
      expect(body).not.toContain('IKM Masih Dinilai');
      expect(body).not.toMatch(/\b85[.,]00\b/);
    }
    expect(textOf(await (await t.client().get(`/en/results/${slug}`)).text())).toContain('OVOP results');
    const filtered = textOf(await (await t.client().get(`/hasil/${slug}?kabkota=81.03`)).text());
    expect(filtered).toContain(silver.productName);
    expect(filtered).not.toContain('IKM Pala Banda');

    const api = await t.client().api(`/api/v1/catalog/results/${slug}`);
    expect(api.status).toBe(200);
    expect(api.body.results).toHaveLength(2);
    expect(Object.keys(api.body.results[0]).sort()).toEqual(
      ['commodity', 'ikm', 'product', 'productUrl', 'regency', 'stars'].sort(),
    );

    // A second publication is refused.
    const again = await admin.post(`/awards/cycles/${cycle.id}/publish`, {
      fingerprint: preview.fingerprint,
      count: preview.count,
      confirm: 'on',
    });
    expect(again.status).toBe(409);
  });

  it('refuses a preview that changed, and publishing outside the publication phase, writing nothing', async () => {
    const cycle = await makeAwardCycle(t);
    await makeDecidedNomination(t, cycle.id, { stars: 2 });
    const preview = await previewForm(cycle.id);
    const late = await makeDecidedNomination(t, cycle.id, { stars: 3 });
    const res = await admin.post(`/awards/cycles/${cycle.id}/publish`, {
      fingerprint: preview.fingerprint,
      count: preview.count,
      confirm: 'on',
    });
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Hasil berubah sejak pratinjau dibuka (1 → 2 usulan)');
    expect(await certificatesOf(late.nominationId)).toEqual([]);
    expect(
      await t.database.db.select().from(cyclePublications).where(eq(cyclePublications.cycleId, cycle.id)),
    ).toEqual([]);

    const closed = await makeAwardCycle(t, { publicationOpen: false });
    const waiting = await makeDecidedNomination(t, closed.id, { stars: 2 });
    const refused = await publish(closed.id);
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Tahap pengumuman periode ini berlangsung');
    const [row] = await t.database.db
      .select({ state: nominations.state })
      .from(nominations)
      .where(eq(nominations.id, waiting.nominationId));
    expect(row!.state).toBe('decided');
  });

  it('refuses publication to an officer and the preview to the public', async () => {
    const cycle = await makeAwardCycle(t);
    await makeDecidedNomination(t, cycle.id, { stars: 2 });
    const officer = await t.as('ambon@ovop.test');
    const res = await officer.post(`/awards/cycles/${cycle.id}/publish`, {
      fingerprint: 'x',
      count: '1',
      confirm: 'on',
    });
    expect(res.status).toBe(403);
    expect([302, 303]).toContain((await t.client().get(`/awards/cycles/${cycle.id}`)).status);
  });
});

describe('certificates', () => {
  it('refuses a certificate for a nomination without a decided star, with the reason', async () => {
    const cycle = await makeAwardCycle(t);
    const pending = await makeDecidedNomination(t, cycle.id, { decided: false });
    const res = await admin.get(`/awards/nominations/${pending.nominationId}/certificate.pdf`);
    expect(res.status).toBe(409);
    expect(textOf(await res.text())).toContain('Usulan ini belum mempunyai bintang yang diputuskan');
    expect(await certificatesOf(pending.nominationId)).toEqual([]);

    const decided = await makeDecidedNomination(t, cycle.id, { stars: 2 });
    const early = await admin.get(`/awards/nominations/${decided.nominationId}/certificate.pdf`);
    expect(early.status).toBe(409);
    expect(textOf(await early.text())).toContain('belum diumumkan');

    const noStar = await makeDecidedNomination(t, cycle.id, { stars: 0 });
    await publish(cycle.id);
    const none = await admin.get(`/awards/nominations/${noStar.nominationId}/certificate.pdf`);
    expect(none.status).toBe(409);
    expect(textOf(await none.text())).toContain('diputuskan tanpa bintang');

    const en = await admin.get(`/awards/nominations/${pending.nominationId}/certificate.pdf?lang=en`);
    expect(textOf(await en.text())).toContain('This nomination has no decided star');
  });

  it('makes a PDF holding the IKM, product, star, number and verification URL; labels whose QR opens that URL', async () => {
    const cycle = await makeAwardCycle(t);
    const award = await makeDecidedNomination(t, cycle.id, { stars: 2, ikmName: 'IKM Kenari Ŝaumlaki' });
    await publish(cycle.id);
    const [cert] = await certificatesOf(award.nominationId);
    const url = `http://localhost/verifikasi/${cert!.code}`;

    const pdf = await admin.get(`/awards/nominations/${award.nominationId}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(text).toContain('IKM Kenari Ŝaumlaki');
    expect(text).toContain(award.productName);
    expect(text).toContain('Bintang 2 dari 3');
    expect(text).toContain('2-star class of 3');
    expect(text).toContain(cert!.number);
    expect(text).toContain(url);
    expect(text).toContain('SERTIFIKAT OVOP');
    expect(text).toContain('OVOP CERTIFICATE');

    const svgRes = await admin.get(`/awards/certificates/${cert!.id}/label.svg`);
    expect(svgRes.status).toBe(200);
    expect(svgRes.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await svgRes.text();
    expect(svg).toMatch(/^<\?xml[^>]*\?>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('width="50mm"');
    const { default: sharp } = await import('sharp');
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect(meta.format).toBe('svg');

    const jsqr = await import('jsqr');
    // jsqr is CommonJS typed as an ES default export: the function is the module itself.
    const jsQR = jsqr.default as unknown as typeof jsqr.default.default;
    for (const [mm, px] of [
      [30, 354],
      [50, 591],
    ] as const) {
      const png = await admin.get(`/awards/certificates/${cert!.id}/label.png?mm=${mm}`);
      expect(png.status).toBe(200);
      const bytes = Buffer.from(await png.arrayBuffer());
      const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([px, px]);
      expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(url);
    }
  });

  it('lets an officer read the certificates of their own kab/kota only, and never revoke', async () => {
    const cycle = await makeAwardCycle(t);
    const ambon = await makeDecidedNomination(t, cycle.id, { stars: 2, kabkota: '81.71' });
    await publish(cycle.id);
    const [cert] = await certificatesOf(ambon.nominationId);
    const own = await t.as('ambon@ovop.test');
    expect((await own.get(`/awards/certificates/${cert!.id}/certificate.pdf`)).status).toBe(200);
    expect((await own.post(`/awards/certificates/${cert!.id}/revoke`, { reason: 'x' })).status).toBe(403);
    const other = await t.as('tanimbar@ovop.test');
    expect((await other.get(`/awards/certificates/${cert!.id}/certificate.pdf`)).status).toBe(404);
    expect((await other.get(`/awards/nominations/${ambon.nominationId}/certificate.pdf`)).status).toBe(404);
    expect(textOf(await (await other.get(`/awards/cycles/${cycle.id}`)).text())).not.toContain(cert!.number);
  });

  it('makes every certificate of a cycle as a ZIP with its progress page', async () => {
    const cycle = await makeAwardCycle(t);
    await makeDecidedNomination(t, cycle.id, { stars: 3 });
    await makeDecidedNomination(t, cycle.id, { stars: 1, kabkota: '81.03' });
    await publish(cycle.id);
    const start = await admin.post(`/awards/cycles/${cycle.id}/zip`);
    expect(start.status).toBe(303);
    const jobPath = start.headers.get('location')!;
    let page = '';
    for (let i = 0; i < 100; i++) {
      page = await (await admin.get(jobPath)).text();
      if (!page.includes('http-equiv="refresh"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(textOf(page)).toContain('2 dari 2 sertifikat');
    const zip = await admin.get(`${jobPath}/download`);
    expect(zip.status).toBe(200);
    const names = await zipEntries(new Uint8Array(await zip.arrayBuffer()));
    expect(names).toHaveLength(2);
    expect(names.every((n) => /^sertifikat-ovop-81-2026-\d{4}\.pdf$/.test(n))).toBe(true);
  });

  it('uses the configured validity, signatory and signature; refuses a bad validity with its message', async () => {
    const bad = await admin.post('/awards/settings', {
      provinceName: 'Pemerintah Provinsi Maluku',
      officeName: 'Dinas Perindustrian dan Perdagangan Provinsi Maluku',
      signatoryTitle: 'Kepala Dinas',
      validityYears: '25',
      version: '0',
    });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Masa berlaku antara 1 dan 10 tahun');

    const { default: sharp } = await import('sharp');
    const signature = await sharp({ create: { width: 200, height: 80, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const ok = await admin.post('/awards/settings', {
      provinceName: 'Pemerintah Provinsi Maluku',
      officeName: 'Dinas Perindustrian dan Perdagangan Provinsi Maluku',
      signatoryName: 'Dr. Penandatangan Uji',
      signatoryTitle: 'Kepala Dinas',
      validityYears: '2',
      version: '0',
      signature: new File([new Uint8Array(signature)], 'ttd.png', { type: 'image/png' }),
    });
    expect(ok.status).toBe(303);

    const cycle = await makeAwardCycle(t);
    const award = await makeDecidedNomination(t, cycle.id, { stars: 1 });
    await publish(cycle.id);
    const [cert] = await certificatesOf(award.nominationId);
    expect(cert!.validUntil).toBe(validUntilOf(cert!.validFrom, 2));
    const pdf = await admin.get(`/awards/certificates/${cert!.id}/certificate.pdf`);
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Dr. Penandatangan Uji');
  });
});

describe('verification', () => {
  it('says genuine, not found, malformed, revoked (with the date) and expired, in both languages and in the API', async () => {
    const cycle = await makeAwardCycle(t);
    const award = await makeDecidedNomination(t, cycle.id, { stars: 3, ikmName: 'IKM Verifikasi Asli' });
    const other = await makeDecidedNomination(t, cycle.id, { stars: 2 });
    await publish(cycle.id);
    const [cert] = await certificatesOf(award.nominationId);
    const [cert2] = await certificatesOf(other.nominationId);
    const anyone = t.client();

    const ok = await anyone.get(`/verifikasi/${cert!.code}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-cache');
    const okText = textOf(await ok.text());
    expect(okText).toContain('Sertifikat asli dan berlaku');
    expect(okText).toContain('IKM Verifikasi Asli');
    expect(okText).toContain(award.productName);
    expect(okText).toContain('3 dari 3 bintang');
    const en = textOf(await (await anyone.get(`/en/verify/${cert!.code}`)).text());
    expect(en).toContain('Genuine and valid certificate');
    expect(en).toContain('3 of 3 stars');

    const json = await anyone.api(`/api/v1/catalog/verify/${cert!.code}`);
    expect(json.status).toBe(200);
    expect(json.body.state).toBe('valid');
    expect(json.body.certificate.stars).toBe(3);

    // A code that does not exist, and one that cannot be a code.
    const unknown = 'A'.repeat(22);
    const missing = await anyone.get(`/verifikasi/${unknown}`);
    expect(missing.status).toBe(404);
    expect(textOf(await missing.text())).toContain('Sertifikat tidak ditemukan');
    expect((await anyone.api(`/api/v1/catalog/verify/${unknown}`)).status).toBe(404);
    for (const bad of ['abc', `${cert!.code}x`, "x'%20or%201=1--aaaaaaaaaaaa"]) {
      const res = await anyone.get(`/verifikasi/${bad}`);
      expect(res.status).toBe(400);
      expect(textOf(await res.text())).toContain('Kode verifikasi tidak sah');
      const api = await anyone.api(`/api/v1/catalog/verify/${bad}`);
      expect(api.status).toBe(400);
      expect(api.body.error.code).toBe('malformed');
    }
    expect(textOf(await (await anyone.get('/en/verify/abc')).text())).toContain('Invalid verification code');

    // Revocation needs a reason; then the page says revoked, with the date, and the audit has it.
    const noReason = await admin.post(`/awards/certificates/${cert!.id}/revoke`, { reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(textOf(await noReason.text())).toContain('Tulis alasan pencabutan');
    expect((await certificatesOf(award.nominationId))[0]!.revokedAt).toBeNull();
    const revoke = await admin.post(`/awards/certificates/${cert!.id}/revoke`, {
      reason: 'Izin usaha dicabut',
    });
    expect(revoke.status).toBe(303);
    const revoked = textOf(await (await anyone.get(`/verifikasi/${cert!.code}`)).text());
    expect(revoked).toContain('Sertifikat ini telah dicabut');
    expect(revoked).toMatch(/Dicabut pada \d{1,2} \w{3} \d{4}/);
    expect((await anyone.api(`/api/v1/catalog/verify/${cert!.code}`)).body.state).toBe('revoked');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.revoke'), eq(auditLog.objectId, cert!.id)));
    expect(audit[0]!.reason).toBe('Izin usaha dicabut');
    const twice = await admin.post(`/awards/certificates/${cert!.id}/revoke`, { reason: 'lagi' });
    expect(twice.status).toBe(409);

    // Past its validity: expired, with the last day.
    await t.database.db
      .update(certificates)
      .set({ validFrom: '2020-01-01', validUntil: '2022-12-31' })
      .where(eq(certificates.id, cert2!.id));
    const expired = textOf(await (await anyone.get(`/verifikasi/${cert2!.code}`)).text());
    expect(expired).toContain('Masa berlaku sertifikat ini sudah habis');
    expect(expired).toContain('31 Des 2022');
    expect(textOf(await (await anyone.get(`/en/verify/${cert2!.code}`)).text())).toContain(
      'This certificate has expired',
    );
    expect((await anyone.api(`/api/v1/catalog/verify/${cert2!.code}`)).body.state).toBe('expired');
  });

  it('documents the verification and results endpoints in the OpenAPI document', async () => {
    const doc = await t.client().api('/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/catalog/verify/{code}', '/catalog/results/{slug}']),
    );
  });
});

describe('catalog, profile and timeline', () => {
  it('shows the current star with its verification link, filters by star, and drops it once revoked', async () => {
    const cycle = await makeAwardCycle(t);
    const award = await makeDecidedNomination(t, cycle.id, { stars: 3, ikmName: 'IKM Katalog Bintang' });
    await publish(cycle.id);
    const [cert] = await certificatesOf(award.nominationId);
    const api = await t.client().api(`/api/v1/catalog/products?star=3`);
    const item = api.body.items.find((p: { name: string }) => p.name === award.productName);
    expect(item.award.stars).toBe(3);
    expect(item.award.verificationUrl).toContain(`/verifikasi/${cert!.code}`);
    const page = await t.client().get(`/produk/${item.slug}`);
    const html = await page.text();
    expect(html).toContain(`/verifikasi/${cert!.code}`);

    const panel = textOf(await (await admin.get(`/registry/ikm/${award.ikmId}`)).text());
    expect(panel).toContain(cert!.number);
    const timeline = textOf(await (await admin.get(`/registry/ikm/${award.ikmId}/timeline`)).text());
    expect(timeline).toContain(`Sertifikat ${cert!.number}`);

    await admin.post(`/awards/certificates/${cert!.id}/revoke`, { reason: 'Uji pencabutan' });
    const after = await t.client().api(`/api/v1/catalog/products?star=3`);
    expect(after.body.items.find((p: { name: string }) => p.name === award.productName)).toBeUndefined();
    expect(await (await t.client().get(`/produk/${item.slug}`)).text()).not.toContain(
      `/verifikasi/${cert!.code}`,
    );
  });
});

describe('the owner’s and the officer’s own certificates', () => {
  /** Links the demo owner account to an IKM, as the registry's IKM form does with the owner's e-mail. */
  async function linkOwner(ikmId: string): Promise<void> {
    const [owner] = await t.database.db.select().from(users).where(eq(users.email, 'ikm@ovop.test'));
    await t.database.db.update(ikm).set({ ownerUserId: owner!.id }).where(eq(ikm.id, ikmId));
  }

  it('shows the owner each awarded product’s star with its certificate and labels, and never another IKM’s (404)', async () => {
    const cycle = await makeAwardCycle(t);
    const mine = await makeDecidedNomination(t, cycle.id, { stars: 3, ikmName: 'IKM Milik Pemilik' });
    const theirs = await makeDecidedNomination(t, cycle.id, { stars: 2, ikmName: 'IKM Orang Lain' });
    await linkOwner(mine.ikmId);
    await publish(cycle.id);
    const [cert] = await certificatesOf(mine.nominationId);
    const [other] = await certificatesOf(theirs.nominationId);
    const owner = await t.as('ikm@ovop.test');

    const page = await owner.get('/awards/mine');
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    expect(text).toContain(`IKM Milik Pemilik: ${mine.productName}`);
    expect(text).toContain('3 bintang');
    expect(text).toContain(cert!.number);
    expect(text).not.toContain('IKM Orang Lain');
    expect(html).toContain(`/awards/certificates/${cert!.id}/certificate.pdf`);
    expect(html).toContain(`/awards/certificates/${cert!.id}/label.svg`);
    expect(html).toContain(`/awards/certificates/${cert!.id}/label.png?mm=30`);
    expect(html).not.toContain(other!.id);
    const en = textOf(await (await owner.get('/awards/mine?lang=en')).text());
    expect(en).toContain('Certificates and star labels');
    expect(en).toContain('3 stars');

    // The IKM's profile, the owner's page in the registry, carries the same section.
    const profile = textOf(await (await owner.get(`/registry/ikm/${mine.ikmId}`)).text());
    expect(profile).toContain('Sertifikat dan bintang OVOP');
    expect(profile).toContain(cert!.number);

    const pdf = await owner.get(`/awards/certificates/${cert!.id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain(cert!.number);
    const svg = await owner.get(`/awards/certificates/${cert!.id}/label.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    for (const mm of [30, 50]) {
      const png = await owner.get(`/awards/certificates/${cert!.id}/label.png?mm=${mm}`);
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
    }

    // Another IKM's certificate does not exist for them; the staff pages are not theirs.
    for (const path of ['certificate.pdf', 'label.svg', 'label.png?mm=50']) {
      const res = await owner.get(`/awards/certificates/${other!.id}/${path}`);
      expect(res.status).toBe(404);
    }
    expect((await owner.get(`/awards/nominations/${mine.nominationId}/certificate.pdf`)).status).toBe(403);
    expect((await owner.get('/awards')).status).toBe(403);
    expect((await owner.get(`/awards/cycles/${cycle.id}`)).status).toBe(403);
    expect((await admin.get('/awards/mine')).status).toBe(403);

    // Revoked: the star stays listed as revoked, without files to print.
    await admin.post(`/awards/certificates/${cert!.id}/revoke`, { reason: 'Uji pemilik' });
    const after = await (await owner.get('/awards/mine')).text();
    expect(textOf(after)).toContain('Dicabut');
    expect(after).not.toContain(`/awards/certificates/${cert!.id}/label.svg`);
    expect((await owner.get(`/awards/certificates/${cert!.id}/label.svg`)).status).toBe(404);
    expect((await admin.get(`/awards/certificates/${cert!.id}/label.svg`)).status).toBe(200);
  });

  it('shows an owner with no awarded product that there is none yet', async () => {
    const owner = await t.as('ikm@ovop.test');
    const [o] = await t.database.db.select().from(users).where(eq(users.email, 'ikm@ovop.test'));
    await t.database.db.update(ikm).set({ ownerUserId: null }).where(eq(ikm.ownerUserId, o!.id));
    const text = textOf(await (await owner.get('/awards/mine')).text());
    expect(text).toContain('Belum ada produk IKM Anda yang berbintang OVOP');
  });

  it('shows the officer the stars and files of IKM in their kab/kota, and not another kab/kota’s (404)', async () => {
    const cycle = await makeAwardCycle(t);
    const ambon = await makeDecidedNomination(t, cycle.id, { stars: 2, kabkota: '81.71' });
    await publish(cycle.id);
    const [cert] = await certificatesOf(ambon.nominationId);
    const officer = await t.as('ambon@ovop.test');
    const profile = await (await officer.get(`/registry/ikm/${ambon.ikmId}`)).text();
    expect(textOf(profile)).toContain(cert!.number);
    expect(textOf(profile)).toContain('2 bintang');
    expect(profile).toContain(`/awards/certificates/${cert!.id}/label.png?mm=30`);
    expect((await officer.get(`/awards/certificates/${cert!.id}/label.svg`)).status).toBe(200);
    expect((await officer.get(`/awards/certificates/${cert!.id}/label.png?mm=30`)).status).toBe(200);

    const other = await t.as('tanimbar@ovop.test');
    expect((await other.get(`/registry/ikm/${ambon.ikmId}`)).status).toBe(404);
    for (const path of ['certificate.pdf', 'label.svg', 'label.png?mm=30']) {
      expect((await other.get(`/awards/certificates/${cert!.id}/${path}`)).status).toBe(404);
    }
    expect((await other.get('/awards/mine')).status).toBe(403);
  });
});

describe('the nomination page', () => {
  it('links to the certificate once issued, and says when it is revoked or expired', async () => {
    const cycle = await makeAwardCycle(t);
    const award = await makeDecidedNomination(t, cycle.id, { stars: 2, kabkota: '81.71' });
    const before = textOf(await (await admin.get(`/nominations/${award.nominationId}`)).text());
    expect(before).not.toContain('diterbitkan untuk');

    await publish(cycle.id);
    const [cert] = await certificatesOf(award.nominationId);
    const officer = await t.as('ambon@ovop.test');
    for (const client of [admin, officer]) {
      const html = await (await client.get(`/nominations/${award.nominationId}`)).text();
      expect(textOf(html)).toContain(`Sertifikat ${cert!.number} diterbitkan untuk 2 dari 3 bintang`);
      expect(html).toContain(`/awards/certificates/${cert!.id}/certificate.pdf`);
      expect(html).toContain(`/verifikasi/${cert!.code}`);
    }
    const en = textOf(await (await admin.get(`/nominations/${award.nominationId}?lang=en`)).text());
    expect(en).toContain(`Certificate ${cert!.number} was issued for 2 of 3 stars`);

    await t.database.db
      .update(certificates)
      .set({ validFrom: '2020-01-01', validUntil: '2022-12-31' })
      .where(eq(certificates.id, cert!.id));
    expect(textOf(await (await admin.get(`/nominations/${award.nominationId}`)).text())).toContain(
      'Masa berlaku sertifikat ini habis pada 31 Des 2022',
    );

    await admin.post(`/awards/certificates/${cert!.id}/revoke`, { reason: 'Produk dihentikan' });
    const revoked = textOf(await (await officer.get(`/nominations/${award.nominationId}`)).text());
    expect(revoked).toMatch(/Sertifikat ini dicabut pada \d{1,2} \w{3} \d{4}: Produk dihentikan/);
  });
});

describe('sitemap', () => {
  it('lists the published results pages in both languages with hreflang, never an unpublished round', async () => {
    const shown = await makeAwardCycle(t, { name: 'Periode Sitemap Diumumkan' });
    await makeDecidedNomination(t, shown.id, { stars: 2 });
    const hidden = await makeAwardCycle(t, { name: 'Periode Sitemap Rahasia' });
    await makeDecidedNomination(t, hidden.id, { stars: 3 });

    const index = await (await t.client().get('/sitemap.xml')).text();
    expect(index).toContain('<loc>http://localhost/sitemap-results.xml</loc>');
    const empty = await (await t.client().get('/sitemap-results.xml')).text();
    expect(empty).not.toContain(cycleSlug(shown.name));

    await publish(shown.id);
    const res = await t.client().get('/sitemap-results.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    const slug = cycleSlug(shown.name);
    expect(xml).toContain(`<loc>http://localhost/hasil/${slug}</loc>`);
    expect(xml).toContain(`<loc>http://localhost/en/results/${slug}</loc>`);
    expect(xml).toContain(`hreflang="id" href="http://localhost/hasil/${slug}"`);
    expect(xml).toContain(`hreflang="en" href="http://localhost/en/results/${slug}"`);
    expect(xml).toContain('<loc>http://localhost/hasil</loc>');
    expect(xml).not.toContain(cycleSlug(hidden.name));
    // Every listed address answers.
    for (const loc of xml.matchAll(/<loc>http:\/\/localhost([^<]+)<\/loc>/g))
      expect((await t.client().get(loc[1]!)).status).toBe(200);
  });
});
