/** The signed-in inbox of buyers' inquiries: officers see their kab/kota's, admins the province's. */
import { Hono } from 'hono';
import { type AppEnv, actorOf, type Ctx } from '../../platform/context.ts';
import { StaleVersionError } from '../../platform/errors.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { regionIndex } from '../registry/registry.service.ts';
import { type InquiryListFilter as Filter, InquiryListFilter, InquiryStateChange } from './catalog.forms.ts';
import { inboxText } from './catalog.messages.ts';
import { getInquiry, listInquiries, setInquiryState } from './inquiries.service.ts';
import { InboxPage, InquiryPage } from './inquiries.views.tsx';

export const inquiryRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(inboxText, c.get('lang'));
const idParam = (c: Ctx) => {
  const id = c.req.param('id') ?? '';
  return /^[0-9a-f-]{36}$/.test(id) ? id : '00000000-0000-0000-0000-000000000000';
};

inquiryRoutes.get('/inquiries', requirePermission('inquiries.read'), async (c) => {
  const parsed = InquiryListFilter.safeParse(c.req.query());
  const filter: Filter = parsed.success ? parsed.data : {};
  const db = c.var.deps.db;
  const [page, index] = await Promise.all([listInquiries(db, actorOf(c), filter), regionIndex(db)]);
  return c.render(
    <InboxPage filter={filter} page={page} regionName={(code) => index.get(code)?.name ?? code} />,
    { title: text(c)('title'), wide: true },
  );
});

async function inquiryPage(c: Ctx, staleNote?: string) {
  const db = c.var.deps.db;
  const [detail, index] = await Promise.all([getInquiry(db, actorOf(c), idParam(c)), regionIndex(db)]);
  const regionName = index.get(detail.inquiry.kabkotaCode)?.name ?? detail.inquiry.kabkotaCode;
  return c.render(<InquiryPage detail={detail} regionName={regionName} staleNote={staleNote} />, {
    title: text(c)('detailTitle', { reference: detail.inquiry.reference }),
  });
}

inquiryRoutes.get('/inquiries/:id', requirePermission('inquiries.read'), (c) => inquiryPage(c));

inquiryRoutes.post('/inquiries/:id/state', requirePermission('inquiries.update'), async (c) => {
  const lang = c.get('lang');
  const parsed = await validate(InquiryStateChange, await formBody(c), lang);
  const id = idParam(c);
  if (!parsed.ok) return c.redirect(`/inquiries/${id}`, 303);
  try {
    const row = await setInquiryState(c.var.deps.db, actorOf(c), id, parsed.data);
    return redirectWithFlash(c, `/inquiries/${id}`, text(c)('stateChanged', { reference: row.reference }));
  } catch (err) {
    if (err instanceof StaleVersionError) {
      const current = err.current as { state: 'new' | 'read' | 'handled' };
      const res = await inquiryPage(c, text(c)('stale', { state: text(c)(`state_${current.state}`) }));
      return new Response(res.body, { status: 409, headers: res.headers });
    }
    throw err;
  }
});
