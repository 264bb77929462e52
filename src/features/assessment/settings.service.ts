/**
 * A cycle's assessment settings (assessors per nomination, results options, gates, coaching map):
 * one row per cycle, made with the defaults the first time anything needs it. Assignment and results
 * both call `ensureCycleSettings` inside their own transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { cycleAssessmentSettings } from '../../db/schema/scoring.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { defaultGates } from './classify.defaults.ts';
import { DEFAULT_RESULTS_OPTIONS } from './results.rules.ts';

export type CycleSettingsRow = typeof cycleAssessmentSettings.$inferSelect;

/** The default number of assessors per nomination (the column's default too). */
export const DEFAULT_ASSESSORS_PER_NOMINATION = 3;

/** The cycle's assessment settings, made with the defaults (3 assessors, DEFAULT_RESULTS_OPTIONS, the scale's default gates) when missing. */
export async function ensureCycleSettings(tx: Db, cycleId: string): Promise<CycleSettingsRow> {
  const [found] = await tx
    .select()
    .from(cycleAssessmentSettings)
    .where(eq(cycleAssessmentSettings.cycleId, cycleId))
    .limit(1);
  if (found) return found;
  const [cycle] = await tx
    .select({ starScale: cycles.starScale })
    .from(cycles)
    .where(eq(cycles.id, cycleId))
    .limit(1);
  if (!cycle) throw new NotFoundError('cycle');
  // Two first requests at once: the second insert does nothing and both read the one row.
  await tx
    .insert(cycleAssessmentSettings)
    .values({
      cycleId,
      assessorsPerNomination: DEFAULT_ASSESSORS_PER_NOMINATION,
      resultsOptions: DEFAULT_RESULTS_OPTIONS,
      gates: defaultGates(cycle.starScale),
    })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(cycleAssessmentSettings)
    .where(eq(cycleAssessmentSettings.cycleId, cycleId))
    .limit(1);
  return row!;
}
