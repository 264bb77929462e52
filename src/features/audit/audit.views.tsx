import { formatDateTime } from '../../platform/format.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  Form,
  PageHeading,
  Pagination,
  Select,
  SummaryList,
  Table,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { AuditFilter } from './audit.forms.ts';
import { auditText } from './audit.messages.ts';
import type { AuditRow } from './audit.service.ts';

export function AuditList(props: {
  page: Page<AuditRow>;
  filter: Partial<AuditFilter>;
  errors?: FieldErrors | undefined;
  users: { id: string; name: string; email: string }[];
  facets: { objectTypes: string[]; actions: string[] };
}) {
  const v = useView();
  const t = v.tr(auditText);
  const f = props.filter;
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('intro')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action="/admin/audit" method="get" class="filters">
        <Select
          name="userId"
          label={t('user')}
          value={f.userId}
          emptyLabel={t('anyone')}
          options={props.users.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))}
        />
        <Select
          name="objectType"
          label={t('objectType')}
          value={f.objectType}
          emptyLabel={t('any')}
          options={props.facets.objectTypes.map((o) => ({ value: o, label: o }))}
        />
        <Select
          name="action"
          label={t('action')}
          value={f.action}
          emptyLabel={t('any')}
          options={props.facets.actions.map((o) => ({ value: o, label: o }))}
        />
        <TextInput
          name="objectId"
          label={t('objectId')}
          value={f.objectId}
          width="medium"
          error={props.errors?.objectId}
        />
        <TextInput
          name="from"
          label={t('from')}
          hint={t('dateHint')}
          value={f.from}
          width="short"
          error={props.errors?.from}
        />
        <TextInput name="to" label={t('to')} value={f.to} width="short" error={props.errors?.to} />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState />
      ) : (
        <Table
          caption={t('title')}
          captionHidden
          columns={[
            { label: t('when') },
            { label: t('who') },
            { label: t('action') },
            { label: t('object') },
            { label: t('address') },
            { label: '' },
          ]}
        >
          {props.page.rows.map((r) => (
            <tr>
              <td class="nowrap">{formatDateTime(r.at, v.lang)}</td>
              <td>{r.actorLabel}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>
                {r.objectType}
                {r.objectId && (
                  <>
                    {' '}
                    <a
                      href={`/admin/audit?objectType=${encodeURIComponent(r.objectType)}&objectId=${encodeURIComponent(r.objectId)}`}
                    >
                      <code>{r.objectId.slice(0, 13)}</code>
                    </a>
                  </>
                )}
              </td>
              <td>{r.ip ?? v.t('none')}</td>
              <td>
                <a href={`/admin/audit/${r.id}`}>{t('details')}</a>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditEntryPage(props: { entry: AuditRow }) {
  const v = useView();
  const t = v.tr(auditText);
  const e = props.entry;
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <>
      <BackLink href="/admin/audit" />
      <PageHeading title={e.action} caption={t('entry')} />
      <SummaryList
        rows={[
          { key: t('when'), value: formatDateTime(e.at, v.lang) },
          { key: t('who'), value: e.actorLabel },
          { key: t('object'), value: `${e.objectType} ${e.objectId ?? ''}` },
          { key: t('region'), value: e.regionCode ?? v.t('none') },
          { key: t('address'), value: e.ip ?? v.t('none') },
          { key: t('reason'), value: e.reason ?? v.t('none') },
          { key: t('requestId'), value: e.requestId ?? v.t('none') },
        ]}
      />
      {keys.length === 0 ? (
        <EmptyState>{t('noChanges')}</EmptyState>
      ) : (
        <Table
          caption={t('details')}
          columns={[{ label: t('field') }, { label: t('before') }, { label: t('after') }]}
        >
          {keys.map((k) => {
            const changed = show(before[k]) !== show(after[k]);
            return (
              <tr class={changed ? 'changed' : undefined}>
                <th scope="row">
                  {k}
                  {changed && <span class="visually-hidden"> ({t('changed')})</span>}
                </th>
                <td class="pre">{show(before[k])}</td>
                <td class="pre">{show(after[k])}</td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
