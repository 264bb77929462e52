/** Pages of follow-up actions: the list in one's scope, and one action with its update form. */
import { Hono } from 'hono';
import { z } from 'zod';
import { can } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { FollowUpAdminUpdate, FollowUpFilter, FollowUpOfficerUpdate } from './events.forms.ts';
import { followUpText } from './events.messages.ts';
import {
  type FollowUpRow,
  type FollowUpView,
  getFollowUp,
  listFollowUps,
  officersOf,
  overdueFollowUps,
  updateFollowUpAsAdmin,
  updateFollowUpAsOfficer,
} from './followups.service.ts';
import { FollowUpListPage, FollowUpPage } from './followups.views.tsx';

export const followUpRoutes = new Hono<AppEnv>();
followUpRoutes.use('/follow-ups', requirePermission('followups.read'));
followUpRoutes.use('/follow-ups/*', requirePermission('followups.read'));

const text = (c: Ctx) => translator(followUpText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);

function idParam(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('follow_up_action');
  return parsed.data;
}

followUpRoutes.get('/follow-ups', async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const parsed = await validate(FollowUpFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : FollowUpFilter.parse({});
  const [page, overdue, kab] = await Promise.all([
    listFollowUps(db, actor, filter),
    overdueFollowUps(db, actor, 5),
    kabkota(c),
  ]);
  return c.render(<FollowUpListPage page={page} filter={filter} kabkota={kab} overdue={overdue} />, {
    title: text(c)('title'),
    wide: true,
  });
});

async function actionPage(
  c: Ctx,
  action: FollowUpView,
  values: Record<string, unknown>,
  extra: { errors?: Record<string, string>; current?: FollowUpRow | undefined } = {},
) {
  const { db } = c.var.deps;
  const [kab, officers] = await Promise.all([
    kabkota(c),
    can(actorOf(c), 'followups.manage') ? officersOf(db, action.kabkotaCode) : Promise.resolve([]),
  ]);
  return c.render(
    <FollowUpPage
      action={action}
      kabkotaName={kab.find((k) => k.code === action.kabkotaCode)?.name ?? action.kabkotaCode}
      officers={officers}
      values={values}
      errors={extra.errors}
      current={extra.current}
    />,
    { title: action.title },
  );
}

followUpRoutes.get('/follow-ups/:id', async (c) => {
  const action = await getFollowUp(c.var.deps.db, actorOf(c), idParam(c));
  return actionPage(c, action, { ...action });
});

followUpRoutes.post('/follow-ups/:id', requirePermission('followups.update'), async (c) => {
  const actor = actorOf(c);
  // Scope first: another kab/kota's action answers 404 before any input is read.
  const action = await getFollowUp(c.var.deps.db, actor, idParam(c));
  const admin = can(actor, 'followups.manage');
  const done = () => redirectWithFlash(c, `/follow-ups/${action.id}`, text(c)('updated'));
  const invalid = ({
    values,
    errors,
    current,
  }: {
    values: Record<string, unknown>;
    errors: Record<string, string>;
    current?: FollowUpRow | undefined;
  }) => actionPage(c, action, values, { errors, current });
  if (admin) {
    return handleForm<typeof FollowUpAdminUpdate, FollowUpRow>(c, FollowUpAdminUpdate, {
      valid: async (data) => {
        await updateFollowUpAsAdmin(c.var.deps.db, actor, action.id, data);
        return done();
      },
      invalid,
    });
  }
  return handleForm<typeof FollowUpOfficerUpdate, FollowUpRow>(c, FollowUpOfficerUpdate, {
    valid: async (data) => {
      await updateFollowUpAsOfficer(c.var.deps.db, actor, action.id, data);
      return done();
    },
    invalid,
  });
});
