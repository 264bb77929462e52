import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';

/** No serious axe-core violation on the page now open. */
async function accessible(p: Page) {
  expect(describeViolations(await seriousViolations(p)), p.url()).toBe('');
}

// Manual assignment, scoring by two assessors, moderation and the decision are in
// assessment-flow.e2e.test.ts; this file keeps the automatic assignment (preview, then confirm) and the bulk unassign.
describe.runIf(hasBrowser)('automatic assignment in a real browser', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 240_000);
  afterAll(() => b?.close());

  it('lets the admin preview the automatic assignment and confirm it', async () => {
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
    await accessible(p);

    // Bulk unassign: tick two draft assignments, confirm once.
    const boxes = p.locator('input[name="remove"]');
    const before = await boxes.count();
    expect(before).toBeGreaterThan(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await p.getByRole('button', { name: 'Batalkan penugasan terpilih…' }).click();
    await expect.poll(() => main.textContent()).toContain('Konfirmasi pembatalan penugasan');
    await accessible(p);
    await p.getByRole('button', { name: 'Konfirmasi dan batalkan' }).click();
    await expect.poll(() => p.locator('.flash').textContent()).toContain('2 penugasan dibatalkan');
    expect(await p.locator('input[name="remove"]').count()).toBe(before - 2);
  }, 300_000);
});
