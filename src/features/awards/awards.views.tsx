/** The admin's award pages: cycles, the publication preview, certificates, revocation, settings, ZIP jobs. */
import type { Child } from 'hono/jsx';
import { str } from '../../platform/forms.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/format.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  FileInput,
  Form,
  LinkButton,
  PageHeading,
  Panel,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { awardsText } from './awards.messages.ts';
import { awardPaths } from './awards.public.tsx';
import {
  type CertificateView,
  certificateState,
  cycleSlug,
  type PublicationPreview,
} from './awards.service.ts';
import type { AwardSettings } from './awards.settings.ts';
import type { CertificateJob } from './certificate-jobs.service.ts';
import { LABEL_SIZES_MM } from './label.ts';

export function useText() {
  const v = useView();
  return { v, t: v.tr(awardsText) };
}

/** How often the job page reloads itself (seconds); no JavaScript is needed. */
export const REFRESH_SECONDS = 2;

export function AwardsHome(props: {
  cycles: { id: string; name: string; decided: number; awarded: number; publishedAt: Date | null }[];
}) {
  const { v, t } = useText();
  return (
    <>
      <PageHeading title={t('awards')}>
        <p>{t('awardsIntro')}</p>
      </PageHeading>
      <p>
        <a href="/awards/settings">{t('settings')}</a>
      </p>
      {props.cycles.length === 0 ? (
        <EmptyState>{t('noCycles')}</EmptyState>
      ) : (
        <Table
          caption={t('cycles')}
          columns={[
            { label: t('cycle') },
            { label: t('decidedCount'), numeric: true },
            { label: t('awardedCount'), numeric: true },
            { label: t('status') },
          ]}
        >
          {props.cycles.map((c) => (
            <tr>
              <td>
                <a href={`/awards/cycles/${c.id}`}>{c.name}</a>
              </td>
              <td class="numeric">{formatNumber(c.decided, v.lang)}</td>
              <td class="numeric">{formatNumber(c.awarded, v.lang)}</td>
              <td>
                {c.publishedAt ? (
                  <Tag tone="green">
                    {t('publishedAt')} {formatDate(c.publishedAt, v.lang)}
                  </Tag>
                ) : (
                  <Tag>{t('notPublished')}</Tag>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function StarsCell(props: { n: number; max: number }) {
  const { t } = useText();
  return (
    <span>
      <span aria-hidden="true">{'★'.repeat(props.n) + '☆'.repeat(Math.max(0, props.max - props.n))}</span>{' '}
      <span class="visually-hidden">{t('starsN', { n: props.n })}</span>
    </span>
  );
}

/** The preview of exactly what becomes public, and the publish form (or the published summary). */
export function PreviewSection(props: {
  preview: PublicationPreview;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown>;
}) {
  const { v, t } = useText();
  const p = props.preview;
  if (p.publishedAt)
    return (
      <Panel title={t('alreadyPublished', { when: formatDateTime(p.publishedAt, v.lang) })} tone="success">
        <p>
          <a href={awardPaths.cycleResults(v.lang, cycleSlug(p.cycle.name))}>{t('publicPage')}</a>
        </p>
      </Panel>
    );
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('previewTitle', { cycle: p.cycle.name })}</h2>
      <ErrorSummary errors={props.errors} />
      {p.count === 0 ? (
        <p>{t('previewNothing')}</p>
      ) : (
        <>
          <p>{t('previewLead')}</p>
          {p.phase && (
            <p class="hint">
              {t('publicationPhase', {
                from: formatDateTime(p.phase.startsAt, v.lang),
                until: formatDateTime(p.phase.endsAt, v.lang),
              })}
            </p>
          )}
          <Table
            caption={t('previewTitle', { cycle: p.cycle.name })}
            captionHidden
            columns={[
              { label: t('regency') },
              { label: t('ikm') },
              { label: t('product') },
              { label: t('commodity') },
              { label: t('star') },
            ]}
          >
            {p.awarded.map((r) => (
              <tr>
                <td>{r.kabkotaName}</td>
                <td>{r.ikmName}</td>
                <td>{r.productName}</td>
                <td>{commodityLabel(r.commodity, v.lang)}</td>
                <td>
                  <StarsCell n={r.stars} max={p.cycle.starScale} />
                </td>
              </tr>
            ))}
          </Table>
          {p.noStar > 0 && <p>{t('previewNoStar', { n: p.noStar })}</p>}
          <p>{t('previewCertificates', { n: p.awarded.length, years: p.validityYears })}</p>
          <Form action={`/awards/cycles/${p.cycle.id}/publish`}>
            <input type="hidden" name="fingerprint" value={p.fingerprint} />
            <input type="hidden" name="count" value={String(p.count)} />
            <div class={props.errors?.confirm ? 'field field-error' : 'field'}>
              {props.errors?.confirm && <p class="error-message">{props.errors.confirm}</p>}
              <Checkbox
                name="confirm"
                label={t('publishConfirm')}
                checked={str(props.values, 'confirm') === 'on'}
              />
            </div>
            <Button>{t('publishButton')}</Button>
          </Form>
        </>
      )}
    </section>
  );
}

function stateTag(c: CertificateView, t: ReturnType<typeof useText>['t']): Child {
  const state = certificateState(c);
  if (state === 'revoked') return <Tag tone="red">{t('statusRevoked')}</Tag>;
  if (state === 'expired') return <Tag tone="yellow">{t('statusExpired')}</Tag>;
  return <Tag tone="green">{t('statusValid')}</Tag>;
}

/** Links to a certificate's PDF and labels. */
export function CertificateLinks(props: { c: CertificateView }) {
  const { t } = useText();
  const base = `/awards/certificates/${props.c.id}`;
  return (
    <span class="cert-links">
      <a href={`${base}/certificate.pdf`}>{t('downloadPdf')}</a> ·{' '}
      <a href={`${base}/label.svg`}>{t('labelSvg')}</a>
      {LABEL_SIZES_MM.map((mm) => (
        <>
          {' · '}
          <a href={`${base}/label.png?mm=${mm}`}>{t('labelPng', { mm })}</a>
        </>
      ))}
    </span>
  );
}

export function CertificatesTable(props: { rows: CertificateView[]; canManage: boolean; caption: string }) {
  const { v, t } = useText();
  if (props.rows.length === 0) return <EmptyState>{t('noCertificates')}</EmptyState>;
  return (
    <Table
      caption={props.caption}
      columns={[
        { label: t('certificateNumber') },
        { label: t('ikm') },
        { label: t('product') },
        { label: t('regency') },
        { label: t('star') },
        { label: t('validUntil') },
        { label: t('status') },
        { label: t('actions') },
      ]}
    >
      {props.rows.map((c) => (
        <tr>
          <td>{c.number}</td>
          <td>{c.ikmName}</td>
          <td>{c.productName}</td>
          <td>{c.kabkotaName}</td>
          <td>
            <StarsCell n={c.stars} max={c.starMax} />
          </td>
          <td>{formatDate(c.validUntil, v.lang)}</td>
          <td>{stateTag(c, t)}</td>
          <td>
            <CertificateLinks c={c} />
            {props.canManage && !c.revokedAt && (
              <>
                {' · '}
                <a href={`/awards/certificates/${c.id}/revoke`}>{t('revoke')}</a>
              </>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function CyclePage(props: {
  preview: PublicationPreview;
  certificates: CertificateView[];
  jobs: CertificateJob[];
  canManage: boolean;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown>;
}) {
  const { v, t } = useText();
  const p = props.preview;
  return (
    <>
      <BackLink href="/awards" />
      <PageHeading title={p.cycle.name} caption={t('awards')} />
      {props.canManage && <PreviewSection preview={p} errors={props.errors} values={props.values ?? {}} />}
      {p.publishedAt && (
        <section aria-labelledby="certs-title">
          <h2 id="certs-title">{t('certificates')}</h2>
          {props.canManage && props.certificates.length > 0 && (
            <Form action={`/awards/cycles/${p.cycle.id}/zip`}>
              <Button variant="secondary">{t('bulkZip')}</Button>
            </Form>
          )}
          {props.jobs.length > 0 && (
            <>
              <h3>{t('recentJobs')}</h3>
              <ul class="link-list">
                {props.jobs.map((j) => (
                  <li>
                    <a href={`/awards/jobs/${j.id}`}>{j.fileName}</a>{' '}
                    <span class="muted">{formatDateTime(j.createdAt, v.lang)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <CertificatesTable
            rows={props.certificates}
            canManage={props.canManage}
            caption={t('certificates')}
          />
        </section>
      )}
    </>
  );
}

export function RevokePage(props: {
  c: CertificateView;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown>;
}) {
  const { v, t } = useText();
  const c = props.c;
  return (
    <>
      <BackLink href={`/awards/cycles/${c.cycleId}`} />
      <PageHeading title={t('revokeTitle', { number: c.number })} caption={t('certificates')} />
      <p>{t('revokeLead')}</p>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>{t('ikm')}</dt>
          <dd>{c.ikmName}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('product')}</dt>
          <dd>{c.productName}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('validUntil')}</dt>
          <dd>{formatDate(c.validUntil, v.lang)}</dd>
        </div>
      </dl>
      <ErrorSummary errors={props.errors} />
      <Form action={`/awards/certificates/${c.id}/revoke`}>
        <TextArea
          name="reason"
          label={t('revokeReason')}
          value={str(props.values, 'reason')}
          error={props.errors?.reason}
          rows={4}
        />
        <Button variant="warning">{t('revokeButton')}</Button>
      </Form>
    </>
  );
}

export function SettingsPage(props: {
  settings: AwardSettings;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
}) {
  const { t } = useText();
  const { values, errors, settings } = props;
  const image = (which: 'signature' | 'logo') =>
    settings[which] ? (
      <img src={`/awards/settings/${which}`} alt={t('currentImage')} class="settings-image" />
    ) : (
      <span class="muted">{t('noImage')}</span>
    );
  return (
    <>
      <BackLink href="/awards" />
      <PageHeading title={t('settings')} caption={t('awards')}>
        <p>{t('settingsLead')}</p>
      </PageHeading>
      <ErrorSummary errors={errors} />
      <Form action="/awards/settings" multipart>
        <input type="hidden" name="version" value={str(values, 'version')} />
        <TextInput
          name="provinceName"
          label={t('provinceName')}
          value={str(values, 'provinceName')}
          error={errors?.provinceName}
        />
        <TextInput
          name="officeName"
          label={t('officeName')}
          value={str(values, 'officeName')}
          error={errors?.officeName}
        />
        <TextInput
          name="signatoryName"
          label={t('signatoryName')}
          value={str(values, 'signatoryName')}
          error={errors?.signatoryName}
          optional
        />
        <TextInput
          name="signatoryTitle"
          label={t('signatoryTitle')}
          value={str(values, 'signatoryTitle')}
          error={errors?.signatoryTitle}
        />
        <TextInput
          name="signatoryNip"
          label={t('signatoryNip')}
          value={str(values, 'signatoryNip')}
          error={errors?.signatoryNip}
          optional
        />
        <TextInput
          name="validityYears"
          label={t('validityYears')}
          hint={t('validityHint')}
          value={str(values, 'validityYears')}
          error={errors?.validityYears}
          inputmode="numeric"
          width="short"
        />
        <h2>{t('signature')}</h2>
        <p>
          {t('currentImage')}: {image('signature')}
        </p>
        <FileInput
          name="signature"
          label={t('signature')}
          hint={t('keepFile')}
          error={errors?.signature}
          accept="image/png,image/jpeg"
          optional
        />
        {settings.signature && <Checkbox name="removeSignature" label={t('removeSignature')} />}
        <h2>{t('logo')}</h2>
        <p>
          {t('currentImage')}: {image('logo')}
        </p>
        <FileInput
          name="logo"
          label={t('logo')}
          hint={t('keepFile')}
          error={errors?.logo}
          accept="image/png,image/jpeg"
          optional
        />
        {settings.logo && <Checkbox name="removeLogo" label={t('removeLogo')} />}
        <Button>{t('save')}</Button>
      </Form>
    </>
  );
}

const sizeText = (bytes: number | null, lang: 'id' | 'en') =>
  bytes === null
    ? ''
    : bytes < 1048576
      ? `${formatNumber(Math.ceil(bytes / 1024), lang)} KB`
      : `${formatNumber(Math.round(bytes / 104857.6) / 10, lang)} MB`;

export function JobPage(props: { job: CertificateJob }) {
  const { v, t } = useText();
  const j = props.job;
  const working = j.status === 'queued' || j.status === 'running';
  return (
    <>
      {working && <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} />}
      <BackLink href={`/awards/cycles/${j.cycleId}`} />
      <PageHeading title={t('jobTitle')} caption={j.fileName} />
      <p role="status">
        {j.status === 'queued' && t('jobQueued')}
        {j.status === 'running' && t('jobRunning')}
        {j.status === 'done' && t('jobDone')}
        {j.status === 'failed' && t('jobFailed', { error: j.error ?? '' })}
      </p>
      <p>
        <progress max={String(Math.max(1, j.total))} value={String(j.done)} aria-label={t('jobTitle')} />{' '}
        {t('jobProgress', { done: j.done, total: j.total })}
      </p>
      {j.status === 'done' && (
        <p>
          <LinkButton href={`/awards/jobs/${j.id}/download`}>
            {t('jobDownload', { file: j.fileName, size: sizeText(j.size, v.lang) })}
          </LinkButton>
        </p>
      )}
    </>
  );
}

/** The IKM profile's section: its certificates with their state and files. */
/** An IKM's certificates, each with its star, state, verification link and downloads. */
function CertificateList(props: { rows: CertificateView[]; showIkm?: boolean; owner?: boolean }) {
  const { v, t } = useText();
  return (
    <ul class="link-list">
      {props.rows.map((c) => (
        <li>
          <strong>{props.showIkm ? `${c.ikmName}: ${c.productName}` : c.productName}</strong>:{' '}
          <StarsCell n={c.stars} max={c.starMax} /> {c.cycleName} · {c.number} · {t('validUntil')}{' '}
          {formatDate(c.validUntil, v.lang)} {stateTag(c, t)} ·{' '}
          <a href={awardPaths.verify(v.lang, c.code)}>{t('verifyTitle')}</a>
          {/* An owner has no use for the files of a revoked star: its label would only say "revoked". */}
          {props.owner && certificateState(c) === 'revoked' ? null : (
            <>
              {' · '}
              <CertificateLinks c={c} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function IkmCertificatesPanel(props: { rows: CertificateView[]; owner?: boolean }) {
  const { t } = useText();
  return (
    <section class="panel-section" aria-labelledby="ikm-certificates">
      <h2 id="ikm-certificates">{t('panelTitle')}</h2>
      <CertificateList rows={props.rows} owner={props.owner ?? false} />
    </section>
  );
}

/** The owner's page: the stars of the products of the IKM linked to their account, with the files to print. */
export function OwnerCertificatesPage(props: { rows: CertificateView[] }) {
  const { t } = useText();
  return (
    <>
      <PageHeading title={t('mineTitle')} />
      <p>{t('mineLead')}</p>
      {props.rows.length === 0 ? (
        <EmptyState>{t('mineNone')}</EmptyState>
      ) : (
        <CertificateList rows={props.rows} showIkm owner />
      )}
    </>
  );
}

/** The nomination page's certificate section: its number, state (revoked or expired said plainly) and files. */
export function NominationCertificatePanel(props: { c: CertificateView }) {
  const { v, t } = useText();
  const c = props.c;
  const state = certificateState(c);
  return (
    <section class="panel-section" aria-labelledby="nomination-certificate">
      <h2 id="nomination-certificate">{t('nominationCertificate')}</h2>
      <p>
        {t('nominationCertificateLine', {
          number: c.number,
          n: c.stars,
          max: c.starMax,
          from: formatDate(c.validFrom, v.lang),
          until: formatDate(c.validUntil, v.lang),
        })}{' '}
        {stateTag(c, t)}
      </p>
      {state === 'revoked' && c.revokedAt && (
        <p>
          {t('nominationRevoked', { date: formatDate(c.revokedAt, v.lang), reason: c.revokeReason ?? '' })}
        </p>
      )}
      {state === 'expired' && <p>{t('nominationExpired', { date: formatDate(c.validUntil, v.lang) })}</p>}
      <p>
        <a href={awardPaths.verify(v.lang, c.code)}>{t('verifyTitle')}</a> · <CertificateLinks c={c} />
      </p>
    </section>
  );
}
