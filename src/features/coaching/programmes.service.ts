/**
 * Coaching programmes: record, edit (optimistic version), archive, read within scope, list. The
 * province office records the province's and the centre's programmes; a kab/kota officer records
 * their own kab/kota's, reads the province's, and never sees another kab/kota's (404).
 */
import { and, asc, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coachingProgrammePartners, coachingProgrammes } from '../../db/schema/coaching.ts';
import { stakeholders } from '../../db/schema/events.ts';
import type { Actor } from '../../platform/actor.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { regionIndex, RuleErrors } from '../registry/registry.service.ts';
import { getStakeholder } from '../events/stakeholders.service.ts';
import type { ProgrammeFilter, ProgrammeInput, ProgrammeUpdate } from './coaching.forms.ts';
import { coachingRules } from './coaching.messages.ts';

export type ProgrammeRow = typeof coachingProgrammes.$inferSelect;

/** Programmes an actor reads: all for the province; the province's and their own for a kab/kota officer. */
export function programmeScopeSql(actor: Actor): SQL | undefined {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return sql`(${coachingProgrammes.kabkotaCode} is null or ${coachingProgrammes.kabkotaCode} = ${actor.regionCode})`;
  return sql`false`;
}

/** Whether the actor may change a programme's own facts (its details, partners, archiving). */
export function canManageProgramme(actor: Actor, p: Pick<ProgrammeRow, 'kabkotaCode'>): boolean {
  if (isProvinceWide(actor)) return true;
  return actor.role === 'petugas_kabkota' && actor.regionCode !== null && p.kabkotaCode === actor.regionCode;
}

/** Whether the actor may enrol an IKM of this kab/kota, or record its outcomes: their own IKMs only. */
export function canActForIkm(actor: Actor, kabkotaCode: string): boolean {
  if (isProvinceWide(actor)) return true;
  return actor.role === 'petugas_kabkota' && actor.regionCode === kabkotaCode;
}

/** A live programme the actor may read, or 404. */
export async function getProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeRow> {
  const [row] = await db
    .select()
    .from(coachingProgrammes)
    .where(
      and(eq(coachingProgrammes.id, id), isNull(coachingProgrammes.archivedAt), programmeScopeSql(actor)),
    )
    .limit(1);
  if (!row) throw new NotFoundError('programme');
  return row;
}

/** A live programme the actor may change, or 404. */
async function manageableProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeRow> {
  const row = await getProgramme(db, actor, id);
  if (!canManageProgramme(actor, row)) throw new NotFoundError('programme');
  return row;
}

/**
 * Who runs the programme and at which level: a kab/kota officer's are their kab/kota's; the
 * province names the level, and the kab/kota for a kab/kota-level programme. Also checks partners.
 */
async function resolve(
  db: Db,
  actor: Actor,
  input: ProgrammeInput,
  provinceCode: string,
): Promise<{ level: ProgrammeRow['level']; kabkotaCode: string | null }> {
  const errors = new RuleErrors();
  let owner: { level: ProgrammeRow['level']; kabkotaCode: string | null } = {
    level: 'province',
    kabkotaCode: null,
  };
  if (!isProvinceWide(actor)) {
    if (actor.role !== 'petugas_kabkota' || !actor.regionCode) throw new NotFoundError('programme');
    owner = { level: 'kabkota', kabkotaCode: actor.regionCode };
  } else if (!input.level) {
    errors.add('level', coachingRules.levelNeeded);
  } else if (input.level === 'kabkota') {
    if (!input.kabkotaCode) errors.add('kabkotaCode', coachingRules.ownerNeeded);
    else {
      const region = (await regionIndex(db)).get(input.kabkotaCode);
      if (!region || region.level !== 'kabupaten_kota' || region.provinceCode !== provinceCode)
        errors.add('kabkotaCode', coachingRules.ownerUnknown);
    }
    owner = { level: 'kabkota', kabkotaCode: input.kabkotaCode ?? null };
  } else {
    owner = { level: input.level, kabkotaCode: null };
  }
  for (const id of new Set(input.partnerIds)) {
    try {
      await getStakeholder(db, id);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      errors.add('partnerIds', coachingRules.partnerUnknown);
    }
  }
  errors.throwIfAny();
  return owner;
}

const rowValues = (input: ProgrammeInput) => ({
  title: input.title,
  kind: input.kind,
  certificationKind: input.kind === 'certification' ? (input.certificationKind ?? null) : null,
  fundingSource: input.fundingSource,
  startDate: input.startDate,
  endDate: input.endDate ?? null,
  budgetRp: input.budgetRp === undefined ? null : BigInt(input.budgetRp),
  venue: input.venue ?? null,
  organiser: input.organiser ?? null,
  description: input.description ?? null,
});

async function setPartners(tx: Db, programmeId: string, partnerIds: string[]): Promise<void> {
  await tx.delete(coachingProgrammePartners).where(eq(coachingProgrammePartners.programmeId, programmeId));
  const unique = [...new Set(partnerIds)];
  if (unique.length)
    await tx
      .insert(coachingProgrammePartners)
      .values(unique.map((stakeholderId) => ({ programmeId, stakeholderId })));
}

/** Records a coaching programme with its partners. */
export async function createProgramme(
  db: Db,
  actor: Actor,
  input: ProgrammeInput,
  provinceCode: string,
): Promise<ProgrammeRow> {
  const owner = await resolve(db, actor, input, provinceCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachingProgrammes)
      .values({ ...rowValues(input), ...owner, provinceCode, createdBy: actor.userId })
      .returning();
    await setPartners(tx, row!.id, input.partnerIds);
    await writeAudit(tx, actor, {
      action: 'coaching_programme.create',
      objectType: 'coaching_programme',
      objectId: row!.id,
      regionCode: row!.kabkotaCode ?? provinceCode,
      after: { ...row, partnerIds: input.partnerIds },
    });
    return row!;
  });
}

/** Edits a programme if nobody saved it since `input.version` was read. */
export async function updateProgramme(
  db: Db,
  actor: Actor,
  id: string,
  input: ProgrammeUpdate,
): Promise<ProgrammeRow> {
  const current = await manageableProgramme(db, actor, id);
  const owner = await resolve(db, actor, input, current.provinceCode);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(coachingProgrammes)
      .where(eq(coachingProgrammes.id, id))
      .for('update');
    if (!before || before.archivedAt) throw new NotFoundError('programme');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const partnersBefore = await partnerIdsOf(tx, id);
    const [after] = await tx
      .update(coachingProgrammes)
      .set({ ...rowValues(input), ...owner, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(coachingProgrammes.id, id))
      .returning();
    await setPartners(tx, id, input.partnerIds);
    await writeAudit(tx, actor, {
      action: 'coaching_programme.update',
      objectType: 'coaching_programme',
      objectId: id,
      regionCode: after!.kabkotaCode ?? after!.provinceCode,
      before: { ...before, partnerIds: partnersBefore },
      after: { ...after, partnerIds: input.partnerIds },
    });
    return after!;
  });
}

/** Archives a programme recorded by mistake; it leaves the lists, its audit rows stay. */
export async function archiveProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeRow> {
  const current = await manageableProgramme(db, actor, id);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(coachingProgrammes)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${coachingProgrammes.version} + 1` })
      .where(and(eq(coachingProgrammes.id, id), isNull(coachingProgrammes.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('programme');
    await writeAudit(tx, actor, {
      action: 'coaching_programme.archive',
      objectType: 'coaching_programme',
      objectId: id,
      regionCode: current.kabkotaCode ?? current.provinceCode,
      before: current,
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}

async function partnerIdsOf(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: coachingProgrammePartners.stakeholderId })
    .from(coachingProgrammePartners)
    .where(eq(coachingProgrammePartners.programmeId, programmeId));
  return rows.map((r) => r.id);
}

/** A programme's partners from the stakeholder register, by name. */
export async function programmePartners(
  db: Db,
  programmeId: string,
): Promise<{ id: string; name: string }[]> {
  return (await partnersOfProgrammes(db, [programmeId])).get(programmeId) ?? [];
}

/** The partners of several programmes at once (exports), by programme. */
export async function partnersOfProgrammes(
  db: Db,
  programmeIds: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>(programmeIds.map((id) => [id, []]));
  if (programmeIds.length === 0) return out;
  const rows = await db
    .select({
      programmeId: coachingProgrammePartners.programmeId,
      id: stakeholders.id,
      name: stakeholders.name,
    })
    .from(coachingProgrammePartners)
    .innerJoin(stakeholders, eq(stakeholders.id, coachingProgrammePartners.stakeholderId))
    .where(inArray(coachingProgrammePartners.programmeId, programmeIds))
    .orderBy(asc(stakeholders.name));
  for (const r of rows) out.get(r.programmeId)!.push({ id: r.id, name: r.name });
  return out;
}

// Lists -------------------------------------------------------------------------------------------

export interface ProgrammeListRow extends ProgrammeRow {
  participantCount: number;
  outcomeCount: number;
}

// Qualified by hand: drizzle writes a single table's columns unqualified, which inside these
// subqueries would bind to the inner table's own id.
const participantCountSql = sql<number>`(select count(*)::int from coaching_participants cp where cp.programme_id = "coaching_programmes"."id" and cp.removed_at is null)`;
const outcomeCountSql = sql<number>`(select count(*)::int from coaching_outcomes co where co.programme_id = "coaching_programmes"."id" and co.archived_at is null)`;

/** The filter's conditions (scope included) on `today`, shared by the list and the export. */
export function programmeFilterSql(actor: Actor, filter: ProgrammeFilter, today: string): SQL | undefined {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const p = coachingProgrammes;
  return and(
    isNull(p.archivedAt),
    programmeScopeSql(actor),
    q ? ilike(p.title, q) : undefined,
    filter.kind ? eq(p.kind, filter.kind) : undefined,
    filter.funding ? eq(p.fundingSource, filter.funding) : undefined,
    filter.level ? eq(p.level, filter.level) : undefined,
    filter.owner === 'province'
      ? isNull(p.kabkotaCode)
      : filter.owner
        ? eq(p.kabkotaCode, filter.owner)
        : undefined,
    filter.phase === 'planned' ? sql`${p.startDate} > ${today}` : undefined,
    filter.phase === 'ongoing'
      ? sql`${p.startDate} <= ${today} and (${p.endDate} is null or ${p.endDate} >= ${today})`
      : undefined,
    filter.phase === 'finished' ? sql`${p.endDate} < ${today}` : undefined,
    filter.year
      ? sql`${p.startDate} <= ${`${filter.year}-12-31`} and (${p.endDate} is null or ${p.endDate} >= ${`${filter.year}-01-01`})`
      : undefined,
  );
}

/** Programmes in scope, newest start first, one keyset page at a time, with their counts. */
export async function listProgrammes(
  db: Db,
  actor: Actor,
  filter: ProgrammeFilter,
  limit = 30,
  today = localDate(),
): Promise<Page<ProgrammeListRow>> {
  const conditions = programmeFilterSql(actor, filter, today);
  const page = await paginate<{ p: ProgrammeRow; participantCount: number; outcomeCount: number }>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [coachingProgrammes.startDate, coachingProgrammes.id],
    dir: 'desc',
    keyOf: (r) => [r.p.startDate, r.p.id],
    run: (where, orderBy, lim) =>
      db
        .select({
          p: coachingProgrammes,
          participantCount: participantCountSql,
          outcomeCount: outcomeCountSql,
        })
        .from(coachingProgrammes)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  return {
    ...page,
    rows: page.rows.map((r) => ({
      ...r.p,
      participantCount: Number(r.participantCount),
      outcomeCount: Number(r.outcomeCount),
    })),
  };
}

/** Every programme matching a filter, in list order, a batch at a time (exports). */
export async function* iterateProgrammes(
  db: Db,
  actor: Actor,
  filter: ProgrammeFilter,
  today = localDate(),
  batch = 200,
): AsyncGenerator<ProgrammeListRow> {
  let after: string | undefined;
  for (;;) {
    const page = await listProgrammes(db, actor, { ...filter, after, before: undefined }, batch, today);
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/**
 * Programmes still open on `today` (not ended) that the actor may enrol IKMs in, of the given kinds,
 * soonest end first: what a recommendation can be answered with.
 */
export async function openProgrammes(
  db: Db,
  actor: Actor,
  kinds: ProgrammeRow['kind'][],
  today = localDate(),
  limit = 200,
): Promise<ProgrammeRow[]> {
  if (kinds.length === 0) return [];
  return db
    .select()
    .from(coachingProgrammes)
    .where(
      and(
        isNull(coachingProgrammes.archivedAt),
        programmeScopeSql(actor),
        inArray(coachingProgrammes.kind, kinds),
        sql`(${coachingProgrammes.endDate} is null or ${coachingProgrammes.endDate} >= ${today})`,
      ),
    )
    .orderBy(sql`${coachingProgrammes.endDate} asc nulls last`, asc(coachingProgrammes.title))
    .limit(limit);
}

/** The years programmes run in (for the year filter), newest first. */
export async function programmeYears(db: Db, actor: Actor): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${coachingProgrammes.startDate})::int` })
    .from(coachingProgrammes)
    .where(and(isNull(coachingProgrammes.archivedAt), programmeScopeSql(actor)))
    .orderBy(sql`1 desc`)
    .limit(50);
  return rows.map((r) => Number(r.year));
}
