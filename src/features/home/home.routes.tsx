import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { type AppEnv, actorOf } from '../../platform/context.ts';
import { can } from '../../platform/authz.ts';
import { requireUser } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { PageHeading } from '../../platform/ui/components.tsx';
import { roleLabel } from '../../platform/ui/labels.ts';
import { useView } from '../../platform/ui/view.ts';
import { dashboardSections } from '../dashboards/dashboards.routes.tsx';
import { findRegion } from '../regions/regions.service.ts';
import { homeText } from './home.messages.ts';

export const homeRoutes = new Hono<AppEnv>();

// `/` is the public catalog's home (features/catalog); the signed-in home is /dashboard.

function Dashboard(props: { name: string; regionName: string | null; sections: Child | null }) {
  const v = useView();
  const t = v.tr(homeText);
  const actor = v.actor!;
  const links = [
    { href: '/regions', label: t('regionsLink'), show: can(actor, 'regions.read') },
    { href: '/admin/users', label: t('usersLink'), show: can(actor, 'users.manage') },
    { href: '/admin/audit', label: t('auditLink'), show: can(actor, 'audit.read') },
    { href: '/account', label: t('accountLink'), show: true },
  ];
  return (
    <>
      <PageHeading title={t('hello', { name: props.name })}>
        <p class="lead">
          {t('roleLine', {
            role: roleLabel(actor.role, v.lang),
            region: props.regionName ? ` — ${props.regionName}` : '',
          })}
        </p>
      </PageHeading>
      {props.sections}
      <h2>{t('whatYouCanDo')}</h2>
      <ul class="link-list">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
      </ul>
    </>
  );
}

homeRoutes.get('/dashboard', requireUser, async (c) => {
  const actor = actorOf(c);
  const user = c.get('user')!;
  const region = actor.regionCode ? await findRegion(c.var.deps.db, actor.regionCode) : undefined;
  const sections = await dashboardSections(c);
  return c.render(<Dashboard name={user.name} regionName={region?.name ?? null} sections={sections} />, {
    title: translator(homeText, c.get('lang'))('dashboardTitle'),
  });
});
