import { str } from '../../platform/forms.ts';
import { listOf } from '../../platform/form-rows.ts';
import { formatDateTime } from '../../platform/format.ts';
import type { Page } from '../../platform/keyset.ts';
import type { NotificationRow, OutboxRow } from '../../platform/notify.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  fieldId,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Radios,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { roleLabel } from '../../platform/ui/labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import { AUDIENCES } from './notifications.forms.ts';
import { notificationsText } from './notifications.messages.ts';
import type { previewBulk } from './notifications.service.ts';

export function NotificationList(props: { page: Page<NotificationRow>; unreadOnly: boolean }) {
  const v = useView();
  const t = v.tr(notificationsText);
  return (
    <>
      <PageHeading title={t('title')}>
        <div class="action-row">
          <Form action="/notifications/read-all" class="inline">
            <Button variant="secondary">{t('markAllRead')}</Button>
          </Form>
          <a href={props.unreadOnly ? '/notifications' : '/notifications?unread=1'}>
            {props.unreadOnly ? t('showAll') : t('onlyUnread')}
          </a>
        </div>
      </PageHeading>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <ul class="notification-list" aria-label={t('listCaption')}>
          {props.page.rows.map((n) => (
            <li class={n.readAt ? 'notification' : 'notification unread'}>
              <p class="notification-meta">
                {n.readAt ? <Tag tone="grey">{t('read')}</Tag> : <Tag tone="blue">{t('unread')}</Tag>}{' '}
                {formatDateTime(n.createdAt, v.lang)}
              </p>
              <h2 class="notification-title">
                {n.link ? <a href={`/notifications/${n.id}/open`}>{n.title}</a> : n.title}
              </h2>
              <p class="pre">{n.body}</p>
              {!n.readAt && (
                <Form action={`/notifications/${n.id}/read`} class="inline">
                  <Button variant="secondary">{t('markRead')}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

export function OutboxList(props: { page: Page<OutboxRow>; smtp: boolean }) {
  const v = useView();
  const t = v.tr(notificationsText);
  const tone = { pending: 'yellow', sent: 'green', failed: 'red', outbox_only: 'grey' } as const;
  return (
    <>
      <PageHeading title={t('outboxTitle')}>
        <p class="lead">{t('outboxLead')}</p>
        <p>{props.smtp ? t('smtpOn') : t('smtpOff')}</p>
        <LinkButton href="/admin/notifications/bulk" variant="primary">
          {t('bulkLink')}
        </LinkButton>
      </PageHeading>
      {props.page.rows.length === 0 ? (
        <EmptyState />
      ) : (
        <Table
          caption={t('outboxCaption')}
          columns={[
            { label: t('when') },
            { label: t('to') },
            { label: t('subject') },
            { label: t('status') },
          ]}
        >
          {props.page.rows.map((m) => (
            <tr>
              <td class="nowrap">{formatDateTime(m.createdAt, v.lang)}</td>
              <td>{m.toAddress}</td>
              <td>
                <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
              </td>
              <td>
                <Tag tone={tone[m.status]}>{t(`status_${m.status}`)}</Tag>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

export function OutboxEmailPage(props: { mail: OutboxRow }) {
  const v = useView();
  const t = v.tr(notificationsText);
  const m = props.mail;
  return (
    <>
      <BackLink href="/admin/outbox" />
      <PageHeading title={m.subject} caption={t('outboxTitle')} />
      <SummaryList
        rows={[
          { key: t('to'), value: m.toAddress },
          { key: t('when'), value: formatDateTime(m.createdAt, v.lang) },
          { key: t('status'), value: t(`status_${m.status}`) },
          ...(m.lastError ? [{ key: t('lastError'), value: m.lastError }] : []),
        ]}
      />
      <h2>{t('body')}</h2>
      <pre class="email-body">{m.body}</pre>
    </>
  );
}

function BulkFields(props: {
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  kabkota: Region[];
}) {
  const v = useView();
  const t = v.tr(notificationsText);
  const { values, errors } = props;
  const chosen = listOf(values.kabkotaCodes);
  return (
    <>
      <Radios
        name="audience"
        label={t('audience')}
        value={str(values, 'audience') || 'officers'}
        error={errors?.audience}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`audience_${a}`) }))}
      />
      <fieldset class={errors?.kabkotaCodes ? 'field field-error' : 'field'} id={fieldId('kabkotaCodes')}>
        <legend>{t('kabkota')}</legend>
        <div class="hint">{t('kabkotaHint')}</div>
        {errors?.kabkotaCodes && <p class="error-message">{errors.kabkotaCodes}</p>}
        <div class="checkbox-row">
          {props.kabkota.map((r) => (
            <div class="checkbox">
              <input
                id={`kab-${r.code}`}
                type="checkbox"
                name="kabkotaCodes"
                value={r.code}
                checked={chosen.includes(r.code)}
              />
              <label for={`kab-${r.code}`}>{r.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextInput name="titleId" label={t('titleId')} value={str(values, 'titleId')} error={errors?.titleId} />
      <TextArea
        name="bodyId"
        label={t('bodyId')}
        value={str(values, 'bodyId')}
        error={errors?.bodyId}
        rows={5}
      />
      <TextInput
        name="titleEn"
        label={t('titleEn')}
        hint={t('englishHint')}
        value={str(values, 'titleEn')}
        error={errors?.titleEn}
        optional
      />
      <TextArea
        name="bodyEn"
        label={t('bodyEn')}
        value={str(values, 'bodyEn')}
        error={errors?.bodyEn}
        rows={5}
        optional
      />
      <TextInput
        name="link"
        label={t('linkField')}
        hint={t('linkHint')}
        value={str(values, 'link')}
        error={errors?.link}
        optional
      />
    </>
  );
}

export function BulkFormPage(props: {
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  kabkota: Region[];
}) {
  const v = useView();
  const t = v.tr(notificationsText);
  return (
    <>
      <BackLink href="/admin/outbox" />
      <PageHeading title={t('bulkTitle')} />
      <ErrorSummary errors={props.errors} />
      <Form action="/admin/notifications/bulk/preview">
        <BulkFields values={props.values} errors={props.errors} kabkota={props.kabkota} />
        <Button>{t('continue')}</Button>
      </Form>
    </>
  );
}

/** Check your answers: the message in each language, the recipients, then send or change. */
export function BulkPreviewPage(props: {
  values: Record<string, unknown>;
  preview: Awaited<ReturnType<typeof previewBulk>>;
  kabkota: Region[];
}) {
  const v = useView();
  const t = v.tr(notificationsText);
  const { preview, values } = props;
  const regionName = new Map(props.kabkota.map((r) => [r.code, r.name]));
  const hidden = (
    <>
      {['audience', 'titleId', 'bodyId', 'titleEn', 'bodyEn', 'link'].map((k) => (
        <input type="hidden" name={k} value={str(values, k)} />
      ))}
      {listOf(values.kabkotaCodes).map((code) => (
        <input type="hidden" name="kabkotaCodes" value={code} />
      ))}
    </>
  );
  return (
    <>
      <PageHeading title={t('checkTitle')}>
        <p class="lead">{t('checkLead', { n: preview.recipients.length })}</p>
      </PageHeading>
      <div class="compare">
        <section class="message-preview" lang="id">
          <h2>{t('asIndonesian')}</h2>
          <h3>{preview.id.title}</h3>
          <p class="pre">{preview.id.body}</p>
        </section>
        <section class="message-preview" lang="en">
          <h2>{t('asEnglish')}</h2>
          <h3>{preview.en.title}</h3>
          <p class="pre">{preview.en.body}</p>
        </section>
      </div>
      <Table
        caption={t('recipients')}
        columns={[
          { label: t('name') },
          { label: t('email') },
          { label: t('region') },
          { label: t('language') },
        ]}
      >
        {preview.recipients.map((r) => (
          <tr>
            <td>
              {r.name} <span class="muted">({roleLabel(r.role, v.lang)})</span>
            </td>
            <td>{r.email}</td>
            <td>{r.regionCode ? (regionName.get(r.regionCode) ?? r.regionCode) : v.t('none')}</td>
            <td>{r.locale === 'id' ? 'Bahasa Indonesia' : 'English'}</td>
          </tr>
        ))}
      </Table>
      <div class="action-row">
        <Form action="/admin/notifications/bulk/send" class="inline">
          {hidden}
          <Button>{t('send')}</Button>
        </Form>
        <Form action="/admin/notifications/bulk" class="inline">
          {hidden}
          <Button variant="secondary">{t('change')}</Button>
        </Form>
      </div>
    </>
  );
}

export function BulkSentPage(props: { count: number }) {
  const v = useView();
  const t = v.tr(notificationsText);
  return (
    <>
      <Panel title={t('sentTitle')} tone="success">
        <p>{t('sentBody', { n: props.count })}</p>
      </Panel>
      <p>{t('sentNext')}</p>
      <p>
        <a href="/admin/outbox">{t('toOutbox')}</a>
      </p>
    </>
  );
}
