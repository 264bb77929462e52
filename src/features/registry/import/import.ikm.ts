/**
 * IKM rows, a batch at a time. The checks are checkIkm's rules done for the whole batch in a few
 * queries (region and scope through checkRegion itself, the sentra by name in the row's kab/kota, a
 * NIB held by an IKM outside the officer's region, the owner account); the writes are one INSERT …
 * SELECT and one UPDATE … FROM per batch instead of a service call per row, with an audit row per IKM
 * and the derived columns computed by the registry's own definitions (ikmDerivedSql) in the same
 * statement. A row whose NIB is recorded updates that IKM; a row without a NIB updates the
 * IKM of the same name and owner in the same kab/kota. Either way a re-import adds nothing twice.
 */
import { sql } from 'drizzle-orm';
import { databaseError, type Db, queryRows } from '../../../db/client.ts';
import { ikm } from '../../../db/schema/registry.ts';
import { auditSnapshot } from '../../../platform/audit.ts';
import { newId } from '../../../platform/ids.ts';
import type { ImportMode } from '../../../platform/registry-import-domain.ts';
import type { IkmInput } from '../registry.forms.ts';
import { registryRules } from '../registry.messages.ts';
import { canWriteIkm, ikmDerivedSql, regionName } from '../registry.service.ts';
import { sizeClassOf } from '../size-class.ts';
import { addressesOf } from './import.addresses.ts';
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
import { addProblem, type Draft, writable } from './import.rows.ts';

type IkmRow = typeof ikm.$inferSelect;

/** What the checks decided for a row: the IKM it updates (if any) and the ids its names stand for. */
interface Target {
  existing?: IkmRow;
  sentraId?: string | null;
  ownerUserId?: string | null;
}

const dataOf = (d: Draft) => d.data as unknown as IkmInput;
const nameKey = (kabkota: string, name: string, owner: string) => `${kabkota}|${norm(name)}|${norm(owner)}`;
const jsonList = (values: Iterable<string>) => JSON.stringify([...new Set(values)]);

/** Two rows of the sheet for one business: the later one is refused (needs the rows before, not the database). */
function markInSheet(ctx: BatchContext, drafts: Draft[]): void {
  for (const d of drafts) {
    if (!d.data) continue;
    const data = dataOf(d);
    if (data.nib) markDuplicate(ctx, d, `nib:${data.nib}`, { column: 'nib', nib: data.nib });
    else
      markDuplicate(ctx, d, nameKey(data.kabkotaCode, data.name, data.ownerName), {
        column: 'name',
        what: data.name,
      });
  }
}

/** The database checks of a batch whose in-sheet duplicates are marked. */
async function checkBatch(
  ctx: BatchContext,
  db: Db,
  drafts: Draft[],
  lock: boolean,
): Promise<Map<Draft, Target>> {
  const targets = new Map<Draft, Target>();
  const live = () => drafts.filter((d) => d.data);
  // Region and scope: the registry's own check, row by row (the region index is in memory).
  checkRegions(ctx, drafts);
  for (const d of live()) targets.set(d, {});
  // The sentra named in the row, among the live sentra of the row's kab/kota.
  const withSentra = live().filter(
    (d) => ctx.present.has('sentra') && !d.dropped.has('sentra') && cellText(d.cells.sentra),
  );
  if (withSentra.length) {
    const rows = await queryRows<{ id: string; name: string; kabkota_code: string }>(
      db,
      sql`select id, name, kabkota_code from sentra where archived_at is null
          and kabkota_code = any(string_to_array(${csvParam(withSentra.map((d) => dataOf(d).kabkotaCode))}, ','))`,
    );
    const byName = new Map(rows.map((r) => [`${r.kabkota_code}|${norm(r.name)}`, r.id]));
    for (const d of withSentra) {
      const data = dataOf(d);
      const name = cellText(d.cells.sentra)!;
      const id = byName.get(`${data.kabkotaCode}|${norm(name)}`);
      if (id) targets.get(d)!.sentraId = id;
      else
        addProblem('ikm', d, 'sentra', importRules.sentraNotFound, {
          value: name,
          kabkota: regionName(ctx.regionIndex, data.kabkotaCode),
        });
    }
  }
  // A NIB already recorded: that IKM is updated, if it lies in the actor's region.
  const withNib = live().filter((d) => dataOf(d).nib);
  if (withNib.length) {
    const query = db
      .select()
      .from(ikm)
      .where(
        sql`${ikm.archivedAt} is null and ${ikm.nib} = any(string_to_array(${csvParam(withNib.map((d) => dataOf(d).nib!))}, ','))`,
      );
    const holders = lock ? await query.for('update') : await query;
    const byNib = new Map(holders.map((h) => [h.nib!, h]));
    for (const d of withNib) {
      const holder = byNib.get(dataOf(d).nib!);
      if (!holder) continue;
      if (canWriteIkm(ctx.actor, holder)) targets.get(d)!.existing = holder;
      else
        addProblem('ikm', d, 'nib', registryRules.nibTaken, {
          nib: holder.nib!,
          existingName: holder.name,
          existingRegion: regionName(ctx.regionIndex, holder.kabkotaCode),
        });
    }
  }
  // Without a NIB: the IKM of the same name and owner in the same kab/kota (index on lower(name)).
  const withoutNib = live().filter((d) => !dataOf(d).nib);
  if (withoutNib.length) {
    const pairs = withoutNib.map((d) => [dataOf(d).kabkotaCode, dataOf(d).name.toLowerCase()]);
    const query = db
      .select()
      .from(ikm)
      .where(
        sql`${ikm.archivedAt} is null and (${ikm.kabkotaCode}, lower(${ikm.name})) in (
          select p->>0, p->>1 from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) p)`,
      );
    const found = lock ? await query.for('update') : await query;
    const byKey = new Map<string, IkmRow[]>();
    for (const f of found) {
      const k = nameKey(f.kabkotaCode, f.name, f.ownerName);
      byKey.set(k, [...(byKey.get(k) ?? []), f]);
    }
    for (const d of withoutNib) {
      const data = dataOf(d);
      const matches = (byKey.get(nameKey(data.kabkotaCode, data.name, data.ownerName)) ?? []).filter((m) =>
        canWriteIkm(ctx.actor, m),
      );
      if (matches.length === 1) targets.get(d)!.existing = matches[0]!;
      else if (matches.length > 1)
        addProblem('ikm', d, 'name', importRules.ikmNameAmbiguous, {
          name: data.name,
          count: matches.length,
          kabkota: regionName(ctx.regionIndex, data.kabkotaCode),
        });
    }
  }
  // The owner's account, by e-mail, among IKM-owner accounts.
  const withOwner = live().filter((d) => dataOf(d).ownerEmail);
  if (withOwner.length) {
    const rows = await queryRows<{ id: string; email: string }>(
      db,
      sql`select id, lower(email) as email from users where role = 'pemilik_ikm'
          and lower(email) in (select jsonb_array_elements_text(${jsonList(withOwner.map((d) => dataOf(d).ownerEmail!))}::jsonb))`,
    );
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    for (const d of withOwner) {
      const id = byEmail.get(dataOf(d).ownerEmail!);
      if (id) targets.get(d)!.ownerUserId = id;
      else addProblem('ikm', d, 'ownerEmail', registryRules.ownerNotFound);
    }
  }
  for (const d of drafts) if (!d.data) targets.delete(d);
  return targets;
}

interface Values {
  id: string;
  province_code: string;
  kabkota_code: string;
  kecamatan_code: string | null;
  desa: string | null;
  address: string | null;
  name: string;
  owner_name: string;
  nib: string | null;
  kbli: string | null;
  phone: string | null;
  email: string | null;
  sentra_id: string | null;
  workforce_men: number | null;
  workforce_women: number | null;
  investment: number | null;
  size_class: string | null;
  capacity_qty: string | null;
  capacity_unit: string | null;
  capacity_period: string | null;
  owner_user_id: string | null;
  contact_public: boolean;
  contact_consent_at: string | null;
  notes: string | null;
}

const COLUMN_TYPES = `id uuid, province_code text, kabkota_code text, kecamatan_code text, desa text, address text,
  name text, owner_name text, nib text, kbli text, phone text, email text, sentra_id uuid, workforce_men int,
  workforce_women int, investment bigint, size_class text, capacity_qty numeric, capacity_unit text,
  capacity_period text, owner_user_id uuid, contact_public boolean, contact_consent_at timestamptz, notes text`;
const COLUMN_NAMES = COLUMN_TYPES.split(',').map((c) => c.trim().split(/\s+/)[0]!);

/** The row's values, merged over the stored IKM for what the sheet leaves as it is. */
function valuesOf(ctx: BatchContext, d: Draft, target: Target, now: string): Values {
  const data = dataOf(d);
  const e = target.existing;
  const pick = <T>(column: string, fresh: T, stored: T | undefined): T =>
    e && keepsStored(ctx, d, column) ? (stored as T) : fresh;
  const men = pick('workforceMen', data.workforceMen ?? null, e?.workforceMen);
  const women = pick('workforceWomen', data.workforceWomen ?? null, e?.workforceWomen);
  const investment = pick('investment', data.investment ?? null, e?.investment);
  const capacityKept = e && keepsStored(ctx, d, 'capacityQty');
  // A business moved to another kab/kota keeps no place of the old one: kecamatan, desa and sentra
  // come from the row (empty when it leaves them empty); a new kecamatan keeps no old desa.
  const moved = e !== undefined && e.kabkotaCode !== data.kabkotaCode;
  const kecamatan = moved
    ? (data.kecamatanCode ?? null)
    : pick('kecamatan', data.kecamatanCode ?? null, e?.kecamatanCode);
  const newKecamatan = moved || (e !== undefined && kecamatan !== e.kecamatanCode);
  const contactPublic = pick('contactPublic', data.contactPublic ?? false, e?.contactPublic);
  const consent = contactPublic
    ? e?.contactPublic
      ? (e.contactConsentAt?.toISOString() ?? now)
      : now
    : null;
  return {
    id: e?.id ?? newId(),
    province_code: ctx.regionIndex.get(data.kabkotaCode)?.provinceCode ?? ctx.env.provinceCode,
    kabkota_code: data.kabkotaCode,
    kecamatan_code: kecamatan,
    desa: newKecamatan ? (data.desa ?? null) : pick('desa', data.desa ?? null, e?.desa),
    address: pick('address', data.address ?? null, e?.address),
    name: data.name,
    owner_name: data.ownerName,
    // An empty NIB cell never takes a recorded NIB away: it is how the row was found.
    nib: data.nib ?? e?.nib ?? null,
    kbli: pick('kbli', data.kbli ?? null, e?.kbli),
    phone: pick('phone', data.phone ?? null, e?.phone),
    email: pick('email', data.email ?? null, e?.email),
    sentra_id: moved ? (target.sentraId ?? null) : pick('sentra', target.sentraId ?? null, e?.sentraId),
    workforce_men: men,
    workforce_women: women,
    investment,
    size_class: sizeClassOf(
      men === null && women === null ? null : (men ?? 0) + (women ?? 0),
      investment,
      ctx.thresholds,
    ),
    capacity_qty: capacityKept
      ? e.capacityQty
      : data.capacityQty === undefined
        ? null
        : String(data.capacityQty),
    capacity_unit: capacityKept ? e.capacityUnit : (data.capacityUnit ?? null),
    capacity_period: capacityKept ? e.capacityPeriod : (data.capacityPeriod ?? null),
    owner_user_id: pick('ownerEmail', target.ownerUserId ?? null, e?.ownerUserId),
    contact_public: contactPublic,
    contact_consent_at: consent,
    notes: pick('notes', data.notes ?? null, e?.notes),
  };
}

/** The fields an update changes, before and after, for its audit row. */
function changes(before: IkmRow, after: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const b = before as unknown as Record<string, unknown>;
  for (const name of COLUMN_NAMES) {
    if (name === 'id' || name === 'contact_consent_at') continue;
    const camel = name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const old = b[camel] ?? null;
    const now = (after as unknown as Record<string, unknown>)[name] ?? null;
    if (String(old) !== String(now)) out[camel] = now;
  }
  return out;
}

async function writeAudits(
  ctx: BatchContext,
  tx: Db,
  rows: { id: string; kabkota: string; action: string; before: unknown; after: unknown; reason: string }[],
) {
  if (!rows.length) return;
  const a = ctx.actor;
  const payload = rows.map((r) => ({
    id: newId(),
    object_id: r.id,
    region_code: r.kabkota,
    action: r.action,
    before: auditSnapshot(r.before),
    after: auditSnapshot(r.after),
    reason: r.reason,
  }));
  await tx.execute(sql`
    insert into audit_log (id, actor_user_id, real_user_id, actor_label, action, object_type, object_id,
      region_code, before, after, reason, ip, request_id)
    select r.id, ${a.userId}::uuid, ${a.realUserId !== a.userId ? a.realUserId : null}::uuid, ${a.label}, r.action,
      'ikm', r.object_id, r.region_code, r.before, r.after, r.reason, ${a.ip ?? null}, ${a.requestId ?? null}
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
      as r(id uuid, object_id text, region_code text, action text, before jsonb, after jsonb, reason text)`);
}

async function insertRows(tx: Db, rows: Values[]) {
  if (!rows.length) return;
  const derived = ikmDerivedSql('r', { isNew: true });
  const cols = sql.raw(COLUMN_NAMES.join(', '));
  await tx.execute(sql`
    insert into ikm (${cols}, search_text, commodities, min_expiry)
    select ${sql.raw(COLUMN_NAMES.map((c) => `r.${c}`).join(', '))},
      ${derived.searchText}, ${derived.commodities}, ${derived.minExpiry}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(COLUMN_TYPES)})`);
}

async function updateRows(tx: Db, rows: Values[]) {
  if (!rows.length) return;
  const set = COLUMN_NAMES.filter((c) => c !== 'id')
    .map((c) => `${c} = r.${c}`)
    .join(', ');
  // The derived columns in the same statement, from the new values (r.id is the IKM's id): one new
  // row version per IKM instead of two, each of which rewrites every index entry (the trigram one
  // is the dearest).
  const derived = ikmDerivedSql('r');
  await tx.execute(sql`
    update ikm set ${sql.raw(set)}, search_text = ${derived.searchText}, commodities = ${derived.commodities},
      min_expiry = ${derived.minExpiry}, version = ikm.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(COLUMN_TYPES)})
    where ikm.id = r.id`);
  // The products' search text holds their IKM's name: rewritten only where it changed.
  await tx.execute(sql`
    update products p set search_text = search_norm(concat_ws(' ', p.name, i.name, p.hs_code))
    from ikm i
    where i.id = p.ikm_id
      and p.ikm_id = any(string_to_array(${rows.map((r) => r.id).join(',')}, ',')::uuid[])
      and p.search_text is distinct from search_norm(concat_ws(' ', p.name, i.name, p.hs_code))`);
}

async function writeDrafts(
  ctx: BatchContext,
  tx: Db,
  items: { draft: Draft; target: Target }[],
): Promise<{ created: number; updated: number }> {
  const now = new Date().toISOString();
  const inserts: Values[] = [];
  const updates: Values[] = [];
  const audits: Parameters<typeof writeAudits>[2] = [];
  for (const { draft, target } of items) {
    const v = valuesOf(ctx, draft, target, now);
    const reason = `import ${ctx.jobId} row ${draft.rowNumber}`;
    if (target.existing) {
      updates.push(v);
      audits.push({
        id: v.id,
        kabkota: v.kabkota_code,
        action: 'ikm.import_update',
        before: target.existing,
        after: changes(target.existing, v),
        reason,
      });
    } else {
      inserts.push(v);
      audits.push({
        id: v.id,
        kabkota: v.kabkota_code,
        action: 'ikm.import_create',
        before: null,
        after: { importJob: ctx.jobId, row: draft.rowNumber, name: v.name, nib: v.nib },
        reason,
      });
    }
  }
  await insertRows(tx, inserts);
  await updateRows(tx, updates);
  await writeAudits(ctx, tx, audits);
  return { created: inserts.length, updated: updates.length };
}

/** Tries of one row before it is recorded as not saved. */
const ROW_ATTEMPTS = 3;

/**
 * A conflict gone once the transaction it met has ended: an address (slug) someone else took
 * meanwhile, or a deadlock PostgreSQL broke. (Two import batches never share an address, ADR 0118.)
 */
function passingConflict(err: unknown): boolean {
  const e = databaseError(err);
  return e.code === '40P01' || (e.code === '23505' && e.constraint === 'ikm_slug_key');
}

/**
 * Whether a batch must wait for an earlier one to commit before it is written: a row of it without a
 * NIB names (by name, owner and kab/kota) a business a row of the earlier batch makes with its NIB,
 * and updates it once it is there, as when batches are written one after another.
 */
function waitsFor(earlier: Draft[], later: Draft[]): boolean {
  const key = (d: Draft) => nameKey(dataOf(d).kabkotaCode, dataOf(d).name, dataOf(d).ownerName);
  const made = new Set(earlier.filter((d) => d.data && dataOf(d).nib).map(key));
  return made.size > 0 && later.some((d) => d.data && !dataOf(d).nib && made.has(key(d)));
}

export const ikmHandler: KindHandler = {
  markInSheet,
  waitsFor,
  claims: (db, drafts) => addressesOf(db, drafts.filter((d) => d.data).map(dataOf)),

  async check(ctx, db, drafts) {
    markInSheet(ctx, drafts);
    await checkBatch(ctx, db, drafts, false);
  },

  async write(ctx, tx, drafts, mode: ImportMode): Promise<BatchResult> {
    const targets = await checkBatch(ctx, tx, drafts, true);
    const items = drafts
      .filter((d) => writable(d, mode))
      .map((draft) => ({ draft, target: targets.get(draft)! }));
    try {
      // A savepoint: if the set-based write meets something the checks could not see (a NIB recorded
      // by someone else a moment ago), the batch is written again row by row to find that row.
      const counts = await tx.transaction((sp) => writeDrafts(ctx, sp, items));
      return { ...counts, failed: 0 };
    } catch {
      let created = 0;
      let updated = 0;
      let failed = 0;
      for (const item of items) {
        for (let attempt = 1; ; attempt++) {
          try {
            const c = await tx.transaction((sp) => writeDrafts(ctx, sp, [item]));
            created += c.created;
            updated += c.updated;
            break;
          } catch (err) {
            if (attempt < ROW_ATTEMPTS && passingConflict(err)) continue;
            failed++;
            addProblem('ikm', item.draft, null, importRules.notSaved, {
              detail: databaseError(err).constraint ?? (err as Error).message.slice(0, 120),
            });
            break;
          }
        }
      }
      return { created, updated, failed };
    }
  },
};
