import { describe, expect, it } from 'vitest';
import { type Random, seeded } from '../../../tests/helpers/random.ts';
import { FlowNetwork } from './assign.flow.ts';
import {
  type AssessorInput,
  type AssignInput,
  type AssignResult,
  assignAssessors,
  checkAssignment,
  type ConflictInput,
  type NominationInput,
} from './assign.rules.ts';

const COMMODITIES = ['kain_tenun', 'gerabah', 'anyaman'];

describe('the flow network', () => {
  it('finds a min-cost max-flow with lexicographic costs', () => {
    // s=0 → 1 (cap 2, cost [0,1,0]) and s → 2 (cap 1, cost [0,0,5]); 1 → t and 2 → t (cap 2 each).
    const net = new FlowNetwork(4);
    const a = net.addArc(0, 1, 2, [0, 1, 0]);
    const b = net.addArc(0, 2, 1, [0, 0, 5]);
    net.addArc(1, 3, 2, [0, 0, 0]);
    net.addArc(2, 3, 2, [0, 0, 0]);
    expect(net.minCostMaxFlow(0, 3, 1)).toBe(1);
    // With one unit, [0,0,5] is cheaper than [0,1,0] lexicographically.
    expect([net.flowOn(a), net.flowOn(b)]).toEqual([0, 1]);
    expect(net.minCostMaxFlow(0, 3)).toBe(2);
    expect([net.flowOn(a), net.flowOn(b)]).toEqual([2, 1]);
  });

  it('spreads flow over convex arcs like parallel arcs of rising cost', () => {
    // Six units from s through one middle node to two sinks' arcs with cost 2·load − 1: loads end 3 and 3.
    const net = new FlowNetwork(4);
    net.addArc(0, 1, 6, [0, 0, 0]);
    const x = net.addConvexArc(1, 2, 6, (u) => [0, 2 * u - 1, 0]);
    const y = net.addConvexArc(1, 2, 6, (u) => [0, 2 * u - 1, 0]);
    net.addArc(2, 3, 6, [0, 0, 0]);
    expect(net.minCostMaxFlow(0, 3)).toBe(6);
    expect([net.flowOn(x), net.flowOn(y)]).toEqual([3, 3]);
  });

  it('re-routes earlier flow through reverse arcs when that is cheaper overall', () => {
    // Classic: the greedy first path must be undone to reach the maximum flow.
    const net = new FlowNetwork(6);
    net.addArc(0, 1, 1, [0, 0, 0]);
    net.addArc(0, 2, 1, [0, 0, 0]);
    net.addArc(1, 3, 1, [0, 0, 0]);
    net.addArc(1, 4, 1, [0, 0, 1]);
    net.addArc(2, 3, 1, [0, 0, 0]);
    net.addArc(3, 5, 1, [0, 0, 0]);
    net.addArc(4, 5, 1, [0, 0, 0]);
    expect(net.minCostMaxFlow(0, 5)).toBe(2);
  });
});

describe('automatic assignment: examples', () => {
  const noms: NominationInput[] = [
    {
      id: 'n1',
      label: 'Tenun Kandar',
      commodity: 'kain_tenun',
      commodityName: { id: 'kain tenun', en: 'woven cloth' },
    },
    {
      id: 'n2',
      label: 'Gerabah Ouw',
      commodity: 'gerabah',
      commodityName: { id: 'gerabah', en: 'earthenware' },
    },
  ];

  it('gives k assessors per nomination, evenly, and says why each was chosen', () => {
    const assessors: AssessorInput[] = [
      { id: 'a', expertise: ['kain_tenun', 'gerabah'], cap: 5 },
      { id: 'b', expertise: ['kain_tenun', 'gerabah'], cap: 5 },
      { id: 'c', expertise: ['kain_tenun', 'gerabah'], cap: 5 },
      { id: 'd', expertise: ['kain_tenun', 'gerabah'], cap: 5 },
    ];
    const r = assignAssessors({ nominations: noms, assessors, options: { k: 2, expertise: 'hard' } });
    expect(r.problems).toEqual([]);
    expect(r.assignments).toHaveLength(4);
    expect(r.spread).toEqual({ min: 1, max: 1 });
    expect(r.nominations.every((n) => n.short === 0 && n.notes.length === 0)).toBe(true);
    const first = r.assignments[0]!;
    expect(first.notes.map((n) => n.text.en)).toEqual([
      'Expert in woven cloth.',
      'Load after assignment: 1 nomination (cap 5); panel loads 1–1.',
    ]);
    expect(first.notes[0]!.text.id).toBe('Ahli komoditas kain tenun.');
  });

  it('never assigns a conflicted assessor, and explains what could not be met', () => {
    const assessors: AssessorInput[] = [
      { id: 'a', expertise: ['kain_tenun'], cap: 5 },
      { id: 'b', expertise: ['kain_tenun'], cap: 0 },
      { id: 'c', expertise: ['kain_tenun'], cap: 5 },
      { id: 'd', expertise: ['gerabah'], cap: 5 },
    ];
    const conflicts: ConflictInput[] = [
      { assessorId: 'a', nominationId: 'n1', kind: 'family' },
      { assessorId: 'c', nominationId: 'n1', kind: 'business_partner' },
    ];
    const r = assignAssessors({
      nominations: noms,
      assessors,
      conflicts,
      options: { k: 3, expertise: 'hard' },
    });
    const n1 = r.nominations.find((n) => n.nominationId === 'n1')!;
    expect(n1.assessorIds).toEqual([]);
    expect(n1.unavailable).toEqual({ conflicted: 2, notExpert: 1, atCapacity: 1 });
    expect(n1.notes[0]!.text.en).toBe(
      'Only 0 of 3 assessors: 2 conflicted, 1 not an expert in woven cloth and 1 at their load cap.',
    );
    expect(n1.notes[0]!.text.id).toBe(
      'Hanya 0 dari 3 penilai: 2 berkonflik kepentingan, 1 bukan ahli kain tenun dan 1 sudah mencapai batas beban.',
    );
    const n2 = r.nominations.find((n) => n.nominationId === 'n2')!;
    expect(n2.assessorIds).toEqual(['d']);
    expect(n2.notes[0]!.text.en).toBe('Only 1 of 3 assessors: 3 not experts in earthenware.');
  });

  it('with soft expertise takes a non-expert when no expert can, and says why', () => {
    const assessors: AssessorInput[] = [
      { id: 'e1', expertise: ['gerabah'], cap: 1 },
      { id: 'e2', expertise: ['gerabah'], cap: 5 },
      { id: 'x', expertise: ['kain_tenun'], cap: 5 },
    ];
    const conflicts: ConflictInput[] = [{ assessorId: 'e2', nominationId: 'n2', kind: 'supplier_customer' }];
    const r = assignAssessors({
      nominations: [noms[1]!, { id: 'n3', commodity: 'gerabah' }],
      assessors,
      conflicts,
      options: { k: 2, expertise: 'soft' },
    });
    const n2 = r.assignments.filter((a) => a.nominationId === 'n2');
    expect(n2.map((a) => [a.assessorId, a.expert]).sort()).toEqual([
      ['e1', true],
      ['x', false],
    ]);
    const why = n2.find((a) => a.assessorId === 'x')!.notes[0]!;
    expect(why.text.en).toBe(
      'Not an expert in earthenware; of the experts, 1 conflicted and 1 already on this nomination.',
    );
    const n3 = r.assignments
      .filter((a) => a.nominationId === 'n3')
      .map((a) => a.assessorId)
      .sort();
    expect(n3).toEqual(['e2', 'x']);
    const whyN3 = r.assignments.find((a) => a.nominationId === 'n3' && a.assessorId === 'x')!.notes[0]!;
    expect(whyN3.text.en).toBe(
      'Not an expert in gerabah; of the experts, 1 already on this nomination and 1 at their load cap.',
    );
  });

  it('keeps existing assignments, counts them towards k and the load, and never duplicates them', () => {
    const assessors: AssessorInput[] = ['a', 'b', 'c'].map((id) => ({
      id,
      expertise: ['kain_tenun', 'gerabah'],
      cap: 2,
    }));
    const r = assignAssessors({
      nominations: noms,
      assessors,
      existing: [
        { nominationId: 'n1', assessorId: 'a' },
        { nominationId: 'n2', assessorId: 'a' },
      ],
      options: { k: 2, expertise: 'hard' },
    });
    expect(r.assignments.every((x) => x.assessorId !== 'a')).toBe(true);
    expect(r.nominations.map((n) => n.assessorIds.length)).toEqual([2, 2]);
    expect(r.loads.map((l) => [l.assessorId, l.before, l.after])).toEqual([
      ['a', 2, 2],
      ['b', 0, 1],
      ['c', 0, 1],
    ]);
  });

  it('reports bad input: k, caps, unknown ids, and existing assignments that break a conflict or a cap', () => {
    const r = assignAssessors({
      nominations: [noms[0]!, noms[0]!],
      assessors: [
        { id: 'a', expertise: ['kain_tenun'], cap: -1 },
        { id: 'b', label: 'Ibu Maria', expertise: [], cap: 0 },
      ],
      conflicts: [{ assessorId: 'b', nominationId: 'n1', kind: 'family' }],
      existing: [
        { nominationId: 'n1', assessorId: 'b' },
        { nominationId: 'zz', assessorId: 'a' },
      ],
      options: { k: 0, expertise: 'hard' },
    });
    expect(r.problems.map((p) => p.code)).toEqual([
      'assignKInvalid',
      'assignDuplicateNomination',
      'assignCapInvalid',
      'assignExistingConflicted',
      'assignExistingUnknown',
      'assignExistingOverCap',
    ]);
    expect(r.problems[3]!.text.en).toBe(
      'The assignment of Ibu Maria to Tenun Kandar breaks a declared conflict of interest (family); withdraw it.',
    );
  });
});

describe('manual assignment check', () => {
  const nomination: NominationInput = { id: 'n1', commodity: 'kain_tenun' };
  const assessor: AssessorInput = { id: 'a', label: 'Pak Yosef', expertise: ['gerabah'], cap: 3 };

  it('refuses a conflicted assessor, naming the conflict', () => {
    const r = checkAssignment({
      assessor,
      nomination,
      conflicts: [
        { assessorId: 'a', nominationId: 'n1', kind: 'family' },
        { assessorId: 'a', nominationId: 'n9', kind: 'other' },
      ],
      currentLoad: 0,
      alreadyAssigned: false,
      expertise: 'soft',
    });
    expect(r.refusals.map((x) => x.text.en)).toEqual([
      'Pak Yosef cannot be assigned: a conflict of interest is declared (family).',
    ]);
    expect(r.refusals[0]!.text.id).toBe(
      'Pak Yosef tidak dapat ditugaskan: ada konflik kepentingan yang dinyatakan (hubungan keluarga).',
    );
    expect(r.warnings.map((x) => x.code)).toEqual(['notExpertIn']);
  });

  it('refuses at the load cap, a second assignment, and a non-expert under the hard rule', () => {
    const r = checkAssignment({
      assessor,
      nomination,
      conflicts: [],
      currentLoad: 3,
      alreadyAssigned: true,
      expertise: 'hard',
    });
    expect(r.refusals.map((x) => x.code)).toEqual(['refuseAlreadyAssigned', 'refuseAtCap', 'notExpertIn']);
    expect(r.refusals[1]!.text.en).toBe('Pak Yosef has reached their load cap (3 nominations).');
  });

  it('accepts an expert with room', () => {
    const r = checkAssignment({
      assessor: { ...assessor, expertise: ['kain_tenun'] },
      nomination,
      conflicts: [],
      currentLoad: 1,
      alreadyAssigned: false,
      expertise: 'hard',
    });
    expect(r).toEqual({ refusals: [], warnings: [] });
  });
});

// ---- property tests against brute force ----

function randomInstance(rnd: Random): AssignInput {
  const N = rnd.int(1, 4);
  const A = rnd.int(1, 4);
  const nominations = Array.from({ length: N }, (_, i) => ({
    id: `n${i}`,
    commodity: rnd.pick(COMMODITIES),
  }));
  const assessors = Array.from({ length: A }, (_, i) => ({
    id: `a${i}`,
    expertise: COMMODITIES.filter(() => rnd.chance(0.6)),
    cap: rnd.int(0, 3),
  }));
  const conflicts: ConflictInput[] = [];
  const existing: { nominationId: string; assessorId: string }[] = [];
  const load = new Array<number>(A).fill(0);
  for (const n of nominations)
    for (const [ai, a] of assessors.entries()) {
      if (rnd.chance(0.2)) conflicts.push({ nominationId: n.id, assessorId: a.id, kind: 'other' });
      else if (rnd.chance(0.1) && load[ai]! < a.cap) {
        existing.push({ nominationId: n.id, assessorId: a.id });
        load[ai]!++;
      }
    }
  return {
    nominations,
    assessors,
    conflicts,
    existing,
    options: { k: rnd.int(1, 3), expertise: rnd.chance(0.5) ? 'hard' : 'soft' },
  };
}

interface Score {
  total: number;
  coverage: number;
  squares: number;
  spread: number;
  mismatches: number;
}

/** Every valid assignment, scored: the best by (total, coverage), then the least Σ load², spread and mismatches. */
function bruteForce(input: AssignInput) {
  const { nominations, assessors, options } = input;
  const conflicted = new Set((input.conflicts ?? []).map((c) => `${c.nominationId}|${c.assessorId}`));
  const existing = new Set((input.existing ?? []).map((c) => `${c.nominationId}|${c.assessorId}`));
  const load0 = assessors.map((a) => (input.existing ?? []).filter((e) => e.assessorId === a.id).length);
  const have = nominations.map((n) => (input.existing ?? []).filter((e) => e.nominationId === n.id).length);
  const options_ = nominations.map((n, ni) => {
    const eligible = assessors
      .map((a, ai) => ({ a, ai }))
      .filter(
        ({ a }) =>
          !conflicted.has(`${n.id}|${a.id}`) &&
          !existing.has(`${n.id}|${a.id}`) &&
          (options.expertise === 'soft' || a.expertise.includes(n.commodity)),
      )
      .map(({ ai }) => ai);
    const need = Math.max(0, options.k - have[ni]!);
    const subsets: number[][] = [];
    const rec = (start: number, cur: number[]) => {
      subsets.push([...cur]);
      if (cur.length === need) return;
      for (let i = start; i < eligible.length; i++) rec(i + 1, [...cur, eligible[i]!]);
    };
    rec(0, []);
    return subsets;
  });
  let best: Score | null = null;
  let bestKey = { total: -1, coverage: Number.POSITIVE_INFINITY };
  const all: Score[] = [];
  const loads = [...load0];
  const rec = (ni: number, total: number, coverage: number, mismatches: number) => {
    if (ni === nominations.length) {
      const squares = loads.reduce((s, l) => s + l * l, 0);
      const spread = assessors.length ? Math.max(...loads) - Math.min(...loads) : 0;
      const score = { total, coverage, squares, spread, mismatches };
      all.push(score);
      if (total > bestKey.total || (total === bestKey.total && coverage < bestKey.coverage))
        bestKey = { total, coverage };
      return;
    }
    for (const subset of options_[ni]!) {
      if (subset.some((ai) => loads[ai]! + 1 > assessors[ai]!.cap)) continue;
      for (const ai of subset) loads[ai]!++;
      const got = have[ni]! + subset.length;
      const mm = subset.filter((ai) => !assessors[ai]!.expertise.includes(nominations[ni]!.commodity)).length;
      rec(ni + 1, total + subset.length, coverage + (got * (got + 1)) / 2, mismatches + mm);
      for (const ai of subset) loads[ai]!--;
    }
  };
  rec(0, 0, 0, 0);
  const top = all.filter((s) => s.total === bestKey.total && s.coverage === bestKey.coverage);
  const minSquares = Math.min(...top.map((s) => s.squares));
  const minSpread = Math.min(...top.map((s) => s.spread));
  const minMismatch = Math.min(...top.filter((s) => s.squares === minSquares).map((s) => s.mismatches));
  best = {
    total: bestKey.total,
    coverage: bestKey.coverage,
    squares: minSquares,
    spread: minSpread,
    mismatches: minMismatch,
  };
  return best;
}

function measure(r: AssignResult): Score {
  const loads = r.loads.map((l) => l.after);
  let coverage = 0;
  for (const n of r.nominations) coverage += (n.assessorIds.length * (n.assessorIds.length + 1)) / 2;
  return {
    total: r.assignments.length,
    coverage,
    squares: loads.reduce((s, l) => s + l * l, 0),
    spread: loads.length ? Math.max(...loads) - Math.min(...loads) : 0,
    mismatches: r.assignments.filter((a) => !a.expert).length,
  };
}

describe('automatic assignment: properties on random instances', () => {
  it('every constraint holds: conflicts, caps, expertise (hard), k, no assessor twice on a nomination', () => {
    const rnd = seeded(2024);
    for (let trial = 0; trial < 400; trial++) {
      const input = randomInstance(rnd);
      const r = assignAssessors(input);
      const ctx = `trial ${trial}: ${JSON.stringify(input)}`;
      const conflicted = new Set((input.conflicts ?? []).map((c) => `${c.nominationId}|${c.assessorId}`));
      for (const a of r.assignments) {
        expect(conflicted.has(`${a.nominationId}|${a.assessorId}`), ctx).toBe(false);
        const asr = input.assessors.find((x) => x.id === a.assessorId)!;
        const nom = input.nominations.find((x) => x.id === a.nominationId)!;
        if (input.options.expertise === 'hard') expect(asr.expertise, ctx).toContain(nom.commodity);
        expect(a.expert).toBe(asr.expertise.includes(nom.commodity));
      }
      for (const l of r.loads) expect(l.after, ctx).toBeLessThanOrEqual(l.cap);
      for (const n of r.nominations) {
        expect(new Set(n.assessorIds).size, ctx).toBe(n.assessorIds.length);
        const had = (input.existing ?? []).filter((x) => x.nominationId === n.nominationId).length;
        expect(n.assessorIds.length, ctx).toBeLessThanOrEqual(Math.max(had, input.options.k));
        if (had >= input.options.k) expect(n.added, ctx).toEqual([]);
        for (const e of (input.existing ?? []).filter((x) => x.nominationId === n.nominationId))
          expect(n.assessorIds, ctx).toContain(e.assessorId);
        expect(n.short).toBe(Math.max(0, input.options.k - n.assessorIds.length));
        expect(n.notes.length > 0, ctx).toBe(n.short > 0);
      }
      // loads reported match the assignments
      for (const l of r.loads) {
        const count =
          (input.existing ?? []).filter((e) => e.assessorId === l.assessorId).length +
          r.assignments.filter((a) => a.assessorId === l.assessorId).length;
        expect(l.after, ctx).toBe(count);
      }
    }
  });

  it('is optimal: as many assignments as possible, shortfalls spread, and the load’s max − min as small as the optimum', () => {
    const rnd = seeded(99);
    for (let trial = 0; trial < 300; trial++) {
      const input = randomInstance(rnd);
      const best = bruteForce(input);
      const got = measure(assignAssessors(input));
      const ctx = `trial ${trial}: ${JSON.stringify(input)}`;
      expect(got.total, ctx).toBe(best.total);
      expect(got.coverage, ctx).toBe(best.coverage);
      expect(got.squares, ctx).toBe(best.squares);
      expect(got.spread, ctx).toBe(best.spread);
      if (input.options.expertise === 'soft') expect(got.mismatches, ctx).toBe(best.mismatches);
    }
  });

  it('spreads a larger cycle evenly: 60 nominations × 3 among 7 assessors differ by at most one', () => {
    const rnd = seeded(5);
    const nominations = Array.from({ length: 60 }, (_, i) => ({
      id: `n${i}`,
      commodity: rnd.pick(COMMODITIES),
    }));
    const assessors = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, expertise: COMMODITIES, cap: 40 }));
    const conflicts = nominations.flatMap((n) =>
      assessors
        .filter(() => rnd.chance(0.1))
        .map((a) => ({ nominationId: n.id, assessorId: a.id, kind: 'other' as const })),
    );
    const r = assignAssessors({ nominations, assessors, conflicts, options: { k: 3, expertise: 'hard' } });
    expect(r.assignments).toHaveLength(180);
    expect(r.spread.max - r.spread.min).toBeLessThanOrEqual(1);
  });
});
