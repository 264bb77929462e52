import { can } from '../../platform/authz.ts';
import { formatNumber } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
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
import type { PotentialCommodityRow, PotentialCommodityView, PotentialProfile } from './potential.service.ts';
import { commodityLabel, registryText } from './registry.messages.ts';
import { capacityText, commodityOptions, orNone, RegistryTabs, StaleComparison } from './registry.views.tsx';
import { StoryText } from './story.tsx';

export function PotentialIndexPage(props: { rows: { code: string; name: string; commodities: string[] }[] }) {
  const v = useView();
  const t = v.tr(registryText);
  return (
    <>
      <PageHeading title={t('potentialTitle')} caption={t('registry')}>
        <p class="lead">{t('potentialIndexIntro')}</p>
      </PageHeading>
      {can(v.actor, 'registry.read') && <RegistryTabs current="potential" />}
      <Table
        caption={t('potentialTitle')}
        captionHidden
        columns={[{ label: t('kabkota') }, { label: t('leadingCommodities') }]}
      >
        {props.rows.map((r) => (
          <tr>
            <td>
              <a href={`/registry/potential/${r.code}`}>{r.name}</a>
            </td>
            <td>{r.commodities.length ? r.commodities.join(', ') : v.t('none')}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function Figures(props: { c: PotentialCommodityView }) {
  const v = useView();
  const t = v.tr(registryText);
  const f = props.c.figures;
  const n = (x: number) => formatNumber(x, v.lang);
  return (
    <dl class="figures">
      <div>
        <dt>{t('figSentra')}</dt>
        <dd>{n(f.sentra)}</dd>
      </div>
      <div>
        <dt>{t('figIkm')}</dt>
        <dd>{n(f.ikm)}</dd>
      </div>
      <div>
        <dt>{t('figProducts')}</dt>
        <dd>{n(f.products)}</dd>
      </div>
      <div>
        <dt>{t('figWorkforce')}</dt>
        <dd>
          {n(f.workforceTotal)}
          <span class="muted">
            {' '}
            ({n(f.workforceMen)} ♂ · {n(f.workforceWomen)} ♀)
          </span>
        </dd>
      </div>
    </dl>
  );
}

/** One leading commodity: its resources, uniqueness, live figures and likely candidates. */
export function CommoditySection(props: {
  c: PotentialCommodityView;
  canEdit: boolean;
  headingLevel?: 2 | 3;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const c = props.c;
  const none = v.t('none');
  const sda = [
    c.sdaDescription,
    c.sdaQuantity !== null ? `${formatNumber(c.sdaQuantity, v.lang)} ${c.sdaUnit ?? ''}`.trim() : null,
  ]
    .filter(Boolean)
    .join(' — ');
  const source = [c.sdaSource, c.sdaYear].filter(Boolean).join(', ');
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="commodity-section">
      <Heading>
        {c.name} <Tag tone="purple">{commodityLabel(c.commodity, v.lang)}</Tag>
      </Heading>
      <SummaryList
        rows={[
          {
            key: t('sda'),
            value: (
              <>
                {orNone(sda, none)}
                {source && <div class="muted">{source}</div>}
              </>
            ),
          },
          {
            key: t('sdm'),
            value: (
              <>
                {c.sdmArtisans !== null && (
                  <div>
                    {t('sdmArtisans')}: {formatNumber(c.sdmArtisans, v.lang)}
                  </div>
                )}
                {orNone(c.sdmDescription, c.sdmArtisans !== null ? '' : none)}
              </>
            ),
          },
          { key: t('trainingCentres'), value: orNone(c.trainingCentres, none) },
          { key: t('uniqueness'), value: orNone(c.uniqueness, none) },
          { key: t('localWisdom'), value: orNone(c.localWisdom, none) },
        ]}
      />
      <h4>{t('registryFigures')}</h4>
      <Figures c={c} />
      {c.candidates !== null && (
        <>
          <h4>{t('candidates')}</h4>
          <p class="hint">{t('candidatesHint')}</p>
          {c.candidates.length === 0 ? (
            <EmptyState>{t('noCandidates')}</EmptyState>
          ) : (
            <ol class="candidates">
              {c.candidates.map((k) => (
                <li>
                  <a href={`/registry/ikm/${k.id}`}>{k.name}</a>{' '}
                  <span class="muted">
                    {t('workforce')}: {formatNumber(k.workforceTotal, v.lang)}
                    {k.capacityQty !== null &&
                      ` · ${capacityText(v.lang, k.capacityQty, k.capacityUnit, k.capacityPeriod as never)}`}
                  </span>{' '}
                  {k.inDecreedSentra && <Tag tone="green">{t('candInSentra')}</Tag>}{' '}
                  {k.isLead && <Tag tone="blue">{t('candLead')}</Tag>}{' '}
                  {k.legalOk ? (
                    <Tag tone="green">{t('candLegal')}</Tag>
                  ) : (
                    <Tag tone="red">{t('legality')} ✗</Tag>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {props.canEdit && (
        <p>
          <a href={`/registry/potential/commodities/${c.id}/edit`}>
            {t('edit')}: {c.name}
          </a>
        </p>
      )}
    </section>
  );
}

export function PotentialPage(props: { profile: PotentialProfile; canEdit: boolean }) {
  const v = useView();
  const t = v.tr(registryText);
  const p = props.profile;
  return (
    <>
      <BackLink href="/registry/potential" />
      <PageHeading title={p.kabkotaName} caption={t('potentialTitle')}>
        <p>
          <a href={`/regions/${p.kabkotaCode}`}>{p.kabkotaCode}</a>
        </p>
      </PageHeading>
      <h2>{t('overview')}</h2>
      {p.profile?.overview ? <StoryText text={p.profile.overview} /> : <p class="muted">{v.t('none')}</p>}
      {props.canEdit && (
        <p>
          <a href={`/registry/potential/${p.kabkotaCode}/edit`}>{t('overviewEdit')}</a>
        </p>
      )}
      <h2>{t('leadingCommodities')}</h2>
      {p.commodities.length === 0 && <EmptyState>{t('noCommodities')}</EmptyState>}
      {p.commodities.map((c) => (
        <CommoditySection c={c} canEdit={props.canEdit} headingLevel={3} />
      ))}
      {props.canEdit && (
        <p>
          <LinkButton href={`/registry/potential/${p.kabkotaCode}/commodities/new`}>
            {t('commodityAdd')}
          </LinkButton>
        </p>
      )}
    </>
  );
}

/** The profile as a section of the region page. */
export function PotentialPanel(props: { profile: PotentialProfile }) {
  const v = useView();
  const t = v.tr(registryText);
  const p = props.profile;
  return (
    <section class="potential-panel">
      <h2>{t('potentialTitle')}</h2>
      {p.profile?.overview && <StoryText text={p.profile.overview} />}
      {p.commodities.length === 0 ? (
        <EmptyState>{t('noCommodities')}</EmptyState>
      ) : (
        p.commodities.map((c) => <CommoditySection c={c} canEdit={false} headingLevel={3} />)
      )}
      <p>
        <a href={`/registry/potential/${p.kabkotaCode}`}>{t('openProfile')}</a>
      </p>
    </section>
  );
}

export function OverviewFormPage(props: {
  profile: PotentialProfile;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: { overview: string | null; version: number } | null | undefined;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const p = props.profile;
  const version = props.current !== undefined ? (props.current?.version ?? 0) : (p.profile?.version ?? 0);
  return (
    <>
      <BackLink href={`/registry/potential/${p.kabkotaCode}`} />
      <PageHeading title={t('overviewEdit')} caption={p.kabkotaName} />
      {props.current !== undefined && (
        <StaleComparison
          rows={[
            {
              key: t('overview'),
              theirs: orNone(props.current?.overview, v.t('none')),
              yours: orNone(str(props.values, 'overview'), v.t('none')),
            },
          ]}
        />
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`/registry/potential/${p.kabkotaCode}`}>
        <input type="hidden" name="version" value={String(version)} />
        <TextArea
          name="overview"
          label={t('overview')}
          hint={t('storyHint')}
          value={str(props.values, 'overview')}
          error={props.errors?.overview}
          rows={10}
        />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}

export function commodityFormValues(c: PotentialCommodityRow): Record<string, unknown> {
  return {
    name: c.name,
    commodity: c.commodity,
    keyword: c.keyword ?? '',
    position: c.position,
    sdaDescription: c.sdaDescription ?? '',
    sdaQuantity: c.sdaQuantity === null ? '' : formatNumber(c.sdaQuantity, 'id'),
    sdaUnit: c.sdaUnit ?? '',
    sdaSource: c.sdaSource ?? '',
    sdaYear: c.sdaYear ?? '',
    sdmArtisans: c.sdmArtisans ?? '',
    sdmDescription: c.sdmDescription ?? '',
    trainingCentres: c.trainingCentres ?? '',
    uniqueness: c.uniqueness ?? '',
    localWisdom: c.localWisdom ?? '',
  };
}

export function CommodityFormPage(props: {
  kabkotaCode: string;
  kabkotaName: string;
  commodity?: PotentialCommodityRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: PotentialCommodityRow | undefined;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors, commodity } = props;
  const version = props.current?.version ?? commodity?.version;
  const none = v.t('none');
  return (
    <>
      <BackLink href={`/registry/potential/${props.kabkotaCode}`} />
      <PageHeading title={commodity ? t('commodityEdit') : t('commodityAdd')} caption={props.kabkotaName} />
      {props.current && (
        <StaleComparison
          rows={[
            { key: t('commodityName'), theirs: props.current.name, yours: str(values, 'name') },
            {
              key: t('sdaDescription'),
              theirs: orNone(props.current.sdaDescription, none),
              yours: orNone(str(values, 'sdaDescription'), none),
            },
            {
              key: t('uniqueness'),
              theirs: orNone(props.current.uniqueness, none),
              yours: orNone(str(values, 'uniqueness'), none),
            },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      <Form
        action={
          commodity
            ? `/registry/potential/commodities/${commodity.id}`
            : `/registry/potential/${props.kabkotaCode}/commodities`
        }
      >
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        <TextInput name="name" label={t('commodityName')} value={str(values, 'name')} error={errors?.name} />
        <Select
          name="commodity"
          label={t('commodityCategory')}
          value={str(values, 'commodity')}
          error={errors?.commodity}
          emptyLabel={t('chooseOne')}
          options={commodityOptions(v.lang)}
        />
        <TextInput
          name="keyword"
          label={t('keyword')}
          hint={t('keywordHint')}
          value={str(values, 'keyword')}
          error={errors?.keyword}
          width="medium"
          optional
        />
        <TextInput
          name="position"
          label={t('position')}
          value={str(values, 'position')}
          error={errors?.position}
          inputmode="numeric"
          width="short"
          optional
        />
        <fieldset class="field-group">
          <legend>{t('sda')}</legend>
          <TextArea
            name="sdaDescription"
            label={t('sdaDescription')}
            value={str(values, 'sdaDescription')}
            error={errors?.sdaDescription}
            rows={3}
            optional
          />
          <TextInput
            name="sdaQuantity"
            label={t('sdaQuantity')}
            value={str(values, 'sdaQuantity')}
            error={errors?.sdaQuantity}
            inputmode="decimal"
            width="medium"
            optional
          />
          <TextInput
            name="sdaUnit"
            label={t('sdaUnit')}
            value={str(values, 'sdaUnit')}
            error={errors?.sdaUnit}
            width="medium"
            optional
          />
          <TextInput
            name="sdaSource"
            label={t('sdaSource')}
            value={str(values, 'sdaSource')}
            error={errors?.sdaSource}
            optional
          />
          <TextInput
            name="sdaYear"
            label={t('sdaYear')}
            value={str(values, 'sdaYear')}
            error={errors?.sdaYear}
            inputmode="numeric"
            width="short"
            optional
          />
        </fieldset>
        <fieldset class="field-group">
          <legend>{t('sdm')}</legend>
          <TextInput
            name="sdmArtisans"
            label={t('sdmArtisans')}
            value={str(values, 'sdmArtisans')}
            error={errors?.sdmArtisans}
            inputmode="numeric"
            width="short"
            optional
          />
          <TextArea
            name="sdmDescription"
            label={t('sdmDescription')}
            value={str(values, 'sdmDescription')}
            error={errors?.sdmDescription}
            rows={3}
            optional
          />
          <TextArea
            name="trainingCentres"
            label={t('trainingCentres')}
            value={str(values, 'trainingCentres')}
            error={errors?.trainingCentres}
            rows={2}
            optional
          />
        </fieldset>
        <TextArea
          name="uniqueness"
          label={t('uniqueness')}
          value={str(values, 'uniqueness')}
          error={errors?.uniqueness}
          rows={3}
          optional
        />
        <TextArea
          name="localWisdom"
          label={t('localWisdom')}
          value={str(values, 'localWisdom')}
          error={errors?.localWisdom}
          rows={3}
          optional
        />
        <Button>{commodity ? v.t('save') : t('commodityAdd')}</Button>
      </Form>
      {commodity && (
        <details class="archive">
          <summary>{t('archive')}</summary>
          <p>{t('archiveConfirm')}</p>
          <Form action={`/registry/potential/commodities/${commodity.id}/archive`}>
            <Button variant="warning">{t('archive')}</Button>
          </Form>
        </details>
      )}
    </>
  );
}

export function SettingsPage(props: {
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: {
    smallMaxWorkers: number;
    smallInvestmentBelow: number;
    mediumMaxInvestment: number;
    version: number;
  };
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors } = props;
  const n = (x: number) => formatNumber(x, v.lang);
  return (
    <>
      <PageHeading title={t('settingsTitle')} caption={t('registry')} />
      <RegistryTabs current="settings" />
      <h2>{t('thresholdsTitle')}</h2>
      <p>{t('thresholdsIntro')}</p>
      {props.current && (
        <StaleComparison
          rows={[
            {
              key: t('smallMaxWorkers'),
              theirs: n(props.current.smallMaxWorkers),
              yours: str(values, 'smallMaxWorkers'),
            },
            {
              key: t('smallInvestmentBelow'),
              theirs: n(props.current.smallInvestmentBelow),
              yours: str(values, 'smallInvestmentBelow'),
            },
            {
              key: t('mediumMaxInvestment'),
              theirs: n(props.current.mediumMaxInvestment),
              yours: str(values, 'mediumMaxInvestment'),
            },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      <Form action="/registry/settings">
        <input type="hidden" name="version" value={str(values, 'version')} />
        <TextInput
          name="smallMaxWorkers"
          label={t('smallMaxWorkers')}
          value={str(values, 'smallMaxWorkers')}
          error={errors?.smallMaxWorkers}
          inputmode="numeric"
          width="short"
        />
        <TextInput
          name="smallInvestmentBelow"
          label={t('smallInvestmentBelow')}
          value={str(values, 'smallInvestmentBelow')}
          error={errors?.smallInvestmentBelow}
          inputmode="numeric"
          width="medium"
        />
        <TextInput
          name="mediumMaxInvestment"
          label={t('mediumMaxInvestment')}
          value={str(values, 'mediumMaxInvestment')}
          error={errors?.mediumMaxInvestment}
          inputmode="numeric"
          width="medium"
        />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}
