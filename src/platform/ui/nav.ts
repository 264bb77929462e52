import type { Actor } from '../actor.ts';
import { can, type Permission } from '../authz.ts';
import { defineMessages, type Message } from '../i18n.ts';
import { ui } from './messages.ts';

export interface NavItem {
  href: string;
  label: Message;
  permission: Permission;
}

const eventsNav = defineMessages({
  events: { id: 'Kegiatan', en: 'Events' },
  followUps: { id: 'Tindak lanjut', en: 'Follow-ups' },
  stakeholders: { id: 'Mitra', en: 'Partners' },
});

/** The signed-in navigation, in order; each feature adds its entries. Items show by permission. */
export const NAV: NavItem[] = [
  { href: '/dashboard', label: ui.navHome, permission: 'account.self' },
  { href: '/regions', label: ui.navRegions, permission: 'regions.read' },
  { href: '/registry', label: { id: 'Registri IKM', en: 'IKM registry' }, permission: 'registry.read' },
  { href: '/cycles', label: { id: 'Periode penilaian', en: 'Assessment rounds' }, permission: 'cycles.read' },
  { href: '/candidates', label: { id: 'Calon OVOP', en: 'Candidates' }, permission: 'candidates.read' },
  { href: '/nominations', label: { id: 'Usulan', en: 'Nominations' }, permission: 'nominations.read' },
  { href: '/assessment', label: { id: 'Penilaian', en: 'Assessment' }, permission: 'assessment.self' },
  {
    href: '/assessment/assignments',
    label: { id: 'Penugasan saya', en: 'My assignments' },
    permission: 'assessment.self',
  },
  {
    href: '/assessment/cycles',
    label: { id: 'Penugasan penilai', en: 'Assessor assignments' },
    permission: 'assignments.manage',
  },
  { href: '/rubrics', label: { id: 'Rubrik', en: 'Rubrics' }, permission: 'rubrics.read' },
  {
    href: '/assessment/results',
    label: { id: 'Hasil penilaian', en: 'Results' },
    permission: 'results.manage',
  },
  { href: '/awards', label: { id: 'Penghargaan', en: 'Awards' }, permission: 'certificates.read' },
  {
    href: '/awards/mine',
    label: { id: 'Sertifikat & label bintang', en: 'Certificates & star labels' },
    permission: 'certificates.own',
  },
  { href: '/admin/assessors', label: { id: 'Penilai', en: 'Assessors' }, permission: 'assessors.manage' },
  { href: '/events', label: eventsNav.events, permission: 'events.read' },
  { href: '/follow-ups', label: eventsNav.followUps, permission: 'followups.read' },
  { href: '/stakeholders', label: eventsNav.stakeholders, permission: 'stakeholders.read' },
  { href: '/coaching/programmes', label: { id: 'Pembinaan', en: 'Coaching' }, permission: 'coaching.read' },
  {
    href: '/inquiries',
    label: { id: 'Permintaan pembeli', en: 'Buyer inquiries' },
    permission: 'inquiries.read',
  },
  { href: '/admin/outbox', label: { id: 'Kotak keluar', en: 'Outbox' }, permission: 'notifications.outbox' },
  { href: '/admin/users', label: ui.navUsers, permission: 'users.manage' },
  { href: '/admin/audit', label: ui.navAudit, permission: 'audit.read' },
];

export function navFor(actor: Actor | null): NavItem[] {
  return actor ? NAV.filter((item) => can(actor, item.permission)) : [];
}
