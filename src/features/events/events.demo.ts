/**
 * Demo data: the provincial OVOP briefing for the officers of all 11 kab/kota held in Ambon on
 * 4 September 2023 (disperindagmaluku.id, 2023-09-04), a packaging bimtek, an upcoming coordination
 * meeting with its registration open, and a few stakeholders. Every person's name is fictitious.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { systemActor } from '../../platform/actor.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { recordSheet } from './attendance.service.ts';
import {
  addSpeaker,
  createEvent,
  type EventRow,
  getEvent,
  linkStakeholder,
  saveMinutes,
  setEventStatus,
  setRegistrationOpen,
} from './events.service.ts';
import { createFollowUps, updateFollowUpAsAdmin } from './followups.service.ts';
import { addGuest, inviteUsers } from './participants.service.ts';
import { addCommitment, addContact, createStakeholder } from './stakeholders.service.ts';

const actor = systemActor('seed');
const at = (local: string) => fromLocalInput(local)!;

/** Two fictitious officers of each kab/kota's industry office, in code order. */
const OFFICERS: Record<string, [string, string]> = {
  '81.01': ['Abdul Rahman Tuasikal', 'Maria Pattinasarany'],
  '81.02': ['Yosef Renwarin', 'Theresia Ohoiwutun'],
  '81.03': ['Agustinus Lololuan', 'Yuliana Batlayeri'],
  '81.04': ['Hasan Wamnebo', 'Nurlela Besan'],
  '81.05': ['Ismail Rumbalifar', 'Siti Rumalutur'],
  '81.06': ['Jacob Sahetapy', 'Lenny Tuhuteru'],
  '81.07': ['Petrus Gaite', 'Martha Djonler'],
  '81.08': ['Simon Lewerissa', 'Agnes Letelay'],
  '81.09': ['Rudi Solissa', 'Hadija Nurlette'],
  '81.71': ['Ronald Latumeten', 'Febiola Siahaya'],
  '81.72': ['Umar Renuat', 'Fatma Rahayaan'],
};

async function demoUserIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.role, 'petugas_kabkota'));
  return rows.filter((r) => r.email.endsWith('@ovop.test')).map((r) => r.id);
}

async function briefing(db: Db, provinceCode: string): Promise<EventRow> {
  const event = await createEvent(
    db,
    actor,
    {
      title: 'Sosialisasi dan Penilaian OVOP bagi Aparatur Industri Kabupaten/Kota se-Maluku',
      kind: 'sosialisasi',
      startsAt: at('2023-09-04T09:00'),
      endsAt: at('2023-09-04T15:30'),
      venue: 'Aula Dinas Perindustrian dan Perdagangan Provinsi Maluku, Ambon',
      venueKabkotaCode: '81.71',
      organiser: 'Bidang Perindustrian, Dinas Perindustrian dan Perdagangan Provinsi Maluku',
      description:
        'Sosialisasi program Satu Desa Satu Produk (OVOP) dan tata cara penilaiannya bagi aparatur pembina industri dari 11 kabupaten/kota. (Data demo: nama orang fiktif.)',
      agenda: [
        '08.30 Registrasi peserta',
        '09.00 Pembukaan oleh Kepala Dinas',
        '09.30 Kebijakan OVOP dan Permenperin 14/2021',
        '11.00 Kriteria dan tata cara penilaian produk OVOP',
        '13.30 Praktik pengisian lembar penilaian',
        '15.00 Tindak lanjut dan penutupan',
      ].join('\n'),
    },
    provinceCode,
  );
  await addSpeaker(db, actor, event.id, {
    name: 'Ir. Hendrik Pattipeilohy, M.Si. (fiktif)',
    institution: 'Direktorat Jenderal IKMA, Kementerian Perindustrian',
    topic: 'Kebijakan OVOP dan Permenperin 14/2021',
  });
  await addSpeaker(db, actor, event.id, {
    name: 'Dra. Wilhelmina Souisa (fiktif)',
    institution: 'Dinas Perindustrian dan Perdagangan Provinsi Maluku',
    topic: 'Kriteria dan tata cara penilaian produk OVOP',
  });
  await inviteUsers(db, actor, event.id, await demoUserIds(db));
  for (const [code, names] of Object.entries(OFFICERS)) {
    for (const [i, name] of names.entries()) {
      await addGuest(db, actor, event.id, {
        name,
        institution: `Dinas Perindustrian ${code === '81.71' || code === '81.72' ? 'Kota' : 'Kabupaten'}`,
        position: i === 0 ? 'Kepala Bidang Perindustrian' : 'Pembina Industri',
        kabkotaCode: code,
      });
    }
  }
  // The paper sheet, typed back: everyone signed but three, so each kab/kota is represented.
  const absent = new Set([4, 13, 20]);
  const seqs = Array.from({ length: 24 }, (_, i) => i + 1).filter((n) => !absent.has(n));
  await recordSheet(db, actor, event.id, {
    seqs,
    walkInName: ['Kristina Pelupessy'],
    walkInInstitution: ['Dinas Perindustrian dan Perdagangan Provinsi Maluku'],
    walkInKabkota: [''],
  });
  await saveMinutes(db, actor, event.id, {
    minutes: [
      'Kepala Dinas membuka kegiatan dan meminta setiap kabupaten/kota menyiapkan calon IKM OVOP dari sentranya.',
      'Narasumber menjelaskan lima komoditas OVOP, syarat legalitas (NIB, izin edar pangan, halal) dan aspek penilaian A, B dan C.',
      'Peserta mempraktikkan pengisian lembar penilaian dengan satu contoh produk makanan.',
      'Disepakati: setiap kabupaten/kota menyampaikan daftar calon IKM OVOP paling lambat 30 Oktober 2023.',
    ].join('\n'),
    version: (await getEvent(db, event.id)).version,
  });
  const actions = await createFollowUps(db, actor, event.id, {
    title: 'Identifikasi calon IKM OVOP dari sentra di wilayah Anda',
    description: 'Kirim daftar calon (nama IKM, produk, sentra, legalitas) ke Bidang Perindustrian.',
    dueDate: '2023-10-30',
    kabkotaCodes: Object.keys(OFFICERS),
  });
  // Some answered in time, some are under way; Tanimbar, Aru and Buru Selatan are still overdue.
  const progress: Record<string, ['done' | 'in_progress', string]> = {
    '81.01': ['done', '5 calon IKM dikirim 25 Oktober 2023.'],
    '81.02': ['done', '3 calon IKM (embal) dikirim.'],
    '81.04': ['in_progress', '2 sentra minyak kayu putih sudah dikunjungi.'],
    '81.05': ['done', '2 calon IKM sagu dikirim.'],
    '81.06': ['in_progress', 'Menunggu SK sentra dari bupati.'],
    '81.08': ['done', '1 calon IKM tenun dikirim.'],
    '81.71': ['done', '4 calon IKM dikirim 20 Oktober 2023.'],
    '81.72': ['in_progress', 'Data legalitas sedang dilengkapi.'],
  };
  for (const a of actions) {
    const p = progress[a.kabkotaCode];
    if (!p) continue;
    await updateFollowUpAsAdmin(db, actor, a.id, {
      title: a.title,
      description: a.description ?? undefined,
      dueDate: a.dueDate,
      status: p[0],
      progressNote: p[1],
      version: a.version,
    });
  }
  return setEventStatus(db, actor, event.id, 'finished');
}

async function bimtek(db: Db, provinceCode: string): Promise<EventRow> {
  const event = await createEvent(
    db,
    actor,
    {
      title: 'Bimbingan Teknis Kemasan dan Cerita Produk bagi IKM Calon OVOP',
      kind: 'bimtek',
      startsAt: at('2024-05-14T08:30'),
      endsAt: at('2024-05-16T16:00'),
      venue: 'Hotel di Kota Ambon',
      venueKabkotaCode: '81.71',
      organiser: 'Bidang Perindustrian, Dinas Perindustrian dan Perdagangan Provinsi Maluku',
      description:
        'Pelatihan desain kemasan, label dan penulisan cerita produk. (Data demo: nama orang fiktif.)',
      agenda:
        'Hari 1 Desain kemasan dan label\nHari 2 Cerita produk dan foto produk\nHari 3 Praktik dan evaluasi',
    },
    provinceCode,
  );
  await addSpeaker(db, actor, event.id, {
    name: 'Rina Pesulima, S.Sn. (fiktif)',
    institution: 'Universitas Pattimura',
    topic: 'Desain kemasan dan label',
  });
  const owners: [string, string, string][] = [
    ['Yulianti Hehanussa', 'IKM Kenari Booi', '81.01'],
    ['Melkianus Ubro', 'IKM Keladi Porto', '81.01'],
    ['Dominggus Fatlolon', 'Kelompok Tenun Ikat Kandar', '81.03'],
    ['Saleh Latuconsina', 'IKM Minyak Kayu Putih Waeapo', '81.04'],
    ['Rahma Rumakat', 'IKM Sagu Bula', '81.05'],
    ['Anace Tuhumena', 'IKM Kerajinan Kulit Mutiara', '81.71'],
    ['Wellem Manuputty', 'IKM Keripik Sukun', '81.71'],
    ['Fransiska Rettob', 'Kelompok Tenun Kisar', '81.08'],
    ['Abubakar Renhoran', 'IKM Embal Ngabub', '81.02'],
  ];
  for (const [i, [name, institution, kabkotaCode]] of owners.entries()) {
    await addGuest(
      db,
      actor,
      event.id,
      { name, institution, kabkotaCode, position: 'Pemilik' },
      i % 3 === 0 ? 'self_registered' : 'invited',
    );
  }
  // The Embal group of Maluku Tenggara did not come: 6 of 11 kab/kota were represented.
  await recordSheet(db, actor, event.id, {
    seqs: [1, 2, 3, 4, 5, 6, 7, 8],
    walkInName: [],
    walkInInstitution: [],
    walkInKabkota: [],
  });
  return setEventStatus(db, actor, event.id, 'finished');
}

async function coordinationMeeting(db: Db, provinceCode: string): Promise<EventRow> {
  // Two weeks after the demo is first started, so its registration link and door code can be tried.
  const start = new Date(Date.now() + 14 * 86_400_000);
  start.setUTCHours(0, 0, 0, 0);
  const event = await createEvent(
    db,
    actor,
    {
      title: 'Rapat Koordinasi Persiapan Usulan OVOP Kabupaten/Kota',
      kind: 'rapat_koordinasi',
      startsAt: start,
      endsAt: new Date(start.getTime() + 4 * 3_600_000),
      venue: 'Ruang Rapat Dinas Perindustrian dan Perdagangan Provinsi Maluku',
      venueKabkotaCode: '81.71',
      organiser: 'Bidang Perindustrian, Dinas Perindustrian dan Perdagangan Provinsi Maluku',
    },
    provinceCode,
  );
  await inviteUsers(db, actor, event.id, await demoUserIds(db));
  return setRegistrationOpen(db, actor, event.id, true);
}

async function partners(db: Db, provinceCode: string, events: { briefing: EventRow; bimtek: EventRow }) {
  const kemenperin = await createStakeholder(
    db,
    actor,
    {
      name: 'Direktorat Jenderal Industri Kecil, Menengah dan Aneka, Kementerian Perindustrian',
      acronym: 'Ditjen IKMA',
      type: 'kementerian_lembaga',
      website: 'https://kemenperin.go.id',
    },
    provinceCode,
  );
  await addContact(db, actor, kemenperin.id, {
    name: 'Hendrik Pattipeilohy (fiktif)',
    position: 'Narasumber OVOP',
  });
  await linkStakeholder(db, actor, events.briefing.id, kemenperin.id, 'speaker');
  await addCommitment(db, actor, kemenperin.id, {
    supportKind: 'narasumber',
    description: 'Narasumber sosialisasi dan penilaian OVOP 2023 (contoh)',
    startDate: '2023-09-04',
    endDate: '2023-09-04',
    status: 'completed',
    eventId: events.briefing.id,
  });
  const bank = await createStakeholder(
    db,
    actor,
    { name: 'Bank Daerah Maluku (contoh)', type: 'bank', kabkotaCode: '81.71', phone: '0911-000000' },
    provinceCode,
  );
  await addContact(db, actor, bank.id, { name: 'Stevy Matulessy (fiktif)', position: 'Kepala Divisi UMKM' });
  await addCommitment(db, actor, bank.id, {
    supportKind: 'pendanaan',
    description: 'Kredit usaha dengan pendampingan untuk 20 IKM calon OVOP (contoh)',
    agreementNumber: 'MoU/021/DISPERINDAG-MAL/2024',
    valueRp: 250_000_000,
    startDate: '2024-01-15',
    endDate: '2024-12-31',
    status: 'in_progress',
  });
  const unpatti = await createStakeholder(
    db,
    actor,
    { name: 'Universitas Pattimura', acronym: 'Unpatti', type: 'perguruan_tinggi', kabkotaCode: '81.71' },
    provinceCode,
  );
  await linkStakeholder(db, actor, events.bimtek.id, unpatti.id, 'co_organiser');
  await addCommitment(db, actor, unpatti.id, {
    supportKind: 'pendampingan',
    description: 'Pendampingan desain kemasan oleh dosen dan mahasiswa desain (contoh)',
    agreementNumber: 'PKS/07/UNPATTI-DISPERINDAG/2024',
    startDate: '2024-05-14',
    status: 'agreed',
    eventId: events.bimtek.id,
  });
  await createStakeholder(
    db,
    actor,
    { name: 'Asosiasi Perajin Tenun Maluku (contoh)', type: 'asosiasi', kabkotaCode: '81.03' },
    provinceCode,
  );
}

/** The events step of the demo data. */
export async function seedEventsDemo(ctx: { db: Db; config: { PROVINCE_CODE: string } }): Promise<void> {
  const { db } = ctx;
  const province = ctx.config.PROVINCE_CODE;
  if ((await listKabkota(db, province)).length === 0) return;
  const briefingEvent = await briefing(db, province);
  const bimtekEvent = await bimtek(db, province);
  await coordinationMeeting(db, province);
  await partners(db, province, { briefing: briefingEvent, bimtek: bimtekEvent });
}
