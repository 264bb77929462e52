import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { setDashboardCacheMs } from '../../src/features/dashboards/dashboards.service.ts';
import { localDate } from '../../src/platform/format.ts';
import { ikmTimeline } from '../../src/platform/timeline.ts';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import type { Page } from 'playwright-core';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';

const count = (s: string | null | undefined) => Number((s ?? '').replace(/\D/g, ''));

/** The dashboard's coaching figures: one kab/kota's participants of running programmes, and the totals. */
async function coachingFigures(page: Page, kabkota: string) {
  await openPage(page, 'Beranda');
  const participants = page.getByRole('table', { name: 'Peserta program berjalan per kabupaten/kota' });
  const cells = await participants
    .locator('tr')
    .filter({ has: page.locator('td', { hasText: new RegExp(`^${kabkota}$`) }) })
    .locator('td')
    .allTextContents();
  const total = await participants.locator('tr.total-row td').allTextContents();
  const outcomes = page.getByRole('table', { name: /^Capaian tahun \d{4} per jenis$/ });
  const outcomesTotal = await outcomes.locator('tr.total-row td').allTextContents();
  return {
    participants: count(cells[1]),
    withOutcome: count(cells[2]),
    totalParticipants: count(total[0]),
    outcomesThisYear: count(outcomesTotal[0]),
  };
}

describe.runIf(hasBrowser)('coaching in a real browser', () => {
  let b: BrowserHarness;
  let dir: string;
  let programmeUrl = '';
  let timelineUrl = '';

  beforeAll(async () => {
    b = await startBrowser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-e2e-coaching-'));
    const { default: sharp } = await import('sharp');
    await sharp({ create: { width: 900, height: 700, channels: 3, background: '#8d2f23' } })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="700"><rect x="250" y="80" width="400" height="540" rx="30" fill="#e0a93b"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toFile(path.join(dir, 'kemasan.jpg'));
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('enrols an IKM from its gap analysis, records an outcome, and sees it on the IKM’s timeline and the dashboard', async () => {
    // The dashboard's figures are reused for a minute; the server runs in this process, so the
    // test reads them fresh (and restores the cache after).
    setDashboardCacheMs(0);
    const context = await b.newContext();
    const page = context.pages()[0] ?? (await context.newPage());
    try {
      await page.goto(b.url('/login'));
      await page.getByLabel('Email').fill('admin@ovop.test');
      await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForLoadState('load');
      const ikmName = 'IKM Embal Dullah Mandiri';
      const programme = 'Fasilitasi Sertifikasi Halal Gelombang II';
      const before = await coachingFigures(page, 'Kota Tual');

      // The IKM's profile leads to its 2024 nomination, and that to the nomination's gap analysis.
      await openPage(page, 'Data IKM');
      await page.waitForLoadState('load');
      await page.getByLabel('Cari').fill('Embal Dullah Mandiri');
      await page.getByRole('button', { name: 'Terapkan filter' }).click();
      await page.locator('main table').getByRole('link', { name: ikmName, exact: true }).click();
      await page.waitForLoadState('load');
      const profileUrl = page.url();
      await page.getByRole('link', { name: /^Embal Bunga — / }).click();
      await page.getByRole('link', { name: 'Analisis kesenjangan Embal Bunga' }).click();
      await expect
        .poll(() => page.locator('h1').textContent())
        .toContain('Analisis kesenjangan: Embal Bunga');
      // Its certification need (halal, permits, laboratory tests) is answered by the open halal wave.
      const need = page.locator('#need-certification');
      expect(await need.textContent()).toContain('C8');
      const option = await need.locator('option', { hasText: programme }).getAttribute('value');
      await need.getByLabel('Program yang cocok').selectOption(option ?? '');
      expect(describeViolations(await seriousViolations(page))).toBe('');
      await need
        .getByRole('button', { name: `Daftarkan ${ikmName} ke program sertifikasi yang dipilih` })
        .click();
      await expect
        .poll(() => page.locator('.flash').textContent())
        .toContain(`${ikmName} didaftarkan ke program "${programme}" untuk kebutuhan sertifikasi.`);
      expect(await page.locator('#need-certification').textContent()).toContain(
        `Sudah mengikuti ${programme}.`,
      );

      // The programme lists it; its certificate is recorded as the outcome.
      await openPage(page, 'Pembinaan');
      await page.getByRole('link', { name: programme, exact: true }).click();
      const row = page.locator('tr', { hasText: ikmName });
      await row.getByRole('link', { name: 'Catat capaian' }).click();
      await page.getByRole('radio', { name: 'Sertifikat diperoleh' }).check();
      await page.getByLabel('Jenis sertifikat').selectOption({ label: 'Sertifikat halal' });
      await page.getByLabel('Nomor bukti').fill('ID31110000998877');
      await page.getByLabel('Tanggal capaian').fill(localDate());
      await page.getByLabel('Keterangan').fill('Sertifikat halal embal bunga terbit (uji peramban)');
      await page.getByRole('button', { name: 'Catat capaian' }).click();
      await expect.poll(() => page.locator('.flash').textContent()).toContain(`Capaian ${ikmName} dicatat.`);

      // The IKM's timeline shows the programme and the outcome.
      await page.goto(profileUrl);
      await page.getByRole('button', { name: 'Lihat linimasa IKM' }).click();
      await page.waitForLoadState('load');
      const timeline = (await page.locator('main').textContent()) ?? '';
      expect(timeline).toContain(`Mengikuti ${programme}`);
      expect(timeline).toContain('Sertifikat diperoleh');
      expect(timeline).toContain('Sertifikat halal embal bunga terbit (uji peramban)');

      // The dashboard counts one more participant of a running programme in Kota Tual, one more
      // with an outcome, and one more outcome this year.
      const after = await coachingFigures(page, 'Kota Tual');
      expect(after).toEqual({
        participants: before.participants + 1,
        withOutcome: before.withOutcome + 1,
        totalParticipants: before.totalParticipants + 1,
        outcomesThisYear: before.outcomesThisYear + 1,
      });
    } finally {
      setDashboardCacheMs(60_000);
      await context.close();
    }
  }, 240_000);

  it('creates a programme, adds a participant, records an outcome and sees it on the IKM’s timeline', async () => {
    await b.login('ambon@ovop.test');
    const page = b.page;
    await openPage(page, 'Pembinaan');
    await page.getByRole('button', { name: 'Catat program' }).click();
    await page.getByLabel('Judul program').fill('Klinik Kemasan Kota Ambon (uji peramban)');
    await page.getByRole('radio', { name: /^Kemasan dan merek/ }).check();
    await page.getByLabel('Sumber dana').selectOption('apbd_kabkota');
    await page.getByLabel('Tanggal mulai').fill('2025-02-03');
    await page.getByLabel('Tanggal selesai').fill('2025-01-31');
    await page.getByLabel('Anggaran (Rp)').fill('25.000.000');
    await page.getByRole('button', { name: 'Catat program' }).click();
    // The end before the start is refused beside its field, the input kept.
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    );
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await page.getByLabel('Tanggal selesai').fill('2025-03-28');
    await page.getByRole('button', { name: 'Catat program' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Program "Klinik Kemasan Kota Ambon (uji peramban)" dicatat.');
    programmeUrl = page.url();
    expect(await page.locator('main').textContent()).toContain('Rp 25.000.000');

    // Find the IKM and add it.
    await page.getByLabel('Cari IKM (nama, pemilik, NIB, desa)').fill('Mutiara Hati');
    await page.getByRole('button', { name: 'Cari IKM' }).click();
    await page.getByLabel(/Kerajinan Mutiara Hati Batu Merah/).check();
    await page.getByRole('button', { name: 'Tambahkan yang dipilih' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('1 IKM ditambahkan sebagai peserta.');

    // Record its new packaging, with a photo.
    const row = page.locator('tr', { hasText: 'Kerajinan Mutiara Hati Batu Merah' });
    await row.getByRole('link', { name: 'Catat capaian' }).click();
    await page.getByRole('radio', { name: 'Kemasan baru' }).check();
    await page.getByLabel('Tanggal capaian').fill('2025-03-20');
    await page.getByLabel('Keterangan').fill('Kotak kemasan baru dengan cerita produk');
    await page.getByLabel('Foto bukti').setInputFiles(path.join(dir, 'kemasan.jpg'));
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await page.getByRole('button', { name: 'Catat capaian' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Capaian Kerajinan Mutiara Hati Batu Merah dicatat.');
    const thumb = page.locator('.outcome-photos img').first();
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);

    // The IKM's timeline shows the programme and the outcome.
    await row.getByRole('link', { name: 'Kerajinan Mutiara Hati Batu Merah', exact: true }).click();
    await page.waitForLoadState('load');
    const profile = (await page.locator('main').textContent()) ?? '';
    expect(profile, page.url()).toContain('Klinik Kemasan Kota Ambon (uji peramban)');
    await page.getByRole('button', { name: 'Lihat linimasa IKM' }).click();
    timelineUrl = page.url();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Tahun 2025');
    expect(main).toContain('Mengikuti Klinik Kemasan Kota Ambon (uji peramban)');
    expect(main).toContain('Kemasan baru');
    expect(main).toContain('Kotak kemasan baru dengan cerita produk');
    expect(main).toContain('Belum ada hasil penilaian OVOP untuk IKM ini');
  }, 180_000);

  it('enrols an IKM from a recommendation in one step, without JavaScript', async () => {
    const context = await b.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(b.url('/login'));
    await page.getByLabel('Email').fill('admin@ovop.test');
    await page.getByLabel('Kata sandi').fill('ovop-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.goto(b.url('/coaching/recommendations?kind=certification'));
    // Another IKM than the gap-analysis test's, so the two tests hold in any order.
    const first = page.locator('tbody tr').filter({ hasNotText: 'Embal Dullah Mandiri' }).first();
    const ikmName = (await first.locator('td a').first().textContent())?.trim() ?? '';
    expect(await first.locator('select option').first().textContent()).toContain(
      'Fasilitasi Sertifikasi Halal Gelombang II',
    );
    await first.getByRole('button', { name: `Daftarkan ${ikmName} ke program yang dipilih` }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain(`${ikmName} didaftarkan ke program "Fasilitasi Sertifikasi Halal Gelombang II".`);
  }, 120_000);

  it('has no serious accessibility violations on the coaching pages', async () => {
    const context = await b.newContext();
    const page = await context.newPage();
    await page.goto(b.url('/login'));
    await page.getByLabel('Email').fill('admin@ovop.test');
    await page.getByLabel('Kata sandi').fill('ovop-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForLoadState('load');
    for (const url of [
      '/coaching/programmes',
      '/coaching/programmes/new',
      '/coaching/recommendations',
      new URL(programmeUrl).pathname,
      `${new URL(programmeUrl).pathname}?q=kenari`,
      new URL(timelineUrl).pathname,
    ]) {
      await page.goto(b.url(url));
      expect(describeViolations(await seriousViolations(page)), url).toBe('');
    }
    // The timeline with its charts drawn, from a trajectory source as the assessment will register one.
    ikmTimeline.addTrajectory(async () => [
      {
        label: 'OVOP 2022',
        date: '2022-10-18',
        star: 1,
        maxStar: 3,
        aspects: [{ code: 'A', name: 'Produksi', score: 15, max: 30 }],
      },
      {
        label: 'OVOP 2024',
        date: '2024-10-18',
        star: 2,
        maxStar: 3,
        aspects: [{ code: 'A', name: 'Produksi', score: 24, max: 30 }],
      },
    ]);
    await page.goto(b.url(new URL(timelineUrl).pathname));
    expect(await page.locator('svg.trajectory-chart').count()).toBe(2);
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await page.goto(b.url('/coaching/programmes?lang=en'));
    expect(await page.locator('h1').textContent()).toBe('Coaching programmes');
  }, 120_000);
});
