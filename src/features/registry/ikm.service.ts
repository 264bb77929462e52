/**
 * IKM businesses: record, edit (optimistic version), archive, find by NIB, list and search. The
 * create/update/upsert functions take one row at a time with every rule checked, so the page, the
 * API and a spreadsheet import behave the same; inside an outer transaction they nest as savepoints.
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { ikm, legalDocuments, products, sentra } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { lookupValidationMessage } from '../../platform/i18n.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import type { Commodity } from '../../platform/registry-domain.ts';
import type { IkmFilter, IkmInput, IkmUpdate } from './registry.forms.ts';
import { registryRules } from './registry.messages.ts';
import {
  canManage,
  canWriteIkm,
  checkRegion,
  ikmScopeSql,
  legalitySql,
  refreshIkmDerived,
  type RegistryEnv,
  regionIndex,
  regionName,
  RuleErrors,
  scopeOf,
  searchCondition,
  similarCondition,
  similarityOrder,
  wantsCloseMatches,
  getSizeThresholds,
} from './registry.service.ts';
import { sizeClassOf } from './size-class.ts';

export type IkmRow = typeof ikm.$inferSelect;

export interface SimilarIkm {
  id: string;
  name: string;
}

export interface IkmWarning {
  kind: 'similar_name';
  matches: SimilarIkm[];
}

export interface IkmSaved {
  ikm: IkmRow;
  warnings: IkmWarning[];
}

/** A NIB that another live IKM holds: refused, naming (and, within scope, linking) that IKM. */
export class DuplicateNibError extends DomainError {
  constructor(
    readonly existing: { id: string; name: string; kabkotaCode: string; inScope: boolean },
    params: Record<string, string | number>,
  ) {
    super(lookupValidationMessage(registryRules.nibTaken)!, params, { nib: registryRules.nibTaken }, 409);
  }
}

/** An IKM the actor may read (its kab/kota, the province, or its owner), or 404. */
export async function getIkm(db: Db, actor: Actor, id: string): Promise<IkmRow> {
  const [row] = await db
    .select()
    .from(ikm)
    .where(and(eq(ikm.id, id), isNull(ikm.archivedAt), ikmScopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('ikm');
  return row;
}

/** The live IKM holding this NIB, whatever the actor's scope (for duplicates and import updates). */
export async function findIkmByNib(db: Db, nib: string): Promise<IkmRow | undefined> {
  const [row] = await db
    .select()
    .from(ikm)
    .where(and(eq(ikm.nib, nib), isNull(ikm.archivedAt)))
    .limit(1);
  return row;
}

/** Live IKMs of the same desa whose name looks alike (a warning, never a refusal). */
export async function findSimilarIkm(
  db: Db,
  where: {
    kabkotaCode: string;
    kecamatanCode?: string | null | undefined;
    desa?: string | null | undefined;
    name: string;
    exceptId?: string | undefined;
  },
): Promise<SimilarIkm[]> {
  if (!where.desa) return [];
  return db
    .select({ id: ikm.id, name: ikm.name })
    .from(ikm)
    .where(
      and(
        eq(ikm.kabkotaCode, where.kabkotaCode),
        where.kecamatanCode ? eq(ikm.kecamatanCode, where.kecamatanCode) : undefined,
        isNull(ikm.archivedAt),
        sql`search_norm(${ikm.desa}) = search_norm(${where.desa})`,
        sql`similarity(search_norm(${ikm.name}), search_norm(${where.name})) >= 0.5`,
        where.exceptId ? ne(ikm.id, where.exceptId) : undefined,
      ),
    )
    .orderBy(sql`similarity(search_norm(${ikm.name}), search_norm(${where.name})) desc`)
    .limit(5);
}

interface Resolved {
  provinceCode: string;
  kabkotaCode: string;
  kecamatanCode: string | null;
  sentraId: string | null;
  ownerUserId: string | null;
}

/**
 * Checks every rule of one IKM input that the schema cannot: region and scope, the sentra's
 * kab/kota, a NIB held by another IKM, the owner account. Throws them all at once.
 */
export async function checkIkm(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  input: IkmInput,
  existing?: IkmRow,
): Promise<Resolved> {
  const ownerEditing = scopeOf(actor).kind === 'owner';
  if (ownerEditing && !existing) throw new NotFoundError('ikm');
  // An owner edits the business's facts; its place, centre and owner account stay as the office set them.
  const place =
    ownerEditing && existing
      ? {
          kabkotaCode: existing.kabkotaCode,
          kecamatanCode: existing.kecamatanCode ?? undefined,
          sentraId: existing.sentraId ?? undefined,
        }
      : { kabkotaCode: input.kabkotaCode, kecamatanCode: input.kecamatanCode, sentraId: input.sentraId };
  const errors = new RuleErrors();
  if (!ownerEditing) await checkRegion(db, actor, env, place, errors);
  if (place.sentraId && !ownerEditing) {
    const [s] = await db
      .select({ kabkotaCode: sentra.kabkotaCode })
      .from(sentra)
      .where(and(eq(sentra.id, place.sentraId), isNull(sentra.archivedAt)))
      .limit(1);
    if (!s || s.kabkotaCode !== place.kabkotaCode) errors.add('sentraId', registryRules.sentraNotInKabkota);
  }
  let duplicate: IkmRow | undefined;
  if (input.nib) {
    const holder = await findIkmByNib(db, input.nib);
    if (holder && holder.id !== existing?.id) duplicate = holder;
  }
  let ownerUserId = existing?.ownerUserId ?? null;
  if (!ownerEditing) {
    ownerUserId = null;
    if (input.ownerEmail) {
      const [owner] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = ${input.ownerEmail}`, eq(users.role, 'pemilik_ikm')))
        .limit(1);
      if (owner) ownerUserId = owner.id;
      else errors.add('ownerEmail', registryRules.ownerNotFound);
    }
  }
  if (duplicate) {
    const index = await regionIndex(db);
    const params = {
      nib: input.nib!,
      existingName: duplicate.name,
      existingRegion: regionName(index, duplicate.kabkotaCode),
    };
    if (errors.empty)
      throw new DuplicateNibError(
        {
          id: duplicate.id,
          name: duplicate.name,
          kabkotaCode: duplicate.kabkotaCode,
          inScope: canWriteIkm(actor, duplicate),
        },
        params,
      );
    errors.add('nib', registryRules.nibTaken, params);
  }
  errors.throwIfAny();
  const index = await regionIndex(db);
  return {
    provinceCode: index.get(place.kabkotaCode)?.provinceCode ?? env.provinceCode,
    kabkotaCode: place.kabkotaCode,
    kecamatanCode: place.kecamatanCode ?? null,
    sentraId: place.sentraId ?? null,
    ownerUserId,
  };
}

async function rowValues(db: Db, input: IkmInput, resolved: Resolved) {
  const thresholds = await getSizeThresholds(db);
  const hasWorkforce = input.workforceMen !== undefined || input.workforceWomen !== undefined;
  const workforce = (input.workforceMen ?? 0) + (input.workforceWomen ?? 0);
  return {
    ...resolved,
    desa: input.desa ?? null,
    address: input.address ?? null,
    name: input.name,
    ownerName: input.ownerName,
    nib: input.nib ?? null,
    kbli: input.kbli ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    workforceMen: input.workforceMen ?? null,
    workforceWomen: input.workforceWomen ?? null,
    investment: input.investment ?? null,
    sizeClass: sizeClassOf(hasWorkforce ? workforce : null, input.investment ?? null, thresholds),
    capacityQty: input.capacityQty === undefined ? null : String(input.capacityQty),
    capacityUnit: input.capacityUnit ?? null,
    capacityPeriod: input.capacityPeriod ?? null,
    contactPublic: input.contactPublic,
    notes: input.notes ?? null,
  };
}

async function warningsFor(db: Db, row: IkmRow): Promise<IkmWarning[]> {
  const matches = await findSimilarIkm(db, { ...row, exceptId: row.id });
  return matches.length ? [{ kind: 'similar_name', matches }] : [];
}

/** Records an IKM. Returns it with warnings (a similar name in the same desa), never refused for them. */
export async function createIkm(db: Db, actor: Actor, env: RegistryEnv, input: IkmInput): Promise<IkmSaved> {
  if (!canManage(actor)) throw new NotFoundError('ikm');
  const resolved = await checkIkm(db, actor, env, input);
  const values = await rowValues(db, input, resolved);
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(ikm)
      .values({ ...values, contactConsentAt: input.contactPublic ? new Date() : null })
      .returning();
    await refreshIkmDerived(tx, inserted!.id);
    const [saved] = await tx.select().from(ikm).where(eq(ikm.id, inserted!.id));
    await writeAudit(tx, actor, {
      action: 'ikm.create',
      objectType: 'ikm',
      objectId: saved!.id,
      regionCode: saved!.kabkotaCode,
      after: saved,
    });
    return saved!;
  });
  return { ikm: row, warnings: await warningsFor(db, row) };
}

/** Edits an IKM if nobody changed it since `input.version` was read (else StaleVersionError). */
export async function updateIkm(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  id: string,
  input: IkmUpdate,
): Promise<IkmSaved> {
  const existing = await getIkm(db, actor, id);
  if (!canWriteIkm(actor, existing)) throw new NotFoundError('ikm');
  const resolved = await checkIkm(db, actor, env, input, existing);
  const values = await rowValues(db, input, resolved);
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(ikm).where(eq(ikm.id, id)).for('update');
    if (!before || before.archivedAt) throw new NotFoundError('ikm');
    if (before.version !== input.version) throw new StaleVersionError(before);
    const consentAt = input.contactPublic
      ? before.contactPublic
        ? before.contactConsentAt
        : new Date()
      : null;
    await tx
      .update(ikm)
      .set({ ...values, contactConsentAt: consentAt, updatedAt: new Date(), version: before.version + 1 })
      .where(eq(ikm.id, id));
    await refreshIkmDerived(tx, id);
    const [after] = await tx.select().from(ikm).where(eq(ikm.id, id));
    await writeAudit(tx, actor, {
      action: 'ikm.update',
      objectType: 'ikm',
      objectId: id,
      regionCode: after!.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
  return { ikm: row, warnings: await warningsFor(db, row) };
}

/**
 * Creates the IKM, or updates the live one holding the same NIB (what a re-imported sheet does):
 * the row's values replace the stored ones, whatever version they were.
 */
export async function upsertIkmByNib(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  input: IkmInput,
): Promise<IkmSaved & { created: boolean }> {
  const existing = input.nib ? await findIkmByNib(db, input.nib) : undefined;
  if (existing && canWriteIkm(actor, existing)) {
    const saved = await updateIkm(db, actor, env, existing.id, { ...input, version: existing.version });
    return { ...saved, created: false };
  }
  // Out of scope, the holder is reported as a duplicate by createIkm's checks.
  return { ...(await createIkm(db, actor, env, input)), created: true };
}

/** Archives an IKM with its products; it leaves the lists, and a sentra it led loses its lead. */
export async function archiveIkm(db: Db, actor: Actor, id: string): Promise<IkmRow> {
  const existing = await getIkm(db, actor, id);
  if (!canManage(actor) || !canWriteIkm(actor, existing)) throw new NotFoundError('ikm');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(ikm)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${ikm.version} + 1` })
      .where(and(eq(ikm.id, id), isNull(ikm.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('ikm');
    await tx
      .update(products)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${products.version} + 1` })
      .where(and(eq(products.ikmId, id), isNull(products.archivedAt)));
    await tx
      .update(sentra)
      .set({ leadIkmId: null, updatedAt: new Date(), version: sql`${sentra.version} + 1` })
      .where(eq(sentra.leadIkmId, id));
    await writeAudit(tx, actor, {
      action: 'ikm.archive',
      objectType: 'ikm',
      objectId: id,
      regionCode: after.kabkotaCode,
      before: existing,
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}

// Lists -------------------------------------------------------------------------------------------

export interface IkmListRow {
  id: string;
  name: string;
  ownerName: string;
  ownerUserId: string | null;
  nib: string | null;
  kabkotaCode: string;
  kecamatanCode: string | null;
  desa: string | null;
  sentraId: string | null;
  sentraName: string | null;
  workforceTotal: number;
  sizeClass: IkmRow['sizeClass'];
  minExpiry: string | null;
  commodities: string[];
  sortName: string;
}

const IKM_SORTS = {
  name: { keys: [sql`lower(${ikm.name})`, ikm.id], dir: 'asc' as const },
  recent: { keys: [ikm.id], dir: 'desc' as const },
  workforce: { keys: [ikm.workforceTotal, ikm.id], dir: 'desc' as const },
};

const listColumns = {
  id: ikm.id,
  name: ikm.name,
  ownerName: ikm.ownerName,
  ownerUserId: ikm.ownerUserId,
  nib: ikm.nib,
  kabkotaCode: ikm.kabkotaCode,
  kecamatanCode: ikm.kecamatanCode,
  desa: ikm.desa,
  sentraId: ikm.sentraId,
  sentraName: sentra.name,
  workforceTotal: ikm.workforceTotal,
  sizeClass: ikm.sizeClass,
  minExpiry: ikm.minExpiry,
  commodities: ikm.commodities,
  sortName: sql<string>`lower(${ikm.name})`,
};

export function ikmFilterSql(actor: Actor, filter: IkmFilter) {
  return and(
    isNull(ikm.archivedAt),
    ikmScopeSql(actor),
    filter.kabkota ? eq(ikm.kabkotaCode, filter.kabkota) : undefined,
    filter.kecamatan ? eq(ikm.kecamatanCode, filter.kecamatan) : undefined,
    filter.commodity ? sql`${ikm.commodities} @> array[${filter.commodity}]::text[]` : undefined,
    filter.sentra ? eq(ikm.sentraId, filter.sentra) : undefined,
    filter.legal ? legalitySql(filter.legal) : undefined,
    filter.size ? eq(ikm.sizeClass, filter.size) : undefined,
  );
}

/** IKMs in the actor's scope, filtered, searched and sorted, one keyset page at a time. */
export async function listIkm(
  db: Db,
  actor: Actor,
  filter: IkmFilter,
  limit = 50,
): Promise<Page<IkmListRow> & { similar: IkmListRow[] }> {
  const sort = IKM_SORTS[filter.sort];
  const base = ikmFilterSql(actor, filter);
  const select = () => db.select(listColumns).from(ikm).leftJoin(sentra, eq(sentra.id, ikm.sentraId));
  const page = await paginate<IkmListRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: sort.keys,
    dir: filter.dir ?? sort.dir,
    keyOf: (r) =>
      filter.sort === 'name'
        ? [r.sortName, r.id]
        : filter.sort === 'workforce'
          ? [r.workforceTotal, r.id]
          : [r.id],
    run: (where, orderBy, lim) =>
      select()
        .where(and(base, searchCondition(ikm.searchText, filter.q), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  let similar: IkmListRow[] = [];
  if (wantsCloseMatches(filter, page.rows.length)) {
    similar = await select()
      .where(and(base, similarCondition(ikm.searchText, filter.q)))
      .orderBy(similarityOrder(ikm.searchText, filter.q))
      .limit(5);
  }
  return { ...page, similar };
}

// Profile -----------------------------------------------------------------------------------------

export type DocumentRow = typeof legalDocuments.$inferSelect;

export interface IkmProfile {
  ikm: IkmRow;
  sentra: { id: string; name: string; decreeNumber: string | null; leadIkmId: string | null } | null;
  documents: DocumentRow[];
  products: {
    id: string;
    name: string;
    commodity: Commodity;
    priceMin: number | null;
    priceMax: number | null;
    coverPhotoId: string | null;
  }[];
  ownerEmail: string | null;
  similar: SimilarIkm[];
}

/** Everything the IKM page gathers: its sentra, documents, products, owner account, look-alikes. */
export async function ikmProfile(db: Db, actor: Actor, id: string): Promise<IkmProfile> {
  const row = await getIkm(db, actor, id);
  const [sentraRow] = row.sentraId
    ? await db
        .select({
          id: sentra.id,
          name: sentra.name,
          decreeNumber: sentra.decreeNumber,
          leadIkmId: sentra.leadIkmId,
        })
        .from(sentra)
        .where(eq(sentra.id, row.sentraId))
    : [];
  const documents = await db
    .select()
    .from(legalDocuments)
    .where(and(eq(legalDocuments.ikmId, id), isNull(legalDocuments.archivedAt)))
    .orderBy(asc(legalDocuments.kind), sql`${legalDocuments.expiryDate} desc nulls first`);
  const productRows = await db
    .select({
      id: products.id,
      name: products.name,
      commodity: products.commodity,
      priceMin: products.priceMin,
      priceMax: products.priceMax,
      coverPhotoId: products.coverPhotoId,
    })
    .from(products)
    .where(and(eq(products.ikmId, id), isNull(products.archivedAt)))
    .orderBy(asc(sql`lower(${products.name})`));
  const [owner] = row.ownerUserId
    ? await db.select({ email: users.email }).from(users).where(eq(users.id, row.ownerUserId))
    : [];
  return {
    ikm: row,
    sentra: sentraRow ?? null,
    documents,
    products: productRows,
    ownerEmail: owner?.email ?? null,
    similar: await findSimilarIkm(db, { ...row, exceptId: row.id }),
  };
}

/** The IKMs a product form may offer (live, in scope), by name. */
export async function ikmChoices(db: Db, actor: Actor, limit = 2000) {
  return db
    .select({ id: ikm.id, name: ikm.name, kabkotaCode: ikm.kabkotaCode })
    .from(ikm)
    .where(and(isNull(ikm.archivedAt), ikmScopeSql(actor)))
    .orderBy(asc(sql`lower(${ikm.name})`))
    .limit(limit);
}

/** Every IKM row matching a filter, in list order, a batch at a time (exports). */
export async function* iterateIkm(
  db: Db,
  actor: Actor,
  filter: IkmFilter,
  batch = 500,
): AsyncGenerator<IkmRow & { sentraName: string | null }> {
  const sort = IKM_SORTS[filter.sort];
  const base = and(ikmFilterSql(actor, filter), searchCondition(ikm.searchText, filter.q));
  let after: string | undefined;
  for (;;) {
    const page = await paginate<{ row: IkmRow; sentraName: string | null; sortName: string }>({
      request: { after, limit: batch },
      keys: sort.keys,
      dir: filter.dir ?? sort.dir,
      keyOf: (r) =>
        filter.sort === 'name'
          ? [r.sortName, r.row.id]
          : filter.sort === 'workforce'
            ? [r.row.workforceTotal, r.row.id]
            : [r.row.id],
      run: (where, orderBy, lim) =>
        db
          .select({ row: ikm, sentraName: sentra.name, sortName: sql<string>`lower(${ikm.name})` })
          .from(ikm)
          .leftJoin(sentra, eq(sentra.id, ikm.sentraId))
          .where(and(base, where))
          .orderBy(...orderBy)
          .limit(lim),
    });
    for (const r of page.rows) yield { ...r.row, sentraName: r.sentraName };
    if (!page.next) return;
    after = page.next;
  }
}
