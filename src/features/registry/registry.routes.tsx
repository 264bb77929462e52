/**
 * The registry's pages: sentra, IKM (with legal documents), products (with photos), the regional
 * potential profiles, exports and the size-class settings. Handlers validate, call a service, and
 * redirect or render; scope is checked by the services (out of scope answers 404).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { DomainError, NotFoundError, ruleFieldErrors, ruleViolation } from '../../platform/errors.ts';
import { csvResponse, xlsxResponse } from '../../platform/export.ts';
import { fileResponse } from '../../platform/files.ts';
import { formatNumber, localDate } from '../../platform/format.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { handleForm } from '../../platform/forms.ts';
import type { RegionPanel } from '../../platform/region-panels.ts';
import { validate, type FieldErrors } from '../../platform/validation.ts';
import {
  archiveDocument,
  createDocument,
  type DocumentRow,
  getDocument,
  updateDocument,
} from './documents.service.ts';
import {
  archiveIkm,
  createIkm,
  DuplicateNibError,
  getIkm,
  type IkmRow,
  type IkmWarning,
  ikmChoices,
  ikmProfile,
  listIkm,
  updateIkm,
} from './ikm.service.ts';
import {
  DocumentFormPage,
  documentFormValues,
  type DuplicateNib,
  IkmFormPage,
  ikmFormValues,
  IkmListPage,
  IkmProfilePage,
} from './ikm.views.tsx';
import {
  archivePotentialCommodity,
  createPotentialCommodity,
  getPotentialCommodity,
  getPotentialProfile,
  type PotentialCommodityRow,
  potentialIndex,
  savePotentialOverview,
  updatePotentialCommodity,
} from './potential.service.ts';
import {
  CommodityFormPage,
  commodityFormValues,
  OverviewFormPage,
  PotentialIndexPage,
  PotentialPage,
  PotentialPanel,
  SettingsPage,
} from './potential.views.tsx';
import {
  addProductPhoto,
  archiveProduct,
  createProduct,
  getPhoto,
  getProduct,
  listProducts,
  productPhotoList,
  type ProductRow,
  removeProductPhoto,
  setCoverPhoto,
  updateProduct,
} from './products.service.ts';
import { ProductFormPage, productFormValues, ProductListPage, ProductPage } from './products.views.tsx';
import { ikmSheet, productSheet, sentraSheet } from './registry.export.ts';
import {
  DocumentFields,
  DocumentUpdate,
  IkmFields,
  IkmFilter,
  IkmUpdate,
  PhotoCaption,
  PotentialCommodityFields,
  PotentialCommodityUpdate,
  PotentialOverview,
  ProductFields,
  ProductFilter,
  ProductUpdate,
  SentraFields,
  SentraFilter,
  SentraUpdate,
  SizeThresholdsForm,
} from './registry.forms.ts';
import { registryRules, registryText } from './registry.messages.ts';
import { ikmProfilePanels } from './registry.panels.ts';
import {
  canManage,
  canWriteIkm,
  canWriteKabkota,
  getSizeThresholds,
  personalDataVisible,
  type RegistryEnv,
  regionChoices,
  regionIndex,
  scopeOf,
  type StoredThresholds,
  updateSizeThresholds,
} from './registry.service.ts';
import {
  archiveSentra,
  createSentra,
  getSentra,
  listSentra,
  type SentraRow,
  sentraChoices,
  sentraMembers,
  updateSentra,
} from './sentra.service.ts';
import {
  type RegionChoices,
  SentraFormPage,
  sentraFormValues,
  SentraListPage,
  SentraPage,
} from './sentra.views.tsx';
import { uploadOf } from './uploads.ts';

export const registryRoutes = new Hono<AppEnv>();

const read = requirePermission('registry.read');
const edit = requirePermission('registry.edit');
const manage = requirePermission('registry.manage');

const text = (c: Ctx) => translator(registryText, c.get('lang'));
const env = (c: Ctx): RegistryEnv => ({ provinceCode: c.var.deps.config.PROVINCE_CODE });
const maxMb = (c: Ctx) => c.var.deps.config.UPLOAD_MAX_MB;
const maxBytes = (c: Ctx) => maxMb(c) * 1024 * 1024;

/** A UUID route parameter, or 404. */
function idParam(c: Ctx, name = 'id'): string {
  const parsed = z.uuid().safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError('object');
  return parsed.data;
}

const KABKOTA_RE = /^\d{2}\.\d{2}$/;

/** The kab/kota and kecamatan an actor may choose: the province, or their own kab/kota. */
async function choices(c: Ctx): Promise<RegionChoices> {
  const actor = actorOf(c);
  const { db } = c.var.deps;
  const [all, names] = await Promise.all([regionChoices(db, env(c).provinceCode), regionIndex(db)]);
  const scope = scopeOf(actor);
  if (scope.kind === 'kabkota') {
    return {
      kabkota: all.kabkota.filter((k) => k.code === scope.code),
      kecamatan: all.kecamatan.filter((k) => k.parentCode === scope.code),
      names,
    };
  }
  return { ...all, names };
}

/** Re-renders a page response with another status (a refused save). */
async function withStatus(res: Response | Promise<Response>, status: number): Promise<Response> {
  const r = await res;
  return new Response(r.body, { status, headers: r.headers });
}

async function filterOf<S extends z.ZodType>(c: Ctx, schema: S): Promise<z.output<S>> {
  const parsed = await validate(schema, c.req.query(), c.get('lang'));
  return parsed.ok ? parsed.data : schema.parse({});
}

const stamp = () => localDate();

registryRoutes.get('/registry', read, (c) => c.redirect('/registry/ikm', 302));

// Sentra -----------------------------------------------------------------------------------------

registryRoutes.get('/registry/sentra', manage, async (c) => {
  const filter = await filterOf(c, SentraFilter);
  const actor = actorOf(c);
  const page = await listSentra(c.var.deps.db, actor, filter);
  return c.render(
    <SentraListPage
      page={page}
      filter={filter}
      choices={await choices(c)}
      provinceWide={scopeOf(actor).kind === 'all'}
    />,
    { title: text(c)('sentraList'), wide: true },
  );
});

registryRoutes.get('/registry/sentra/export.xlsx', manage, async (c) => {
  const sheet = await sentraSheet(c.var.deps.db, actorOf(c), await filterOf(c, SentraFilter), c.get('lang'));
  return xlsxResponse(`sentra-${stamp()}.xlsx`, [sheet]);
});

registryRoutes.get('/registry/sentra/export.csv', manage, async (c) => {
  const sheet = await sentraSheet(c.var.deps.db, actorOf(c), await filterOf(c, SentraFilter), c.get('lang'));
  return csvResponse(`sentra-${stamp()}.csv`, sheet);
});

registryRoutes.get('/registry/sentra/new', manage, async (c) => {
  const ch = await choices(c);
  const values = ch.kabkota.length === 1 ? { kabkotaCode: ch.kabkota[0]!.code } : {};
  return c.render(<SentraFormPage values={values} choices={ch} members={[]} maxMb={maxMb(c)} />, {
    title: text(c)('sentraNew'),
  });
});

registryRoutes.post('/registry/sentra', manage, async (c) =>
  handleForm(c, SentraFields, {
    valid: async (data, values) => {
      const upload = await uploadOf(values.decreeFile);
      const { deps } = c.var;
      const saved = await createSentra(
        deps.db,
        actorOf(c),
        env(c),
        data,
        upload ? { store: deps.files, upload, maxBytes: maxBytes(c) } : undefined,
      );
      return redirectWithFlash(
        c,
        `/registry/sentra/${saved.id}`,
        text(c)('createdFlash', { name: saved.name }),
      );
    },
    invalid: async ({ values, errors }) =>
      c.render(
        <SentraFormPage
          values={values}
          errors={errors}
          choices={await choices(c)}
          members={[]}
          maxMb={maxMb(c)}
        />,
        { title: text(c)('sentraNew') },
      ),
  }),
);

registryRoutes.get('/registry/sentra/:id', manage, async (c) => {
  const { db } = c.var.deps;
  const s = await getSentra(db, actorOf(c), idParam(c));
  const members = await sentraMembers(db, s.id);
  const leadName = members.find((m) => m.id === s.leadIkmId)?.name ?? null;
  return c.render(
    <SentraPage sentra={s} members={members} choices={await choices(c)} leadName={leadName} />,
    {
      title: s.name,
    },
  );
});

async function sentraForm(
  c: Ctx,
  s: SentraRow,
  values: Record<string, unknown>,
  errors?: FieldErrors,
  current?: SentraRow,
) {
  const members = await sentraMembers(c.var.deps.db, s.id);
  return c.render(
    <SentraFormPage
      sentra={s}
      values={values}
      errors={errors}
      current={current}
      choices={await choices(c)}
      members={members}
      maxMb={maxMb(c)}
    />,
    { title: s.name },
  );
}

registryRoutes.get('/registry/sentra/:id/edit', manage, async (c) => {
  const s = await getSentra(c.var.deps.db, actorOf(c), idParam(c));
  return sentraForm(c, s, sentraFormValues(s));
});

registryRoutes.post('/registry/sentra/:id', manage, async (c) => {
  const id = idParam(c);
  const s = await getSentra(c.var.deps.db, actorOf(c), id);
  return handleForm<typeof SentraUpdate, SentraRow>(c, SentraUpdate, {
    valid: async (data, values) => {
      const upload = await uploadOf(values.decreeFile);
      const { deps } = c.var;
      const saved = await updateSentra(
        deps.db,
        actorOf(c),
        env(c),
        id,
        data,
        upload ? { store: deps.files, upload, maxBytes: maxBytes(c) } : undefined,
      );
      return redirectWithFlash(c, `/registry/sentra/${id}`, text(c)('updatedFlash', { name: saved.name }));
    },
    invalid: ({ values, errors, current }) => sentraForm(c, current ?? s, values, errors, current),
  });
});

registryRoutes.post('/registry/sentra/:id/archive', manage, async (c) => {
  const s = await archiveSentra(c.var.deps.db, actorOf(c), idParam(c));
  return redirectWithFlash(c, '/registry/sentra', text(c)('archivedFlash', { name: s.name }));
});

registryRoutes.get('/registry/sentra/:id/decree', manage, async (c) => {
  const s = await getSentra(c.var.deps.db, actorOf(c), idParam(c));
  if (!s.decreeFileSha256 || !s.decreeFileMime) throw new NotFoundError('file');
  return fileResponse(c.var.deps.files, {
    sha256: s.decreeFileSha256,
    mime: s.decreeFileMime,
    filename: s.decreeFileName ?? 'sk',
  });
});

// IKM --------------------------------------------------------------------------------------------

registryRoutes.get('/registry/ikm', read, async (c) => {
  const filter = await filterOf(c, IkmFilter);
  const actor = actorOf(c);
  const { db } = c.var.deps;
  const [page, ch, sentra] = await Promise.all([
    listIkm(db, actor, filter),
    choices(c),
    // The sentra filter offers the centres of one kab/kota (chosen, or the officer's own), not the whole country's.
    canManage(actor) && (filter.kabkota || scopeOf(actor).kind === 'kabkota')
      ? sentraChoices(db, actor, filter.kabkota)
      : Promise.resolve([]),
  ]);
  return c.render(
    <IkmListPage
      page={page}
      filter={filter}
      choices={ch}
      sentra={sentra}
      provinceWide={scopeOf(actor).kind === 'all'}
      canCreate={canManage(actor)}
    />,
    { title: text(c)('ikmList'), wide: true },
  );
});

registryRoutes.get('/registry/ikm/export.xlsx', read, async (c) => {
  const sheet = await ikmSheet(c.var.deps.db, actorOf(c), await filterOf(c, IkmFilter), c.get('lang'));
  return xlsxResponse(`ikm-${stamp()}.xlsx`, [sheet]);
});

registryRoutes.get('/registry/ikm/export.csv', read, async (c) => {
  const sheet = await ikmSheet(c.var.deps.db, actorOf(c), await filterOf(c, IkmFilter), c.get('lang'));
  return csvResponse(`ikm-${stamp()}.csv`, sheet);
});

async function ikmForm(
  c: Ctx,
  opts: {
    ikm?: IkmRow;
    values: Record<string, unknown>;
    errors?: FieldErrors;
    current?: IkmRow;
    duplicate?: DuplicateNib;
  },
) {
  const actor = actorOf(c);
  const ownerEditing = scopeOf(actor).kind === 'owner';
  const sentra = ownerEditing ? [] : await sentraChoices(c.var.deps.db, actor);
  return c.render(
    <IkmFormPage
      ikm={opts.ikm}
      values={opts.values}
      errors={opts.errors}
      current={opts.current}
      duplicate={opts.duplicate}
      choices={await choices(c)}
      sentra={sentra}
      ownerEditing={ownerEditing}
    />,
    { title: opts.ikm?.name ?? text(c)('ikmNew') },
  );
}

/** The flash after a save: a plain confirmation, or the look-alike warning. */
function savedFlash(c: Ctx, name: string, warnings: IkmWarning[], created: boolean) {
  const similar = warnings.find((w) => w.kind === 'similar_name');
  if (similar)
    return {
      text: text(c)('similarFlash', { name, others: similar.matches.map((m) => m.name).join(', ') }),
      kind: 'warning' as const,
    };
  return { text: text(c)(created ? 'createdFlash' : 'updatedFlash', { name }), kind: 'success' as const };
}

/** A refused duplicate NIB: the form again, with the message and (within scope) a link. */
function duplicateNib(c: Ctx, err: DuplicateNibError, values: Record<string, unknown>, ikm?: IkmRow) {
  return withStatus(
    ikmForm(c, {
      ...(ikm ? { ikm } : {}),
      values,
      errors: ruleFieldErrors(err, c.get('lang')),
      duplicate: { id: err.existing.id, name: err.existing.name, inScope: err.existing.inScope },
    }),
    409,
  );
}

registryRoutes.get('/registry/ikm/new', manage, async (c) => {
  const ch = await choices(c);
  const values: Record<string, unknown> = {};
  if (ch.kabkota.length === 1) values.kabkotaCode = ch.kabkota[0]!.code;
  const sentraId = c.req.query('sentra');
  if (sentraId && z.uuid().safeParse(sentraId).success) values.sentraId = sentraId;
  return ikmForm(c, { values });
});

registryRoutes.post('/registry/ikm', manage, (c) =>
  handleForm(c, IkmFields, {
    valid: async (data, values) => {
      try {
        const { ikm, warnings } = await createIkm(c.var.deps.db, actorOf(c), env(c), data);
        const flash = savedFlash(c, ikm.name, warnings, true);
        return redirectWithFlash(c, `/registry/ikm/${ikm.id}`, flash.text, flash.kind);
      } catch (err) {
        if (err instanceof DuplicateNibError) return duplicateNib(c, err, values);
        throw err;
      }
    },
    invalid: ({ values, errors }) => ikmForm(c, { values, errors }),
  }),
);

registryRoutes.get('/registry/ikm/:id', read, async (c) => {
  const actor = actorOf(c);
  const profile = await ikmProfile(c.var.deps.db, actor, idParam(c));
  const panels = await ikmProfilePanels.render(c, profile.ikm);
  return c.render(
    <IkmProfilePage
      profile={profile}
      panels={panels}
      choices={await choices(c)}
      canEdit={can(actor, 'registry.edit') && canWriteIkm(actor, profile.ikm)}
      canManage={canManage(actor)}
      personal={personalDataVisible(actor, profile.ikm)}
    />,
    { title: profile.ikm.name },
  );
});

async function editableIkm(c: Ctx, id: string): Promise<{ row: IkmRow; ownerEmail: string | null }> {
  const actor = actorOf(c);
  const profile = await ikmProfile(c.var.deps.db, actor, id);
  if (!canWriteIkm(actor, profile.ikm)) throw new NotFoundError('ikm');
  return { row: profile.ikm, ownerEmail: profile.ownerEmail };
}

registryRoutes.get('/registry/ikm/:id/edit', edit, async (c) => {
  const { row, ownerEmail } = await editableIkm(c, idParam(c));
  return ikmForm(c, { ikm: row, values: ikmFormValues(row, ownerEmail) });
});

registryRoutes.post('/registry/ikm/:id', edit, async (c) => {
  const id = idParam(c);
  const { row } = await editableIkm(c, id);
  return handleForm<typeof IkmUpdate, IkmRow>(c, IkmUpdate, {
    valid: async (data, values) => {
      try {
        const { ikm, warnings } = await updateIkm(c.var.deps.db, actorOf(c), env(c), id, data);
        const flash = savedFlash(c, ikm.name, warnings, false);
        return redirectWithFlash(c, `/registry/ikm/${id}`, flash.text, flash.kind);
      } catch (err) {
        if (err instanceof DuplicateNibError) return duplicateNib(c, err, values, row);
        throw err;
      }
    },
    invalid: ({ values, errors, current }) =>
      ikmForm(c, { ikm: current ?? row, values, errors, ...(current ? { current } : {}) }),
  });
});

registryRoutes.post('/registry/ikm/:id/archive', manage, async (c) => {
  const row = await archiveIkm(c.var.deps.db, actorOf(c), idParam(c));
  return redirectWithFlash(c, '/registry/ikm', text(c)('archivedFlash', { name: row.name }));
});

// Legal documents --------------------------------------------------------------------------------

async function documentForm(
  c: Ctx,
  ikm: IkmRow,
  opts: { doc?: DocumentRow; values: Record<string, unknown>; errors?: FieldErrors; current?: DocumentRow },
) {
  return c.render(
    <DocumentFormPage
      ikm={ikm}
      doc={opts.doc}
      values={opts.values}
      errors={opts.errors}
      current={opts.current}
      maxMb={maxMb(c)}
    />,
    { title: ikm.name },
  );
}

registryRoutes.get('/registry/ikm/:id/documents/new', edit, async (c) => {
  const { row } = await editableIkm(c, idParam(c));
  return documentForm(c, row, { values: {} });
});

registryRoutes.post('/registry/ikm/:id/documents', edit, async (c) => {
  const { row } = await editableIkm(c, idParam(c));
  return handleForm(c, DocumentFields, {
    valid: async (data, values) => {
      const upload = await uploadOf(values.scan);
      const { deps } = c.var;
      await createDocument(
        deps.db,
        actorOf(c),
        row.id,
        data,
        upload ? { store: deps.files, upload, maxBytes: maxBytes(c) } : undefined,
      );
      return redirectWithFlash(
        c,
        `/registry/ikm/${row.id}#documents`,
        text(c)('createdFlash', { name: data.number }),
      );
    },
    invalid: ({ values, errors }) => documentForm(c, row, { values, errors }),
  });
});

async function editableDocument(c: Ctx, id: string) {
  const actor = actorOf(c);
  const found = await getDocument(c.var.deps.db, actor, id);
  if (!canWriteIkm(actor, found.ikm)) throw new NotFoundError('document');
  return found;
}

registryRoutes.get('/registry/documents/:id/edit', edit, async (c) => {
  const { doc, ikm } = await editableDocument(c, idParam(c));
  return documentForm(c, ikm, { doc, values: documentFormValues(doc) });
});

registryRoutes.post('/registry/documents/:id', edit, async (c) => {
  const id = idParam(c);
  const { doc, ikm } = await editableDocument(c, id);
  return handleForm<typeof DocumentUpdate, DocumentRow>(c, DocumentUpdate, {
    valid: async (data, values) => {
      const upload = await uploadOf(values.scan);
      const { deps } = c.var;
      await updateDocument(
        deps.db,
        actorOf(c),
        id,
        data,
        upload ? { store: deps.files, upload, maxBytes: maxBytes(c) } : undefined,
      );
      return redirectWithFlash(
        c,
        `/registry/ikm/${ikm.id}#documents`,
        text(c)('updatedFlash', { name: data.number }),
      );
    },
    invalid: ({ values, errors, current }) =>
      documentForm(c, ikm, { doc: current ?? doc, values, errors, ...(current ? { current } : {}) }),
  });
});

registryRoutes.post('/registry/documents/:id/archive', edit, async (c) => {
  const id = idParam(c);
  const { ikm } = await editableDocument(c, id);
  const doc = await archiveDocument(c.var.deps.db, actorOf(c), id);
  return redirectWithFlash(
    c,
    `/registry/ikm/${ikm.id}#documents`,
    text(c)('archivedFlash', { name: doc.number }),
  );
});

registryRoutes.get('/registry/documents/:id/file', read, async (c) => {
  const { doc } = await getDocument(c.var.deps.db, actorOf(c), idParam(c));
  if (!doc.fileSha256 || !doc.fileMime) throw new NotFoundError('file');
  return fileResponse(c.var.deps.files, {
    sha256: doc.fileSha256,
    mime: doc.fileMime,
    filename: doc.fileName ?? 'scan',
  });
});

// Products ---------------------------------------------------------------------------------------

registryRoutes.get('/registry/products', read, async (c) => {
  const filter = await filterOf(c, ProductFilter);
  const actor = actorOf(c);
  const page = await listProducts(c.var.deps.db, actor, filter);
  return c.render(
    <ProductListPage
      page={page}
      filter={filter}
      choices={await choices(c)}
      provinceWide={scopeOf(actor).kind === 'all'}
    />,
    { title: text(c)('productList'), wide: true },
  );
});

registryRoutes.get('/registry/products/export.xlsx', read, async (c) => {
  const sheet = await productSheet(
    c.var.deps.db,
    actorOf(c),
    await filterOf(c, ProductFilter),
    c.get('lang'),
  );
  return xlsxResponse(`produk-${stamp()}.xlsx`, [sheet]);
});

registryRoutes.get('/registry/products/export.csv', read, async (c) => {
  const sheet = await productSheet(
    c.var.deps.db,
    actorOf(c),
    await filterOf(c, ProductFilter),
    c.get('lang'),
  );
  return csvResponse(`produk-${stamp()}.csv`, sheet);
});

async function writableIkmChoices(c: Ctx) {
  const actor = actorOf(c);
  return ikmChoices(c.var.deps.db, actor);
}

async function productForm(
  c: Ctx,
  opts: { product?: ProductRow; values: Record<string, unknown>; errors?: FieldErrors; current?: ProductRow },
) {
  return c.render(
    <ProductFormPage
      product={opts.product}
      values={opts.values}
      errors={opts.errors}
      current={opts.current}
      ikmChoices={await writableIkmChoices(c)}
    />,
    { title: opts.product?.name ?? text(c)('productNew') },
  );
}

registryRoutes.get('/registry/products/new', edit, async (c) => {
  const ikmId = c.req.query('ikm');
  const values: Record<string, unknown> = {};
  if (ikmId && z.uuid().safeParse(ikmId).success) {
    const owner = await getIkm(c.var.deps.db, actorOf(c), ikmId);
    values.ikmId = owner.id;
  }
  return productForm(c, { values });
});

registryRoutes.post('/registry/products', edit, (c) =>
  handleForm(c, ProductFields, {
    valid: async (data) => {
      const saved = await createProduct(c.var.deps.db, actorOf(c), data);
      return redirectWithFlash(
        c,
        `/registry/products/${saved.id}`,
        text(c)('createdFlash', { name: saved.name }),
      );
    },
    invalid: ({ values, errors }) => productForm(c, { values, errors }),
  }),
);

async function productPage(
  c: Ctx,
  id: string,
  form?: { values: Record<string, unknown>; errors: FieldErrors },
) {
  const actor = actorOf(c);
  const { db } = c.var.deps;
  const { product, ikm } = await getProduct(db, actor, id);
  const [photos, index] = await Promise.all([productPhotoList(db, id), regionIndex(db)]);
  return c.render(
    <ProductPage
      product={product}
      ikm={ikm}
      photos={photos}
      canEdit={can(actor, 'registry.edit') && canWriteIkm(actor, ikm)}
      kabkotaName={index.get(product.kabkotaCode)?.name ?? product.kabkotaCode}
      maxMb={maxMb(c)}
      values={form?.values}
      errors={form?.errors}
    />,
    { title: product.name },
  );
}

registryRoutes.get('/registry/products/:id', read, (c) => productPage(c, idParam(c)));

async function editableProduct(c: Ctx, id: string) {
  const actor = actorOf(c);
  const found = await getProduct(c.var.deps.db, actor, id);
  if (!canWriteIkm(actor, found.ikm)) throw new NotFoundError('product');
  return found;
}

registryRoutes.get('/registry/products/:id/edit', edit, async (c) => {
  const { product } = await editableProduct(c, idParam(c));
  return productForm(c, { product, values: productFormValues(product) });
});

registryRoutes.post('/registry/products/:id', edit, async (c) => {
  const id = idParam(c);
  const { product } = await editableProduct(c, id);
  return handleForm<typeof ProductUpdate, ProductRow>(c, ProductUpdate, {
    valid: async (data) => {
      const saved = await updateProduct(c.var.deps.db, actorOf(c), id, data);
      return redirectWithFlash(c, `/registry/products/${id}`, text(c)('updatedFlash', { name: saved.name }));
    },
    invalid: ({ values, errors, current }) =>
      productForm(c, { product: current ?? product, values, errors, ...(current ? { current } : {}) }),
  });
});

registryRoutes.post('/registry/products/:id/archive', edit, async (c) => {
  const id = idParam(c);
  const { ikm } = await editableProduct(c, id);
  const p = await archiveProduct(c.var.deps.db, actorOf(c), id);
  return redirectWithFlash(c, `/registry/ikm/${ikm.id}#products`, text(c)('archivedFlash', { name: p.name }));
});

registryRoutes.post('/registry/products/:id/photos', edit, async (c) => {
  const id = idParam(c);
  await editableProduct(c, id);
  const lang = c.get('lang');
  const values = await formBody(c);
  const parsed = await validate(PhotoCaption, values, lang);
  if (!parsed.ok) return withStatus(productPage(c, id, { values, errors: parsed.errors }), 422);
  try {
    const upload = await uploadOf(values.photo);
    if (!upload) throw ruleViolation('photo', registryRules.fileEmpty);
    await addProductPhoto(c.var.deps.db, actorOf(c), id, {
      store: c.var.deps.files,
      upload,
      maxBytes: maxBytes(c),
      caption: parsed.data.caption,
    });
  } catch (err) {
    if (err instanceof DomainError)
      return withStatus(productPage(c, id, { values, errors: ruleFieldErrors(err, lang) }), err.status);
    throw err;
  }
  return redirectWithFlash(c, `/registry/products/${id}#photos`, text(c)('photoAdded'));
});

const PHOTO_SIZES = ['thumb', 'display', 'original'] as const;

registryRoutes.get('/registry/photos/:id/:size', read, async (c) => {
  const size = c.req.param('size') as (typeof PHOTO_SIZES)[number];
  if (!PHOTO_SIZES.includes(size)) throw new NotFoundError('photo');
  const photo = await getPhoto(c.var.deps.db, actorOf(c), idParam(c));
  const file =
    size === 'thumb'
      ? { sha256: photo.thumbSha256, mime: 'image/webp' }
      : size === 'display'
        ? { sha256: photo.displaySha256, mime: 'image/webp' }
        : { sha256: photo.fileSha256, mime: photo.fileMime, filename: photo.fileName ?? 'foto' };
  return fileResponse(c.var.deps.files, file);
});

registryRoutes.post('/registry/photos/:id/cover', edit, async (c) => {
  const id = idParam(c);
  const { db } = c.var.deps;
  const photo = await getPhoto(db, actorOf(c), id);
  await setCoverPhoto(db, actorOf(c), id);
  return redirectWithFlash(c, `/registry/products/${photo.productId}#photos`, text(c)('coverSet'));
});

registryRoutes.post('/registry/photos/:id/remove', edit, async (c) => {
  const id = idParam(c);
  const { db } = c.var.deps;
  const photo = await getPhoto(db, actorOf(c), id);
  await removeProductPhoto(db, actorOf(c), id);
  return redirectWithFlash(c, `/registry/products/${photo.productId}#photos`, text(c)('photoRemoved'));
});

// Settings ---------------------------------------------------------------------------------------

function thresholdValues(t: StoredThresholds): Record<string, unknown> {
  return {
    smallMaxWorkers: String(t.smallMaxWorkers),
    smallInvestmentBelow: formatNumber(t.smallInvestmentBelow, 'id'),
    mediumMaxInvestment: formatNumber(t.mediumMaxInvestment, 'id'),
    version: String(t.version),
  };
}

registryRoutes.get('/registry/settings', requirePermission('registry.settings'), async (c) => {
  const current = await getSizeThresholds(c.var.deps.db);
  return c.render(<SettingsPage values={thresholdValues(current)} />, { title: text(c)('settingsTitle') });
});

registryRoutes.post('/registry/settings', requirePermission('registry.settings'), (c) =>
  handleForm<typeof SizeThresholdsForm, StoredThresholds>(c, SizeThresholdsForm, {
    valid: async (data) => {
      const n = await updateSizeThresholds(c.var.deps.db, actorOf(c), data);
      return redirectWithFlash(c, '/registry/settings', text(c)('thresholdsSaved', { n }));
    },
    invalid: ({ values, errors, current }) =>
      c.render(
        <SettingsPage
          values={current ? { ...values, version: String(current.version) } : values}
          errors={errors}
          {...(current ? { current } : {})}
        />,
        { title: text(c)('settingsTitle') },
      ),
  }),
);

// Regional potential profiles --------------------------------------------------------------------

const regionsRead = requirePermission('regions.read');

function kabkotaParam(c: Ctx): string {
  const code = c.req.param('code') ?? '';
  if (!KABKOTA_RE.test(code)) throw new NotFoundError('region');
  return code;
}

const canEditProfile = (actor: Actor, code: string) =>
  can(actor, 'registry.manage') && canWriteKabkota(actor, code);

registryRoutes.get('/registry/potential', regionsRead, async (c) => {
  const rows = await potentialIndex(c.var.deps.db, env(c));
  return c.render(<PotentialIndexPage rows={rows} />, { title: text(c)('potentialTitle') });
});

registryRoutes.get('/registry/potential/:code', regionsRead, async (c) => {
  const code = kabkotaParam(c);
  const actor = actorOf(c);
  const profile = await getPotentialProfile(c.var.deps.db, actor, env(c), code);
  return c.render(<PotentialPage profile={profile} canEdit={canEditProfile(actor, code)} />, {
    title: `${text(c)('potentialTitle')} · ${profile.kabkotaName}`,
  });
});

async function editableProfile(c: Ctx) {
  const code = kabkotaParam(c);
  const actor = actorOf(c);
  if (!canWriteKabkota(actor, code)) throw new NotFoundError('potential_profile');
  return getPotentialProfile(c.var.deps.db, actor, env(c), code);
}

registryRoutes.get('/registry/potential/:code/edit', manage, async (c) => {
  const profile = await editableProfile(c);
  return c.render(
    <OverviewFormPage profile={profile} values={{ overview: profile.profile?.overview ?? '' }} />,
    { title: profile.kabkotaName },
  );
});

registryRoutes.post('/registry/potential/:code', manage, async (c) => {
  const profile = await editableProfile(c);
  return handleForm<typeof PotentialOverview, { overview: string | null; version: number } | null>(
    c,
    PotentialOverview,
    {
      valid: async (data) => {
        await savePotentialOverview(c.var.deps.db, actorOf(c), env(c), profile.kabkotaCode, data);
        return redirectWithFlash(
          c,
          `/registry/potential/${profile.kabkotaCode}`,
          text(c)('updatedFlash', { name: profile.kabkotaName }),
        );
      },
      invalid: ({ values, errors, current }) =>
        c.render(
          <OverviewFormPage
            profile={profile}
            values={values}
            errors={errors}
            {...(current !== undefined ? { current } : {})}
          />,
          { title: profile.kabkotaName },
        ),
    },
  );
});

registryRoutes.get('/registry/potential/:code/commodities/new', manage, async (c) => {
  const profile = await editableProfile(c);
  return c.render(
    <CommodityFormPage
      kabkotaCode={profile.kabkotaCode}
      kabkotaName={profile.kabkotaName}
      values={{ position: String(profile.commodities.length + 1) }}
    />,
    { title: profile.kabkotaName },
  );
});

registryRoutes.post('/registry/potential/:code/commodities', manage, async (c) => {
  const profile = await editableProfile(c);
  return handleForm(c, PotentialCommodityFields, {
    valid: async (data) => {
      const row = await createPotentialCommodity(
        c.var.deps.db,
        actorOf(c),
        env(c),
        profile.kabkotaCode,
        data,
      );
      return redirectWithFlash(
        c,
        `/registry/potential/${profile.kabkotaCode}`,
        text(c)('createdFlash', { name: row.name }),
      );
    },
    invalid: ({ values, errors }) =>
      c.render(
        <CommodityFormPage
          kabkotaCode={profile.kabkotaCode}
          kabkotaName={profile.kabkotaName}
          values={values}
          errors={errors}
        />,
        { title: profile.kabkotaName },
      ),
  });
});

async function editableCommodity(c: Ctx): Promise<{ row: PotentialCommodityRow; kabkotaName: string }> {
  const row = await getPotentialCommodity(c.var.deps.db, idParam(c));
  if (!canWriteKabkota(actorOf(c), row.kabkotaCode)) throw new NotFoundError('potential_commodity');
  const index = await regionIndex(c.var.deps.db);
  return { row, kabkotaName: index.get(row.kabkotaCode)?.name ?? row.kabkotaCode };
}

registryRoutes.get('/registry/potential/commodities/:id/edit', manage, async (c) => {
  const { row, kabkotaName } = await editableCommodity(c);
  return c.render(
    <CommodityFormPage
      kabkotaCode={row.kabkotaCode}
      kabkotaName={kabkotaName}
      commodity={row}
      values={commodityFormValues(row)}
    />,
    { title: row.name },
  );
});

registryRoutes.post('/registry/potential/commodities/:id', manage, async (c) => {
  const { row, kabkotaName } = await editableCommodity(c);
  return handleForm<typeof PotentialCommodityUpdate, PotentialCommodityRow>(c, PotentialCommodityUpdate, {
    valid: async (data) => {
      const saved = await updatePotentialCommodity(c.var.deps.db, actorOf(c), row.id, data);
      return redirectWithFlash(
        c,
        `/registry/potential/${row.kabkotaCode}`,
        text(c)('updatedFlash', { name: saved.name }),
      );
    },
    invalid: ({ values, errors, current }) =>
      c.render(
        <CommodityFormPage
          kabkotaCode={row.kabkotaCode}
          kabkotaName={kabkotaName}
          commodity={current ?? row}
          values={values}
          errors={errors}
          current={current}
        />,
        { title: row.name },
      ),
  });
});

registryRoutes.post('/registry/potential/commodities/:id/archive', manage, async (c) => {
  const { row } = await editableCommodity(c);
  await archivePotentialCommodity(c.var.deps.db, actorOf(c), row.id);
  return redirectWithFlash(
    c,
    `/registry/potential/${row.kabkotaCode}`,
    text(c)('archivedFlash', { name: row.name }),
  );
});

/** The potential profile as a section of a kab/kota's region page. */
export const potentialRegionPanel: RegionPanel = async (c, region) => {
  if (region.level !== 'kabupaten_kota') return null;
  const profile = await getPotentialProfile(c.var.deps.db, c.get('actor'), env(c), region.code).catch(
    (err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    },
  );
  return profile ? <PotentialPanel profile={profile} /> : null;
};
