/**
 * What search engines and link previews read: schema.org data (Product, Organization) and the
 * sitemaps, in both languages with their alternates. Built from the same public objects as the pages.
 */
import type { Lang } from '../../platform/domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { type Alternates, catalogPaths } from './catalog.paths.ts';
import type { PublicIkm, PublicProduct } from './catalog.service.ts';

const abs = (origin: string, path: string) => `${origin}${path}`;

/** The office that publishes the catalog (schema.org Organization). */
export function officeJsonLd(origin: string, name: string, lang: Lang): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name,
    url: abs(origin, catalogPaths.home(lang)),
    logo: abs(origin, '/static/icon.svg'),
    address: { '@type': 'PostalAddress', addressRegion: 'Maluku', addressCountry: 'ID' },
  };
}

function ikmOrganization(origin: string, ikm: PublicIkm, lang: Lang): Record<string, unknown> {
  const org: Record<string, unknown> = {
    '@type': 'Organization',
    name: ikm.name,
    url: abs(origin, catalogPaths.ikm(lang, ikm.slug)),
    address: {
      '@type': 'PostalAddress',
      ...(ikm.desa ? { addressLocality: ikm.desa } : {}),
      addressRegion: `${ikm.kabkotaName}, Maluku`,
      addressCountry: 'ID',
    },
  };
  // Contacts only while the owner consents, exactly as on the page.
  if (ikm.contact?.phone) org.telephone = ikm.contact.phone;
  if (ikm.contact?.email) org.email = ikm.contact.email;
  return org;
}

/** schema.org Organization for an IKM's page. */
export function ikmJsonLd(origin: string, ikm: PublicIkm, lang: Lang): object {
  return { '@context': 'https://schema.org', ...ikmOrganization(origin, ikm, lang) };
}

/** schema.org Product for a product's page: maker, photos, price range, and the star once awarded. */
export function productJsonLd(origin: string, p: PublicProduct, lang: Lang): object {
  const description =
    (lang === 'en' ? (p.descriptionEn ?? p.descriptionId) : (p.descriptionId ?? p.descriptionEn)) ??
    undefined;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    url: abs(origin, catalogPaths.product(lang, p.slug)),
    category: commodityLabel(p.commodity, lang),
    ...(description ? { description } : {}),
    ...(p.photos.length
      ? { image: p.photos.map((ph) => abs(origin, catalogPaths.photo(ph.id, 'display'))) }
      : {}),
    brand: { '@type': 'Brand', name: p.ikm.name },
    manufacturer: ikmOrganization(origin, p.ikm, lang),
    countryOfOrigin: { '@type': 'Country', name: 'Indonesia' },
  };
  if (p.priceMin !== null || p.priceMax !== null) {
    data.offers = {
      '@type': 'AggregateOffer',
      priceCurrency: 'IDR',
      lowPrice: p.priceMin ?? p.priceMax,
      highPrice: p.priceMax ?? p.priceMin,
    };
  }
  if (p.award) {
    data.award = `OVOP ${'★'.repeat(p.award.stars)} (${p.award.stars}/${p.award.starMax}), ${p.award.cycleName}`;
  }
  return data;
}

// Sitemaps ----------------------------------------------------------------------------------------

const xmlEscape = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  );

export interface SitemapEntry {
  alternates: Alternates;
  lastmod?: Date | undefined;
}

/** A urlset: each page once per language, each naming both languages (hreflang). */
export function sitemapXml(origin: string, entries: SitemapEntry[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const e of entries) {
    const links =
      `<xhtml:link rel="alternate" hreflang="id" href="${xmlEscape(abs(origin, e.alternates.id))}"/>` +
      `<xhtml:link rel="alternate" hreflang="en" href="${xmlEscape(abs(origin, e.alternates.en))}"/>`;
    const lastmod = e.lastmod ? `<lastmod>${e.lastmod.toISOString().slice(0, 10)}</lastmod>` : '';
    for (const lang of ['id', 'en'] as const)
      out.push(`<url><loc>${xmlEscape(abs(origin, e.alternates[lang]))}</loc>${lastmod}${links}</url>`);
  }
  out.push('</urlset>');
  return out.join('\n');
}

/** The sitemap index: one line per sitemap file. */
export function sitemapIndexXml(origin: string, paths: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map((p) => `<sitemap><loc>${xmlEscape(abs(origin, p))}</loc></sitemap>`),
    '</sitemapindex>',
  ].join('\n');
}
