import type { Child } from 'hono/jsx';
import { can } from '../../platform/authz.ts';
import { formatDate, formatNumber, formatRupiah, localDate } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  type Commodity,
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  LEGAL_DOCUMENT_KINDS,
  LEGALITY_STATES,
  SIZE_CLASSES,
} from '../../platform/registry-domain.ts';
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
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { type DocumentRow, documentState } from './documents.service.ts';
import { formatBpomMd, formatPhone, formatPirt } from './identifiers.ts';
import type { IkmListRow, IkmProfile, IkmRow } from './ikm.service.ts';
import type { IkmFilter } from './registry.forms.ts';
import {
  commodityLabel,
  documentLabel,
  legalityLabel,
  periodLabel,
  registryText,
  sizeLabel,
} from './registry.messages.ts';
import { legalityOf } from './registry.service.ts';
import {
  AuditLink,
  capacityText,
  kabkotaOptions,
  kecamatanOptions,
  LegalityTag,
  orNone,
  RegistryTabs,
  SizeText,
  StaleComparison,
  RegistryResults,
  SearchAndPlaceFilters,
} from './registry.views.tsx';
import { dateField, type RegionChoices } from './sentra.views.tsx';

const regionLabel = (choices: RegionChoices, code: string | null | undefined) =>
  code ? (choices.names.get(code)?.name ?? code) : '';

function IkmRows(props: { rows: IkmListRow[]; choices: RegionChoices }) {
  const v = useView();
  const today = localDate();
  const manager = can(v.actor, 'registry.manage');
  return (
    <>
      {props.rows.map((r) => (
        <tr>
          <td>
            <a href={`/registry/ikm/${r.id}`}>{r.name}</a>
            <div class="muted">{r.ownerName}</div>
          </td>
          <td>{r.nib ? <code>{r.nib}</code> : v.t('none')}</td>
          <td>
            {regionLabel(props.choices, r.kabkotaCode)}
            {r.kecamatanCode && <div class="muted">{regionLabel(props.choices, r.kecamatanCode)}</div>}
          </td>
          <td>
            {r.sentraId ? (
              manager ? (
                <a href={`/registry/sentra/${r.sentraId}`}>{r.sentraName}</a>
              ) : (
                r.sentraName
              )
            ) : (
              v.t('none')
            )}
          </td>
          <td class="numeric">{formatNumber(r.workforceTotal, v.lang)}</td>
          <td>
            <SizeText size={r.sizeClass} />
          </td>
          <td>
            <LegalityTag state={legalityOf(r, today)} />
          </td>
        </tr>
      ))}
    </>
  );
}

export function IkmListPage(props: {
  page: Page<IkmListRow> & { similar: IkmListRow[] };
  filter: IkmFilter;
  choices: RegionChoices;
  sentra: { id: string; name: string }[];
  provinceWide: boolean;
  canCreate: boolean;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const f = props.filter;
  const columns = [
    { label: t('ikmName'), sort: 'name' },
    { label: t('nib') },
    { label: t('kabkota') },
    { label: t('sentra') },
    { label: t('workforce'), sort: 'workforce', numeric: true },
    { label: t('sizeClass') },
    { label: t('legality') },
  ];
  return (
    <>
      <PageHeading title={t('ikmList')} caption={t('registry')}>
        {props.canCreate && (
          <LinkButton href="/registry/ikm/new" variant="primary">
            {t('ikmNew')}
          </LinkButton>
        )}
      </PageHeading>
      <RegistryTabs current="ikm" />
      <Form action="/registry/ikm" method="get" class="filters">
        <SearchAndPlaceFilters
          filter={f}
          searchHint={t('ikmSearchHint')}
          choices={props.choices}
          provinceWide={props.provinceWide}
          kecamatan
        />
        {props.sentra.length > 0 ? (
          <Select
            name="sentra"
            label={t('sentra')}
            value={f.sentra}
            emptyLabel={v.t('all')}
            options={props.sentra.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : (
          f.sentra && <input type="hidden" name="sentra" value={f.sentra} />
        )}
        <Select
          name="legal"
          label={t('legality')}
          value={f.legal}
          emptyLabel={v.t('all')}
          options={LEGALITY_STATES.map((s) => ({ value: s, label: legalityLabel(s, v.lang) }))}
        />
        <Select
          name="size"
          label={t('sizeFilter')}
          value={f.size}
          emptyLabel={v.t('all')}
          options={SIZE_CLASSES.map((s) => ({ value: s, label: sizeLabel(s, v.lang) }))}
        />
        <Select
          name="sort"
          label={t('sortLabel')}
          value={f.sort}
          options={[
            { value: 'name', label: t('sortName') },
            { value: 'recent', label: t('sortRecent') },
            { value: 'workforce', label: t('sortWorkforce') },
          ]}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      <RegistryResults
        caption={t('ikmList')}
        base="/registry/ikm"
        page={props.page}
        columns={columns}
        sort={f.sort}
        dir={f.dir ?? (f.sort === 'name' ? 'asc' : 'desc')}
        q={f.q}
        rows={(rows) => <IkmRows rows={rows} choices={props.choices} />}
      />
    </>
  );
}

/** An IKM row as the values of its edit form. */
export function ikmFormValues(r: IkmRow, ownerEmail: string | null): Record<string, unknown> {
  return {
    name: r.name,
    ownerName: r.ownerName,
    nib: r.nib ?? '',
    kbli: r.kbli ?? '',
    phone: r.phone ? formatPhone(r.phone) : '',
    email: r.email ?? '',
    address: r.address ?? '',
    kabkotaCode: r.kabkotaCode,
    kecamatanCode: r.kecamatanCode ?? '',
    desa: r.desa ?? '',
    sentraId: r.sentraId ?? '',
    workforceMen: r.workforceMen ?? '',
    workforceWomen: r.workforceWomen ?? '',
    investment: r.investment === null ? '' : formatNumber(r.investment, 'id'),
    capacityQty: r.capacityQty === null ? '' : formatNumber(r.capacityQty, 'id'),
    capacityUnit: r.capacityUnit ?? '',
    capacityPeriod: r.capacityPeriod ?? '',
    contactPublic: r.contactPublic ? 'on' : '',
    ownerEmail: ownerEmail ?? '',
    notes: r.notes ?? '',
  };
}

export interface DuplicateNib {
  id: string;
  name: string;
  inScope: boolean;
}

export function IkmFormPage(props: {
  ikm?: IkmRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: IkmRow | undefined;
  duplicate?: DuplicateNib | undefined;
  choices: RegionChoices;
  sentra: { id: string; name: string; kabkotaCode: string }[];
  ownerEditing: boolean;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors, ikm } = props;
  const version = props.current?.version ?? ikm?.version;
  const kabName = (code: string) => props.choices.names.get(code)?.name ?? code;
  const current = props.current;
  return (
    <>
      <BackLink href={ikm ? `/registry/ikm/${ikm.id}` : '/registry/ikm'} />
      <PageHeading title={ikm ? ikm.name : t('ikmNew')} caption={ikm ? t('ikmEdit') : t('registry')} />
      {current && (
        <StaleComparison
          rows={[
            { key: t('ikmName'), theirs: current.name, yours: str(values, 'name') },
            { key: t('ownerName'), theirs: current.ownerName, yours: str(values, 'ownerName') },
            {
              key: t('nib'),
              theirs: orNone(current.nib, v.t('none')),
              yours: orNone(str(values, 'nib'), v.t('none')),
            },
            {
              key: t('phone'),
              theirs: orNone(formatPhone(current.phone), v.t('none')),
              yours: orNone(str(values, 'phone'), v.t('none')),
            },
            {
              key: t('address'),
              theirs: orNone(current.address, v.t('none')),
              yours: orNone(str(values, 'address'), v.t('none')),
            },
            {
              key: t('workforce'),
              theirs: `${current.workforceMen ?? 0} + ${current.workforceWomen ?? 0}`,
              yours: `${str(values, 'workforceMen') || 0} + ${str(values, 'workforceWomen') || 0}`,
            },
            {
              key: t('investment'),
              theirs: orNone(
                current.investment === null ? null : formatRupiah(current.investment, v.lang),
                v.t('none'),
              ),
              yours: orNone(str(values, 'investment'), v.t('none')),
            },
            {
              key: t('notes'),
              theirs: orNone(current.notes, v.t('none')),
              yours: orNone(str(values, 'notes'), v.t('none')),
            },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      {props.duplicate && (
        <p class="duplicate-link">
          {props.duplicate.inScope ? (
            <a href={`/registry/ikm/${props.duplicate.id}`}>
              {t('nibTakenLink')}: {props.duplicate.name}
            </a>
          ) : (
            t('nibTakenElsewhere')
          )}
        </p>
      )}
      <Form action={ikm ? `/registry/ikm/${ikm.id}` : '/registry/ikm'}>
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        <TextInput name="name" label={t('ikmName')} value={str(values, 'name')} error={errors?.name} />
        <TextInput
          name="ownerName"
          label={t('ownerName')}
          value={str(values, 'ownerName')}
          error={errors?.ownerName}
        />
        <TextInput
          name="nib"
          label={t('nib')}
          hint={t('nibHint')}
          value={str(values, 'nib')}
          error={errors?.nib}
          inputmode="numeric"
          width="medium"
          optional
        />
        <TextInput
          name="kbli"
          label={t('kbli')}
          hint={t('kbliHint')}
          value={str(values, 'kbli')}
          error={errors?.kbli}
          inputmode="numeric"
          width="short"
          optional
        />
        <TextInput
          name="phone"
          type="tel"
          label={t('phone')}
          hint={t('phoneHint')}
          value={str(values, 'phone')}
          error={errors?.phone}
          width="medium"
          optional
        />
        <TextInput
          name="email"
          type="email"
          label={t('email')}
          value={str(values, 'email')}
          error={errors?.email}
          spellcheck={false}
          optional
        />
        <Checkbox
          name="contactPublic"
          label={t('contactPublic')}
          checked={str(values, 'contactPublic') !== ''}
        />
        <TextArea
          name="address"
          label={t('address')}
          value={str(values, 'address')}
          error={errors?.address}
          rows={2}
          optional
        />
        {props.ownerEditing ? (
          <>
            <input type="hidden" name="kabkotaCode" value={str(values, 'kabkotaCode')} />
            <SummaryList
              rows={[
                { key: t('kabkota'), value: kabName(str(values, 'kabkotaCode')) },
                {
                  key: t('kecamatan'),
                  value: orNone(
                    str(values, 'kecamatanCode') && kabName(str(values, 'kecamatanCode')),
                    v.t('none'),
                  ),
                },
              ]}
            />
            <p class="hint">{t('ownerOnlyHint')}</p>
          </>
        ) : (
          <>
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
          </>
        )}
        <TextInput
          name="desa"
          label={t('desa')}
          hint={t('desaHint')}
          value={str(values, 'desa')}
          error={errors?.desa}
          width="medium"
          optional
        />
        {!props.ownerEditing && (
          <Select
            name="sentraId"
            label={t('sentra')}
            value={str(values, 'sentraId')}
            error={errors?.sentraId}
            emptyLabel={t('noSentra')}
            options={props.sentra.map((s) => ({
              value: s.id,
              label: `${s.name} — ${kabName(s.kabkotaCode)}`,
            }))}
            optional
          />
        )}
        <fieldset class="field-group">
          <legend>{t('workforce')}</legend>
          <TextInput
            name="workforceMen"
            label={t('workforceMen')}
            value={str(values, 'workforceMen')}
            error={errors?.workforceMen}
            inputmode="numeric"
            width="short"
            optional
          />
          <TextInput
            name="workforceWomen"
            label={t('workforceWomen')}
            value={str(values, 'workforceWomen')}
            error={errors?.workforceWomen}
            inputmode="numeric"
            width="short"
            optional
          />
        </fieldset>
        <TextInput
          name="investment"
          label={t('investment')}
          hint={t('investmentHint')}
          value={str(values, 'investment')}
          error={errors?.investment}
          inputmode="numeric"
          width="medium"
          optional
        />
        <CapacityFields values={values} errors={errors} />
        {!props.ownerEditing && (
          <TextInput
            name="ownerEmail"
            type="email"
            label={t('ownerAccount')}
            hint={t('ownerAccountHint')}
            value={str(values, 'ownerEmail')}
            error={errors?.ownerEmail}
            spellcheck={false}
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
        <Button>{ikm ? v.t('save') : t('ikmNew')}</Button>
      </Form>
    </>
  );
}

/** Quantity, unit and period of a production capacity (IKM and product forms). */
export function CapacityFields(props: { values: Record<string, unknown>; errors?: FieldErrors | undefined }) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors } = props;
  return (
    <fieldset class="field-group inline-fields">
      <legend>
        {t('capacity')} <span class="muted">{v.t('optional')}</span>
      </legend>
      <TextInput
        name="capacityQty"
        label={t('capacityQty')}
        value={str(values, 'capacityQty')}
        error={errors?.capacityQty}
        inputmode="decimal"
        width="short"
      />
      <Select
        name="capacityUnit"
        label={t('capacityUnit')}
        value={str(values, 'capacityUnit')}
        error={errors?.capacityUnit}
        emptyLabel={t('chooseOne')}
        options={CAPACITY_UNITS.map((u) => ({ value: u, label: u }))}
      />
      <Select
        name="capacityPeriod"
        label={t('capacityPeriod')}
        value={str(values, 'capacityPeriod')}
        error={errors?.capacityPeriod}
        emptyLabel={t('chooseOne')}
        options={CAPACITY_PERIODS.map((p) => ({ value: p, label: periodLabel(p, v.lang) }))}
      />
    </fieldset>
  );
}

const DOC_TONES = {
  valid: 'green',
  no_expiry: 'green',
  expiring: 'yellow',
  expired: 'red',
  superseded: 'grey',
} as const;

/** A document number in the shape people know it by. */
export function documentNumber(doc: Pick<DocumentRow, 'kind' | 'number'>): string {
  if (doc.kind === 'pirt') return formatPirt(doc.number);
  if (doc.kind === 'bpom_md') return formatBpomMd(doc.number);
  return doc.number;
}

export function DocumentStateTag(props: { doc: DocumentRow; all: DocumentRow[] }) {
  const v = useView();
  const t = v.tr(registryText);
  const { state, days } = documentState(props.doc, props.all);
  const label =
    state === 'valid'
      ? t('docValid')
      : state === 'no_expiry'
        ? t('docNoExpiry')
        : state === 'expiring'
          ? t('docExpiring', { days: days ?? 0 })
          : state === 'expired'
            ? t('docExpired')
            : t('docSuperseded');
  return <Tag tone={DOC_TONES[state]}>{label}</Tag>;
}

export function IkmProfilePage(props: {
  profile: IkmProfile;
  /** Sections later features add (registry.panels.ts). */
  panels?: Child[];
  choices: RegionChoices;
  canEdit: boolean;
  canManage: boolean;
  personal: boolean;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { ikm: r, documents, products, sentra } = props.profile;
  const none = v.t('none');
  const hidden = t('hidden');
  const personal = (value: string | null) => (props.personal ? orNone(value, none) : hidden);
  return (
    <>
      <BackLink href="/registry/ikm" />
      <PageHeading title={r.name} caption={t('profile')}>
        <p>
          <LegalityTag state={legalityOf(r)} />{' '}
          <Tag tone="blue">{r.sizeClass ? sizeLabel(r.sizeClass, v.lang) : t('sizeUnknown')}</Tag>{' '}
          {r.commodities.map((c) => (
            <>
              <Tag tone="purple">{commodityLabel(c as Commodity, v.lang)}</Tag>{' '}
            </>
          ))}
        </p>
      </PageHeading>
      {props.profile.similar.length > 0 && props.canManage && (
        <Panel title={t('similarWarningTitle')} tone="warning">
          <p>{t('similarWarningBody')}</p>
          <ul>
            {props.profile.similar.map((s) => (
              <li>
                <a href={`/registry/ikm/${s.id}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <h2>{t('facts')}</h2>
      <SummaryList
        rows={[
          { key: t('ownerName'), value: personal(r.ownerName) },
          { key: t('nib'), value: r.nib ? <code>{r.nib}</code> : none },
          { key: t('kbli'), value: orNone(r.kbli, none) },
          { key: t('phone'), value: personal(r.phone ? formatPhone(r.phone) : null) },
          { key: t('email'), value: personal(r.email) },
          { key: t('contactPublicShort'), value: r.contactPublic ? t('yes') : t('no') },
          { key: t('address'), value: personal(r.address) },
          {
            key: t('kabkota'),
            value: [
              regionLabel(props.choices, r.kabkotaCode),
              regionLabel(props.choices, r.kecamatanCode),
              r.desa,
            ]
              .filter(Boolean)
              .join(', '),
          },
          {
            key: t('sentra'),
            value: sentra ? (
              <>
                {props.canManage ? <a href={`/registry/sentra/${sentra.id}`}>{sentra.name}</a> : sentra.name}
                {sentra.leadIkmId === r.id && (
                  <>
                    {' '}
                    <Tag tone="blue">{t('candLead')}</Tag>
                  </>
                )}
                {sentra.decreeNumber ? (
                  <span class="muted"> ({sentra.decreeNumber})</span>
                ) : (
                  <>
                    {' '}
                    <Tag tone="yellow">{t('withoutDecree')}</Tag>
                  </>
                )}
              </>
            ) : (
              t('noSentra')
            ),
          },
          {
            key: t('workforce'),
            // Neither count recorded: unknown, which is not the same as no workers.
            value:
              r.workforceMen === null && r.workforceWomen === null
                ? none
                : t('workforceValue', {
                    total: formatNumber(r.workforceTotal, v.lang),
                    men: formatNumber(r.workforceMen ?? 0, v.lang),
                    women: formatNumber(r.workforceWomen ?? 0, v.lang),
                  }),
          },
          { key: t('investment'), value: r.investment === null ? none : formatRupiah(r.investment, v.lang) },
          { key: t('sizeClass'), value: <SizeText size={r.sizeClass} /> },
          {
            key: t('capacity'),
            value: orNone(capacityText(v.lang, r.capacityQty, r.capacityUnit, r.capacityPeriod), none),
          },
          ...(props.canManage
            ? [{ key: t('ownerAccount'), value: orNone(props.profile.ownerEmail, none) }]
            : []),
          { key: t('notes'), value: orNone(r.notes, none) },
        ]}
      />
      {props.canEdit && (
        <div class="action-row">
          <LinkButton href={`/registry/ikm/${r.id}/edit`}>{t('edit')}</LinkButton>
          <AuditLink objectType="ikm" id={r.id} />
        </div>
      )}

      <h2 id="documents">{t('documents')}</h2>
      {documents.length === 0 ? (
        <EmptyState>{t('noDocuments')}</EmptyState>
      ) : (
        <Table
          caption={t('documents')}
          captionHidden
          columns={[
            { label: t('documentKind') },
            { label: t('documentNumber') },
            { label: t('issueDate') },
            { label: t('expiryDate') },
            { label: t('scan') },
            { label: t('actions') },
          ]}
        >
          {documents.map((d) => (
            <tr>
              <td>{documentLabel(d.kind, v.lang)}</td>
              <td>
                <code>{documentNumber(d)}</code>
                {d.issuer && <div class="muted">{d.issuer}</div>}
              </td>
              <td>{d.issueDate ? formatDate(d.issueDate, v.lang) : none}</td>
              <td>
                {d.expiryDate ? formatDate(d.expiryDate, v.lang) : t('docNoExpiry')}{' '}
                <DocumentStateTag doc={d} all={documents} />
              </td>
              <td>
                {d.fileSha256 ? (
                  <a href={`/registry/documents/${d.id}/file`}>{t('download')}</a>
                ) : (
                  t('noScan')
                )}
              </td>
              <td>{props.canEdit && <a href={`/registry/documents/${d.id}/edit`}>{t('edit')}</a>}</td>
            </tr>
          ))}
        </Table>
      )}
      {props.canEdit && (
        <p>
          <LinkButton href={`/registry/ikm/${r.id}/documents/new`}>{t('documentNew')}</LinkButton>
        </p>
      )}

      <h2 id="products">{t('productsOfIkm')}</h2>
      {products.length === 0 ? (
        <EmptyState>{t('noProducts')}</EmptyState>
      ) : (
        <ul class="product-cards">
          {products.map((p) => (
            <li>
              {p.coverPhotoId ? (
                <img
                  src={`/registry/photos/${p.coverPhotoId}/thumb`}
                  alt={t('photoAlt', { name: p.name })}
                  width="160"
                  height="120"
                  loading="lazy"
                />
              ) : (
                <span class="no-photo" aria-hidden="true" />
              )}
              <a href={`/registry/products/${p.id}`}>{p.name}</a>
              <span class="muted">{commodityLabel(p.commodity, v.lang)}</span>
              {p.priceMin !== null && (
                <span>
                  {formatRupiah(p.priceMin, v.lang)}
                  {p.priceMax !== null &&
                    p.priceMax !== p.priceMin &&
                    ` – ${formatRupiah(p.priceMax, v.lang)}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && (
        <p>
          <LinkButton href={`/registry/products/new?ikm=${r.id}`}>{t('productNew')}</LinkButton>
        </p>
      )}
      {props.panels}
      {(props.panels?.length ?? 0) === 0 && <p class="hint">{t('later')}</p>}
      {props.canManage && (
        <details class="archive">
          <summary>{t('archive')}</summary>
          <p>{t('archiveConfirm')}</p>
          <Form action={`/registry/ikm/${r.id}/archive`}>
            <Button variant="warning">{t('archive')}</Button>
          </Form>
        </details>
      )}
    </>
  );
}

/** A document row as the values of its edit form. */
export function documentFormValues(d: DocumentRow): Record<string, unknown> {
  return {
    kind: d.kind,
    number: documentNumber(d),
    issuer: d.issuer ?? '',
    issueDate: dateField(d.issueDate),
    expiryDate: dateField(d.expiryDate),
    notes: d.notes ?? '',
  };
}

export function DocumentFormPage(props: {
  ikm: IkmRow;
  doc?: DocumentRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: DocumentRow | undefined;
  maxMb: number;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors, doc } = props;
  const version = props.current?.version ?? doc?.version;
  const none = v.t('none');
  return (
    <>
      <BackLink href={`/registry/ikm/${props.ikm.id}#documents`} />
      <PageHeading title={doc ? t('documentEdit') : t('documentNew')} caption={props.ikm.name} />
      {props.current && (
        <StaleComparison
          rows={[
            { key: t('documentNumber'), theirs: documentNumber(props.current), yours: str(values, 'number') },
            {
              key: t('issueDate'),
              theirs: orNone(props.current.issueDate && formatDate(props.current.issueDate, v.lang), none),
              yours: orNone(str(values, 'issueDate'), none),
            },
            {
              key: t('expiryDate'),
              theirs: orNone(props.current.expiryDate && formatDate(props.current.expiryDate, v.lang), none),
              yours: orNone(str(values, 'expiryDate'), none),
            },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      <Form
        action={doc ? `/registry/documents/${doc.id}` : `/registry/ikm/${props.ikm.id}/documents`}
        multipart
      >
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        <Select
          name="kind"
          label={t('documentKind')}
          value={str(values, 'kind')}
          error={errors?.kind}
          emptyLabel={t('chooseOne')}
          options={LEGAL_DOCUMENT_KINDS.map((k) => ({ value: k, label: documentLabel(k, v.lang) }))}
        />
        <TextInput
          name="number"
          label={t('documentNumber')}
          hint={t('documentNumberHint')}
          value={str(values, 'number')}
          error={errors?.number}
          width="medium"
        />
        <TextInput
          name="issuer"
          label={t('issuer')}
          value={str(values, 'issuer')}
          error={errors?.issuer}
          optional
        />
        <TextInput
          name="issueDate"
          label={t('issueDate')}
          hint={t('dateHint')}
          value={dateField(str(values, 'issueDate'))}
          error={errors?.issueDate}
          width="short"
          optional
        />
        <TextInput
          name="expiryDate"
          label={t('expiryDate')}
          hint={`${t('dateHint')}. ${t('expiryHint')}`}
          value={dateField(str(values, 'expiryDate'))}
          error={errors?.expiryDate}
          width="short"
          optional
        />
        <FileInput
          name="scan"
          label={t('scan')}
          hint={t('fileHint', { max: props.maxMb })}
          error={errors?.scan}
          accept="application/pdf,image/jpeg,image/png,image/webp"
          optional
        />
        <TextArea
          name="notes"
          label={t('notes')}
          value={str(values, 'notes')}
          error={errors?.notes}
          rows={2}
          optional
        />
        <Button>{doc ? v.t('save') : t('documentNew')}</Button>
      </Form>
      {doc && (
        <details class="archive">
          <summary>{t('archive')}</summary>
          <p>{t('archiveConfirm')}</p>
          <Form action={`/registry/documents/${doc.id}/archive`}>
            <Button variant="warning">{t('archive')}</Button>
          </Form>
        </details>
      )}
    </>
  );
}
