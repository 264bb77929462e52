import type { Child } from 'hono/jsx';
import {
  CHECKLIST_DOCUMENT_KINDS,
  COMMODITIES,
  type Commodity,
  CYCLE_KINDS,
  CYCLE_PHASES,
  type CyclePhase,
} from '../../platform/domain.ts';
import { FILE_KINDS, type FileKind } from '../../platform/files.ts';
import { str } from '../../platform/forms.ts';
import { listOf, rowIndices } from '../../platform/form-rows.ts';
import { formatDateTime, formatNumber, toLocalInput } from '../../platform/format.ts';
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
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import { cyclesText } from './cycles.messages.ts';
import { cycleRubricsPath, type RubricRefView } from './rubric-refs.ts';
import type {
  ConfigVersionRow,
  CycleConfig,
  CycleExtension,
  CycleListRow,
  CycleRow,
} from './cycles.service.ts';

const FILE_KIND_KEYS = Object.keys(FILE_KINDS) as FileKind[];
type Values = Record<string, unknown>;

function useText() {
  const v = useView();
  return { v, t: v.tr(cyclesText) };
}

/** One label for a phase, a kind, a document kind, a file kind. */
export function labels(t: ReturnType<typeof useText>['t']) {
  return {
    phase: (p: CyclePhase) => t(`phase_${p}`),
    kind: (k: CycleRow['kind']) => t(`kind_${k}`),
    doc: (d: string) => t(`doc_${d as (typeof CHECKLIST_DOCUMENT_KINDS)[number]}`),
    file: (f: string) => t(`file_${f as FileKind}`),
  };
}

export function CycleList(props: { page: Page<CycleListRow>; canManage: boolean }) {
  const { v, t } = useText();
  const l = labels(t);
  return (
    <>
      <PageHeading title={t('title')}>
        {props.canManage && (
          <LinkButton href="/cycles/new" variant="primary">
            {t('newCycle')}
          </LinkButton>
        )}
      </PageHeading>
      {props.page.rows.length === 0 ? (
        <EmptyState />
      ) : (
        <Table
          caption={t('listCaption')}
          columns={[
            { label: t('name') },
            { label: t('year') },
            { label: t('kind') },
            { label: t('proposalWindow') },
            { label: t('status') },
          ]}
        >
          {props.page.rows.map((c) => (
            <tr>
              <td>
                <a href={`/cycles/${c.id}`}>{c.name}</a>
              </td>
              <td>{c.year}</td>
              <td>{l.kind(c.kind)}</td>
              <td>
                {c.proposalStartsAt && c.proposalEndsAt
                  ? `${formatDateTime(c.proposalStartsAt, v.lang)} – ${formatDateTime(c.proposalEndsAt, v.lang)}`
                  : t('notSet')}
              </td>
              <td>
                {c.frozenAt ? <Tag tone="blue">{t('frozen')}</Tag> : <Tag tone="grey">{t('open')}</Tag>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

function Section(props: { title: string; hint?: string; children: Child; id?: string }) {
  return (
    <fieldset class="form-section" id={props.id}>
      <legend>{props.title}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.children}
    </fieldset>
  );
}

function CheckboxGroup(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
}) {
  const id = fieldId(props.name);
  return (
    <fieldset class={props.error ? 'field field-error checkbox-group' : 'field checkbox-group'} id={id}>
      <legend>{props.label}</legend>
      {props.error && <p class="error-message">{props.error}</p>}
      <div class="checkbox-row">
        {props.options.map((o) => (
          <div class="checkbox">
            <input
              id={`${id}-${o.value}`}
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
            />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Blank requirement rows shown under each commodity (more with the "add rows" button). */
export const BLANK_ROWS = 2;

/** The configuration form, shared by "create" and "edit"; it re-renders from the flat values posted. */
export function CycleForm(props: {
  action: string;
  values: Values;
  errors?: FieldErrors | undefined;
  kabkota: Region[];
  cycle?: CycleRow | undefined;
  rubricRefs?: Partial<Record<Commodity, string | null>>;
  /** How many requirements each commodity has (edit only: each links to its checklist page). */
  itemCounts?: Partial<Record<Commodity, number>>;
  submitLabel: string;
}) {
  const { v, t } = useText();
  const l = labels(t);
  const { values, errors } = props;
  const e = (path: string) => errors?.[path];
  const scale = str(values, 'starScale') || '3';
  const commodityRows = COMMODITIES.map((c, i) => ({ c, i }));
  const ticked = (c: Commodity) =>
    commodityRows.some(({ c: x, i }) => x === c && str(values, `commodities.${i}.included`) === 'on');
  return (
    <Form action={props.action} id="cycle-form">
      {props.cycle && <input type="hidden" name="version" value={String(props.cycle.version)} />}
      <Section title={t('basics')}>
        <TextInput
          name="name"
          label={t('name')}
          hint={t('nameHint')}
          value={str(values, 'name')}
          error={e('name')}
        />
        <TextInput
          name="year"
          label={t('year')}
          value={str(values, 'year')}
          error={e('year')}
          width="short"
          inputmode="numeric"
        />
        <Radios
          name="kind"
          label={t('kind')}
          value={str(values, 'kind')}
          error={e('kind')}
          options={CYCLE_KINDS.map((k) => ({ value: k, label: l.kind(k) }))}
        />
        <Radios
          name="starScale"
          label={t('starScale')}
          value={scale}
          error={e('starScale')}
          options={[
            { value: '3', label: t('scale3') },
            { value: '5', label: t('scale5') },
          ]}
        />
      </Section>

      <Section title={t('bands')} hint={t('bandsHint')} id="bands">
        <div class="row-grid">
          {[1, 2, 3, 4, 5].map((stars) => {
            const i = stars - 1;
            return (
              <div class="row-line">
                <input type="hidden" name={`bands.${i}.stars`} value={String(stars)} />
                <span class="row-label">
                  {'★'.repeat(stars)} {t('bandStar', { stars })}
                </span>
                <TextInput
                  name={`bands.${i}.min`}
                  label={t('bandFrom')}
                  value={str(values, `bands.${i}.min`)}
                  error={e(`bands.${i}.min`)}
                  width="short"
                  inputmode="decimal"
                />
                <TextInput
                  name={`bands.${i}.max`}
                  label={t('bandTo')}
                  value={str(values, `bands.${i}.max`)}
                  error={e(`bands.${i}.max`)}
                  width="short"
                  inputmode="decimal"
                />
              </div>
            );
          })}
        </div>
      </Section>

      <Section title={t('phases')} hint={t('phasesHint')} id="phases">
        {CYCLE_PHASES.map((p) => (
          <div class="row-line">
            <span class="row-label">{l.phase(p)}</span>
            <TextInput
              type="datetime-local"
              name={`phases.${p}.start`}
              label={t('phaseStart')}
              value={str(values, `phases.${p}.start`)}
              error={e(`phases.${p}.start`)}
              width="medium"
            />
            <TextInput
              type="datetime-local"
              name={`phases.${p}.end`}
              label={t('phaseEnd')}
              value={str(values, `phases.${p}.end`)}
              error={e(`phases.${p}.end`)}
              width="medium"
            />
          </div>
        ))}
      </Section>

      <Section title={t('commodities')} id={fieldId('commodities')}>
        {e('commodities') && <p class="error-message">{e('commodities')}</p>}
        {commodityRows.map(({ c, i }) => (
          <div class="checkbox">
            <input type="hidden" name={`commodities.${i}.commodity`} value={c} />
            <input
              id={fieldId(`commodities.${i}.included`)}
              type="checkbox"
              name={`commodities.${i}.included`}
              value="on"
              checked={ticked(c)}
            />
            <label for={fieldId(`commodities.${i}.included`)}>
              {commodityLabel(c, v.lang)}
              <span class="hint">
                {t('rubric')}: {props.rubricRefs?.[c] ?? t('rubricNotSet')}
              </span>
            </label>
          </div>
        ))}
        <p class="hint">{props.cycle ? t('commoditiesEditHint') : t('commoditiesNewHint')}</p>
      </Section>

      <Section title={t('quotas')} hint={t('quotasHint')} id="quotas">
        <div class="row-grid">
          {props.kabkota.map((r, i) => (
            <div class="row-line">
              <input type="hidden" name={`quotas.${i}.kabkotaCode`} value={r.code} />
              <TextInput
                name={`quotas.${i}.quota`}
                label={`${r.name}`}
                value={str(values, `quotas.${i}.quota`)}
                error={e(`quotas.${i}.quota`)}
                width="short"
                inputmode="numeric"
                optional
              />
            </div>
          ))}
        </div>
      </Section>

      {props.cycle?.frozenAt && (
        <Panel title={t('frozenTitle')} tone="warning">
          <p>
            {t('frozenBody', {
              when: formatDateTime(props.cycle.frozenAt, v.lang),
              version: props.cycle.configVersion + 1,
            })}
          </p>
          <TextArea
            name="reason"
            label={t('reason')}
            hint={t('reasonHint')}
            value={str(values, 'reason')}
            error={e('reason')}
            rows={3}
          />
        </Panel>
      )}
      <Button>{props.submitLabel}</Button>
    </Form>
  );
}

/** One commodity's document requirements, on a page of its own (the whole list is saved at once). */
export function ChecklistForm(props: {
  cycle: CycleRow;
  commodity: Commodity;
  values: Values;
  errors?: FieldErrors | undefined;
  extraRows?: number;
}) {
  const { v, t } = useText();
  const l = labels(t);
  const { values, errors, commodity: c } = props;
  const e = (path: string) => errors?.[path];
  // Rows posted back empty are shown again as fresh blank rows, not kept as rows of their own.
  const existing = rowIndices(values, 'checklist').filter((i) =>
    ['code', 'labelId', 'labelEn'].some((k) => str(values, `checklist.${i}.${k}`).trim() !== ''),
  );
  let nextIndex = (existing.at(-1) ?? -1) + 1;
  const blanks = Array.from({ length: BLANK_ROWS + (props.extraRows ?? 0) }, () => nextIndex++);
  return (
    <Form action={`/cycles/${props.cycle.id}/checklist/${c}`} id="checklist-form">
      <input type="hidden" name="version" value={String(props.cycle.version)} />
      <input type="hidden" name="_extra" value={String(props.extraRows ?? 0)} />
      <p class="hint">{t('checklistHint')}</p>
      {[...existing, ...blanks].map((i, n) => {
        const isBlank = !existing.includes(i);
        const fileKinds =
          isBlank && !(`checklist.${i}.code` in values)
            ? ['pdf', 'jpeg', 'png']
            : listOf(values[`checklist.${i}.fileKinds`]);
        return (
          <fieldset class="checklist-row">
            <legend>{t('itemNumber', { n: n + 1 })}</legend>
            <div class="row-line">
              <TextInput
                name={`checklist.${i}.code`}
                label={t('itemCode')}
                value={str(values, `checklist.${i}.code`)}
                error={e(`checklist.${i}.code`)}
                width="medium"
              />
              <TextInput
                name={`checklist.${i}.labelId`}
                label={t('itemLabelId')}
                value={str(values, `checklist.${i}.labelId`)}
                error={e(`checklist.${i}.labelId`)}
              />
              <TextInput
                name={`checklist.${i}.labelEn`}
                label={t('itemLabelEn')}
                value={str(values, `checklist.${i}.labelEn`)}
                error={e(`checklist.${i}.labelEn`)}
              />
            </div>
            <input type="hidden" name={`checklist.${i}.commodity`} value={c} />
            <div class="checkbox">
              <input
                id={fieldId(`checklist.${i}.required`)}
                type="checkbox"
                name={`checklist.${i}.required`}
                value="on"
                checked={str(values, `checklist.${i}.required`) === 'on'}
              />
              <label for={fieldId(`checklist.${i}.required`)}>{t('itemRequired')}</label>
            </div>
            <div class="checkbox">
              <input
                id={fieldId(`checklist.${i}.validOnDeadline`)}
                type="checkbox"
                name={`checklist.${i}.validOnDeadline`}
                value="on"
                checked={str(values, `checklist.${i}.validOnDeadline`) === 'on'}
              />
              <label for={fieldId(`checklist.${i}.validOnDeadline`)}>{t('itemValidOnDeadline')}</label>
            </div>
            <CheckboxGroup
              name={`checklist.${i}.fileKinds`}
              label={t('itemFileKinds')}
              options={FILE_KIND_KEYS.map((k) => ({ value: k, label: l.file(k) }))}
              checked={fileKinds}
              error={e(`checklist.${i}.fileKinds`)}
            />
            <CheckboxGroup
              name={`checklist.${i}.satisfiedBy`}
              label={t('itemSatisfiedBy')}
              options={CHECKLIST_DOCUMENT_KINDS.map((k) => ({ value: k, label: l.doc(k) }))}
              checked={listOf(values[`checklist.${i}.satisfiedBy`])}
              error={e(`checklist.${i}.satisfiedBy`)}
            />
          </fieldset>
        );
      })}
      <Button variant="secondary" name="addRows" value={c}>
        {t('addRows')}
      </Button>
      {props.cycle.frozenAt && (
        <Panel title={t('frozenTitle')} tone="warning">
          <p>
            {t('frozenBody', {
              when: formatDateTime(props.cycle.frozenAt, v.lang),
              version: props.cycle.configVersion + 1,
            })}
          </p>
          <TextArea
            name="reason"
            label={t('reason')}
            hint={t('reasonHint')}
            value={str(values, 'reason')}
            error={e('reason')}
            rows={3}
          />
        </Panel>
      )}
      <div>
        <Button>{v.t('save')}</Button>
      </div>
    </Form>
  );
}

/** A commodity's saved checklist as the checklist form's flat values. */
export function checklistToValues(items: CycleConfig['checklist']): Values {
  const out: Values = {};
  items.forEach((item, i) => {
    out[`checklist.${i}.code`] = item.code;
    out[`checklist.${i}.labelId`] = item.labelId;
    out[`checklist.${i}.labelEn`] = item.labelEn;
    if (item.required) out[`checklist.${i}.required`] = 'on';
    if (item.validOnDeadline) out[`checklist.${i}.validOnDeadline`] = 'on';
    out[`checklist.${i}.fileKinds`] = item.fileKinds;
    out[`checklist.${i}.satisfiedBy`] = item.satisfiedBy;
  });
  return out;
}

export function CycleFormPage(props: {
  title: string;
  back: string;
  current?: CycleRow | undefined;
  children: Child;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  return (
    <>
      <BackLink href={props.back} />
      <PageHeading title={props.title} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>
            {t('staleBody', {
              name: props.current.name,
              when: formatDateTime(props.current.updatedAt, v.lang),
            })}
          </p>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      {props.children}
    </>
  );
}

function phaseStatus(p: { startsAt: Date; endsAt: Date }, now: Date) {
  if (now < p.startsAt) return 'later' as const;
  if (now.getTime() >= p.endsAt.getTime() + 60_000) return 'done' as const;
  return 'now' as const;
}

export function CycleView(props: {
  config: CycleConfig;
  versions: ConfigVersionRow[];
  extensions: CycleExtension[];
  kabkota: Region[];
  canManage: boolean;
  extensionValues?: Values;
  extensionErrors?: FieldErrors | undefined;
  now: Date;
  /** The rubric versions by name, from the assessment feature. */
  rubricLabels?: Map<string, RubricRefView>;
}) {
  const { v, t } = useText();
  const l = labels(t);
  const { cycle, bands, phases, commodities, checklist, quotas } = props.config;
  const regionName = new Map(props.kabkota.map((r) => [r.code, r.name]));
  return (
    <>
      <BackLink href="/cycles" />
      <PageHeading title={cycle.name} caption={t('title')}>
        <p>
          {cycle.frozenAt ? <Tag tone="blue">{t('frozen')}</Tag> : <Tag tone="grey">{t('open')}</Tag>}{' '}
          {props.canManage && (
            <a href={`/admin/audit?objectType=cycle&objectId=${cycle.id}`}>{t('auditTrail')}</a>
          )}
        </p>
        {props.canManage && (
          <LinkButton href={`/cycles/${cycle.id}/edit`} variant="primary">
            {t('edit')}
          </LinkButton>
        )}
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('year'), value: String(cycle.year) },
          { key: t('kind'), value: l.kind(cycle.kind) },
          { key: t('starScale'), value: cycle.starScale === 3 ? t('scale3') : t('scale5') },
          { key: t('configVersion'), value: String(cycle.configVersion) },
          ...(cycle.frozenAt ? [{ key: t('frozen'), value: formatDateTime(cycle.frozenAt, v.lang) }] : []),
        ]}
      />

      <h2>{t('bands')}</h2>
      <Table
        caption={t('bands')}
        captionHidden
        columns={[
          { label: t('starScale') },
          { label: t('bandFrom'), numeric: true },
          { label: t('bandTo'), numeric: true },
        ]}
      >
        {bands.map((b) => (
          <tr>
            <td>
              {'★'.repeat(b.stars)} {t('bandStar', { stars: b.stars })}
            </td>
            <td class="numeric">{formatNumber(b.min, v.lang)}</td>
            <td class="numeric">{formatNumber(b.max, v.lang)}</td>
          </tr>
        ))}
      </Table>

      <h2>{t('phases')}</h2>
      <Table
        caption={t('phases')}
        captionHidden
        columns={[
          { label: t('phases') },
          { label: t('phaseStart') },
          { label: t('phaseEnd') },
          { label: t('status') },
        ]}
      >
        {phases.map((p) => {
          const s = phaseStatus(p, props.now);
          return (
            <tr>
              <td>{l.phase(p.phase)}</td>
              <td>{formatDateTime(p.startsAt, v.lang)}</td>
              <td>{formatDateTime(p.endsAt, v.lang)}</td>
              <td>
                {s === 'now' ? (
                  <Tag tone="green">{t('phaseNow')}</Tag>
                ) : s === 'done' ? (
                  <Tag tone="grey">{t('phaseDone')}</Tag>
                ) : (
                  <Tag tone="blue">{t('phaseLater')}</Tag>
                )}
              </td>
            </tr>
          );
        })}
      </Table>

      <h2>{t('commodities')}</h2>
      {commodities.map((c) => {
        const items = checklist.filter((i) => i.commodity === c.commodity);
        return (
          <section class="commodity-block">
            <h3>{commodityLabel(c.commodity, v.lang)}</h3>
            <p>
              {t('rubric')}:{' '}
              {c.rubricVersionRef ? (
                props.rubricLabels?.get(c.rubricVersionRef) ? (
                  <a href={props.rubricLabels.get(c.rubricVersionRef)!.href}>
                    {props.rubricLabels.get(c.rubricVersionRef)!.label}
                  </a>
                ) : (
                  c.rubricVersionRef
                )
              ) : (
                <em>{t('rubricNotSet')}</em>
              )}
              {props.canManage && (
                <>
                  {' · '}
                  <a href={cycleRubricsPath(cycle.id)}>{t('chooseRubric')}</a>
                </>
              )}
            </p>
            {props.canManage && (
              <p>
                <a href={`/cycles/${cycle.id}/checklist/${c.commodity}`}>
                  {t('editChecklist', { commodity: commodityLabel(c.commodity, v.lang) })}
                </a>
              </p>
            )}
            {items.length === 0 ? (
              <p class="muted">{t('noItems')}</p>
            ) : (
              <Table
                caption={t('checklistFor', { commodity: commodityLabel(c.commodity, v.lang) })}
                columns={[
                  { label: t('itemCode') },
                  { label: t('checklist') },
                  { label: t('itemRequired') },
                  { label: t('itemFileKinds') },
                  { label: t('itemValidOnDeadline') },
                  { label: t('itemSatisfiedBy') },
                ]}
              >
                {items.map((i) => (
                  <tr>
                    <td>
                      <code>{i.code}</code>
                    </td>
                    <td>{v.lang === 'id' ? i.labelId : i.labelEn}</td>
                    <td>
                      {i.required ? (
                        <Tag tone="red">{t('itemRequired')}</Tag>
                      ) : (
                        <Tag tone="grey">{t('itemOptional')}</Tag>
                      )}
                    </td>
                    <td>{i.fileKinds.map(l.file).join(', ')}</td>
                    <td>{i.validOnDeadline ? t('yes') : t('no')}</td>
                    <td>{i.satisfiedBy.length ? i.satisfiedBy.map(l.doc).join(', ') : v.t('none')}</td>
                  </tr>
                ))}
              </Table>
            )}
          </section>
        );
      })}

      <h2>{t('quotas')}</h2>
      {quotas.length === 0 ? (
        <p class="muted">{t('noLimit')}</p>
      ) : (
        <Table
          caption={t('quotas')}
          captionHidden
          columns={[{ label: t('regency') }, { label: t('quota'), numeric: true }]}
        >
          {quotas.map((q) => (
            <tr>
              <td>{regionName.get(q.kabkotaCode) ?? q.kabkotaCode}</td>
              <td class="numeric">{q.quota}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2 id="extensions">{t('extensions')}</h2>
      {props.extensions.length === 0 ? (
        <p class="muted">{t('extensionsNone')}</p>
      ) : (
        <Table
          caption={t('extensions')}
          captionHidden
          columns={[
            { label: t('regency') },
            { label: t('extensionEndsAt') },
            { label: t('extensionReason') },
          ]}
        >
          {props.extensions.map((x) => (
            <tr>
              <td>{regionName.get(x.kabkotaCode) ?? x.kabkotaCode}</td>
              <td>{formatDateTime(x.endsAt, v.lang)}</td>
              <td>{x.reason}</td>
            </tr>
          ))}
        </Table>
      )}
      {props.canManage && (
        <>
          <h3>{t('extensionAdd')}</h3>
          <ErrorSummary errors={props.extensionErrors} />
          <Form action={`/cycles/${cycle.id}/extensions`}>
            <Select
              name="kabkotaCode"
              label={t('regency')}
              value={str(props.extensionValues, 'kabkotaCode')}
              error={props.extensionErrors?.kabkotaCode}
              emptyLabel=""
              options={props.kabkota.map((r) => ({ value: r.code, label: r.name }))}
            />
            <TextInput
              type="datetime-local"
              name="endsAt"
              label={t('extensionEndsAt')}
              value={str(props.extensionValues, 'endsAt')}
              error={props.extensionErrors?.endsAt}
              width="medium"
            />
            <TextArea
              name="reason"
              label={t('extensionReason')}
              value={str(props.extensionValues, 'reason')}
              error={props.extensionErrors?.reason}
              rows={2}
            />
            <Button variant="secondary">{t('extensionSave')}</Button>
          </Form>
        </>
      )}

      <h2 id="versions">{t('versions')}</h2>
      <Table
        caption={t('versions')}
        captionHidden
        columns={[
          { label: t('versionNumber'), numeric: true },
          { label: t('versionAt') },
          { label: t('versionReason') },
        ]}
      >
        {props.versions.map((x) => (
          <tr>
            <td class="numeric">{x.number}</td>
            <td>
              {formatDateTime(x.createdAt, v.lang)}
              {x.createdByName ? ` · ${x.createdByName}` : ''}
            </td>
            <td>{x.reason ?? t('versionFirst')}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/** The saved configuration as the form's flat values. */
export function configToValues(config: CycleConfig, kabkota: Region[]): Values {
  const { cycle } = config;
  const out: Values = {
    name: cycle.name,
    year: String(cycle.year),
    kind: cycle.kind,
    starScale: String(cycle.starScale),
  };
  for (const b of config.bands) {
    out[`bands.${b.stars - 1}.min`] = String(b.min);
    out[`bands.${b.stars - 1}.max`] = String(b.max);
  }
  for (const p of config.phases) {
    out[`phases.${p.phase}.start`] = toLocalInput(p.startsAt);
    out[`phases.${p.phase}.end`] = toLocalInput(p.endsAt);
  }
  COMMODITIES.forEach((c, i) => {
    if (config.commodities.some((x) => x.commodity === c)) out[`commodities.${i}.included`] = 'on';
  });
  kabkota.forEach((r, i) => {
    const q = config.quotas.find((x) => x.kabkotaCode === r.code);
    if (q) out[`quotas.${i}.quota`] = String(q.quota);
  });
  return out;
}
