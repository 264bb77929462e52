/**
 * The awards in the catalog's read-only JSON API (no sign-in): verification of a certificate code and
 * the published results of a cycle, with caching headers. A verification must reflect a revocation at
 * once, so clients revalidate (ETag → 304); published results change rarely and may be cached briefly.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiRouter, apiError, jsonResponse } from '../../platform/api.ts';
import type { Ctx } from '../../platform/context.ts';
import { render } from '../../platform/i18n.ts';
import { COMMODITIES } from '../../platform/registry-domain.ts';
import { siteOrigin } from '../catalog/catalog.layout.tsx';
import { catalogPaths } from '../catalog/catalog.paths.ts';
import { awardsText } from './awards.messages.ts';
import { awardPaths } from './awards.public.tsx';
import {
  type PublicResult,
  publishedCycleBySlug,
  publishedCycles,
  publishedResults,
  verifyCode,
} from './awards.service.ts';

export const VERIFY_CACHE = 'public, no-cache';
export const RESULTS_CACHE = 'public, max-age=300';

function cachedJson(c: Ctx, data: unknown, cacheControl: string, status = 200): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  const match = c.req.header('if-none-match');
  if (status === 200 && match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers });
  return jsonResponse(data, status, headers);
}

const Verification = z.object({
  state: z.enum(['valid', 'revoked', 'expired']),
  certificate: z.object({
    number: z.string(),
    ikm: z.string(),
    product: z.string(),
    productUrl: z.string().nullable(),
    regency: z.string(),
    commodity: z.enum(COMMODITIES),
    stars: z.number(),
    starMax: z.number(),
    cycle: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    revokedAt: z.string().nullable(),
  }),
  verificationUrl: z.string(),
});

const CycleOut = z.object({
  slug: z.string(),
  name: z.string(),
  year: z.number(),
  starScale: z.number(),
  publishedAt: z.string(),
  url: z.object({ id: z.string(), en: z.string() }),
});

const ResultOut = z.object({
  ikm: z.string(),
  product: z.string(),
  productUrl: z.string().nullable(),
  regency: z.object({ code: z.string(), name: z.string() }),
  commodity: z.enum(COMMODITIES),
  stars: z.number(),
});

const resultOut = (origin: string, r: PublicResult) => ({
  ikm: r.ikmName,
  product: r.productName,
  productUrl: r.productSlug ? `${origin}${catalogPaths.product('id', r.productSlug)}` : null,
  regency: { code: r.kabkotaCode, name: r.kabkotaName },
  commodity: r.commodity,
  stars: r.stars,
});

export const awardsApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/catalog/verify/:code',
      summary:
        'Verifies a certificate code (from a QR code or a star label): valid, revoked or expired; 404 unknown, 400 malformed',
      tag: 'catalog',
      permission: 'public',
      params: z.object({ code: z.string().max(200) }),
      response: Verification,
      errors: [400, 404],
      cache: VERIFY_CACHE,
    },
    async ({ params, c }) => {
      const result = await verifyCode(c.var.deps.db, params.code);
      const lang = c.get('lang');
      if (result.state === 'malformed')
        return apiError(400, 'malformed', render(awardsText.apiMalformed, lang));
      if (result.state === 'not_found')
        return apiError(404, 'not_found', render(awardsText.apiNotFound, lang));
      const origin = siteOrigin(c);
      const x = result.certificate;
      return cachedJson(
        c,
        {
          state: result.state,
          certificate: {
            number: x.number,
            ikm: x.ikmName,
            product: x.productName,
            productUrl: x.productSlug ? `${origin}${catalogPaths.product('id', x.productSlug)}` : null,
            regency: x.kabkotaName,
            commodity: x.commodity,
            stars: x.stars,
            starMax: x.starMax,
            cycle: x.cycleName,
            validFrom: x.validFrom,
            validUntil: x.validUntil,
            revokedAt: x.revokedAt ? x.revokedAt.toISOString() : null,
          },
          verificationUrl: `${origin}${awardPaths.verify('id', x.code)}`,
        },
        VERIFY_CACHE,
      );
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/catalog/results',
      summary: 'The cycles whose results are published',
      tag: 'catalog',
      permission: 'public',
      response: z.object({ items: z.array(CycleOut) }),
      cache: RESULTS_CACHE,
    },
    async ({ c }) => {
      const origin = siteOrigin(c);
      const cycles = await publishedCycles(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
      return cachedJson(
        c,
        {
          items: cycles.map((y) => ({
            slug: y.slug,
            name: y.name,
            year: y.year,
            starScale: y.starScale,
            publishedAt: y.publishedAt.toISOString(),
            url: {
              id: `${origin}${awardPaths.cycleResults('id', y.slug)}`,
              en: `${origin}${awardPaths.cycleResults('en', y.slug)}`,
            },
          })),
        },
        RESULTS_CACHE,
      );
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/catalog/results/:slug',
      summary:
        'A published cycle’s awarded products (IKM, product, regency, commodity, star); 404 unless published',
      tag: 'catalog',
      permission: 'public',
      params: z.object({ slug: z.string().min(1).max(200) }),
      response: CycleOut.extend({ results: z.array(ResultOut) }),
      errors: [404],
      cache: RESULTS_CACHE,
    },
    async ({ params, c }) => {
      const origin = siteOrigin(c);
      const db = c.var.deps.db;
      const y = await publishedCycleBySlug(db, c.var.deps.config.PROVINCE_CODE, params.slug);
      const rows = await publishedResults(db, y.id);
      return cachedJson(
        c,
        {
          slug: y.slug,
          name: y.name,
          year: y.year,
          starScale: y.starScale,
          publishedAt: y.publishedAt.toISOString(),
          url: {
            id: `${origin}${awardPaths.cycleResults('id', y.slug)}`,
            en: `${origin}${awardPaths.cycleResults('en', y.slug)}`,
          },
          results: rows.map((r) => resultOut(origin, r)),
        },
        RESULTS_CACHE,
      );
    },
  );
