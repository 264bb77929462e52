/** The shortlist of potential candidates, marking a product, and a candidate's comments. */
import type { NominationState } from '../../platform/domain.ts';
import { str } from '../../platform/forms.ts';
import { formatDateTime } from '../../platform/format.ts';
import type { Page } from '../../platform/keyset.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Select,
  SummaryList,
  Table,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import type { FieldErrors } from '../../platform/validation.ts';
import type { CycleRow } from '../cycles/cycles.service.ts';
import type { IkmRow } from '../registry/ikm.service.ts';
import type { ProductListRow, ProductRow } from '../registry/products.service.ts';
import type { Region } from '../regions/regions.service.ts';
import type { CandidateComment, CandidateListRow, CandidateRow } from './candidates.service.ts';
import { StateTag, useText } from './nominations.views.tsx';

type Values = Record<string, unknown>;

export function CandidateList(props: {
  cycles: CycleRow[];
  cycle: CycleRow | null;
  page: Page<CandidateListRow> | null;
  kabkota: Region[];
  filter: Values;
  canMark: boolean;
  results: ProductListRow[] | null;
  marked: Set<string>;
}) {
  const { v, t } = useText();
  const names = new Map(props.kabkota.map((r) => [r.code, r.name]));
  const cycleId = props.cycle?.id;
  return (
    <>
      <PageHeading title={t('candidatesTitle')}>
        <p class="lead">{t('candidatesLead')}</p>
      </PageHeading>
      <Form action="/candidates" method="get" class="filters">
        <Select
          name="cycle"
          label={t('cycle')}
          value={cycleId}
          options={props.cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
        {props.kabkota.length > 1 && (
          <Select
            name="kabkota"
            label={t('regency')}
            value={str(props.filter, 'kabkota')}
            emptyLabel={t('allRegencies')}
            options={props.kabkota.map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        <Button variant="secondary">{t('filter')}</Button>
      </Form>
      {props.page && props.page.rows.length === 0 && <EmptyState>{t('noCandidates')}</EmptyState>}
      {props.page && props.page.rows.length > 0 && (
        <Table
          caption={t('candidatesCaption')}
          columns={[
            { label: t('product') },
            { label: t('regency') },
            { label: t('justification') },
            { label: t('comments') },
            { label: t('state') },
          ]}
        >
          {props.page.rows.map((c) => (
            <tr>
              <td>
                <a href={`/candidates/${c.id}`}>{c.productName}</a>
                <div class="hint">
                  {c.ikmName} · {commodityLabel(c.commodity, v.lang)}
                </div>
              </td>
              <td>{names.get(c.kabkotaCode) ?? c.kabkotaCode}</td>
              <td>{c.justification}</td>
              <td>{t('commentsCount', { n: c.comments })}</td>
              <td>
                {c.nomination ? (
                  <a href={`/nominations/${c.nomination.id}`}>
                    <StateTag state={c.nomination.state} />
                  </a>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {props.page && <Pagination next={props.page.next} prev={props.page.prev} />}
      {props.canMark && cycleId && (
        <>
          <h2>{t('markCandidate')}</h2>
          <Form action="/candidates" method="get" class="filters">
            <input type="hidden" name="cycle" value={cycleId} />
            <TextInput
              name="q"
              type="search"
              label={t('findProduct')}
              hint={t('findProductHint')}
              value={str(props.filter, 'q')}
              width="medium"
            />
            <Button variant="secondary">{t('search')}</Button>
          </Form>
          {props.results && props.results.length === 0 && <EmptyState />}
          {props.results && props.results.length > 0 && (
            <Table
              caption={t('searchResults')}
              columns={[{ label: t('product') }, { label: t('commodity') }, { label: t('markCandidate') }]}
            >
              {props.results.map((p) => (
                <tr>
                  <td>
                    {p.name}
                    <div class="hint">{p.ikmName}</div>
                  </td>
                  <td>{commodityLabel(p.commodity, v.lang)}</td>
                  <td>
                    {props.marked.has(p.id) ? (
                      <span class="muted">{t('nominated')}</span>
                    ) : (
                      <a href={`/candidates/new?cycle=${cycleId}&product=${p.id}`}>
                        {t('markCandidate')}
                        <span class="visually-hidden"> {p.name}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </>
      )}
    </>
  );
}

export function NewCandidatePage(props: {
  cycle: CycleRow;
  product: ProductRow;
  ikm: IkmRow;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  return (
    <>
      <BackLink href={`/candidates?cycle=${props.cycle.id}`} />
      <PageHeading title={t('markCandidate')} caption={props.cycle.name} />
      <SummaryList
        rows={[
          { key: t('product'), value: props.product.name },
          { key: t('ikm'), value: props.ikm.name },
          { key: t('commodity'), value: commodityLabel(props.product.commodity, v.lang) },
        ]}
      />
      <ErrorSummary errors={props.errors} />
      <Form action="/candidates">
        <input type="hidden" name="cycleId" value={props.cycle.id} />
        <input type="hidden" name="productId" value={props.product.id} />
        <TextArea
          name="justification"
          label={t('justification')}
          hint={t('justificationHint')}
          value={str(props.values, 'justification')}
          error={props.errors?.justification ?? props.errors?.productId}
          rows={4}
        />
        <Button>{t('markCandidate')}</Button>
      </Form>
    </>
  );
}

export function CandidatePage(props: {
  candidate: CandidateRow;
  cycle: CycleRow;
  product: ProductRow;
  ikm: IkmRow;
  comments: CandidateComment[];
  nomination: { id: string; state: NominationState } | null;
  canManage: boolean;
  canNominate: boolean;
  regencyName: string;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  const c = props.candidate;
  return (
    <>
      <BackLink href={`/candidates?cycle=${c.cycleId}`} />
      <PageHeading title={props.product.name} caption={`${t('candidatesTitle')} · ${props.cycle.name}`} />
      <SummaryList
        rows={[
          { key: t('ikm'), value: <a href={`/registry/ikm/${props.ikm.id}`}>{props.ikm.name}</a> },
          { key: t('regency'), value: props.regencyName },
          { key: t('commodity'), value: commodityLabel(props.product.commodity, v.lang) },
          { key: t('justification'), value: c.justification },
          { key: t('updated'), value: t('markedBy', { when: formatDateTime(c.createdAt, v.lang) }) },
          {
            key: t('state'),
            value: props.nomination ? (
              <a href={`/nominations/${props.nomination.id}`}>
                <StateTag state={props.nomination.state} />
              </a>
            ) : (
              '—'
            ),
          },
        ]}
      />
      <div class="action-row">
        {props.canNominate && !props.nomination && (
          <Form action="/nominations" class="inline">
            <input type="hidden" name="cycleId" value={c.cycleId} />
            <input type="hidden" name="productId" value={c.productId} />
            <input type="hidden" name="candidateId" value={c.id} />
            <Button>{t('nominate')}</Button>
          </Form>
        )}
        {props.canManage && (
          <Form action={`/candidates/${c.id}/remove`} class="inline">
            <Button variant="secondary">{t('removeCandidate')}</Button>
          </Form>
        )}
      </div>
      <h2>{t('comments')}</h2>
      {props.comments.length === 0 ? (
        <p class="muted">{t('noComments')}</p>
      ) : (
        <ol class="comments">
          {props.comments.map((m) => (
            <li>
              <strong>{m.authorName ?? '—'}</strong>{' '}
              <span class="muted">{formatDateTime(m.createdAt, v.lang)}</span>
              <p class="pre">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`/candidates/${c.id}/comments`}>
        <TextArea
          name="body"
          label={t('addComment')}
          value={str(props.values, 'body')}
          error={props.errors?.body}
          rows={3}
        />
        <Button variant="secondary">{t('addComment')}</Button>
      </Form>
      <p>
        <LinkButton href={`/candidates?cycle=${c.cycleId}`}>{t('candidatesCaption')}</LinkButton>
      </p>
    </>
  );
}
