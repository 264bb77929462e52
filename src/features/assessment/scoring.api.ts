/**
 * The JSON API of assignment and scoring: the admin's assignment list of a cycle; the assessor's own
 * assignments and their own sheet (read, save draft, submit). An assessor gets 404 for a sheet or a
 * nomination not assigned to them; no endpoint here returns another assessor's scores or an aggregate.
 */
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import { CommodityEnum, NominationStateEnum } from '../../platform/domain.ts';
import { nominationEnv } from '../nominations/nominations.env.ts';
import { ASSIGNMENT_METHODS, SHEET_STATUSES } from './assessment.domain.ts';
import { assignmentCycle, listAssignments } from './assignments.service.ts';
import { SheetBody, sheetInputFromBody } from './sheets.forms.ts';
import { getOwnSheet, myAssignments, type SheetView, saveSheet, submitSheet } from './sheets.service.ts';

const Bilingual = z.object({ id: z.string(), en: z.string() });

const AssignmentRowOut = z.object({
  nominationId: z.uuid(),
  product: z.string(),
  ikm: z.string(),
  commodity: CommodityEnum,
  kabkotaCode: z.string(),
  state: NominationStateEnum,
  assessors: z.array(
    z.object({
      assessorId: z.uuid(),
      name: z.string(),
      method: z.enum(ASSIGNMENT_METHODS),
      sheetStatus: z.enum(SHEET_STATUSES).nullable(),
    }),
  ),
});

const MyAssignmentOut = z.object({
  nominationId: z.uuid(),
  sheetId: z.uuid().nullable(),
  product: z.string(),
  ikm: z.string(),
  commodity: CommodityEnum,
  regency: z.string(),
  cycleName: z.string(),
  status: z.enum(SHEET_STATUSES).nullable(),
  chosen: z.number().int(),
  moderation: z.boolean(),
  criteria: z.number().int(),
});

const SheetOut = z.object({
  id: z.uuid(),
  nominationId: z.uuid(),
  product: z.string(),
  ikm: z.string(),
  commodity: CommodityEnum,
  status: z.enum(SHEET_STATUSES),
  version: z.number().int().describe('Send it back when saving (optimistic concurrency)'),
  rubricVersion: z.number().int(),
  criteria: z.array(
    z.object({
      aspect: z.string(),
      code: z.string(),
      name: Bilingual,
      weight: z.number(),
      levels: z.array(
        z.object({ level: z.number().int(), points: z.number(), label: Bilingual, descriptor: Bilingual }),
      ),
      chosen: z.number().int().nullable(),
      note: z.string().nullable(),
    }),
  ),
  siteVisitDate: z.string().nullable(),
  fromPaper: z.boolean(),
  generalNote: z.string().nullable(),
  total: z.number().nullable().describe('This sheet’s own weighted total, once submitted'),
  aspects: z.record(z.string(), z.number()).nullable(),
  submittedAt: z.string().nullable(),
});

function sheetOut(view: SheetView): z.infer<typeof SheetOut> {
  const s = view.sheet;
  return {
    id: s.id,
    nominationId: s.nominationId,
    product: view.nomination.product,
    ikm: view.nomination.ikm,
    commodity: view.nomination.commodity,
    status: s.status,
    version: s.version,
    rubricVersion: view.rubricNumber,
    criteria: view.rubric.aspects.flatMap((a) =>
      a.criteria.map((c) => ({
        aspect: a.code,
        code: c.code,
        name: c.name,
        weight: c.weight,
        levels: c.levels,
        chosen: view.entries.get(c.code)?.level ?? null,
        note: view.entries.get(c.code)?.note ?? null,
      })),
    ),
    siteVisitDate: s.siteVisitDate,
    fromPaper: s.fromPaper,
    generalNote: s.generalNote,
    total: s.status === 'submitted' ? s.total : null,
    aspects: s.status === 'submitted' ? (s.aspects ?? null) : null,
    submittedAt: s.submittedAt ? s.submittedAt.toISOString() : null,
  };
}

const SheetParams = z.object({ id: z.uuid() });

export const scoringApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/cycles/:id/assignments',
      tag: 'assessment',
      summary:
        'A cycle’s nominations that passed selection or are being assessed, with their assessors (admin)',
      permission: 'assignments.manage',
      params: z.object({ id: z.uuid() }),
      response: z.object({ k: z.number().int(), rows: z.array(AssignmentRowOut) }),
      errors: [404],
    },
    async ({ params, c }) => {
      const { db } = c.var.deps;
      const cycle = await assignmentCycle(db, params.id);
      const rows = await listAssignments(db, params.id);
      return {
        k: cycle.k,
        rows: rows.map((n) => ({
          nominationId: n.id,
          product: n.product,
          ikm: n.ikm,
          commodity: n.commodity,
          kabkotaCode: n.kabkotaCode,
          state: n.state,
          assessors: n.assessors.map((a) => ({
            assessorId: a.assessorId,
            name: a.name,
            method: a.method,
            sheetStatus: a.sheetStatus,
          })),
        })),
      };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/assessment/assignments',
      tag: 'assessment',
      summary: 'The signed-in assessor’s assignments with their sheet’s progress',
      permission: 'assessment.self',
      response: z.array(MyAssignmentOut),
    },
    async ({ actor, c }) => myAssignments(c.var.deps.db, actor!),
  )
  .endpoint(
    {
      method: 'get',
      path: '/assessment/sheets/:id',
      tag: 'assessment',
      summary: 'The assessor’s own score sheet with the rubric (404 for anyone else’s)',
      permission: 'assessment.self',
      params: SheetParams,
      response: SheetOut,
      errors: [404],
    },
    async ({ params, actor, c }) => sheetOut(await getOwnSheet(c.var.deps.db, actor!, params.id)),
  )
  .endpoint(
    {
      method: 'put',
      path: '/assessment/sheets/:id',
      tag: 'assessment',
      summary:
        'Save the draft: a level not in the rubric is refused (422); a submitted sheet is locked (409); a stale version is refused (409)',
      permission: 'assessment.self',
      params: SheetParams,
      body: SheetBody,
      response: SheetOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db } = c.var.deps;
      await saveSheet(db, actor!, params.id, sheetInputFromBody(body));
      return sheetOut(await getOwnSheet(db, actor!, params.id));
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/assessment/sheets/:id/submit',
      tag: 'assessment',
      summary:
        'Submit and lock the sheet: every criterion needs a level (the missing ones are listed, 422); submitted twice counts once (409)',
      permission: 'assessment.self',
      params: SheetParams,
      body: SheetBody,
      response: SheetOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db } = c.var.deps;
      await submitSheet(db, nominationEnv(c.var.deps), actor!, params.id, sheetInputFromBody(body));
      return sheetOut(await getOwnSheet(db, actor!, params.id));
    },
  );
