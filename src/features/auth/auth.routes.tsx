import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { createSession, revokeSession, SESSION_COOKIE } from '../../platform/auth/session.ts';
import { actorOf, type AppEnv, clientIp, type Ctx } from '../../platform/context.ts';
import { formatDateTime } from '../../platform/format.ts';
import { handleForm } from '../../platform/forms.ts';
import { translator } from '../../platform/i18n.ts';
import { LangEnum } from '../../platform/domain.ts';
import {
  actorFromUser,
  isSecureRequest,
  LANG_COOKIE,
  redirectWithFlash,
  requireUser,
  rotateCsrf,
  safeNext,
  sessionPolicy,
} from '../../platform/http.ts';
import { ruleViolation } from '../../platform/errors.ts';
import { findRegion } from '../regions/regions.service.ts';
import { PasswordChange, TokenCreate } from '../users/users.forms.ts';
import {
  changeOwnPassword,
  createApiToken,
  getUser,
  listApiTokens,
  revokeApiToken,
  setOwnLocale,
  stopActingAs,
} from '../users/users.service.ts';
import { authRules, authText } from './auth.messages.ts';
import { attemptLogin, auditSession } from './auth.service.ts';
import { AccountPage, LoginPage } from './auth.views.tsx';

export const authRoutes = new Hono<AppEnv>();

const LoginForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

authRoutes.get('/login', (c) => {
  const next = safeNext(c.req.query('next'));
  if (c.get('actor')) return c.redirect(next, 302);
  const t = translator(authText, c.get('lang'));
  return c.render(<LoginPage next={next} expired={c.req.query('expired') === '1'} />, {
    title: t('loginTitle'),
  });
});

authRoutes.post('/login', async (c) => {
  const lang = c.get('lang');
  const t = translator(authText, lang);
  const next = safeNext(c.req.query('next'));
  const { deps } = c.var;
  return handleForm(c, LoginForm, {
    valid: async (data) => {
      const result = await attemptLogin(deps.db, deps.throttle, { ...data, ip: clientIp(c) });
      if (!result.ok) {
        throw result.lockedUntil
          ? ruleViolation('_form', authRules.locked, { until: formatDateTime(result.lockedUntil, lang) }, 422)
          : ruleViolation('email', authRules.badCredentials);
      }
      const cookie = await createSession(
        deps.db,
        result.user.id,
        { ip: clientIp(c), userAgent: c.req.header('user-agent') },
        sessionPolicy(c),
      );
      setCookie(c, SESSION_COOKIE, cookie, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: isSecureRequest(c),
        maxAge: deps.config.SESSION_MAX_DAYS * 86400,
      });
      rotateCsrf(c);
      await auditSession(deps.db, actorFromUser(result.user, result.user, c), 'session.login');
      setCookie(c, LANG_COOKIE, result.user.locale, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
      return redirectWithFlash(
        c,
        next,
        translator(authText, result.user.locale)('welcome', { name: result.user.name }),
      );
    },
    invalid: ({ values, errors }) =>
      c.render(<LoginPage next={next} email={String(values.email ?? '')} errors={errors} />, {
        title: t('loginTitle'),
      }),
  });
});

authRoutes.post('/logout', async (c) => {
  const { db } = c.var.deps;
  const hash = c.get('sessionHash');
  if (hash) {
    await revokeSession(db, hash);
    await auditSession(db, actorOf(c), 'session.logout');
  }
  setCookie(c, SESSION_COOKIE, '', { path: '/', maxAge: 0 });
  rotateCsrf(c);
  return redirectWithFlash(c, '/login', translator(authText, c.get('lang'))('signedOut'), 'info');
});

/** Switches the interface language (a preference cookie, and the saved locale when signed in). */
authRoutes.get('/lang/:code', async (c) => {
  const parsed = LangEnum.safeParse(c.req.param('code'));
  const next = safeNext(c.req.query('next'), '/');
  if (!parsed.success) return c.redirect(next, 302);
  setCookie(c, LANG_COOKIE, parsed.data, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
  const user = c.get('user');
  if (user && c.get('realUser')?.id === user.id) await setOwnLocale(c.var.deps.db, user.id, parsed.data);
  return c.redirect(next, 302);
});

// My account -------------------------------------------------------------------------------------

async function renderAccount(
  c: Ctx,
  extra: { passwordErrors?: Record<string, string>; tokenErrors?: Record<string, string> } = {},
) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const user = await getUser(db, actor.userId!);
  const region = user.regionCode ? await findRegion(db, user.regionCode) : undefined;
  const tokens = await listApiTokens(db, user.id);
  const t = translator(authText, c.get('lang'));
  return c.render(<AccountPage user={user} regionName={region?.name ?? null} tokens={tokens} {...extra} />, {
    title: t('accountTitle'),
  });
}

authRoutes.use('/account/*', requireUser);
authRoutes.use('/account', requireUser);
authRoutes.get('/account', (c) => renderAccount(c));

authRoutes.post('/account/locale', async (c) => {
  const body = await c.req.parseBody();
  const parsed = LangEnum.safeParse(body.locale);
  if (parsed.success) {
    await setOwnLocale(c.var.deps.db, actorOf(c).userId!, parsed.data);
    setCookie(c, LANG_COOKIE, parsed.data, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
  }
  const lang = parsed.success ? parsed.data : c.get('lang');
  return redirectWithFlash(c, '/account', translator(authText, lang)('languageSaved'));
});

authRoutes.post('/account/password', (c) =>
  handleForm(c, PasswordChange, {
    valid: async (data) => {
      await changeOwnPassword(c.var.deps.db, actorOf(c), data, c.get('sessionHash'));
      return redirectWithFlash(c, '/account', translator(authText, c.get('lang'))('passwordChanged'));
    },
    invalid: ({ errors }) => renderAccount(c, { passwordErrors: errors }),
  }),
);

authRoutes.post('/account/tokens', (c) =>
  handleForm(c, TokenCreate, {
    valid: async (data) => {
      const actor = actorOf(c);
      const token = await createApiToken(c.var.deps.db, actor, actor.userId!, data.name);
      return redirectWithFlash(
        c,
        '/account#tokens',
        translator(authText, c.get('lang'))('tokenCreated', { token }),
        'warning',
      );
    },
    invalid: ({ errors }) => renderAccount(c, { tokenErrors: errors }),
  }),
);

authRoutes.post('/account/tokens/:id/revoke', async (c) => {
  const actor = actorOf(c);
  const id = z.uuid().safeParse(c.req.param('id'));
  if (!id.success) return c.notFound();
  await revokeApiToken(c.var.deps.db, actor, actor.userId!, id.data);
  return redirectWithFlash(c, '/account#tokens', translator(authText, c.get('lang'))('tokenRevoked'));
});

/** Ends acting as another user; the admin is back in their own account. */
authRoutes.post('/act-as/stop', requireUser, async (c) => {
  const hash = c.get('sessionHash');
  if (hash) await stopActingAs(c.var.deps.db, actorOf(c), hash);
  return c.redirect('/admin/users', 303);
});
