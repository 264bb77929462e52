/** The forms of results, moderation, decisions and the cycle's assessment settings (pages and API). */
import { z } from 'zod';
import { CommodityEnum } from '../../platform/domain.ts';
import {
  checkbox,
  integer,
  number,
  optionalInteger,
  optionalNumber,
  optionalText,
  text,
} from '../../platform/fields.ts';
import { listOf, nestValues } from '../../platform/form-rows.ts';
import type { Gate, GateCondition } from './classify.rules.ts';
import { COACHING_KINDS, type CoachingKind } from './rubric.rules.ts';
import { resultsRules } from './results.messages.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);

/** The results page's filters. */
export const ResultsQuery = z.object({
  kabkota: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{2}\.\d{2}$/)
      .optional(),
  ),
  commodity: z.preprocess(blank, CommodityEnum.optional()),
  flagged: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()).optional(),
});

export const PostInput = z.object({ body: text(4000) });

/** The agreed score of a moderation (version 0: no result row yet). */
export const AgreedInput = z.object({
  agreedScore: number().pipe(z.number().min(0, resultsRules.scoreRange).max(100, resultsRules.scoreRange)),
  agreedReason: text(2000),
  version: z.coerce.number().int().min(0).optional(),
});

/** A decision: the star (empty: the computed one), an override's reason, and the confirmation. */
export const DecideInput = z.object({
  star: z.preprocess(blank, optionalInteger()),
  overrideReason: optionalText(2000),
  version: z.coerce.number().int().min(0).optional(),
  confirmed: z.preprocess((v) => v === 'yes', z.boolean()).optional(),
});

/** Deciding several results at once, with their computed star. */
export const BulkDecideInput = z.object({
  ids: z.preprocess(listOf, z.array(z.uuid()).min(1, resultsRules.bulkNone)),
  confirmed: z.preprocess((v) => v === 'yes', z.boolean()).optional(),
});

const OPS = ['not_true', 'in', 'not_in', 'below'] as const;

/** Parses "fact op value, value" lines into conditions; null for a line that cannot be read. */
export function parseConditions(raw: string): { when: GateCondition[]; bad: string[] } {
  const when: GateCondition[] = [];
  const bad: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const s = line.trim();
    if (!s) continue;
    const m = /^(\w+)\s+(\w+)\s*(.*)$/.exec(s);
    const op = m?.[2] as (typeof OPS)[number] | undefined;
    if (!m || !op || !OPS.includes(op)) {
      bad.push(s);
      continue;
    }
    const rest = m[3]!.trim();
    if (op === 'not_true') when.push({ fact: m[1]!, op });
    else if (op === 'below') {
      const value = Number(rest.replace(',', '.'));
      if (!rest || !Number.isFinite(value)) bad.push(s);
      else when.push({ fact: m[1]!, op, value });
    } else {
      const values = rest
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => (v === 'true' ? true : v === 'false' ? false : v));
      when.push({ fact: m[1]!, op, values });
    }
  }
  return { when, bad };
}

/** Parses "A1 packaging_branding" lines (criterion code, coaching kind) into the cycle's coaching map. */
export function parseCoachingMap(raw: string): { map: Record<string, CoachingKind>; bad: string[] } {
  const map: Record<string, CoachingKind> = {};
  const bad: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const s = line.trim();
    if (!s) continue;
    const m = /^([\w.-]+)\s*[=:\s]\s*(\w+)$/.exec(s);
    if (!m || !(COACHING_KINDS as readonly string[]).includes(m[2]!)) bad.push(s);
    else map[m[1]!] = m[2] as CoachingKind;
  }
  return { map, bad };
}

/** Conditions back to the lines the form shows. */
export function conditionLines(when: readonly GateCondition[]): string {
  return when
    .map((c) =>
      c.op === 'not_true'
        ? `${c.fact} not_true`
        : c.op === 'below'
          ? `${c.fact} below ${c.value}`
          : `${c.fact} ${c.op} ${(c.values ?? []).join(', ')}`,
    )
    .join('\n');
}

const GateRow = z.object({
  code: optionalText(40),
  enabled: checkbox().optional(),
  effect: z.enum(['deny', 'cap']).optional(),
  maxStar: z.preprocess(blank, optionalInteger()),
  when: optionalText(2000),
  reasonId: optionalText(500),
  reasonEn: optionalText(500),
});

const BandRow = z.object({ min: number(), max: number() });

/** The settings form (flat field names, nested by the page: bands.<star>.min, gates.<i>.code …). */
export const SettingsInput = z
  .object({
    version: z.coerce.number().int().min(1),
    cycleVersion: z.coerce.number().int().min(1),
    k: integer().pipe(z.number().min(1).max(9)),
    aggregate: z.enum(['mean', 'median']),
    measure: z.enum(['range', 'sd']),
    threshold: optionalNumber().pipe(z.number().min(0).optional()),
    normalise: checkbox().optional(),
    minSheets: integer().pipe(z.number().min(2).max(1000)),
    severityThreshold: number().pipe(z.number().min(0).max(100)),
    severityShared: integer().pipe(z.number().min(1).max(1000)),
    bands: z.array(BandRow.optional()).max(6),
    gates: z.array(GateRow).default([]),
    reason: optionalText(1000),
    coachingMap: optionalText(20_000),
  })
  .superRefine((v, ctx) => {
    for (const line of parseCoachingMap(v.coachingMap ?? '').bad)
      ctx.addIssue({
        code: 'custom',
        path: ['coachingMap'],
        message: resultsRules.coachingLine,
        params: { line },
      });
    v.gates.forEach((g, i) => {
      if (!g.code) return;
      for (const line of parseConditions(g.when ?? '').bad)
        ctx.addIssue({
          code: 'custom',
          path: ['gates', i, 'when'],
          message: resultsRules.gateLine,
          params: { line },
        });
    });
  })
  .transform((v) => ({
    version: v.version,
    cycleVersion: v.cycleVersion,
    assessorsPerNomination: v.k,
    resultsOptions: {
      aggregate: v.aggregate,
      disagreement: { measure: v.measure, threshold: v.threshold ?? null },
      normalise: v.normalise ?? false,
      minSheetsToNormalise: v.minSheets,
      severity: { threshold: v.severityThreshold, minShared: v.severityShared },
    },
    bands: v.bands.flatMap((b, star) => (b && star > 0 ? [{ stars: star, min: b.min, max: b.max }] : [])),
    gates: v.gates
      .filter((g) => g.code)
      .map(
        (g): Gate => ({
          code: g.code!,
          effect: g.effect ?? 'deny',
          ...(g.effect === 'cap' ? { maxStar: g.maxStar ?? -1 } : {}),
          enabled: g.enabled ?? false,
          when: parseConditions(g.when ?? '').when,
          reason: { id: g.reasonId ?? '', en: g.reasonEn ?? '' },
        }),
      ),
    reason: v.reason,
    coachingMap: parseCoachingMap(v.coachingMap ?? '').map,
  }));
export type SettingsInput = z.output<typeof SettingsInput>;

/** The page's flat body (bands.1.min, gates.0.code …) nested for SettingsInput. */
export const SettingsForm = z.preprocess(
  (flat) => (flat && typeof flat === 'object' ? nestValues(flat as Record<string, unknown>) : flat),
  SettingsInput,
);
