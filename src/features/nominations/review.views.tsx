/** The province's pages: administrative selection of one nomination, and bulk pass or fail. */
import type { Lang } from '../../platform/domain.ts';
import { str } from '../../platform/forms.ts';
import { render, type Message } from '../../platform/i18n.ts';
import {
  BackLink,
  Button,
  ErrorSummary,
  Form,
  PageHeading,
  Panel,
  Radios,
  SummaryList,
  Table,
  Tag,
  TextArea,
} from '../../platform/ui/components.tsx';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import type { BulkForm } from './nominations.forms.ts';
import type { BulkOutcome } from './nominations.transitions.ts';
import type { ItemView, NominationDetail, NominationListRow } from './nominations.service.ts';
import { EligibilityTable, RegistryFacts, StateTag, useText } from './nominations.views.tsx';

type Values = Record<string, unknown>;

function AutoTags(props: { view: ItemView }) {
  const { t } = useText();
  const a = props.view.auto;
  if (!a.present) return <Tag tone="red">{t('auto_missing')}</Tag>;
  return (
    <>
      <Tag tone="green">{t('auto_present')}</Tag>{' '}
      <Tag tone={a.typeOk ? 'green' : 'red'}>{a.typeOk ? t('auto_typeOk') : t('auto_typeBad')}</Tag>
      {a.validOnDeadline !== null && (
        <>
          {' '}
          <Tag tone={a.validOnDeadline ? 'green' : 'red'}>
            {a.validOnDeadline ? t('auto_valid') : t('auto_expired')}
          </Tag>
        </>
      )}
    </>
  );
}

/** The form's starting values: each item's saved verdict and comment of this round. */
export function reviewValues(d: NominationDetail): Values {
  const values: Values = { decision: 'save' };
  for (const i of d.items) {
    if (i.review) {
      values[`verdict.${i.item.id}`] = i.review.verdict;
      values[`comment.${i.item.id}`] = i.review.comment ?? '';
    }
  }
  return values;
}

export function ReviewPage(props: {
  d: NominationDetail;
  values: Values;
  errors?: FieldErrors | undefined;
  stale?: boolean;
}) {
  const { v, t } = useText();
  const { d } = props;
  const row = d.nomination;
  const base = `/nominations/${row.id}`;
  const label = (i: ItemView) => (v.lang === 'id' ? i.item.labelId : i.item.labelEn);
  return (
    <>
      <BackLink href={base} label={t('backToNomination')} />
      <PageHeading title={t('review')} caption={`${d.product.name} · ${d.regencyName}`}>
        <p>
          <StateTag state={row.state} /> {d.cycle.name}
        </p>
        <p>{t('reviewLead')}</p>
      </PageHeading>
      {props.stale && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <details class="facts">
        <summary>{t('sectionData')}</summary>
        <RegistryFacts d={d} />
        <SummaryList
          rows={[
            { key: t('statement'), value: row.statement ?? t('notGiven') },
            { key: t('notLeadReason'), value: row.notLeadReason ?? t('notGiven') },
          ]}
        />
      </details>
      <h2>{t('sectionEligibility')}</h2>
      <EligibilityTable outcomes={d.eligibility.outcomes} />
      <Form action={`${base}/review`}>
        <input type="hidden" name="version" value={String(row.version)} />
        <h2>{t('sectionDocuments')}</h2>
        {d.items.map((i) => (
          <fieldset class="form-section review-item">
            <legend>
              {label(i)} <span class="muted">({i.item.required ? t('required') : t('optional')})</span>
            </legend>
            <p>
              {i.current ? (
                <a href={`${base}/documents/${i.current.id}`}>{i.current.fileName}</a>
              ) : (
                <span class="muted">{t('noDocument')}</span>
              )}
            </p>
            <p>
              <span class="muted">{t('autoChecks')}:</span> <AutoTags view={i} />
            </p>
            <Radios
              name={`verdict.${i.item.id}`}
              label={t('verdict', { item: label(i) })}
              value={str(props.values, `verdict.${i.item.id}`)}
              error={props.errors?.[`verdict.${i.item.id}`]}
              options={[
                { value: 'ok', label: t('verdict_ok') },
                { value: 'fault', label: t('verdict_fault') },
              ]}
            />
            <TextArea
              name={`comment.${i.item.id}`}
              label={t('faultComment', { item: label(i) })}
              value={str(props.values, `comment.${i.item.id}`)}
              error={props.errors?.[`comment.${i.item.id}`]}
              rows={2}
            />
          </fieldset>
        ))}
        <Radios
          name="decision"
          label={t('decision')}
          value={str(props.values, 'decision') || 'save'}
          error={props.errors?.decision}
          options={[
            { value: 'save', label: t('decision_save') },
            { value: 'return', label: t('decision_return') },
            { value: 'pass', label: t('decision_pass') },
            { value: 'fail', label: t('decision_fail') },
          ]}
        />
        <TextArea
          name="reason"
          label={t('decisionReason')}
          hint={t('decisionReasonHint')}
          value={str(props.values, 'reason')}
          error={props.errors?.reason}
          rows={3}
        />
        <Button>{t('confirmDecision')}</Button>
      </Form>
    </>
  );
}

// Bulk -----------------------------------------------------------------------------------------------------

export function BulkCheckPage(props: {
  form: BulkForm;
  rows: NominationListRow[];
  kabkota: Region[];
  errors?: FieldErrors | undefined;
}) {
  const { t } = useText();
  const names = new Map(props.kabkota.map((r) => [r.code, r.name]));
  const versions = new Map(props.form.ids.map((iv) => iv.split(':') as [string, string]));
  return (
    <>
      <BackLink href="/nominations" label={t('backToList')} />
      <PageHeading title={t('bulkCheckTitle')}>
        <p>{t('bulkCheckLead', { action: t(`bulk_${props.form.action}`), n: props.rows.length })}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Table
        caption={t('bulkTitle')}
        captionHidden
        columns={[{ label: t('product') }, { label: t('regency') }, { label: t('state') }]}
      >
        {props.rows.map((r) => (
          <tr>
            <td>
              {r.productName}
              <div class="hint">{r.ikmName}</div>
            </td>
            <td>{names.get(r.kabkotaCode) ?? r.kabkotaCode}</td>
            <td>
              <StateTag state={r.state} />
            </td>
          </tr>
        ))}
      </Table>
      <SummaryList
        rows={[
          { key: t('bulkAction'), value: t(`bulk_${props.form.action}`) },
          ...(props.form.action === 'pass'
            ? [{ key: t('bulkConfirmAuto'), value: props.form.confirmAuto ? '✓' : '—' }]
            : []),
          { key: t('reason'), value: props.form.reason ?? t('notGiven') },
        ]}
      />
      <Form action="/nominations/bulk">
        <input type="hidden" name="action" value={props.form.action} />
        {props.rows.map((r) => (
          <input type="hidden" name="ids" value={`${r.id}:${versions.get(r.id) ?? r.version}`} />
        ))}
        {props.form.confirmAuto && <input type="hidden" name="confirmAuto" value="on" />}
        <input type="hidden" name="reason" value={props.form.reason ?? ''} />
        <input type="hidden" name="confirmed" value="on" />
        <Button>{t('bulkRun')}</Button>
      </Form>
    </>
  );
}

export function BulkResultPage(props: { outcomes: BulkOutcome[]; rows: NominationListRow[]; lang: Lang }) {
  const { t } = useText();
  const byId = new Map(props.rows.map((r) => [r.id, r]));
  const done = props.outcomes.filter((o) => o.ok);
  const skipped = props.outcomes.filter((o) => !o.ok);
  const say = (m: Message | undefined, params?: Record<string, string | number>) =>
    m ? render(m, props.lang, params) : '';
  return (
    <>
      <PageHeading title={t('bulkResultTitle')} />
      <Panel title={t('bulkDone', { n: done.length })} tone="success">
        <ul>
          {done.map((o) => (
            <li>
              <a href={`/nominations/${o.id}`}>{byId.get(o.id)?.productName ?? o.id}</a>
            </li>
          ))}
        </ul>
      </Panel>
      {skipped.length > 0 && (
        <Panel title={t('bulkSkipped', { n: skipped.length })} tone="warning">
          <ul>
            {skipped.map((o) => (
              <li>
                <a href={`/nominations/${o.id}`}>{byId.get(o.id)?.productName ?? o.id}</a>:{' '}
                {say(o.message, o.params)}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <p>
        <a href="/nominations">{t('backToList')}</a>
      </p>
    </>
  );
}
