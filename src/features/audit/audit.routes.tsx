import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { AuditFilter } from './audit.forms.ts';
import { auditText } from './audit.messages.ts';
import { auditFacets, auditUsers, getAuditEntry, listAudit } from './audit.service.ts';
import { AuditEntryPage, AuditList } from './audit.views.tsx';

export const auditRoutes = new Hono<AppEnv>();
auditRoutes.use('/admin/audit', requirePermission('audit.read'));
auditRoutes.use('/admin/audit/*', requirePermission('audit.read'));

auditRoutes.get('/admin/audit', async (c) => {
  const { db } = c.var.deps;
  const lang = c.get('lang');
  const query = c.req.query();
  const parsed = await validate(AuditFilter, query, lang);
  const filter = parsed.ok ? parsed.data : AuditFilter.parse({});
  const [page, users, facets] = [await listAudit(db, filter), await auditUsers(db), await auditFacets(db)];
  return c.render(
    <AuditList
      page={page}
      filter={parsed.ok ? filter : (query as Partial<AuditFilter>)}
      errors={parsed.ok ? undefined : parsed.errors}
      users={users}
      facets={facets}
    />,
    { title: translator(auditText, lang)('title') },
  );
});

auditRoutes.get('/admin/audit/:id', async (c) => {
  const id = z.uuid().safeParse(c.req.param('id'));
  if (!id.success) throw new NotFoundError('audit');
  const entry = await getAuditEntry(c.var.deps.db, id.data);
  return c.render(<AuditEntryPage entry={entry} />, { title: entry.action });
});
