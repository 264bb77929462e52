/**
 * Results pages (admin): a cycle's results with agreement and tendencies, its settings, exports,
 * one nomination's decision (with a confirmation step), bulk decisions, and the gap analysis. The
 * moderation page is open to the nomination's assessors once they submitted their own sheet.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { products } from '../../db/schema/registry.ts';
import { nominationResults } from '../../db/schema/scoring.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { can } from '../../platform/authz.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { attachment, xlsxResponse } from '../../platform/export.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import type { Panel } from '../../platform/region-panels.ts';
import { validate } from '../../platform/validation.ts';
import { EnrolNeedInput } from '../coaching/coaching.forms.ts';
import { canActForIkm } from '../coaching/programmes.service.ts';
import { enrolForNeed, programmesForNeeds } from '../coaching/recommendations.service.ts';
import { nominationEnv } from '../nominations/nominations.env.ts';
import type { NominationPanelSubject } from '../nominations/nominations.panels.ts';
import type { IkmRow } from '../registry/ikm.service.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { getCycleConfig, listCycles } from '../cycles/cycles.service.ts';
import { starText } from './classify.rules.ts';
import {
  addModerationPost,
  assertModerationAccess,
  bulkDecideResults,
  decideResult,
  gapRecommendations,
  moderationPostsOf,
  previewDecision,
  recordAgreedScore,
} from './decisions.service.ts';
import { matrixPdf, resultsPdf, resultsWorkbook } from './results.export.ts';
import {
  AgreedInput,
  BulkDecideInput,
  DecideInput,
  PostInput,
  ResultsQuery,
  SettingsForm,
} from './results.forms.ts';
import { resultsRules, resultsText } from './results.messages.ts';
import { computeCycleResults, filterRows, gapsOf, resultOf } from './results.service.ts';
import {
  BulkConfirmPage,
  BulkOutcomePage,
  CyclesIndexPage,
  ConfirmDecisionPage,
  DecidePage,
  fmt,
  GapsPage,
  IkmResultsPanel,
  ModerationPage,
  NominationGapsPanel,
  ResultsPage,
  SettingsPage,
} from './results.views.tsx';
import { COACHING_KIND_NAMES } from './rubric.rules.ts';
import { ensureCycleSettings, saveCycleSettings } from './settings.service.ts';

export const resultsRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(resultsText, c.get('lang'));
const manage = requirePermission('results.manage');
const moderate = requirePermission('moderation.take_part');

const uuid = z.uuid();
function param(c: Ctx, name: string, what: string): string {
  const parsed = uuid.safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(what);
  return parsed.data;
}

async function regions(c: Ctx) {
  const kabkota = await listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
  return { kabkota, names: new Map(kabkota.map((r) => [r.code, r.name])) };
}

function withStatus(res: Response | Promise<Response>, status: number): Promise<Response> {
  return Promise.resolve(res).then((r) =>
    status === 200 ? r : new Response(r.body, { status, headers: r.headers }),
  );
}

resultsRoutes.get('/assessment/results', manage, async (c) => {
  const page = await listCycles(c.var.deps.db, {
    after: c.req.query('after'),
    before: c.req.query('before'),
  });
  return c.render(<CyclesIndexPage page={page} />, { title: text(c)('title') });
});

// The cycle's results ---------------------------------------------------------------------------------

async function resultsPage(c: Ctx, errors?: Record<string, string>) {
  const cycleId = param(c, 'cycleId', 'cycle');
  const view = await computeCycleResults(c.var.deps.db, cycleId);
  const parsed = await validate(ResultsQuery, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : {};
  const { kabkota, names } = await regions(c);
  const page = pageOf(filterRows(view.rows, filter), c.req.query('after'), c.req.query('before'));
  return c.render(
    <ResultsPage
      view={view}
      rows={page.rows}
      next={page.next}
      prev={page.prev}
      filter={filter}
      kabkota={kabkota}
      regions={names}
      errors={errors}
    />,
    { title: text(c)('title'), wide: true },
  );
}

resultsRoutes.get('/assessment/cycles/:cycleId/results', manage, (c) => resultsPage(c));

const PAGE_SIZE = 100;

/** A page of the computed rows, by the nomination id before or after it (a cursor, never a page number). */
function pageOf<R extends { nomination: { id: string } }>(rows: R[], after?: string, before?: string) {
  let start = 0;
  if (after) start = rows.findIndex((r) => r.nomination.id === after) + 1;
  else if (before) start = Math.max(0, rows.findIndex((r) => r.nomination.id === before) - PAGE_SIZE);
  const slice = rows.slice(start, start + PAGE_SIZE);
  return {
    rows: slice,
    next: start + PAGE_SIZE < rows.length ? (slice.at(-1)?.nomination.id ?? null) : null,
    prev: start > 0 ? (slice[0]?.nomination.id ?? null) : null,
  };
}

resultsRoutes.post('/assessment/cycles/:cycleId/results/decide', manage, (c) =>
  handleForm(c, BulkDecideInput, {
    valid: async (input) => {
      const cycleId = param(c, 'cycleId', 'cycle');
      const { db } = c.var.deps;
      if (!input.confirmed) {
        const view = await computeCycleResults(db, cycleId, { nominationIds: input.ids });
        return c.render(<BulkConfirmPage cycleId={cycleId} rows={view.rows} />, {
          title: text(c)('confirmTitle'),
        });
      }
      const outcomes = await bulkDecideResults(db, nominationEnv(c.var.deps), actorOf(c), input.ids);
      return c.render(<BulkOutcomePage cycleId={cycleId} outcomes={outcomes} />, { title: text(c)('title') });
    },
    invalid: ({ errors }) => resultsPage(c, errors),
  }),
);

resultsRoutes.get('/assessment/cycles/:cycleId/results.xlsx', manage, async (c) => {
  const view = await computeCycleResults(c.var.deps.db, param(c, 'cycleId', 'cycle'));
  const { names } = await regions(c);
  const sheets = await resultsWorkbook(c.var.deps.db, view, c.get('lang'), names);
  return xlsxResponse(`${text(c)('title')} ${view.config.cycle.name}.xlsx`, sheets);
});

resultsRoutes.get('/assessment/cycles/:cycleId/results.pdf', manage, async (c) => {
  const view = await computeCycleResults(c.var.deps.db, param(c, 'cycleId', 'cycle'));
  const { names } = await regions(c);
  const bytes = await resultsPdf(view, c.get('lang'), names);
  return pdf(bytes, `${text(c)('title')} ${view.config.cycle.name}.pdf`);
});

resultsRoutes.get('/assessment/cycles/:cycleId/matrix.pdf', manage, async (c) => {
  const view = await computeCycleResults(c.var.deps.db, param(c, 'cycleId', 'cycle'));
  const bytes = await matrixPdf(c.var.deps.db, view, c.get('lang'));
  return pdf(bytes, `matrix ${view.config.cycle.name}.pdf`);
});

function pdf(bytes: Uint8Array, name: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': attachment(name),
      'cache-control': 'no-store',
    },
  });
}

// Settings ----------------------------------------------------------------------------------------

async function settingsPage(
  c: Ctx,
  values?: Record<string, unknown>,
  errors?: Record<string, string>,
  stale = false,
) {
  const cycleId = param(c, 'cycleId', 'cycle');
  const config = await getCycleConfig(c.var.deps.db, cycleId);
  const settings = await ensureCycleSettings(c.var.deps.db, cycleId);
  return c.render(
    <SettingsPage
      cycleId={cycleId}
      cycleName={config.cycle.name}
      cycleVersion={config.cycle.version}
      maxStar={config.cycle.starScale}
      settings={settings}
      bands={config.bands}
      values={values}
      errors={errors}
      stale={stale}
    />,
    { title: text(c)('settingsTitle', { cycle: config.cycle.name }) },
  );
}

resultsRoutes.get('/assessment/cycles/:cycleId/settings', manage, (c) => settingsPage(c));

resultsRoutes.post('/assessment/cycles/:cycleId/settings', manage, (c) =>
  handleForm(c, SettingsForm, {
    valid: async (input) => {
      const cycleId = param(c, 'cycleId', 'cycle');
      await saveCycleSettings(c.var.deps.db, actorOf(c), cycleId, input);
      return redirectWithFlash(c, `/assessment/cycles/${cycleId}/settings`, text(c)('saved'));
    },
    invalid: ({ values, errors, current }) => settingsPage(c, values, errors, current !== undefined),
  }),
);

// One nomination: decision, gaps -------------------------------------------------------------------

async function decidePage(c: Ctx, values?: Record<string, unknown>, errors?: Record<string, string>) {
  const { view, row } = await resultOf(c.var.deps.db, param(c, 'id', 'nomination'));
  return c.render(<DecidePage row={row} maxStar={view.scale.maxStar} values={values} errors={errors} />, {
    title: text(c)('decideTitle', { name: row.nomination.productName }),
  });
}

resultsRoutes.get('/assessment/nominations/:id/decide', manage, (c) => decidePage(c));

resultsRoutes.post('/assessment/nominations/:id/decide', manage, (c) =>
  handleForm(c, DecideInput, {
    valid: async (input, values) => {
      const id = param(c, 'id', 'nomination');
      const { db } = c.var.deps;
      const actor = actorOf(c);
      const request = {
        star: input.star ?? null,
        overrideReason: input.overrideReason,
        version: input.version,
      };
      if (!input.confirmed) {
        const preview = await previewDecision(db, actor, id, request);
        return c.render(<ConfirmDecisionPage preview={preview} version={String(values.version ?? '0')} />, {
          title: text(c)('confirmTitle'),
        });
      }
      const out = await decideResult(db, nominationEnv(c.var.deps), actor, id, request);
      const { row } = await resultOf(db, id);
      const msg = text(c)('decidedFlash', {
        name: row.nomination.productName,
        star: starText(out.result.finalStar ?? 0)[c.get('lang')],
      });
      const recs = out.recommendations ? ` ${text(c)('recommendations', { n: out.recommendations })}` : '';
      return redirectWithFlash(c, `/assessment/cycles/${row.nomination.cycleId}/results`, msg + recs);
    },
    invalid: ({ values, errors, current }) =>
      current !== undefined
        ? decidePage(c, values, { _form: text(c)('stale') })
        : decidePage(c, values, errors),
  }),
);

async function gapsPage(c: Ctx, extra: { errors?: Record<string, string>; failedKind?: string } = {}) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const { view, row } = await resultOf(db, param(c, 'id', 'nomination'));
  const gaps = await gapsOf(db, view, row);
  // The coaching needs carry their enrolment for whoever may enrol this IKM.
  const needs =
    gaps && can(actor, 'coaching.manage') && canActForIkm(actor, row.nomination.kabkotaCode)
      ? await programmesForNeeds(
          db,
          actor,
          row.nomination.ikmId,
          gaps.coaching.map((n) => n.kind),
        )
      : null;
  return c.render(
    <GapsPage row={row} gaps={gaps} needs={needs} errors={extra.errors} failedKind={extra.failedKind} />,
    { title: text(c)('gapsTitle', { name: row.nomination.productName }) },
  );
}

resultsRoutes.get('/assessment/nominations/:id/gaps', manage, (c) => gapsPage(c));

/** Enrols the nomination's IKM in a programme for one coaching need of its gap analysis. */
resultsRoutes.post(
  '/assessment/nominations/:id/gaps/enrol',
  manage,
  requirePermission('coaching.manage'),
  (c) =>
    handleForm(c, EnrolNeedInput, {
      valid: async (input) => {
        const { db } = c.var.deps;
        const actor = actorOf(c);
        const id = param(c, 'id', 'nomination');
        const { view, row } = await resultOf(db, id);
        const gaps = await gapsOf(db, view, row);
        const kind = COACHING_KIND_NAMES[input.kind][c.get('lang')];
        const items = gaps ? gapRecommendations(row, gaps, actor.lang, input.kind) : [];
        if (items.length === 0) throw ruleViolation('programmeId', resultsRules.noNeedOfKind, { kind });
        const done = await enrolForNeed(db, actor, items, input.programmeId);
        const params = { name: done.ikmName, title: done.programme.title, kind };
        return redirectWithFlash(
          c,
          `/assessment/nominations/${id}/gaps`,
          text(c)(done.already ? 'alreadyEnrolled' : 'enrolledFromGaps', params),
        );
      },
      invalid: ({ values, errors }) =>
        gapsPage(c, { errors, failedKind: typeof values.kind === 'string' ? values.kind : undefined }),
    }),
);

// Moderation --------------------------------------------------------------------------------------

async function moderationPage(c: Ctx, values?: Record<string, unknown>, errors?: Record<string, string>) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const id = param(c, 'id', 'nomination');
  await assertModerationAccess(db, actor, id);
  const { row } = await resultOf(db, id);
  const posts = await moderationPostsOf(db, actor, id);
  return c.render(
    <ModerationPage
      row={row}
      posts={posts}
      admin={can(actor, 'results.manage')}
      values={values}
      errors={errors}
    />,
    { title: text(c)('moderationTitle', { name: row.nomination.productName }) },
  );
}

resultsRoutes.get('/assessment/nominations/:id/moderation', moderate, (c) => moderationPage(c));

resultsRoutes.post('/assessment/nominations/:id/moderation/posts', moderate, (c) =>
  handleForm(c, PostInput, {
    valid: async (input) => {
      const id = param(c, 'id', 'nomination');
      await addModerationPost(c.var.deps.db, c.var.deps.config, actorOf(c), id, input.body);
      return redirectWithFlash(c, `/assessment/nominations/${id}/moderation`, text(c)('posted'));
    },
    invalid: ({ values, errors }) => withStatus(moderationPage(c, values, errors), 200),
  }),
);

resultsRoutes.post('/assessment/nominations/:id/moderation/agreed', manage, (c) =>
  handleForm(c, AgreedInput, {
    valid: async (input) => {
      const id = param(c, 'id', 'nomination');
      await recordAgreedScore(c.var.deps.db, actorOf(c), id, {
        score: input.agreedScore,
        reason: input.agreedReason,
        version: input.version,
      });
      return redirectWithFlash(
        c,
        `/assessment/nominations/${id}/moderation`,
        text(c)('agreedRecorded', { score: fmt(input.agreedScore, c.get('lang')) }),
      );
    },
    invalid: ({ values, errors, current }) =>
      moderationPage(c, values, current !== undefined ? { _form: text(c)('stale') } : errors),
  }),
);

// The nomination page's section ------------------------------------------------------------------

/** A link from an assessed nomination's page to its gap analysis, for the admin (registered in app.ts). */
export const resultsNominationPanel: Panel<NominationPanelSubject> = async (c, subject) => {
  const actor = c.get('actor');
  if (!actor || !can(actor, 'results.manage')) return null;
  const [n] = await c.var.deps.db
    .select({ state: nominations.state, product: products.name })
    .from(nominations)
    .innerJoin(products, eq(products.id, nominations.productId))
    .where(eq(nominations.id, subject.id));
  if (!n || !ASSESSED_STATES.has(n.state)) return null;
  return <NominationGapsPanel nominationId={subject.id} product={n.product} />;
};

const ASSESSED_STATES = new Set(['in_assessment', 'assessed', 'decided', 'published']);

// The IKM profile's section -----------------------------------------------------------------------

/** The latest results of the IKM's nominations, for the admin and the officers (registered in app.ts). */
export const resultsIkmPanel: Panel<IkmRow> = async (c, ikm) => {
  const actor = actorOf(c);
  if (actor.role !== 'admin_provinsi' && actor.role !== 'petugas_kabkota') return null;
  const { db } = c.var.deps;
  const rows = await db
    .select({
      nominationId: nominations.id,
      cycleName: cycles.name,
      product: products.name,
      status: nominationResults.status,
      finalStar: nominationResults.finalStar,
      score: nominationResults.score,
      agreed: nominationResults.agreedScore,
    })
    .from(nominationResults)
    .innerJoin(nominations, eq(nominations.id, nominationResults.nominationId))
    .innerJoin(cycles, eq(cycles.id, nominations.cycleId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .where(inArray(nominations.ikmId, [ikm.id]))
    .orderBy(desc(nominationResults.updatedAt))
    .limit(5);
  if (rows.length === 0) return null;
  return (
    <IkmResultsPanel
      rows={rows.map((r) => ({ ...r, score: r.score ?? r.agreed }))}
      gapsLinks={can(actor, 'results.manage')}
    />
  );
};
