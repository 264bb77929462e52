/**
 * Cycles (periode penilaian): their configuration, its freezing and versions, and the per-kab/kota
 * deadline extensions. The nominations code reads a cycle only through the functions here.
 */
import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import {
  cycleChecklistItems,
  cycleCommodities,
  cycleConfigVersions,
  cycleExtensions,
  cyclePhases,
  cycleQuotas,
  cycles,
  cycleStarBands,
} from '../../db/schema/cycles.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Commodity, CyclePhase } from '../../platform/domain.ts';
import { NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { defaultChecklist } from './cycles.defaults.ts';
import type { ChecklistUpdate, CycleInput, CycleUpdate, ExtensionInput } from './cycles.forms.ts';
import { cycleRules } from './cycles.messages.ts';
import type { StarBand } from './cycles.rules.ts';
import type { ProposalWindow } from './deadline.ts';

export type CycleRow = typeof cycles.$inferSelect;
export type ChecklistItem = typeof cycleChecklistItems.$inferSelect;
export type CycleExtension = typeof cycleExtensions.$inferSelect;

/** A cycle with its whole configuration. */
export interface CycleConfig {
  cycle: CycleRow;
  bands: StarBand[];
  phases: { phase: CyclePhase; startsAt: Date; endsAt: Date }[];
  commodities: { commodity: Commodity; rubricVersionRef: string | null }[];
  checklist: ChecklistItem[];
  quotas: { kabkotaCode: string; quota: number }[];
}

/** The cycle row, or 404. */
export async function getCycle(db: Db, id: string): Promise<CycleRow> {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, id), isNull(cycles.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('cycle');
  return row;
}

/** A cycle and its configuration (bands, phases, commodities, checklist, quotas). */
export async function getCycleConfig(db: Db, id: string): Promise<CycleConfig> {
  const cycle = await getCycle(db, id);
  const bands = await db
    .select()
    .from(cycleStarBands)
    .where(eq(cycleStarBands.cycleId, id))
    .orderBy(asc(cycleStarBands.stars));
  const phases = await db
    .select()
    .from(cyclePhases)
    .where(eq(cyclePhases.cycleId, id))
    .orderBy(asc(cyclePhases.startsAt));
  const commodities = await db.select().from(cycleCommodities).where(eq(cycleCommodities.cycleId, id));
  const checklist = await db
    .select()
    .from(cycleChecklistItems)
    .where(eq(cycleChecklistItems.cycleId, id))
    .orderBy(asc(cycleChecklistItems.commodity), asc(cycleChecklistItems.position));
  const quotas = await db
    .select()
    .from(cycleQuotas)
    .where(eq(cycleQuotas.cycleId, id))
    .orderBy(asc(cycleQuotas.kabkotaCode));
  return {
    cycle,
    bands: bands.map((b) => ({ stars: b.stars, min: Number(b.minScore), max: Number(b.maxScore) })),
    phases: phases.map((p) => ({ phase: p.phase, startsAt: p.startsAt, endsAt: p.endsAt })),
    commodities: commodities.map((c) => ({ commodity: c.commodity, rubricVersionRef: c.rubricVersionRef })),
    checklist,
    quotas: quotas.map((q) => ({ kabkotaCode: q.kabkotaCode, quota: q.quota })),
  };
}

/** The configuration as kept in a version and in the audit log. */
export function configSnapshot(config: CycleConfig) {
  const { cycle } = config;
  return {
    name: cycle.name,
    year: cycle.year,
    kind: cycle.kind,
    starScale: cycle.starScale,
    configVersion: cycle.configVersion,
    bands: config.bands,
    phases: config.phases.map((p) => ({
      ...p,
      startsAt: p.startsAt.toISOString(),
      endsAt: p.endsAt.toISOString(),
    })),
    commodities: config.commodities,
    checklist: config.checklist.map(({ id: _id, cycleId: _c, ...item }) => item),
    quotas: config.quotas,
  };
}

async function checkKabkota(db: Db, codes: string[], provinceCode: string, path: (i: number) => string) {
  if (codes.length === 0) return;
  const known = new Set((await listKabkota(db, provinceCode)).map((r) => r.code));
  codes.forEach((code, i) => {
    if (!known.has(code)) throw ruleViolation(path(i), cycleRules.kabkota);
  });
}

/** Writes the configuration tables of a cycle from the input (checklist items keep their id by code). */
type ChecklistInput = NonNullable<CycleInput['checklist']>;
/** A configuration with its checklist decided. */
type ResolvedInput = Omit<CycleInput, 'checklist'> & { checklist: ChecklistInput };

/** The default checklist of each covered commodity (a new cycle, or a commodity newly covered). */
function defaultsFor(commodities: Commodity[]): ChecklistInput {
  return commodities.flatMap((commodity) =>
    defaultChecklist(commodity).map((item) => ({ commodity, ...item })),
  );
}

async function writeConfig(tx: Db, cycleId: string, input: ResolvedInput): Promise<void> {
  await tx.delete(cycleStarBands).where(eq(cycleStarBands.cycleId, cycleId));
  if (input.bands.length)
    await tx.insert(cycleStarBands).values(
      input.bands.map((b) => ({
        cycleId,
        stars: b.stars,
        minScore: String(b.min),
        maxScore: String(b.max),
      })),
    );
  await tx.delete(cyclePhases).where(eq(cyclePhases.cycleId, cycleId));
  if (input.phases.length) await tx.insert(cyclePhases).values(input.phases.map((p) => ({ cycleId, ...p })));

  const existing = await tx.select().from(cycleCommodities).where(eq(cycleCommodities.cycleId, cycleId));
  const refs = new Map(existing.map((c) => [c.commodity, c.rubricVersionRef]));
  await tx.delete(cycleCommodities).where(eq(cycleCommodities.cycleId, cycleId));
  await tx.insert(cycleCommodities).values(
    input.commodities.map((c) => ({
      cycleId,
      commodity: c.commodity,
      // The page never sends the rubric (the assessment feature sets it): keep what is there.
      rubricVersionRef:
        c.rubricVersionRef === undefined ? (refs.get(c.commodity) ?? null) : c.rubricVersionRef,
    })),
  );

  const items = await tx.select().from(cycleChecklistItems).where(eq(cycleChecklistItems.cycleId, cycleId));
  const byKey = new Map(items.map((i) => [`${i.commodity}:${i.code}`, i]));
  const kept: string[] = [];
  const positions = new Map<string, number>();
  for (const item of input.checklist) {
    const position = positions.get(item.commodity) ?? 0;
    positions.set(item.commodity, position + 1);
    const values = { ...item, position };
    const old = byKey.get(`${item.commodity}:${item.code}`);
    if (old) {
      await tx.update(cycleChecklistItems).set(values).where(eq(cycleChecklistItems.id, old.id));
      kept.push(old.id);
    } else {
      const [row] = await tx
        .insert(cycleChecklistItems)
        .values({ cycleId, ...values })
        .returning({ id: cycleChecklistItems.id });
      kept.push(row!.id);
    }
  }
  await tx
    .delete(cycleChecklistItems)
    .where(
      and(
        eq(cycleChecklistItems.cycleId, cycleId),
        kept.length ? notInArray(cycleChecklistItems.id, kept) : undefined,
      ),
    );

  await tx.delete(cycleQuotas).where(eq(cycleQuotas.cycleId, cycleId));
  if (input.quotas.length) await tx.insert(cycleQuotas).values(input.quotas.map((q) => ({ cycleId, ...q })));
}

/** Creates a cycle with its configuration as version 1. */
export async function createCycle(
  db: Db,
  actor: Actor,
  input: CycleInput,
  provinceCode: string,
): Promise<CycleRow> {
  await checkKabkota(
    db,
    input.quotas.map((q) => q.kabkotaCode),
    provinceCode,
    (i) => `quotas.${i}.quota`,
  );
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .insert(cycles)
      .values({
        provinceCode,
        name: input.name,
        year: input.year,
        kind: input.kind,
        starScale: input.starScale,
      })
      .returning();
    const checklist = input.checklist ?? defaultsFor(input.commodities.map((c) => c.commodity));
    await writeConfig(tx, cycle!.id, { ...input, checklist });
    const snapshot = configSnapshot(await getCycleConfig(tx, cycle!.id));
    await tx
      .insert(cycleConfigVersions)
      .values({ cycleId: cycle!.id, number: 1, snapshot, createdBy: actor.userId });
    await writeAudit(tx, actor, {
      action: 'cycle.create',
      objectType: 'cycle',
      objectId: cycle!.id,
      after: snapshot,
    });
    return cycle!;
  });
}

/**
 * Saves a cycle's configuration if nobody changed it since `input.version`. Before the cycle froze
 * it changes in place; once frozen it needs a reason and becomes a new configuration version.
 * Without a checklist, the saved one is kept (a newly covered commodity gets the defaults).
 */
export async function updateCycle(
  db: Db,
  actor: Actor,
  id: string,
  input: CycleUpdate,
  provinceCode: string,
): Promise<{ cycle: CycleRow; newVersion: boolean }> {
  await checkKabkota(
    db,
    input.quotas.map((q) => q.kabkotaCode),
    provinceCode,
    (i) => `quotas.${i}.quota`,
  );
  return saveConfig(db, actor, id, input.version, input.reason, (current) => {
    const covered = input.commodities.map((c) => c.commodity);
    const kept = current.checklist
      .filter((i) => covered.includes(i.commodity))
      .map(({ id: _id, cycleId: _c, position: _p, ...item }) => item as ChecklistInput[number]);
    const fresh = covered.filter((c) => !current.checklist.some((i) => i.commodity === c));
    return { ...input, checklist: input.checklist ?? [...kept, ...defaultsFor(fresh)] };
  });
}

/** Replaces one commodity's checklist (same freezing and version rules as the whole configuration). */
export async function updateChecklist(
  db: Db,
  actor: Actor,
  id: string,
  commodity: Commodity,
  input: ChecklistUpdate,
): Promise<{ cycle: CycleRow; newVersion: boolean }> {
  return saveConfig(db, actor, id, input.version, input.reason, (current) => {
    if (!current.commodities.some((c) => c.commodity === commodity))
      throw new NotFoundError('cycle_commodity');
    const others = current.checklist
      .filter((i) => i.commodity !== commodity)
      .map(({ id: _id, cycleId: _c, position: _p, ...item }) => item as ChecklistInput[number]);
    return {
      name: current.cycle.name,
      year: current.cycle.year,
      kind: current.cycle.kind,
      starScale: current.cycle.starScale as 3 | 5,
      bands: current.bands,
      phases: current.phases,
      commodities: current.commodities,
      quotas: current.quotas,
      reason: input.reason,
      checklist: [...others, ...input.checklist.map((i) => ({ ...i, commodity }))],
    };
  });
}

async function saveConfig(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  reason: string | undefined,
  build: (current: CycleConfig) => ResolvedInput,
): Promise<{ cycle: CycleRow; newVersion: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(cycles)
      .where(and(eq(cycles.id, id), isNull(cycles.archivedAt)))
      .for('update');
    if (!before) throw new NotFoundError('cycle');
    if (before.version !== version) throw new StaleVersionError(before);
    const frozen = before.frozenAt !== null;
    if (frozen && !reason) throw ruleViolation('reason', cycleRules.frozenNeedsReason, {}, 409);
    const current = await getCycleConfig(tx, id);
    const input = build(current);
    const beforeSnapshot = configSnapshot(current);
    const configVersion = frozen ? before.configVersion + 1 : before.configVersion;
    const [cycle] = await tx
      .update(cycles)
      .set({
        name: input.name,
        year: input.year,
        kind: input.kind,
        starScale: input.starScale,
        configVersion,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(and(eq(cycles.id, id), eq(cycles.version, version)))
      .returning();
    await writeConfig(tx, id, input);
    const after = configSnapshot(await getCycleConfig(tx, id));
    if (frozen) {
      await tx.insert(cycleConfigVersions).values({
        cycleId: id,
        number: configVersion,
        reason,
        snapshot: after,
        createdBy: actor.userId,
      });
    } else {
      // Nothing was submitted under the current version yet, so it is corrected in place.
      await tx
        .update(cycleConfigVersions)
        .set({ snapshot: after })
        .where(and(eq(cycleConfigVersions.cycleId, id), eq(cycleConfigVersions.number, configVersion)));
    }
    await writeAudit(tx, actor, {
      action: frozen ? 'cycle.config_version' : 'cycle.update',
      objectType: 'cycle',
      objectId: id,
      before: beforeSnapshot,
      after,
      reason: reason ?? null,
    });
    return { cycle: cycle!, newVersion: frozen };
  });
}

/** Whether the cycle's configuration is frozen (a nomination has been submitted into it). */
export async function isCycleFrozen(db: Db, cycleId: string): Promise<boolean> {
  const [row] = await db
    .select({ frozenAt: cycles.frozenAt })
    .from(cycles)
    .where(eq(cycles.id, cycleId))
    .limit(1);
  if (!row) throw new NotFoundError('cycle');
  return row.frozenAt !== null;
}

/**
 * Freezes the configuration; the nominations code calls it, in its own transaction, when the first
 * nomination is submitted. Does nothing when already frozen.
 */
export async function freezeCycle(
  tx: Db,
  actor: Actor,
  cycleId: string,
  at: Date = new Date(),
): Promise<void> {
  const rows = await tx
    .update(cycles)
    .set({ frozenAt: at })
    .where(and(eq(cycles.id, cycleId), isNull(cycles.frozenAt)))
    .returning({ id: cycles.id, configVersion: cycles.configVersion });
  if (rows.length)
    await writeAudit(tx, actor, {
      action: 'cycle.freeze',
      objectType: 'cycle',
      objectId: cycleId,
      after: { frozenAt: at.toISOString(), configVersion: rows[0]!.configVersion },
    });
}

/** Sets the rubric version a commodity of the cycle is assessed with (for the assessment feature). */
export async function setRubricVersion(
  tx: Db,
  actor: Actor,
  cycleId: string,
  commodity: Commodity,
  rubricVersionRef: string | null,
): Promise<void> {
  const [row] = await tx
    .update(cycleCommodities)
    .set({ rubricVersionRef })
    .where(and(eq(cycleCommodities.cycleId, cycleId), eq(cycleCommodities.commodity, commodity)))
    .returning();
  if (!row) throw new NotFoundError('cycle_commodity');
  await writeAudit(tx, actor, {
    action: 'cycle.rubric_set',
    objectType: 'cycle',
    objectId: cycleId,
    after: { commodity, rubricVersionRef },
  });
}

export type CycleListRow = CycleRow & { proposalStartsAt: Date | null; proposalEndsAt: Date | null };

/** Cycles, newest year first (keyset). */
export async function listCycles(
  db: Db,
  request: { after?: string | undefined; before?: string | undefined },
  limit = 50,
): Promise<Page<CycleListRow>> {
  return paginate<CycleListRow>({
    request: { ...request, limit },
    keys: [cycles.year, cycles.id],
    dir: 'desc',
    keyOf: (r) => [r.year, r.id],
    run: async (where, orderBy, lim) => {
      const rows = await db
        .select({ cycle: cycles, startsAt: cyclePhases.startsAt, endsAt: cyclePhases.endsAt })
        .from(cycles)
        .leftJoin(cyclePhases, and(eq(cyclePhases.cycleId, cycles.id), eq(cyclePhases.phase, 'proposal')))
        .where(and(isNull(cycles.archivedAt), where))
        .orderBy(...orderBy)
        .limit(lim);
      return rows.map((r) => ({ ...r.cycle, proposalStartsAt: r.startsAt, proposalEndsAt: r.endsAt }));
    },
  });
}

export interface ConfigVersionRow {
  number: number;
  reason: string | null;
  createdAt: Date;
  createdByName: string | null;
  snapshot: unknown;
}

/** The configuration versions of a cycle, newest first. */
export async function listConfigVersions(db: Db, cycleId: string): Promise<ConfigVersionRow[]> {
  return db
    .select({
      number: cycleConfigVersions.number,
      reason: cycleConfigVersions.reason,
      createdAt: cycleConfigVersions.createdAt,
      createdByName: users.name,
      snapshot: cycleConfigVersions.snapshot,
    })
    .from(cycleConfigVersions)
    .leftJoin(users, eq(users.id, cycleConfigVersions.createdBy))
    .where(eq(cycleConfigVersions.cycleId, cycleId))
    .orderBy(desc(cycleConfigVersions.number));
}

export async function listExtensions(db: Db, cycleId: string): Promise<CycleExtension[]> {
  return db
    .select()
    .from(cycleExtensions)
    .where(eq(cycleExtensions.cycleId, cycleId))
    .orderBy(asc(cycleExtensions.kabkotaCode));
}

/** The proposal window of a cycle and the kab/kota's extension, if any (null: no window set). */
export async function proposalWindowFor(
  db: Db,
  cycleId: string,
  kabkotaCode: string,
): Promise<{ window: ProposalWindow; extensionEndsAt: Date | null } | null> {
  const [phase] = await db
    .select()
    .from(cyclePhases)
    .where(and(eq(cyclePhases.cycleId, cycleId), eq(cyclePhases.phase, 'proposal')))
    .limit(1);
  if (!phase) return null;
  const [ext] = await db
    .select({ endsAt: cycleExtensions.endsAt })
    .from(cycleExtensions)
    .where(and(eq(cycleExtensions.cycleId, cycleId), eq(cycleExtensions.kabkotaCode, kabkotaCode)))
    .limit(1);
  return { window: { startsAt: phase.startsAt, endsAt: phase.endsAt }, extensionEndsAt: ext?.endsAt ?? null };
}

/**
 * Extends the proposal deadline of one kab/kota, with a reason (audited). Allowed on a frozen cycle:
 * an extension is not part of the configuration. A second extension replaces the first.
 */
export async function setExtension(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: ExtensionInput,
  provinceCode: string,
): Promise<CycleExtension> {
  await getCycle(db, cycleId);
  await checkKabkota(db, [input.kabkotaCode], provinceCode, () => 'kabkotaCode');
  const found = await proposalWindowFor(db, cycleId, input.kabkotaCode);
  if (!found) throw ruleViolation('endsAt', cycleRules.noProposalWindow);
  if (input.endsAt <= found.window.endsAt)
    throw ruleViolation('endsAt', cycleRules.extensionBeforeEnd, {
      when: formatDateTime(found.window.endsAt, actor.lang),
    });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(cycleExtensions)
      .where(and(eq(cycleExtensions.cycleId, cycleId), eq(cycleExtensions.kabkotaCode, input.kabkotaCode)))
      .for('update');
    let row: CycleExtension;
    if (before) {
      [row] = (await tx
        .update(cycleExtensions)
        .set({
          endsAt: input.endsAt,
          reason: input.reason,
          createdBy: actor.userId,
          updatedAt: new Date(),
          version: before.version + 1,
        })
        .where(eq(cycleExtensions.id, before.id))
        .returning()) as [CycleExtension];
    } else {
      [row] = (await tx
        .insert(cycleExtensions)
        .values({
          cycleId,
          kabkotaCode: input.kabkotaCode,
          endsAt: input.endsAt,
          reason: input.reason,
          createdBy: actor.userId,
        })
        .returning()) as [CycleExtension];
    }
    await writeAudit(tx, actor, {
      action: 'cycle.extension',
      objectType: 'cycle',
      objectId: cycleId,
      regionCode: input.kabkotaCode,
      before: before
        ? { kabkotaCode: before.kabkotaCode, endsAt: before.endsAt, reason: before.reason }
        : null,
      after: { kabkotaCode: row.kabkotaCode, endsAt: row.endsAt, reason: row.reason },
      reason: input.reason,
    });
    return row;
  });
}

/** The checklist a nomination of `commodity` must meet in the cycle, in order. */
export async function checklistFor(db: Db, cycleId: string, commodity: Commodity): Promise<ChecklistItem[]> {
  return db
    .select()
    .from(cycleChecklistItems)
    .where(and(eq(cycleChecklistItems.cycleId, cycleId), eq(cycleChecklistItems.commodity, commodity)))
    .orderBy(asc(cycleChecklistItems.position));
}

/** The quota of a kab/kota in the cycle, or null for no limit. */
export async function quotaFor(db: Db, cycleId: string, kabkotaCode: string): Promise<number | null> {
  const [row] = await db
    .select({ quota: cycleQuotas.quota })
    .from(cycleQuotas)
    .where(and(eq(cycleQuotas.cycleId, cycleId), eq(cycleQuotas.kabkotaCode, kabkotaCode)))
    .limit(1);
  return row?.quota ?? null;
}

/** Cycles whose proposal window is open at `at` (for the nomination form's cycle choice). */
export async function cyclesOpenForProposals(db: Db, at: Date = new Date()): Promise<CycleRow[]> {
  const rows = await db
    .select({ cycle: cycles })
    .from(cycles)
    .innerJoin(cyclePhases, and(eq(cyclePhases.cycleId, cycles.id), eq(cyclePhases.phase, 'proposal')))
    .where(
      and(
        isNull(cycles.archivedAt),
        sql`${cyclePhases.startsAt} <= ${at}`,
        // Open until the later of the window's end and any extension (each kab/kota checks its own).
        sql`greatest(${cyclePhases.endsAt}, coalesce((select max(e.ends_at) from cycle_extensions e where e.cycle_id = ${cycles.id}), ${cyclePhases.endsAt})) + interval '1 minute' > ${at}`,
      ),
    )
    .orderBy(desc(cycles.year));
  return rows.map((r) => r.cycle);
}

/** Names of the given cycles, for lists elsewhere. */
export async function cycleNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(inArray(cycles.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The live cycles whose commodities use any of the given rubric version references. */
export async function rubricRefUsage(
  db: Db,
  refs: string[],
): Promise<{ ref: string; cycleId: string; cycleName: string; commodity: Commodity; frozen: boolean }[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .select({
      ref: cycleCommodities.rubricVersionRef,
      cycleId: cycles.id,
      cycleName: cycles.name,
      commodity: cycleCommodities.commodity,
      frozenAt: cycles.frozenAt,
    })
    .from(cycleCommodities)
    .innerJoin(cycles, eq(cycles.id, cycleCommodities.cycleId))
    .where(and(inArray(cycleCommodities.rubricVersionRef, refs), isNull(cycles.archivedAt)))
    .orderBy(desc(cycles.year), asc(cycles.name));
  return rows.map((r) => ({
    ref: r.ref!,
    cycleId: r.cycleId,
    cycleName: r.cycleName,
    commodity: r.commodity,
    frozen: r.frozenAt !== null,
  }));
}
