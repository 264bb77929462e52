/** Earlier star awards: the list, finding an IKM, and the form to record one by hand. */
import { str } from '../../platform/forms.ts';
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
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import type { FieldErrors } from '../../platform/validation.ts';
import type { CycleRow } from '../cycles/cycles.service.ts';
import type { IkmListRow, IkmRow } from '../registry/ikm.service.ts';
import type { Region } from '../regions/regions.service.ts';
import type { AwardListRow } from './awards.service.ts';
import { useText } from './nominations.views.tsx';

type Values = Record<string, unknown>;

export function AwardList(props: {
  page: Page<AwardListRow>;
  kabkota: Region[];
  canManage: boolean;
  q: string | undefined;
  found: IkmListRow[] | null;
}) {
  const { t } = useText();
  const names = new Map(props.kabkota.map((r) => [r.code, r.name]));
  return (
    <>
      <PageHeading title={t('awardsTitle')}>
        <p class="lead">{t('awardsLead')}</p>
      </PageHeading>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('noAwards')}</EmptyState>
      ) : (
        <Table
          caption={t('awardsCaption')}
          columns={[
            { label: t('ikm') },
            { label: t('regency') },
            { label: t('year'), numeric: true },
            { label: t('stars') },
            { label: t('cycle') },
            { label: t('source') },
          ]}
        >
          {props.page.rows.map((a) => (
            <tr>
              <td>
                <a href={`/registry/ikm/${a.ikmId}`}>{a.ikmName}</a>
                {a.productName && <div class="hint">{a.productName}</div>}
              </td>
              <td>{names.get(a.kabkotaCode) ?? a.kabkotaCode}</td>
              <td class="numeric">{a.year}</td>
              <td>
                <span aria-hidden="true">{'★'.repeat(a.stars)} </span>
                {a.stars}
              </td>
              <td>{a.cycleName ?? t('noCycle')}</td>
              <td>
                {t(`awardSource_${a.source}`)}
                {a.notes && <div class="hint">{a.notes}</div>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
      {props.canManage && (
        <>
          <h2>{t('newAward')}</h2>
          <Form action="/earlier-awards" method="get" class="filters">
            <TextInput
              name="q"
              type="search"
              label={t('findIkm')}
              hint={t('findIkmHint')}
              value={props.q}
              width="medium"
            />
            <Button variant="secondary">{t('search')}</Button>
          </Form>
          {props.found && props.found.length === 0 && <EmptyState />}
          {props.found && props.found.length > 0 && (
            <ul class="link-list">
              {props.found.map((i) => (
                <li>
                  <a href={`/earlier-awards/new?ikm=${i.id}`}>{t('recordFor', { name: i.name })}</a>{' '}
                  <span class="muted">
                    {names.get(i.kabkotaCode) ?? i.kabkotaCode}
                    {i.nib ? ` · NIB ${i.nib}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

export function AwardForm(props: {
  ikm: IkmRow;
  products: { id: string; name: string }[];
  cycles: CycleRow[];
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  return (
    <>
      <BackLink href="/earlier-awards" />
      <PageHeading title={t('newAward')} caption={props.ikm.name} />
      <SummaryList
        rows={[
          { key: t('ikm'), value: props.ikm.name },
          { key: t('f_nib'), value: props.ikm.nib ?? '—' },
        ]}
      />
      <ErrorSummary errors={props.errors} />
      <Form action="/earlier-awards">
        <input type="hidden" name="ikmId" value={props.ikm.id} />
        <Select
          name="productId"
          label={t('product')}
          value={str(props.values, 'productId')}
          error={props.errors?.productId}
          emptyLabel={t('wholeIkm')}
          options={props.products.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextInput
          name="year"
          label={t('year')}
          value={str(props.values, 'year')}
          error={props.errors?.year}
          inputmode="numeric"
          width="short"
        />
        <TextInput
          name="stars"
          label={t('stars')}
          value={str(props.values, 'stars')}
          error={props.errors?.stars}
          inputmode="numeric"
          width="short"
        />
        <Select
          name="cycleId"
          label={t('cycle')}
          value={str(props.values, 'cycleId')}
          error={props.errors?.cycleId}
          emptyLabel={t('noCycle')}
          options={props.cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextArea
          name="notes"
          label={t('notes')}
          hint={t('notesHint')}
          value={str(props.values, 'notes')}
          error={props.errors?.notes}
          rows={3}
        />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}
