/**
 * The proposal deadline, enforced by the server in the province's zone (WIT). Pure: instants in,
 * answers out. A phase end entered as "30/06/2026 23.59" includes that whole minute.
 */
import { DomainError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/format.ts';
import { nominationText } from './nominations.messages.ts';

export interface ProposalWindow {
  startsAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;

/** The last instant a submission is on time: the later of the window's end and the kab/kota's extension. */
export function effectiveProposalEnd(window: ProposalWindow, extensionEndsAt?: Date | null): Date {
  const end = extensionEndsAt && extensionEndsAt > window.endsAt ? extensionEndsAt : window.endsAt;
  return end;
}

/** A submission is late when it comes after the end's minute (WIT wall clock), extension included. */
export function isLateSubmission(at: Date, window: ProposalWindow, extensionEndsAt?: Date | null): boolean {
  return at.getTime() >= effectiveProposalEnd(window, extensionEndsAt).getTime() + MINUTE;
}

/** Where `at` stands against the window: not open yet, open, or closed. */
export function proposalWindowState(
  at: Date,
  window: ProposalWindow,
  extensionEndsAt?: Date | null,
): 'not_open' | 'open' | 'closed' {
  if (at.getTime() < window.startsAt.getTime()) return 'not_open';
  return isLateSubmission(at, window, extensionEndsAt) ? 'closed' : 'open';
}

/**
 * Refuses a submission outside the window, naming the deadline (or the opening) in WIT.
 * Throws a DomainError on the `_form` field; returns quietly when on time.
 */
export function assertWithinProposalWindow(
  at: Date,
  window: ProposalWindow,
  extensionEndsAt?: Date | null,
): void {
  const state = proposalWindowState(at, window, extensionEndsAt);
  if (state === 'open') return;
  const end = effectiveProposalEnd(window, extensionEndsAt);
  const message = state === 'closed' ? nominationText.lateSubmission : nominationText.windowNotOpen;
  const instant = state === 'closed' ? end : window.startsAt;
  throw new DomainError(
    message,
    { when_id: formatDateTime(instant, 'id'), when_en: formatDateTime(instant, 'en') },
    {},
    409,
  );
}
