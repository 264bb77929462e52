/** The JSON API of events, attendance, coverage, follow-up actions and stakeholders. */
import { z } from 'zod';
import {
  ATTENDANCE_METHODS,
  COMMITMENT_STATUSES,
  EVENT_KINDS,
  EVENT_STATUSES,
  FOLLOW_UP_STATUSES,
  PARTICIPANT_KINDS,
  PARTICIPANT_SOURCES,
  STAKEHOLDER_TYPES,
  SUPPORT_KINDS,
} from '../../db/schema/events.ts';
import { ApiRouter } from '../../platform/api.ts';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import type { Ctx } from '../../platform/context.ts';
import { deskCheckIn } from './attendance.service.ts';
import { coverageAcross, eventCoverage } from './coverage.service.ts';
import {
  CommitmentInput,
  ContactInput,
  CoverageFilter,
  EventFilter,
  EventInput,
  EventUpdate,
  FollowUpAdminUpdate,
  FollowUpCreate,
  FollowUpFilter,
  FollowUpOfficerUpdate,
  ParticipantInvite,
  StakeholderFilter,
  StakeholderInput,
} from './events.forms.ts';
import { eventPhase } from './events.rules.ts';
import { createEvent, type EventRow, getEvent, listEvents, updateEvent } from './events.service.ts';
import { doorUrl, registrationUrl } from './events.urls.ts';
import {
  createFollowUps,
  type FollowUpView,
  getFollowUp,
  listFollowUps,
  overdueFollowUps,
  updateFollowUpAsAdmin,
  updateFollowUpAsOfficer,
} from './followups.service.ts';
import {
  addGuest,
  inviteContacts,
  inviteUsers,
  listParticipants,
  type ParticipantRow,
  type ParticipantView,
  participantCounts,
} from './participants.service.ts';
import {
  addCommitment,
  addContact,
  type CommitmentRow,
  createStakeholder,
  getStakeholder,
  listCommitments,
  listContacts,
  listStakeholders,
  type StakeholderRow,
} from './stakeholders.service.ts';

const Id = z.object({ id: z.uuid() });
const PageOut = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable(), prev: z.string().nullable() });

const EventOut = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  phase: z.enum(['upcoming', 'ongoing', 'finished', 'cancelled']),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  venueKabkotaCode: z.string(),
  organiser: z.string(),
  cycleId: z.uuid().nullable(),
  description: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  registrationOpen: z.boolean(),
  /** For the province's admins only: whoever holds these links can register or reach check-in. */
  registrationUrl: z.string().optional(),
  doorUrl: z.string().optional(),
  version: z.number().int(),
});

function eventOut(e: EventRow, c: Ctx, actor: Actor | null): z.infer<typeof EventOut> {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    status: e.status,
    phase: eventPhase(e),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    venue: e.venue,
    venueKabkotaCode: e.venueKabkotaCode,
    organiser: e.organiser,
    cycleId: e.cycleId,
    description: e.description,
    agenda: e.agenda,
    minutes: e.minutes,
    registrationOpen: e.registrationOpen,
    ...(can(actor, 'events.manage')
      ? { registrationUrl: registrationUrl(c, e), doorUrl: doorUrl(c, e) }
      : {}),
    version: e.version,
  };
}

const ParticipantOut = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(PARTICIPANT_KINDS),
  source: z.enum(PARTICIPANT_SOURCES),
  userId: z.uuid().nullable(),
  ikmId: z.uuid().nullable(),
  name: z.string(),
  institution: z.string().nullable(),
  position: z.string().nullable(),
  kabkotaCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  attendance: z
    .object({
      checkedInAt: z.string(),
      method: z.enum(ATTENDANCE_METHODS),
      kabkotaCode: z.string().nullable(),
    })
    .nullable(),
});

const participantOut = (p: ParticipantView): z.infer<typeof ParticipantOut> => ({
  id: p.id,
  seq: p.seq,
  kind: p.kind,
  source: p.source,
  userId: p.userId,
  ikmId: p.ikmId,
  name: p.name,
  institution: p.institution,
  position: p.position,
  kabkotaCode: p.kabkotaCode,
  phone: p.phone,
  email: p.email,
  attendance: p.attendance
    ? {
        checkedInAt: p.attendance.checkedInAt.toISOString(),
        method: p.attendance.method,
        kabkotaCode: p.attendance.kabkotaCode,
      }
    : null,
});

const rowOut = (p: ParticipantRow) =>
  participantOut({
    ...p,
    contactHidden: false,
    withdrawn: p.withdrawnAt !== null,
    attendance: null,
  });

const CoverageRowOut = z.object({
  code: z.string(),
  name: z.string(),
  invited: z.number(),
  attended: z.number(),
});
const CoverageOut = z.object({
  present: z.number().int(),
  total: z.number().int(),
  missing: z.array(z.string()),
  rows: z.array(CoverageRowOut),
  other: z.object({ invited: z.number(), attended: z.number() }),
});

const FollowUpOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventTitle: z.string(),
  kabkotaCode: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  progressNote: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});

const followUpOut = (a: FollowUpView): z.infer<typeof FollowUpOut> => ({
  id: a.id,
  eventId: a.eventId,
  eventTitle: a.eventTitle,
  kabkotaCode: a.kabkotaCode,
  title: a.title,
  description: a.description,
  ownerUserId: a.ownerUserId,
  ownerName: a.ownerUserName ?? a.ownerName,
  dueDate: a.dueDate,
  status: a.status,
  progressNote: a.progressNote,
  overdue: a.overdue,
  version: a.version,
});

const StakeholderOut = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
  type: z.enum(STAKEHOLDER_TYPES),
  kabkotaCode: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
});
const stakeholderOut = (s: StakeholderRow): z.infer<typeof StakeholderOut> => ({
  id: s.id,
  name: s.name,
  acronym: s.acronym,
  type: s.type,
  kabkotaCode: s.kabkotaCode,
  website: s.website,
  email: s.email,
  phone: s.phone,
  version: s.version,
});

const CommitmentOut = z.object({
  id: z.uuid(),
  supportKind: z.enum(SUPPORT_KINDS),
  description: z.string(),
  agreementNumber: z.string().nullable(),
  valueRp: z.string().nullable().describe('Whole rupiah, as a string (it may exceed 2^53)'),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(COMMITMENT_STATUSES),
  eventId: z.uuid().nullable(),
  version: z.number().int(),
});
const commitmentOut = (c: CommitmentRow): z.infer<typeof CommitmentOut> => ({
  id: c.id,
  supportKind: c.supportKind,
  description: c.description,
  agreementNumber: c.agreementNumber,
  valueRp: c.valueRp === null ? null : c.valueRp.toString(),
  startDate: c.startDate,
  endDate: c.endDate,
  status: c.status,
  eventId: c.eventId,
  version: c.version,
});

const ContactOut = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const eventsApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/events',
      tag: 'events',
      summary: 'Events, newest first (keyset pages: pass `after` from `next`)',
      permission: 'events.read',
      query: EventFilter,
      response: PageOut(EventOut),
    },
    async ({ query, actor, c }) => {
      const page = await listEvents(c.var.deps.db, query);
      return { items: page.rows.map((e) => eventOut(e, c, actor)), next: page.next, prev: page.prev };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/events',
      tag: 'events',
      summary: 'Create an event; times are ISO instants or WIT wall-clock times (2023-09-04T09:00)',
      permission: 'events.manage',
      body: EventInput,
      response: EventOut,
      errors: [422],
    },
    async ({ body, actor, c }) =>
      eventOut(await createEvent(c.var.deps.db, actor!, body, c.var.deps.config.PROVINCE_CODE), c, actor),
  )
  .endpoint(
    {
      method: 'get',
      path: '/events/:id',
      tag: 'events',
      summary: 'An event with its participant counts',
      permission: 'events.read',
      params: Id,
      response: EventOut.extend({ listed: z.number().int(), present: z.number().int() }),
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const event = await getEvent(c.var.deps.db, params.id);
      return { ...eventOut(event, c, actor), ...(await participantCounts(c.var.deps.db, event.id)) };
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/events/:id',
      tag: 'events',
      summary: 'Edit an event, naming the version read (409 with the current event when stale)',
      permission: 'events.manage',
      params: Id,
      body: EventUpdate,
      response: EventOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) =>
      eventOut(await updateEvent(c.var.deps.db, actor!, params.id, body), c, actor),
  )
  .endpoint(
    {
      method: 'get',
      path: '/events/:id/participants',
      tag: 'events',
      summary:
        "An event's participants in sheet order; contact details outside the caller's kab/kota are null",
      permission: 'events.read',
      params: Id,
      query: z.object({ q: z.string().max(100).optional(), after: z.string().max(1000).optional() }),
      response: PageOut(ParticipantOut),
      errors: [404],
    },
    async ({ params, query, actor, c }) => {
      await getEvent(c.var.deps.db, params.id);
      const page = await listParticipants(c.var.deps.db, actor, params.id, {
        q: query.q,
        after: query.after,
        limit: 200,
      });
      return { items: page.rows.map(participantOut), next: page.next, prev: page.prev };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/events/:id/participants',
      tag: 'events',
      summary: 'Invite a user, a named guest, a partner contact or an IKM owner (ikmId from the registry)',
      permission: 'events.manage',
      params: Id,
      body: ParticipantInvite,
      response: z.object({ added: z.number().int(), participant: ParticipantOut.nullable() }),
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db } = c.var.deps;
      if (body.kind === 'user')
        return { added: await inviteUsers(db, actor!, params.id, [body.userId]), participant: null };
      if (body.kind === 'stakeholder_contact')
        return { added: await inviteContacts(db, actor!, params.id, [body.contactId]), participant: null };
      const { kind: _kind, ...guest } = body;
      const p = await addGuest(db, actor!, params.id, guest);
      return { added: 1, participant: rowOut(p) };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/events/:id/attendance',
      tag: 'events',
      summary: 'Check a participant in at the desk; a second check-in returns the first (already: true)',
      permission: 'events.checkin',
      params: Id,
      body: z.object({ participantId: z.uuid() }),
      response: z.object({ participantId: z.uuid(), checkedInAt: z.string(), already: z.boolean() }),
      errors: [404, 409],
    },
    async ({ params, body, actor, c }) => {
      const r = await deskCheckIn(c.var.deps.db, actor!, params.id, body.participantId);
      return {
        participantId: r.participant.id,
        checkedInAt: r.checkedInAt.toISOString(),
        already: r.already,
      };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/events/:id/coverage',
      tag: 'events',
      summary: 'Which kab/kota were represented at an event, by the kab/kota recorded at check-in',
      permission: 'events.read',
      params: Id,
      response: CoverageOut,
      errors: [404],
    },
    async ({ params, c }) => eventCoverage(c.var.deps.db, await getEvent(c.var.deps.db, params.id)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/coverage',
      tag: 'events',
      summary: 'Coverage across the events of a date range, an event kind or an OVOP round (cycleId)',
      permission: 'events.read',
      query: CoverageFilter,
      response: z.object({
        present: z.number().int(),
        total: z.number().int(),
        missing: z.array(z.string()),
        events: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() })),
        rows: z.array(CoverageRowOut.extend({ eventsAttended: z.number().int() })),
      }),
    },
    async ({ query, c }) => {
      const data = await coverageAcross(c.var.deps.db, c.var.deps.config.PROVINCE_CODE, query);
      return {
        present: data.present,
        total: data.total,
        missing: data.missing,
        events: data.events.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt.toISOString() })),
        rows: data.rows.map(({ perEvent: _p, ...r }) => r),
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/events/:id/follow-ups',
      tag: 'follow-ups',
      summary: 'Create one follow-up action for each kab/kota given',
      permission: 'followups.manage',
      params: Id,
      body: FollowUpCreate,
      response: z.object({ ids: z.array(z.uuid()) }),
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => ({
      ids: (await createFollowUps(c.var.deps.db, actor!, params.id, body)).map((r) => r.id),
    }),
  )
  .endpoint(
    {
      method: 'get',
      path: '/follow-ups',
      tag: 'follow-ups',
      summary:
        "Follow-up actions in the caller's scope (a kab/kota officer: their own kab/kota), soonest due first",
      permission: 'followups.read',
      query: FollowUpFilter,
      response: PageOut(FollowUpOut),
    },
    async ({ query, actor, c }) => {
      const page = await listFollowUps(c.var.deps.db, actor!, query);
      return { items: page.rows.map(followUpOut), next: page.next, prev: page.prev };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/follow-ups/overdue',
      tag: 'follow-ups',
      summary: "The caller's overdue follow-up actions (for a dashboard flag)",
      permission: 'followups.read',
      response: z.object({ count: z.number().int(), items: z.array(FollowUpOut) }),
    },
    async ({ actor, c }) => {
      const r = await overdueFollowUps(c.var.deps.db, actor!);
      return { count: r.count, items: r.rows.map(followUpOut) };
    },
  )
  .endpoint(
    {
      method: 'patch',
      path: '/follow-ups/:id',
      tag: 'follow-ups',
      summary: "Report progress (status and note) on an action of one's own kab/kota; another's answers 404",
      permission: 'followups.update',
      params: Id,
      body: FollowUpOfficerUpdate,
      response: FollowUpOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await updateFollowUpAsOfficer(c.var.deps.db, actor!, params.id, body);
      return followUpOut(await getFollowUp(c.var.deps.db, actor!, params.id));
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/follow-ups/:id',
      tag: 'follow-ups',
      summary: 'Edit every field of a follow-up action (province admin)',
      permission: 'followups.manage',
      params: Id,
      body: FollowUpAdminUpdate,
      response: FollowUpOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await updateFollowUpAsAdmin(c.var.deps.db, actor!, params.id, body);
      return followUpOut(await getFollowUp(c.var.deps.db, actor!, params.id));
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/stakeholders',
      tag: 'stakeholders',
      summary: 'Stakeholders by name',
      permission: 'stakeholders.read',
      query: StakeholderFilter,
      response: PageOut(StakeholderOut),
    },
    async ({ query, c }) => {
      const page = await listStakeholders(c.var.deps.db, query);
      return { items: page.rows.map(stakeholderOut), next: page.next, prev: page.prev };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/stakeholders',
      tag: 'stakeholders',
      summary: 'Add a stakeholder',
      permission: 'stakeholders.manage',
      body: StakeholderInput,
      response: StakeholderOut,
      errors: [422],
    },
    async ({ body, actor, c }) =>
      stakeholderOut(await createStakeholder(c.var.deps.db, actor!, body, c.var.deps.config.PROVINCE_CODE)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/stakeholders/:id',
      tag: 'stakeholders',
      summary: 'A stakeholder with its contacts and commitments',
      permission: 'stakeholders.read',
      params: Id,
      response: StakeholderOut.extend({ contacts: z.array(ContactOut), commitments: z.array(CommitmentOut) }),
      errors: [404],
    },
    async ({ params, c }) => {
      const { db } = c.var.deps;
      const s = await getStakeholder(db, params.id);
      const [contacts, commitments] = await Promise.all([listContacts(db, s.id), listCommitments(db, s.id)]);
      return {
        ...stakeholderOut(s),
        contacts: contacts.map((x) => ({
          id: x.id,
          name: x.name,
          position: x.position,
          email: x.email,
          phone: x.phone,
        })),
        commitments: commitments.map(commitmentOut),
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/stakeholders/:id/contacts',
      tag: 'stakeholders',
      summary: 'Add a contact person to a stakeholder',
      permission: 'stakeholders.manage',
      params: Id,
      body: ContactInput,
      response: ContactOut,
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const x = await addContact(c.var.deps.db, actor!, params.id, body);
      return { id: x.id, name: x.name, position: x.position, email: x.email, phone: x.phone };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/stakeholders/:id/commitments',
      tag: 'stakeholders',
      summary:
        'Record a commitment (MoU, support, value in whole rupiah, period); the period cannot end before it starts',
      permission: 'stakeholders.manage',
      params: Id,
      body: CommitmentInput,
      response: CommitmentOut,
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) =>
      commitmentOut(await addCommitment(c.var.deps.db, actor!, params.id, body)),
  );
