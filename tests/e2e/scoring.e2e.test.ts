import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';

/** No serious axe-core violation on the page now open. */
async function accessible(p: Page) {
  expect(describeViolations(await seriousViolations(p)), p.url()).toBe('');
}

async function loginAs(b: BrowserHarness, p: Page, email: string) {
  await p.goto(b.url('/login'));
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Masuk' }).click();
  await p.waitForLoadState('load');
}

/** Chooses a level for every criterion of the open sheet: the highest, or the lowest. */
async function chooseAll(p: Page, pick: 'top' | 'bottom') {
  const groups = p.locator('fieldset.criterion');
  const n = await groups.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) {
    const radios = groups.nth(i).locator('input[type="radio"]');
    await (pick === 'top' ? radios.last() : radios.first()).check();
  }
}

describe.runIf(hasBrowser)('assignment and scoring in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 240_000);
  afterAll(() => b?.close());

  it('lets the admin assign automatically and two assessors score and submit', async () => {
    const p = b.page;
    await b.login('admin@ovop.test');
    await openPage(p, 'Penilaian', 'Penugasan penilai');
    await p.getByRole('link', { name: 'Pra-seleksi Provinsi OVOP 2026' }).click();
    const main = p.locator('main');
    expect(await main.textContent()).toContain('Penilai per usulan: 3.');
    await accessible(p);
    await p.getByRole('button', { name: 'Penugasan otomatis…' }).click();
    await p.getByLabel('Diutamakan (ahli lebih dulu bila beban tetap merata)').check();
    await p.getByRole('button', { name: 'Hitung ulang' }).click();
    await expect.poll(() => main.textContent()).toContain('Usulan penugasan');
    expect(await main.textContent()).toContain('Beban penilai');
    await accessible(p);
    await p.getByRole('button', { name: 'Konfirmasi dan tugaskan' }).click();
    await expect.poll(() => p.locator('.flash').textContent()).toContain('Penugasan disimpan');
    expect(await main.textContent()).toContain('Dalam penilaian');

    // The first assessor scores in Indonesian, with the autosave script running.
    const ctx1 = await b.newContext();
    const a1 = await ctx1.newPage();
    await loginAs(b, a1, 'penilai1@ovop.test');
    await openPage(a1, 'Penilaian', 'Penugasan saya');
    const row = a1.locator('tr', { hasText: '2026' }).first();
    const product = (await row.locator('td').first().locator('a').textContent())!.trim();
    await row.getByRole('link', { name: /Buka lembar/ }).click();
    await expect.poll(() => a1.locator('h1').textContent()).toContain(product);
    await accessible(a1);
    await chooseAll(a1, 'top');
    await expect
      .poll(() => a1.locator('#autosave-status').textContent(), { timeout: 15_000 })
      .toContain('Draf tersimpan');
    await a1.getByRole('button', { name: 'Kirim lembar penilaian' }).click();
    await expect
      .poll(() => a1.locator('.flash').textContent())
      .toContain('Lembar penilaian dikirim. Nilai total Anda 100');
    expect(await a1.locator('main').textContent()).toContain('Lembar ini sudah dikirim');
    await accessible(a1);

    // A second assessor on the same nomination scores in English, without waiting for the autosave.
    let scored = false;
    for (const email of ['penilai2@ovop.test', 'penilai3@ovop.test']) {
      const ctx = await b.newContext();
      const a = await ctx.newPage();
      await loginAs(b, a, email);
      await a.goto(b.url(`/lang/en?next=${encodeURIComponent('/assessment/assignments')}`));
      const mine = a.locator('tr', { hasText: product });
      if ((await mine.count()) === 0) continue;
      await mine.getByRole('link', { name: /Open sheet/ }).click();
      expect(await a.locator('h1').textContent()).toContain('Score sheet');
      await accessible(a);
      await chooseAll(a, 'bottom');
      await a.getByLabel('Site visit date').fill('20/11/2026');
      await a.getByRole('button', { name: 'Submit score sheet' }).click();
      await expect.poll(() => a.locator('.flash').textContent()).toContain('Score sheet submitted.');
      expect(await a.locator('main').textContent()).toContain('This sheet has been submitted');
      await accessible(a);
      scored = true;
      break;
    }
    expect(scored).toBe(true);
  }, 300_000);
});
