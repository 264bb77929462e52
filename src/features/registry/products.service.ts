/** Products of an IKM, with their photos (thumbnails made once) and sanitised stories. */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ikm, productPhotos, products } from '../../db/schema/registry.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files.ts';
import { type Page, paginate } from '../../platform/keyset.ts';
import { getIkm, type IkmRow } from './ikm.service.ts';
import type { ProductFilter, ProductInput, ProductUpdate } from './registry.forms.ts';
import {
  canManage,
  canWriteIkm,
  productScopeSql,
  refreshIkmDerived,
  searchCondition,
  similarCondition,
  similarityOrder,
  wantsCloseMatches,
} from './registry.service.ts';
import { storePhoto, type Upload } from './uploads.ts';

export type ProductRow = typeof products.$inferSelect;
export type PhotoRow = typeof productPhotos.$inferSelect;

/** A product the actor may see, with its IKM, or 404. */
export async function getProduct(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ product: ProductRow; ikm: IkmRow }> {
  const [row] = await db
    .select({ product: products, ikm })
    .from(products)
    .innerJoin(ikm, eq(ikm.id, products.ikmId))
    .where(and(eq(products.id, id), isNull(products.archivedAt), productScopeSql(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('product');
  return row;
}

const productValues = (input: ProductInput) => ({
  name: input.name,
  commodity: input.commodity,
  descriptionId: input.descriptionId ?? null,
  descriptionEn: input.descriptionEn ?? null,
  storyId: input.storyId ?? null,
  storyEn: input.storyEn ?? null,
  localMaterialPct: input.localMaterialPct === undefined ? null : String(input.localMaterialPct),
  priceMin: input.priceMin ?? null,
  priceMax: input.priceMax ?? null,
  capacityQty: input.capacityQty === undefined ? null : String(input.capacityQty),
  capacityUnit: input.capacityUnit ?? null,
  capacityPeriod: input.capacityPeriod ?? null,
  hsCode: input.hsCode ?? null,
  packaging: input.packaging ?? null,
  certifications: input.certifications ?? null,
});

/** The IKM a product belongs to, which the actor must be allowed to edit (else 404). */
async function writableIkm(db: Db, actor: Actor, ikmId: string): Promise<IkmRow> {
  const owner = await getIkm(db, actor, ikmId);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('ikm');
  return owner;
}

/** Records a product of an IKM the actor may edit. */
export async function createProduct(db: Db, actor: Actor, input: ProductInput): Promise<ProductRow> {
  const owner = await writableIkm(db, actor, input.ikmId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(products)
      .values({
        ...productValues(input),
        // Only the office publishes to the catalog; an owner's new product starts as a draft.
        published: canManage(actor) ? (input.published ?? false) : false,
        ikmId: owner.id,
        provinceCode: owner.provinceCode,
        kabkotaCode: owner.kabkotaCode,
      })
      .returning();
    await refreshIkmDerived(tx, owner.id);
    const [saved] = await tx.select().from(products).where(eq(products.id, row!.id));
    await writeAudit(tx, actor, {
      action: 'product.create',
      objectType: 'product',
      objectId: row!.id,
      regionCode: owner.kabkotaCode,
      after: saved,
    });
    return saved!;
  });
}

/** Edits a product if nobody changed it since `input.version` was read. */
export async function updateProduct(
  db: Db,
  actor: Actor,
  id: string,
  input: ProductUpdate,
): Promise<ProductRow> {
  const { ikm: current } = await getProduct(db, actor, id);
  if (!canWriteIkm(actor, current)) throw new NotFoundError('product');
  const owner = input.ikmId === current.id ? current : await writableIkm(db, actor, input.ikmId);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, id)).for('update');
    if (!before || before.archivedAt) throw new NotFoundError('product');
    if (before.version !== input.version) throw new StaleVersionError(before);
    await tx
      .update(products)
      .set({
        ...productValues(input),
        published: canManage(actor) && input.published !== undefined ? input.published : before.published,
        ikmId: owner.id,
        provinceCode: owner.provinceCode,
        kabkotaCode: owner.kabkotaCode,
        updatedAt: new Date(),
        version: before.version + 1,
      })
      .where(eq(products.id, id));
    if (owner.kabkotaCode !== before.kabkotaCode)
      await tx
        .update(productPhotos)
        .set({ kabkotaCode: owner.kabkotaCode })
        .where(eq(productPhotos.productId, id));
    await refreshIkmDerived(tx, owner.id);
    if (before.ikmId !== owner.id) await refreshIkmDerived(tx, before.ikmId);
    const [after] = await tx.select().from(products).where(eq(products.id, id));
    await writeAudit(tx, actor, {
      action: 'product.update',
      objectType: 'product',
      objectId: id,
      regionCode: owner.kabkotaCode,
      before,
      after,
    });
    return after!;
  });
}

export async function archiveProduct(db: Db, actor: Actor, id: string): Promise<ProductRow> {
  const { product, ikm: owner } = await getProduct(db, actor, id);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('product');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(products)
      .set({ archivedAt: new Date(), updatedAt: new Date(), version: sql`${products.version} + 1` })
      .where(and(eq(products.id, id), isNull(products.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('product');
    await refreshIkmDerived(tx, owner.id);
    await writeAudit(tx, actor, {
      action: 'product.archive',
      objectType: 'product',
      objectId: id,
      regionCode: owner.kabkotaCode,
      before: product,
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}

// Photos ------------------------------------------------------------------------------------------

/** The live photos of a product, in their order. */
export async function productPhotoList(db: Db, productId: string): Promise<PhotoRow[]> {
  return db
    .select()
    .from(productPhotos)
    .where(and(eq(productPhotos.productId, productId), isNull(productPhotos.archivedAt)))
    .orderBy(asc(productPhotos.position), asc(productPhotos.id));
}

/**
 * Adds a photo: its bytes must be a JPEG, PNG or WebP (a renamed PDF or program is refused), the
 * thumbnail (≤ 30 KB) and page-size image are made now, once. The first photo becomes the cover.
 */
export async function addProductPhoto(
  db: Db,
  actor: Actor,
  productId: string,
  photo: { store: FileStore; upload: Upload; maxBytes: number; caption?: string | undefined },
): Promise<PhotoRow> {
  const { product, ikm: owner } = await getProduct(db, actor, productId);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('product');
  const stored = await storePhoto(db, photo.store, photo.upload, photo.maxBytes);
  return db.transaction(async (tx) => {
    const [max] = await tx
      .select({ p: sql<number>`coalesce(max(${productPhotos.position}), -1)::int` })
      .from(productPhotos)
      .where(eq(productPhotos.productId, productId));
    const [row] = await tx
      .insert(productPhotos)
      .values({
        productId,
        kabkotaCode: product.kabkotaCode,
        fileSha256: stored.sha256,
        fileMime: stored.mime,
        fileName: stored.name,
        thumbSha256: stored.thumbSha256,
        displaySha256: stored.displaySha256,
        width: stored.width,
        height: stored.height,
        caption: photo.caption ?? null,
        position: Number(max?.p ?? -1) + 1,
      })
      .returning();
    await tx
      .update(products)
      .set({ coverPhotoId: row!.id })
      .where(and(eq(products.id, productId), isNull(products.coverPhotoId)));
    await writeAudit(tx, actor, {
      action: 'product.photo_add',
      objectType: 'product',
      objectId: productId,
      regionCode: product.kabkotaCode,
      after: row,
    });
    return row!;
  });
}

/** A photo of a product the actor may see, or 404. */
export async function getPhoto(db: Db, actor: Actor, photoId: string): Promise<PhotoRow & { ikmId: string }> {
  const [row] = await db
    .select({ photo: productPhotos, ikmId: products.ikmId })
    .from(productPhotos)
    .innerJoin(products, eq(products.id, productPhotos.productId))
    .where(
      and(
        eq(productPhotos.id, photoId),
        isNull(productPhotos.archivedAt),
        isNull(products.archivedAt),
        productScopeSql(actor),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('photo');
  return { ...row.photo, ikmId: row.ikmId };
}

/** Takes a photo off a product (kept for the audit trail); the next one becomes the cover. */
export async function removeProductPhoto(db: Db, actor: Actor, photoId: string): Promise<PhotoRow> {
  const photo = await getPhoto(db, actor, photoId);
  const { ikm: owner } = await getProduct(db, actor, photo.productId);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('photo');
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(productPhotos)
      .set({ archivedAt: new Date() })
      .where(and(eq(productPhotos.id, photoId), isNull(productPhotos.archivedAt)))
      .returning();
    if (!after) throw new NotFoundError('photo');
    const [next] = await tx
      .select({ id: productPhotos.id })
      .from(productPhotos)
      .where(
        and(
          eq(productPhotos.productId, photo.productId),
          isNull(productPhotos.archivedAt),
          ne(productPhotos.id, photoId),
        ),
      )
      .orderBy(asc(productPhotos.position))
      .limit(1);
    await tx
      .update(products)
      .set({ coverPhotoId: next?.id ?? null })
      .where(and(eq(products.id, photo.productId), eq(products.coverPhotoId, photoId)));
    await writeAudit(tx, actor, {
      action: 'product.photo_remove',
      objectType: 'product',
      objectId: photo.productId,
      regionCode: photo.kabkotaCode,
      before: photo,
    });
    return after;
  });
}

/** Makes a photo the product's cover (the one lists and the catalog show). */
export async function setCoverPhoto(db: Db, actor: Actor, photoId: string): Promise<void> {
  const photo = await getPhoto(db, actor, photoId);
  const { product, ikm: owner } = await getProduct(db, actor, photo.productId);
  if (!canWriteIkm(actor, owner)) throw new NotFoundError('photo');
  await db.transaction(async (tx) => {
    await tx.update(products).set({ coverPhotoId: photoId }).where(eq(products.id, photo.productId));
    await writeAudit(tx, actor, {
      action: 'product.cover_set',
      objectType: 'product',
      objectId: photo.productId,
      regionCode: product.kabkotaCode,
      before: { coverPhotoId: product.coverPhotoId },
      after: { coverPhotoId: photoId },
    });
  });
}

// Lists -------------------------------------------------------------------------------------------

export interface ProductListRow {
  id: string;
  name: string;
  commodity: ProductRow['commodity'];
  ikmId: string;
  ikmName: string;
  kabkotaCode: string;
  priceMin: number | null;
  priceMax: number | null;
  hsCode: string | null;
  coverPhotoId: string | null;
  sortName: string;
}

const PRODUCT_SORTS = {
  name: { keys: [sql`lower(${products.name})`, products.id], dir: 'asc' as const },
  recent: { keys: [products.id], dir: 'desc' as const },
};

export function productFilterSql(actor: Actor, filter: ProductFilter) {
  return and(
    isNull(products.archivedAt),
    productScopeSql(actor),
    filter.kabkota ? eq(products.kabkotaCode, filter.kabkota) : undefined,
    filter.commodity ? eq(products.commodity, filter.commodity) : undefined,
    filter.ikm ? eq(products.ikmId, filter.ikm) : undefined,
  );
}

/** Products in the actor's scope, filtered, searched and sorted, one keyset page at a time. */
export async function listProducts(
  db: Db,
  actor: Actor,
  filter: ProductFilter,
  limit = 50,
): Promise<Page<ProductListRow> & { similar: ProductListRow[] }> {
  const sort = PRODUCT_SORTS[filter.sort];
  const base = productFilterSql(actor, filter);
  const select = () =>
    db
      .select({
        id: products.id,
        name: products.name,
        commodity: products.commodity,
        ikmId: products.ikmId,
        ikmName: ikm.name,
        kabkotaCode: products.kabkotaCode,
        priceMin: products.priceMin,
        priceMax: products.priceMax,
        hsCode: products.hsCode,
        coverPhotoId: products.coverPhotoId,
        sortName: sql<string>`lower(${products.name})`,
      })
      .from(products)
      .innerJoin(ikm, eq(ikm.id, products.ikmId));
  const page = await paginate<ProductListRow>({
    request: { after: filter.after, before: filter.before, limit },
    keys: sort.keys,
    dir: filter.dir ?? sort.dir,
    keyOf: (r) => (filter.sort === 'name' ? [r.sortName, r.id] : [r.id]),
    run: (where, orderBy, lim) =>
      select()
        .where(and(base, searchCondition(products.searchText, filter.q), where))
        .orderBy(...orderBy)
        .limit(lim),
  });
  let similar: ProductListRow[] = [];
  if (wantsCloseMatches(filter, page.rows.length)) {
    similar = await select()
      .where(and(base, similarCondition(products.searchText, filter.q)))
      .orderBy(similarityOrder(products.searchText, filter.q))
      .limit(5);
  }
  return { ...page, similar };
}

/** Every product matching a filter, in list order, a batch at a time (exports). */
export async function* iterateProducts(
  db: Db,
  actor: Actor,
  filter: ProductFilter,
  batch = 500,
): AsyncGenerator<ProductRow & { ikmName: string }> {
  const sort = PRODUCT_SORTS[filter.sort];
  const base = and(productFilterSql(actor, filter), searchCondition(products.searchText, filter.q));
  let after: string | undefined;
  for (;;) {
    const page = await paginate<{ row: ProductRow; ikmName: string; sortName: string }>({
      request: { after, limit: batch },
      keys: sort.keys,
      dir: filter.dir ?? sort.dir,
      keyOf: (r) => (filter.sort === 'name' ? [r.sortName, r.row.id] : [r.row.id]),
      run: (where, orderBy, lim) =>
        db
          .select({ row: products, ikmName: ikm.name, sortName: sql<string>`lower(${products.name})` })
          .from(products)
          .innerJoin(ikm, eq(ikm.id, products.ikmId))
          .where(and(base, where))
          .orderBy(...orderBy)
          .limit(lim),
    });
    for (const r of page.rows) yield { ...r.row, ikmName: r.ikmName };
    if (!page.next) return;
    after = page.next;
  }
}

/** The live product of an IKM with this name, case and accents ignored (a re-imported row updates it). */
export async function findProductByName(
  db: Db,
  ikmId: string,
  name: string,
): Promise<ProductRow | undefined> {
  const [row] = await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.ikmId, ikmId),
        isNull(products.archivedAt),
        sql`search_norm(${products.name}) = search_norm(${name.trim()})`,
      ),
    )
    .limit(1);
  return row;
}
