/**
 * The import in the JSON API: upload a sheet (base64, like every file in this API) to get its
 * preview, read the problems by row and column, then confirm the import. The work runs in the
 * background: poll the job until its status is `checked` (the preview) and then `done`.
 */
import { z } from 'zod';
import { ApiRouter } from '../../../platform/api.ts';
import type { Ctx } from '../../../platform/context.ts';
import { xlsxResponse } from '../../../platform/export.ts';
import { render } from '../../../platform/i18n.ts';
import { IMPORT_STATUSES, ImportKindEnum, ImportModeEnum } from '../../../platform/registry-import-domain.ts';
import { uploadFromBase64 } from '../uploads.ts';
import { errorsWorkbook } from './import.errors-file.ts';
import {
  cancelImport,
  confirmImport,
  createImport,
  displayStatus,
  getImport,
  type ImportJob,
  issuePhase,
  listImports,
  listIssues,
  messageOf,
  resumeImport,
} from './import.service.ts';
import { maxUploadBytes, runtimeOf, templateFor } from './import.routes.tsx';

const Id = z.object({ id: z.uuid() });
const Cursor = z.object({ next: z.string().nullable(), prev: z.string().nullable() });
const Paging = z.object({ after: z.string().max(1000).optional(), before: z.string().max(1000).optional() });

const JobOut = z.object({
  id: z.uuid(),
  kind: ImportKindEnum,
  status: z
    .enum([...IMPORT_STATUSES, 'interrupted'])
    .describe(
      'checking → checked (the preview is ready) → importing → done; failed; cancelled; interrupted (continue it with /resume)',
    ),
  fileName: z.string(),
  fileFormat: z.enum(['xlsx', 'csv']),
  createdBy: z.string(),
  createdAt: z.string(),
  sheetName: z.string().nullable(),
  headerRow: z.number().int().nullable().describe('The sheet row holding the column headers'),
  columns: z
    .record(z.string(), z.string())
    .describe('Column key → the header found, e.g. { "nib": "C (No. NIB)" }'),
  check: z.object({
    rows: z.number().int(),
    valid: z.number().int().describe('Rows without problems'),
    partial: z.number().int().describe('Rows that can be saved with some values left out (mode "all")'),
    invalid: z.number().int().describe('Rows that cannot be saved'),
  }),
  progress: z.object({ rowsRead: z.number().int(), percent: z.number().int() }),
  mode: ImportModeEnum.nullable(),
  result: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() }),
  savedThroughRow: z
    .number()
    .int()
    .describe(
      'The import has committed every row up to this sheet row (a batch after it may be committed too); an interrupted import continues after it, passing over rows already saved',
    ),
  failure: z.string().nullable().describe('Why the file could not be read, in the caller’s language'),
  errorsFileUrl: z.string().nullable(),
});

function jobOut(c: Ctx, job: ImportJob): z.infer<typeof JobOut> {
  const status = displayStatus(runtimeOf(c), job);
  const problems = job.rowsPartial + job.rowsInvalid > 0 || job.skippedCount > 0;
  return {
    id: job.id,
    kind: job.kind,
    status,
    fileName: job.fileName,
    fileFormat: job.fileFormat,
    createdBy: job.createdByLabel,
    createdAt: job.createdAt.toISOString(),
    sheetName: job.sheetName,
    headerRow: job.headerRow,
    columns: job.columns ?? {},
    check: { rows: job.rowsTotal, valid: job.rowsValid, partial: job.rowsPartial, invalid: job.rowsInvalid },
    progress: { rowsRead: job.rowsRead, percent: Math.floor(job.permille / 10) },
    mode: job.mode,
    result: { created: job.createdCount, updated: job.updatedCount, skipped: job.skippedCount },
    savedThroughRow: job.cursorRow,
    failure: job.failureKey
      ? render(messageOf(job.failureKey), c.get('lang'), job.failureParams ?? {})
      : null,
    errorsFileUrl:
      problems && (status === 'checked' || status === 'done')
        ? `/api/v1/registry/imports/${job.id}/errors.xlsx`
        : null,
  };
}

const IssueOut = z.object({
  row: z.number().int().describe('The row number as the spreadsheet shows it'),
  column: z.string().nullable().describe('Column key, or null for the whole row'),
  columnLabel: z.string().nullable().describe('The column letter and header, e.g. "C (No. NIB)"'),
  severity: z
    .enum(['row', 'cell'])
    .describe('row: the row cannot be saved; cell: the value is left out in mode "all"'),
  message: z.string(),
  value: z.string().nullable().describe('The cell as read (a formula’s stored result, never the formula)'),
});

export const importApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/registry/imports',
      tag: 'registry-import',
      summary: 'The import history in the caller’s scope, newest first (keyset pages)',
      permission: 'registry.import',
      query: Paging,
      response: z.object({ items: z.array(JobOut) }).extend(Cursor.shape),
    },
    async ({ query, actor, c }) => {
      const page = await listImports(c.var.deps.db, actor!, query);
      return { items: page.rows.map((j) => jobOut(c, j)), next: page.next, prev: page.prev };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/registry/imports',
      tag: 'registry-import',
      summary:
        'Upload a sheet (xlsx or CSV, base64) of sentra, IKM or products for its preview; refused with 422 when damaged, password-protected or a zip bomb. Nothing is saved until /confirm',
      permission: 'registry.import',
      body: z.object({
        kind: ImportKindEnum,
        file: z.object({
          name: z.string().min(1).max(200).describe('e.g. ikm-2025.xlsx'),
          contentBase64: z
            .string()
            .min(1)
            .describe('The file bytes, base64-encoded (type checked by its bytes)'),
        }),
      }),
      response: JobOut,
      errors: [413, 422],
    },
    async ({ body, actor, c }) => {
      const upload = uploadFromBase64(body.file, 'file');
      const job = await createImport(runtimeOf(c), actor!, {
        kind: body.kind,
        upload,
        maxBytes: maxUploadBytes(c),
      });
      return jobOut(c, job);
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/registry/imports/:id',
      tag: 'registry-import',
      summary:
        'An import: status, the preview’s counts, progress and result (404 outside the caller’s scope)',
      permission: 'registry.import',
      params: Id,
      response: JobOut,
      errors: [404],
    },
    async ({ params, actor, c }) => jobOut(c, await getImport(c.var.deps.db, actor!, params.id)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/registry/imports/:id/issues',
      tag: 'registry-import',
      summary:
        'Every problem by row and column, in the caller’s language: the preview’s, or (after the import) what was skipped or left out',
      permission: 'registry.import',
      params: Id,
      query: Paging.extend({ phase: z.enum(['check', 'import']).optional() }),
      response: z.object({ items: z.array(IssueOut) }).extend(Cursor.shape),
      errors: [404],
    },
    async ({ params, query, actor, c }) => {
      const { db } = c.var.deps;
      const job = await getImport(db, actor!, params.id);
      const page = await listIssues(db, actor!, job.id, {
        phase: query.phase ?? issuePhase(job),
        after: query.after,
        before: query.before,
      });
      return {
        items: page.rows.map((i) => ({
          row: i.rowNumber,
          column: i.columnKey,
          columnLabel: i.columnLabel,
          severity: i.severity,
          message: render(messageOf(i.messageKey), c.get('lang'), i.params ?? {}),
          value: i.value,
        })),
        next: page.next,
        prev: page.prev,
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/registry/imports/:id/confirm',
      tag: 'registry-import',
      summary:
        'Import a checked sheet: mode "all" saves every row that can be saved (unreadable values left out), "valid" only rows without problems. Re-importing updates by NIB',
      permission: 'registry.import',
      params: Id,
      body: z.object({ mode: ImportModeEnum }),
      response: JobOut,
      errors: [404],
    },
    async ({ params, body, actor, c }) =>
      jobOut(c, await confirmImport(runtimeOf(c), actor!, params.id, body.mode)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/registry/imports/:id/cancel',
      tag: 'registry-import',
      summary: 'Set a checked sheet aside without importing anything',
      permission: 'registry.import',
      params: Id,
      response: JobOut,
      errors: [404, 422],
    },
    async ({ params, actor, c }) => jobOut(c, await cancelImport(runtimeOf(c), actor!, params.id)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/registry/imports/:id/resume',
      tag: 'registry-import',
      summary: 'Continue an interrupted import after its last saved batch (no row is saved twice)',
      permission: 'registry.import',
      params: Id,
      response: JobOut,
      errors: [404],
    },
    async ({ params, actor, c }) => jobOut(c, await resumeImport(runtimeOf(c), actor!, params.id)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/registry/imports/:id/errors.xlsx',
      tag: 'registry-import',
      summary: 'The errors file (xlsx): the rows with problems as they were, with the problems beside them',
      permission: 'registry.import',
      params: Id,
      response: z.string().describe('An xlsx file'),
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const rt = runtimeOf(c);
      const job = await getImport(rt.db, actor!, params.id);
      return xlsxResponse(`import-${job.id}-errors.xlsx`, await errorsWorkbook(rt, job, c.get('lang')));
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/registry/import-templates/:kind',
      tag: 'registry-import',
      summary: 'The xlsx template of a kind (dropdowns for kab/kota, commodity and units; instructions)',
      permission: 'registry.import',
      params: z.object({ kind: ImportKindEnum }),
      response: z.string().describe('An xlsx file'),
    },
    async ({ params, actor, c }) => templateFor(c, actor!, params.kind),
  );
