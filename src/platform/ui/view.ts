import { useRequestContext } from 'hono/jsx-renderer';
import type { Actor } from '../actor.ts';
import type { AppEnv } from '../context.ts';
import type { Lang } from '../domain.ts';
import { type Catalog, type Translate, translator } from '../i18n.ts';
import { ui } from './messages.ts';

export interface View {
  lang: Lang;
  /** Common interface text. */
  t: Translate<typeof ui>;
  /** A translator for a feature's own catalog. */
  tr<C extends Catalog>(catalog: C): Translate<C>;
  actor: Actor | null;
  csrfToken: string;
  /** The current path with its query, for "back here" links. */
  url: URL;
}

/** The request's language, actor and CSRF token, for components rendered by c.render(). */
export function useView(): View {
  const c = useRequestContext<AppEnv>();
  const lang = c.get('lang') ?? 'id';
  return {
    lang,
    t: translator(ui, lang),
    tr: (catalog) => translator(catalog, lang),
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken') ?? '',
    url: new URL(c.req.url),
  };
}
