import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import {
  coachingOutcomePhotos,
  coachingOutcomes,
  coachingParticipants,
  coachingProgrammes,
} from '../../db/schema/coaching.ts';
import { ikm, legalDocuments } from '../../db/schema/registry.ts';
import { seedDemo } from '../../db/seed/index.ts';

let t: TestApp;
const programme = async (title: string) =>
  (await t.deps.db.select().from(coachingProgrammes).where(eq(coachingProgrammes.title, title)))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files });
}, 180_000);
afterAll(() => t.close());

describe('the coaching demo data', () => {
  it('holds a halal facilitation whose certificates are now the IKMs’ legal documents', async () => {
    const halal = await programme('Fasilitasi Sertifikasi Halal bagi IKM Pangan 2024');
    const participants = await t.deps.db
      .select()
      .from(coachingParticipants)
      .where(eq(coachingParticipants.programmeId, halal.id));
    expect(participants).toHaveLength(5);
    const certificates = await t.deps.db
      .select({
        number: coachingOutcomes.evidenceNumber,
        doc: legalDocuments.number,
        kind: legalDocuments.kind,
      })
      .from(coachingOutcomes)
      .innerJoin(legalDocuments, eq(legalDocuments.id, coachingOutcomes.legalDocumentId))
      .where(eq(coachingOutcomes.programmeId, halal.id));
    expect(certificates).toHaveLength(3);
    for (const c of certificates) expect(c).toMatchObject({ kind: 'halal', doc: c.number });
  });

  it('holds a packaging bimtek with photos, OVOP Go Global and Ambon’s own equipment aid', async () => {
    const packaging = await programme('Bimtek Kemasan dan Re-branding Produk Pangan OVOP');
    const photos = await t.deps.db
      .select()
      .from(coachingOutcomePhotos)
      .innerJoin(coachingOutcomes, eq(coachingOutcomes.id, coachingOutcomePhotos.outcomeId))
      .where(eq(coachingOutcomes.programmeId, packaging.id));
    expect(photos).toHaveLength(3);
    const goGlobal = await programme('OVOP Go Global: Kurasi dan Pendampingan Ekspor 2024');
    expect(goGlobal).toMatchObject({ kind: 'export_coaching', level: 'centre', fundingSource: 'apbn' });
    const market = await t.deps.db
      .select()
      .from(coachingOutcomes)
      .where(and(eq(coachingOutcomes.programmeId, goGlobal.id), isNotNull(coachingOutcomes.valueRp)));
    expect(market[0]!.valueRp).toBe(85_000_000n);
    const equipment = await programme('Bantuan Peralatan Produksi IKM Kota Ambon 2024');
    expect(equipment.kabkotaCode).toBe('81.71');
    const tanimbar = await t.as('tanimbar@ovop.test');
    expect((await tanimbar.get(`/coaching/programmes/${equipment.id}`)).status).toBe(404);
    const ambon = await t.as('ambon@ovop.test');
    expect((await ambon.get(`/coaching/programmes/${equipment.id}`)).status).toBe(200);
  });

  it('shows the demo owner’s IKM its programmes, the bimtek it attended, and outcomes on its timeline', async () => {
    const [owned] = await t.deps.db
      .select()
      .from(ikm)
      .where(eq(ikm.name, 'Kerajinan Mutiara Hati Batu Merah'));
    const owner = await t.as('ikm@ovop.test');
    const page = textOf(await (await owner.get(`/registry/ikm/${owned!.id}/timeline`)).text());
    expect(page).toContain('Mengikuti OVOP Go Global: Kurasi dan Pendampingan Ekspor 2024');
    expect(page).toContain('Pelatihan diselesaikan');
    expect(page).toContain('Bimbingan Teknis Kemasan dan Cerita Produk bagi IKM Calon OVOP Hadir');
  });

  it('has recommendations waiting, answered by the open halal wave', async () => {
    const admin = await t.as('admin@ovop.test');
    // Certification only: the decided 2024 results add gap-analysis recommendations of other kinds.
    const html = await (await admin.get('/coaching/recommendations?kind=certification')).text();
    expect(textOf(html)).toContain('Belum bersertifikat halal');
    const wave2 = await programme('Fasilitasi Sertifikasi Halal Gelombang II');
    expect(html).toContain(`value="${wave2.id}"`);
    const list = textOf(await (await admin.get('/coaching/programmes')).text());
    expect(list).toContain('Pameran Produk Unggulan Maluku');
    expect(list).toContain('Direncanakan');
  });

  it('runs once: a second run adds nothing', async () => {
    const before = (await t.deps.db.select().from(coachingProgrammes)).length;
    expect(before).toBe(6);
    expect(await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files })).toEqual([]);
    expect((await t.deps.db.select().from(coachingProgrammes)).length).toBe(before);
  });
});
