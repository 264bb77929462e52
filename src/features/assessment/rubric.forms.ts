/**
 * The rubric as the JSON API takes it, and the two editor forms that change a draft without
 * JavaScript: the overview (title, weights' rule, aspects, and every criterion's code, name and
 * weight — all weights on one page, so a rule on their total can be met in one save) and one page
 * per criterion (its levels, coaching kind, group). Fields are named by the same paths that
 * validateRubric reports (`aspects.0.criteria.2.weight`), so each message lands beside its field.
 * "Add" and "remove" are submit buttons that re-render the form with the input kept (ADR 0303).
 */
import { z } from 'zod';
import { checkbox, integer, number, optionalNumber } from '../../platform/fields.ts';
import { flattenValues, nestValues } from '../../platform/form-rows.ts';
import { validationMessages } from '../../platform/i18n.ts';
import {
  COACHING_KINDS,
  PROVENANCES,
  type Rubric,
  type RubricCriterion,
  type RubricLevel,
  type WeightRule,
} from './rubric.rules.ts';

export const rubricRules = validationMessages('rubrics', {
  code: {
    id: 'Kode hanya boleh berisi huruf, angka, titik, garis bawah atau tanda hubung (paling banyak 12).',
    en: 'A code may hold only letters, digits, dots, underscores or hyphens (12 at most).',
  },
  minLevels: { id: 'Isi angka 1 sampai 10.', en: 'Enter a number from 1 to 10.' },
  tooMany: { id: 'Terlalu banyak baris.', en: 'Too many rows.' },
});

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/;
const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const str = (max = 2000) => z.preprocess(trim, z.string().max(max)).default('');
const code = () =>
  z.preprocess(trim, z.union([z.literal(''), z.string().regex(CODE, rubricRules.code)])).default('');

// JSON API -----------------------------------------------------------------------------------------

const Bilingual = z.object({ id: z.string().max(2000), en: z.string().max(2000) });
const Level = z.object({
  level: z.number().int(),
  points: z.number(),
  label: Bilingual,
  descriptor: Bilingual,
});
const Criterion = z.object({
  code: z.string().regex(CODE, rubricRules.code),
  name: Bilingual,
  group: Bilingual.optional(),
  weight: z.number(),
  levels: z.array(Level).max(10, rubricRules.tooMany),
  coaching: z.enum(COACHING_KINDS),
  coachable: z.boolean().optional(),
  provenance: z.enum(PROVENANCES).optional(),
});
const Aspect = z.object({
  code: z.string().regex(CODE, rubricRules.code),
  name: Bilingual,
  criteria: z.array(Criterion).max(60, rubricRules.tooMany),
});

/** A rubric's content as the API sends and takes it (the commodity comes from the address). */
export const RubricContent = z.object({
  title: Bilingual,
  aspects: z.array(Aspect).max(10, rubricRules.tooMany),
  note: Bilingual.optional(),
});

/** The weights' rule: the total (null: any), per-aspect exact or maximum weights, least levels. */
export const WeightRuleSchema = z.object({
  total: z.number().positive().nullable(),
  aspects: z
    .record(
      z.string().max(12),
      z.object({ exact: z.number().nonnegative().optional(), max: z.number().nonnegative().optional() }),
    )
    .optional(),
  minLevels: z.number().int().min(1).max(10).optional(),
});

/** A rubric content without keys the API schema does not know (JSON stays as the rules expect). */
export function toRubric(commodity: string, content: z.infer<typeof RubricContent>): Rubric {
  return {
    commodity,
    title: content.title,
    aspects: content.aspects.map((a) => ({
      code: a.code,
      name: a.name,
      criteria: a.criteria.map((c) => ({
        code: c.code,
        name: c.name,
        ...(c.group && (c.group.id || c.group.en) ? { group: c.group } : {}),
        weight: c.weight,
        levels: c.levels,
        coaching: c.coaching,
        ...(c.coachable === false ? { coachable: false } : {}),
        ...(c.provenance ? { provenance: c.provenance } : {}),
      })),
    })),
    ...(content.note && (content.note.id || content.note.en) ? { note: content.note } : {}),
  };
}

export function toWeightRule(rule: z.infer<typeof WeightRuleSchema>): WeightRule {
  const aspects: NonNullable<WeightRule['aspects']> = {};
  for (const [k, v] of Object.entries(rule.aspects ?? {})) {
    const limits: { exact?: number; max?: number } = {};
    if (v.exact !== undefined) limits.exact = v.exact;
    if (v.max !== undefined) limits.max = v.max;
    if (Object.keys(limits).length) aspects[k] = limits;
  }
  return {
    total: rule.total,
    ...(Object.keys(aspects).length ? { aspects } : {}),
    minLevels: rule.minLevels ?? 2,
  };
}

// Shared helpers ------------------------------------------------------------------------------------

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** True when every leaf of a posted row is blank (an unused "add" row is left out); `key` is hidden. */
function allBlank(row: unknown): boolean {
  if (row === undefined || row === null) return true;
  if (typeof row !== 'object') return blank(row);
  return Object.entries(row as Record<string, unknown>).every(
    ([k, v]) => k === 'key' || (typeof v === 'object' && v !== null ? allBlank(v) : blank(v)),
  );
}

const rowList = <T extends z.ZodType>(row: T, max: number) =>
  z
    .array(z.preprocess((v) => (allBlank(v) ? null : v), row.nullable()))
    .max(max, rubricRules.tooMany)
    .default([]);

const bilingualField = () => z.object({ id: str(), en: str() }).default({ id: '', en: '' });

const asText = (b: { id: string; en: string } | undefined) =>
  b && (b.id || b.en) ? { id: b.id, en: b.en } : undefined;

/** The number as typed back into a field: a dot decimal, no trailing zeros. */
const num = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(Math.round(n * 1e6) / 1e6);

// Overview form --------------------------------------------------------------------------------------

const OverviewCriterion = z.object({
  key: z.preprocess(trim, z.string().max(20)).optional(),
  code: code(),
  name: bilingualField(),
  weight: number(),
});

const OverviewAspect = z.object({
  key: z.preprocess(trim, z.string().max(20)).optional(),
  code: code(),
  name: bilingualField(),
  exact: optionalNumber().pipe(z.number().nonnegative().optional()),
  max: optionalNumber().pipe(z.number().nonnegative().optional()),
  criteria: rowList(OverviewCriterion, 60),
});

/** The overview form, after nestValues. Unused blank rows arrive as null. */
export const OverviewForm = z.object({
  version: z.coerce.number().int().min(1),
  title: bilingualField(),
  note: bilingualField(),
  rule: z
    .object({
      total: optionalNumber().pipe(z.number().positive().optional()),
      minLevels: integer().pipe(
        z.number().int().min(1, rubricRules.minLevels).max(10, rubricRules.minLevels),
      ),
    })
    .default({ total: undefined, minLevels: 2 }),
  aspects: rowList(OverviewAspect, 10),
});
export type OverviewInput = z.infer<typeof OverviewForm>;

/** The overview form's fields for a stored draft. */
export function overviewValues(content: Rubric, rule: WeightRule, version: number): Record<string, unknown> {
  return flattenValues({
    version: String(version),
    title: content.title,
    note: content.note ?? { id: '', en: '' },
    rule: { total: num(rule.total), minLevels: String(rule.minLevels ?? 2) },
    aspects: content.aspects.map((a) => ({
      key: a.code,
      code: a.code,
      name: a.name,
      exact: num(rule.aspects?.[a.code]?.exact),
      max: num(rule.aspects?.[a.code]?.max),
      criteria: a.criteria.map((c) => ({ key: c.code, code: c.code, name: c.name, weight: num(c.weight) })),
    })),
  });
}

/** A criterion added on the overview: its levels are written on its own page. */
function newCriterion(code: string, name: { id: string; en: string }, weight: number): RubricCriterion {
  return { code, name, weight, levels: [], coaching: 'training' };
}

/**
 * The draft after an overview save: names, codes and weights from the form; each criterion keeps
 * its levels and coaching (found by the code it had, so renaming a code keeps them).
 */
export function applyOverview(
  content: Rubric,
  input: OverviewInput,
): { content: Rubric; weightRule: WeightRule } {
  const stored = new Map<string, RubricCriterion>();
  for (const a of content.aspects) for (const c of a.criteria) stored.set(c.code, c);
  const aspects = input.aspects.filter((a) => a !== null);
  const limits: NonNullable<WeightRule['aspects']> = {};
  for (const a of aspects) {
    const l: { exact?: number; max?: number } = {};
    if (a.exact !== undefined) l.exact = a.exact;
    if (a.max !== undefined) l.max = a.max;
    if (Object.keys(l).length && a.code) limits[a.code] = l;
  }
  const rubric: Rubric = {
    commodity: content.commodity,
    title: input.title,
    aspects: aspects.map((a) => ({
      code: a.code,
      name: a.name,
      criteria: a.criteria
        .filter((c) => c !== null)
        .map((c) => {
          const before = c.key ? stored.get(c.key) : undefined;
          return before
            ? { ...before, code: c.code, name: c.name, weight: c.weight }
            : newCriterion(c.code, c.name, c.weight);
        }),
    })),
    ...(asText(input.note) ? { note: asText(input.note)! } : {}),
  };
  return {
    content: rubric,
    weightRule: {
      total: input.rule.total ?? null,
      ...(Object.keys(limits).length ? { aspects: limits } : {}),
      minLevels: input.rule.minLevels,
    },
  };
}

const OVERVIEW_PATHS = [
  /^title$/,
  /^note$/,
  /^aspects$/,
  /^aspects\.\d+\.(code|name|criteria)$/,
  /^aspects\.\d+\.criteria\.\d+\.(code|name|weight)$/,
];

/** Whether a rubric violation belongs to a field of the overview form (so it stops an overview save). */
export function overviewOwns(path: string): boolean {
  return OVERVIEW_PATHS.some((re) => re.test(path));
}

/** The overview's buttons that reshape the form without saving: `addAspect`, `removeCriterion:0.3`… */
export function overviewOp(flat: Record<string, unknown>, op: string): Record<string, unknown> | null {
  const nested = nestValues(flat) as { aspects?: unknown[] } & Record<string, unknown>;
  const aspects = (nested.aspects ?? []).map((a) =>
    a && typeof a === 'object' ? (a as Record<string, unknown>) : { criteria: [] },
  );
  const criteriaOf = (i: number) => {
    const a = aspects[i];
    if (!a) return null;
    const list = Array.isArray(a.criteria) ? (a.criteria as unknown[]) : [];
    a.criteria = list;
    return list;
  };
  const [name, arg = ''] = op.split(':');
  const [i, j] = arg.split('.').map((x) => Number(x));
  switch (name) {
    case 'addAspect':
      if (aspects.length >= 10) return null;
      aspects.push({ key: '', code: '', name: { id: '', en: '' }, criteria: [blankCriterionRow()] });
      break;
    case 'removeAspect':
      if (i === undefined || !aspects[i]) return null;
      aspects.splice(i, 1);
      break;
    case 'addCriterion': {
      const list = i === undefined ? null : criteriaOf(i);
      if (!list || list.length >= 60) return null;
      list.push(blankCriterionRow());
      break;
    }
    case 'removeCriterion': {
      const list = i === undefined ? null : criteriaOf(i);
      if (!list || j === undefined || list[j] === undefined) return null;
      list.splice(j, 1);
      break;
    }
    default:
      return null;
  }
  nested.aspects = aspects;
  return flattenValues(nested);
}

const blankCriterionRow = () => ({ key: '', code: '', name: { id: '', en: '' }, weight: '' });

// Criterion form ------------------------------------------------------------------------------------

const LevelRow = z.object({
  points: number(),
  label: bilingualField(),
  descriptor: bilingualField(),
});

/** One criterion's page, after nestValues (fields relative to the criterion). */
export const CriterionForm = z.object({
  version: z.coerce.number().int().min(1),
  name: bilingualField(),
  group: bilingualField(),
  coaching: z.enum(COACHING_KINDS),
  coachable: checkbox(),
  provenance: z.preprocess((v) => (blank(v) ? undefined : v), z.enum(PROVENANCES).optional()),
  levels: rowList(LevelRow, 10),
});
export type CriterionInput = z.infer<typeof CriterionForm>;

/** The level labels a new blank level row starts with (Low, Fair, Good, then numbered). */
const DEFAULT_LABELS = [
  { id: 'Kurang', en: 'Low' },
  { id: 'Cukup', en: 'Fair' },
  { id: 'Baik', en: 'Good' },
  { id: 'Sangat baik', en: 'Very good' },
];

function blankLevelRow(k: number) {
  return {
    points: String(k + 1),
    label: DEFAULT_LABELS[k] ?? { id: '', en: '' },
    descriptor: { id: '', en: '' },
  };
}

/** A criterion's page fields; a criterion with too few levels gets blank rows to fill in. */
export function criterionValues(c: RubricCriterion, version: number, minLevels = 2): Record<string, unknown> {
  const levels: unknown[] = [...c.levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => ({ points: num(l.points), label: l.label, descriptor: l.descriptor }));
  while (levels.length < Math.max(minLevels, c.levels.length === 0 ? 3 : 0))
    levels.push(blankLevelRow(levels.length));
  return flattenValues({
    version: String(version),
    name: c.name,
    group: c.group ?? { id: '', en: '' },
    coaching: c.coaching,
    coachable: c.coachable === false ? '' : 'on',
    provenance: c.provenance ?? '',
    levels,
  });
}

/** The draft with one criterion replaced by the form's input; levels numbered 1, 2, 3… in order. */
export function applyCriterion(content: Rubric, codeOf: string, input: CriterionInput): Rubric {
  return {
    ...content,
    aspects: content.aspects.map((a) => ({
      ...a,
      criteria: a.criteria.map((c) => {
        if (c.code !== codeOf) return c;
        const levels: RubricLevel[] = input.levels
          .filter((l) => l !== null)
          .map((l, k) => ({ level: k + 1, points: l.points, label: l.label, descriptor: l.descriptor }));
        const group = asText(input.group);
        const next: RubricCriterion = {
          code: c.code,
          name: input.name,
          ...(group ? { group } : {}),
          weight: c.weight,
          levels,
          coaching: input.coaching,
          ...(input.coachable ? {} : { coachable: false }),
          ...(input.provenance ? { provenance: input.provenance } : {}),
        };
        return next;
      }),
    })),
  };
}

/** Whether a violation belongs to the criterion page at `prefix` (`aspects.0.criteria.3`). */
export function criterionOwns(prefix: string): (path: string) => boolean {
  return (path) => path.startsWith(`${prefix}.`) && !/\.(code|weight)$/.test(path.slice(prefix.length));
}

/** The criterion page's buttons: `addLevel`, `removeLevel:2`. */
export function criterionOp(flat: Record<string, unknown>, op: string): Record<string, unknown> | null {
  const nested = nestValues(flat) as { levels?: unknown[] } & Record<string, unknown>;
  const levels = Array.isArray(nested.levels) ? [...nested.levels] : [];
  const [name, arg] = op.split(':');
  if (name === 'addLevel') {
    if (levels.length >= 10) return null;
    levels.push(blankLevelRow(levels.length));
  } else if (name === 'removeLevel') {
    const k = Number(arg);
    if (!Number.isInteger(k) || levels[k] === undefined) return null;
    levels.splice(k, 1);
  } else return null;
  nested.levels = levels;
  // A lone unticked checkbox is absent from the body; keep it unticked after the re-render.
  if (nested.coachable === undefined) nested.coachable = '';
  return flattenValues(nested);
}
