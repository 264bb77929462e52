/**
 * The nomination round in a real browser: the admin opens a cycle whose proposal window is around
 * now, the Kota Ambon officer nominates a product with its documents and submits, the province
 * returns it with a comment, the officer uploads a replacement and resubmits, the province passes it
 * and downloads the national proposal package, whose ZIP holds the files the ministry expects.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { Entry } from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-accounts.ts';
import { describeViolations, seriousViolations } from '../helpers/axe.ts';
import { type BrowserHarness, hasBrowser, startBrowser, openPage } from '../helpers/browser.ts';
import { pdfBytes, pngBytes } from '../helpers/nominations.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A datetime-local value in WIT (UTC+9, no daylight saving), as the cycle form reads it. */
const wit = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 16);

const PRODUCT = 'Hiasan Dinding Kulit Mutiara';
const IKM = 'Kerajinan Mutiara Hati Batu Merah';
const LETTER = 'Surat usulan dari dinas kabupaten/kota';
const FAULT = 'Surat belum ditandatangani kepala dinas.';

/** The demo checklist of "Lainnya" (every commodity's common items) with the files the officer uploads. */
const UPLOADS = [
  { item: LETTER, code: 'surat_usulan', name: 'surat-usulan.pdf', mimeType: 'application/pdf' },
  { item: 'Nomor Induk Berusaha (NIB)', code: 'nib', name: 'nib.pdf', mimeType: 'application/pdf' },
  {
    item: 'SK bupati/walikota penetapan sentra IKM',
    code: 'sk_sentra',
    name: 'sk-sentra.pdf',
    mimeType: 'application/pdf',
  },
  {
    item: 'Profil IKM dan cerita produk',
    code: 'profil_ikm',
    name: 'profil.pdf',
    mimeType: 'application/pdf',
  },
  { item: 'Foto produk', code: 'foto_produk', name: 'foto.png', mimeType: 'image/png' },
] as const;

/** Each entry of a ZIP with its bytes. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** expect.poll with room for a page load on a busy machine (vitest's default is one second). */
const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

async function expectAccessible(page: Page, what: string) {
  expect(describeViolations(await seriousViolations(page)), what).toBe('');
}

describe.runIf(hasBrowser)('a nomination from the officer to the national package, in a real browser', () => {
  let b: BrowserHarness;
  let officerContext: BrowserContext;
  /** The admin's page (b.page) and the Kota Ambon officer's page, two people at once. */
  let admin: Page;
  let officer: Page;
  let cycleName: string;
  let nominationUrl: string;

  beforeAll(async () => {
    b = await startBrowser();
    admin = b.page;
    officerContext = await b.newContext();
    officer = officerContext.pages()[0] ?? (await officerContext.newPage());
    // A missing label fails in seconds, naming the locator, rather than at the test's timeout.
    for (const p of [admin, officer]) p.setDefaultTimeout(15_000);
  }, 120_000);
  afterAll(() => b?.close());

  const main = (p: Page) => p.locator('main');

  it('the admin opens a cycle whose proposal window is around now', async () => {
    const now = Date.now();
    const year = new Date(now + 9 * HOUR).getUTCFullYear();
    cycleName = `Pra-seleksi Uji Peramban ${year}`;
    await b.login('admin@ovop.test');
    await openPage(admin, 'Periode & usulan', 'Periode penilaian');
    await admin.getByRole('button', { name: 'Buat periode' }).click();
    await admin.getByLabel('Nama periode').fill(cycleName);
    await admin.getByLabel('Tahun').fill(String(year));
    // The window opens an hour ago and closes in two days; selection follows it.
    const closes = now + 2 * DAY;
    await admin.locator('[name="phases.proposal.start"]').fill(wit(now - HOUR));
    await admin.locator('[name="phases.proposal.end"]').fill(wit(closes));
    await admin.locator('[name="phases.admin_selection.start"]').fill(wit(closes + 5 * 60_000));
    await admin.locator('[name="phases.admin_selection.end"]').fill(wit(closes + 30 * DAY));
    // Kota Ambon's mother-of-pearl crafts are "Lainnya": the cycle covers them too.
    await admin.getByLabel('Lainnya').check();
    await admin.getByRole('button', { name: 'Buat periode' }).last().click();
    await poll(() => admin.locator('.flash').textContent()).toContain(cycleName);
  });

  it('the officer nominates a product, uploads its documents, sees the meter and the checks, and submits', async () => {
    const p = officer;
    await p.goto(b.url('/login'));
    await p.getByLabel('Email').fill('ambon@ovop.test');
    await p.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await p.getByRole('button', { name: 'Masuk' }).click();
    await p.waitForLoadState('load');
    await openPage(p, 'Periode & usulan', 'Usulan');
    await p.getByRole('button', { name: 'Buat usulan' }).click();
    await p.getByLabel('Periode', { exact: true }).selectOption({ label: cycleName });
    await p.getByLabel('Cari produk').fill('Mutiara Hati');
    await p.getByRole('button', { name: 'Cari', exact: true }).click();
    const row = p.getByRole('row').filter({ hasText: IKM }).filter({ hasText: PRODUCT });
    await row.getByRole('button', { name: `Usulkan ${PRODUCT}` }).click();
    await poll(() => p.locator('.flash').textContent()).toContain(`Usulan ${PRODUCT} dibuat sebagai draf.`);
    nominationUrl = p.url();
    expect(nominationUrl).toMatch(/\/nominations\/[0-9a-f-]{36}$/);

    // The task list: registry data, every document not started, an empty meter.
    expect(await main(p).textContent()).toContain(IKM);
    expect(await p.locator('.completeness').textContent()).toContain('0 dari 5 dokumen wajib lengkap');
    expect(await p.locator('meter').getAttribute('value')).toBe('0');
    await expectAccessible(p, 'task list (draft)');

    for (const u of UPLOADS) {
      await p.getByRole('link', { name: u.item, exact: true }).click();
      await poll(() => p.locator('h1').textContent()).toContain(u.item);
      await p.getByLabel('Berkas').setInputFiles({
        name: u.name,
        mimeType: u.mimeType,
        buffer: Buffer.from(u.mimeType === 'image/png' ? pngBytes() : pdfBytes(`${u.code} versi 1`)),
      });
      await p.getByRole('button', { name: 'Unggah', exact: true }).click();
      await poll(() => p.locator('.flash').textContent()).toContain(`Dokumen "${u.name}" diunggah.`);
    }
    expect(await p.locator('.completeness').textContent()).toContain('5 dari 5 dokumen wajib lengkap');
    expect(await p.locator('meter').getAttribute('value')).toBe('5');
    for (const u of UPLOADS)
      expect(await p.locator('.task-list-item').filter({ hasText: u.item }).textContent()).toContain(
        'Selesai',
      );
    // The eligibility checks, computed from the registry.
    const checks = p.getByRole('table', { name: '4. Pemeriksaan kelayakan' });
    expect(await checks.getByRole('row').filter({ hasText: 'IKM memiliki NIB' }).textContent()).toContain(
      'Memenuhi',
    );
    expect(
      await checks
        .getByRole('row')
        .filter({ hasText: 'Komoditas produk termasuk dalam periode ini' })
        .textContent(),
    ).toContain('Memenuhi');
    await expectAccessible(p, 'task list (complete)');

    await p.getByRole('button', { name: 'Periksa lalu ajukan', exact: true }).first().click();
    await poll(() => p.locator('h1').textContent()).toContain('Periksa jawaban Anda');
    await p.getByRole('button', { name: 'Ajukan usulan' }).click();
    await poll(() => p.locator('h1').textContent()).toContain('Usulan diajukan');
    expect(await main(p).textContent()).toContain('Apa yang terjadi selanjutnya');
    // Submitted: the officer can no longer upload.
    await p.goto(nominationUrl);
    await p.getByRole('link', { name: LETTER, exact: true }).click();
    expect(await p.getByLabel('Berkas').count()).toBe(0);
  }, 120_000);

  it('the province marks the letter at fault with a comment and returns the nomination', async () => {
    const p = admin;
    // From the list of the cycle's nominations to the one submitted.
    await openPage(p, 'Periode & usulan', 'Usulan');
    await p.getByLabel('Periode', { exact: true }).selectOption({ label: cycleName });
    await p.getByRole('button', { name: 'Saring' }).click();
    const row = p.getByRole('row').filter({ hasText: PRODUCT });
    await poll(() => row.textContent()).toContain('Diajukan');
    await expectAccessible(p, 'nomination list');
    await row.getByRole('link', { name: PRODUCT }).click();
    await p.getByRole('button', { name: 'Seleksi administrasi', exact: true }).click();
    await poll(() => p.locator('h1').textContent()).toContain('Seleksi administrasi');
    expect(p.url()).toBe(`${nominationUrl}/review`);
    // The automatic checks beside each document, and the eligibility checks.
    const letter = p.locator('fieldset.review-item').filter({ hasText: LETTER });
    const auto = await letter.textContent();
    expect(auto).toContain('surat-usulan.pdf');
    expect(auto).toContain('Ada dokumen');
    expect(auto).toContain('jenis berkas diterima');
    expect(await main(p).textContent()).toContain('IKM memiliki NIB');
    await expectAccessible(p, 'review page');
    await p
      .getByRole('group', { name: `Pemeriksaan ${LETTER}`, exact: true })
      .getByLabel('Bermasalah')
      .check();
    await p.getByLabel(`Catatan untuk ${LETTER}`).fill(FAULT);
    await p.getByRole('group', { name: 'Pemeriksaan Foto produk', exact: true }).getByLabel('Sesuai').check();
    await p
      .getByRole('group', { name: 'Keputusan', exact: true })
      .getByLabel('Kembalikan untuk perbaikan')
      .check();
    await p.getByRole('button', { name: 'Simpan keputusan' }).click();
    await poll(() => p.locator('.flash').textContent()).toContain(
      `Usulan ${PRODUCT} dikembalikan untuk perbaikan.`,
    );
  }, 60_000);

  it('the officer sees the comment, uploads a replacement and resubmits; the item lists both versions', async () => {
    const p = officer;
    await p.goto(nominationUrl);
    const returned = p.locator('.panel').filter({ hasText: FAULT });
    expect(await returned.textContent()).toContain(LETTER);
    expect(await p.locator('.task-list-item').filter({ hasText: LETTER }).textContent()).toContain(
      'Dikembalikan',
    );
    await p.getByRole('link', { name: LETTER, exact: true }).click();
    expect(await p.locator('.panel').filter({ hasText: 'Catatan provinsi' }).textContent()).toContain(FAULT);
    expect(await p.getByRole('heading', { name: 'Unggah pengganti' }).count()).toBe(1);
    await p.getByLabel('Berkas').setInputFiles({
      name: 'surat-usulan-bertanda-tangan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdfBytes('surat_usulan versi 2 bertanda tangan')),
    });
    await p.getByRole('button', { name: 'Unggah', exact: true }).click();
    await poll(() => p.locator('.flash').textContent()).toContain(
      'Dokumen "surat-usulan-bertanda-tangan.pdf" diunggah.',
    );
    await p.getByRole('link', { name: LETTER, exact: true }).click();
    const versions = p.getByRole('table', { name: 'Semua versi' });
    const v1 = versions.getByRole('row').filter({ hasText: 'Versi 1' });
    const v2 = versions.getByRole('row').filter({ hasText: 'Versi 2' });
    expect(await v1.textContent()).toContain('surat-usulan.pdf');
    expect(await v1.textContent()).toContain('diganti');
    expect(await v2.textContent()).toContain('surat-usulan-bertanda-tangan.pdf');
    expect(await v2.textContent()).toContain('berlaku');
    await p.getByRole('link', { name: 'Kembali ke usulan' }).click();
    await p.getByRole('button', { name: 'Periksa lalu ajukan ulang', exact: true }).first().click();
    await p.getByRole('button', { name: 'Ajukan ulang usulan' }).click();
    await poll(() => p.locator('h1').textContent()).toContain('Usulan diajukan ulang');
  }, 60_000);

  it('the officer reads the task list in English', async () => {
    const p = officer;
    await p.goto(nominationUrl);
    await p.getByRole('link', { name: 'English' }).click();
    await poll(() => p.locator('html').getAttribute('lang')).toBe('en');
    const text = await main(p).textContent();
    expect(text).toContain('3. Required documents');
    expect(text).toContain('Proposal letter from the regency/city office');
    expect(text).toContain('4. Eligibility checks');
    expect(text).toContain('The IKM holds a NIB');
    expect(await p.locator('.completeness').textContent()).toContain('5 of 5 required documents complete');
    expect(await p.locator('.tag').filter({ hasText: 'Submitted' }).count()).toBeGreaterThan(0);
    await p.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await poll(() => p.locator('html').getAttribute('lang')).toBe('id');
  });

  it('the province confirms each item and passes it, then downloads the proposal package', async () => {
    const p = admin;
    await p.goto(nominationUrl);
    await p.getByRole('button', { name: 'Seleksi administrasi', exact: true }).click();
    await poll(() => p.locator('h1').textContent()).toContain('Seleksi administrasi');
    for (const u of UPLOADS)
      await p
        .getByRole('group', { name: `Pemeriksaan ${u.item}`, exact: true })
        .getByLabel('Sesuai')
        .check();
    await p
      .getByRole('group', { name: 'Keputusan', exact: true })
      .getByLabel('Luluskan seleksi administrasi')
      .check();
    await p.getByLabel('Alasan keputusan').fill('Dokumen lengkap setelah perbaikan.');
    await p.getByRole('button', { name: 'Simpan keputusan' }).click();
    await poll(() => p.locator('.flash').textContent()).toContain(`Usulan ${PRODUCT} diluluskan.`);
    expect(await main(p).textContent()).toContain('Alasan keputusan: Dokumen lengkap setelah perbaikan.');

    await p.getByRole('button', { name: 'Buat paket usulan' }).click();
    // The progress page refreshes itself until the ZIP is ready.
    await poll(() => p.locator('h1').textContent(), 60_000).toContain('Paket usulan siap');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: /^Unduh usulan-ovop-/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'usulan-ovop-kerajinan-mutiara-hati-batu-me-hiasan-dinding-kulit-mutiara.zip',
    );
    const entries = await unzip(fs.readFileSync(await download.path()));
    const names = [...entries.keys()];
    const folder = names[0]!.split('/')[0]!;
    expect(folder).toBe('01-kerajinan-mutiara-hati-batu-merah-hiasan-dinding-kulit-mutiara');
    expect(names.sort()).toEqual(
      [
        'profil-ikm.xlsx',
        'profil-ikm.pdf',
        'surat_usulan.pdf',
        'nib.pdf',
        'sk_sentra.pdf',
        'profil_ikm.pdf',
        'foto_produk.png',
      ]
        .map((n) => `${folder}/${n}`)
        .sort(),
    );
    // The package carries the corrected letter, not the one the province returned.
    expect(entries.get(`${folder}/surat_usulan.pdf`)!.toString('latin1')).toContain(
      'versi 2 bertanda tangan',
    );
    expect(entries.get(`${folder}/profil-ikm.pdf`)!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(entries.get(`${folder}/profil-ikm.xlsx`)!.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);
});
