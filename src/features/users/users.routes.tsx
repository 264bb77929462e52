import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { handleForm } from '../../platform/forms.ts';
import { translator } from '../../platform/i18n.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { validate } from '../../platform/validation.ts';
import { ApiRouter } from '../../platform/api.ts';
import { LANGS, RoleEnum } from '../../platform/domain.ts';
import { findRegion, listKabkota } from '../regions/regions.service.ts';
import { UserCreate, UserFilter, UserUpdate } from './users.forms.ts';
import { usersText } from './users.messages.ts';
import {
  createUser,
  getUser,
  getUserInScope,
  listApiTokens,
  listUsers,
  revokeApiToken,
  type PublicUser,
  setPassword,
  setUserDisabled,
  startActingAs,
  updateUser,
} from './users.service.ts';
import { UserEditPage, UserList, UserNewPage, UserProfilePage } from './users.views.tsx';

export const usersRoutes = new Hono<AppEnv>();
usersRoutes.use('/admin/users', requirePermission('users.manage'));
usersRoutes.use('/admin/users/*', requirePermission('users.manage'));

const text = (c: Ctx) => translator(usersText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);

/** The :id parameter as a UUID, or 404. */
function userId(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('user');
  return parsed.data;
}

usersRoutes.get('/admin/users', async (c) => {
  const parsed = await validate(UserFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : UserFilter.parse({});
  const page = await listUsers(c.var.deps.db, filter);
  return c.render(<UserList page={page} filter={filter} kabkota={await kabkota(c)} />, {
    title: text(c)('title'),
  });
});

usersRoutes.get('/admin/users/new', async (c) =>
  c.render(<UserNewPage values={{ locale: 'id' }} kabkota={await kabkota(c)} />, {
    title: text(c)('newUser'),
  }),
);

usersRoutes.post('/admin/users', (c) =>
  handleForm(c, UserCreate, {
    valid: async (data) => {
      const { deps } = c.var;
      const { user, generatedPassword } = await createUser(
        deps.db,
        actorOf(c),
        data,
        deps.config.PROVINCE_CODE,
      );
      const message = generatedPassword
        ? text(c)('createdWithPassword', { email: user.email, password: generatedPassword })
        : text(c)('created', { email: user.email });
      return redirectWithFlash(
        c,
        `/admin/users/${user.id}`,
        message,
        generatedPassword ? 'warning' : 'success',
      );
    },
    invalid: async ({ values, errors }) =>
      c.render(<UserNewPage values={values} errors={errors} kabkota={await kabkota(c)} />, {
        title: text(c)('newUser'),
      }),
  }),
);

usersRoutes.get('/admin/users/:id', async (c) => {
  const user = await getUser(c.var.deps.db, userId(c));
  const tokens = await listApiTokens(c.var.deps.db, user.id);
  return c.render(<UserEditPage user={user} values={user} kabkota={await kabkota(c)} tokens={tokens} />, {
    title: user.name,
  });
});

/** An admin revokes one of a user's API tokens (a lost laptop, a departed officer). */
usersRoutes.post('/admin/users/:id/tokens/:tokenId/revoke', async (c) => {
  const id = userId(c);
  const tokenId = z.uuid().safeParse(c.req.param('tokenId'));
  if (!tokenId.success) throw new NotFoundError('api_token');
  await revokeApiToken(c.var.deps.db, actorOf(c), id, tokenId.data);
  return redirectWithFlash(c, `/admin/users/${id}#tokens`, text(c)('tokenRevoked'));
});

usersRoutes.post('/admin/users/:id', async (c) => {
  const id = userId(c);
  const user = await getUser(c.var.deps.db, id);
  return handleForm<typeof UserUpdate, PublicUser>(c, UserUpdate, {
    valid: async (data) => {
      const { deps } = c.var;
      const saved = await updateUser(deps.db, actorOf(c), id, data, deps.config.PROVINCE_CODE);
      return redirectWithFlash(c, `/admin/users/${id}`, text(c)('updated', { email: saved.email }));
    },
    invalid: async ({ values, errors, current }) =>
      c.render(
        <UserEditPage
          user={current ?? user}
          values={values}
          errors={errors}
          current={current}
          kabkota={await kabkota(c)}
        />,
        {
          title: user.name,
        },
      ),
  });
});

usersRoutes.post('/admin/users/:id/disable', async (c) => {
  const id = userId(c);
  return handleForm(c, z.object({}), {
    valid: async () => {
      const user = await setUserDisabled(c.var.deps.db, actorOf(c), id, true);
      return redirectWithFlash(c, `/admin/users/${id}`, text(c)('disabledDone', { email: user.email }));
    },
    invalid: async ({ errors }) => {
      const user = await getUser(c.var.deps.db, id);
      return c.render(<UserEditPage user={user} values={user} errors={errors} kabkota={await kabkota(c)} />, {
        title: user.name,
      });
    },
  });
});

usersRoutes.post('/admin/users/:id/enable', async (c) => {
  const id = userId(c);
  const user = await setUserDisabled(c.var.deps.db, actorOf(c), id, false);
  return redirectWithFlash(c, `/admin/users/${id}`, text(c)('enabledDone', { email: user.email }));
});

usersRoutes.post('/admin/users/:id/reset-password', async (c) => {
  const id = userId(c);
  const user = await getUser(c.var.deps.db, id);
  const password = await setPassword(c.var.deps.db, actorOf(c), id);
  return redirectWithFlash(
    c,
    `/admin/users/${id}`,
    text(c)('resetDone', { email: user.email, password }),
    'warning',
  );
});

usersRoutes.post('/admin/users/:id/act-as', requirePermission('users.actAs'), async (c) => {
  const hash = c.get('sessionHash');
  if (!hash) throw new NotFoundError('session');
  await startActingAs(c.var.deps.db, actorOf(c), hash, userId(c));
  return c.redirect('/dashboard', 303);
});

// A colleague's profile (contact details), within the reader's scope --------------------------------

usersRoutes.get('/users/:id', requirePermission('users.read'), async (c) => {
  const user = await getUserInScope(c.var.deps.db, actorOf(c), userId(c));
  const region = user.regionCode ? await findRegion(c.var.deps.db, user.regionCode) : undefined;
  return c.render(<UserProfilePage user={user} regionName={region?.name ?? null} />, { title: user.name });
});

// JSON API -----------------------------------------------------------------------------------

const UserOut = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleEnum,
  regionCode: z.string().nullable(),
  institution: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(LANGS),
  disabled: z.boolean(),
  version: z.number().int(),
});

const userOut = (u: PublicUser): z.infer<typeof UserOut> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  regionCode: u.regionCode,
  institution: u.institution,
  phone: u.phone,
  locale: u.locale,
  disabled: u.disabledAt !== null,
  version: u.version,
});

export const usersApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/users/:id',
      tag: 'accounts',
      summary: "A user's profile, within the caller's scope (404 outside it)",
      permission: 'users.read',
      params: z.object({ id: z.uuid() }),
      response: UserOut,
      errors: [404],
    },
    async ({ params, actor, c }) => userOut(await getUserInScope(c.var.deps.db, actor!, params.id)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/users',
      tag: 'accounts',
      summary: 'Create a user (province admin); the password is generated when omitted and returned once',
      permission: 'users.manage',
      body: UserCreate,
      response: z.object({ user: UserOut, generatedPassword: z.string().nullable() }),
      errors: [422],
    },
    async ({ body, actor, c }) => {
      const { user, generatedPassword } = await createUser(
        c.var.deps.db,
        actor!,
        body,
        c.var.deps.config.PROVINCE_CODE,
      );
      return { user: userOut(user), generatedPassword };
    },
  );
