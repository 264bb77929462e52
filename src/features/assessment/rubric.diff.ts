/**
 * What changed between two versions of a rubric, criterion by criterion: for the version history,
 * the confirmation before publishing, and a stale draft's "yours and theirs". Aspects and criteria
 * are matched by code, levels by number. Pure: no database, no HTTP.
 */
import type { Bilingual } from './rules.messages.ts';
import type { CoachingKind, Rubric, RubricCriterion, WeightRule } from './rubric.rules.ts';

/** One change, with what it was and what it became. */
export type RubricChange =
  | { kind: 'title'; from: Bilingual; to: Bilingual }
  | { kind: 'note'; from: Bilingual | null; to: Bilingual | null }
  | { kind: 'rule'; from: WeightRule; to: WeightRule }
  | { kind: 'aspectAdded'; aspect: string; name: Bilingual }
  | { kind: 'aspectRemoved'; aspect: string; name: Bilingual }
  | { kind: 'aspectRenamed'; aspect: string; from: Bilingual; to: Bilingual }
  | { kind: 'aspectWeight'; aspect: string; from: number; to: number }
  | { kind: 'criterionAdded'; criterion: string; aspect: string; name: Bilingual; weight: number }
  | { kind: 'criterionRemoved'; criterion: string; aspect: string; name: Bilingual }
  | { kind: 'criterionMoved'; criterion: string; from: string; to: string }
  | { kind: 'criterionRenamed'; criterion: string; from: Bilingual; to: Bilingual }
  | { kind: 'groupChanged'; criterion: string; from: Bilingual | null; to: Bilingual | null }
  | { kind: 'weight'; criterion: string; from: number; to: number }
  | { kind: 'coaching'; criterion: string; from: CoachingKind; to: CoachingKind }
  | { kind: 'coachable'; criterion: string; from: boolean; to: boolean }
  | { kind: 'provenance'; criterion: string; from: string | null; to: string | null }
  | { kind: 'levelAdded'; criterion: string; level: number; points: number; label: Bilingual }
  | { kind: 'levelRemoved'; criterion: string; level: number; points: number; label: Bilingual }
  | { kind: 'levelPoints'; criterion: string; level: number; from: number; to: number }
  | { kind: 'levelLabel'; criterion: string; level: number; from: Bilingual; to: Bilingual }
  | { kind: 'levelDescriptor'; criterion: string; level: number; from: Bilingual; to: Bilingual };

const sameText = (a: Bilingual | null | undefined, b: Bilingual | null | undefined) =>
  (a?.id ?? '') === (b?.id ?? '') && (a?.en ?? '') === (b?.en ?? '');

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function sameRule(a: WeightRule, b: WeightRule): boolean {
  const norm = (r: WeightRule) =>
    JSON.stringify({
      total: r.total,
      minLevels: r.minLevels ?? 2,
      aspects: Object.fromEntries(
        Object.entries(r.aspects ?? {})
          .filter(([, v]) => v.exact !== undefined || v.max !== undefined)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([k, v]) => [k, { exact: v.exact ?? null, max: v.max ?? null }]),
      ),
    });
  return norm(a) === norm(b);
}

/** The weight of each aspect (its criteria's weights summed). */
export function aspectWeights(rubric: Rubric): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of rubric.aspects) out[a.code] = a.criteria.reduce((s, c) => s + (c.weight || 0), 0);
  return out;
}

function criterionChanges(code: string, a: RubricCriterion, b: RubricCriterion): RubricChange[] {
  const out: RubricChange[] = [];
  if (!sameText(a.name, b.name))
    out.push({ kind: 'criterionRenamed', criterion: code, from: a.name, to: b.name });
  if (!sameText(a.group, b.group))
    out.push({ kind: 'groupChanged', criterion: code, from: a.group ?? null, to: b.group ?? null });
  if (!near(a.weight, b.weight)) out.push({ kind: 'weight', criterion: code, from: a.weight, to: b.weight });
  if (a.coaching !== b.coaching)
    out.push({ kind: 'coaching', criterion: code, from: a.coaching, to: b.coaching });
  if ((a.coachable ?? true) !== (b.coachable ?? true))
    out.push({ kind: 'coachable', criterion: code, from: a.coachable ?? true, to: b.coachable ?? true });
  if ((a.provenance ?? null) !== (b.provenance ?? null))
    out.push({ kind: 'provenance', criterion: code, from: a.provenance ?? null, to: b.provenance ?? null });
  const before = new Map(a.levels.map((l) => [l.level, l]));
  const after = new Map(b.levels.map((l) => [l.level, l]));
  const numbers = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y);
  for (const n of numbers) {
    const x = before.get(n);
    const y = after.get(n);
    if (!x && y)
      out.push({ kind: 'levelAdded', criterion: code, level: n, points: y.points, label: y.label });
    else if (x && !y)
      out.push({ kind: 'levelRemoved', criterion: code, level: n, points: x.points, label: x.label });
    else if (x && y) {
      if (!near(x.points, y.points))
        out.push({ kind: 'levelPoints', criterion: code, level: n, from: x.points, to: y.points });
      if (!sameText(x.label, y.label))
        out.push({ kind: 'levelLabel', criterion: code, level: n, from: x.label, to: y.label });
      if (!sameText(x.descriptor, y.descriptor))
        out.push({
          kind: 'levelDescriptor',
          criterion: code,
          level: n,
          from: x.descriptor,
          to: y.descriptor,
        });
    }
  }
  return out;
}

/** Every change from `a` to `b`, in rubric order (b's order, removals where they stood in a). */
export function diffRubric(
  a: { content: Rubric; weightRule: WeightRule },
  b: { content: Rubric; weightRule: WeightRule },
): RubricChange[] {
  const out: RubricChange[] = [];
  const ra = a.content;
  const rb = b.content;
  if (!sameText(ra.title, rb.title)) out.push({ kind: 'title', from: ra.title, to: rb.title });
  if (!sameText(ra.note, rb.note)) out.push({ kind: 'note', from: ra.note ?? null, to: rb.note ?? null });
  if (!sameRule(a.weightRule, b.weightRule)) out.push({ kind: 'rule', from: a.weightRule, to: b.weightRule });

  const aspectsA = new Map(ra.aspects.map((x) => [x.code, x]));
  const aspectsB = new Map(rb.aspects.map((x) => [x.code, x]));
  const critA = new Map<string, { c: RubricCriterion; aspect: string }>();
  for (const x of ra.aspects) for (const c of x.criteria) critA.set(c.code, { c, aspect: x.code });
  const critB = new Map<string, { c: RubricCriterion; aspect: string }>();
  for (const x of rb.aspects) for (const c of x.criteria) critB.set(c.code, { c, aspect: x.code });
  const weightsA = aspectWeights(ra);
  const weightsB = aspectWeights(rb);

  for (const x of ra.aspects)
    if (!aspectsB.has(x.code)) out.push({ kind: 'aspectRemoved', aspect: x.code, name: x.name });
  for (const y of rb.aspects) {
    const x = aspectsA.get(y.code);
    if (!x) out.push({ kind: 'aspectAdded', aspect: y.code, name: y.name });
    else {
      if (!sameText(x.name, y.name))
        out.push({ kind: 'aspectRenamed', aspect: y.code, from: x.name, to: y.name });
      if (!near(weightsA[x.code] ?? 0, weightsB[y.code] ?? 0))
        out.push({
          kind: 'aspectWeight',
          aspect: y.code,
          from: weightsA[x.code] ?? 0,
          to: weightsB[y.code] ?? 0,
        });
    }
    // Removals of this aspect's former criteria, then its criteria in order.
    for (const c of x?.criteria ?? [])
      if (!critB.has(c.code))
        out.push({ kind: 'criterionRemoved', criterion: c.code, aspect: y.code, name: c.name });
    for (const c of y.criteria) {
      const old = critA.get(c.code);
      if (!old) {
        out.push({
          kind: 'criterionAdded',
          criterion: c.code,
          aspect: y.code,
          name: c.name,
          weight: c.weight,
        });
        continue;
      }
      if (old.aspect !== y.code)
        out.push({ kind: 'criterionMoved', criterion: c.code, from: old.aspect, to: y.code });
      out.push(...criterionChanges(c.code, old.c, c));
    }
  }
  // Criteria of removed aspects that went nowhere.
  for (const x of ra.aspects) {
    if (aspectsB.has(x.code)) continue;
    for (const c of x.criteria)
      if (!critB.has(c.code))
        out.push({ kind: 'criterionRemoved', criterion: c.code, aspect: x.code, name: c.name });
  }
  return out;
}
