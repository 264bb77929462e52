import { and, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, users } from '../../db/schema/accounts.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { revokeUserSessions, setActingAs, type UserRow } from '../../platform/auth/session.ts';
import { mintApiToken } from '../../platform/auth/tokens.ts';
import { NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/ids.ts';
import { type Page, type PageRequest, paginate } from '../../platform/keyset.ts';
import { findRegion } from '../regions/regions.service.ts';
import type { UserCreate, UserFilter, UserUpdate } from './users.forms.ts';
import { userRules } from './users.messages.ts';

/** A user as shown and audited: never the password hash. */
export type PublicUser = Omit<UserRow, 'passwordHash'>;

export function publicUser(u: UserRow): PublicUser {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}

const ruleError = (key: string, field: string) => ruleViolation(field, key);

/** A password made by the system: 16 URL-safe characters. */
export function generatePassword(): string {
  return randomToken(12);
}

async function checkRegion(db: Db, role: string, regionCode: string | undefined, provinceCode: string) {
  if (role === 'petugas_kabkota' && !regionCode) throw ruleError(userRules.regionRequired, 'regionCode');
  if (!regionCode) return null;
  const region = await findRegion(db, regionCode);
  if (!region || region.level !== 'kabupaten_kota' || region.provinceCode !== provinceCode) {
    throw ruleError(userRules.regionNotKabkota, 'regionCode');
  }
  return region.code;
}

async function emailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.email}) = ${email.toLowerCase()}`,
        exceptId ? sql`${users.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Creates an account; returns it with the initial password when the system made one. */
export async function createUser(
  db: Db,
  actor: Actor,
  input: UserCreate,
  provinceCode: string,
  /** A hash of `input.password` made already (the demo accounts share one published password). */
  opts: { passwordHash?: string } = {},
): Promise<{ user: PublicUser; generatedPassword: string | null }> {
  const regionCode = await checkRegion(db, input.role, input.regionCode, provinceCode);
  if (await emailTaken(db, input.email)) throw ruleError(userRules.emailTaken, 'email');
  if (input.password && input.password.toLowerCase() === input.email.toLowerCase()) {
    throw ruleError(userRules.passwordSameAsEmail, 'password');
  }
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash =
    input.password && opts.passwordHash
      ? opts.passwordHash
      : await hashPassword(input.password ?? generatedPassword!);
  const user = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        regionCode,
        institution: input.institution ?? null,
        phone: input.phone ?? null,
        locale: input.locale,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'user.create',
      objectType: 'user',
      objectId: row!.id,
      regionCode,
      after: publicUser(row!),
    });
    return row!;
  });
  return { user: publicUser(user), generatedPassword };
}

export async function getUser(db: Db, id: string): Promise<PublicUser> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw new NotFoundError('user');
  return publicUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

/** Edits an account if nobody changed it since `input.version` was read. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: UserUpdate,
  provinceCode: string,
): Promise<PublicUser> {
  const regionCode = await checkRegion(db, input.role, input.regionCode, provinceCode);
  if (await emailTaken(db, input.email, id)) throw ruleError(userRules.emailTaken, 'email');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new NotFoundError('user');
    if (before.version !== input.version) throw new StaleVersionError(publicUser(before));
    const [after] = await tx
      .update(users)
      .set({
        email: input.email,
        name: input.name,
        role: input.role,
        regionCode,
        institution: input.institution ?? null,
        phone: input.phone ?? null,
        locale: input.locale,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    await writeAudit(tx, actor, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      regionCode: after!.regionCode,
      before: publicUser(before),
      after: publicUser(after!),
    });
    return publicUser(after!);
  });
}

/** Disables (ending every session and token use) or re-enables an account. */
export async function setUserDisabled(
  db: Db,
  actor: Actor,
  id: string,
  disabled: boolean,
): Promise<PublicUser> {
  if (disabled && (id === actor.userId || id === actor.realUserId)) {
    throw ruleError(userRules.selfDisable, '_form');
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw new NotFoundError('user');
    const [after] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(users.id, id))
      .returning();
    if (disabled) await revokeUserSessions(tx, id);
    await writeAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: id,
      regionCode: before.regionCode,
      before: { disabledAt: before.disabledAt },
      after: { disabledAt: after!.disabledAt },
    });
    return publicUser(after!);
  });
}

/** Sets a password (the admin's reset or the CLI); ends the user's sessions. Returns the password. */
export async function setPassword(db: Db, actor: Actor, id: string, newPassword?: string): Promise<string> {
  const password = newPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id))
      .returning();
    if (!row) throw new NotFoundError('user');
    await revokeUserSessions(tx, id);
    await writeAudit(tx, actor, {
      action: 'user.password_reset',
      objectType: 'user',
      objectId: id,
      regionCode: row.regionCode,
    });
  });
  return password;
}

/** A user changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { current: string; next: string; confirm: string },
  keepSessionHash: string | null,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.realUserId!)).limit(1);
  if (!user) throw new NotFoundError('user');
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    throw ruleError(userRules.wrongCurrentPassword, 'current');
  }
  if (input.next !== input.confirm) {
    throw ruleError(userRules.passwordMismatch, 'confirm');
  }
  if (input.next.toLowerCase() === user.email.toLowerCase())
    throw ruleError(userRules.passwordSameAsEmail, 'next');
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, keepSessionHash ?? undefined);
    await writeAudit(tx, actor, { action: 'user.password_change', objectType: 'user', objectId: user.id });
  });
}

export async function setOwnLocale(db: Db, userId: string, locale: 'id' | 'en'): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function recordLogin(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

const SORTS = {
  name: sql`lower(${users.name})`,
  email: sql`lower(${users.email})`,
  created: sql`${users.createdAt}`,
};

export async function listUsers(db: Db, filter: UserFilter, limit = 50): Promise<Page<PublicUser>> {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const conditions = and(
    q ? or(ilike(users.name, q), ilike(users.email, q)) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.regionCode ? eq(users.regionCode, filter.regionCode) : undefined,
    filter.status === 'active' ? isNull(users.disabledAt) : undefined,
    filter.status === 'disabled' ? isNotNull(users.disabledAt) : undefined,
  );
  const sortKey = SORTS[filter.sort];
  const page = await paginate<UserRow & { sortValue: string | number }>({
    request: { after: filter.after, before: filter.before, limit } satisfies PageRequest,
    keys: [sortKey, users.id],
    dir: filter.dir,
    keyOf: (r) => [r.sortValue, r.id],
    run: async (where, orderBy, lim) => {
      const rows = await db
        .select({ user: users, sortValue: sql<string>`(${sortKey})::text` })
        .from(users)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim);
      return rows.map((r) => ({ ...r.user, sortValue: r.sortValue }));
    },
  });
  return { ...page, rows: page.rows.map(publicUser) };
}

// API tokens -----------------------------------------------------------------------------------

/** Creates a bearer token for a user; the plaintext is returned once and never stored. */
export async function createApiToken(db: Db, actor: Actor, userId: string, name: string): Promise<string> {
  const { token, tokenHash, prefix } = mintApiToken();
  await db.transaction(async (tx) => {
    const [row] = await tx.insert(apiTokens).values({ userId, name, tokenHash, prefix }).returning();
    await writeAudit(tx, actor, {
      action: 'api_token.create',
      objectType: 'api_token',
      objectId: row!.id,
      after: { userId, name, prefix },
    });
  });
  return token;
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      useCount: apiTokens.useCount,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the user's own tokens (another user's token answers 404). */
export async function revokeApiToken(db: Db, actor: Actor, userId: string, tokenId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError('api_token');
    await writeAudit(tx, actor, {
      action: 'api_token.revoke',
      objectType: 'api_token',
      objectId: tokenId,
      before: { name: row.name, prefix: row.prefix },
    });
  });
}

// Acting as another user ----------------------------------------------------------------------

/** An admin starts acting as another (enabled) user in this session; audited. */
export async function startActingAs(
  db: Db,
  actor: Actor,
  sessionHash: string,
  targetId: string,
): Promise<PublicUser> {
  const target = await getUser(db, targetId);
  if (target.disabledAt || target.id === actor.realUserId) throw new NotFoundError('user');
  await db.transaction(async (tx) => {
    await setActingAs(tx, sessionHash, target.id);
    await writeAudit(tx, actor, { action: 'session.act_as', objectType: 'user', objectId: target.id });
  });
  return target;
}

export async function stopActingAs(db: Db, actor: Actor, sessionHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await setActingAs(tx, sessionHash, null);
    await writeAudit(tx, actor, { action: 'session.act_as_end', objectType: 'user', objectId: actor.userId });
  });
}

/**
 * A user's profile as another user may see it: admins see everyone; others see the people of their
 * own kab/kota and the province's admins. Anyone else answers 404.
 */
export async function getUserInScope(db: Db, actor: Actor, id: string): Promise<PublicUser> {
  const user = await getUser(db, id);
  if (isProvinceWide(actor) || user.id === actor.userId) return user;
  const sameRegion = actor.regionCode !== null && user.regionCode === actor.regionCode;
  if (!sameRegion && user.role !== 'admin_provinsi') throw new NotFoundError('user');
  return user;
}
