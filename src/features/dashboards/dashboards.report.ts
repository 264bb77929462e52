/**
 * The activity report (Laporan Kegiatan) for the head of office, per round or per year: the key
 * figures, a map and a chart drawn as vectors, events and coverage, results, programmes and outcomes.
 * Built from the same figures and tables as the dashboard (dashboards.tables.ts), fonts embedded.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Lang } from '../../platform/domain.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  fromLocalInput,
  localDate,
} from '../../platform/format.ts';
import { render, translator } from '../../platform/i18n.ts';
import type { CoachingKind } from '../assessment/rubric.rules.ts';
import { kindLabel } from '../coaching/coaching.labels.ts';
import { cycleFunnel, type Funnel, type FunnelCounts } from '../nominations/funnel.service.ts';
import { dashText } from './dashboards.messages.ts';
import {
  type CycleRef,
  type DashboardData,
  coverageFigures,
  documentFigures,
  overdueByRegency,
  passRate,
  programmeFigures,
  provinceCycles,
  registryCounts,
  scopeOf,
  starCounts,
} from './dashboards.service.ts';
import { dashboardTables, type FigureTable, measureValues, shadeOf } from './dashboards.tables.ts';

export type ReportSubject = { cycleId: string } | { year: number };

const ZERO: FunnelCounts = {
  potential: 0,
  nominated: 0,
  submitted: 0,
  returned: 0,
  passed: 0,
  failed: 0,
  withdrawn: 0,
};

function addCounts(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof FunnelCounts)[]) out[k] += b[k];
  return out;
}

/** The funnels of several rounds added together (a year's rounds). */
function mergeFunnels(list: Funnel[]): Funnel | null {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0]!;
  const regencies = new Map<string, FunnelCounts>();
  const commodities = new Map<string, FunnelCounts>();
  let overall = ZERO;
  for (const f of list) {
    overall = addCounts(overall, f.overall);
    for (const { kabkotaCode, ...c } of f.byRegency)
      regencies.set(kabkotaCode, addCounts(regencies.get(kabkotaCode) ?? ZERO, c));
    for (const { commodity, ...c } of f.byCommodity)
      commodities.set(commodity, addCounts(commodities.get(commodity) ?? ZERO, c));
  }
  return {
    overall,
    byRegency: [...regencies].map(([kabkotaCode, c]) => ({ kabkotaCode, ...c })),
    byCommodity: [...commodities].map(([commodity, c]) => ({
      commodity: commodity as Funnel['byCommodity'][number]['commodity'],
      ...c,
    })),
  };
}

export interface ReportData {
  title: string;
  rounds: CycleRef[];
  year: number;
  data: DashboardData;
  programmes: {
    title: string;
    kind: string;
    startDate: string;
    endDate: string | null;
    participants: number;
    outcomes: number;
  }[];
  events: { title: string; startsAt: Date; attended: number }[];
}

/** The figures of a round's or a year's report, for the actor's kab/kota; null for an unknown round. */
export async function reportData(
  db: Db,
  actor: Actor,
  provinceCode: string,
  subject: ReportSubject,
  lang: Lang,
  today = localDate(),
): Promise<ReportData | null> {
  const t = translator(dashText, lang);
  const [kabkota, all] = await Promise.all([
    scopeOf(db, actor, provinceCode),
    provinceCycles(db, provinceCode),
  ]);
  const codes = kabkota.map((k) => k.code);
  let rounds: CycleRef[];
  let year: number;
  if ('cycleId' in subject) {
    const cycle = all.find((c) => c.id === subject.cycleId);
    if (!cycle) return null;
    rounds = [cycle];
    year = cycle.year;
  } else {
    year = subject.year;
    rounds = all.filter((c) => c.year === year);
  }
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const ids = rounds.map((r) => r.id);
  const own =
    actor.role === 'petugas_kabkota'
      ? sql`and (p.kabkota_code is null or p.kabkota_code = ${actor.regionCode ?? '-'})`
      : sql``;
  const [registry, funnels, stars, coverage, programmes, documents, overdue, programmeList, eventList] =
    await Promise.all([
      registryCounts(db, codes),
      Promise.all(ids.map((id) => cycleFunnel(db, actor, id))),
      starCounts(db, codes, ids),
      coverageFigures(
        db,
        provinceCode,
        codes,
        'cycleId' in subject ? { cycleId: subject.cycleId } : { year },
      ),
      programmeFigures(db, actor, codes, { from, to, year }),
      documentFigures(db, codes, today),
      overdueByRegency(db, codes, today),
      queryRows<ReportData['programmes'][number]>(
        db,
        sql`select p.title, p.kind, p.start_date::text as "startDate", p.end_date::text as "endDate",
            (select count(*)::int from coaching_participants cp where cp.programme_id = p.id and cp.removed_at is null) as participants,
            (select count(*)::int from coaching_outcomes co where co.programme_id = p.id and co.archived_at is null) as outcomes
          from coaching_programmes p
          where p.archived_at is null and p.province_code = ${provinceCode}
            and p.start_date <= ${to} and (p.end_date is null or p.end_date >= ${from}) ${own}
          order by p.start_date, p.id limit 300`,
      ),
      queryRows<{ title: string; startsAt: Date; attended: number }>(
        db,
        sql`select e.title, e.starts_at as "startsAt",
            (select count(*)::int from event_attendance a where a.event_id = e.id) as attended
          from events e
          where e.province_code = ${provinceCode} and e.archived_at is null and e.status <> 'cancelled'
            and ${
              'cycleId' in subject
                ? sql`e.cycle_id = ${subject.cycleId}`
                : sql`e.starts_at >= ${fromLocalInput(`${from}T00:00`)!}
                  and e.starts_at < ${fromLocalInput(`${year + 1}-01-01T00:00`)!}`
            }
          order by e.starts_at, e.id limit 300`,
      ),
    ]);
  const funnel = mergeFunnels(funnels);
  const data: DashboardData = {
    kabkota,
    cycles: all,
    cycle: rounds[0] ?? null,
    registry,
    funnel,
    stars,
    coverage,
    programmes,
    documents,
    overdue: { count: overdue.reduce((s, r) => s + r.n, 0), byRegency: overdue },
    todo: null,
  };
  return {
    title:
      'cycleId' in subject
        ? t('reportTitleCycle', { cycle: rounds[0]!.name })
        : t('reportTitleYear', { year }),
    rounds,
    year,
    data,
    programmes: programmeList.map((p) => ({
      ...p,
      participants: Number(p.participants),
      outcomes: Number(p.outcomes),
    })),
    events: eventList.map((e) => ({ ...e, startsAt: new Date(e.startsAt), attended: Number(e.attended) })),
  };
}

const SHADES_RGB: [number, number, number][] = [
  [0.9, 0.905, 0.91],
  [0.776, 0.89, 0.847],
  [0.549, 0.78, 0.694],
  [0.247, 0.604, 0.49],
  [0.043, 0.361, 0.294],
];

/** The activity report as PDF bytes. */
export async function reportPdf(report: ReportData, lang: Lang): Promise<Uint8Array> {
  const t = translator(dashText, lang);
  const { PdfWriter } = await import('../../platform/pdf.ts');
  const { kabkotaShapes, mapMessages } = await import('../../platform/regionmap.ts');
  const pdf = await PdfWriter.create({
    lang,
    title: report.title,
    header: [t('reportGovernment'), t('reportOffice')],
    footer: t('reportPrinted', { date: formatDateTime(new Date(), lang) }),
  });
  const { data } = report;
  const fmt = (n: number) => formatNumber(n, lang);
  const tables = dashboardTables(data, lang);
  const table = (key: string) => tables.find((x) => x.key === key);
  const writeTable = async (x: FigureTable | undefined) => {
    if (!x) return;
    await pdf.text(x.title, { bold: true, size: 10 });
    const rows = x.rows.map((r) => r.map((v) => (typeof v === 'number' ? fmt(v) : String(v ?? ''))));
    if (x.total) rows.push(x.total.map((v) => (typeof v === 'number' ? fmt(v) : String(v ?? ''))));
    await pdf.table({
      columns: x.columns.map((c, i) => ({
        header: c.label,
        width: i === 0 ? 3 : 1.2,
        align: c.numeric ? 'right' : 'left',
      })),
      rows,
      size: 8,
      zebra: true,
      boldRows: x.total ? rows.map((_, i) => i === rows.length - 1) : undefined,
    });
  };

  await pdf.heading(report.title, 1);

  // Key figures.
  const sum = (list: { n: number }[]) => list.reduce((s, r) => s + r.n, 0);
  const overall = data.funnel?.overall;
  const rate = overall ? passRate(overall) : null;
  await pdf.heading(t('reportNumbers'), 2);
  await pdf.keyValues([
    [t('round'), report.rounds.length ? report.rounds.map((r) => r.name).join('; ') : t('reportNoRounds')],
    [t('sentra'), fmt(sum(data.registry.sentra))],
    [t('ikm'), fmt(sum(data.registry.ikmByRegency))],
    [t('products'), fmt(sum(data.registry.products))],
    [t('nominated'), fmt(overall?.nominated ?? 0)],
    [t('submitted'), fmt(overall?.submitted ?? 0)],
    [t('passed'), fmt(overall?.passed ?? 0)],
    [t('passRate'), rate === null ? '—' : `${fmt(rate)}%`],
    [t('starsTotal'), fmt(sum(data.stars))],
    [t('reportEventsCount'), fmt(report.events.length)],
    [t('coverageHeading'), `${data.coverage.present}/${data.coverage.total}`],
    [t('reportProgrammesYear'), fmt(report.programmes.length)],
    [t('reportOutcomes'), fmt(sum(data.programmes.outcomesByKind))],
  ]);

  // The map: IKM per kab/kota, drawn with the same paths as the page's.
  await pdf.heading(t('reportMap'), 2);
  const width = 480;
  const height = 260;
  const shapes = await kabkotaShapes(width, height);
  const values = measureValues(data, 'ikm');
  const max = Math.max(0, ...values.values());
  const scale = Math.min(1, pdf.contentWidth / width);
  await pdf.drawing(height * scale + 4, (page, box) => {
    const x0 = box.x + (box.width - width * scale) / 2;
    for (const s of shapes) {
      const value = values.get(s.code);
      const fill = pdf.color(value === undefined ? [0.97, 0.97, 0.97] : SHADES_RGB[shadeOf(value, max)]!);
      page.drawSvgPath(s.d, {
        x: x0,
        y: box.top,
        scale,
        color: fill,
        borderColor: pdf.color([0.3, 0.33, 0.35]),
        borderWidth: 0.3,
      });
      page.drawCircle({
        x: x0 + s.cx * scale,
        y: box.top - s.cy * scale,
        size: 2.5,
        color: fill,
        borderColor: pdf.color([0.1, 0.1, 0.1]),
        borderWidth: 0.4,
      });
    }
  });
  await pdf.text(render(mapMessages.attribution, lang), {
    size: 7,
    align: 'right',
    color: [0.3, 0.33, 0.35],
  });
  await writeTable({
    key: 'map',
    title: t('mapTable', { measure: t('measure_ikm') }),
    columns: [{ label: t('kabkota') }, { label: t('ikm'), numeric: true }],
    rows: data.kabkota.map((k) => [k.name, values.get(k.code) ?? 0]),
    total: [t('total'), [...values.values()].reduce((s, n) => s + n, 0)],
  });
  await writeTable(table('registry-commodity'));

  // The funnel: a bar chart and its tables.
  await pdf.heading(t('reportChart'), 2);
  if (!overall || (overall.potential === 0 && overall.nominated === 0)) {
    await pdf.text(report.rounds.length ? t('funnelEmpty') : t('reportNoRounds'));
  } else {
    const bars: [string, number][] = [
      [t('potential'), overall.potential],
      [t('nominated'), overall.nominated],
      [t('submitted'), overall.submitted],
      [t('passed'), overall.passed],
      [t('failed'), overall.failed],
    ];
    const top = Math.max(1, ...bars.map((b) => b[1]));
    const labels = bars.map(([label]) => label);
    const rowH = 16;
    await pdf.drawing(bars.length * rowH + 4, (page, box) => {
      bars.forEach(([, value], i) => {
        const y = box.top - (i + 1) * rowH;
        const w = ((box.width - 170) * value) / top;
        page.drawRectangle({
          x: box.x + 130,
          y: y + 3,
          width: Math.max(w, value ? 1 : 0),
          height: rowH - 6,
          color: pdf.color([0.043, 0.361, 0.294]),
        });
      });
    });
    // The bars' labels and values as text, so the chart reads in the text layer too.
    await pdf.keyValues(
      labels.map((label, i) => [label, fmt(bars[i]![1])]),
      { size: 8, keyWidth: 130 },
    );
    await writeTable(table('funnel-regency'));
    await writeTable(table('funnel-commodity'));
  }

  // Events and coverage.
  await pdf.heading(t('reportEvents'), 2);
  if (report.events.length === 0) await pdf.text(t('coverageEmpty'));
  else {
    await pdf.text(
      t('coverageLead', {
        present: data.coverage.present,
        total: data.coverage.total,
        events: report.events.length,
      }),
    );
    await pdf.table({
      columns: [
        { header: t('reportEventsCount'), width: 4 },
        { header: t('date'), width: 1.6 },
        { header: t('attended'), width: 1.2, align: 'right' },
      ],
      rows: report.events.map((e) => [e.title, formatDate(e.startsAt, lang), fmt(e.attended)]),
      size: 8,
      zebra: true,
    });
  }
  await writeTable(table('coverage'));

  // Results.
  await pdf.heading(t('reportResults'), 2);
  if (data.stars.length === 0) await pdf.text(t('starsEmpty'));
  await writeTable(table('stars-regency'));
  await writeTable(table('stars-commodity'));

  // Programmes and outcomes.
  await pdf.heading(t('reportProgrammes'), 2);
  if (report.programmes.length === 0) await pdf.text(t('programmesEmpty'));
  else
    await pdf.table({
      columns: [
        { header: t('reportProgrammesYear'), width: 4 },
        { header: t('kind'), width: 2 },
        { header: t('participants'), width: 1.1, align: 'right' },
        { header: t('reportOutcomes'), width: 1.1, align: 'right' },
      ],
      rows: report.programmes.map((p) => [
        `${p.title} (${formatDate(p.startDate, lang)}${p.endDate ? ` – ${formatDate(p.endDate, lang)}` : ''})`,
        kindLabel(p.kind as CoachingKind, lang),
        fmt(p.participants),
        fmt(p.outcomes),
      ]),
      size: 8,
      zebra: true,
    });
  await writeTable(table('programmes-regency'));
  await writeTable(table('outcomes-kind'));
  return pdf.finish();
}
