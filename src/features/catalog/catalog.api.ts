/**
 * The catalog's read-only JSON API (no sign-in): products, IKM and regions, exactly what the public
 * pages show, with caching headers. Lists may be cached for a minute; single objects carry contacts
 * that must vanish as soon as an owner withdraws consent, so clients revalidate them (ETag → 304).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiRouter, jsonResponse } from '../../platform/api.ts';
import type { Ctx } from '../../platform/context.ts';
import { COMMODITIES, type Commodity } from '../../platform/registry-domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { CatalogFilter } from './catalog.forms.ts';
import { siteOrigin } from './catalog.layout.tsx';
import { catalogPaths, slugify } from './catalog.paths.ts';
import {
  type CatalogCard,
  publicIkmBySlug,
  type PublicIkm,
  publicProductBySlug,
  type PublicPhoto,
  regionDetail,
  regionsWithCounts,
  searchCatalog,
} from './catalog.service.ts';

export const LIST_CACHE = 'public, max-age=60';
export const OBJECT_CACHE = 'public, no-cache';

/** JSON with a strong ETag of its bytes; a matching If-None-Match answers 304 without a body. */
function cachedJson(c: Ctx, data: unknown, cacheControl: string): Response {
  const body = JSON.stringify(data);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers });
  return jsonResponse(data, 200, headers);
}

const Names = z.object({ id: z.string(), en: z.string() });
const Urls = z.object({ id: z.string(), en: z.string() }).describe('The public page in each language');
const Photo = z.object({ thumb: z.string(), display: z.string(), width: z.number(), height: z.number() });
const Award = z
  .object({
    stars: z.number(),
    starMax: z.number(),
    cycleName: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    verificationUrl: z.string(),
  })
  .nullable()
  .describe('The current OVOP star, once the awards are published; null otherwise');
const RegionRef = z.object({ code: z.string(), slug: z.string(), name: z.string() });

const ProductCardOut = z.object({
  slug: z.string(),
  name: z.string(),
  commodity: z.enum(COMMODITIES),
  commodityName: Names,
  region: RegionRef,
  ikm: z.object({ slug: z.string(), name: z.string() }),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  currency: z.literal('IDR'),
  photo: Photo.nullable(),
  award: Award,
  url: Urls,
});

const Certification = z.object({
  kind: z.string(),
  number: z.string(),
  issuer: z.string().nullable(),
  validUntil: z.string().nullable(),
});
const Contact = z
  .object({
    ownerName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
  })
  .nullable()
  .describe('The owner’s contacts, only while the owner consents to showing them; null otherwise');

const IkmOut = z.object({
  slug: z.string(),
  name: z.string(),
  region: RegionRef,
  kecamatan: z.string().nullable(),
  desa: z.string().nullable(),
  sentra: z.object({ name: z.string(), desa: z.string().nullable() }).nullable(),
  sizeClass: z.string().nullable(),
  workforce: z.number().nullable(),
  commodities: z.array(z.enum(COMMODITIES)),
  certifications: z.array(Certification),
  contact: Contact,
  url: Urls,
});

const ProductOut = ProductCardOut.extend({
  description: z.object({ id: z.string().nullable(), en: z.string().nullable() }),
  story: z.object({ id: z.string().nullable(), en: z.string().nullable() }),
  localMaterialPct: z.number().nullable(),
  capacity: z
    .object({ quantity: z.number(), unit: z.string().nullable(), period: z.string().nullable() })
    .nullable(),
  hsCode: z.string().nullable(),
  packaging: z.string().nullable(),
  certificationNote: z.string().nullable(),
  photos: z.array(Photo.extend({ caption: z.string().nullable() })),
  maker: IkmOut,
  updatedAt: z.string(),
});

const RegionOut = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  productCount: z.number(),
  url: Urls,
});
const RegionDetailOut = RegionOut.extend({
  ikmCount: z.number(),
  commodities: z.array(z.object({ commodity: z.enum(COMMODITIES), count: z.number() })),
});

const names = (c: Commodity) => ({ id: commodityLabel(c, 'id'), en: commodityLabel(c, 'en') });
const urls = (make: (l: 'id' | 'en') => string, origin: string) => ({
  id: `${origin}${make('id')}`,
  en: `${origin}${make('en')}`,
});

function photoOut(origin: string, p: PublicPhoto) {
  return {
    thumb: `${origin}${catalogPaths.photo(p.id, 'thumb')}`,
    display: `${origin}${catalogPaths.photo(p.id, 'display')}`,
    width: p.width,
    height: p.height,
  };
}

function awardOut(origin: string, a: CatalogCard['award']) {
  if (!a) return null;
  return {
    stars: a.stars,
    starMax: a.starMax,
    cycleName: a.cycleName,
    validFrom: a.validFrom,
    validUntil: a.validUntil,
    verificationUrl: `${origin}${a.verificationPath}`,
  };
}

function cardOut(origin: string, c: CatalogCard): z.infer<typeof ProductCardOut> {
  return {
    slug: c.slug,
    name: c.name,
    commodity: c.commodity,
    commodityName: names(c.commodity),
    region: { code: c.kabkotaCode, slug: slugify(c.kabkotaName), name: c.kabkotaName },
    ikm: { slug: c.ikmSlug, name: c.ikmName },
    priceMin: c.priceMin,
    priceMax: c.priceMax,
    currency: 'IDR',
    photo: c.photo ? photoOut(origin, c.photo) : null,
    award: awardOut(origin, c.award),
    url: urls((l) => catalogPaths.product(l, c.slug), origin),
  };
}

function ikmOut(origin: string, i: PublicIkm): z.infer<typeof IkmOut> {
  return {
    slug: i.slug,
    name: i.name,
    region: { code: i.kabkotaCode, slug: i.kabkotaSlug, name: i.kabkotaName },
    kecamatan: i.kecamatanName,
    desa: i.desa,
    sentra: i.sentra,
    sizeClass: i.sizeClass,
    workforce: i.workforce,
    commodities: i.commodities,
    certifications: i.certifications,
    contact: i.contact,
    url: urls((l) => catalogPaths.ikm(l, i.slug), origin),
  };
}

const Slug = z.object({ slug: z.string().min(1).max(200) });

export const catalogApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/catalog/products',
      summary: 'Public products: search (case and accents ignored), filters, sorting, keyset pages',
      tag: 'catalog',
      permission: 'public',
      query: CatalogFilter,
      response: z.object({
        items: z.array(ProductCardOut),
        next: z.string().nullable().describe('Pass as `after` for the next page'),
        prev: z.string().nullable().describe('Pass as `before` for the previous page'),
      }),
      cache: LIST_CACHE,
    },
    async ({ query, c }) => {
      const page = await searchCatalog(c.var.deps.db, query, 24);
      const origin = siteOrigin(c);
      return cachedJson(
        c,
        { items: page.rows.map((r) => cardOut(origin, r)), next: page.next, prev: page.prev },
        LIST_CACHE,
      );
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/catalog/products/:slug',
      summary: 'One public product with its maker, photos and certifications',
      tag: 'catalog',
      permission: 'public',
      params: Slug,
      response: ProductOut,
      errors: [404],
      cache: OBJECT_CACHE,
    },
    async ({ params, c }) => {
      const p = await publicProductBySlug(c.var.deps.db, params.slug);
      const origin = siteOrigin(c);
      const out: z.infer<typeof ProductOut> = {
        ...cardOut(origin, {
          id: p.id,
          slug: p.slug,
          name: p.name,
          commodity: p.commodity,
          kabkotaCode: p.ikm.kabkotaCode,
          kabkotaName: p.ikm.kabkotaName,
          ikmName: p.ikm.name,
          ikmSlug: p.ikm.slug,
          priceMin: p.priceMin,
          priceMax: p.priceMax,
          photo: p.photos[0] ?? null,
          award: p.award,
        }),
        description: { id: p.descriptionId, en: p.descriptionEn },
        story: { id: p.storyId, en: p.storyEn },
        localMaterialPct: p.localMaterialPct,
        capacity: p.capacity
          ? { quantity: p.capacity.qty, unit: p.capacity.unit, period: p.capacity.period }
          : null,
        hsCode: p.hsCode,
        packaging: p.packaging,
        certificationNote: p.certificationNote,
        photos: p.photos.map((ph) => ({ ...photoOut(origin, ph), caption: ph.caption })),
        maker: ikmOut(origin, p.ikm),
        updatedAt: p.updatedAt.toISOString(),
      };
      return cachedJson(c, out, OBJECT_CACHE);
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/catalog/ikm/:slug',
      summary: 'One IKM with public products, and its products',
      tag: 'catalog',
      permission: 'public',
      params: Slug,
      response: IkmOut.extend({ products: z.array(ProductCardOut) }),
      errors: [404],
      cache: OBJECT_CACHE,
    },
    async ({ params, c }) => {
      const { ikm, products } = await publicIkmBySlug(c.var.deps.db, params.slug);
      const origin = siteOrigin(c);
      return cachedJson(
        c,
        { ...ikmOut(origin, ikm), products: products.map((p) => cardOut(origin, p)) },
        OBJECT_CACHE,
      );
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/catalog/regions',
      summary: 'The province’s regencies and cities with their number of public products',
      tag: 'catalog',
      permission: 'public',
      response: z.object({ items: z.array(RegionOut) }),
      cache: LIST_CACHE,
    },
    async ({ c }) => {
      const origin = siteOrigin(c);
      const regions = await regionsWithCounts(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
      return cachedJson(
        c,
        {
          items: regions.map((r) => ({ ...r, url: urls((l) => catalogPaths.region(l, r.slug), origin) })),
        },
        LIST_CACHE,
      );
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/catalog/regions/:slug',
      summary: 'One regency or city: public products, IKMs and commodities',
      tag: 'catalog',
      permission: 'public',
      params: Slug,
      response: RegionDetailOut,
      errors: [404],
      cache: LIST_CACHE,
    },
    async ({ params, c }) => {
      const origin = siteOrigin(c);
      const r = await regionDetail(c.var.deps.db, c.var.deps.config.PROVINCE_CODE, params.slug);
      return cachedJson(c, { ...r, url: urls((l) => catalogPaths.region(l, r.slug), origin) }, LIST_CACHE);
    },
  );
