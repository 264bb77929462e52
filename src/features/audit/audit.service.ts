import { and, asc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { AuditFilter } from './audit.forms.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** The start of a calendar day in the province's zone, as an instant. */
function dayStart(date: string): Date {
  return fromLocalInput(`${date}T00:00`)!;
}

/** Audit entries, newest first, filtered by who (either as actor or as the real person), object and day. */
export async function listAudit(db: Db, filter: AuditFilter, limit = 50): Promise<Page<AuditRow>> {
  const conditions = and(
    filter.userId
      ? or(eq(auditLog.actorUserId, filter.userId), eq(auditLog.realUserId, filter.userId))
      : undefined,
    filter.objectType ? eq(auditLog.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditLog.objectId, filter.objectId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, dayStart(filter.from)) : undefined,
    // "to" includes the whole day: before the start of the next one.
    filter.to ? lt(auditLog.at, new Date(dayStart(filter.to).getTime() + 86_400_000)) : undefined,
  );
  return paginate<AuditRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [auditLog.at, auditLog.id],
    dir: 'desc',
    keyOf: (r) => [r.at.toISOString(), r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(auditLog)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
}

export async function getAuditEntry(db: Db, id: string): Promise<AuditRow> {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id)).limit(1);
  if (!row) throw new NotFoundError('audit');
  return row;
}

/** The object types and actions present, for the filter selects. */
export async function auditFacets(db: Db): Promise<{ objectTypes: string[]; actions: string[] }> {
  const types = await db
    .selectDistinct({ v: auditLog.objectType })
    .from(auditLog)
    .orderBy(asc(auditLog.objectType));
  const actions = await db
    .selectDistinct({ v: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action));
  return { objectTypes: types.map((r) => r.v), actions: actions.map((r) => r.v) };
}

/** Every user, for the "who" filter. */
export async function auditUsers(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(sql`lower(${users.name})`);
}
