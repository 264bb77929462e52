/**
 * A small, hand-countable world for the dashboard tests: real rows in every table the dashboards
 * read, in two kab/kota (Kota Ambon 81.71 and Maluku Tengah 81.01), with the expected figures
 * written beside them in the test.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/accounts.ts';
import { rubricVersions } from '../../src/db/schema/assessment.ts';
import { coachingOutcomes, coachingParticipants, coachingProgrammes } from '../../src/db/schema/coaching.ts';
import { cycles } from '../../src/db/schema/cycles.ts';
import { eventAttendance, eventParticipants, events, followUpActions } from '../../src/db/schema/events.ts';
import { candidates, earlierAwards, nominations } from '../../src/db/schema/nominations.ts';
import { ikm, products, sentra } from '../../src/db/schema/registry.ts';
import { assignments, nominationResults, scoreSheets } from '../../src/db/schema/scoring.ts';
import { newId } from '../../src/platform/ids.ts';
import { addDays } from '../../src/features/registry/identifiers.ts';
import { fromLocalInput, localDate } from '../../src/platform/format.ts';
import type { TestApp } from './app.ts';

export const AMBON = '81.71';
export const MALTENG = '81.01';

export interface World {
  cycle2024: string;
  cycle2026: string;
  ikm: Record<string, string>;
  products: Record<string, string>;
  nominations: Record<string, string>;
}

/**
 * Ambon: IKM a1 (food), a2 (food, a document expiring in 10 days), a3 (tenun), a4 archived;
 * Maluku Tengah: m1 (anyaman, a document expired 5 days ago), m2 (anyaman + food).
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.deps.db;
  const today = localDate();
  const P = t.config.PROVINCE_CODE;
  const [admin] = await db.select().from(users).where(eq(users.email, 'admin@ovop.test'));
  const [assessor] = await db.select().from(users).where(eq(users.email, 'penilai1@ovop.test'));
  const ids: World = { cycle2024: newId(), cycle2026: newId(), ikm: {}, products: {}, nominations: {} };

  const ikmRows: [string, string, string[], string | null, boolean][] = [
    ['a1', AMBON, ['makanan_minuman'], null, false],
    ['a2', AMBON, ['makanan_minuman'], addDays(today, 10), false],
    ['a3', AMBON, ['kain_tenun'], null, false],
    ['a4', AMBON, ['makanan_minuman'], null, true],
    ['m1', MALTENG, ['anyaman'], addDays(today, -5), false],
    ['m2', MALTENG, ['anyaman', 'makanan_minuman'], null, false],
  ];
  for (const [key, code, commodities, minExpiry, archived] of ikmRows) {
    ids.ikm[key] = newId();
    await db.insert(ikm).values({
      id: ids.ikm[key],
      provinceCode: P,
      kabkotaCode: code,
      name: `IKM Dasbor ${key.toUpperCase()}`,
      ownerName: 'Pemilik',
      commodities: commodities as never,
      minExpiry,
      archivedAt: archived ? new Date() : null,
    });
  }
  // Products: Ambon 3 food + 1 tenun (+1 archived), Maluku Tengah 2 anyaman + 1 food.
  const productRows: [string, string, string, string, boolean][] = [
    ['pa1', 'a1', AMBON, 'makanan_minuman', false],
    ['pa1b', 'a1', AMBON, 'makanan_minuman', false],
    ['pa2', 'a2', AMBON, 'makanan_minuman', false],
    ['pa3', 'a3', AMBON, 'kain_tenun', false],
    ['pa4', 'a4', AMBON, 'makanan_minuman', true],
    ['pm1', 'm1', MALTENG, 'anyaman', false],
    ['pm2', 'm2', MALTENG, 'anyaman', false],
    ['pm2b', 'm2', MALTENG, 'makanan_minuman', false],
  ];
  for (const [key, owner, code, commodity, archived] of productRows) {
    ids.products[key] = newId();
    await db.insert(products).values({
      id: ids.products[key],
      ikmId: ids.ikm[owner]!,
      provinceCode: P,
      kabkotaCode: code,
      name: `Produk Dasbor ${key}`,
      commodity: commodity as never,
      archivedAt: archived ? new Date() : null,
    });
  }
  // Sentra: Ambon 1 food; Maluku Tengah 1 anyaman (+1 archived).
  await db.insert(sentra).values([
    { provinceCode: P, kabkotaCode: AMBON, name: 'Sentra Dasbor Ambon', commodity: 'makanan_minuman' },
    { provinceCode: P, kabkotaCode: MALTENG, name: 'Sentra Dasbor Malteng', commodity: 'anyaman' },
    {
      provinceCode: P,
      kabkotaCode: MALTENG,
      name: 'Sentra Dasbor Lama',
      commodity: 'anyaman',
      archivedAt: new Date(),
    },
  ]);

  await db.insert(cycles).values([
    {
      id: ids.cycle2024,
      provinceCode: P,
      name: 'Periode Dasbor 2024',
      year: 2024,
      kind: 'provincial_preselection',
      starScale: 3,
    },
    {
      id: ids.cycle2026,
      provinceCode: P,
      name: 'Periode Dasbor 2026',
      year: 2026,
      kind: 'provincial_preselection',
      starScale: 3,
    },
  ]);
  const submitted = fromLocalInput('2026-06-01T09:00')!;
  const nom = async (
    key: string,
    cycleId: string,
    product: string,
    owner: string,
    code: string,
    commodity: string,
    state: string,
    extra: { returnCount?: number; submitted?: boolean } = {},
  ) => {
    ids.nominations[key] = newId();
    await db.insert(nominations).values({
      id: ids.nominations[key],
      cycleId,
      provinceCode: P,
      kabkotaCode: code,
      productId: ids.products[product]!,
      ikmId: ids.ikm[owner]!,
      commodity: commodity as never,
      state: state as never,
      round: extra.submitted === false ? 0 : 1,
      firstSubmittedAt: extra.submitted === false ? null : submitted,
      submittedAt: extra.submitted === false ? null : submitted,
      returnCount: extra.returnCount ?? 0,
    });
  };
  // 2026: Ambon submitted, admin_passed (after one return), returned (to fix), draft; Malteng failed.
  await nom('n26a1', ids.cycle2026, 'pa1', 'a1', AMBON, 'makanan_minuman', 'submitted');
  await nom('n26a2', ids.cycle2026, 'pa2', 'a2', AMBON, 'makanan_minuman', 'admin_passed', {
    returnCount: 1,
  });
  await nom('n26a3', ids.cycle2026, 'pa3', 'a3', AMBON, 'kain_tenun', 'returned', { returnCount: 1 });
  await nom('n26a4', ids.cycle2026, 'pa1b', 'a1', AMBON, 'makanan_minuman', 'draft', { submitted: false });
  await nom('n26m1', ids.cycle2026, 'pm1', 'm1', MALTENG, 'anyaman', 'admin_failed');
  // A shortlisted candidate in Maluku Tengah that was never nominated: potential only.
  await db.insert(candidates).values({
    provinceCode: P,
    kabkotaCode: MALTENG,
    cycleId: ids.cycle2026,
    productId: ids.products.pm2!,
    ikmId: ids.ikm.m2!,
    justification: 'Anyaman unggulan',
  });
  // 2024: Ambon passed (decided 3 stars); Malteng passed (decided 1 star), failed.
  await nom('n24a1', ids.cycle2024, 'pa1', 'a1', AMBON, 'makanan_minuman', 'admin_passed');
  await nom('n24m1', ids.cycle2024, 'pm1', 'm1', MALTENG, 'anyaman', 'admin_passed');
  await nom('n24m2', ids.cycle2024, 'pm2', 'm2', MALTENG, 'anyaman', 'admin_failed');
  const decidedAt = fromLocalInput('2024-10-01T10:00')!;
  await db.insert(nominationResults).values([
    {
      nominationId: ids.nominations.n24a1!,
      cycleId: ids.cycle2024,
      kabkotaCode: AMBON,
      status: 'decided',
      score: 90,
      computedStar: 3,
      finalStar: 3,
      decidedAt,
    },
    {
      nominationId: ids.nominations.n24m1!,
      cycleId: ids.cycle2024,
      kabkotaCode: MALTENG,
      status: 'decided',
      score: 62,
      computedStar: 1,
      finalStar: 1,
      decidedAt,
    },
    // An open (undecided) result in 2026 never counts.
    {
      nominationId: ids.nominations.n26a2!,
      cycleId: ids.cycle2026,
      kabkotaCode: AMBON,
      status: 'open',
      score: 95,
      computedStar: 3,
    },
  ]);
  // An earlier award entered by hand (2018, 2 stars, no product: commodity not known).
  await db.insert(earlierAwards).values({
    provinceCode: P,
    kabkotaCode: AMBON,
    ikmId: ids.ikm.a3!,
    year: 2018,
    stars: 2,
    source: 'entered',
  });

  // Events: one briefing of the 2026 round, attended by 2 people of Ambon, 1 of Maluku Tengah.
  const eventId = newId();
  const starts = fromLocalInput('2026-03-10T09:00')!;
  await db.insert(events).values({
    id: eventId,
    provinceCode: P,
    title: 'Sosialisasi Dasbor 2026',
    kind: 'sosialisasi',
    status: 'finished',
    startsAt: starts,
    endsAt: new Date(starts.getTime() + 3 * 3_600_000),
    venue: 'Aula',
    venueKabkotaCode: AMBON,
    organiser: 'Disperindag',
    cycleId: ids.cycle2026,
    registrationToken: newId(),
    doorToken: newId(),
  });
  let seq = 0;
  for (const code of [AMBON, AMBON, MALTENG]) {
    const participantId = newId();
    await db.insert(eventParticipants).values({
      id: participantId,
      eventId,
      provinceCode: P,
      seq: ++seq,
      kind: 'guest',
      source: 'invited',
      name: `Peserta ${seq}`,
      kabkotaCode: code,
      checkinToken: newId(),
    });
    await db
      .insert(eventAttendance)
      .values({ eventId, participantId, provinceCode: P, kabkotaCode: code, method: 'desk' });
  }
  // Follow-ups: Ambon one overdue and one due in 5 days; Maluku Tengah one overdue; a done one never counts.
  await db.insert(followUpActions).values([
    {
      eventId,
      provinceCode: P,
      kabkotaCode: AMBON,
      title: 'Kirim data IKM Ambon',
      dueDate: addDays(today, -3),
    },
    {
      eventId,
      provinceCode: P,
      kabkotaCode: AMBON,
      title: 'Siapkan calon Ambon',
      dueDate: addDays(today, 5),
    },
    {
      eventId,
      provinceCode: P,
      kabkotaCode: MALTENG,
      title: 'Kirim data IKM Malteng',
      dueDate: addDays(today, -1),
    },
    {
      eventId,
      provinceCode: P,
      kabkotaCode: MALTENG,
      title: 'Selesai',
      dueDate: addDays(today, -10),
      status: 'done',
      completedAt: new Date(),
    },
  ]);

  // Coaching: a province programme under way with a1 and m1; a1 has an outcome this year.
  const programmeId = newId();
  await db.insert(coachingProgrammes).values({
    id: programmeId,
    provinceCode: P,
    title: 'Bimtek Kemasan Dasbor',
    kind: 'packaging_branding',
    fundingSource: 'apbd_provinsi',
    level: 'province',
    startDate: addDays(today, -20),
    endDate: addDays(today, 20),
    budgetRp: 10_000_000n,
  });
  // A finished programme: not under way.
  await db.insert(coachingProgrammes).values({
    provinceCode: P,
    title: 'Pelatihan Lama',
    kind: 'training',
    fundingSource: 'apbn',
    level: 'province',
    startDate: '2020-01-01',
    endDate: '2020-02-01',
  });
  const partA = newId();
  const partM = newId();
  await db.insert(coachingParticipants).values([
    { id: partA, programmeId, ikmId: ids.ikm.a1!, provinceCode: P, kabkotaCode: AMBON },
    { id: partM, programmeId, ikmId: ids.ikm.m1!, provinceCode: P, kabkotaCode: MALTENG },
  ]);
  await db.insert(coachingOutcomes).values({
    programmeId,
    participantId: partA,
    ikmId: ids.ikm.a1!,
    provinceCode: P,
    kabkotaCode: AMBON,
    kind: 'new_packaging',
    achievedOn: today,
  });

  // The assessor: two assignments in 2026, one sheet submitted, one not started.
  const [version] = await db
    .select()
    .from(rubricVersions)
    .where(eq(rubricVersions.commodity, 'makanan_minuman'))
    .limit(1);
  const asg1 = newId();
  await db.insert(assignments).values([
    {
      id: asg1,
      cycleId: ids.cycle2026,
      nominationId: ids.nominations.n26a2!,
      assessorId: assessor!.id,
      kabkotaCode: AMBON,
      method: 'manual',
      assignedBy: admin!.id,
    },
    {
      cycleId: ids.cycle2026,
      nominationId: ids.nominations.n26a1!,
      assessorId: assessor!.id,
      kabkotaCode: AMBON,
      method: 'manual',
      assignedBy: admin!.id,
    },
  ]);
  await db.insert(scoreSheets).values({
    assignmentId: asg1,
    cycleId: ids.cycle2026,
    nominationId: ids.nominations.n26a2!,
    assessorId: assessor!.id,
    rubricVersionId: version!.id,
    status: 'submitted',
    total: 80,
    submittedAt: new Date(),
  });
  return ids;
}
