import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../context.ts';
import { navFor } from './nav.ts';
import { render } from '../i18n.ts';
import { roleLabel } from './labels.ts';
import { useView } from './view.ts';
import { NotificationBell } from './bell.tsx';

/** The page shell: header with the office's name, role-aware navigation, flash, main, footer. */
export function Layout(props: { title: string; children?: Child; wide?: boolean }) {
  const c = useRequestContext<AppEnv>();
  const v = useView();
  const { t, lang, actor } = v;
  const user = c.get('user');
  const realUser = c.get('realUser');
  const flash = c.get('flash');
  const here = v.url.pathname;
  const nav = navFor(actor, here);
  const section = nav.groups.find((g) => g.current);
  const back = encodeURIComponent(here + v.url.search);
  const otherLang = lang === 'id' ? 'en' : 'id';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('appName')}`}</title>
        <link rel="stylesheet" href="/static/css/app.css" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={actor ? '/dashboard' : '/'}>
              <img src="/static/icon.svg" alt="" width="36" height="36" />
              <span>
                <strong>{t('appName')}</strong>
                <small>
                  {t('office')} · {t('provinceGovt', { province: 'Maluku' })}
                </small>
              </span>
            </a>
            <div class="header-tools">
              <a
                class="lang-switch"
                href={`/lang/${otherLang}?next=${back}`}
                hreflang={otherLang}
                lang={otherLang}
              >
                {otherLang === 'en' ? t('switchToEnglish') : t('switchToIndonesian')}
              </a>
              {user ? (
                <>
                  <NotificationBell />
                  <a href="/account">{t('myAccount')}</a>
                  <form method="post" action="/logout" class="inline">
                    <input type="hidden" name="_csrf" value={v.csrfToken} />
                    <button type="submit" class="link-button">
                      {t('signOut')}
                    </button>
                  </form>
                </>
              ) : (
                <a href={`/login?next=${back}`}>{t('signIn')}</a>
              )}
            </div>
          </div>
          {nav.groups.length > 0 && (
            <nav class="site-nav" aria-label={t('mainNav')}>
              <ul class="container">
                {nav.groups.map((group) => (
                  <li>
                    <a
                      href={group.href}
                      aria-current={
                        group.current ? (nav.currentHref === group.href ? 'page' : 'true') : undefined
                      }
                    >
                      {render(group.label, lang)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {section && section.items.length > 1 && (
            <nav class="section-nav" aria-label={t('sectionNav', { section: render(section.label, lang) })}>
              <ul class="container">
                {section.items.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.href === nav.currentHref ? 'page' : undefined}>
                      {render(item.label, lang)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {user && realUser && user.id !== realUser.id && (
          <div class="acting-banner" role="status">
            <div class="container">
              {t('actingAs', { name: user.name, role: roleLabel(user.role, lang) })}{' '}
              <form method="post" action="/act-as/stop" class="inline">
                <input type="hidden" name="_csrf" value={v.csrfToken} />
                <button type="submit" class="link-button">
                  {t('stopActingAs')}
                </button>
              </form>
            </div>
          </div>
        )}
        <main id="main" class={props.wide ? 'container wide' : 'container'} tabindex={-1}>
          {flash && (
            <div class={`flash flash-${flash.kind}`} role="status">
              {flash.text}
            </div>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>
              {t('office')} · {t('provinceGovt', { province: 'Maluku' })}
            </p>
            <p class="muted">{t('footerData')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
