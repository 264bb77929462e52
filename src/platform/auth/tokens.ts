import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, users } from '../../db/schema/accounts.ts';
import { randomToken } from '../ids.ts';
import { sha256, type UserRow } from './session.ts';

const TOKEN_RE = /^ovop_[A-Za-z0-9_-]{43}$/;

/** A new token's plaintext (shown once) with its hash and display prefix. */
export function mintApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `ovop_${randomToken(32)}`;
  return { token, tokenHash: sha256(token), prefix: token.slice(0, 10) };
}

/** The user behind a bearer token, or null when it is unknown, revoked, or its user disabled. */
export async function userForToken(db: Db, token: string): Promise<UserRow | null> {
  if (!TOKEN_RE.test(token)) return null;
  const tokenHash = sha256(token);
  const rows = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.disabledAt) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date(), useCount: sql`${apiTokens.useCount} + 1` })
    .where(eq(apiTokens.id, row.tokenId));
  return row.user;
}
