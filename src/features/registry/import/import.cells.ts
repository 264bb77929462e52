/**
 * One spreadsheet cell as the import reads it. The xlsx reader (import.xlsx.ts) hands over numbers,
 * text, dates, booleans, errors and formulas; a formula is never evaluated: its stored result is the
 * value, and the formula text goes nowhere (not into messages, not into the errors file).
 */

export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; percent?: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; code: string }
  /** A formula whose file carries no computed result (written by a program, never opened in Excel). */
  | { kind: 'formula_without_value' };

/** Columns past this one are not read (a real sheet has a few dozen). */
export const MAX_COLUMNS = 200;

/** Printable ASCII, not starting with a space or an apostrophe, no space at the end or twice in a row. */
const PLAIN = /^[!-&(-~](?: ?[!-~])*$/;

/** Text as typed: NFC, no-break and zero-width spaces made plain, trimmed, inner runs folded. */
export function cleanText(raw: string): string {
  // Most cells are printable ASCII with single inner spaces: nothing below would change them.
  if (PLAIN.test(raw)) return raw;
  let s = raw
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\r?\n */g, '\n')
    .trim();
  // A leading apostrophe is how people (and our own exports) keep 0812… or +62… as text.
  if (/^'[=+\-@0-9(]/.test(s)) s = s.slice(1);
  return s;
}

function fromValue(value: unknown, percent: boolean): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = cleanText(value);
    return text ? { kind: 'text', text } : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'error', code: '#NUM!' };
    return percent ? { kind: 'number', value, percent } : { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { kind: 'date', value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (!('result' in v) || v.result === undefined || v.result === null)
        return { kind: 'formula_without_value' };
      const r = v.result;
      if (typeof r === 'number' && Number.isNaN(r)) return { kind: 'error', code: '#VALUE!' };
      return fromValue(r, percent);
    }
    if ('error' in v) return { kind: 'error', code: String(v.error) };
    if (Array.isArray(v.richText))
      return fromValue((v.richText as { text?: string }[]).map((p) => p.text ?? '').join(''), percent);
    if ('text' in v) return fromValue(v.text, percent);
  }
  return undefined;
}

/**
 * A copy of `s` that holds nothing else. A cell's text is a slice of the 16 KB piece of sheet XML it
 * was read from, and V8 keeps that whole piece alive for as long as the slice lives. Anything kept
 * beyond its row (for the whole run, or the process) keeps a copy: the in-sheet duplicate keys once
 * held every piece of the sheet this way (≈ 1 KB a row, 100 MB for 100,000 rows; ADR 0113).
 */
export const detached = (s: string): string => ` ${s}`.slice(1);

/** A cell value (JS, or exceljs's shapes) and its number format (for "65%") as a Cell; undefined when empty. */
export function cellOf(value: unknown, numFmt?: string): Cell | undefined {
  return fromValue(value, typeof numFmt === 'string' && numFmt.includes('%'));
}

/** A CSV field as a Cell. */
export function textCell(raw: string): Cell | undefined {
  const text = cleanText(raw);
  return text ? { kind: 'text', text } : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** What the user sees in the cell, for messages and the errors file (a formula's result only). */
export function cellDisplay(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number': {
      const n = cell.percent ? cell.value * 100 : cell.value;
      const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
      return cell.percent ? `${s}%` : s;
    }
    case 'date':
      return `${pad(cell.value.getUTCDate())}/${pad(cell.value.getUTCMonth() + 1)}/${cell.value.getUTCFullYear()}`;
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.code;
    case 'formula_without_value':
      return '';
  }
}

/** Whether a cell holds nothing: no cell, or only spaces (an error or a formula without its value is not blank). */
export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.kind === 'text' && cell.text.trim() === '');
}

/** Text for a text column: numbers as written (9120001234567, not 9.12E+12), dates as 28/11/2026. */
export function cellText(cell: Cell | undefined): string | undefined {
  if (!cell || cell.kind === 'error' || cell.kind === 'formula_without_value') return undefined;
  if (cell.kind === 'number' && Number.isInteger(cell.value) && !cell.percent) return cell.value.toFixed(0);
  const s = cellDisplay(cell);
  return s === '' ? undefined : s;
}

/** A value for a number column: numbers pass (rounding float dust), text goes to the Indonesian parser. */
export function cellNumberInput(cell: Cell | undefined, opts: { percentColumn?: boolean } = {}): unknown {
  if (!cell) return undefined;
  if (cell.kind === 'number') {
    let n = cell.value;
    // A "65%" cell holds 0.65; in a percentage column that means 65.
    if (cell.percent && opts.percentColumn) n *= 100;
    const r = Math.round(n);
    return Math.abs(n - r) < 1e-9 * Math.max(1, Math.abs(n)) ? r : n;
  }
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'bool') return cell.value ? 1 : 0;
  return cellDisplay(cell);
}

/** A value for a date column: a Date, an Excel serial, or text such as 28/11/2026. */
export function cellDateInput(cell: Cell | undefined): unknown {
  if (!cell) return undefined;
  if (cell.kind === 'date') return cell.value;
  if (cell.kind === 'number') return cell.value;
  return cellText(cell);
}

/** A value for an identifier column (NIB, KBLI, phone, HS): digits kept exactly. */
export function cellIdentifierInput(cell: Cell | undefined): unknown {
  if (!cell) return undefined;
  if (cell.kind === 'number')
    return Number.isInteger(cell.value) ? cell.value.toFixed(0) : String(cell.value);
  return cellText(cell);
}

/**
 * A cell in its shortest exact JSON form: text as a bare string and a plain number as a bare number
 * (most cells), the rest as a tagged list.
 */
export type PackedCell =
  | string
  | number
  | boolean
  | [tag: 'p', value: number]
  | [tag: 'd', iso: string]
  | [tag: 'e', code: string]
  | [tag: 'f'];

export function packCell(cell: Cell): PackedCell {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.percent ? ['p', cell.value] : cell.value;
    case 'bool':
      return cell.value;
    case 'date':
      return ['d', cell.value.toISOString()];
    case 'error':
      return ['e', cell.code];
    case 'formula_without_value':
      return ['f'];
  }
}

export function unpackCell(packed: PackedCell): Cell {
  if (typeof packed === 'string') return { kind: 'text', text: packed };
  if (typeof packed === 'number') return { kind: 'number', value: packed };
  if (typeof packed === 'boolean') return { kind: 'bool', value: packed };
  switch (packed[0]) {
    case 'p':
      return { kind: 'number', value: packed[1], percent: true };
    case 'd':
      return { kind: 'date', value: new Date(packed[1]) };
    case 'e':
      return { kind: 'error', code: packed[1] };
    case 'f':
      return { kind: 'formula_without_value' };
  }
}
