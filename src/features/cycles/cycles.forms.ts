/**
 * One schema for a cycle's configuration, shared by the page (after nestValues) and the JSON API.
 * Rows left blank on the page arrive as null and are dropped after the checks, so every message's
 * path still names the input it belongs to.
 */
import { z } from 'zod';
import {
  ChecklistDocumentKindEnum,
  COMMODITIES,
  CommodityEnum,
  CYCLE_PHASES,
  CycleKindEnum,
  type CyclePhase,
} from '../../platform/domain.ts';
import { checkbox, integer, number, optionalText, text } from '../../platform/fields.ts';
import { FILE_KINDS, type FileKind } from '../../platform/files.ts';
import { listOf, nestValues } from '../../platform/form-rows.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { checkPhases, checkStarBands } from './cycles.rules.ts';
import { cycleRules } from './cycles.messages.ts';

const FILE_KIND_KEYS = Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]];
export const FileKindEnum = z.enum(FILE_KIND_KEYS);

/** `2026-06-30T23:59` or `30/06/2026 23.59` in WIT, or an ISO instant with its offset (API). */
export function parseDateTimeInput(v: unknown): unknown {
  if (v instanceof Date) return v;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s === '') return undefined;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? 'invalid' : d;
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T](\d{1,2})[.:](\d{2})$/.exec(s);
  const local = dmy
    ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}T${dmy[4]!.padStart(2, '0')}:${dmy[5]}`
    : s;
  const d = fromLocalInput(local);
  if (!d) return 'invalid';
  // fromLocalInput rolls 31/02 over to March: refuse dates that do not exist.
  const [y, m, day] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, day));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) return 'invalid';
  return d;
}

export const dateTime = () =>
  z.preprocess(
    parseDateTimeInput,
    z.date({ error: (i) => (i.input === undefined ? undefined : cycleRules.dateTime) }),
  );
const optionalDateTime = () =>
  z.preprocess(
    parseDateTimeInput,
    z.date({ error: (i) => (i.input === undefined ? undefined : cycleRules.dateTime) }).optional(),
  );

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const allBlank = (row: unknown, keys: string[]) =>
  row === undefined ||
  row === null ||
  (typeof row === 'object' && keys.every((k) => blank((row as Record<string, unknown>)[k])));

const score = () => number().pipe(z.number().min(0, cycleRules.score).max(100, cycleRules.score));

const BandRow = z.object({ stars: z.coerce.number().int().min(1).max(5), min: score(), max: score() });
const PhaseRow = z.object({ start: optionalDateTime(), end: optionalDateTime() });
const CommodityRow = z.object({
  commodity: CommodityEnum,
  rubricVersionRef: optionalText(100).nullable().optional(),
});

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);

const ChecklistRow = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object') return v;
    const row = { ...(v as Record<string, unknown>) };
    if (blank(row.code) && typeof row.labelId === 'string') row.code = slug(row.labelId);
    for (const k of ['fileKinds', 'satisfiedBy']) if (!Array.isArray(row[k])) row[k] = listOf(row[k]);
    return row;
  },
  z.object({
    commodity: CommodityEnum,
    code: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z.string().regex(/^[a-z0-9_]{2,40}$/, cycleRules.itemCode),
    ),
    labelId: text(200),
    labelEn: text(200),
    required: checkbox(),
    fileKinds: z.array(FileKindEnum).min(1, cycleRules.itemFileKinds),
    validOnDeadline: checkbox(),
    satisfiedBy: z.array(ChecklistDocumentKindEnum).default([]),
  }),
);

const QuotaRow = z.object({
  kabkotaCode: z.string().regex(/^\d{2}\.\d{2}$/, cycleRules.kabkota),
  quota: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    integer().pipe(z.number().int().min(0, cycleRules.quota)),
  ),
});

/** A list whose blank rows (every one of `keys` empty) become null, so indices match the inputs. */
const rowList = <T extends z.ZodType>(row: T, keys: string[]) =>
  z.array(z.preprocess((v) => (allBlank(v, keys) ? null : v), row.nullable()));
const rows = <T extends z.ZodType>(row: T, keys: string[]) => rowList(row, keys).default([]);

const nonNull = <T>(xs: (T | null | undefined)[]) => xs.filter((x): x is T => x !== null && x !== undefined);

const CycleFields = z.object({
  name: text(200),
  year: integer().pipe(z.number().int().min(2000).max(2200)),
  kind: CycleKindEnum,
  starScale: z.coerce.number().pipe(z.union([z.literal(3), z.literal(5)])),
  bands: rows(BandRow, ['min', 'max']),
  phases: z
    .object(
      Object.fromEntries(
        CYCLE_PHASES.map((p) => [
          p,
          z.preprocess((v) => (allBlank(v, ['start', 'end']) ? undefined : v), PhaseRow.optional()),
        ]),
      ),
    )
    .default({}),
  commodities: z.array(CommodityRow).default([]),
  /** Absent: a new cycle takes the default checklists, an edit keeps the saved ones. */
  checklist: rowList(ChecklistRow, ['code', 'labelId', 'labelEn']).optional(),
  quotas: rows(QuotaRow, ['quota']),
  /** Required when the cycle is frozen: the change becomes a new configuration version. */
  reason: optionalText(1000),
});

type Raw = z.output<typeof CycleFields>;

type ChecklistRowOut = z.output<typeof ChecklistRow>;

/** Codes unique within a commodity; with `covered`, each item's commodity among those covered. */
function checkChecklist(items: (ChecklistRowOut | null)[], ctx: z.RefinementCtx, covered?: Set<string>) {
  const codes = new Set<string>();
  items.forEach((item, i) => {
    if (!item) return;
    if (covered && !covered.has(item.commodity))
      ctx.addIssue({
        code: 'custom',
        path: ['checklist', i, 'labelId'],
        message: cycleRules.itemCommodityNotCovered,
      });
    const key = `${item.commodity}:${item.code}`;
    if (codes.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['checklist', i, 'code'],
        message: cycleRules.itemCodeDuplicate,
        params: { code: item.code },
      });
    codes.add(key);
  });
}

function crossCheck(v: Raw, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string, params: Record<string, string | number> = {}) =>
    ctx.addIssue({ code: 'custom', path, message, params });
  // Bands: compared among the rows filled in; paths name the original rows.
  const bandRows = v.bands.map((b, i) => (b ? { ...b, i } : null)).filter((b) => b !== null);
  for (const i of checkStarBands(
    bandRows,
    v.starScale,
    (s) => bandRows.find((b) => b.stars === s)?.i ?? s - 1,
  ))
    issue(i.path, cycleRules[i.rule], i.params);
  // Phases: both ends or neither, end after start, the proposal window present.
  const windows: { phase: CyclePhase; startsAt: Date; endsAt: Date }[] = [];
  for (const phase of CYCLE_PHASES) {
    const p = v.phases[phase] as { start?: Date; end?: Date } | undefined;
    if (!p) continue;
    if (!p.start) issue(['phases', phase, 'start'], cycleRules.phaseBoth);
    else if (!p.end) issue(['phases', phase, 'end'], cycleRules.phaseBoth);
    else windows.push({ phase, startsAt: p.start, endsAt: p.end });
  }
  for (const i of checkPhases(windows)) issue(i.path, cycleRules.phaseOrder);
  if (!v.phases.proposal) issue(['phases', 'proposal', 'start'], cycleRules.proposalRequired);
  // Commodities and their checklists.
  const covered = new Set(v.commodities.map((c) => c.commodity));
  if (covered.size === 0) issue(['commodities'], cycleRules.commodityRequired);
  if (v.checklist) checkChecklist(v.checklist, ctx, covered);
  const kab = new Set<string>();
  v.quotas.forEach((q, i) => {
    if (!q) return;
    if (kab.has(q.kabkotaCode)) issue(['quotas', i, 'quota'], cycleRules.quotaDuplicate);
    kab.add(q.kabkotaCode);
  });
}

/** A cycle's whole configuration, as saved. */
export const CycleInput = CycleFields.superRefine(crossCheck).transform((v) => ({
  name: v.name,
  year: v.year,
  kind: v.kind,
  starScale: v.starScale,
  bands: nonNull(v.bands).sort((a, b) => a.stars - b.stars),
  phases: CYCLE_PHASES.flatMap((phase) => {
    const p = v.phases[phase] as { start?: Date; end?: Date } | undefined;
    return p?.start && p.end ? [{ phase, startsAt: p.start, endsAt: p.end }] : [];
  }),
  commodities: [...new Map(v.commodities.map((c) => [c.commodity, c])).values()].sort(
    (a, b) => COMMODITIES.indexOf(a.commodity) - COMMODITIES.indexOf(b.commodity),
  ),
  checklist: v.checklist ? nonNull(v.checklist) : undefined,
  quotas: nonNull(v.quotas),
  reason: v.reason,
}));
export type CycleInput = z.output<typeof CycleInput>;

export const CycleUpdate = z.intersection(CycleInput, z.object({ version: z.coerce.number().int().min(1) }));
export type CycleUpdate = z.output<typeof CycleUpdate>;

/**
 * The page's flat body → the API's shape: rows nested by their path names, and of the commodity
 * rows only those ticked (`included`).
 */
export function pageToInput(flat: unknown): unknown {
  if (!flat || typeof flat !== 'object') return flat;
  const nested = nestValues(flat as Record<string, unknown>);
  const commodities = Array.isArray(nested.commodities) ? nested.commodities : [];
  nested.commodities = commodities.filter(
    (c) => c && typeof c === 'object' && (c as Record<string, unknown>).included === 'on',
  );
  return nested;
}

export const CycleFormCreate = z.preprocess(pageToInput, CycleInput);
export const CycleFormUpdate = z.preprocess(pageToInput, CycleUpdate);

/** One commodity's checklist, edited on its own page (the whole list replaces the saved one). */
export const ChecklistUpdate = z
  .object({
    version: z.coerce.number().int().min(1),
    reason: optionalText(1000),
    checklist: rows(ChecklistRow, ['code', 'labelId', 'labelEn']),
  })
  .superRefine((v, ctx) => checkChecklist(v.checklist, ctx))
  .transform((v) => ({ version: v.version, reason: v.reason, checklist: nonNull(v.checklist) }));
export type ChecklistUpdate = z.output<typeof ChecklistUpdate>;
export const ChecklistFormUpdate = z.preprocess(
  (flat) => (flat && typeof flat === 'object' ? nestValues(flat as Record<string, unknown>) : flat),
  ChecklistUpdate,
);

export const ExtensionInput = z.object({
  kabkotaCode: z.string().regex(/^\d{2}\.\d{2}$/, cycleRules.kabkota),
  endsAt: dateTime(),
  reason: text(1000),
});
export type ExtensionInput = z.output<typeof ExtensionInput>;

export const CycleFilter = z.object({
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
