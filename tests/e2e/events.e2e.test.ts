import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { toLocalInput } from '../../src/platform/format.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';
import { pdfText } from '../helpers/events.ts';

/** Reads a QR code off the screen, as a phone camera would. */
async function scan(page: Page, selector: string): Promise<string> {
  const shot = await page.locator(selector).screenshot();
  const [{ default: sharp }, jsqr] = await Promise.all([import('sharp'), import('jsqr')]);
  const jsQR = jsqr.default as unknown as typeof jsqr.default.default;
  const { data, info } = await sharp(shot).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
  if (!code) throw new Error('no QR code on screen');
  return code.data;
}

describe.runIf(hasBrowser)('events in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 120_000);
  afterAll(() => b?.close());

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(b.url('/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForLoadState('load');
    return page;
  }

  it('creates an event, checks people in by QR code and link, and downloads the report', async () => {
    const page = b.page;
    await b.login('admin@ovop.test');
    await openPage(page, 'Kegiatan & mitra');
    await page.getByRole('button', { name: 'Buat kegiatan' }).click();
    const now = Date.now();
    await page.getByLabel('Judul kegiatan').fill('Bimtek Uji Peramban');
    await page.getByLabel('Jenis kegiatan').selectOption('bimtek');
    await page.getByLabel('Mulai').fill(toLocalInput(new Date(now - 3_600_000)));
    await page.getByLabel('Selesai').fill(toLocalInput(new Date(now + 3 * 3_600_000)));
    await page.getByLabel('Tempat', { exact: true }).fill('Aula Disperindag');
    await page.getByLabel('Kabupaten/kota tempat kegiatan').selectOption('81.71');
    await page.getByRole('button', { name: 'Buat kegiatan' }).click();
    await expect.poll(() => page.locator('.flash').textContent()).toContain('Bimtek Uji Peramban');
    const eventUrl = page.url();

    // Invite two officers with accounts and a guest without one.
    await page.getByRole('link', { name: 'Daftar peserta' }).click();
    await page.getByLabel('Petugas Kepulauan Tanimbar (demo)').check();
    await page.getByLabel('Petugas Kota Ambon (demo)').check();
    await page.getByRole('button', { name: 'Undang yang dipilih' }).first().click();
    await expect.poll(() => page.locator('.flash').textContent()).toContain('2 orang diundang.');
    await page.getByLabel('Nama', { exact: true }).fill('Yakobus Rehatta');
    await page.getByLabel('Kabupaten/kota').selectOption('81.04');
    await page.getByLabel('Telepon/WA').fill('0812-4700-9999');
    await page.getByRole('button', { name: 'Tambah tamu' }).click();
    await expect.poll(() => page.locator('.flash').textContent()).toContain('Yakobus Rehatta');

    // The door QR code, read off the screen.
    await page.goto(eventUrl);
    await page.getByRole('link', { name: 'Kode QR pintu' }).click();
    const doorUrl = await scan(page, '.door-qr img');
    expect(doorUrl).toMatch(/\/hadir\/[A-Za-z0-9_-]{22}$/);

    // A guest without an account scans it, finds the invitation by phone, and taps once.
    const guest = await b.newContext();
    const guestPage = await guest.newPage();
    await guestPage.goto(doorUrl);
    await guestPage.getByLabel('Telepon atau email').fill('+62 812 4700 9999');
    await guestPage.getByRole('button', { name: 'Cari undangan saya' }).click();
    await expect.poll(() => guestPage.locator('main').textContent()).toContain('Atas nama Yakobus Rehatta');
    await guestPage.getByRole('button', { name: 'Saya hadir' }).click();
    await expect
      .poll(() => guestPage.locator('main').textContent())
      .toContain('Terima kasih, Yakobus Rehatta');
    // Tapping again (back and again) records nothing new and shows no error.
    await guestPage.goBack();
    await guestPage.reload();
    await expect.poll(() => guestPage.locator('main').textContent()).toContain('sudah tercatat hadir');

    // A signed-in officer scans the same code: one tap.
    const officer = await b.newContext();
    const officerPage = await signIn(officer, 'tanimbar@ovop.test');
    await officerPage.goto(doorUrl);
    await officerPage.getByRole('button', { name: 'Saya hadir' }).click();
    await expect
      .poll(() => officerPage.locator('main').textContent())
      .toContain('Terima kasih, Petugas Kepulauan Tanimbar (demo)');

    // The admin sees who came from where.
    await page.goto(eventUrl);
    await expect
      .poll(() => page.locator('#coverage + p').textContent())
      .toContain('2 dari 11 kabupaten/kota hadir');
    expect(await page.locator('.coverage-grid li.covered').count()).toBe(2);

    // And downloads the report for the head of office.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Laporan kegiatan (PDF)' }).click(),
    ]);
    const path = await download.path();
    const fs = await import('node:fs');
    const text = await pdfText(new Uint8Array(fs.readFileSync(path)));
    expect(text).toContain('LAPORAN KEGIATAN');
    expect(text).toContain('Bimtek Uji Peramban');
    expect(text).toContain('2 dari 11 kabupaten/kota hadir');
    expect(text).toContain('Yakobus Rehatta');
  }, 120_000);

  it('lets the desk check people in without JavaScript, once each', async () => {
    const context = await b.newContext({ javaScriptEnabled: false });
    const page = await signIn(context, 'admin@ovop.test');
    await page.goto(b.url('/events?kind=bimtek'));
    await page.getByRole('link', { name: 'Bimtek Uji Peramban' }).click();
    await page.getByRole('link', { name: 'Daftar hadir', exact: true }).click();
    const row = page.locator('.checkin-list li', { hasText: 'Petugas Kota Ambon (demo)' });
    await row.getByRole('button', { name: 'Hadir' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Petugas Kota Ambon (demo) tercatat hadir.');
    await expect.poll(() => page.locator('.lead strong').textContent()).toContain('3 dari 3 peserta hadir');
  }, 60_000);
});
