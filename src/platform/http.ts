/**
 * The web layer's shared machinery: who is asking (session cookie or bearer token), in which
 * language, CSRF, flash messages, permission guards, and turning errors into answers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Actor } from './actor.ts';
import { loadSession, SESSION_COOKIE, type SessionPolicy } from './auth/session.ts';
import { userForToken } from './auth/tokens.ts';
import type { UserRow } from './auth/session.ts';
import { can, type Permission } from './authz.ts';
import type { AppEnv, Ctx, Flash } from './context.ts';
import { clientIp } from './context.ts';
import { ForbiddenError } from './errors.ts';
import { randomToken } from './ids.ts';
import { negotiateLang } from './i18n.ts';

export const LANG_COOKIE = 'ovop_lang';
const CSRF_COOKIE = 'ovop_csrf';
const FLASH_COOKIE = 'ovop_flash';

export function isSecureRequest(c: Ctx): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function sessionPolicy(c: Ctx): SessionPolicy {
  const { config } = c.get('deps');
  return { idleMinutes: config.SESSION_IDLE_MINUTES, maxDays: config.SESSION_MAX_DAYS };
}

export function actorFromUser(user: UserRow, realUser: UserRow, c: Ctx): Actor {
  return {
    userId: user.id,
    realUserId: realUser.id,
    role: user.role,
    regionCode: user.regionCode,
    label: realUser.id === user.id ? user.email : `${realUser.email} (as ${user.email})`,
    lang: c.get('lang'),
    ip: clientIp(c),
    requestId: c.get('requestId'),
  };
}

/** Request id, language, and the signed-in user (cookie) or API client (bearer token). */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('requestId', c.req.header('x-request-id')?.slice(0, 64) || randomToken(9));
  const queryLang = c.req.query('lang');
  c.set('lang', negotiateLang(queryLang ?? getCookie(c, LANG_COOKIE), c.req.header('accept-language')));
  c.set('actor', null);
  c.set('user', null);
  c.set('realUser', null);
  c.set('sessionHash', null);
  c.set('authVia', null);
  c.set('flash', null);
  c.set('sessionInvalid', false);

  const { db } = c.get('deps');
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer && c.req.path.startsWith('/api/')) {
    const user = await userForToken(db, bearer);
    if (user) {
      c.set('user', user);
      c.set('realUser', user);
      c.set('authVia', 'token');
    }
  } else {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const session = await loadSession(db, cookie, sessionPolicy(c));
      if (session) {
        c.set('user', session.user);
        c.set('realUser', session.realUser);
        c.set('sessionHash', session.idHash);
        c.set('authVia', 'session');
      } else {
        c.set('sessionInvalid', true);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }
  }
  const user = c.get('user');
  const realUser = c.get('realUser');
  if (user && realUser) {
    // A signed-in user's saved language applies unless they just chose another one.
    if (!queryLang && !getCookie(c, LANG_COOKIE)) c.set('lang', user.locale);
    c.set('actor', actorFromUser(user, realUser, c));
  }
  await next();
};

// CSRF: a random cookie per browser, and in each form an HMAC of it under the installation secret
// (signed double submit). A page on another site can neither read the cookie nor forge the HMAC.
function csrfFor(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Rotates the CSRF cookie (on sign-in and sign-out) so an old form cannot be replayed. */
export function rotateCsrf(c: Ctx): void {
  const value = randomToken(24);
  setCookie(c, CSRF_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
  });
  c.set('csrfToken', csrfFor(c.get('deps').secret, value));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request carries the token: `_csrf` in a form, or `X-CSRF-Token` for scripts
 * using the session cookie. API calls with a bearer token carry no cookie, so they need none.
 */
export const csrf =
  (onFail: (c: Ctx) => Response | Promise<Response>): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { secret } = c.get('deps');
    let cookieValue = getCookie(c, CSRF_COOKIE);
    if (!cookieValue || !/^[A-Za-z0-9_-]{32}$/.test(cookieValue)) {
      if (SAFE_METHODS.has(c.req.method)) rotateCsrf(c);
      else c.set('csrfToken', '');
    } else {
      c.set('csrfToken', csrfFor(secret, cookieValue));
    }
    if (SAFE_METHODS.has(c.req.method) || c.get('authVia') === 'token') return next();
    cookieValue = getCookie(c, CSRF_COOKIE);
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody({ all: true });
        const field = body._csrf;
        sent = typeof field === 'string' ? field : undefined;
      }
    }
    if (!cookieValue || !sent || !sameToken(sent, csrfFor(secret, cookieValue))) return onFail(c);
    return next();
  };

/** Reads and clears the one-time message set by the previous request. */
export const readFlash: MiddlewareHandler<AppEnv> = async (c, next) => {
  const raw = getCookie(c, FLASH_COOKIE);
  if (raw) {
    try {
      const flash = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flash;
      if (typeof flash.text === 'string' && ['success', 'info', 'warning'].includes(flash.kind)) {
        c.set('flash', { kind: flash.kind, text: flash.text.slice(0, 500) });
      }
    } catch {
      /* ignore a mangled cookie */
    }
    deleteCookie(c, FLASH_COOKIE, { path: '/' });
  }
  await next();
};

/** Redirects (303, after a POST) with a message to show on the next page. */
export function redirectWithFlash(c: Ctx, location: string, text: string, kind: Flash['kind'] = 'success') {
  setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify({ kind, text })).toString('base64url'), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
    maxAge: 60,
  });
  return c.redirect(location, 303);
}

/** A local path to return to after sign-in; anything else (another host, `//evil`) becomes `fallback`. */
export function safeNext(next: string | undefined | null, fallback = '/dashboard'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** Pages: a signed-in user is needed; otherwise to the sign-in page, then back here. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('actor')) {
    const url = new URL(c.req.url);
    const here = c.req.method === 'GET' ? url.pathname + url.search : '/dashboard';
    const expired = c.get('sessionInvalid') ? '&expired=1' : '';
    return c.redirect(`/login?next=${encodeURIComponent(here)}${expired}`, 302);
  }
  await next();
};

/** Route permission by role (the first of the two checks; the service checks the object's scope). */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('actor')) return requireUser(c, next);
    if (!can(c.get('actor'), permission)) throw new ForbiddenError();
    await next();
  };
}

/** The form body as a plain object: repeated fields become arrays, files stay File objects. */
export async function formBody(c: Ctx): Promise<Record<string, unknown>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf') out[k] = v;
  return out;
}
