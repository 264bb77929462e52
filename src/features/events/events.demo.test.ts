import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { events } from '../../db/schema/events.ts';
import { eventCoverage } from './coverage.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files });
});
afterAll(() => t.close());

describe('the events demo data', () => {
  it('holds the 4 September 2023 briefing in Ambon with all 11 kab/kota present', async () => {
    const all = await t.deps.db.select().from(events);
    const briefing = all.find((e) => e.title.startsWith('Sosialisasi dan Penilaian OVOP'))!;
    expect(briefing.startsAt.toISOString()).toBe('2023-09-04T00:00:00.000Z');
    expect(briefing.venueKabkotaCode).toBe('81.71');
    expect(briefing.status).toBe('finished');
    const coverage = await eventCoverage(t.deps.db, briefing);
    expect(coverage.present).toBe(11);
    const bimtek = all.find((e) => e.kind === 'bimtek')!;
    expect((await eventCoverage(t.deps.db, bimtek)).present).toBe(6);
    const upcoming = all.find((e) => e.kind === 'rapat_koordinasi')!;
    expect(upcoming.registrationOpen).toBe(true);
  });

  it('shows the Tanimbar officer their overdue action and the stakeholders', async () => {
    const officer = await t.as('tanimbar@ovop.test');
    const page = textOf(await (await officer.get('/follow-ups')).text());
    expect(page).toContain('Identifikasi calon IKM OVOP dari sentra di wilayah Anda');
    expect(page).toContain('Terlambat');
    const partners = textOf(await (await officer.get('/stakeholders')).text());
    expect(partners).toContain('Bank Daerah Maluku (contoh)');
    expect(partners).toContain('Universitas Pattimura');
  });

  it('runs once: a second run adds nothing', async () => {
    const before = (await t.deps.db.select().from(events)).length;
    expect(await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files })).toEqual([]);
    expect((await t.deps.db.select().from(events)).length).toBe(before);
  });
});
