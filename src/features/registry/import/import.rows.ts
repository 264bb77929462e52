/**
 * One sheet row → the registry's input, with every problem of the row at once, by column: cells
 * are read (errors, formulas without a result), names resolved to codes, and the row validated by
 * the same zod schema the forms and the API use. A problem in a value that can be left out is a
 * `cell` problem; one that stops the row from being saved at all is a `row` problem.
 */
import type { z } from 'zod';
import { lookupValidationMessage } from '../../../platform/i18n.ts';
import type { ImportIssueSeverity, ImportKind } from '../../../platform/registry-import-domain.ts';
import { IkmFields, ProductFields, SentraFields } from '../registry.forms.ts';
import {
  type Cell,
  cellDateInput,
  cellDisplay,
  cellIdentifierInput,
  cellNumberInput,
  cellText,
} from './import.cells.ts';
import { COLUMNS, type ColumnDef, type HeaderMap } from './import.columns.ts';
import { importRules, valueRules } from './import.messages.ts';
import {
  type RegionResolver,
  type Resolved,
  resolveCommodity,
  resolvePeriod,
  resolveUnit,
  resolveYesNo,
} from './import.resolve.ts';

export interface Issue {
  rowNumber: number;
  /** The column key, or null for the whole row. */
  columnKey: string | null;
  severity: ImportIssueSeverity;
  key: string;
  params?: Record<string, string | number>;
  /** The cell as the user sees it (a formula's result only). */
  value?: string;
}

export interface Draft {
  rowNumber: number;
  /** The validated input, cell problems left out; undefined when the row cannot be saved. */
  data?: Record<string, unknown>;
  /** Columns whose values were left out because they could not be read. */
  dropped: Set<string>;
  issues: Issue[];
  /** The cells by column key, for lookups and the errors file. */
  cells: Record<string, Cell | undefined>;
}

/** A stand-in for an id the database step fills in (the IKM of a product). */
export const PENDING_ID = '00000000-0000-4000-8000-000000000000';

interface Spec {
  schema: z.ZodType;
  /** Column key → the schema field it fills (columns resolved by the database step have none). */
  fields: Record<string, string>;
  /** Columns whose problem stops the row. */
  rowColumns: Set<string>;
  /** Columns left out together (capacity is a quantity, a unit and a period). */
  groups: string[][];
}

const CAPACITY = ['capacityQty', 'capacityUnit', 'capacityPeriod'];

export const SPECS: Record<ImportKind, Spec> = {
  ikm: {
    schema: IkmFields,
    fields: {
      name: 'name',
      ownerName: 'ownerName',
      nib: 'nib',
      kbli: 'kbli',
      phone: 'phone',
      email: 'email',
      address: 'address',
      kabkota: 'kabkotaCode',
      kecamatan: 'kecamatanCode',
      desa: 'desa',
      workforceMen: 'workforceMen',
      workforceWomen: 'workforceWomen',
      investment: 'investment',
      capacityQty: 'capacityQty',
      capacityUnit: 'capacityUnit',
      capacityPeriod: 'capacityPeriod',
      contactPublic: 'contactPublic',
      ownerEmail: 'ownerEmail',
      notes: 'notes',
    },
    // The NIB is how a re-import finds the row again: an unreadable one cannot be left out.
    rowColumns: new Set(['name', 'ownerName', 'nib', 'kabkota']),
    groups: [CAPACITY],
  },
  sentra: {
    schema: SentraFields,
    fields: {
      name: 'name',
      kabkota: 'kabkotaCode',
      kecamatan: 'kecamatanCode',
      desa: 'desa',
      commodity: 'commodity',
      productFocus: 'productFocus',
      decreeNumber: 'decreeNumber',
      decreeDate: 'decreeDate',
      unitCount: 'unitCount',
      notes: 'notes',
    },
    rowColumns: new Set(['name', 'kabkota', 'commodity']),
    groups: [],
  },
  products: {
    schema: ProductFields,
    fields: {
      name: 'name',
      commodity: 'commodity',
      descriptionId: 'descriptionId',
      descriptionEn: 'descriptionEn',
      storyId: 'storyId',
      storyEn: 'storyEn',
      localMaterialPct: 'localMaterialPct',
      priceMin: 'priceMin',
      priceMax: 'priceMax',
      capacityQty: 'capacityQty',
      capacityUnit: 'capacityUnit',
      capacityPeriod: 'capacityPeriod',
      hsCode: 'hsCode',
      packaging: 'packaging',
      certifications: 'certifications',
    },
    rowColumns: new Set(['name', 'commodity', 'ikmNib', 'ikmName']),
    groups: [CAPACITY],
  },
};

/** The column a schema field reports into. */
export function columnOfField(kind: ImportKind, field: string): string | null {
  const spec = SPECS[kind];
  for (const [col, f] of Object.entries(spec.fields)) if (f === field) return col;
  if (field === 'ikmId') return 'ikmNib';
  if (field === 'sentraId') return 'sentra';
  if (field === 'leadIkmId') return 'leadNib';
  return null;
}

export function severityOf(kind: ImportKind, column: string | null): ImportIssueSeverity {
  return column === null || SPECS[kind].rowColumns.has(column) ? 'row' : 'cell';
}

/** zod's generic problems as message keys, so they can be shown later in the reader's language. */
function keyOfIssue(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null || iss.input === '') return valueRules.required;
      if (iss.expected === 'number' || iss.expected === 'int') return valueRules.number;
      return valueRules.invalid;
    case 'too_small':
      if (iss.origin === 'string')
        return Number(iss.minimum) <= 1 ? valueRules.required : valueRules.tooShort;
      return valueRules.tooSmall;
    case 'too_big':
      return iss.origin === 'string' ? valueRules.tooLong : valueRules.tooBig;
    case 'invalid_format':
      if (iss.format === 'email') return valueRules.email;
      if (iss.format === 'date') return valueRules.date;
      return valueRules.format;
    case 'invalid_value':
      return valueRules.choice;
    case 'not_multiple_of':
      return valueRules.integer;
    default:
      return valueRules.invalid;
  }
}

/** Validates `input`, returning the data or every problem as (field, key, params). */
export function validateInput(
  schema: z.ZodType,
  input: Record<string, unknown>,
):
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problems: { field: string; key: string; params: Record<string, string | number> }[] } {
  const r = schema.safeParse(input, { error: keyOfIssue });
  if (r.success) return { ok: true, data: r.data as Record<string, unknown> };
  const problems = r.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const own = (issue as { params?: Record<string, string | number> }).params ?? {};
    const params: Record<string, string | number> = { ...own };
    const i = issue as { maximum?: unknown; minimum?: unknown };
    if (i.maximum !== undefined) params.max = String(i.maximum);
    if (i.minimum !== undefined) params.min = String(i.minimum);
    const key = lookupValidationMessage(issue.message) ? issue.message : valueRules.invalid;
    return { field, key, params };
  });
  return { ok: false, problems };
}

export interface RowContext {
  kind: ImportKind;
  header: HeaderMap;
  regions: RegionResolver;
  /** A kab/kota officer's own kab/kota, used when the row names none. */
  defaultKabkota: string | null;
}

function columnDefs(kind: ImportKind): Map<string, ColumnDef> {
  return new Map(COLUMNS[kind].map((c) => [c.key, c]));
}
const DEFS = { ikm: columnDefs('ikm'), sentra: columnDefs('sentra'), products: columnDefs('products') };

/** The input value of a cell for its column's type. */
function inputOf(def: ColumnDef, cell: Cell | undefined): unknown {
  switch (def.type) {
    case 'number':
      return cellNumberInput(cell, { percentColumn: def.key === 'localMaterialPct' });
    case 'date':
      return cellDateInput(cell);
    case 'identifier':
      return cellIdentifierInput(cell);
    default:
      return cellText(cell);
  }
}

/** Reads one sheet row; undefined for a row with nothing in the columns the import knows. */
export function readRow(
  ctx: RowContext,
  rowNumber: number,
  rowCells: (Cell | undefined)[],
): Draft | undefined {
  const { kind } = ctx;
  const spec = SPECS[kind];
  const defs = DEFS[kind];
  const cells: Record<string, Cell | undefined> = {};
  let any = false;
  for (const [index, key] of ctx.header.byIndex) {
    const cell = rowCells[index];
    cells[key] = cell;
    if (cell) any = true;
  }
  if (!any) return undefined;
  const issues: Issue[] = [];
  const flagged = new Set<string>();
  const flag = (column: string, key: string, params?: Record<string, string | number>) => {
    if (flagged.has(column)) return;
    flagged.add(column);
    const cell = cells[column];
    issues.push({
      rowNumber,
      columnKey: column,
      severity: severityOf(kind, column),
      key,
      ...(params ? { params } : {}),
      ...(cell ? { value: cellDisplay(cell).slice(0, 200) } : {}),
    });
  };
  const input: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(spec.fields)) {
    const cell = cells[column];
    if (cell?.kind === 'error') {
      flag(column, importRules.cellError, { value: cell.code });
      continue;
    }
    if (cell?.kind === 'formula_without_value') {
      flag(column, importRules.formulaNoValue);
      continue;
    }
    const def = defs.get(column)!;
    input[field] = inputOf(def, cell);
  }
  // Closed lists and regions: the words people write → the registry's codes.
  const resolve = <T>(column: string, field: string, fn: (raw: string) => Resolved<T>) => {
    const raw = input[field];
    if (typeof raw !== 'string' || flagged.has(column)) return;
    const r = fn(raw);
    if (r.ok) input[field] = r.value;
    else {
      flag(column, r.key, r.params);
      input[field] = undefined;
    }
  };
  if ('kabkota' in spec.fields) {
    if (input.kabkotaCode === undefined && !flagged.has('kabkota') && ctx.defaultKabkota)
      input.kabkotaCode = ctx.defaultKabkota;
    else resolve('kabkota', 'kabkotaCode', (raw) => ctx.regions.kabkota(raw));
    const kab = input.kabkotaCode;
    if (typeof kab === 'string' && /^\d{2}\.\d{2}$/.test(kab))
      resolve('kecamatan', 'kecamatanCode', (raw) => ctx.regions.kecamatan(kab, raw));
    else if (input.kecamatanCode !== undefined) input.kecamatanCode = undefined;
  }
  if ('commodity' in spec.fields) resolve('commodity', 'commodity', resolveCommodity);
  if ('capacityUnit' in spec.fields) resolve('capacityUnit', 'capacityUnit', resolveUnit);
  if ('capacityPeriod' in spec.fields) resolve('capacityPeriod', 'capacityPeriod', resolvePeriod);
  if ('contactPublic' in spec.fields) resolve('contactPublic', 'contactPublic', resolveYesNo);
  if (kind === 'products') {
    input.ikmId = PENDING_ID;
    if (!cells.ikmNib && !cells.ikmName) flag('ikmNib', importRules.productIkmMissing);
    else if (cells.ikmNib && (cells.ikmNib.kind === 'error' || cells.ikmNib.kind === 'formula_without_value'))
      flag('ikmNib', cells.ikmNib.kind === 'error' ? importRules.cellError : importRules.formulaNoValue, {
        value: cellDisplay(cells.ikmNib),
      });
  }
  const collect = (result: ReturnType<typeof validateInput>) => {
    if (result.ok) return;
    for (const p of result.problems) {
      const column = columnOfField(kind, p.field);
      if (column && flagged.has(column)) continue;
      if (column) flag(column, p.key, p.params);
      else {
        issues.push({ rowNumber, columnKey: null, severity: 'row', key: p.key, params: p.params });
      }
    }
  };
  const first = validateInput(spec.schema, input);
  collect(first);
  const draft: Draft = { rowNumber, dropped: new Set(), issues, cells };
  if (first.ok && issues.length === 0) {
    draft.data = first.data;
    return draft;
  }
  if (issues.some((i) => i.severity === 'row')) return draft;
  // Only values that can be left out: validate again without them (and their group).
  const dropped = dropColumns(
    kind,
    issues.map((i) => i.columnKey!),
  );
  const second = validateInput(spec.schema, withoutColumns(kind, input, dropped));
  if (second.ok) {
    draft.data = second.data;
    draft.dropped = dropped;
  } else {
    collect(second);
    for (const i of issues) i.severity = 'row';
  }
  return draft;
}

/** The columns to leave out for these problem columns, their groups included. */
export function dropColumns(kind: ImportKind, columns: string[]): Set<string> {
  const out = new Set(columns);
  for (const group of SPECS[kind].groups)
    if (group.some((c) => out.has(c))) for (const c of group) out.add(c);
  return out;
}

function withoutColumns(kind: ImportKind, input: Record<string, unknown>, columns: Set<string>) {
  const out = { ...input };
  for (const c of columns) {
    const field = SPECS[kind].fields[c];
    if (field) out[field] = undefined;
  }
  return out;
}

/**
 * A database check found a problem in a draft's column: recorded, and the draft either loses that
 * value (a cell problem: the data is validated again without it) or can no longer be saved.
 */
export function addProblem(
  kind: ImportKind,
  draft: Draft,
  column: string | null,
  key: string,
  params?: Record<string, string | number>,
  opts: { rowStops?: boolean } = {},
): void {
  const cell = column ? draft.cells[column] : undefined;
  // A write that failed stops the row whatever the column.
  const severity = opts.rowStops ? 'row' : severityOf(kind, column);
  draft.issues.push({
    rowNumber: draft.rowNumber,
    columnKey: column,
    severity,
    key,
    ...(params ? { params } : {}),
    ...(cell ? { value: cellDisplay(cell).slice(0, 200) } : {}),
  });
  if (!draft.data) return;
  if (severity === 'row') {
    draft.data = undefined;
    return;
  }
  const dropped = dropColumns(kind, [...draft.dropped, column!]);
  draft.dropped = dropped;
  const data = { ...draft.data };
  for (const c of dropped) {
    const field = SPECS[kind].fields[c];
    if (field) data[field] = undefined;
  }
  draft.data = data;
}

/** Whether the draft can be written in this mode. */
export function writable(draft: Draft, mode: 'all' | 'valid'): boolean {
  if (!draft.data) return false;
  return mode === 'all' || draft.issues.length === 0;
}
