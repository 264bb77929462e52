/**
 * The national proposal package: for a passed nomination, or every passed nomination of a kab/kota,
 * a ZIP with an IKM profile sheet (xlsx and PDF) and its documents, each file named after its
 * checklist item's code, ready to upload to the ministry's national OVOP portal (brief §1.7: its
 * format was not found, so the sheet follows the registry's fields). Built by a small in-process job
 * whose progress a page shows; the ZIP is written under the data dir (it can always be made again).
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { packageJobs } from '../../db/schema/nominations.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { isProvinceWide } from '../../platform/authz.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { type CellValue, type ExportSheet, xlsxStream } from '../../platform/export.ts';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import { log } from '../../platform/log.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { getCycle } from '../cycles/cycles.service.ts';
import { stateLabel } from '../cycles/nominations.messages.ts';
import { documentLabel } from '../registry/registry.messages.ts';
import type { NominationEnv } from './nominations.env.ts';
import { nominationRules, nominationsText } from './nominations.messages.ts';
import {
  getNomination,
  itemLabel,
  kindOfMime,
  type NominationDetail,
  nominationDetail,
  PASSED_STATES,
  passedNominationIds,
} from './nominations.service.ts';
import { regionNameOf } from './registry-reads.ts';

export type PackageJob = typeof packageJobs.$inferSelect;

/** A job that has not moved for this long died with its process (a restart): shown as failed. */
const STALE_MS = 10 * 60_000;

/** The package is written for the ministry's portal: in Indonesian whatever the requester reads. */
const LANG = 'id' as const;
const t = translator(nominationsText, LANG);

/** A file-name-safe form of a name: lower case, letters and digits joined by dashes. */
export function slug(name: string, max = 50): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'usulan';
}

const EXTENSIONS: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  pdf: 'pdf',
  docx: 'docx',
  pptx: 'pptx',
  xlsx: 'xlsx',
};
export const extensionOf = (mime: string) => EXTENSIONS[kindOfMime(mime)] ?? 'bin';

export function packageFilePath(env: NominationEnv, jobId: string): string {
  return path.join(env.packageDir, `${jobId}.zip`);
}

/** The profile sheet's rows: field, value (the same for the xlsx and the PDF). */
function profileRows(d: NominationDetail): [string, string][] {
  const { ikm, product, sentra } = d;
  const capacity = ikm.capacityQty
    ? `${formatNumber(ikm.capacityQty, LANG)} ${ikm.capacityUnit ?? ''}/${ikm.capacityPeriod ?? ''}`
    : '';
  const price =
    product.priceMin !== null
      ? `${formatRupiah(product.priceMin, LANG)}${product.priceMax && product.priceMax !== product.priceMin ? ` – ${formatRupiah(product.priceMax, LANG)}` : ''}`
      : '';
  return [
    [t('f_ikmName'), ikm.name],
    [t('f_owner'), ikm.ownerName],
    [t('f_nib'), ikm.nib ?? ''],
    [t('f_kbli'), ikm.kbli ?? ''],
    [t('f_address'), ikm.address ?? ''],
    [t('f_desa'), ikm.desa ?? ''],
    [t('regency'), d.regencyName],
    [t('f_phone'), ikm.phone ?? ''],
    [t('f_email'), ikm.email ?? ''],
    [t('f_sentra'), sentra?.name ?? ''],
    [
      t('f_decree'),
      sentra?.decreeNumber ? `${sentra.decreeNumber} (${formatDate(sentra.decreeDate, LANG)})` : '',
    ],
    [
      t('f_lead'),
      sentra?.leadIkmId === ikm.id
        ? 'Ya'
        : d.nomination.notLeadReason
          ? `Tidak: ${d.nomination.notLeadReason}`
          : 'Tidak',
    ],
    [t('f_workforce'), `${ikm.workforceMen ?? 0} / ${ikm.workforceWomen ?? 0}`],
    [t('f_investment'), ikm.investment !== null ? formatRupiah(ikm.investment, LANG) : ''],
    [t('f_capacity'), capacity],
    [t('f_product'), product.name],
    [t('commodity'), commodityLabel(d.nomination.commodity, LANG)],
    [t('f_description'), product.descriptionId ?? ''],
    [t('f_story'), (product.storyId ?? '').replace(/[*_#>`]/g, '')],
    [
      t('f_localMaterial'),
      product.localMaterialPct !== null ? `${formatNumber(product.localMaterialPct, LANG)} %` : '',
    ],
    [t('f_price'), price],
    [t('f_hsCode'), product.hsCode ?? ''],
    [t('f_packaging'), product.packaging ?? ''],
    [
      t('f_legal'),
      d.legalDocuments
        .map(
          (doc) =>
            `${documentLabel(doc.kind, LANG)} ${doc.number}${doc.expiryDate ? ` (s.d. ${formatDate(doc.expiryDate, LANG)})` : ''}`,
        )
        .join('; '),
    ],
    [t('f_cycle'), d.cycle.name],
    [t('state'), stateLabel(d.nomination.state, LANG)],
    [t('f_submitted'), formatDateTime(d.nomination.firstSubmittedAt, LANG)],
    [t('f_passed'), formatDateTime(d.nomination.decidedAt, LANG)],
    [t('statement'), d.nomination.statement ?? ''],
  ];
}

/** The documents of a package: each current document under its item's code. */
function packageDocuments(d: NominationDetail) {
  return d.items
    .filter((i) => i.current)
    .map((i) => ({
      name: `${i.item.code}.${extensionOf(i.current!.fileMime)}`,
      label: itemLabel(i.item, LANG),
      sha256: i.current!.fileSha256,
    }));
}

async function streamToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The profile sheet as xlsx bytes. */
export async function profileXlsx(d: NominationDetail): Promise<Buffer> {
  const rows = profileRows(d);
  const docs = packageDocuments(d);
  const sheets: ExportSheet[] = [
    {
      name: t('profileSheet'),
      columns: [
        { header: t('field'), width: 28 },
        { header: t('value'), width: 80 },
      ],
      rows: rows as CellValue[][],
    },
    {
      name: t('f_documents'),
      columns: [
        { header: 'Berkas', width: 30 },
        { header: 'Persyaratan', width: 60 },
      ],
      rows: docs.map((doc) => [doc.name, doc.label]),
    },
  ];
  return streamToBuffer(xlsxStream(sheets));
}

/** The profile sheet as a PDF. */
export async function profilePdf(d: NominationDetail): Promise<Uint8Array> {
  const { PdfWriter } = await import('../../platform/pdf.ts');
  const pdf = await PdfWriter.create({
    lang: LANG,
    title: `${t('profileSheet')} — ${d.ikm.name}`,
    header: ['Dinas Perindustrian dan Perdagangan Provinsi Maluku', d.cycle.name],
    footer: t('packagePrinted', { when: formatDateTime(new Date(), LANG) }),
  });
  await pdf.heading(`${d.product.name} — ${d.ikm.name}`, 1);
  await pdf.keyValues(profileRows(d), { keyWidth: 150 });
  const docs = packageDocuments(d);
  if (docs.length) {
    await pdf.heading(t('f_documents'), 2);
    await pdf.table({
      columns: [
        { header: 'Berkas', width: 2 },
        { header: 'Persyaratan', width: 4 },
      ],
      rows: docs.map((doc) => [doc.name, doc.label]),
    });
  }
  return pdf.finish();
}

/** Who may have a package made: the admin, or the officer of its kab/kota. */
function assertPackageScope(actor: Actor, kabkotaCode: string): void {
  if (isProvinceWide(actor)) return;
  if (actor.role === 'petugas_kabkota' && actor.regionCode === kabkotaCode) return;
  throw new NotFoundError('nomination');
}

/**
 * Starts a package job for one passed nomination, or every passed nomination of a kab/kota in a
 * cycle; returns the job and the promise of its end (pages do not wait for it; tests do).
 */
export async function startPackageJob(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  target: { nominationId: string } | { cycleId: string; kabkotaCode: string },
): Promise<{ job: PackageJob; finished: Promise<void> }> {
  let ids: string[];
  let cycleId: string;
  let kabkotaCode: string;
  let fileName: string;
  if ('nominationId' in target) {
    const row = await getNomination(db, actor, target.nominationId);
    if (!PASSED_STATES.includes(row.state))
      throw ruleViolation('_form', nominationRules.packageNotPassed, {}, 409);
    ids = [row.id];
    cycleId = row.cycleId;
    kabkotaCode = row.kabkotaCode;
    const detail = await nominationDetail(db, actor, row.id);
    fileName = `usulan-ovop-${slug(detail.ikm.name, 30)}-${slug(detail.product.name, 30)}.zip`;
  } else {
    assertPackageScope(actor, target.kabkotaCode);
    const cycle = await getCycle(db, target.cycleId);
    cycleId = cycle.id;
    kabkotaCode = target.kabkotaCode;
    ids = await passedNominationIds(db, cycleId, kabkotaCode);
    const regency = await regionNameOf(db, kabkotaCode);
    if (ids.length === 0)
      throw ruleViolation('_form', nominationRules.packageNothingPassed, { regency }, 409);
    fileName = `usulan-ovop-${cycle.year}-${slug(regency, 40)}.zip`;
  }
  const job = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(packageJobs)
      .values({
        requestedBy: actor.userId,
        cycleId,
        kabkotaCode,
        nominationId: 'nominationId' in target ? target.nominationId : null,
        total: ids.length,
        fileName,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'nomination.package',
      objectType: 'package_job',
      objectId: row!.id,
      regionCode: kabkotaCode,
      after: { cycleId, nominations: ids, fileName },
    });
    return row!;
  });
  const finished = runPackageJob(db, env, actor, job.id, ids, !('nominationId' in target)).catch((err) =>
    log.error('package job failed', { jobId: job.id, err }),
  );
  return { job, finished };
}

/** Builds the ZIP, one nomination at a time, recording the progress after each. */
async function runPackageJob(
  db: Db,
  env: NominationEnv,
  actor: Actor,
  jobId: string,
  ids: string[],
  withSummary: boolean,
): Promise<void> {
  const setJob = (values: Partial<typeof packageJobs.$inferInsert>) =>
    db
      .update(packageJobs)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(packageJobs.id, jobId));
  await fs.promises.mkdir(env.packageDir, { recursive: true });
  const target = packageFilePath(env, jobId);
  const tmp = `${target}.tmp`;
  try {
    await setJob({ status: 'running' });
    const { ZipFile } = await import('yazl');
    const zip = new ZipFile();
    const out = fs.createWriteStream(tmp);
    const written = new Promise<void>((resolve, reject) => {
      out.on('close', () => resolve());
      out.on('error', reject);
      zip.outputStream.on('error', reject);
    });
    zip.outputStream.pipe(out);
    const summary: CellValue[][] = [];
    const folders = new Set<string>();
    for (const [i, id] of ids.entries()) {
      const d = await nominationDetail(db, actor, id);
      let folder = `${String(i + 1).padStart(2, '0')}-${slug(d.ikm.name, 40)}-${slug(d.product.name, 40)}`;
      while (folders.has(folder)) folder += '-x';
      folders.add(folder);
      zip.addBuffer(await profileXlsx(d), `${folder}/profil-ikm.xlsx`);
      zip.addBuffer(Buffer.from(await profilePdf(d)), `${folder}/profil-ikm.pdf`);
      for (const doc of packageDocuments(d))
        zip.addFile(env.store.pathOf(doc.sha256), `${folder}/${doc.name}`);
      summary.push([
        folder,
        d.ikm.name,
        d.product.name,
        d.ikm.nib ?? '',
        commodityLabel(d.nomination.commodity, LANG),
        stateLabel(d.nomination.state, LANG),
      ]);
      await setJob({ done: i + 1 });
    }
    if (withSummary) {
      const sheet: ExportSheet = {
        name: t('summarySheet'),
        columns: ['Folder', t('f_ikmName'), t('f_product'), t('f_nib'), t('commodity'), t('state')].map(
          (h) => ({
            header: h,
            width: 30,
          }),
        ),
        rows: summary,
      };
      zip.addBuffer(await streamToBuffer(xlsxStream([sheet])), 'daftar-usulan.xlsx');
    }
    zip.end();
    await written;
    await fs.promises.rename(tmp, target);
    const { size } = await fs.promises.stat(target);
    await setJob({ status: 'done', size, finishedAt: new Date() });
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    await setJob({
      status: 'failed',
      error: String((err as Error).message ?? err).slice(0, 500),
      finishedAt: new Date(),
    });
    throw err;
  }
}

/** A package job the actor may see (its kab/kota, or the province), with a dead one shown as failed. */
export async function getPackageJob(db: Db, actor: Actor, id: string): Promise<PackageJob> {
  const [row] = await db.select().from(packageJobs).where(eq(packageJobs.id, id)).limit(1);
  if (!row) throw new NotFoundError('package_job');
  assertPackageScope(actor, row.kabkotaCode);
  if (
    (row.status === 'running' || row.status === 'queued') &&
    Date.now() - row.updatedAt.getTime() > STALE_MS
  )
    return { ...row, status: 'failed', error: 'interrupted' };
  return row;
}

/** The actor's recent package jobs of a cycle (newest first). */
export async function recentPackageJobs(db: Db, actor: Actor, cycleId: string): Promise<PackageJob[]> {
  return db
    .select()
    .from(packageJobs)
    .where(
      and(
        eq(packageJobs.cycleId, cycleId),
        isProvinceWide(actor) ? undefined : eq(packageJobs.kabkotaCode, actor.regionCode ?? '-'),
      ),
    )
    .orderBy(desc(packageJobs.createdAt))
    .limit(10);
}
