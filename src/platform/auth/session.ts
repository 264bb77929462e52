import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/accounts.ts';
import { randomToken } from '../ids.ts';

export const SESSION_COOKIE = 'ovop_session';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export type UserRow = typeof users.$inferSelect;

export interface SessionPolicy {
  idleMinutes: number;
  maxDays: number;
}

/** Starts a session; returns the cookie value (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string | undefined; userAgent?: string | undefined },
  policy: SessionPolicy,
): Promise<string> {
  const value = randomToken(32);
  await db.insert(sessions).values({
    idHash: sha256(value),
    userId,
    expiresAt: new Date(Date.now() + policy.idleMinutes * 60_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return value;
}

export interface LoadedSession {
  idHash: string;
  /** The real person signed in. */
  realUser: UserRow;
  /** The user acted as (the real user when not acting as anyone). */
  user: UserRow;
}

/**
 * The live session for a cookie value, or null when it is unknown, forged, expired, revoked, or its
 * user is disabled. Slides the idle expiry, at most once a minute to spare writes.
 */
export async function loadSession(
  db: Db,
  value: string,
  policy: SessionPolicy,
): Promise<LoadedSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const idHash = sha256(value);
  const now = new Date();
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabledAt) return null;
  const absoluteEnd = row.session.createdAt.getTime() + policy.maxDays * 86_400_000;
  if (absoluteEnd <= now.getTime()) return null;
  let acted = row.user;
  if (row.session.actingAsUserId) {
    const [other] = await db.select().from(users).where(eq(users.id, row.session.actingAsUserId)).limit(1);
    if (other && !other.disabledAt) acted = other;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    const idleEnd = Math.min(now.getTime() + policy.idleMinutes * 60_000, absoluteEnd);
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(idleEnd) })
      .where(eq(sessions.idHash, idHash));
  }
  return { idHash, realUser: row.user, user: acted };
}

export async function revokeSession(db: Db, idHash: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user (password changed, account disabled), except optionally one. */
export async function revokeUserSessions(db: Db, userId: string, exceptHash?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptHash ? sql`${sessions.idHash} <> ${exceptHash}` : undefined,
      ),
    );
}

export async function setActingAs(db: Db, idHash: string, userId: string | null): Promise<void> {
  await db.update(sessions).set({ actingAsUserId: userId }).where(eq(sessions.idHash, idHash));
}
