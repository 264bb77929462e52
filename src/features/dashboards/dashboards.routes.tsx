import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { type ExportSheet, xlsxResponse } from '../../platform/export.ts';
import { localDate } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import { requirePermission } from '../../platform/http.ts';
import { PageHeading } from '../../platform/ui/components.tsx';
import { mapShapes } from '../catalog/catalog.map.tsx';
import { listKabkota } from '../regions/regions.service.ts';
import { dashText } from './dashboards.messages.ts';
import { reportData, reportPdf, type ReportSubject } from './dashboards.report.ts';
import { assessorWork, comparison, dashboardData } from './dashboards.service.ts';
import {
  comparisonTables,
  dashboardTables,
  type FigureTable,
  isMeasure,
  measureValues,
} from './dashboards.tables.ts';
import { AssessorDashboard, ComparisonsPage, ProvinceDashboard } from './dashboards.views.tsx';

export const dashboardsRoutes = new Hono<AppEnv>();

const uuid = z.uuid();

/** The round asked for, when it is a well-formed id (an unknown one falls back to the newest round). */
function cycleParam(c: Ctx): string | undefined {
  const raw = c.req.query('cycle');
  return raw && uuid.safeParse(raw).success ? raw : undefined;
}

/**
 * The role's dashboard sections under the home page's greeting: the province's (or the officer's
 * kab/kota's) figures and map, or an assessor's assignments; nothing more for an IKM owner.
 */
export async function dashboardSections(c: Ctx): Promise<Child | null> {
  const actor = actorOf(c);
  const { db, config } = c.var.deps;
  if (actor.role === 'penilai' && actor.userId) {
    const [work, kabkota] = await Promise.all([
      assessorWork(db, actor.userId),
      listKabkota(db, config.PROVINCE_CODE),
    ]);
    return <AssessorDashboard work={work} regionNames={new Map(kabkota.map((k) => [k.code, k.name]))} />;
  }
  if (!can(actor, 'dashboards.read')) return null;
  const data = await dashboardData(db, actor, config.PROVINCE_CODE, { cycleId: cycleParam(c) });
  const requested = c.req.query('measure');
  const measure = isMeasure(requested) ? requested : 'ikm';
  const lang = c.get('lang');
  const query = data.cycle ? `?cycle=${data.cycle.id}` : '';
  return (
    <ProvinceDashboard
      data={data}
      tables={dashboardTables(data, lang)}
      measure={measure}
      mapValues={measureValues(data, measure)}
      shapes={await mapShapes()}
      query={query}
    />
  );
}

function sheetsOf(tables: FigureTable[]): ExportSheet[] {
  const used = new Set<string>();
  return tables.map((table) => {
    // Sheet names must be unique within 31 characters.
    let name = table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)} ${i}`;
    used.add(name);
    return {
      name,
      columns: table.columns.map((col, i) => ({ header: col.label, width: i === 0 ? 32 : 14 })),
      rows: table.total ? [...table.rows, table.total] : table.rows,
    };
  });
}

dashboardsRoutes.get('/dashboard/export.xlsx', requirePermission('dashboards.read'), async (c) => {
  const { db, config } = c.var.deps;
  const data = await dashboardData(db, actorOf(c), config.PROVINCE_CODE, { cycleId: cycleParam(c) });
  const tables = dashboardTables(data, c.get('lang'));
  const t = translator(dashText, c.get('lang'));
  const measures: FigureTable = {
    key: 'map',
    title: t('mapHeading'),
    columns: [
      { label: t('kabkota') },
      ...(
        [
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
        ] as const
      ).map((m) => ({ label: t(`measure_${m}`), numeric: true })),
    ],
    rows: data.kabkota.map((k) => [
      k.name,
      ...(
        [
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
        ] as const
      ).map((m) => measureValues(data, m).get(k.code) ?? 0),
    ]),
  };
  return xlsxResponse(`dasbor-${localDate()}.xlsx`, sheetsOf([measures, ...tables]));
});

dashboardsRoutes.get('/dashboard/comparisons', requirePermission('dashboards.read'), async (c) => {
  const { db, config } = c.var.deps;
  const data = await comparison(db, actorOf(c), config.PROVINCE_CODE);
  const t = translator(dashText, c.get('lang'));
  return c.render(
    <>
      <PageHeading title={t('comparisonsTitle')} />
      <ComparisonsPage data={data} tables={comparisonTables(data, c.get('lang'))} />
    </>,
    { title: t('comparisonsTitle') },
  );
});

dashboardsRoutes.get(
  '/dashboard/comparisons/export.xlsx',
  requirePermission('dashboards.read'),
  async (c) => {
    const { db, config } = c.var.deps;
    const data = await comparison(db, actorOf(c), config.PROVINCE_CODE);
    return xlsxResponse(`perbandingan-${localDate()}.xlsx`, sheetsOf(comparisonTables(data, c.get('lang'))));
  },
);

/** `?cycle=<id>` for a round's report, `?year=YYYY` for a year's (this year when neither is given). */
function reportSubject(c: Ctx): ReportSubject {
  const cycle = c.req.query('cycle');
  if (cycle !== undefined) {
    if (!uuid.safeParse(cycle).success) throw new NotFoundError();
    return { cycleId: cycle };
  }
  const year = c.req.query('year');
  if (year === undefined || year === '') return { year: Number(localDate().slice(0, 4)) };
  const parsed = z.coerce.number().int().min(2000).max(2200).safeParse(year);
  if (!/^\d{4}$/.test(year) || !parsed.success)
    throw new DomainError(dashText.badYear, {}, { year: 'badYear' }, 400);
  return { year: parsed.data };
}

/** The activity report's PDF bytes and file name, for routes and the bench. */
export async function activityReport(
  deps: { db: Ctx['var']['deps']['db']; provinceCode: string },
  actor: Actor,
  subject: ReportSubject,
  lang: 'id' | 'en',
): Promise<{ bytes: Uint8Array; filename: string } | null> {
  const report = await reportData(deps.db, actor, deps.provinceCode, subject, lang);
  if (!report) return null;
  const bytes = await reportPdf(report, lang);
  const which = 'cycleId' in subject ? (report.rounds[0]?.name ?? 'periode') : String(report.year);
  return { bytes, filename: `laporan-kegiatan-${which}.pdf` };
}

dashboardsRoutes.get('/dashboard/report.pdf', requirePermission('dashboards.read'), async (c) => {
  const subject = reportSubject(c);
  const { pdfResponse } = await import('../../platform/pdf.ts');
  const out = await activityReport(
    { db: c.var.deps.db, provinceCode: c.var.deps.config.PROVINCE_CODE },
    actorOf(c),
    subject,
    c.get('lang'),
  );
  if (!out) throw new NotFoundError();
  return pdfResponse(out.bytes, out.filename);
});
