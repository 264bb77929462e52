/**
 * Demo data: coaching programmes for the demo IKMs, with their outcomes — a halal certification
 * facilitation whose certificates were obtained (and recorded among the IKMs' legal documents), a
 * packaging re-branding bimtek with photos of the new packaging, an OVOP Go Global export coaching
 * (brief §2.5), Kota Ambon's equipment aid — plus an open halal programme and a planned fair with
 * recommendations waiting for them, and the IKM owners at the packaging bimtek of the events demo.
 * Every person's name, number and amount is fictitious.
 */
import type { Db } from '../../db/client.ts';
import { coachingProgrammes } from '../../db/schema/coaching.ts';
import { systemActor } from '../../platform/actor.ts';
import type { FileStore } from '../../platform/files.ts';
import { localDate } from '../../platform/format.ts';
import { recordSheet } from '../events/attendance.service.ts';
import { listEvents } from '../events/events.service.ts';
import { EventFilter } from '../events/events.forms.ts';
import { addGuest } from '../events/participants.service.ts';
import { createStakeholder, stakeholderOptions } from '../events/stakeholders.service.ts';
import { addDays } from '../registry/identifiers.ts';
import { type IkmListRow, ikmProfile, listIkm } from '../registry/ikm.service.ts';
import { IkmFilter } from '../registry/registry.forms.ts';
import { OutcomeInput, ProgrammeInput } from './coaching.forms.ts';
import { addParticipants, recordOutcome, type Upload } from './participants.service.ts';
import { createProgramme } from './programmes.service.ts';
import { addRecommendations } from './recommendations.service.ts';

const actor = systemActor('seed');

/** A drawing of a product pouch with its new label, as a JPEG (no text, so no font is needed). */
async function packagingPhoto(colour: string, accent: string, name: string): Promise<Upload> {
  const { default: sharp } = await import('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
    <rect width="640" height="480" fill="#efe9df"/>
    <rect x="200" y="60" width="240" height="360" rx="28" fill="${colour}"/>
    <rect x="200" y="60" width="240" height="40" rx="12" fill="${accent}"/>
    <rect x="228" y="170" width="184" height="120" rx="10" fill="#ffffff"/>
    <circle cx="320" cy="230" r="40" fill="${accent}"/>
    <rect x="240" y="320" width="160" height="14" rx="7" fill="#ffffff" opacity="0.8"/>
    <rect x="260" y="346" width="120" height="10" rx="5" fill="#ffffff" opacity="0.6"/>
  </svg>`;
  const bytes = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
  return { name, bytes: new Uint8Array(bytes) };
}

async function ikmWhere(db: Db, filter: Record<string, string>, limit = 50): Promise<IkmListRow[]> {
  return (await listIkm(db, actor, IkmFilter.parse({ sort: 'name', ...filter }), limit)).rows;
}

async function hasDocument(db: Db, ikmId: string, kind: string): Promise<boolean> {
  return (await ikmProfile(db, actor, ikmId)).documents.some((d) => d.kind === kind);
}

async function partnerId(
  db: Db,
  provinceCode: string,
  name: string,
  create?: Parameters<typeof createStakeholder>[2],
) {
  const found = (await stakeholderOptions(db)).find((s) => s.name.startsWith(name));
  if (found) return found.id;
  if (!create) return undefined;
  return (await createStakeholder(db, actor, create, provinceCode)).id;
}

type ProgrammeFields = Record<string, unknown>;

async function programme(db: Db, provinceCode: string, fields: ProgrammeFields) {
  return createProgramme(db, actor, ProgrammeInput.parse(fields), provinceCode);
}

async function enrol(db: Db, programmeId: string, ikms: { id: string }[]) {
  if (ikms.length)
    await addParticipants(
      db,
      actor,
      programmeId,
      ikms.map((i) => i.id),
    );
}

async function outcome(
  db: Db,
  files: FileStore,
  programmeId: string,
  fields: Record<string, unknown>,
  photos: Upload[] = [],
) {
  await recordOutcome(db, actor, programmeId, OutcomeInput.parse(fields), {
    store: files,
    uploads: photos,
    maxBytes: 10 * 1024 * 1024,
  });
}

/** The coaching step of the demo data (after the registry and the events). */
export async function seedCoachingDemo(ctx: { db: Db; config: { PROVINCE_CODE: string }; files: FileStore }) {
  const { db, files } = ctx;
  const province = ctx.config.PROVINCE_CODE;
  const [existing] = await db.select({ id: coachingProgrammes.id }).from(coachingProgrammes).limit(1);
  if (existing) return;
  const food = await ikmWhere(db, { commodity: 'makanan_minuman' }, 200);
  if (food.length === 0) return;
  const today = localDate();

  // Food IKMs without a halal certificate yet, from Maluku Tengah and Kota Ambon first.
  const withoutHalal: IkmListRow[] = [];
  for (const code of ['81.01', '81.71', '81.05', '81.02']) {
    for (const row of food.filter((f) => f.kabkotaCode === code)) {
      if (withoutHalal.length >= 8) break;
      if (!(await hasDocument(db, row.id, 'halal'))) withoutHalal.push(row);
    }
  }
  const ambonFood = food.filter((f) => f.kabkotaCode === '81.71');
  const [owned] = await ikmWhere(db, { q: 'Kerajinan Mutiara Hati Batu Merah' }, 1);
  const [tenun] = await ikmWhere(db, { commodity: 'kain_tenun', kabkota: '81.03' }, 1);
  const [pearl] = await ikmWhere(db, { kabkota: '81.07' }, 1);

  const halalPartner = await partnerId(db, province, 'Satgas Layanan Halal', {
    name: 'Satgas Layanan Halal Maluku (contoh)',
    type: 'kementerian_lembaga',
    kabkotaCode: '81.71',
  });
  const unpatti = await partnerId(db, province, 'Universitas Pattimura');
  const ikma = await partnerId(db, province, 'Direktorat Jenderal Industri Kecil');

  // 1. Halal certification facilitation, 2024: five IKMs, three certificates obtained.
  const halal = await programme(db, province, {
    title: 'Fasilitasi Sertifikasi Halal bagi IKM Pangan 2024',
    kind: 'certification',
    certificationKind: 'halal',
    fundingSource: 'apbd_provinsi',
    level: 'province',
    startDate: '2024-03-04',
    endDate: '2024-08-30',
    budgetRp: '175000000',
    venue: 'Kota Ambon dan Kabupaten Maluku Tengah',
    organiser: 'Bidang Perindustrian, Disperindag Provinsi Maluku',
    description:
      'Pendampingan pernyataan pelaku usaha (self declare) dan pengajuan sertifikat halal lewat SIHALAL. (Data demo.)',
    partnerIds: halalPartner ? [halalPartner] : [],
  });
  const halalGroup = withoutHalal.slice(0, 5);
  await enrol(db, halal.id, halalGroup);
  for (const [i, row] of halalGroup.slice(0, 3).entries()) {
    const achievedOn = ['2024-06-18', '2024-07-09', '2024-08-21'][i]!;
    await outcome(db, files, halal.id, {
      ikmId: row.id,
      kind: 'certificate_obtained',
      documentKind: 'halal',
      evidenceNumber: `ID81110000${String(4521 + i * 37).padStart(6, '0')}0${624 + i}`,
      achievedOn,
      description: 'Sertifikat halal terbit (self declare) setelah pendampingan.',
      recordDocument: 'on',
      documentIssuer: 'BPJPH',
    });
  }

  // 2. Packaging and re-branding bimtek: new packaging, with photos.
  const packaging = await programme(db, province, {
    title: 'Bimtek Kemasan dan Re-branding Produk Pangan OVOP',
    kind: 'packaging_branding',
    fundingSource: 'tugas_pembantuan',
    level: 'province',
    startDate: '2024-05-14',
    endDate: '2024-06-28',
    budgetRp: '120000000',
    venue: 'Hotel di Kota Ambon',
    organiser: 'Bidang Perindustrian, Disperindag Provinsi Maluku',
    description: 'Desain kemasan, label dan cerita produk, lalu cetak contoh kemasan baru. (Data demo.)',
    partnerIds: unpatti ? [unpatti] : [],
  });
  const packagingGroup = [...ambonFood.slice(0, 2), ...withoutHalal.slice(0, 2)].filter(
    (row, i, all) => all.findIndex((x) => x.id === row.id) === i,
  );
  await enrol(db, packaging.id, packagingGroup);
  const palettes: [string, string][] = [
    ['#8d2f23', '#e0a93b'],
    ['#1f5f4a', '#f2c14e'],
    ['#274c77', '#e76f51'],
  ];
  for (const [i, row] of packagingGroup.slice(0, 3).entries()) {
    const [colour, accent] = palettes[i]!;
    await outcome(
      db,
      files,
      packaging.id,
      {
        ikmId: row.id,
        kind: 'new_packaging',
        achievedOn: '2024-06-28',
        description: 'Standing pouch dengan label baru: komposisi, P-IRT, halal, cerita produk.',
      },
      [await packagingPhoto(colour, accent, `kemasan-baru-${i + 1}.jpg`)],
    );
  }

  // 3. OVOP Go Global: export curation and coaching by the ministry.
  const goGlobal = await programme(db, province, {
    title: 'OVOP Go Global: Kurasi dan Pendampingan Ekspor 2024',
    kind: 'export_coaching',
    fundingSource: 'apbn',
    level: 'centre',
    startDate: '2024-07-01',
    endDate: '2024-11-29',
    organiser: 'Direktorat Jenderal IKMA, Kementerian Perindustrian',
    description:
      'Kurasi ulang kapasitas produksi dan kesiapan ekspor; pelatihan rencana pemasaran ekspor dan digitalisasi. (Data demo.)',
    partnerIds: ikma ? [ikma] : [],
  });
  const exporters = [tenun, pearl, owned].filter((x): x is IkmListRow => Boolean(x));
  await enrol(db, goGlobal.id, exporters);
  for (const row of exporters)
    await outcome(db, files, goGlobal.id, {
      ikmId: row.id,
      kind: 'training_completed',
      achievedOn: '2024-09-27',
      description: 'Menyelesaikan pelatihan rencana pemasaran ekspor.',
    });
  if (tenun)
    await outcome(db, files, goGlobal.id, {
      ikmId: tenun.id,
      kind: 'new_market',
      achievedOn: '2024-11-08',
      evidenceNumber: 'PO/2024/117',
      valueRp: '85000000',
      description: 'Pesanan pertama pembeli dari Belanda pada pameran dagang (contoh).',
    });

  // 4. Kota Ambon's own programme: equipment aid.
  const equipment = await programme(db, province, {
    title: 'Bantuan Peralatan Produksi IKM Kota Ambon 2024',
    kind: 'equipment',
    fundingSource: 'apbd_kabkota',
    level: 'kabkota',
    kabkotaCode: '81.71',
    startDate: '2024-09-02',
    endDate: '2024-12-13',
    budgetRp: '90000000',
    organiser: 'Dinas Perindustrian Kota Ambon',
    description: 'Mesin pengemas (sealer), oven dan peralatan poles. (Data demo.)',
  });
  const ambonGroup = [...ambonFood.slice(0, 2), ...(owned ? [owned] : [])];
  await enrol(db, equipment.id, ambonGroup);
  for (const [i, row] of ambonGroup.slice(0, 2).entries())
    await outcome(db, files, equipment.id, {
      ikmId: row.id,
      kind: 'equipment_received',
      achievedOn: '2024-11-15',
      evidenceNumber: `BAST/${String(i + 1).padStart(2, '0')}/DISPERIN-AMB/XI/2024`,
      valueRp: '12500000',
      description: 'Continuous band sealer dan timbangan digital.',
    });

  // 5. Open now: a second halal wave and a fair; recommendations are waiting for them.
  const wave2 = await programme(db, province, {
    title: 'Fasilitasi Sertifikasi Halal Gelombang II',
    kind: 'certification',
    certificationKind: 'halal',
    fundingSource: 'apbd_provinsi',
    level: 'province',
    startDate: addDays(today, -15),
    endDate: addDays(today, 120),
    budgetRp: '150000000',
    organiser: 'Bidang Perindustrian, Disperindag Provinsi Maluku',
    partnerIds: halalPartner ? [halalPartner] : [],
  });
  await enrol(db, wave2.id, withoutHalal.slice(3, 4));
  await programme(db, province, {
    title: 'Pameran Produk Unggulan Maluku',
    kind: 'promotion',
    fundingSource: 'partner',
    level: 'province',
    startDate: addDays(today, 30),
    endDate: addDays(today, 33),
    venue: 'Ambon',
    partnerIds: unpatti ? [unpatti] : [],
  });
  const waiting = withoutHalal.slice(5, 8);
  await addRecommendations(db, actor, [
    ...waiting.map((row) => ({
      ikmId: row.id,
      source: 'manual' as const,
      coachingKind: 'certification' as const,
      certificationKind: 'halal' as const,
      text: 'Belum bersertifikat halal; syarat produk pangan OVOP (contoh).',
    })),
    ...(waiting[0]
      ? [
          {
            ikmId: waiting[0].id,
            source: 'manual' as const,
            coachingKind: 'packaging_branding' as const,
            text: 'Label belum mencantumkan komposisi dan tanggal kedaluwarsa (contoh).',
          },
        ]
      : []),
    ...(owned
      ? [
          {
            ikmId: owned.id,
            source: 'manual' as const,
            coachingKind: 'promotion' as const,
            text: 'Siap dipamerkan: produk kulit mutiara dengan cerita produk yang kuat (contoh).',
          },
        ]
      : []),
  ]);

  // The IKM owners at the packaging bimtek of the events demo, so their timelines show it.
  const [bimtek] = (await listEvents(db, EventFilter.parse({ q: 'Kemasan dan Cerita Produk' }), 1)).rows;
  if (bimtek) {
    const seqs: number[] = [];
    for (const row of [owned, ...packagingGroup.slice(0, 2)].filter((x): x is IkmListRow => Boolean(x))) {
      const p = await addGuest(db, actor, bimtek.id, {
        name: row.ownerName,
        institution: row.name,
        position: 'Pemilik',
        kabkotaCode: row.kabkotaCode,
        ikmId: row.id,
      });
      seqs.push(p.seq);
    }
    await recordSheet(db, actor, bimtek.id, {
      seqs,
      walkInName: [],
      walkInInstitution: [],
      walkInKabkota: [],
    });
  }
}
