/** The import's pages: templates, upload and history; one import's progress, preview and result. */
import { formatDateTime, formatNumber } from '../../../platform/format.ts';
import { type Lang, render } from '../../../platform/i18n.ts';
import type { Page } from '../../../platform/keyset.ts';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportStatus,
} from '../../../platform/registry-import-domain.ts';
import {
  Button,
  EmptyState,
  ErrorSummary,
  FileInput,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Radios,
  SummaryList,
  Table,
  Tag,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/view.ts';
import type { FieldErrors } from '../../../platform/validation.ts';
import { RegistryTabs } from '../registry.views.tsx';
import { importText } from './import.messages.ts';
import type { ImportIssueRow, ImportJob } from './import.service.ts';
import { messageOf } from './import.service.ts';

export type ShownStatus = ImportStatus | 'interrupted';

const STATUS_TEXT: Record<ShownStatus, keyof typeof importText> = {
  checking: 'statusChecking',
  checked: 'statusChecked',
  importing: 'statusImporting',
  done: 'statusDone',
  failed: 'statusFailed',
  cancelled: 'statusCancelled',
  interrupted: 'statusInterrupted',
};
const STATUS_TONE: Record<ShownStatus, 'grey' | 'blue' | 'green' | 'yellow' | 'red'> = {
  checking: 'blue',
  checked: 'yellow',
  importing: 'blue',
  done: 'green',
  failed: 'red',
  cancelled: 'grey',
  interrupted: 'red',
};

export function kindLabel(kind: ImportKind, lang: Lang): string {
  const key = { sentra: 'kindSentra', ikm: 'kindIkm', products: 'kindProducts' } as const;
  return render(importText[key[kind]], lang);
}

export function statusLabel(status: ShownStatus, lang: Lang): string {
  return render(importText[STATUS_TEXT[status]], lang);
}

function StatusTag(props: { status: ShownStatus }) {
  const v = useView();
  return <Tag tone={STATUS_TONE[props.status]}>{statusLabel(props.status, v.lang)}</Tag>;
}

export interface HistoryRow {
  job: ImportJob;
  status: ShownStatus;
}

export function ImportHomePage(props: {
  history: Page<HistoryRow>;
  maxMb: number;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
}) {
  const v = useView();
  const t = v.tr(importText);
  const kind = typeof props.values?.kind === 'string' ? props.values.kind : 'ikm';
  return (
    <>
      <PageHeading title={t('title')} />
      <RegistryTabs current="import" />
      <ErrorSummary errors={props.errors} />
      <p>{t('intro')}</p>
      <h2>{t('templates')}</h2>
      <p class="hint">{t('templatesHint')}</p>
      <ul class="import-templates">
        {IMPORT_KINDS.map((k) => (
          <li>
            <a href={`/registry/import/templates/${k}.xlsx`} download>
              {t('templateOf', { kind: kindLabel(k, v.lang) })}
            </a>
          </li>
        ))}
      </ul>
      <Form action="/registry/import" multipart>
        <Radios
          name="kind"
          label={t('kind')}
          hint={t('kindHint')}
          value={kind}
          error={props.errors?.kind}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: kindLabel(k, v.lang) }))}
        />
        <FileInput
          name="file"
          label={t('file')}
          hint={t('fileHint', { max: props.maxMb })}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          error={props.errors?.file}
        />
        <Button>{t('upload')}</Button>
      </Form>
      <h2>{t('history')}</h2>
      {props.history.rows.length === 0 ? (
        <EmptyState>{t('noHistory')}</EmptyState>
      ) : (
        <Table
          caption={t('history')}
          captionHidden
          columns={[
            { label: t('when') },
            { label: t('fileName') },
            { label: t('kind') },
            { label: t('who') },
            { label: t('status') },
            { label: t('counts') },
          ]}
        >
          {props.history.rows.map(({ job, status }) => (
            <tr>
              <td>{formatDateTime(job.createdAt, v.lang)}</td>
              <td>
                <a href={`/registry/import/${job.id}`}>{job.fileName}</a>
              </td>
              <td>{kindLabel(job.kind, v.lang)}</td>
              <td>{job.createdByLabel}</td>
              <td>
                <StatusTag status={status} />
              </td>
              <td>
                {job.mode
                  ? t('countsValue', {
                      created: formatNumber(job.createdCount, v.lang),
                      updated: formatNumber(job.updatedCount, v.lang),
                      skipped: formatNumber(job.skippedCount, v.lang),
                    })
                  : job.status === 'checked' || job.status === 'cancelled'
                    ? checkCounts(job, v.lang)
                    : status === 'failed' && job.failureKey
                      ? render(messageOf(job.failureKey), v.lang, job.failureParams ?? {})
                      : ''}
                {hasProblems(job) && (
                  <div>
                    <a
                      href={`/registry/import/${job.id}/errors.xlsx`}
                      aria-label={t('errorsFileOf', { file: job.fileName })}
                    >
                      {t('errorsFile')}
                    </a>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.history.next} prev={props.history.prev} />
    </>
  );
}

function hasProblems(job: ImportJob): boolean {
  if (job.status === 'done') return job.skippedCount > 0 || job.rowsPartial > 0;
  if (job.status === 'checked' || job.status === 'cancelled') return job.rowsPartial + job.rowsInvalid > 0;
  return false;
}

function checkCounts(job: ImportJob, lang: Lang): string {
  return render(importText.checkCounts, lang, {
    total: formatNumber(job.rowsTotal, lang),
    valid: formatNumber(job.rowsValid, lang),
    partial: formatNumber(job.rowsPartial, lang),
    invalid: formatNumber(job.rowsInvalid, lang),
  });
}

const LIST_PATHS: Record<ImportKind, string> = {
  sentra: '/registry/sentra',
  ikm: '/registry/ikm',
  products: '/registry/products',
};

export const REFRESH_SECONDS = 2;

function Progress(props: { job: ImportJob; refresh: boolean; phase: 'check' | 'import'; queued: boolean }) {
  const v = useView();
  const t = v.tr(importText);
  const pct = Math.min(100, Math.floor(props.job.permille / 10));
  const total = props.job.rowsTotal;
  const here = `/registry/import/${props.job.id}`;
  return (
    <div class="import-progress" role="status">
      {props.refresh && <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} />}
      <p>
        {props.queued
          ? t('queued')
          : props.phase === 'check'
            ? t('progressChecking', { rows: formatNumber(props.job.rowsRead, v.lang), pct })
            : t('progressImporting', {
                rows: formatNumber(props.job.rowsRead, v.lang),
                total: formatNumber(total, v.lang),
                pct,
              })}
      </p>
      <progress max={100} value={pct} aria-label={t('status')}>
        {pct}%
      </progress>
      <p class="hint">
        {props.refresh ? (
          <>
            {t('refreshHint', { seconds: REFRESH_SECONDS })}{' '}
            <a href={`${here}?refresh=off`}>{t('stopRefresh')}</a>
          </>
        ) : (
          <a href={here}>{t('refreshNow')}</a>
        )}
      </p>
    </div>
  );
}

function IssuesTable(props: { issues: Page<ImportIssueRow> }) {
  const v = useView();
  const t = v.tr(importText);
  return (
    <>
      <Table
        caption={t('problemsCaption')}
        columns={[
          { label: t('row'), numeric: true },
          { label: t('column') },
          { label: t('value') },
          { label: t('problem') },
          { label: t('effect') },
        ]}
      >
        {props.issues.rows.map((i) => (
          <tr>
            <td class="numeric">{i.rowNumber}</td>
            <td>{i.columnLabel ?? t('wholeRow')}</td>
            <td>{i.value ? <code>{i.value}</code> : ''}</td>
            <td>{render(messageOf(i.messageKey), v.lang, i.params ?? {})}</td>
            <td>{i.severity === 'row' ? t('effectRow') : t('effectCell')}</td>
          </tr>
        ))}
      </Table>
      <Pagination next={props.issues.next} prev={props.issues.prev} />
    </>
  );
}

export function ImportJobPage(props: {
  job: ImportJob;
  status: ShownStatus;
  queued: boolean;
  refresh: boolean;
  issues: Page<ImportIssueRow>;
  errors?: FieldErrors;
  mode?: string;
}) {
  const v = useView();
  const t = v.tr(importText);
  const { job, status } = props;
  const base = `/registry/import/${job.id}`;
  // In the sheet's order: by column letter (A, B, … Z, AA, …).
  const columns = Object.values(job.columns ?? {}).sort((a, b) => {
    const [x, y] = [a.split(' ')[0]!, b.split(' ')[0]!];
    return x.length - y.length || x.localeCompare(y);
  });
  const partialAndValid = job.rowsValid + job.rowsPartial;
  return (
    <>
      <PageHeading
        title={t('jobTitle', { kind: kindLabel(job.kind, v.lang), file: job.fileName })}
        caption={t('title')}
      />
      <RegistryTabs current="import" />
      <ErrorSummary errors={props.errors} />
      <SummaryList
        rows={[
          { key: t('status'), value: <StatusTag status={status} /> },
          { key: t('fileName'), value: job.fileName },
          { key: t('who'), value: job.createdByLabel },
          { key: t('when'), value: formatDateTime(job.createdAt, v.lang) },
          ...(job.sheetName && job.headerRow
            ? [{ key: t('preview'), value: t('sheetFound', { sheet: job.sheetName, row: job.headerRow }) }]
            : []),
          ...(columns.length ? [{ key: t('columnsFound'), value: columns.join(', ') }] : []),
          ...(job.ignoredColumns.length
            ? [
                {
                  key: t('columnsIgnored'),
                  value: (
                    <>
                      {job.ignoredColumns.join(', ')}
                      <br />
                      <span class="hint">{t('columnsIgnoredHint')}</span>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {(status === 'checking' || status === 'importing') && (
        <Progress
          job={job}
          refresh={props.refresh}
          phase={status === 'checking' ? 'check' : 'import'}
          queued={props.queued}
        />
      )}
      {status === 'interrupted' && (
        <Panel title={t('statusInterrupted')} tone="warning">
          <p>
            {job.status === 'importing'
              ? t('interruptedBody', { row: job.cursorRow })
              : t('interruptedCheckBody')}
          </p>
          <Form action={`${base}/resume`}>
            <Button>{job.status === 'importing' ? t('resume') : t('recheck')}</Button>
          </Form>
        </Panel>
      )}
      {status === 'failed' && job.failureKey && (
        <Panel title={t('failedTitle')} tone="warning">
          <p>{render(messageOf(job.failureKey), v.lang, job.failureParams ?? {})}</p>
          <p>
            <a href="/registry/import">{t('uploadAnother')}</a>
          </p>
        </Panel>
      )}
      {status === 'cancelled' && <p>{t('cancelled')}</p>}
      {status === 'checked' && (
        <>
          <h2>{t('preview')}</h2>
          <p>{checkCounts(job, v.lang)}</p>
          {job.rowsPartial + job.rowsInvalid === 0 ? (
            <Panel title={t('preview')} tone="success">
              <p>{t('noProblems')}</p>
            </Panel>
          ) : (
            <>
              <h3>{t('problems')}</h3>
              <IssuesTable issues={props.issues} />
              <p>
                <a href={`${base}/errors.xlsx`}>{t('errorsFile')}</a>
              </p>
              <p class="hint">{t('errorsFileHint')}</p>
            </>
          )}
          <Form action={`${base}/confirm`}>
            <Radios
              name="mode"
              label={t('chooseMode')}
              value={props.mode ?? (job.rowsPartial + job.rowsInvalid === 0 ? 'all' : 'valid')}
              error={props.errors?.mode}
              options={[
                {
                  value: 'all',
                  label: t('modeAll'),
                  hint: t('modeAllHint', { n: formatNumber(partialAndValid, v.lang) }),
                },
                {
                  value: 'valid',
                  label: t('modeValid'),
                  hint: t('modeValidHint', { n: formatNumber(job.rowsValid, v.lang) }),
                },
              ]}
            />
            <Button>{t('confirm')}</Button>
          </Form>
          <Form action={`${base}/cancel`}>
            <Button variant="secondary">{t('cancel')}</Button>
          </Form>
        </>
      )}
      {status === 'done' && (
        <>
          <Panel title={t('statusDone')} tone="success">
            <p>
              {t('doneBody', {
                created: formatNumber(job.createdCount, v.lang),
                updated: formatNumber(job.updatedCount, v.lang),
                skipped: formatNumber(job.skippedCount, v.lang),
              })}
            </p>
            <p>
              <a href={LIST_PATHS[job.kind]}>{t('openList', { kind: kindLabel(job.kind, v.lang) })}</a>
            </p>
          </Panel>
          {props.issues.rows.length > 0 && (
            <>
              <h2>{t('problems')}</h2>
              <p>
                <a href={`${base}/errors.xlsx`}>{t('errorsFile')}</a>
              </p>
              <p class="hint">{t('errorsFileHint')}</p>
              <IssuesTable issues={props.issues} />
            </>
          )}
        </>
      )}
      <p>
        <LinkButton href="/registry/import">{t('backToImport')}</LinkButton>
      </p>
    </>
  );
}
