/**
 * The JSON API of results: a cycle's results (admin, assessors named), one nomination's aggregate
 * (admin; an assessor only once they submitted their own sheet, otherwise 404, and without names),
 * decisions, moderation posts and the agreed score.
 */
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import { nominationEnv } from '../nominations/nominations.env.ts';
import { STAR_CHANGES } from './assessment.domain.ts';
import {
  addModerationPost,
  assertModerationAccess,
  decideResult,
  moderationPostsOf,
  recordAgreedScore,
} from './decisions.service.ts';
import { AgreedInput, PostInput, ResultsQuery } from './results.forms.ts';
import { computeCycleResults, filterRows, type ResultRow, resultOf } from './results.service.ts';

const Note = z.object({ id: z.string(), en: z.string() });
const CycleParams = z.object({ cycleId: z.uuid() });
const IdParams = z.object({ id: z.uuid() });

const Figures = z.object({
  count: z.number().int(),
  expected: z.number().int().nullable(),
  complete: z.boolean(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  range: z.number().nullable(),
  sd: z.number().nullable(),
  normalisedMean: z.number().nullable(),
  flagged: z.boolean(),
  score: z.number().nullable(),
  scoreSource: z.enum(['mean', 'median', 'moderated']).nullable(),
});

const ResultOut = z.object({
  nominationId: z.string(),
  product: z.string(),
  ikm: z.string(),
  kabkotaCode: z.string(),
  commodity: z.string(),
  state: z.string(),
  sheets: z
    .array(
      z.object({
        assessorId: z.string(),
        assessorName: z.string(),
        total: z.number(),
        normalised: z.number().nullable(),
      }),
    )
    .describe('Each sheet, the assessor named (admin only)'),
  figures: Figures,
  computedStar: z.number().int().nullable(),
  gates: z.array(z.object({ code: z.string(), effect: z.string(), reason: Note })),
  rank: z.number().int().nullable(),
  decision: z
    .object({
      status: z.string(),
      finalStar: z.number().int().nullable(),
      computedStar: z.number().int().nullable(),
      overrideReason: z.string().nullable(),
      agreedScore: z.number().nullable(),
      agreedReason: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  previousStar: z.number().int().nullable(),
  starChange: z.enum(STAR_CHANGES).nullable(),
  notes: z.array(Note),
});

const AggregateOut = Figures.extend({
  nominationId: z.string(),
  totals: z.array(z.number()).describe('The sheets’ totals, without their assessors'),
});

function figures(r: ResultRow) {
  const x = r.result;
  return {
    count: x.count,
    expected: x.expected,
    complete: x.complete,
    mean: x.mean,
    median: x.median,
    range: x.range,
    sd: x.sd,
    normalisedMean: x.normalisedMean,
    flagged: x.flagged,
    score: x.score,
    scoreSource: x.scoreSource,
  };
}

function resultOut(r: ResultRow): z.input<typeof ResultOut> {
  return {
    nominationId: r.nomination.id,
    product: r.nomination.productName,
    ikm: r.nomination.ikmName,
    kabkotaCode: r.nomination.kabkotaCode,
    commodity: r.nomination.commodity,
    state: r.nomination.state,
    sheets: r.sheets.map((s) => ({
      assessorId: s.assessorId,
      assessorName: s.assessorName,
      total: s.total,
      normalised: s.normalised,
    })),
    figures: figures(r),
    computedStar: r.classification?.star ?? null,
    gates: (r.classification?.gates ?? []).map((g) => ({ code: g.code, effect: g.effect, reason: g.reason })),
    rank: r.rank?.rank ?? null,
    decision: r.stored
      ? {
          status: r.stored.status,
          finalStar: r.stored.finalStar,
          computedStar: r.stored.computedStar,
          overrideReason: r.stored.overrideReason,
          agreedScore: r.stored.agreedScore,
          agreedReason: r.stored.agreedReason,
          version: r.stored.version,
        }
      : null,
    previousStar: r.previous?.stars ?? null,
    starChange: r.starChange,
    notes: [...r.result.notes, ...(r.classification?.notes ?? [])].map((n) => n.text),
  };
}

export const resultsApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/assessment/cycles/:cycleId/results',
      tag: 'assessment',
      summary:
        'A cycle’s results computed from its submitted sheets: per nomination the sheets, mean, median, spread, normalised mean, flag, class and rank; the agreement and each assessor’s tendency (admin)',
      permission: 'results.manage',
      params: CycleParams,
      query: ResultsQuery,
      response: z.object({
        agreement: z.object({
          alpha: z.number().nullable(),
          units: z.number().int(),
          reading: z.string(),
          note: Note,
        }),
        assessors: z.array(
          z.object({
            assessorId: z.string(),
            name: z.string(),
            sheets: z.number().int(),
            mean: z.number(),
            severity: z.number().nullable(),
            tendency: z.string(),
          }),
        ),
        results: z.array(ResultOut),
      }),
      errors: [404],
    },
    async ({ params, query, c }) => {
      const view = await computeCycleResults(c.var.deps.db, params.cycleId);
      return {
        agreement: {
          alpha: view.agreement.alpha,
          units: view.agreement.units,
          reading: view.agreement.reading,
          note: view.agreement.note.text,
        },
        assessors: view.assessors.map((a) => ({
          assessorId: a.assessorId,
          name: a.name,
          sheets: a.sheets,
          mean: a.mean,
          severity: a.severity,
          tendency: a.tendency,
        })),
        results: filterRows(view.rows, query).map(resultOut),
      };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/assessment/nominations/:id/aggregate',
      tag: 'assessment',
      summary:
        'A nomination’s aggregate: the admin always; an assessor only after submitting their own sheet (404 before, or when not assigned), without the assessors’ names',
      permission: 'results.read',
      params: IdParams,
      response: AggregateOut,
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const { db } = c.var.deps;
      await assertModerationAccess(db, actor!, params.id);
      const { row } = await resultOf(db, params.id);
      return { nominationId: params.id, ...figures(row), totals: row.sheets.map((s) => s.total) };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/assessment/nominations/:id/result',
      tag: 'assessment',
      summary: 'One nomination’s full result with its class, gates and decision (admin)',
      permission: 'results.manage',
      params: IdParams,
      response: ResultOut,
      errors: [404],
    },
    async ({ params, c }) => resultOut((await resultOf(c.var.deps.db, params.id)).row),
  )
  .endpoint(
    {
      method: 'post',
      path: '/assessment/nominations/:id/decision',
      tag: 'assessment',
      summary:
        'Decide a result (admin): the computed star, or `star` with an `overrideReason`; refused (422) while sheets are incomplete, (409) once decided',
      permission: 'results.manage',
      params: IdParams,
      body: z.object({
        star: z.number().int().min(0).max(5).nullable().optional(),
        overrideReason: z.string().max(2000).optional(),
        version: z.number().int().min(0).optional(),
      }),
      response: z.object({ finalStar: z.number().int().nullable(), recommendations: z.number().int() }),
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const out = await decideResult(c.var.deps.db, nominationEnv(c.var.deps), actor!, params.id, body);
      return { finalStar: out.result.finalStar, recommendations: out.recommendations };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/assessment/nominations/:id/moderation',
      tag: 'assessment',
      summary: 'A nomination’s moderation posts (the admin; its assessors after submitting their own sheet)',
      permission: 'moderation.take_part',
      params: IdParams,
      response: z.array(
        z.object({ id: z.string(), author: z.string(), body: z.string(), createdAt: z.string() }),
      ),
      errors: [404],
    },
    async ({ params, actor, c }) =>
      (await moderationPostsOf(c.var.deps.db, actor!, params.id)).map((p) => ({
        id: p.id,
        author: p.authorName,
        body: p.body,
        createdAt: p.createdAt.toISOString(),
      })),
  )
  .endpoint(
    {
      method: 'post',
      path: '/assessment/nominations/:id/moderation',
      tag: 'assessment',
      summary: 'Post to a nomination’s moderation',
      permission: 'moderation.take_part',
      params: IdParams,
      body: PostInput,
      response: z.object({ ok: z.boolean() }),
      errors: [404],
    },
    async ({ params, body, actor, c }) => {
      await addModerationPost(c.var.deps.db, c.var.deps.config, actor!, params.id, body.body);
      return { ok: true };
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/assessment/nominations/:id/moderation/agreed',
      tag: 'assessment',
      summary: 'Record the agreed score of a flagged nomination with its reason (admin)',
      permission: 'results.manage',
      params: IdParams,
      body: AgreedInput,
      response: z.object({ agreedScore: z.number().nullable(), version: z.number().int() }),
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const row = await recordAgreedScore(c.var.deps.db, actor!, params.id, {
        score: body.agreedScore,
        reason: body.agreedReason,
        version: body.version,
      });
      return { agreedScore: row.agreedScore, version: row.version };
    },
  );
