/**
 * Awards in a real browser: the admin publishes a cycle whose results were decided (fixture rows, as
 * the assessment leaves them), then anyone opens a certificate's verification page in Indonesian and
 * English with JavaScript off; axe checks the public verification and results pages. The app runs on
 * a test database served over HTTP, so the fixtures can write the decided results first.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { users } from '../../src/db/schema/accounts.ts';
import { ikm } from '../../src/db/schema/registry.ts';
import { certificates } from '../../src/db/schema/scoring.ts';
import { cycleSlug } from '../../src/features/awards/awards.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeAwardCycle, makeDecidedNomination } from '../helpers/award-fixtures.ts';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { CHROMIUM, hasBrowser } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('awards in a real browser', () => {
  let t: TestApp;
  let server: ServerType;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    t = await createTestApp();
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: false,
      locale: 'id-ID',
      timezoneId: 'Asia/Jayapura',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => {});
    await new Promise((r) => server?.close(r));
    await t?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  });

  it('publishes a cycle, then verifies a certificate in Indonesian and English; axe finds no serious violation', async () => {
    const cycle = await makeAwardCycle(t, { name: 'Pra-seleksi OVOP Peramban' });
    const award = await makeDecidedNomination(t, cycle.id, {
      stars: 3,
      ikmName: 'IKM Sagu Lempeng Peramban',
    });
    await makeDecidedNomination(t, cycle.id, { stars: 1, kabkota: '81.03', commodity: 'kain_tenun' });

    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('admin@ovop.test');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.goto(`${base}/awards`);
    await page.getByRole('link', { name: 'Pra-seleksi OVOP Peramban' }).click();
    expect(await page.locator('main').textContent()).toContain('IKM Sagu Lempeng Peramban');
    // Publishing without ticking the statement is refused with its message.
    await page.getByRole('button', { name: 'Umumkan hasil ini' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Centang pernyataan');
    await page.getByLabel(/Saya sudah memeriksa daftar ini/).check();
    await page.getByRole('button', { name: 'Umumkan hasil ini' }).click();
    expect(await page.locator('.flash').textContent()).toContain(
      'Hasil diumumkan: 2 usulan, 2 sertifikat dibuat.',
    );
    expect(await page.getByRole('table', { name: 'Sertifikat' }).textContent()).toContain(
      'IKM Sagu Lempeng Peramban',
    );

    const [cert] = await t.database.db
      .select()
      .from(certificates)
      .where(eq(certificates.nominationId, award.nominationId));

    // Anyone, signed out and without JavaScript, scans the QR code.
    const launch = (javaScriptEnabled: boolean) =>
      chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-chromium-')), {
        executablePath: CHROMIUM,
        headless: true,
        javaScriptEnabled,
        locale: 'id-ID',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
      });
    const visitor = await launch(false);
    try {
      const v = visitor.pages()[0] ?? (await visitor.newPage());
      await v.goto(`${base}/verifikasi/${cert!.code}`);
      expect(await v.locator('h1').textContent()).toContain('Sertifikat asli dan berlaku');
      expect(await v.locator('main').textContent()).toContain('IKM Sagu Lempeng Peramban');
      expect(await v.locator('html').getAttribute('lang')).toBe('id');

      await v.getByRole('link', { name: 'English' }).click();
      expect(v.url()).toBe(`${base}/en/verify/${cert!.code}`);
      expect(await v.locator('html').getAttribute('lang')).toBe('en');
      expect(await v.locator('h1').textContent()).toContain('Genuine and valid certificate');
      expect(await v.locator('main').textContent()).toContain('3 of 3 stars');

      await v.goto(`${base}/en/verify/not-a-code`);
      expect(await v.locator('h1').textContent()).toContain('Invalid verification code');

      await v.goto(`${base}/hasil/${cycleSlug(cycle.name)}`);
      expect(await v.locator('h1').textContent()).toContain('Pra-seleksi OVOP Peramban');
      await v.getByLabel('Kabupaten/kota').selectOption('81.03');
      await v.getByRole('button', { name: 'Saring' }).click();
      expect(v.url()).toContain('kabkota=81.03');
      expect(await v.locator('main').textContent()).not.toContain('IKM Sagu Lempeng Peramban');
    } finally {
      await visitor.close();
    }

    // axe runs as a script, so it needs a browser with JavaScript on.
    const checker = await launch(true);
    try {
      const a = checker.pages()[0] ?? (await checker.newPage());
      for (const p of [
        `/verifikasi/${cert!.code}`,
        `/en/verify/${cert!.code}`,
        '/verifikasi/AAAAAAAAAAAAAAAAAAAAAA',
        '/en/verify/not-a-code',
        `/hasil/${cycleSlug(cycle.name)}`,
        `/en/results/${cycleSlug(cycle.name)}`,
        '/hasil',
      ]) {
        await a.goto(`${base}${p}`);
        expect(describeViolations(await seriousViolations(a)), p).toBe('');
      }
    } finally {
      await checker.close();
    }
  }, 180_000);

  it('lets the IKM owner find their star and download its label without JavaScript; axe finds no serious violation', async () => {
    const cycle = await makeAwardCycle(t, { name: 'Pra-seleksi OVOP Pemilik' });
    const award = await makeDecidedNomination(t, cycle.id, { stars: 2, ikmName: 'IKM Pemilik Peramban' });
    const [owner] = await t.database.db.select().from(users).where(eq(users.email, 'ikm@ovop.test'));
    await t.database.db.update(ikm).set({ ownerUserId: owner!.id }).where(eq(ikm.id, award.ikmId));
    const admin = await t.as('admin@ovop.test');
    const html = await (await admin.get(`/awards/cycles/${cycle.id}`)).text();
    await admin.post(`/awards/cycles/${cycle.id}/publish`, {
      fingerprint: /name="fingerprint" value="([^"]+)"/.exec(html)?.[1] ?? '',
      count: /name="count" value="([^"]+)"/.exec(html)?.[1] ?? '',
      confirm: 'on',
    });

    const login = async (p: Page) => {
      await p.goto(`${base}/login`);
      await p.getByLabel('Email').fill('ikm@ovop.test');
      await p.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
      await p.getByRole('button', { name: 'Masuk' }).click();
    };
    await page.getByRole('button', { name: 'Keluar' }).click();
    await login(page);
    await page.getByRole('link', { name: 'Sertifikat & label bintang' }).click();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('IKM Pemilik Peramban');
    expect(main).toContain('2 bintang');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /PNG 30/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^label-30mm-.*\.png$/);

    const checker = await chromium.launchPersistentContext(
      fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-chromium-')),
      {
        executablePath: CHROMIUM,
        headless: true,
        locale: 'id-ID',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
      },
    );
    try {
      const a = checker.pages()[0] ?? (await checker.newPage());
      await login(a);
      await a.goto(`${base}/awards/mine`);
      expect(describeViolations(await seriousViolations(a)), '/awards/mine').toBe('');
    } finally {
      await checker.close();
    }
  }, 180_000);
});
