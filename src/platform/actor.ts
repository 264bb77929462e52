import type { Lang, Role } from './domain.ts';

/** Who is acting: the effective user and, when an admin acts as another user, the real one. */
export interface Actor {
  /** The user the action is done as; null for the system (command line, seeds). */
  userId: string | null;
  /** The person really signed in (differs from userId only while acting as another user). */
  realUserId: string | null;
  role: Role | 'system';
  /** The kab/kota code of a petugas_kabkota (or an IKM owner's region); null for province-wide roles. */
  regionCode: string | null;
  /** A readable name for the audit log (the e-mail). */
  label: string;
  lang: Lang;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/** The actor for the command line and seeds: allowed everything, audited as "system". */
export function systemActor(label = 'system'): Actor {
  return { userId: null, realUserId: null, role: 'system', regionCode: null, label, lang: 'id' };
}
