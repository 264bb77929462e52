import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  fieldId,
  Form,
  LinkButton,
  PageHeading,
  Panel,
  Radios,
  Select,
  Table,
  Tag,
} from '../../platform/ui/components.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { STATE_TONES, stateLabel } from '../cycles/nominations.messages.ts';
import { assignmentsText } from './assignments.messages.ts';
import type { AssignableNomination, RemovalPlan } from './assignments.service.ts';
import type { AssignResult } from './assign.rules.ts';

function useText() {
  const v = useView();
  return { v, t: v.tr(assignmentsText) };
}

export interface AssessorChoice {
  id: string;
  name: string;
  institution: string;
  cap: number;
  load: number;
}

interface CycleInfo {
  id: string;
  name: string;
  k: number;
}

const base = (cycleId: string) => `/assessment/cycles/${cycleId}/assignments`;

function AssessorNames(props: { nomination: AssignableNomination; removing: Set<string> }) {
  const { t } = useText();
  const n = props.nomination;
  if (n.assessors.length === 0) return <span class="muted">{t('noAssessors')}</span>;
  return (
    <ul class="plain">
      {n.assessors.map((a) => (
        <li>
          {a.sheetStatus !== 'submitted' && (
            <>
              <input
                type="checkbox"
                id={fieldId(`remove-${n.id}-${a.assessorId}`)}
                name="remove"
                value={`${n.id}:${a.assessorId}`}
                checked={props.removing.has(`${n.id}:${a.assessorId}`)}
              />{' '}
              <label for={fieldId(`remove-${n.id}-${a.assessorId}`)}>
                <span class="visually-hidden">{t('removeSelect', { name: a.name, product: n.product })}</span>
              </label>
            </>
          )}
          {a.name}{' '}
          {a.sheetStatus === 'submitted' ? (
            <Tag tone="green">{t('sheetSubmitted')}</Tag>
          ) : (
            <Tag tone="grey">{t('sheetDraft')}</Tag>
          )}
        </li>
      ))}
    </ul>
  );
}

function AssessorSelect(props: { choices: AssessorChoice[]; value?: string; error?: string | undefined }) {
  const { t } = useText();
  return (
    <Select
      name="assessorId"
      label={t('assessor')}
      value={props.value ?? ''}
      error={props.error}
      options={[
        { value: '', label: '—' },
        ...props.choices.map((a) => ({
          value: a.id,
          label: t('assessorOption', { name: a.name, institution: a.institution, load: a.load, cap: a.cap }),
        })),
      ]}
    />
  );
}

/** The admin's list of a cycle's nominations with their assessors, and the bulk form. */
export function AssignmentList(props: {
  cycle: CycleInfo;
  rows: AssignableNomination[];
  choices: AssessorChoice[];
  errors?: FieldErrors | undefined;
  selected?: string[];
  assessorId?: string;
  removing?: string[];
}) {
  const { v, t } = useText();
  const selected = new Set(props.selected ?? []);
  const removing = new Set(props.removing ?? []);
  return (
    <>
      <BackLink href={`/cycles/${props.cycle.id}`} />
      <PageHeading title={t('title')} caption={t('caption', { cycle: props.cycle.name })}>
        <p class="lead">{t('intro')}</p>
        <p>{t('wanted', { k: props.cycle.k })}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      {props.rows.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <>
          <p class="action-row">
            <LinkButton href={`${base(props.cycle.id)}/auto`} variant="primary">
              {t('autoButton')}
            </LinkButton>
          </p>
          <Form action={`${base(props.cycle.id)}/bulk`} id="bulk-form">
            <Table
              caption={t('title')}
              captionHidden
              columns={[
                { label: t('colSelect') },
                { label: t('colNomination') },
                { label: t('colCommodity') },
                { label: t('colRegency') },
                { label: t('colState') },
                { label: t('colAssessors') },
                { label: '' },
              ]}
            >
              {props.rows.map((n) => (
                <tr>
                  <td>
                    <div class="checkbox">
                      <input
                        type="checkbox"
                        id={fieldId(`nominationIds-${n.id}`)}
                        name="nominationIds"
                        value={n.id}
                        checked={selected.has(n.id)}
                      />
                      <label for={fieldId(`nominationIds-${n.id}`)}>
                        <span class="visually-hidden">{t('selectNomination', { name: n.product })}</span>
                      </label>
                    </div>
                  </td>
                  <td>
                    {n.product}
                    <br />
                    <span class="muted">{n.ikm}</span>
                  </td>
                  <td>{commodityLabel(n.commodity, v.lang)}</td>
                  <td>{n.regency}</td>
                  <td>
                    <Tag tone={STATE_TONES[n.state]}>{stateLabel(n.state, v.lang)}</Tag>
                  </td>
                  <td>
                    <AssessorNames nomination={n} removing={removing} />
                  </td>
                  <td>
                    <a href={`${base(props.cycle.id)}/${n.id}`}>
                      {t('manage')}
                      <span class="visually-hidden"> {n.product}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </Table>
            <h2>{t('bulkTitle')}</h2>
            <p class="hint">{t('bulkHint')}</p>
            <AssessorSelect
              choices={props.choices}
              value={props.assessorId}
              error={props.errors?.assessorId}
            />
            <Button>{t('bulkButton')}</Button>
            <h2>{t('bulkRemoveTitle')}</h2>
            <p class="hint">{t('bulkRemoveHint')}</p>
            <Button variant="warning" formaction={`${base(props.cycle.id)}/unassign`}>
              {t('bulkRemoveButton')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}

/** One nomination's assessors: unassign, and assign one more. */
export function NominationAssignments(props: {
  cycle: CycleInfo;
  nomination: AssignableNomination;
  choices: AssessorChoice[];
  conflicted: string[];
  errors?: FieldErrors | undefined;
  assessorId?: string;
}) {
  const { v, t } = useText();
  const n = props.nomination;
  const url = `${base(props.cycle.id)}/${n.id}`;
  return (
    <>
      <BackLink href={base(props.cycle.id)} />
      <PageHeading
        title={t('nominationTitle', { product: n.product })}
        caption={t('caption', { cycle: props.cycle.name })}
      >
        <p>
          {n.ikm} · {commodityLabel(n.commodity, v.lang)} · {n.regency} ·{' '}
          <Tag tone={STATE_TONES[n.state]}>{stateLabel(n.state, v.lang)}</Tag>
        </p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <h2>{t('current')}</h2>
      {n.assessors.length === 0 ? (
        <EmptyState>{t('noAssessors')}</EmptyState>
      ) : (
        <Table
          caption={t('current')}
          captionHidden
          columns={[{ label: t('assessor') }, { label: t('why') }, { label: '' }]}
        >
          {n.assessors.map((a) => (
            <tr>
              <td>
                {a.name}{' '}
                {a.sheetStatus === 'submitted' ? (
                  <Tag tone="green">{t('sheetSubmitted')}</Tag>
                ) : (
                  <Tag tone="grey">{t('sheetDraft')}</Tag>
                )}
              </td>
              <td>{t(`method_${a.method}`)}</td>
              <td>
                {a.sheetStatus !== 'submitted' && (
                  <Form action={`${url}/unassign`}>
                    <input type="hidden" name="assessorId" value={a.assessorId} />
                    <Button variant="warning">
                      {t('unassign')}
                      <span class="visually-hidden"> {a.name}</span>
                    </Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {props.conflicted.length > 0 && (
        <Panel title={t('conflictedNote', { names: props.conflicted.join(', ') })} tone="warning">
          <p>{t('intro')}</p>
        </Panel>
      )}
      {n.state !== 'assessed' && (
        <>
          <h2>{t('assignTitle')}</h2>
          <Form action={url} id="assign-form">
            <AssessorSelect
              choices={props.choices}
              value={props.assessorId}
              error={props.errors?.assessorId}
            />
            <Button>{t('assignButton')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

/** The automatic proposal: each new pair with why, the shortfalls, the loads; confirm writes exactly these pairs. */
export function AutoPreview(props: {
  cycle: CycleInfo;
  expertise: 'hard' | 'soft';
  result: AssignResult;
  nominations: AssignableNomination[];
  names: Map<string, string>;
  errors?: FieldErrors | undefined;
}) {
  const { v, t } = useText();
  const byId = new Map(props.nominations.map((n) => [n.id, n]));
  const r = props.result;
  const short = r.nominations.filter((o) => o.notes.length > 0);
  const name = (id: string) => props.names.get(id) ?? id;
  return (
    <>
      <BackLink href={base(props.cycle.id)} />
      <PageHeading title={t('autoTitle')} caption={t('caption', { cycle: props.cycle.name })}>
        <p class="lead">{t('autoIntro', { k: props.cycle.k })}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action={`${base(props.cycle.id)}/auto`} method="get" class="filters">
        <Radios
          name="expertise"
          label={t('expertiseMode')}
          value={props.expertise}
          options={[
            { value: 'hard', label: t('expertiseHard') },
            { value: 'soft', label: t('expertiseSoft') },
          ]}
        />
        <Button variant="secondary">{t('preview')}</Button>
      </Form>
      {r.problems.length > 0 && (
        <Panel title={t('problems')} tone="warning">
          <ul>
            {r.problems.map((p) => (
              <li>{p.text[v.lang]}</li>
            ))}
          </ul>
        </Panel>
      )}
      <h2>{t('proposed')}</h2>
      {r.assignments.length === 0 ? (
        <EmptyState>{t('nothingToAdd')}</EmptyState>
      ) : (
        <Table
          caption={t('proposed')}
          captionHidden
          columns={[{ label: t('colNomination') }, { label: t('assessor') }, { label: t('why') }]}
        >
          {r.assignments.map((a) => {
            const n = byId.get(a.nominationId);
            return (
              <tr>
                <td>
                  {n?.product}
                  <br />
                  <span class="muted">
                    {n?.ikm} · {n ? commodityLabel(n.commodity, v.lang) : ''}
                  </span>
                </td>
                <td>{name(a.assessorId)}</td>
                <td>{a.notes.map((x) => x.text[v.lang]).join(' ')}</td>
              </tr>
            );
          })}
        </Table>
      )}
      {short.length > 0 && (
        <>
          <h2>{t('shortfalls')}</h2>
          <ul>
            {short.map((o) => (
              <li>
                <strong>{byId.get(o.nominationId)?.product}</strong>:{' '}
                {o.notes.map((x) => x.text[v.lang]).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('loads')}</h2>
      <p>{t('spread', { min: r.spread.min, max: r.spread.max })}</p>
      <Table
        caption={t('loads')}
        captionHidden
        columns={[
          { label: t('assessor') },
          { label: t('colBefore'), numeric: true },
          { label: t('colAfter'), numeric: true },
          { label: t('colCap'), numeric: true },
        ]}
      >
        {r.loads.map((l) => (
          <tr>
            <td>{name(l.assessorId)}</td>
            <td class="numeric">{l.before}</td>
            <td class="numeric">{l.after}</td>
            <td class="numeric">{l.cap}</td>
          </tr>
        ))}
      </Table>
      {r.assignments.length > 0 && (
        <Form action={`${base(props.cycle.id)}/auto`} id="auto-confirm">
          <input type="hidden" name="expertise" value={props.expertise} />
          {r.assignments.map((a) => (
            <input type="hidden" name="pairs" value={`${a.nominationId}:${a.assessorId}`} />
          ))}
          <Button>{t('confirm')}</Button> <a href={base(props.cycle.id)}>{t('cancel')}</a>
        </Form>
      )}
    </>
  );
}

/** The assignments about to be removed, listed once for the admin to confirm. */
export function UnassignConfirm(props: { cycle: CycleInfo; plan: RemovalPlan[] }) {
  const { t } = useText();
  return (
    <>
      <BackLink href={base(props.cycle.id)} />
      <PageHeading title={t('removeConfirmTitle')} caption={t('caption', { cycle: props.cycle.name })}>
        <p class="lead">{t('removeConfirmLead')}</p>
      </PageHeading>
      <Table
        caption={t('removeConfirmTitle')}
        captionHidden
        columns={[{ label: t('colNomination') }, { label: t('assessor') }, { label: t('colState') }]}
      >
        {props.plan.map((p) => (
          <tr>
            <td>{p.product}</td>
            <td>{p.name}</td>
            <td>
              <Tag tone="grey">{p.sheetStatus === 'draft' ? t('sheetDraft') : t('sheetNone')}</Tag>
            </td>
          </tr>
        ))}
      </Table>
      <Form action={`${base(props.cycle.id)}/unassign`} id="unassign-confirm">
        <input type="hidden" name="confirm" value="1" />
        {props.plan.map((p) => (
          <input type="hidden" name="remove" value={`${p.nominationId}:${p.assessorId}`} />
        ))}
        <Button variant="warning">{t('removeConfirmButton')}</Button>{' '}
        <a href={base(props.cycle.id)}>{t('cancel')}</a>
      </Form>
    </>
  );
}

/** The rounds, each linking to its assignment page. */
export function CycleChoice(props: { cycles: { id: string; name: string; year: number }[] }) {
  const { t } = useText();
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('chooseCycle')}</p>
      </PageHeading>
      {props.cycles.length === 0 ? (
        <EmptyState />
      ) : (
        <ul>
          {props.cycles.map((c) => (
            <li>
              <a href={base(c.id)}>{c.name}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
