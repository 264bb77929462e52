import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { cycles } from './cycles.ts';
import { ikm } from './registry.ts';
import { editable, idColumn, oneOf } from './columns.ts';
import { files } from './files.ts';
import { regions } from './regions.ts';

// Closed sets: one list each, mirrored by a check constraint here and a zod enum in the feature.
export const EVENT_KINDS = [
  'sosialisasi',
  'bimtek',
  'kunjungan_lapangan',
  'pameran',
  'rapat_koordinasi',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** Stored states; "finished" is also reached by the clock (see events.rules.ts). */
export const EVENT_STATUSES = ['scheduled', 'finished', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const PARTICIPANT_KINDS = ['user', 'guest', 'stakeholder_contact', 'ikm'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_SOURCES = ['invited', 'self_registered', 'walk_in'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];
/** qr: the person tapped their own link; desk: marked on the check-in list; sheet: typed back from paper. */
export const ATTENDANCE_METHODS = ['qr', 'desk', 'sheet'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];
export const EVENT_FILE_KINDS = ['material', 'photo'] as const;
export type EventFileKind = (typeof EVENT_FILE_KINDS)[number];
export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const STAKEHOLDER_TYPES = [
  'kementerian_lembaga',
  'pemda',
  'bumn',
  'bank',
  'perguruan_tinggi',
  'asosiasi',
  'swasta',
  'media',
  'komunitas',
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];
export const SUPPORT_KINDS = [
  'pendanaan',
  'pelatihan',
  'pendampingan',
  'pemasaran',
  'sertifikasi',
  'peralatan',
  'promosi',
  'narasumber',
  'lainnya',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const COMMITMENT_STATUSES = ['proposed', 'agreed', 'in_progress', 'completed', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const EVENT_STAKEHOLDER_ROLES = ['co_organiser', 'speaker', 'sponsor', 'participant'] as const;
export type EventStakeholderRole = (typeof EVENT_STAKEHOLDER_ROLES)[number];

/** A briefing, training, site visit, fair or coordination meeting run by the office. */
export const events = pgTable(
  'events',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('scheduled'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venue: text('venue').notNull(),
    /** The kab/kota where it takes place. */
    venueKabkotaCode: text('venue_kabkota_code')
      .notNull()
      .references(() => regions.code),
    organiser: text('organiser').notNull(),
    /** The OVOP round it serves, if any. */
    cycleId: uuid('cycle_id').references(() => cycles.id),
    description: text('description'),
    /** One agenda item a line, e.g. "09.00 Pembukaan". */
    agenda: text('agenda'),
    /** Notulen, written after the event. */
    minutes: text('minutes'),
    /** Secret part of the public self-registration link. */
    registrationToken: text('registration_token').notNull(),
    registrationOpen: boolean('registration_open').notNull().default(false),
    /** Secret part of the door QR code's link. */
    doorToken: text('door_token').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    index('events_province_start_idx').on(t.provinceCode, t.startsAt, t.id),
    index('events_cycle_idx').on(t.cycleId),
    uniqueIndex('events_registration_token_key').on(t.registrationToken),
    uniqueIndex('events_door_token_key').on(t.doorToken),
    check('events_kind_check', oneOf(t.kind, EVENT_KINDS)),
    check('events_status_check', oneOf(t.status, EVENT_STATUSES)),
    check('events_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A speaker (narasumber) of an event. */
export const eventSpeakers = pgTable(
  'event_speakers',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    institution: text('institution'),
    topic: text('topic'),
    stakeholderId: uuid('stakeholder_id').references(() => stakeholders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_speakers_event_idx').on(t.eventId, t.position)],
);

/** A material (slides, documents) or photo of an event; the bytes live in `files`. */
export const eventFiles = pgTable(
  'event_files',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    kind: text('kind', { enum: EVENT_FILE_KINDS }).notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => files.sha256),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The name the uploader's file had, shown and offered on download (never a path on disk). */
    filename: text('filename').notNull(),
    caption: text('caption'),
    thumbSha256: text('thumb_sha256').references(() => files.sha256),
    displaySha256: text('display_sha256').references(() => files.sha256),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('event_files_event_idx').on(t.eventId, t.kind, t.createdAt),
    check('event_files_kind_check', oneOf(t.kind, EVENT_FILE_KINDS)),
  ],
);

/**
 * A person on an event's list: an officer with an account, a named guest, a stakeholder's contact or
 * an IKM owner. `seq` is their stable number on the printed attendance sheet.
 */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    provinceCode: text('province_code').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: PARTICIPANT_KINDS }).notNull(),
    source: text('source', { enum: PARTICIPANT_SOURCES }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    stakeholderContactId: uuid('stakeholder_contact_id').references(() => stakeholderContacts.id),
    /** The IKM the owner represents. */
    ikmId: uuid('ikm_id').references(() => ikm.id),
    name: text('name').notNull(),
    institution: text('institution'),
    position: text('position'),
    /** The kab/kota they represent, as known when they were listed (null: province or outside Maluku). */
    kabkotaCode: text('kabkota_code').references(() => regions.code),
    phone: text('phone'),
    email: text('email'),
    /** Secret part of their personal one-tap check-in link. */
    checkinToken: text('checkin_token').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    ...editable(),
  },
  (t) => [
    uniqueIndex('event_participants_seq_key').on(t.eventId, t.seq),
    uniqueIndex('event_participants_checkin_token_key').on(t.checkinToken),
    uniqueIndex('event_participants_user_key').on(t.eventId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('event_participants_contact_key')
      .on(t.eventId, t.stakeholderContactId)
      .where(sql`${t.stakeholderContactId} is not null`),
    uniqueIndex('event_participants_ikm_key').on(t.eventId, t.ikmId).where(sql`${t.ikmId} is not null`),
    uniqueIndex('event_participants_email_key')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index('event_participants_user_idx').on(t.userId),
    index('event_participants_kabkota_idx').on(t.eventId, t.kabkotaCode),
    check('event_participants_kind_check', oneOf(t.kind, PARTICIPANT_KINDS)),
    check('event_participants_source_check', oneOf(t.source, PARTICIPANT_SOURCES)),
    check(
      'event_participants_link_check',
      sql`(${t.kind} <> 'user' or ${t.userId} is not null) and (${t.kind} <> 'stakeholder_contact' or ${t.stakeholderContactId} is not null) and (${t.kind} <> 'ikm' or ${t.ikmId} is not null)`,
    ),
  ],
);

/**
 * That a participant was there: one row a participant, whatever the number of check-ins. The kab/kota
 * is copied at that moment, so coverage does not change when an officer later moves elsewhere.
 */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => eventParticipants.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code').references(() => regions.code),
    method: text('method', { enum: ATTENDANCE_METHODS }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('event_attendance_participant_key').on(t.participantId),
    index('event_attendance_event_kabkota_idx').on(t.eventId, t.kabkotaCode),
    check('event_attendance_method_check', oneOf(t.method, ATTENDANCE_METHODS)),
  ],
);

/** Something a kab/kota is to do after an event, by a date. */
export const followUpActions = pgTable(
  'follow_up_actions',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    provinceCode: text('province_code').notNull(),
    kabkotaCode: text('kabkota_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    description: text('description'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    /** A named owner without an account. */
    ownerName: text('owner_name'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('open'),
    progressNote: text('progress_note'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    ...editable(),
  },
  (t) => [
    index('follow_up_actions_scope_idx').on(t.kabkotaCode, t.status, t.dueDate),
    index('follow_up_actions_event_idx').on(t.eventId),
    index('follow_up_actions_due_idx').on(t.provinceCode, t.dueDate, t.id),
    check('follow_up_actions_status_check', oneOf(t.status, FOLLOW_UP_STATUSES)),
  ],
);

/** An organisation the office works with (pemangku kepentingan / mitra). */
export const stakeholders = pgTable(
  'stakeholders',
  {
    id: idColumn(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    type: text('type', { enum: STAKEHOLDER_TYPES }).notNull(),
    kabkotaCode: text('kabkota_code').references(() => regions.code),
    address: text('address'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    uniqueIndex('stakeholders_name_key').on(t.provinceCode, sql`lower(${t.name})`),
    index('stakeholders_type_idx').on(t.provinceCode, t.type),
    check('stakeholders_type_check', oneOf(t.type, STAKEHOLDER_TYPES)),
  ],
);

/** A person at a stakeholder the office deals with. */
export const stakeholderContacts = pgTable(
  'stakeholder_contacts',
  {
    id: idColumn(),
    stakeholderId: uuid('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    name: text('name').notNull(),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [index('stakeholder_contacts_stakeholder_idx').on(t.stakeholderId)],
);

/** What a stakeholder promised: an MoU or agreement, its support, value and period. */
export const stakeholderCommitments = pgTable(
  'stakeholder_commitments',
  {
    id: idColumn(),
    stakeholderId: uuid('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    eventId: uuid('event_id').references(() => events.id),
    supportKind: text('support_kind', { enum: SUPPORT_KINDS }).notNull(),
    description: text('description').notNull(),
    agreementNumber: text('agreement_number'),
    /** Whole rupiah, when known. */
    valueRp: bigint('value_rp', { mode: 'bigint' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status', { enum: COMMITMENT_STATUSES }).notNull().default('proposed'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...editable(),
  },
  (t) => [
    index('stakeholder_commitments_stakeholder_idx').on(t.stakeholderId, t.startDate),
    index('stakeholder_commitments_event_idx').on(t.eventId),
    check('stakeholder_commitments_support_check', oneOf(t.supportKind, SUPPORT_KINDS)),
    check('stakeholder_commitments_status_check', oneOf(t.status, COMMITMENT_STATUSES)),
    check(
      'stakeholder_commitments_period_check',
      sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`,
    ),
    check('stakeholder_commitments_value_check', sql`${t.valueRp} is null or ${t.valueRp} >= 0`),
  ],
);

/** A stakeholder's part in an event (co-organiser, speaker, sponsor, participant). */
export const eventStakeholders = pgTable(
  'event_stakeholders',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    stakeholderId: uuid('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id),
    role: text('role', { enum: EVENT_STAKEHOLDER_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_stakeholders_key').on(t.eventId, t.stakeholderId, t.role),
    index('event_stakeholders_stakeholder_idx').on(t.stakeholderId),
    check('event_stakeholders_role_check', oneOf(t.role, EVENT_STAKEHOLDER_ROLES)),
  ],
);
