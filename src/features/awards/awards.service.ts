/**
 * Awards: a cycle's decided results made public (ADR 0600), the certificates made on publication
 * with their unguessable verification codes (ADR 0602), verification, and revocation. Publication is
 * one transaction: the publication row, each decided nomination moved to `published` through the
 * nominations' own transition, an `earlier_cycle` award per star (so re-evaluation and eligibility
 * see it) and a certificate per awarded product, with the audit rows.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import { regions } from '../../db/schema/regions.ts';
import { certificates, cyclePublications, nominationResults } from '../../db/schema/scoring.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import type { Commodity } from '../../platform/domain.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { formatDate, localDate } from '../../platform/format.ts';
import { randomToken } from '../../platform/ids.ts';
import { getCycle, getCycleConfig } from '../cycles/cycles.service.ts';
import { recordEarlierAward } from '../nominations/awards.service.ts';
import type { NominationEnv } from '../nominations/nominations.env.ts';
import { publishNominationWithin } from '../nominations/nominations.transitions.ts';
import { awardsRules } from './awards.messages.ts';
import { getAwardSettings } from './awards.settings.ts';

/** A verification code: 16 random bytes (128 bits) in base64url, 22 characters. */
export const CODE_RE = /^[A-Za-z0-9_-]{22}$/;

/** The public verification page of a code: a fixed address, since printed labels outlive redesigns. */
export const verificationPath = (code: string) => `/verifikasi/${code}`;

// Results ------------------------------------------------------------------------------------------

/** One decided result as the public may see it: IKM, product, kab/kota, commodity, star. Nothing else. */
export interface PublicResult {
  nominationId: string;
  ikmId: string;
  ikmName: string;
  productId: string;
  productName: string;
  /** The product's catalog address when the product is in the public catalog. */
  productSlug: string | null;
  kabkotaCode: string;
  kabkotaName: string;
  commodity: Commodity;
  /** The decided star (0 = decided without a star). */
  stars: number;
}

const resultColumns = {
  nominationId: nominations.id,
  ikmId: nominations.ikmId,
  ikmName: ikm.name,
  productId: nominations.productId,
  productName: products.name,
  productSlug: sql<
    string | null
  >`case when ${products.published} and ${products.archivedAt} is null then ${products.slug} end`,
  kabkotaCode: nominations.kabkotaCode,
  kabkotaName: regions.name,
  commodity: nominations.commodity,
  stars: nominationResults.finalStar,
};

async function resultsIn(db: Db, cycleId: string, state: 'decided' | 'published'): Promise<PublicResult[]> {
  const rows = await db
    .select(resultColumns)
    .from(nominations)
    .innerJoin(nominationResults, eq(nominationResults.nominationId, nominations.id))
    .innerJoin(ikm, eq(ikm.id, nominations.ikmId))
    .innerJoin(products, eq(products.id, nominations.productId))
    .innerJoin(regions, eq(regions.code, nominations.kabkotaCode))
    .where(
      and(
        eq(nominations.cycleId, cycleId),
        eq(nominations.state, state),
        eq(nominationResults.status, 'decided'),
      ),
    )
    .orderBy(
      asc(nominations.kabkotaCode),
      desc(nominationResults.finalStar),
      asc(ikm.name),
      asc(products.name),
    );
  return rows.map((r) => ({ ...r, stars: r.stars ?? 0 }));
}

/** A digest of exactly what a publication makes public, so publishing refuses a list that changed since the preview. */
export function fingerprintOf(rows: readonly PublicResult[]): string {
  const text = rows
    .map((r) => `${r.nominationId}:${r.stars}`)
    .sort()
    .join(',');
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export interface PublicationPreview {
  cycle: { id: string; name: string; year: number; starScale: number };
  publishedAt: Date | null;
  /** The awarded results, as the public will see them. */
  awarded: PublicResult[];
  /** Decided without a star: published, not shown to the public. */
  noStar: number;
  fingerprint: string;
  count: number;
  phase: { startsAt: Date; endsAt: Date } | null;
  validityYears: number;
}

/** What publishing a cycle would make public: its decided results (the admin checks them first). */
export async function publicationPreview(db: Db, cycleId: string): Promise<PublicationPreview> {
  const config = await getCycleConfig(db, cycleId);
  const [pub] = await db.select().from(cyclePublications).where(eq(cyclePublications.cycleId, cycleId));
  const rows = await resultsIn(db, cycleId, 'decided');
  const phase = config.phases.find((p) => p.phase === 'publication') ?? null;
  const settings = await getAwardSettings(db);
  return {
    cycle: {
      id: config.cycle.id,
      name: config.cycle.name,
      year: config.cycle.year,
      starScale: config.cycle.starScale,
    },
    publishedAt: pub?.publishedAt ?? null,
    awarded: rows.filter((r) => r.stars > 0),
    noStar: rows.filter((r) => r.stars === 0).length,
    fingerprint: fingerprintOf(rows),
    count: rows.length,
    phase: phase ? { startsAt: phase.startsAt, endsAt: phase.endsAt } : null,
    validityYears: settings.validityYears,
  };
}

/** The last day of a validity of `years` years starting on `from` (YYYY-MM-DD): the day before the anniversary. */
export function validUntilOf(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February: the anniversary in a common year falls on 1 March, so the day before is 28 February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The next certificate number of a year: OVOP/<province>/<year>/<0001>. */
async function nextNumbers(tx: Db, provinceCode: string, year: number, n: number): Promise<string[]> {
  const prefix = `OVOP/${provinceCode}/${year}/`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`certificate-number:${prefix}`}))`);
  const [row] = await queryRows<{ last: number | null }>(
    tx,
    // A text parameter after FROM would make substring() a regular expression match: cast it.
    sql`select max(cast(substring(number from ${prefix.length + 1}::int) as int)) as last
        from certificates where number like ${`${prefix}%`}`,
  );
  const last = Number(row?.last ?? 0);
  return Array.from({ length: n }, (_, i) => `${prefix}${String(last + i + 1).padStart(4, '0')}`);
}

export interface PublishInput {
  /** The preview's fingerprint and count, as the admin saw them. */
  fingerprint: string;
  count: number;
  confirm: boolean;
}

/**
 * Publishes a cycle's decided results: refused outside the publication phase, when already published,
 * when nothing is decided, or when the results changed since the preview the admin confirmed.
 */
export async function publishCycle(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  cycleId: string,
  input: PublishInput,
): Promise<{ nominations: number; certificates: number }> {
  if (!input.confirm) throw ruleViolation('confirm', awardsRules.confirmRequired);
  const cycle = await getCycle(db, cycleId);
  const config = await getCycleConfig(db, cycleId);
  const phase = config.phases.find((p) => p.phase === 'publication');
  if (!phase) throw ruleViolation('_form', awardsRules.noPublicationPhase, {}, 409);
  const now = env.now();
  if (now.getTime() < phase.startsAt.getTime() || now.getTime() >= phase.endsAt.getTime() + 60_000)
    throw ruleViolation(
      '_form',
      awardsRules.publicationClosed,
      { from: formatDate(phase.startsAt, actor.lang), until: formatDate(phase.endsAt, actor.lang) },
      409,
    );
  const settings = await getAwardSettings(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`publish-cycle:${cycleId}`}))`);
    const [already] = await tx.select().from(cyclePublications).where(eq(cyclePublications.cycleId, cycleId));
    if (already) throw ruleViolation('_form', awardsRules.alreadyPublished, {}, 409);
    const rows = await resultsIn(tx, cycleId, 'decided');
    if (rows.length === 0) throw ruleViolation('_form', awardsRules.nothingToPublish, {}, 409);
    if (fingerprintOf(rows) !== input.fingerprint)
      throw ruleViolation(
        '_form',
        awardsRules.previewChanged,
        { before: input.count, after: rows.length },
        409,
      );
    await tx.insert(cyclePublications).values({ cycleId, publishedAt: now, publishedBy: actor.userId });
    const awarded = rows.filter((r) => r.stars > 0);
    const numbers = await nextNumbers(tx, cycle.provinceCode, cycle.year, awarded.length);
    const validFrom = localDate(now);
    const validUntil = validUntilOf(validFrom, settings.validityYears);
    for (const r of rows) {
      await publishNominationWithin(tx, env, actor, r.nominationId);
    }
    for (const [i, r] of awarded.entries()) {
      const [nom] = await tx
        .select({ provinceCode: nominations.provinceCode })
        .from(nominations)
        .where(eq(nominations.id, r.nominationId));
      const number = numbers[i]!;
      await recordEarlierAward(tx, actor, {
        ikm: { id: r.ikmId, kabkotaCode: r.kabkotaCode, provinceCode: nom!.provinceCode },
        productId: r.productId,
        cycleId,
        year: cycle.year,
        stars: r.stars,
        notes: number,
        source: 'earlier_cycle',
      });
      const [cert] = await tx
        .insert(certificates)
        .values({
          nominationId: r.nominationId,
          cycleId,
          ikmId: r.ikmId,
          productId: r.productId,
          kabkotaCode: r.kabkotaCode,
          stars: r.stars,
          number,
          code: randomToken(16),
          validFrom,
          validUntil,
        })
        .returning();
      await writeAudit(tx, actor, {
        action: 'certificate.create',
        objectType: 'certificate',
        objectId: cert!.id,
        regionCode: r.kabkotaCode,
        // The code is a bearer secret of sorts: it is kept out of the audit trail.
        after: { number, nominationId: r.nominationId, stars: r.stars, validFrom, validUntil },
      });
    }
    await writeAudit(tx, actor, {
      action: 'awards.publish',
      objectType: 'cycle',
      objectId: cycleId,
      after: {
        nominations: rows.length,
        awarded: awarded.length,
        fingerprint: input.fingerprint,
        results: rows.map((r) => ({ nominationId: r.nominationId, stars: r.stars })),
      },
    });
    return { nominations: rows.length, certificates: awarded.length };
  });
}

// Published cycles (public) -------------------------------------------------------------------------

export interface PublishedCycle {
  id: string;
  name: string;
  year: number;
  starScale: number;
  slug: string;
  publishedAt: Date;
}

/** A cycle's public address word: its name made into words of a URL. */
export function cycleSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'periode'
  );
}

/** Every published cycle, newest first. */
export async function publishedCycles(db: Db, provinceCode: string): Promise<PublishedCycle[]> {
  const rows = await db
    .select({
      id: cycles.id,
      name: cycles.name,
      year: cycles.year,
      starScale: cycles.starScale,
      publishedAt: cyclePublications.publishedAt,
    })
    .from(cyclePublications)
    .innerJoin(cycles, eq(cycles.id, cyclePublications.cycleId))
    .where(and(eq(cycles.provinceCode, provinceCode), isNull(cycles.archivedAt)))
    .orderBy(desc(cycles.year), desc(cyclePublications.publishedAt));
  return rows.map((r) => ({ ...r, slug: cycleSlug(r.name) }));
}

/** A published cycle by its address word; an unpublished or unknown one is not found (404). */
export async function publishedCycleBySlug(
  db: Db,
  provinceCode: string,
  slug: string,
): Promise<PublishedCycle> {
  const found = (await publishedCycles(db, provinceCode)).find((c) => c.slug === slug);
  if (!found) throw new NotFoundError('cycle');
  return found;
}

/** A published cycle's awarded results (the public results page). */
export async function publishedResults(db: Db, cycleId: string): Promise<PublicResult[]> {
  const [pub] = await db.select().from(cyclePublications).where(eq(cyclePublications.cycleId, cycleId));
  if (!pub) throw new NotFoundError('cycle');
  return (await resultsIn(db, cycleId, 'published')).filter((r) => r.stars > 0);
}

// Certificates --------------------------------------------------------------------------------------

export type CertificateState = 'valid' | 'revoked' | 'expired';

/** A certificate with the names printed on it. */
export interface CertificateView {
  id: string;
  nominationId: string;
  cycleId: string;
  cycleName: string;
  cycleYear: number;
  starMax: number;
  ikmId: string;
  ikmName: string;
  /** The pemilik_ikm account linked to the IKM (the registry's owner link), if any. */
  ownerUserId: string | null;
  productId: string;
  productName: string;
  productSlug: string | null;
  kabkotaCode: string;
  kabkotaName: string;
  commodity: Commodity;
  stars: number;
  number: string;
  code: string;
  validFrom: string;
  validUntil: string;
  revokedAt: Date | null;
  revokeReason: string | null;
  createdAt: Date;
}

const certificateColumns = {
  id: certificates.id,
  nominationId: certificates.nominationId,
  cycleId: certificates.cycleId,
  cycleName: cycles.name,
  cycleYear: cycles.year,
  starMax: cycles.starScale,
  ikmId: certificates.ikmId,
  ikmName: ikm.name,
  ownerUserId: ikm.ownerUserId,
  productId: certificates.productId,
  productName: products.name,
  productSlug: sql<
    string | null
  >`case when ${products.published} and ${products.archivedAt} is null then ${products.slug} end`,
  kabkotaCode: certificates.kabkotaCode,
  kabkotaName: regions.name,
  commodity: products.commodity,
  stars: certificates.stars,
  number: certificates.number,
  code: certificates.code,
  validFrom: certificates.validFrom,
  validUntil: certificates.validUntil,
  revokedAt: certificates.revokedAt,
  revokeReason: certificates.revokeReason,
  createdAt: certificates.createdAt,
};

function certificateQuery(db: Db) {
  return db
    .select(certificateColumns)
    .from(certificates)
    .innerJoin(cycles, eq(cycles.id, certificates.cycleId))
    .innerJoin(ikm, eq(ikm.id, certificates.ikmId))
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(regions, eq(regions.code, certificates.kabkotaCode));
}

/** Where a certificate stands today: valid, revoked, or past its validity. */
export function certificateState(
  c: Pick<CertificateView, 'revokedAt' | 'validUntil'>,
  today = localDate(),
): CertificateState {
  if (c.revokedAt) return 'revoked';
  if (c.validUntil < today) return 'expired';
  return 'valid';
}

/**
 * Who may see a certificate: the admin, the officer of its kab/kota, or the owner linked to its IKM
 * (others: not found, so another IKM's certificate does not even exist for them).
 */
function assertScope(actor: Actor, row: { kabkotaCode: string; ownerUserId: string | null }): void {
  if (isProvinceWide(actor)) return;
  if (actor.role === 'petugas_kabkota' && actor.regionCode === row.kabkotaCode) return;
  if (actor.role === 'pemilik_ikm' && actor.userId && row.ownerUserId === actor.userId) return;
  throw new NotFoundError('certificate');
}

export async function getCertificate(db: Db, actor: Actor, id: string): Promise<CertificateView> {
  const [row] = await certificateQuery(db).where(eq(certificates.id, id)).limit(1);
  if (!row) throw new NotFoundError('certificate');
  assertScope(actor, row);
  return row;
}

/** The certificates of the IKM the owner is linked to, newest first (the owner's own page). */
export async function certificatesOfOwner(db: Db, actor: Actor): Promise<CertificateView[]> {
  if (actor.role !== 'pemilik_ikm' || !actor.userId) return [];
  return certificateQuery(db)
    .where(eq(ikm.ownerUserId, actor.userId))
    .orderBy(desc(certificates.validFrom), asc(certificates.number));
}

/**
 * The certificate of a nomination, refused with the reason when there is none: no decided star yet,
 * decided without a star, or decided but its cycle not yet published.
 */
export async function certificateForNomination(
  db: Db,
  actor: Actor,
  nominationId: string,
): Promise<CertificateView> {
  const [nom] = await db
    .select({ kabkotaCode: nominations.kabkotaCode })
    .from(nominations)
    .where(eq(nominations.id, nominationId))
    .limit(1);
  if (!nom) throw new NotFoundError('nomination');
  // Staff only: the owner reads their certificates by the certificate, not by the nomination.
  assertScope(actor, { kabkotaCode: nom.kabkotaCode, ownerUserId: null });
  const [cert] = await certificateQuery(db).where(eq(certificates.nominationId, nominationId)).limit(1);
  if (cert) return cert;
  const [result] = await db
    .select({ status: nominationResults.status, finalStar: nominationResults.finalStar })
    .from(nominationResults)
    .where(eq(nominationResults.nominationId, nominationId));
  if (!result || result.status !== 'decided' || result.finalStar === null)
    throw ruleViolation('_form', awardsRules.noDecidedStar, {}, 409);
  if (result.finalStar === 0) throw ruleViolation('_form', awardsRules.noStarAwarded, {}, 409);
  throw ruleViolation('_form', awardsRules.notYetPublished, {}, 409);
}

/** A nomination's certificate, if one was issued and the actor may see it (the nomination page's section). */
export async function issuedCertificateOf(
  db: Db,
  actor: Actor,
  nominationId: string,
): Promise<CertificateView | null> {
  const [cert] = await certificateQuery(db).where(eq(certificates.nominationId, nominationId)).limit(1);
  if (!cert) return null;
  if (!isProvinceWide(actor) && !(actor.role === 'petugas_kabkota' && actor.regionCode === cert.kabkotaCode))
    return null;
  return cert;
}

/** The certificates of a cycle the actor may see (their kab/kota, or all), by kab/kota and number. */
export async function certificatesOfCycle(
  db: Db,
  actor: Actor,
  cycleId: string,
  kabkotaCode?: string | null,
): Promise<CertificateView[]> {
  const scope = isProvinceWide(actor) ? (kabkotaCode ?? null) : (actor.regionCode ?? '-');
  return certificateQuery(db)
    .where(and(eq(certificates.cycleId, cycleId), scope ? eq(certificates.kabkotaCode, scope) : undefined))
    .orderBy(asc(certificates.kabkotaCode), asc(certificates.number));
}

/** Every certificate of an IKM, newest first (the profile panel and the timeline). */
export async function certificatesOfIkm(db: Db, ikmId: string): Promise<CertificateView[]> {
  return certificateQuery(db).where(eq(certificates.ikmId, ikmId)).orderBy(desc(certificates.validFrom));
}

/** Revokes a certificate with a reason (audited); its star leaves the catalog, its record stays. */
export async function revokeCertificate(
  db: Db,
  actor: Actor,
  id: string,
  input: { reason?: string | undefined },
): Promise<CertificateView> {
  const reason = input.reason?.trim();
  if (!reason) throw ruleViolation('reason', awardsRules.reasonRequired);
  const before = await getCertificate(db, actor, id);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(certificates).where(eq(certificates.id, id)).for('update');
    if (!row) throw new NotFoundError('certificate');
    if (row.revokedAt)
      throw ruleViolation(
        '_form',
        awardsRules.alreadyRevoked,
        { date: formatDate(row.revokedAt, actor.lang) },
        409,
      );
    const now = new Date();
    await tx
      .update(certificates)
      .set({ revokedAt: now, revokedBy: actor.userId, revokeReason: reason })
      .where(eq(certificates.id, id));
    await writeAudit(tx, actor, {
      action: 'certificate.revoke',
      objectType: 'certificate',
      objectId: id,
      regionCode: row.kabkotaCode,
      before: { number: row.number, revokedAt: null },
      after: { number: row.number, revokedAt: now.toISOString() },
      reason,
    });
  });
  return { ...before, revokedAt: new Date(), revokeReason: reason };
}

// Verification (public) ---------------------------------------------------------------------------

export type Verification =
  | { state: 'malformed' }
  | { state: 'not_found' }
  | { state: CertificateState; certificate: CertificateView };

/** What anyone scanning a label learns about a code: genuine and valid, revoked, expired, unknown or malformed. */
export async function verifyCode(db: Db, code: string, today = localDate()): Promise<Verification> {
  if (!CODE_RE.test(code)) return { state: 'malformed' };
  const [row] = await certificateQuery(db).where(eq(certificates.code, code)).limit(1);
  if (!row) return { state: 'not_found' };
  return { state: certificateState(row, today), certificate: row };
}

/** The cycles an admin can publish or has published, with their decided and awarded counts. */
export async function awardCycles(db: Db, provinceCode: string) {
  const rows = await queryRows<{
    id: string;
    name: string;
    year: number;
    decided: number;
    awarded: number;
    published_at: Date | string | null;
  }>(
    db,
    sql`select c.id, c.name, c.year,
          (select count(*)::int from nomination_results r join nominations n on n.id = r.nomination_id
            where r.cycle_id = c.id and r.status = 'decided' and n.state in ('decided', 'published')) as decided,
          (select count(*)::int from nomination_results r join nominations n on n.id = r.nomination_id
            where r.cycle_id = c.id and r.status = 'decided' and r.final_star > 0
              and n.state in ('decided', 'published')) as awarded,
          p.published_at
        from cycles c left join cycle_publications p on p.cycle_id = c.id
        where c.province_code = ${provinceCode} and c.archived_at is null
        order by c.year desc, c.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    year: Number(r.year),
    decided: Number(r.decided),
    awarded: Number(r.awarded),
    publishedAt: r.published_at ? new Date(r.published_at) : null,
  }));
}

/** Certificate ids of a cycle in number order (the bulk ZIP). */
export async function certificateIdsOf(
  db: Db,
  cycleId: string,
  kabkotaCode: string | null,
): Promise<string[]> {
  const rows = await db
    .select({ id: certificates.id })
    .from(certificates)
    .where(
      and(
        eq(certificates.cycleId, cycleId),
        kabkotaCode ? eq(certificates.kabkotaCode, kabkotaCode) : undefined,
        isNull(certificates.revokedAt),
      ),
    )
    .orderBy(asc(certificates.number));
  return rows.map((r) => r.id);
}
