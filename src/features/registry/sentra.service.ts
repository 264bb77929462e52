/** Sentra IKM: record, edit, archive and list the IKM centres of a kab/kota. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ikm, sentra } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { SentraFilter, SentraInput, SentraUpdate } from './registry.forms.ts';
import { registryRules } from './registry.messages.ts';
import {
  canManage,
  canWriteKabkota,
  checkRegion,
  type RegistryEnv,
  RuleErrors,
  searchCondition,
  sentraScopeSql,
  similarCondition,
  similarityOrder,
  wantsCloseMatches,
} from './registry.service.ts';
import { type Upload, storeScan } from './uploads.ts';

export type SentraRow = typeof sentra.$inferSelect;

const sentraSearchText = (s: {
  name: string;
  desa?: string | null | undefined;
  productFocus?: string | null | undefined;
  decreeNumber?: string | null | undefined;
}) => [s.name, s.desa, s.productFocus, s.decreeNumber].filter(Boolean).join(' ');

/** A sentra the actor may read, or 404. */
export async function getSentra(db: Db, actor: Actor, id: string): Promise<SentraRow> {
  const [row] = await db
    .select()
    .from(sentra)
    .where(and(eq(sentra.id, id), isNull(sentra.archivedAt), sentraScopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('sentra');
  return row;
}

async function checkSentra(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  input: SentraInput,
  id: string | null,
): Promise<void> {
  const errors = new RuleErrors();
  await checkRegion(db, actor, env, input, errors);
  if (input.leadIkmId) {
    const [lead] = await db
      .select({ id: ikm.id })
      .from(ikm)
      .where(and(eq(ikm.id, input.leadIkmId), isNull(ikm.archivedAt), id ? eq(ikm.sentraId, id) : sql`false`))
      .limit(1);
    if (!lead) errors.add('leadIkmId', registryRules.leadNotMember);
  }
  errors.throwIfAny();
}

const values = (input: SentraInput) => ({
  name: input.name,
  kabkotaCode: input.kabkotaCode,
  kecamatanCode: input.kecamatanCode ?? null,
  desa: input.desa ?? null,
  commodity: input.commodity,
  productFocus: input.productFocus ?? null,
  decreeNumber: input.decreeNumber ?? null,
  decreeDate: input.decreeDate ?? null,
  unitCount: input.unitCount ?? null,
  leadIkmId: input.leadIkmId ?? null,
  notes: input.notes ?? null,
  searchText: sql<string>`search_norm(${sentraSearchText(input)})`,
});

/** Records a sentra; an optional scan of its decree is checked by its bytes and stored first. */
export async function createSentra(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  input: SentraInput,
  scan?: { store: FileStore; upload: Upload; maxBytes: number },
): Promise<SentraRow> {
  if (!canManage(actor)) throw new NotFoundError('sentra');
  await checkSentra(db, actor, env, input, null);
  const file = scan ? await storeScan(db, scan.store, scan.upload, scan.maxBytes, 'decreeFile') : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sentra)
      .values({
        ...values(input),
        provinceCode: env.provinceCode,
        ...(file
          ? { decreeFileSha256: file.sha256, decreeFileName: file.name, decreeFileMime: file.mime }
          : {}),
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'sentra.create',
      objectType: 'sentra',
      objectId: row!.id,
      regionCode: row!.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** Edits a sentra if nobody changed it since `input.version` was read. */
export async function updateSentra(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  id: string,
  input: SentraUpdate,
  scan?: { store: FileStore; upload: Upload; maxBytes: number },
): Promise<SentraRow> {
  const existing = await getSentra(db, actor, id);
  if (!canWriteKabkota(actor, existing.kabkotaCode)) throw new NotFoundError('sentra');
  await checkSentra(db, actor, env, input, id);
  const file = scan ? await storeScan(db, scan.store, scan.upload, scan.maxBytes, 'decreeFile') : null;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(sentra).where(eq(sentra.id, id)).for('update');
    if (!before || before.archivedAt) throw new NotFoundError('sentra');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const [after] = await tx
      .update(sentra)
      .set({
        ...values(input),
        ...(file
          ? { decreeFileSha256: file.sha256, decreeFileName: file.name, decreeFileMime: file.mime }
          : {}),
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(sentra.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'sentra.update',
      objectType: 'sentra',
      objectId: id,
      regionCode: after!.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a sentra; its member IKMs stay, outside any sentra. */
export async function archiveSentra(db: Db, actor: Actor, id: string): Promise<SentraRow> {
  const existing = await getSentra(db, actor, id);
  if (!canWriteKabkota(actor, existing.kabkotaCode)) throw new NotFoundError('sentra');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(sentra)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${sentra.version} + 1` })
      .where(and(eq(sentra.id, id), isNull(sentra.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('sentra');
    const members = await tx
      .update(ikm)
      .set({ sentraId: null, updatedAt: new Date(), version: sql`${ikm.version} + 1` })
      .where(eq(ikm.sentraId, id))
      .returning({ id: ikm.id });
    await writeAudit(tx, actor, {
      action: 'sentra.archive',
      objectType: 'sentra',
      objectId: id,
      regionCode: after.kabkotaCode,
      before: existing,
      after: { archivedAt: after.archivedAt, membersReleased: members.map((m) => m.id) },
    });
    return after;
  });
}

export interface SentraListRow {
  id: string;
  name: string;
  kabkotaCode: string;
  kecamatanCode: string | null;
  desa: string | null;
  commodity: SentraRow['commodity'];
  productFocus: string | null;
  decreeNumber: string | null;
  decreeDate: string | null;
  unitCount: number | null;
  leadIkmId: string | null;
  leadName: string | null;
  memberCount: number;
  sortName: string;
}

const SENTRA_SORTS = {
  name: { keys: [sql`lower(${sentra.name})`, sentra.id], dir: 'asc' as const },
  recent: { keys: [sentra.id], dir: 'desc' as const },
};

/** Sentra in the actor's scope, filtered and searched, one keyset page at a time. */
export async function listSentra(
  db: Db,
  actor: Actor,
  filter: SentraFilter,
  limit = 50,
): Promise<Page<SentraListRow> & { similar: SentraListRow[] }> {
  const sort = SENTRA_SORTS[filter.sort];
  const dir = filter.dir ?? sort.dir;
  const base = and(
    isNull(sentra.archivedAt),
    sentraScopeSql(actor),
    filter.kabkota ? eq(sentra.kabkotaCode, filter.kabkota) : undefined,
    filter.kecamatan ? eq(sentra.kecamatanCode, filter.kecamatan) : undefined,
    filter.commodity ? eq(sentra.commodity, filter.commodity) : undefined,
    filter.decree === 'with' ? sql`${sentra.decreeNumber} is not null` : undefined,
    filter.decree === 'without' ? sql`${sentra.decreeNumber} is null` : undefined,
  );
  const select = () =>
    db
      .select({
        id: sentra.id,
        name: sentra.name,
        kabkotaCode: sentra.kabkotaCode,
        kecamatanCode: sentra.kecamatanCode,
        desa: sentra.desa,
        commodity: sentra.commodity,
        productFocus: sentra.productFocus,
        decreeNumber: sentra.decreeNumber,
        decreeDate: sentra.decreeDate,
        unitCount: sentra.unitCount,
        leadIkmId: sentra.leadIkmId,
        // Qualified by hand: drizzle leaves a single table's columns unqualified, and inside a subquery
        // on ikm an unqualified "id" would be the ikm's own.
        leadName: sql<string | null>`(select l.name from ikm l where l.id = "sentra"."lead_ikm_id")`,
        memberCount: sql<number>`(select count(*)::int from ikm m where m.sentra_id = "sentra"."id" and m.archived_at is null)`,
        sortName: sql<string>`lower(${sentra.name})`,
      })
      .from(sentra);
  const page = await paginate<SentraListRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: sort.keys,
    dir,
    keyOf: (r) => (filter.sort === 'name' ? [r.sortName, r.id] : [r.id]),
    run: (where, orderBy, lim) =>
      select()
        .where(and(base, searchCondition(sentra.searchText, filter.q), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  let similar: SentraListRow[] = [];
  if (wantsCloseMatches(filter, page.rows.length)) {
    similar = await select()
      .where(and(base, similarCondition(sentra.searchText, filter.q)))
      .orderBy(similarityOrder(sentra.searchText, filter.q))
      .limit(5);
  }
  return { ...page, rows: page.rows.map(numbers), similar: similar.map(numbers) };
}

const numbers = (r: SentraListRow): SentraListRow => ({ ...r, memberCount: Number(r.memberCount) });

/** The sentra an IKM form may offer: the live ones in scope, by kab/kota then name. */
export async function sentraChoices(db: Db, actor: Actor, kabkotaCode?: string) {
  return db
    .select({ id: sentra.id, name: sentra.name, kabkotaCode: sentra.kabkotaCode })
    .from(sentra)
    .where(
      and(
        isNull(sentra.archivedAt),
        sentraScopeSql(actor),
        kabkotaCode ? eq(sentra.kabkotaCode, kabkotaCode) : undefined,
      ),
    )
    .orderBy(asc(sentra.kabkotaCode), asc(sql`lower(${sentra.name})`))
    .limit(2000);
}

/** The live member IKMs of a sentra (lead choices and the sentra page). */
export async function sentraMembers(db: Db, sentraId: string) {
  return db
    .select({
      id: ikm.id,
      name: ikm.name,
      ownerName: ikm.ownerName,
      workforceTotal: ikm.workforceTotal,
      nib: ikm.nib,
      minExpiry: ikm.minExpiry,
    })
    .from(ikm)
    .where(and(eq(ikm.sentraId, sentraId), isNull(ikm.archivedAt)))
    .orderBy(asc(sql`lower(${ikm.name})`))
    .limit(1000);
}

/** The live sentra of a kab/kota with this name, case and accents ignored (a re-imported row updates it). */
export async function findSentraByName(
  db: Db,
  kabkotaCode: string,
  name: string,
): Promise<SentraRow | undefined> {
  const [row] = await db
    .select()
    .from(sentra)
    .where(
      and(
        eq(sentra.kabkotaCode, kabkotaCode),
        isNull(sentra.archivedAt),
        sql`search_norm(${sentra.name}) = search_norm(${name.trim()})`,
      ),
    )
    .limit(1);
  return row;
}
