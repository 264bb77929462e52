import type { Commodity, Lang } from '../../platform/domain.ts';
import { nestValues } from '../../platform/form-rows.ts';
import { str } from '../../platform/forms.ts';
import { formatDateTime, formatNumber } from '../../platform/format.ts';
import {
  BackLink,
  Button,
  Checkbox,
  ErrorSummary,
  fieldId,
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
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Bilingual } from './rules.messages.ts';
import { aspectWeights, type RubricChange } from './rubric.diff.ts';
import { overviewOwns } from './rubric.forms.ts';
import {
  COACHING_KIND_NAMES,
  COACHING_KINDS,
  type CoachingKind,
  PROVENANCES,
  type Rubric,
  type RubricCriterion,
  type Violation,
  type WeightRule,
} from './rubric.rules.ts';
import { rubricsText } from './rubrics.messages.ts';
import type { RubricVersionRow, VersionSummary } from './rubrics.service.ts';

type Values = Record<string, unknown>;
type T = ReturnType<typeof useText>['t'];

function useText() {
  const v = useView();
  return { v, t: v.tr(rubricsText) };
}

const n = (x: number, lang: Lang) => formatNumber(Math.round(x * 1e6) / 1e6, lang);
const pick = (b: Bilingual | undefined | null, lang: Lang) => (b ? b[lang] || b.id || b.en : '');

export const draftPath = (c: Commodity) => `/rubrics/${c}/draft`;
export const versionPath = (c: Commodity, number: number) => `/rubrics/${c}/versions/${number}`;

function statusTag(status: RubricVersionRow['status'], t: T) {
  const tone = status === 'published' ? 'green' : status === 'draft' ? 'yellow' : 'grey';
  return <Tag tone={tone}>{t(`status_${status}`)}</Tag>;
}

function provenanceTag(p: RubricCriterion['provenance'], t: T) {
  if (!p) return null;
  return <Tag tone={p === 'placeholder' ? 'yellow' : 'blue'}>{t(`provenance_${p}`)}</Tag>;
}

/** The weights' rule in words. */
export function ruleText(rule: WeightRule, t: T, lang: Lang): string {
  const parts = [rule.total === null ? t('ruleAny') : t('ruleTotal', { total: n(rule.total, lang) })];
  for (const [aspect, l] of Object.entries(rule.aspects ?? {})) {
    if (l.exact !== undefined) parts.push(t('ruleExact', { aspect, n: n(l.exact, lang) }));
    if (l.max !== undefined) parts.push(t('ruleMax', { aspect, n: n(l.max, lang) }));
  }
  parts.push(t('ruleMinLevels', { n: rule.minLevels ?? 2 }));
  return parts.join('; ');
}

// List ------------------------------------------------------------------------------------------------

export interface RubricListRow {
  commodity: Commodity;
  latest: { number: number; hasPlaceholders: boolean; publishedAt: Date | null; title: Bilingual } | null;
  draft: { number: number } | null;
  cycles: string[];
}

export function RubricList(props: { rows: RubricListRow[]; canManage: boolean }) {
  const { v, t } = useText();
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('lead')}</p>
      </PageHeading>
      <Table
        caption={t('listCaption')}
        captionHidden
        columns={[
          { label: t('commodity') },
          { label: t('latest') },
          { label: t('usedBy') },
          ...(props.canManage ? [{ label: t('draft') }] : []),
        ]}
      >
        {props.rows.map((r) => (
          <tr>
            <td>
              <a href={`/rubrics/${r.commodity}`}>{commodityLabel(r.commodity, v.lang)}</a>
            </td>
            <td>
              {r.latest ? (
                <>
                  <a href={versionPath(r.commodity, r.latest.number)}>
                    {t('versionN', { n: r.latest.number })}
                  </a>{' '}
                  {r.latest.hasPlaceholders && <Tag tone="yellow">{t('placeholder')}</Tag>}
                </>
              ) : (
                t('none')
              )}
            </td>
            <td>{r.cycles.length ? r.cycles.join(', ') : v.t('none')}</td>
            {props.canManage && (
              <td>
                {r.draft ? (
                  <a href={draftPath(r.commodity)}>{t('continueDraft', { n: r.draft.number })}</a>
                ) : (
                  <Form action={`/rubrics/${r.commodity}/edit`} class="inline">
                    <Button variant="secondary">{t('edit')}</Button>
                  </Form>
                )}
              </td>
            )}
          </tr>
        ))}
      </Table>
      <p class="hint">{t('placeholderHint')}</p>
    </>
  );
}

// A version in both languages -------------------------------------------------------------------------

/** The rubric itself: aspects, criteria and levels, Indonesian and English side by side, with weights. */
export function RubricBody(props: { content: Rubric; rule: WeightRule }) {
  const { v, t } = useText();
  const { content } = props;
  const weights = aspectWeights(content);
  const total = Object.values(weights).reduce((s, x) => s + x, 0);
  return (
    <div class="rubric">
      <p>
        <strong>{t('rule')}:</strong> {ruleText(props.rule, t, v.lang)}.{' '}
        <strong>{t('totalWeight', { weight: n(total, v.lang) })}</strong>
      </p>
      <p class="hint">{t('scoreFormula')}</p>
      {content.aspects.map((a) => (
        <section class="rubric-aspect">
          <h2>
            {a.code} — {a.name.id}{' '}
            <span lang="en" class="en">
              / {a.name.en}
            </span>
          </h2>
          <p class="aspect-weight">
            {t('aspectWeight', { aspect: a.code, weight: n(weights[a.code] ?? 0, v.lang) })}
          </p>
          {a.criteria.map((c) => (
            <section class="rubric-criterion">
              <h3>
                <span class="code">{c.code}</span> {c.name.id}{' '}
                <span lang="en" class="en">
                  / {c.name.en}
                </span>
              </h3>
              <p class="meta">
                {c.group && (
                  <>
                    {c.group.id} / <span lang="en">{c.group.en}</span> ·{' '}
                  </>
                )}
                {t('weight')} {n(c.weight, v.lang)} · {t('coaching')}:{' '}
                {pick(COACHING_KIND_NAMES[c.coaching], v.lang)}
                {c.coachable === false && ` (${t('notCoachable')})`} {provenanceTag(c.provenance, t)}
              </p>
              <table class="table levels">
                <thead>
                  <tr>
                    <th scope="col">{t('level')}</th>
                    <th scope="col" class="numeric">
                      {t('points')}
                    </th>
                    <th scope="col">{t('indonesian')}</th>
                    <th scope="col">{t('english')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...c.levels]
                    .sort((x, y) => x.level - y.level)
                    .map((l) => (
                      <tr>
                        <td>{l.level}</td>
                        <td class="numeric">{n(l.points, v.lang)}</td>
                        <td>
                          <strong>{l.label.id}</strong> {l.descriptor.id}
                        </td>
                        <td lang="en">
                          <strong>{l.label.en}</strong> {l.descriptor.en}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

export function VersionPage(props: {
  row: RubricVersionRow;
  summary: VersionSummary;
  usage: { cycleId: string; cycleName: string }[];
  others: VersionSummary[];
  canManage: boolean;
  draftNumber: number | null;
}) {
  const { v, t } = useText();
  const { row, summary } = props;
  const c = row.commodity;
  return (
    <>
      <BackLink href="/rubrics" />
      <PageHeading
        title={pick(row.content.title, v.lang)}
        caption={t('versionLabel', { commodity: commodityLabel(c, v.lang), n: row.number })}
      >
        <p>
          {statusTag(row.status, t)} {row.hasPlaceholders && <Tag tone="yellow">{t('placeholder')}</Tag>}
        </p>
        {props.canManage &&
          row.status === 'published' &&
          (props.draftNumber ? (
            <LinkButton href={draftPath(c)} variant="primary">
              {t('continueDraft', { n: props.draftNumber })}
            </LinkButton>
          ) : (
            <Form action={`/rubrics/${c}/edit?from=${row.number}`} class="inline">
              <Button>{t('edit')}</Button>
            </Form>
          ))}
      </PageHeading>
      {row.status === 'draft' && (
        <Panel title={t('draft')} tone="warning">
          <p>{t('draftNotice')}</p>
        </Panel>
      )}
      <SummaryList
        rows={[
          {
            key: t('status_published'),
            value: row.publishedAt
              ? t('publishedOn', {
                  when: formatDateTime(row.publishedAt, v.lang),
                  who: summary.publishedByName ?? t('system'),
                })
              : v.t('none'),
          },
          ...(row.basedOn
            ? [{ key: t('basedOn', { n: row.basedOn }), value: row.changeNote ?? v.t('none') }]
            : []),
          {
            key: t('usedBy'),
            value: props.usage.length ? (
              <ul class="plain">
                {props.usage.map((u) => (
                  <li>
                    <a href={`/cycles/${u.cycleId}`}>{u.cycleName}</a>
                  </li>
                ))}
              </ul>
            ) : (
              t('notUsed')
            ),
          },
        ]}
      />
      {row.content.note && (
        <p class="hint">
          {row.content.note.id} <span lang="en">/ {row.content.note.en}</span>
        </p>
      )}
      <p class="action-row">
        <a href={`/rubrics/${c}/history`}>{t('history')}</a> ·{' '}
        <a href={`${versionPath(c, row.number)}/print`}>{t('print')}</a>
        {props.others
          .filter((o) => o.number !== row.number && o.status !== 'discarded')
          .slice(0, 6)
          .map((o) => (
            <>
              {' · '}
              <a href={versionPath(c, o.number)}>{t('viewVersion', { n: o.number })}</a>
            </>
          ))}
      </p>
      <RubricBody content={row.content} rule={row.weightRule} />
    </>
  );
}

/** The printable view: the rubric alone (print styles hide the navigation and buttons). */
export function PrintPage(props: { row: RubricVersionRow }) {
  const { v, t } = useText();
  const { row } = props;
  const label = t('versionLabel', { commodity: commodityLabel(row.commodity, v.lang), n: row.number });
  return (
    <div class="print-page">
      <p class="no-print">
        <a href={versionPath(row.commodity, row.number)}>{v.t('back')}</a> · {t('printHint')}
      </p>
      <h1>
        {row.content.title.id}{' '}
        <span lang="en" class="en">
          / {row.content.title.en}
        </span>
      </h1>
      <p>
        {label}
        {row.publishedAt && ` · ${formatDateTime(row.publishedAt, v.lang)}`}
        {row.status !== 'published' && ` · ${t(`status_${row.status}`)}`}
      </p>
      <RubricBody content={row.content} rule={row.weightRule} />
    </div>
  );
}

// History -----------------------------------------------------------------------------------------

function bi(b: Bilingual | null | undefined, v: { lang: Lang }, t: T): string {
  return b ? pick(b, v.lang) || t('empty') : t('empty');
}

/** A renamed text: in the reader's language, or in the other one when only that changed. */
function pair(from: Bilingual | null, to: Bilingual | null, lang: Lang, t: T) {
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const l = (from?.[lang] ?? '') === (to?.[lang] ?? '') ? other : lang;
  return { from: bi(from, { lang: l }, t), to: bi(to, { lang: l }, t) };
}

/** One change in words. */
export function changeText(ch: RubricChange, t: T, lang: Lang): string {
  const v = { lang };
  const k = `diff_${ch.kind}` as const;
  switch (ch.kind) {
    case 'title':
    case 'aspectRenamed':
    case 'criterionRenamed':
    case 'groupChanged':
    case 'levelLabel':
    case 'levelDescriptor':
      return t(k, {
        aspect: 'aspect' in ch ? ch.aspect : '',
        criterion: 'criterion' in ch ? ch.criterion : '',
        level: 'level' in ch ? ch.level : '',
        ...pair(ch.from, ch.to, lang, t),
      });
    case 'note':
      return t(k);
    case 'rule':
      return t(k, { from: ruleText(ch.from, t, lang), to: ruleText(ch.to, t, lang) });
    case 'aspectAdded':
    case 'aspectRemoved':
      return t(k, { aspect: ch.aspect, name: bi(ch.name, v, t) });
    case 'aspectWeight':
    case 'weight':
      return t(k, {
        aspect: 'aspect' in ch ? ch.aspect : '',
        criterion: 'criterion' in ch ? ch.criterion : '',
        from: n(ch.from, lang),
        to: n(ch.to, lang),
      });
    case 'criterionAdded':
      return t(k, {
        criterion: ch.criterion,
        aspect: ch.aspect,
        name: bi(ch.name, v, t),
        weight: n(ch.weight, lang),
      });
    case 'criterionRemoved':
      return t(k, { criterion: ch.criterion, aspect: ch.aspect, name: bi(ch.name, v, t) });
    case 'criterionMoved':
      return t(k, { criterion: ch.criterion, from: ch.from, to: ch.to });
    case 'coaching':
      return t(k, {
        criterion: ch.criterion,
        from: pick(COACHING_KIND_NAMES[ch.from], lang),
        to: pick(COACHING_KIND_NAMES[ch.to], lang),
      });
    case 'coachable':
      return t(k, { criterion: ch.criterion, to: ch.to ? t('coachableNow') : t('notCoachableNow') });
    case 'provenance':
      return t(k, {
        criterion: ch.criterion,
        from: t(`provenance_${ch.from ?? 'none'}` as 'provenance_none'),
        to: t(`provenance_${ch.to ?? 'none'}` as 'provenance_none'),
      });
    case 'levelAdded':
    case 'levelRemoved':
      return t(k, {
        criterion: ch.criterion,
        level: ch.level,
        points: n(ch.points, lang),
        label: bi(ch.label, v, t),
      });
    case 'levelPoints':
      return t(k, { criterion: ch.criterion, level: ch.level, from: n(ch.from, lang), to: n(ch.to, lang) });
  }
}

export function ChangeList(props: { changes: RubricChange[] }) {
  const { v, t } = useText();
  if (props.changes.length === 0) return <p class="muted">{t('noChanges')}</p>;
  return (
    <ul class="change-list">
      {props.changes.map((ch) => (
        <li>{changeText(ch, t, v.lang)}</li>
      ))}
    </ul>
  );
}

export function HistoryPage(props: {
  commodity: Commodity;
  versions: (VersionSummary & { changes: RubricChange[] | null; against: number | null })[];
  usage: Map<string, { cycleId: string; cycleName: string }[]>;
}) {
  const { v, t } = useText();
  const c = props.commodity;
  return (
    <>
      <BackLink href={`/rubrics/${c}`} />
      <PageHeading title={t('history')} caption={commodityLabel(c, v.lang)}>
        <p class="lead">{t('historyLead')}</p>
      </PageHeading>
      {props.versions.map((ver) => {
        const usage = props.usage.get(ver.id) ?? [];
        return (
          <section class="history-version" id={`v${ver.number}`}>
            <h2>
              {ver.status === 'draft' ? (
                <a href={draftPath(c)}>{t('versionN', { n: ver.number })}</a>
              ) : (
                <a href={versionPath(c, ver.number)}>{t('versionN', { n: ver.number })}</a>
              )}{' '}
              {statusTag(ver.status, t)}
            </h2>
            <p class="meta">
              {ver.publishedAt
                ? t('publishedOn', {
                    when: formatDateTime(ver.publishedAt, v.lang),
                    who: ver.publishedByName ?? t('system'),
                  })
                : t('createdOn', {
                    when: formatDateTime(ver.createdAt, v.lang),
                    who: ver.createdByName ?? t('system'),
                  })}
              {ver.basedOn && ` · ${t('basedOn', { n: ver.basedOn })}`}
            </p>
            {ver.changeNote && (
              <p>
                <strong>{t('changeNote')}:</strong> {ver.changeNote}
              </p>
            )}
            {usage.length > 0 && (
              <p>{t('usedByCycles', { list: usage.map((u) => u.cycleName).join(', ') })}</p>
            )}
            {ver.changes === null ? (
              <p class="muted">{t('firstVersion')}</p>
            ) : (
              <details open={ver.changes.length <= 12}>
                <summary>
                  {t('changesAgainst', { n: ver.against ?? '' })} —{' '}
                  {t('changesCount', { n: ver.changes.length })}
                </summary>
                <ChangeList changes={ver.changes} />
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}

// Violations with links ---------------------------------------------------------------------------

/** Where a violation is fixed: a field of the overview, or of a criterion's page. */
export function violationHref(commodity: Commodity, content: Rubric, path: string): string {
  if (overviewOwns(path)) return `${draftPath(commodity)}#${fieldId(path)}`;
  const m = /^aspects\.(\d+)\.criteria\.(\d+)(?:\.(.+))?$/.exec(path);
  const code = m ? content.aspects[Number(m[1])]?.criteria[Number(m[2])]?.code : undefined;
  if (!m || !code) return draftPath(commodity);
  return `${draftPath(commodity)}/criteria/${encodeURIComponent(code)}#${fieldId(m[3] ?? 'levels')}`;
}

function ViolationList(props: { commodity: Commodity; content: Rubric; violations: Violation[] }) {
  const { v } = useText();
  return (
    <ul class="violation-list">
      {props.violations.map((x) => (
        <li>
          <a href={violationHref(props.commodity, props.content, x.path)}>{x.text[v.lang]}</a>
        </li>
      ))}
    </ul>
  );
}

// Editor: overview -------------------------------------------------------------------------------------

/** Two inputs (Indonesian, English) under one legend whose id is the path's, for its messages. */
function BilingualFields(props: {
  path: string;
  legend: string;
  values: Values;
  errors: FieldErrors | undefined;
  area?: boolean;
  hint?: string;
  optional?: boolean;
}) {
  const { v, t } = useText();
  const e = props.errors ?? {};
  const message = e[props.path];
  return (
    <fieldset class={message ? 'field bilingual field-error' : 'field bilingual'} id={fieldId(props.path)}>
      <legend>
        {props.legend}
        {props.optional && <span class="muted"> {v.t('optional')}</span>}
      </legend>
      {props.hint && <div class="hint">{props.hint}</div>}
      {message && <p class="error-message">{message}</p>}
      {(['id', 'en'] as const).map((lang) =>
        props.area ? (
          <TextArea
            name={`${props.path}.${lang}`}
            label={lang === 'id' ? t('indonesian') : t('english')}
            value={str(props.values, `${props.path}.${lang}`)}
            error={e[`${props.path}.${lang}`]}
            rows={2}
          />
        ) : (
          <TextInput
            name={`${props.path}.${lang}`}
            label={lang === 'id' ? t('indonesian') : t('english')}
            value={str(props.values, `${props.path}.${lang}`)}
            error={e[`${props.path}.${lang}`]}
          />
        ),
      )}
    </fieldset>
  );
}

/** An input inside a table row: its label is read by screen readers only. */
function CellInput(props: {
  name: string;
  label: string;
  values: Values;
  errors: FieldErrors | undefined;
  width?: 'short' | 'medium' | 'long';
  inputmode?: 'decimal';
}) {
  const error = props.errors?.[props.name];
  const id = fieldId(props.name);
  return (
    <>
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        value={str(props.values, props.name)}
        class={`input width-${props.width ?? 'long'}`}
        inputmode={props.inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

const parsed = (s: string) => {
  const x = Number(s.replace(',', '.'));
  return Number.isFinite(x) ? x : 0;
};

/** The hidden first button, so Enter in a field saves rather than adding a row. */
function DefaultSave(props: { label: string }) {
  return (
    <div class="visually-hidden">
      <button type="submit" name="_op" value="save" tabindex={-1}>
        {props.label}
      </button>
    </div>
  );
}

export function StalePanel(props: { changes: RubricChange[] }) {
  const { v } = useText();
  return (
    <Panel title={v.t('staleTitle')} tone="warning">
      <p>{v.t('staleBody')}</p>
      <h3>{v.t('yourVersion')}</h3>
      <ChangeList changes={props.changes} />
    </Panel>
  );
}

export function OverviewPage(props: {
  draft: RubricVersionRow;
  values: Values;
  errors?: FieldErrors | undefined;
  open: Violation[];
  stale?: RubricChange[] | undefined;
}) {
  const { v, t } = useText();
  const { draft, values } = props;
  const c = draft.commodity;
  const errors = props.errors ?? {};
  const nested = nestValues(values) as { aspects?: ({ criteria?: unknown[] } | null)[] };
  const aspects = (nested.aspects ?? []).map((a, i) => ({
    i,
    criteria: (a?.criteria ?? []).map((_, j) => j),
  }));
  const stored = new Set<string>();
  for (const a of draft.content.aspects) for (const x of a.criteria) stored.add(x.code);
  let total = 0;
  return (
    <>
      <BackLink href={`/rubrics/${c}`} />
      <PageHeading title={t('editorTitle', { n: draft.number })} caption={commodityLabel(c, v.lang)}>
        <p class="lead">{t('editorLead')}</p>
      </PageHeading>
      {props.stale && <StalePanel changes={props.stale} />}
      <ErrorSummary errors={props.errors} />
      {!props.errors && props.open.length > 0 && (
        <Panel title={t('openProblems')} tone="warning">
          <p>{t('openProblemsLead')}</p>
          <ViolationList commodity={c} content={draft.content} violations={props.open} />
        </Panel>
      )}
      {!props.errors && props.open.length === 0 && (
        <Panel title={t('openProblems')} tone="success">
          <p>
            {t('readyToPublish')} <a href={`${draftPath(c)}/publish`}>{t('publishLink')}</a>
          </p>
        </Panel>
      )}
      <Form action={draftPath(c)} id="rubric-form">
        <DefaultSave label={t('saveDraft')} />
        <input type="hidden" name="version" value={str(values, 'version')} />
        <BilingualFields path="title" legend={t('titleField')} values={values} errors={errors} />
        <BilingualFields path="note" legend={t('noteField')} values={values} errors={errors} area optional />
        <fieldset class="form-section">
          <legend>{t('rule')}</legend>
          <div class="row-line">
            <TextInput
              name="rule.total"
              label={t('ruleTotalField')}
              hint={t('ruleTotalHint')}
              value={str(values, 'rule.total')}
              error={errors['rule.total']}
              width="short"
              inputmode="decimal"
            />
            <TextInput
              name="rule.minLevels"
              label={t('ruleMinLevelsField')}
              value={str(values, 'rule.minLevels')}
              error={errors['rule.minLevels']}
              width="short"
              inputmode="numeric"
            />
          </div>
        </fieldset>
        {aspects.map(({ i, criteria }) => {
          const p = `aspects.${i}`;
          const code = str(values, `${p}.code`) || t('newAspect');
          let sum = 0;
          return (
            <fieldset class="form-section aspect-block" id={fieldId(p)}>
              <legend>{t('aspectHeading', { code })}</legend>
              <input type="hidden" name={`${p}.key`} value={str(values, `${p}.key`)} />
              <div class="row-line">
                <TextInput
                  name={`${p}.code`}
                  label={t('aspectCode')}
                  value={str(values, `${p}.code`)}
                  error={errors[`${p}.code`]}
                  width="short"
                />
                <TextInput
                  name={`${p}.exact`}
                  label={t('aspectExact')}
                  hint={t('aspectRuleHint')}
                  value={str(values, `${p}.exact`)}
                  error={errors[`${p}.exact`]}
                  width="short"
                  inputmode="decimal"
                />
                <TextInput
                  name={`${p}.max`}
                  label={t('aspectMax')}
                  hint={t('aspectRuleHint')}
                  value={str(values, `${p}.max`)}
                  error={errors[`${p}.max`]}
                  width="short"
                  inputmode="decimal"
                />
              </div>
              <BilingualFields path={`${p}.name`} legend={t('aspectName')} values={values} errors={errors} />
              <div id={fieldId(`${p}.criteria`)} class={errors[`${p}.criteria`] ? 'field-error' : undefined}>
                {errors[`${p}.criteria`] && <p class="error-message">{errors[`${p}.criteria`]}</p>}
                <Table
                  caption={t('criteriaOf', { aspect: code })}
                  columns={[
                    { label: t('code') },
                    { label: t('nameId') },
                    { label: t('nameEn') },
                    { label: t('weight'), numeric: true },
                    { label: '' },
                  ]}
                >
                  {criteria.map((j) => {
                    const cp = `${p}.criteria.${j}`;
                    const key = str(values, `${cp}.key`);
                    const row = j + 1;
                    sum += parsed(str(values, `${cp}.weight`));
                    const nameError = errors[`${cp}.name`];
                    return (
                      <tr id={fieldId(cp)}>
                        <td>
                          <input type="hidden" name={`${cp}.key`} value={key} />
                          <CellInput
                            name={`${cp}.code`}
                            label={t('criterionCodeRow', { n: row, aspect: code })}
                            values={values}
                            errors={errors}
                            width="short"
                          />
                        </td>
                        <td id={fieldId(`${cp}.name`)}>
                          {nameError && <p class="error-message">{nameError}</p>}
                          <CellInput
                            name={`${cp}.name.id`}
                            label={t('criterionNameIdRow', { n: row, aspect: code })}
                            values={values}
                            errors={errors}
                          />
                        </td>
                        <td>
                          <CellInput
                            name={`${cp}.name.en`}
                            label={t('criterionNameEnRow', { n: row, aspect: code })}
                            values={values}
                            errors={errors}
                          />
                        </td>
                        <td class="numeric">
                          <CellInput
                            name={`${cp}.weight`}
                            label={t('criterionWeightRow', { n: row, aspect: code })}
                            values={values}
                            errors={errors}
                            width="short"
                            inputmode="decimal"
                          />
                        </td>
                        <td class="row-actions">
                          {key && stored.has(key) && (
                            <button type="submit" class="link-button" name="_op" value={`saveGo:${key}`}>
                              {t('levelsAction')}
                              <span class="visually-hidden"> {key}</span>
                            </button>
                          )}{' '}
                          <button
                            type="submit"
                            class="link-button"
                            name="_op"
                            value={`removeCriterion:${i}.${j}`}
                          >
                            {key ? t('removeCriterion', { code: key }) : t('removeNew', { n: row })}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </Table>
              </div>
              {(() => {
                total += sum;
                return <p class="sum-line">{t('sumLine', { aspect: code, weight: n(sum, v.lang) })}</p>;
              })()}
              <div class="action-row">
                <Button variant="secondary" name="_op" value={`addCriterion:${i}`}>
                  {t('addCriterion', { aspect: code })}
                </Button>
                <Button variant="warning" name="_op" value={`removeAspect:${i}`}>
                  {t('removeAspect', { aspect: code })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div id={fieldId('aspects')} class={errors.aspects ? 'field-error' : undefined}>
          {errors.aspects && <p class="error-message">{errors.aspects}</p>}
          <p class="sum-line">
            <strong>{t('totalLine', { weight: n(total, v.lang) })}</strong>
          </p>
        </div>
        <div class="action-row">
          <Button variant="secondary" name="_op" value="addAspect">
            {t('addAspect')}
          </Button>
        </div>
        <Button name="_op" value="save">
          {t('saveDraft')}
        </Button>
      </Form>
      <div class="action-row">
        <a href={`${draftPath(c)}/publish`}>{t('publishLink')}</a>
        <Form action={`${draftPath(c)}/discard`} class="inline">
          <input type="hidden" name="version" value={String(draft.version)} />
          <Button variant="warning">{t('discard')}</Button>
        </Form>
      </div>
    </>
  );
}

// Editor: one criterion --------------------------------------------------------------------------------

export function CriterionPage(props: {
  draft: RubricVersionRow;
  code: string;
  aspect: string;
  weight: number;
  values: Values;
  errors?: FieldErrors | undefined;
  stale?: RubricChange[] | undefined;
}) {
  const { v, t } = useText();
  const { draft, values } = props;
  const c = draft.commodity;
  const errors = props.errors ?? {};
  const nested = nestValues(values) as { levels?: unknown[] };
  const levels = (nested.levels ?? []).map((_, k) => k);
  const action = `${draftPath(c)}/criteria/${encodeURIComponent(props.code)}`;
  return (
    <>
      <BackLink href={draftPath(c)} label={t('backToDraft')} />
      <PageHeading
        title={t('criterionTitle', { code: props.code })}
        caption={`${commodityLabel(c, v.lang)} · ${t('editorTitle', { n: draft.number })}`}
      >
        <p>
          {t('aspectHeading', { code: props.aspect })} · {t('weight')} {n(props.weight, v.lang)}
        </p>
        <p class="hint">{t('criterionLead')}</p>
      </PageHeading>
      {props.stale && <StalePanel changes={props.stale} />}
      <ErrorSummary errors={props.errors} />
      <Form action={action} id="criterion-form">
        <DefaultSave label={t('saveCriterion')} />
        <input type="hidden" name="version" value={str(values, 'version')} />
        <BilingualFields path="name" legend={t('criterion')} values={values} errors={errors} />
        <BilingualFields
          path="group"
          legend={t('group')}
          hint={t('groupHint')}
          values={values}
          errors={errors}
          optional
        />
        <Select
          name="coaching"
          label={t('coaching')}
          value={str(values, 'coaching')}
          error={errors.coaching}
          options={COACHING_KINDS.map((k: CoachingKind) => ({
            value: k,
            label: pick(COACHING_KIND_NAMES[k], v.lang),
          }))}
        />
        <Checkbox
          name="coachable"
          label={t('coachable')}
          hint={t('coachableHint')}
          checked={str(values, 'coachable') === 'on'}
        />
        <Select
          name="provenance"
          label={t('provenance')}
          value={str(values, 'provenance')}
          error={errors.provenance}
          emptyLabel={t('provenance_none')}
          options={PROVENANCES.map((p) => ({ value: p, label: t(`provenance_${p}`) }))}
        />
        <div id={fieldId('levels')} class={errors.levels ? 'field-error' : undefined}>
          <h2>{t('levelsTitle')}</h2>
          {errors.levels && <p class="error-message">{errors.levels}</p>}
          {levels.map((k) => {
            const lp = `levels.${k}`;
            const num = k + 1;
            const labelError = errors[`${lp}.label`];
            const descError = errors[`${lp}.descriptor`];
            return (
              <fieldset class="level-row" id={fieldId(lp)}>
                <legend>{t('levelN', { n: num })}</legend>
                <TextInput
                  name={`${lp}.points`}
                  label={t('pointsOf', { n: num })}
                  value={str(values, `${lp}.points`)}
                  error={errors[`${lp}.points`]}
                  width="short"
                  inputmode="decimal"
                />
                <div id={fieldId(`${lp}.label`)} class={labelError ? 'field-error' : undefined}>
                  {labelError && <p class="error-message">{labelError}</p>}
                  <div class="row-line">
                    <TextInput
                      name={`${lp}.label.id`}
                      label={t('labelIdOf', { n: num })}
                      value={str(values, `${lp}.label.id`)}
                      width="medium"
                    />
                    <TextInput
                      name={`${lp}.label.en`}
                      label={t('labelEnOf', { n: num })}
                      value={str(values, `${lp}.label.en`)}
                      width="medium"
                    />
                  </div>
                </div>
                <div id={fieldId(`${lp}.descriptor`)} class={descError ? 'field-error' : undefined}>
                  {descError && <p class="error-message">{descError}</p>}
                  <TextArea
                    name={`${lp}.descriptor.id`}
                    label={t('descriptorIdOf', { n: num })}
                    value={str(values, `${lp}.descriptor.id`)}
                    rows={2}
                  />
                  <TextArea
                    name={`${lp}.descriptor.en`}
                    label={t('descriptorEnOf', { n: num })}
                    value={str(values, `${lp}.descriptor.en`)}
                    rows={2}
                  />
                </div>
                <Button variant="warning" name="_op" value={`removeLevel:${k}`}>
                  {t('removeLevel', { n: num })}
                </Button>
              </fieldset>
            );
          })}
          <div class="action-row">
            <Button variant="secondary" name="_op" value="addLevel">
              {t('addLevel')}
            </Button>
          </div>
        </div>
        <Button name="_op" value="save">
          {t('saveCriterion')}
        </Button>
      </Form>
    </>
  );
}

// Publishing ----------------------------------------------------------------------------------------

export function PublishPage(props: {
  draft: RubricVersionRow;
  violations: Violation[];
  changes: RubricChange[] | null;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  const { draft } = props;
  const c = draft.commodity;
  const blocked = props.violations.length > 0;
  return (
    <>
      <BackLink href={draftPath(c)} label={t('backToDraft')} />
      <PageHeading title={t('publishTitle', { n: draft.number })} caption={commodityLabel(c, v.lang)}>
        <p class="lead">{t('publishLead')}</p>
      </PageHeading>
      {blocked ? (
        <div class="error-summary" role="alert" aria-labelledby="publish-blocked" tabindex={-1}>
          <h2 id="publish-blocked">{t('publishBlocked', { count: props.violations.length })}</h2>
          <ViolationList commodity={c} content={draft.content} violations={props.violations} />
        </div>
      ) : (
        <ErrorSummary errors={props.errors} />
      )}
      {props.changes && (
        <>
          <h2>{t('changesAgainst', { n: draft.basedOn ?? '' })}</h2>
          <ChangeList changes={props.changes} />
        </>
      )}
      {!blocked && (
        <Form action={`${draftPath(c)}/publish`}>
          <input type="hidden" name="version" value={String(draft.version)} />
          <TextArea
            name="changeNote"
            label={t('changeNote')}
            hint={t('changeNoteHint')}
            value={str(props.values, 'changeNote')}
            error={props.errors?.changeNote}
            rows={3}
            optional={draft.basedOn === null}
          />
          <Button>{t('publish', { n: draft.number })}</Button>
        </Form>
      )}
    </>
  );
}

// Cycle rubrics -------------------------------------------------------------------------------------

export interface CycleRubricRow {
  commodity: Commodity;
  current: string | null;
  options: { id: string; number: number; publishedAt: Date | null; hasPlaceholders: boolean }[];
}

export function CycleRubricsPage(props: {
  cycle: { id: string; name: string };
  frozen: boolean;
  rows: CycleRubricRow[];
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  const errors = props.errors ?? {};
  return (
    <>
      <BackLink href={`/cycles/${props.cycle.id}`} />
      <PageHeading title={t('cycleRubricsTitle', { cycle: props.cycle.name })}>
        <p class="lead">{t('cycleRubricsLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action={`/cycles/${props.cycle.id}/rubrics`}>
        {props.rows.map((r) => {
          const name = `rubrics.${r.commodity}`;
          const chosen = str(props.values, name);
          const newest = r.options[0];
          const current = r.options.find((o) => o.id === chosen);
          return (
            <div class="field-group">
              <Select
                name={name}
                label={t('cycleRubricField', { commodity: commodityLabel(r.commodity, v.lang) })}
                value={chosen}
                error={errors[name]}
                emptyLabel={t('notSet')}
                options={r.options.map((o) => ({
                  value: o.id,
                  label: `${t('versionN', { n: o.number })}${o.publishedAt ? ` — ${formatDateTime(o.publishedAt, v.lang)}` : ''}${o.hasPlaceholders ? ` (${t('placeholder')})` : ''}`,
                }))}
              />
              {current && newest && newest.number > current.number && (
                <p class="hint">{t('newerExists', { n: newest.number })}</p>
              )}
              {current && (
                <p class="hint">
                  <a href={versionPath(r.commodity, current.number)}>
                    {t('viewRubric')}:{' '}
                    {t('versionLabel', { commodity: commodityLabel(r.commodity, v.lang), n: current.number })}
                  </a>
                </p>
              )}
            </div>
          );
        })}
        {props.frozen && (
          <TextArea
            name="reason"
            label={t('reason')}
            hint={t('reasonHint')}
            value={str(props.values, 'reason')}
            error={errors.reason}
            rows={2}
          />
        )}
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}
