import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominationDocuments, nominations } from '../../db/schema/nominations.ts';
import { systemActor } from '../../platform/actor.ts';
import { cycleFunnel } from './funnel.service.ts';
import { nominationDetail } from './nominations.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files });
}, 120_000);
afterAll(() => t.close());

describe('the nominations demo data', () => {
  it('has nominations from several kab/kota in every state of selection, in 2024 and in the open 2026 round', async () => {
    const all = await t.deps.db.select().from(nominations);
    const rounds = await t.deps.db.select().from(cycles);
    for (const year of [2024, 2026]) {
      const cycle = rounds.find((c) => c.year === year)!;
      expect(cycle.frozenAt).not.toBeNull();
      const mine = all.filter((n) => n.cycleId === cycle.id);
      expect(new Set(mine.map((n) => n.kabkotaCode)).size).toBeGreaterThanOrEqual(5);
      const states = new Set(mine.map((n) => n.state));
      // Scoring and awards carry 2024's passed nominations on: assessed, decided and published.
      const passed = year === 2024 ? 'published' : 'admin_passed';
      for (const s of ['returned', passed, 'admin_failed', 'withdrawn']) expect(states).toContain(s);
      if (year === 2026) for (const s of ['draft', 'submitted']) expect(states).toContain(s);
      const funnel = await cycleFunnel(t.deps.db, systemActor(), cycle.id);
      expect(funnel.overall.potential).toBeGreaterThan(funnel.overall.nominated);
      // 2024 is long closed: every nomination there was submitted; 2026 still has drafts.
      if (year === 2026) expect(funnel.overall.nominated).toBeGreaterThan(funnel.overall.submitted);
      expect(funnel.overall.returned).toBeGreaterThan(0);
      expect(funnel.overall.passed).toBeGreaterThan(0);
      expect(funnel.overall.failed).toBeGreaterThan(0);
    }
  });

  it('gives a returned nomination its comment and a corrected one both versions of the document', async () => {
    const all = await t.deps.db.select().from(nominations);
    const returned = all.find((n) => n.state === 'returned')!;
    const detail = await nominationDetail(t.deps.db, systemActor(), returned.id);
    expect(detail.items.some((i) => i.status === 'returned' && i.review?.comment)).toBe(true);
    const corrected = all.find((n) => n.state === 'admin_passed' && n.returnCount === 1)!;
    const docs = await t.deps.db
      .select()
      .from(nominationDocuments)
      .where(eq(nominationDocuments.nominationId, corrected.id));
    expect(docs.some((d) => d.number === 2)).toBe(true);
    const passed = await nominationDetail(t.deps.db, systemActor(), corrected.id);
    expect(passed.completeness.requiredDone).toBe(passed.completeness.requiredTotal);
  });

  it('shows the Ambon officer their nominations and the funnel', async () => {
    const officer = await t.as('ambon@ovop.test');
    const list = textOf(await (await officer.get('/nominations')).text());
    expect(list).toContain('Pra-seleksi Provinsi OVOP 2026');
    const admin = await t.as('admin@ovop.test');
    const funnel = textOf(await (await admin.get('/nominations/funnel')).text());
    expect(funnel).toContain('Per kabupaten/kota');
    expect(funnel).toContain('Kota Ambon');
  });

  it('runs once: a second run adds nothing', async () => {
    const before = (await t.deps.db.select().from(nominations)).length;
    expect(await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files })).toEqual([]);
    expect((await t.deps.db.select().from(nominations)).length).toBe(before);
  });
});
