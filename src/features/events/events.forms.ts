/** zod schemas of the events feature, shared by its pages and its JSON API. */
import { z } from 'zod';
import {
  ATTENDANCE_METHODS,
  COMMITMENT_STATUSES,
  EVENT_KINDS,
  EVENT_STAKEHOLDER_ROLES,
  FOLLOW_UP_STATUSES,
  STAKEHOLDER_TYPES,
  SUPPORT_KINDS,
} from '../../db/schema/events.ts';
import {
  calendarDate,
  checkbox,
  optionalCalendarDate,
  optionalRupiah,
  optionalText,
  parseCalendarDate,
  text,
  versionField,
} from '../../platform/fields.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { eventRules } from './events.messages.ts';

export const EventKindEnum = z.enum(EVENT_KINDS);
export const FollowUpStatusEnum = z.enum(FOLLOW_UP_STATUSES);
export const StakeholderTypeEnum = z.enum(STAKEHOLDER_TYPES);
export const SupportKindEnum = z.enum(SUPPORT_KINDS);
export const CommitmentStatusEnum = z.enum(COMMITMENT_STATUSES);
export const EventStakeholderRoleEnum = z.enum(EVENT_STAKEHOLDER_ROLES);
export const AttendanceMethodEnum = z.enum(ATTENDANCE_METHODS);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * An instant typed as a wall-clock time in the province's zone: `2023-09-04T09:00` (the browser's
 * datetime-local), `04/09/2023 09.00` (typed by hand), or an ISO instant with its offset (the API).
 */
export function parseInstant(raw: string): Date | undefined {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) || !parseCalendarDate(s.slice(0, 10)) ? undefined : d;
  }
  const m = /^(\S+)[ T,]+(\d{1,2})[.:](\d{2})$/.exec(s);
  if (!m) return undefined;
  // The calendar part must be a real date (no 31 February), the time a real time.
  const date = parseCalendarDate(m[1]!);
  const [h, mi] = [Number(m[2]), Number(m[3])];
  if (!date || h > 23 || mi > 59) return undefined;
  return fromLocalInput(`${date}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`);
}

const instant = () =>
  z.preprocess(
    (v) => {
      if (v instanceof Date) return v;
      if (blank(v)) return undefined;
      if (typeof v !== 'string') return v;
      return parseInstant(v) ?? new Date(Number.NaN);
    },
    z.date({
      error: (iss) => (iss.input === undefined ? undefined : eventRules.dateTimeFormat),
    }),
  );

/** '' → undefined; for optional selects. */
const optionalId = () => z.preprocess((v) => (blank(v) ? undefined : v), z.uuid().optional());
const optionalCode = () => z.preprocess((v) => (blank(v) ? undefined : v), z.string().max(20).optional());
/** A checkbox group: one ticked box arrives as a string, several as an array, none as nothing. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(5000),
  );

const eventFields = {
  title: text(200),
  kind: EventKindEnum,
  startsAt: instant(),
  endsAt: instant(),
  venue: text(300),
  venueKabkotaCode: text(20),
  organiser: text(200),
  cycleId: optionalId(),
  description: optionalText(5000),
  agenda: optionalText(5000),
};

const endAfterStart = (d: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx) => {
  if (d.endsAt.getTime() <= d.startsAt.getTime())
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: eventRules.endBeforeStart });
};

export const EventInput = z.object(eventFields).superRefine(endAfterStart);
export type EventInput = z.infer<typeof EventInput>;

export const EventUpdate = z.object({ ...eventFields, version: versionField() }).superRefine(endAfterStart);
export type EventUpdate = z.infer<typeof EventUpdate>;

export const MinutesInput = z.object({ minutes: optionalText(100_000), version: versionField() });

export const EventStatusInput = z.object({ status: z.enum(['scheduled', 'finished', 'cancelled']) });

export const EventFilter = z.object({
  q: optionalText(100),
  kind: z.preprocess((v) => (blank(v) ? undefined : v), EventKindEnum.optional()),
  when: z.preprocess((v) => (blank(v) ? undefined : v), z.enum(['upcoming', 'past', 'cancelled']).optional()),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type EventFilter = z.infer<typeof EventFilter>;

export const SpeakerInput = z.object({
  name: text(200),
  institution: optionalText(200),
  topic: optionalText(300),
  stakeholderId: optionalId(),
});
export type SpeakerInput = z.infer<typeof SpeakerInput>;

export const FileInput = z.object({ caption: optionalText(300) });

// Participants ---------------------------------------------------------------------------------

const guestFields = {
  name: text(200),
  institution: optionalText(200),
  position: optionalText(200),
  /** A kab/kota code, or empty for the province or outside Maluku. */
  kabkotaCode: optionalCode(),
  phone: z.preprocess((v) => (blank(v) ? undefined : v), z.string().trim().max(30).optional()),
  email: z.preprocess(
    (v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.email().max(254).optional(),
  ),
};

export const GuestInput = z.object(guestFields);
export type GuestInput = z.infer<typeof GuestInput>;

/** The public form: a way to reach the person is required. */
export const SelfRegistration = z.object(guestFields).superRefine((d, ctx) => {
  if (!d.phone && !d.email)
    ctx.addIssue({ code: 'custom', path: ['phone'], message: eventRules.phoneOrEmail });
});

export const InviteUsers = z.object({ userIds: many(z.uuid()).pipe(z.array(z.uuid()).min(1)) });
export const InviteContacts = z.object({ contactIds: many(z.uuid()).pipe(z.array(z.uuid()).min(1)) });

/** An IKM owner from the registry (API only until the registry's pages link here). */
export const IkmParticipantInput = z.object({ ...guestFields, ikmId: z.uuid() });

export const ParticipantInvite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.uuid() }),
  z.object({ kind: z.literal('guest'), ...guestFields }),
  z.object({ kind: z.literal('stakeholder_contact'), contactId: z.uuid() }),
  z.object({ kind: z.literal('ikm'), ...guestFields, ikmId: z.uuid() }),
]);
export type ParticipantInvite = z.infer<typeof ParticipantInvite>;

export const Identify = z.object({ contact: text(254) });

export const CheckinFilter = z.object({ q: optionalText(100) });

const WALK_IN_ROWS = 5;
/** The typed-back paper sheet: ticked numbers, typed numbers, and filled-in blank rows. */
export const SheetInput = z.object({
  seqs: many(z.coerce.number().int().min(1)),
  numbers: optionalText(2000),
  walkInName: many(z.string().max(200)),
  walkInInstitution: many(z.string().max(200)),
  walkInKabkota: many(z.string().max(20)),
});
export type SheetInput = z.infer<typeof SheetInput>;
export { WALK_IN_ROWS };

// Follow-up actions ------------------------------------------------------------------------------

export const FollowUpCreate = z.object({
  title: text(300),
  description: optionalText(3000),
  dueDate: calendarDate(),
  kabkotaCodes: many(z.string().max(20)).pipe(z.array(z.string()).min(1)),
  ownerName: optionalText(200),
});
export type FollowUpCreate = z.infer<typeof FollowUpCreate>;

export const FollowUpAdminUpdate = z.object({
  title: text(300),
  description: optionalText(3000),
  dueDate: calendarDate(),
  ownerUserId: optionalId(),
  ownerName: optionalText(200),
  status: FollowUpStatusEnum,
  progressNote: optionalText(3000),
  version: versionField(),
});
export type FollowUpAdminUpdate = z.infer<typeof FollowUpAdminUpdate>;

export const FollowUpOfficerUpdate = z.object({
  status: z.enum(['open', 'in_progress', 'done'], { error: () => eventRules.officerStatus }),
  progressNote: optionalText(3000),
  version: versionField(),
});
export type FollowUpOfficerUpdate = z.infer<typeof FollowUpOfficerUpdate>;

export const FollowUpFilter = z.object({
  status: z.preprocess((v) => (blank(v) ? undefined : v), FollowUpStatusEnum.optional()),
  overdue: checkbox(),
  kabkotaCode: optionalCode(),
  eventId: optionalId(),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type FollowUpFilter = z.infer<typeof FollowUpFilter>;

// Coverage ---------------------------------------------------------------------------------------

export const CoverageFilter = z.object({
  from: optionalCalendarDate(),
  to: optionalCalendarDate(),
  kind: z.preprocess((v) => (blank(v) ? undefined : v), EventKindEnum.optional()),
  cycleId: optionalId(),
});
export type CoverageFilter = z.infer<typeof CoverageFilter>;

// Stakeholders -----------------------------------------------------------------------------------

const stakeholderFields = {
  name: text(200),
  acronym: optionalText(40),
  type: StakeholderTypeEnum,
  kabkotaCode: optionalCode(),
  address: optionalText(500),
  website: z.preprocess((v) => (blank(v) ? undefined : v), z.url().max(300).optional()),
  email: z.preprocess((v) => (blank(v) ? undefined : v), z.email().max(254).optional()),
  phone: optionalText(30),
  notes: optionalText(3000),
};
export const StakeholderInput = z.object(stakeholderFields);
export type StakeholderInput = z.infer<typeof StakeholderInput>;
export const StakeholderUpdate = z.object({ ...stakeholderFields, version: versionField() });
export type StakeholderUpdate = z.infer<typeof StakeholderUpdate>;

export const StakeholderFilter = z.object({
  q: optionalText(100),
  type: z.preprocess((v) => (blank(v) ? undefined : v), StakeholderTypeEnum.optional()),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type StakeholderFilter = z.infer<typeof StakeholderFilter>;

export const ContactInput = z.object({
  name: text(200),
  position: optionalText(200),
  email: z.preprocess((v) => (blank(v) ? undefined : v), z.email().max(254).optional()),
  phone: optionalText(30),
});
export type ContactInput = z.infer<typeof ContactInput>;

const commitmentFields = {
  supportKind: SupportKindEnum,
  description: text(2000),
  agreementNumber: optionalText(120),
  valueRp: optionalRupiah(),
  startDate: calendarDate(),
  endDate: optionalCalendarDate(),
  status: CommitmentStatusEnum,
  eventId: optionalId(),
};
const endNotBeforeStart = (d: { startDate: string; endDate?: string | undefined }, ctx: z.RefinementCtx) => {
  if (d.endDate && d.endDate < d.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: eventRules.commitmentEndBeforeStart });
};
export const CommitmentInput = z.object(commitmentFields).superRefine(endNotBeforeStart);
export type CommitmentInput = z.infer<typeof CommitmentInput>;
export const CommitmentUpdate = z
  .object({ ...commitmentFields, version: versionField() })
  .superRefine(endNotBeforeStart);
export type CommitmentUpdate = z.infer<typeof CommitmentUpdate>;

export const EventStakeholderLink = z.object({ stakeholderId: z.uuid(), role: EventStakeholderRoleEnum });
