/**
 * Rubrics in the database: one per commodity, in versions. A version is a draft until published;
 * a published version never changes again (the service refuses, and a trigger refuses anything
 * else), so scores computed with it stay reproducible. Editing makes a new draft (a copy), checked
 * with validateRubric on every save and published only when no rule is broken. Cycles refer to a
 * published version per commodity (cycle_commodities.rubric_version_ref = the version's id).
 *
 * For the scoring code: `compiledVersion(db, versionId)` gives the compiled rubric of a published
 * version (cached: it cannot change) and `checkLevels` checks a sheet against it (checkSheet).
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { rubrics, rubricVersions } from '../../db/schema/assessment.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { COMMODITIES, type Commodity, type Lang } from '../../platform/domain.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { render } from '../../platform/i18n.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { getCycleConfig, isCycleFrozen, rubricRefUsage, setRubricVersion } from '../cycles/cycles.service.ts';
import type { RubricRefView } from '../cycles/rubric-refs.ts';
import {
  applyCriterion,
  applyOverview,
  type CriterionInput,
  criterionOwns,
  type OverviewInput,
  overviewOwns,
} from './rubric.forms.ts';
import { defaultRubric, JUKNIS_WEIGHT_RULE } from './rubric.defaults.ts';
import {
  type CompiledRubric,
  checkSheet,
  compileRubric,
  type Rubric,
  type SheetLevels,
  type SheetScore,
  scoreSheet,
  type Violation,
  validateRubric,
  type WeightRule,
} from './rubric.rules.ts';
import { rubricErrors, rubricsText } from './rubrics.messages.ts';

export type RubricVersionRow = typeof rubricVersions.$inferSelect;

/** A version as listed: who made and published it, without its (large) content. */
export interface VersionSummary {
  id: string;
  number: number;
  status: RubricVersionRow['status'];
  hasPlaceholders: boolean;
  basedOn: number | null;
  changeNote: string | null;
  createdAt: Date;
  createdByName: string | null;
  publishedAt: Date | null;
  publishedByName: string | null;
}

const hasPlaceholders = (r: Rubric) =>
  r.aspects.some((a) => a.criteria.some((c) => c.provenance === 'placeholder'));

const canSeeDrafts = (actor: Actor) => isProvinceWide(actor);

/** A DomainError listing the violations, each at its field (in the actor's language). */
function violationsError(
  actor: Actor,
  violations: Violation[],
  message = rubricErrors.invalid,
  params: Record<string, string | number> = {},
  field: (path: string) => string = (p) => p,
): DomainError {
  const fields: Record<string, string> = {};
  for (const v of violations) {
    const key = field(v.path);
    fields[key] = fields[key] ? `${fields[key]} ${v.text[actor.lang]}` : v.text[actor.lang];
  }
  return new DomainError(message, { count: violations.length, ...params }, fields, 422);
}

// Seeding -----------------------------------------------------------------------------------------

/** Makes the default rubric of each commodity without one, as its published version 1 (idempotent). */
export async function seedDefaultRubrics(db: Db): Promise<number> {
  const existing = await db.select({ commodity: rubrics.commodity }).from(rubrics);
  const have = new Set(existing.map((r) => r.commodity));
  const missing = COMMODITIES.filter((c) => !have.has(c));
  if (missing.length === 0) return 0;
  const actor = systemActor('seed');
  await db.transaction(async (tx) => {
    for (const commodity of missing) {
      const [rubric] = await tx.insert(rubrics).values({ commodity }).onConflictDoNothing().returning();
      if (!rubric) continue;
      const content = defaultRubric(commodity);
      const [version] = await tx
        .insert(rubricVersions)
        .values({
          rubricId: rubric.id,
          commodity,
          number: 1,
          status: 'published',
          content,
          weightRule: JUKNIS_WEIGHT_RULE,
          hasPlaceholders: hasPlaceholders(content),
          changeNote: content.note?.id ?? null,
          publishedAt: new Date(),
        })
        .returning({ id: rubricVersions.id });
      await writeAudit(tx, actor, {
        action: 'rubric.seed',
        objectType: 'rubric_version',
        objectId: version!.id,
        after: { commodity, number: 1 },
      });
    }
  });
  return missing.length;
}

// Reading -------------------------------------------------------------------------------------------

/** Each commodity's rubric with its latest published version and (for the admin) its draft. */
export async function listRubrics(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: rubricVersions.id,
      commodity: rubricVersions.commodity,
      number: rubricVersions.number,
      status: rubricVersions.status,
      title: sql<{ id: string; en: string }>`${rubricVersions.content} -> 'title'`,
      hasPlaceholders: rubricVersions.hasPlaceholders,
      publishedAt: rubricVersions.publishedAt,
    })
    .from(rubricVersions)
    .where(ne(rubricVersions.status, 'discarded'))
    .orderBy(asc(rubricVersions.commodity), desc(rubricVersions.number));
  const usage = await rubricRefUsage(
    db,
    rows.filter((r) => r.status === 'published').map((r) => r.id),
  );
  return COMMODITIES.map((commodity) => {
    const mine = rows.filter((r) => r.commodity === commodity);
    const latest = mine.find((r) => r.status === 'published') ?? null;
    const draft = canSeeDrafts(actor) ? (mine.find((r) => r.status === 'draft') ?? null) : null;
    const ids = new Set(mine.map((r) => r.id));
    return {
      commodity,
      latest,
      draft,
      cycles: [...new Set(usage.filter((u) => ids.has(u.ref)).map((u) => u.cycleName))],
    };
  });
}

const summaryColumns = {
  id: rubricVersions.id,
  number: rubricVersions.number,
  status: rubricVersions.status,
  hasPlaceholders: rubricVersions.hasPlaceholders,
  basedOn: rubricVersions.basedOn,
  changeNote: rubricVersions.changeNote,
  createdAt: rubricVersions.createdAt,
  createdBy: rubricVersions.createdBy,
  publishedAt: rubricVersions.publishedAt,
  publishedBy: rubricVersions.publishedBy,
};

async function withNames<T extends { createdBy: string | null; publishedBy: string | null }>(
  db: Db,
  rows: T[],
): Promise<
  (Omit<T, 'createdBy' | 'publishedBy'> & { createdByName: string | null; publishedByName: string | null })[]
> {
  const ids = [...new Set(rows.flatMap((r) => [r.createdBy, r.publishedBy]).filter((x): x is string => !!x))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  return rows.map(({ createdBy, publishedBy, ...rest }) => ({
    ...rest,
    createdByName: createdBy ? (names.get(createdBy) ?? null) : null,
    publishedByName: publishedBy ? (names.get(publishedBy) ?? null) : null,
  }));
}

/** The versions of a commodity's rubric, newest first (assessors see published ones only). */
export async function listVersions(db: Db, actor: Actor, commodity: Commodity): Promise<VersionSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(rubricVersions)
    .where(
      and(
        eq(rubricVersions.commodity, commodity),
        canSeeDrafts(actor) ? undefined : eq(rubricVersions.status, 'published'),
      ),
    )
    .orderBy(desc(rubricVersions.number));
  return withNames(db, rows);
}

/** One version with its content (404 for a draft or discarded version unless the admin asks). */
export async function getVersion(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  number: number,
): Promise<RubricVersionRow> {
  const [row] = await db
    .select()
    .from(rubricVersions)
    .where(and(eq(rubricVersions.commodity, commodity), eq(rubricVersions.number, number)))
    .limit(1);
  if (!row || (row.status !== 'published' && !canSeeDrafts(actor))) throw new NotFoundError('rubric_version');
  return row;
}

/** The latest published version of a commodity's rubric. */
export async function latestPublished(db: Db, commodity: Commodity): Promise<RubricVersionRow> {
  const [row] = await db
    .select()
    .from(rubricVersions)
    .where(and(eq(rubricVersions.commodity, commodity), eq(rubricVersions.status, 'published')))
    .orderBy(desc(rubricVersions.number))
    .limit(1);
  if (!row) throw new NotFoundError('rubric_version');
  return row;
}

/** A version by its id (what a cycle refers to), or undefined. */
export async function versionById(db: Db, id: string): Promise<RubricVersionRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(rubricVersions).where(eq(rubricVersions.id, id)).limit(1);
  return row;
}

/** The draft of a commodity's rubric, or undefined. */
export async function findDraft(db: Db, commodity: Commodity): Promise<RubricVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(rubricVersions)
    .where(and(eq(rubricVersions.commodity, commodity), eq(rubricVersions.status, 'draft')))
    .limit(1);
  return row;
}

/** The draft, or 404. */
export async function getDraft(db: Db, commodity: Commodity): Promise<RubricVersionRow> {
  const row = await findDraft(db, commodity);
  if (!row) throw new NotFoundError('rubric_draft');
  return row;
}

/** The rounds that use each of these version ids. */
export async function versionUsage(
  db: Db,
  ids: string[],
): Promise<Map<string, { cycleId: string; cycleName: string }[]>> {
  const out = new Map<string, { cycleId: string; cycleName: string }[]>();
  for (const u of await rubricRefUsage(db, ids)) {
    const list = out.get(u.ref) ?? [];
    if (!list.some((x) => x.cycleId === u.cycleId)) list.push({ cycleId: u.cycleId, cycleName: u.cycleName });
    out.set(u.ref, list);
  }
  return out;
}

/** Every broken rule of a version (empty: it may be published). */
export function versionViolations(row: Pick<RubricVersionRow, 'content' | 'weightRule'>): Violation[] {
  return validateRubric(row.content, row.weightRule);
}

const rubricErrorKey = (key: keyof typeof rubricErrors, lang: Lang) => render(rubricErrors[key], lang);

// Drafts --------------------------------------------------------------------------------------------

async function lockDraft(
  tx: Db,
  commodity: Commodity,
  version: number | undefined,
): Promise<RubricVersionRow> {
  const [row] = await tx
    .select()
    .from(rubricVersions)
    .where(and(eq(rubricVersions.commodity, commodity), eq(rubricVersions.status, 'draft')))
    .for('update');
  if (!row) throw new DomainError(rubricErrors.noDraft, {}, {}, 409);
  if (version !== undefined && row.version !== version) throw new StaleVersionError(row);
  return row;
}

/**
 * Starts a new version: a draft copied from version `from` (default: the latest published one).
 * Refused while another draft exists.
 */
export async function startDraft(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  from?: number,
): Promise<RubricVersionRow> {
  return db.transaction(async (tx) => {
    const [rubric] = await tx.select().from(rubrics).where(eq(rubrics.commodity, commodity)).for('update');
    if (!rubric) throw new NotFoundError('rubric');
    const [draft] = await tx
      .select({ number: rubricVersions.number })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricId, rubric.id), eq(rubricVersions.status, 'draft')));
    if (draft) throw new DomainError(rubricErrors.draftExists, { n: draft.number }, {}, 409);
    const [source] = await tx
      .select()
      .from(rubricVersions)
      .where(
        and(
          eq(rubricVersions.rubricId, rubric.id),
          from === undefined ? eq(rubricVersions.status, 'published') : eq(rubricVersions.number, from),
        ),
      )
      .orderBy(desc(rubricVersions.number))
      .limit(1);
    if (!source) throw new NotFoundError('rubric_version');
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${rubricVersions.number}), 0)::int + 1` })
      .from(rubricVersions)
      .where(eq(rubricVersions.rubricId, rubric.id))) as [{ next: number }];
    const [row] = await tx
      .insert(rubricVersions)
      .values({
        rubricId: rubric.id,
        commodity,
        number: Number(next),
        status: 'draft',
        content: source.content,
        weightRule: source.weightRule,
        hasPlaceholders: source.hasPlaceholders,
        basedOn: source.number,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'rubric.draft_start',
      objectType: 'rubric_version',
      objectId: row!.id,
      after: { commodity, number: row!.number, basedOn: source.number },
    });
    return row!;
  });
}

async function writeDraft(
  tx: Db,
  actor: Actor,
  before: RubricVersionRow,
  content: Rubric,
  weightRule: WeightRule,
  action: string,
): Promise<RubricVersionRow> {
  const [after] = await tx
    .update(rubricVersions)
    .set({
      content,
      weightRule,
      hasPlaceholders: hasPlaceholders(content),
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(rubricVersions.id, before.id), eq(rubricVersions.version, before.version)))
    .returning();
  await writeAudit(tx, actor, {
    action,
    objectType: 'rubric_version',
    objectId: before.id,
    before: { content: before.content, weightRule: before.weightRule },
    after: { content, weightRule },
  });
  return after!;
}

/** A draft saved, and what still stands between it and publishing. */
export interface DraftSaved {
  draft: RubricVersionRow;
  open: Violation[];
}

/**
 * Saves the overview form (title, rule, aspects, criteria codes, names and weights). Refused when
 * it breaks a rule on a field of that form (weights' total included, since every weight is there);
 * other problems (a new criterion's levels) are returned as still open.
 */
export async function saveOverview(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  input: OverviewInput,
): Promise<DraftSaved> {
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, commodity, input.version);
    const next = applyOverview(before.content, input);
    const violations = validateRubric(next.content, next.weightRule);
    const blocking = violations.filter((v) => overviewOwns(v.path));
    if (blocking.length) throw violationsError(actor, blocking);
    const draft = await writeDraft(tx, actor, before, next.content, next.weightRule, 'rubric.draft_save');
    return { draft, open: violations };
  });
}

/** Where a criterion sits in the draft (`aspects.0.criteria.3`), or 404. */
export function criterionPath(content: Rubric, code: string): { prefix: string; aspect: string } {
  for (const [ai, a] of content.aspects.entries()) {
    const ci = a.criteria.findIndex((c) => c.code === code);
    if (ci >= 0) return { prefix: `aspects.${ai}.criteria.${ci}`, aspect: a.code };
  }
  throw new NotFoundError('rubric_criterion');
}

/**
 * Saves one criterion's page (name, group, coaching, levels). Refused when it breaks a rule on that
 * criterion; the messages come keyed by the page's own field names (`levels.1.points`).
 */
export async function saveCriterion(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  code: string,
  input: CriterionInput,
): Promise<DraftSaved> {
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, commodity, input.version);
    const { prefix } = criterionPath(before.content, code);
    const content = applyCriterion(before.content, code, input);
    const violations = validateRubric(content, before.weightRule);
    const owns = criterionOwns(prefix);
    const blocking = violations.filter((v) => owns(v.path));
    if (blocking.length)
      throw violationsError(actor, blocking, rubricErrors.invalid, {}, (p) => p.slice(prefix.length + 1));
    const draft = await writeDraft(tx, actor, before, content, before.weightRule, 'rubric.draft_save');
    return { draft, open: violations };
  });
}

/** The message for a change to a published version: it cannot, and who uses it. */
async function publishedError(db: Db, actor: Actor, row: RubricVersionRow): Promise<DomainError> {
  const usage = (await versionUsage(db, [row.id])).get(row.id) ?? [];
  const usageText = usage.length
    ? render(rubricErrors.usageSuffix, actor.lang, { list: usage.map((u) => u.cycleName).join(', ') })
    : '';
  return new DomainError(rubricErrors.published, { n: row.number, usage: usageText }, {}, 409);
}

/**
 * Replaces a draft's whole content (the API). A published version is refused (409): it may be in
 * use by a cycle, and editing makes a new version. Any broken rule refuses the save (422).
 */
export async function replaceDraft(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  number: number,
  input: { content: Rubric; weightRule: WeightRule; version: number },
): Promise<RubricVersionRow> {
  const row = await getVersion(db, actor, commodity, number);
  if (row.status === 'published') throw await publishedError(db, actor, row);
  if (row.status !== 'draft') throw new DomainError(rubricErrors.notDraft, { n: number }, {}, 409);
  const violations = validateRubric(input.content, input.weightRule);
  if (violations.length) throw violationsError(actor, violations);
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, commodity, input.version);
    if (before.number !== number) throw new DomainError(rubricErrors.notDraft, { n: number }, {}, 409);
    return writeDraft(tx, actor, before, input.content, input.weightRule, 'rubric.draft_replace');
  });
}

/** Publishes the draft: refused while any rule is broken; afterwards it never changes. */
export async function publishDraft(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  input: { version: number; changeNote?: string | undefined },
): Promise<RubricVersionRow> {
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, commodity, input.version);
    const violations = validateRubric(before.content, before.weightRule);
    if (violations.length)
      throw violationsError(actor, violations, rubricErrors.publishInvalid, { n: before.number });
    if (before.basedOn !== null && !input.changeNote?.trim())
      throw new DomainError(
        rubricErrors.changeNoteRequired,
        {},
        { changeNote: rubricErrorKey('changeNoteRequired', actor.lang) },
        422,
      );
    const [after] = await tx
      .update(rubricVersions)
      .set({
        status: 'published',
        publishedAt: new Date(),
        publishedBy: actor.userId,
        changeNote: input.changeNote?.trim() || before.changeNote,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(rubricVersions.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'rubric.publish',
      objectType: 'rubric_version',
      objectId: before.id,
      after: { commodity, number: before.number, changeNote: after!.changeNote },
    });
    return after!;
  });
}

/** Discards the draft (kept, marked discarded, for the audit). */
export async function discardDraft(
  db: Db,
  actor: Actor,
  commodity: Commodity,
  version: number,
): Promise<RubricVersionRow> {
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, commodity, version);
    const [after] = await tx
      .update(rubricVersions)
      .set({
        status: 'discarded',
        discardedAt: new Date(),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(rubricVersions.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'rubric.draft_discard',
      objectType: 'rubric_version',
      objectId: before.id,
      before: { commodity, number: before.number },
    });
    return after!;
  });
}

// Scoring support -----------------------------------------------------------------------------------

const compiled = new Map<string, CompiledRubric>();

/**
 * The compiled rubric of a version, for scoring. Published versions are cached (they never change);
 * a draft is compiled afresh each time.
 */
export async function compiledVersion(db: Db, versionId: string): Promise<CompiledRubric> {
  const hit = compiled.get(versionId);
  if (hit) return hit;
  const row = await versionById(db, versionId);
  if (!row) throw new NotFoundError('rubric_version');
  const out = compileRubric(row.content);
  if (row.status === 'published') {
    if (compiled.size >= 64) compiled.delete(compiled.keys().next().value!);
    compiled.set(versionId, out);
  }
  return out;
}

/**
 * A score sheet's levels checked against a version and scored: refused (422, each problem at
 * `levels.<criterion>`) when a criterion or level is not in the rubric; missing criteria are
 * reported in `missing` unless `complete` is required, which refuses them too (submitting).
 */
export async function checkLevels(
  db: Db,
  actor: Actor,
  versionId: string,
  levels: SheetLevels,
  opts: { complete?: boolean } = {},
): Promise<SheetScore> {
  const rubric = await compiledVersion(db, versionId);
  const violations = checkSheet(rubric, levels).filter((v) => opts.complete || v.path !== 'levels');
  if (violations.length) throw violationsError(actor, violations, rubricErrors.levelsInvalid);
  return scoreSheet(rubric, levels);
}

// Cycles ------------------------------------------------------------------------------------------

/** The label of a version ("Makanan & minuman — versi 2") and its page. */
export function versionLabel(row: { commodity: Commodity; number: number }, lang: Lang): RubricRefView {
  return {
    label: render(rubricsText.versionLabel, lang, {
      commodity: commodityLabel(row.commodity, lang),
      n: row.number,
    }),
    href: `/rubrics/${row.commodity}/versions/${row.number}`,
  };
}

/** Names for the cycle pages' rubric references (registered with cycles in app.ts). */
export async function labelRubricRefs(
  db: Db,
  refs: string[],
  lang: Lang,
): Promise<Map<string, RubricRefView>> {
  const ids = refs.filter((r) => /^[0-9a-f-]{36}$/i.test(r));
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: rubricVersions.id, commodity: rubricVersions.commodity, number: rubricVersions.number })
    .from(rubricVersions)
    .where(inArray(rubricVersions.id, ids));
  return new Map(rows.map((r) => [r.id, versionLabel(r, lang)]));
}

/** A cycle's commodities with their chosen version and the published versions to choose from. */
export async function cycleRubricChoices(db: Db, cycleId: string) {
  const config = await getCycleConfig(db, cycleId);
  const commodities = config.commodities.map((c) => c.commodity);
  const published = commodities.length
    ? await db
        .select({
          id: rubricVersions.id,
          commodity: rubricVersions.commodity,
          number: rubricVersions.number,
          publishedAt: rubricVersions.publishedAt,
          hasPlaceholders: rubricVersions.hasPlaceholders,
        })
        .from(rubricVersions)
        .where(and(inArray(rubricVersions.commodity, commodities), eq(rubricVersions.status, 'published')))
        .orderBy(desc(rubricVersions.number))
    : [];
  return {
    config,
    frozen: config.cycle.frozenAt !== null,
    rows: config.commodities.map((c) => ({
      commodity: c.commodity,
      current: c.rubricVersionRef,
      options: published.filter((p) => p.commodity === c.commodity),
    })),
  };
}

/**
 * Sets the rubric version of each commodity of a cycle (null: none yet), through the cycles service.
 * Only published versions of the same commodity; once the cycle has submissions (frozen) a change
 * needs a reason. Returns the commodities that changed.
 */
export async function linkCycleRubrics(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: { choices: Partial<Record<Commodity, string | null>>; reason?: string | undefined },
): Promise<Commodity[]> {
  const { rows } = await cycleRubricChoices(db, cycleId);
  const changed: { commodity: Commodity; ref: string | null; before: string | null }[] = [];
  for (const [commodity, ref] of Object.entries(input.choices) as [Commodity, string | null][]) {
    const row = rows.find((r) => r.commodity === commodity);
    if (!row) throw new NotFoundError('cycle_commodity');
    const wanted = ref || null;
    if (wanted && !row.options.some((o) => o.id === wanted))
      throw new DomainError(
        rubricErrors.versionNotPublished,
        { commodity: commodityLabel(commodity, actor.lang) },
        {
          [`rubrics.${commodity}`]: render(rubricErrors.versionNotPublished, actor.lang, {
            commodity: commodityLabel(commodity, actor.lang),
          }),
        },
        422,
      );
    if (wanted !== row.current) changed.push({ commodity, ref: wanted, before: row.current });
  }
  if (changed.length === 0) return [];
  const frozen = await isCycleFrozen(db, cycleId);
  if (frozen && !input.reason?.trim())
    throw new DomainError(
      rubricErrors.reasonRequired,
      {},
      { reason: rubricErrorKey('reasonRequired', actor.lang) },
      422,
    );
  await db.transaction(async (tx) => {
    for (const c of changed) await setRubricVersion(tx, actor, cycleId, c.commodity, c.ref);
    await writeAudit(tx, actor, {
      action: 'cycle.rubrics_link',
      objectType: 'cycle',
      objectId: cycleId,
      before: Object.fromEntries(changed.map((c) => [c.commodity, c.before])),
      after: Object.fromEntries(changed.map((c) => [c.commodity, c.ref])),
      reason: input.reason?.trim() || null,
    });
  });
  return changed.map((c) => c.commodity);
}
