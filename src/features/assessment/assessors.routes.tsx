/**
 * Assessor pages: the admin's list and profile form, and the assessor's own area (/assessment) with
 * their profile. Conflict pages are in conflicts.routes.tsx.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { listCycles } from '../cycles/cycles.service.ts';
import { AssessorFilter, AssessorForm, OwnProfileInput } from './assessors.forms.ts';
import { assessorsText } from './assessors.messages.ts';
import {
  type Assessor,
  cycleCaps,
  getAssessor,
  listAssessors,
  saveAssessor,
  saveOwnProfile,
} from './assessors.service.ts';
import {
  AssessmentHome,
  AssessorEditPage,
  AssessorList,
  assessorValues,
  OwnProfilePage,
} from './assessors.views.tsx';
import { conflictSuggestions, listConflicts, recentOwnConflicts } from './conflicts.service.ts';
import { myAssignments } from './sheets.service.ts';

export const assessorsRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(assessorsText, c.get('lang'));
const manage = requirePermission('assessors.manage');
const self = requirePermission('assessment.self');

function userIdOf(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('assessor');
  return parsed.data;
}

assessorsRoutes.get('/admin/assessors', manage, async (c) => {
  const parsed = await validate(AssessorFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : AssessorFilter.parse({});
  const { db } = c.var.deps;
  const page = await listAssessors(db, filter);
  const suggestions = (await conflictSuggestions(db)).length;
  return c.render(<AssessorList page={page} filter={filter} suggestions={suggestions} />, {
    title: text(c)('title'),
  });
});

/** The live cycles an assessor's cap may be set for (newest first). */
async function recentCycles(c: Ctx) {
  const page = await listCycles(c.var.deps.db, {}, 20);
  return page.rows.map((r) => ({ id: r.id, name: r.name }));
}

async function editPage(
  c: Ctx,
  assessor: Assessor,
  values: Record<string, unknown>,
  errors?: Record<string, string>,
  current?: Assessor,
) {
  const { db } = c.var.deps;
  const conflicts = await listConflicts(db, actorOf(c), { assessorId: assessor.userId, status: 'all' }, 100);
  return c.render(
    <AssessorEditPage
      assessor={assessor}
      cycles={await recentCycles(c)}
      values={values}
      errors={errors}
      current={current}
      conflicts={conflicts.rows}
    />,
    { title: assessor.name },
  );
}

assessorsRoutes.get('/admin/assessors/:id', manage, async (c) => {
  const { db } = c.var.deps;
  const assessor = await getAssessor(db, userIdOf(c));
  return editPage(c, assessor, assessorValues(assessor, await cycleCaps(db, assessor.userId)));
});

assessorsRoutes.post('/admin/assessors/:id', manage, async (c) => {
  const { db } = c.var.deps;
  const id = userIdOf(c);
  const assessor = await getAssessor(db, id);
  return handleForm<typeof AssessorForm, Assessor>(c, AssessorForm, {
    valid: async (input) => {
      const saved = await saveAssessor(db, actorOf(c), id, input);
      return redirectWithFlash(c, `/admin/assessors/${id}`, text(c)('saved', { name: saved.name }));
    },
    invalid: ({ values, errors, current }) =>
      editPage(
        c,
        current ?? assessor,
        current ? { ...values, version: String(current.version) } : values,
        errors,
        current,
      ),
  });
});

// The assessor's own area ----------------------------------------------------------------------------

assessorsRoutes.get('/assessment', self, async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const assessor = await getAssessor(db, actor.userId!);
  const conflicts = await recentOwnConflicts(db, actor, 100);
  return c.render(
    <AssessmentHome
      assessor={assessor}
      conflicts={conflicts}
      activeConflicts={conflicts.filter((x) => !x.withdrawnAt).length}
      assignments={(await myAssignments(db, actor)).length}
    />,
    { title: text(c)('areaTitle') },
  );
});

function ownValues(a: Assessor): Record<string, unknown> {
  return { expertise: a.expertise, phone: a.phone ?? '', email: a.email ?? '', version: String(a.version) };
}

assessorsRoutes.get('/assessment/profile', self, async (c) => {
  const assessor = await getAssessor(c.var.deps.db, actorOf(c).userId!);
  return c.render(<OwnProfilePage assessor={assessor} values={ownValues(assessor)} />, {
    title: text(c)('myProfile'),
  });
});

assessorsRoutes.post('/assessment/profile', self, async (c) => {
  const { db } = c.var.deps;
  const assessor = await getAssessor(db, actorOf(c).userId!);
  return handleForm<typeof OwnProfileInput, Assessor>(c, OwnProfileInput, {
    valid: async (input) => {
      await saveOwnProfile(db, actorOf(c), input);
      return redirectWithFlash(c, '/assessment', text(c)('ownSaved'));
    },
    invalid: ({ values, errors, current }) =>
      c.render(
        <OwnProfilePage
          assessor={current ?? assessor}
          values={current ? { ...values, version: String(current.version) } : values}
          errors={errors}
          current={current}
        />,
        { title: text(c)('myProfile') },
      ),
  });
});
