/** Pages of coaching programmes, recommendations and the IKM timeline. */
import { Hono } from 'hono';
import { z } from 'zod';
import { can, isProvinceWide } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { xlsxResponse } from '../../platform/export.ts';
import { fileResponse } from '../../platform/files.ts';
import { localDate } from '../../platform/format.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import type { Panel } from '../../platform/region-panels.ts';
import { ikmTimeline } from '../../platform/timeline.ts';
import { validate } from '../../platform/validation.ts';
import { stakeholderOptions } from '../events/stakeholders.service.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { getIkm, type IkmRow, listIkm } from '../registry/ikm.service.ts';
import { IkmFilter } from '../registry/registry.forms.ts';
import { exportFilename, programmeSheets } from './coaching.export.ts';
import {
  DismissInput,
  EnrolInput,
  OutcomeInput,
  ParticipantsInput,
  ProgrammeFilter,
  ProgrammeInput,
  ProgrammeUpdate,
  RecommendationFilter,
  RecommendationInput,
} from './coaching.forms.ts';
import { coachingText } from './coaching.messages.ts';
import {
  type Candidate,
  OutcomeFormPage,
  ProgrammeFormPage,
  programmeFormValues,
  ProgrammeList,
  ProgrammePage,
} from './coaching.views.tsx';
import {
  addParticipants,
  archiveOutcome,
  enrolledAmong,
  getOutcomePhoto,
  listParticipants,
  participationsOfIkm,
  recordOutcome,
  removeParticipant,
  uploadsOf,
} from './participants.service.ts';
import {
  archiveProgramme,
  canActForIkm,
  canManageProgramme,
  createProgramme,
  getProgramme,
  iterateProgrammes,
  listProgrammes,
  programmePartners,
  programmeYears,
  type ProgrammeRow,
  updateProgramme,
} from './programmes.service.ts';
import {
  createRecommendation,
  dismissRecommendation,
  enrolFromRecommendation,
  listOpenRecommendations,
  recommendationsFor,
} from './recommendations.service.ts';
import { RecommendationFormPage, RecommendationList } from './recommendations.views.tsx';
import { CoachingPanel, TimelinePage } from './timeline.views.tsx';

export const coachingRoutes = new Hono<AppEnv>();
coachingRoutes.use('/coaching', requirePermission('coaching.read'));
coachingRoutes.use('/coaching/*', requirePermission('coaching.read'));
const manage = requirePermission('coaching.manage');

const text = (c: Ctx) => translator(coachingText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);

function uuidParam(c: Ctx, name = 'id'): string {
  const parsed = z.uuid().safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(name);
  return parsed.data;
}

const programmeOf = (c: Ctx) => getProgramme(c.var.deps.db, actorOf(c), uuidParam(c));

/** The kab/kota a kab/kota officer's programmes belong to, or null for the province. */
async function fixedKabkota(c: Ctx) {
  const actor = actorOf(c);
  if (isProvinceWide(actor)) return null;
  return (await kabkota(c)).find((k) => k.code === actor.regionCode) ?? null;
}

// List, create, edit ---------------------------------------------------------------------------------

coachingRoutes.get('/coaching', (c) => c.redirect('/coaching/programmes', 302));

async function filterOf(c: Ctx): Promise<ProgrammeFilter> {
  const parsed = await validate(ProgrammeFilter, c.req.query(), c.get('lang'));
  return parsed.ok ? parsed.data : ProgrammeFilter.parse({});
}

coachingRoutes.get('/coaching/programmes', async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const filter = await filterOf(c);
  const [page, kab, years] = await Promise.all([
    listProgrammes(db, actor, filter),
    kabkota(c),
    programmeYears(db, actor),
  ]);
  const query = new URL(c.req.url).search;
  const filtered = Boolean(
    filter.q || filter.kind || filter.funding || filter.level || filter.owner || filter.phase || filter.year,
  );
  return c.render(
    <ProgrammeList
      page={page}
      filter={filter}
      kabkota={kab}
      years={years}
      provinceWide={isProvinceWide(actor)}
      exportHref={`/coaching/programmes/export.xlsx${query}`}
      filtered={filtered}
    />,
    { title: text(c)('title'), wide: true },
  );
});

coachingRoutes.get('/coaching/programmes/export.xlsx', async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const programmes: ProgrammeRow[] = [];
  for await (const p of iterateProgrammes(db, actor, await filterOf(c))) {
    programmes.push(p);
    if (programmes.length >= 5000) break;
  }
  const sheets = await programmeSheets(db, actor, programmes, c.get('lang'));
  return xlsxResponse(`pembinaan-${localDate()}.xlsx`, sheets);
});

async function formPage(
  c: Ctx,
  opts: {
    programme?: ProgrammeRow;
    values: Record<string, unknown>;
    errors?: Record<string, string>;
    current?: ProgrammeRow;
  },
) {
  const [kab, stakeholders, fixed] = await Promise.all([
    kabkota(c),
    stakeholderOptions(c.var.deps.db),
    fixedKabkota(c),
  ]);
  return c.render(
    <ProgrammeFormPage
      programme={opts.programme}
      values={opts.values}
      errors={opts.errors}
      current={opts.current}
      kabkota={kab}
      stakeholders={stakeholders}
      fixedKabkota={fixed}
    />,
    { title: opts.programme ? text(c)('editProgramme') : text(c)('newProgramme') },
  );
}

coachingRoutes.get('/coaching/programmes/new', manage, async (c) => {
  const kind = c.req.query('kind');
  return formPage(c, { values: { kind: kind ?? '', level: isProvinceWide(actorOf(c)) ? 'province' : '' } });
});

coachingRoutes.post('/coaching/programmes', manage, (c) =>
  handleForm(c, ProgrammeInput, {
    valid: async (data) => {
      const p = await createProgramme(c.var.deps.db, actorOf(c), data, c.var.deps.config.PROVINCE_CODE);
      return redirectWithFlash(c, `/coaching/programmes/${p.id}`, text(c)('created', { title: p.title }));
    },
    invalid: ({ values, errors }) => formPage(c, { values, errors }),
  }),
);

/** The programme page, optionally with an IKM search's results and a sub-form's messages. */
async function programmePage(c: Ctx, programme: ProgrammeRow, errors?: Record<string, string>, status = 200) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const q = c.req.query('q')?.trim().slice(0, 100) || undefined;
  const [partners, participants, kab] = await Promise.all([
    programmePartners(db, programme.id),
    listParticipants(db, actor, programme),
    kabkota(c),
  ]);
  let candidates: Candidate[] | undefined;
  if (q) {
    const filter = IkmFilter.parse({ q, sort: 'name' });
    const found = (await listIkm(db, actor, filter, 20)).rows.filter((r) =>
      canActForIkm(actor, r.kabkotaCode),
    );
    const enrolled = await enrolledAmong(
      db,
      programme.id,
      found.map((r) => r.id),
    );
    candidates = found.map((r) => ({
      id: r.id,
      name: r.name,
      kabkotaCode: r.kabkotaCode,
      desa: r.desa,
      enrolled: enrolled.has(r.id),
    }));
  }
  const res = await c.render(
    <ProgrammePage
      programme={programme}
      partners={partners}
      participants={participants}
      kabkota={kab}
      canManage={canManageProgramme(actor, programme)}
      canEnrol={can(actor, 'coaching.manage')}
      q={q}
      candidates={candidates}
      errors={errors}
    />,
    { title: programme.title, wide: true },
  );
  return status === 200 ? res : new Response(res.body, { status, headers: res.headers });
}

coachingRoutes.get('/coaching/programmes/:id', async (c) => programmePage(c, await programmeOf(c)));

coachingRoutes.get('/coaching/programmes/:id/edit', manage, async (c) => {
  const programme = await programmeOf(c);
  if (!canManageProgramme(actorOf(c), programme)) throw new NotFoundError('programme');
  const partners = await programmePartners(c.var.deps.db, programme.id);
  return formPage(c, {
    programme,
    values: programmeFormValues(
      programme,
      partners.map((p) => p.id),
    ),
  });
});

coachingRoutes.post('/coaching/programmes/:id', manage, async (c) => {
  const programme = await programmeOf(c);
  if (!canManageProgramme(actorOf(c), programme)) throw new NotFoundError('programme');
  return handleForm<typeof ProgrammeUpdate, ProgrammeRow>(c, ProgrammeUpdate, {
    valid: async (data) => {
      await updateProgramme(c.var.deps.db, actorOf(c), programme.id, data);
      return redirectWithFlash(c, `/coaching/programmes/${programme.id}`, text(c)('saved'));
    },
    invalid: ({ values, errors, current }) =>
      formPage(c, { programme, values, errors, ...(current ? { current } : {}) }),
  });
});

coachingRoutes.post('/coaching/programmes/:id/archive', manage, async (c) => {
  const p = await archiveProgramme(c.var.deps.db, actorOf(c), uuidParam(c));
  return redirectWithFlash(c, '/coaching/programmes', text(c)('archived', { title: p.title }));
});

coachingRoutes.get('/coaching/programmes/:id/export.xlsx', async (c) => {
  const programme = await programmeOf(c);
  const sheets = await programmeSheets(c.var.deps.db, actorOf(c), [programme], c.get('lang'));
  return xlsxResponse(exportFilename(programme.title), sheets);
});

// Participants and outcomes -----------------------------------------------------------------------

coachingRoutes.post('/coaching/programmes/:id/participants', manage, async (c) => {
  const programme = await programmeOf(c);
  return handleForm(c, ParticipantsInput, {
    valid: async (data) => {
      const { added, already } = await addParticipants(c.var.deps.db, actorOf(c), programme.id, data.ikmIds);
      const t = text(c);
      const message = already
        ? t('participantsAlready', { added: added.length, already })
        : t('participantsAdded', { added: added.length });
      return redirectWithFlash(c, `/coaching/programmes/${programme.id}#participants`, message);
    },
    invalid: ({ errors }) => programmePage(c, programme, errors),
  });
});

coachingRoutes.post('/coaching/programmes/:id/participants/:pid/remove', manage, async (c) => {
  const programme = await programmeOf(c);
  const p = await removeParticipant(c.var.deps.db, actorOf(c), programme.id, uuidParam(c, 'pid'));
  return redirectWithFlash(
    c,
    `/coaching/programmes/${programme.id}#participants`,
    text(c)('participantRemoved', { name: p.ikmName }),
  );
});

async function outcomeForm(
  c: Ctx,
  programme: ProgrammeRow,
  values: Record<string, unknown>,
  errors?: Record<string, string>,
) {
  const actor = actorOf(c);
  const participants = (await listParticipants(c.var.deps.db, actor, programme))
    .filter((p) => p.canAct)
    .map((p) => ({ ikmId: p.ikmId, ikmName: p.ikmName }));
  return c.render(
    <OutcomeFormPage
      programme={programme}
      participants={participants}
      values={values}
      errors={errors}
      uploadMaxMb={c.var.deps.config.UPLOAD_MAX_MB}
    />,
    { title: text(c)('recordOutcome') },
  );
}

coachingRoutes.get('/coaching/programmes/:id/outcomes/new', manage, async (c) => {
  const programme = await programmeOf(c);
  return outcomeForm(c, programme, { ikmId: c.req.query('ikm') ?? '', achievedOn: localDate() });
});

coachingRoutes.post('/coaching/programmes/:id/outcomes', manage, async (c) => {
  const programme = await programmeOf(c);
  const { db, files, config } = c.var.deps;
  return handleForm(c, OutcomeInput, {
    valid: async (data, values) => {
      const uploads = await uploadsOf(values.photos);
      const saved = await recordOutcome(db, actorOf(c), programme.id, data, {
        store: files,
        uploads,
        maxBytes: config.UPLOAD_MAX_MB * 1024 * 1024,
      });
      const t = text(c);
      return redirectWithFlash(
        c,
        `/coaching/programmes/${programme.id}#participants`,
        saved.legalDocumentId
          ? t('outcomeRecordedDocument', { name: saved.ikmName })
          : t('outcomeRecorded', { name: saved.ikmName }),
      );
    },
    invalid: ({ values, errors }) => outcomeForm(c, programme, values, errors),
  });
});

coachingRoutes.post('/coaching/outcomes/:id/archive', manage, async (c) => {
  const o = await archiveOutcome(c.var.deps.db, actorOf(c), uuidParam(c));
  return redirectWithFlash(
    c,
    `/coaching/programmes/${o.programmeId}#participants`,
    text(c)('outcomeArchived'),
  );
});

const PHOTO_SIZES = ['thumb', 'display', 'original'] as const;

coachingRoutes.get('/coaching/photos/:id/:size', async (c) => {
  const size = c.req.param('size') as (typeof PHOTO_SIZES)[number];
  if (!PHOTO_SIZES.includes(size)) throw new NotFoundError('photo');
  const photo = await getOutcomePhoto(c.var.deps.db, actorOf(c), uuidParam(c));
  const file =
    size === 'thumb'
      ? { sha256: photo.thumbSha256, mime: 'image/webp' }
      : size === 'display'
        ? { sha256: photo.displaySha256, mime: 'image/webp' }
        : { sha256: photo.fileSha256, mime: photo.fileMime, filename: photo.fileName ?? 'foto' };
  return fileResponse(c.var.deps.files, file);
});

// Recommendations ---------------------------------------------------------------------------------

async function recommendationPage(
  c: Ctx,
  extra: { errors?: Record<string, string>; failedId?: string } = {},
) {
  const actor = actorOf(c);
  const parsed = await validate(RecommendationFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : RecommendationFilter.parse({});
  const [page, kab] = await Promise.all([listOpenRecommendations(c.var.deps.db, actor, filter), kabkota(c)]);
  return c.render(
    <RecommendationList
      page={page}
      filter={filter}
      kabkota={kab}
      provinceWide={isProvinceWide(actor)}
      errors={extra.errors}
      failedId={extra.failedId}
    />,
    { title: text(c)('recommendations'), wide: true },
  );
}

coachingRoutes.get('/coaching/recommendations', (c) => recommendationPage(c));

/** The IKM a new recommendation is for: one the actor may act for, or 404. */
async function recommendable(c: Ctx, id: string | undefined): Promise<IkmRow> {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new NotFoundError('ikm');
  const row = await getIkm(c.var.deps.db, actorOf(c), parsed.data);
  if (!canActForIkm(actorOf(c), row.kabkotaCode)) throw new NotFoundError('ikm');
  return row;
}

coachingRoutes.get('/coaching/recommendations/new', manage, async (c) => {
  const subject = await recommendable(c, c.req.query('ikm'));
  return c.render(<RecommendationFormPage ikm={subject} values={{}} />, {
    title: text(c)('newRecommendation'),
  });
});

coachingRoutes.post('/coaching/recommendations', manage, (c) =>
  handleForm(c, RecommendationInput, {
    valid: async (data) => {
      const rec = await createRecommendation(c.var.deps.db, actorOf(c), data);
      const subject = await getIkm(c.var.deps.db, actorOf(c), rec.ikmId);
      return redirectWithFlash(
        c,
        `/coaching/recommendations?ikm=${rec.ikmId}`,
        text(c)('recommendationCreated', { name: subject.name }),
      );
    },
    invalid: async ({ values, errors }) => {
      const subject = await recommendable(c, typeof values.ikmId === 'string' ? values.ikmId : undefined);
      return c.render(<RecommendationFormPage ikm={subject} values={values} errors={errors} />, {
        title: text(c)('newRecommendation'),
      });
    },
  }),
);

coachingRoutes.post('/coaching/recommendations/:id/enrol', manage, async (c) => {
  const id = uuidParam(c);
  return handleForm(c, EnrolInput, {
    valid: async (data) => {
      const done = await enrolFromRecommendation(c.var.deps.db, actorOf(c), id, data.programmeId);
      return redirectWithFlash(
        c,
        '/coaching/recommendations',
        text(c)('enrolled', { name: done.ikmName, title: done.programme.title }),
      );
    },
    invalid: ({ errors }) => recommendationPage(c, { errors, failedId: id }),
  });
});

coachingRoutes.post('/coaching/recommendations/:id/dismiss', manage, async (c) => {
  const id = uuidParam(c);
  return handleForm(c, DismissInput, {
    valid: async (data) => {
      const done = await dismissRecommendation(c.var.deps.db, actorOf(c), id, data.reason);
      return redirectWithFlash(c, '/coaching/recommendations', text(c)('dismissed', { name: done.ikmName }));
    },
    invalid: ({ errors }) => recommendationPage(c, { errors }),
  });
});

// The IKM timeline and profile section ------------------------------------------------------------

/** /registry/ikm/:id/timeline: everything about one IKM over the years, for whoever may read the IKM. */
export const timelineRoutes = new Hono<AppEnv>();

timelineRoutes.get('/registry/ikm/:id/timeline', requirePermission('registry.read'), async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const row = await getIkm(db, actor, uuidParam(c));
  const ctx = { db, actor, lang: c.get('lang') };
  const [entries, points] = await Promise.all([
    ikmTimeline.entries(ctx, row),
    ikmTimeline.trajectory(ctx, row),
  ]);
  return c.render(<TimelinePage ikm={row} entries={entries} points={points} />, {
    title: text(c)('timelineTitle', { name: row.name }),
  });
});

/** The coaching section of the IKM profile (registered in app.ts on ikmProfilePanels). */
export const coachingIkmPanel: Panel<IkmRow> = async (c, ikm) => {
  const actor = actorOf(c);
  const { db } = c.var.deps;
  const coaching = can(actor, 'coaching.read');
  const participations = await participationsOfIkm(db, ikm.id);
  const open = coaching ? (await recommendationsFor(db, actor, ikm.id)).length : null;
  return (
    <CoachingPanel
      ikmId={ikm.id}
      participations={participations}
      openRecommendations={open}
      linkProgrammes={coaching}
      canRecommend={can(actor, 'coaching.manage') && canActForIkm(actor, ikm.kabkotaCode)}
    />
  );
};
