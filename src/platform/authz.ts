/**
 * Authorization, in two places: a permission on the route (by role, from this one table) and the
 * object's scope in the service (region, assignment, ownership). Out of scope answers 404.
 */
import type { Actor } from './actor.ts';
import { ROLES, type Role } from './domain.ts';
import { NotFoundError } from './errors.ts';

const everyone = ROLES;
const admin = ['admin_provinsi'] as const;

/** Which roles may use which capability. Features add their rows here. */
export const PERMISSIONS = {
  'account.self': everyone,
  'regions.read': everyone,
  'users.read': everyone,
  'users.manage': admin,
  'users.actAs': admin,
  'audit.read': admin,
  // Events, attendance, follow-up actions and stakeholders (features/events).
  'events.read': ['admin_provinsi', 'petugas_kabkota'],
  'events.manage': admin,
  'events.checkin': ['admin_provinsi', 'petugas_kabkota'],
  'followups.read': ['admin_provinsi', 'petugas_kabkota'],
  'followups.update': ['admin_provinsi', 'petugas_kabkota'],
  'followups.manage': admin,
  'stakeholders.read': ['admin_provinsi', 'petugas_kabkota'],
  'stakeholders.manage': admin,
  'cycles.read': everyone,
  'cycles.manage': admin,
  'notifications.self': everyone,
  'notifications.bulk': admin,
  'notifications.outbox': admin,
  'registry.read': ['admin_provinsi', 'petugas_kabkota', 'pemilik_ikm'],
  'registry.edit': ['admin_provinsi', 'petugas_kabkota', 'pemilik_ikm'],
  'registry.manage': ['admin_provinsi', 'petugas_kabkota'],
  'registry.settings': admin,
  // Candidates, nominations, administrative selection, packages, earlier awards (features/nominations).
  'candidates.read': ['admin_provinsi', 'petugas_kabkota'],
  'candidates.manage': ['petugas_kabkota'],
  'candidates.comment': ['admin_provinsi', 'petugas_kabkota'],
  'nominations.read': ['admin_provinsi', 'petugas_kabkota'],
  'nominations.propose': ['petugas_kabkota'],
  'nominations.withdraw': ['admin_provinsi', 'petugas_kabkota'],
  'nominations.select': admin,
  'nominations.package': ['admin_provinsi', 'petugas_kabkota'],
  'awards.read': ['admin_provinsi', 'petugas_kabkota'],
  'awards.manage': admin,
  // Publication, certificates, verification and star labels (features/awards).
  'awards.publish': admin,
  'certificates.read': ['admin_provinsi', 'petugas_kabkota'],
  'certificates.manage': admin,
  // An IKM owner's own certificates and star labels (scope in the service: the IKM linked to them).
  'certificates.own': ['pemilik_ikm'],
  'certificates.download': ['admin_provinsi', 'petugas_kabkota', 'pemilik_ikm'],
  // Spreadsheet import of sentra, IKM and products (features/registry/import).
  'registry.import': ['admin_provinsi', 'petugas_kabkota'],
  // Coaching programmes, outcomes and recommendations (features/coaching); scope in the service.
  'coaching.read': ['admin_provinsi', 'petugas_kabkota'],
  'coaching.manage': ['admin_provinsi', 'petugas_kabkota'],
  // Assessment set-up (features/assessment): rubrics, assessor profiles, conflicts of interest.
  'rubrics.read': ['admin_provinsi', 'penilai'],
  'rubrics.manage': admin,
  'assessors.manage': admin,
  'assessment.self': ['penilai'],
  'conflicts.read': ['admin_provinsi', 'penilai'],
  'conflicts.declare': ['penilai'],
  'conflicts.write': ['admin_provinsi', 'penilai'],
  'conflicts.manage': admin,
  // Assignment of assessors (admin) and scoring (the assessor's own sheets; scope in the service).
  'assignments.manage': admin,
  // Results, moderation, decisions, gap analysis and exports (features/assessment/results.*).
  'results.manage': admin,
  'results.read': ['admin_provinsi', 'penilai'],
  'moderation.take_part': ['admin_provinsi', 'penilai'],
  // Buyers' inquiries from the public catalog (features/catalog): the kab/kota's officers and the admins.
  'inquiries.read': ['admin_provinsi', 'petugas_kabkota'],
  'inquiries.update': ['admin_provinsi', 'petugas_kabkota'],
  // Dashboards, comparisons and activity reports (features/dashboards); an officer's figures are their kab/kota's.
  'dashboards.read': ['admin_provinsi', 'petugas_kabkota'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.role === 'system') return true;
  return (PERMISSIONS[permission] as readonly string[]).includes(actor.role);
}

/** True when the actor sees the whole province (admin, system). */
export function isProvinceWide(actor: Actor): boolean {
  return actor.role === 'system' || actor.role === 'admin_provinsi';
}

/** The kab/kota code the actor is limited to, or null for province-wide actors. */
export function kabkotaScope(actor: Actor): string | null {
  return isProvinceWide(actor) ? null : actor.regionCode;
}

/** Whether `regionCode` (kab/kota or below) lies inside the actor's region scope. */
export function inRegionScope(actor: Actor, regionCode: string | null | undefined): boolean {
  if (isProvinceWide(actor)) return true;
  if (!actor.regionCode || !regionCode) return false;
  return regionCode === actor.regionCode || regionCode.startsWith(`${actor.regionCode}.`);
}

/** Throws 404 unless `regionCode` is inside the actor's scope. */
export function assertRegionScope(
  actor: Actor,
  regionCode: string | null | undefined,
  what = 'object',
): void {
  if (!inRegionScope(actor, regionCode)) throw new NotFoundError(what);
}
