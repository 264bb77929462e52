/**
 * The JSON API of the assessment set-up: rubrics and their versions (read: admin and assessors;
 * drafts, edits and publishing: admin), a cycle's rubric versions, assessor profiles (admin; the
 * assessor's own), and conflicts of interest (an assessor: their own; the admin: all).
 */
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import type { Actor } from '../../platform/actor.ts';
import { CommodityEnum, COMMODITIES, type Commodity } from '../../platform/domain.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import {
  CONFLICT_SOURCES,
  ConflictKindEnum,
  INSTITUTION_TYPES,
  RUBRIC_VERSION_STATUSES,
} from './assessment.domain.ts';
import { AssessorInput, OwnProfileInput } from './assessors.forms.ts';
import {
  type Assessor,
  cycleCaps,
  getAssessor,
  listAssessors,
  saveAssessor,
  saveOwnProfile,
} from './assessors.service.ts';
import { conflictErrors, conflictRules } from './conflicts.messages.ts';
import { WithdrawInput } from './conflicts.forms.ts';
import {
  type ConflictView,
  conflictSuggestions,
  confirmSuggestion,
  declareConflict,
  dismissSuggestion,
  getConflict,
  listConflicts,
  recordConflict,
  searchIkmForConflict,
  withdrawConflict,
} from './conflicts.service.ts';
import { aspectWeights } from './rubric.diff.ts';
import { RubricContent, toRubric, toWeightRule, WeightRuleSchema } from './rubric.forms.ts';
import { COACHING_KINDS } from './rubric.rules.ts';
import {
  cycleRubricChoices,
  getVersion,
  linkCycleRubrics,
  listRubrics,
  listVersions,
  publishDraft,
  type RubricVersionRow,
  replaceDraft,
  startDraft,
  checkLevels,
  versionUsage,
  versionViolations,
} from './rubrics.service.ts';

// Shapes ---------------------------------------------------------------------------------------------

const Bilingual = z.object({ id: z.string(), en: z.string() });
const FieldMessage = z.object({ path: z.string(), message: z.string() });

const VersionSummaryOut = z.object({
  number: z.number().int(),
  status: z.enum(RUBRIC_VERSION_STATUSES),
  hasPlaceholders: z.boolean(),
  basedOn: z.number().int().nullable(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

const RubricOut = z.object({
  commodity: CommodityEnum,
  title: Bilingual.nullable(),
  latestPublished: z.number().int().nullable(),
  hasPlaceholders: z.boolean(),
  draft: z.number().int().nullable().describe('The draft in progress (admin only)'),
  usedBy: z.array(z.string()),
});

const LevelOut = z.object({ level: z.number(), points: z.number(), label: Bilingual, descriptor: Bilingual });
const CriterionOut = z.object({
  code: z.string(),
  name: Bilingual,
  group: Bilingual.optional(),
  weight: z.number(),
  levels: z.array(LevelOut),
  coaching: z.enum(COACHING_KINDS),
  coachable: z.boolean().optional(),
  provenance: z.string().optional(),
});
const ContentOut = z.object({
  commodity: z.string(),
  title: Bilingual,
  aspects: z.array(z.object({ code: z.string(), name: Bilingual, criteria: z.array(CriterionOut) })),
  note: Bilingual.optional(),
});

const VersionOut = VersionSummaryOut.extend({
  commodity: CommodityEnum,
  version: z.number().int().describe('Send it back when changing a draft (optimistic concurrency)'),
  content: ContentOut,
  weightRule: WeightRuleSchema,
  aspectWeights: z.record(z.string(), z.number()),
  totalWeight: z.number(),
  violations: z.array(FieldMessage).describe('What stops a draft from being published'),
  usedBy: z.array(z.object({ cycleId: z.string(), cycleName: z.string() })),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function versionOut(
  row: RubricVersionRow,
  lang: 'id' | 'en',
  usedBy: { cycleId: string; cycleName: string }[],
): z.infer<typeof VersionOut> {
  const weights = aspectWeights(row.content);
  return {
    commodity: row.commodity,
    number: row.number,
    status: row.status,
    hasPlaceholders: row.hasPlaceholders,
    basedOn: row.basedOn,
    changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    version: row.version,
    content: row.content as z.infer<typeof ContentOut>,
    weightRule: row.weightRule,
    aspectWeights: weights,
    totalWeight: Object.values(weights).reduce((s, x) => s + x, 0),
    violations:
      row.status === 'draft'
        ? versionViolations(row).map((v) => ({ path: v.path, message: v.text[lang] }))
        : [],
    usedBy,
  };
}

const CommodityParams = z.object({ commodity: CommodityEnum });
const VersionParams = z.object({ commodity: CommodityEnum, number: z.coerce.number().int().min(1) });

const AssessorOut = z.object({
  userId: z.uuid(),
  name: z.string(),
  accountEmail: z.string(),
  disabled: z.boolean(),
  hasProfile: z.boolean(),
  institution: z.string().nullable(),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  expertise: z.array(CommodityEnum),
  loadCap: z.number().int(),
  cycleCaps: z.record(z.string(), z.number().int()).optional(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  version: z.number().int(),
});

const assessorOut = (a: Assessor, caps?: Map<string, number>): z.infer<typeof AssessorOut> => ({
  userId: a.userId,
  name: a.name,
  accountEmail: a.accountEmail,
  disabled: a.disabled,
  hasProfile: a.hasProfile,
  institution: a.institution,
  institutionType: a.institutionType,
  expertise: a.expertise,
  loadCap: a.loadCap,
  ...(caps ? { cycleCaps: Object.fromEntries(caps) } : {}),
  phone: a.phone,
  email: a.email,
  version: a.version,
});

const ConflictOut = z.object({
  id: z.uuid(),
  assessorId: z.uuid(),
  assessorName: z.string(),
  ikmId: z.uuid(),
  ikmName: z.string(),
  kabkotaCode: z.string(),
  kind: ConflictKindEnum,
  note: z.string().nullable(),
  source: z.enum(CONFLICT_SOURCES),
  matches: z.array(z.object({ on: z.string(), value: z.string() })).nullable(),
  createdAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  version: z.number().int(),
});

const conflictOut = (r: ConflictView): z.infer<typeof ConflictOut> => ({
  id: r.id,
  assessorId: r.assessorId,
  assessorName: r.assessorName,
  ikmId: r.ikmId,
  ikmName: r.ikmName,
  kabkotaCode: r.kabkotaCode,
  kind: r.kind,
  note: r.note,
  source: r.source,
  matches: r.matches,
  createdAt: r.createdAt.toISOString(),
  withdrawnAt: iso(r.withdrawnAt),
  withdrawReason: r.withdrawReason,
  version: r.version,
});

const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), next: z.string().nullable(), prev: z.string().nullable() });

const isAdmin = (actor: Actor) => isProvinceWide(actor);

// Endpoints ------------------------------------------------------------------------------------------

export const assessmentApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/rubrics',
      tag: 'assessment',
      summary: 'Each commodity’s rubric: its latest published version, and the draft (admin)',
      permission: 'rubrics.read',
      response: z.array(RubricOut),
    },
    async ({ actor, c }) =>
      (await listRubrics(c.var.deps.db, actor!)).map((r) => ({
        commodity: r.commodity,
        title: r.latest?.title ?? null,
        latestPublished: r.latest?.number ?? null,
        hasPlaceholders: r.latest?.hasPlaceholders ?? false,
        draft: r.draft?.number ?? null,
        usedBy: r.cycles,
      })),
  )
  .endpoint(
    {
      method: 'get',
      path: '/rubrics/:commodity/versions',
      tag: 'assessment',
      summary: 'The versions of a commodity’s rubric, newest first (assessors: published only)',
      permission: 'rubrics.read',
      params: CommodityParams,
      response: z.array(VersionSummaryOut),
    },
    async ({ params, actor, c }) =>
      (await listVersions(c.var.deps.db, actor!, params.commodity)).map((v) => ({
        number: v.number,
        status: v.status,
        hasPlaceholders: v.hasPlaceholders,
        basedOn: v.basedOn,
        changeNote: v.changeNote,
        createdAt: v.createdAt.toISOString(),
        publishedAt: iso(v.publishedAt),
      })),
  )
  .endpoint(
    {
      method: 'get',
      path: '/rubrics/:commodity/versions/:number',
      tag: 'assessment',
      summary: 'One version with its content, weights and (for a draft) what stops it from being published',
      permission: 'rubrics.read',
      params: VersionParams,
      response: VersionOut,
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const row = await getVersion(c.var.deps.db, actor!, params.commodity, params.number);
      const usage = (await versionUsage(c.var.deps.db, [row.id])).get(row.id) ?? [];
      return versionOut(row, c.get('lang'), usage);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/rubrics/:commodity/versions',
      tag: 'assessment',
      summary: 'Start a new version: a draft copied from `from` (default: the latest published)',
      permission: 'rubrics.manage',
      params: CommodityParams,
      body: z.object({ from: z.number().int().min(1).optional() }),
      response: VersionOut,
      errors: [404, 409],
    },
    async ({ params, body, actor, c }) =>
      versionOut(await startDraft(c.var.deps.db, actor!, params.commodity, body.from), c.get('lang'), []),
  )
  .endpoint(
    {
      method: 'put',
      path: '/rubrics/:commodity/versions/:number',
      tag: 'assessment',
      summary:
        'Replace a draft’s content; refused (422, each broken rule at its path) when it breaks the weights’ rule, and (409) for a published version',
      permission: 'rubrics.manage',
      params: VersionParams,
      body: z.object({
        content: RubricContent,
        weightRule: WeightRuleSchema,
        version: z.number().int().min(1),
      }),
      response: VersionOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const row = await replaceDraft(c.var.deps.db, actor!, params.commodity, params.number, {
        content: toRubric(params.commodity, body.content),
        weightRule: toWeightRule(body.weightRule),
        version: body.version,
      });
      return versionOut(row, c.get('lang'), []);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/rubrics/:commodity/versions/:number/publish',
      tag: 'assessment',
      summary: 'Publish the draft (refused while any rule is broken); it never changes afterwards',
      permission: 'rubrics.manage',
      params: VersionParams,
      body: z.object({ version: z.number().int().min(1), changeNote: z.string().max(2000).optional() }),
      response: VersionOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const draft = await getVersion(c.var.deps.db, actor!, params.commodity, params.number);
      if (draft.status !== 'draft') throw new NotFoundError('rubric_draft');
      const row = await publishDraft(c.var.deps.db, actor!, params.commodity, body);
      return versionOut(row, c.get('lang'), []);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/rubrics/:commodity/versions/:number/check',
      tag: 'assessment',
      summary:
        'Check a score sheet’s levels against a version and score it (0–100); a criterion or level not in the rubric is refused (422)',
      permission: 'rubrics.read',
      params: VersionParams,
      body: z.object({
        levels: z.record(z.string().max(12), z.number().int().nullable()),
        complete: z.boolean().optional().describe('Also refuse criteria without a level (as on submitting)'),
      }),
      response: z.object({
        total: z.number(),
        aspects: z.record(z.string(), z.number()),
        complete: z.boolean(),
        missing: z.array(z.string()),
      }),
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const row = await getVersion(c.var.deps.db, actor!, params.commodity, params.number);
      const score = await checkLevels(c.var.deps.db, actor!, row.id, body.levels, {
        complete: body.complete ?? false,
      });
      return score;
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/cycles/:id/rubrics',
      tag: 'assessment',
      summary: 'The rubric version each commodity of a cycle is assessed with',
      permission: 'rubrics.read',
      params: z.object({ id: z.uuid() }),
      response: z.array(
        z.object({
          commodity: CommodityEnum,
          version: z.number().int().nullable(),
          published: z.array(z.number().int()),
        }),
      ),
      errors: [404],
    },
    async ({ params, c }) => {
      const { rows } = await cycleRubricChoices(c.var.deps.db, params.id);
      return rows.map((r) => ({
        commodity: r.commodity,
        version: r.options.find((o) => o.id === r.current)?.number ?? null,
        published: r.options.map((o) => o.number),
      }));
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/cycles/:id/rubrics',
      tag: 'assessment',
      summary:
        'Choose the published rubric version of each commodity (null: none); a cycle with submissions needs a reason',
      permission: 'cycles.manage',
      params: z.object({ id: z.uuid() }),
      body: z.object({
        rubrics: z.partialRecord(CommodityEnum, z.number().int().min(1).nullable()),
        reason: z.string().max(1000).optional(),
      }),
      response: z.object({ changed: z.array(CommodityEnum) }),
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db } = c.var.deps;
      const choices: Partial<Record<Commodity, string | null>> = {};
      for (const commodity of COMMODITIES) {
        const n = body.rubrics[commodity];
        if (n === undefined) continue;
        if (n === null) choices[commodity] = null;
        else {
          const row = await getVersion(db, actor!, commodity, n).catch(() => null);
          // An unknown or unpublished number is refused by linkCycleRubrics with its message.
          choices[commodity] = row?.status === 'published' ? row.id : `missing:${n}`;
        }
      }
      const changed = await linkCycleRubrics(db, actor!, params.id, { choices, reason: body.reason });
      return { changed };
    },
  )
  // Assessors -------------------------------------------------------------------------------------
  .endpoint(
    {
      method: 'get',
      path: '/assessors',
      tag: 'assessment',
      summary: 'Assessors and their profiles, by name (keyset pages)',
      permission: 'assessors.manage',
      query: z.object({
        q: z.string().max(100).optional(),
        after: z.string().max(1000).optional(),
        before: z.string().max(1000).optional(),
      }),
      response: pageOf(AssessorOut.extend({ conflicts: z.number().int() })),
    },
    async ({ query, c }) => {
      const page = await listAssessors(c.var.deps.db, query);
      return { ...page, rows: page.rows.map((a) => ({ ...assessorOut(a), conflicts: a.conflicts })) };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/assessors/:id',
      tag: 'assessment',
      summary: 'One assessor’s profile with the per-cycle caps',
      permission: 'assessors.manage',
      params: z.object({ id: z.uuid() }),
      response: AssessorOut,
      errors: [404],
    },
    async ({ params, c }) => {
      const a = await getAssessor(c.var.deps.db, params.id);
      return assessorOut(a, await cycleCaps(c.var.deps.db, a.userId));
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/assessors/:id',
      tag: 'assessment',
      summary: 'Save an assessor’s profile (send the version read; 0 before the first save)',
      permission: 'assessors.manage',
      params: z.object({ id: z.uuid() }),
      body: AssessorInput,
      response: AssessorOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const a = await saveAssessor(c.var.deps.db, actor!, params.id, body);
      return assessorOut(a, await cycleCaps(c.var.deps.db, a.userId));
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/me/assessor-profile',
      tag: 'assessment',
      summary: 'The calling assessor’s own profile',
      permission: 'assessment.self',
      response: AssessorOut,
    },
    async ({ actor, c }) => assessorOut(await getAssessor(c.var.deps.db, actor!.userId!)),
  )
  .endpoint(
    {
      method: 'put',
      path: '/me/assessor-profile',
      tag: 'assessment',
      summary: 'The calling assessor changes their expertise and contacts',
      permission: 'assessment.self',
      body: OwnProfileInput,
      response: AssessorOut,
      errors: [409, 422],
    },
    async ({ body, actor, c }) => assessorOut(await saveOwnProfile(c.var.deps.db, actor!, body)),
  )
  // Conflicts -------------------------------------------------------------------------------------
  .endpoint(
    {
      method: 'get',
      path: '/conflicts/ikm-search',
      tag: 'assessment',
      summary: 'IKMs by name (and kab/kota) to declare a conflict against: name and region only',
      permission: 'conflicts.read',
      query: z.object({
        q: z.string().max(100).optional(),
        kabkota: z
          .string()
          .regex(/^\d{2}\.\d{2}$/)
          .optional(),
      }),
      response: z.array(z.object({ id: z.uuid(), name: z.string(), kabkotaCode: z.string() })),
    },
    async ({ query, c }) =>
      (await searchIkmForConflict(c.var.deps.db, { q: query.q, kabkotaCode: query.kabkota })).map((r) => ({
        id: r.id,
        name: r.name,
        kabkotaCode: r.kabkotaCode,
      })),
  )
  .endpoint(
    {
      method: 'get',
      path: '/conflicts/suggestions',
      tag: 'assessment',
      summary:
        'Likely conflicts not yet decided: an assessor and an IKM sharing an institution, phone or e-mail',
      permission: 'conflicts.manage',
      response: z.array(
        z.object({
          assessorId: z.uuid(),
          assessorName: z.string(),
          ikmId: z.uuid(),
          ikmName: z.string(),
          kind: ConflictKindEnum,
          matches: z.array(z.object({ on: z.string(), value: z.string() })),
          note: z.string(),
        }),
      ),
    },
    async ({ c }) =>
      (await conflictSuggestions(c.var.deps.db)).map((s) => ({
        assessorId: s.assessorId,
        assessorName: s.assessorName,
        ikmId: s.ikmId,
        ikmName: s.ikmName,
        kind: s.kind,
        matches: s.matches,
        note: s.note.text[c.get('lang')],
      })),
  )
  .endpoint(
    {
      method: 'post',
      path: '/conflicts/suggestions/confirm',
      tag: 'assessment',
      summary: 'Confirm a suggestion: it becomes a conflict in force',
      permission: 'conflicts.manage',
      body: z.object({
        assessorId: z.uuid(),
        ikmId: z.uuid(),
        kind: ConflictKindEnum,
        note: z.string().max(1000).optional(),
      }),
      response: ConflictOut,
      errors: [409],
    },
    async ({ body, actor, c }) => {
      const row = await confirmSuggestion(c.var.deps.db, actor!, body);
      return conflictOut(await getConflict(c.var.deps.db, actor!, row.id));
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/conflicts/suggestions/dismiss',
      tag: 'assessment',
      summary: 'Dismiss a suggestion with a reason; it is not suggested again',
      permission: 'conflicts.manage',
      body: z.object({ assessorId: z.uuid(), ikmId: z.uuid(), reason: z.string().trim().min(1).max(1000) }),
      response: z.object({ dismissed: z.boolean() }),
      errors: [409],
    },
    async ({ body, actor, c }) => {
      await dismissSuggestion(c.var.deps.db, actor!, body);
      return { dismissed: true };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/conflicts',
      tag: 'assessment',
      summary: 'Conflicts of interest, newest first: an assessor gets their own, the admin every one',
      permission: 'conflicts.read',
      query: z.object({
        assessorId: z.uuid().optional(),
        status: z.enum(['active', 'withdrawn', 'all']).default('all'),
        after: z.string().max(1000).optional(),
        before: z.string().max(1000).optional(),
      }),
      response: pageOf(ConflictOut),
    },
    async ({ query, actor, c }) => {
      const page = await listConflicts(c.var.deps.db, actor!, query);
      return { ...page, rows: page.rows.map(conflictOut) };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/conflicts/:id',
      tag: 'assessment',
      summary: 'One conflict (another assessor’s answers 404)',
      permission: 'conflicts.read',
      params: z.object({ id: z.uuid() }),
      response: ConflictOut,
      errors: [404],
    },
    async ({ params, actor, c }) => conflictOut(await getConflict(c.var.deps.db, actor!, params.id)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/conflicts',
      tag: 'assessment',
      summary:
        'Declare a conflict (an assessor, for themselves) or record one (the admin, naming the assessor)',
      permission: 'conflicts.write',
      body: z.object({
        ikmId: z.uuid(),
        kind: ConflictKindEnum,
        note: z.string().max(1000).optional(),
        assessorId: z.uuid().optional().describe('The admin names the assessor; an assessor leaves it out'),
      }),
      response: ConflictOut,
      errors: [404, 409, 422],
    },
    async ({ body, actor, c }) => {
      const { db } = c.var.deps;
      let row: { id: string };
      if (isAdmin(actor!)) {
        if (!body.assessorId)
          throw new DomainError(
            conflictErrors.assessorRequired,
            {},
            { assessorId: conflictRules.assessor },
            422,
          );
        row = await recordConflict(db, actor!, { ...body, assessorId: body.assessorId });
      } else {
        if (body.assessorId && body.assessorId !== actor!.userId) throw new NotFoundError('assessor');
        row = await declareConflict(db, actor!, body);
      }
      return conflictOut(await getConflict(db, actor!, row.id));
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/conflicts/:id/withdraw',
      tag: 'assessment',
      summary: 'Withdraw a conflict with a reason (admin only; audited)',
      permission: 'conflicts.manage',
      params: z.object({ id: z.uuid() }),
      body: WithdrawInput,
      response: ConflictOut,
      errors: [404, 409],
    },
    async ({ params, body, actor, c }) => {
      await withdrawConflict(c.var.deps.db, actor!, params.id, body);
      return conflictOut(await getConflict(c.var.deps.db, actor!, params.id));
    },
  );
