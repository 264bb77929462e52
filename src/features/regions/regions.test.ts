import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { malukuRegions } from '../../db/seed/regions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('regions of Maluku', () => {
  it('holds the province, 11 kab/kota and 119 kecamatan', () => {
    const rows = malukuRegions();
    expect(rows.filter((r) => r.level === 'provinsi')).toHaveLength(1);
    expect(rows.filter((r) => r.level === 'kabupaten_kota')).toHaveLength(11);
    expect(rows.filter((r) => r.level === 'kecamatan')).toHaveLength(119);
  });

  it('keeps the BPS code beside the Kemendagri code and flags where they differ', async () => {
    const c = await t.as('penilai1@ovop.test');
    const text = textOf(await (await c.get('/regions/81')).text());
    expect(text).toContain('Kabupaten Kepulauan Tanimbar');
    expect(text).toMatch(/81\.03 Kabupaten Kepulauan Tanimbar[^|]*8101 berbeda dari kode Kemendagri/);
    expect(text).toContain('81.02 Kabupaten Maluku Tenggara 8102 11');
    expect(text).toContain('81.01 Kabupaten Maluku Tengah 8103 berbeda dari kode Kemendagri 18');
  });

  it('lists the kecamatan of a kab/kota with a breadcrumb', async () => {
    const c = await t.as('ambon@ovop.test');
    const text = textOf(await (await c.get('/regions/81.71')).text());
    expect(text).toContain('Kecamatan di Kota Ambon');
    expect(text).toContain('Sirimau');
    expect(text).toContain('Maluku');
  });

  it('answers 404 for an unknown or malformed code', async () => {
    const c = await t.as('ambon@ovop.test');
    expect((await c.get('/regions/81.99')).status).toBe(404);
    expect((await c.get('/regions/..%2F..%2Fetc')).status).toBe(404);
  });
});
