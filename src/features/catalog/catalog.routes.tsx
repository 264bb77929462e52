/**
 * The public catalog's pages (no sign-in, no script): home, browse and search, product (with the
 * inquiry form), IKM, regions, photos, and what search engines read (robots.txt, sitemaps). Each page
 * exists in Indonesian at the root and in English under /en (catalog.paths.ts).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { type AppDeps, type AppEnv, clientIp, type Ctx } from '../../platform/context.ts';
import { LANGS, type Lang } from '../../platform/domain.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files.ts';
import { handleForm } from '../../platform/forms.ts';
import { render, translator } from '../../platform/i18n.ts';
import { RateLimiter } from '../../platform/rate-limit.ts';
import { awardStarChoices } from './awards-hook.ts';
import { CatalogFilter, InquiryFields } from './catalog.forms.ts';
import { type PublicMeta, renderPublic, siteOrigin } from './catalog.layout.tsx';
import { mapShapes } from './catalog.map.tsx';
import { catalogText, inquiryRules } from './catalog.messages.ts';
import { alternatesOf, catalogPaths, routePatterns } from './catalog.paths.ts';
import { ikmJsonLd, officeJsonLd, productJsonLd, sitemapIndexXml, sitemapXml } from './catalog.seo.ts';
import {
  commodityCounts,
  featuredProducts,
  otherProducts,
  publicIkmBySlug,
  publicPhoto,
  provinceRegions,
  publicProductBySlug,
  regionDetail,
  regionsWithCounts,
  searchCatalog,
  sitemapIkm,
  sitemapIkmStarts,
  sitemapProducts,
  sitemapProductStarts,
} from './catalog.service.ts';
import {
  BrowsePage,
  HomePage,
  IkmPage,
  InquirySentPage,
  NotFoundPage,
  ProductPage,
  RegionPage,
  RegionsPage,
} from './catalog.views.tsx';
import { inquiryConfirmation, maskEmail, submitInquiry } from './inquiries.service.ts';

export const catalogRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(catalogText, c.get('lang'));
const province = (c: Ctx) => c.get('deps').config.PROVINCE_CODE;
const param = (c: Ctx, name: string) => c.req.param(name) ?? '';

/** The page's language comes from its address, whatever the cookie or the browser prefer. */
const inLang =
  (lang: Lang): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('lang', lang);
    await next();
  };

async function notFoundPage(c: Ctx): Promise<Response> {
  const t = text(c);
  return renderPublic(
    c,
    {
      title: t('notFoundTitle'),
      description: t('notFoundBody'),
      alternates: alternatesOf((l) => catalogPaths.home(l)),
      noindex: true,
    },
    <NotFoundPage />,
    404,
  );
}

/** A missing or unpublished product, IKM or region answers the catalog's own 404 page. */
async function orNotFound(c: Ctx, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof NotFoundError) return notFoundPage(c);
    throw err;
  }
}

// Inquiry flood control: per client address and per e-mail address, in memory (one process).
export const INQUIRY_RATE = { limit: 5, windowMs: 15 * 60 * 1000 };
const limiters = new WeakMap<AppDeps, RateLimiter>();
function inquiryLimiter(c: Ctx): RateLimiter {
  const deps = c.get('deps');
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new RateLimiter(INQUIRY_RATE);
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** The whole inquiry, fields and form overhead, may not exceed this. */
const INQUIRY_MAX_BODY = 24 * 1024;

/** A product's page, with the inquiry form (empty, or as the buyer filled it with its messages). */
async function productPage(
  c: Ctx,
  slug: string,
  form?: { values: Record<string, unknown>; errors: Record<string, string> },
) {
  const lang = c.get('lang');
  const db = c.var.deps.db;
  const t = text(c);
  const product = await publicProductBySlug(db, slug);
  const others = await otherProducts(db, product);
  const description =
    (lang === 'en' ? (product.descriptionEn ?? product.descriptionId) : product.descriptionId) ??
    t('ogDescriptionProduct', {
      name: product.name,
      ikm: product.ikm.name,
      region: product.ikm.kabkotaName,
    });
  const photo = product.photos[0];
  const meta: PublicMeta = {
    title: product.name,
    description: description.slice(0, 300),
    alternates: alternatesOf((l) => catalogPaths.product(l, product.slug)),
    ogType: 'product',
    section: 'products',
    image: photo
      ? {
          url: catalogPaths.photo(photo.id, 'display'),
          width: photo.width,
          height: photo.height,
          alt: t('photoAlt', { name: product.name }),
        }
      : undefined,
    jsonLd: [productJsonLd(siteOrigin(c), product, lang)],
  };
  return renderPublic(
    c,
    meta,
    <ProductPage product={product} others={others} values={form?.values} errors={form?.errors} />,
  );
}

/**
 * Refuses an inquiry larger than any honest one (413), before anything else reads it. The CSRF check
 * has already parsed the form (Hono keeps the parsed body), so the size is measured on that.
 */
const inquirySizeCap =
  (lang: Lang): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const declared = Number(c.req.header('content-length'));
    let size = Number.isFinite(declared) ? declared : 0;
    if (size <= INQUIRY_MAX_BODY) {
      const body = await c.req.parseBody({ all: true });
      size = 0;
      for (const v of Object.values(body))
        for (const item of Array.isArray(v) ? v : [v])
          size += typeof item === 'string' ? Buffer.byteLength(item) : INQUIRY_MAX_BODY + 1;
    }
    if (size <= INQUIRY_MAX_BODY) return next();
    return orNotFound(c, async () => {
      const res = await productPage(c, param(c, 'slug'), {
        values: {},
        errors: { _form: render(catalogText.inquiryTooLarge, lang) },
      });
      return new Response(res.body, { status: 413, headers: res.headers });
    });
  };

function filterFromQuery(c: Ctx): CatalogFilter {
  const parsed = CatalogFilter.safeParse(c.req.query());
  return parsed.success ? parsed.data : {};
}

for (const lang of LANGS) {
  const r = routePatterns(lang);
  const here = inLang(lang);

  catalogRoutes.get(r.home, here, async (c) => {
    const db = c.var.deps.db;
    const t = text(c);
    const [featured, regions, commodities, shapes] = await Promise.all([
      featuredProducts(db, province(c)),
      regionsWithCounts(db, province(c)),
      commodityCounts(db, province(c)),
      mapShapes(),
    ]);
    const meta: PublicMeta = {
      title: t('homeTitle'),
      description: t('siteTagline'),
      alternates: alternatesOf((l) => catalogPaths.home(l)),
      section: 'home',
      jsonLd: [officeJsonLd(siteOrigin(c), t('office'), lang)],
    };
    return renderPublic(
      c,
      meta,
      <HomePage featured={featured} regions={regions} commodities={commodities} shapes={shapes} />,
    );
  });

  catalogRoutes.get(r.browse, here, async (c) => {
    const db = c.var.deps.db;
    const t = text(c);
    const filter = filterFromQuery(c);
    const [page, regions, starChoices] = await Promise.all([
      searchCatalog(db, filter),
      // The filter names the kab/kota; counting their products would cost more than the page.
      provinceRegions(db, province(c)),
      awardStarChoices(db),
    ]);
    const query = new URL(c.req.url).searchParams;
    const meta: PublicMeta = {
      title: filter.q ? t('browseTitleFor', { q: filter.q }) : t('browseTitle'),
      description: t('siteTagline'),
      alternates: alternatesOf((l) => catalogPaths.browse(l, query)),
      section: 'products',
      // Result pages of a search are for people; the sitemap lists every product for robots.
      noindex: Boolean(filter.q || filter.after || filter.before),
    };
    return renderPublic(
      c,
      meta,
      <BrowsePage
        filter={filter}
        kabkota={regions.map((k) => ({ code: k.code, name: k.name }))}
        starChoices={starChoices}
        page={page}
      />,
    );
  });

  catalogRoutes.get(r.product, here, (c) => orNotFound(c, () => productPage(c, param(c, 'slug'))));

  catalogRoutes.post(r.inquiry, here, inquirySizeCap(lang), (c) =>
    orNotFound(c, async () => {
      const slug = param(c, 'slug');
      const db = c.var.deps.db;
      // 404 before anything else when the product is not (or no longer) public.
      await publicProductBySlug(db, slug);
      return handleForm(c, InquiryFields, {
        valid: async (data) => {
          const limiter = inquiryLimiter(c);
          const keys = [`ip:${clientIp(c)}`, `email:${data.email}`];
          const decision = limiter.check(keys);
          if (!decision.ok) {
            const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
            throw new DomainError(
              catalogText.rateLimited,
              { minutes },
              { _form: inquiryRules.rateLimited },
              429,
            );
          }
          limiter.record(keys);
          if (data.website) {
            // A robot filled the trap: it sees the usual receipt; nothing is stored or sent.
            const product = await publicProductBySlug(db, slug);
            return renderPublic(
              c,
              {
                title: text(c)('sentTitle'),
                description: text(c)('sentTitle'),
                alternates: alternatesOf((l) => catalogPaths.product(l, slug)),
                noindex: true,
              },
              <InquirySentPage
                reference="-"
                productName={product.name}
                productSlug={product.slug}
                kabkotaName={product.ikm.kabkotaName}
                emailMasked={maskEmail(data.email)}
              />,
            );
          }
          const sent = await submitInquiry(db, c.var.deps.config, slug, data, {
            ip: clientIp(c),
            requestId: c.get('requestId'),
            lang,
          });
          return c.redirect(catalogPaths.inquirySent(lang, sent.reference), 303);
        },
        invalid: ({ values, errors }) => productPage(c, slug, { values, errors }),
      });
    }),
  );

  catalogRoutes.get(r.inquirySent, here, (c) =>
    orNotFound(c, async () => {
      const sent = await inquiryConfirmation(c.var.deps.db, param(c, 'reference'));
      const t = text(c);
      return renderPublic(
        c,
        {
          title: t('sentTitle'),
          description: t('sentTitle'),
          alternates: alternatesOf((l) => catalogPaths.inquirySent(l, sent.reference)),
          noindex: true,
        },
        <InquirySentPage {...sent} />,
      );
    }),
  );

  catalogRoutes.get(r.ikm, here, (c) =>
    orNotFound(c, async () => {
      const t = text(c);
      const { ikm, products, more } = await publicIkmBySlug(c.var.deps.db, param(c, 'slug'));
      return renderPublic(
        c,
        {
          title: ikm.name,
          description: t('ikmProducts', { ikm: ikm.name }),
          alternates: alternatesOf((l) => catalogPaths.ikm(l, ikm.slug)),
          ogType: 'profile',
          section: 'regions',
          jsonLd: [ikmJsonLd(siteOrigin(c), ikm, lang)],
        },
        <IkmPage ikm={ikm} products={products} more={more} />,
      );
    }),
  );

  catalogRoutes.get(r.regions, here, async (c) => {
    const t = text(c);
    const [regions, shapes] = await Promise.all([regionsWithCounts(c.var.deps.db, province(c)), mapShapes()]);
    return renderPublic(
      c,
      {
        title: t('regionsTitle'),
        description: t('regionsLead'),
        alternates: alternatesOf((l) => catalogPaths.regions(l)),
        section: 'regions',
      },
      <RegionsPage regions={regions} shapes={shapes} />,
    );
  });

  catalogRoutes.get(r.region, here, (c) =>
    orNotFound(c, async () => {
      const db = c.var.deps.db;
      const t = text(c);
      const region = await regionDetail(db, province(c), param(c, 'slug'));
      const [regions, shapes, page] = await Promise.all([
        regionsWithCounts(db, province(c)),
        mapShapes(),
        searchCatalog(db, { kabkota: region.code }, 12),
      ]);
      return renderPublic(
        c,
        {
          title: region.name,
          description: t('regionProducts', { name: region.name }),
          alternates: alternatesOf((l) => catalogPaths.region(l, region.slug)),
          section: 'regions',
        },
        <RegionPage
          region={region}
          regions={regions}
          shapes={shapes}
          products={page.rows}
          more={page.next !== null}
        />,
      );
    }),
  );
}

// Photos of public products -------------------------------------------------------------------------

catalogRoutes.get('/foto/:id/:file', async (c) => {
  const id = param(c, 'id');
  const file = param(c, 'file');
  if (!/^[0-9a-f-]{36}$/.test(id) || (file !== 'thumb.webp' && file !== 'display.webp'))
    return notFoundPage(c);
  return orNotFound(c, async () => {
    const photo = await publicPhoto(c.var.deps.db, id);
    const res = await fileResponse(c.var.deps.files, {
      sha256: file === 'thumb.webp' ? photo.thumbSha256 : photo.displaySha256,
      mime: 'image/webp',
    });
    // A day: long enough for slow links, short enough that an unpublished product's photo fades.
    res.headers.set('cache-control', 'public, max-age=86400');
    return res;
  });
});

// Search engines --------------------------------------------------------------------------------------

/** Products and IKM per sitemap file: twice as many addresses (two languages), under the 50,000 limit. */
const SITEMAP_SIZE = 20_000;
const xml = (body: string) =>
  new Response(body, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });

catalogRoutes.get('/robots.txt', (c) => {
  const origin = siteOrigin(c);
  const body = [
    'User-agent: *',
    'Allow: /',
    ...[
      '/api/',
      '/login',
      '/account',
      '/dashboard',
      '/admin/',
      '/registry',
      '/regions',
      '/cycles',
      '/events',
      '/inquiries',
      '/notifications',
      '/follow-ups',
      '/stakeholders',
      '/daftar/',
      '/hadir/',
      '/permintaan/',
      '/en/inquiry/',
    ].map((p) => `Disallow: ${p}`),
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
  return c.text(body, 200, { 'cache-control': 'public, max-age=86400' });
});

catalogRoutes.get('/sitemap.xml', async (c) => {
  const db = c.var.deps.db;
  const [products, ikm] = await Promise.all([
    sitemapProductStarts(db, SITEMAP_SIZE),
    sitemapIkmStarts(db, SITEMAP_SIZE),
  ]);
  const part = (base: string, after: string | null) => (after ? `${base}?after=${after}` : base);
  return xml(
    sitemapIndexXml(siteOrigin(c), [
      '/sitemap-pages.xml',
      // The published results pages, served by the awards feature (features/awards/awards.routes.tsx).
      '/sitemap-results.xml',
      ...products.map((a) => part('/sitemap-products.xml', a)),
      ...ikm.map((a) => part('/sitemap-ikm.xml', a)),
    ]),
  );
});

catalogRoutes.get('/sitemap-pages.xml', async (c) => {
  const regions = await regionsWithCounts(c.var.deps.db, province(c));
  return xml(
    sitemapXml(siteOrigin(c), [
      { alternates: alternatesOf((l) => catalogPaths.home(l)) },
      { alternates: alternatesOf((l) => catalogPaths.browse(l)) },
      { alternates: alternatesOf((l) => catalogPaths.regions(l)) },
      ...regions.map((r) => ({ alternates: alternatesOf((l) => catalogPaths.region(l, r.slug)) })),
    ]),
  );
});

const afterParam = (c: Ctx) => {
  const after = c.req.query('after');
  return after && /^[0-9a-f-]{36}$/.test(after) ? after : null;
};

catalogRoutes.get('/sitemap-products.xml', async (c) => {
  const rows = await sitemapProducts(c.var.deps.db, afterParam(c), SITEMAP_SIZE);
  return xml(
    sitemapXml(
      siteOrigin(c),
      rows.map((p) => ({
        alternates: alternatesOf((l) => catalogPaths.product(l, p.slug)),
        lastmod: p.updatedAt,
      })),
    ),
  );
});

catalogRoutes.get('/sitemap-ikm.xml', async (c) => {
  const rows = await sitemapIkm(c.var.deps.db, afterParam(c), SITEMAP_SIZE);
  return xml(
    sitemapXml(
      siteOrigin(c),
      rows.map((i) => ({
        alternates: alternatesOf((l) => catalogPaths.ikm(l, i.slug)),
        lastmod: i.updatedAt,
      })),
    ),
  );
});
