/**
 * Conflict-of-interest pages: the assessor declares and reads their own (/assessment/conflicts);
 * the admin reads all, records, withdraws, and decides the suggestions (/admin/conflicts).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { DomainError, NotFoundError, ruleFieldErrors } from '../../platform/errors.ts';
import { optionalText, text as textField } from '../../platform/fields.ts';
import { ConflictKindEnum } from './assessment.domain.ts';
import { DeclareInput, RecordInput, WithdrawInput } from './conflicts.forms.ts';
import { handleForm } from '../../platform/forms.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { listAssessors } from './assessors.service.ts';
import { conflictsText } from './conflicts.messages.ts';
import {
  type ConflictView,
  conflictSuggestions,
  confirmSuggestion,
  declareConflict,
  dismissSuggestion,
  getConflict,
  ikmForConflict,
  listConflicts,
  recordConflict,
  searchIkmForConflict,
  withdrawConflict,
} from './conflicts.service.ts';
import {
  AdminConflictList,
  AdminConflictPage,
  DeclarePage,
  OwnConflictList,
  OwnConflictPage,
  SuggestionsPage,
} from './conflicts.views.tsx';

export const conflictsRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(conflictsText, c.get('lang'));
const declare = requirePermission('conflicts.declare');
const manage = requirePermission('conflicts.manage');

const uuid = z.uuid();
function idOf(c: Ctx): string {
  const parsed = uuid.safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('conflict');
  return parsed.data;
}

async function regionNames(c: Ctx) {
  const kabkota = await listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
  return { kabkota, names: new Map(kabkota.map((r) => [r.code, r.name])) };
}

const SearchQuery = z.object({
  q: optionalText(100),
  kabkota: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{2}\.\d{2}$/)
      .optional(),
  ),
  ikm: z.uuid().optional(),
  assessorId: z.uuid().optional(),
});

/** The declare/record page: search by name and region, or the form for the chosen IKM. */
async function declarePage(
  c: Ctx,
  admin: boolean,
  values: Record<string, unknown> = {},
  errors?: Record<string, string>,
) {
  const { db } = c.var.deps;
  const parsed = SearchQuery.safeParse(c.req.query());
  const query = parsed.success ? parsed.data : {};
  const { kabkota, names } = await regionNames(c);
  const ikmId =
    typeof values.ikmId === 'string' && uuid.safeParse(values.ikmId).success ? values.ikmId : query.ikm;
  const ikm = ikmId ? await ikmForConflict(db, ikmId) : null;
  const searched = query.q !== undefined || query.kabkota !== undefined;
  const results =
    !ikm && searched ? await searchIkmForConflict(db, { q: query.q, kabkotaCode: query.kabkota }) : null;
  const assessors = admin
    ? (await listAssessors(db, {}, 500)).rows
        .filter((a) => !a.disabled)
        .map((a) => ({ value: a.userId, label: a.institution ? `${a.name} — ${a.institution}` : a.name }))
    : undefined;
  const shown = { ...values };
  if (admin && shown.assessorId === undefined && query.assessorId) shown.assessorId = query.assessorId;
  return c.render(
    <DeclarePage
      admin={admin}
      query={{ q: query.q, kabkota: query.kabkota }}
      kabkota={kabkota}
      regions={names}
      results={results}
      ikm={ikm}
      values={shown}
      errors={errors}
      {...(assessors ? { assessors } : {})}
    />,
    { title: admin ? text(c)('record') : text(c)('declare') },
  );
}

// The assessor's own ---------------------------------------------------------------------------------

conflictsRoutes.get('/assessment/conflicts', declare, async (c) => {
  const page = await listConflicts(c.var.deps.db, actorOf(c), {
    after: c.req.query('after'),
    before: c.req.query('before'),
  });
  return c.render(<OwnConflictList page={page} />, { title: text(c)('title') });
});

conflictsRoutes.get('/assessment/conflicts/new', declare, (c) => declarePage(c, false));

conflictsRoutes.post('/assessment/conflicts', declare, (c) =>
  handleForm(c, DeclareInput, {
    valid: async (input) => {
      const row = await declareConflict(c.var.deps.db, actorOf(c), input);
      const ikm = await ikmForConflict(c.var.deps.db, row.ikmId);
      return redirectWithFlash(c, '/assessment/conflicts', text(c)('declared', { ikm: ikm.name }));
    },
    invalid: ({ values, errors }) => declarePage(c, false, values, errors),
  }),
);

conflictsRoutes.get('/assessment/conflicts/:id', declare, async (c) => {
  const row = await getConflict(c.var.deps.db, actorOf(c), idOf(c));
  const { names } = await regionNames(c);
  return c.render(<OwnConflictPage row={row} regions={names} />, { title: text(c)('title') });
});

// The admin's ----------------------------------------------------------------------------------------

const AdminFilter = z.object({
  assessorId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  status: z.enum(['active', 'withdrawn', 'all']).default('active'),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});

conflictsRoutes.get('/admin/conflicts', manage, async (c) => {
  const { db } = c.var.deps;
  const parsed = await validate(AdminFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : AdminFilter.parse({});
  const page = await listConflicts(db, actorOf(c), filter);
  const assessors = (await listAssessors(db, {}, 500)).rows.map((a) => ({ value: a.userId, label: a.name }));
  const suggestions = (await conflictSuggestions(db)).length;
  return c.render(
    <AdminConflictList page={page} filter={filter} assessors={assessors} suggestions={suggestions} />,
    { title: text(c)('title') },
  );
});

conflictsRoutes.get('/admin/conflicts/new', manage, (c) => declarePage(c, true));

conflictsRoutes.post('/admin/conflicts', manage, (c) =>
  handleForm(c, RecordInput, {
    valid: async (input) => {
      const row = await recordConflict(c.var.deps.db, actorOf(c), input);
      const view = await getConflict(c.var.deps.db, actorOf(c), row.id);
      return redirectWithFlash(
        c,
        `/admin/conflicts/${row.id}`,
        text(c)('recorded', { assessor: view.assessorName, ikm: view.ikmName }),
      );
    },
    invalid: ({ values, errors }) => declarePage(c, true, values, errors),
  }),
);

conflictsRoutes.get('/admin/conflicts/suggestions', manage, async (c) => suggestionsPage(c));

async function suggestionsPage(
  c: Ctx,
  failed?: Parameters<typeof SuggestionsPage>[0]['failed'],
  status = 200,
) {
  const { names } = await regionNames(c);
  const res = await c.render(
    <SuggestionsPage
      suggestions={await conflictSuggestions(c.var.deps.db)}
      regions={names}
      failed={failed}
    />,
    { title: text(c)('suggestions') },
  );
  return status === 200 ? res : new Response(res.body, { status, headers: res.headers });
}

/** A suggestion's forms carry their row number in the field names (several forms on one page). */
async function suggestionForm(c: Ctx) {
  const values = await formBody(c);
  const row = typeof values.row === 'string' && /^\d{1,4}$/.test(values.row) ? values.row : '0';
  const field = (name: string) => values[`${name}-${row}`];
  return { values, row, field };
}

conflictsRoutes.post('/admin/conflicts/suggestions/confirm', manage, async (c) => {
  const { values, row, field } = await suggestionForm(c);
  const parsed = await validate(
    z.object({ assessorId: z.uuid(), ikmId: z.uuid(), kind: ConflictKindEnum, note: optionalText(1000) }),
    { assessorId: values.assessorId, ikmId: values.ikmId, kind: field('kind'), note: field('note') },
    c.get('lang'),
  );
  const pair = { assessorId: String(values.assessorId ?? ''), ikmId: String(values.ikmId ?? '') };
  if (!parsed.ok) {
    const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, m]) => [`${k}-${row}`, m]));
    return suggestionsPage(c, { ...pair, form: 'confirm', values, errors }, 422);
  }
  try {
    const saved = await confirmSuggestion(c.var.deps.db, actorOf(c), parsed.data);
    const view = await getConflict(c.var.deps.db, actorOf(c), saved.id);
    return redirectWithFlash(
      c,
      '/admin/conflicts/suggestions',
      text(c)('confirmed', { assessor: view.assessorName, ikm: view.ikmName }),
    );
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return suggestionsPage(
      c,
      { ...pair, form: 'confirm', values, errors: ruleFieldErrors(err, c.get('lang')) },
      err.status,
    );
  }
});

conflictsRoutes.post('/admin/conflicts/suggestions/dismiss', manage, async (c) => {
  const { values, row, field } = await suggestionForm(c);
  const parsed = await validate(
    z.object({ assessorId: z.uuid(), ikmId: z.uuid(), reason: textField(1000) }),
    { assessorId: values.assessorId, ikmId: values.ikmId, reason: field('reason') },
    c.get('lang'),
  );
  const pair = { assessorId: String(values.assessorId ?? ''), ikmId: String(values.ikmId ?? '') };
  if (!parsed.ok) {
    const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, m]) => [`${k}-${row}`, m]));
    return suggestionsPage(c, { ...pair, form: 'dismiss', values, errors }, 422);
  }
  try {
    const suggestion = (await conflictSuggestions(c.var.deps.db)).find(
      (s) => s.assessorId === parsed.data.assessorId && s.ikmId === parsed.data.ikmId,
    );
    await dismissSuggestion(c.var.deps.db, actorOf(c), parsed.data);
    return redirectWithFlash(
      c,
      '/admin/conflicts/suggestions',
      text(c)('dismissed', { assessor: suggestion?.assessorName ?? '', ikm: suggestion?.ikmName ?? '' }),
    );
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return suggestionsPage(
      c,
      { ...pair, form: 'dismiss', values, errors: ruleFieldErrors(err, c.get('lang')) },
      err.status,
    );
  }
});

conflictsRoutes.get('/admin/conflicts/:id', manage, async (c) => {
  const row = await getConflict(c.var.deps.db, actorOf(c), idOf(c));
  const { names } = await regionNames(c);
  return c.render(<AdminConflictPage row={row} regions={names} values={{}} />, { title: text(c)('title') });
});

conflictsRoutes.post('/admin/conflicts/:id/withdraw', manage, async (c) => {
  const id = idOf(c);
  const { db } = c.var.deps;
  const row = await getConflict(db, actorOf(c), id);
  return handleForm<typeof WithdrawInput, ConflictView>(c, WithdrawInput, {
    valid: async (input) => {
      await withdrawConflict(db, actorOf(c), id, input);
      return redirectWithFlash(c, `/admin/conflicts/${id}`, text(c)('withdrawnDone'));
    },
    invalid: async ({ values, errors, current }) => {
      const { names } = await regionNames(c);
      const fresh = current ? await getConflict(db, actorOf(c), id) : row;
      return c.render(<AdminConflictPage row={fresh} regions={names} values={values} errors={errors} />, {
        title: text(c)('title'),
      });
    },
  });
});
