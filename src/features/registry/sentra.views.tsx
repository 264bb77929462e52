import { formatDate, formatNumber } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  FileInput,
  Form,
  LinkButton,
  PageHeading,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { SentraFilter } from './registry.forms.ts';
import { commodityLabel, registryText } from './registry.messages.ts';
import type { RegionInfo } from './registry.service.ts';
import {
  commodityOptions,
  AuditLink,
  kabkotaOptions,
  kecamatanOptions,
  orNone,
  RegistryTabs,
  StaleComparison,
  RegistryResults,
  SearchAndPlaceFilters,
} from './registry.views.tsx';
import type { SentraListRow, SentraRow } from './sentra.service.ts';

export interface RegionChoices {
  kabkota: RegionInfo[];
  kecamatan: RegionInfo[];
  names: Map<string, RegionInfo>;
}

const name = (choices: RegionChoices, code: string | null | undefined) =>
  code ? (choices.names.get(code)?.name ?? code) : '';

/** `2026-11-28` shown in a text field as `28/11/2026`. */
export function dateField(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
}

function SentraRows(props: { rows: SentraListRow[]; choices: RegionChoices }) {
  const v = useView();
  const t = v.tr(registryText);
  return (
    <>
      {props.rows.map((s) => (
        <tr>
          <td>
            <a href={`/registry/sentra/${s.id}`}>{s.name}</a>
            {s.productFocus && <div class="muted">{s.productFocus}</div>}
          </td>
          <td>
            {name(props.choices, s.kabkotaCode)}
            {s.kecamatanCode && <div class="muted">{name(props.choices, s.kecamatanCode)}</div>}
            {s.desa && <div class="muted">{s.desa}</div>}
          </td>
          <td>{commodityLabel(s.commodity, v.lang)}</td>
          <td>
            {s.decreeNumber ? (
              <Tag tone="green">{t('withDecree')}</Tag>
            ) : (
              <Tag tone="yellow">{t('withoutDecree')}</Tag>
            )}
          </td>
          <td class="numeric">
            {s.unitCount === null ? v.t('none') : formatNumber(s.unitCount, v.lang)}
            {s.unitCount !== null && s.unitCount < 5 && (
              <div>
                <Tag tone="yellow">{t('fewerThanFive')}</Tag>
              </div>
            )}
          </td>
          <td class="numeric">{formatNumber(s.memberCount, v.lang)}</td>
          <td>{s.leadIkmId ? <a href={`/registry/ikm/${s.leadIkmId}`}>{s.leadName}</a> : v.t('none')}</td>
        </tr>
      ))}
    </>
  );
}

export function SentraListPage(props: {
  page: Page<SentraListRow> & { similar: SentraListRow[] };
  filter: SentraFilter;
  choices: RegionChoices;
  provinceWide: boolean;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const f = props.filter;
  const columns = [
    { label: t('sentraName'), sort: 'name' },
    { label: t('kabkota') },
    { label: t('commodity') },
    { label: t('decreeFilter') },
    { label: t('unitCount'), numeric: true },
    { label: t('memberCount'), numeric: true },
    { label: t('leadIkm') },
  ];
  return (
    <>
      <PageHeading title={t('sentraList')} caption={t('registry')}>
        <LinkButton href="/registry/sentra/new" variant="primary">
          {t('sentraNew')}
        </LinkButton>
      </PageHeading>
      <RegistryTabs current="sentra" />
      <Form action="/registry/sentra" method="get" class="filters">
        <SearchAndPlaceFilters
          filter={f}
          searchHint={t('sentraSearchHint')}
          choices={props.choices}
          provinceWide={props.provinceWide}
          kecamatan
        />
        <Select
          name="decree"
          label={t('decreeFilter')}
          value={f.decree}
          emptyLabel={v.t('all')}
          options={[
            { value: 'with', label: t('withDecree') },
            { value: 'without', label: t('withoutDecree') },
          ]}
        />
        <input type="hidden" name="sort" value={f.sort} />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      <RegistryResults
        caption={t('sentraList')}
        base="/registry/sentra"
        page={props.page}
        columns={columns}
        sort={f.sort}
        dir={f.dir ?? 'asc'}
        q={f.q}
        rows={(rows) => <SentraRows rows={rows} choices={props.choices} />}
      />
    </>
  );
}

/** A sentra row as the values of its edit form. */
export function sentraFormValues(s: SentraRow): Record<string, unknown> {
  return {
    name: s.name,
    kabkotaCode: s.kabkotaCode,
    kecamatanCode: s.kecamatanCode ?? '',
    desa: s.desa ?? '',
    commodity: s.commodity,
    productFocus: s.productFocus ?? '',
    decreeNumber: s.decreeNumber ?? '',
    decreeDate: dateField(s.decreeDate),
    unitCount: s.unitCount ?? '',
    leadIkmId: s.leadIkmId ?? '',
    notes: s.notes ?? '',
  };
}

export function SentraFormPage(props: {
  sentra?: SentraRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: SentraRow | undefined;
  choices: RegionChoices;
  members: { id: string; name: string }[];
  maxMb: number;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors, sentra } = props;
  const version = props.current?.version ?? sentra?.version;
  return (
    <>
      <BackLink href={sentra ? `/registry/sentra/${sentra.id}` : '/registry/sentra'} />
      <PageHeading
        title={sentra ? sentra.name : t('sentraNew')}
        caption={sentra ? t('sentraEdit') : t('registry')}
      />
      {props.current && (
        <StaleComparison
          rows={[
            { key: t('sentraName'), theirs: props.current.name, yours: str(values, 'name') },
            {
              key: t('decreeNumber'),
              theirs: orNone(props.current.decreeNumber, v.t('none')),
              yours: orNone(str(values, 'decreeNumber'), v.t('none')),
            },
            {
              key: t('unitCount'),
              theirs: orNone(props.current.unitCount, v.t('none')),
              yours: orNone(str(values, 'unitCount'), v.t('none')),
            },
            {
              key: t('notes'),
              theirs: orNone(props.current.notes, v.t('none')),
              yours: orNone(str(values, 'notes'), v.t('none')),
            },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      <Form action={sentra ? `/registry/sentra/${sentra.id}` : '/registry/sentra'} multipart>
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        <TextInput name="name" label={t('sentraName')} value={str(values, 'name')} error={errors?.name} />
        <Select
          name="kabkotaCode"
          label={t('kabkota')}
          value={str(values, 'kabkotaCode')}
          error={errors?.kabkotaCode}
          emptyLabel={props.choices.kabkota.length > 1 ? t('chooseOne') : undefined}
          options={kabkotaOptions(props.choices.kabkota)}
        />
        <Select
          name="kecamatanCode"
          label={t('kecamatan')}
          value={str(values, 'kecamatanCode')}
          error={errors?.kecamatanCode}
          emptyLabel={t('chooseOne')}
          options={kecamatanOptions(props.choices.kecamatan, props.choices.kabkota)}
          optional
        />
        <TextInput
          name="desa"
          label={t('desa')}
          hint={t('desaHint')}
          value={str(values, 'desa')}
          error={errors?.desa}
          width="medium"
          optional
        />
        <Select
          name="commodity"
          label={t('commodity')}
          value={str(values, 'commodity')}
          error={errors?.commodity}
          emptyLabel={t('chooseOne')}
          options={commodityOptions(v.lang)}
        />
        <TextInput
          name="productFocus"
          label={t('productFocus')}
          hint={t('productFocusHint')}
          value={str(values, 'productFocus')}
          error={errors?.productFocus}
          width="medium"
          optional
        />
        <fieldset class="field-group">
          <legend>{t('decree')}</legend>
          <TextInput
            name="decreeNumber"
            label={t('decreeNumber')}
            value={str(values, 'decreeNumber')}
            error={errors?.decreeNumber}
            width="medium"
            optional
          />
          <TextInput
            name="decreeDate"
            label={t('decreeDate')}
            hint={t('dateHint')}
            value={dateField(str(values, 'decreeDate'))}
            error={errors?.decreeDate}
            width="short"
            optional
          />
          <FileInput
            name="decreeFile"
            label={t('decreeFile')}
            hint={`${t('fileHint', { max: props.maxMb })}${sentra?.decreeFileSha256 ? ` ${t('decreeFileKeep')}` : ''}`}
            error={errors?.decreeFile}
            accept="application/pdf,image/jpeg,image/png,image/webp"
            optional
          />
        </fieldset>
        <TextInput
          name="unitCount"
          label={t('unitCount')}
          hint={t('unitCountHint')}
          value={str(values, 'unitCount')}
          error={errors?.unitCount}
          inputmode="numeric"
          width="short"
          optional
        />
        {sentra && (
          <Select
            name="leadIkmId"
            label={t('leadIkm')}
            hint={t('leadIkmHint')}
            value={str(values, 'leadIkmId')}
            error={errors?.leadIkmId}
            emptyLabel={t('noneChosen')}
            options={props.members.map((m) => ({ value: m.id, label: m.name }))}
            optional
          />
        )}
        <TextArea
          name="notes"
          label={t('notes')}
          value={str(values, 'notes')}
          error={errors?.notes}
          optional
        />
        <Button>{sentra ? v.t('save') : t('sentraNew')}</Button>
      </Form>
    </>
  );
}

export function SentraPage(props: {
  sentra: SentraRow;
  members: { id: string; name: string; ownerName: string; workforceTotal: number }[];
  choices: RegionChoices;
  leadName: string | null;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const s = props.sentra;
  return (
    <>
      <BackLink href="/registry/sentra" />
      <PageHeading title={s.name} caption={t('tabSentra')}>
        <p>
          {s.decreeNumber ? (
            <Tag tone="green">{t('withDecree')}</Tag>
          ) : (
            <Tag tone="yellow">{t('withoutDecree')}</Tag>
          )}{' '}
          {s.unitCount !== null && s.unitCount < 5 && <Tag tone="yellow">{t('fewerThanFive')}</Tag>}
        </p>
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('kabkota'), value: name(props.choices, s.kabkotaCode) },
          { key: t('kecamatan'), value: orNone(name(props.choices, s.kecamatanCode), v.t('none')) },
          { key: t('desa'), value: orNone(s.desa, v.t('none')) },
          { key: t('commodity'), value: commodityLabel(s.commodity, v.lang) },
          { key: t('productFocus'), value: orNone(s.productFocus, v.t('none')) },
          {
            key: t('decree'),
            value: s.decreeNumber ? (
              <>
                {s.decreeNumber}
                {s.decreeDate && `, ${formatDate(s.decreeDate, v.lang)}`}
                {s.decreeFileSha256 && (
                  <>
                    {' — '}
                    <a href={`/registry/sentra/${s.id}/decree`}>{t('decreeFile')}</a>
                  </>
                )}
              </>
            ) : (
              t('withoutDecree')
            ),
          },
          {
            key: t('unitCount'),
            value: orNone(s.unitCount === null ? null : formatNumber(s.unitCount, v.lang), v.t('none')),
          },
          {
            key: t('leadIkm'),
            value: s.leadIkmId ? <a href={`/registry/ikm/${s.leadIkmId}`}>{props.leadName}</a> : v.t('none'),
          },
          { key: t('notes'), value: orNone(s.notes, v.t('none')) },
        ]}
      />
      <div class="action-row">
        <LinkButton href={`/registry/sentra/${s.id}/edit`}>{t('edit')}</LinkButton>
        <LinkButton href={`/registry/ikm?sentra=${s.id}`}>{t('members')}</LinkButton>
        <AuditLink objectType="sentra" id={s.id} />
      </div>
      <h2>{t('members')}</h2>
      {props.members.length === 0 ? (
        <EmptyState>{t('noMembers')}</EmptyState>
      ) : (
        <Table
          caption={t('members')}
          captionHidden
          columns={[
            { label: t('ikmName') },
            { label: t('ownerName') },
            { label: t('workforce'), numeric: true },
          ]}
        >
          {props.members.map((m) => (
            <tr>
              <td>
                <a href={`/registry/ikm/${m.id}`}>{m.name}</a>
                {m.id === s.leadIkmId && (
                  <>
                    {' '}
                    <Tag tone="blue">{t('candLead')}</Tag>
                  </>
                )}
              </td>
              <td>{m.ownerName}</td>
              <td class="numeric">{formatNumber(m.workforceTotal, v.lang)}</td>
            </tr>
          ))}
        </Table>
      )}
      <details class="archive">
        <summary>{t('archive')}</summary>
        <p>{t('archiveConfirm')}</p>
        <Form action={`/registry/sentra/${s.id}/archive`}>
          <Button variant="warning">{t('archive')}</Button>
        </Form>
      </details>
    </>
  );
}
