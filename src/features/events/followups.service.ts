/**
 * Follow-up actions: what each kab/kota is to do after an event. The province's admins set them; a
 * kab/kota officer sees and updates those of their own kab/kota (any other answers 404).
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { events, followUpActions } from '../../db/schema/events.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide, kabkotaScope } from '../../platform/authz.ts';
import { NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { listKabkota } from '../regions/regions.service.ts';
import type {
  FollowUpAdminUpdate,
  FollowUpCreate,
  FollowUpFilter,
  FollowUpOfficerUpdate,
} from './events.forms.ts';
import { eventRules } from './events.messages.ts';
import { isOverdue } from './events.rules.ts';
import { getEvent, lockEvent } from './events.service.ts';

export type FollowUpRow = typeof followUpActions.$inferSelect;

export interface FollowUpView extends FollowUpRow {
  eventTitle: string;
  ownerUserName: string | null;
  overdue: boolean;
}

/** Creates one action for each kab/kota chosen (e.g. "identify candidate IKM by 30 Oct" for all 11). */
export async function createFollowUps(
  db: Db,
  actor: Actor,
  eventId: string,
  input: FollowUpCreate,
): Promise<FollowUpRow[]> {
  const event = await getEvent(db, eventId);
  const known = new Set((await listKabkota(db, event.provinceCode)).map((k) => k.code));
  const codes = [...new Set(input.kabkotaCodes)];
  if (codes.some((c) => !known.has(c))) throw ruleViolation('kabkotaCodes', eventRules.kabkotaUnknown);
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const rows = await tx
      .insert(followUpActions)
      .values(
        codes.sort().map((kabkotaCode) => ({
          eventId,
          provinceCode: event.provinceCode,
          kabkotaCode,
          title: input.title,
          description: input.description ?? null,
          ownerName: input.ownerName ?? null,
          dueDate: input.dueDate,
          createdBy: actor.userId,
        })),
      )
      .returning();
    for (const row of rows) {
      await writeAudit(tx, actor, {
        action: 'follow_up.create',
        objectType: 'follow_up_action',
        objectId: row.id,
        regionCode: row.kabkotaCode,
        after: row,
      });
    }
    return rows;
  });
}

const viewColumns = {
  a: followUpActions,
  eventTitle: events.title,
  ownerUserName: users.name,
};

function toView(
  r: { a: FollowUpRow; eventTitle: string; ownerUserName: string | null },
  today: string,
): FollowUpView {
  return { ...r.a, eventTitle: r.eventTitle, ownerUserName: r.ownerUserName, overdue: isOverdue(r.a, today) };
}

/** Actions in the actor's scope (their kab/kota, or the whole province), soonest due first. */
export async function listFollowUps(
  db: Db,
  actor: Actor,
  filter: FollowUpFilter,
  limit = 50,
  today: string = localDate(),
): Promise<Page<FollowUpView>> {
  const scope = kabkotaScope(actor);
  if (!isProvinceWide(actor) && !scope) return { rows: [], next: null, prev: null };
  const conditions = and(
    scope ? eq(followUpActions.kabkotaCode, scope) : undefined,
    filter.kabkotaCode ? eq(followUpActions.kabkotaCode, filter.kabkotaCode) : undefined,
    filter.eventId ? eq(followUpActions.eventId, filter.eventId) : undefined,
    filter.status ? eq(followUpActions.status, filter.status) : undefined,
    filter.overdue
      ? and(inArray(followUpActions.status, ['open', 'in_progress']), lt(followUpActions.dueDate, today))
      : undefined,
  );
  const page = await paginate<{ a: FollowUpRow; eventTitle: string; ownerUserName: string | null }>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [followUpActions.dueDate, followUpActions.id],
    dir: 'asc',
    keyOf: (r) => [r.a.dueDate, r.a.id],
    run: (where, orderBy, lim) =>
      db
        .select(viewColumns)
        .from(followUpActions)
        .innerJoin(events, eq(events.id, followUpActions.eventId))
        .leftJoin(users, eq(users.id, followUpActions.ownerUserId))
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  return { ...page, rows: page.rows.map((r) => toView(r, today)) };
}

/** The actions of one event the actor may see, by kab/kota. */
export async function followUpsOfEvent(
  db: Db,
  actor: Actor,
  eventId: string,
  today: string = localDate(),
): Promise<FollowUpView[]> {
  const scope = kabkotaScope(actor);
  if (!isProvinceWide(actor) && !scope) return [];
  const rows = await db
    .select(viewColumns)
    .from(followUpActions)
    .innerJoin(events, eq(events.id, followUpActions.eventId))
    .leftJoin(users, eq(users.id, followUpActions.ownerUserId))
    .where(
      and(eq(followUpActions.eventId, eventId), scope ? eq(followUpActions.kabkotaCode, scope) : undefined),
    )
    .orderBy(asc(followUpActions.kabkotaCode), asc(followUpActions.dueDate), asc(followUpActions.id))
    .limit(2000);
  return rows.map((r) => toView(r, today));
}

/** One action, if it lies in the actor's scope (another kab/kota's answers 404). */
export async function getFollowUp(
  db: Db,
  actor: Actor,
  id: string,
  today: string = localDate(),
): Promise<FollowUpView> {
  const [row] = await db
    .select(viewColumns)
    .from(followUpActions)
    .innerJoin(events, eq(events.id, followUpActions.eventId))
    .leftJoin(users, eq(users.id, followUpActions.ownerUserId))
    .where(eq(followUpActions.id, id))
    .limit(1);
  if (!row) throw new NotFoundError('follow_up_action');
  const scope = kabkotaScope(actor);
  if (!isProvinceWide(actor) && (!scope || row.a.kabkotaCode !== scope))
    throw new NotFoundError('follow_up_action');
  return toView(row, today);
}

const completedAt = (before: FollowUpRow, status: FollowUpRow['status']) =>
  status === 'done' ? (before.completedAt ?? new Date()) : null;

/** A kab/kota officer reports progress on an action of their own kab/kota. */
export async function updateFollowUpAsOfficer(
  db: Db,
  actor: Actor,
  id: string,
  input: FollowUpOfficerUpdate,
): Promise<FollowUpRow> {
  await getFollowUp(db, actor, id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(followUpActions).where(eq(followUpActions.id, id)).for('update');
    if (!before) throw new NotFoundError('follow_up_action');
    if (before.version !== input.version) throw new StaleVersionError(before);
    if (before.status === 'cancelled') throw ruleViolation('status', eventRules.statusNotAllowed);
    const [after] = await tx
      .update(followUpActions)
      .set({
        status: input.status,
        progressNote: input.progressNote ?? null,
        completedAt: completedAt(before, input.status),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(and(eq(followUpActions.id, id), eq(followUpActions.version, input.version)))
      .returning();
    await writeAudit(tx, actor, {
      action: 'follow_up.progress',
      objectType: 'follow_up_action',
      objectId: id,
      regionCode: before.kabkotaCode,
      before: { status: before.status, progressNote: before.progressNote },
      after: { status: after!.status, progressNote: after!.progressNote },
    });
    return after!;
  });
}

/** The province's admin edits any field of an action. */
export async function updateFollowUpAsAdmin(
  db: Db,
  actor: Actor,
  id: string,
  input: FollowUpAdminUpdate,
): Promise<FollowUpRow> {
  const current = await getFollowUp(db, actor, id);
  if (input.ownerUserId) {
    const [owner] = await db
      .select({ role: users.role, regionCode: users.regionCode })
      .from(users)
      .where(eq(users.id, input.ownerUserId));
    if (!owner || owner.role !== 'petugas_kabkota' || owner.regionCode !== current.kabkotaCode)
      throw ruleViolation('ownerUserId', eventRules.ownerNotInKabkota);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(followUpActions).where(eq(followUpActions.id, id)).for('update');
    if (!before) throw new NotFoundError('follow_up_action');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(followUpActions)
      .set({
        title: input.title,
        description: input.description ?? null,
        dueDate: input.dueDate,
        ownerUserId: input.ownerUserId ?? null,
        ownerName: input.ownerName ?? null,
        status: input.status,
        progressNote: input.progressNote ?? null,
        completedAt: completedAt(before, input.status),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(followUpActions.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'follow_up.update',
      objectType: 'follow_up_action',
      objectId: id,
      regionCode: before.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
}

/**
 * The overdue actions an actor should be told about on their dashboard: their own kab/kota's (a
 * petugas) or the whole province's (an admin), most overdue first.
 */
export async function overdueFollowUps(
  db: Db,
  actor: Actor,
  limit = 20,
  today: string = localDate(),
): Promise<{ count: number; rows: FollowUpView[] }> {
  const scope = kabkotaScope(actor);
  if (!isProvinceWide(actor) && !scope) return { count: 0, rows: [] };
  const where = and(
    scope ? eq(followUpActions.kabkotaCode, scope) : undefined,
    inArray(followUpActions.status, ['open', 'in_progress']),
    lt(followUpActions.dueDate, today),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(viewColumns)
      .from(followUpActions)
      .innerJoin(events, eq(events.id, followUpActions.eventId))
      .leftJoin(users, eq(users.id, followUpActions.ownerUserId))
      .where(where)
      .orderBy(asc(followUpActions.dueDate), asc(followUpActions.id))
      .limit(limit),
    db.select({ n: sql<number>`count(*)::int` }).from(followUpActions).where(where),
  ]);
  return { count: Number(total?.n ?? 0), rows: rows.map((r) => toView(r, today)) };
}

/** Officers of a kab/kota, for choosing an action's owner. */
export async function officersOf(db: Db, kabkotaCode: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.role, 'petugas_kabkota'),
        eq(users.regionCode, kabkotaCode),
        sql`${users.disabledAt} is null`,
      ),
    )
    .orderBy(asc(users.name));
}
