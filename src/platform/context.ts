/** What every request carries: the app's dependencies, the language, and who is acting. */
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Db, DbKind } from '../db/client.ts';
import type { Actor } from './actor.ts';
import type { LoginThrottle } from './auth/throttle.ts';
import type { UserRow } from './auth/session.ts';
import type { Lang } from './domain.ts';
import type { FileStore } from './files.ts';

export interface Flash {
  kind: 'success' | 'info' | 'warning';
  text: string;
}

export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  config: Config;
  /** Signs CSRF tokens; generated once per installation and kept in app_settings. */
  secret: string;
  throttle: LoginThrottle;
  files: FileStore;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    lang: Lang;
    actor: Actor | null;
    /** The effective user (the acted-as user while an admin acts as another). */
    user: UserRow | null;
    /** The real signed-in user. */
    realUser: UserRow | null;
    sessionHash: string | null;
    authVia: 'session' | 'token' | null;
    /** A session cookie came but was expired, revoked or forged. */
    sessionInvalid: boolean;
    csrfToken: string;
    /** A one-time message from the previous request (after POST → redirect). */
    flash: Flash | null;
  };
};

export type Ctx = Context<AppEnv>;

/** The actor of a request that requires one (routes behind requireUser). */
export function actorOf(c: Ctx): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Error('route needs a signed-in user');
  return actor;
}

export function clientIp(c: Ctx): string {
  const forwarded = c.req.header('x-forwarded-for');
  if (forwarded && c.get('deps').config.TRUST_PROXY) return forwarded.split(',')[0]!.trim();
  // @hono/node-server exposes the socket through c.env.incoming.
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
