import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { files } from '../../db/schema/files.ts';
import { ikm, productPhotos, products } from '../../db/schema/registry.ts';

let t: TestApp;
let ambon: TestClient;
let tanimbar: TestClient;
let ikmId: string;

const idFrom = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('#')[0]!;

/** A photo that is hard to compress: random blocks, so even the thumbnail has detail to shrink. */
async function photo(
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' = 'jpeg',
): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const w = Math.max(1, Math.round(width / 4));
  const h = Math.max(1, Math.round(height / 4));
  const raw = Buffer.alloc(w * h * 3);
  let s = 12345;
  for (let i = 0; i < raw.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    raw[i] = s & 255;
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .resize({ width, height, kernel: 'nearest' })
    .toFormat(format, format === 'jpeg' ? { quality: 85 } : {})
    .toBuffer();
}

const productForm = (over: Record<string, string> = {}) => ({
  ikmId,
  name: 'Kain Tenun Ikat Tanimbar Motif Ulerati',
  commodity: 'kain_tenun',
  descriptionId: 'Kain tenun ikat dari Desa Kandar.',
  descriptionEn: '',
  storyId: '',
  storyEn: '',
  localMaterialPct: '80',
  priceMin: '750.000',
  priceMax: '1,5 juta',
  capacityQty: '',
  capacityUnit: '',
  capacityPeriod: '',
  hsCode: '5809.00.00',
  packaging: 'Kotak karton',
  certifications: '',
  ...over,
});

const photoRows = async (productId: string) =>
  t.database.db.select().from(productPhotos).where(eq(productPhotos.productId, productId));

beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_MB: '2' } });
  [ambon, tanimbar] = await Promise.all([t.as('ambon@ovop.test'), t.as('tanimbar@ovop.test')]);
  const res = await ambon.post('/registry/ikm', {
    name: 'Sanggar Tenun Nusaniwe',
    ownerName: 'Fransina Souisa',
    kabkotaCode: '81.71',
    desa: 'Benteng',
  });
  expect(res.status).toBe(303);
  ikmId = idFrom(res);
});
afterAll(() => t.close());

describe('products', () => {
  let productId: string;

  it('records a product with an HS code, a price range and a sanitised story', async () => {
    const res = await ambon.post(
      '/registry/products',
      productForm({
        storyId:
          '<p>Ditenun oleh <b>mama-mama</b> di Kandar.</p><script>alert("x")</script>\n\n- motif Ulerati\n- pewarna alam',
      }),
    );
    expect(res.status).toBe(303);
    productId = idFrom(res);
    const [row] = await t.database.db.select().from(products).where(eq(products.id, productId));
    expect(row).toMatchObject({
      hsCode: '58090000',
      priceMin: 750_000,
      priceMax: 1_500_000,
      kabkotaCode: '81.71',
    });
    expect(row!.storyId).toBe('Ditenun oleh **mama-mama** di Kandar.\n\n- motif Ulerati\n- pewarna alam');
    const html = await (await ambon.get(`/registry/products/${productId}`)).text();
    expect(html).toContain('<strong>mama-mama</strong>');
    expect(html).toContain('<li>motif Ulerati</li>');
    expect(html).not.toContain('alert(');
    expect(textOf(html)).toContain('5809.00.00');
    // The IKM's search text and commodities follow its products.
    const [owner] = await t.database.db.select().from(ikm).where(eq(ikm.id, ikmId));
    expect(owner!.commodities).toEqual(['kain_tenun']);
    expect(textOf(await (await ambon.get('/registry/ikm?q=ulerati')).text())).toContain(
      'Sanggar Tenun Nusaniwe',
    );
  });

  it('refuses an HS code of 5 digits and a highest price below the lowest, keeping the input', async () => {
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(products))[0]!.n;
    const res = await ambon.post(
      '/registry/products',
      productForm({ name: 'Selendang', hsCode: '58090', priceMax: '500.000' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Kode HS harus 6–10 digit; yang diisi 5 digit.');
    expect(textOf(html)).toContain('Harga tertinggi tidak boleh di bawah harga terendah.');
    expect(html).toContain('value="Selendang"');
    const after = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(products))[0]!.n;
    expect(after).toBe(before);
  });

  it('stores a photo once, with a thumbnail of at most 30 KB, and makes it the cover', async () => {
    const big = await photo(1600, 1200);
    expect(big.byteLength).toBeGreaterThan(500_000);
    const res = await ambon.post(`/registry/products/${productId}/photos`, {
      photo: new File([new Uint8Array(big)], 'tenun.jpg'),
      caption: 'Motif Ulerati',
    });
    expect(res.status).toBe(303);
    const [row] = await photoRows(productId);
    expect(row!.fileMime).toBe('image/jpeg');
    const [thumb] = await t.database.db.select().from(files).where(eq(files.sha256, row!.thumbSha256));
    expect(thumb!.size).toBeLessThanOrEqual(30 * 1024);
    expect(thumb!.mime).toBe('image/webp');
    const [p] = await t.database.db.select().from(products).where(eq(products.id, productId));
    expect(p!.coverPhotoId).toBe(row!.id);
    const served = await ambon.get(`/registry/photos/${row!.id}/thumb`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect((await served.arrayBuffer()).byteLength).toBeLessThanOrEqual(30 * 1024);
    expect((await tanimbar.get(`/registry/photos/${row!.id}/thumb`)).status).toBe(404);
    // The same bytes again are stored once on disk.
    await ambon.post(`/registry/products/${productId}/photos`, {
      photo: new File([new Uint8Array(big)], 'lagi.jpg'),
    });
    expect(await photoRows(productId)).toHaveLength(2);
    expect(fs.existsSync(t.deps.files.pathOf(row!.fileSha256))).toBe(true);
    const stored = await t.database.db.select().from(files).where(eq(files.sha256, row!.fileSha256));
    expect(stored).toHaveLength(1);
  });

  it('accepts PNG and WebP photos too', async () => {
    for (const format of ['png', 'webp'] as const) {
      const res = await ambon.post(`/registry/products/${productId}/photos`, {
        photo: new File([new Uint8Array(await photo(400, 300, format))], `foto.${format}`),
      });
      expect(res.status).toBe(303);
    }
  });

  it('refuses, by its bytes, a program or a PDF renamed .jpg, and keeps nothing of it', async () => {
    const before = (await photoRows(productId)).length;
    const filesBefore = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(files))[0]!.n;
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0)]);
    const exe = await ambon.post(`/registry/products/${productId}/photos`, {
      photo: new File([new Uint8Array(elf)], 'foto.jpg'),
    });
    expect(exe.status).toBe(422);
    expect(textOf(await exe.text())).toMatch(
      /Berkas foto\.jpg bukan foto JPEG, PNG atau WebP \(isinya terbaca sebagai (ELF|EXE)\)/,
    );
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await ambon.post(`/registry/products/${productId}/photos`, {
      photo: new File([new Uint8Array(pdf)], 'produk.jpg'),
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain(
      'Berkas produk.jpg bukan foto JPEG, PNG atau WebP (isinya terbaca sebagai PDF)',
    );
    expect(await photoRows(productId)).toHaveLength(before);
    const filesAfter = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(files))[0]!.n;
    expect(filesAfter).toBe(filesBefore);
  });

  it('refuses a photo over the limit, naming the limit, whether the form or the server stops it', async () => {
    const before = (await photoRows(productId)).length;
    // Over UPLOAD_MAX_MB (2) but within the request limit: the form says so beside the field.
    const three = Buffer.concat([await photo(64, 64), Buffer.alloc(3 * 1024 * 1024)]);
    const over = await ambon.post(`/registry/products/${productId}/photos`, {
      photo: new File([new Uint8Array(three)], 'besar.jpg'),
    });
    expect(over.status).toBe(422);
    expect(textOf(await over.text())).toContain('Foto besar.jpg terlalu besar (3.0 MB); batasnya 2 MB.');
    // 50 MB: the server refuses the request itself, with the limit in the message.
    const fifty = Buffer.concat([await photo(64, 64), Buffer.alloc(50 * 1024 * 1024)]);
    const huge = await ambon.post(`/registry/products/${productId}/photos`, {
      photo: new File([new Uint8Array(fifty)], 'raksasa.jpg'),
    });
    expect(huge.status).toBe(413);
    expect(textOf(await huge.text())).toContain('melebihi batas 2 MB per berkas');
    expect(await photoRows(productId)).toHaveLength(before);
  });

  it('removes a photo and moves the cover to the next one', async () => {
    const [first, second] = (await photoRows(productId)).sort((a, b) => a.position - b.position);
    const res = await ambon.post(`/registry/photos/${first!.id}/remove`);
    expect(res.status).toBe(303);
    const [p] = await t.database.db.select().from(products).where(eq(products.id, productId));
    expect(p!.coverPhotoId).toBe(second!.id);
    expect((await ambon.get(`/registry/photos/${first!.id}/thumb`)).status).toBe(404);
  });

  it('keeps products of another kab/kota out of reach', async () => {
    expect((await tanimbar.get(`/registry/products/${productId}`)).status).toBe(404);
    const res = await tanimbar.post('/registry/products', productForm({ name: 'Curian' }));
    expect(res.status).toBe(404);
  });

  it('refuses a stale product save and shows both versions', async () => {
    const [row] = await t.database.db.select().from(products).where(eq(products.id, productId));
    const form = productForm({ version: String(row!.version) });
    expect(
      (await ambon.post(`/registry/products/${productId}`, { ...form, packaging: 'Besek bambu' })).status,
    ).toBe(303);
    const late = await ambon.post(`/registry/products/${productId}`, { ...form, name: 'Nama versi lama' });
    expect(late.status).toBe(409);
    expect(textOf(await late.text())).toContain('Nama versi lama');
  });
});
