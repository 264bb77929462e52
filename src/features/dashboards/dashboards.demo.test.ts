import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { pdfText } from '../../../tests/helpers/events.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominationResults } from '../../db/schema/scoring.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { seedDashboardsDemo } from './dashboards.demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files });
}, 240_000);
afterAll(() => t.close());

describe('the dashboards on the demo data', () => {
  it('decides the 2024 round’s passed nominations once, keeping results already there', async () => {
    const [round] = await t.deps.db.select().from(cycles).where(eq(cycles.year, 2024));
    const results = await t.deps.db
      .select()
      .from(nominationResults)
      .where(eq(nominationResults.cycleId, round!.id));
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 'decided')).toBe(true);
    expect(results.some((r) => (r.finalStar ?? 0) >= 1)).toBe(true);
    // Run again: nothing is added or changed.
    expect(await seedDashboardsDemo(t.deps.db, t.config.PROVINCE_CODE)).toBe(0);
  });

  it('shows the province dashboard, the comparisons with 2024 beside 2026, and the reports', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.get('/dashboard');
    expect(res.status).toBe(200);
    const page = textOf(await res.text());
    expect(page).toContain('Ringkasan');
    expect(page).toContain('Corong usulan');
    const comparisons = textOf(await (await admin.get('/dashboard/comparisons')).text());
    expect(comparisons).toMatch(/2024/);
    expect(comparisons).toMatch(/2026/);
    const pdf = await admin.get('/dashboard/report.pdf?year=2024');
    expect(pdf.status).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Laporan Kegiatan OVOP Tahun 2024');
    const ambon = await t.as('ambon@ovop.test');
    expect((await ambon.get('/dashboard')).status).toBe(200);
    const assessor = await t.as('penilai1@ovop.test');
    expect((await assessor.get('/dashboard')).status).toBe(200);
    // A PDF with its first load of pdf-lib and the fonts: slow on a loaded machine.
  }, 120_000);
});
