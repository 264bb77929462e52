/**
 * The dashboards' figures as plain tables in the reader's language: the same tables are shown beside
 * each chart and map on the page, written to the xlsx export and printed in the activity report, so
 * the three never disagree.
 */
import type { Lang } from '../../platform/domain.ts';
import { COMMODITIES } from '../../platform/domain.ts';
import { formatNumber } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import type { CoachingKind } from '../assessment/rubric.rules.ts';
import { kindLabel, outcomeLabel } from '../coaching/coaching.labels.ts';
import type { OutcomeKind } from '../../db/schema/coaching.ts';
import { dashText } from './dashboards.messages.ts';
import {
  type CommodityKey,
  type Comparison,
  type DashboardData,
  passRate,
  type StarCell,
} from './dashboards.service.ts';

export type CellValue = string | number | null;

export interface FigureTable {
  /** A stable key: the section's anchor and the xlsx sheet's order. */
  key: string;
  title: string;
  columns: { label: string; numeric?: boolean }[];
  rows: CellValue[][];
  /** The totals row, when summing makes sense. */
  total?: CellValue[] | undefined;
}

export const MEASURES = [
  'ikm',
  'sentra',
  'products',
  'nominated',
  'passed',
  'stars',
  'coverage',
  'participants',
  'expiring',
  'overdue',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Five shades from pale to dark (sequential, readable in grey print); grey for zero. */
export const SHADES = ['#e5e7e8', '#c6e3d8', '#8cc7b1', '#3f9a7d', '#0b5c4b'] as const;

/** The shade of a value against the largest value: 0 for none, then four equal steps. */
export function shadeOf(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor((value / max) * 4 - 1e-9));
}

export function isMeasure(v: unknown): v is Measure {
  return typeof v === 'string' && (MEASURES as readonly string[]).includes(v);
}

export function commodityName(c: CommodityKey, lang: Lang): string {
  return c === 'unknown' ? translator(dashText, lang)('unknownCommodity') : commodityLabel(c, lang);
}

const sumBy = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

/** Each kab/kota's value of one measure (zero where nothing was counted). */
export function measureValues(data: DashboardData, measure: Measure): Map<string, number> {
  const out = new Map(data.kabkota.map((k) => [k.code, 0]));
  const put = (code: string, n: number) => {
    if (out.has(code)) out.set(code, (out.get(code) ?? 0) + n);
  };
  switch (measure) {
    case 'ikm':
      for (const r of data.registry.ikmByRegency) put(r.code, r.n);
      break;
    case 'sentra':
      for (const r of data.registry.sentra) put(r.code, r.n);
      break;
    case 'products':
      for (const r of data.registry.products) put(r.code, r.n);
      break;
    case 'nominated':
      for (const r of data.funnel?.byRegency ?? []) put(r.kabkotaCode, r.nominated);
      break;
    case 'passed':
      for (const r of data.funnel?.byRegency ?? []) put(r.kabkotaCode, r.passed);
      break;
    case 'stars':
      for (const r of data.stars) put(r.code, r.n);
      break;
    case 'coverage':
      for (const r of data.coverage.rows) put(r.code, r.attended);
      break;
    case 'participants':
      for (const r of data.programmes.byRegency) put(r.code, r.participants);
      break;
    case 'expiring':
      for (const r of data.documents) put(r.code, r.expiring + r.expired);
      break;
    case 'overdue':
      for (const r of data.overdue.byRegency) put(r.code, r.n);
      break;
  }
  return out;
}

function starColumns(data: { stars: StarCell[] }): number[] {
  const max = Math.max(3, ...data.stars.map((s) => s.stars));
  return Array.from({ length: max }, (_, i) => i + 1);
}

/** Every table of the province / kab/kota dashboard, in page order. */
export function dashboardTables(data: DashboardData, lang: Lang): FigureTable[] {
  const t = translator(dashText, lang);
  const tables: FigureTable[] = [];
  const commodities = [...COMMODITIES] as CommodityKey[];
  const extraCommodity = (list: { commodity: CommodityKey }[]) =>
    list.some((r) => r.commodity === 'unknown') ? [...commodities, 'unknown' as const] : commodities;

  // Registry counts.
  const reg = data.registry;
  const regencyRows = data.kabkota.map((k) => [
    k.name,
    sumBy(
      reg.sentra.filter((r) => r.code === k.code),
      (r) => r.n,
    ),
    reg.ikmByRegency.find((r) => r.code === k.code)?.n ?? 0,
    sumBy(
      reg.products.filter((r) => r.code === k.code),
      (r) => r.n,
    ),
  ]);
  tables.push({
    key: 'registry-regency',
    title: t('registryByRegency'),
    columns: [
      { label: t('kabkota') },
      { label: t('sentra'), numeric: true },
      { label: t('ikm'), numeric: true },
      { label: t('products'), numeric: true },
    ],
    rows: regencyRows,
    total: [t('total'), ...[1, 2, 3].map((i) => sumBy(regencyRows, (r) => r[i] as number))],
  });
  const commodityRows = commodities.map((c) => [
    commodityName(c, lang),
    sumBy(
      reg.sentra.filter((r) => r.commodity === c),
      (r) => r.n,
    ),
    reg.ikmByCommodity.find((r) => r.commodity === c)?.n ?? 0,
    sumBy(
      reg.products.filter((r) => r.commodity === c),
      (r) => r.n,
    ),
  ]);
  tables.push({
    key: 'registry-commodity',
    title: t('registryByCommodity'),
    columns: [
      { label: t('commodity') },
      { label: t('sentra'), numeric: true },
      { label: t('ikm'), numeric: true },
      { label: t('products'), numeric: true },
    ],
    rows: commodityRows,
  });

  // Funnel.
  if (data.funnel && data.cycle) {
    const stageCols = [
      { label: t('potential'), numeric: true },
      { label: t('nominated'), numeric: true },
      { label: t('submitted'), numeric: true },
      { label: t('returned'), numeric: true },
      { label: t('passed'), numeric: true },
      { label: t('failed'), numeric: true },
      { label: t('passRate'), numeric: true },
    ];
    type Counts = {
      potential: number;
      nominated: number;
      submitted: number;
      returned: number;
      passed: number;
      failed: number;
    };
    const stages = (c: Counts | undefined): CellValue[] => {
      const x = c ?? { potential: 0, nominated: 0, submitted: 0, returned: 0, passed: 0, failed: 0 };
      const rate = passRate(x);
      return [
        x.potential,
        x.nominated,
        x.submitted,
        x.returned,
        x.passed,
        x.failed,
        rate === null ? '—' : `${formatNumber(rate, lang)}%`,
      ];
    };
    tables.push({
      key: 'funnel-regency',
      title: t('funnelByRegency'),
      columns: [{ label: t('kabkota') }, ...stageCols],
      rows: data.kabkota.map((k) => [
        k.name,
        ...stages(data.funnel!.byRegency.find((r) => r.kabkotaCode === k.code)),
      ]),
      total: [t('total'), ...stages(data.funnel.overall)],
    });
    tables.push({
      key: 'funnel-commodity',
      title: t('funnelByCommodity'),
      columns: [{ label: t('commodity') }, ...stageCols],
      rows: data.funnel.byCommodity.map((r) => [commodityName(r.commodity, lang), ...stages(r)]),
      total: [t('total'), ...stages(data.funnel.overall)],
    });
  }

  // Stars.
  const levels = starColumns(data);
  const starCols = [
    ...levels.map((n) => ({ label: t('starN', { n }), numeric: true })),
    { label: t('starsTotal'), numeric: true },
  ];
  const starRow = (cells: StarCell[]) => [
    ...levels.map((n) =>
      sumBy(
        cells.filter((c) => c.stars === n),
        (c) => c.n,
      ),
    ),
    sumBy(cells, (c) => c.n),
  ];
  tables.push({
    key: 'stars-regency',
    title: t('starsByRegency'),
    columns: [{ label: t('kabkota') }, ...starCols],
    rows: data.kabkota.map((k) => [k.name, ...starRow(data.stars.filter((s) => s.code === k.code))]),
    total: [t('total'), ...starRow(data.stars)],
  });
  tables.push({
    key: 'stars-commodity',
    title: t('starsByCommodity'),
    columns: [{ label: t('commodity') }, ...starCols],
    rows: extraCommodity(data.stars).map((c) => [
      commodityName(c, lang),
      ...starRow(data.stars.filter((s) => s.commodity === c)),
    ]),
    total: [t('total'), ...starRow(data.stars)],
  });

  // Coverage.
  tables.push({
    key: 'coverage',
    title: t('coverageHeading'),
    columns: [
      { label: t('kabkota') },
      { label: t('eventsAttended'), numeric: true },
      { label: t('attended'), numeric: true },
    ],
    rows: data.coverage.rows.map((r) => [r.name, r.eventsAttended, r.attended]),
    total: [t('total'), data.coverage.events, sumBy(data.coverage.rows, (r) => r.attended)],
  });

  // Programmes.
  const p = data.programmes;
  tables.push({
    key: 'programmes-kind',
    title: t('programmesByKind'),
    columns: [{ label: t('kind') }, { label: t('count'), numeric: true }],
    rows: p.ongoingByKind.map((r) => [kindLabel(r.kind as CoachingKind, lang), r.n]),
    total: [t('total'), p.ongoing],
  });
  tables.push({
    key: 'programmes-regency',
    title: t('participantsByRegency'),
    columns: [
      { label: t('kabkota') },
      { label: t('participants'), numeric: true },
      { label: t('withOutcome'), numeric: true },
    ],
    rows: data.kabkota.map((k) => {
      const r = p.byRegency.find((x) => x.code === k.code);
      return [k.name, r?.participants ?? 0, r?.withOutcome ?? 0];
    }),
    total: [t('total'), sumBy(p.byRegency, (r) => r.participants), sumBy(p.byRegency, (r) => r.withOutcome)],
  });
  tables.push({
    key: 'outcomes-kind',
    title: t('outcomesByKind', { year: p.year }),
    columns: [{ label: t('kind') }, { label: t('count'), numeric: true }],
    rows: p.outcomesByKind.map((r) => [outcomeLabel(r.kind as OutcomeKind, lang), r.n]),
    total: [t('total'), sumBy(p.outcomesByKind, (r) => r.n)],
  });

  // Documents and overdue actions.
  tables.push({
    key: 'documents',
    title: t('documentsTable'),
    columns: [
      { label: t('kabkota') },
      { label: t('expiring'), numeric: true },
      { label: t('expired'), numeric: true },
    ],
    rows: data.kabkota.map((k) => {
      const r = data.documents.find((x) => x.code === k.code);
      return [k.name, r?.expiring ?? 0, r?.expired ?? 0];
    }),
    total: [t('total'), sumBy(data.documents, (r) => r.expiring), sumBy(data.documents, (r) => r.expired)],
  });
  tables.push({
    key: 'overdue',
    title: t('overdueTable'),
    columns: [{ label: t('kabkota') }, { label: t('overdueHeading'), numeric: true }],
    rows: data.kabkota.map((k) => [k.name, data.overdue.byRegency.find((x) => x.code === k.code)?.n ?? 0]),
    total: [t('total'), data.overdue.count],
  });
  return tables;
}

type CompareField = 'nominated' | 'passed' | 'stars';

/** The comparison page's tables: per round, and per kab/kota and commodity by year. */
export function comparisonTables(data: Comparison, lang: Lang): FigureTable[] {
  const t = translator(dashText, lang);
  const roundName = (r: { cycleId: string | null; name: string; year: number }) =>
    r.cycleId ? r.name : t('earlierOnly', { year: r.year });
  const tables: FigureTable[] = [
    {
      key: 'rounds',
      title: t('roundsTable'),
      columns: [
        { label: t('round') },
        { label: t('year'), numeric: true },
        { label: t('nominated'), numeric: true },
        { label: t('submitted'), numeric: true },
        { label: t('passed'), numeric: true },
        { label: t('passRate'), numeric: true },
        { label: t('starsTotal'), numeric: true },
      ],
      rows: data.rounds.map((r) => {
        const rate = passRate(r);
        return [
          roundName(r),
          r.year,
          r.nominated,
          r.submitted,
          r.passed,
          rate === null ? '—' : `${formatNumber(rate, lang)}%`,
          r.stars,
        ];
      }),
    },
  ];
  const years = [...new Set(data.rounds.map((r) => r.year))].sort((a, b) => a - b);
  const measures: { field: CompareField; label: string }[] = [
    { field: 'nominated', label: t('nominated') },
    { field: 'passed', label: t('passed') },
    { field: 'stars', label: t('starsTotal') },
  ];
  for (const m of measures) {
    tables.push({
      key: `regency-${m.field}`,
      title: t('regencyYears', { measure: m.label }),
      columns: [{ label: t('kabkota') }, ...years.map((y) => ({ label: String(y), numeric: true }))],
      rows: data.kabkota.map((k) => [
        k.name,
        ...years.map((y) =>
          sumBy(
            data.byRegency.filter((r) => r.code === k.code && r.year === y),
            (r) => r[m.field],
          ),
        ),
      ]),
      total: [
        t('total'),
        ...years.map((y) =>
          sumBy(
            data.byRegency.filter((r) => r.year === y),
            (r) => r[m.field],
          ),
        ),
      ],
    });
  }
  const commodities = [
    ...new Set([...COMMODITIES, ...data.byCommodity.map((r) => r.commodity)]),
  ] as CommodityKey[];
  for (const m of measures) {
    tables.push({
      key: `commodity-${m.field}`,
      title: t('commodityYears', { measure: m.label }),
      columns: [{ label: t('commodity') }, ...years.map((y) => ({ label: String(y), numeric: true }))],
      rows: commodities.map((c) => [
        commodityName(c, lang),
        ...years.map((y) =>
          sumBy(
            data.byCommodity.filter((r) => r.commodity === c && r.year === y),
            (r) => r[m.field],
          ),
        ),
      ]),
      total: [
        t('total'),
        ...years.map((y) =>
          sumBy(
            data.byCommodity.filter((r) => r.year === y),
            (r) => r[m.field],
          ),
        ),
      ],
    });
  }
  return tables;
}
