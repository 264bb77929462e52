/**
 * The registry's JSON API: the same reads and writes as the pages, through the same services and
 * schemas (so the same validation and scope). Files travel as `{ name, contentBase64 }`.
 */
import { z } from 'zod';
import { ApiRouter, jsonResponse } from '../../platform/api.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { render } from '../../platform/i18n.ts';
import {
  CAPACITY_PERIODS,
  CAPACITY_UNITS,
  CommodityEnum,
  LEGALITY_STATES,
  LegalDocumentKindEnum,
  SIZE_CLASSES,
} from '../../platform/registry-domain.ts';
import { createDocument, documentState, getDocument, updateDocument } from './documents.service.ts';
import {
  createIkm,
  DuplicateNibError,
  type IkmRow,
  type IkmSaved,
  ikmProfile,
  listIkm,
  updateIkm,
} from './ikm.service.ts';
import { getPotentialProfile } from './potential.service.ts';
import {
  addProductPhoto,
  createProduct,
  getProduct,
  listProducts,
  type PhotoRow,
  productPhotoList,
  type ProductRow,
  updateProduct,
} from './products.service.ts';
import {
  DocumentFields,
  DocumentUpdate,
  IkmFields,
  IkmFilter,
  IkmUpdate,
  ProductFields,
  ProductFilter,
  ProductUpdate,
  SentraFields,
  SentraFilter,
  SentraUpdate,
  SizeThresholdsForm,
} from './registry.forms.ts';
import {
  canWriteIkm,
  getSizeThresholds,
  legalityOf,
  personalDataVisible,
  type RegistryEnv,
  updateSizeThresholds,
} from './registry.service.ts';
import { createSentra, getSentra, listSentra, type SentraRow, updateSentra } from './sentra.service.ts';
import { uploadFromBase64 } from './uploads.ts';

/**
 * A stored record as the input of an update that only adds its scan. A value the rules refuse now
 * (a date after today saved before that rule) is the caller's to correct: a 422 naming the field.
 */
function storedAsInput<S extends z.ZodType>(schema: S, stored: unknown): z.output<S> {
  const parsed = schema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw ruleViolation(String(issue.path[0] ?? '_form'), issue.message);
}

const env = (c: Ctx): RegistryEnv => ({ provinceCode: c.var.deps.config.PROVINCE_CODE });
const maxBytes = (c: Ctx) => c.var.deps.config.UPLOAD_MAX_MB * 1024 * 1024;

const Id = z.object({ id: z.uuid() });
const Base64File = z.object({
  name: z.string().min(1).max(200).describe('The file name, e.g. sk-sentra.pdf'),
  contentBase64: z.string().min(1).describe('The file bytes, base64-encoded (type checked by its bytes)'),
});
const Cursor = z.object({ next: z.string().nullable(), prev: z.string().nullable() });

// Outputs --------------------------------------------------------------------------------------

const SentraOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kabkotaCode: z.string(),
  kecamatanCode: z.string().nullable(),
  desa: z.string().nullable(),
  commodity: CommodityEnum,
  productFocus: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  hasDecreeScan: z.boolean(),
  unitCount: z.number().int().nullable(),
  leadIkmId: z.uuid().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
const sentraOut = (s: SentraRow): z.infer<typeof SentraOut> => ({
  id: s.id,
  name: s.name,
  kabkotaCode: s.kabkotaCode,
  kecamatanCode: s.kecamatanCode,
  desa: s.desa,
  commodity: s.commodity,
  productFocus: s.productFocus,
  decreeNumber: s.decreeNumber,
  decreeDate: s.decreeDate,
  hasDecreeScan: s.decreeFileSha256 !== null,
  unitCount: s.unitCount,
  leadIkmId: s.leadIkmId,
  notes: s.notes,
  version: s.version,
});

const IkmOut = z.object({
  id: z.uuid(),
  name: z.string(),
  ownerName: z.string().nullable().describe('Null when outside the caller’s scope'),
  nib: z.string().nullable(),
  kbli: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  email: z.string().nullable(),
  address: z.string().nullable(),
  kabkotaCode: z.string(),
  kecamatanCode: z.string().nullable(),
  desa: z.string().nullable(),
  sentraId: z.uuid().nullable(),
  workforceMen: z.number().int().nullable(),
  workforceWomen: z.number().int().nullable(),
  workforceTotal: z.number().int(),
  investment: z.number().int().nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  capacityQty: z.number().nullable(),
  capacityUnit: z.enum(CAPACITY_UNITS).nullable(),
  capacityPeriod: z.enum(CAPACITY_PERIODS).nullable(),
  contactPublic: z.boolean(),
  legality: z.enum(LEGALITY_STATES),
  earliestExpiry: z.string().nullable(),
  commodities: z.array(z.string()),
  notes: z.string().nullable(),
  version: z.number().int(),
});
function ikmOut(actor: Actor, r: IkmRow): z.infer<typeof IkmOut> {
  const personal = personalDataVisible(actor, r);
  return {
    id: r.id,
    name: r.name,
    ownerName: personal ? r.ownerName : null,
    nib: r.nib,
    kbli: r.kbli,
    phone: personal ? r.phone : null,
    email: personal ? r.email : null,
    address: personal ? r.address : null,
    kabkotaCode: r.kabkotaCode,
    kecamatanCode: r.kecamatanCode,
    desa: r.desa,
    sentraId: r.sentraId,
    workforceMen: r.workforceMen,
    workforceWomen: r.workforceWomen,
    workforceTotal: r.workforceTotal,
    investment: r.investment,
    sizeClass: r.sizeClass,
    capacityQty: r.capacityQty === null ? null : Number(r.capacityQty),
    capacityUnit: r.capacityUnit,
    capacityPeriod: r.capacityPeriod,
    contactPublic: r.contactPublic,
    legality: legalityOf(r),
    earliestExpiry: r.minExpiry,
    commodities: r.commodities,
    notes: r.notes,
    version: r.version,
  };
}

const Warning = z.object({
  kind: z.literal('similar_name'),
  matches: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
const IkmSavedOut = z.object({ ikm: IkmOut, warnings: z.array(Warning) });

const DocumentOut = z.object({
  id: z.uuid(),
  ikmId: z.uuid(),
  kind: LegalDocumentKindEnum,
  number: z.string(),
  issuer: z.string().nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  hasScan: z.boolean(),
  state: z.enum(['valid', 'no_expiry', 'expiring', 'expired', 'superseded']),
  notes: z.string().nullable(),
  version: z.number().int(),
});
type DocRow = Awaited<ReturnType<typeof getDocument>>['doc'];
const documentOut = (d: DocRow, all: DocRow[]): z.infer<typeof DocumentOut> => ({
  id: d.id,
  ikmId: d.ikmId,
  kind: d.kind,
  number: d.number,
  issuer: d.issuer,
  issueDate: d.issueDate,
  expiryDate: d.expiryDate,
  hasScan: d.fileSha256 !== null,
  state: documentState(d, all).state,
  notes: d.notes,
  version: d.version,
});

const PhotoOut = z.object({
  id: z.uuid(),
  caption: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  thumbUrl: z.string(),
  displayUrl: z.string(),
});
const photoOut = (p: PhotoRow): z.infer<typeof PhotoOut> => ({
  id: p.id,
  caption: p.caption,
  width: p.width,
  height: p.height,
  thumbUrl: `/registry/photos/${p.id}/thumb`,
  displayUrl: `/registry/photos/${p.id}/display`,
});

const ProductOut = z.object({
  id: z.uuid(),
  ikmId: z.uuid(),
  kabkotaCode: z.string(),
  name: z.string(),
  commodity: CommodityEnum,
  descriptionId: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  storyId: z.string().nullable().describe('Plain text with **bold**, _italic_ and "- " lists, sanitised'),
  storyEn: z.string().nullable(),
  localMaterialPct: z.number().nullable(),
  priceMin: z.number().int().nullable(),
  priceMax: z.number().int().nullable(),
  capacityQty: z.number().nullable(),
  capacityUnit: z.enum(CAPACITY_UNITS).nullable(),
  capacityPeriod: z.enum(CAPACITY_PERIODS).nullable(),
  hsCode: z.string().nullable(),
  packaging: z.string().nullable(),
  certifications: z.string().nullable(),
  coverPhotoId: z.uuid().nullable(),
  version: z.number().int(),
});
const productOut = (p: ProductRow): z.infer<typeof ProductOut> => ({
  id: p.id,
  ikmId: p.ikmId,
  kabkotaCode: p.kabkotaCode,
  name: p.name,
  commodity: p.commodity,
  descriptionId: p.descriptionId,
  descriptionEn: p.descriptionEn,
  storyId: p.storyId,
  storyEn: p.storyEn,
  localMaterialPct: p.localMaterialPct === null ? null : Number(p.localMaterialPct),
  priceMin: p.priceMin,
  priceMax: p.priceMax,
  capacityQty: p.capacityQty === null ? null : Number(p.capacityQty),
  capacityUnit: p.capacityUnit,
  capacityPeriod: p.capacityPeriod,
  hsCode: p.hsCode,
  packaging: p.packaging,
  certifications: p.certifications,
  coverPhotoId: p.coverPhotoId,
  version: p.version,
});

/** A refused duplicate NIB: 409, the message, and (within scope) the IKM that holds it. */
function duplicateResponse(c: Ctx, err: DuplicateNibError) {
  const lang = c.get('lang');
  const message = render(err.userMessage, lang, err.params);
  return jsonResponse(
    {
      error: {
        code: 'nib_taken',
        message,
        fields: [{ path: 'nib', message }],
        ...(err.existing.inScope
          ? {
              existing: {
                id: err.existing.id,
                name: err.existing.name,
                url: `/registry/ikm/${err.existing.id}`,
              },
            }
          : {}),
      },
    },
    409,
  );
}

async function savedIkm(c: Ctx, actor: Actor, run: () => Promise<IkmSaved>) {
  try {
    const saved = await run();
    return { ikm: ikmOut(actor, saved.ikm), warnings: saved.warnings };
  } catch (err) {
    if (err instanceof DuplicateNibError) return duplicateResponse(c, err);
    throw err;
  }
}

const ProfileOut = z.object({
  kabkotaCode: z.string(),
  kabkotaName: z.string(),
  overview: z.string().nullable(),
  commodities: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      commodity: CommodityEnum,
      keyword: z.string().nullable(),
      sda: z.object({
        description: z.string().nullable(),
        quantity: z.number().nullable(),
        unit: z.string().nullable(),
        source: z.string().nullable(),
        year: z.number().int().nullable(),
      }),
      sdm: z.object({
        artisans: z.number().int().nullable(),
        description: z.string().nullable(),
        trainingCentres: z.string().nullable(),
      }),
      uniqueness: z.string().nullable(),
      localWisdom: z.string().nullable(),
      figures: z.object({
        sentra: z.number().int(),
        ikm: z.number().int(),
        products: z.number().int(),
        workforceMen: z.number().int(),
        workforceWomen: z.number().int(),
        workforceTotal: z.number().int(),
      }),
      candidates: z
        .array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            workforceTotal: z.number().int(),
            inDecreedSentra: z.boolean(),
            isLead: z.boolean(),
            legalOk: z.boolean(),
          }),
        )
        .nullable(),
    }),
  ),
});

const Thresholds = z.object({
  smallMaxWorkers: z.number().int(),
  smallInvestmentBelow: z.number().int(),
  mediumMaxInvestment: z.number().int(),
  version: z.number().int(),
});

export const registryApi = new ApiRouter()
  // Sentra
  .endpoint(
    {
      method: 'get',
      path: '/sentra',
      tag: 'registry',
      summary: 'IKM centres in the caller’s scope, filtered and searched (keyset pages)',
      permission: 'registry.manage',
      query: SentraFilter,
      response: z
        .object({
          items: z.array(
            SentraOut.pick({
              id: true,
              name: true,
              kabkotaCode: true,
              kecamatanCode: true,
              desa: true,
              commodity: true,
              productFocus: true,
              decreeNumber: true,
              decreeDate: true,
              unitCount: true,
              leadIkmId: true,
            }).extend({ memberCount: z.number().int(), leadName: z.string().nullable() }),
          ),
          similar: z.array(z.object({ id: z.uuid(), name: z.string() })),
        })
        .extend(Cursor.shape),
    },
    async ({ query, actor, c }) => {
      const page = await listSentra(c.var.deps.db, actor!, query);
      return {
        items: page.rows.map(({ sortName: _sort, ...r }) => r),
        similar: page.similar.map((r) => ({ id: r.id, name: r.name })),
        next: page.next,
        prev: page.prev,
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/sentra',
      tag: 'registry',
      summary: 'Record an IKM centre (in the caller’s kab/kota)',
      permission: 'registry.manage',
      body: SentraFields,
      response: SentraOut,
      errors: [422],
    },
    async ({ body, actor, c }) => sentraOut(await createSentra(c.var.deps.db, actor!, env(c), body)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/sentra/:id',
      tag: 'registry',
      summary: 'An IKM centre (404 outside the caller’s scope)',
      permission: 'registry.manage',
      params: Id,
      response: SentraOut,
      errors: [404],
    },
    async ({ params, actor, c }) => sentraOut(await getSentra(c.var.deps.db, actor!, params.id)),
  )
  .endpoint(
    {
      method: 'put',
      path: '/sentra/:id',
      tag: 'registry',
      summary: 'Edit an IKM centre; refused with 409 and the current row if `version` is stale',
      permission: 'registry.manage',
      params: Id,
      body: SentraUpdate,
      response: SentraOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) =>
      sentraOut(await updateSentra(c.var.deps.db, actor!, env(c), params.id, body)),
  )
  .endpoint(
    {
      method: 'put',
      path: '/sentra/:id/decree-scan',
      tag: 'registry',
      summary: 'Upload the scan of a centre’s decree (PDF, JPEG, PNG or WebP by its bytes)',
      permission: 'registry.manage',
      params: Id,
      body: Base64File.extend({ version: z.number().int().min(1) }),
      response: SentraOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db, files } = c.var.deps;
      const s = await getSentra(db, actor!, params.id);
      const input = storedAsInput(SentraUpdate, {
        ...s,
        kecamatanCode: s.kecamatanCode ?? undefined,
        desa: s.desa ?? undefined,
        productFocus: s.productFocus ?? undefined,
        decreeNumber: s.decreeNumber ?? undefined,
        decreeDate: s.decreeDate ?? undefined,
        unitCount: s.unitCount ?? undefined,
        leadIkmId: s.leadIkmId ?? undefined,
        notes: s.notes ?? undefined,
        version: body.version,
      });
      const upload = uploadFromBase64(body, 'contentBase64');
      return sentraOut(
        await updateSentra(db, actor!, env(c), params.id, input, {
          store: files,
          upload,
          maxBytes: maxBytes(c),
        }),
      );
    },
  )
  // IKM
  .endpoint(
    {
      method: 'get',
      path: '/ikm',
      tag: 'registry',
      summary:
        'IKMs in the caller’s scope: search (name, NIB, owner, product), filters, sorting, keyset pages',
      permission: 'registry.read',
      query: IkmFilter,
      response: z
        .object({
          items: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              ownerName: z.string().nullable(),
              nib: z.string().nullable(),
              kabkotaCode: z.string(),
              kecamatanCode: z.string().nullable(),
              sentraId: z.uuid().nullable(),
              sentraName: z.string().nullable(),
              workforceTotal: z.number().int(),
              sizeClass: z.enum(SIZE_CLASSES).nullable(),
              legality: z.enum(LEGALITY_STATES),
            }),
          ),
          similar: z.array(z.object({ id: z.uuid(), name: z.string() })),
        })
        .extend(Cursor.shape),
    },
    async ({ query, actor, c }) => {
      const page = await listIkm(c.var.deps.db, actor!, query);
      return {
        items: page.rows.map((r) => ({
          id: r.id,
          name: r.name,
          ownerName: personalDataVisible(actor!, r) ? r.ownerName : null,
          nib: r.nib,
          kabkotaCode: r.kabkotaCode,
          kecamatanCode: r.kecamatanCode,
          sentraId: r.sentraId,
          sentraName: r.sentraName,
          workforceTotal: r.workforceTotal,
          sizeClass: r.sizeClass,
          legality: legalityOf(r),
        })),
        similar: page.similar.map((r) => ({ id: r.id, name: r.name })),
        next: page.next,
        prev: page.prev,
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/ikm',
      tag: 'registry',
      summary:
        'Record an IKM. A NIB already registered is refused (409, with the existing IKM when in scope); a similar name in the same desa is only a warning',
      permission: 'registry.manage',
      body: IkmFields,
      response: IkmSavedOut,
      errors: [409, 422],
    },
    async ({ body, actor, c }) => savedIkm(c, actor!, () => createIkm(c.var.deps.db, actor!, env(c), body)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/ikm/:id',
      tag: 'registry',
      summary: 'An IKM with its legal documents and products (404 outside the caller’s scope)',
      permission: 'registry.read',
      params: Id,
      response: IkmOut.extend({
        documents: z.array(DocumentOut),
        products: z.array(z.object({ id: z.uuid(), name: z.string(), commodity: CommodityEnum })),
      }),
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const p = await ikmProfile(c.var.deps.db, actor!, params.id);
      return {
        ...ikmOut(actor!, p.ikm),
        documents: p.documents.map((d) => documentOut(d, p.documents)),
        products: p.products.map((x) => ({ id: x.id, name: x.name, commodity: x.commodity })),
      };
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/ikm/:id',
      tag: 'registry',
      summary: 'Edit an IKM; refused with 409 and the current row if `version` is stale',
      permission: 'registry.edit',
      params: Id,
      body: IkmUpdate,
      response: IkmSavedOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) =>
      savedIkm(c, actor!, () => updateIkm(c.var.deps.db, actor!, env(c), params.id, body)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/ikm/:id/documents',
      tag: 'registry',
      summary: 'Add a legal document (number checked for its kind; expiry not before issue)',
      permission: 'registry.edit',
      params: Id,
      body: DocumentFields,
      response: DocumentOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const d = await createDocument(c.var.deps.db, actor!, params.id, body);
      return documentOut(d, [d]);
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/documents/:id',
      tag: 'registry',
      summary: 'Edit a legal document; refused with 409 if `version` is stale',
      permission: 'registry.edit',
      params: Id,
      body: DocumentUpdate,
      response: DocumentOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const d = await updateDocument(c.var.deps.db, actor!, params.id, body);
      return documentOut(d, [d]);
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/documents/:id/scan',
      tag: 'registry',
      summary: 'Upload a legal document’s scan (PDF, JPEG, PNG or WebP by its bytes)',
      permission: 'registry.edit',
      params: Id,
      body: Base64File.extend({ version: z.number().int().min(1) }),
      response: DocumentOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db, files } = c.var.deps;
      const { doc } = await getDocument(db, actor!, params.id);
      const input = storedAsInput(DocumentUpdate, {
        kind: doc.kind,
        number: doc.number,
        issuer: doc.issuer ?? undefined,
        issueDate: doc.issueDate ?? undefined,
        expiryDate: doc.expiryDate ?? undefined,
        notes: doc.notes ?? undefined,
        version: body.version,
      });
      const upload = uploadFromBase64(body, 'contentBase64');
      const d = await updateDocument(db, actor!, params.id, input, {
        store: files,
        upload,
        maxBytes: maxBytes(c),
      });
      return documentOut(d, [d]);
    },
  )
  // Products
  .endpoint(
    {
      method: 'get',
      path: '/products',
      tag: 'registry',
      summary: 'Products in the caller’s scope: search, filters, sorting, keyset pages',
      permission: 'registry.read',
      query: ProductFilter,
      response: z
        .object({
          items: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              commodity: CommodityEnum,
              ikmId: z.uuid(),
              ikmName: z.string(),
              kabkotaCode: z.string(),
              priceMin: z.number().int().nullable(),
              priceMax: z.number().int().nullable(),
              hsCode: z.string().nullable(),
              thumbUrl: z.string().nullable(),
            }),
          ),
          similar: z.array(z.object({ id: z.uuid(), name: z.string() })),
        })
        .extend(Cursor.shape),
    },
    async ({ query, actor, c }) => {
      const page = await listProducts(c.var.deps.db, actor!, query);
      return {
        items: page.rows.map((p) => ({
          id: p.id,
          name: p.name,
          commodity: p.commodity,
          ikmId: p.ikmId,
          ikmName: p.ikmName,
          kabkotaCode: p.kabkotaCode,
          priceMin: p.priceMin,
          priceMax: p.priceMax,
          hsCode: p.hsCode,
          thumbUrl: p.coverPhotoId ? `/registry/photos/${p.coverPhotoId}/thumb` : null,
        })),
        similar: page.similar.map((r) => ({ id: r.id, name: r.name })),
        next: page.next,
        prev: page.prev,
      };
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/products',
      tag: 'registry',
      summary: 'Record a product of an IKM the caller may edit (story sanitised to its few marks)',
      permission: 'registry.edit',
      body: ProductFields,
      response: ProductOut,
      errors: [404, 422],
    },
    async ({ body, actor, c }) => productOut(await createProduct(c.var.deps.db, actor!, body)),
  )
  .endpoint(
    {
      method: 'get',
      path: '/products/:id',
      tag: 'registry',
      summary: 'A product with its photos (404 outside the caller’s scope)',
      permission: 'registry.read',
      params: Id,
      response: ProductOut.extend({ photos: z.array(PhotoOut) }),
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const { db } = c.var.deps;
      const { product } = await getProduct(db, actor!, params.id);
      return { ...productOut(product), photos: (await productPhotoList(db, product.id)).map(photoOut) };
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/products/:id',
      tag: 'registry',
      summary: 'Edit a product; refused with 409 and the current row if `version` is stale',
      permission: 'registry.edit',
      params: Id,
      body: ProductUpdate,
      response: ProductOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) =>
      productOut(await updateProduct(c.var.deps.db, actor!, params.id, body)),
  )
  .endpoint(
    {
      method: 'post',
      path: '/products/:id/photos',
      tag: 'registry',
      summary: 'Add a photo (JPEG, PNG or WebP by its bytes; thumbnails made once, ≤ 30 KB)',
      permission: 'registry.edit',
      params: Id,
      body: Base64File.extend({ caption: z.string().max(200).optional() }),
      response: PhotoOut,
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const { db, files } = c.var.deps;
      const { ikm } = await getProduct(db, actor!, params.id);
      if (!canWriteIkm(actor!, ikm)) throw new NotFoundError('product');
      const upload = uploadFromBase64(body, 'contentBase64');
      const photo = await addProductPhoto(db, actor!, params.id, {
        store: files,
        upload,
        maxBytes: maxBytes(c),
        caption: body.caption,
      });
      return photoOut(photo);
    },
  )
  // Potential profiles and settings
  .endpoint(
    {
      method: 'get',
      path: '/potential/:code',
      tag: 'registry',
      summary:
        'A kab/kota’s regional potential profile with live registry figures; candidates only for readers of its registry',
      permission: 'regions.read',
      params: z.object({ code: z.string().regex(/^\d{2}\.\d{2}$/) }),
      response: ProfileOut,
      errors: [404],
    },
    async ({ params, actor, c }) => {
      const p = await getPotentialProfile(c.var.deps.db, actor, env(c), params.code);
      return {
        kabkotaCode: p.kabkotaCode,
        kabkotaName: p.kabkotaName,
        overview: p.profile?.overview ?? null,
        commodities: p.commodities.map((x) => ({
          id: x.id,
          name: x.name,
          commodity: x.commodity,
          keyword: x.keyword,
          sda: {
            description: x.sdaDescription,
            quantity: x.sdaQuantity === null ? null : Number(x.sdaQuantity),
            unit: x.sdaUnit,
            source: x.sdaSource,
            year: x.sdaYear,
          },
          sdm: { artisans: x.sdmArtisans, description: x.sdmDescription, trainingCentres: x.trainingCentres },
          uniqueness: x.uniqueness,
          localWisdom: x.localWisdom,
          figures: x.figures,
          candidates:
            x.candidates?.map((k) => ({
              id: k.id,
              name: k.name,
              workforceTotal: k.workforceTotal,
              inDecreedSentra: k.inDecreedSentra,
              isLead: k.isLead,
              legalOk: k.legalOk,
            })) ?? null,
        })),
      };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/registry/size-thresholds',
      tag: 'registry',
      summary: 'The size-class thresholds in force (Permenperin 64/2016 by default)',
      permission: 'registry.read',
      response: Thresholds,
    },
    async ({ c }) => getSizeThresholds(c.var.deps.db),
  )
  .endpoint(
    {
      method: 'put',
      path: '/registry/size-thresholds',
      tag: 'registry',
      summary: 'Change the thresholds (province admin); every IKM is reclassified',
      permission: 'registry.settings',
      body: SizeThresholdsForm,
      response: Thresholds.extend({ reclassified: z.number().int() }),
      errors: [409, 422],
    },
    async ({ body, actor, c }) => {
      const { db } = c.var.deps;
      const reclassified = await updateSizeThresholds(db, actor!, body);
      return { ...(await getSizeThresholds(db)), reclassified };
    },
  );
