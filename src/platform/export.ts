/**
 * Spreadsheet exports (xlsx via exceljs, and CSV). Every text cell is neutralised against formula
 * injection: a value starting with = or @ (or a tab / carriage return), or with + or - followed by
 * anything but a number, gets a leading apostrophe, so Excel shows it as text and never runs it.
 * A signed number such as a phone number in E.164 (+62…) or -3 can call nothing and stays as it is.
 */
import { PassThrough } from 'node:stream';

export type CellValue = string | number | bigint | boolean | Date | null | undefined;

export interface ExportColumn {
  header: string;
  /** Column width in characters. */
  width?: number;
  /** Excel number format, e.g. '#,##0' for rupiah, 'dd/mm/yyyy' for dates. */
  numFmt?: string;
}

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: Iterable<CellValue[]> | AsyncIterable<CellValue[]>;
}

const FORMULA_START = /^[=@\t\r]/;
const SIGNED_NUMBER = /^[+-][\d\s.,()+-]*$/;

/** A text safe to put in a spreadsheet cell (formula injection neutralised). */
export function safeCellText(value: string): string {
  const risky = FORMULA_START.test(value) || (/^[+-]/.test(value) && !SIGNED_NUMBER.test(value));
  return risky ? `'${value}` : value;
}

function cell(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === 'string') return safeCellText(value);
  return value;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

/** Writes the sheets as an xlsx workbook into a stream (rows are streamed, not held in memory). */
export function xlsxStream(sheets: ExportSheet[]): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  (async () => {
    // exceljs costs ≈0.3 s to load: only when an export is asked for, not at start-up.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: pass,
      useStyles: true,
      useSharedStrings: false,
    });
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = sheet.columns.map((c, i) => ({
        header: c.header,
        key: String(i),
        width: c.width ?? Math.min(Math.max(c.header.length + 2, 10), 50),
        style: c.numFmt ? { numFmt: c.numFmt } : {},
      }));
      ws.getRow(1).font = { bold: true };
      for await (const row of sheet.rows) ws.addRow(row.map(cell)).commit();
      ws.commit();
    }
    await workbook.commit();
  })().catch((err) => pass.destroy(err));
  return new ReadableStream({
    start(controller) {
      pass.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      pass.on('end', () => controller.close());
      pass.on('error', (err) => controller.error(err));
    },
  });
}

function csvField(value: CellValue): string {
  const v = cell(value);
  if (v === null) return '';
  const text = v instanceof Date ? v.toISOString() : String(v);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text (UTF-8 with BOM, so Excel reads the accents), one sheet. */
export async function csvText(sheet: ExportSheet): Promise<string> {
  const lines = [sheet.columns.map((c) => csvField(c.header)).join(',')];
  for await (const row of sheet.rows) lines.push(row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A download filename safe for the Content-Disposition header. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function xlsxResponse(filename: string, sheets: ExportSheet[]): Response {
  return new Response(xlsxStream(sheets), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': attachment(filename),
      'cache-control': 'no-store',
    },
  });
}

export async function csvResponse(filename: string, sheet: ExportSheet): Promise<Response> {
  return new Response(await csvText(sheet), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(filename),
      'cache-control': 'no-store',
    },
  });
}
