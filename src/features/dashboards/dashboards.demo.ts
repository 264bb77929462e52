/**
 * Demo data for the dashboards (`ovop seed --demo`): decided results for the 2024 round's nominations
 * that passed administrative selection, so the comparisons across rounds and the star figures show
 * something. The awards work may already have written some of these results (and published the
 * round): a nomination that has a result row keeps it; only the missing ones are added.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycleStarBands, cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { nominationResults, scoreSheets } from '../../db/schema/scoring.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { PASSED_STATES } from '../nominations/nominations.service.ts';

/** Demo scores, taken in turn: a spread across the star bands and one below every band. */
const SCORES = [86.5, 72.25, 64, 91, 55.5, 78];

/** The star a score earns under a round's bands (0 below every band; the top band includes its top). */
export function starFor(score: number, bands: { stars: number; min: number; max: number }[]): number {
  const top = Math.max(...bands.map((b) => b.max));
  for (const b of bands)
    if (score >= b.min && (score < b.max || (b.max === top && score <= b.max))) return b.stars;
  return 0;
}

export async function seedDashboardsDemo(db: Db, provinceCode: string): Promise<number> {
  const [round] = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(eq(cycles.provinceCode, provinceCode), eq(cycles.year, 2024)))
    .limit(1);
  if (!round) return 0;
  const bands = (await db.select().from(cycleStarBands).where(eq(cycleStarBands.cycleId, round.id))).map(
    (b) => ({
      stars: b.stars,
      min: Number(b.minScore),
      max: Number(b.maxScore),
    }),
  );
  if (bands.length === 0) return 0;
  const passed = await db
    .select({ id: nominations.id, kabkotaCode: nominations.kabkotaCode })
    .from(nominations)
    .where(
      and(
        eq(nominations.cycleId, round.id),
        inArray(nominations.state, [...PASSED_STATES]),
        // Nominations with score sheets belong to the real flow (the scoring demo leaves one to moderate).
        sql`not exists (select 1 from ${scoreSheets} where ${scoreSheets.nominationId} = ${nominations.id})`,
      ),
    )
    .orderBy(nominations.id);
  if (passed.length === 0) return 0;
  const decidedAt = fromLocalInput('2024-10-15T10:00')!;
  const actor = systemActor('demo');
  return db.transaction(async (tx) => {
    const existing = new Set(
      (
        await tx
          .select({ id: nominationResults.nominationId })
          .from(nominationResults)
          .where(
            inArray(
              nominationResults.nominationId,
              passed.map((p) => p.id),
            ),
          )
      ).map((r) => r.id),
    );
    const rows = passed
      .filter((p) => !existing.has(p.id))
      .map((p, i) => {
        const score = SCORES[i % SCORES.length]!;
        const star = starFor(score, bands);
        return {
          nominationId: p.id,
          cycleId: round.id,
          kabkotaCode: p.kabkotaCode,
          status: 'decided' as const,
          score,
          computedStar: star,
          finalStar: star,
          starChange: 'new' as const,
          decidedAt,
        };
      });
    if (rows.length === 0) return 0;
    await tx.insert(nominationResults).values(rows).onConflictDoNothing();
    await writeAudit(tx, actor, {
      action: 'dashboards.demo_seed',
      objectType: 'nomination_results',
      after: { cycleId: round.id, results: rows.length },
    });
    return rows.length;
  });
}
