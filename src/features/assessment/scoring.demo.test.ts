import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { users } from '../../db/schema/accounts.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { assignments, scoreSheets } from '../../db/schema/scoring.ts';
import { conflicts } from '../../db/schema/assessment.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(
    { db: t.deps.db, config: t.config, files: t.deps.files },
    { only: ['accounts', 'registry', 'cycles', 'nominations', 'assessment', 'scoring'] },
  );
}, 240_000);
afterAll(() => t.close());

describe('the scoring demo data', () => {
  it('assigns the 2024 round’s passed nominations to the three demo assessors, never a conflicted one', async () => {
    const [cycle] = await t.deps.db.select().from(cycles).where(eq(cycles.year, 2024));
    const rows = await t.deps.db.select().from(assignments).where(eq(assignments.cycleId, cycle!.id));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const people = await t.deps.db
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.assessorId))]));
    expect(people.map((p) => p.email).sort()).toEqual([
      'penilai1@ovop.test',
      'penilai2@ovop.test',
      'penilai3@ovop.test',
    ]);
    const active = await t.deps.db.select().from(conflicts);
    const noms = await t.deps.db.select().from(nominations).where(eq(nominations.cycleId, cycle!.id));
    for (const r of rows) {
      const ikmId = noms.find((n) => n.id === r.nominationId)!.ikmId;
      expect(active.some((c) => c.assessorId === r.assessorId && c.ikmId === ikmId && !c.withdrawnAt)).toBe(
        false,
      );
    }
  });

  it('has every sheet submitted, the nominations assessed, and exactly one disagreement over 15 points', async () => {
    const [cycle] = await t.deps.db.select().from(cycles).where(eq(cycles.year, 2024));
    const sheets = await t.deps.db.select().from(scoreSheets).where(eq(scoreSheets.cycleId, cycle!.id));
    expect(sheets.every((s) => s.status === 'submitted' && s.total !== null)).toBe(true);
    const byNomination = new Map<string, number[]>();
    for (const s of sheets)
      byNomination.set(s.nominationId, [...(byNomination.get(s.nominationId) ?? []), s.total!]);
    const spreads = [...byNomination.values()].map((xs) => Math.max(...xs) - Math.min(...xs));
    expect(spreads.filter((x) => x > 15)).toHaveLength(1);
    const states = await t.deps.db
      .select({ state: nominations.state })
      .from(nominations)
      .where(and(eq(nominations.cycleId, cycle!.id), inArray(nominations.id, [...byNomination.keys()])));
    expect(states.every((s) => s.state === 'assessed')).toBe(true);
  });

  it('shows the assessor their submitted sheets', async () => {
    const p1 = await t.as('penilai1@ovop.test');
    const text = textOf(await (await p1.get('/assessment/assignments')).text());
    expect(text).toContain('Terkirim');
    expect(text).not.toContain('Draf');
  });

  it('runs once: a second run adds nothing', async () => {
    const before = (await t.deps.db.select().from(assignments)).length;
    expect(
      await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files }, { only: ['scoring'] }),
    ).toEqual([]);
    expect(await t.deps.db.select().from(assignments)).toHaveLength(before);
  });
});
