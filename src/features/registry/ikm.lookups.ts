/**
 * Reads of the registry that later features need without the registry's pages: the assessment
 * feature's conflict declarations (an assessor, who otherwise sees no registry, finds an IKM by its
 * name and region only) and its conflict suggestions (the contact facts an assessor might share).
 */
import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { ikm } from '../../db/schema/registry.ts';
import { escapeLike, searchCondition, searchTokens } from './registry.service.ts';

/** What anyone declaring a conflict may learn of an IKM: its name and where it is. */
export interface IkmNameRow {
  id: string;
  name: string;
  provinceCode: string;
  kabkotaCode: string;
  kecamatanCode: string | null;
  archived: boolean;
}

const nameColumns = {
  id: ikm.id,
  name: ikm.name,
  provinceCode: ikm.provinceCode,
  kabkotaCode: ikm.kabkotaCode,
  kecamatanCode: ikm.kecamatanCode,
  archivedAt: ikm.archivedAt,
};

const toNameRow = (r: { archivedAt: Date | null } & Omit<IkmNameRow, 'archived'>): IkmNameRow => {
  const { archivedAt, ...rest } = r;
  return { ...rest, archived: archivedAt !== null };
};

/**
 * Live IKMs whose name holds every word of `q` (case- and accent-insensitive), optionally in one
 * kab/kota, by name. Matches the name only: not the owner, NIB or products, which the searcher may
 * not see.
 */
export async function ikmNameSearch(
  db: Db,
  filter: { q?: string | undefined; kabkotaCode?: string | undefined },
  limit = 20,
): Promise<IkmNameRow[]> {
  const tokens = searchTokens(filter.q);
  if (tokens.length === 0 && !filter.kabkotaCode) return [];
  const nameHas = tokens.map(
    (t) => sql`search_norm(${ikm.name}) like ('%' || search_norm(${escapeLike(t)}) || '%')`,
  );
  const rows = await db
    .select(nameColumns)
    .from(ikm)
    .where(
      and(
        isNull(ikm.archivedAt),
        filter.kabkotaCode ? eq(ikm.kabkotaCode, filter.kabkotaCode) : undefined,
        // The search text (trigram-indexed) narrows first; the name itself decides.
        searchCondition(ikm.searchText, filter.q),
        ...nameHas,
      ),
    )
    .orderBy(asc(sql`lower(${ikm.name})`), asc(ikm.id))
    .limit(limit);
  return rows.map(toNameRow);
}

/** Name and region of the given IKMs (archived ones too: a conflict outlives the IKM's archiving). */
export async function ikmNames(db: Db, ids: readonly string[]): Promise<Map<string, IkmNameRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(nameColumns)
    .from(ikm)
    .where(inArray(ikm.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, toNameRow(r)]));
}

/** An IKM's own contact facts and those of its owner's account. */
export interface IkmContactRow {
  id: string;
  name: string;
  kabkotaCode: string;
  phone: string | null;
  email: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
  ownerInstitution: string | null;
}

/**
 * The live IKMs that may share a contact with someone: the same phone (E.164) or e-mail, a name
 * holding all the words of one of `names`, or an owner account (few, and their phones are stored as
 * typed, so they are compared after normalising). The caller decides what really matches.
 */
export async function ikmContactCandidates(
  db: Db,
  look: { phones: string[]; emails: string[]; names: string[] },
): Promise<IkmContactRow[]> {
  const conditions: SQL[] = [isNotNull(ikm.ownerUserId)];
  if (look.phones.length) conditions.push(inArray(ikm.phone, look.phones));
  if (look.emails.length)
    conditions.push(
      inArray(
        sql`lower(${ikm.email})`,
        look.emails.map((e) => e.toLowerCase()),
      ),
    );
  for (const name of look.names) {
    const words = name.split(/\s+/).filter(Boolean).slice(0, 6);
    if (words.length) conditions.push(sql`${ikm.searchText} like ${`%${words.map(escapeLike).join('%')}%`}`);
  }
  const rows = await db
    .select({
      id: ikm.id,
      name: ikm.name,
      kabkotaCode: ikm.kabkotaCode,
      phone: ikm.phone,
      email: ikm.email,
      ownerPhone: users.phone,
      ownerEmail: users.email,
      ownerInstitution: users.institution,
    })
    .from(ikm)
    .leftJoin(users, eq(users.id, ikm.ownerUserId))
    .where(and(isNull(ikm.archivedAt), or(...conditions)));
  return rows;
}
