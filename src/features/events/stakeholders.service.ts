/** The register of stakeholders (mitra): organisations, their contacts and their commitments. */
import { and, asc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { events, stakeholderCommitments, stakeholderContacts, stakeholders } from '../../db/schema/events.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { findRegion } from '../regions/regions.service.ts';
import type {
  CommitmentInput,
  CommitmentUpdate,
  ContactInput,
  StakeholderFilter,
  StakeholderInput,
  StakeholderUpdate,
} from './events.forms.ts';
import { eventRules } from './events.messages.ts';

export type StakeholderRow = typeof stakeholders.$inferSelect;
export type ContactRow = typeof stakeholderContacts.$inferSelect;
export type CommitmentRow = typeof stakeholderCommitments.$inferSelect;

async function checkFields(db: Db, input: StakeholderInput, provinceCode: string, exceptId?: string) {
  if (input.kabkotaCode) {
    const region = await findRegion(db, input.kabkotaCode);
    if (!region || region.level !== 'kabupaten_kota' || region.provinceCode !== provinceCode)
      throw ruleViolation('kabkotaCode', eventRules.kabkotaUnknown);
  }
  const [same] = await db
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(
      and(
        eq(stakeholders.provinceCode, provinceCode),
        sql`lower(${stakeholders.name}) = ${input.name.toLowerCase()}`,
        exceptId ? sql`${stakeholders.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (same) throw ruleViolation('name', eventRules.stakeholderNameTaken);
}

const values = (input: StakeholderInput) => ({
  name: input.name,
  acronym: input.acronym ?? null,
  type: input.type,
  kabkotaCode: input.kabkotaCode ?? null,
  address: input.address ?? null,
  website: input.website ?? null,
  email: input.email ?? null,
  phone: input.phone ?? null,
  notes: input.notes ?? null,
});

export async function createStakeholder(
  db: Db,
  actor: Actor,
  input: StakeholderInput,
  provinceCode: string,
): Promise<StakeholderRow> {
  await checkFields(db, input, provinceCode);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stakeholders)
      .values({ ...values(input), provinceCode })
      .returning();
    await writeAudit(tx, actor, {
      action: 'stakeholder.create',
      objectType: 'stakeholder',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

export async function getStakeholder(db: Db, id: string): Promise<StakeholderRow> {
  const [row] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.id, id), isNull(stakeholders.archivedAt)))
    .limit(1);
  if (!row) throw new NotFoundError('stakeholder');
  return row;
}

export async function updateStakeholder(
  db: Db,
  actor: Actor,
  id: string,
  input: StakeholderUpdate,
): Promise<StakeholderRow> {
  const current = await getStakeholder(db, id);
  await checkFields(db, input, current.provinceCode, id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(stakeholders).where(eq(stakeholders.id, id)).for('update');
    if (!before) throw new NotFoundError('stakeholder');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(stakeholders)
      .set({ ...values(input), updatedAt: new Date(), version: before.version + 1 })
      .where(eq(stakeholders.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'stakeholder.update',
      objectType: 'stakeholder',
      objectId: id,
      regionCode: after!.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
}

/** Stakeholders by name, with the number of their active commitments. */
export async function listStakeholders(
  db: Db,
  filter: StakeholderFilter,
  limit = 50,
): Promise<Page<StakeholderRow & { activeCommitments: number }>> {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : undefined;
  const conditions = and(
    isNull(stakeholders.archivedAt),
    q ? sql`(${ilike(stakeholders.name, q)} or ${ilike(stakeholders.acronym, q)})` : undefined,
    filter.type ? eq(stakeholders.type, filter.type) : undefined,
  );
  const sortKey = sql`lower(${stakeholders.name})`;
  const active = sql<number>`(select count(*)::int from stakeholder_commitments c where c.stakeholder_id = ${stakeholders.id} and c.archived_at is null and c.status in ('agreed', 'in_progress'))`;
  const page = await paginate<{ s: StakeholderRow; sortValue: string; activeCommitments: number }>({
    request: { after: filter.after, before: filter.before, limit },
    keys: [sortKey, stakeholders.id],
    dir: 'asc',
    keyOf: (r) => [r.sortValue, r.s.id],
    run: (where, orderBy, lim) =>
      db
        .select({
          s: stakeholders,
          sortValue: sql<string>`lower(${stakeholders.name})`,
          activeCommitments: active,
        })
        .from(stakeholders)
        .where(and(conditions, where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r.s, activeCommitments: Number(r.activeCommitments) })),
  };
}

/** Every active stakeholder, for selects. */
export async function stakeholderOptions(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: stakeholders.id, name: stakeholders.name })
    .from(stakeholders)
    .where(isNull(stakeholders.archivedAt))
    .orderBy(asc(stakeholders.name))
    .limit(2000);
}

// Contacts ---------------------------------------------------------------------------------------

export async function listContacts(db: Db, stakeholderId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(stakeholderContacts)
    .where(and(eq(stakeholderContacts.stakeholderId, stakeholderId), isNull(stakeholderContacts.archivedAt)))
    .orderBy(asc(stakeholderContacts.name));
}

export async function addContact(
  db: Db,
  actor: Actor,
  stakeholderId: string,
  input: ContactInput,
): Promise<ContactRow> {
  const org = await getStakeholder(db, stakeholderId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stakeholderContacts)
      .values({
        stakeholderId,
        name: input.name,
        position: input.position ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'stakeholder.contact_add',
      objectType: 'stakeholder',
      objectId: stakeholderId,
      regionCode: org.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

export async function archiveContact(
  db: Db,
  actor: Actor,
  stakeholderId: string,
  contactId: string,
): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(stakeholderContacts)
      .set({
        archivedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${stakeholderContacts.version} + 1`,
      })
      .where(
        and(
          eq(stakeholderContacts.id, contactId),
          eq(stakeholderContacts.stakeholderId, stakeholderId),
          isNull(stakeholderContacts.archivedAt),
        ),
      )
      .returning();
    if (!row) throw new NotFoundError('contact');
    await writeAudit(tx, actor, {
      action: 'stakeholder.contact_remove',
      objectType: 'stakeholder',
      objectId: stakeholderId,
      before: row,
    });
    return row;
  });
}

// Commitments ------------------------------------------------------------------------------------

export interface CommitmentView extends CommitmentRow {
  eventTitle: string | null;
}

export async function listCommitments(db: Db, stakeholderId: string): Promise<CommitmentView[]> {
  const rows = await db
    .select({ c: stakeholderCommitments, eventTitle: events.title })
    .from(stakeholderCommitments)
    .leftJoin(events, eq(events.id, stakeholderCommitments.eventId))
    .where(
      and(eq(stakeholderCommitments.stakeholderId, stakeholderId), isNull(stakeholderCommitments.archivedAt)),
    )
    .orderBy(sql`${stakeholderCommitments.startDate} desc`, asc(stakeholderCommitments.id));
  return rows.map((r) => ({ ...r.c, eventTitle: r.eventTitle }));
}

/** Commitments made at or tied to an event, with their stakeholder's name. */
export async function commitmentsOfEvent(
  db: Db,
  eventId: string,
): Promise<(CommitmentRow & { stakeholderName: string })[]> {
  const rows = await db
    .select({ c: stakeholderCommitments, stakeholderName: stakeholders.name })
    .from(stakeholderCommitments)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderCommitments.stakeholderId))
    .where(and(eq(stakeholderCommitments.eventId, eventId), isNull(stakeholderCommitments.archivedAt)))
    .orderBy(asc(stakeholders.name));
  return rows.map((r) => ({ ...r.c, stakeholderName: r.stakeholderName }));
}

export async function getCommitment(db: Db, stakeholderId: string, id: string): Promise<CommitmentRow> {
  const [row] = await db
    .select()
    .from(stakeholderCommitments)
    .where(
      and(
        eq(stakeholderCommitments.id, id),
        eq(stakeholderCommitments.stakeholderId, stakeholderId),
        isNull(stakeholderCommitments.archivedAt),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('commitment');
  return row;
}

async function checkEvent(db: Db, eventId: string | undefined): Promise<void> {
  if (!eventId) return;
  const [e] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.id, eventId), isNull(events.archivedAt)));
  if (!e) throw ruleViolation('eventId', eventRules.unknownEvent);
}

const commitmentValues = (input: CommitmentInput) => ({
  supportKind: input.supportKind,
  description: input.description,
  agreementNumber: input.agreementNumber ?? null,
  valueRp: input.valueRp === undefined ? null : BigInt(input.valueRp),
  startDate: input.startDate,
  endDate: input.endDate ?? null,
  status: input.status,
  eventId: input.eventId ?? null,
});

/** Records a commitment (its period cannot end before it starts: the schema and the table both refuse it). */
export async function addCommitment(
  db: Db,
  actor: Actor,
  stakeholderId: string,
  input: CommitmentInput,
): Promise<CommitmentRow> {
  const org = await getStakeholder(db, stakeholderId);
  await checkEvent(db, input.eventId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stakeholderCommitments)
      .values({ stakeholderId, ...commitmentValues(input) })
      .returning();
    await writeAudit(tx, actor, {
      action: 'stakeholder.commitment_add',
      objectType: 'stakeholder_commitment',
      objectId: row!.id,
      regionCode: org.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

export async function updateCommitment(
  db: Db,
  actor: Actor,
  stakeholderId: string,
  id: string,
  input: CommitmentUpdate,
): Promise<CommitmentRow> {
  await getCommitment(db, stakeholderId, id);
  await checkEvent(db, input.eventId);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(stakeholderCommitments)
      .where(eq(stakeholderCommitments.id, id))
      .for('update');
    if (!before) throw new NotFoundError('commitment');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(stakeholderCommitments)
      .set({ ...commitmentValues(input), updatedAt: new Date(), version: before.version + 1 })
      .where(eq(stakeholderCommitments.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'stakeholder.commitment_update',
      objectType: 'stakeholder_commitment',
      objectId: id,
      before,
      after,
    });
    return after!;
  });
}
