import { RequestContext } from 'hono/jsx-renderer';
import type { Ctx } from '../context.ts';
import { render } from '../i18n.ts';
import { Layout } from './layout.tsx';
import { ui } from './messages.ts';

/**
 * An error page in the user's language, inside the normal shell. Renders without the jsxRenderer
 * middleware, because errors can happen before it runs (CSRF, body limit).
 */
export async function errorPage(c: Ctx, status: number, title: string, body: string): Promise<Response> {
  const lang = c.get('lang') ?? 'id';
  const page = (
    <RequestContext.Provider value={c}>
      <Layout title={title}>
        <div class="page-heading">
          <h1>{title}</h1>
        </div>
        <p class="lead">{body}</p>
        <p>
          <a href={c.get('actor') ? '/dashboard' : '/'}>{render(ui.goHome, lang)}</a>
        </p>
      </Layout>
    </RequestContext.Provider>
  );
  const html = `<!DOCTYPE html>${await page.toString()}`;
  return c.html(html, status as 200);
}
