/**
 * Sentra and product rows: sheets of dozens to a few thousand rows, written through the registry's
 * own services one row at a time (each a savepoint inside the batch's transaction), so every rule,
 * audit row and derived value is exactly the form's. A sentra is found again by its name in its
 * kab/kota, a product by its name under its IKM: a re-import updates them.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import { ikm } from '../../../db/schema/registry.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../../platform/errors.ts';
import type { ImportKind, ImportMode } from '../../../platform/registry-import-domain.ts';
import { parseNib } from '../identifiers.ts';
import { createProduct, findProductByName, updateProduct } from '../products.service.ts';
import type { ProductInput, SentraInput } from '../registry.forms.ts';
import { canWriteIkm, regionName } from '../registry.service.ts';
import { createSentra, findSentraByName, updateSentra } from '../sentra.service.ts';
import { cellText } from './import.cells.ts';
import {
  type BatchContext,
  type BatchResult,
  checkRegions,
  csvParam,
  type KindHandler,
  keepsStored,
  markDuplicate,
} from './import.context.ts';
import { importRules } from './import.messages.ts';
import { norm } from './import.resolve.ts';
import { addProblem, columnOfField, type Draft, writable } from './import.rows.ts';

type IkmRow = typeof ikm.$inferSelect;

/** A broken rule the service found while writing: the row is not saved, and says why. */
function refusal(kind: ImportKind, draft: Draft, err: unknown): void {
  if (err instanceof DomainError && Object.keys(err.fields).length) {
    for (const [field, key] of Object.entries(err.fields))
      addProblem(kind, draft, columnOfField(kind, field), key, err.params, { rowStops: true });
    return;
  }
  if (err instanceof DomainError || err instanceof NotFoundError || err instanceof StaleVersionError) {
    addProblem(
      kind,
      draft,
      null,
      importRules.notSaved,
      { detail: err.message.slice(0, 120) },
      { rowStops: true },
    );
    return;
  }
  throw err;
}

/** Live IKMs by NIB, whatever the scope (the caller decides what the actor may touch). */
async function ikmsByNib(db: Db, nibs: string[]): Promise<Map<string, IkmRow>> {
  if (!nibs.length) return new Map();
  const rows = await db
    .select()
    .from(ikm)
    .where(sql`${ikm.archivedAt} is null and ${ikm.nib} = any(string_to_array(${csvParam(nibs)}, ','))`);
  return new Map(rows.map((r) => [r.nib!, r]));
}

// Sentra -----------------------------------------------------------------------------------------

interface SentraTarget {
  existingId?: string;
  existing?: Awaited<ReturnType<typeof findSentraByName>>;
  leadIkmId?: string;
}

async function checkSentraBatch(
  ctx: BatchContext,
  db: Db,
  drafts: Draft[],
): Promise<Map<Draft, SentraTarget>> {
  const live = () => drafts.filter((d) => d.data);
  for (const d of live()) {
    const data = d.data as unknown as SentraInput;
    markDuplicate(ctx, d, `${data.kabkotaCode}|${norm(data.name)}`, { column: 'name', what: data.name });
  }
  checkRegions(ctx, drafts);
  const targets = new Map<Draft, SentraTarget>();
  for (const d of live()) {
    const data = d.data as unknown as SentraInput;
    const existing = await findSentraByName(db, data.kabkotaCode, data.name);
    targets.set(d, existing ? { existing } : {});
  }
  // The lead business by NIB: a recorded member IKM of this sentra, in the actor's region.
  const withLead = live().filter((d) => !keepsStored(ctx, d, 'leadNib'));
  const parsed = new Map<Draft, string>();
  for (const d of withLead) {
    const r = parseNib(cellText(d.cells.leadNib) ?? '');
    if (r.ok) parsed.set(d, r.value);
    else addProblem('sentra', d, 'leadNib', r.error, r.params);
  }
  const byNib = await ikmsByNib(db, [...parsed.values()]);
  for (const [d, nib] of parsed) {
    if (!d.data) continue;
    const lead = byNib.get(nib);
    const target = targets.get(d)!;
    if (!lead || !canWriteIkm(ctx.actor, lead))
      addProblem('sentra', d, 'leadNib', importRules.leadNotFound, { value: nib });
    else if (!target.existing || lead.sentraId !== target.existing.id)
      addProblem('sentra', d, 'leadNib', importRules.leadNotMember, { value: nib });
    else target.leadIkmId = lead.id;
  }
  for (const d of drafts) if (!d.data) targets.delete(d);
  return targets;
}

/** The row's values, the stored ones kept where the sheet lacks the column or it was left out. */
function sentraInput(ctx: BatchContext, d: Draft, t: SentraTarget): SentraInput {
  const data = d.data as unknown as SentraInput;
  const e = t.existing;
  const pick = <T>(column: string, fresh: T, stored: T): T =>
    e && keepsStored(ctx, d, column) ? stored : fresh;
  const kecamatanCode = pick('kecamatan', data.kecamatanCode, e?.kecamatanCode ?? undefined);
  // A new kecamatan keeps no desa of the old one.
  const newKecamatan = e !== undefined && kecamatanCode !== (e.kecamatanCode ?? undefined);
  return {
    name: data.name,
    kabkotaCode: data.kabkotaCode,
    kecamatanCode,
    desa: newKecamatan ? data.desa : pick('desa', data.desa, e?.desa ?? undefined),
    commodity: data.commodity,
    productFocus: pick('productFocus', data.productFocus, e?.productFocus ?? undefined),
    decreeNumber: pick('decreeNumber', data.decreeNumber, e?.decreeNumber ?? undefined),
    decreeDate: pick('decreeDate', data.decreeDate, e?.decreeDate ?? undefined),
    unitCount: pick('unitCount', data.unitCount, e?.unitCount ?? undefined),
    leadIkmId: pick('leadNib', t.leadIkmId, e?.leadIkmId ?? undefined),
    notes: pick('notes', data.notes, e?.notes ?? undefined),
  };
}

export const sentraHandler: KindHandler = {
  async check(ctx, db, drafts) {
    await checkSentraBatch(ctx, db, drafts);
  },
  async write(ctx, tx, drafts, mode: ImportMode): Promise<BatchResult> {
    const targets = await checkSentraBatch(ctx, tx, drafts);
    const out = { created: 0, updated: 0, failed: 0 };
    for (const d of drafts.filter((x) => writable(x, mode))) {
      const t = targets.get(d)!;
      const input = sentraInput(ctx, d, t);
      try {
        await tx.transaction(async (sp) => {
          if (t.existing)
            await updateSentra(sp, ctx.actor, ctx.env, t.existing.id, {
              ...input,
              version: t.existing.version,
            });
          else await createSentra(sp, ctx.actor, ctx.env, input);
        });
        if (t.existing) out.updated++;
        else out.created++;
      } catch (err) {
        refusal('sentra', d, err);
        out.failed++;
      }
    }
    return out;
  },
};

// Products ---------------------------------------------------------------------------------------

async function checkProductBatch(ctx: BatchContext, db: Db, drafts: Draft[]): Promise<void> {
  const live = () => drafts.filter((d) => d.data);
  // The IKM that makes it: by NIB, else by a name unique in the actor's region.
  const nibOf = new Map<Draft, string>();
  for (const d of live()) {
    const raw = cellText(d.cells.ikmNib);
    if (!raw) continue;
    const r = parseNib(raw);
    if (r.ok) nibOf.set(d, r.value);
    else addProblem('products', d, 'ikmNib', r.error, r.params);
  }
  const byNib = await ikmsByNib(db, [...nibOf.values()]);
  for (const [d, nib] of nibOf) {
    if (!d.data) continue;
    const owner = byNib.get(nib);
    if (owner && canWriteIkm(ctx.actor, owner)) d.data.ikmId = owner.id;
    else addProblem('products', d, 'ikmNib', importRules.productIkmNotFound, { value: nib });
  }
  const byName = live().filter((d) => !nibOf.has(d) && cellText(d.cells.ikmName));
  if (byName.length) {
    const names = byName.map((d) => cellText(d.cells.ikmName)!.toLowerCase());
    const rows = await queryRows<{
      id: string;
      name: string;
      kabkota_code: string;
      owner_user_id: string | null;
    }>(
      db,
      sql`select id, name, kabkota_code, owner_user_id from ikm where archived_at is null
          and lower(name) in (select jsonb_array_elements_text(${JSON.stringify([...new Set(names)])}::jsonb))`,
    );
    const inScope = rows.filter((r) =>
      canWriteIkm(ctx.actor, { kabkotaCode: r.kabkota_code, ownerUserId: r.owner_user_id }),
    );
    for (const d of byName) {
      const name = cellText(d.cells.ikmName)!;
      const matches = inScope.filter((r) => norm(r.name) === norm(name));
      if (matches.length === 1) d.data!.ikmId = matches[0]!.id;
      else if (matches.length > 1)
        addProblem('products', d, 'ikmName', importRules.ikmNameAmbiguous, {
          name,
          count: matches.length,
          kabkota: [...new Set(matches.map((m) => regionName(ctx.regionIndex, m.kabkota_code)))].join(', '),
        });
      else addProblem('products', d, 'ikmName', importRules.productIkmNotFound, { value: name });
    }
  }
  for (const d of live()) {
    const data = d.data as unknown as ProductInput;
    markDuplicate(ctx, d, `${data.ikmId}|${norm(data.name)}`, { column: 'name', what: data.name });
  }
}

type ProductRow = NonNullable<Awaited<ReturnType<typeof findProductByName>>>;

function productInput(ctx: BatchContext, d: Draft, e: ProductRow | undefined): ProductInput {
  const data = d.data as unknown as ProductInput;
  const pick = <T>(column: string, fresh: T, stored: T): T =>
    e && keepsStored(ctx, d, column) ? stored : fresh;
  const num = (v: string | null | undefined) => (v === null || v === undefined ? undefined : Number(v));
  const capacityKept = e && keepsStored(ctx, d, 'capacityQty');
  return {
    ikmId: data.ikmId,
    name: data.name,
    commodity: data.commodity,
    descriptionId: pick('descriptionId', data.descriptionId, e?.descriptionId ?? undefined),
    descriptionEn: pick('descriptionEn', data.descriptionEn, e?.descriptionEn ?? undefined),
    storyId: pick('storyId', data.storyId, e?.storyId ?? undefined),
    storyEn: pick('storyEn', data.storyEn, e?.storyEn ?? undefined),
    localMaterialPct: pick('localMaterialPct', data.localMaterialPct, num(e?.localMaterialPct)),
    priceMin: pick('priceMin', data.priceMin, e?.priceMin ?? undefined),
    priceMax: pick('priceMax', data.priceMax, e?.priceMax ?? undefined),
    capacityQty: capacityKept ? num(e.capacityQty) : data.capacityQty,
    capacityUnit: capacityKept ? (e.capacityUnit ?? undefined) : data.capacityUnit,
    capacityPeriod: capacityKept ? (e.capacityPeriod ?? undefined) : data.capacityPeriod,
    hsCode: pick('hsCode', data.hsCode, e?.hsCode ?? undefined),
    packaging: pick('packaging', data.packaging, e?.packaging ?? undefined),
    certifications: pick('certifications', data.certifications, e?.certifications ?? undefined),
  };
}

export const productHandler: KindHandler = {
  check: checkProductBatch,
  async write(ctx, tx, drafts, mode: ImportMode): Promise<BatchResult> {
    await checkProductBatch(ctx, tx, drafts);
    const out = { created: 0, updated: 0, failed: 0 };
    for (const d of drafts.filter((x) => writable(x, mode))) {
      const data = d.data as unknown as ProductInput;
      try {
        const updated = await tx.transaction(async (sp) => {
          const existing = await findProductByName(sp, data.ikmId, data.name);
          const input = productInput(ctx, d, existing);
          if (existing)
            await updateProduct(sp, ctx.actor, existing.id, { ...input, version: existing.version });
          else await createProduct(sp, ctx.actor, input);
          return Boolean(existing);
        });
        if (updated) out.updated++;
        else out.created++;
      } catch (err) {
        refusal('products', d, err);
        out.failed++;
      }
    }
    return out;
  },
};
