/**
 * The registry facts a nomination needs that the registry's services do not offer on their own
 * (its profile reader also searches for look-alike IKMs, a cost a nomination page need not pay).
 * Read-only, within the actor's registry scope (registry.service's scope SQL), never written here.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions } from '../../db/schema/regions.ts';
import { ikm, legalDocuments, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import type { DocumentRow } from '../registry/ikm.service.ts';
import { ikmScopeSql } from '../registry/registry.service.ts';

/** An IKM's live legal documents (NIB, PIRT, BPOM MD, halal, SNI, trademark), newest expiry first. */
export async function legalDocumentsOf(db: Db, actor: Actor, ikmId: string): Promise<DocumentRow[]> {
  const rows = await db
    .select({ doc: legalDocuments })
    .from(legalDocuments)
    .innerJoin(ikm, eq(ikm.id, legalDocuments.ikmId))
    .where(and(eq(legalDocuments.ikmId, ikmId), isNull(legalDocuments.archivedAt), ikmScopeSql(actor)))
    .orderBy(asc(legalDocuments.kind), sql`${legalDocuments.expiryDate} desc nulls first`);
  return rows.map((r) => r.doc);
}

/** Product and IKM names, for lists, notifications and file names (no scope: callers checked it). */
export async function productNames(
  db: Db,
  productIds: readonly string[],
): Promise<Map<string, { product: string; ikm: string }>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({ id: products.id, product: products.name, ikm: ikm.name })
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(inArray(products.id, [...new Set(productIds)]));
  return new Map(rows.map((r) => [r.id, { product: r.product, ikm: r.ikm }]));
}

/** A region's name by its code (the code itself when unknown). */
export async function regionNameOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.name ?? code;
}
