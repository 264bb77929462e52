import { str } from '../../platform/forms.ts';
import { formatDateTime } from '../../platform/format.ts';
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
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { IkmNameRow } from '../registry/ikm.lookups.ts';
import { CONFLICT_KIND_NAMES, CONFLICT_KINDS, type ConflictKind } from './conflicts.rules.ts';
import { conflictsText } from './conflicts.messages.ts';
import type { ConflictFilter, ConflictView, SuggestionView } from './conflicts.service.ts';

type Values = Record<string, unknown>;

function useText() {
  const v = useView();
  return { v, t: v.tr(conflictsText) };
}

/** Kab/kota names, from the page's region list. */
export type RegionNames = Map<string, string>;

const kindName = (k: ConflictKind, lang: 'id' | 'en') => CONFLICT_KIND_NAMES[k][lang];

function StatusTag(props: { row: ConflictView }) {
  const { t } = useText();
  return props.row.withdrawnAt ? (
    <Tag tone="grey">{t('withdrawn')}</Tag>
  ) : (
    <Tag tone="red">{t('active')}</Tag>
  );
}

/** Conflicts as a table; links go to the admin's or the assessor's page of each. */
export function ConflictTable(props: { rows: ConflictView[]; admin: boolean; showAssessor?: boolean }) {
  const { v, t } = useText();
  if (props.rows.length === 0) return <EmptyState>{t('none')}</EmptyState>;
  const base = props.admin ? '/admin/conflicts' : '/assessment/conflicts';
  const showAssessor = props.showAssessor ?? props.admin;
  return (
    <Table
      caption={t('listCaption')}
      captionHidden
      columns={[
        ...(showAssessor ? [{ label: t('assessor') }] : []),
        { label: t('ikm') },
        { label: t('kind') },
        { label: t('source') },
        { label: t('declaredAt') },
        { label: t('status') },
      ]}
    >
      {props.rows.map((r) => (
        <tr>
          {showAssessor && <td>{r.assessorName}</td>}
          <td>
            <a href={`${base}/${r.id}`}>{r.ikmName}</a>
          </td>
          <td>{kindName(r.kind, v.lang)}</td>
          <td>{t(`source_${r.source}`)}</td>
          <td>{formatDateTime(r.createdAt, v.lang)}</td>
          <td>
            <StatusTag row={r} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function OwnConflictList(props: { page: Page<ConflictView> }) {
  const { t } = useText();
  return (
    <>
      <BackLink href="/assessment" />
      <PageHeading title={t('title')}>
        <p class="lead">{t('ownLead')}</p>
        <LinkButton href="/assessment/conflicts/new" variant="primary">
          {t('declare')}
        </LinkButton>
      </PageHeading>
      <ConflictTable rows={props.page.rows} admin={false} />
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

/** The name-only IKM search (GET form) and its results, each a link that picks the IKM. */
function IkmSearch(props: {
  action: string;
  query: { q?: string | undefined; kabkota?: string | undefined };
  kabkota: { code: string; name: string }[];
  results: IkmNameRow[] | null;
  regions: RegionNames;
  /** Extra query parameters to keep (the admin's chosen assessor). */
  keep?: Record<string, string>;
}) {
  const { t } = useText();
  const pickHref = (id: string) => {
    const p = new URLSearchParams({ ...(props.keep ?? {}), ikm: id });
    return `${props.action}?${p.toString()}`;
  };
  return (
    <section>
      <h2>{t('findIkm')}</h2>
      <p class="hint">{t('findLead')}</p>
      <Form action={props.action} method="get" class="filters">
        {Object.entries(props.keep ?? {}).map(([k, val]) => (
          <input type="hidden" name={k} value={val} />
        ))}
        <TextInput name="q" type="search" label={t('searchName')} value={props.query.q} width="medium" />
        <Select
          name="kabkota"
          label={t('searchRegion')}
          value={props.query.kabkota}
          emptyLabel={t('anyRegion')}
          options={props.kabkota.map((r) => ({ value: r.code, label: r.name }))}
        />
        <Button variant="secondary">{t('search')}</Button>
      </Form>
      {props.results !== null &&
        (props.results.length === 0 ? (
          <EmptyState>{t('noMatches')}</EmptyState>
        ) : (
          <Table
            caption={t('results')}
            columns={[{ label: t('ikm') }, { label: t('region') }, { label: '' }]}
          >
            {props.results.map((r) => (
              <tr>
                <td>{r.name}</td>
                <td>{props.regions.get(r.kabkotaCode) ?? r.kabkotaCode}</td>
                <td>
                  <a href={pickHref(r.id)}>
                    {t('choose')}
                    <span class="visually-hidden"> {r.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </Table>
        ))}
    </section>
  );
}

/** The declaration form for a chosen IKM (kind and note). */
function DeclareForm(props: {
  action: string;
  ikm: IkmNameRow;
  regions: RegionNames;
  values: Values;
  errors: FieldErrors | undefined;
  againHref: string;
  assessorSelect?: { options: { value: string; label: string }[] } | undefined;
}) {
  const { v, t } = useText();
  return (
    <>
      <SummaryList
        rows={[
          { key: t('ikm'), value: props.ikm.name },
          { key: t('region'), value: props.regions.get(props.ikm.kabkotaCode) ?? props.ikm.kabkotaCode },
        ]}
      />
      <p>
        <a href={props.againHref}>{t('otherIkm')}</a>
      </p>
      <ErrorSummary errors={props.errors} />
      <Form action={props.action}>
        <input type="hidden" name="ikmId" value={props.ikm.id} />
        {props.assessorSelect && (
          <Select
            name="assessorId"
            label={t('chooseAssessor')}
            value={str(props.values, 'assessorId')}
            error={props.errors?.assessorId}
            emptyLabel=""
            options={props.assessorSelect.options}
          />
        )}
        <Radios
          name="kind"
          label={t('kind')}
          value={str(props.values, 'kind')}
          error={props.errors?.kind}
          options={CONFLICT_KINDS.map((k) => ({ value: k, label: kindName(k, v.lang) }))}
        />
        <TextArea
          name="note"
          label={t('note')}
          hint={t('noteHint')}
          value={str(props.values, 'note')}
          error={props.errors?.note}
          rows={3}
          optional
        />
        <Button>{props.assessorSelect ? t('record') : t('declare')}</Button>
      </Form>
    </>
  );
}

export function DeclarePage(props: {
  admin: boolean;
  query: { q?: string | undefined; kabkota?: string | undefined };
  kabkota: { code: string; name: string }[];
  regions: RegionNames;
  results: IkmNameRow[] | null;
  ikm: IkmNameRow | null;
  values: Values;
  errors?: FieldErrors | undefined;
  assessors?: { value: string; label: string }[];
}) {
  const { t } = useText();
  const base = props.admin ? '/admin/conflicts' : '/assessment/conflicts';
  const keep: Record<string, string> = {};
  const chosenAssessor = str(props.values, 'assessorId');
  if (props.admin && chosenAssessor) keep.assessorId = chosenAssessor;
  return (
    <>
      <BackLink href={base} />
      <PageHeading
        title={
          props.ikm ? t('declareFor', { ikm: props.ikm.name }) : props.admin ? t('record') : t('declare')
        }
        caption={t('title')}
      >
        <p class="lead">{props.admin ? t('adminLead') : t('ownLead')}</p>
      </PageHeading>
      {props.ikm ? (
        <DeclareForm
          action={base}
          ikm={props.ikm}
          regions={props.regions}
          values={props.values}
          errors={props.errors}
          againHref={`${base}/new${chosenAssessor ? `?assessorId=${chosenAssessor}` : ''}`}
          assessorSelect={props.admin ? { options: props.assessors ?? [] } : undefined}
        />
      ) : (
        <>
          <ErrorSummary errors={props.errors} />
          <IkmSearch
            action={`${base}/new`}
            query={props.query}
            kabkota={props.kabkota}
            results={props.results}
            regions={props.regions}
            keep={keep}
          />
        </>
      )}
    </>
  );
}

function ConflictFacts(props: { row: ConflictView; regions: RegionNames; admin: boolean }) {
  const { v, t } = useText();
  const r = props.row;
  return (
    <SummaryList
      rows={[
        { key: t('assessor'), value: r.assessorName },
        {
          key: t('ikm'),
          value: props.admin ? <a href={`/registry/ikm/${r.ikmId}`}>{r.ikmName}</a> : r.ikmName,
        },
        { key: t('region'), value: props.regions.get(r.kabkotaCode) ?? r.kabkotaCode },
        { key: t('kind'), value: kindName(r.kind, v.lang) },
        { key: t('note'), value: r.note ?? v.t('none') },
        {
          key: t('source'),
          value: `${t(`source_${r.source}`)}${r.declaredByName ? ` (${r.declaredByName})` : ''}, ${formatDateTime(r.createdAt, v.lang)}`,
        },
        ...(r.matches?.length
          ? [{ key: t('matches'), value: r.matches.map((m) => m.value).join(', ') }]
          : []),
        {
          key: t('status'),
          value: r.withdrawnAt ? (
            <>
              <StatusTag row={r} />{' '}
              {t('withdrawnInfo', {
                when: formatDateTime(r.withdrawnAt, v.lang),
                who: r.withdrawnByName ?? '',
                reason: r.withdrawReason ?? '',
              })}
            </>
          ) : (
            <StatusTag row={r} />
          ),
        },
      ]}
    />
  );
}

export function OwnConflictPage(props: { row: ConflictView; regions: RegionNames }) {
  const { t } = useText();
  return (
    <>
      <BackLink href="/assessment/conflicts" />
      <PageHeading title={t('declareFor', { ikm: props.row.ikmName })} caption={t('title')} />
      <ConflictFacts row={props.row} regions={props.regions} admin={false} />
      {!props.row.withdrawnAt && <p class="hint">{t('onlyAdminWithdraws')}</p>}
    </>
  );
}

export function AdminConflictPage(props: {
  row: ConflictView;
  regions: RegionNames;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = useText();
  const r = props.row;
  return (
    <>
      <BackLink href="/admin/conflicts" />
      <PageHeading title={t('declareFor', { ikm: r.ikmName })} caption={r.assessorName}>
        <p>
          <a href={`/admin/audit?objectType=conflict&objectId=${r.id}`}>{useView().t('navAudit')}</a>
        </p>
      </PageHeading>
      <ConflictFacts row={r} regions={props.regions} admin />
      {!r.withdrawnAt && (
        <>
          <ErrorSummary errors={props.errors} />
          <Form action={`/admin/conflicts/${r.id}/withdraw`}>
            <input type="hidden" name="version" value={String(r.version)} />
            <TextArea
              name="reason"
              label={t('withdrawReason')}
              hint={t('withdrawHint')}
              value={str(props.values, 'reason')}
              error={props.errors?.reason}
              rows={2}
            />
            <Button variant="warning">{t('withdraw')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

export function AdminConflictList(props: {
  page: Page<ConflictView>;
  filter: ConflictFilter;
  assessors: { value: string; label: string }[];
  suggestions: number;
}) {
  const { v, t } = useText();
  return (
    <>
      <BackLink href="/admin/assessors" />
      <PageHeading title={t('title')}>
        <p class="lead">{t('adminLead')}</p>
        <p class="action-row">
          <LinkButton href="/admin/conflicts/new" variant="primary">
            {t('record')}
          </LinkButton>
          <a href="/admin/conflicts/suggestions">{t('suggestionsCount', { n: props.suggestions })}</a>
        </p>
      </PageHeading>
      <Form action="/admin/conflicts" method="get" class="filters">
        <Select
          name="assessorId"
          label={t('assessor')}
          value={props.filter.assessorId}
          emptyLabel={t('all')}
          options={props.assessors}
        />
        <Select
          name="status"
          label={t('status')}
          value={props.filter.status}
          options={[
            { value: 'active', label: t('active') },
            { value: 'withdrawn', label: t('withdrawn') },
            { value: 'all', label: t('all') },
          ]}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      <ConflictTable rows={props.page.rows} admin />
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

export function SuggestionsPage(props: {
  suggestions: SuggestionView[];
  regions: RegionNames;
  /** The pair whose form failed, with its input and messages. */
  failed?: {
    assessorId: string;
    ikmId: string;
    form: 'confirm' | 'dismiss';
    values: Values;
    errors: FieldErrors;
  };
}) {
  const { v, t } = useText();
  const f = props.failed;
  return (
    <>
      <BackLink href="/admin/conflicts" />
      <PageHeading title={t('suggestions')} caption={t('title')}>
        <p class="lead">{t('suggestionsLead')}</p>
      </PageHeading>
      {f && <ErrorSummary errors={f.errors} />}
      {props.suggestions.length === 0 ? (
        <EmptyState>{t('noSuggestions')}</EmptyState>
      ) : (
        props.suggestions.map((s, i) => {
          const mine = f && f.assessorId === s.assessorId && f.ikmId === s.ikmId ? f : undefined;
          const values = mine?.values ?? {};
          const errors = mine?.errors;
          const id = (name: string) => `s${i}-${name}`;
          return (
            <section class="suggestion" aria-labelledby={id('title')}>
              <h2 id={id('title')}>{t('suggestionFor', { assessor: s.assessorName, ikm: s.ikmName })}</h2>
              <p>{s.note.text[v.lang]}</p>
              <p class="meta">
                {props.regions.get(s.kabkotaCode) ?? s.kabkotaCode} ·{' '}
                <a href={`/registry/ikm/${s.ikmId}`}>{t('openIkm')}</a> · {t('suggestedKind')}:{' '}
                {kindName(s.kind, v.lang)}
              </p>
              <div class="suggestion-forms">
                <Form action="/admin/conflicts/suggestions/confirm" class="suggestion-form">
                  <input type="hidden" name="assessorId" value={s.assessorId} />
                  <input type="hidden" name="ikmId" value={s.ikmId} />
                  <Select
                    name={`kind-${i}`}
                    label={t('kind')}
                    value={str(values, `kind-${i}`) || s.kind}
                    error={mine?.form === 'confirm' ? errors?.[`kind-${i}`] : undefined}
                    options={CONFLICT_KINDS.map((k) => ({ value: k, label: kindName(k, v.lang) }))}
                  />
                  <TextInput
                    name={`note-${i}`}
                    label={t('note')}
                    value={mine?.form === 'confirm' ? str(values, `note-${i}`) : ''}
                    optional
                  />
                  <input type="hidden" name="row" value={String(i)} />
                  <Button>{t('confirm')}</Button>
                </Form>
                <Form action="/admin/conflicts/suggestions/dismiss" class="suggestion-form">
                  <input type="hidden" name="assessorId" value={s.assessorId} />
                  <input type="hidden" name="ikmId" value={s.ikmId} />
                  <input type="hidden" name="row" value={String(i)} />
                  <TextInput
                    name={`reason-${i}`}
                    label={t('dismissReason')}
                    value={mine?.form === 'dismiss' ? str(values, `reason-${i}`) : ''}
                    error={mine?.form === 'dismiss' ? errors?.[`reason-${i}`] : undefined}
                  />
                  <Button variant="secondary">{t('dismiss')}</Button>
                </Form>
              </div>
            </section>
          );
        })
      )}
    </>
  );
}
