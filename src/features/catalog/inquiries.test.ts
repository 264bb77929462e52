import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { inquiries } from '../../db/schema/catalog.ts';
import { notifications, outboxEmails } from '../../db/schema/notifications.ts';
import { products } from '../../db/schema/registry.ts';
import { users } from '../../db/schema/accounts.ts';
import { INQUIRY_RATE } from './catalog.routes.tsx';

let t: TestApp;
let ambon: TestClient;
let tanimbar: TestClient;
let admin: TestClient;
let slug: string;
let nextIp = 1;

const idFrom = (res: Response) => res.headers.get('location')!.split('/').pop()!.split('#')[0]!;

/** A buyer: a browser of their own, from an address of their own. */
async function buyer(): Promise<TestClient> {
  const client = t.client();
  client.ip = `198.51.100.${nextIp++}`;
  const page = await client.get(`/produk/${slug}`);
  expect(page.status).toBe(200);
  return client;
}

const inquiry = (over: Record<string, string> = {}) => ({
  name: 'Anneke de Vries',
  company: 'Weefatelier Noord',
  country: 'Belanda',
  email: 'anneke@contoh.test',
  quantity: '20 lembar',
  message: 'Apakah tersedia motif dengan pewarna alam?',
  website: '',
  ...over,
});

const count = async () =>
  Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(inquiries))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  [ambon, tanimbar, admin] = await Promise.all([
    t.as('ambon@ovop.test'),
    t.as('tanimbar@ovop.test'),
    t.as('admin@ovop.test'),
  ]);
  const ikmRes = await ambon.post('/registry/ikm', {
    name: 'Sanggar Tenun Nusaniwe',
    ownerName: 'Fransina Souisa',
    kabkotaCode: '81.71',
    desa: 'Benteng',
  });
  const productRes = await ambon.post('/registry/products', {
    ikmId: idFrom(ikmRes),
    name: 'Kain Tenun Ikat Nusaniwe',
    commodity: 'kain_tenun',
    published: 'yes',
  });
  const [row] = await t.database.db
    .select({ slug: products.slug })
    .from(products)
    .where(eq(products.id, idFrom(productRes)));
  slug = row!.slug!;
});
afterAll(() => t.close());

describe('a buyer’s inquiry', () => {
  it('is stored, announced to the kab/kota’s officer and the admins, and acknowledged to the buyer', async () => {
    const client = await buyer();
    const res = await client.post(`/produk/${slug}/permintaan`, inquiry());
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/permintaan\/terkirim\/[A-Z0-9]{10}$/);
    const receipt = textOf(await (await client.get(location)).text());
    expect(receipt).toContain('Permintaan terkirim');
    expect(receipt).toContain('Kain Tenun Ikat Nusaniwe');
    expect(receipt).toContain('a***@contoh.test');
    expect(receipt).not.toContain('pewarna alam');

    const [row] = await t.database.db.select().from(inquiries);
    expect(row).toMatchObject({ kabkotaCode: '81.71', state: 'new', lang: 'id', country: 'Belanda' });
    const reference = location.split('/').pop()!;
    expect(row!.reference).toBe(reference);

    const [officer] = await t.database.db.select().from(users).where(eq(users.email, 'ambon@ovop.test'));
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, officer!.id), eq(notifications.kind, 'inquiry.new')));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Anneke de Vries (Weefatelier Noord)');
    const [other] = await t.database.db.select().from(users).where(eq(users.email, 'tanimbar@ovop.test'));
    expect(
      await t.database.db.select().from(notifications).where(eq(notifications.userId, other!.id)),
    ).toHaveLength(0);
    const [ack] = await t.database.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toAddress, 'anneke@contoh.test'), isNull(outboxEmails.userId)));
    expect(ack!.subject).toContain(reference);
    expect(ack!.body).toContain('Kain Tenun Ikat Nusaniwe');
    expect(ack!.body).not.toContain('pewarna alam');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'inquiry.create'));
    expect(JSON.stringify(audit[0]!.after)).not.toContain('anneke@contoh.test');
  });

  it('is acknowledged in English when sent from the English page', async () => {
    const client = await buyer();
    await client.get(`/en/products/${slug}`);
    const res = await client.post(
      `/en/products/${slug}/inquiry`,
      inquiry({ email: 'buyer@example.test', country: 'Japan' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/en\/inquiry\/sent\/[A-Z0-9]{10}$/);
    const page = textOf(await (await client.get(res.headers.get('location')!)).text());
    expect(page).toContain('Inquiry sent');
    const [ack] = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'buyer@example.test'));
    expect(ack!.subject).toContain('Your inquiry was received');
  });

  it('refuses a missing e-mail and an over-long message, keeping everything typed', async () => {
    const client = await buyer();
    const before = await count();
    const res = await client.post(
      `/produk/${slug}/permintaan`,
      inquiry({ email: 'bukan-email', message: 'x'.repeat(4001), name: 'Tanaka Hiro' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    const text = textOf(html);
    expect(text).toContain('Ada masalah');
    expect(text).toContain('Alamat email tidak valid.');
    expect(text).toContain('Maksimal 4000 karakter.');
    expect(html).toContain('value="Tanaka Hiro"');
    expect(html).toContain('value="bukan-email"');
    expect(await count()).toBe(before);
  });

  it('refuses a body larger than any honest inquiry, storing nothing', async () => {
    const client = await buyer();
    const before = await count();
    const res = await client.post(`/produk/${slug}/permintaan`, inquiry({ message: 'y'.repeat(30_000) }));
    expect(res.status).toBe(413);
    expect(textOf(await res.text())).toContain('Permintaan ini terlalu panjang untuk dikirim.');
    expect(await count()).toBe(before);
  });

  it('stores script and SQL text as typed and shows it as text in the inbox', async () => {
    const client = await buyer();
    const script = '<script>alert("x")</script>';
    const sqlText = "Robert'); DROP TABLE inquiries;--";
    const res = await client.post(
      `/produk/${slug}/permintaan`,
      inquiry({
        name: sqlText,
        company: script,
        message: `${script} ${sqlText}`,
        email: 'bobby@contoh.test',
      }),
    );
    expect(res.status).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(inquiries)
      .where(eq(inquiries.email, 'bobby@contoh.test'));
    expect(row!.name).toBe(sqlText);
    expect(row!.message).toBe(`${script} ${sqlText}`);
    const html = await (await ambon.get(`/inquiries/${row!.id}`)).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(textOf(html)).toContain(sqlText);
    const list = await (await ambon.get('/inquiries')).text();
    expect(list).not.toContain('<script>alert');
  });

  it('stores nothing a robot puts in the hidden field, and shows it the usual receipt', async () => {
    const client = await buyer();
    const before = await count();
    const res = await client.post(
      `/produk/${slug}/permintaan`,
      inquiry({ website: 'http://spam.example', email: 'robot@spam.test' }),
    );
    expect(res.status).toBe(200);
    expect(textOf(await res.text())).toContain('Permintaan terkirim');
    expect(await count()).toBe(before);
    const mails = await t.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'robot@spam.test'));
    expect(mails).toHaveLength(0);
  });

  it('slows a flood from one address with a message, losing nothing from honest senders', async () => {
    const flooder = await buyer();
    const before = await count();
    for (let i = 0; i < INQUIRY_RATE.limit; i++) {
      const res = await flooder.post(
        `/produk/${slug}/permintaan`,
        inquiry({ email: `flood${i}@contoh.test`, message: `Permintaan ke-${i}` }),
      );
      expect(res.status).toBe(303);
    }
    const slowed = await flooder.post(
      `/produk/${slug}/permintaan`,
      inquiry({ email: 'flood-last@contoh.test', message: 'Permintaan terakhir saya' }),
    );
    expect(slowed.status).toBe(429);
    const html = await slowed.text();
    expect(textOf(html)).toMatch(/Terlalu banyak permintaan .* tunggu \d+ menit, lalu kirim lagi/);
    expect(html).toContain('Permintaan terakhir saya');
    expect(html).toContain('value="flood-last@contoh.test"');
    // Another buyer, elsewhere, is not held up.
    const honest = await buyer();
    const ok = await honest.post(`/produk/${slug}/permintaan`, inquiry({ email: 'jujur@contoh.test' }));
    expect(ok.status).toBe(303);
    expect(await count()).toBe(before + INQUIRY_RATE.limit + 1);
    const stored = await t.database.db
      .select({ message: inquiries.message })
      .from(inquiries)
      .where(sql`${inquiries.email} like 'flood%'`);
    expect(stored.map((r) => r.message).sort()).toEqual(
      Array.from({ length: INQUIRY_RATE.limit }, (_, i) => `Permintaan ke-${i}`).sort(),
    );
  });

  it('tells a flooding sender on the English page, in English, keeping their text', async () => {
    const flooder = await buyer();
    await flooder.get(`/en/products/${slug}`);
    const before = await count();
    for (let i = 0; i < INQUIRY_RATE.limit; i++) {
      const res = await flooder.post(
        `/en/products/${slug}/inquiry`,
        inquiry({ email: `en-flood${i}@example.test`, message: `Inquiry number ${i}` }),
      );
      expect(res.status).toBe(303);
    }
    const slowed = await flooder.post(
      `/en/products/${slug}/inquiry`,
      inquiry({ email: 'en-flood-last@example.test', message: 'My last inquiry' }),
    );
    expect(slowed.status).toBe(429);
    const html = await slowed.text();
    expect(textOf(html)).toMatch(/Too many inquiries .* wait \d+ minutes, then send again/);
    expect(html).toContain('My last inquiry');
    expect(await count()).toBe(before + INQUIRY_RATE.limit);
  });

  it('is limited per e-mail address too, wherever it is sent from', async () => {
    for (let i = 0; i < INQUIRY_RATE.limit; i++) {
      const client = await buyer();
      expect(
        (await client.post(`/produk/${slug}/permintaan`, inquiry({ email: 'satu@contoh.test' }))).status,
      ).toBe(303);
    }
    const client = await buyer();
    expect(
      (await client.post(`/produk/${slug}/permintaan`, inquiry({ email: 'satu@contoh.test' }))).status,
    ).toBe(429);
  });

  it('refuses a form without its CSRF token and a product that is not public', async () => {
    const client = await buyer();
    const before = await count();
    expect((await client.post(`/produk/${slug}/permintaan`, inquiry(), { csrf: false })).status).toBe(403);
    expect(
      (await client.post('/produk/tidak-ada/permintaan', inquiry({ email: 'x@contoh.test' }))).status,
    ).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('the inbox', () => {
  it('shows the kab/kota’s inquiries to its officer and to the admin, and to nobody else', async () => {
    const [row] = await t.database.db
      .select()
      .from(inquiries)
      .where(eq(inquiries.email, 'anneke@contoh.test'));
    const list = textOf(await (await ambon.get('/inquiries')).text());
    expect(list).toContain('Kain Tenun Ikat Nusaniwe');
    expect(list).toContain('Anneke de Vries');
    expect(textOf(await (await admin.get('/inquiries')).text())).toContain('Anneke de Vries');
    expect(textOf(await (await tanimbar.get('/inquiries')).text())).toContain('Belum ada permintaan.');
    expect((await tanimbar.get(`/inquiries/${row!.id}`)).status).toBe(404);
    const owner = await t.as('ikm@ovop.test');
    expect((await owner.get('/inquiries')).status).toBe(403);
    expect((await t.client().get('/inquiries')).status).toBe(302);
  });

  it('marks an inquiry read, then handled, refusing a stale version', async () => {
    const [row] = await t.database.db
      .select()
      .from(inquiries)
      .where(eq(inquiries.email, 'anneke@contoh.test'));
    const page = textOf(await (await ambon.get(`/inquiries/${row!.id}`)).text());
    expect(page).toContain('Apakah tersedia motif dengan pewarna alam?');
    const read = await ambon.post(`/inquiries/${row!.id}/state`, {
      state: 'read',
      version: String(row!.version),
    });
    expect(read.status).toBe(303);
    const stale = await admin.post(`/inquiries/${row!.id}/state`, {
      state: 'handled',
      version: String(row!.version),
    });
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('sudah diubah orang lain; statusnya sekarang Dibaca');
    const handled = await ambon.post(`/inquiries/${row!.id}/state`, {
      state: 'handled',
      version: String(row!.version + 1),
    });
    expect(handled.status).toBe(303);
    const [after] = await t.database.db.select().from(inquiries).where(eq(inquiries.id, row!.id));
    expect(after).toMatchObject({ state: 'handled', version: row!.version + 2 });
    expect(after!.handledAt).not.toBeNull();
    const rows = async (path: string) =>
      ((await (await ambon.get(path)).text()).match(/<tr>/g) ?? []).length - 1;
    expect(await rows('/inquiries?state=handled')).toBe(1);
    expect(await rows('/inquiries?state=open')).toBe((await rows('/inquiries')) - 1);
  });
});
