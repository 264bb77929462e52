/**
 * What every registry service shares: who may see and change which rows (scope), the region index
 * used to check codes, the configurable size thresholds, the derived columns of an IKM, and the
 * collection of broken rules into one error (so a form, the API or an import row lists them all).
 */
import { type SQL, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { ikm, products, sentra } from '../../db/schema/registry.ts';
import { regions } from '../../db/schema/regions.ts';
import { appSettings } from '../../db/schema/settings.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { DomainError, NotFoundError, StaleVersionError } from '../../platform/errors.ts';
import { localDate } from '../../platform/format.ts';
import { lookupValidationMessage } from '../../platform/i18n.ts';
import { EXPIRY_WARNING_DAYS, type LegalityState } from '../../platform/registry-domain.ts';
import { addDays } from './identifiers.ts';
import { registryRules } from './registry.messages.ts';
import { DEFAULT_SIZE_THRESHOLDS, type SizeThresholds } from './size-class.ts';

/** The installation the services work for (the province an admin manages). */
export interface RegistryEnv {
  provinceCode: string;
}

// Scope ------------------------------------------------------------------------------------------

export type Scope =
  | { kind: 'all' }
  | { kind: 'kabkota'; code: string }
  | { kind: 'owner'; userId: string }
  | { kind: 'none' };

/** Which registry rows an actor reads: the province, their kab/kota, their own IKM, or none. */
export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'system' || actor.role === 'admin_provinsi') return { kind: 'all' };
  if (actor.role === 'petugas_kabkota' && actor.regionCode)
    return { kind: 'kabkota', code: actor.regionCode };
  if (actor.role === 'pemilik_ikm' && actor.userId) return { kind: 'owner', userId: actor.userId };
  return { kind: 'none' };
}

/** Admins and kab/kota officers record sentra and IKM; owners only edit their own IKM. */
export function canManage(actor: Actor): boolean {
  const s = scopeOf(actor);
  return s.kind === 'all' || s.kind === 'kabkota';
}

/** Whether the actor may record data in this kab/kota. */
export function canWriteKabkota(actor: Actor, kabkotaCode: string): boolean {
  const s = scopeOf(actor);
  return s.kind === 'all' || (s.kind === 'kabkota' && s.code === kabkotaCode);
}

/** Whether the actor may read and edit this IKM (its kab/kota, or its owner). */
export function canWriteIkm(actor: Actor, row: { kabkotaCode: string; ownerUserId: string | null }): boolean {
  const s = scopeOf(actor);
  if (s.kind === 'all') return true;
  if (s.kind === 'kabkota') return row.kabkotaCode === s.code;
  if (s.kind === 'owner') return row.ownerUserId === s.userId;
  return false;
}

export function ikmScopeSql(actor: Actor): SQL | undefined {
  const s = scopeOf(actor);
  if (s.kind === 'all') return undefined;
  if (s.kind === 'kabkota') return sql`${ikm.kabkotaCode} = ${s.code}`;
  if (s.kind === 'owner') return sql`${ikm.ownerUserId} = ${s.userId}`;
  return sql`false`;
}

export function productScopeSql(actor: Actor): SQL | undefined {
  const s = scopeOf(actor);
  if (s.kind === 'all') return undefined;
  if (s.kind === 'kabkota') return sql`${products.kabkotaCode} = ${s.code}`;
  if (s.kind === 'owner')
    return sql`${products.ikmId} in (select o.id from ikm o where o.owner_user_id = ${s.userId})`;
  return sql`false`;
}

export function sentraScopeSql(actor: Actor): SQL | undefined {
  const s = scopeOf(actor);
  if (s.kind === 'all') return undefined;
  if (s.kind === 'kabkota') return sql`${sentra.kabkotaCode} = ${s.code}`;
  if (s.kind === 'owner')
    return sql`${sentra.id} in (select o.sentra_id from ikm o where o.owner_user_id = ${s.userId})`;
  return sql`false`;
}

/** The personal data of an IKM's owner (name, phone, e-mail, address) is shown only within scope. */
export function personalDataVisible(
  actor: Actor,
  row: { kabkotaCode: string; ownerUserId: string | null },
): boolean {
  return canWriteIkm(actor, row);
}

// Regions ----------------------------------------------------------------------------------------

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  provinceCode: string;
}

const regionCache = new WeakMap<Db, Promise<Map<string, RegionInfo>>>();

/** Every region by code (a few hundred rows, read once per database handle). */
export function regionIndex(db: Db): Promise<Map<string, RegionInfo>> {
  let cached = regionCache.get(db);
  if (!cached) {
    cached = db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
        provinceCode: regions.provinceCode,
      })
      .from(regions)
      .then((rows) => new Map(rows.map((r) => [r.code, r])));
    cached.catch(() => regionCache.delete(db));
    regionCache.set(db, cached);
  }
  return cached;
}

export function regionName(index: Map<string, RegionInfo>, code: string | null | undefined): string {
  if (!code) return '';
  return index.get(code)?.name ?? code;
}

/** The kab/kota and kecamatan of a province, for selects. */
export async function regionChoices(db: Db, provinceCode: string) {
  const index = await regionIndex(db);
  const all = [...index.values()].filter((r) => r.provinceCode === provinceCode);
  const kabkota = all
    .filter((r) => r.level === 'kabupaten_kota')
    .sort((a, b) => a.code.localeCompare(b.code));
  const kecamatan = all.filter((r) => r.level === 'kecamatan').sort((a, b) => a.code.localeCompare(b.code));
  return { kabkota, kecamatan };
}

// Broken rules -----------------------------------------------------------------------------------

/** Collects every broken rule of one input, then throws them together. */
export class RuleErrors {
  readonly fields: Record<string, string> = {};
  readonly params: Record<string, string | number> = {};

  add(field: string, key: string, params: Record<string, string | number> = {}): void {
    if (!(field in this.fields)) this.fields[field] = key;
    Object.assign(this.params, params);
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  error(): DomainError {
    const first = Object.values(this.fields)[0]!;
    const message = lookupValidationMessage(first) ?? { id: first, en: first };
    return new DomainError(message, this.params, this.fields, 422);
  }

  throwIfAny(): void {
    if (!this.empty) throw this.error();
  }
}

/** Checks the kab/kota (in the province and the actor's scope) and the kecamatan below it. */
export async function checkRegion(
  db: Db,
  actor: Actor,
  env: RegistryEnv,
  input: { kabkotaCode: string; kecamatanCode?: string | undefined },
  errors: RuleErrors,
): Promise<void> {
  checkRegionIn(await regionIndex(db), actor, env, input, errors);
}

/** checkRegion with the region index at hand (an import checks thousands of rows with one index). */
export function checkRegionIn(
  index: Map<string, RegionInfo>,
  actor: Actor,
  env: RegistryEnv,
  input: { kabkotaCode: string; kecamatanCode?: string | undefined },
  errors: RuleErrors,
): void {
  const kabkota = index.get(input.kabkotaCode);
  if (!kabkota || kabkota.level !== 'kabupaten_kota' || kabkota.provinceCode !== env.provinceCode) {
    errors.add('kabkotaCode', registryRules.kabkotaUnknown);
    return;
  }
  if (!canWriteKabkota(actor, kabkota.code)) {
    errors.add('kabkotaCode', registryRules.kabkotaOutOfScope, {
      region: regionName(index, actor.regionCode) || '-',
    });
    return;
  }
  if (input.kecamatanCode) {
    const kec = index.get(input.kecamatanCode);
    if (!kec || kec.level !== 'kecamatan' || kec.parentCode !== kabkota.code)
      errors.add('kecamatanCode', registryRules.kecamatanNotInKabkota);
  }
}

// Size thresholds ---------------------------------------------------------------------------------

const THRESHOLDS_KEY = 'registry.size_thresholds';

export type StoredThresholds = SizeThresholds & { version: number };

/** The size-class thresholds in force (the brief's defaults until an admin edits them). */
export async function getSizeThresholds(db: Db): Promise<StoredThresholds> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, THRESHOLDS_KEY)).limit(1);
  const stored = row?.value as Partial<StoredThresholds> | undefined;
  return { ...DEFAULT_SIZE_THRESHOLDS, version: 0, ...stored };
}

/** The SQL twin of sizeClassOf(), for reclassifying every IKM at once. */
function sizeClassSql(t: SizeThresholds): SQL {
  return sql`case
    when ${ikm.workforceMen} is null and ${ikm.workforceWomen} is null then null
    when ${ikm.investment} is null then null
    when ${ikm.workforceTotal} <= ${t.smallMaxWorkers} then
      case when ${ikm.investment} < ${t.smallInvestmentBelow} then 'kecil' else 'menengah' end
    when ${ikm.investment} <= ${t.mediumMaxInvestment} then 'menengah'
    else 'besar' end`;
}

/** Saves new thresholds (refusing a stale version) and reclassifies every IKM; returns how many changed. */
export async function updateSizeThresholds(
  db: Db,
  actor: Actor,
  input: SizeThresholds & { version: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${THRESHOLDS_KEY}))`);
    const before = await getSizeThresholds(tx);
    if (before.version !== input.version) throw new StaleVersionError(before);
    const next: StoredThresholds = {
      smallMaxWorkers: input.smallMaxWorkers,
      smallInvestmentBelow: input.smallInvestmentBelow,
      mediumMaxInvestment: input.mediumMaxInvestment,
      version: before.version + 1,
    };
    await tx
      .insert(appSettings)
      .values({ key: THRESHOLDS_KEY, value: next })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: next, updatedAt: new Date() } });
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with changed as (
        update ikm set size_class = ${sizeClassSql(next)}
        where size_class is distinct from (${sizeClassSql(next)})
        returning 1)
      select count(*)::int as n from changed`,
    );
    const changed = Number(rows[0]?.n ?? 0);
    await writeAudit(tx, actor, {
      action: 'registry.size_thresholds.update',
      objectType: 'app_setting',
      objectId: THRESHOLDS_KEY,
      before,
      after: { ...next, reclassified: changed },
    });
    return changed;
  });
}

// Derived values of an IKM ------------------------------------------------------------------------

/**
 * The derived columns of the IKM row `alias` (search text, commodities, earliest current expiry) as
 * SQL over its own columns and its products and documents. The one definition of these values:
 * refreshIkmDerived writes them, and a bulk insert computes them in its INSERT … SELECT.
 */
export function ikmDerivedSql(
  alias: string,
  opts: { isNew?: boolean } = {},
): { searchText: SQL; commodities: SQL; minExpiry: SQL } {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`unsafe alias ${alias}`);
  const a = sql.raw(alias);
  const searchText = (productNames: SQL) =>
    sql`search_norm(concat_ws(' ', ${a}.name, ${a}.owner_name, ${a}.nib, ${a}.desa${productNames}))`;
  // An IKM being inserted has no products or documents yet: the same values without looking.
  if (opts.isNew)
    return { searchText: searchText(sql``), commodities: sql`'{}'::text[]`, minExpiry: sql`null::date` };
  return {
    searchText: searchText(sql`, (select string_agg(p.name, ' ' order by p.id) from products p
          where p.ikm_id = ${a}.id and p.archived_at is null)`),
    commodities: sql`coalesce((select array_agg(distinct p.commodity order by p.commodity) from products p
          where p.ikm_id = ${a}.id and p.archived_at is null), '{}'::text[])`,
    minExpiry: sql`(select min(best) from (
          select case when bool_or(d.expiry_date is null) then null else max(d.expiry_date) end as best
          from legal_documents d where d.ikm_id = ${a}.id and d.archived_at is null group by d.kind) k)`,
  };
}

/**
 * Rewrites what is derived from an IKM and its products and documents: its search text, its
 * commodities, its earliest current expiry, and its products' search text. The one writer of these.
 */
export async function refreshIkmDerived(tx: Db, ikmId: string | readonly string[] | null): Promise<void> {
  // null refreshes every IKM (demo data) in one set-based statement; a list refreshes one import batch.
  if (Array.isArray(ikmId) && ikmId.length === 0) return;
  const only = (column: SQL) =>
    ikmId === null
      ? sql`true`
      : typeof ikmId === 'string'
        ? sql`${column} = ${ikmId}`
        : sql`${column} = any(string_to_array(${ikmId.join(',')}, ',')::uuid[])`;
  const derived = ikmDerivedSql('ikm');
  await tx.execute(sql`
    update ikm set
      search_text = ${derived.searchText},
      commodities = ${derived.commodities},
      min_expiry = ${derived.minExpiry}
    where ${only(sql`ikm.id`)}`);
  await tx.execute(sql`
    update products p set search_text = search_norm(concat_ws(' ', p.name, i.name, p.hs_code))
    from ikm i where i.id = p.ikm_id and ${only(sql`p.ikm_id`)}`);
}

// Legality ---------------------------------------------------------------------------------------

/**
 * An IKM's legality at a glance: no NIB, a document expired, one expiring within 90 days, or none of
 * these ('complete', shown as "has a NIB, no document expired or expiring": an IKM need not hold
 * every kind of document, so this never claims that it holds them all).
 */
export function legalityOf(
  row: { nib: string | null; minExpiry: string | null },
  today = localDate(),
): LegalityState {
  if (row.minExpiry && row.minExpiry < today) return 'expired';
  if (!row.nib) return 'no_nib';
  if (row.minExpiry && row.minExpiry <= addDays(today, EXPIRY_WARNING_DAYS)) return 'expiring';
  return 'complete';
}

/** The filter condition for a legality state (the SQL twin of legalityOf for lists). */
export function legalitySql(state: LegalityState, today = localDate()): SQL {
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  switch (state) {
    case 'expired':
      return sql`${ikm.minExpiry} < ${today}`;
    case 'expiring':
      return sql`${ikm.minExpiry} >= ${today} and ${ikm.minExpiry} <= ${soon}`;
    case 'no_nib':
      return sql`${ikm.nib} is null`;
    case 'complete':
      return sql`${ikm.nib} is not null and (${ikm.minExpiry} is null or ${ikm.minExpiry} > ${soon})`;
  }
}

// Search -----------------------------------------------------------------------------------------

/** `%`, `_` and `\` taken literally inside LIKE. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** The words of a query (at most six), each of which must appear in the row's search text. */
export function searchTokens(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 6);
}

/**
 * Every word of the query in `column` (case- and accent-insensitive, trigram-indexed). The column
 * holds text already normalised on write, so a row costs a plain LIKE, not an unaccent() call.
 */
export function searchCondition(column: SQL | unknown, q: string | undefined): SQL | undefined {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return undefined;
  return sql.join(
    tokens.map((t) => sql`${column} like ('%' || search_norm(${escapeLike(t)}) || '%')`),
    sql` and `,
  );
}

/**
 * Whether to look for close matches: only when a first page found nothing at all, and the query has
 * a word of letters (a number — a NIB, an HS code — is either there or not). The similarity scan is
 * the costly query, so it runs only when it is the user's only help.
 */
export function wantsCloseMatches(
  filter: { q?: string | undefined; after?: string | undefined; before?: string | undefined },
  found: number,
): filter is { q: string } {
  if (!filter.q || filter.after || filter.before || found > 0) return false;
  return searchTokens(filter.q).some((t) => /\p{L}{3,}/u.test(t));
}

/** Close but not exact matches (typos): word similarity over the trigram index. */
export function similarCondition(column: SQL | unknown, q: string): SQL {
  return sql`${column} %> search_norm(${q})`;
}

export function similarityOrder(column: SQL | unknown, q: string): SQL {
  return sql`word_similarity(search_norm(${q}), ${column}) desc`;
}

/** 404 unless the row exists and the actor may see it. */
export function found<T>(row: T | undefined, what: string): T {
  if (!row) throw new NotFoundError(what);
  return row;
}
