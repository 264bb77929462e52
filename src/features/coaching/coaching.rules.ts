/**
 * The coaching programme's rules that need no database: a programme's phase by its dates, whether it
 * still takes participants, and which programmes answer a recommendation. Pure.
 */
import type { CoachingKind } from '../assessment/rubric.rules.ts';
import type { LegalDocumentKind } from '../../platform/registry-domain.ts';

export const PROGRAMME_PHASES = ['planned', 'ongoing', 'finished'] as const;
export type ProgrammePhase = (typeof PROGRAMME_PHASES)[number];

/** A programme's phase on `today` (`YYYY-MM-DD`): planned before its start, finished after its end. */
export function programmePhase(
  p: { startDate: string; endDate: string | null },
  today: string,
): ProgrammePhase {
  if (p.startDate > today) return 'planned';
  if (p.endDate !== null && p.endDate < today) return 'finished';
  return 'ongoing';
}

/** Whether a programme still takes participants on `today`: it has not ended. */
export function isOpen(p: { endDate: string | null }, today: string): boolean {
  return p.endDate === null || p.endDate >= today;
}

/**
 * Whether a programme answers a recommendation: the same coaching kind, and for a certificate the same
 * certificate when the recommendation names one.
 */
export function answers(
  programme: { kind: CoachingKind; certificationKind: LegalDocumentKind | null },
  recommendation: { coachingKind: CoachingKind; certificationKind: LegalDocumentKind | null },
): boolean {
  if (programme.kind !== recommendation.coachingKind) return false;
  if (recommendation.certificationKind && programme.certificationKind)
    return programme.certificationKind === recommendation.certificationKind;
  return true;
}

/** The calendar year of a date `YYYY-MM-DD`. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
