import { Hono } from 'hono';
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { handleForm } from '../../platform/forms.ts';
import { formBody, redirectWithFlash, requirePermission, safeNext } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import {
  deliverAfterCommit,
  getOutboxEmail,
  listNotifications,
  listOutbox,
  markAllRead,
  markRead,
  unreadCount,
} from '../../platform/notify.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { BulkMessage, NotificationFilter } from './notifications.forms.ts';
import { notificationsText } from './notifications.messages.ts';
import { previewBulk, sendBulk } from './notifications.service.ts';
import {
  BulkFormPage,
  BulkPreviewPage,
  BulkSentPage,
  NotificationList,
  OutboxEmailPage,
  OutboxList,
} from './notifications.views.tsx';

export const notificationsRoutes = new Hono<AppEnv>();
const text = (c: Ctx) => translator(notificationsText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
const userIdOf = (c: Ctx) => actorOf(c).userId!;

function idParam(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('notification');
  return parsed.data;
}

notificationsRoutes.get('/notifications', requirePermission('notifications.self'), async (c) => {
  const parsed = NotificationFilter.safeParse(c.req.query());
  const filter = parsed.success ? parsed.data : NotificationFilter.parse({});
  const page = await listNotifications(c.var.deps.db, userIdOf(c), filter);
  return c.render(<NotificationList page={page} unreadOnly={filter.unread} />, { title: text(c)('title') });
});

notificationsRoutes.get('/notifications/:id/open', requirePermission('notifications.self'), async (c) => {
  const row = await markRead(c.var.deps.db, userIdOf(c), idParam(c));
  return c.redirect(safeNext(row.link, '/notifications'), 303);
});

notificationsRoutes.post('/notifications/:id/read', requirePermission('notifications.self'), async (c) => {
  await markRead(c.var.deps.db, userIdOf(c), idParam(c));
  return c.redirect('/notifications', 303);
});

notificationsRoutes.post('/notifications/read-all', requirePermission('notifications.self'), async (c) => {
  const n = await markAllRead(c.var.deps.db, userIdOf(c));
  return redirectWithFlash(c, '/notifications', text(c)('markedAll', { n }));
});

notificationsRoutes.get('/admin/outbox', requirePermission('notifications.outbox'), async (c) => {
  const parsed = NotificationFilter.safeParse(c.req.query());
  const page = await listOutbox(c.var.deps.db, parsed.success ? parsed.data : {});
  return c.render(<OutboxList page={page} smtp={!!c.var.deps.config.SMTP_URL} />, {
    title: text(c)('outboxTitle'),
  });
});

notificationsRoutes.get('/admin/outbox/:id', requirePermission('notifications.outbox'), async (c) => {
  const mail = await getOutboxEmail(c.var.deps.db, idParam(c));
  return c.render(<OutboxEmailPage mail={mail} />, { title: mail.subject });
});

const bulkForm = async (c: Ctx, values: Record<string, unknown>, errors?: Record<string, string>) =>
  c.render(<BulkFormPage values={values} errors={errors} kabkota={await kabkota(c)} />, {
    title: text(c)('bulkTitle'),
  });

notificationsRoutes.get('/admin/notifications/bulk', requirePermission('notifications.bulk'), (c) =>
  bulkForm(c, { audience: 'officers' }),
);

/** "Change" from the check page: the form again with what was entered. */
notificationsRoutes.post('/admin/notifications/bulk', requirePermission('notifications.bulk'), async (c) =>
  bulkForm(c, await formBody(c)),
);

notificationsRoutes.post('/admin/notifications/bulk/preview', requirePermission('notifications.bulk'), (c) =>
  handleForm(c, BulkMessage, {
    valid: async (data, values) => {
      const preview = await previewBulk(c.var.deps.db, data);
      return c.render(<BulkPreviewPage values={values} preview={preview} kabkota={await kabkota(c)} />, {
        title: text(c)('checkTitle'),
      });
    },
    invalid: ({ values, errors }) => bulkForm(c, values, errors),
  }),
);

notificationsRoutes.post('/admin/notifications/bulk/send', requirePermission('notifications.bulk'), (c) =>
  handleForm(c, BulkMessage, {
    valid: async (data) => {
      const { db, config } = c.var.deps;
      const count = await sendBulk(db, actorOf(c), config, data);
      void deliverAfterCommit(db, config);
      // Post → redirect → get, so a reload does not send the message twice.
      return c.redirect(`/admin/notifications/bulk/sent?n=${count}`, 303);
    },
    invalid: ({ values, errors }) => bulkForm(c, values, errors),
  }),
);

notificationsRoutes.get('/admin/notifications/bulk/sent', requirePermission('notifications.bulk'), (c) => {
  const n = Number.parseInt(c.req.query('n') ?? '0', 10);
  return c.render(<BulkSentPage count={Number.isFinite(n) && n >= 0 ? n : 0} />, {
    title: text(c)('sentTitle'),
  });
});

// JSON API -----------------------------------------------------------------------------------

const NotificationOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

type Row = Awaited<ReturnType<typeof markRead>>;
const notificationOut = (n: Row): z.infer<typeof NotificationOut> => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  read: n.readAt !== null,
});

export const notificationsApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/notifications',
      tag: 'notifications',
      summary: 'My notifications, newest first (?unread=1 for unread only; keyset: ?after=)',
      permission: 'notifications.self',
      query: NotificationFilter,
      response: z.object({
        rows: z.array(NotificationOut),
        next: z.string().nullable(),
        unread: z.number().int(),
      }),
    },
    async ({ query, actor, c }) => {
      const { db } = c.var.deps;
      const page = await listNotifications(db, actor!.userId!, query);
      return {
        rows: page.rows.map(notificationOut),
        next: page.next,
        unread: await unreadCount(db, actor!.userId!),
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/notifications/:id/read',
      tag: 'notifications',
      summary: 'Mark one of my notifications read (404 for anyone else’s)',
      permission: 'notifications.self',
      params: z.object({ id: z.uuid() }),
      response: NotificationOut,
      errors: [404],
    },
    async ({ params, actor, c }) => notificationOut(await markRead(c.var.deps.db, actor!.userId!, params.id)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark all my notifications read',
      permission: 'notifications.self',
      response: z.object({ marked: z.number().int() }),
    },
    async ({ actor, c }) => ({ marked: await markAllRead(c.var.deps.db, actor!.userId!) }),
  );
