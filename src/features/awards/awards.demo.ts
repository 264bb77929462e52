/**
 * Demo awards (`ovop seed --demo`, after the nominations, assessment and catalog): the 2024 round's
 * passed nominations assessed and decided as they would stand after the real flow (unless the
 * assessment's own demo already decided them), then the round published through the awards service
 * on a day of its 2024 publication phase, so the certificates exist, the catalog shows stars and
 * /verifikasi answers. Once: a published round is left alone.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominations, nominationTransitions } from '../../db/schema/nominations.ts';
import { products } from '../../db/schema/registry.ts';
import { cyclePublications, nominationResults } from '../../db/schema/scoring.ts';
import { systemActor } from '../../platform/actor.ts';
import type { NominationState } from '../../platform/domain.ts';
import { fromLocalInput } from '../../platform/format.ts';
import type { Config } from '../../config.ts';
import type { FileStore } from '../../platform/files.ts';
import type { NominationEnv } from '../nominations/nominations.env.ts';
import { bulkDecideResults } from '../assessment/decisions.service.ts';
import { computeCycleResults } from '../assessment/results.service.ts';
import { publicationPreview, publishCycle } from './awards.service.ts';

const wit = (s: string) => fromLocalInput(s)!;

/** The stars the demo's 2024 nominations were decided with, in order (0 = no star). */
const DEMO_STARS = [3, 2, 1, 2, 0, 3, 1];

const BEFORE_DECISION: NominationState[] = ['admin_passed', 'in_assessment', 'assessed'];

export async function seedDemoAwards(db: Db, config: Config, store: FileStore): Promise<void> {
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.provinceCode, config.PROVINCE_CODE), eq(cycles.year, 2024)))
    .limit(1);
  if (!cycle) return;
  const [published] = await db
    .select()
    .from(cyclePublications)
    .where(eq(cyclePublications.cycleId, cycle.id));
  if (published) return;
  const decidedAt = wit('2024-10-15T10:00');
  const env: NominationEnv = {
    provinceCode: config.PROVINCE_CODE,
    mail: config,
    store,
    uploadMaxBytes: config.UPLOAD_MAX_MB * 1024 * 1024,
    packageDir: '',
    now: () => wit('2024-10-21T09:00'),
  };
  // The state table lets only the province admin decide and publish: the seed acts in that role, audited as the seed.
  const actor = { ...systemActor('seed'), role: 'admin_provinsi' as const };
  // Nominations the scoring demo assessed are decided the real way, with the star their sheets earn;
  // the one its assessors disagree on is left assessed, for the moderation demo.
  const scored = await computeCycleResults(db, cycle.id);
  const scoredIds = new Set(scored.rows.filter((r) => r.result.count > 0).map((r) => r.nomination.id));
  const agreed = scored.rows
    .filter((r) => r.nomination.state === 'assessed' && r.result.complete && !r.result.flagged)
    .map((r) => r.nomination.id);
  await bulkDecideResults(db, env, actor, agreed);
  // The others are history entered as it stood (no sheets): a fixed star each.
  const passed = (
    await db
      .select()
      .from(nominations)
      .where(and(eq(nominations.cycleId, cycle.id), inArray(nominations.state, BEFORE_DECISION)))
      .orderBy(nominations.id)
  ).filter((n) => !scoredIds.has(n.id));
  await db.transaction(async (tx) => {
    for (const [i, n] of passed.entries()) {
      const stars = Math.min(DEMO_STARS[i % DEMO_STARS.length]!, cycle.starScale);
      const score = stars === 0 ? 52.5 : 60 + stars * 10 + (i % 3);
      await tx
        .insert(nominationResults)
        .values({
          nominationId: n.id,
          cycleId: cycle.id,
          kabkotaCode: n.kabkotaCode,
          status: 'decided',
          score,
          computedStar: stars,
          finalStar: stars,
          decidedAt,
        })
        .onConflictDoUpdate({
          target: nominationResults.nominationId,
          set: { status: 'decided', score, computedStar: stars, finalStar: stars, decidedAt },
          // A result the assessment's demo already decided is kept as it is.
          where: sql`${nominationResults.status} <> 'decided'`,
        });
      // The moves the 2024 round went through, written as history (their windows are long past).
      const steps: [string, NominationState, NominationState, string][] = [
        ['start_assessment', 'admin_passed', 'in_assessment', '2024-08-12T09:00'],
        ['complete_assessment', 'in_assessment', 'assessed', '2024-10-04T16:00'],
        ['decide', 'assessed', 'decided', '2024-10-15T10:00'],
      ];
      for (const [action, from, to, at] of steps.slice(BEFORE_DECISION.indexOf(n.state))) {
        await tx.insert(nominationTransitions).values({
          nominationId: n.id,
          kabkotaCode: n.kabkotaCode,
          action,
          fromState: from,
          toState: to,
          round: n.round,
          at: wit(at),
        });
      }
      await tx
        .update(nominations)
        .set({ state: 'decided', updatedAt: decidedAt, version: n.version + 1 })
        .where(eq(nominations.id, n.id));
      // Awarded products belong in the public catalog.
      if (stars > 0) await tx.update(products).set({ published: true }).where(eq(products.id, n.productId));
    }
  });
  const preview = await publicationPreview(db, cycle.id);
  if (preview.count === 0) return;
  await publishCycle(db, env, actor, cycle.id, {
    fingerprint: preview.fingerprint,
    count: preview.count,
    confirm: true,
  });
}
