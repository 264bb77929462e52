/** The signed-in inbox of buyers' inquiries: the list (newest first) and one inquiry with its actions. */
import type { InquiryState } from '../../db/schema/catalog.ts';
import { formatDateTime } from '../../platform/format.ts';
import {
  BackLink,
  Button,
  EmptyState,
  Form,
  PageHeading,
  Pagination,
  SummaryList,
  Table,
  Tag,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { InquiryListFilter } from './catalog.forms.ts';
import { inboxText } from './catalog.messages.ts';
import { catalogPaths } from './catalog.paths.ts';
import type { InquiryDetail, InquiryListRow } from './inquiries.service.ts';

const TONES: Record<InquiryState, 'blue' | 'grey' | 'green'> = {
  new: 'blue',
  read: 'grey',
  handled: 'green',
};

export function StateTag(props: { state: InquiryState }) {
  const t = useView().tr(inboxText);
  return <Tag tone={TONES[props.state]}>{t(`state_${props.state}`)}</Tag>;
}

export function InboxPage(props: {
  filter: InquiryListFilter;
  page: { rows: InquiryListRow[]; next: string | null; prev: string | null };
  regionName: (code: string) => string;
}) {
  const v = useView();
  const t = v.tr(inboxText);
  const states = ['open', 'new', 'read', 'handled'] as const;
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('lead')}</p>
      </PageHeading>
      <form method="get" action="/inquiries" class="filter-bar">
        <div class="field">
          <label for="f-state">{t('filterState')}</label>
          <select id="f-state" name="state" class="input">
            <option value="">{t('all')}</option>
            {states.map((s) => (
              <option value={s} selected={props.filter.state === s}>
                {t(`state_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t('apply')}</Button>
      </form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <Table
          caption={t('caption')}
          columns={[
            { label: t('received') },
            { label: t('product') },
            { label: t('buyer') },
            { label: t('kabkota') },
            { label: t('state') },
          ]}
        >
          {props.page.rows.map((r) => (
            <tr>
              <td class="nowrap">
                <a href={`/inquiries/${r.id}`}>{formatDateTime(r.createdAt, v.lang)}</a>
              </td>
              <td>{r.productName}</td>
              <td>
                {r.name}
                {r.company ? `, ${r.company}` : ''} ({r.country})
              </td>
              <td>{props.regionName(r.kabkotaCode)}</td>
              <td>
                <StateTag state={r.state} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

export function InquiryPage(props: { detail: InquiryDetail; regionName: string; staleNote?: string }) {
  const v = useView();
  const t = v.tr(inboxText);
  const { inquiry: q } = props.detail;
  const action = (state: InquiryState, label: string, variant: 'primary' | 'secondary') => (
    <Form action={`/inquiries/${q.id}/state`} class="inline">
      <input type="hidden" name="state" value={state} />
      <input type="hidden" name="version" value={String(q.version)} />
      <Button variant={variant}>{label}</Button>
    </Form>
  );
  const subject = `Re: ${props.detail.productName} (${q.reference})`;
  return (
    <>
      <BackLink href="/inquiries" label={t('title')} />
      <PageHeading title={t('detailTitle', { reference: q.reference })} caption={props.detail.productName}>
        <p>
          <StateTag state={q.state} />
        </p>
      </PageHeading>
      {props.staleNote && (
        <div class="flash flash-warning" role="alert">
          {props.staleNote}
        </div>
      )}
      <SummaryList
        rows={[
          { key: t('received'), value: formatDateTime(q.createdAt, v.lang) },
          {
            key: t('product'),
            value:
              props.detail.productPublic && props.detail.productSlug ? (
                <a href={catalogPaths.product('id', props.detail.productSlug)}>{props.detail.productName}</a>
              ) : (
                props.detail.productName
              ),
          },
          { key: t('ikm'), value: props.detail.ikmName },
          { key: t('kabkota'), value: props.regionName },
          { key: t('name'), value: q.name },
          { key: t('company'), value: q.company ?? '—' },
          { key: t('country'), value: q.country },
          {
            key: t('email'),
            value: <a href={`mailto:${q.email}?subject=${encodeURIComponent(subject)}`}>{q.email}</a>,
          },
          { key: t('quantity'), value: q.quantity ?? '—' },
          { key: t('language'), value: t(`lang_${q.lang}`) },
          { key: t('message'), value: <div class="pre">{q.message}</div> },
          ...(q.handledAt
            ? [{ key: t('state'), value: t('handledBy', { when: formatDateTime(q.handledAt, v.lang) }) }]
            : []),
        ]}
      />
      <div class="action-row">
        <a class="button button-secondary" href={`mailto:${q.email}?subject=${encodeURIComponent(subject)}`}>
          {t('replyByEmail')}
        </a>
        {q.state === 'new' && action('read', t('markRead'), 'secondary')}
        {q.state !== 'handled' && action('handled', t('markHandled'), 'primary')}
        {q.state === 'handled' && action('read', t('reopen'), 'secondary')}
      </div>
    </>
  );
}
