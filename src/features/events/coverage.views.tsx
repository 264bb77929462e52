import { EVENT_KINDS } from '../../db/schema/events.ts';
import { formatDate } from '../../platform/format.ts';
import {
  Button,
  EmptyState,
  Form,
  PageHeading,
  Select,
  Table,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { CoverageAcross, EventCoverage } from './coverage.service.ts';
import type { CoverageFilter } from './events.forms.ts';
import { kindLabel } from './events.labels.ts';
import { eventsText } from './events.messages.ts';
import type { CoverageRow } from './events.rules.ts';

/**
 * The kab/kota as a small grid of tiles: filled and ticked where someone was present, so the state
 * reads without colour too.
 */
export function CoverageGrid(props: { rows: CoverageRow[] }) {
  const v = useView();
  const t = v.tr(eventsText);
  return (
    <ul class="coverage-grid" aria-label={t('sectionCoverage')}>
      {props.rows.map((r) => (
        <li class={r.attended > 0 ? 'covered' : 'missing'}>
          <span class="coverage-mark" aria-hidden="true">
            {r.attended > 0 ? '✓' : '–'}
          </span>
          <span class="coverage-name">{r.name}</span>
          <span class="coverage-count">
            {r.attended > 0 ? t('coveragePeople', { count: r.attended }) : t('notRepresented')}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CoverageTable(props: { coverage: EventCoverage }) {
  const v = useView();
  const t = v.tr(eventsText);
  const { coverage } = props;
  const sum = (f: (r: CoverageRow) => number) => coverage.rows.reduce((s, r) => s + f(r), 0);
  return (
    <Table
      caption={t('sectionCoverage')}
      columns={[
        { label: t('kabkota') },
        { label: t('coverageInvited'), numeric: true },
        { label: t('coverageAttended'), numeric: true },
        { label: t('coverageState') },
      ]}
    >
      {coverage.rows.map((r) => (
        <tr>
          <td>{r.name}</td>
          <td class="numeric">{r.invited}</td>
          <td class="numeric">{r.attended}</td>
          <td>{r.attended > 0 ? `✓ ${t('represented')}` : `– ${t('notRepresented')}`}</td>
        </tr>
      ))}
      <tr>
        <td>{t('coverageOther')}</td>
        <td class="numeric">{coverage.other.invited}</td>
        <td class="numeric">{coverage.other.attended}</td>
        <td />
      </tr>
      <tr class="total-row">
        <th scope="row">{t('total')}</th>
        <td class="numeric">{sum((r) => r.invited) + coverage.other.invited}</td>
        <td class="numeric">{sum((r) => r.attended) + coverage.other.attended}</td>
        <td>
          {coverage.present}/{coverage.total}
        </td>
      </tr>
    </Table>
  );
}

/** Coverage across the events of a period or an OVOP round. */
export function CoverageAcrossPage(props: {
  data: CoverageAcross;
  filter: Partial<CoverageFilter>;
  values: Record<string, unknown>;
  errors?: Record<string, string> | undefined;
  mapUrl: string;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { data } = props;
  const matrix = data.events.length > 0 && data.events.length <= 12;
  const str = (k: string) => (typeof props.values[k] === 'string' ? (props.values[k] as string) : '');
  return (
    <>
      <PageHeading title={t('coverageAcrossTitle')}>
        <p class="lead">{t('coverageAcrossLead')}</p>
      </PageHeading>
      <Form action="/events/coverage" method="get" class="filters">
        <TextInput
          name="from"
          type="date"
          label={t('from')}
          value={str('from')}
          error={props.errors?.from}
          width="medium"
        />
        <TextInput
          name="to"
          type="date"
          label={t('to')}
          value={str('to')}
          error={props.errors?.to}
          width="medium"
        />
        <Select
          name="kind"
          label={t('kind')}
          value={str('kind')}
          emptyLabel={t('allKinds')}
          options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, v.lang) }))}
        />
        {props.filter.cycleId && <input type="hidden" name="cycleId" value={props.filter.cycleId} />}
        <Button variant="secondary">{t('show')}</Button>
      </Form>
      <p class="lead">
        <strong>{t('coverageLine', { present: data.present, total: data.total })}</strong> ·{' '}
        {t('eventsInRange', { count: data.events.length })}
        {data.missing.length > 0 && (
          <>
            <br />
            {t('coverageMissing', { names: data.missing.join(', ') })}
          </>
        )}
      </p>
      <div class="coverage-layout">
        <CoverageGrid rows={data.rows} />
        <figure class="coverage-map">
          <img src={props.mapUrl} alt={t('coverageMapTitle')} width="480" height="276" loading="lazy" />
        </figure>
      </div>
      {data.events.length === 0 ? (
        <EmptyState>{t('noEvents')}</EmptyState>
      ) : (
        <Table
          caption={t('coverageAcrossTitle')}
          columns={[
            { label: t('kabkota') },
            { label: t('coverageEvents'), numeric: true },
            { label: t('coverageAttended'), numeric: true },
            ...(matrix
              ? data.events.map((e) => ({ label: formatDate(e.startsAt, v.lang), numeric: true }))
              : []),
          ]}
        >
          {data.rows.map((r) => (
            <tr class={r.eventsAttended === 0 ? 'missing-row' : undefined}>
              <td>{r.name}</td>
              <td class="numeric">
                {t('coverageEventsOf', { n: r.eventsAttended, total: data.events.length })}
              </td>
              <td class="numeric">{r.attended}</td>
              {matrix && data.events.map((e) => <td class="numeric">{r.perEvent[e.id] ?? '–'}</td>)}
            </tr>
          ))}
        </Table>
      )}
      {matrix && (
        <ol class="event-legend">
          {data.events.map((e) => (
            <li>
              <a href={`/events/${e.id}`}>{e.title}</a> ({formatDate(e.startsAt, v.lang)},{' '}
              {kindLabel(e.kind, v.lang)})
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
