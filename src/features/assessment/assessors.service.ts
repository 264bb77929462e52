/**
 * Assessors: users with role penilai and their profile (institution and its type, commodity
 * expertise, a load cap per cycle with per-cycle overrides, contacts for conflict suggestions). A
 * profile row is made on its first save; until then the account's institution, phone and e-mail
 * stand in and the cap is DEFAULT_LOAD_CAP.
 *
 * For the assignment code: `assessorsForCycle(db, cycleId)` gives every active assessor with their
 * expertise and the cap that applies in that cycle; `loadCapFor` gives one.
 */
import { and, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { assessorCycleCaps, assessorProfiles, conflicts } from '../../db/schema/assessment.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Commodity } from '../../platform/domain.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { DEFAULT_LOAD_CAP, type InstitutionType } from './assessment.domain.ts';
import type { AssessorFilter, AssessorInput, OwnProfileInput } from './assessors.forms.ts';

/** An assessor as listed and edited: the account and its profile (defaults when none is saved). */
export interface Assessor {
  userId: string;
  name: string;
  accountEmail: string;
  accountPhone: string | null;
  disabled: boolean;
  hasProfile: boolean;
  institution: string | null;
  institutionType: InstitutionType | null;
  expertise: Commodity[];
  loadCap: number;
  phone: string | null;
  email: string | null;
  /** The profile row's version (0 before its first save). */
  version: number;
  updatedAt: Date | null;
}

const columns = {
  userId: users.id,
  name: users.name,
  accountEmail: users.email,
  accountPhone: users.phone,
  accountInstitution: users.institution,
  disabledAt: users.disabledAt,
  profileUser: assessorProfiles.userId,
  institution: assessorProfiles.institution,
  institutionType: assessorProfiles.institutionType,
  expertise: assessorProfiles.expertise,
  loadCap: assessorProfiles.loadCap,
  phone: assessorProfiles.phone,
  email: assessorProfiles.email,
  version: assessorProfiles.version,
  updatedAt: assessorProfiles.updatedAt,
};

type Joined = {
  userId: string;
  name: string;
  accountEmail: string;
  accountPhone: string | null;
  accountInstitution: string | null;
  disabledAt: Date | null;
  profileUser: string | null;
  institution: string | null;
  institutionType: InstitutionType | null;
  expertise: string[] | null;
  loadCap: number | null;
  phone: string | null;
  email: string | null;
  version: number | null;
  updatedAt: Date | null;
};

function toAssessor(r: Joined): Assessor {
  const has = r.profileUser !== null;
  return {
    userId: r.userId,
    name: r.name,
    accountEmail: r.accountEmail,
    accountPhone: r.accountPhone,
    disabled: r.disabledAt !== null,
    hasProfile: has,
    institution: has ? r.institution : r.accountInstitution,
    institutionType: has ? r.institutionType : null,
    expertise: (r.expertise ?? []) as Commodity[],
    loadCap: r.loadCap ?? DEFAULT_LOAD_CAP,
    phone: has ? r.phone : r.accountPhone,
    email: has ? r.email : null,
    version: r.version ?? 0,
    updatedAt: r.updatedAt,
  };
}

const baseQuery = (db: Db) =>
  db.select(columns).from(users).leftJoin(assessorProfiles, eq(assessorProfiles.userId, users.id));

/** Assessors by name, a keyset page at a time, with their conflicts in force. */
export async function listAssessors(
  db: Db,
  filter: AssessorFilter,
  limit = 50,
): Promise<Page<Assessor & { conflicts: number }>> {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const sortKey = sql`lower(${users.name})`;
  const page = await paginate<Joined & { sortName: string }>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [sortKey, users.id],
    dir: 'asc',
    keyOf: (r) => [r.sortName, r.userId],
    run: async (where, orderBy, lim) =>
      db
        .select({ ...columns, sortName: sql<string>`lower(${users.name})` })
        .from(users)
        .leftJoin(assessorProfiles, eq(assessorProfiles.userId, users.id))
        .where(
          and(
            eq(users.role, 'penilai'),
            q
              ? or(ilike(users.name, q), ilike(users.email, q), ilike(assessorProfiles.institution, q))
              : undefined,
            where,
          ),
        )
        .orderBy(...orderBy)
        .limit(lim),
  });
  const ids = page.rows.map((r) => r.userId);
  const counts = ids.length
    ? await db
        .select({ id: conflicts.assessorId, n: sql<number>`count(*)::int` })
        .from(conflicts)
        .where(and(inArray(conflicts.assessorId, ids), isNull(conflicts.withdrawnAt)))
        .groupBy(conflicts.assessorId)
    : [];
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return { ...page, rows: page.rows.map((r) => ({ ...toAssessor(r), conflicts: byId.get(r.userId) ?? 0 })) };
}

/** One assessor (404 unless the user is an assessor). */
export async function getAssessor(db: Db, userId: string): Promise<Assessor> {
  const [row] = await baseQuery(db)
    .where(and(eq(users.id, userId), eq(users.role, 'penilai')))
    .limit(1);
  if (!row) throw new NotFoundError('assessor');
  return toAssessor(row);
}

/** The per-cycle caps set for an assessor (cycle id → cap). */
export async function cycleCaps(db: Db, userId: string): Promise<Map<string, number>> {
  const rows = await db.select().from(assessorCycleCaps).where(eq(assessorCycleCaps.userId, userId));
  return new Map(rows.map((r) => [r.cycleId, r.loadCap]));
}

function snapshot(a: Assessor, caps?: Map<string, number>) {
  return {
    institution: a.institution,
    institutionType: a.institutionType,
    expertise: a.expertise,
    loadCap: a.loadCap,
    phone: a.phone,
    email: a.email,
    ...(caps ? { caps: Object.fromEntries(caps) } : {}),
  };
}

async function writeProfile(
  tx: Db,
  before: Assessor,
  values: {
    institution: string | null;
    institutionType: InstitutionType | null;
    expertise: Commodity[];
    loadCap: number;
    phone: string | null;
    email: string | null;
  },
  version: number,
): Promise<void> {
  if (before.version !== version) throw new StaleVersionError(before);
  if (before.hasProfile) {
    const rows = await tx
      .update(assessorProfiles)
      .set({ ...values, updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(assessorProfiles.userId, before.userId), eq(assessorProfiles.version, version)))
      .returning({ userId: assessorProfiles.userId });
    if (rows.length === 0) throw new StaleVersionError(before);
  } else {
    const rows = await tx
      .insert(assessorProfiles)
      .values({ userId: before.userId, ...values })
      .onConflictDoNothing()
      .returning({ userId: assessorProfiles.userId });
    if (rows.length === 0) throw new StaleVersionError(await getAssessor(tx, before.userId));
  }
}

/** The admin saves an assessor's profile and per-cycle caps (refused when someone saved in between). */
export async function saveAssessor(
  db: Db,
  actor: Actor,
  userId: string,
  input: AssessorInput,
): Promise<Assessor> {
  return db.transaction(async (tx) => {
    const before = await getAssessor(tx, userId);
    const capsBefore = await cycleCaps(tx, userId);
    await writeProfile(
      tx,
      before,
      {
        institution: input.institution ?? null,
        institutionType: input.institutionType ?? null,
        expertise: input.expertise,
        loadCap: input.loadCap,
        phone: input.phone ?? null,
        email: input.email ?? null,
      },
      input.version,
    );
    for (const [cycleId, cap] of Object.entries(input.caps)) {
      if (cap === undefined) {
        await tx
          .delete(assessorCycleCaps)
          .where(and(eq(assessorCycleCaps.userId, userId), eq(assessorCycleCaps.cycleId, cycleId)));
      } else {
        await tx
          .insert(assessorCycleCaps)
          .values({ userId, cycleId, loadCap: cap })
          .onConflictDoUpdate({
            target: [assessorCycleCaps.userId, assessorCycleCaps.cycleId],
            set: { loadCap: cap },
          });
      }
    }
    const after = await getAssessor(tx, userId);
    await writeAudit(tx, actor, {
      action: 'assessor.update',
      objectType: 'user',
      objectId: userId,
      before: snapshot(before, capsBefore),
      after: snapshot(after, await cycleCaps(tx, userId)),
    });
    return after;
  });
}

/** An assessor changes their own contacts and expertise (institution and caps are the admin's). */
export async function saveOwnProfile(db: Db, actor: Actor, input: OwnProfileInput): Promise<Assessor> {
  if (!actor.userId || actor.role !== 'penilai') throw new NotFoundError('assessor');
  return db.transaction(async (tx) => {
    const before = await getAssessor(tx, actor.userId!);
    await writeProfile(
      tx,
      before,
      {
        institution: before.institution,
        institutionType: before.institutionType,
        expertise: input.expertise,
        loadCap: before.loadCap,
        phone: input.phone ?? null,
        email: input.email ?? null,
      },
      input.version,
    );
    const after = await getAssessor(tx, actor.userId!);
    await writeAudit(tx, actor, {
      action: 'assessor.self_update',
      objectType: 'user',
      objectId: actor.userId,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** The most nominations an assessor may take in a cycle (the cycle's own cap, else the profile's). */
export async function loadCapFor(db: Db, userId: string, cycleId: string): Promise<number> {
  const [own] = await db
    .select({ cap: assessorCycleCaps.loadCap })
    .from(assessorCycleCaps)
    .where(and(eq(assessorCycleCaps.userId, userId), eq(assessorCycleCaps.cycleId, cycleId)))
    .limit(1);
  if (own) return own.cap;
  return (await getAssessor(db, userId)).loadCap;
}

/** Every active assessor with their expertise and the load cap that applies in `cycleId`. */
export async function assessorsForCycle(
  db: Db,
  cycleId: string,
): Promise<(Assessor & { cycleCap: number })[]> {
  const rows = await baseQuery(db).where(and(eq(users.role, 'penilai'), isNull(users.disabledAt)));
  const caps = await db.select().from(assessorCycleCaps).where(eq(assessorCycleCaps.cycleId, cycleId));
  const byUser = new Map(caps.map((c) => [c.userId, c.loadCap]));
  return rows.map((r) => {
    const a = toAssessor(r);
    return { ...a, cycleCap: byUser.get(a.userId) ?? a.loadCap };
  });
}

/** Every active assessor's contacts as the suggestion rules take them (profile and account). */
export async function assessorContacts(db: Db) {
  const rows = await baseQuery(db).where(and(eq(users.role, 'penilai'), isNull(users.disabledAt)));
  return rows.map((r) => {
    const a = toAssessor(r);
    return {
      id: a.userId,
      label: a.name,
      institutions: [a.institution, r.accountInstitution],
      phones: [a.phone, a.accountPhone],
      emails: [a.email, a.accountEmail],
    };
  });
}
