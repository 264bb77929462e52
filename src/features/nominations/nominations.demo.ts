/**
 * Demo nominations (`ovop seed --demo`): in the 2024 pre-selection and the open 2026 round, products
 * of several kab/kota as candidates and nominations in every state of administrative selection —
 * drafts, submitted, returned with the province's comments, passed (one after a correction), failed,
 * withdrawn — each with its documents, reviews and history, so the funnel and the task lists show
 * something. Written as they would stand after the real flow (the 2024 window is long past, so the
 * moves cannot be replayed through the guards); one transaction, once.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { cycles } from '../../db/schema/cycles.ts';
import {
  candidateComments,
  candidates,
  earlierAwards,
  nominationDocuments,
  nominationReviews,
  nominations,
  nominationTransitions,
} from '../../db/schema/nominations.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Commodity, NominationState } from '../../platform/domain.ts';
import { type FileStore, storeGenerated } from '../../platform/files.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { newId } from '../../platform/ids.ts';
import { type ChecklistItem, checklistFor, freezeCycle } from '../cycles/cycles.service.ts';

const wit = (s: string) => fromLocalInput(s)!;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small real PDF standing in for a scanned document. */
function demoPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, ' ');
  const stream = `BT /F1 14 Tf 40 760 Td (${text}) Tj 0 -24 Td (Dokumen contoh - data demo) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj${o}endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

interface Pick {
  productId: string;
  productName: string;
  commodity: Commodity;
  kabkotaCode: string;
  ikmId: string;
  photoSha: string | null;
  photoMime: string | null;
}

/** What each demo nomination goes through. */
type Story = 'draft' | 'submitted' | 'returned' | 'passed' | 'passed_after_return' | 'failed' | 'withdrawn';

const STORIES_2024: Story[] = [
  'passed',
  'passed_after_return',
  'failed',
  'passed',
  'withdrawn',
  'returned',
  'passed',
  'failed',
  'passed',
];
const STORIES_2026: Story[] = [
  'submitted',
  'returned',
  'draft',
  'passed',
  'submitted',
  'failed',
  'withdrawn',
  'draft',
  'returned',
  'passed_after_return',
  'submitted',
];
/** The kab/kota the nominations come from, in turn. */
const REGENCIES = ['81.71', '81.03', '81.01', '81.04', '81.06', '81.02', '81.05', '81.72'];

const FAULTS: Record<string, string> = {
  surat_usulan: 'Surat usulan belum ditandatangani kepala dinas; unggah yang bertanda tangan dan berstempel.',
  sk_sentra: 'SK sentra yang diunggah sudah dicabut; lampirkan SK penetapan yang berlaku.',
  uji_lab: 'Hasil uji laboratorium lebih dari satu tahun; lampirkan hasil uji terbaru.',
  foto_produk: 'Foto produk buram; unggah foto dengan latar polos dan pencahayaan cukup.',
  profil_ikm: 'Cerita produk belum memuat asal bahan baku lokal.',
};

export async function seedDemoNominations(db: Db, store: FileStore, provinceCode: string): Promise<void> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(nominations);
  if (Number(existing?.n ?? 0) > 0) return;
  const rounds = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.provinceCode, provinceCode), sql`${cycles.year} in (2024, 2026)`));
  const c2024 = rounds.find((c) => c.year === 2024);
  const c2026 = rounds.find((c) => c.year === 2026);
  if (!c2024 || !c2026) return;
  const covered = ['makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah'];
  // Products of IKMs with a NIB in a decreed sentra first, the lead business first: likely nominees.
  const products = await queryRows<Pick>(
    db,
    sql`select p.id as "productId", p.name as "productName", p.commodity, p.kabkota_code as "kabkotaCode",
        p.ikm_id as "ikmId", ph.file_sha256 as "photoSha", ph.file_mime as "photoMime"
      from products p
      join ikm i on i.id = p.ikm_id
      left join sentra s on s.id = i.sentra_id
      left join product_photos ph on ph.id = p.cover_photo_id
      where p.archived_at is null and i.archived_at is null and i.nib is not null
        and p.commodity in (${sql.join(
          covered.map((c) => sql`${c}`),
          sql`, `,
        )})
      order by p.kabkota_code, (s.decree_number is not null) desc, (s.lead_ikm_id = i.id) desc nulls last, p.id`,
  );
  if (products.length === 0) return;
  const byRegency = new Map<string, Pick[]>();
  for (const p of products) byRegency.set(p.kabkotaCode, [...(byRegency.get(p.kabkotaCode) ?? []), p]);
  const usedIkm = new Set<string>();
  let turn = 0;
  const next = (): Pick | undefined => {
    for (let tries = 0; tries < REGENCIES.length * 2; tries++) {
      const code = REGENCIES[turn++ % REGENCIES.length]!;
      const list = byRegency.get(code) ?? [];
      const found = list.find((p) => !usedIkm.has(p.ikmId));
      if (found) {
        usedIkm.add(found.ikmId);
        return found;
      }
    }
    return undefined;
  };

  const people = await db
    .select({ id: users.id, email: users.email, regionCode: users.regionCode })
    .from(users)
    .where(sql`${users.email} in ('admin@ovop.test', 'ambon@ovop.test', 'tanimbar@ovop.test')`);
  const adminId = people.find((u) => u.email === 'admin@ovop.test')?.id ?? null;
  const officerOf = (code: string) => people.find((u) => u.regionCode === code)?.id ?? null;

  // One stand-in scan per checklist item code, stored once (content-addressed).
  const scans = new Map<string, string>();
  const scanOf = async (item: ChecklistItem) => {
    let sha = scans.get(item.code);
    if (!sha) {
      sha = await storeGenerated(db, store, demoPdf(item.labelId), 'application/pdf');
      scans.set(item.code, sha);
    }
    return sha;
  };

  const checklists = new Map<string, ChecklistItem[]>();
  const checklistOf = async (cycleId: string, commodity: Commodity) => {
    const key = `${cycleId}:${commodity}`;
    if (!checklists.has(key)) checklists.set(key, await checklistFor(db, cycleId, commodity));
    return checklists.get(key)!;
  };

  const rows = {
    candidates: [] as (typeof candidates.$inferInsert)[],
    comments: [] as (typeof candidateComments.$inferInsert)[],
    nominations: [] as (typeof nominations.$inferInsert)[],
    documents: [] as (typeof nominationDocuments.$inferInsert)[],
    reviews: [] as (typeof nominationReviews.$inferInsert)[],
    transitions: [] as (typeof nominationTransitions.$inferInsert)[],
  };

  const plan = [
    { cycle: c2024, stories: STORIES_2024, start: wit('2024-06-05T09:00'), validUntil: '2026-06-30' },
    { cycle: c2026, stories: STORIES_2026, start: wit('2026-11-05T09:00'), validUntil: '2028-06-30' },
  ];
  for (const { cycle, stories, start, validUntil } of plan) {
    for (const [i, story] of stories.entries()) {
      const p = next();
      if (!p) break;
      const id = newId();
      const officer = officerOf(p.kabkotaCode);
      const created = new Date(start.getTime() + i * DAY + i * HOUR);
      const submitted = new Date(created.getTime() + 2 * DAY);
      const returned = new Date(submitted.getTime() + 3 * DAY);
      const resubmitted = new Date(returned.getTime() + 2 * DAY);
      const decided = new Date(
        (story === 'passed_after_return' ? resubmitted : submitted).getTime() + 4 * DAY,
      );
      const candidateId = newId();
      rows.candidates.push({
        id: candidateId,
        provinceCode,
        kabkotaCode: p.kabkotaCode,
        cycleId: cycle.id,
        productId: p.productId,
        ikmId: p.ikmId,
        justification: `${p.productName}: produk unggulan daerah dengan bahan baku lokal dan pasar yang sudah berjalan (data demo).`,
        createdBy: officer,
        createdAt: new Date(created.getTime() - 20 * DAY),
        updatedAt: new Date(created.getTime() - 20 * DAY),
      });
      if (i % 3 === 0)
        rows.comments.push({
          candidateId,
          kabkotaCode: p.kabkotaCode,
          authorId: adminId,
          body: 'Pastikan SK sentra dan hasil uji produk sudah lengkap sebelum diusulkan.',
          createdAt: new Date(created.getTime() - 15 * DAY),
        });
      const items = await checklistOf(cycle.id, p.commodity);
      const state: NominationState =
        story === 'draft'
          ? 'draft'
          : story === 'submitted'
            ? 'submitted'
            : story === 'returned'
              ? 'returned'
              : story === 'failed'
                ? 'admin_failed'
                : story === 'withdrawn'
                  ? 'withdrawn'
                  : 'admin_passed';
      const round = story === 'draft' ? 0 : story === 'passed_after_return' ? 2 : 1;
      const fault = items.find(
        (it) => FAULTS[it.code] && it.required && (i % 2 === 0 ? it.code !== 'uji_lab' : true),
      )!;
      // Documents: every required item once submitted (a draft has the first few), merek sometimes.
      const wanted = items.filter((it) => (story === 'draft' ? it.position < 3 : it.required || i % 2 === 0));
      for (const item of wanted) {
        const photo = item.code === 'foto_produk' && p.photoSha && p.photoMime;
        const version = (n: number, at: Date, superseded: Date | null, r: number) =>
          rows.documents.push({
            nominationId: id,
            kabkotaCode: p.kabkotaCode,
            checklistItemId: item.id,
            itemCode: item.code,
            number: n,
            source: 'upload',
            fileSha256: photo ? p.photoSha! : '',
            fileName: photo ? 'foto-produk.webp' : `${item.code}.pdf`,
            fileMime: photo ? p.photoMime! : 'application/pdf',
            documentNumber: item.validOnDeadline ? `${item.code.toUpperCase()}-${i + 1}/${cycle.year}` : null,
            expiresOn: item.validOnDeadline ? validUntil : null,
            round: r,
            uploadedBy: officer,
            createdAt: at,
            supersededAt: superseded,
          });
        const doc = rows.documents.length;
        if (story === 'passed_after_return' && item.id === fault.id) {
          version(1, created, resubmitted, 0);
          version(2, new Date(resubmitted.getTime() - HOUR), null, 1);
        } else version(1, new Date(created.getTime() + HOUR), null, 0);
        if (!photo)
          for (let k = doc; k < rows.documents.length; k++)
            rows.documents[k]!.fileSha256 = await scanOf(item);
      }
      const move = (
        action: string,
        from: NominationState,
        to: NominationState,
        at: Date,
        r: number,
        actor: string | null,
        reason?: string,
      ) =>
        rows.transitions.push({
          nominationId: id,
          kabkotaCode: p.kabkotaCode,
          action,
          fromState: from,
          toState: to,
          round: r,
          reason: reason ?? null,
          actorUserId: actor,
          at,
        });
      const review = (r: number, at: Date, faulty: ChecklistItem | null) => {
        for (const item of items.filter((it) => wanted.includes(it)))
          rows.reviews.push({
            nominationId: id,
            checklistItemId: item.id,
            round: r,
            verdict: item === faulty ? 'fault' : 'ok',
            comment: item === faulty ? FAULTS[item.code]! : null,
            reviewedBy: adminId,
            reviewedAt: at,
          });
      };
      let decisionReason: string | null = null;
      let withdrawnReason: string | null = null;
      if (story !== 'draft') move('submit', 'draft', 'submitted', submitted, 1, officer);
      if (story === 'returned' || story === 'passed_after_return') {
        review(1, returned, fault);
        move('return', 'submitted', 'returned', returned, 1, adminId);
      }
      if (story === 'passed_after_return') {
        move('resubmit', 'returned', 'submitted', resubmitted, 2, officer);
        review(2, decided, null);
      }
      if (story === 'passed') review(1, decided, null);
      if (story === 'passed' || story === 'passed_after_return') {
        decisionReason = 'Dokumen lengkap dan sesuai.';
        move('pass', 'submitted', 'admin_passed', decided, round, adminId, decisionReason);
      }
      if (story === 'failed') {
        decisionReason = 'IKM tidak berada di sentra yang ditetapkan dengan SK bupati/walikota.';
        move('fail', 'submitted', 'admin_failed', decided, 1, adminId, decisionReason);
      }
      if (story === 'withdrawn') {
        withdrawnReason = 'IKM belum siap mengikuti penilaian tahun ini.';
        move('withdraw', 'submitted', 'withdrawn', returned, 1, officer, withdrawnReason);
      }
      const last = rows.transitions.filter((x) => x.nominationId === id).at(-1)?.at ?? created;
      rows.nominations.push({
        id,
        cycleId: cycle.id,
        provinceCode,
        kabkotaCode: p.kabkotaCode,
        productId: p.productId,
        ikmId: p.ikmId,
        commodity: p.commodity,
        candidateId,
        state,
        round,
        statement:
          i % 2 === 0
            ? `${p.productName} dibuat dari bahan baku lokal oleh perajin setempat dan sudah dipasarkan ke luar daerah.`
            : null,
        configVersion: story === 'draft' ? null : cycle.configVersion,
        firstSubmittedAt: story === 'draft' ? null : submitted,
        submittedAt: story === 'draft' ? null : story === 'passed_after_return' ? resubmitted : submitted,
        returnCount: story === 'returned' || story === 'passed_after_return' ? 1 : 0,
        decidedAt: decisionReason ? decided : null,
        decisionReason,
        withdrawnAt: withdrawnReason ? returned : null,
        withdrawnReason,
        createdBy: officer,
        createdAt: created,
        updatedAt: last,
        version: 1 + rows.transitions.filter((x) => x.nominationId === id).length,
      });
    }
    // A few candidates that were not (yet) nominated, so potential exceeds nominated.
    for (let k = 0; k < 4; k++) {
      const p = next();
      if (!p) break;
      rows.candidates.push({
        provinceCode,
        kabkotaCode: p.kabkotaCode,
        cycleId: cycle.id,
        productId: p.productId,
        ikmId: p.ikmId,
        justification: `${p.productName}: potensi dari sentra setempat, perlu pendampingan legalitas dulu (data demo).`,
        createdBy: officerOf(p.kabkotaCode),
        createdAt: new Date(start.getTime() - 10 * DAY + k * HOUR),
        updatedAt: new Date(start.getTime() - 10 * DAY + k * HOUR),
      });
    }
  }

  const actor = systemActor('seed');
  await db.transaction(async (tx) => {
    await tx.insert(candidates).values(rows.candidates);
    if (rows.comments.length) await tx.insert(candidateComments).values(rows.comments);
    await tx.insert(nominations).values(rows.nominations);
    for (let i = 0; i < rows.documents.length; i += 200)
      await tx.insert(nominationDocuments).values(rows.documents.slice(i, i + 200));
    for (let i = 0; i < rows.reviews.length; i += 200)
      await tx.insert(nominationReviews).values(rows.reviews.slice(i, i + 200));
    await tx.insert(nominationTransitions).values(rows.transitions);
    // Submissions froze both rounds' configuration.
    await freezeCycle(tx, actor, c2024.id, wit('2024-06-07T09:00'));
    await freezeCycle(tx, actor, c2026.id, wit('2026-11-07T09:00'));
    // An earlier star, entered by hand, so a 2026 nomination shows the re-evaluation flag.
    const holder = rows.nominations.find((n) => n.cycleId === c2026.id && n.state === 'submitted');
    if (holder)
      await tx.insert(earlierAwards).values({
        provinceCode,
        kabkotaCode: holder.kabkotaCode,
        ikmId: holder.ikmId,
        productId: holder.productId,
        year: 2018,
        stars: 3,
        source: 'entered',
        notes:
          'Data demo: contoh pemegang bintang terdahulu (pemegang bintang Maluku tidak ditemukan dalam sumber publik).',
        createdBy: adminId,
      });
    await writeAudit(tx, actor, {
      action: 'nominations.demo_seed',
      objectType: 'nominations',
      after: {
        candidates: rows.candidates.length,
        nominations: rows.nominations.length,
        documents: rows.documents.length,
      },
    });
  });
}
