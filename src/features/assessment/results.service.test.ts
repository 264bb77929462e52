import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { nominations } from '../../db/schema/nominations.ts';
import { coachingRecommendations } from '../../db/schema/coaching.ts';
import { nominationResults } from '../../db/schema/scoring.ts';
import { systemActor } from '../../platform/actor.ts';
import { nominationEnv } from '../nominations/nominations.env.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import {
  earlierStar,
  scoredNomination,
  scoringCycle,
  userId,
} from '../../../tests/helpers/scoring-fixtures.ts';
import { computeCycleResults, resultOf } from './results.service.ts';
import { decideResult } from './decisions.service.ts';

// The machine these run on is shared: exports and decisions get room under load.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('cycle results from real sheets', () => {
  it('computes mean, spread, flag, class and re-evaluation, and a decision locks and recommends', async () => {
    const cycleId = await scoringCycle(t);
    const agree = await scoredNomination(t, cycleId, {
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 3 },
        { assessor: 'penilai2@ovop.test', level: 3 },
        { assessor: 'penilai3@ovop.test', level: 2, top: 10 },
      ],
    });
    const split = await scoredNomination(t, cycleId, {
      sheets: [
        { assessor: 'penilai1@ovop.test', level: 1 },
        { assessor: 'penilai2@ovop.test', level: 3 },
      ],
    });
    const food = await scoredNomination(t, cycleId, {
      commodity: 'makanan_minuman',
      sheets: [{ assessor: 'penilai1@ovop.test', level: 3 }],
    });
    await earlierStar(t, agree, 2);
    const view = await computeCycleResults(t.database.db, cycleId);
    const a = view.rows.find((r) => r.nomination.id === agree.nominationId)!;
    const s = view.rows.find((r) => r.nomination.id === split.nominationId)!;
    expect(a.result.count).toBe(3);
    expect(s.result.flagged).toBe(true);
    expect(a.previous?.stars).toBe(2);
    expect(a.classification?.star).toBeGreaterThan(0);
    // A food product without its permits: the gate denies the star, for the whole cycle and alone.
    const f = view.rows.find((r) => r.nomination.id === food.nominationId)!;
    expect(f.facts).toMatchObject({ legality: true, foodPermits: false });
    expect(f.classification?.star).toBe(0);
    expect(f.classification?.gates.map((g) => g.code)).toEqual(['food_permits']);
    const alone = await resultOf(t.database.db, food.nominationId);
    expect(alone.row.classification?.star).toBe(0);
    expect(alone.row.facts).toEqual(f.facts);
    const admin = {
      ...systemActor('t'),
      role: 'admin_provinsi' as const,
      userId: await userId(t, 'admin@ovop.test'),
    };
    const env = nominationEnv(t.deps);
    const out = await decideResult(t.database.db, env, admin, agree.nominationId, {});
    expect(out.result.status).toBe('decided');
    expect(out.result.starChange).toBe('raised');
    const [n] = await t.database.db.select().from(nominations).where(eq(nominations.id, agree.nominationId));
    expect(n!.state).toBe('decided');
    const recs = await t.database.db
      .select()
      .from(coachingRecommendations)
      .where(eq(coachingRecommendations.ikmId, agree.ikmId));
    expect(recs.length).toBe(out.recommendations);
    expect(recs.length).toBeGreaterThan(0);
    const [r] = await t.database.db
      .select()
      .from(nominationResults)
      .where(eq(nominationResults.nominationId, agree.nominationId));
    expect(r!.finalStar).toBe(r!.computedStar);
  });
});
