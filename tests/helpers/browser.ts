/**
 * Browser tests: the real server (startServer) on a fresh database, driven by Debian's Chromium
 * through playwright-core. Without Chromium the tests are skipped, except with REQUIRE_BROWSER=1
 * (CI), where its absence fails the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { setLogLevel } from '../../src/platform/log.ts';
import { createTestDatabase } from './db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = fs.existsSync(CHROMIUM);

if (!hasBrowser && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}: install the Debian package chromium.`);
}

export interface BrowserHarness {
  server: RunningServer;
  dataDir: string;
  context: BrowserContext;
  page: Page;
  url: (p: string) => string;
  login(email: string, password?: string): Promise<void>;
  /** A second, separate browser profile (another person). */
  newContext(opts?: { javaScriptEnabled?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startBrowser(
  opts: { demo?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<BrowserHarness> {
  setLogLevel('silent');
  // PostgreSQL: a fresh database from the template. PGlite: a fresh data dir, opened by the server
  // itself exactly as on a first start (from the cached empty cluster, then migrations and seeds).
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase() : undefined;
  const dataDir = database?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
  });
  const server = await startServer({ demo: opts.demo ?? true, config, quiet: true });
  await server.ready;
  const contexts: BrowserContext[] = [];
  const newContext = async (o: { javaScriptEnabled?: boolean } = {}) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-chromium-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled: o.javaScriptEnabled ?? opts.javaScriptEnabled ?? true,
      locale: 'id-ID',
      timezoneId: 'Asia/Jayapura',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    contexts.push(ctx);
    return ctx;
  };
  const context = await newContext();
  const page = context.pages()[0] ?? (await context.newPage());
  const harness: BrowserHarness = {
    server,
    dataDir,
    context,
    page,
    url: (p) => `${server.url.replace('localhost', '127.0.0.1')}${p}`,
    async login(email, password = DEMO_PASSWORD) {
      await page.goto(harness.url('/login'));
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Kata sandi').fill(password);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForLoadState('load');
      expect(page.url()).not.toContain('/login');
    },
    newContext,
    async close() {
      for (const ctx of contexts) await ctx.close().catch(() => {});
      await server.close();
      if (database) await database.close();
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Opens a page through the navigation as a person does: the section in the first row, then (when
 * given) the page in the section's row. Names are the Indonesian labels.
 */
export async function openPage(page: Page, section: string, item?: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: section, exact: true })
    .click();
  if (!item) return;
  await page
    .getByRole('navigation', { name: `Halaman bagian ${section}` })
    .getByRole('link', { name: item, exact: true })
    .click();
}
