/**
 * Assignment of assessors to nominations: k assessors per nomination, never a conflicted one, within
 * each assessor's load cap, with commodity expertise required (hard) or preferred (soft), and the
 * load spread as evenly as possible — by a min-cost max-flow (ADR 0401), not greedy luck. Pure.
 *
 * Priorities, strictly in this order (lexicographic costs, so none trades against another):
 * 1. as many assignments as possible (maximum flow);
 * 2. shortfalls spread across nominations (the j-th assessor of a nomination costs j, so two
 *    nominations short by one come before one nomination short by two);
 * 3. the load as even as possible: Σ load² is minimised (the j-th unit of an assessor's load costs
 *    2·load − 1); its minimisers also minimise the highest load and maximise the lowest;
 * 4. (soft expertise) as many expert assessors as possible.
 *
 * Flow network: source → nomination (convex, up to k minus those already assigned) → assessor
 * (capacity 1 when allowed) → sink (convex, up to the load cap).
 */
import { FlowNetwork } from './assign.flow.ts';
import { CONFLICT_KIND_NAMES, type ConflictKind } from './conflicts.rules.ts';
import { type Bilingual, type Note, joinList, say } from './rules.messages.ts';

/** An assessor as the assignment sees them: expertise and load cap for this cycle. */
export interface AssessorInput {
  id: string;
  label?: string;
  /** Commodity codes the assessor is expert in. */
  expertise: readonly string[];
  /** The most nominations they take in this cycle. */
  cap: number;
}

/** A nomination to staff: its commodity decides expertise. */
export interface NominationInput {
  id: string;
  label?: string;
  commodity: string;
  /** The commodity's name for explanations; default the code. */
  commodityName?: Bilingual;
}

/** A declared (or confirmed) conflict between an assessor and a nomination's IKM. */
export interface ConflictInput {
  assessorId: string;
  nominationId: string;
  kind: ConflictKind;
}

/** An assignment that already exists in the cycle (manual or earlier); it is kept and counts towards k and the load. */
export interface ExistingAssignment {
  assessorId: string;
  nominationId: string;
}

/** The cycle's assignment settings. */
export interface AssignOptions {
  /** Assessors wanted per nomination. */
  k: number;
  /** hard: only experts in the nomination's commodity; soft: experts preferred after an even load. */
  expertise: 'hard' | 'soft';
}

/** Everything the automatic assignment needs. */
export interface AssignInput {
  nominations: readonly NominationInput[];
  assessors: readonly AssessorInput[];
  conflicts?: readonly ConflictInput[];
  existing?: readonly ExistingAssignment[];
  options: AssignOptions;
}

/** A new assignment and why this assessor. */
export interface Assignment {
  nominationId: string;
  assessorId: string;
  expert: boolean;
  loadAfter: number;
  notes: Note[];
}

/** What each nomination got, and what could not be met. */
export interface NominationOutcome {
  nominationId: string;
  wanted: number;
  /** All its assessors after this run (existing and new). */
  assessorIds: string[];
  added: string[];
  short: number;
  /** Why the others were not assigned (each assessor counted once, in this order). */
  unavailable: { conflicted: number; notExpert: number; atCapacity: number };
  notes: Note[];
}

/** An assessor's load before and after the run, against their cap. */
export interface AssessorLoad {
  assessorId: string;
  before: number;
  after: number;
  cap: number;
}

/** The new assignments, each nomination's outcome, the loads, and any bad input. */
export interface AssignResult {
  assignments: Assignment[];
  nominations: NominationOutcome[];
  loads: AssessorLoad[];
  /** Lowest and highest load after the run. */
  spread: { min: number; max: number };
  /** Input that breaks a rule (unknown ids, a bad k or cap, an existing assignment that is conflicted or over a cap). */
  problems: Note[];
}

const commodityName = (n: NominationInput): Bilingual =>
  n.commodityName ?? { id: n.commodity, en: n.commodity };

/** Assigns k assessors to each nomination under the constraints, as evenly as possible, and explains the result. */
export function assignAssessors(input: AssignInput): AssignResult {
  const { nominations, assessors } = input;
  const { k, expertise } = input.options;
  const problems: Note[] = [];
  if (!Number.isInteger(k) || k < 1) problems.push(say('assignKInvalid'));

  const nomIndex = new Map<string, number>();
  nominations.forEach((n, i) => {
    if (nomIndex.has(n.id)) problems.push(say('assignDuplicateNomination', { id: n.id }));
    else nomIndex.set(n.id, i);
  });
  const asrIndex = new Map<string, number>();
  assessors.forEach((a, i) => {
    if (asrIndex.has(a.id)) problems.push(say('assignDuplicateAssessor', { id: a.id }));
    else asrIndex.set(a.id, i);
    if (!Number.isInteger(a.cap) || a.cap < 0)
      problems.push(say('assignCapInvalid', { assessor: a.label ?? a.id }));
  });

  const N = nominations.length;
  const A = assessors.length;
  const conflictOf = new Map<string, ConflictKind>();
  for (const c of input.conflicts ?? []) conflictOf.set(`${c.nominationId}\u0000${c.assessorId}`, c.kind);
  const pair = (ni: number, ai: number) => `${nominations[ni]!.id}\u0000${assessors[ai]!.id}`;

  const existingOf = Array.from({ length: N }, () => new Set<number>());
  const loadBefore = new Array<number>(A).fill(0);
  for (const e of input.existing ?? []) {
    const ni = nomIndex.get(e.nominationId);
    const ai = asrIndex.get(e.assessorId);
    if (ni === undefined || ai === undefined) {
      problems.push(say('assignExistingUnknown', { nomination: e.nominationId, assessor: e.assessorId }));
      continue;
    }
    if (existingOf[ni]!.has(ai)) continue;
    existingOf[ni]!.add(ai);
    loadBefore[ai]!++;
    const kind = conflictOf.get(pair(ni, ai));
    if (kind)
      problems.push(
        say('assignExistingConflicted', {
          assessor: assessors[ai]!.label ?? assessors[ai]!.id,
          nomination: nominations[ni]!.label ?? nominations[ni]!.id,
          kind: CONFLICT_KIND_NAMES[kind],
        }),
      );
  }
  assessors.forEach((a, ai) => {
    if (Number.isInteger(a.cap) && a.cap >= 0 && loadBefore[ai]! > a.cap)
      problems.push(
        say('assignExistingOverCap', { assessor: a.label ?? a.id, load: loadBefore[ai]!, cap: a.cap }),
      );
  });

  const isExpert = (ni: number, ai: number) => assessors[ai]!.expertise.includes(nominations[ni]!.commodity);
  const validK = Number.isInteger(k) && k >= 1 ? k : 0;

  // Nodes: 0 source, 1..N nominations, N+1..N+A assessors, N+A+1 sink.
  const S = 0;
  const T = N + A + 1;
  const net = new FlowNetwork(N + A + 2);
  const pairArcs: { ni: number; ai: number; arc: number }[] = [];
  for (let ni = 0; ni < N; ni++) {
    const have = existingOf[ni]!.size;
    const need = Math.max(0, validK - have);
    if (need > 0) net.addConvexArc(S, 1 + ni, need, (u) => [have + u, 0, 0]);
    if (need === 0) continue;
    for (let ai = 0; ai < A; ai++) {
      if (existingOf[ni]!.has(ai) || conflictOf.has(pair(ni, ai))) continue;
      const expert = isExpert(ni, ai);
      if (expertise === 'hard' && !expert) continue;
      pairArcs.push({ ni, ai, arc: net.addArc(1 + ni, 1 + N + ai, 1, [0, 0, expert ? 0 : 1]) });
    }
  }
  for (let ai = 0; ai < A; ai++) {
    const room = Math.max(0, Math.floor(assessors[ai]!.cap) - loadBefore[ai]!);
    const base = loadBefore[ai]!;
    if (room > 0) net.addConvexArc(1 + N + ai, T, room, (u) => [0, 2 * (base + u) - 1, 0]);
  }
  net.minCostMaxFlow(S, T);

  const chosen = Array.from({ length: N }, () => [] as number[]);
  const loadAfter = [...loadBefore];
  for (const p of pairArcs) {
    if (net.flowOn(p.arc) > 0) {
      chosen[p.ni]!.push(p.ai);
      loadAfter[p.ai]!++;
    }
  }
  const full = (ai: number) => loadAfter[ai]! >= assessors[ai]!.cap;
  const minLoad = A ? Math.min(...loadAfter) : 0;
  const maxLoad = A ? Math.max(...loadAfter) : 0;

  const assignments: Assignment[] = [];
  const outcomes: NominationOutcome[] = [];
  for (let ni = 0; ni < N; ni++) {
    const n = nominations[ni]!;
    const cname = commodityName(n);
    for (const ai of chosen[ni]!) {
      const a = assessors[ai]!;
      const expert = isExpert(ni, ai);
      const notes: Note[] = [];
      if (expert) notes.push(say('assignWhyExpert', { commodity: cname }));
      else {
        // Why no expert instead: each other expert is conflicted, already on it, full, or carries as much or more.
        let conflicted = 0;
        let taken = 0;
        let atCap = 0;
        let busier = 0;
        for (let bi = 0; bi < A; bi++) {
          if (bi === ai || !isExpert(ni, bi)) continue;
          if (conflictOf.has(pair(ni, bi))) conflicted++;
          else if (existingOf[ni]!.has(bi) || chosen[ni]!.includes(bi)) taken++;
          else if (full(bi)) atCap++;
          else busier++;
        }
        notes.push(
          say('assignWhyNotExpert', {
            commodity: cname,
            reasons: expertReasons(conflicted, taken, atCap, busier),
          }),
        );
      }
      notes.push(say('assignWhyLoad', { load: loadAfter[ai]!, cap: a.cap, min: minLoad, max: maxLoad }));
      assignments.push({ nominationId: n.id, assessorId: a.id, expert, loadAfter: loadAfter[ai]!, notes });
    }

    const assessorIds = [
      ...[...existingOf[ni]!].map((ai) => assessors[ai]!.id),
      ...chosen[ni]!.map((ai) => assessors[ai]!.id),
    ];
    const got = assessorIds.length;
    const short = Math.max(0, validK - got);
    let conflicted = 0;
    let notExpert = 0;
    let atCapacity = 0;
    for (let ai = 0; ai < A; ai++) {
      if (existingOf[ni]!.has(ai) || chosen[ni]!.includes(ai)) continue;
      if (conflictOf.has(pair(ni, ai))) conflicted++;
      else if (expertise === 'hard' && !isExpert(ni, ai)) notExpert++;
      else if (full(ai)) atCapacity++;
    }
    const notes: Note[] = [];
    if (short > 0) {
      const parts: Bilingual[] = [];
      if (A < validK) parts.push(say('shortPanel', { count: A }).text);
      if (conflicted) parts.push(say('shortConflicted', { count: conflicted }).text);
      if (notExpert) parts.push(say('shortNotExpert', { count: notExpert, commodity: cname }).text);
      if (atCapacity) parts.push(say('shortAtCapacity', { count: atCapacity }).text);
      notes.push(say('assignShort', { got, wanted: validK, reasons: joinList(parts) }));
    }
    outcomes.push({
      nominationId: n.id,
      wanted: validK,
      assessorIds,
      added: chosen[ni]!.map((ai) => assessors[ai]!.id),
      short,
      unavailable: { conflicted, notExpert, atCapacity },
      notes,
    });
  }

  return {
    assignments,
    nominations: outcomes,
    loads: assessors.map((a, ai) => ({
      assessorId: a.id,
      before: loadBefore[ai]!,
      after: loadAfter[ai]!,
      cap: a.cap,
    })),
    spread: { min: minLoad, max: maxLoad },
    problems,
  };
}

function expertReasons(conflicted: number, taken: number, atCap: number, busier: number): Bilingual {
  const parts: Bilingual[] = [];
  if (conflicted + taken + atCap + busier === 0) return say('expertNone').text;
  if (conflicted) parts.push(say('expertConflicted', { count: conflicted }).text);
  if (taken) parts.push(say('expertTaken', { count: taken }).text);
  if (atCap) parts.push(say('expertAtCap', { count: atCap }).text);
  if (busier) parts.push(say('expertBusier', { count: busier }).text);
  return joinList(parts);
}

/** Why an admin's manual assignment must be refused (conflict named, cap, expertise) or deserves a warning. */
export function checkAssignment(args: {
  assessor: AssessorInput;
  nomination: NominationInput;
  /** The conflicts declared for this pair (any kind). */
  conflicts: readonly ConflictInput[];
  /** Nominations the assessor already has in this cycle. */
  currentLoad: number;
  alreadyAssigned: boolean;
  expertise: 'hard' | 'soft';
}): { refusals: Note[]; warnings: Note[] } {
  const { assessor, nomination } = args;
  const name = assessor.label ?? assessor.id;
  const refusals: Note[] = [];
  const warnings: Note[] = [];
  const own = args.conflicts.filter((c) => c.assessorId === assessor.id && c.nominationId === nomination.id);
  if (own.length > 0)
    refusals.push(
      say('refuseConflict', { assessor: name, kinds: joinList(own.map((c) => CONFLICT_KIND_NAMES[c.kind])) }),
    );
  if (args.alreadyAssigned) refusals.push(say('refuseAlreadyAssigned', { assessor: name }));
  if (args.currentLoad >= assessor.cap)
    refusals.push(say('refuseAtCap', { assessor: name, cap: assessor.cap }));
  if (!assessor.expertise.includes(nomination.commodity)) {
    const note = say('notExpertIn', { assessor: name, commodity: commodityName(nomination) });
    (args.expertise === 'hard' ? refusals : warnings).push(note);
  }
  return { refusals, warnings };
}
