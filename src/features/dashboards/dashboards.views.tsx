import { formatDate, formatDateTime, formatNumber } from '../../platform/format.ts';
import { mapMessages } from '../../platform/regionmap.ts';
import { render } from '../../platform/i18n.ts';
import { Button, EmptyState, Form, Select, Table } from '../../platform/ui/components.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import { MAP_HEIGHT, MAP_WIDTH, type MapShape } from '../catalog/catalog.map.tsx';
import { dashText } from './dashboards.messages.ts';
import type { AssessorWork, Comparison, DashboardData } from './dashboards.service.ts';
import { type FigureTable, MEASURES, type Measure, SHADES, shadeOf } from './dashboards.tables.ts';

/** The values shade `i` stands for (shadeOf's steps), e.g. "4–6". */
function legendRange(i: number, max: number, lang: 'id' | 'en'): string {
  const lo = Math.floor(((i - 1) * max) / 4) + 1;
  const hi = Math.floor((i * max) / 4);
  if (hi < lo) return '—';
  return lo === hi ? formatNumber(lo, lang) : `${formatNumber(lo, lang)}–${formatNumber(hi, lang)}`;
}

/** A table of figures (the accessible, printable twin of a chart or map). */
export function FigureTableView(props: { table: FigureTable; id?: string }) {
  const v = useView();
  const { table } = props;
  const cell = (value: unknown, numeric?: boolean) =>
    typeof value === 'number'
      ? formatNumber(value, v.lang)
      : numeric && value === null
        ? '—'
        : String(value ?? '');
  return (
    <div id={props.id ?? `t-${table.key}`} class="figure-table">
      <Table
        caption={table.title}
        columns={table.columns.map((c) => ({ label: c.label, numeric: c.numeric ?? false }))}
      >
        {table.rows.map((row) => (
          <tr>
            {row.map((value, i) => (
              <td class={table.columns[i]?.numeric ? 'numeric' : undefined}>
                {cell(value, table.columns[i]?.numeric)}
              </td>
            ))}
          </tr>
        ))}
        {table.total && (
          <tr class="total-row">
            {table.total.map((value, i) =>
              i === 0 ? <th scope="row">{cell(value)}</th> : <td class="numeric">{cell(value, true)}</td>,
            )}
          </tr>
        )}
      </Table>
    </div>
  );
}

/**
 * The choropleth: each kab/kota filled by its value of the measure and linked to its region page,
 * the value at its centre. Regions outside the reader's scope are drawn grey, unlabelled and unlinked.
 */
export function Choropleth(props: {
  shapes: MapShape[];
  values: Map<string, number>;
  names: Map<string, string>;
  title: string;
}) {
  const v = useView();
  const t = v.tr(dashText);
  const max = Math.max(0, ...props.values.values());
  return (
    <figure class="dash-map">
      <svg
        class="choropleth"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT + 16}`}
        width={MAP_WIDTH}
        height={MAP_HEIGHT + 16}
        role="group"
        aria-labelledby="choropleth-title"
      >
        <title id="choropleth-title">{props.title}</title>
        <rect width="100%" height="100%" fill="#f4f8fb" />
        {props.shapes.map((s) => {
          const value = props.values.get(s.code);
          if (value === undefined) return <path d={s.d} fill="#f0f0f0" stroke="#b1b4b6" stroke-width="0.6" />;
          const shade = shadeOf(value, max);
          const name = props.names.get(s.code) ?? s.code;
          return (
            <a
              href={`/regions/${s.code}`}
              aria-label={t('mapRegionLabel', { name, value: formatNumber(value, v.lang) })}
            >
              <path d={s.d} fill={SHADES[shade]} stroke="#505a5f" stroke-width="0.6" />
              <circle cx={s.cx} cy={s.cy} r="11" fill="#ffffff" stroke="#1b1f23" stroke-width="0.8" />
              <text x={s.cx} y={s.cy + 4} text-anchor="middle" font-size="11" fill="#1b1f23">
                {value}
              </text>
            </a>
          );
        })}
        <text x={MAP_WIDTH - 4} y={MAP_HEIGHT + 11} font-size="9" text-anchor="end" fill="#505a5f">
          {render(mapMessages.attribution, v.lang)}
        </text>
      </svg>
      <figcaption>
        <span class="legend-title">{t('mapLegend')}:</span>
        <ul class="map-legend">
          {SHADES.map((colour, i) => (
            <li>
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" fill={colour} stroke="#505a5f" />
              </svg>{' '}
              {i === 0 ? t('mapNone') : legendRange(i, max, v.lang)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A horizontal bar chart (SVG, no script); its numbers are in the table beside it. */
export function BarChart(props: {
  title: string;
  bars: { label: string; value: number }[];
  tableId: string;
}) {
  const v = useView();
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const rowH = 24;
  const labelW = 190;
  const width = 560;
  const height = props.bars.length * rowH + 8;
  return (
    <figure class="dash-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={props.title}
      >
        <title>{props.title}</title>
        {props.bars.map((b, i) => {
          const w = Math.round(((width - labelW - 60) * b.value) / max);
          const y = 4 + i * rowH;
          return (
            <g>
              <text x={labelW - 6} y={y + 15} text-anchor="end" font-size="12" fill="#1b1f23">
                {b.label}
              </text>
              <rect
                x={labelW}
                y={y + 3}
                width={Math.max(w, b.value > 0 ? 2 : 0)}
                height={rowH - 8}
                fill="#0b5c4b"
              />
              <text x={labelW + w + 6} y={y + 15} font-size="12" fill="#1b1f23">
                {formatNumber(b.value, v.lang)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <a href={`#${props.tableId}`}>{props.title}</a>
      </figcaption>
    </figure>
  );
}

/** The GET form choosing the round and the map's measure (works without script). */
export function DashboardFilters(props: { data: DashboardData; measure: Measure }) {
  const v = useView();
  const t = v.tr(dashText);
  return (
    <Form action="/dashboard" method="get" class="filters no-print">
      {props.data.cycles.length > 0 && (
        <Select
          name="cycle"
          label={t('round')}
          value={props.data.cycle?.id ?? ''}
          options={props.data.cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <Select
        name="measure"
        label={t('mapMeasure')}
        value={props.measure}
        options={MEASURES.map((m) => ({ value: m, label: t(`measure_${m}`) }))}
      />
      <Button variant="secondary">{t('show')}</Button>
    </Form>
  );
}

export function Downloads(props: { links: { href: string; label: string }[] }) {
  const t = useView().tr(dashText);
  return (
    <section class="dash-downloads no-print" aria-labelledby="downloads-h">
      <h2 id="downloads-h">{t('downloads')}</h2>
      <ul class="link-list">
        {props.links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
      <p class="hint">{t('print')}</p>
    </section>
  );
}

/** The province or kab/kota dashboard's sections. */
export function ProvinceDashboard(props: {
  data: DashboardData;
  tables: FigureTable[];
  measure: Measure;
  mapValues: Map<string, number>;
  shapes: MapShape[];
  query: string;
}) {
  const v = useView();
  const t = v.tr(dashText);
  const { data } = props;
  const table = (key: string) => props.tables.find((x) => x.key === key);
  const names = new Map(data.kabkota.map((k) => [k.code, k.name]));
  const registryEmpty =
    data.registry.ikmByRegency.length === 0 &&
    data.registry.sentra.length === 0 &&
    data.registry.products.length === 0;
  const measureLabel = t(`measure_${props.measure}`);
  const Show = (p: { k: string }) => {
    const x = table(p.k);
    return x ? <FigureTableView table={x} /> : null;
  };
  return (
    <div class="dashboard">
      <h2 class="dash-title">
        {v.actor?.role === 'petugas_kabkota' && data.kabkota[0]
          ? t('regencyTitle', { name: data.kabkota[0].name })
          : t('provinceTitle')}
      </h2>
      {'at' in data && data.at instanceof Date && (
        <p class="hint">{t('asOf', { time: formatDateTime(data.at, v.lang) })}</p>
      )}
      <DashboardFilters data={data} measure={props.measure} />
      {data.todo && <Todos todo={data.todo} />}

      <section aria-labelledby="map-h" class="dash-section">
        <h2 id="map-h">{t('mapHeading')}</h2>
        <div class="figure-pair">
          <Choropleth
            shapes={props.shapes}
            values={props.mapValues}
            names={names}
            title={t('mapTitle', { measure: measureLabel })}
          />
          <FigureTableView
            id="t-map"
            table={{
              key: 'map',
              title: t('mapTable', { measure: measureLabel }),
              columns: [{ label: t('kabkota') }, { label: measureLabel, numeric: true }],
              rows: data.kabkota.map((k) => [k.name, props.mapValues.get(k.code) ?? 0]),
              total: [t('total'), [...props.mapValues.values()].reduce((s, n) => s + n, 0)],
            }}
          />
        </div>
      </section>

      <section aria-labelledby="registry-h" class="dash-section">
        <h2 id="registry-h">{t('registryHeading')}</h2>
        {registryEmpty && <EmptyState>{t('registryEmpty')}</EmptyState>}
        <div class="figure-pair">
          <Show k="registry-regency" />
          <Show k="registry-commodity" />
        </div>
      </section>

      <section aria-labelledby="funnel-h" class="dash-section">
        <h2 id="funnel-h">{t('funnelHeading', { cycle: data.cycle?.name ?? '—' })}</h2>
        {!data.cycle || !data.funnel ? (
          <EmptyState>{t('noRound')}</EmptyState>
        ) : (
          <>
            {data.funnel.overall.potential === 0 && data.funnel.overall.nominated === 0 ? (
              <EmptyState>{t('funnelEmpty')}</EmptyState>
            ) : (
              <BarChart
                title={t('funnelChart')}
                tableId="t-funnel-regency"
                bars={[
                  { label: t('potential'), value: data.funnel.overall.potential },
                  { label: t('nominated'), value: data.funnel.overall.nominated },
                  { label: t('submitted'), value: data.funnel.overall.submitted },
                  { label: t('passed'), value: data.funnel.overall.passed },
                ]}
              />
            )}
            {/* Eight columns: each table takes the full width so it never needs a scrolling box. */}
            <Show k="funnel-regency" />
            <Show k="funnel-commodity" />
          </>
        )}
      </section>

      <section aria-labelledby="stars-h" class="dash-section">
        <h2 id="stars-h">{t('starsHeading')}</h2>
        <p>{t('starsLead')}</p>
        {data.stars.length === 0 && <EmptyState>{t('starsEmpty')}</EmptyState>}
        <div class="figure-pair">
          <Show k="stars-regency" />
          <Show k="stars-commodity" />
        </div>
      </section>

      <section aria-labelledby="coverage-h" class="dash-section">
        <h2 id="coverage-h">{t('coverageHeading')}</h2>
        {data.coverage.events === 0 ? (
          <EmptyState>{t('coverageEmpty')}</EmptyState>
        ) : (
          <p>
            {t('coverageLead', {
              present: data.coverage.present,
              total: data.coverage.total,
              events: data.coverage.events,
            })}
          </p>
        )}
        <Show k="coverage" />
      </section>

      <section aria-labelledby="programmes-h" class="dash-section">
        <h2 id="programmes-h">{t('programmesHeading')}</h2>
        {data.programmes.ongoing === 0 ? (
          <EmptyState>{t('programmesEmpty')}</EmptyState>
        ) : (
          <p>{t('programmesLead', { n: data.programmes.ongoing })}</p>
        )}
        <div class="figure-pair">
          <Show k="programmes-kind" />
          <Show k="programmes-regency" />
        </div>
        <Show k="outcomes-kind" />
      </section>

      <section aria-labelledby="documents-h" class="dash-section">
        <h2 id="documents-h">{t('documentsHeading')}</h2>
        {data.documents.length === 0 && <EmptyState>{t('documentsEmpty')}</EmptyState>}
        <Show k="documents" />
      </section>

      <section aria-labelledby="overdue-h" class="dash-section">
        <h2 id="overdue-h">{t('overdueHeading')}</h2>
        {data.overdue.count === 0 ? (
          <EmptyState>{t('overdueEmpty')}</EmptyState>
        ) : (
          <p>
            {t('overdueLead', { n: data.overdue.count })} <a href="/follow-ups">{t('overdueLink')}</a>
          </p>
        )}
        <Show k="overdue" />
      </section>

      <Downloads
        links={[
          { href: `/dashboard/export.xlsx${props.query}`, label: t('xlsxAll') },
          ...(data.cycle
            ? [{ href: `/dashboard/report.pdf?cycle=${data.cycle.id}`, label: t('reportCycle') }]
            : []),
          {
            href: `/dashboard/report.pdf?year=${data.cycle?.year ?? new Date().getFullYear()}`,
            label: t('reportYear', { year: data.cycle?.year ?? new Date().getFullYear() }),
          },
          { href: '/dashboard/comparisons', label: t('comparisonsLink') },
        ]}
      />
    </div>
  );
}

function Todos(props: { todo: NonNullable<DashboardData['todo']> }) {
  const v = useView();
  const t = v.tr(dashText);
  const { todo } = props;
  const empty = !todo.returned.length && !todo.followUps.length && !todo.documents.length;
  return (
    <section aria-labelledby="todo-h" class="dash-section todo">
      <h2 id="todo-h">{t('todoHeading')}</h2>
      {empty ? (
        <EmptyState>{t('todoEmpty')}</EmptyState>
      ) : (
        <div class="todo-lists">
          <div>
            <h3>
              {t('todoReturned')} ({todo.returned.length})
            </h3>
            {todo.returned.length ? (
              <ul class="link-list">
                {todo.returned.map((n) => (
                  <li>
                    <a href={`/nominations/${n.id}`}>
                      {n.productName} — {n.ikmName}
                    </a>{' '}
                    <span class="hint">{n.cycleName}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('todoNone')}</p>
            )}
          </div>
          <div>
            <h3>
              {t('todoFollowUps')} ({todo.followUps.length})
            </h3>
            {todo.followUps.length ? (
              <ul class="link-list">
                {todo.followUps.map((f) => (
                  <li>
                    <a href={`/follow-ups/${f.id}`}>{f.title}</a>{' '}
                    <span class={f.overdue ? 'overdue' : 'hint'}>
                      {t('due', { date: formatDate(f.dueDate, v.lang) })}
                      {f.overdue ? ` — ${t('overdue')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('todoNone')}</p>
            )}
          </div>
          <div>
            <h3>
              {t('todoDocuments')} ({todo.documents.length})
            </h3>
            {todo.documents.length ? (
              <ul class="link-list">
                {todo.documents.map((d) => (
                  <li>
                    <a href={`/registry/ikm/${d.ikmId}`}>{d.ikmName}</a>{' '}
                    <span class="hint">{t('expiresOn', { date: formatDate(d.minExpiry, v.lang) })}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('todoNone')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** The assessor's dashboard: assignments and how far each sheet is. */
export function AssessorDashboard(props: { work: AssessorWork; regionNames: Map<string, string> }) {
  const v = useView();
  const t = v.tr(dashText);
  const { work } = props;
  return (
    <section aria-labelledby="assessor-h" class="dash-section">
      <h2 id="assessor-h">{t('assessorTitle')}</h2>
      {work.rows.length === 0 ? (
        <EmptyState>{t('assessorEmpty')}</EmptyState>
      ) : (
        <>
          <p>
            {t('assessorLead', {
              submitted: work.submitted,
              draft: work.draft,
              notStarted: work.notStarted,
              total: work.rows.length,
            })}
          </p>
          <p>
            <progress max={work.rows.length} value={work.submitted} aria-label={t('progress')}>
              {work.submitted}/{work.rows.length}
            </progress>
          </p>
          <Table
            caption={t('assignments')}
            columns={[
              { label: t('round') },
              { label: t('product') },
              { label: t('kabkota') },
              { label: t('commodity') },
              { label: t('sheet') },
            ]}
          >
            {work.rows.map((r) => (
              <tr>
                <td>{r.cycleName}</td>
                <td>{r.productName}</td>
                <td>{props.regionNames.get(r.kabkotaCode) ?? r.kabkotaCode}</td>
                <td>{commodityLabel(r.commodity, v.lang)}</td>
                <td>{t(`sheet_${r.sheet}`)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

/** Comparisons across rounds: a chart of nominations and stars per round and the year tables. */
export function ComparisonsPage(props: { data: Comparison; tables: FigureTable[] }) {
  const v = useView();
  const t = v.tr(dashText);
  const { data } = props;
  return (
    <div class="dashboard">
      <p class="lead">{t('comparisonsLead')}</p>
      {data.rounds.length === 0 ? (
        <EmptyState>{t('comparisonsEmpty')}</EmptyState>
      ) : (
        <BarChart
          title={t('nominationsChart')}
          tableId="t-rounds"
          bars={data.rounds.flatMap((r) => [
            { label: `${r.year} · ${t('nominated')}`, value: r.nominated },
            { label: `${r.year} · ${t('starsTotal')}`, value: r.stars },
          ])}
        />
      )}
      {props.tables.map((table) => (
        <FigureTableView table={table} />
      ))}
      <Downloads links={[{ href: '/dashboard/comparisons/export.xlsx', label: t('xlsxAll') }]} />
    </div>
  );
}
