/**
 * Complete flat exports of a cycle's assessment: the results (one row per nomination) and the score
 * matrix (one row per nomination × assessor × criterion), to xlsx and PDF. exceljs and pdf-lib load
 * only when an export is asked for.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { scoreEntries, scoreSheets } from '../../db/schema/scoring.ts';
import type { Lang } from '../../platform/domain.ts';
import type { CellValue, ExportSheet } from '../../platform/export.ts';
import { render } from '../../platform/i18n.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { starText } from './classify.rules.ts';
import { resultsText } from './results.messages.ts';
import type { CycleResultsView } from './results.service.ts';

const tr = (lang: Lang, key: keyof typeof resultsText, params?: Record<string, string | number>) =>
  render(resultsText[key], lang, params);

const exportText = {
  nominationId: { id: 'ID usulan', en: 'Nomination id' },
  product: { id: 'Produk', en: 'Product' },
  ikm: { id: 'IKM', en: 'IKM' },
  level: { id: 'Tingkat', en: 'Level' },
  points: { id: 'Poin', en: 'Points' },
  total: { id: 'Nilai lembar', en: 'Sheet total' },
  note: { id: 'Catatan', en: 'Note' },
  min: { id: 'Terendah', en: 'Lowest' },
  max: { id: 'Tertinggi', en: 'Highest' },
  sd: { id: 'Simpangan baku', en: 'Standard deviation' },
  scoreSource: { id: 'Sumber nilai', en: 'Score from' },
  agreedReason: { id: 'Alasan kesepakatan', en: 'Agreed score reason' },
  results: { id: 'Hasil', en: 'Results' },
  matrix: { id: 'Matriks nilai', en: 'Score matrix' },
  assessors: { id: 'Penilai', en: 'Assessors' },
} as const;
const x = (lang: Lang, key: keyof typeof exportText) => exportText[key][lang];

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 100) / 100;
const star = (s: number | null | undefined, lang: Lang) =>
  s === null || s === undefined ? '' : starText(s)[lang];

/** The results, one row per nomination, with every figure the page shows. */
export function resultsSheet(view: CycleResultsView, lang: Lang, regions: Map<string, string>): ExportSheet {
  const cols = [
    x(lang, 'nominationId'),
    x(lang, 'product'),
    x(lang, 'ikm'),
    tr(lang, 'region'),
    tr(lang, 'commodity'),
    tr(lang, 'completeness'),
    tr(lang, 'mean'),
    tr(lang, 'median'),
    x(lang, 'min'),
    x(lang, 'max'),
    tr(lang, 'spread'),
    x(lang, 'sd'),
    tr(lang, 'normalisedMean'),
    tr(lang, 'flagged'),
    tr(lang, 'score'),
    x(lang, 'scoreSource'),
    x(lang, 'agreedReason'),
    tr(lang, 'computedStar'),
    tr(lang, 'finalStar'),
    tr(lang, 'overrideReason'),
    tr(lang, 'rank'),
    tr(lang, 'previousStar'),
    tr(lang, 'starChange'),
    tr(lang, 'status'),
  ];
  const rows: CellValue[][] = view.rows.map((r) => [
    r.nomination.id,
    r.nomination.productName,
    r.nomination.ikmName,
    regions.get(r.nomination.kabkotaCode) ?? r.nomination.kabkotaCode,
    commodityLabel(r.nomination.commodity, lang),
    r.result.expected === null ? `${r.result.count}` : `${r.result.count}/${r.result.expected}`,
    round(r.result.mean),
    round(r.result.median),
    round(r.result.min),
    round(r.result.max),
    round(r.result.range),
    round(r.result.sd),
    round(r.result.normalisedMean),
    r.result.flagged ? 'x' : '',
    round(r.result.score),
    r.result.scoreSource ?? '',
    r.stored?.agreedReason ?? '',
    star(r.stored?.status === 'decided' ? r.stored.computedStar : r.classification?.star, lang),
    star(r.stored?.status === 'decided' ? r.stored.finalStar : null, lang),
    r.stored?.overrideReason ?? '',
    r.rank?.rank ?? null,
    r.previous ? `${star(r.previous.stars, lang)} (${r.previous.year})` : '',
    r.starChange ? tr(lang, `change_${r.starChange}` as keyof typeof resultsText) : '',
    r.stored?.status === 'decided' ? tr(lang, 'decided') : tr(lang, 'open'),
  ]);
  return {
    name: x(lang, 'results'),
    columns: cols.map((header) => ({ header, width: Math.min(40, Math.max(10, header.length + 2)) })),
    rows,
  };
}

/** Every submitted sheet's entries: nomination × assessor × criterion, with level, points and note. */
export async function matrixRows(db: Db, view: CycleResultsView): Promise<CellValue[][]> {
  const byId = new Map(view.rows.map((r) => [r.nomination.id, r]));
  const entries = await db
    .select({
      nominationId: scoreSheets.nominationId,
      assessor: users.name,
      total: scoreSheets.total,
      code: scoreEntries.criterionCode,
      level: scoreEntries.level,
      points: scoreEntries.points,
      note: scoreEntries.note,
    })
    .from(scoreEntries)
    .innerJoin(scoreSheets, eq(scoreSheets.id, scoreEntries.sheetId))
    .innerJoin(users, eq(users.id, scoreSheets.assessorId))
    .where(and(eq(scoreSheets.cycleId, view.config.cycle.id), eq(scoreSheets.status, 'submitted')))
    .orderBy(asc(scoreSheets.nominationId), asc(users.name), asc(scoreEntries.criterionCode));
  return entries
    .filter((e) => byId.has(e.nominationId))
    .map((e) => {
      const r = byId.get(e.nominationId)!;
      return [
        e.nominationId,
        r.nomination.productName,
        r.nomination.ikmName,
        e.assessor,
        e.code,
        e.level,
        e.points,
        e.note ?? '',
        round(e.total),
      ];
    });
}

export function matrixColumns(lang: Lang): string[] {
  return [
    x(lang, 'nominationId'),
    x(lang, 'product'),
    x(lang, 'ikm'),
    tr(lang, 'assessor'),
    tr(lang, 'criterion'),
    x(lang, 'level'),
    x(lang, 'points'),
    x(lang, 'note'),
    x(lang, 'total'),
  ];
}

/** Both sheets as one workbook. */
export async function resultsWorkbook(
  db: Db,
  view: CycleResultsView,
  lang: Lang,
  regions: Map<string, string>,
): Promise<ExportSheet[]> {
  return [
    resultsSheet(view, lang, regions),
    {
      name: x(lang, 'matrix'),
      columns: matrixColumns(lang).map((header) => ({ header, width: Math.max(12, header.length + 2) })),
      rows: await matrixRows(db, view),
    },
  ];
}

/** The results as a landscape PDF table, with the agreement and the assessors' tendencies. */
export async function resultsPdf(
  view: CycleResultsView,
  lang: Lang,
  regions: Map<string, string>,
): Promise<Uint8Array> {
  const { PdfWriter } = await import('../../platform/pdf.ts');
  const pdf = await PdfWriter.create({
    lang,
    orientation: 'landscape',
    title: `${tr(lang, 'title')} — ${view.config.cycle.name}`,
  });
  await pdf.heading(`${tr(lang, 'title')} — ${view.config.cycle.name}`);
  await pdf.text(view.agreement.note.text[lang]);
  for (const a of view.assessors)
    await pdf.text(`${a.name}: ${a.notes.map((n) => n.text[lang]).join(' ')}`, { size: 9, after: 2 });
  const sheet = resultsSheet(view, lang, regions);
  const pick = [1, 2, 3, 5, 6, 7, 10, 12, 13, 14, 17, 18, 20, 22];
  const fmt = (v: CellValue) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? lang === 'id'
          ? String(v).replace('.', ',')
          : String(v)
        : String(v);
  await pdf.table({
    columns: pick.map((i) => ({ header: sheet.columns[i]!.header, width: i <= 3 ? 3 : 2 })),
    rows: (sheet.rows as CellValue[][]).map((row) => pick.map((i) => fmt(row[i]))),
    size: 7,
    zebra: true,
  });
  return pdf.finish();
}

/** The score matrix as a PDF table (nomination × assessor × criterion). */
export async function matrixPdf(db: Db, view: CycleResultsView, lang: Lang): Promise<Uint8Array> {
  const { PdfWriter } = await import('../../platform/pdf.ts');
  const pdf = await PdfWriter.create({
    lang,
    orientation: 'landscape',
    title: `${x(lang, 'matrix')} — ${view.config.cycle.name}`,
  });
  await pdf.heading(`${x(lang, 'matrix')} — ${view.config.cycle.name}`);
  const cols = matrixColumns(lang).slice(1);
  const rows = (await matrixRows(db, view)).map((r) =>
    r.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
  );
  await pdf.table({
    columns: cols.map((header, i) => ({ header, width: i < 3 ? 3 : i === 6 ? 4 : 1.5 })),
    rows,
    size: 7,
    zebra: true,
  });
  return pdf.finish();
}
