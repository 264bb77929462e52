import { COMMODITIES, type Commodity } from '../../platform/domain.ts';
import { str } from '../../platform/forms.ts';
import { listOf } from '../../platform/form-rows.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  fieldId,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Radios,
  SummaryList,
  Table,
  Tag,
  TextInput,
} from '../../platform/ui/components.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { INSTITUTION_TYPES, type InstitutionType } from './assessment.domain.ts';
import type { AssessorFilter } from './assessors.forms.ts';
import { assessorsText } from './assessors.messages.ts';
import type { Assessor } from './assessors.service.ts';
import { conflictsText } from './conflicts.messages.ts';
import type { ConflictView } from './conflicts.service.ts';
import { ConflictTable } from './conflicts.views.tsx';
import { sheetsText } from './sheets.messages.ts';

type Values = Record<string, unknown>;

function useText() {
  const v = useView();
  return { v, t: v.tr(assessorsText) };
}

const typeKey = (x: InstitutionType) => `type_${x}` as const;

function ExpertiseTags(props: { expertise: Commodity[] }) {
  const { v } = useText();
  if (props.expertise.length === 0) return <>{v.t('none')}</>;
  return <>{props.expertise.map((c) => commodityLabel(c, v.lang)).join(', ')}</>;
}

export function AssessorList(props: {
  page: Page<Assessor & { conflicts: number }>;
  filter: AssessorFilter;
  suggestions: number;
}) {
  const { v, t } = useText();
  const ct = v.tr(conflictsText);
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('lead')}</p>
        <p class="action-row">
          <a href="/admin/conflicts">{ct('title')}</a> ·{' '}
          <a href="/admin/conflicts/suggestions">{ct('suggestionsCount', { n: props.suggestions })}</a>
        </p>
      </PageHeading>
      <Form action="/admin/assessors" method="get" class="filters">
        <TextInput name="q" type="search" label={t('searchLabel')} value={props.filter.q} width="medium" />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <Table
          caption={t('listCaption')}
          captionHidden
          columns={[
            { label: t('name') },
            { label: t('institution') },
            { label: t('expertise') },
            { label: t('loadCap'), numeric: true },
            { label: t('conflicts'), numeric: true },
            { label: t('profile') },
          ]}
        >
          {props.page.rows.map((a) => (
            <tr>
              <td>
                <a href={`/admin/assessors/${a.userId}`}>{a.name}</a>
              </td>
              <td>
                {a.institution ?? v.t('none')}
                {a.institutionType && <span class="muted"> ({t(typeKey(a.institutionType))})</span>}
              </td>
              <td>
                <ExpertiseTags expertise={a.expertise} />
              </td>
              <td class="numeric">{a.loadCap}</td>
              <td class="numeric">{a.conflicts}</td>
              <td>
                {a.disabled ? (
                  <Tag tone="grey">{t('disabled')}</Tag>
                ) : a.hasProfile ? null : (
                  <Tag tone="yellow">{t('incomplete')}</Tag>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

/** Expertise as checkboxes in a fieldset (its id carries the messages' anchor). */
function ExpertiseField(props: { values: Values; errors: FieldErrors | undefined }) {
  const { v, t } = useText();
  const chosen = new Set(listOf(props.values.expertise));
  const error = props.errors?.expertise;
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={fieldId('expertise')}>
      <legend>{t('expertise')}</legend>
      <div class="hint">{t('expertiseHint')}</div>
      {error && <p class="error-message">{error}</p>}
      <div class="checkbox-row">
        {COMMODITIES.map((c) => (
          <div class="checkbox">
            <input
              id={fieldId(`expertise-${c}`)}
              type="checkbox"
              name="expertise"
              value={c}
              checked={chosen.has(c)}
            />
            <label for={fieldId(`expertise-${c}`)}>{commodityLabel(c, v.lang)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function ContactFields(props: { values: Values; errors: FieldErrors | undefined }) {
  const { t } = useText();
  return (
    <fieldset class="form-section">
      <legend>{t('contacts')}</legend>
      <p class="hint">{t('contactsHint')}</p>
      <TextInput
        name="phone"
        type="tel"
        label={t('phone')}
        value={str(props.values, 'phone')}
        error={props.errors?.phone}
        width="medium"
        optional
      />
      <TextInput
        name="email"
        type="email"
        label={t('email')}
        value={str(props.values, 'email')}
        error={props.errors?.email}
        spellcheck={false}
        optional
      />
    </fieldset>
  );
}

/** The form's values for a stored assessor. */
export function assessorValues(a: Assessor, caps: Map<string, number>): Values {
  const out: Values = {
    institution: a.institution ?? '',
    institutionType: a.institutionType ?? '',
    expertise: a.expertise,
    loadCap: String(a.loadCap),
    phone: a.phone ?? '',
    email: a.email ?? '',
    version: String(a.version),
  };
  for (const [cycleId, cap] of caps) out[`caps.${cycleId}`] = String(cap);
  return out;
}

function StaleAssessor(props: { current: Assessor }) {
  const { v, t } = useText();
  const c = props.current;
  return (
    <Panel title={v.t('staleTitle')} tone="warning">
      <p>{v.t('staleBody')}</p>
      <h3>{v.t('theirVersion')}</h3>
      <SummaryList
        rows={[
          { key: t('institution'), value: c.institution ?? v.t('none') },
          { key: t('expertise'), value: <ExpertiseTags expertise={c.expertise} /> },
          { key: t('loadCap'), value: String(c.loadCap) },
          { key: t('phone'), value: c.phone ?? v.t('none') },
          { key: t('email'), value: c.email ?? v.t('none') },
        ]}
      />
    </Panel>
  );
}

export function AssessorEditPage(props: {
  assessor: Assessor;
  cycles: { id: string; name: string }[];
  values: Values;
  errors?: FieldErrors | undefined;
  current?: Assessor | undefined;
  conflicts: ConflictView[];
}) {
  const { v, t } = useText();
  const a = props.assessor;
  const { values, errors } = props;
  return (
    <>
      <BackLink href="/admin/assessors" />
      <PageHeading title={a.name} caption={t('edit')}>
        <p>
          {t('accountEmail')}: {a.accountEmail} · <a href={`/admin/users/${a.userId}`}>{t('account')}</a> ·{' '}
          <a href={`/admin/audit?objectType=user&objectId=${a.userId}`}>{v.t('navAudit')}</a>
        </p>
      </PageHeading>
      {props.current && <StaleAssessor current={props.current} />}
      <ErrorSummary errors={errors} />
      <Form action={`/admin/assessors/${a.userId}`}>
        <input type="hidden" name="version" value={str(values, 'version')} />
        <TextInput
          name="institution"
          label={t('institution')}
          value={str(values, 'institution')}
          error={errors?.institution}
        />
        <Radios
          name="institutionType"
          label={t('institutionType')}
          value={str(values, 'institutionType')}
          error={errors?.institutionType}
          options={INSTITUTION_TYPES.map((x) => ({ value: x, label: t(typeKey(x)) }))}
        />
        <ExpertiseField values={values} errors={errors} />
        <TextInput
          name="loadCap"
          label={t('loadCap')}
          hint={t('loadCapHint')}
          value={str(values, 'loadCap')}
          error={errors?.loadCap}
          width="short"
          inputmode="numeric"
        />
        {props.cycles.length > 0 && (
          <fieldset class="form-section">
            <legend>{t('cycleCaps')}</legend>
            <p class="hint">{t('cycleCapsHint')}</p>
            {props.cycles.map((c) => (
              <TextInput
                name={`caps.${c.id}`}
                label={t('cycleCapFor', { cycle: c.name })}
                value={str(values, `caps.${c.id}`)}
                error={errors?.[`caps.${c.id}`]}
                width="short"
                inputmode="numeric"
                optional
              />
            ))}
          </fieldset>
        )}
        <ContactFields values={values} errors={errors} />
        <Button>{v.t('save')}</Button>
      </Form>
      <h2>{v.tr(conflictsText)('title')}</h2>
      <ConflictTable rows={props.conflicts} admin showAssessor={false} />
    </>
  );
}

export function AssessmentHome(props: {
  assessor: Assessor;
  conflicts: ConflictView[];
  activeConflicts: number;
  /** How many nominations are assigned to the assessor. */
  assignments?: number;
}) {
  const { v, t } = useText();
  const ct = v.tr(conflictsText);
  const a = props.assessor;
  return (
    <>
      <PageHeading title={t('areaTitle')}>
        <p class="lead">{t('areaLead')}</p>
      </PageHeading>
      <section>
        <h2>{t('assignments')}</h2>
        {props.assignments === 0 && <EmptyState>{t('noAssignments')}</EmptyState>}
        <p class="action-row">
          <LinkButton href="/assessment/assignments" variant="primary">
            {v.tr(sheetsText)('myAssignments')}
          </LinkButton>
        </p>
      </section>
      <section>
        <h2>{ct('title')}</h2>
        <p>
          {t('conflictCount', { n: props.activeConflicts })}. {t('declareFirst')}
        </p>
        <p class="action-row">
          <LinkButton href="/assessment/conflicts/new" variant="primary">
            {ct('declare')}
          </LinkButton>
          <a href="/assessment/conflicts">{ct('title')}</a>
        </p>
      </section>
      <section>
        <h2>{t('myProfile')}</h2>
        <SummaryList
          rows={[
            {
              key: t('institution'),
              value: `${a.institution ?? v.t('none')}${a.institutionType ? ` (${t(typeKey(a.institutionType))})` : ''}`,
            },
            { key: t('expertise'), value: <ExpertiseTags expertise={a.expertise} /> },
            { key: t('loadCap'), value: String(a.loadCap) },
          ]}
        />
        <p>
          <a href="/assessment/profile">{t('editOwn')}</a> · <a href="/rubrics">{t('rubricsLink')}</a>
        </p>
      </section>
    </>
  );
}

export function OwnProfilePage(props: {
  assessor: Assessor;
  values: Values;
  errors?: FieldErrors | undefined;
  current?: Assessor | undefined;
}) {
  const { v, t } = useText();
  const a = props.assessor;
  return (
    <>
      <BackLink href="/assessment" />
      <PageHeading title={t('myProfile')}>
        <p class="lead">{t('myProfileLead')}</p>
      </PageHeading>
      {props.current && <StaleAssessor current={props.current} />}
      <SummaryList
        rows={[
          {
            key: t('institution'),
            value: `${a.institution ?? v.t('none')}${a.institutionType ? ` (${t(typeKey(a.institutionType))})` : ''}`,
          },
          { key: t('loadCap'), value: String(a.loadCap) },
          { key: t('accountEmail'), value: a.accountEmail },
        ]}
      />
      <ErrorSummary errors={props.errors} />
      <Form action="/assessment/profile">
        <input type="hidden" name="version" value={str(props.values, 'version')} />
        <ExpertiseField values={props.values} errors={props.errors} />
        <ContactFields values={props.values} errors={props.errors} />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}
