/** The funnel page: a table per view (overall, per kab/kota, per commodity) and a bar chart in SVG. */
import type { Commodity } from '../../platform/domain.ts';
import { formatNumber } from '../../platform/format.ts';
import { FUNNEL_STAGES, type FunnelStage } from '../../platform/nomination-domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { Button, EmptyState, Form, PageHeading, Select, Table } from '../../platform/ui/components.tsx';
import type { CycleRow } from '../cycles/cycles.service.ts';
import type { Region } from '../regions/regions.service.ts';
import type { Funnel, FunnelCounts } from './funnel.service.ts';
import { useText } from './nominations.views.tsx';

/** A horizontal bar per stage, widths relative to the first stage; the table beside says the same. */
export function FunnelChart(props: { counts: FunnelCounts; title: string }) {
  const { v, t } = useText();
  const width = 640;
  const labelWidth = 170;
  const bar = 26;
  const gap = 10;
  const max = Math.max(1, ...FUNNEL_STAGES.map((s) => props.counts[s]));
  const height = FUNNEL_STAGES.length * (bar + gap) + gap;
  const summary = FUNNEL_STAGES.map((s) => `${t(`stage_${s}`)} ${props.counts[s]}`).join(', ');
  const fill: Record<FunnelStage, string> = {
    potential: '#6f777b',
    nominated: '#0b4f8a',
    submitted: '#1d70b8',
    returned: '#8a4b00',
    passed: '#00703c',
    failed: '#b10e1e',
  };
  return (
    <figure class="funnel-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t('funnelChart', { summary: `${props.title}: ${summary}` })}
      >
        {FUNNEL_STAGES.map((s, i) => {
          const y = gap + i * (bar + gap);
          const w = Math.round(((width - labelWidth - 60) * props.counts[s]) / max);
          return (
            <g>
              <text x={labelWidth - 8} y={y + bar / 2 + 5} text-anchor="end" font-size="14" fill="#1b1f23">
                {t(`stage_${s}`)}
              </text>
              <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={bar} fill={fill[s]} />
              <text x={labelWidth + Math.max(w, 1) + 6} y={y + bar / 2 + 5} font-size="14" fill="#1b1f23">
                {formatNumber(props.counts[s], v.lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function FunnelTable(props: {
  caption: string;
  rows: { label: string; counts: FunnelCounts }[];
  total?: FunnelCounts;
}) {
  const { v, t } = useText();
  return (
    <Table
      caption={props.caption}
      columns={[
        { label: props.caption },
        ...FUNNEL_STAGES.map((s) => ({ label: t(`stage_${s}`), numeric: true })),
        { label: t('stageWithdrawn'), numeric: true },
      ]}
    >
      {props.rows.map((r) => (
        <tr>
          <th scope="row">{r.label}</th>
          {FUNNEL_STAGES.map((s) => (
            <td class="numeric">{formatNumber(r.counts[s], v.lang)}</td>
          ))}
          <td class="numeric">{formatNumber(r.counts.withdrawn, v.lang)}</td>
        </tr>
      ))}
      {props.total && (
        <tr class="total-row">
          <th scope="row">{t('total')}</th>
          {FUNNEL_STAGES.map((s) => (
            <td class="numeric">{formatNumber(props.total![s], v.lang)}</td>
          ))}
          <td class="numeric">{formatNumber(props.total.withdrawn, v.lang)}</td>
        </tr>
      )}
    </Table>
  );
}

export function FunnelPage(props: {
  cycles: CycleRow[];
  cycle: CycleRow | null;
  funnel: Funnel | null;
  kabkota: Region[];
  provinceWide: boolean;
}) {
  const { v, t } = useText();
  const names = new Map(props.kabkota.map((r) => [r.code, r.name]));
  const f = props.funnel;
  const title = props.provinceWide ? t('funnelOverall') : t('funnelOwn');
  return (
    <>
      <PageHeading title={t('funnel')} caption={props.cycle?.name}>
        <p class="lead">{t('funnelLead')}</p>
      </PageHeading>
      <Form action="/nominations/funnel" method="get" class="filters">
        <Select
          name="cycle"
          label={t('cycle')}
          value={props.cycle?.id}
          options={props.cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button variant="secondary">{t('filter')}</Button>
      </Form>
      {!f || f.overall.potential === 0 ? (
        <EmptyState>{t('funnelEmpty')}</EmptyState>
      ) : (
        <>
          <h2>{title}</h2>
          <FunnelChart counts={f.overall} title={title} />
          <FunnelTable caption={title} rows={[{ label: props.cycle?.name ?? '', counts: f.overall }]} />
          <h2>{t('funnelByRegency')}</h2>
          <FunnelTable
            caption={t('funnelByRegency')}
            rows={f.byRegency.map((r) => ({ label: names.get(r.kabkotaCode) ?? r.kabkotaCode, counts: r }))}
            total={f.byRegency.length > 1 ? f.overall : undefined}
          />
          <h2>{t('funnelByCommodity')}</h2>
          <FunnelTable
            caption={t('funnelByCommodity')}
            rows={f.byCommodity.map((r) => ({
              label: commodityLabel(r.commodity as Commodity, v.lang),
              counts: r,
            }))}
            total={f.byCommodity.length > 1 ? f.overall : undefined}
          />
        </>
      )}
    </>
  );
}
