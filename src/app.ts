/**
 * createApp(deps): the whole web application (pages and JSON API) without listening, so tests call
 * app.request() against a real database and main.ts serves it.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { jsxRenderer } from 'hono/jsx-renderer';
import { secureHeaders } from 'hono/secure-headers';
import { assessmentApi } from './features/assessment/assessment.api.ts';
import { assessorsRoutes } from './features/assessment/assessors.routes.tsx';
import { assignmentsRoutes } from './features/assessment/assignments.routes.tsx';
import { scoringApi } from './features/assessment/scoring.api.ts';
import { sheetsRoutes } from './features/assessment/sheets.routes.tsx';
import { conflictsRoutes } from './features/assessment/conflicts.routes.tsx';
import { rubricsRoutes } from './features/assessment/rubrics.routes.tsx';
import {
  resultsIkmPanel,
  resultsNominationPanel,
  resultsRoutes,
} from './features/assessment/results.routes.tsx';
import { resultsApi } from './features/assessment/results.api.ts';
import { resultsTimelineSource, resultsTrajectory } from './features/assessment/results.timeline.ts';
import { labelRubricRefs } from './features/assessment/rubrics.service.ts';
import { auditRoutes } from './features/audit/audit.routes.tsx';
import { awardsApi } from './features/awards/awards.api.ts';
import { catalogAwards } from './features/awards/awards.catalog.ts';
import { awardsIkmPanel, awardsNominationPanel, awardsRoutes } from './features/awards/awards.routes.tsx';
import { awardsTimelineSource } from './features/awards/awards.timeline.ts';
import { registerCatalogAwards } from './features/catalog/awards-hook.ts';
import { coachingApi } from './features/coaching/coaching.api.ts';
import { coachingIkmPanel, coachingRoutes, timelineRoutes } from './features/coaching/coaching.routes.tsx';
import {
  coachingTimelineSource,
  eventsTimelineSource,
  legalDocumentsTimelineSource,
} from './features/coaching/timeline.sources.ts';
import { setRubricRefLabeller } from './features/cycles/rubric-refs.ts';
import { catalogApi } from './features/catalog/catalog.api.ts';
import { catalogRoutes } from './features/catalog/catalog.routes.tsx';
import { inquiryRoutes } from './features/catalog/inquiries.routes.tsx';
import { cyclesApi, cyclesRoutes } from './features/cycles/cycles.routes.tsx';
import { notificationsApi, notificationsRoutes } from './features/notifications/notifications.routes.tsx';
import { nominationsApi } from './features/nominations/nominations.api.ts';
import { nominationPagePanels } from './features/nominations/nominations.panels.ts';
import { nominationsIkmPanel, nominationsRoutes } from './features/nominations/nominations.routes.tsx';
import { ikmProfilePanels } from './features/registry/registry.panels.ts';
import { authRoutes } from './features/auth/auth.routes.tsx';
import { eventsApi } from './features/events/events.api.ts';
import { eventsRoutes } from './features/events/events.routes.tsx';
import { followUpRoutes } from './features/events/followups.routes.tsx';
import { publicEventRoutes } from './features/events/public.routes.tsx';
import { stakeholderRoutes } from './features/events/stakeholders.routes.tsx';
import { homeRoutes } from './features/home/home.routes.tsx';
import { dashboardsRoutes } from './features/dashboards/dashboards.routes.tsx';
import { regionsApi, regionsRoutes } from './features/regions/regions.routes.tsx';
import { importApi } from './features/registry/import/import.api.ts';
import { importRoutes } from './features/registry/import/import.routes.tsx';
import { registryApi } from './features/registry/registry.api.ts';
import { potentialRegionPanel, registryRoutes } from './features/registry/registry.routes.tsx';
import { meApi, systemRoutes } from './features/system/system.routes.ts';
import { usersApi, usersRoutes } from './features/users/users.routes.tsx';
import { projectPath } from './paths.ts';
import {
  apiError,
  apiMessages,
  type ApiRouter,
  domainErrorResponse,
  jsonResponse,
  openApiDocument,
} from './platform/api.ts';
import type { AppDeps, AppEnv, Ctx } from './platform/context.ts';
import { DomainError, ForbiddenError, NotFoundError, StaleVersionError } from './platform/errors.ts';
import { csrf, identify, readFlash } from './platform/http.ts';
import { render } from './platform/i18n.ts';
import { log } from './platform/log.ts';
import { addRegionPanel } from './platform/region-panels.ts';
import { ikmTimeline } from './platform/timeline.ts';
import { errorPage } from './platform/ui/error-page.tsx';
import { Layout } from './platform/ui/layout.tsx';
import { ui } from './platform/ui/messages.ts';

declare module 'hono' {
  // An interface (not a type alias): it merges with Hono's own declaration.
  interface ContextRenderer {
    (
      content: string | Promise<string>,
      props: { title: string; wide?: boolean },
    ): Response | Promise<Response>;
  }
}

/** Every API router; each feature adds its own. */
const apiRouters: ApiRouter[] = [
  meApi,
  regionsApi,
  usersApi,
  registryApi,
  importApi,
  eventsApi,
  cyclesApi,
  notificationsApi,
  nominationsApi,
  coachingApi,
  assessmentApi,
  scoringApi,
  resultsApi,
  catalogApi,
  awardsApi,
];

const publicDir = projectPath('public');

const isApi = (c: Ctx) => c.req.path.startsWith('/api/');

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      requestId: c.get('requestId'),
    });
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    '/static/*',
    serveStatic({
      root: publicDir,
      rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=86400');
      },
    }),
  );
  app.use('*', identify);
  app.use(
    '*',
    bodyLimit({
      maxSize: (deps.config.UPLOAD_MAX_MB + 5) * 1024 * 1024,
      onError: (c) => {
        const lang = (c as Ctx).get('lang');
        const text = render(ui.bodyTooLarge, lang, { max: deps.config.UPLOAD_MAX_MB });
        return isApi(c as Ctx)
          ? apiError(413, 'too_large', text)
          : errorPage(c as Ctx, 413, render(ui.bodyTooLargeTitle, lang), text);
      },
    }),
  );
  app.use(
    '*',
    csrf((c) => {
      const lang = c.get('lang');
      return isApi(c)
        ? apiError(403, 'csrf', render(ui.csrfBody, lang))
        : errorPage(c, 403, render(ui.csrfTitle, lang), render(ui.csrfBody, lang));
    }),
  );
  app.use('*', readFlash);
  app.use(
    '*',
    jsxRenderer(
      ({ children, title, wide }) => Layout({ title: title ?? '', wide: wide ?? false, children }),
      {
        docType: true,
      },
    ),
  );

  app.route('/', systemRoutes);
  app.route('/', homeRoutes);
  app.route('/', dashboardsRoutes);
  app.route('/', authRoutes);
  app.route('/', usersRoutes);
  app.route('/', regionsRoutes);
  app.route('/', auditRoutes);
  app.route('/', importRoutes);
  app.route('/', registryRoutes);
  addRegionPanel(potentialRegionPanel);
  app.route('/', eventsRoutes);
  app.route('/', followUpRoutes);
  app.route('/', stakeholderRoutes);
  app.route('/', publicEventRoutes);
  app.route('/', cyclesRoutes);
  app.route('/', notificationsRoutes);
  app.route('/', nominationsRoutes);
  ikmProfilePanels.add(nominationsIkmPanel);
  app.route('/', coachingRoutes);
  app.route('/', timelineRoutes);
  ikmProfilePanels.add(coachingIkmPanel);
  // The IKM timeline's sources; nominations, scores, stars and certificates add theirs here later.
  ikmTimeline.addSource(eventsTimelineSource);
  ikmTimeline.addSource(coachingTimelineSource);
  ikmTimeline.addSource(legalDocumentsTimelineSource);
  app.route('/', rubricsRoutes);
  app.route('/', assessorsRoutes);
  app.route('/', conflictsRoutes);
  app.route('/', assignmentsRoutes);
  app.route('/', sheetsRoutes);
  app.route('/', resultsRoutes);
  ikmProfilePanels.add(resultsIkmPanel);
  nominationPagePanels.add(resultsNominationPanel);
  ikmTimeline.addSource(resultsTimelineSource);
  ikmTimeline.addTrajectory(resultsTrajectory);
  setRubricRefLabeller(labelRubricRefs);
  app.route('/', catalogRoutes);
  app.route('/', inquiryRoutes);
  app.route('/', awardsRoutes);
  ikmProfilePanels.add(awardsIkmPanel);
  nominationPagePanels.add(awardsNominationPanel);
  ikmTimeline.addSource(awardsTimelineSource);
  registerCatalogAwards(catalogAwards);

  // Built on first request: converting every schema takes ≈0.3 s, too much for the start-up budget.
  let openapi: ReturnType<typeof openApiDocument> | undefined;
  app.get('/api/v1/openapi.json', () => {
    openapi ??= openApiDocument(apiRouters, { title: 'OVOP Maluku API', version: '1' });
    return jsonResponse(openapi, 200, { 'cache-control': 'public, max-age=300' });
  });
  for (const router of apiRouters) app.route('/api/v1', router.app);

  app.notFound((c) => {
    const lang = c.get('lang') ?? 'id';
    if (isApi(c)) return apiError(404, 'not_found', render(apiMessages.notFound, lang));
    return errorPage(c, 404, render(ui.notFoundTitle, lang), render(ui.notFoundBody, lang));
  });

  app.onError((err, c) => {
    const lang = c.get('lang') ?? 'id';
    if (err instanceof NotFoundError) {
      if (isApi(c)) return apiError(404, 'not_found', render(apiMessages.notFound, lang));
      return errorPage(c, 404, render(ui.notFoundTitle, lang), render(ui.notFoundBody, lang));
    }
    if (err instanceof ForbiddenError) {
      if (isApi(c)) return apiError(403, 'forbidden', render(apiMessages.forbidden, lang));
      return errorPage(c, 403, render(ui.forbiddenTitle, lang), render(ui.forbiddenBody, lang));
    }
    if (err instanceof DomainError) {
      if (isApi(c)) return domainErrorResponse(c, err);
      return errorPage(
        c,
        err.status,
        render(ui.errorSummaryTitle, lang),
        render(err.userMessage, lang, err.params),
      );
    }
    if (err instanceof StaleVersionError) {
      return apiError(409, 'stale_version', render(apiMessages.staleVersion, lang), undefined, err.current);
    }
    if (err instanceof HTTPException && err.status < 500) {
      if (isApi(c)) return apiError(err.status, 'bad_request', err.message);
      return errorPage(c, err.status, render(ui.errorTitle, lang), err.message);
    }
    const id = c.get('requestId') ?? '-';
    log.error('unhandled error', { requestId: id, path: c.req.path, err });
    if (isApi(c)) return apiError(500, 'server_error', render(apiMessages.serverError, lang, { id }));
    return errorPage(c, 500, render(ui.errorTitle, lang), render(ui.errorBody, lang, { id }));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
