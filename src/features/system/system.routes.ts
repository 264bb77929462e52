import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ApiRouter, jsonResponse } from '../../platform/api.ts';
import { actorOf, type AppEnv } from '../../platform/context.ts';
import { LANGS, RoleEnum } from '../../platform/domain.ts';

export const systemRoutes = new Hono<AppEnv>();

/** Liveness and database reachability, for monitors and the load balancer. */
systemRoutes.get('/healthz', async (c) => {
  const { db, dbKind } = c.var.deps;
  try {
    await db.execute(sql`select 1`);
    return jsonResponse({ status: 'ok', db: dbKind }, 200, { 'cache-control': 'no-store' });
  } catch {
    return jsonResponse({ status: 'error', db: dbKind }, 503, { 'cache-control': 'no-store' });
  }
});

export const meApi = new ApiRouter().endpoint(
  {
    method: 'get',
    path: '/me',
    tag: 'accounts',
    summary: 'The signed-in user (or the owner of the bearer token)',
    permission: 'account.self',
    response: z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      role: RoleEnum,
      regionCode: z.string().nullable(),
      locale: z.enum(LANGS),
      actingAs: z.boolean(),
    }),
  },
  async ({ c }) => {
    const user = c.get('user')!;
    const actor = actorOf(c);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      regionCode: user.regionCode,
      locale: user.locale,
      actingAs: actor.realUserId !== actor.userId,
    };
  },
);
