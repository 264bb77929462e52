/**
 * The nomination state machine (DESIGN.md §2) as one table: each allowed move, who may make it, and
 * the conditions it needs, as data. Pure: the nominations service computes the facts, asks
 * `checkTransition`, and writes, audits and notifies in one transaction when it answers ok.
 */
import type { NominationState } from '../../platform/domain.ts';

/** Who acts: the officer of the nomination's own kab/kota, the province admin, or the system. */
export type TransitionActor = 'officer' | 'admin' | 'system';

export const NOMINATION_ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'return',
  'pass',
  'fail',
  'start_assessment',
  'complete_assessment',
  'decide',
  'publish',
] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/** A condition a move needs; the nominations service supplies each as a boolean fact. */
export const TRANSITION_GUARDS = [
  /** Now (WIT) is inside the proposal window, or the kab/kota's extension. */
  'withinProposalWindow',
  /** Now is before the end of administrative selection (resubmitting a returned nomination). */
  'beforeAdminSelectionEnd',
  /** Every required checklist item has a document. */
  'requiredDocumentsPresent',
  /** The kab/kota has not used its quota in this cycle. */
  'withinQuota',
  /** Every checklist item found at fault carries a comment. */
  'commentOnEachFault',
  /** Every checklist item was confirmed by the province. */
  'allItemsConfirmed',
  /** A reason was written. */
  'reasonGiven',
  /** At least one assessor is assigned and not conflicted. */
  'assessorsAssigned',
  /** Every assigned assessor submitted a score sheet. */
  'allScoreSheetsSubmitted',
  /** A star (or none) was decided and approved by the coordinator. */
  'decisionApproved',
  /** Now is inside the publication phase. */
  'publicationOpen',
] as const;
export type TransitionGuard = (typeof TRANSITION_GUARDS)[number];

export interface Transition {
  action: NominationAction;
  from: readonly NominationState[];
  to: NominationState;
  by: readonly TransitionActor[];
  guards: readonly TransitionGuard[];
}

/** Every allowed move; anything not here is refused. */
export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    by: ['officer'],
    guards: ['withinProposalWindow', 'requiredDocumentsPresent', 'withinQuota'],
  },
  {
    action: 'resubmit',
    from: ['returned'],
    to: 'submitted',
    by: ['officer'],
    guards: ['beforeAdminSelectionEnd', 'requiredDocumentsPresent'],
  },
  {
    action: 'withdraw',
    from: ['draft', 'submitted', 'returned'],
    to: 'withdrawn',
    by: ['officer', 'admin'],
    guards: ['reasonGiven'],
  },
  { action: 'return', from: ['submitted'], to: 'returned', by: ['admin'], guards: ['commentOnEachFault'] },
  { action: 'pass', from: ['submitted'], to: 'admin_passed', by: ['admin'], guards: ['allItemsConfirmed'] },
  { action: 'fail', from: ['submitted'], to: 'admin_failed', by: ['admin'], guards: ['reasonGiven'] },
  {
    action: 'start_assessment',
    from: ['admin_passed'],
    to: 'in_assessment',
    by: ['admin', 'system'],
    guards: ['assessorsAssigned'],
  },
  {
    action: 'complete_assessment',
    from: ['in_assessment'],
    to: 'assessed',
    by: ['system'],
    guards: ['allScoreSheetsSubmitted'],
  },
  { action: 'decide', from: ['assessed'], to: 'decided', by: ['admin'], guards: ['decisionApproved'] },
  { action: 'publish', from: ['decided'], to: 'published', by: ['admin'], guards: ['publicationOpen'] },
];

/** States from which nothing moves on. */
export const FINAL_STATES: readonly NominationState[] = ['admin_failed', 'published', 'withdrawn'];

/** The states an officer may still edit the nomination's content in. */
export const EDITABLE_STATES: readonly NominationState[] = ['draft', 'returned'];

export type GuardFacts = Partial<Record<TransitionGuard, boolean>>;

/** Who is asking, in the terms the table needs. */
export interface TransitionRequester {
  role: 'admin_provinsi' | 'petugas_kabkota' | 'penilai' | 'pemilik_ikm' | 'system';
  regionCode: string | null;
}

export type TransitionCheck =
  | { ok: true; transition: Transition; to: NominationState }
  | { ok: false; reason: 'not_allowed'; from: NominationState; action: NominationAction }
  | { ok: false; reason: 'wrong_actor'; from: NominationState; action: NominationAction }
  | {
      ok: false;
      reason: 'guard_failed';
      from: NominationState;
      action: NominationAction;
      failed: TransitionGuard[];
    };

/** The row of the table for `action` from `from`, if the move exists at all. */
export function findTransition(from: NominationState, action: NominationAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}

/** The moves open from a state (for showing the buttons a page offers). */
export function transitionsFrom(from: NominationState): Transition[] {
  return TRANSITIONS.filter((t) => t.from.includes(from));
}

/**
 * What role the requester plays for a nomination of `nominationKabkota`: an officer only for their
 * own kab/kota (another kab/kota's nomination is out of scope: the service answers 404 before this).
 */
export function actorKind(requester: TransitionRequester, nominationKabkota: string): TransitionActor | null {
  if (requester.role === 'system') return 'system';
  if (requester.role === 'admin_provinsi') return 'admin';
  if (requester.role === 'petugas_kabkota' && requester.regionCode === nominationKabkota) return 'officer';
  return null;
}

/** Whether `requester` may make `action` on a nomination in state `from`, given the guard facts. */
export function checkTransition(input: {
  from: NominationState;
  action: NominationAction;
  requester: TransitionRequester;
  nominationKabkota: string;
  facts: GuardFacts;
}): TransitionCheck {
  const { from, action } = input;
  const transition = findTransition(from, action);
  if (!transition) return { ok: false, reason: 'not_allowed', from, action };
  const kind = actorKind(input.requester, input.nominationKabkota);
  if (!kind || !transition.by.includes(kind)) return { ok: false, reason: 'wrong_actor', from, action };
  const failed = transition.guards.filter((g) => input.facts[g] !== true);
  if (failed.length) return { ok: false, reason: 'guard_failed', from, action, failed };
  return { ok: true, transition, to: transition.to };
}
