/** The national proposal package: the button that starts one, and the page that shows its progress. */
import { formatDateTime, formatNumber } from '../../platform/format.ts';
import { BackLink, Button, Form, PageHeading, Panel } from '../../platform/ui/components.tsx';
import type { PackageJob } from './package.service.ts';
import { useText } from './nominations.views.tsx';

/** How often the progress page reloads itself (seconds); no JavaScript is needed. */
export const REFRESH_SECONDS = 2;

const size = (bytes: number | null, lang: 'id' | 'en') =>
  bytes === null
    ? ''
    : bytes < 1048576
      ? `${formatNumber(Math.ceil(bytes / 1024), lang)} KB`
      : `${formatNumber(Math.round(bytes / 104857.6) / 10, lang)} MB`;

/** The package section of a passed nomination, or of a kab/kota's passed nominations. */
export function PackageSection(props: {
  action: string;
  hidden: Record<string, string>;
  label: string;
  jobs: PackageJob[];
}) {
  const { v, t } = useText();
  return (
    <section class="package-section" aria-labelledby="package-title">
      <h2 id="package-title">{t('package')}</h2>
      <p>{t('packageLead')}</p>
      <Form action={props.action}>
        {Object.entries(props.hidden).map(([k, val]) => (
          <input type="hidden" name={k} value={val} />
        ))}
        <Button variant="secondary">{props.label}</Button>
      </Form>
      {props.jobs.length > 0 && (
        <ul class="link-list">
          {props.jobs.map((j) => (
            <li>
              <a href={`/packages/${j.id}`}>{j.fileName}</a>{' '}
              <span class="muted">
                {formatDateTime(j.createdAt, v.lang)}
                {j.status === 'done' ? ` · ${size(j.size, v.lang)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PackageJobPage(props: { job: PackageJob; back: string }) {
  const { v, t } = useText();
  const j = props.job;
  const working = j.status === 'queued' || j.status === 'running';
  return (
    <>
      {working && <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} />}
      <BackLink href={props.back} />
      <PageHeading
        title={working ? t('packageProgress') : j.status === 'done' ? t('packageReady') : t('package')}
        caption={j.fileName}
      />
      {working && (
        <>
          <p role="status">{t('packageProgressBody', { done: j.done, total: j.total })}</p>
          <progress
            max={String(Math.max(j.total, 1))}
            value={String(j.done)}
            aria-label={t('packageProgress')}
          />
          <p>
            <a href={`/packages/${j.id}`}>{t('refreshNow')}</a>
          </p>
        </>
      )}
      {j.status === 'done' && (
        <Panel title={t('packageReady')} tone="success">
          <p>
            <a href={`/packages/${j.id}/download`} download={j.fileName}>
              {t('packageDownload', { name: j.fileName, size: size(j.size, v.lang) })}
            </a>
          </p>
        </Panel>
      )}
      {j.status === 'failed' && (
        <Panel title={t('package')} tone="warning">
          <p>{t('packageFailed', { error: j.error ?? '' })}</p>
        </Panel>
      )}
    </>
  );
}
