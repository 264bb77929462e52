/**
 * The admin's assignment pages under /assessment/cycles/:cycleId/assignments: the list with bulk
 * assignment, one nomination's assessors (assign, unassign), and the automatic proposal (preview, then
 * confirm). Pages work without script; every refusal re-renders with its reason.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { DomainError, NotFoundError, ruleFieldErrors } from '../../platform/errors.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { nominationEnv } from '../nominations/nominations.env.ts';
import { assignmentErrors, assignmentsText } from './assignments.messages.ts';
import {
  assessorChoices,
  assignBulk,
  assignmentCycle,
  assignmentNomination,
  assignOne,
  confirmAutomatic,
  listAssignments,
  type AssignmentPair,
  previewAutomatic,
  previewUnassign,
  unassign,
  unassignMany,
} from './assignments.service.ts';
import {
  AssignmentList,
  AutoPreview,
  CycleChoice,
  NominationAssignments,
  UnassignConfirm,
} from './assignments.views.tsx';
import { listCycles } from '../cycles/cycles.service.ts';
import { conflictsFor } from './conflicts.service.ts';

export const assignmentsRoutes = new Hono<AppEnv>();

const manage = requirePermission('assignments.manage');
const text = (c: Ctx) => translator(assignmentsText, c.get('lang'));
const uuid = z.uuid();

function idParam(c: Ctx, name: string): string {
  const parsed = uuid.safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(name);
  return parsed.data;
}

const base = (cycleId: string) => `/assessment/cycles/${cycleId}/assignments`;
const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

async function listPage(
  c: Ctx,
  cycleId: string,
  extra: { errors?: FieldErrors; selected?: string[]; assessorId?: string; removing?: string[] } = {},
) {
  const { db } = c.var.deps;
  const cycle = await assignmentCycle(db, cycleId);
  const rows = await listAssignments(db, cycleId);
  const choices = await assessorChoices(db, cycleId);
  return c.render(<AssignmentList cycle={cycle} rows={rows} choices={choices} {...extra} />, {
    title: text(c)('title'),
    wide: true,
  });
}

assignmentsRoutes.get('/assessment/cycles/:cycleId/assignments', manage, (c) =>
  listPage(c, idParam(c, 'cycleId')),
);

/** Runs a write and answers: the redirect with its flash, or the page again with the reason (422/409). */
async function attempt(
  c: Ctx,
  run: () => Promise<Response>,
  again: (errors: FieldErrors, status: number) => Promise<Response>,
) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError) return again(ruleFieldErrors(err, c.get('lang')), err.status);
    throw err;
  }
}

const withStatus = (res: Response, status: number) =>
  new Response(res.body, { status, headers: res.headers });

assignmentsRoutes.post('/assessment/cycles/:cycleId/assignments/bulk', manage, async (c) => {
  const cycleId = idParam(c, 'cycleId');
  const values = await formBody(c);
  const ids = list(values.nominationIds).filter((x) => uuid.safeParse(x).success);
  const assessorId = typeof values.assessorId === 'string' ? values.assessorId : '';
  const lang = c.get('lang');
  const t = translator(assignmentErrors, lang);
  const errors: FieldErrors = {};
  if (ids.length === 0) errors._form = t('noNominationSelected');
  if (!uuid.safeParse(assessorId).success) errors.assessorId = t('unknownAssessor');
  const again = async (e: FieldErrors, status: number) =>
    withStatus(await listPage(c, cycleId, { errors: e, selected: ids, assessorId }), status);
  if (Object.keys(errors).length) return again(errors, 422);
  return attempt(
    c,
    async () => {
      const n = await assignBulk(c.var.deps.db, nominationEnv(c.var.deps), actorOf(c), cycleId, {
        nominationIds: ids,
        assessorId,
      });
      return redirectWithFlash(c, base(cycleId), text(c)('assigned', { count: n }));
    },
    again,
  );
});

/** The chosen assignments as `nominationId:assessorId` pairs (anything else is ignored). */
const pairsOf = (v: unknown): AssignmentPair[] =>
  list(v)
    .map((p) => p.split(':'))
    .filter(([n, a]) => uuid.safeParse(n).success && uuid.safeParse(a).success)
    .map(([nominationId, assessorId]) => ({ nominationId: nominationId!, assessorId: assessorId! }));

/**
 * Bulk unassign: the ticked assessors are first listed for confirmation (nothing written), then removed
 * together on confirm; a submitted sheet refuses the lot, naming each.
 */
assignmentsRoutes.post('/assessment/cycles/:cycleId/assignments/unassign', manage, async (c) => {
  const cycleId = idParam(c, 'cycleId');
  const values = await formBody(c);
  const pairs = pairsOf(values.remove);
  const removing = pairs.map((p) => `${p.nominationId}:${p.assessorId}`);
  const again = async (errors: FieldErrors, status: number) =>
    withStatus(await listPage(c, cycleId, { errors, removing }), status);
  if (pairs.length === 0)
    return again({ _form: translator(assignmentErrors, c.get('lang'))('noAssignmentSelected') }, 422);
  const actor = actorOf(c);
  if (values.confirm !== '1')
    return attempt(
      c,
      async () => {
        const plan = await previewUnassign(c.var.deps.db, actor, cycleId, pairs);
        const cycle = await assignmentCycle(c.var.deps.db, cycleId);
        return c.render(<UnassignConfirm cycle={cycle} plan={plan} />, {
          title: text(c)('removeConfirmTitle'),
        });
      },
      again,
    );
  return attempt(
    c,
    async () => {
      const { count } = await unassignMany(c.var.deps.db, nominationEnv(c.var.deps), actor, cycleId, pairs);
      return redirectWithFlash(c, base(cycleId), text(c)('unassignedMany', { count }));
    },
    again,
  );
});

async function autoPage(c: Ctx, cycleId: string, expertise: 'hard' | 'soft', errors?: FieldErrors) {
  const { db } = c.var.deps;
  const cycle = await assignmentCycle(db, cycleId);
  const preview = await previewAutomatic(db, cycleId, { expertise, lang: c.get('lang') });
  return c.render(
    <AutoPreview
      cycle={cycle}
      expertise={expertise}
      result={preview.result}
      nominations={preview.nominations}
      names={preview.names}
      errors={errors}
    />,
    { title: text(c)('autoTitle'), wide: true },
  );
}

const expertiseOf = (v: unknown): 'hard' | 'soft' => (v === 'soft' ? 'soft' : 'hard');

assignmentsRoutes.get('/assessment/cycles/:cycleId/assignments/auto', manage, (c) =>
  autoPage(c, idParam(c, 'cycleId'), expertiseOf(c.req.query('expertise'))),
);

assignmentsRoutes.post('/assessment/cycles/:cycleId/assignments/auto', manage, async (c) => {
  const cycleId = idParam(c, 'cycleId');
  const values = await formBody(c);
  const expertise = expertiseOf(values.expertise);
  const pairs = list(values.pairs)
    .map((p) => p.split(':'))
    .filter(([n, a]) => uuid.safeParse(n).success && uuid.safeParse(a).success)
    .map(([nominationId, assessorId]) => ({ nominationId: nominationId!, assessorId: assessorId! }));
  return attempt(
    c,
    async () => {
      const n = await confirmAutomatic(c.var.deps.db, nominationEnv(c.var.deps), actorOf(c), cycleId, {
        pairs,
        expertise,
      });
      return redirectWithFlash(c, base(cycleId), text(c)('assigned', { count: n }));
    },
    async (errors, status) => withStatus(await autoPage(c, cycleId, expertise, errors), status),
  );
});

async function nominationPage(
  c: Ctx,
  cycleId: string,
  nominationId: string,
  errors?: FieldErrors,
  assessorId?: string,
) {
  const { db } = c.var.deps;
  const cycle = await assignmentCycle(db, cycleId);
  const nomination = await assignmentNomination(db, cycleId, nominationId);
  const all = await assessorChoices(db, cycleId);
  const conflictRows = await conflictsFor(db, { ikmIds: [nomination.ikmId] });
  const conflictedIds = new Set(conflictRows.map((r) => r.assessorId));
  const assigned = new Set(nomination.assessors.map((a) => a.assessorId));
  return c.render(
    <NominationAssignments
      cycle={cycle}
      nomination={nomination}
      // Conflicted assessors are still offered, so that choosing one is refused with the conflict named.
      choices={all.filter((a) => !assigned.has(a.id))}
      conflicted={all.filter((a) => conflictedIds.has(a.id)).map((a) => a.name)}
      errors={errors}
      assessorId={assessorId}
    />,
    { title: text(c)('nominationTitle', { product: nomination.product }) },
  );
}

assignmentsRoutes.get('/assessment/cycles/:cycleId/assignments/:nominationId', manage, (c) =>
  nominationPage(c, idParam(c, 'cycleId'), idParam(c, 'nominationId')),
);

assignmentsRoutes.post('/assessment/cycles/:cycleId/assignments/:nominationId', manage, async (c) => {
  const cycleId = idParam(c, 'cycleId');
  const nominationId = idParam(c, 'nominationId');
  const values = await formBody(c);
  const assessorId = typeof values.assessorId === 'string' ? values.assessorId : '';
  const again = async (errors: FieldErrors, status: number) =>
    withStatus(await nominationPage(c, cycleId, nominationId, errors, assessorId), status);
  if (!uuid.safeParse(assessorId).success)
    return again({ assessorId: translator(assignmentErrors, c.get('lang'))('unknownAssessor') }, 422);
  return attempt(
    c,
    async () => {
      const n = await assignOne(c.var.deps.db, nominationEnv(c.var.deps), actorOf(c), cycleId, {
        nominationId,
        assessorId,
      });
      return redirectWithFlash(c, `${base(cycleId)}/${nominationId}`, text(c)('assigned', { count: n }));
    },
    again,
  );
});

assignmentsRoutes.post(
  '/assessment/cycles/:cycleId/assignments/:nominationId/unassign',
  manage,
  async (c) => {
    const cycleId = idParam(c, 'cycleId');
    const nominationId = idParam(c, 'nominationId');
    const values = await formBody(c);
    const assessorId =
      typeof values.assessorId === 'string' && uuid.safeParse(values.assessorId).success
        ? values.assessorId
        : '';
    if (!assessorId) throw new NotFoundError('assessor');
    return attempt(
      c,
      async () => {
        const name = await unassign(c.var.deps.db, nominationEnv(c.var.deps), actorOf(c), cycleId, {
          nominationId,
          assessorId,
        });
        return redirectWithFlash(c, `${base(cycleId)}/${nominationId}`, text(c)('unassigned', { name }));
      },
      async (errors, status) => withStatus(await nominationPage(c, cycleId, nominationId, errors), status),
    );
  },
);

/** The admin's way in: the rounds, each with its assignment page. */
assignmentsRoutes.get('/assessment/cycles', manage, async (c) => {
  const page = await listCycles(c.var.deps.db, {}, 50);
  return c.render(<CycleChoice cycles={page.rows.map((r) => ({ id: r.id, name: r.name, year: r.year }))} />, {
    title: text(c)('title'),
  });
});
