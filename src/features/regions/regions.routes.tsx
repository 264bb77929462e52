import { Hono } from 'hono';
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import type { AppEnv } from '../../platform/context.ts';
import { REGION_LEVELS } from '../../platform/domain.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http.ts';
import { regionPanels } from '../../platform/region-panels.ts';
import { translator } from '../../platform/i18n.ts';
import { regionsText } from './regions.messages.ts';
import { getRegion, listRegions, regionPath } from './regions.service.ts';
import { RegionIndexPage, RegionPage } from './regions.views.tsx';

const CODE_RE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export const regionsRoutes = new Hono<AppEnv>();
regionsRoutes.use('/regions', requirePermission('regions.read'));
regionsRoutes.use('/regions/*', requirePermission('regions.read'));

regionsRoutes.get('/regions', async (c) => {
  const provinces = await listRegions(c.var.deps.db, null);
  return c.render(<RegionIndexPage provinces={provinces} />, {
    title: translator(regionsText, c.get('lang'))('title'),
  });
});

regionsRoutes.get('/regions/:code', async (c) => {
  const code = c.req.param('code');
  if (!CODE_RE.test(code)) throw new NotFoundError('region');
  const { db } = c.var.deps;
  const region = await getRegion(db, code);
  const [path, children] = await Promise.all([regionPath(db, region), listRegions(db, region.code)]);
  const panels = await regionPanels(c, region);
  return c.render(<RegionPage region={region} path={path} children={children} panels={panels} />, {
    title: region.name,
  });
});

const RegionOut = z.object({
  code: z.string(),
  bpsCode: z.string().nullable(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
});

export const regionsApi = new ApiRouter().endpoint(
  {
    method: 'get',
    path: '/regions',
    tag: 'regions',
    summary: 'Regions below a parent (the provinces when no parent is given), by Kemendagri code',
    permission: 'regions.read',
    query: z.object({
      parent: z
        .string()
        .regex(CODE_RE)
        .optional()
        .describe('Kemendagri code of the parent, e.g. 81 or 81.01'),
    }),
    response: z.object({ items: z.array(RegionOut) }),
    errors: [404],
  },
  async ({ query, c }) => {
    const { db } = c.var.deps;
    if (query.parent) await getRegion(db, query.parent);
    const rows = await listRegions(db, query.parent ?? null);
    return {
      items: rows.map((r) => ({
        code: r.code,
        bpsCode: r.bpsCode,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        childCount: r.childCount,
      })),
    };
  },
);
