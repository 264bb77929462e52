/** The JSON API of coaching programmes, participants, outcomes, recommendations and the IKM timeline. */
import { z } from 'zod';
import {
  COACHING_KINDS,
  COACHING_LEVELS,
  ENROLMENT_SOURCES,
  FUNDING_SOURCES,
  OUTCOME_KINDS,
  RECOMMENDATION_SOURCES,
} from '../../db/schema/coaching.ts';
import { ApiRouter } from '../../platform/api.ts';
import { localDate } from '../../platform/format.ts';
import { LEGAL_DOCUMENT_KINDS } from '../../platform/registry-domain.ts';
import { ikmTimeline } from '../../platform/timeline.ts';
import { getIkm } from '../registry/ikm.service.ts';
import {
  EnrolInput,
  OutcomeApiInput,
  ParticipantsInput,
  ProgrammeFilter,
  ProgrammeInput,
  ProgrammeUpdate,
  RecommendationFilter,
  RecommendationInput,
} from './coaching.forms.ts';
import { PROGRAMME_PHASES, programmePhase } from './coaching.rules.ts';
import {
  addParticipants,
  listParticipants,
  type OutcomeRow,
  type ParticipantView,
  recordOutcome,
  uploadsFromBase64,
} from './participants.service.ts';
import {
  createProgramme,
  getProgramme,
  listProgrammes,
  programmePartners,
  type ProgrammeRow,
  updateProgramme,
} from './programmes.service.ts';
import {
  createRecommendation,
  enrolFromRecommendation,
  listOpenRecommendations,
  type RecommendationRow,
} from './recommendations.service.ts';

const Id = z.object({ id: z.uuid() });
const PageOut = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable(), prev: z.string().nullable() });
const Rupiah = z.string().nullable().describe('Whole rupiah, as a string (it may exceed 2^53)');

const ProgrammeOut = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(COACHING_KINDS),
  certificationKind: z.enum(LEGAL_DOCUMENT_KINDS).nullable(),
  fundingSource: z.enum(FUNDING_SOURCES),
  level: z.enum(COACHING_LEVELS),
  kabkotaCode: z
    .string()
    .nullable()
    .describe('The kab/kota running it; null for the province and the centre'),
  startDate: z.string(),
  endDate: z.string().nullable(),
  phase: z.enum(PROGRAMME_PHASES),
  budgetRp: Rupiah,
  venue: z.string().nullable(),
  organiser: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number().int(),
});

const programmeOut = (p: ProgrammeRow): z.infer<typeof ProgrammeOut> => ({
  id: p.id,
  title: p.title,
  kind: p.kind,
  certificationKind: p.certificationKind,
  fundingSource: p.fundingSource,
  level: p.level,
  kabkotaCode: p.kabkotaCode,
  startDate: p.startDate,
  endDate: p.endDate,
  phase: programmePhase(p, localDate()),
  budgetRp: p.budgetRp === null ? null : p.budgetRp.toString(),
  venue: p.venue,
  organiser: p.organiser,
  description: p.description,
  version: p.version,
});

const OutcomeOut = z.object({
  id: z.uuid(),
  ikmId: z.uuid(),
  kind: z.enum(OUTCOME_KINDS),
  documentKind: z.enum(LEGAL_DOCUMENT_KINDS).nullable(),
  evidenceNumber: z.string().nullable(),
  achievedOn: z.string(),
  description: z.string().nullable(),
  valueRp: Rupiah,
  legalDocumentId: z.uuid().nullable(),
  photoIds: z.array(z.uuid()),
});

const outcomeOut = (o: OutcomeRow, photoIds: string[] = []): z.infer<typeof OutcomeOut> => ({
  id: o.id,
  ikmId: o.ikmId,
  kind: o.kind,
  documentKind: o.documentKind,
  evidenceNumber: o.evidenceNumber,
  achievedOn: o.achievedOn,
  description: o.description,
  valueRp: o.valueRp === null ? null : o.valueRp.toString(),
  legalDocumentId: o.legalDocumentId,
  photoIds,
});

const ParticipantOut = z.object({
  id: z.uuid(),
  ikmId: z.uuid(),
  ikmName: z.string(),
  kabkotaCode: z.string(),
  source: z.enum(ENROLMENT_SOURCES),
  enrolledAt: z.string(),
  outcomes: z.array(OutcomeOut),
});

const participantOut = (p: ParticipantView): z.infer<typeof ParticipantOut> => ({
  id: p.id,
  ikmId: p.ikmId,
  ikmName: p.ikmName,
  kabkotaCode: p.kabkotaCode,
  source: p.source,
  enrolledAt: p.createdAt.toISOString(),
  outcomes: p.outcomes.map((o) =>
    outcomeOut(
      o,
      o.photos.map((x) => x.id),
    ),
  ),
});

const RecommendationOut = z.object({
  id: z.uuid(),
  ikmId: z.uuid(),
  kabkotaCode: z.string(),
  source: z.enum(RECOMMENDATION_SOURCES),
  cycleId: z.uuid().nullable(),
  criterionCode: z.string().nullable(),
  coachingKind: z.enum(COACHING_KINDS),
  certificationKind: z.enum(LEGAL_DOCUMENT_KINDS).nullable(),
  text: z.string(),
  createdAt: z.string(),
  actedOnProgrammeId: z.uuid().nullable(),
});

const recommendationOut = (r: RecommendationRow): z.infer<typeof RecommendationOut> => ({
  id: r.id,
  ikmId: r.ikmId,
  kabkotaCode: r.kabkotaCode,
  source: r.source,
  cycleId: r.cycleId,
  criterionCode: r.criterionCode,
  coachingKind: r.coachingKind,
  certificationKind: r.certificationKind,
  text: r.text,
  createdAt: r.createdAt.toISOString(),
  actedOnProgrammeId: r.actedOnProgrammeId,
});

const TimelineOut = z.object({
  entries: z.array(
    z.object({
      date: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      title: z.string(),
      detail: z.string().optional(),
      href: z.string().optional(),
      status: z.object({ label: z.string(), tone: z.string() }).optional(),
    }),
  ),
  trajectory: z.array(
    z.object({
      label: z.string(),
      date: z.string(),
      star: z.number().nullable(),
      maxStar: z.number(),
      aspects: z.array(z.object({ code: z.string(), name: z.string(), score: z.number(), max: z.number() })),
    }),
  ),
});

export const coachingApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/coaching/programmes',
      tag: 'coaching',
      summary: 'Coaching programmes in scope, newest start first (keyset pages: pass `after` from `next`)',
      permission: 'coaching.read',
      query: ProgrammeFilter,
      response: PageOut(
        ProgrammeOut.extend({ participantCount: z.number().int(), outcomeCount: z.number().int() }),
      ),
    },
    async ({ query, actor, c }) => {
      const page = await listProgrammes(c.var.deps.db, actor!, query);
      return {
        items: page.rows.map((p) => ({
          ...programmeOut(p),
          participantCount: p.participantCount,
          outcomeCount: p.outcomeCount,
        })),
        next: page.next,
        prev: page.prev,
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/coaching/programmes',
      tag: 'coaching',
      summary:
        'Record a programme; dates YYYY-MM-DD (the end not before the start), budget in whole rupiah, partners from /stakeholders',
      permission: 'coaching.manage',
      body: ProgrammeInput,
      response: ProgrammeOut,
      errors: [422],
    },
    async ({ body, actor, c }) =>
      programmeOut(await createProgramme(c.var.deps.db, actor!, body, c.var.deps.config.PROVINCE_CODE)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/coaching/programmes/:id',
      tag: 'coaching',
      summary: 'A programme with its partners, participants and their outcomes',
      permission: 'coaching.read',
      params: Id,
      response: ProgrammeOut.extend({
        partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
        participants: z.array(ParticipantOut),
      }),
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const { db } = c.var.deps;
      const p = await getProgramme(db, actor!, params.id);
      const [partners, participants] = await Promise.all([
        programmePartners(db, p.id),
        listParticipants(db, actor!, p),
      ]);
      return { ...programmeOut(p), partners, participants: participants.map(participantOut) };
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/coaching/programmes/:id',
      tag: 'coaching',
      summary: 'Edit a programme, naming the version read (409 with the current programme when stale)',
      permission: 'coaching.manage',
      params: Id,
      body: ProgrammeUpdate,
      response: ProgrammeOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) =>
      programmeOut(await updateProgramme(c.var.deps.db, actor!, params.id, body)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/coaching/programmes/:id/participants',
      tag: 'coaching',
      summary:
        'Add IKMs (ids from /ikm, within your region) as participants; those already taking part are counted',
      permission: 'coaching.manage',
      params: Id,
      body: ParticipantsInput,
      response: z.object({ added: z.number().int(), already: z.number().int() }),
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const r = await addParticipants(c.var.deps.db, actor!, params.id, body.ikmIds);
      return { added: r.added.length, already: r.already };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/coaching/programmes/:id/outcomes',
      tag: 'coaching',
      summary:
        'Record a participant’s outcome with its evidence (photos as base64); `recordDocument` also records a certificate among the IKM’s legal documents',
      permission: 'coaching.manage',
      params: Id,
      body: OutcomeApiInput,
      response: OutcomeOut,
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db, files, config } = c.var.deps;
      const { photos, ...input } = body;
      const saved = await recordOutcome(db, actor!, params.id, input, {
        store: files,
        uploads: uploadsFromBase64(photos),
        maxBytes: config.UPLOAD_MAX_MB * 1024 * 1024,
      });
      return outcomeOut(saved.outcome);
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/coaching/recommendations',
      tag: 'coaching',
      summary: 'Recommendations not yet acted on, newest first, each with the open programmes that match it',
      permission: 'coaching.read',
      query: RecommendationFilter,
      response: PageOut(RecommendationOut.extend({ matchingProgrammeIds: z.array(z.uuid()) })),
    },
    async ({ query, actor, c }) => {
      const page = await listOpenRecommendations(c.var.deps.db, actor!, query);
      return {
        items: page.rows.map((r) => ({
          ...recommendationOut(r),
          matchingProgrammeIds: r.matches.map((p) => p.id),
        })),
        next: page.next,
        prev: page.prev,
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/coaching/recommendations',
      tag: 'coaching',
      summary: 'Write a coaching recommendation for an IKM in your region',
      permission: 'coaching.manage',
      body: RecommendationInput,
      response: RecommendationOut,
      errors: [422],
    },
    async ({ body, actor, c }) => recommendationOut(await createRecommendation(c.var.deps.db, actor!, body)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/coaching/recommendations/:id/enrol',
      tag: 'coaching',
      summary: 'Act on a recommendation: enrol its IKM in an open programme of the same kind',
      permission: 'coaching.manage',
      params: Id,
      body: EnrolInput,
      response: RecommendationOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) =>
      recommendationOut(
        (await enrolFromRecommendation(c.var.deps.db, actor!, params.id, body.programmeId)).recommendation,
      ),
  )
  .endpoint(
    {
      method: 'get',
      path: '/ikm/:id/timeline',
      tag: 'registry',
      summary: 'One IKM’s timeline (events, programmes and outcomes, legal documents…) and star trajectory',
      permission: 'registry.read',
      params: Id,
      response: TimelineOut,
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const { db } = c.var.deps;
      const row = await getIkm(db, actor!, params.id);
      const ctx = { db, actor: actor!, lang: c.get('lang') };
      const [entries, trajectory] = await Promise.all([
        ikmTimeline.entries(ctx, row),
        ikmTimeline.trajectory(ctx, row),
      ]);
      return {
        entries: entries.map(({ tone: _tone, ...e }) => ({
          ...e,
          ...(e.detail === undefined ? {} : { detail: e.detail }),
          ...(e.href === undefined ? {} : { href: e.href }),
          ...(e.status === undefined ? {} : { status: e.status }),
        })),
        trajectory,
      };
    },
  );
