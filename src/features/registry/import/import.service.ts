/**
 * Spreadsheet imports as jobs: upload → check (the preview: every problem by row and column, nothing
 * written) → confirm (all rows that can be saved, or only those without problems) → import. Both
 * phases run in the background of the server process, a batch at a time, each batch one short
 * transaction (PGlite has one connection: other requests run between batches). An import batch
 * commits its rows, its problems and the job's cursor together, so a killed server leaves whole
 * batches only, and continuing skips what is saved; re-running a sheet updates by NIB (or name).
 */
import { and, eq, sql } from 'drizzle-orm';
import { databaseError, type Db, type DbKind, queryRows } from '../../../db/client.ts';
import { importIssues, importJobs } from '../../../db/schema/registry-import.ts';
import type { Actor } from '../../../platform/actor.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { isProvinceWide } from '../../../platform/authz.ts';
import { NotFoundError, ruleViolation } from '../../../platform/errors.ts';
import type { FileStore } from '../../../platform/files.ts';
import { lookupValidationMessage } from '../../../platform/i18n.ts';
import { type Page, paginate } from '../../../platform/keyset.ts';
import { log } from '../../../platform/log.ts';
import { readAhead } from '../../../platform/read-ahead.ts';
import type {
  ImportIssuePhase,
  ImportKind,
  ImportMode,
  ImportStatus,
} from '../../../platform/registry-import-domain.ts';
import { regions } from '../../../db/schema/regions.ts';
import { canManage, getSizeThresholds, type RegistryEnv, regionIndex } from '../registry.service.ts';
import { type Cell, cellDisplay } from './import.cells.ts';
import { COLUMNS, findHeader, type HeaderMap, requiredHeaders } from './import.columns.ts';
import type { BatchContext, KindHandler } from './import.context.ts';
import { acceptUpload, openWorkbook, readFailure, type SheetRow, type Upload } from './import.file.ts';
import { ikmHandler } from './import.ikm.ts';
import { fileRules, uploadRules } from './import.messages.ts';
import { regionResolver } from './import.resolve.ts';
import { type Draft, type Issue, type RowContext, readRow } from './import.rows.ts';
import { advance, isImported } from './import.cursor.ts';
import { openXlsxThreaded, THREADED_READ_MIN_BYTES } from './import.reader.ts';
import { productHandler, sentraHandler } from './import.services.ts';
import {
  openSpill,
  pruneSpills,
  removeSpill,
  SpillWriter,
  type SpillTerms,
  spillDir,
} from './import.spill.ts';

export type ImportJob = typeof importJobs.$inferSelect;
export type ImportIssueRow = typeof importIssues.$inferSelect;

/** What a running import needs from the app. */
export interface ImportRuntime {
  db: Db;
  dbKind: DbKind;
  files: FileStore;
  env: RegistryEnv;
}

const HANDLERS: Record<ImportKind, KindHandler> = {
  ikm: ikmHandler,
  sentra: sentraHandler,
  products: productHandler,
};

/** Rows per batch: set-based IKM batches, and smaller ones where each row goes through a service. */
const BATCH: Record<ImportKind, number> = { ikm: 500, sentra: 25, products: 25 };
/** The header is looked for in this many rows at the top of each sheet. */
const HEADER_SCAN_ROWS = 30;
export const MAX_DATA_ROWS = 200_000;
/** On PostgreSQL another process may run a job: it is taken as interrupted after this silence. */
const STALE_MS = 30_000;
/** How often a process says it still holds its jobs (queued ones included). */
const HEARTBEAT_MS = 10_000;

// Who may see which import ------------------------------------------------------------------------

function scopeCondition(actor: Actor) {
  if (isProvinceWide(actor)) return undefined;
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return eq(importJobs.kabkotaCode, actor.regionCode);
  return sql`false`;
}

/** An import the actor may see (their kab/kota's, or any for the province), or 404. */
export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportJob> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), scopeCondition(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('import');
  return row;
}

/** The imports in the actor's scope, newest first, one keyset page at a time. */
export async function listImports(
  db: Db,
  actor: Actor,
  request: { after?: string | undefined; before?: string | undefined },
  limit = 25,
): Promise<Page<ImportJob>> {
  return paginate<ImportJob>({
    request: { ...request, limit },
    keys: [importJobs.id],
    dir: 'desc',
    keyOf: (r) => [r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(importJobs)
        .where(and(scopeCondition(actor), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
}

/** The problems of one phase of an import, by row. */
export async function listIssues(
  db: Db,
  actor: Actor,
  id: string,
  request: { phase: ImportIssuePhase; after?: string | undefined; before?: string | undefined },
  limit = 100,
): Promise<Page<ImportIssueRow>> {
  const job = await getImport(db, actor, id);
  return paginate<ImportIssueRow>({
    request: { after: request.after, before: request.before, limit },
    keys: [importIssues.rowNumber, importIssues.id],
    dir: 'asc',
    keyOf: (r) => [r.rowNumber, r.id],
    run: (where, orderBy, lim) =>
      db
        .select()
        .from(importIssues)
        .where(and(eq(importIssues.jobId, job.id), eq(importIssues.phase, request.phase), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
}

/** The phase whose problems describe a job now: the import's once it ran, else the check's. */
export function issuePhase(job: ImportJob): ImportIssuePhase {
  return job.mode && (job.status === 'importing' || job.status === 'done' || job.status === 'failed')
    ? 'import'
    : 'check';
}

// Running jobs -----------------------------------------------------------------------------------

interface Runner {
  /** Jobs this process runs or has queued. */
  jobs: Map<string, Promise<void>>;
  /** One job at a time per database: imports share the one connection with every request. */
  chain: Promise<void>;
  /** The job the chain is working on now (the others wait their turn). */
  current: string | null;
  heartbeat?: NodeJS.Timeout | undefined;
}

const runners = new WeakMap<Db, Runner>();

function runnerOf(db: Db): Runner {
  let r = runners.get(db);
  if (!r) {
    r = { jobs: new Map(), chain: Promise.resolve(), current: null };
    runners.set(db, r);
  }
  return r;
}

/** While this process holds jobs, it marks them alive, so another process does not take them over. */
function keepAlive(db: Db, runner: Runner): void {
  if (runner.heartbeat) return;
  runner.heartbeat = setInterval(() => {
    if (runner.jobs.size === 0) {
      clearInterval(runner.heartbeat);
      runner.heartbeat = undefined;
      return;
    }
    const ids = [...runner.jobs.keys()].join(',');
    db.execute(
      sql`update import_jobs set heartbeat_at = now() where id = any(string_to_array(${ids}, ',')::uuid[])`,
    ).catch(() => {});
  }, HEARTBEAT_MS);
  runner.heartbeat.unref();
}

/** Whether this process has the job waiting behind another import. */
export function isQueued(db: Db, jobId: string): boolean {
  const runner = runnerOf(db);
  return runner.jobs.has(jobId) && runner.current !== jobId;
}

/** Whether a process is (or will be) working on this job. */
export function isAlive(rt: Pick<ImportRuntime, 'db' | 'dbKind'>, job: ImportJob): boolean {
  if (job.status !== 'checking' && job.status !== 'importing') return false;
  if (runnerOf(rt.db).jobs.has(job.id)) return true;
  // PGlite: this process is the only one. PostgreSQL: another process may be running it.
  if (rt.dbKind === 'pglite') return false;
  return job.heartbeatAt !== null && Date.now() - job.heartbeatAt.getTime() < STALE_MS;
}

/** The state shown to people: a job nobody runs any more is interrupted. */
export function displayStatus(
  rt: Pick<ImportRuntime, 'db' | 'dbKind'>,
  job: ImportJob,
): ImportStatus | 'interrupted' {
  if ((job.status === 'checking' || job.status === 'importing') && !isAlive(rt, job)) return 'interrupted';
  return job.status;
}

function start(rt: ImportRuntime, jobId: string, phase: 'check' | 'import'): void {
  const runner = runnerOf(rt.db);
  const run = runner.chain.then(() => {
    runner.current = jobId;
    return (phase === 'check' ? runCheck(rt, jobId) : runImport(rt, jobId))
      .catch((err) =>
        fail(rt, jobId, err).catch((e) => log.error('import: recording a failure failed', { jobId, err: e })),
      )
      .finally(() => {
        runner.current = null;
      });
  });
  runner.chain = run;
  const tracked = run.finally(() => {
    if (runner.jobs.get(jobId) === tracked) runner.jobs.delete(jobId);
  });
  runner.jobs.set(jobId, tracked);
  keepAlive(rt.db, runner);
}

/** Resolves when this process has finished its work on the job (tests and the command line). */
export async function waitForImport(db: Db, jobId: string): Promise<void> {
  await runnerOf(db).jobs.get(jobId);
}

async function fail(rt: ImportRuntime, jobId: string, err: unknown): Promise<void> {
  const db = rt.db;
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  log.warn('import failed', { jobId, err });
  await removeSpill(spillDir(rt.files.root), jobId).catch(() => {});
  await db
    .update(importJobs)
    .set({
      status: 'failed',
      failureKey: fileRules.unreadable,
      failureParams: { name: job?.fileName ?? '', detail: readFailure(err) },
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(importJobs.id, jobId));
}

function actorJson(actor: Actor) {
  return {
    userId: actor.userId,
    realUserId: actor.realUserId,
    role: actor.role,
    regionCode: actor.regionCode,
    label: actor.label,
    lang: actor.lang,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  };
}

function actorOfJob(job: ImportJob): Actor {
  const a = job.actor as ReturnType<typeof actorJson>;
  return { ...a, ip: a.ip ?? undefined, requestId: a.requestId ?? undefined };
}

// Lifecycle --------------------------------------------------------------------------------------

/** Accepts an upload (refusing a damaged, protected or bomb-like file) and starts checking it. */
export async function createImport(
  rt: ImportRuntime,
  actor: Actor,
  input: { kind: ImportKind; upload: Upload; maxBytes: number },
): Promise<ImportJob> {
  if (!canManage(actor)) throw new NotFoundError('import');
  const file = await acceptUpload(rt.db, rt.files, input.upload, input.maxBytes);
  await pruneSpills(spillDir(rt.files.root));
  const job = await rt.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(importJobs)
      .values({
        kind: input.kind,
        provinceCode: rt.env.provinceCode,
        kabkotaCode: isProvinceWide(actor) ? null : actor.regionCode,
        createdBy: actor.userId,
        createdByLabel: actor.label,
        fileSha256: file.sha256,
        fileName: input.upload.name.slice(0, 200),
        fileFormat: file.format,
        fileSize: file.size,
        status: 'checking',
        actor: actorJson(actor),
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'import.upload',
      objectType: 'import_job',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: { kind: row!.kind, fileName: row!.fileName, sha256: row!.fileSha256, format: row!.fileFormat },
    });
    return row!;
  });
  start(rt, job.id, 'check');
  return job;
}

const stateError = () => ruleViolation('_form', uploadRules.notCancellable);

/** Starts the import of a checked sheet: all rows that can be saved, or only those without problems. */
export async function confirmImport(
  rt: ImportRuntime,
  actor: Actor,
  id: string,
  mode: ImportMode,
): Promise<ImportJob> {
  const job = await getImport(rt.db, actor, id);
  if (!canManage(actor)) throw new NotFoundError('import');
  const updated = await rt.db.transaction(async (tx) => {
    const [row] = await tx
      .update(importJobs)
      .set({
        status: 'importing',
        mode,
        actor: actorJson(actor),
        startedAt: new Date(),
        heartbeatAt: null,
        cursorRow: 0,
        rowsRead: 0,
        permille: 0,
        updatedAt: new Date(),
        version: sql`${importJobs.version} + 1`,
      })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'checked')))
      .returning();
    if (!row) return undefined;
    await writeAudit(tx, actor, {
      action: 'import.confirm',
      objectType: 'import_job',
      objectId: row.id,
      regionCode: row.kabkotaCode,
      after: { mode },
    });
    return row;
  });
  // A second click, or a job already past its preview: show where it stands.
  if (!updated) return job;
  start(rt, updated.id, 'import');
  return updated;
}

/** Sets a checked sheet aside without importing anything. */
export async function cancelImport(rt: ImportRuntime, actor: Actor, id: string): Promise<ImportJob> {
  const job = await getImport(rt.db, actor, id);
  const row = await rt.db.transaction(async (tx) => {
    const [row] = await tx
      .update(importJobs)
      .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'checked')))
      .returning();
    if (!row) throw stateError();
    await writeAudit(tx, actor, {
      action: 'import.cancel',
      objectType: 'import_job',
      objectId: row.id,
      regionCode: row.kabkotaCode,
    });
    return row;
  });
  await removeSpill(spillDir(rt.files.root), row.id);
  return row;
}

/** Continues an interrupted job: the check from the start, the import after its last saved batch. */
export async function resumeImport(rt: ImportRuntime, actor: Actor, id: string): Promise<ImportJob> {
  const job = await getImport(rt.db, actor, id);
  if (displayStatus(rt, job) !== 'interrupted') return job;
  const row = await rt.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(importJobs)
      .set({
        actor: job.status === 'importing' ? actorJson(actor) : job.actor,
        heartbeatAt: new Date(),
        updatedAt: new Date(),
        version: sql`${importJobs.version} + 1`,
      })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.version, job.version)))
      .returning();
    if (!claimed) return undefined;
    await writeAudit(tx, actor, {
      action: 'import.resume',
      objectType: 'import_job',
      objectId: job.id,
      regionCode: job.kabkotaCode,
      after: { phase: job.status, fromRow: job.cursorRow },
    });
    return claimed;
  });
  if (!row) return getImport(rt.db, actor, id);
  start(rt, row.id, row.status === 'importing' ? 'import' : 'check');
  return row;
}

// The work ---------------------------------------------------------------------------------------

async function contextFor(
  rt: ImportRuntime,
  job: ImportJob,
  actor: Actor,
  header: HeaderMap,
): Promise<BatchContext> {
  const index = await regionIndex(rt.db);
  const bps = await rt.db
    .select({ code: regions.code, bps: regions.bpsCode })
    .from(regions)
    .where(eq(regions.level, 'kabupaten_kota'));
  const bpsCodes = new Map(bps.filter((r) => r.bps).map((r) => [r.code, r.bps!]));
  return {
    kind: job.kind,
    jobId: job.id,
    actor,
    env: rt.env,
    header,
    present: new Set(header.byIndex.values()),
    regions: regionResolver(index, rt.env.provinceCode, bpsCodes),
    regionIndex: index,
    thresholds: await getSizeThresholds(rt.db),
    seen: new Map(),
  };
}

const texts = (row: SheetRow) => row.cells.map((c: Cell | undefined) => (c ? cellDisplay(c) : undefined));

/**
 * The sheet and header to read: the first visible sheet whose first rows hold the kind's header
 * (or the sheet the check found, by name), with its rows from just below the header on.
 */
async function locate(
  job: ImportJob,
  path: string,
  /** Counts the non-empty rows looked at for a header (0: the workbook is empty). */
  scanned = { rows: 0 },
): Promise<
  | {
      sheet: string;
      header: HeaderMap;
      rows: AsyncIterator<SheetRow>;
      pending: SheetRow[];
      progress: () => number;
      close: () => Promise<void>;
    }
  | undefined
> {
  const styles = { styles: job.kind === 'products' };
  const workbook =
    job.fileFormat === 'xlsx' && job.fileSize >= THREADED_READ_MIN_BYTES
      ? openXlsxThreaded(path, styles)
      : openWorkbook(path, job.fileFormat, styles);
  // Iterated by hand: leaving a for-await loop would close the workbook under the sheet being read.
  const sheets = workbook.sheets[Symbol.asyncIterator]();
  const close = async () => {
    await sheets.return?.(undefined);
  };
  try {
    return await findSheet();
  } catch (err) {
    // Closed here: a caller that never gets the sheet cannot close it.
    await close().catch(() => {});
    throw err;
  }

  async function findSheet() {
    for (;;) {
      const next = await sheets.next();
      if (next.done) return undefined;
      const sheet = next.value;
      const rows = sheet.rows[Symbol.asyncIterator]();
      if (job.sheetName && sheet.name !== job.sheetName) {
        await drain(rows);
        continue;
      }
      const top: SheetRow[] = [];
      while (top.length < HEADER_SCAN_ROWS) {
        const r = await rows.next();
        if (r.done) break;
        if (r.value.cells.some(Boolean)) top.push(r.value);
      }
      scanned.rows += top.length;
      const header = findHeader(
        job.kind,
        top.map((r) => ({ rowNumber: r.rowNumber, texts: texts(r) })),
      );
      if (!header) {
        await drain(rows);
        continue;
      }
      return {
        sheet: sheet.name,
        header,
        rows,
        pending: top.filter((r) => r.rowNumber > header.headerRow),
        progress: workbook.progress,
        close,
      };
    }
  }
}

/** Reads a sheet to its end (the workbook streams its sheets one after another). */
async function drain(rows: AsyncIterator<SheetRow>): Promise<void> {
  for (;;) if ((await rows.next()).done) return;
}

/** The sheet's data rows, in batches of drafts (rows with nothing the import knows are passed over). */
async function* batches(
  located: NonNullable<Awaited<ReturnType<typeof locate>>>,
  size: number,
  read: (row: SheetRow) => Draft | undefined,
): AsyncGenerator<{ drafts: Draft[]; lastRow: number; rowsSeen: number }> {
  let drafts: Draft[] = [];
  let lastRow = located.header.headerRow;
  let rowsSeen = 0;
  const take = (row: SheetRow) => {
    lastRow = row.rowNumber;
    rowsSeen++;
    const d = read(row);
    if (d) drafts.push(d);
  };
  for (const row of located.pending) take(row);
  for (;;) {
    if (drafts.length >= size) {
      yield { drafts, lastRow, rowsSeen };
      drafts = [];
      rowsSeen = 0;
    }
    const next = await located.rows.next();
    if (next.done) break;
    take(next.value);
  }
  yield { drafts, lastRow, rowsSeen };
}

function issueRows(jobId: string, phase: ImportIssuePhase, drafts: Draft[], header: HeaderMap) {
  // A row's problems in the sheet's column order (the whole-row ones last).
  const position = new Map([...header.byIndex].map(([index, key]) => [key, index]));
  const at = (i: Issue) =>
    i.columnKey === null ? Number.MAX_SAFE_INTEGER : (position.get(i.columnKey) ?? 9999);
  return drafts.flatMap((d) =>
    [...d.issues]
      .sort((a, b) => at(a) - at(b))
      .map((i: Issue) => ({
        jobId,
        phase,
        rowNumber: i.rowNumber,
        columnKey: i.columnKey,
        columnLabel: i.columnKey ? (header.labels[i.columnKey] ?? null) : null,
        severity: i.severity,
        messageKey: i.key,
        params: i.params ?? null,
        value: i.value ?? null,
      })),
  );
}

async function insertIssues(tx: Db, rows: ReturnType<typeof issueRows>) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(importIssues).values(rows.slice(i, i + 1000));
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function loadJob(db: Db, id: string): Promise<ImportJob> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!job) throw new NotFoundError('import');
  return job;
}

async function stopWith(
  rt: ImportRuntime,
  job: ImportJob,
  key: string,
  params: Record<string, string | number>,
) {
  await removeSpill(spillDir(rt.files.root), job.id);
  await rt.db
    .update(importJobs)
    .set({
      status: 'failed',
      failureKey: key,
      failureParams: params,
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(importJobs.id, job.id));
}

/** The preview: reads every row, runs every check, records every problem; writes nothing else. */
async function runCheck(rt: ImportRuntime, jobId: string): Promise<void> {
  let job = await loadJob(rt.db, jobId);
  if (job.status !== 'checking') return;
  const actor = actorOfJob(job);
  await rt.db.transaction(async (tx) => {
    await tx.delete(importIssues).where(and(eq(importIssues.jobId, job.id), eq(importIssues.phase, 'check')));
    await tx
      .update(importJobs)
      .set({
        heartbeatAt: new Date(),
        rowsRead: 0,
        permille: 0,
        rowsTotal: 0,
        rowsValid: 0,
        rowsPartial: 0,
        rowsInvalid: 0,
      })
      .where(eq(importJobs.id, job.id));
  });
  job = { ...job, sheetName: null };
  const scanned = { rows: 0 };
  const located = await locate(job, rt.files.pathOf(job.fileSha256), scanned);
  if (!located && scanned.rows === 0) {
    await stopWith(rt, job, fileRules.emptyWorkbook, { name: job.fileName });
    return;
  }
  if (!located) {
    await stopWith(rt, job, fileRules.noHeader, {
      required: requiredHeaders(job.kind, actor.lang),
      requiredId: requiredHeaders(job.kind, 'id'),
      requiredEn: requiredHeaders(job.kind, 'en'),
    });
    return;
  }
  let spill: SpillWriter | undefined;
  // From here on the file is open: whatever fails, the finally below closes it.
  try {
    await rt.db
      .update(importJobs)
      .set({
        sheetName: located.sheet,
        headerRow: located.header.headerRow,
        columns: located.header.labels,
        ignoredColumns: located.header.ignored,
      })
      .where(eq(importJobs.id, job.id));
    const ctx = await contextFor(rt, job, actor, located.header);
    const handler = HANDLERS[job.kind];
    const rowCtx = rowContextOf(ctx);
    const counts = { total: 0, valid: 0, partial: 0, invalid: 0, read: 0 };
    const terms: SpillTerms = { defaultKabkota: rowCtx.defaultKabkota };
    spill = await SpillWriter.create(spillDir(rt.files.root), job.id, terms, located.header);
    // The next batch is read and parsed while this one's checks run in the database.
    for await (const batch of readAhead(
      batches(located, BATCH[job.kind] * 2, (row) => readRow(rowCtx, row.rowNumber, row.cells)),
    )) {
      // Kept as read, before the database checks add their problems: the import checks again.
      // (A spill's writes never fail: one that cannot be written is dropped.)
      const spilled = spill?.write(batch);
      await handler.check(ctx, rt.db, batch.drafts);
      await spilled;
      for (const d of batch.drafts) {
        counts.total++;
        if (!d.data) counts.invalid++;
        else if (d.issues.length) counts.partial++;
        else counts.valid++;
      }
      counts.read += batch.rowsSeen;
      if (counts.total > MAX_DATA_ROWS) {
        await spill?.abort();
        spill = undefined;
        await rt.db.delete(importIssues).where(eq(importIssues.jobId, job.id));
        await stopWith(rt, job, fileRules.tooManyRows, { max: MAX_DATA_ROWS });
        return;
      }
      await rt.db.transaction(async (tx) => {
        await insertIssues(tx, issueRows(job.id, 'check', batch.drafts, located.header));
        await tx
          .update(importJobs)
          .set({
            rowsRead: counts.read,
            permille: Math.round(located.progress() * 1000),
            rowsTotal: counts.total,
            rowsValid: counts.valid,
            rowsPartial: counts.partial,
            rowsInvalid: counts.invalid,
            heartbeatAt: new Date(),
          })
          .where(eq(importJobs.id, job.id));
      });
      await breathe();
    }
    if (counts.total === 0) {
      await stopWith(rt, job, fileRules.noDataRows, {
        sheet: located.sheet,
        headerRow: located.header.headerRow,
      });
      return;
    }
    await spill?.finish();
    spill = undefined;
  } finally {
    await spill?.abort();
    await located.close();
  }
  await rt.db
    .update(importJobs)
    .set({ status: 'checked', permille: 1000, heartbeatAt: new Date(), updatedAt: new Date() })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'checking')));
}

/** A kab/kota officer's rows default to their own kab/kota. */
const defaultKabkotaOf = (actor: Actor) => (actor.role === 'petugas_kabkota' ? actor.regionCode : null);

/** What reading a row needs of the run. */
function rowContextOf(ctx: BatchContext): RowContext {
  return {
    kind: ctx.kind,
    header: ctx.header,
    regions: ctx.regions,
    defaultKabkota: defaultKabkotaOf(ctx.actor),
  };
}

/**
 * The import: the rows the chosen mode lets through, a committed batch at a time, passing over the
 * rows already imported. The rows come from the check's spill when it is there, else from the sheet,
 * read again. On PostgreSQL an IKM import writes two batches side by side (the database does most of
 * the work, and the machine has a second core for it); each batch commits its rows, its problems
 * and its place in the job's progress together, so a crash leaves whole batches only.
 */
async function runImport(rt: ImportRuntime, jobId: string): Promise<void> {
  const job = await loadJob(rt.db, jobId);
  if (job.status !== 'importing' || !job.mode) return;
  const mode = job.mode;
  const actor = actorOfJob(job);
  const imported = isImported({ cursorRow: job.cursorRow, ahead: job.committedAhead });
  const source = await importSource(rt, job, actor, imported);
  if (!source) {
    await stopWith(rt, job, fileRules.noHeader, { required: requiredHeaders(job.kind, actor.lang) });
    return;
  }
  const handler = HANDLERS[job.kind];
  const side = rt.dbKind === 'postgres' && handler.markInSheet ? WRITERS_SIDE_BY_SIDE : 1;
  /** The batches being written, with their rows and what they claim. */
  const writing = new Map<Promise<void>, InFlight>();
  let failure: unknown;
  // From here on the file is open: whatever fails, the finally below closes it.
  try {
    const ctx = await contextFor(rt, job, actor, source.header);
    let after = job.cursorRow;
    // The next batch is read while this one is written.
    for await (const batch of readAhead(source.batches(ctx, BATCH[job.kind]))) {
      if (failure !== undefined) break;
      // In sheet order, before any batch after it: which of two rows for one business comes first.
      handler.markInSheet?.(ctx, batch.drafts);
      const range: [number, number] = [after, batch.lastRow];
      after = batch.lastRow;
      // A batch that updates what one in flight makes, or claims what it claims, waits for it
      // (before its own transaction, so it holds no lock meanwhile).
      const claims = side > 1 ? await handler.claims?.(rt.db, batch.drafts) : undefined;
      const clashes = (earlier: InFlight) =>
        handler.waitsFor?.(earlier.drafts, batch.drafts) ||
        [...(claims ?? [])].some((c) => earlier.claims?.has(c));
      if ([...writing.values()].some(clashes)) await Promise.all(writing.keys());
      if (failure !== undefined) break;
      const write = writeBatch(rt, job, handler, ctx, batch.drafts, range, source.progress()).then(
        () => {
          writing.delete(write);
        },
        (err) => {
          writing.delete(write);
          failure ??= err;
        },
      );
      writing.set(write, { drafts: batch.drafts, claims });
      while (writing.size >= side && failure === undefined) await Promise.race(writing.keys());
      if (failure !== undefined) break;
      await breathe();
    }
  } finally {
    await Promise.all(writing.keys());
    await source.close();
  }
  if (failure !== undefined) throw failure;
  await rt.db.transaction(async (tx) => {
    const [done] = await tx
      .update(importJobs)
      .set({ status: 'done', permille: 1000, finishedAt: new Date(), updatedAt: new Date() })
      .where(eq(importJobs.id, job.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'import.finish',
      objectType: 'import_job',
      objectId: job.id,
      regionCode: job.kabkotaCode,
      after: { created: done!.createdCount, updated: done!.updatedCount, skipped: done!.skippedCount, mode },
    });
  });
  await removeSpill(spillDir(rt.files.root), job.id);
}

/** A batch being written: its rows, and what it claims (KindHandler.claims). */
interface InFlight {
  drafts: Draft[];
  claims?: Set<string>;
}

/** Batches of an IKM import written at once on PostgreSQL (measured: 2 cut a 100,000-row import by a third; 3 no more). */
const WRITERS_SIDE_BY_SIDE = 2;

/** One batch in one transaction: its rows, its problems, and the job's progress and counts. */
async function writeBatch(
  rt: ImportRuntime,
  job: ImportJob,
  handler: KindHandler,
  ctx: BatchContext,
  drafts: Draft[],
  range: [number, number],
  progress: number,
): Promise<void> {
  const mode = job.mode!;
  const write = () =>
    rt.db.transaction(async (tx) => {
      const result = await handler.write(ctx, tx, drafts, mode);
      await insertIssues(tx, issueRows(job.id, 'import', drafts, ctx.header));
      // Locked, so batches committing side by side each add their own range and counts.
      const [now] = await tx
        .select({ cursorRow: importJobs.cursorRow, ahead: importJobs.committedAhead })
        .from(importJobs)
        .where(eq(importJobs.id, job.id))
        .for('update');
      const next = advance({ cursorRow: now!.cursorRow, ahead: now!.ahead }, range);
      const skipped = drafts.length - result.created - result.updated;
      await tx
        .update(importJobs)
        .set({
          cursorRow: next.cursorRow,
          committedAhead: next.ahead,
          rowsRead: sql`${importJobs.rowsRead} + ${drafts.length}`,
          permille: sql`greatest(${importJobs.permille}, ${Math.round(progress * 1000)})`,
          createdCount: sql`${importJobs.createdCount} + ${result.created}`,
          updatedCount: sql`${importJobs.updatedCount} + ${result.updated}`,
          skippedCount: sql`${importJobs.skippedCount} + ${skipped}`,
          heartbeatAt: new Date(),
        })
        .where(eq(importJobs.id, job.id));
    });
  // A deadlock with the batch beside it (PostgreSQL breaks it by failing one side) is tried again,
  // with the rows as they were before the try.
  const before = drafts.map((d) => ({ issues: d.issues.length, data: d.data, dropped: d.dropped }));
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= BATCH_ATTEMPTS || databaseError(err).code !== '40P01') throw err;
      drafts.forEach((d, i) => {
        d.issues.length = before[i]!.issues;
        d.data = before[i]!.data;
        d.dropped = before[i]!.dropped;
      });
    }
  }
}

/** Tries of a batch that meets a deadlock. */
const BATCH_ATTEMPTS = 3;

/** Where an import's rows come from: batches of drafts not yet imported, with the header they fill. */
interface ImportSource {
  header: HeaderMap;
  batches(ctx: BatchContext, size: number): AsyncGenerator<{ drafts: Draft[]; lastRow: number }>;
  progress(): number;
  close(): Promise<void>;
}

/** The check's spill when it fits the import's reading, else the sheet (undefined: no header found). */
async function importSource(
  rt: ImportRuntime,
  job: ImportJob,
  actor: Actor,
  imported: (rowNumber: number) => boolean,
): Promise<ImportSource | undefined> {
  const terms: SpillTerms = { defaultKabkota: defaultKabkotaOf(actor) };
  const spilled = await openSpill(spillDir(rt.files.root), job.id, terms);
  if (spilled) return { ...spilled, batches: (_ctx, size) => spilled.batches(size, imported) };
  const located = await locate(job, rt.files.pathOf(job.fileSha256));
  if (!located) return undefined;
  return {
    header: located.header,
    progress: located.progress,
    close: located.close,
    async *batches(ctx, size) {
      const rowCtx = rowContextOf(ctx);
      // Rows already imported are passed over unread.
      const read = (row: SheetRow) =>
        imported(row.rowNumber) ? undefined : readRow(rowCtx, row.rowNumber, row.cells);
      for await (const batch of batches(located, size, read)) if (batch.drafts.length) yield batch;
    },
  };
}

// The errors file --------------------------------------------------------------------------------

/** Row numbers of the rows with problems in a phase, in order. */
export async function problemRows(db: Db, jobId: string, phase: ImportIssuePhase): Promise<Set<number>> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select distinct row_number::int as n from import_issues where job_id = ${jobId} and phase = ${phase}`,
  );
  return new Set(rows.map((r) => Number(r.n)));
}

/**
 * The rows with problems, as they were in the sheet (values only: a formula's stored result, never
 * the formula), in the template's columns, so the file can be fixed and uploaded again.
 */
export async function* problemRowValues(
  rt: ImportRuntime,
  job: ImportJob,
  wanted: Set<number>,
): AsyncGenerator<{ rowNumber: number; values: Record<string, string> }> {
  if (!wanted.size) return;
  const located = await locate(job, rt.files.pathOf(job.fileSha256));
  if (!located) return;
  const emit = (row: SheetRow) => {
    const values: Record<string, string> = {};
    for (const [index, key] of located.header.byIndex) {
      const c = row.cells[index];
      if (c) values[key] = cellDisplay(c);
    }
    return { rowNumber: row.rowNumber, values };
  };
  try {
    for (const row of located.pending) if (wanted.has(row.rowNumber)) yield emit(row);
    for (;;) {
      const next = await located.rows.next();
      if (next.done) return;
      if (wanted.has(next.value.rowNumber)) yield emit(next.value);
    }
  } finally {
    await located.close();
  }
}

/** Every problem of a phase, a page at a time (the errors file streams them). */
export async function* allIssues(
  db: Db,
  jobId: string,
  phase: ImportIssuePhase,
): AsyncGenerator<ImportIssueRow> {
  let after: string | undefined;
  for (;;) {
    const page = await paginate<ImportIssueRow>({
      request: { after, limit: 1000 },
      keys: [importIssues.rowNumber, importIssues.id],
      dir: 'asc',
      keyOf: (r) => [r.rowNumber, r.id],
      run: (where, orderBy, lim) =>
        db
          .select()
          .from(importIssues)
          .where(and(eq(importIssues.jobId, jobId), eq(importIssues.phase, phase), where))
          .orderBy(...orderBy)
          .limit(lim),
    });
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** The kind's columns, in template order. */
export function kindColumns(kind: ImportKind) {
  return COLUMNS[kind];
}

/** A stored message key as a message (falls back to the key itself). */
export function messageOf(key: string) {
  return lookupValidationMessage(key) ?? { id: key, en: key };
}
