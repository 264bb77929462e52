/**
 * Pages of candidates, nominations, administrative selection, the funnel, earlier awards and
 * proposal packages. Handlers validate, call a service with (db, env, actor, input), then redirect
 * with a message or re-render the form with every message and the input kept.
 */
import fs from 'node:fs';
import { Hono } from 'hono';
import { z } from 'zod';
import { can, isProvinceWide } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files.ts';
import { handleForm } from '../../platform/forms.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import type { Panel } from '../../platform/region-panels.ts';
import { nominationPagePanels } from './nominations.panels.ts';
import { validate } from '../../platform/validation.ts';
import { type CycleRow, cyclesOpenForProposals, listCycles } from '../cycles/cycles.service.ts';
import { EDITABLE_STATES } from '../cycles/nomination-states.ts';
import { nominationText } from '../cycles/nominations.messages.ts';
import type { IkmRow } from '../registry/ikm.service.ts';
import { listIkm } from '../registry/ikm.service.ts';
import { getProduct, listProducts } from '../registry/products.service.ts';
import { IkmFilter, ProductFilter } from '../registry/registry.forms.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { uploadOf } from '../registry/uploads.ts';
import { awardsOfIkm, awardSubject, createEarlierAward, listEarlierAwards } from './awards.service.ts';
import { AwardForm, AwardList } from './awards.views.tsx';
import {
  candidateDetail,
  commentOnCandidate,
  createCandidate,
  listCandidates,
  removeCandidate,
} from './candidates.service.ts';
import { CandidateList, CandidatePage, NewCandidatePage } from './candidates.views.tsx';
import { cycleFunnel } from './funnel.service.ts';
import { FunnelPage } from './funnel.views.tsx';
import { nominationEnv } from './nominations.env.ts';
import {
  AttachRegistry,
  AwardCreate,
  AwardFilter,
  BulkForm,
  CandidateComment,
  CandidateCreate,
  CandidateFilter,
  DocumentFields,
  FunnelQuery,
  type ItemVerdict,
  NewNominationQuery,
  NominationCreate,
  NominationDetails,
  NominationFilter,
  ReviewForm,
  VersionOnly,
  Withdraw,
} from './nominations.forms.ts';
import { nominationsText } from './nominations.messages.ts';
import {
  attachRegistryDocument,
  createNomination,
  getNominationDocument,
  itemLabel,
  listNominations,
  type NominationDetail,
  nominatedProducts,
  nominationDetail,
  nominationsByIds,
  nominationsOfIkm,
  PASSED_STATES,
  registryChoices,
  removeDocument,
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
  WITHDRAWABLE,
  withdrawNomination,
} from './nominations.transitions.ts';
import {
  CheckAnswersPage,
  ConfirmationPage,
  DetailsPage,
  IkmNominationsPanel,
  ItemPage,
  NewNominationPage,
  type NominationPermissions,
  NominationList,
  NominationPage,
  WithdrawPage,
} from './nominations.views.tsx';
import { getPackageJob, packageFilePath, recentPackageJobs, startPackageJob } from './package.service.ts';
import { PackageJobPage, PackageSection, REFRESH_SECONDS } from './package.views.tsx';
import { regionNameOf } from './registry-reads.ts';
import { BulkCheckPage, BulkResultPage, ReviewPage, reviewValues } from './review.views.tsx';

export const nominationsRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(nominationsText, c.get('lang'));
const moves = (c: Ctx) => translator(nominationText, c.get('lang'));
const env = (c: Ctx) => nominationEnv(c.var.deps);
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
const allCycles = async (c: Ctx): Promise<CycleRow[]> => (await listCycles(c.var.deps.db, {}, 100)).rows;

function uuidParam(c: Ctx, name = 'id'): string {
  const parsed = z.uuid().safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError('object');
  return parsed.data;
}

/** The kab/kota an actor's lists and filters offer: theirs only, or every one of the province. */
async function regionsFor(c: Ctx) {
  const all = await kabkota(c);
  const actor = actorOf(c);
  return isProvinceWide(actor) ? all : all.filter((r) => r.code === actor.regionCode);
}

// The list ---------------------------------------------------------------------------------------

nominationsRoutes.get('/nominations', requirePermission('nominations.read'), async (c) => {
  const parsed = await validate(NominationFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : NominationFilter.parse({});
  const actor = actorOf(c);
  const page = await listNominations(c.var.deps.db, actor, filter);
  return c.render(
    <NominationList
      page={page}
      filter={filter}
      cycles={await allCycles(c)}
      kabkota={await regionsFor(c)}
      canPropose={can(actor, 'nominations.propose')}
      canSelect={can(actor, 'nominations.select')}
    />,
    { title: text(c)('title'), wide: true },
  );
});

// Creating ----------------------------------------------------------------------------------------

async function newPage(c: Ctx, errors?: Record<string, string>, values: Record<string, unknown> = {}) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const query = NewNominationQuery.safeParse(c.req.query());
  const open = await cyclesOpenForProposals(db);
  const wanted = (query.success ? query.data.cycle : undefined) ?? (values.cycleId as string | undefined);
  const cycleId = open.find((x) => x.id === wanted)?.id ?? open[0]?.id;
  const q = query.success ? query.data.q : undefined;
  let results = null;
  let shortlist: Awaited<ReturnType<typeof listCandidates>>['rows'] = [];
  let nominated = new Map();
  if (cycleId) {
    shortlist = (await listCandidates(db, actor, cycleId, CandidateFilter.parse({}), 50)).rows;
    if (q) results = (await listProducts(db, actor, ProductFilter.parse({ q }), 20)).rows;
    nominated = await nominatedProducts(db, cycleId, [
      ...shortlist.map((s) => s.productId),
      ...(results ?? []).map((p) => p.id),
    ]);
  }
  return c.render(
    <NewNominationPage
      openCycles={open}
      cycleId={cycleId}
      q={q}
      results={results}
      shortlist={shortlist}
      nominated={nominated}
      errors={errors}
    />,
    { title: text(c)('newNomination') },
  );
}

nominationsRoutes.get('/nominations/new', requirePermission('nominations.propose'), (c) => newPage(c));

nominationsRoutes.post('/nominations', requirePermission('nominations.propose'), (c) =>
  handleForm(c, NominationCreate, {
    valid: async (data) => {
      const row = await createNomination(c.var.deps.db, env(c), actorOf(c), data);
      const { product } = await getProduct(c.var.deps.db, actorOf(c), row.productId);
      return redirectWithFlash(c, `/nominations/${row.id}`, text(c)('created', { product: product.name }));
    },
    invalid: ({ values, errors }) => newPage(c, errors, values),
  }),
);

// The funnel --------------------------------------------------------------------------------------

nominationsRoutes.get('/nominations/funnel', requirePermission('nominations.read'), async (c) => {
  const query = FunnelQuery.safeParse(c.req.query());
  const cycles = await allCycles(c);
  const cycle =
    cycles.find((x) => x.id === (query.success ? query.data.cycle : undefined)) ?? cycles[0] ?? null;
  const actor = actorOf(c);
  const funnel = cycle ? await cycleFunnel(c.var.deps.db, actor, cycle.id) : null;
  return c.render(
    <FunnelPage
      cycles={cycles}
      cycle={cycle}
      funnel={funnel}
      kabkota={await kabkota(c)}
      provinceWide={isProvinceWide(actor)}
    />,
    { title: text(c)('funnel'), wide: true },
  );
});

// Bulk --------------------------------------------------------------------------------------------

nominationsRoutes.post('/nominations/bulk', requirePermission('nominations.select'), async (c) => {
  const lang = c.get('lang');
  const values = await formBody(c);
  const parsed = await validate(BulkForm, values, lang);
  if (!parsed.ok || parsed.data.ids.length === 0) {
    const back = new URL(c.req.header('referer') ?? 'http://x/nominations').pathname;
    return redirectWithFlash(
      c,
      back.startsWith('/nominations') ? back : '/nominations',
      text(c)('nothingSelected'),
      'warning',
    );
  }
  const form = parsed.data;
  const picked = form.ids.map((iv) => {
    const [id, version] = iv.split(':');
    return { id: id!, version: Number(version) };
  });
  const actor = actorOf(c);
  const rows = await nominationsByIds(
    c.var.deps.db,
    actor,
    picked.map((p) => p.id),
  );
  if (!form.confirmed)
    return c.render(<BulkCheckPage form={form} rows={rows} kabkota={await kabkota(c)} />, {
      title: text(c)('bulkCheckTitle'),
    });
  const outcomes = await bulkDecide(c.var.deps.db, env(c), actor, {
    action: form.action,
    nominations: picked.filter((p) => rows.some((r) => r.id === p.id)),
    confirmAutomatic: form.confirmAuto,
    reason: form.reason,
  });
  return c.render(<BulkResultPage outcomes={outcomes} rows={rows} lang={lang} />, {
    title: text(c)('bulkResultTitle'),
  });
});

// A kab/kota's package --------------------------------------------------------------------------------

const RegencyPackage = z.object({ cycleId: z.uuid(), kabkotaCode: z.string().regex(/^\d{2}\.\d{2}$/) });

nominationsRoutes.post('/nominations/package', requirePermission('nominations.package'), async (c) => {
  const parsed = await validate(RegencyPackage, await formBody(c), c.get('lang'));
  if (!parsed.ok) throw new NotFoundError('cycle');
  const { job } = await startPackageJob(c.var.deps.db, env(c), actorOf(c), parsed.data);
  return c.redirect(`/packages/${job.id}`, 303);
});

// One nomination ---------------------------------------------------------------------------------

function permissions(c: Ctx, d: NominationDetail): NominationPermissions {
  const actor = actorOf(c);
  const state = d.nomination.state;
  const officer = actor.role === 'petugas_kabkota' && actor.regionCode === d.nomination.kabkotaCode;
  return {
    edit: officer && EDITABLE_STATES.includes(state),
    submit: officer && (state === 'draft' || state === 'returned'),
    withdraw: can(actor, 'nominations.withdraw') && WITHDRAWABLE.includes(state),
    select: can(actor, 'nominations.select') && state === 'submitted',
    package: can(actor, 'nominations.package') && PASSED_STATES.includes(state),
  };
}

const detail = (c: Ctx, id: string) => nominationDetail(c.var.deps.db, actorOf(c), id, env(c).now());

nominationsRoutes.get('/nominations/:id', requirePermission('nominations.read'), async (c) => {
  const d = await detail(c, uuidParam(c));
  const can_ = permissions(c, d);
  let packages = null;
  if (can_.package) {
    const jobs = await recentPackageJobs(c.var.deps.db, actorOf(c), d.nomination.cycleId);
    packages = (
      <>
        <PackageSection
          action={`/nominations/${d.nomination.id}/package`}
          hidden={{}}
          label={text(c)('packageOne')}
          jobs={jobs.filter((j) => j.nominationId === d.nomination.id)}
        />
        <PackageSection
          action="/nominations/package"
          hidden={{ cycleId: d.nomination.cycleId, kabkotaCode: d.nomination.kabkotaCode }}
          label={text(c)('packageRegency', { regency: d.regencyName })}
          jobs={jobs.filter((j) => j.nominationId === null && j.kabkotaCode === d.nomination.kabkotaCode)}
        />
      </>
    );
  }
  const panels = await nominationPagePanels.render(c, {
    id: d.nomination.id,
    cycleId: d.nomination.cycleId,
    kabkotaCode: d.nomination.kabkotaCode,
  });
  return c.render(
    <NominationPage
      d={d}
      can={can_}
      packages={
        <>
          {panels}
          {packages}
        </>
      }
    />,
    { title: d.product.name },
  );
});

// Details

nominationsRoutes.get('/nominations/:id/details', requirePermission('nominations.propose'), async (c) => {
  const d = await detail(c, uuidParam(c));
  if (!permissions(c, d).edit) return c.redirect(`/nominations/${d.nomination.id}`, 303);
  return c.render(<DetailsPage d={d} values={d.nomination} />, { title: text(c)('editDetails') });
});

nominationsRoutes.post('/nominations/:id/details', requirePermission('nominations.propose'), async (c) => {
  const id = uuidParam(c);
  const d = await detail(c, id);
  return handleForm<typeof NominationDetails, NonNullable<NominationDetail['nomination']>>(
    c,
    NominationDetails,
    {
      valid: async (data) => {
        await updateNominationDetails(c.var.deps.db, actorOf(c), id, data);
        return redirectWithFlash(c, `/nominations/${id}`, text(c)('detailsSaved'));
      },
      invalid: ({ values, errors, current }) =>
        c.render(<DetailsPage d={d} values={values} errors={errors} current={current} />, {
          title: text(c)('editDetails'),
        }),
    },
  );
});

// Items

async function itemPage(
  c: Ctx,
  id: string,
  itemId: string,
  values: Record<string, unknown> = {},
  errors?: Record<string, string>,
) {
  const d = await detail(c, id);
  const view = d.items.find((i) => i.item.id === itemId);
  if (!view) throw new NotFoundError('checklist_item');
  const editable = permissions(c, d).edit;
  const choices = editable ? await registryChoices(c.var.deps.db, actorOf(c), d.nomination, view.item) : [];
  return c.render(
    <ItemPage
      d={d}
      view={view}
      choices={choices}
      canEdit={editable}
      values={values}
      errors={errors}
      maxMb={c.var.deps.config.UPLOAD_MAX_MB}
    />,
    { title: itemLabel(view.item, c.get('lang')) },
  );
}

nominationsRoutes.get('/nominations/:id/items/:itemId', requirePermission('nominations.read'), (c) =>
  itemPage(c, uuidParam(c), uuidParam(c, 'itemId')),
);

nominationsRoutes.post(
  '/nominations/:id/items/:itemId',
  requirePermission('nominations.propose'),
  async (c) => {
    const id = uuidParam(c);
    const itemId = uuidParam(c, 'itemId');
    return handleForm(c, DocumentFields, {
      valid: async (data, values) => {
        const upload = await uploadOf(values.file);
        const doc = await uploadDocument(c.var.deps.db, env(c), actorOf(c), id, itemId, upload, data);
        return redirectWithFlash(c, `/nominations/${id}`, text(c)('uploaded', { name: doc.fileName }));
      },
      invalid: ({ values, errors }) => itemPage(c, id, itemId, values, errors),
    });
  },
);

nominationsRoutes.post(
  '/nominations/:id/items/:itemId/attach',
  requirePermission('nominations.propose'),
  async (c) => {
    const id = uuidParam(c);
    const itemId = uuidParam(c, 'itemId');
    return handleForm(c, AttachRegistry, {
      valid: async (data) => {
        const doc = await attachRegistryDocument(
          c.var.deps.db,
          env(c),
          actorOf(c),
          id,
          itemId,
          data.legalDocumentId,
        );
        return redirectWithFlash(c, `/nominations/${id}`, text(c)('attached', { name: doc.fileName }));
      },
      invalid: ({ values, errors }) => itemPage(c, id, itemId, values, errors),
    });
  },
);

nominationsRoutes.post(
  '/nominations/:id/items/:itemId/remove',
  requirePermission('nominations.propose'),
  async (c) => {
    const id = uuidParam(c);
    const itemId = uuidParam(c, 'itemId');
    return handleForm(c, z.object({}), {
      valid: async () => {
        const item = await removeDocument(c.var.deps.db, actorOf(c), id, itemId);
        return redirectWithFlash(
          c,
          `/nominations/${id}/items/${itemId}`,
          text(c)('removed', { item: itemLabel(item, c.get('lang')) }),
        );
      },
      invalid: ({ values, errors }) => itemPage(c, id, itemId, values, errors),
    });
  },
);

nominationsRoutes.get(
  '/nominations/:id/documents/:docId',
  requirePermission('nominations.read'),
  async (c) => {
    const doc = await getNominationDocument(c.var.deps.db, actorOf(c), uuidParam(c), uuidParam(c, 'docId'));
    return fileResponse(c.var.deps.files, {
      sha256: doc.fileSha256,
      mime: doc.fileMime,
      filename: doc.fileName,
    });
  },
);

// Check your answers, submit, confirmation

async function checkPage(c: Ctx, id: string, errors?: Record<string, string>) {
  const d = await detail(c, id);
  const can_ = permissions(c, d);
  if (!can_.submit) return c.redirect(`/nominations/${id}`, 303);
  return c.render(<CheckAnswersPage d={d} errors={errors} editable={can_.edit} />, {
    title: text(c)('checkAnswers'),
  });
}

nominationsRoutes.get('/nominations/:id/check', requirePermission('nominations.propose'), (c) =>
  checkPage(c, uuidParam(c)),
);

for (const action of ['submit', 'resubmit'] as const) {
  nominationsRoutes.post(
    `/nominations/:id/${action}`,
    requirePermission('nominations.propose'),
    async (c) => {
      const id = uuidParam(c);
      return handleForm(c, VersionOnly, {
        valid: async (data) => {
          const fn = action === 'submit' ? submitNomination : resubmitNomination;
          await fn(c.var.deps.db, env(c), actorOf(c), id, data);
          return c.redirect(`/nominations/${id}/confirmation`, 303);
        },
        invalid: async ({ errors, current }) => {
          return checkPage(c, id, current ? { _form: text(c)('changedSinceChecked') } : errors);
        },
      });
    },
  );
}

nominationsRoutes.get('/nominations/:id/confirmation', requirePermission('nominations.read'), async (c) => {
  const d = await detail(c, uuidParam(c));
  if (d.nomination.state !== 'submitted') return c.redirect(`/nominations/${d.nomination.id}`, 303);
  return c.render(<ConfirmationPage d={d} resubmitted={d.nomination.round > 1} />, {
    title: text(c)(d.nomination.round > 1 ? 'confirmationResubmitTitle' : 'confirmationTitle'),
  });
});

// Withdraw

nominationsRoutes.get('/nominations/:id/withdraw', requirePermission('nominations.withdraw'), async (c) => {
  const d = await detail(c, uuidParam(c));
  if (!permissions(c, d).withdraw) return c.redirect(`/nominations/${d.nomination.id}`, 303);
  return c.render(<WithdrawPage d={d} values={{}} />, { title: text(c)('withdraw') });
});

nominationsRoutes.post('/nominations/:id/withdraw', requirePermission('nominations.withdraw'), async (c) => {
  const id = uuidParam(c);
  return handleForm(c, Withdraw, {
    valid: async (data) => {
      await withdrawNomination(c.var.deps.db, env(c), actorOf(c), id, data);
      const d = await detail(c, id);
      return redirectWithFlash(c, `/nominations/${id}`, text(c)('withdrawn', { product: d.product.name }));
    },
    invalid: async ({ values, errors, current }) => {
      const d = await detail(c, id);
      return c.render(
        <WithdrawPage
          d={d}
          values={values}
          errors={current ? { _form: text(c)('changedSinceChecked') } : errors}
        />,
        { title: text(c)('withdraw') },
      );
    },
  });
});

// Administrative selection

/** The review form's verdicts: `verdict.<itemId>` (ok | fault) with `comment.<itemId>`. */
function verdictsOf(values: Record<string, unknown>): ItemVerdict[] {
  const out: ItemVerdict[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^verdict\.([0-9a-f-]{36})$/.exec(key);
    if (!m || (value !== 'ok' && value !== 'fault')) continue;
    const comment = values[`comment.${m[1]}`];
    out.push({
      checklistItemId: m[1]!,
      verdict: value,
      comment: typeof comment === 'string' && comment.trim() ? comment.trim().slice(0, 1000) : undefined,
    });
  }
  return out;
}

nominationsRoutes.get('/nominations/:id/review', requirePermission('nominations.select'), async (c) => {
  const d = await detail(c, uuidParam(c));
  if (d.nomination.state !== 'submitted')
    return redirectWithFlash(c, `/nominations/${d.nomination.id}`, text(c)('reviewNotOpen'), 'warning');
  return c.render(<ReviewPage d={d} values={reviewValues(d)} />, { title: text(c)('review') });
});

nominationsRoutes.post('/nominations/:id/review', requirePermission('nominations.select'), async (c) => {
  const id = uuidParam(c);
  return handleForm(c, ReviewForm, {
    valid: async (data, values) => {
      const { db } = c.var.deps;
      const actor = actorOf(c);
      const items = verdictsOf(values);
      const input = { version: data.version, items, reason: data.reason };
      if (data.decision === 'save') {
        await saveReview(db, actor, id, input);
        return redirectWithFlash(c, `/nominations/${id}/review`, text(c)('reviewSaved'));
      }
      const fn = { return: returnNomination, pass: passNomination, fail: failNomination }[data.decision];
      await fn(db, env(c), actor, id, input);
      const d = await detail(c, id);
      const action = data.decision;
      return redirectWithFlash(
        c,
        `/nominations/${id}`,
        text(c)('moved', { product: d.product.name, done: moves(c)(`done_${action}`) }),
      );
    },
    invalid: async ({ values, errors, current }) => {
      const d = await detail(c, id);
      return c.render(<ReviewPage d={d} values={values} errors={errors} stale={!!current} />, {
        title: text(c)('review'),
      });
    },
  });
});

// Packages ---------------------------------------------------------------------------------------------

nominationsRoutes.post('/nominations/:id/package', requirePermission('nominations.package'), async (c) => {
  const { job } = await startPackageJob(c.var.deps.db, env(c), actorOf(c), { nominationId: uuidParam(c) });
  return c.redirect(`/packages/${job.id}`, 303);
});

nominationsRoutes.get('/packages/:id', requirePermission('nominations.package'), async (c) => {
  const job = await getPackageJob(c.var.deps.db, actorOf(c), uuidParam(c));
  if (job.status === 'queued' || job.status === 'running') c.header('Refresh', String(REFRESH_SECONDS));
  c.header('Cache-Control', 'no-store');
  return c.render(
    <PackageJobPage
      job={job}
      back={job.nominationId ? `/nominations/${job.nominationId}` : '/nominations'}
    />,
    {
      title: text(c)('package'),
    },
  );
});

nominationsRoutes.get('/packages/:id/download', requirePermission('nominations.package'), async (c) => {
  const job = await getPackageJob(c.var.deps.db, actorOf(c), uuidParam(c));
  const file = packageFilePath(env(c), job.id);
  if (job.status !== 'done' || !fs.existsSync(file)) throw new NotFoundError('package');
  const stat = await fs.promises.stat(file);
  const { Readable } = await import('node:stream');
  const body = Readable.toWeb(fs.createReadStream(file)) as unknown as ReadableStream;
  const ascii = job.fileName.replace(/[^A-Za-z0-9._-]+/g, '-');
  return new Response(body, {
    headers: {
      'content-type': 'application/zip',
      'content-length': String(stat.size),
      'content-disposition': `attachment; filename="${ascii}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});

// Candidates --------------------------------------------------------------------------------------------

nominationsRoutes.get('/candidates', requirePermission('candidates.read'), async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const parsed = await validate(CandidateFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : CandidateFilter.parse({});
  const cycles = await allCycles(c);
  const open = await cyclesOpenForProposals(db);
  const cycle = cycles.find((x) => x.id === filter.cycle) ?? open[0] ?? cycles[0] ?? null;
  const page = cycle ? await listCandidates(db, actor, cycle.id, { ...filter, q: undefined }) : null;
  const canMark = can(actor, 'candidates.manage');
  const results =
    canMark && filter.q
      ? (await listProducts(db, actor, ProductFilter.parse({ q: filter.q }), 20)).rows
      : null;
  const marked = new Set<string>();
  if (cycle && results) {
    const existing = await listCandidates(db, actor, cycle.id, CandidateFilter.parse({}), 500);
    for (const r of existing.rows) marked.add(r.productId);
  }
  return c.render(
    <CandidateList
      cycles={cycles}
      cycle={cycle}
      page={page}
      kabkota={await regionsFor(c)}
      filter={filter}
      canMark={canMark}
      results={results}
      marked={marked}
    />,
    { title: text(c)('candidatesTitle'), wide: true },
  );
});

nominationsRoutes.get('/candidates/new', requirePermission('candidates.manage'), async (c) => {
  const q = z.object({ cycle: z.uuid(), product: z.uuid() }).safeParse(c.req.query());
  if (!q.success) throw new NotFoundError('product');
  const { product, ikm } = await getProduct(c.var.deps.db, actorOf(c), q.data.product);
  const cycle = (await allCycles(c)).find((x) => x.id === q.data.cycle);
  if (!cycle) throw new NotFoundError('cycle');
  return c.render(<NewCandidatePage cycle={cycle} product={product} ikm={ikm} values={{}} />, {
    title: text(c)('markCandidate'),
  });
});

nominationsRoutes.post('/candidates', requirePermission('candidates.manage'), (c) =>
  handleForm(c, CandidateCreate, {
    valid: async (data) => {
      const row = await createCandidate(c.var.deps.db, env(c), actorOf(c), data);
      const { product } = await getProduct(c.var.deps.db, actorOf(c), row.productId);
      return redirectWithFlash(
        c,
        `/candidates/${row.id}`,
        text(c)('candidateSaved', { product: product.name }),
      );
    },
    invalid: async ({ values, errors }) => {
      const productId = z.uuid().safeParse(values.productId);
      const cycle = (await allCycles(c)).find((x) => x.id === values.cycleId);
      if (!productId.success || !cycle) throw new NotFoundError('product');
      const { product, ikm } = await getProduct(c.var.deps.db, actorOf(c), productId.data);
      return c.render(
        <NewCandidatePage cycle={cycle} product={product} ikm={ikm} values={values} errors={errors} />,
        {
          title: text(c)('markCandidate'),
        },
      );
    },
  }),
);

async function candidatePage(
  c: Ctx,
  id: string,
  values: Record<string, unknown> = {},
  errors?: Record<string, string>,
) {
  const actor = actorOf(c);
  const d = await candidateDetail(c.var.deps.db, actor, id);
  const officer = actor.role === 'petugas_kabkota' && actor.regionCode === d.candidate.kabkotaCode;
  return c.render(
    <CandidatePage
      candidate={d.candidate}
      cycle={d.cycle}
      product={d.product}
      ikm={d.ikm}
      comments={d.comments}
      nomination={d.nomination}
      canManage={officer && can(actor, 'candidates.manage')}
      canNominate={officer && can(actor, 'nominations.propose')}
      regencyName={await regionNameOf(c.var.deps.db, d.candidate.kabkotaCode)}
      values={values}
      errors={errors}
    />,
    { title: d.product.name },
  );
}

nominationsRoutes.get('/candidates/:id', requirePermission('candidates.read'), (c) =>
  candidatePage(c, uuidParam(c)),
);

nominationsRoutes.post('/candidates/:id/comments', requirePermission('candidates.comment'), async (c) => {
  const id = uuidParam(c);
  return handleForm(c, CandidateComment, {
    valid: async (data) => {
      await commentOnCandidate(c.var.deps.db, env(c), actorOf(c), id, data.body);
      return redirectWithFlash(c, `/candidates/${id}`, text(c)('commentSaved'));
    },
    invalid: ({ values, errors }) => candidatePage(c, id, values, errors),
  });
});

nominationsRoutes.post('/candidates/:id/remove', requirePermission('candidates.manage'), async (c) => {
  const id = uuidParam(c);
  return handleForm(c, z.object({}), {
    valid: async () => {
      const row = await removeCandidate(c.var.deps.db, actorOf(c), id);
      const { product } = await getProduct(c.var.deps.db, actorOf(c), row.productId);
      return redirectWithFlash(
        c,
        `/candidates?cycle=${row.cycleId}`,
        text(c)('candidateRemoved', { product: product.name }),
      );
    },
    invalid: ({ values, errors }) => candidatePage(c, id, values, errors),
  });
});

// Earlier awards -----------------------------------------------------------------------------------------

nominationsRoutes.get('/earlier-awards', requirePermission('awards.read'), async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const parsed = await validate(AwardFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : AwardFilter.parse({});
  const page = await listEarlierAwards(db, filter);
  const canManage = can(actor, 'awards.manage');
  const found =
    canManage && filter.q ? (await listIkm(db, actor, IkmFilter.parse({ q: filter.q }), 20)).rows : null;
  return c.render(
    <AwardList page={page} kabkota={await kabkota(c)} canManage={canManage} q={filter.q} found={found} />,
    { title: text(c)('awardsTitle') },
  );
});

async function awardForm(
  c: Ctx,
  ikmId: string,
  values: Record<string, unknown>,
  errors?: Record<string, string>,
) {
  const subject = await awardSubject(c.var.deps.db, actorOf(c), ikmId);
  return c.render(
    <AwardForm
      ikm={subject.ikm}
      products={subject.products}
      cycles={await allCycles(c)}
      values={values}
      errors={errors}
    />,
    { title: text(c)('newAward') },
  );
}

nominationsRoutes.get('/earlier-awards/new', requirePermission('awards.manage'), async (c) => {
  const ikm = z.uuid().safeParse(c.req.query('ikm'));
  if (!ikm.success) throw new NotFoundError('ikm');
  return awardForm(c, ikm.data, {});
});

nominationsRoutes.post('/earlier-awards', requirePermission('awards.manage'), (c) =>
  handleForm(c, AwardCreate, {
    valid: async (data) => {
      const row = await createEarlierAward(c.var.deps.db, actorOf(c), data);
      return redirectWithFlash(
        c,
        `/registry/ikm/${row.ikmId}`,
        text(c)('awardSaved', { stars: row.stars, year: row.year }),
      );
    },
    invalid: async ({ values, errors }) => {
      const ikm = z.uuid().safeParse(values.ikmId);
      if (!ikm.success) throw new NotFoundError('ikm');
      return awardForm(c, ikm.data, values, errors);
    },
  }),
);

// The IKM profile's section ----------------------------------------------------------------------------------

/** The nominations and earlier stars of an IKM, on its registry profile page. */
export const nominationsIkmPanel: Panel<IkmRow> = async (c, ikm) => {
  const actor = c.get('actor');
  if (!actor || !can(actor, 'nominations.read')) return null;
  const { db } = c.var.deps;
  const [rows, awards] = await Promise.all([nominationsOfIkm(db, actor, ikm.id), awardsOfIkm(db, ikm.id)]);
  return (
    <IkmNominationsPanel
      ikmId={ikm.id}
      nominations={rows}
      awards={awards}
      canRecordAward={can(actor, 'awards.manage')}
    />
  );
};
