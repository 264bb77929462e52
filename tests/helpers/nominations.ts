/**
 * Fixtures for nomination tests: a cycle whose proposal window sits where the test wants it, an IKM
 * in a decreed sentra with a product and legal documents, small real files (a PDF, a PNG).
 */
import { and, eq } from 'drizzle-orm';
import { cycleChecklistItems } from '../../src/db/schema/cycles.ts';
import { systemActor } from '../../src/platform/actor.ts';
import type { Commodity, CyclePhase } from '../../src/platform/domain.ts';
import { DEFAULT_COMMODITIES, defaultChecklist } from '../../src/features/cycles/cycles.defaults.ts';
import { defaultStarBands } from '../../src/features/cycles/cycles.rules.ts';
import { createCycle } from '../../src/features/cycles/cycles.service.ts';
import { createDocument } from '../../src/features/registry/documents.service.ts';
import { createIkm } from '../../src/features/registry/ikm.service.ts';
import { createProduct } from '../../src/features/registry/products.service.ts';
import {
  DocumentFields,
  IkmFields,
  ProductFields,
  SentraFields,
  SentraUpdate,
} from '../../src/features/registry/registry.forms.ts';
import { createSentra, updateSentra } from '../../src/features/registry/sentra.service.ts';
import type { TestApp, TestClient } from './app.ts';

const DAY = 86_400_000;

/** A small but real PDF (its bytes start with %PDF, as the sniffer wants). */
export function pdfBytes(label = 'dokumen'): Uint8Array {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A 1×1 PNG. */
export function pngBytes(): Uint8Array {
  return new Uint8Array(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
}

export function file(bytes: Uint8Array, name: string, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

let cycleSerial = 0;

/**
 * A cycle covering the five commodities with the default checklists, its proposal window from
 * `opensInDays` to `closesInDays` around now, administrative selection after it.
 */
export async function makeCycle(
  t: TestApp,
  opts: {
    opensInDays?: number;
    closesInDays?: number;
    adminEndsInDays?: number;
    quotas?: { kabkotaCode: string; quota: number }[];
    kind?: 'provincial_preselection' | 're_evaluation';
    name?: string;
  } = {},
): Promise<string> {
  const now = Date.now();
  const open = new Date(now + (opts.opensInDays ?? -5) * DAY);
  const close = new Date(now + (opts.closesInDays ?? 10) * DAY);
  const adminEnd = new Date(now + (opts.adminEndsInDays ?? (opts.closesInDays ?? 10) + 20) * DAY);
  const phases: { phase: CyclePhase; startsAt: Date; endsAt: Date }[] = [
    { phase: 'proposal', startsAt: open, endsAt: close },
    { phase: 'admin_selection', startsAt: new Date(close.getTime() + 60_000), endsAt: adminEnd },
  ];
  const commodities: Commodity[] = DEFAULT_COMMODITIES;
  cycleSerial++;
  const cycle = await createCycle(
    t.database.db,
    systemActor('test'),
    {
      name: opts.name ?? `Periode Uji ${cycleSerial}`,
      year: 2026,
      kind: opts.kind ?? 'provincial_preselection',
      starScale: 3,
      bands: defaultStarBands(3),
      phases,
      commodities: commodities.map((commodity) => ({ commodity, rubricVersionRef: null })),
      checklist: commodities.flatMap((commodity) =>
        defaultChecklist(commodity).map((item) => ({ commodity, ...item })),
      ),
      quotas: opts.quotas ?? [],
      reason: undefined,
    },
    t.config.PROVINCE_CODE,
  );
  return cycle.id;
}

/** The checklist items of a cycle's commodity by code. */
export async function items(
  t: TestApp,
  cycleId: string,
  commodity: Commodity,
): Promise<Record<string, string>> {
  const rows = await t.database.db
    .select({ id: cycleChecklistItems.id, code: cycleChecklistItems.code })
    .from(cycleChecklistItems)
    .where(and(eq(cycleChecklistItems.cycleId, cycleId), eq(cycleChecklistItems.commodity, commodity)));
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

let serial = 0;

/**
 * An IKM of `kabkota`, lead business of a decreed sentra, with a NIB (and its scanned NIB document)
 * and one product of `commodity`; food gets a PIRT and a halal certificate with scans too.
 */
export async function makeIkmWithProduct(
  t: TestApp,
  opts: { kabkota?: string; commodity?: Commodity; name?: string; halalExpiry?: string } = {},
): Promise<{
  ikmId: string;
  productId: string;
  sentraId: string;
  nib: string;
  documents: Record<string, string>;
}> {
  const db = t.database.db;
  const actor = systemActor('test');
  const env = { provinceCode: t.config.PROVINCE_CODE };
  const kabkota = opts.kabkota ?? '81.71';
  const commodity = opts.commodity ?? 'makanan_minuman';
  serial++;
  const sentra = await createSentra(
    db,
    actor,
    env,
    SentraFields.parse({
      name: `Sentra Uji ${serial}`,
      kabkotaCode: kabkota,
      commodity,
      decreeNumber: `SK-${serial}/2023`,
      decreeDate: '2023-05-01',
    }),
  );
  const nib = `98${String(100_000_000_00 + serial).padStart(11, '0')}`;
  const { ikm } = await createIkm(
    db,
    actor,
    env,
    IkmFields.parse({
      name: opts.name ?? `IKM Uji ${serial}`,
      ownerName: 'Pemilik Uji',
      nib,
      kabkotaCode: kabkota,
      sentraId: sentra.id,
      workforceMen: '3',
      workforceWomen: '5',
    }),
  );
  await updateSentra(
    db,
    actor,
    env,
    sentra.id,
    SentraUpdate.parse({
      name: sentra.name,
      kabkotaCode: kabkota,
      commodity,
      decreeNumber: sentra.decreeNumber,
      decreeDate: sentra.decreeDate,
      leadIkmId: ikm.id,
      version: sentra.version,
    }),
  );
  const product = await createProduct(
    db,
    actor,
    ProductFields.parse({ ikmId: ikm.id, name: `Produk Uji ${serial}`, commodity, priceMin: '25000' }),
  );
  const scan = (name: string) => ({
    store: t.deps.files,
    upload: { name, bytes: pdfBytes(name) },
    maxBytes: 5_000_000,
  });
  const documents: Record<string, string> = {};
  documents.nib = (
    await createDocument(
      db,
      actor,
      ikm.id,
      DocumentFields.parse({ kind: 'nib', number: nib }),
      scan('nib.pdf'),
    )
  ).id;
  if (commodity === 'makanan_minuman') {
    documents.halal = (
      await createDocument(
        db,
        actor,
        ikm.id,
        DocumentFields.parse({
          kind: 'halal',
          number: `ID81${serial}000123`,
          issueDate: '2024-01-01',
          expiryDate: opts.halalExpiry ?? '2030-12-31',
        }),
        scan('halal.pdf'),
      )
    ).id;
  }
  return { ikmId: ikm.id, productId: product.id, sentraId: sentra.id, nib, documents };
}

/** The file names inside a ZIP. */
export async function zipEntries(bytes: Uint8Array): Promise<string[]> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (entry: { fileName: string }) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Puts every required document of a food nomination through the pages (registry NIB and halal attached). */
export async function completeFoodDraft(
  client: TestClient,
  nominationId: string,
  item: Record<string, string>,
  documents: Record<string, string>,
): Promise<void> {
  const post = async (path: string, form: Record<string, string | File>) => {
    const res = await client.post(path, form);
    if (res.status !== 303) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  };
  for (const code of ['surat_usulan', 'sk_sentra', 'profil_ikm'])
    await post(`/nominations/${nominationId}/items/${item[code]}`, {
      file: file(pdfBytes(code), `${code}.pdf`),
    });
  await post(`/nominations/${nominationId}/items/${item.foto_produk}`, {
    file: file(pngBytes(), 'foto.png', 'image/png'),
  });
  await post(`/nominations/${nominationId}/items/${item.nib}/attach`, { legalDocumentId: documents.nib! });
  await post(`/nominations/${nominationId}/items/${item.sertifikat_halal}/attach`, {
    legalDocumentId: documents.halal!,
  });
  for (const code of ['izin_edar', 'uji_lab'])
    await post(`/nominations/${nominationId}/items/${item[code]}`, {
      file: file(pdfBytes(code), `${code}.pdf`),
      documentNumber: `${code}-1`,
      expiresOn: '31/12/2030',
    });
}

/** The version a page's form carries. */
export async function versionOn(client: TestClient, path: string): Promise<string> {
  const html = await (await client.get(path)).text();
  const m = /name="version" value="(\d+)"/.exec(html);
  if (!m) throw new Error(`no version on ${path}`);
  return m[1]!;
}
