/**
 * Every certificate of a published cycle as PDFs in one ZIP, built by a small in-process job whose
 * progress a page shows (the approach of the nominations' proposal packages). The ZIP is written under
 * the data dir; it can always be made again, so a job that died with its process shows as failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { certificateJobs } from '../../db/schema/awards.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { FileStore } from '../../platform/files.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { log } from '../../platform/log.ts';
import { awardsRules } from './awards.messages.ts';
import { certificateIdsOf, cycleSlug, getCertificate, verificationPath } from './awards.service.ts';
import { getAwardSettings } from './awards.settings.ts';
import { certificateFileName, certificatePdf } from './certificate.pdf.ts';
import { getCycle } from '../cycles/cycles.service.ts';

export type CertificateJob = typeof certificateJobs.$inferSelect;

/** What the jobs need from the installation. */
export interface CertificateJobEnv {
  store: FileStore;
  /** Where the ZIPs go. */
  dir: string;
  /** The site's absolute address, for the verification URLs printed on the certificates. */
  origin: string;
}

const STALE_MS = 10 * 60_000;

export const jobFilePath = (env: CertificateJobEnv, id: string) => path.join(env.dir, `${id}.zip`);

/** Starts a ZIP of a cycle's current certificates (all, or one kab/kota); returns the job and its end. */
export async function startCertificateJob(
  db: Db,
  env: CertificateJobEnv,
  actor: Actor,
  cycleId: string,
  kabkotaCode: string | null = null,
): Promise<{ job: CertificateJob; finished: Promise<void> }> {
  const cycle = await getCycle(db, cycleId);
  const ids = await certificateIdsOf(db, cycleId, kabkotaCode);
  if (ids.length === 0) throw ruleViolation('_form', awardsRules.nothingToZip, {}, 409);
  const fileName = `sertifikat-${cycleSlug(cycle.name)}${kabkotaCode ? `-${kabkotaCode.replace('.', '')}` : ''}.zip`;
  const job = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(certificateJobs)
      .values({ requestedBy: actor.userId, cycleId, kabkotaCode, total: ids.length, fileName })
      .returning();
    await writeAudit(tx, actor, {
      action: 'certificate.zip',
      objectType: 'certificate_job',
      objectId: row!.id,
      after: { cycleId, kabkotaCode, certificates: ids.length },
    });
    return row!;
  });
  const finished = runJob(db, env, actor, job.id, ids).catch((err) =>
    log.error('certificate job failed', { jobId: job.id, err }),
  );
  return { job, finished };
}

async function runJob(db: Db, env: CertificateJobEnv, actor: Actor, jobId: string, ids: string[]) {
  const setJob = (values: Partial<typeof certificateJobs.$inferInsert>) =>
    db
      .update(certificateJobs)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(certificateJobs.id, jobId));
  await fs.promises.mkdir(env.dir, { recursive: true });
  const target = jobFilePath(env, jobId);
  const tmp = `${target}.tmp`;
  try {
    await setJob({ status: 'running' });
    const settings = await getAwardSettings(db);
    const { ZipFile } = await import('yazl');
    const zip = new ZipFile();
    const out = fs.createWriteStream(tmp);
    const written = new Promise<void>((resolve, reject) => {
      out.on('close', () => resolve());
      out.on('error', reject);
      zip.outputStream.on('error', reject);
    });
    zip.outputStream.pipe(out);
    for (const [i, id] of ids.entries()) {
      const c = await getCertificate(db, actor, id);
      const pdf = await certificatePdf(c, settings, env.store, `${env.origin}${verificationPath(c.code)}`);
      zip.addBuffer(Buffer.from(pdf), certificateFileName(c));
      await setJob({ done: i + 1 });
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

/** A job (admin only), a dead one shown as failed. */
export async function getCertificateJob(db: Db, id: string): Promise<CertificateJob> {
  const [row] = await db.select().from(certificateJobs).where(eq(certificateJobs.id, id)).limit(1);
  if (!row) throw new NotFoundError('certificate_job');
  if (
    (row.status === 'running' || row.status === 'queued') &&
    Date.now() - row.updatedAt.getTime() > STALE_MS
  )
    return { ...row, status: 'failed', error: 'interrupted' };
  return row;
}

export async function recentCertificateJobs(db: Db, cycleId: string): Promise<CertificateJob[]> {
  return db
    .select()
    .from(certificateJobs)
    .where(and(eq(certificateJobs.cycleId, cycleId)))
    .orderBy(desc(certificateJobs.createdAt))
    .limit(5);
}
