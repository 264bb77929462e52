import type { Db } from '../client.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Role } from '../../platform/domain.ts';
import { createUser, findUserByEmail } from '../../features/users/users.service.ts';
import { hashPassword } from '../../platform/auth/password.ts';

export const DEMO_PASSWORD = 'ovop-demo';

export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  role: Role;
  regionCode?: string;
  institution?: string;
}[] = [
  {
    email: 'admin@ovop.test',
    name: 'Admin Provinsi (demo)',
    role: 'admin_provinsi',
    institution: 'Disperindag Provinsi Maluku',
  },
  {
    email: 'ambon@ovop.test',
    name: 'Petugas Kota Ambon (demo)',
    role: 'petugas_kabkota',
    regionCode: '81.71',
    institution: 'Disperindag Kota Ambon',
  },
  {
    email: 'tanimbar@ovop.test',
    name: 'Petugas Kepulauan Tanimbar (demo)',
    role: 'petugas_kabkota',
    regionCode: '81.03',
    institution: 'Disperindag Kabupaten Kepulauan Tanimbar',
  },
  {
    email: 'penilai1@ovop.test',
    name: 'Penilai Satu (demo)',
    role: 'penilai',
    institution: 'Ditjen IKMA Kemenperin',
  },
  { email: 'penilai2@ovop.test', name: 'Penilai Dua (demo)', role: 'penilai', institution: 'GAPMMI' },
  {
    email: 'penilai3@ovop.test',
    name: 'Penilai Tiga (demo)',
    role: 'penilai',
    institution: 'Universitas Pattimura',
  },
  { email: 'ikm@ovop.test', name: 'Pemilik IKM (demo)', role: 'pemilik_ikm', regionCode: '81.71' },
];

let demoHash: Promise<string> | undefined;

/**
 * The demo accounts' one password hash, made once per process. One hash for all: the password is
 * published, so a shared salt tells nothing. `ovop serve --demo` starts it before the database
 * opens, so the hash runs on a libuv thread while PGlite boots.
 */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/** Creates the demo accounts that do not exist yet (password `ovop-demo`). */
export async function seedDemoAccounts(db: Db, provinceCode: string): Promise<void> {
  const actor = systemActor('seed');
  const missing: (typeof DEMO_ACCOUNTS)[number][] = [];
  for (const account of DEMO_ACCOUNTS) if (!(await findUserByEmail(db, account.email))) missing.push(account);
  if (missing.length === 0) return;
  const passwordHash = await demoPasswordHash();
  // One transaction: one commit to disk instead of seven.
  await db.transaction(async (tx) => {
    for (const account of missing)
      await createUser(tx, actor, { ...account, locale: 'id', password: DEMO_PASSWORD }, provinceCode, {
        passwordHash,
      });
  });
}
