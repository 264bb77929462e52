/**
 * The import's pages: templates, upload (→ preview), confirm, cancel, continue, the errors file and
 * the history. The work itself runs in the background (import.service.ts); the pages show where it
 * stands and refresh themselves with <meta http-equiv="refresh"> — no JavaScript.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../../platform/actor.ts';
import { actorOf, type AppEnv, type Ctx } from '../../../platform/context.ts';
import { DomainError, NotFoundError, ruleFieldErrors } from '../../../platform/errors.ts';
import { attachment, xlsxResponse } from '../../../platform/export.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../../platform/http.ts';
import { lookupValidationMessage, render, translator } from '../../../platform/i18n.ts';
import { ImportKindEnum, ImportModeEnum } from '../../../platform/registry-import-domain.ts';
import { validate } from '../../../platform/validation.ts';
import { type RegistryEnv, regionChoices, scopeOf } from '../registry.service.ts';
import { uploadOf } from '../uploads.ts';
import { errorsWorkbook } from './import.errors-file.ts';
import { importText, uploadRules } from './import.messages.ts';
import {
  cancelImport,
  confirmImport,
  createImport,
  displayStatus,
  getImport,
  type ImportRuntime,
  isQueued,
  issuePhase,
  listImports,
  listIssues,
  resumeImport,
} from './import.service.ts';
import { templateXlsx } from './import.template.ts';
import { ImportHomePage, ImportJobPage, kindLabel } from './import.views.tsx';

export const importRoutes = new Hono<AppEnv>();

const importing = requirePermission('registry.import');
const text = (c: Ctx) => translator(importText, c.get('lang'));
const env = (c: Ctx): RegistryEnv => ({ provinceCode: c.var.deps.config.PROVINCE_CODE });

/** What the background work needs from the app. */
export function runtimeOf(c: Ctx): ImportRuntime {
  const { db, dbKind, files } = c.var.deps;
  return { db, dbKind, files, env: env(c) };
}

export const maxUploadBytes = (c: Ctx) => c.var.deps.config.UPLOAD_MAX_MB * 1024 * 1024;

function idParam(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('import');
  return parsed.data;
}

/** The kab/kota and kecamatan a template offers: the province, or an officer's own kab/kota. */
export async function templateFor(
  c: Ctx,
  actor: Actor,
  kind: z.infer<typeof ImportKindEnum>,
): Promise<Response> {
  const { db } = c.var.deps;
  const all = await regionChoices(db, env(c).provinceCode);
  const scope = scopeOf(actor);
  const kabkota = scope.kind === 'kabkota' ? all.kabkota.filter((k) => k.code === scope.code) : all.kabkota;
  const bytes = await templateXlsx(kind, c.get('lang'), kabkota, all.kecamatan);
  const name = `${text(c)('title')} - ${kindLabel(kind, c.get('lang'))}.xlsx`.replace(/\s+/g, ' ');
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': attachment(name),
      'cache-control': 'no-store',
    },
  });
}

async function homePage(
  c: Ctx,
  opts: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
) {
  const actor = actorOf(c);
  const rt = runtimeOf(c);
  const page = await listImports(rt.db, actor, {
    after: c.req.query('after'),
    before: c.req.query('before'),
  });
  const history = { ...page, rows: page.rows.map((job) => ({ job, status: displayStatus(rt, job) })) };
  return c.render(
    <ImportHomePage
      history={history}
      maxMb={c.var.deps.config.UPLOAD_MAX_MB}
      {...(opts.values ? { values: opts.values } : {})}
      {...(opts.errors ? { errors: opts.errors } : {})}
    />,
    { title: text(c)('title'), wide: true },
  );
}

importRoutes.get('/registry/import', importing, (c) => homePage(c));

importRoutes.get('/registry/import/templates/:file', importing, async (c) => {
  const kind = ImportKindEnum.safeParse(c.req.param('file').replace(/\.xlsx$/, ''));
  if (!kind.success) throw new NotFoundError('template');
  return templateFor(c, actorOf(c), kind.data);
});

const UploadForm = z.object({ kind: ImportKindEnum });

importRoutes.post('/registry/import', importing, async (c) => {
  const values = await formBody(c);
  const lang = c.get('lang');
  const parsed = await validate(UploadForm, values, lang);
  const upload = await uploadOf(values.file);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  if (!upload) errors.file = render(lookupValidationMessage(uploadRules.empty)!, lang);
  if (!parsed.ok || !upload) {
    const res = await homePage(c, { values, errors });
    return new Response(res.body, { status: 422, headers: res.headers });
  }
  try {
    const job = await createImport(runtimeOf(c), actorOf(c), {
      kind: parsed.data.kind,
      upload,
      maxBytes: maxUploadBytes(c),
    });
    return c.redirect(`/registry/import/${job.id}`, 303);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const res = await homePage(c, { values, errors: ruleFieldErrors(err, lang) });
    return new Response(res.body, { status: err.status, headers: res.headers });
  }
});

async function jobPage(c: Ctx, opts: { errors?: Record<string, string>; mode?: string } = {}) {
  const actor = actorOf(c);
  const rt = runtimeOf(c);
  const job = await getImport(rt.db, actor, idParam(c));
  const status = displayStatus(rt, job);
  const issues = await listIssues(rt.db, actor, job.id, {
    phase: issuePhase(job),
    after: c.req.query('after'),
    before: c.req.query('before'),
  });
  return c.render(
    <ImportJobPage
      job={job}
      status={status}
      queued={isQueued(rt.db, job.id)}
      refresh={c.req.query('refresh') !== 'off'}
      issues={issues}
      {...(opts.errors ? { errors: opts.errors } : {})}
      {...(opts.mode ? { mode: opts.mode } : {})}
    />,
    { title: job.fileName, wide: true },
  );
}

importRoutes.get('/registry/import/:id', importing, (c) => jobPage(c));

const ConfirmForm = z.object({ mode: ImportModeEnum });

importRoutes.post('/registry/import/:id/confirm', importing, async (c) => {
  const values = await formBody(c);
  const parsed = await validate(ConfirmForm, values, c.get('lang'));
  if (!parsed.ok) {
    const res = await jobPage(c, { errors: parsed.errors });
    return new Response(res.body, { status: 422, headers: res.headers });
  }
  const job = await confirmImport(runtimeOf(c), actorOf(c), idParam(c), parsed.data.mode);
  return redirectWithFlash(c, `/registry/import/${job.id}`, text(c)('started'), 'info');
});

importRoutes.post('/registry/import/:id/cancel', importing, async (c) => {
  try {
    const job = await cancelImport(runtimeOf(c), actorOf(c), idParam(c));
    return redirectWithFlash(c, `/registry/import/${job.id}`, text(c)('cancelled'), 'info');
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const res = await jobPage(c, { errors: ruleFieldErrors(err, c.get('lang')) });
    return new Response(res.body, { status: err.status, headers: res.headers });
  }
});

importRoutes.post('/registry/import/:id/resume', importing, async (c) => {
  const job = await resumeImport(runtimeOf(c), actorOf(c), idParam(c));
  return c.redirect(`/registry/import/${job.id}`, 303);
});

importRoutes.get('/registry/import/:id/errors.xlsx', importing, async (c) => {
  const rt = runtimeOf(c);
  const job = await getImport(rt.db, actorOf(c), idParam(c));
  const base = job.fileName.replace(/\.(xlsx|csv)$/i, '');
  return xlsxResponse(
    `${base} - ${text(c)('problemsSheet')}.xlsx`,
    await errorsWorkbook(rt, job, c.get('lang')),
  );
});
