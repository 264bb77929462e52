/** The words for the feature's closed sets, in the reader's language. */
import type {
  AttendanceMethod,
  CommitmentStatus,
  EventKind,
  EventStakeholderRole,
  FollowUpStatus,
  ParticipantKind,
  ParticipantSource,
  StakeholderType,
  SupportKind,
} from '../../db/schema/events.ts';
import type { Lang } from '../../platform/domain.ts';
import { formatDate, formatDateTime, localDate, zoneLabel } from '../../platform/format.ts';
import { render } from '../../platform/i18n.ts';
import { eventLabels } from './events.messages.ts';
import type { EventPhase } from './events.rules.ts';

const label = (key: keyof typeof eventLabels, lang: Lang) => render(eventLabels[key], lang);

export const kindLabel = (k: EventKind, lang: Lang) => label(`kind_${k}`, lang);
export const phaseLabel = (p: EventPhase, lang: Lang) => label(`phase_${p}`, lang);
export const participantKindLabel = (k: ParticipantKind, lang: Lang) => label(`pkind_${k}`, lang);
export const sourceLabel = (s: ParticipantSource, lang: Lang) => label(`source_${s}`, lang);
export const methodLabel = (m: AttendanceMethod, lang: Lang) => label(`method_${m}`, lang);
export const followUpStatusLabel = (s: FollowUpStatus, lang: Lang) => label(`fstatus_${s}`, lang);
export const stakeholderTypeLabel = (t: StakeholderType, lang: Lang) => label(`stype_${t}`, lang);
export const supportLabel = (s: SupportKind, lang: Lang) => label(`support_${s}`, lang);
export const commitmentStatusLabel = (s: CommitmentStatus, lang: Lang) => label(`cstatus_${s}`, lang);
export const stakeholderRoleLabel = (r: EventStakeholderRole, lang: Lang) => label(`role_${r}`, lang);

/** One colour per state, the same everywhere. */
export const phaseTone = { upcoming: 'blue', ongoing: 'green', finished: 'grey', cancelled: 'red' } as const;
export const followUpTone = {
  open: 'yellow',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'grey',
} as const;
export const commitmentTone = {
  proposed: 'yellow',
  agreed: 'blue',
  in_progress: 'purple',
  completed: 'green',
  cancelled: 'grey',
} as const;

/** "4 Sep 2023, 09.00–16.00 WIT", or both ends in full when it spans days. */
export function eventWhen(event: { startsAt: Date; endsAt: Date }, lang: Lang): string {
  const sameDay = localDate(event.startsAt) === localDate(event.endsAt);
  if (!sameDay) return `${formatDateTime(event.startsAt, lang)} – ${formatDateTime(event.endsAt, lang)}`;
  return `${formatDate(event.startsAt, lang)}, ${timeOf(event.startsAt, lang)}–${timeOf(event.endsAt, lang)} ${zoneLabel()}`;
}

/** The wall-clock time of an instant in the province's zone: "09.00". */
export function timeOf(instant: Date, lang: Lang): string {
  return formatDateTime(instant, lang).split(' ').slice(-2, -1)[0] ?? '';
}
