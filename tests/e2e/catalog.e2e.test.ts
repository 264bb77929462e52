import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('the public catalog in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    // The buyer's browser runs no JavaScript at all: the catalog must work without it.
    b = await startBrowser({ javaScriptEnabled: false });
    b.page.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => b?.close());

  it('browses, filters, opens a product, switches to English and sends an inquiry, JavaScript off', async () => {
    const page = b.page;
    await page.goto(b.url('/'));
    expect(await page.locator('h1').textContent()).toBe('Produk unggulan Maluku');
    expect(await page.getByRole('link', { name: 'Masuk (petugas)' }).getAttribute('href')).toBe('/login');
    // The map's regions are links too.
    await page.locator('svg.map a[aria-label^="Kabupaten Kepulauan Tanimbar"]').click();
    expect(await page.locator('h1').textContent()).toBe('Kabupaten Kepulauan Tanimbar');

    await page
      .getByRole('navigation', { name: 'Navigasi katalog' })
      .getByRole('link', { name: 'Produk' })
      .click();
    await page.getByLabel('Kabupaten/kota').selectOption({ label: 'Kabupaten Kepulauan Tanimbar' });
    await page.getByLabel('Komoditas').selectOption('kain_tenun');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    expect(page.url()).toContain('kabkota=81.03');
    expect(page.url()).toContain('commodity=kain_tenun');
    const cards = page.getByRole('list', { name: 'Daftar produk' }).locator('li.card');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const meta of await cards.locator('.meta').allTextContents())
      if (meta.includes('·') && !meta.includes('Rp') && !meta.includes('Harga'))
        expect(meta).toContain('Kabupaten Kepulauan Tanimbar');

    const first = cards.first().locator('a').first();
    const name = (await first.locator('.name').textContent())!;
    await first.click();
    expect(await page.locator('h1').textContent()).toBe(name);
    // Photos come in two sizes and load lazily past the first.
    const img = page.locator('.photos img').first();
    expect(await img.getAttribute('srcset')).toMatch(/ 320w, .* \d+w$/);

    await page.getByRole('link', { name: 'English' }).click();
    expect(page.url()).toMatch(/\/en\/products\/[a-z0-9-]+$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(name);

    await page.getByLabel('Your name').fill('Anneke de Vries');
    await page.getByLabel('Company').fill('Weefatelier Noord');
    await page.getByLabel('Country').fill('Netherlands');
    await page.getByLabel('E-mail', { exact: true }).fill('anneke@example.test');
    await page.getByLabel('Quantity needed').fill('20 pieces a quarter');
    await page.getByLabel('Message').fill('Do you weave with natural dyes? <b>Samples</b> welcome.');
    await page.getByRole('button', { name: 'Send inquiry' }).click();
    expect(await page.locator('h1').textContent()).toBe('Inquiry sent');
    expect(page.url()).toMatch(/\/en\/inquiry\/sent\/[A-Z0-9]{10}$/);
    const reference = page.url().split('/').pop()!;
    expect(await page.locator('main').textContent()).toContain('a***@example.test');

    // The Tanimbar officer finds it in the inbox.
    const officer = await b.newContext({ javaScriptEnabled: false });
    const office = officer.pages()[0] ?? (await officer.newPage());
    office.setDefaultTimeout(15_000);
    await office.goto(b.url('/login?next=/inquiries'));
    await office.getByLabel('Email').fill('tanimbar@ovop.test');
    await office.getByLabel('Kata sandi').fill('ovop-demo');
    await office.getByRole('button', { name: 'Masuk' }).click();
    await office
      .getByRole('link', { name: /Anneke|WIT/ })
      .first()
      .click();
    const detail = (await office.locator('main').textContent())!;
    expect(detail).toContain(reference);
    expect(detail).toContain('Do you weave with natural dyes? <b>Samples</b> welcome.');
    await office.getByRole('button', { name: 'Tandai sudah ditangani' }).click();
    expect(await office.locator('.flash').textContent()).toContain(`Status permintaan ${reference} diubah.`);
  }, 120_000);

  it('searches by a word with an accent and case changed, and shows the error summary on a bad inquiry', async () => {
    const page = b.page;
    await page.goto(b.url('/produk'));
    await page.getByLabel('Cari produk').fill('MINYAK KAYÚ PUTIH');
    await page.getByRole('button', { name: 'Cari' }).click();
    const cards = page.getByRole('list', { name: 'Daftar produk' }).locator('.name');
    expect((await cards.allTextContents()).some((n) => n.includes('Minyak Kayu Putih'))).toBe(true);
    await page.getByRole('list', { name: 'Daftar produk' }).locator('li.card a').first().click();
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Ada masalah');
    expect(await page.locator('#f-email-error').textContent()).toBe('Wajib diisi.');
  }, 60_000);

  it('has no serious accessibility violations on the public pages (axe in a separate JS-enabled context)', async () => {
    const context = await b.newContext({ javaScriptEnabled: true });
    const page: Page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    const cspReports: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspReports.push(m.text());
    });
    await page.goto(b.url('/produk'));
    const productPath = await page
      .getByRole('list', { name: 'Daftar produk' })
      .locator('li.card a')
      .first()
      .getAttribute('href');
    await page.goto(b.url(productPath!));
    const ikmPath = await page.locator('main a[href^="/ikm/"]').first().getAttribute('href');
    const paths = [
      '/',
      '/en',
      '/produk',
      '/produk?q=zzzzqqq',
      '/en/products?commodity=kain_tenun&sort=price',
      productPath!,
      `/en${productPath!.replace('/produk/', '/products/')}`,
      ikmPath!,
      '/wilayah',
      '/wilayah/kota-ambon',
      '/en/regions/kabupaten-kepulauan-aru',
      '/produk/tidak-ada',
    ];
    for (const path of paths) {
      await page.goto(b.url(path));
      expect(describeViolations(await seriousViolations(page)), path).toBe('');
    }
    // A failed inquiry (error summary and messages) and the receipt.
    await page.goto(b.url(productPath!));
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.waitForSelector('.error-summary');
    expect(describeViolations(await seriousViolations(page)), 'inquiry errors').toBe('');
    await page.getByLabel('Nama Anda').fill('Budi Santoso');
    await page.getByLabel('Negara').fill('Indonesia');
    await page.getByLabel('Email', { exact: true }).fill('budi@example.test');
    await page.getByLabel('Pesan').fill('Mohon harga grosir.');
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await page.waitForURL(/\/permintaan\/terkirim\//);
    expect(describeViolations(await seriousViolations(page)), 'receipt').toBe('');
    // The schema.org data block is data: the strict CSP neither runs nor reports it.
    expect(
      await page.evaluate(() => document.querySelectorAll('script[type="application/ld+json"]').length),
    ).toBe(0);
    await page.goto(b.url(productPath!));
    expect(
      await page.evaluate(() => document.querySelectorAll('script[type="application/ld+json"]').length),
    ).toBe(1);
    expect(cspReports).toEqual([]);
    // The officer's inbox, signed in.
    await page.goto(b.url('/login?next=/inquiries'));
    await page.getByLabel('Email').fill('ambon@ovop.test');
    await page.getByLabel('Kata sandi').fill('ovop-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/inquiries$/);
    expect(describeViolations(await seriousViolations(page)), 'inbox').toBe('');
    await page.locator('main table a').first().click();
    expect(describeViolations(await seriousViolations(page)), 'inquiry').toBe('');
  }, 240_000);
});
