/**
 * The assessment journey on one real server, through the real pages only: the admin assigns two
 * assessors to a nomination, each signs in in their own browser and scores it (levels far apart),
 * the admin sees the disagreement, everyone writes in the moderation, the admin records the agreed
 * score and decides the star after the confirmation. In Indonesian, one assessor in English; axe on
 * the score sheet, the moderation and the other pages on the way.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';

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
  expect(p.url()).not.toContain('/login');
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

const CYCLE = 'Pra-seleksi Provinsi OVOP 2026';
const ASSESSORS = ['Penilai Satu (demo)', 'Penilai Dua (demo)'];

describe.runIf(hasBrowser)('the assessment journey in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 240_000);
  afterAll(() => b?.close());

  it('assigns two assessors, who score far apart; the admin sees the flag, all moderate, the admin records the agreed score and decides', async () => {
    const admin = b.page;
    const main = admin.locator('main');
    await b.login('admin@ovop.test');

    // Assign: a nomination without assessors, where neither demo assessor has a conflict.
    await openPage(admin, 'Penilaian', 'Penugasan penilai');
    await admin.getByRole('link', { name: CYCLE }).click();
    const listUrl = admin.url();
    const open = admin.locator('tbody tr', { hasText: 'Belum ada' });
    const candidates = await open.count();
    expect(candidates).toBeGreaterThan(0);
    let product = '';
    for (let i = 0; i < candidates && !product; i++) {
      await admin.goto(listUrl);
      const row = admin.locator('tbody tr', { hasText: 'Belum ada' }).nth(i);
      // The product is the cell's first text, before the IKM's name.
      const name = (
        await row
          .locator('td')
          .nth(1)
          .evaluate((td) => td.firstChild?.textContent ?? '')
      ).trim();
      await row.getByRole('link', { name: /Atur/ }).click();
      const conflicts = (await admin.locator('.panel-warning').allTextContents()).join(' ');
      if (ASSESSORS.some((a) => conflicts.includes(a))) continue;
      product = name;
    }
    expect(product).not.toBe('');
    await accessible(admin);
    for (const name of ASSESSORS) {
      const value = await admin.locator('#assign-form option', { hasText: name }).getAttribute('value');
      await admin.getByLabel('Penilai', { exact: true }).selectOption(value!);
      await admin.getByRole('button', { name: 'Tugaskan', exact: true }).click();
      await expect.poll(() => admin.locator('.flash').textContent()).toContain('Penugasan disimpan: 1');
    }
    expect(await main.textContent()).toContain('Dalam penilaian');
    const assigned = await admin.locator('main table').first().textContent();
    for (const name of ASSESSORS) expect(assigned).toContain(name);

    // The first assessor scores in Indonesian with the autosave running, all at the top level.
    const ctx1 = await b.newContext();
    const a1 = await ctx1.newPage();
    await loginAs(b, a1, 'penilai1@ovop.test');
    await openPage(a1, 'Penilaian', 'Penugasan saya');
    await a1
      .locator('tr', { hasText: product })
      .getByRole('link', { name: /Buka lembar/ })
      .click();
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

    // The second scores in English, at the lowest level: the one English pass.
    const ctx2 = await b.newContext();
    const a2 = await ctx2.newPage();
    await loginAs(b, a2, 'penilai2@ovop.test');
    await a2.goto(b.url(`/lang/en?next=${encodeURIComponent('/assessment/assignments')}`));
    await a2
      .locator('tr', { hasText: product })
      .getByRole('link', { name: /Open sheet/ })
      .click();
    expect(await a2.locator('h1').textContent()).toContain('Score sheet');
    await accessible(a2);
    await chooseAll(a2, 'bottom');
    await a2.getByLabel('Site visit date').fill('20/11/2026');
    await a2.getByRole('button', { name: 'Submit score sheet' }).click();
    await expect.poll(() => a2.locator('.flash').textContent()).toContain('Score sheet submitted.');
    expect(await a2.locator('main').textContent()).toContain('This sheet has been submitted');

    // The admin sees the disagreement, alone under the filter.
    await openPage(admin, 'Penilaian', 'Hasil penilaian');
    await admin.getByRole('link', { name: CYCLE }).click();
    await expect.poll(() => main.textContent()).toContain(product);
    await admin.getByLabel('Hanya yang nilainya berbeda jauh').check();
    await admin.getByRole('button', { name: 'Saring' }).click();
    await expect.poll(() => main.textContent()).toContain('Berbeda jauh');
    const flagged = admin.locator('tbody tr', { hasText: product });
    expect(await flagged.count()).toBe(1);
    await accessible(admin);

    // The admin opens the discussion.
    await flagged.getByRole('link', { name: 'Moderasi', exact: true }).click();
    const moderationUrl = new URL(admin.url()).pathname;
    expect(moderationUrl).toMatch(/^\/assessment\/nominations\/[0-9a-f-]{36}\/moderation$/);
    const nominationId = moderationUrl.split('/')[3]!;
    await admin.getByLabel('Tanggapan').fill('Mohon jelaskan perbedaan pada aspek A.');
    await admin.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await expect.poll(() => admin.locator('.flash').textContent()).toContain('Tanggapan terkirim.');
    await accessible(admin);

    // The first assessor finds it from "My assignments", flagged, and answers in Indonesian.
    await openPage(a1, 'Penilaian', 'Penugasan saya');
    const mine = a1.locator('tr', { hasText: product });
    expect(await mine.textContent()).toContain('Perlu moderasi');
    await mine.getByRole('link', { name: /Buka diskusi moderasi/ }).click();
    await expect.poll(() => a1.locator('main').textContent()).toContain('Mohon jelaskan perbedaan');
    await accessible(a1);
    await a1.getByLabel('Tanggapan').fill('Saya menilai dari kunjungan lapangan: produksi berjalan penuh.');
    await a1.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await expect.poll(() => a1.locator('.flash').textContent()).toContain('Tanggapan terkirim.');

    // The second, in English, through the notice that the moderation opened.
    await a2.goto(b.url('/notifications'));
    await a2
      .getByRole('link', { name: /A moderation is open|Moderasi nilai dibuka/ })
      .first()
      .click();
    expect(new URL(a2.url()).pathname).toBe(moderationUrl);
    await expect.poll(() => a2.locator('main').textContent()).toContain('produksi berjalan penuh');
    await a2.getByLabel('Your post').fill('I scored from the site visit: production had stopped.');
    await a2.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => a2.locator('.flash').textContent()).toContain('Posted.');
    await accessible(a2);

    // An assessor not assigned to it: the page does not exist for them.
    const ctx3 = await b.newContext();
    const a3 = await ctx3.newPage();
    await loginAs(b, a3, 'penilai3@ovop.test');
    expect((await a3.goto(b.url(moderationUrl)))?.status()).toBe(404);

    // The admin records the agreed score with its reason.
    await admin.reload();
    await expect.poll(() => main.textContent()).toContain('production had stopped');
    await admin.getByLabel('Nilai yang disepakati (0–100)').fill('70');
    await admin
      .getByLabel('Alasan kesepakatan')
      .fill('Disepakati setelah diskusi: produksi sempat berhenti.');
    await admin.getByRole('button', { name: 'Catat nilai yang disepakati' }).click();
    await expect
      .poll(() => admin.locator('.flash').textContent())
      .toContain('Nilai yang disepakati dicatat: 70,00.');
    await accessible(admin);

    // Decide: a star other than the computed one needs a reason; then the confirmation; then locked.
    await admin.goto(b.url(`/assessment/nominations/${nominationId}/decide`));
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

    // After the decision: the results in English show the override; the gap analysis and the round's
    // settings are there for the admin.
    await admin.goto(b.url(`/assessment/nominations/${nominationId}/gaps`));
    await expect.poll(() => main.textContent()).toContain('Analisis kesenjangan');
    await accessible(admin);
    await openPage(admin, 'Penilaian', 'Hasil penilaian');
    await admin.getByRole('link', { name: CYCLE }).click();
    const resultsUrl = new URL(admin.url()).pathname;
    await admin.goto(b.url(`${resultsUrl}?lang=en`));
    await expect.poll(() => main.textContent()).toContain('Overridden');
    await accessible(admin);
    await admin.goto(b.url(`${resultsUrl.replace(/\/results$/, '/settings')}?lang=id`));
    await expect.poll(() => main.textContent()).toContain('Rentang nilai tiap bintang');
    await accessible(admin);
  }, 400_000);
});
