import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('dashboards in a real browser', () => {
  let b: BrowserHarness;

  beforeAll(async () => {
    // The pages carry no script; axe needs it in the browser, so script stays on.
    b = await startBrowser();
  }, 240_000);
  afterAll(async () => {
    await b?.close();
  });

  it('shows the province dashboard and its map, changes the measure without script, and follows a region', async () => {
    await b.login('admin@ovop.test');
    const page = b.page;
    await page.goto(b.url('/dashboard'));
    expect(await page.getByRole('heading', { name: 'Ringkasan provinsi' }).count()).toBe(1);
    expect(describeViolations(await seriousViolations(page))).toBe('');
    // The map's measure is chosen with a plain GET form.
    await page.getByLabel('Ukuran pada peta').selectOption('stars');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('measure=stars');
    expect(await page.getByRole('table', { name: 'Angka peta: Bintang OVOP' }).count()).toBe(1);
    // Each region of the map is a link to its page, named with its figure.
    const ambon = page.locator('svg.choropleth a[href="/regions/81.71"]');
    expect(await ambon.getAttribute('aria-label')).toMatch(/^Kota Ambon: \d+$/);
    await ambon.click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('/regions/81.71');
    // Comparisons, in English, with axe.
    await page.goto(b.url('/dashboard/comparisons?lang=en'));
    expect(await page.getByRole('heading', { name: 'Comparisons across rounds' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Figures per round' }).textContent()).toContain('2024');
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await page.goto(b.url('/lang/id?next=%2Fdashboard'));
  }, 180_000);

  it('shows a kab/kota officer their own figures and to-dos, accessible', async () => {
    const ctx = await b.newContext();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(b.url('/login'));
    await page.getByLabel('Email').fill('ambon@ovop.test');
    await page
      .getByLabel('Kata sandi')
      .fill((await import('../../src/db/seed/demo-accounts.ts')).DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForLoadState('load');
    await page.goto(b.url('/dashboard'));
    expect(await page.getByRole('heading', { name: 'Ringkasan Kota Ambon' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Yang perlu Anda kerjakan' }).count()).toBe(1);
    expect(await page.locator('svg.choropleth a').count()).toBe(1);
    expect(describeViolations(await seriousViolations(page))).toBe('');
  }, 120_000);
});
