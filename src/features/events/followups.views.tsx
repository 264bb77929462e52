import { FOLLOW_UP_STATUSES } from '../../db/schema/events.ts';
import { can, isProvinceWide } from '../../platform/authz.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  Form,
  PageHeading,
  Pagination,
  Panel,
  Select,
  SummaryList,
  Table,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import type { FollowUpFilter } from './events.forms.ts';
import { followUpStatusLabel } from './events.labels.ts';
import { followUpText } from './events.messages.ts';
import { FollowUpStatusTag, OverdueActionsNotice } from './events.views.tsx';
import type { FollowUpRow, FollowUpView } from './followups.service.ts';

export function FollowUpListPage(props: {
  page: Page<FollowUpView>;
  filter: FollowUpFilter;
  kabkota: Region[];
  overdue: { count: number; rows: FollowUpView[] };
}) {
  const v = useView();
  const t = v.tr(followUpText);
  const wide = v.actor ? isProvinceWide(v.actor) : false;
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const f = props.filter;
  return (
    <>
      <PageHeading title={wide ? t('title') : t('myTitle')}>
        <p class="lead">{t('intro')}</p>
      </PageHeading>
      {!f.overdue && (
        <OverdueActionsNotice count={props.overdue.count} rows={props.overdue.rows} kabkotaNames={names} />
      )}
      <Form action="/follow-ups" method="get" class="filters">
        <Select
          name="status"
          label={t('status')}
          value={f.status}
          emptyLabel={t('allStatuses')}
          options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: followUpStatusLabel(s, v.lang) }))}
        />
        {wide && (
          <Select
            name="kabkotaCode"
            label={v.tr(followUpText)('kabkotas')}
            value={f.kabkotaCode}
            emptyLabel={t('allKabkota')}
            options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
          />
        )}
        {f.eventId && <input type="hidden" name="eventId" value={f.eventId} />}
        <Checkbox name="overdue" label={t('overdueOnly')} checked={f.overdue} />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <Table
          caption={t('list')}
          columns={[
            { label: t('action') },
            ...(wide ? [{ label: v.tr(followUpText)('kabkotas') }] : []),
            { label: t('event') },
            { label: t('owner') },
            { label: t('dueDate') },
            { label: t('status') },
          ]}
        >
          {props.page.rows.map((a) => (
            <tr class={a.overdue ? 'overdue-row' : undefined}>
              <td>
                <a href={`/follow-ups/${a.id}`}>{a.title}</a>
              </td>
              {wide && <td>{names.get(a.kabkotaCode) ?? a.kabkotaCode}</td>}
              <td>
                <a href={`/events/${a.eventId}`}>{a.eventTitle}</a>
              </td>
              <td>{a.ownerUserName ?? a.ownerName ?? t('noOwner')}</td>
              <td class="nowrap">{formatDate(a.dueDate, v.lang)}</td>
              <td>
                <FollowUpStatusTag action={a} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

/** An action: its facts, and the update form (all fields for an admin, progress for the officer). */
export function FollowUpPage(props: {
  action: FollowUpView;
  kabkotaName: string;
  officers: { id: string; name: string }[];
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: FollowUpRow | undefined;
}) {
  const v = useView();
  const t = v.tr(followUpText);
  const a = props.action;
  const admin = can(v.actor, 'followups.manage');
  const values = props.values;
  const officerStatuses = ['open', 'in_progress', 'done'] as const;
  return (
    <>
      <BackLink href="/follow-ups" label={t('title')} />
      <PageHeading title={a.title} caption={`${t('action')} · ${props.kabkotaName}`}>
        <p>
          <FollowUpStatusTag action={a} />
        </p>
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('event'), value: <a href={`/events/${a.eventId}`}>{a.eventTitle}</a> },
          { key: t('dueDate'), value: formatDate(a.dueDate, v.lang) },
          { key: t('owner'), value: a.ownerUserName ?? a.ownerName ?? t('noOwner') },
          { key: t('description'), value: a.description ?? v.t('none') },
          { key: t('progressNote'), value: a.progressNote ?? v.t('none') },
          ...(a.completedAt ? [{ key: t('completedAt'), value: formatDateTime(a.completedAt, v.lang) }] : []),
        ]}
      />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <SummaryList
            rows={[
              { key: t('status'), value: followUpStatusLabel(props.current.status, v.lang) },
              { key: t('progressNote'), value: props.current.progressNote ?? v.t('none') },
            ]}
          />
        </Panel>
      )}
      {a.status !== 'cancelled' || admin ? (
        <>
          <h2>{t('edit')}</h2>
          <ErrorSummary errors={props.errors} />
          <Form action={`/follow-ups/${a.id}`}>
            <input type="hidden" name="version" value={String(props.current?.version ?? a.version)} />
            {admin && (
              <>
                <TextInput
                  name="title"
                  label={t('actionTitle')}
                  value={str(values, 'title')}
                  error={props.errors?.title}
                />
                <TextArea
                  name="description"
                  label={t('description')}
                  value={str(values, 'description')}
                  rows={3}
                  optional
                />
                <TextInput
                  name="dueDate"
                  type="date"
                  label={t('dueDate')}
                  value={str(values, 'dueDate')}
                  error={props.errors?.dueDate}
                  width="medium"
                />
                <Select
                  name="ownerUserId"
                  label={t('ownerUser')}
                  value={str(values, 'ownerUserId')}
                  error={props.errors?.ownerUserId}
                  emptyLabel={t('noOwner')}
                  options={props.officers.map((o) => ({ value: o.id, label: o.name }))}
                />
                <TextInput
                  name="ownerName"
                  label={t('ownerName')}
                  value={str(values, 'ownerName')}
                  optional
                />
              </>
            )}
            <Select
              name="status"
              label={t('status')}
              value={str(values, 'status')}
              error={props.errors?.status}
              options={(admin ? FOLLOW_UP_STATUSES : officerStatuses).map((s) => ({
                value: s,
                label: followUpStatusLabel(s, v.lang),
              }))}
            />
            <TextArea
              name="progressNote"
              label={t('progressNote')}
              hint={t('progressHint')}
              value={str(values, 'progressNote')}
              error={props.errors?.progressNote}
              rows={4}
              optional
            />
            <Button>{v.t('save')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
