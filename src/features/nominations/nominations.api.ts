/**
 * The JSON API of candidates, nominations (the officer's actions and the province's selection),
 * the funnel and earlier awards: the same services and schemas as the pages.
 */
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import type { Ctx } from '../../platform/context.ts';
import { CommodityEnum, NominationStateEnum } from '../../platform/domain.ts';
import { render } from '../../platform/i18n.ts';
import { AwardSourceEnum, ReviewVerdictEnum } from '../../platform/nomination-domain.ts';
import { outcomeDetail, ruleLabel } from '../cycles/nominations.messages.ts';
import { uploadFromBase64 } from '../registry/uploads.ts';
import { createEarlierAward, listEarlierAwards } from './awards.service.ts';
import {
  type CandidateListRow,
  commentOnCandidate,
  createCandidate,
  getCandidate,
  listCandidates,
  removeCandidate,
} from './candidates.service.ts';
import { cycleFunnel } from './funnel.service.ts';
import { nominationEnv } from './nominations.env.ts';
import {
  AwardCreate,
  BulkInput,
  CandidateCreate,
  CandidateFilter,
  DocumentFields,
  NominationCreate,
  NominationDetails,
  NominationFilter,
  ReviewInput,
  Withdraw,
} from './nominations.forms.ts';
import {
  attachRegistryDocument,
  createNomination,
  listNominations,
  type NominationDetail,
  type NominationListRow,
  nominationDetail,
  updateNominationDetails,
  uploadDocument,
} from './nominations.service.ts';
import {
  bulkDecide,
  failNomination,
  passNomination,
  resubmitNomination,
  returnNomination,
  saveReview,
  submitNomination,
  withdrawNomination,
} from './nominations.transitions.ts';

const env = (c: Ctx) => nominationEnv(c.var.deps);
const iso = (d: Date | null) => d?.toISOString() ?? null;

const CandidateOut = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  kabkotaCode: z.string(),
  productId: z.uuid(),
  productName: z.string(),
  ikmId: z.uuid(),
  ikmName: z.string(),
  commodity: CommodityEnum,
  justification: z.string(),
  createdAt: z.string(),
  comments: z.number().int(),
  nomination: z.object({ id: z.uuid(), state: NominationStateEnum }).nullable(),
});
const candidateOut = (r: CandidateListRow): z.infer<typeof CandidateOut> => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});

const NominationSummaryOut = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  kabkotaCode: z.string(),
  productId: z.uuid(),
  productName: z.string(),
  ikmName: z.string(),
  commodity: CommodityEnum,
  state: NominationStateEnum,
  round: z.number().int(),
  returnCount: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const summaryOut = (r: NominationListRow): z.infer<typeof NominationSummaryOut> => ({
  ...r,
  submittedAt: iso(r.submittedAt),
  updatedAt: r.updatedAt.toISOString(),
});

const DocumentOut = z.object({
  id: z.uuid(),
  number: z.number().int(),
  source: z.enum(['upload', 'registry']),
  fileName: z.string(),
  fileMime: z.string(),
  documentNumber: z.string().nullable(),
  expiresOn: z.string().nullable(),
  round: z.number().int(),
  createdAt: z.string(),
  current: z.boolean(),
  url: z.string(),
});

const NominationOut = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  kabkotaCode: z.string(),
  productId: z.uuid(),
  productName: z.string(),
  ikmId: z.uuid(),
  ikmName: z.string(),
  commodity: CommodityEnum,
  state: NominationStateEnum,
  round: z.number().int(),
  statement: z.string().nullable(),
  notLeadReason: z.string().nullable(),
  configVersion: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
  deadline: z.string().nullable(),
  windowState: z.enum(['not_open', 'open', 'closed']).nullable(),
  completeness: z.object({
    requiredDone: z.number().int(),
    requiredTotal: z.number().int(),
    optionalDone: z.number().int(),
    optionalTotal: z.number().int(),
  }),
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      label: z.string(),
      required: z.boolean(),
      status: z.enum(['not_started', 'done', 'returned']),
      automatic: z.object({
        present: z.boolean(),
        typeOk: z.boolean(),
        validOnDeadline: z.boolean().nullable(),
      }),
      review: z.object({ verdict: ReviewVerdictEnum, comment: z.string().nullable() }).nullable(),
      documents: z.array(DocumentOut),
    }),
  ),
  eligibility: z.object({
    eligible: z.boolean(),
    rules: z.array(
      z.object({
        rule: z.string(),
        label: z.string(),
        status: z.enum(['pass', 'fail', 'not_applicable', 'flag']),
        detail: z.string(),
      }),
    ),
  }),
});

function nominationOut(d: NominationDetail, lang: 'id' | 'en'): z.infer<typeof NominationOut> {
  const n = d.nomination;
  return {
    id: n.id,
    cycleId: n.cycleId,
    cycleName: d.cycle.name,
    kabkotaCode: n.kabkotaCode,
    productId: n.productId,
    productName: d.product.name,
    ikmId: n.ikmId,
    ikmName: d.ikm.name,
    commodity: n.commodity,
    state: n.state,
    round: n.round,
    statement: n.statement,
    notLeadReason: n.notLeadReason,
    configVersion: n.configVersion,
    submittedAt: iso(n.submittedAt),
    decisionReason: n.decisionReason,
    version: n.version,
    deadline: d.window ? d.window.deadline.toISOString() : null,
    windowState: d.window?.state ?? null,
    completeness: d.completeness,
    items: d.items.map((i) => ({
      id: i.item.id,
      code: i.item.code,
      label: lang === 'id' ? i.item.labelId : i.item.labelEn,
      required: i.item.required,
      status: i.status,
      automatic: i.auto,
      review: i.review ? { verdict: i.review.verdict, comment: i.review.comment } : null,
      documents: i.versions.map((doc) => ({
        id: doc.id,
        number: doc.number,
        source: doc.source,
        fileName: doc.fileName,
        fileMime: doc.fileMime,
        documentNumber: doc.documentNumber,
        expiresOn: doc.expiresOn,
        round: doc.round,
        createdAt: doc.createdAt.toISOString(),
        current: doc.supersededAt === null,
        url: `/nominations/${n.id}/documents/${doc.id}`,
      })),
    })),
    eligibility: {
      eligible: d.eligibility.eligible,
      rules: d.eligibility.outcomes.map((o) => ({
        rule: o.rule,
        label: ruleLabel(o.rule, lang),
        status: o.status,
        detail: outcomeDetail(o, lang),
      })),
    },
  };
}

const detailOut = async (c: Ctx, id: string) =>
  nominationOut(await nominationDetail(c.var.deps.db, c.get('actor')!, id, env(c).now()), c.get('lang'));

const Id = z.object({ id: z.uuid() });
const VersionBody = z.object({ version: z.number().int().min(1) });

const DocumentBody = DocumentFields.extend({
  file: z.object({ name: z.string().min(1).max(200), contentBase64: z.string().max(40_000_000) }).optional(),
  legalDocumentId: z.uuid().optional(),
});

const FunnelCountsOut = z.object({
  potential: z.number().int(),
  nominated: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  withdrawn: z.number().int(),
});

export const nominationsApi = new ApiRouter()
  // Candidates
  .endpoint(
    {
      method: 'get',
      path: '/candidates',
      tag: 'nominations',
      summary: "A cycle's shortlist of potential candidates in the caller's scope (keyset: ?after=)",
      permission: 'candidates.read',
      query: CandidateFilter.extend({ cycle: z.uuid() }),
      response: z.object({ rows: z.array(CandidateOut), next: z.string().nullable() }),
    },
    async ({ query, actor, c }) => {
      const page = await listCandidates(c.var.deps.db, actor!, query.cycle, query);
      return { rows: page.rows.map(candidateOut), next: page.next };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/candidates',
      tag: 'nominations',
      summary: 'Mark a product of your own regency/city as a candidate of a cycle, with a justification',
      permission: 'candidates.manage',
      body: CandidateCreate,
      response: z.object({ id: z.uuid(), version: z.number().int() }),
      errors: [404, 409, 422],
    },
    async ({ body, actor, c }) => {
      const row = await createCandidate(c.var.deps.db, env(c), actor!, body);
      return { id: row.id, version: row.version };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/candidates/:id/comments',
      tag: 'nominations',
      summary: "Comment on a candidate (the province's comments notify the regency/city's officers)",
      permission: 'candidates.comment',
      params: Id,
      body: z.object({ body: z.string().trim().min(1).max(2000) }),
      response: z.object({ ok: z.boolean() }),
      errors: [404],
    },
    async ({ params, body, actor, c }) => {
      await commentOnCandidate(c.var.deps.db, env(c), actor!, params.id, body.body);
      return { ok: true };
    },
  )
  .endpoint(
    {
      method: 'delete',
      path: '/candidates/:id',
      tag: 'nominations',
      summary: 'Take a candidate off the shortlist (archived, kept for the audit)',
      permission: 'candidates.manage',
      params: Id,
      response: z.object({ ok: z.boolean() }),
      errors: [404],
    },
    async ({ params, actor, c }) => {
      await getCandidate(c.var.deps.db, actor!, params.id);
      await removeCandidate(c.var.deps.db, actor!, params.id);
      return { ok: true };
    },
  )
  // Nominations: reading
  .endpoint(
    {
      method: 'get',
      path: '/nominations',
      tag: 'nominations',
      summary: "Nominations in the caller's scope, most recently changed first (keyset: ?after=)",
      permission: 'nominations.read',
      query: NominationFilter,
      response: z.object({ rows: z.array(NominationSummaryOut), next: z.string().nullable() }),
    },
    async ({ query, actor, c }) => {
      const page = await listNominations(c.var.deps.db, actor!, query);
      return { rows: page.rows.map(summaryOut), next: page.next };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/nominations/funnel',
      tag: 'nominations',
      summary:
        "A cycle's funnel (potential → nominated → submitted → returned → passed / failed), overall, per regency/city and per commodity",
      permission: 'nominations.read',
      query: z.object({ cycle: z.uuid() }),
      response: z.object({
        overall: FunnelCountsOut,
        byRegency: z.array(FunnelCountsOut.extend({ kabkotaCode: z.string() })),
        byCommodity: z.array(FunnelCountsOut.extend({ commodity: CommodityEnum })),
      }),
    },
    async ({ query, actor, c }) => cycleFunnel(c.var.deps.db, actor!, query.cycle),
  )
  .endpoint(
    {
      method: 'get',
      path: '/nominations/:id',
      tag: 'nominations',
      summary:
        'A nomination: its checklist items with status, documents (every version), review, eligibility and deadline',
      permission: 'nominations.read',
      params: Id,
      response: NominationOut,
      errors: [404],
    },
    async ({ params, c }) => detailOut(c, params.id),
  )
  // Nominations: the officer
  .endpoint(
    {
      method: 'post',
      path: '/nominations',
      tag: 'nominations',
      summary:
        'Nominate a product of your own regency/city into a cycle during its proposal window (a draft)',
      permission: 'nominations.propose',
      body: NominationCreate,
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ body, actor, c }) => {
      const row = await createNomination(c.var.deps.db, env(c), actor!, body);
      return detailOut(c, row.id);
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/nominations/:id',
      tag: 'nominations',
      summary: "Save the nomination's statement and not-lead reason (with the version read)",
      permission: 'nominations.propose',
      params: Id,
      body: NominationDetails,
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await updateNominationDetails(c.var.deps.db, actor!, params.id, body);
      return detailOut(c, params.id);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/nominations/:id/items/:itemId/documents',
      tag: 'nominations',
      summary:
        'Put a document against a checklist item: `file` ({name, contentBase64}, type checked by its bytes) or `legalDocumentId` (a registry document of the IKM)',
      permission: 'nominations.propose',
      params: z.object({ id: z.uuid(), itemId: z.uuid() }),
      body: DocumentBody,
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db } = c.var.deps;
      if (body.legalDocumentId)
        await attachRegistryDocument(db, env(c), actor!, params.id, params.itemId, body.legalDocumentId);
      else
        await uploadDocument(
          db,
          env(c),
          actor!,
          params.id,
          params.itemId,
          body.file ? uploadFromBase64(body.file, 'file') : undefined,
          body,
        );
      return detailOut(c, params.id);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/nominations/:id/submit',
      tag: 'nominations',
      summary:
        'Submit a draft (inside the proposal window, every required document present, within the quota)',
      permission: 'nominations.propose',
      params: Id,
      body: VersionBody,
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await submitNomination(c.var.deps.db, env(c), actor!, params.id, body);
      return detailOut(c, params.id);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/nominations/:id/resubmit',
      tag: 'nominations',
      summary: 'Resubmit a returned nomination after correction (before administrative selection ends)',
      permission: 'nominations.propose',
      params: Id,
      body: VersionBody,
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await resubmitNomination(c.var.deps.db, env(c), actor!, params.id, body);
      return detailOut(c, params.id);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/nominations/:id/withdraw',
      tag: 'nominations',
      summary: 'Withdraw a nomination before selection, with a reason',
      permission: 'nominations.withdraw',
      params: Id,
      body: Withdraw.extend({ version: z.number().int().min(1) }),
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await withdrawNomination(c.var.deps.db, env(c), actor!, params.id, body);
      return detailOut(c, params.id);
    },
  )
  // Administrative selection
  .endpoint(
    {
      method: 'post',
      path: '/nominations/:id/review',
      tag: 'nominations',
      summary:
        'Administrative selection: verdicts per checklist item (a fault needs a comment), then `decision` save | return | pass | fail (fail needs a reason)',
      permission: 'nominations.select',
      params: Id,
      body: ReviewInput.extend({ version: z.number().int().min(1) }),
      response: NominationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db } = c.var.deps;
      const input = { version: body.version, items: body.items, reason: body.reason };
      if (body.decision === 'save') await saveReview(db, actor!, params.id, input);
      else if (body.decision === 'return') await returnNomination(db, env(c), actor!, params.id, input);
      else if (body.decision === 'pass') await passNomination(db, env(c), actor!, params.id, input);
      else await failNomination(db, env(c), actor!, params.id, input);
      return detailOut(c, params.id);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/nominations/bulk',
      tag: 'nominations',
      summary:
        'Pass or fail many submitted nominations, each checked on its own; those that do not qualify are skipped with the reason',
      permission: 'nominations.select',
      body: BulkInput,
      response: z.object({
        results: z.array(z.object({ id: z.uuid(), ok: z.boolean(), message: z.string().nullable() })),
      }),
      errors: [422],
    },
    async ({ body, actor, c }) => {
      const outcomes = await bulkDecide(c.var.deps.db, env(c), actor!, {
        action: body.action,
        nominations: body.nominations,
        confirmAutomatic: body.confirmAuto,
        reason: body.reason,
      });
      const lang = c.get('lang');
      return {
        results: outcomes.map((o) => ({
          id: o.id,
          ok: o.ok,
          message: o.message ? render(o.message, lang, o.params) : null,
        })),
      };
    },
  )
  // Earlier awards
  .endpoint(
    {
      method: 'get',
      path: '/earlier-awards',
      tag: 'nominations',
      summary: 'Earlier OVOP star awards, newest year first (keyset: ?after=)',
      permission: 'awards.read',
      query: z.object({ after: z.string().max(1000).optional() }),
      response: z.object({
        rows: z.array(
          z.object({
            id: z.uuid(),
            ikmId: z.uuid(),
            ikmName: z.string(),
            kabkotaCode: z.string(),
            productName: z.string().nullable(),
            cycleName: z.string().nullable(),
            year: z.number().int(),
            stars: z.number().int(),
            source: AwardSourceEnum,
            notes: z.string().nullable(),
          }),
        ),
        next: z.string().nullable(),
      }),
    },
    async ({ query, c }) => {
      const page = await listEarlierAwards(c.var.deps.db, query);
      return { rows: page.rows, next: page.next };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/earlier-awards',
      tag: 'nominations',
      summary: 'Record an earlier star award of an IKM (or one of its products) by hand',
      permission: 'awards.manage',
      body: AwardCreate,
      response: z.object({ id: z.uuid() }),
      errors: [404, 422],
    },
    async ({ body, actor, c }) => ({ id: (await createEarlierAward(c.var.deps.db, actor!, body)).id }),
  );
