import { COMMITMENT_STATUSES, STAKEHOLDER_TYPES, SUPPORT_KINDS } from '../../db/schema/events.ts';
import { can } from '../../platform/authz.ts';
import { formatDate, formatRupiah } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import type { StakeholderFilter } from './events.forms.ts';
import {
  commitmentStatusLabel,
  commitmentTone,
  kindLabel,
  stakeholderRoleLabel,
  stakeholderTypeLabel,
  supportLabel,
} from './events.labels.ts';
import { stakeholderText } from './events.messages.ts';
import type { EventRow } from './events.service.ts';
import type { CommitmentRow, CommitmentView, ContactRow, StakeholderRow } from './stakeholders.service.ts';

export function StakeholderListPage(props: {
  page: Page<StakeholderRow & { activeCommitments: number }>;
  filter: StakeholderFilter;
}) {
  const v = useView();
  const t = v.tr(stakeholderText);
  const f = props.filter;
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('intro')}</p>
        {can(v.actor, 'stakeholders.manage') && (
          <LinkButton href="/stakeholders/new" variant="primary">
            {t('newStakeholder')}
          </LinkButton>
        )}
      </PageHeading>
      <Form action="/stakeholders" method="get" class="filters">
        <TextInput name="q" type="search" label={t('search')} value={f.q} width="medium" />
        <Select
          name="type"
          label={t('type')}
          value={f.type}
          emptyLabel={t('allTypes')}
          options={STAKEHOLDER_TYPES.map((s) => ({ value: s, label: stakeholderTypeLabel(s, v.lang) }))}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <Table
          caption={t('list')}
          columns={[{ label: t('name') }, { label: t('type') }, { label: t('commitments'), numeric: true }]}
        >
          {props.page.rows.map((s) => (
            <tr>
              <td>
                <a href={`/stakeholders/${s.id}`}>{s.name}</a>
                {s.acronym && <span class="muted"> ({s.acronym})</span>}
              </td>
              <td>{stakeholderTypeLabel(s.type, v.lang)}</td>
              <td class="numeric">{s.activeCommitments}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

export function StakeholderFormPage(props: {
  stakeholder?: StakeholderRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  kabkota: Region[];
  current?: StakeholderRow | undefined;
}) {
  const v = useView();
  const t = v.tr(stakeholderText);
  const { stakeholder: s, values, errors } = props;
  return (
    <>
      <BackLink href={s ? `/stakeholders/${s.id}` : '/stakeholders'} />
      <PageHeading title={s ? t('editStakeholder') : t('newStakeholder')} caption={s?.name} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <SummaryList
            rows={[
              { key: t('name'), value: props.current.name },
              { key: t('type'), value: stakeholderTypeLabel(props.current.type, v.lang) },
              { key: t('phone'), value: props.current.phone ?? v.t('none') },
              { key: t('email'), value: props.current.email ?? v.t('none') },
            ]}
          />
        </Panel>
      )}
      <ErrorSummary errors={errors} />
      <Form action={s ? `/stakeholders/${s.id}` : '/stakeholders'}>
        {s && <input type="hidden" name="version" value={String(props.current?.version ?? s.version)} />}
        <TextInput name="name" label={t('name')} value={str(values, 'name')} error={errors?.name} />
        <TextInput
          name="acronym"
          label={t('acronym')}
          value={str(values, 'acronym')}
          width="short"
          optional
        />
        <Select
          name="type"
          label={t('type')}
          value={str(values, 'type')}
          error={errors?.type}
          emptyLabel=""
          options={STAKEHOLDER_TYPES.map((x) => ({ value: x, label: stakeholderTypeLabel(x, v.lang) }))}
        />
        <Select
          name="kabkotaCode"
          label={t('kabkota')}
          value={str(values, 'kabkotaCode')}
          error={errors?.kabkotaCode}
          emptyLabel={v.t('none')}
          options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
        />
        <TextArea name="address" label={t('address')} value={str(values, 'address')} rows={2} optional />
        <TextInput
          name="website"
          type="url"
          label={t('website')}
          value={str(values, 'website')}
          error={errors?.website}
          optional
        />
        <TextInput
          name="email"
          type="email"
          label={t('email')}
          value={str(values, 'email')}
          error={errors?.email}
          optional
        />
        <TextInput
          name="phone"
          type="tel"
          label={t('phone')}
          value={str(values, 'phone')}
          width="medium"
          optional
        />
        <TextArea name="notes" label={t('notes')} value={str(values, 'notes')} rows={3} optional />
        <Button>{s ? v.t('save') : t('newStakeholder')}</Button>
      </Form>
    </>
  );
}

function CommitmentFields(props: {
  values: Record<string, unknown>;
  errors: FieldErrors | undefined;
  events: { id: string; title: string; startsAt: Date }[];
}) {
  const v = useView();
  const t = v.tr(stakeholderText);
  const { values, errors } = props;
  return (
    <>
      <Select
        name="supportKind"
        label={t('supportKind')}
        value={str(values, 'supportKind')}
        error={errors?.supportKind}
        emptyLabel=""
        options={SUPPORT_KINDS.map((k) => ({ value: k, label: supportLabel(k, v.lang) }))}
      />
      <TextArea
        name="description"
        label={t('commitmentDescription')}
        value={str(values, 'description')}
        error={errors?.description}
        rows={3}
      />
      <TextInput
        name="agreementNumber"
        label={t('agreementNumber')}
        value={str(values, 'agreementNumber')}
        error={errors?.agreementNumber}
        optional
      />
      <TextInput
        name="valueRp"
        label={t('valueRp')}
        hint={t('valueHint')}
        value={str(values, 'valueRp')}
        error={errors?.valueRp}
        inputmode="numeric"
        width="medium"
        optional
      />
      <TextInput
        name="startDate"
        type="date"
        label={t('startDate')}
        hint={t('dateHint')}
        value={str(values, 'startDate')}
        error={errors?.startDate}
        width="medium"
      />
      <TextInput
        name="endDate"
        type="date"
        label={t('endDate')}
        hint={t('dateHint')}
        value={str(values, 'endDate')}
        error={errors?.endDate}
        width="medium"
        optional
      />
      <Select
        name="status"
        label={t('status')}
        value={str(values, 'status') || 'proposed'}
        error={errors?.status}
        options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: commitmentStatusLabel(s, v.lang) }))}
      />
      <Select
        name="eventId"
        label={t('event')}
        value={str(values, 'eventId')}
        error={errors?.eventId}
        emptyLabel={t('noEvent')}
        options={props.events.map((e) => ({
          value: e.id,
          label: `${e.title} (${formatDate(e.startsAt, v.lang)})`,
        }))}
      />
    </>
  );
}

function period(c: CommitmentRow, lang: 'id' | 'en', ongoing: string): string {
  return `${formatDate(c.startDate, lang)} – ${c.endDate ? formatDate(c.endDate, lang) : ongoing}`;
}

export interface StakeholderPageData {
  stakeholder: StakeholderRow;
  kabkotaName: string | null;
  contacts: ContactRow[];
  commitments: CommitmentView[];
  events: { id: string; title: string; kind: EventRow['kind']; startsAt: Date; roles: string[] }[];
  eventOptions: { id: string; title: string; startsAt: Date }[];
  values?: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  /** Which form the errors belong to. */
  form?: 'contact' | 'commitment';
}

export function StakeholderPage(props: StakeholderPageData) {
  const v = useView();
  const t = v.tr(stakeholderText);
  const s = props.stakeholder;
  const manage = can(v.actor, 'stakeholders.manage');
  const active = props.commitments.filter((c) => c.status === 'agreed' || c.status === 'in_progress');
  const totalActive = active.reduce((sum, c) => sum + (c.valueRp ?? 0n), 0n);
  const base = `/stakeholders/${s.id}`;
  return (
    <>
      <BackLink href="/stakeholders" label={t('title')} />
      <PageHeading title={s.name} caption={stakeholderTypeLabel(s.type, v.lang)}>
        {manage && <LinkButton href={`${base}/edit`}>{t('editStakeholder')}</LinkButton>}
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('acronym'), value: s.acronym ?? v.t('none') },
          { key: t('kabkota'), value: props.kabkotaName ?? v.t('none') },
          { key: t('address'), value: s.address ?? v.t('none') },
          {
            key: t('website'),
            value: s.website ? (
              <a href={s.website} rel="noopener noreferrer">
                {s.website}
              </a>
            ) : (
              v.t('none')
            ),
          },
          { key: t('email'), value: s.email ?? v.t('none') },
          { key: t('phone'), value: s.phone ?? v.t('none') },
          { key: t('totalValue'), value: formatRupiah(totalActive, v.lang) },
          ...(s.notes ? [{ key: t('notes'), value: s.notes }] : []),
        ]}
      />

      <h2 id="commitments">{t('commitments')}</h2>
      {props.commitments.length === 0 ? (
        <EmptyState>{t('noCommitments')}</EmptyState>
      ) : (
        <Table
          caption={t('commitments')}
          captionHidden
          columns={[
            { label: t('supportKind') },
            { label: t('commitmentDescription') },
            { label: t('agreementNumber') },
            { label: t('valueRp'), numeric: true },
            { label: t('period') },
            { label: t('status') },
          ]}
        >
          {props.commitments.map((c) => (
            <tr>
              <td>{supportLabel(c.supportKind, v.lang)}</td>
              <td>
                {manage ? <a href={`${base}/commitments/${c.id}`}>{c.description}</a> : c.description}
                {c.eventTitle && (
                  <>
                    <br />
                    <a class="muted" href={`/events/${c.eventId}`}>
                      {c.eventTitle}
                    </a>
                  </>
                )}
              </td>
              <td>{c.agreementNumber ?? ''}</td>
              <td class="numeric nowrap">{c.valueRp === null ? '' : formatRupiah(c.valueRp, v.lang)}</td>
              <td class="nowrap">{period(c, v.lang, t('ongoing'))}</td>
              <td>
                <Tag tone={commitmentTone[c.status]}>{commitmentStatusLabel(c.status, v.lang)}</Tag>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {manage && (
        <details class="add-block" open={props.form === 'commitment'}>
          <summary>{t('addCommitment')}</summary>
          {props.form === 'commitment' && <ErrorSummary errors={props.errors} />}
          <Form action={`${base}/commitments`}>
            <CommitmentFields
              values={props.form === 'commitment' ? (props.values ?? {}) : {}}
              errors={props.form === 'commitment' ? props.errors : undefined}
              events={props.eventOptions}
            />
            <Button variant="secondary">{t('addCommitment')}</Button>
          </Form>
        </details>
      )}

      <h2 id="contacts">{t('contacts')}</h2>
      {props.contacts.length === 0 ? (
        <EmptyState>{t('noContacts')}</EmptyState>
      ) : (
        <Table
          caption={t('contacts')}
          captionHidden
          columns={[
            { label: t('contactName') },
            { label: t('position') },
            { label: t('email') },
            { label: t('phone') },
            ...(manage ? [{ label: '' }] : []),
          ]}
        >
          {props.contacts.map((c) => (
            <tr>
              <td>{c.name}</td>
              <td>{c.position ?? ''}</td>
              <td>{c.email ?? ''}</td>
              <td>{c.phone ?? ''}</td>
              {manage && (
                <td>
                  <Form action={`${base}/contacts/${c.id}/remove`} class="inline">
                    <button type="submit" class="link-button">
                      {t('removeContact')}
                    </button>
                  </Form>
                </td>
              )}
            </tr>
          ))}
        </Table>
      )}
      {manage && (
        <details class="add-block" open={props.form === 'contact'}>
          <summary>{t('addContact')}</summary>
          {props.form === 'contact' && <ErrorSummary errors={props.errors} />}
          <Form action={`${base}/contacts`}>
            <TextInput
              name="name"
              label={t('contactName')}
              value={props.form === 'contact' ? str(props.values, 'name') : ''}
              error={props.form === 'contact' ? props.errors?.name : undefined}
            />
            <TextInput name="position" label={t('position')} optional />
            <TextInput
              name="email"
              type="email"
              label={t('email')}
              error={props.form === 'contact' ? props.errors?.email : undefined}
              optional
            />
            <TextInput name="phone" type="tel" label={t('phone')} width="medium" optional />
            <Button variant="secondary">{t('addContact')}</Button>
          </Form>
        </details>
      )}

      <h2 id="events">{t('events')}</h2>
      {props.events.length === 0 ? (
        <EmptyState>{t('noLinkedEvents')}</EmptyState>
      ) : (
        <ul class="link-list">
          {props.events.map((e) => (
            <li>
              <a href={`/events/${e.id}`}>{e.title}</a> — {formatDate(e.startsAt, v.lang)},{' '}
              {kindLabel(e.kind, v.lang)} (
              {e.roles.map((r) => stakeholderRoleLabel(r as 'participant', v.lang)).join(', ')})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CommitmentFormPage(props: {
  stakeholder: StakeholderRow;
  commitment: CommitmentRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  events: { id: string; title: string; startsAt: Date }[];
  current?: CommitmentRow | undefined;
}) {
  const v = useView();
  const t = v.tr(stakeholderText);
  const base = `/stakeholders/${props.stakeholder.id}`;
  return (
    <>
      <BackLink href={base} label={props.stakeholder.name} />
      <PageHeading title={t('editCommitment')} caption={props.stakeholder.name} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <SummaryList
            rows={[
              { key: t('commitmentDescription'), value: props.current.description },
              { key: t('status'), value: commitmentStatusLabel(props.current.status, v.lang) },
              { key: t('period'), value: period(props.current, v.lang, t('ongoing')) },
            ]}
          />
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`${base}/commitments/${props.commitment.id}`}>
        <input
          type="hidden"
          name="version"
          value={String(props.current?.version ?? props.commitment.version)}
        />
        <CommitmentFields values={props.values} errors={props.errors} events={props.events} />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}
