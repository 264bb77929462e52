/**
 * Results in a real browser: the admin sees a disagreement on the results page, moderates it with an
 * assessor (posts, then the agreed score), and decides with an override and its reason after the
 * confirmation step; axe on every page, in Indonesian and English. The sheets come from the scoring
 * fixture (the scoring pages are another feature's), so the app runs in-process on the test database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { CHROMIUM, hasBrowser, openPage } from '../helpers/browser.ts';
import { type ScoredNomination, scoredNomination, scoringCycle } from '../helpers/scoring-fixtures.ts';

async function accessible(p: Page) {
  expect(describeViolations(await seriousViolations(p)), p.url()).toBe('');
}

describe.runIf(hasBrowser)('results, moderation and decision in a real browser', () => {
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let base = '';
  const contexts: BrowserContext[] = [];
  let cycleId = '';
  let split: ScoredNomination;

  async function browser(): Promise<Page> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-chromium-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'id-ID',
      timezoneId: 'Asia/Jayapura',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    });
    contexts.push(ctx);
    return ctx.pages()[0] ?? (await ctx.newPage());
  }

  async function login(p: Page, email: string) {
    await p.goto(`${base}/login`);
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await p.getByRole('button', { name: 'Masuk' }).click();
    await p.waitForLoadState('load');
    expect(p.url()).not.toContain('/login');
  }

  beforeAll(async () => {
    t = await createTestApp();
    cycleId = await scoringCycle(t, { name: 'Periode Uji Hasil' });
    await scoredNomination(t, cycleId, {
      name: 'Sepakat',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 3 },
        { assessor: 'penilai2@ovop.test', level: 3 },
      ],
    });
    split = await scoredNomination(t, cycleId, {
      name: 'Berbeda',
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 1 },
        { assessor: 'penilai2@ovop.test', level: 3 },
      ],
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  }, 180_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => {});
    await new Promise((r) => server?.close(r));
    await t?.close();
  });

  it('shows the disagreement, moderates it with an assessor, and decides with an override reason', async () => {
    const admin = await browser();
    await login(admin, 'admin@ovop.test');
    await openPage(admin, 'Penilaian', 'Hasil penilaian');
    await admin.getByRole('link', { name: 'Periode Uji Hasil' }).click();
    const main = admin.locator('main');
    await expect.poll(() => main.textContent()).toContain('Alpha Krippendorff');
    expect(await main.textContent()).toContain('Berbeda jauh');
    await accessible(admin);

    // Only the flagged ones.
    await admin.getByLabel('Hanya yang nilainya berbeda jauh').check();
    await admin.getByRole('button', { name: 'Saring' }).click();
    await expect.poll(() => main.textContent()).toContain(split.productName);

    // Moderation: the admin opens the discussion.
    await admin.getByRole('link', { name: 'Moderasi', exact: true }).click();
    await admin.getByLabel('Tanggapan').fill('Mohon jelaskan perbedaan pada aspek A.');
    await admin.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await expect.poll(() => admin.locator('.flash').textContent()).toContain('Tanggapan terkirim.');
    await accessible(admin);

    // An assessor who submitted joins it, in English.
    const assessor = await browser();
    await login(assessor, 'penilai1@ovop.test');
    await assessor.context().addCookies([{ name: 'ovop_lang', value: 'en', url: base }]);
    await assessor.goto(`${base}/assessment/nominations/${split.nominationId}/moderation`);
    await expect.poll(() => assessor.locator('main').textContent()).toContain('Mohon jelaskan perbedaan');
    await assessor.getByLabel('Your post').fill('I scored from the site visit: production had stopped.');
    await assessor.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => assessor.locator('.flash').textContent()).toContain('Posted.');
    await accessible(assessor);
    // The third assessor was never assigned: the page does not exist for them.
    const stranger = await browser();
    await login(stranger, 'penilai3@ovop.test');
    const res = await stranger.goto(`${base}/assessment/nominations/${split.nominationId}/moderation`);
    expect(res?.status()).toBe(404);

    // The admin records the agreed score.
    await admin.reload();
    await expect.poll(() => main.textContent()).toContain('production had stopped');
    await admin.getByLabel('Nilai yang disepakati (0–100)').fill('62,5');
    await admin
      .getByLabel('Alasan kesepakatan')
      .fill('Disepakati setelah diskusi: produksi sempat berhenti.');
    await admin.getByRole('button', { name: 'Catat nilai yang disepakati' }).click();
    await expect
      .poll(() => admin.locator('.flash').textContent())
      .toContain('Nilai yang disepakati dicatat: 62,50.');

    // Decide with an override: refused without a reason, then the confirmation, then locked.
    await admin.goto(`${base}/assessment/nominations/${split.nominationId}/decide`);
    await accessible(admin);
    await admin.getByLabel('tanpa bintang', { exact: true }).check();
    await admin.getByRole('button', { name: 'Periksa keputusan' }).click();
    await expect
      .poll(() => admin.locator('.error-summary').textContent())
      .toContain('Tulis alasan mengapa bintang berbeda');
    await accessible(admin);
    await admin.getByLabel('Alasan perubahan').fill('Izin usaha dicabut setelah penilaian.');
    await admin.getByRole('button', { name: 'Periksa keputusan' }).click();
    await expect.poll(() => main.textContent()).toContain('Konfirmasi keputusan');
    await accessible(admin);
    await admin.getByRole('button', { name: 'Konfirmasi dan kunci' }).click();
    await expect.poll(() => admin.locator('.flash').textContent()).toContain('Hasil diputuskan');
    expect(await main.textContent()).toContain('Diubah dari hasil hitungan');
    expect(await main.textContent()).toContain('Izin usaha dicabut setelah penilaian.');

    // The same page in English, the gap analysis and the settings, each accessible.
    await admin.goto(`${base}/assessment/cycles/${cycleId}/results?lang=en`);
    await expect.poll(() => main.textContent()).toContain('Overridden');
    await accessible(admin);
    await admin.goto(`${base}/assessment/nominations/${split.nominationId}/gaps?lang=en`);
    await expect.poll(() => main.textContent()).toContain('Gap analysis');
    await accessible(admin);
    await admin.goto(`${base}/assessment/cycles/${cycleId}/settings?lang=id`);
    await expect.poll(() => main.textContent()).toContain('Rentang nilai tiap bintang');
    await accessible(admin);
  }, 300_000);
});
