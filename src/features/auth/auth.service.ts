import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/password.ts';
import type { UserRow } from '../../platform/auth/session.ts';
import type { LoginThrottle } from '../../platform/auth/throttle.ts';
import { findUserByEmail, recordLogin } from '../users/users.service.ts';

export type LoginResult = { ok: true; user: UserRow } | { ok: false; lockedUntil: Date | null };

/**
 * Checks a sign-in. A wrong e-mail, a wrong password and a disabled account all give the same answer
 * in the same time, so the form reveals nothing about which accounts exist.
 */
export async function attemptLogin(
  db: Db,
  throttle: LoginThrottle,
  input: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const account = input.email.trim().toLowerCase();
  const locked = throttle.lockedUntil(account, input.ip);
  if (locked) return { ok: false, lockedUntil: locked };
  const user = await findUserByEmail(db, account);
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !valid || user.disabledAt) {
    return { ok: false, lockedUntil: throttle.fail(account, input.ip) };
  }
  throttle.succeed(account);
  await recordLogin(db, user.id);
  return { ok: true, user };
}

export async function auditSession(db: Db, actor: Actor, action: 'session.login' | 'session.logout') {
  await writeAudit(db, actor, { action, objectType: 'user', objectId: actor.realUserId });
}
