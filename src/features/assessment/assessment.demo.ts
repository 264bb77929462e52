/**
 * Demo assessment set-up (`ovop seed --demo`, after the cycles): the three demo assessors' profiles
 * (Ditjen IKMA, GAPMMI, Universitas Pattimura), one conflict an assessor declared, one likely
 * conflict for the admin to decide (an assessor's contact e-mail is a demo IKM's), and the default
 * rubrics chosen for the demo cycles. Everything goes through the services, audited as the seed.
 */
import type { Db } from '../../db/client.ts';
import { findUserByEmail } from '../users/users.service.ts';
import { type Actor, systemActor } from '../../platform/actor.ts';
import type { Commodity } from '../../platform/domain.ts';
import { listCycles } from '../cycles/cycles.service.ts';
import { ikmContactCandidates, ikmNameSearch } from '../registry/ikm.lookups.ts';
import type { InstitutionType } from './assessment.domain.ts';
import { getAssessor, saveAssessor } from './assessors.service.ts';
import { normalisePhone } from './conflicts.rules.ts';
import { declareConflict } from './conflicts.service.ts';
import { cycleRubricChoices, linkCycleRubrics } from './rubrics.service.ts';

interface DemoAssessor {
  email: string;
  institution: string;
  institutionType: InstitutionType;
  expertise: Commodity[];
  loadCap: number;
  phone: string;
  contactEmail?: string;
}

const ASSESSORS: DemoAssessor[] = [
  {
    email: 'penilai1@ovop.test',
    institution: 'Ditjen IKMA Kemenperin',
    institutionType: 'ministry',
    expertise: ['makanan_minuman', 'kain_tenun', 'kain_batik', 'anyaman', 'gerabah'],
    loadCap: 12,
    phone: '+62 21 5255 5509',
    contactEmail: 'penilai.ikma@kemenperin.contoh.test',
  },
  {
    email: 'penilai2@ovop.test',
    institution: 'GAPMMI',
    institutionType: 'association',
    expertise: ['makanan_minuman'],
    loadCap: 8,
    phone: '+62 813 0000 9002',
    contactEmail: 'penilai@gapmmi.contoh.test',
  },
  {
    email: 'penilai3@ovop.test',
    institution: 'Universitas Pattimura',
    institutionType: 'university',
    expertise: ['kain_tenun', 'anyaman', 'gerabah', 'makanan_minuman'],
    loadCap: 6,
    phone: '+62 911 322 627',
  },
];

const assessorActor = (userId: string, email: string): Actor => ({
  userId,
  realUserId: userId,
  role: 'penilai',
  regionCode: null,
  label: email,
  lang: 'id',
});

export async function seedDemoAssessment(db: Db): Promise<void> {
  const seed = systemActor('seed');
  // A demo IKM whose e-mail one assessor also uses: the admin's suggestion to decide.
  const withEmail = await ikmContactCandidates(db, {
    phones: [],
    emails: Array.from({ length: 80 }, (_, i) => `ikm${i + 1}@contoh.test`),
    names: [],
  });
  const shared = withEmail.filter((r) => r.email).sort((a, b) => a.name.localeCompare(b.name))[0];

  const ids = new Map<string, string>();
  for (const spec of ASSESSORS) {
    const user = await findUserByEmail(db, spec.email);
    if (!user || user.role !== 'penilai') continue;
    ids.set(spec.email, user.id);
    const current = await getAssessor(db, user.id);
    if (current.hasProfile) continue;
    const contactEmail = spec.email === 'penilai3@ovop.test' ? shared?.email : spec.contactEmail;
    await saveAssessor(db, seed, user.id, {
      institution: spec.institution,
      institutionType: spec.institutionType,
      expertise: spec.expertise,
      loadCap: spec.loadCap,
      phone: normalisePhone(spec.phone) ?? undefined,
      email: contactEmail ?? undefined,
      caps: {},
      version: 0,
    });
  }

  // A declared conflict: the GAPMMI assessor is related to the owner of an Ambon IKM.
  const gapmmi = ids.get('penilai2@ovop.test');
  const [ambon] = (await ikmNameSearch(db, { kabkotaCode: '81.71' }, 5)).filter(
    (r) => r.name !== 'Kerajinan Mutiara Hati Batu Merah',
  );
  if (gapmmi && ambon) {
    await declareConflict(db, assessorActor(gapmmi, 'penilai2@ovop.test'), {
      ikmId: ambon.id,
      kind: 'family',
      note: 'Pemilik IKM ini adalah kerabat saya (data demo).',
    }).catch(() => undefined);
  }

  // The demo cycles use the default rubrics (version 1 of each commodity).
  const cycles = await listCycles(db, {}, 20);
  for (const cycle of cycles.rows) {
    const { rows } = await cycleRubricChoices(db, cycle.id);
    const choices: Partial<Record<Commodity, string | null>> = {};
    for (const r of rows) if (!r.current && r.options.length) choices[r.commodity] = r.options.at(-1)!.id;
    await linkCycleRubrics(db, seed, cycle.id, {
      choices,
      reason: 'Rubrik bawaan dipilih untuk data demo.',
    });
  }
}
