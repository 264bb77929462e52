/**
 * A cycle's assessment settings (cycle_assessment_settings): made with the defaults the first time a
 * cycle needs them, read by results, classification and gap analysis, and saved by the admin's form
 * together with the cycle's star bands (validated as one scale, ADR 0421).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { cycleAssessmentSettings } from '../../db/schema/scoring.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import type { Lang } from '../../platform/domain.ts';
import type { StarBand as CycleBand } from '../cycles/cycles.rules.ts';
import { getCycleConfig, updateCycle } from '../cycles/cycles.service.ts';
import { type Gate, type StarScale, validateBands, validateGates } from './classify.rules.ts';
import { defaultGates } from './classify.defaults.ts';
import { DEFAULT_RESULTS_OPTIONS, type ResultsOptions } from './results.rules.ts';
import type { Violation } from './rubric.rules.ts';
import type { CoachingKind } from './rubric.rules.ts';

export type CycleSettingsRow = typeof cycleAssessmentSettings.$inferSelect;

/** The cycle's settings row, made with DEFAULT_RESULTS_OPTIONS and defaultGates(starScale) when missing. */
export async function ensureCycleSettings(tx: Db, cycleId: string): Promise<CycleSettingsRow> {
  const [found] = await tx
    .select()
    .from(cycleAssessmentSettings)
    .where(eq(cycleAssessmentSettings.cycleId, cycleId));
  if (found) return found;
  const [cycle] = await tx.select({ starScale: cycles.starScale }).from(cycles).where(eq(cycles.id, cycleId));
  if (!cycle) throw new NotFoundError('cycle');
  await tx
    .insert(cycleAssessmentSettings)
    .values({ cycleId, resultsOptions: DEFAULT_RESULTS_OPTIONS, gates: defaultGates(cycle.starScale) })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(cycleAssessmentSettings)
    .where(eq(cycleAssessmentSettings.cycleId, cycleId));
  return row!;
}

/**
 * The cycle's bands (stars 1…n, a score below the lowest earns none) as the classification's scale,
 * with the "no star" band from 0 to the lowest band made explicit.
 */
export function scaleOf(maxStar: number, bands: readonly CycleBand[]): StarScale {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const lowest = sorted[0]?.min ?? 0;
  const out: StarScale = { maxStar, bands: sorted.map((b) => ({ star: b.stars, min: b.min, max: b.max })) };
  if (lowest > 0) out.bands.unshift({ star: 0, min: 0, max: lowest });
  return out;
}

/** What the settings form saves. */
export interface SettingsInput {
  version: number;
  cycleVersion: number;
  assessorsPerNomination: number;
  resultsOptions: ResultsOptions;
  gates: Gate[];
  bands: CycleBand[];
  /** Criterion → coaching kind over the rubric's own; unchanged when not given. */
  coachingMap?: Record<string, CoachingKind> | undefined;
  reason?: string | undefined;
}

/** Violations as the form's field messages, in the user's language. */
export function violationFields(
  violations: readonly Violation[],
  lang: Lang,
  prefix = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of violations) {
    const key = `${prefix}${v.path}`;
    out[key] = out[key] ? `${out[key]} ${v.text[lang]}` : v.text[lang];
  }
  return out;
}

const settingsRefused = {
  id: 'Pengaturan tidak disimpan: periksa pesan pada setiap isian.',
  en: 'The settings were not saved: see the message at each field.',
};

/**
 * Saves the settings and, when they changed, the cycle's bands (through the cycles service, so a
 * frozen cycle makes a new configuration version with the reason). Bands that overlap or leave a gap,
 * and gates that do not fit the scale, are refused with a message at each field; nothing is written.
 */
export async function saveCycleSettings(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: SettingsInput,
): Promise<CycleSettingsRow> {
  const config = await getCycleConfig(db, cycleId);
  const maxStar = config.cycle.starScale;
  const problems = [
    ...validateBands(scaleOf(maxStar, input.bands)).map((v) => ({
      ...v,
      path: bandPath(v.path, input.bands),
    })),
    ...validateGates(input.gates, maxStar),
  ];
  if (problems.length) throw new DomainError(settingsRefused, {}, violationFields(problems, actor.lang), 422);
  const bandsChanged = JSON.stringify(sortBands(input.bands)) !== JSON.stringify(sortBands(config.bands));
  return db.transaction(async (tx) => {
    const before = await ensureCycleSettings(tx, cycleId);
    const [locked] = await tx
      .select()
      .from(cycleAssessmentSettings)
      .where(eq(cycleAssessmentSettings.cycleId, cycleId))
      .for('update');
    if (locked!.version !== input.version) throw new StaleVersionError(locked);
    if (bandsChanged) {
      const c = config.cycle;
      await updateCycle(
        tx,
        actor,
        cycleId,
        {
          name: c.name,
          year: c.year,
          kind: c.kind,
          starScale: c.starScale as 3 | 5,
          bands: sortBands(input.bands),
          phases: config.phases,
          commodities: config.commodities,
          quotas: config.quotas,
          checklist: undefined,
          reason: input.reason,
          version: input.cycleVersion,
        },
        c.provinceCode,
      );
    }
    const [row] = await tx
      .update(cycleAssessmentSettings)
      .set({
        assessorsPerNomination: input.assessorsPerNomination,
        resultsOptions: input.resultsOptions,
        gates: input.gates,
        coachingMap: input.coachingMap ?? locked!.coachingMap,
        updatedAt: new Date(),
        version: locked!.version + 1,
      })
      .where(eq(cycleAssessmentSettings.cycleId, cycleId))
      .returning();
    await writeAudit(tx, actor, {
      action: 'assessment_settings.update',
      objectType: 'cycle',
      objectId: cycleId,
      before: {
        assessorsPerNomination: before.assessorsPerNomination,
        resultsOptions: before.resultsOptions,
        gates: before.gates,
        coachingMap: before.coachingMap,
        bands: config.bands,
      },
      after: {
        assessorsPerNomination: row!.assessorsPerNomination,
        resultsOptions: row!.resultsOptions,
        gates: row!.gates,
        coachingMap: row!.coachingMap,
        bands: sortBands(input.bands),
      },
      reason: input.reason ?? null,
    });
    return row!;
  });
}

const sortBands = (bands: readonly CycleBand[]) =>
  [...bands].map((b) => ({ stars: b.stars, min: b.min, max: b.max })).sort((a, b) => a.stars - b.stars);

/** validateBands speaks of positions in the scale (with the "no star" band first); the form names stars. */
function bandPath(path: string, bands: readonly CycleBand[]): string {
  const m = /^bands\.(\d+)\.(\w+)$/.exec(path);
  if (!m) return path;
  const scale = scaleOf(0, bands);
  const band = scale.bands[Number(m[1])];
  if (!band) return 'bands';
  if (band.star === 0) return `bands.1.min`;
  return `bands.${band.star}.${m[2]}`;
}
