import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { ikm, products } from '../../db/schema/registry.ts';

let t: TestApp;
let ambon: TestClient;
let visitor: TestClient;

const idFrom = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('#')[0]!;

/** A photo a phone might take (random blocks, so its derivatives have work to do). */
async function photo(): Promise<File> {
  const { default: sharp } = await import('sharp');
  const raw = Buffer.alloc(200 * 150 * 3);
  let s = 99;
  for (let i = 0; i < raw.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    raw[i] = s & 255;
  }
  const jpeg = await sharp(raw, { raw: { width: 200, height: 150, channels: 3 } })
    .resize({ width: 1200, height: 900, kernel: 'nearest' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return new File([new Uint8Array(jpeg)], 'foto.jpg');
}

async function newIkm(client: TestClient, fields: Record<string, string>): Promise<string> {
  const res = await client.post('/registry/ikm', {
    ownerName: 'Fransina Souisa',
    kabkotaCode: '81.71',
    desa: 'Batu Merah',
    phone: '081234567890',
    email: 'pemilik@contoh.test',
    nib: '',
    address: 'Jl. Pattimura No. 7, Batu Merah',
    ...fields,
  });
  expect(res.status, await res.clone().text()).toBe(303);
  return idFrom(res);
}

async function newProduct(
  client: TestClient,
  ikmId: string,
  fields: Record<string, string>,
): Promise<string> {
  const res = await client.post('/registry/products', {
    ikmId,
    commodity: 'lainnya',
    descriptionId: 'Kerajinan kulit mutiara dari Batu Merah.',
    storyId: 'Cangkang dari Dobo diolah para perajin Batu Merah.',
    priceMin: '150.000',
    priceMax: '450.000',
    hsCode: '7116.10',
    published: 'yes',
    ...fields,
  });
  expect(res.status, await res.clone().text()).toBe(303);
  return idFrom(res);
}

const slugOf = async (productId: string) =>
  (await t.database.db.select({ slug: products.slug }).from(products).where(eq(products.id, productId)))[0]!
    .slug!;
const ikmSlugOf = async (ikmId: string) =>
  (await t.database.db.select({ slug: ikm.slug }).from(ikm).where(eq(ikm.id, ikmId)))[0]!.slug!;

let pearlIkm: string;
let pearlBrooch: string;
let draft: string;
let hiddenIkm: string;

beforeAll(async () => {
  t = await createTestApp();
  ambon = await t.as('ambon@ovop.test');
  visitor = t.client();
  pearlIkm = await newIkm(ambon, {
    name: 'Kerajinan Mutiara Hati',
    nib: '9120001234567',
    contactPublic: 'on',
  });
  pearlBrooch = await newProduct(ambon, pearlIkm, { name: 'Bros Kulit Mutiara' });
  const upload = await ambon.post(`/registry/products/${pearlBrooch}/photos`, { photo: await photo() });
  expect(upload.status).toBe(303);
  draft = await newProduct(ambon, pearlIkm, { name: 'Kalung Mutiara Rahasia', published: 'no' });
  hiddenIkm = await newIkm(ambon, {
    name: 'Sanggar Café Ñusaniwe',
    ownerName: 'Yohanis Latuheru',
    phone: '081299998888',
    email: 'rahasia@contoh.test',
    address: 'Jl. Rahasia No. 1',
  });
  await newProduct(ambon, hiddenIkm, {
    name: 'Kopi Rempah Nusaniwe',
    commodity: 'makanan_minuman',
    hsCode: '0901.21',
  });
  const halal = await ambon.post(`/registry/ikm/${hiddenIkm}/documents`, {
    kind: 'halal',
    number: 'ID81110000123450124',
    issueDate: '01/01/2025',
    expiryDate: '01/01/2035',
  });
  expect(halal.status).toBe(303);
}, 60_000);
afterAll(() => t.close());

describe('what is public', () => {
  it('shows a published product with its photo, story, maker and region, and never a draft', async () => {
    const res = await visitor.get(`/produk/${await slugOf(pearlBrooch)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain('Bros Kulit Mutiara');
    expect(text).toContain('Kerajinan Mutiara Hati');
    expect(text).toContain('Kota Ambon');
    expect(text).toContain('Cangkang dari Dobo');
    expect(text).toContain('7116.10');
    expect(html).toMatch(/<img src="\/foto\/[0-9a-f-]+\/thumb\.webp" srcset="[^"]+ 320w, [^"]+ 960w"/);
    expect(html).toMatch(/width="320" height="240"/);
    // Drafts are nowhere: not by address, not in lists, not in the API, not in the sitemap.
    expect((await visitor.get(`/produk/${await slugOf(draft)}`)).status).toBe(404);
    expect(textOf(await (await visitor.get('/produk?q=mutiara')).text())).not.toContain(
      'Kalung Mutiara Rahasia',
    );
    expect((await visitor.api(`/api/v1/catalog/products/${await slugOf(draft)}`)).status).toBe(404);
    const sitemap = await (await visitor.get('/sitemap-products.xml')).text();
    expect(sitemap).toContain(`/produk/${await slugOf(pearlBrooch)}`);
    expect(sitemap).not.toContain(await slugOf(draft));
  });

  it('never shows the NIB, and shows contacts only while the owner consents', async () => {
    const consented = await (await visitor.get(`/produk/${await slugOf(pearlBrooch)}`)).text();
    expect(consented).not.toContain('9120001234567');
    expect(textOf(consented)).toContain('+6281234567890');
    expect(textOf(consented)).toContain('Fransina Souisa');
    const [coffee] = await t.database.db.select().from(products).where(eq(products.ikmId, hiddenIkm));
    const html = await (await visitor.get(`/produk/${coffee!.slug}`)).text();
    const text = textOf(html);
    expect(text).toContain('Kopi Rempah Nusaniwe');
    for (const secret of ['Yohanis Latuheru', '+6281299998888', 'rahasia@contoh.test', 'Jl. Rahasia'])
      expect(html).not.toContain(secret);
    expect(text).toContain('Pemilik belum menyetujui kontaknya ditampilkan');
    const api = await visitor.api(`/api/v1/catalog/products/${coffee!.slug}`);
    expect(api.status).toBe(200);
    expect(api.body.maker.contact).toBeNull();
    expect(JSON.stringify(api.body)).not.toContain('rahasia@contoh.test');
    expect(JSON.stringify(api.body)).not.toContain('9120001234567');
    // Its valid halal certificate is public: it is printed on the packaging anyway.
    expect(text).toContain('Sertifikat halal');
    expect(api.body.maker.certifications[0]).toMatchObject({ kind: 'halal', validUntil: '2035-01-01' });
  });

  it('takes a product out of the catalog when the office unpublishes it or archives its IKM', async () => {
    const id = await newProduct(ambon, pearlIkm, { name: 'Gelang Mutiara Sementara' });
    const slug = await slugOf(id);
    expect((await visitor.get(`/produk/${slug}`)).status).toBe(200);
    const [row] = await t.database.db.select().from(products).where(eq(products.id, id));
    const form = {
      ikmId: pearlIkm,
      name: 'Gelang Mutiara Sementara',
      commodity: 'lainnya',
      published: 'no',
      version: String(row!.version),
    };
    expect((await ambon.post(`/registry/products/${id}`, form)).status).toBe(303);
    expect((await visitor.get(`/produk/${slug}`)).status).toBe(404);
    const page = await visitor.get(`/produk/${slug}`);
    expect(textOf(await page.text())).toContain('tidak lagi ditampilkan di katalog');

    const gone = await newIkm(ambon, { name: 'UD Tutup Usaha' });
    const goneProduct = await newProduct(ambon, gone, { name: 'Produk Usaha Tutup' });
    const goneSlug = await slugOf(goneProduct);
    const goneIkmSlug = await ikmSlugOf(gone);
    expect((await visitor.get(`/ikm/${goneIkmSlug}`)).status).toBe(200);
    expect((await ambon.post(`/registry/ikm/${gone}/archive`)).status).toBe(303);
    expect((await visitor.get(`/produk/${goneSlug}`)).status).toBe(404);
    expect((await visitor.get(`/ikm/${goneIkmSlug}`)).status).toBe(404);
    expect((await visitor.api(`/api/v1/catalog/ikm/${goneIkmSlug}`)).status).toBe(404);
  });

  it('shows an IKM only with its public products, and its photos only while public', async () => {
    const page = await visitor.get(`/ikm/${await ikmSlugOf(pearlIkm)}`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Bros Kulit Mutiara');
    expect(text).not.toContain('Kalung Mutiara Rahasia');
    const [cover] = await t.database.db
      .select({ id: products.coverPhotoId })
      .from(products)
      .where(eq(products.id, pearlBrooch));
    const served = await visitor.get(`/foto/${cover!.id}/thumb.webp`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(Number(served.headers.get('content-length'))).toBeLessThanOrEqual(30 * 1024);
    expect((await visitor.get(`/foto/${cover!.id}/original.jpg`)).status).toBe(404);
  });

  it('lists regions with their number of public products and opens a region page', async () => {
    const home = await visitor.get('/');
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('<svg class="map"');
    expect(html).toContain('Batas wilayah: BPS / OCHA (HDX), CC BY 3.0 IGO, disederhanakan');
    expect(html).toMatch(/aria-label="Kota Ambon: 2 produk"/);
    expect(html).toContain('href="/login"');
    const region = await visitor.get('/wilayah/kota-ambon');
    expect(region.status).toBe(200);
    expect(textOf(await region.text())).toContain('2 produk dari 2 IKM di Kota Ambon');
    expect((await visitor.get('/wilayah/atlantis')).status).toBe(404);
    const api = await visitor.api('/api/v1/catalog/regions');
    expect(api.body.items.find((r: { code: string }) => r.code === '81.71').productCount).toBe(2);
  });
});

describe('consent withdrawn', () => {
  it('removes the owner’s contacts from the pages and the API at once', async () => {
    const slug = await slugOf(pearlBrooch);
    const before = await visitor.api(`/api/v1/catalog/products/${slug}`);
    expect(before.body.maker.contact.phone).toBe('+6281234567890');
    const [row] = await t.database.db.select().from(ikm).where(eq(ikm.id, pearlIkm));
    const res = await ambon.post(`/registry/ikm/${pearlIkm}`, {
      name: row!.name,
      ownerName: row!.ownerName,
      kabkotaCode: '81.71',
      desa: row!.desa ?? '',
      phone: '081234567890',
      email: 'pemilik@contoh.test',
      nib: '9120001234567',
      address: row!.address ?? '',
      version: String(row!.version),
      // contactPublic absent: the box was unticked.
    });
    expect(res.status).toBe(303);
    for (const path of [`/produk/${slug}`, `/ikm/${await ikmSlugOf(pearlIkm)}`, `/en/products/${slug}`]) {
      const html = await (await visitor.get(path)).text();
      expect(html, path).not.toContain('+6281234567890');
      expect(html, path).not.toContain('pemilik@contoh.test');
      expect(html, path).not.toContain('Fransina Souisa');
      expect(html, path).not.toContain('Jl. Pattimura No. 7');
    }
    const after = await visitor.api(`/api/v1/catalog/products/${slug}`);
    expect(after.body.maker.contact).toBeNull();
    expect(JSON.stringify(after.body)).not.toContain('+6281234567890');
    const ikmApi = await visitor.api(`/api/v1/catalog/ikm/${await ikmSlugOf(pearlIkm)}`);
    expect(ikmApi.body.contact).toBeNull();
    // A client revalidating its cached copy gets the new one, not a 304.
    const res2 = await t.app.request(`http://localhost/api/v1/catalog/products/${slug}`);
    expect(res2.headers.get('cache-control')).toBe('public, no-cache');
  });
});

describe('search', () => {
  it('ignores case and accents, and filters by region, commodity and certification', async () => {
    const accent = textOf(await (await visitor.get('/produk?q=CAFE%20nusaniwe')).text());
    expect(accent).toContain('Kopi Rempah Nusaniwe');
    const plain = textOf(await (await visitor.get('/produk?q=kop%C3%AD')).text());
    expect(plain).toContain('Kopi Rempah Nusaniwe');
    const halal = textOf(await (await visitor.get('/produk?cert=halal')).text());
    expect(halal).toContain('Kopi Rempah Nusaniwe');
    expect(halal).not.toContain('Bros Kulit Mutiara');
    const food = textOf(await (await visitor.get('/produk?commodity=makanan_minuman&kabkota=81.71')).text());
    expect(food).toContain('Kopi Rempah Nusaniwe');
    expect(food).not.toContain('Bros Kulit Mutiara');
    const elsewhere = textOf(await (await visitor.get('/produk?kabkota=81.03')).text());
    expect(elsewhere).toContain('Tidak ada produk yang cocok');
    const api = await visitor.api('/api/v1/catalog/products?q=nusaniwe&cert=halal');
    expect(api.body.items.map((i: { name: string }) => i.name)).toEqual(['Kopi Rempah Nusaniwe']);
  });

  it('shows script and SQL typed into the search as text, and runs them as nothing', async () => {
    const script = '<script>alert(1)</script>';
    const res = await visitor.get(`/produk?q=${encodeURIComponent(script)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const sqlText = "'; drop table products; --";
    const res2 = await visitor.get(`/produk?q=${encodeURIComponent(sqlText)}`);
    expect(res2.status).toBe(200);
    expect(textOf(await res2.text())).toContain('Hasil pencarian "\'; drop table products; --"');
    const api = await visitor.api(`/api/v1/catalog/products?q=${encodeURIComponent("%' or '1'='1")}`);
    expect(api.status).toBe(200);
    expect(api.body.items).toEqual([]);
    const [count] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(products);
    expect(Number(count!.n)).toBeGreaterThan(3);
  });

  it('pages by keyset: the next page continues where the first stopped', async () => {
    for (let i = 0; i < 26; i++)
      await newProduct(ambon, pearlIkm, {
        name: `Anting Mutiara ${i}`,
        priceMin: String(1000 + i),
        priceMax: '',
      });
    const first = await visitor.api('/api/v1/catalog/products?sort=price');
    expect(first.body.items).toHaveLength(24);
    expect(first.body.next).toBeTruthy();
    const second = await visitor.api(`/api/v1/catalog/products?sort=price&after=${first.body.next}`);
    const names = [...first.body.items, ...second.body.items].map((i: { name: string }) => i.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('Anting Mutiara 0');
    const page2 = textOf(await (await visitor.get(`/produk?sort=price&after=${first.body.next}`)).text());
    expect(page2).toContain('Sebelumnya');
  });
});

describe('slugs', () => {
  it('keeps a product’s address when it is renamed, and gives a same-named product another', async () => {
    const id = await newProduct(ambon, pearlIkm, { name: 'Tas Anyaman' });
    const twin = await newProduct(ambon, hiddenIkm, { name: 'Tas Anyaman' });
    const slug = await slugOf(id);
    expect(slug).toBe('tas-anyaman');
    expect(await slugOf(twin)).toBe('tas-anyaman-sanggar-cafe-nusaniwe');
    const [row] = await t.database.db.select().from(products).where(eq(products.id, id));
    const res = await ambon.post(`/registry/products/${id}`, {
      ikmId: pearlIkm,
      name: 'Tas Anyaman Pandan Besar',
      commodity: 'anyaman',
      published: 'yes',
      version: String(row!.version),
    });
    expect(res.status).toBe(303);
    expect(await slugOf(id)).toBe('tas-anyaman');
    expect(textOf(await (await visitor.get('/produk/tas-anyaman')).text())).toContain(
      'Tas Anyaman Pandan Besar',
    );
  });
});

describe('two languages', () => {
  it('serves each page in English under /en, each naming the other with hreflang and a canonical', async () => {
    const slug = await slugOf(pearlBrooch);
    const en = await visitor.get(`/en/products/${slug}`);
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(html).toContain('<html lang="en">');
    expect(textOf(html)).toContain('Send an inquiry');
    expect(html).toContain(`<link rel="canonical" href="http://localhost/en/products/${slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hreflang="id" href="http://localhost/produk/${slug}"/>`);
    expect(html).toContain(
      `<link rel="alternate" hreflang="en" href="http://localhost/en/products/${slug}"/>`,
    );
    expect(html).toContain(`href="/produk/${slug}" hreflang="id" lang="id"`);
    // The story has no English text yet: it is shown in Indonesian, and says so.
    expect(textOf(html)).toContain('This story is not yet available in English');
    const id = await (await visitor.get(`/produk/${slug}`)).text();
    expect(id).toContain('<html lang="id">');
    expect(id).toContain(`href="/en/products/${slug}" hreflang="en" lang="en"`);
    expect(textOf(await (await visitor.get('/en/regions/kota-ambon')).text())).toContain(
      'Products from Kota Ambon',
    );
  });

  it('has no script but the schema.org data, links only its own stylesheet, and shares well', async () => {
    const slug = await slugOf(pearlBrooch);
    for (const path of [
      '/',
      '/en',
      '/produk',
      `/produk/${slug}`,
      `/ikm/${await ikmSlugOf(pearlIkm)}`,
      '/wilayah',
    ]) {
      const html = await (await visitor.get(path)).text();
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      expect(
        scripts.every((s) => s === '<script type="application/ld+json">'),
        path,
      ).toBe(true);
      expect(html.match(/<link rel="stylesheet"[^>]*>/g), path).toEqual([
        '<link rel="stylesheet" href="/static/css/catalog.css"/>',
      ]);
    }
    const html = await (await visitor.get(`/produk/${slug}`)).text();
    expect(html).toContain('<meta property="og:type" content="product"/>');
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/localhost\/foto\/[0-9a-f-]+\/display\.webp"\/>/,
    );
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    expect(ld).toMatchObject({
      '@type': 'Product',
      name: 'Bros Kulit Mutiara',
      brand: { name: 'Kerajinan Mutiara Hati' },
      offers: { priceCurrency: 'IDR', lowPrice: 150000, highPrice: 450000 },
    });
    const home = await (await visitor.get('/')).text();
    expect(home).toContain('"@type":"GovernmentOrganization"');
  });

  it('keeps text that could close the data block inside it', async () => {
    const id = await newProduct(ambon, pearlIkm, { name: 'Sambal </script><script>alert(1)</script>' });
    const html = await (await visitor.get(`/produk/${await slugOf(id)}`)).text();
    expect(html).not.toContain('<script>alert(1)');
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(block).name).toBe('Sambal </script><script>alert(1)</script>');
  });
});

describe('search engines and the API', () => {
  it('answers robots.txt and a sitemap index whose files name both languages', async () => {
    const robots = await (await visitor.get('/robots.txt')).text();
    expect(robots).toContain('Disallow: /registry');
    expect(robots).toContain('Sitemap: http://localhost/sitemap.xml');
    const index = await (await visitor.get('/sitemap.xml')).text();
    expect(index).toContain('<loc>http://localhost/sitemap-products.xml</loc>');
    const pages = await (await visitor.get('/sitemap-pages.xml')).text();
    expect(pages).toContain('<loc>http://localhost/wilayah/kota-ambon</loc>');
    expect(pages).toContain('hreflang="en" href="http://localhost/en/regions/kota-ambon"');
    const ikmMap = await (await visitor.get('/sitemap-ikm.xml')).text();
    expect(ikmMap).toContain(`/ikm/${await ikmSlugOf(pearlIkm)}`);
  });

  it('documents the catalog API and answers with ETags that revalidate', async () => {
    const doc = await visitor.api('/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/catalog/products',
        '/catalog/products/{slug}',
        '/catalog/ikm/{slug}',
        '/catalog/regions',
      ]),
    );
    expect(doc.body.paths['/catalog/products'].get.security).toEqual([]);
    const res = await t.app.request('http://localhost/api/v1/catalog/products?q=mutiara');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await t.app.request('http://localhost/api/v1/catalog/products?q=mutiara', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});

describe('the registry’s publication flag', () => {
  it('is set by the office; an owner’s save keeps it', async () => {
    const owner = await t.as('ikm@ovop.test');
    const [account] = await t.database.db
      .execute(sql`select id from users where email = 'ikm@ovop.test'`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    await t.database.db.update(ikm).set({ ownerUserId: account!.id }).where(eq(ikm.id, hiddenIkm));
    const [coffee] = await t.database.db.select().from(products).where(eq(products.ikmId, hiddenIkm));
    const form = await (await owner.get(`/registry/products/${coffee!.id}/edit`)).text();
    expect(form).not.toContain('name="published"');
    const officerForm = await (await ambon.get(`/registry/products/${coffee!.id}/edit`)).text();
    expect(officerForm).toContain('name="published" value="yes" checked');
    const res = await owner.post(`/registry/products/${coffee!.id}`, {
      ikmId: hiddenIkm,
      name: 'Kopi Rempah Nusaniwe',
      commodity: 'makanan_minuman',
      hsCode: '0901.21',
      published: 'no',
      version: String(coffee!.version),
    });
    expect(res.status).toBe(303);
    const [after] = await t.database.db.select().from(products).where(eq(products.id, coffee!.id));
    expect(after!.published).toBe(true);
  });
});
