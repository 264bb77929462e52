/**
 * The officer's pages of a nomination after the GOV.UK patterns: a task list (data from the
 * registry, details, each checklist item with its status, eligibility), a page per item, "check your
 * answers" before submitting, and a confirmation page that says what happens next.
 */
import type { Child } from 'hono/jsx';
import type { NominationState } from '../../platform/domain.ts';
import { str } from '../../platform/forms.ts';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../platform/format.ts';
import type { Page } from '../../platform/keyset.ts';
import type { ItemStatus } from '../../platform/nomination-domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  FileInput,
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
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { CycleRow } from '../cycles/cycles.service.ts';
import {
  nominationText,
  outcomeDetail,
  ruleLabel,
  STATE_TONES,
  stateLabel,
} from '../cycles/nominations.messages.ts';
import type { RuleOutcome } from '../cycles/eligibility.ts';
import type { DocumentRow } from '../registry/ikm.service.ts';
import type { ProductListRow } from '../registry/products.service.ts';
import { documentLabel } from '../registry/registry.messages.ts';
import type { Region } from '../regions/regions.service.ts';
import type { AwardListRow } from './awards.service.ts';
import type { CandidateListRow } from './candidates.service.ts';
import { nominationsText } from './nominations.messages.ts';
import type {
  ItemView,
  NominationDetail,
  NominationDocument,
  NominationListRow,
  NominationRow,
} from './nominations.service.ts';

type Values = Record<string, unknown>;

export function useText() {
  const v = useView();
  return { v, t: v.tr(nominationsText), n: v.tr(nominationText) };
}

export function StateTag(props: { state: NominationState }) {
  const { v } = useText();
  return <Tag tone={STATE_TONES[props.state]}>{stateLabel(props.state, v.lang)}</Tag>;
}

const ITEM_TONES: Record<ItemStatus, 'grey' | 'green' | 'yellow'> = {
  not_started: 'grey',
  done: 'green',
  returned: 'yellow',
};

export function ItemStatusTag(props: { status: ItemStatus }) {
  const { t } = useText();
  return <Tag tone={ITEM_TONES[props.status]}>{t(`itemStatus_${props.status}`)}</Tag>;
}

const itemName = (item: { labelId: string; labelEn: string }, lang: 'id' | 'en') =>
  lang === 'id' ? item.labelId : item.labelEn;

// The list -----------------------------------------------------------------------------------------

export function NominationList(props: {
  page: Page<NominationListRow>;
  filter: Values;
  cycles: CycleRow[];
  kabkota: Region[];
  canPropose: boolean;
  canSelect: boolean;
}) {
  const { v, t } = useText();
  const regionName = new Map(props.kabkota.map((r) => [r.code, r.name]));
  const states = Object.keys(STATE_TONES) as NominationState[];
  const rows = props.page.rows;
  const table = (
    <Table
      caption={t('listCaption')}
      columns={[
        ...(props.canSelect ? [{ label: t('selected') }] : []),
        { label: t('product') },
        { label: t('regency') },
        { label: t('commodity') },
        { label: t('cycle') },
        { label: t('state') },
        { label: t('updated') },
      ]}
    >
      {rows.map((r) => (
        <tr>
          {props.canSelect && (
            <td>
              {r.state === 'submitted' && (
                <input
                  type="checkbox"
                  name="ids"
                  value={`${r.id}:${r.version}`}
                  id={`pick-${r.id}`}
                  aria-label={t('select', { name: `${r.productName} (${r.ikmName})` })}
                />
              )}
            </td>
          )}
          <td>
            <a href={`/nominations/${r.id}`}>{r.productName}</a>
            <div class="hint">{r.ikmName}</div>
          </td>
          <td>{regionName.get(r.kabkotaCode) ?? r.kabkotaCode}</td>
          <td>{commodityLabel(r.commodity, v.lang)}</td>
          <td>{r.cycleName}</td>
          <td>
            <StateTag state={r.state} />
          </td>
          <td>{formatDateTime(r.updatedAt, v.lang)}</td>
        </tr>
      ))}
    </Table>
  );
  return (
    <>
      <PageHeading title={t('title')}>
        <div class="action-row">
          {props.canPropose && (
            <LinkButton href="/nominations/new" variant="primary">
              {t('newNomination')}
            </LinkButton>
          )}
          <LinkButton href={`/nominations/funnel${props.filter.cycle ? `?cycle=${props.filter.cycle}` : ''}`}>
            {t('funnel')}
          </LinkButton>
          <LinkButton href="/candidates">{t('candidatesTitle')}</LinkButton>
          <LinkButton href="/earlier-awards">{t('awardsTitle')}</LinkButton>
        </div>
      </PageHeading>
      <Form action="/nominations" method="get" class="filters">
        <Select
          name="cycle"
          label={t('cycle')}
          value={str(props.filter, 'cycle')}
          emptyLabel={t('allCycles')}
          options={props.cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          name="state"
          label={t('state')}
          value={str(props.filter, 'state')}
          emptyLabel={t('allStates')}
          options={states.map((s) => ({ value: s, label: stateLabel(s, v.lang) }))}
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
        <Select
          name="commodity"
          label={t('commodity')}
          value={str(props.filter, 'commodity')}
          emptyLabel={t('allCommodities')}
          options={(
            ['makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah', 'lainnya'] as const
          ).map((c) => ({ value: c, label: commodityLabel(c, v.lang) }))}
        />
        <Button variant="secondary">{t('filter')}</Button>
      </Form>
      {rows.length === 0 ? (
        <EmptyState>{t('noNominations')}</EmptyState>
      ) : props.canSelect ? (
        <Form action="/nominations/bulk">
          {table}
          <fieldset class="form-section bulk">
            <legend>{t('bulkTitle')}</legend>
            <Radios
              name="action"
              label={t('bulkAction')}
              value="pass"
              options={[
                { value: 'pass', label: t('bulk_pass') },
                { value: 'fail', label: t('bulk_fail') },
              ]}
            />
            <div class="checkbox">
              <input id="f-confirmAuto" type="checkbox" name="confirmAuto" value="on" checked />
              <label for="f-confirmAuto">{t('bulkConfirmAuto')}</label>
            </div>
            <TextArea name="reason" label={t('bulkReason')} rows={2} />
            <Button variant="secondary">{t('bulkContinue')}</Button>
          </fieldset>
        </Form>
      ) : (
        table
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

// Creating ---------------------------------------------------------------------------------------------

export function NewNominationPage(props: {
  openCycles: CycleRow[];
  cycleId: string | undefined;
  q: string | undefined;
  results: ProductListRow[] | null;
  shortlist: CandidateListRow[];
  nominated: Map<string, { id: string; state: NominationState }>;
  errors?: FieldErrors | undefined;
}) {
  const { t } = useText();
  const cycleId = props.cycleId;
  const nominateButton = (productId: string, productName: string, candidateId?: string) => {
    const already = props.nominated.get(productId);
    if (already)
      return (
        <a href={`/nominations/${already.id}`}>
          {t('alreadyNominated')} (<StateTag state={already.state} />)
        </a>
      );
    return (
      <Form action="/nominations" class="inline">
        <input type="hidden" name="cycleId" value={cycleId} />
        <input type="hidden" name="productId" value={productId} />
        {candidateId && <input type="hidden" name="candidateId" value={candidateId} />}
        <button type="submit" class="button button-secondary">
          {t('nominate')}
          <span class="visually-hidden"> {productName}</span>
        </button>
      </Form>
    );
  };
  return (
    <>
      <BackLink href="/nominations" />
      <PageHeading title={t('newNomination')}>
        <p class="lead">{t('newNominationLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      {props.openCycles.length === 0 ? (
        <p>{t('noOpenCycle')}</p>
      ) : (
        <Form action="/nominations/new" method="get" class="filters">
          <Select
            name="cycle"
            label={t('cycle')}
            value={cycleId}
            options={props.openCycles.map((c) => ({ value: c.id, label: c.name }))}
          />
          <TextInput
            name="q"
            type="search"
            label={t('findProduct')}
            hint={t('findProductHint')}
            value={props.q}
            width="medium"
          />
          <Button variant="secondary">{t('search')}</Button>
        </Form>
      )}
      {cycleId && props.shortlist.length > 0 && (
        <Table
          caption={t('fromShortlist')}
          columns={[{ label: t('product') }, { label: t('justification') }, { label: t('nominate') }]}
        >
          {props.shortlist.map((c) => (
            <tr>
              <td>
                {c.productName}
                <div class="hint">{c.ikmName}</div>
              </td>
              <td>{c.justification}</td>
              <td>{nominateButton(c.productId, c.productName, c.id)}</td>
            </tr>
          ))}
        </Table>
      )}
      {cycleId && props.results && (
        <Table
          caption={t('searchResults')}
          columns={[{ label: t('product') }, { label: t('commodity') }, { label: t('nominate') }]}
        >
          {props.results.map((p) => (
            <tr>
              <td>
                {p.name}
                <div class="hint">{p.ikmName}</div>
              </td>
              <td>
                <CommodityText commodity={p.commodity} />
              </td>
              <td>{nominateButton(p.id, p.name)}</td>
            </tr>
          ))}
        </Table>
      )}
      {cycleId && props.results && props.results.length === 0 && <EmptyState />}
    </>
  );
}

function CommodityText(props: { commodity: ProductListRow['commodity'] }) {
  const { v } = useText();
  return <>{commodityLabel(props.commodity, v.lang)}</>;
}

// The task list ------------------------------------------------------------------------------------

export interface NominationPermissions {
  /** The officer may change its content now (their kab/kota, an editable state). */
  edit: boolean;
  /** The officer may submit or resubmit it now. */
  submit: boolean;
  withdraw: boolean;
  /** The admin may run administrative selection on it. */
  select: boolean;
  /** A proposal package may be made of it. */
  package: boolean;
}

function WindowLine(props: { d: NominationDetail }) {
  const { v, t } = useText();
  const w = props.d.window;
  if (!w) return null;
  const when = formatDateTime(w.deadline, v.lang);
  return (
    <p class="window-line">
      {w.state === 'open'
        ? t('windowOpen', { when })
        : w.state === 'closed'
          ? t('windowClosed', { when })
          : t('windowNotOpen', { when: formatDateTime(w.startsAt, v.lang) })}
      {w.extensionEndsAt && w.extensionEndsAt > w.endsAt && (
        <> {t('windowExtended', { when: formatDateTime(w.extensionEndsAt, v.lang) })}</>
      )}
    </p>
  );
}

export function Completeness(props: { d: NominationDetail }) {
  const { t } = useText();
  const c = props.d.completeness;
  return (
    <div class="completeness">
      <p id="completeness-label">
        <strong>{t('completeness', { done: c.requiredDone, total: c.requiredTotal })}</strong>
        {c.optionalTotal > 0 && (
          <span class="muted">
            {' '}
            · {t('completenessOptional', { done: c.optionalDone, total: c.optionalTotal })}
          </span>
        )}
      </p>
      <meter
        min="0"
        max={String(Math.max(c.requiredTotal, 1))}
        value={String(c.requiredDone)}
        aria-labelledby="completeness-label"
      />
    </div>
  );
}

/** The product's and IKM's facts, from the registry. */
export function RegistryFacts(props: { d: NominationDetail }) {
  const { v, t } = useText();
  const { ikm, product, sentra } = props.d;
  const none = t('none');
  return (
    <SummaryList
      rows={[
        { key: t('f_product'), value: <a href={`/registry/products/${product.id}`}>{product.name}</a> },
        { key: t('commodity'), value: commodityLabel(props.d.nomination.commodity, v.lang) },
        { key: t('f_ikmName'), value: <a href={`/registry/ikm/${ikm.id}`}>{ikm.name}</a> },
        { key: t('f_owner'), value: ikm.ownerName },
        { key: t('f_nib'), value: ikm.nib ?? none },
        { key: t('regency'), value: props.d.regencyName },
        {
          key: t('f_sentra'),
          value: sentra ? `${sentra.name}${sentra.decreeNumber ? ` · SK ${sentra.decreeNumber}` : ''}` : none,
        },
        {
          key: t('f_workforce'),
          value: `${formatNumber(ikm.workforceMen ?? 0, v.lang)} / ${formatNumber(ikm.workforceWomen ?? 0, v.lang)}`,
        },
        {
          key: t('f_price'),
          value: product.priceMin !== null ? formatRupiah(product.priceMin, v.lang) : none,
        },
        {
          key: t('f_localMaterial'),
          value:
            product.localMaterialPct !== null ? `${formatNumber(product.localMaterialPct, v.lang)} %` : none,
        },
        {
          key: t('f_legal'),
          value: props.d.legalDocuments.length
            ? props.d.legalDocuments
                .map(
                  (doc) =>
                    `${documentLabel(doc.kind, v.lang)} ${doc.number}${doc.expiryDate ? ` (${formatDate(doc.expiryDate, v.lang)})` : ''}`,
                )
                .join('; ')
            : none,
        },
      ]}
    />
  );
}

export function EligibilityTable(props: { outcomes: RuleOutcome[] }) {
  const { v, t, n } = useText();
  const tone = { pass: 'green', fail: 'red', not_applicable: 'grey', flag: 'yellow' } as const;
  return (
    <Table
      caption={t('sectionEligibility')}
      captionHidden
      columns={[{ label: t('rule') }, { label: t('outcome') }, { label: t('detail') }]}
    >
      {props.outcomes.map((o) => (
        <tr>
          <td>{ruleLabel(o.rule, v.lang)}</td>
          <td>
            <Tag tone={tone[o.status]}>{n(`status_${o.status}`)}</Tag>
          </td>
          <td>{outcomeDetail(o, v.lang)}</td>
        </tr>
      ))}
    </Table>
  );
}

function TaskItem(props: { href: string | null; label: string; hint?: Child; status: Child }) {
  return (
    <li class="task-list-item">
      <div class="task-name">
        {props.href ? <a href={props.href}>{props.label}</a> : props.label}
        {props.hint && <div class="hint">{props.hint}</div>}
      </div>
      <div class="task-status">{props.status}</div>
    </li>
  );
}

function ReturnedPanel(props: { d: NominationDetail }) {
  const { v, t } = useText();
  const faults = props.d.items.filter((i) => i.review?.verdict === 'fault');
  if (props.d.nomination.state !== 'returned' || faults.length === 0) return null;
  return (
    <Panel title={stateLabel('returned', v.lang)} tone="warning">
      <ul>
        {faults.map((f) => (
          <li>
            <strong>{itemName(f.item, v.lang)}</strong>: {f.review!.comment}
          </li>
        ))}
      </ul>
      {props.d.adminSelection && (
        <p>
          {t('confirmationNextBody', {
            from: formatDateTime(props.d.adminSelection.startsAt, v.lang),
            to: formatDateTime(props.d.adminSelection.endsAt, v.lang),
          })}
        </p>
      )}
    </Panel>
  );
}

export function NominationPage(props: { d: NominationDetail; can: NominationPermissions; packages: Child }) {
  const { v, t } = useText();
  const { d, can } = props;
  const row = d.nomination;
  const base = `/nominations/${row.id}`;
  return (
    <>
      <BackLink href="/nominations" label={t('backToList')} />
      <PageHeading title={d.product.name} caption={`${t('taskListCaption')} · ${d.cycle.name}`}>
        <p>
          <StateTag state={row.state} /> {d.regencyName} · {d.ikm.name}
        </p>
      </PageHeading>
      <WindowLine d={d} />
      {(row.state === 'admin_passed' || row.state === 'admin_failed') && row.decisionReason && (
        <p>{t('decisionReasonShown', { reason: row.decisionReason })}</p>
      )}
      {row.state === 'withdrawn' && row.withdrawnReason && (
        <p>{t('decisionReasonShown', { reason: row.withdrawnReason })}</p>
      )}
      <ReturnedPanel d={d} />
      <div class="action-row">
        {can.select && (
          <LinkButton href={`${base}/review`} variant="primary">
            {t('review')}
          </LinkButton>
        )}
        {can.submit && (
          <LinkButton href={`${base}/check`} variant="primary">
            {row.state === 'returned' ? t('goToCheckResubmit') : t('goToCheck')}
          </LinkButton>
        )}
        {can.withdraw && <LinkButton href={`${base}/withdraw`}>{t('withdraw')}</LinkButton>}
      </div>
      <Completeness d={d} />

      <ol class="task-list">
        <li>
          <h2 class="task-list-section">{t('sectionData')}</h2>
          <p class="hint">{t('sectionDataHint')}</p>
          <RegistryFacts d={d} />
        </li>
        <li>
          <h2 class="task-list-section">{t('sectionDetails')}</h2>
          <ul class="task-list-items">
            <TaskItem
              href={can.edit ? `${base}/details` : null}
              label={t('statement')}
              hint={row.statement ?? undefined}
              status={
                <Tag tone={row.statement ? 'green' : 'grey'}>
                  {row.statement ? t('itemStatus_done') : t('optional')}
                </Tag>
              }
            />
            <TaskItem
              href={can.edit ? `${base}/details` : null}
              label={t('notLeadReason')}
              hint={row.notLeadReason ?? undefined}
              status={
                <Tag tone={row.notLeadReason ? 'green' : 'grey'}>
                  {row.notLeadReason ? t('itemStatus_done') : t('optional')}
                </Tag>
              }
            />
          </ul>
        </li>
        <li>
          <h2 class="task-list-section">{t('sectionDocuments')}</h2>
          <ul class="task-list-items">
            {d.items.map((i) => (
              <TaskItem
                href={`${base}/items/${i.item.id}`}
                label={itemName(i.item, v.lang)}
                hint={
                  <>
                    {i.item.required ? t('required') : t('optional')}
                    {i.current && <> · {i.current.fileName}</>}
                  </>
                }
                status={<ItemStatusTag status={i.status} />}
              />
            ))}
          </ul>
        </li>
        <li>
          <h2 class="task-list-section">{t('sectionEligibility')}</h2>
          <p class="hint">
            {t('sectionEligibilityHint', {
              deadline: formatDateTime(d.window?.deadline ?? new Date(), v.lang),
            })}
          </p>
          <p>{d.eligibility.eligible ? t('eligible') : t('notEligible')}</p>
          <EligibilityTable outcomes={d.eligibility.outcomes} />
        </li>
        {can.submit && (
          <li>
            <h2 class="task-list-section">{t('sectionSubmit')}</h2>
            <LinkButton href={`${base}/check`} variant="primary">
              {row.state === 'returned' ? t('goToCheckResubmit') : t('goToCheck')}
            </LinkButton>
          </li>
        )}
      </ol>
      {props.packages}
      <History d={d} />
    </>
  );
}

function History(props: { d: NominationDetail }) {
  const { v, t, n } = useText();
  if (props.d.history.length === 0) return null;
  return (
    <>
      <h2>{t('history')}</h2>
      <ol class="history">
        {props.d.history.map((h) => (
          <li>
            <strong>{formatDateTime(h.at, v.lang)}</strong> — {n(`done_${h.action as 'submit'}`)} (
            {stateLabel(h.toState, v.lang)}){h.actorName && <> · {t('historyBy', { name: h.actorName })}</>}
            {h.reason && <div class="hint">{h.reason}</div>}
          </li>
        ))}
      </ol>
    </>
  );
}

// Details ---------------------------------------------------------------------------------------------

export function DetailsPage(props: {
  d: NominationDetail;
  values: Values;
  errors?: FieldErrors | undefined;
  current?: NominationRow | undefined;
}) {
  const { v, t } = useText();
  const row = props.current ?? props.d.nomination;
  const base = `/nominations/${row.id}`;
  return (
    <>
      <BackLink href={base} label={t('backToNomination')} />
      <PageHeading title={t('editDetails')} caption={props.d.product.name} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <div class="compare">
            <div>
              <h3>{v.t('theirVersion')}</h3>
              <SummaryList
                rows={[
                  { key: t('statement'), value: props.current.statement ?? t('notGiven') },
                  { key: t('notLeadReason'), value: props.current.notLeadReason ?? t('notGiven') },
                ]}
              />
            </div>
            <div>
              <h3>{v.t('yourVersion')}</h3>
              <SummaryList
                rows={[
                  { key: t('statement'), value: str(props.values, 'statement') || t('notGiven') },
                  { key: t('notLeadReason'), value: str(props.values, 'notLeadReason') || t('notGiven') },
                ]}
              />
            </div>
          </div>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`${base}/details`}>
        <input type="hidden" name="version" value={String(row.version)} />
        <TextArea
          name="statement"
          label={t('statement')}
          hint={t('statementHint')}
          value={str(props.values, 'statement')}
          error={props.errors?.statement}
          rows={6}
        />
        <TextArea
          name="notLeadReason"
          label={t('notLeadReason')}
          hint={t('notLeadReasonHint')}
          value={str(props.values, 'notLeadReason')}
          error={props.errors?.notLeadReason}
          rows={3}
        />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}

// One checklist item ------------------------------------------------------------------------------------------

function DocumentLine(props: { nominationId: string; doc: NominationDocument }) {
  const { v, t } = useText();
  const doc = props.doc;
  return (
    <>
      <a href={`/nominations/${props.nominationId}/documents/${doc.id}`}>{doc.fileName}</a>{' '}
      <span class="muted">
        ({t(`source_${doc.source}`)}
        {doc.documentNumber && <> · {doc.documentNumber}</>}
        {doc.expiresOn && (
          <>
            {' '}
            · {t('expiresOn')} {formatDate(doc.expiresOn, v.lang)}
          </>
        )}
        )
      </span>
    </>
  );
}

export function ItemPage(props: {
  d: NominationDetail;
  view: ItemView;
  choices: DocumentRow[];
  canEdit: boolean;
  values: Values;
  errors?: FieldErrors | undefined;
  maxMb: number;
}) {
  const { v, t } = useText();
  const { d, view } = props;
  const { item } = view;
  const base = `/nominations/${d.nomination.id}`;
  const deadline = d.window ? formatDate(d.window.deadline, v.lang) : '';
  const label = itemName(item, v.lang);
  return (
    <>
      <BackLink href={base} label={t('backToNomination')} />
      <PageHeading title={label} caption={d.product.name}>
        <p>
          <ItemStatusTag status={view.status} /> {item.required ? t('required') : t('optional')}
        </p>
      </PageHeading>
      <p class="hint">
        {t('itemPageHint', {
          kinds: item.fileKinds.map((k) => k.toUpperCase()).join(', '),
          max: props.maxMb,
        })}
      </p>
      {item.validOnDeadline && <p>{t('itemValidOnDeadline', { deadline })}</p>}
      {view.review?.verdict === 'fault' && (
        <Panel title={t('provinceComment')} tone="warning">
          <p>{view.review.comment}</p>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <h2>{t('currentDocument')}</h2>
      {view.current ? (
        <p>
          <DocumentLine nominationId={d.nomination.id} doc={view.current} />
        </p>
      ) : (
        <p class="muted">{t('noDocument')}</p>
      )}
      {props.canEdit && (
        <>
          <h2>{view.current ? t('uploadReplace') : t('uploadNew')}</h2>
          <Form action={`${base}/items/${item.id}`} multipart>
            <FileInput
              name="file"
              label={t('file')}
              error={props.errors?.file}
              accept={item.fileKinds
                .map(
                  (k) =>
                    ({ jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf' })[
                      k as 'pdf'
                    ] ?? `.${k}`,
                )
                .join(',')}
            />
            {(item.validOnDeadline || item.satisfiedBy.length > 0) && (
              <TextInput
                name="documentNumber"
                label={t('documentNumber')}
                value={str(props.values, 'documentNumber')}
                error={props.errors?.documentNumber}
                width="medium"
                optional={!item.validOnDeadline}
              />
            )}
            {item.validOnDeadline && (
              <TextInput
                name="expiresOn"
                label={t('expiresOn')}
                hint={t('expiresOnHint')}
                value={str(props.values, 'expiresOn')}
                error={props.errors?.expiresOn}
                width="short"
              />
            )}
            <Button>{t('upload')}</Button>
          </Form>
          {item.satisfiedBy.length > 0 && (
            <>
              <h2>{t('attachFromRegistry')}</h2>
              <p class="hint">{t('attachFromRegistryHint')}</p>
              {props.choices.length === 0 ? (
                <p class="muted">{t('none')}</p>
              ) : (
                <Form action={`${base}/items/${item.id}/attach`}>
                  <Radios
                    name="legalDocumentId"
                    label={t('attachFromRegistry')}
                    error={props.errors?.legalDocumentId}
                    value={str(props.values, 'legalDocumentId')}
                    options={props.choices.map((doc) => ({
                      value: doc.id,
                      label: `${documentLabel(doc.kind, v.lang)} ${doc.number}`,
                      hint: [
                        doc.expiryDate ? `${t('expiresOn')} ${formatDate(doc.expiryDate, v.lang)}` : '',
                        doc.fileName ?? t('noScan'),
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    }))}
                  />
                  <Button variant="secondary">{t('attach')}</Button>
                </Form>
              )}
            </>
          )}
          {view.current && (
            <Form action={`${base}/items/${item.id}/remove`} class="inline">
              <button type="submit" class="link-button">
                {t('removeDocument')}
              </button>
            </Form>
          )}
        </>
      )}
      {view.versions.length > 0 && (
        <>
          <h2>{t('versions')}</h2>
          <Table
            caption={t('versions')}
            captionHidden
            columns={[
              { label: t('versionN', { n: '' }).trim() },
              { label: t('file') },
              { label: t('updated') },
            ]}
          >
            {view.versions.map((doc) => (
              <tr>
                <td>
                  {t('versionN', { n: doc.number })}{' '}
                  <Tag tone={doc.supersededAt ? 'grey' : 'green'}>
                    {doc.supersededAt ? t('versionSuperseded') : t('versionCurrent')}
                  </Tag>
                </td>
                <td>
                  <DocumentLine nominationId={d.nomination.id} doc={doc} />
                </td>
                <td>
                  {formatDateTime(doc.createdAt, v.lang)} ·{' '}
                  {doc.round === 0 ? t('roundDraft') : t('roundN', { n: doc.round })}
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

// Check your answers, then confirmation ------------------------------------------------------------------

export function CheckAnswersPage(props: {
  d: NominationDetail;
  errors?: FieldErrors | undefined;
  editable: boolean;
}) {
  const { v, t } = useText();
  const { d } = props;
  const row = d.nomination;
  const base = `/nominations/${row.id}`;
  const resubmit = row.state === 'returned';
  return (
    <>
      <BackLink href={base} label={t('backToNomination')} />
      <PageHeading title={t('checkAnswers')} caption={d.product.name}>
        <p class="lead">{t('checkAnswersLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <WindowLine d={d} />
      <h2>{t('sectionData')}</h2>
      <RegistryFacts d={d} />
      <h2>{t('sectionDetails')}</h2>
      <SummaryList
        rows={[
          {
            key: t('statement'),
            value: row.statement ?? t('notGiven'),
            action: props.editable ? (
              <a href={`${base}/details`}>
                {t('change')}
                <span class="visually-hidden"> {t('statement')}</span>
              </a>
            ) : undefined,
          },
          {
            key: t('notLeadReason'),
            value: row.notLeadReason ?? t('notGiven'),
            action: props.editable ? (
              <a href={`${base}/details`}>
                {t('change')}
                <span class="visually-hidden"> {t('notLeadReason')}</span>
              </a>
            ) : undefined,
          },
        ]}
      />
      <h2>{t('sectionDocuments')}</h2>
      <Completeness d={d} />
      <SummaryList
        rows={d.items.map((i) => ({
          key: `${itemName(i.item, v.lang)}${i.item.required ? '' : ` (${t('optional')})`}`,
          value: i.current ? (
            <DocumentLine nominationId={row.id} doc={i.current} />
          ) : (
            <Tag tone={i.item.required ? 'red' : 'grey'}>{t('noDocument')}</Tag>
          ),
          action: props.editable ? (
            <a href={`${base}/items/${i.item.id}`}>
              {t('change')}
              <span class="visually-hidden"> {itemName(i.item, v.lang)}</span>
            </a>
          ) : undefined,
        }))}
      />
      <h2>{t('sectionEligibility')}</h2>
      <p>{d.eligibility.eligible ? t('eligible') : t('notEligible')}</p>
      <EligibilityTable outcomes={d.eligibility.outcomes} />
      <h2>{resubmit ? t('resubmitNow') : t('submitNow')}</h2>
      <p>{t('declaration')}</p>
      <Form action={`${base}/${resubmit ? 'resubmit' : 'submit'}`}>
        <input type="hidden" name="version" value={String(row.version)} />
        <Button>{resubmit ? t('resubmitNow') : t('submitNow')}</Button>
      </Form>
    </>
  );
}

export function ConfirmationPage(props: { d: NominationDetail; resubmitted: boolean }) {
  const { v, t } = useText();
  const { d } = props;
  const admin = d.adminSelection;
  return (
    <>
      <div class="confirmation-panel">
        <h1>{props.resubmitted ? t('confirmationResubmitTitle') : t('confirmationTitle')}</h1>
        <p>
          {t('confirmationRef')}
          <br />
          <strong>{d.nomination.id.slice(-12).toUpperCase()}</strong>
        </p>
      </div>
      <p>
        {d.product.name} · {d.ikm.name} · {d.cycle.name}
      </p>
      <h2>{t('confirmationNext')}</h2>
      <p>
        {admin
          ? t('confirmationNextBody', {
              from: formatDateTime(admin.startsAt, v.lang),
              to: formatDateTime(admin.endsAt, v.lang),
            })
          : t('confirmationNextNoPhase')}
      </p>
      <p>
        <a href={`/nominations/${d.nomination.id}`}>{t('backToNomination')}</a> ·{' '}
        <a href="/nominations">{t('backToList')}</a>
      </p>
    </>
  );
}

export function WithdrawPage(props: {
  d: NominationDetail;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const { t } = useText();
  const row = props.d.nomination;
  return (
    <>
      <BackLink href={`/nominations/${row.id}`} label={t('backToNomination')} />
      <PageHeading title={t('withdraw')} caption={props.d.product.name}>
        <p>{t('withdrawLead')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action={`/nominations/${row.id}/withdraw`}>
        <input type="hidden" name="version" value={String(row.version)} />
        <TextArea
          name="reason"
          label={t('reason')}
          value={str(props.values, 'reason')}
          error={props.errors?.reason}
          rows={3}
        />
        <Button variant="warning">{t('withdraw')}</Button>
      </Form>
    </>
  );
}

// The IKM profile's panel ------------------------------------------------------------------------------------

export function IkmNominationsPanel(props: {
  ikmId: string;
  nominations: NominationListRow[];
  awards: AwardListRow[];
  canRecordAward: boolean;
}) {
  const { t } = useText();
  return (
    <section class="profile-panel" aria-labelledby="nominations-panel">
      <h2 id="nominations-panel">{t('panelTitle')}</h2>
      {props.nominations.length === 0 ? (
        <p class="muted">{t('panelNone')}</p>
      ) : (
        <ul class="link-list">
          {props.nominations.map((r) => (
            <li>
              <a href={`/nominations/${r.id}`}>
                {r.productName} — {r.cycleName}
              </a>{' '}
              <StateTag state={r.state} />
            </li>
          ))}
        </ul>
      )}
      {props.awards.length > 0 && (
        <ul class="link-list">
          {props.awards.map((a) => (
            <li>
              {'★'.repeat(a.stars)} {t('stars')} {a.stars} · {a.year}
              {a.productName && <> · {a.productName}</>}{' '}
              <span class="muted">({t(`awardSource_${a.source}`)})</span>
            </li>
          ))}
        </ul>
      )}
      {props.canRecordAward && (
        <p>
          <a href={`/earlier-awards/new?ikm=${props.ikmId}`}>{t('newAward')}</a>
        </p>
      )}
    </section>
  );
}
