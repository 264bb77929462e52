/** Pages of results, moderation, decisions, gap analysis and the cycle's assessment settings. */
import { str } from '../../platform/forms.ts';
import { COMMODITIES, type Lang } from '../../platform/domain.ts';
import { formatDateTime } from '../../platform/format.ts';
import { render } from '../../platform/i18n.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  fieldId,
  Form,
  LinkButton,
  PageHeading,
  Panel,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { Page } from '../../platform/keyset.ts';
import type { CycleListRow } from '../cycles/cycles.service.ts';
import { Pagination } from '../../platform/ui/components.tsx';
import type { FieldErrors } from '../../platform/validation.ts';
import { type Gate, starText } from './classify.rules.ts';
import type { BulkDecision, DecisionPreview, PostView } from './decisions.service.ts';
import type { GapAnalysis } from './gap.rules.ts';
import { conditionLines } from './results.forms.ts';
import { resultsText } from './results.messages.ts';
import type { CycleResultsView, ResultRow, ResultsFilter } from './results.service.ts';
import { COACHING_KIND_NAMES, type CoachingKind } from './rubric.rules.ts';
import { coachingText } from '../coaching/coaching.messages.ts';
import { programmeDates } from '../coaching/coaching.views.tsx';
import type { NeedProgrammes } from '../coaching/recommendations.service.ts';
import type { CycleSettingsRow } from './settings.service.ts';
import type { StarBand } from '../cycles/cycles.rules.ts';

type Values = Record<string, unknown>;

function useText() {
  const v = useView();
  return { v, t: v.tr(resultsText), lang: v.lang };
}

/** A score with two decimals in the user's language (80,25 / 80.25). */
export function fmt(x: number | null | undefined, lang: Lang): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = (Math.round(x * 100) / 100).toFixed(2);
  return lang === 'id' ? s.replace('.', ',') : s;
}

export const starWords = (star: number | null | undefined, lang: Lang) =>
  star === null || star === undefined ? '—' : starText(star)[lang];

function StatusTag(props: { row: ResultRow }) {
  const { t } = useText();
  const r = props.row;
  if (r.stored?.status === 'decided') return <Tag tone="green">{t('decided')}</Tag>;
  if (!r.result.complete)
    return <Tag tone="grey">{r.result.count === 0 ? t('noSheets') : t('incomplete')}</Tag>;
  return <Tag tone="blue">{t('open')}</Tag>;
}

/** The decided star beside the computed one (an override stays visible with its reason). */
function StarCell(props: { row: ResultRow }) {
  const { t, lang } = useText();
  const r = props.row;
  const computed = r.stored?.status === 'decided' ? r.stored.computedStar : (r.classification?.star ?? null);
  if (r.stored?.status === 'decided' && r.stored.finalStar !== r.stored.computedStar)
    return (
      <span>
        <strong>{starWords(r.stored.finalStar, lang)}</strong> <Tag tone="purple">{t('override')}</Tag>
        <br />
        <span class="muted">
          {t('computedStar')}: {starWords(computed, lang)}. {t('overrideReason')}: {r.stored.overrideReason}
        </span>
      </span>
    );
  return <span>{starWords(r.stored?.finalStar ?? computed, lang)}</span>;
}

function PreviousCell(props: { row: ResultRow }) {
  const { t, lang } = useText();
  const r = props.row;
  if (!r.previous) return <span>{r.starChange ? t('change_new') : '—'}</span>;
  return (
    <span>
      {t('previousLine', { star: starWords(r.previous.stars, lang), year: r.previous.year })}
      {r.starChange && <> — {t(`change_${r.starChange}`)}</>}
    </span>
  );
}

export function ResultsPage(props: {
  view: CycleResultsView;
  rows: ResultRow[];
  next?: string | null;
  prev?: string | null;
  filter: ResultsFilter;
  kabkota: { code: string; name: string }[];
  regions: Map<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang } = useText();
  const { view } = props;
  const cycleId = view.config.cycle.id;
  const base = `/assessment/cycles/${cycleId}`;
  const a = view.agreement;
  return (
    <>
      <BackLink href={`/cycles/${cycleId}`} />
      <PageHeading title={t('title')} caption={view.config.cycle.name}>
        <p class="lead">{t('lead')}</p>
        <p class="actions">
          <LinkButton href={`${base}/settings`}>{t('settings')}</LinkButton>{' '}
          <a href={`${base}/results.xlsx`}>{t('exportXlsx')}</a> ·{' '}
          <a href={`${base}/results.pdf`}>{t('exportPdf')}</a> ·{' '}
          <a href={`${base}/matrix.pdf`}>{t('exportMatrixPdf')}</a>
        </p>
      </PageHeading>
      <section class="results-agreement">
        <h2>{t('agreement')}</h2>
        <p>
          {t('alphaLine', { alpha: a.alpha === null ? '—' : a.alpha.toFixed(3), units: a.units })}{' '}
          <strong>{t(`reading_${a.reading}`)}</strong>
        </p>
        <p class="muted">{a.note.text[lang]}</p>
      </section>
      <section>
        <h2>{t('assessors')}</h2>
        {view.assessors.length === 0 ? (
          <EmptyState />
        ) : (
          <Table
            caption={t('assessorsCaption')}
            columns={[
              { label: t('assessor') },
              { label: t('sheetsCount'), numeric: true },
              { label: t('meanScore'), numeric: true },
              { label: t('severity'), numeric: true },
              { label: t('tendency') },
            ]}
          >
            {view.assessors.map((x) => (
              <tr>
                <td>{x.name}</td>
                <td class="numeric">{x.sheets}</td>
                <td class="numeric">{fmt(x.mean, lang)}</td>
                <td class="numeric">{x.severity === null ? '—' : fmt(x.severity, lang)}</td>
                <td>
                  <Tag
                    tone={x.tendency === 'in_line' ? 'green' : x.tendency === 'unknown' ? 'grey' : 'yellow'}
                  >
                    {t(`tendency_${x.tendency}`)}
                  </Tag>{' '}
                  <span class="muted">{x.notes.map((n) => n.text[lang]).join(' ')}</span>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section>
        <h2>{t('nominationsCaption')}</h2>
        <Form action={`${base}/results`} method="get" class="filters">
          <Select
            name="kabkota"
            label={t('region')}
            options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
            emptyLabel={t('anyRegion')}
            value={props.filter.kabkota ?? ''}
          />
          <Select
            name="commodity"
            label={t('commodity')}
            options={COMMODITIES.map((c) => ({ value: c, label: commodityLabel(c, lang) }))}
            emptyLabel={t('anyCommodity')}
            value={props.filter.commodity ?? ''}
          />
          <Checkbox
            name="flagged"
            value="1"
            label={t('flaggedOnly')}
            checked={props.filter.flagged ?? false}
          />
          <Button variant="secondary">{t('filter')}</Button>
        </Form>
        <ErrorSummary errors={props.errors} />
        {props.rows.length === 0 ? (
          <EmptyState>{view.rows.length === 0 ? t('none') : t('noneFiltered')}</EmptyState>
        ) : (
          <Form action={`${base}/results/decide`}>
            <Table
              caption={t('nominationsCaption')}
              captionHidden
              columns={[
                { label: t('decide') },
                { label: t('nomination') },
                { label: t('sheets') },
                { label: t('mean'), numeric: true },
                { label: t('median'), numeric: true },
                { label: t('spread'), numeric: true },
                { label: t('normalisedMean'), numeric: true },
                { label: t('completeness') },
                { label: t('score'), numeric: true },
                { label: t('star') },
                { label: t('rank'), numeric: true },
                { label: t('previousStar') },
                { label: t('status') },
              ]}
            >
              {props.rows.map((r) => {
                const n = r.nomination;
                const decidable = r.stored?.status !== 'decided' && n.state === 'assessed';
                return (
                  <tr class={r.result.flagged ? 'row-flagged' : undefined}>
                    <td>
                      {decidable && (
                        <span class="checkbox-inline">
                          <input type="checkbox" name="ids" value={n.id} id={`pick-${n.id}`} />
                          <label for={`pick-${n.id}`} class="visually-hidden">
                            {t('choose', { name: n.productName })}
                          </label>
                        </span>
                      )}
                    </td>
                    <td>
                      <strong>{n.productName}</strong> — {n.ikmName}
                      <br />
                      <span class="muted">
                        {props.regions.get(n.kabkotaCode) ?? n.kabkotaCode} ·{' '}
                        {commodityLabel(n.commodity, lang)}
                      </span>
                      <br />
                      <a href={`/assessment/nominations/${n.id}/decide`}>{t('decide')}</a> ·{' '}
                      <a href={`/assessment/nominations/${n.id}/gaps`}>{t('gaps')}</a>
                      {(r.result.flagged || r.stored?.agreedScore != null) && (
                        <>
                          {' '}
                          · <a href={`/assessment/nominations/${n.id}/moderation`}>{t('moderate')}</a>
                        </>
                      )}
                    </td>
                    <td>
                      <ul class="plain">
                        {r.sheets.map((s) => (
                          <li>
                            {s.assessorName}: {fmt(s.total, lang)}
                            {view.settings.resultsOptions.normalise && <> / {fmt(s.normalised, lang)}</>}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td class="numeric">{fmt(r.result.mean, lang)}</td>
                    <td class="numeric">{fmt(r.result.median, lang)}</td>
                    <td class="numeric">
                      {fmt(
                        view.settings.resultsOptions.disagreement.measure === 'sd'
                          ? r.result.sd
                          : r.result.range,
                        lang,
                      )}
                      {r.result.flagged && (
                        <>
                          {' '}
                          <Tag tone="red">{t('flagged')}</Tag>
                        </>
                      )}
                    </td>
                    <td class="numeric">{fmt(r.result.normalisedMean, lang)}</td>
                    <td>
                      {r.result.expected === null
                        ? r.result.count
                        : t('sheetsOf', { count: r.result.count, expected: r.result.expected })}
                    </td>
                    <td class="numeric">
                      {fmt(r.result.score, lang)}
                      {r.result.scoreSource === 'moderated' && (
                        <>
                          {' '}
                          <Tag tone="purple">{t('moderated')}</Tag>
                        </>
                      )}
                    </td>
                    <td>
                      <StarCell row={r} />
                    </td>
                    <td class="numeric">
                      {r.rank?.rank ?? '—'}
                      {r.rank && r.rank.notes.length > 0 && (
                        <span class="muted"> {r.rank.notes.map((x) => x.text[lang]).join(' ')}</span>
                      )}
                    </td>
                    <td>
                      <PreviousCell row={r} />
                    </td>
                    <td>
                      <StatusTag row={r} />
                    </td>
                  </tr>
                );
              })}
            </Table>
            <Button>{t('decideChosen')}</Button>
          </Form>
        )}
        <Pagination next={props.next} prev={props.prev} />
      </section>
    </>
  );
}

/** What the result says and why: figures, class, gates, ties, the earlier star. */
function ResultSummary(props: { row: ResultRow }) {
  const { t, lang } = useText();
  const r = props.row;
  return (
    <>
      <SummaryList
        rows={[
          {
            key: t('sheets'),
            value: r.sheets.map((s) => `${s.assessorName}: ${fmt(s.total, lang)}`).join('; ') || '—',
          },
          { key: t('mean'), value: fmt(r.result.mean, lang) },
          { key: t('median'), value: fmt(r.result.median, lang) },
          { key: t('spread'), value: fmt(r.result.range, lang) },
          {
            key: t('completeness'),
            value:
              r.result.expected === null
                ? String(r.result.count)
                : t('sheetsOf', { count: r.result.count, expected: r.result.expected }),
          },
          { key: t('score'), value: fmt(r.result.score, lang) },
          { key: t('computedStar'), value: starWords(r.classification?.star ?? null, lang) },
          { key: t('star'), value: <StarCell row={r} /> },
          { key: t('previousStar'), value: <PreviousCell row={r} /> },
        ]}
      />
      <h2>{t('why')}</h2>
      <ul>
        {[...r.result.notes, ...(r.classification?.notes ?? []), ...(r.rank?.notes ?? [])].map((n) => (
          <li>{n.text[lang]}</li>
        ))}
      </ul>
    </>
  );
}

export function DecidePage(props: {
  row: ResultRow;
  maxStar: number;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang } = useText();
  const r = props.row;
  const n = r.nomination;
  const locked = r.stored?.status === 'decided';
  const computed = r.classification?.star ?? 0;
  const options = Array.from({ length: props.maxStar + 1 }, (_, s) => ({
    value: String(s),
    label: s === computed ? t('keepComputed', { star: starWords(s, lang) }) : starWords(s, lang),
  }));
  return (
    <>
      <BackLink href={`/assessment/cycles/${n.cycleId}/results`} label={t('backToResults')} />
      <PageHeading title={t('decideTitle', { name: n.productName })} caption={n.ikmName}>
        <p class="lead">{t('decideLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <ResultSummary row={r} />
      {!locked && (
        <Form action={`/assessment/nominations/${n.id}/decide`}>
          <input type="hidden" name="version" value={String(r.stored?.version ?? 0)} />
          <Radios
            name="star"
            label={t('starToDecide')}
            options={options}
            value={str(props.values, 'star') || String(computed)}
            error={props.errors?.star}
          />
          <TextArea
            name="overrideReason"
            label={t('overrideReason')}
            hint={t('overrideHint')}
            optional
            value={str(props.values, 'overrideReason')}
            error={props.errors?.overrideReason}
          />
          <Button>{t('review')}</Button>
        </Form>
      )}
    </>
  );
}

/** The confirmation step: what will be recorded, before anything is locked. */
export function ConfirmDecisionPage(props: { preview: DecisionPreview; version: string }) {
  const { t, lang } = useText();
  const { preview } = props;
  const n = preview.row.nomination;
  return (
    <>
      <BackLink href={`/assessment/nominations/${n.id}/decide`} />
      <PageHeading title={t('confirmTitle')} caption={`${n.productName} — ${n.ikmName}`}>
        <p class="lead">{t('confirmLead')}</p>
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('score'), value: fmt(preview.row.result.score, lang) },
          { key: t('computedStar'), value: starWords(preview.computedStar, lang) },
          { key: t('finalStar'), value: starWords(preview.finalStar, lang) },
          ...(preview.overrideReason ? [{ key: t('overrideReason'), value: preview.overrideReason }] : []),
          { key: t('previousStar'), value: <PreviousCell row={preview.row} /> },
        ]}
      />
      <Form action={`/assessment/nominations/${n.id}/decide`}>
        <input type="hidden" name="version" value={props.version} />
        <input type="hidden" name="star" value={String(preview.finalStar)} />
        <input type="hidden" name="overrideReason" value={preview.overrideReason ?? ''} />
        <input type="hidden" name="confirmed" value="yes" />
        <Button>{t('confirm')}</Button> <a href={`/assessment/nominations/${n.id}/decide`}>{t('cancel')}</a>
      </Form>
    </>
  );
}

/** The bulk confirmation: each chosen result with its computed star. */
export function BulkConfirmPage(props: { cycleId: string; rows: ResultRow[] }) {
  const { t, lang } = useText();
  return (
    <>
      <BackLink href={`/assessment/cycles/${props.cycleId}/results`} label={t('backToResults')} />
      <PageHeading title={t('confirmTitle')}>
        <p class="lead">{t('bulkConfirmLead')}</p>
      </PageHeading>
      <ul>
        {props.rows.map((r) => (
          <li>
            {r.nomination.productName} — {r.nomination.ikmName}: {fmt(r.result.score, lang)},{' '}
            {starWords(r.classification?.star ?? null, lang)}
          </li>
        ))}
      </ul>
      <Form action={`/assessment/cycles/${props.cycleId}/results/decide`}>
        {props.rows.map((r) => (
          <input type="hidden" name="ids" value={r.nomination.id} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <Button>{t('confirm')}</Button>{' '}
        <a href={`/assessment/cycles/${props.cycleId}/results`}>{t('cancel')}</a>
      </Form>
    </>
  );
}

export function BulkOutcomePage(props: { cycleId: string; outcomes: BulkDecision[] }) {
  const { t, lang } = useText();
  const ok = props.outcomes.filter((o) => o.ok).length;
  const skipped = props.outcomes.filter((o) => !o.ok);
  return (
    <>
      <BackLink href={`/assessment/cycles/${props.cycleId}/results`} label={t('backToResults')} />
      <PageHeading title={t('title')}>
        <p class="lead">{t('bulkDone', { ok, skipped: skipped.length })}</p>
      </PageHeading>
      {skipped.length > 0 && (
        <Panel title={t('bulkSkipped')} tone="warning">
          <ul>
            {skipped.map((o) => (
              <li>
                {o.name}: {o.message ? render(o.message, lang, o.params) : ''}
              </li>
            ))}
          </ul>
        </Panel>
      )}
    </>
  );
}

export function ModerationPage(props: {
  row: ResultRow;
  posts: PostView[];
  admin: boolean;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang } = useText();
  const r = props.row;
  const n = r.nomination;
  const locked = r.stored?.status === 'decided';
  return (
    <>
      {props.admin ? (
        <BackLink href={`/assessment/cycles/${n.cycleId}/results`} label={t('backToResults')} />
      ) : (
        <BackLink href="/assessment" />
      )}
      <PageHeading title={t('moderationTitle', { name: n.productName })} caption={n.ikmName}>
        <p class="lead">{t('moderationLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      {!r.result.flagged && <p>{t('notFlagged')}</p>}
      <SummaryList
        rows={[
          ...(props.admin
            ? [
                {
                  key: t('sheets'),
                  value: r.sheets.map((s) => `${s.assessorName}: ${fmt(s.total, lang)}`).join('; '),
                },
              ]
            : [{ key: t('sheets'), value: r.sheets.map((s) => fmt(s.total, lang)).join('; ') }]),
          { key: t('mean'), value: fmt(r.result.mean, lang) },
          { key: t('spread'), value: fmt(r.result.range, lang) },
        ]}
      />
      {r.stored?.agreedScore != null && (
        <p>
          <strong>
            {t('agreedCurrent', {
              score: fmt(r.stored.agreedScore, lang),
              reason: r.stored.agreedReason ?? '',
            })}
          </strong>
        </p>
      )}
      <h2>{t('posts')}</h2>
      {props.posts.length === 0 ? (
        <EmptyState>{t('noPosts')}</EmptyState>
      ) : (
        <ol class="moderation-posts">
          {props.posts.map((p) => (
            <li>
              <p class="muted">
                {p.authorName} · {formatDateTime(p.createdAt, lang)}
              </p>
              <p>{p.body}</p>
            </li>
          ))}
        </ol>
      )}
      {!locked && (
        <Form action={`/assessment/nominations/${n.id}/moderation/posts`}>
          <TextArea
            name="body"
            label={t('post')}
            value={str(props.values, 'body')}
            error={props.errors?.body}
          />
          <Button variant="secondary">{t('send')}</Button>
        </Form>
      )}
      {props.admin && !locked && r.result.flagged && (
        <Form action={`/assessment/nominations/${n.id}/moderation/agreed`}>
          <input type="hidden" name="version" value={String(r.stored?.version ?? 0)} />
          <TextInput
            name="agreedScore"
            label={t('agreedScore')}
            value={str(props.values, 'agreedScore')}
            error={props.errors?.agreedScore}
          />
          <TextArea
            name="agreedReason"
            label={t('agreedReason')}
            value={str(props.values, 'agreedReason')}
            error={props.errors?.agreedReason}
          />
          <Button>{t('recordAgreed')}</Button>
        </Form>
      )}
    </>
  );
}

export function GapsPage(props: {
  row: ResultRow;
  gaps: GapAnalysis | null;
  /** The programmes answering each coaching need, when the reader may enrol IKMs. */
  needs?: NeedProgrammes[] | null | undefined;
  errors?: FieldErrors | undefined;
  /** The need a refused enrolment was for, to put its message beside it. */
  failedKind?: string | undefined;
}) {
  const { t, lang } = useText();
  const n = props.row.nomination;
  const g = props.gaps;
  return (
    <>
      <BackLink href={`/assessment/cycles/${n.cycleId}/results`} label={t('backToResults')} />
      <PageHeading title={t('gapsTitle', { name: n.productName })} caption={n.ikmName}>
        <p class="lead">{t('gapsLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      {!g ? (
        <EmptyState>{t('noGaps')}</EmptyState>
      ) : (
        <GapsBody
          gaps={g}
          lang={lang}
          enrol={
            props.needs
              ? { row: props.row, needs: props.needs, errors: props.errors, failedKind: props.failedKind }
              : undefined
          }
        />
      )}
    </>
  );
}

/** The gap analysis itself: the sentences, the table by gain, and the coaching needs (with enrolment when given). */
export function GapsBody(props: {
  gaps: GapAnalysis;
  lang: Lang;
  enrol?:
    | {
        row: ResultRow;
        needs: NeedProgrammes[];
        errors?: FieldErrors | undefined;
        failedKind?: string | undefined;
      }
    | undefined;
}) {
  const { t } = useText();
  const { gaps, lang, enrol } = props;
  return (
    <>
      <h2>{t('nextStar')}</h2>
      <ul>
        {gaps.notes.map((n) => (
          <li>{n.text[lang]}</li>
        ))}
      </ul>
      <Table
        caption={t('gaps')}
        captionHidden
        columns={[
          { label: t('criterion') },
          { label: t('lost'), numeric: true },
          { label: t('nextLevel') },
          { label: t('gain'), numeric: true },
          { label: t('coaching') },
        ]}
      >
        {gaps.criteria.map((c) => (
          <tr>
            <td>
              {c.code} {c.name[lang]}
            </td>
            <td class="numeric">{fmt(c.lost, lang)}</td>
            <td>{c.next ? `${c.next.level}: ${c.next.label[lang]}` : '—'}</td>
            <td class="numeric">{c.next ? `+${fmt(c.next.gain, lang)}` : '—'}</td>
            <td>{COACHING_KIND_NAMES[c.coaching][lang]}</td>
          </tr>
        ))}
      </Table>
      <h2 id="coaching-needs">{t('coachingNeeds')}</h2>
      {enrol && <p>{t('needsLead')}</p>}
      <Table
        caption={t('coachingNeeds')}
        captionHidden
        columns={[
          { label: t('coaching') },
          { label: t('needPoints'), numeric: true },
          { label: t('needCriteria') },
          ...(enrol ? [{ label: t('enrolNeed') }] : []),
        ]}
      >
        {gaps.coaching.map((c) => (
          <tr id={`need-${c.kind}`}>
            <td>{c.name[lang]}</td>
            <td class="numeric">+{fmt(c.lost, lang)}</td>
            <td>{c.criteria.join(', ')}</td>
            {enrol && (
              <td>
                <NeedEnrolment
                  row={enrol.row}
                  kind={c.kind}
                  name={c.name[lang]}
                  need={enrol.needs.find((x) => x.kind === c.kind)}
                  error={enrol.failedKind === c.kind ? enrol.errors?.programmeId : undefined}
                />
              </td>
            )}
          </tr>
        ))}
      </Table>
    </>
  );
}

/** One need's enrolment: the programmes the IKM could join (a select and a button), or where it already is. */
function NeedEnrolment(props: {
  row: ResultRow;
  kind: CoachingKind;
  name: string;
  need: NeedProgrammes | undefined;
  error?: string | undefined;
}) {
  const { t, lang, v } = useText();
  const c = v.tr(coachingText);
  const n = props.row.nomination;
  const open = props.need?.open ?? [];
  const taking = props.need?.taking ?? [];
  // The refused need's select takes the id the error summary links to.
  const selectId = props.error ? fieldId('programmeId') : `enrol-${props.kind}`;
  const errorId = `${selectId}-error`;
  return (
    <>
      {taking.map((p) => (
        <p>{t('takingPart', { title: p.title })}</p>
      ))}
      {open.length > 0 ? (
        <Form action={`/assessment/nominations/${n.id}/gaps/enrol`} class="enrol-form">
          <input type="hidden" name="kind" value={props.kind} />
          <div class={props.error ? 'field field-error' : 'field'}>
            <label for={selectId}>{c('enrolIn')}</label>
            {props.error && (
              <p class="error-message" id={errorId}>
                {props.error}
              </p>
            )}
            <select
              id={selectId}
              name="programmeId"
              class="input"
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? errorId : undefined}
            >
              {open.map((p) => (
                <option value={p.id}>{`${p.title} (${programmeDates(p, lang)})`}</option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            class="button button-primary"
            aria-label={t('enrolNeedLabel', { name: n.ikmName, kind: props.name })}
          >
            {c('enrol')}
          </button>
        </Form>
      ) : (
        taking.length === 0 && (
          <p>
            <span class="muted">{c('noMatchingProgramme', { kind: props.name })}</span>
            <br />
            <a href={`/coaching/programmes/new?kind=${props.kind}`}>
              {c('createMatching', { kind: props.name })}
            </a>
          </p>
        )
      )}
    </>
  );
}

export function SettingsPage(props: {
  cycleId: string;
  cycleName: string;
  cycleVersion: number;
  maxStar: number;
  settings: CycleSettingsRow;
  bands: StarBand[];
  values?: Values;
  errors?: FieldErrors | undefined;
  stale?: boolean;
}) {
  const { t, lang } = useText();
  const s = props.settings;
  const o = s.resultsOptions;
  const val = (key: string, fallback: string) => (props.values ? str(props.values, key) : fallback);
  const checked = (key: string, fallback: boolean) =>
    props.values ? str(props.values, key) !== '' : fallback;
  const e = props.errors ?? {};
  const gates: (Gate | null)[] = [...(s.gates as Gate[]), null];
  return (
    <>
      <BackLink href={`/assessment/cycles/${props.cycleId}/results`} label={t('backToResults')} />
      <PageHeading title={t('settingsTitle', { cycle: props.cycleName })}>
        <p class="lead">{t('settingsLead')}</p>
      </PageHeading>
      {props.stale && (
        <Panel title={t('stale')} tone="warning">
          {''}
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`/assessment/cycles/${props.cycleId}/settings`} id="settings-form">
        <input type="hidden" name="version" value={String(s.version)} />
        <input type="hidden" name="cycleVersion" value={String(props.cycleVersion)} />
        <TextInput name="k" label={t('k')} value={val('k', String(s.assessorsPerNomination))} error={e.k} />
        <Radios
          name="aggregate"
          label={t('aggregate')}
          options={[
            { value: 'mean', label: t('aggregate_mean') },
            { value: 'median', label: t('aggregate_median') },
          ]}
          value={val('aggregate', o.aggregate)}
          error={e.aggregate}
        />
        <Radios
          name="measure"
          label={t('measure')}
          options={[
            { value: 'range', label: t('measure_range') },
            { value: 'sd', label: t('measure_sd') },
          ]}
          value={val('measure', o.disagreement.measure)}
          error={e.measure}
        />
        <TextInput
          name="threshold"
          label={t('threshold')}
          hint={t('thresholdHint')}
          optional
          value={val('threshold', o.disagreement.threshold === null ? '' : String(o.disagreement.threshold))}
          error={e.threshold}
        />
        <Checkbox name="normalise" label={t('normalise')} checked={checked('normalise', o.normalise)} />
        <TextInput
          name="minSheets"
          label={t('minSheets')}
          value={val('minSheets', String(o.minSheetsToNormalise))}
          error={e.minSheets}
        />
        <TextInput
          name="severityThreshold"
          label={t('severityThreshold')}
          value={val('severityThreshold', String(o.severity.threshold))}
          error={e.severityThreshold}
        />
        <TextInput
          name="severityShared"
          label={t('severityShared')}
          value={val('severityShared', String(o.severity.minShared))}
          error={e.severityShared}
        />
        <fieldset class="fieldset">
          <legend>{t('bands')}</legend>
          <p class="hint">{t('bandsHint')}</p>
          {e.bands && <p class="error-message">{e.bands}</p>}
          {Array.from({ length: props.maxStar }, (_, i) => i + 1).map((star) => {
            const b = props.bands.find((x) => x.stars === star);
            const name = starText(star)[lang];
            return (
              <div class="band-row">
                <TextInput
                  name={`bands.${star}.min`}
                  label={t('bandFrom', { star: name })}
                  value={val(`bands.${star}.min`, b ? String(b.min) : '')}
                  error={e[`bands.${star}.min`]}
                />
                <TextInput
                  name={`bands.${star}.max`}
                  label={t('bandTo', { star: name })}
                  value={val(`bands.${star}.max`, b ? String(b.max) : '')}
                  error={e[`bands.${star}.max`]}
                />
              </div>
            );
          })}
          <TextArea
            name="reason"
            label={t('reason')}
            hint={t('reasonHint')}
            optional
            value={val('reason', '')}
            error={e.reason}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('gatesTitle')}</legend>
          <p class="hint">{t('gatesHint')}</p>
          {gates.map((g, i) => (
            <fieldset class="fieldset gate-row">
              <legend>{g ? t('gate', { n: i + 1 }) : t('newGate')}</legend>
              <TextInput
                name={`gates.${i}.code`}
                label={t('gateCode')}
                value={val(`gates.${i}.code`, g?.code ?? '')}
                error={e[`gates.${i}.code`]}
              />
              <Checkbox
                name={`gates.${i}.enabled`}
                label={t('gateEnabled')}
                checked={checked(`gates.${i}.enabled`, g ? g.enabled !== false : true)}
              />
              <Radios
                name={`gates.${i}.effect`}
                label={t('gateEffect')}
                options={[
                  { value: 'deny', label: t('effect_deny') },
                  { value: 'cap', label: t('effect_cap') },
                ]}
                value={val(`gates.${i}.effect`, g?.effect ?? 'deny')}
                error={e[`gates.${i}.effect`]}
              />
              <TextInput
                name={`gates.${i}.maxStar`}
                label={t('gateMax')}
                optional
                value={val(`gates.${i}.maxStar`, g?.maxStar === undefined ? '' : String(g.maxStar))}
                error={e[`gates.${i}.maxStar`]}
              />
              <TextArea
                name={`gates.${i}.when`}
                label={t('gateWhen')}
                value={val(`gates.${i}.when`, g ? conditionLines(g.when) : '')}
                error={e[`gates.${i}.when`] ?? firstUnder(e, `gates.${i}.when.`)}
              />
              <TextInput
                name={`gates.${i}.reasonId`}
                label={t('gateReasonId')}
                value={val(`gates.${i}.reasonId`, g?.reason.id ?? '')}
                error={e[`gates.${i}.reason`]}
              />
              <TextInput
                name={`gates.${i}.reasonEn`}
                label={t('gateReasonEn')}
                value={val(`gates.${i}.reasonEn`, g?.reason.en ?? '')}
              />
            </fieldset>
          ))}
        </fieldset>
        <TextArea
          name="coachingMap"
          label={t('coachingMapLabel')}
          hint={t('coachingMapHint')}
          optional
          value={val(
            'coachingMap',
            Object.entries(s.coachingMap)
              .map(([code, kind]) => `${code} ${kind}`)
              .join('\n'),
          )}
          error={e.coachingMap}
        />
        <Button>{t('save')}</Button>
      </Form>
    </>
  );
}

function firstUnder(errors: FieldErrors, prefix: string): string | undefined {
  const k = Object.keys(errors).find((x) => x.startsWith(prefix));
  return k ? errors[k] : undefined;
}

/** The IKM profile's section: the latest result of each of its nominations (admin and officers). */
export function IkmResultsPanel(props: {
  rows: {
    nominationId: string;
    cycleName: string;
    product: string;
    status: string;
    finalStar: number | null;
    score: number | null;
  }[];
  /** Link each result to its gap analysis (for the admin, who may open it). */
  gapsLinks?: boolean;
}) {
  const { t, lang } = useText();
  return (
    <section class="ikm-results">
      <h2>{t('panelTitle')}</h2>
      <ul>
        {props.rows.map((r) => (
          <li>
            {t('panelLine', {
              cycle: r.cycleName,
              product: r.product,
              star: r.status === 'decided' ? starWords(r.finalStar, lang) : t('panelNotDecided'),
              score: fmt(r.score, lang),
            })}
            {props.gapsLinks && (
              <>
                {' · '}
                <a href={`/assessment/nominations/${r.nominationId}/gaps`}>
                  {t('panelGaps', { product: r.product })}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The nomination page's link to its gap analysis. */
export function NominationGapsPanel(props: { nominationId: string; product: string }) {
  const { t } = useText();
  return (
    <section class="nomination-gaps">
      <h2>{t('gaps')}</h2>
      <p>
        <a href={`/assessment/nominations/${props.nominationId}/gaps`}>
          {t('panelGaps', { product: props.product })}
        </a>
      </p>
    </section>
  );
}

/** The rounds, each leading to its results and settings. */
export function CyclesIndexPage(props: { page: Page<CycleListRow> }) {
  const { t } = useText();
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('lead')}</p>
      </PageHeading>
      {props.page.rows.length === 0 ? (
        <EmptyState />
      ) : (
        <ul>
          {props.page.rows.map((c) => (
            <li>
              <a href={`/assessment/cycles/${c.id}/results`}>{c.name}</a> ({c.year}) ·{' '}
              <a href={`/assessment/cycles/${c.id}/settings`}>{t('settings')}</a>
            </li>
          ))}
        </ul>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}
