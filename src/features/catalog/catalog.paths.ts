/**
 * The public catalog's addresses: Indonesian at the root, English under `/en` with English words
 * (ADR 0502), slugs rather than ids. Every page names its twin in the other language (hreflang), and
 * links are built here only, so the two languages cannot drift apart.
 */
import type { Lang } from '../../platform/domain.ts';

const SEGMENTS = {
  id: { products: 'produk', regions: 'wilayah', ikm: 'ikm', inquiry: 'permintaan', sent: 'terkirim' },
  en: { products: 'products', regions: 'regions', ikm: 'ikm', inquiry: 'inquiry', sent: 'sent' },
} as const;

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const seg = (lang: Lang) => SEGMENTS[lang];

export const catalogPaths = {
  home: (lang: Lang) => (lang === 'en' ? '/en' : '/'),
  browse: (lang: Lang, query?: URLSearchParams | Record<string, string | undefined>) => {
    const base = `${prefix(lang)}/${seg(lang).products}`;
    const params =
      query instanceof URLSearchParams
        ? query
        : new URLSearchParams(
            Object.entries(query ?? {}).filter((e): e is [string, string] => Boolean(e[1])),
          );
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  },
  product: (lang: Lang, slug: string) => `${prefix(lang)}/${seg(lang).products}/${encodeURIComponent(slug)}`,
  inquiry: (lang: Lang, slug: string) =>
    `${prefix(lang)}/${seg(lang).products}/${encodeURIComponent(slug)}/${seg(lang).inquiry}`,
  inquirySent: (lang: Lang, reference: string) =>
    `${prefix(lang)}/${seg(lang).inquiry}/${seg(lang).sent}/${encodeURIComponent(reference)}`,
  ikm: (lang: Lang, slug: string) => `${prefix(lang)}/${seg(lang).ikm}/${encodeURIComponent(slug)}`,
  regions: (lang: Lang) => `${prefix(lang)}/${seg(lang).regions}`,
  region: (lang: Lang, slug: string) => `${prefix(lang)}/${seg(lang).regions}/${encodeURIComponent(slug)}`,
  photo: (id: string, size: 'thumb' | 'display') => `/foto/${id}/${size}.webp`,
};

/** Route patterns (Hono) per language, from the same words. */
export function routePatterns(lang: Lang) {
  const p = prefix(lang);
  const s = seg(lang);
  return {
    home: lang === 'en' ? '/en' : '/',
    browse: `${p}/${s.products}`,
    product: `${p}/${s.products}/:slug`,
    inquiry: `${p}/${s.products}/:slug/${s.inquiry}`,
    inquirySent: `${p}/${s.inquiry}/${s.sent}/:reference`,
    ikm: `${p}/${s.ikm}/:slug`,
    regions: `${p}/${s.regions}`,
    region: `${p}/${s.regions}/:slug`,
  };
}

/** The address of a region page: its name made into words of a URL ("kota-ambon"). */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'x'
  );
}

/** Both languages' addresses of one page, for hreflang and the language switch. */
export interface Alternates {
  id: string;
  en: string;
}

export function alternatesOf(make: (lang: Lang) => string): Alternates {
  return { id: make('id'), en: make('en') };
}
