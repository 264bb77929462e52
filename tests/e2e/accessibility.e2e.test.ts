import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser } from '../helpers/browser.ts';

describe.runIf(hasBrowser)('accessibility of the signed-in pages (axe-core, WCAG 2.1 AA)', () => {
  let b: BrowserHarness;
  beforeAll(async () => {
    b = await startBrowser();
  }, 120_000);
  afterAll(() => b?.close());

  it('has no serious violations on the sign-in page, with and without errors', async () => {
    await b.page.goto(b.url('/login'));
    expect(describeViolations(await seriousViolations(b.page))).toBe('');
    await b.page.getByRole('button', { name: 'Masuk' }).click();
    await b.page.waitForSelector('.error-summary');
    expect(describeViolations(await seriousViolations(b.page))).toBe('');
  });

  it('has no serious violations on the admin pages', async () => {
    await b.login('admin@ovop.test');
    for (const path of [
      '/dashboard',
      '/admin/users',
      '/admin/users/new',
      '/regions/81',
      '/admin/audit',
      '/account',
    ]) {
      await b.page.goto(b.url(path));
      expect(describeViolations(await seriousViolations(b.page)), path).toBe('');
    }
    await b.page.goto(b.url('/admin/users/new'));
    await b.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await b.page.waitForSelector('.error-summary');
    expect(describeViolations(await seriousViolations(b.page))).toBe('');
    // A refused form starts at its error summary, whose links lead to each field.
    expect(await b.page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await b.page.keyboard.press('Tab');
    const link = await b.page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(link).toMatch(/^#f-/);
    await b.page.keyboard.press('Enter');
    expect(await b.page.evaluate(() => `#${document.activeElement?.id}`)).toBe(link);
  });

  it('would report a real violation (the checker itself works)', async () => {
    await b.page.goto(b.url('/login'));
    await b.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/static/icon.svg';
      document.querySelector('main')?.append(img);
    });
    const ids = (await seriousViolations(b.page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
  });

  it('works with the keyboard: the skip link leads to the content', async () => {
    await b.page.goto(b.url('/login'));
    await b.page.keyboard.press('Tab');
    const focused = await b.page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Langsung ke isi');
    await b.page.keyboard.press('Enter');
    expect(await b.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
