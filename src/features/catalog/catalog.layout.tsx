/**
 * The public catalog's page shell, apart from the signed-in one: no script at all, one small
 * stylesheet (catalog.css), the language switch to the same page in the other language, the staff
 * sign-in link, and in the head what search engines and link previews read: canonical and hreflang
 * links, Open Graph tags and schema.org data (JSON-LD, a data block no browser executes).
 */
import type { Child } from 'hono/jsx';
import { RequestContext } from 'hono/jsx-renderer';
import type { Ctx } from '../../platform/context.ts';
import type { Lang } from '../../platform/domain.ts';
import { translator } from '../../platform/i18n.ts';
import { catalogText } from './catalog.messages.ts';
import { type Alternates, catalogPaths } from './catalog.paths.ts';

export interface PublicMeta {
  title: string;
  description: string;
  /** This page's address in each language (paths). */
  alternates: Alternates;
  ogType?: 'website' | 'product' | 'profile';
  /** An absolute or local image URL for link previews. */
  image?: { url: string; width: number; height: number; alt: string } | undefined;
  /** schema.org objects, written as JSON-LD. */
  jsonLd?: object[];
  /** Pages that should not be indexed (a confirmation, a 404). */
  noindex?: boolean;
  /** The navigation item this page belongs to. */
  section?: 'home' | 'products' | 'regions';
}

/** The site's absolute address: PUBLIC_URL when configured, else the request's own origin. */
export function siteOrigin(c: Ctx): string {
  return c.get('deps').config.PUBLIC_URL ?? new URL(c.req.url).origin;
}

/** JSON for a <script> data block: `<`, `>`, `&` and line separators escaped, so no text can close it. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const OG_LOCALE: Record<Lang, string> = { id: 'id_ID', en: 'en_GB' };

function PublicLayout(props: { c: Ctx; meta: PublicMeta; children: Child }) {
  const { c, meta } = props;
  const lang = c.get('lang');
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const t = translator(catalogText, lang);
  const origin = siteOrigin(c);
  const abs = (p: string) => (p.startsWith('http') ? p : `${origin}${p}`);
  const actor = c.get('actor');
  const nav = [
    { key: 'home', href: catalogPaths.home(lang), label: t('navHome') },
    { key: 'products', href: catalogPaths.browse(lang), label: t('navProducts') },
    { key: 'regions', href: catalogPaths.regions(lang), label: t('navRegions') },
  ];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${meta.title} · ${t('siteName')}`}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={abs(meta.alternates[lang])} />
        <link rel="alternate" hreflang="id" href={abs(meta.alternates.id)} />
        <link rel="alternate" hreflang="en" href={abs(meta.alternates.en)} />
        <link rel="alternate" hreflang="x-default" href={abs(meta.alternates.id)} />
        <meta property="og:site_name" content={t('siteName')} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:url" content={abs(meta.alternates[lang])} />
        <meta property="og:locale" content={OG_LOCALE[lang]} />
        <meta property="og:locale:alternate" content={OG_LOCALE[other]} />
        {meta.image && (
          <>
            <meta property="og:image" content={abs(meta.image.url)} />
            <meta property="og:image:width" content={String(meta.image.width)} />
            <meta property="og:image:height" content={String(meta.image.height)} />
            <meta property="og:image:alt" content={meta.image.alt} />
            <meta name="twitter:card" content="summary_large_image" />
          </>
        )}
        <link rel="stylesheet" href="/static/css/catalog.css" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        {(meta.jsonLd ?? []).map((data) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skipToContent')}
        </a>
        <header class="top">
          <div class="wrap bar">
            <a class="brand" href={catalogPaths.home(lang)}>
              <img src="/static/icon.svg" alt="" width="32" height="32" />
              <span>
                <strong>{t('siteName')}</strong>
                <small>{t('office')}</small>
              </span>
            </a>
            <div class="tools">
              <a href={meta.alternates[other]} hreflang={other} lang={other}>
                {t('switchLang')}
              </a>
              {actor ? (
                <a href="/dashboard">{t('staffDashboard')}</a>
              ) : (
                <a href="/login">{t('staffSignIn')}</a>
              )}
            </div>
          </div>
          <nav class="wrap" aria-label={t('mainNav')}>
            <ul class="nav">
              {nav.map((item) => (
                <li>
                  <a href={item.href} aria-current={meta.section === item.key ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="foot">
          <div class="wrap">
            <p>{t('footerAbout')}</p>
            <p>
              <a href="/api/v1/openapi.json">{t('footerApi')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Renders a public page: the doctype, the shell, and no caching by others (contacts can vanish). */
export async function renderPublic(c: Ctx, meta: PublicMeta, body: Child, status = 200): Promise<Response> {
  const page = (
    <RequestContext.Provider value={c}>
      <PublicLayout c={c} meta={meta}>
        {body}
      </PublicLayout>
    </RequestContext.Provider>
  );
  const html = `<!DOCTYPE html>${await page.toString()}`;
  c.header('cache-control', 'no-cache');
  return c.html(html, status as 200);
}
