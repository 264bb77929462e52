import type { Actor } from '../actor.ts';
import { can, type Permission } from '../authz.ts';
import { defineMessages, type Message } from '../i18n.ts';
import { ui } from './messages.ts';

/** The sections of the signed-in navigation: the first row shows them, the second their pages. */
const sections = defineMessages({
  home: { id: 'Beranda', en: 'Home' },
  ikm: { id: 'Data IKM', en: 'IKM data' },
  rounds: { id: 'Periode & usulan', en: 'Rounds & nominations' },
  assessment: { id: 'Penilaian', en: 'Assessment' },
  events: { id: 'Kegiatan & mitra', en: 'Events & partners' },
  coaching: { id: 'Pembinaan', en: 'Coaching' },
  admin: { id: 'Administrasi', en: 'Administration' },
});
export type NavSection = keyof typeof sections;

export interface NavItem {
  href: string;
  label: Message;
  permission: Permission;
  section: NavSection;
}

const eventsNav = defineMessages({
  events: { id: 'Kegiatan', en: 'Events' },
  followUps: { id: 'Tindak lanjut', en: 'Follow-ups' },
  stakeholders: { id: 'Mitra', en: 'Partners' },
});

/**
 * The signed-in navigation, in order; each feature adds its entries to a section. Items show by
 * permission, sections when they hold one item the user may open.
 */
export const NAV: NavItem[] = [
  { href: '/dashboard', label: ui.navHome, permission: 'account.self', section: 'home' },
  {
    href: '/registry',
    label: { id: 'Registri IKM', en: 'IKM registry' },
    permission: 'registry.read',
    section: 'ikm',
  },
  { href: '/regions', label: ui.navRegions, permission: 'regions.read', section: 'ikm' },
  {
    href: '/inquiries',
    label: { id: 'Permintaan pembeli', en: 'Buyer inquiries' },
    permission: 'inquiries.read',
    section: 'ikm',
  },
  {
    href: '/cycles',
    label: { id: 'Periode penilaian', en: 'Assessment rounds' },
    permission: 'cycles.read',
    section: 'rounds',
  },
  {
    href: '/candidates',
    label: { id: 'Calon OVOP', en: 'Candidates' },
    permission: 'candidates.read',
    section: 'rounds',
  },
  {
    href: '/nominations',
    label: { id: 'Usulan', en: 'Nominations' },
    permission: 'nominations.read',
    section: 'rounds',
  },
  {
    href: '/assessment',
    label: { id: 'Penilaian', en: 'Assessment' },
    permission: 'assessment.self',
    section: 'assessment',
  },
  {
    href: '/assessment/assignments',
    label: { id: 'Penugasan saya', en: 'My assignments' },
    permission: 'assessment.self',
    section: 'assessment',
  },
  {
    href: '/assessment/cycles',
    label: { id: 'Penugasan penilai', en: 'Assessor assignments' },
    permission: 'assignments.manage',
    section: 'assessment',
  },
  {
    href: '/assessment/results',
    label: { id: 'Hasil penilaian', en: 'Results' },
    permission: 'results.manage',
    section: 'assessment',
  },
  {
    href: '/awards',
    label: { id: 'Penghargaan', en: 'Awards' },
    permission: 'certificates.read',
    section: 'assessment',
  },
  {
    href: '/awards/mine',
    label: { id: 'Sertifikat & label bintang', en: 'Certificates & star labels' },
    permission: 'certificates.own',
    section: 'assessment',
  },
  {
    href: '/rubrics',
    label: { id: 'Rubrik', en: 'Rubrics' },
    permission: 'rubrics.read',
    section: 'assessment',
  },
  {
    href: '/admin/assessors',
    label: { id: 'Penilai', en: 'Assessors' },
    permission: 'assessors.manage',
    section: 'assessment',
  },
  { href: '/events', label: eventsNav.events, permission: 'events.read', section: 'events' },
  { href: '/follow-ups', label: eventsNav.followUps, permission: 'followups.read', section: 'events' },
  {
    href: '/stakeholders',
    label: eventsNav.stakeholders,
    permission: 'stakeholders.read',
    section: 'events',
  },
  {
    href: '/coaching/programmes',
    label: { id: 'Pembinaan', en: 'Coaching' },
    permission: 'coaching.read',
    section: 'coaching',
  },
  { href: '/admin/users', label: ui.navUsers, permission: 'users.manage', section: 'admin' },
  { href: '/admin/audit', label: ui.navAudit, permission: 'audit.read', section: 'admin' },
  {
    href: '/admin/outbox',
    label: { id: 'Kotak keluar', en: 'Outbox' },
    permission: 'notifications.outbox',
    section: 'admin',
  },
];

export interface NavGroup {
  section: NavSection;
  /** The section's name, or its page's name when it holds one page for this user. */
  label: Message;
  /** Where the section's link goes: its first page this user may open. */
  href: string;
  items: NavItem[];
  /** The page being shown is in this section. */
  current: boolean;
}

export interface Nav {
  groups: NavGroup[];
  /** The page being shown: the item whose address is the longest prefix of the path. */
  currentHref: string | null;
}

/** The navigation a user sees on a page: sections by permission, the current one marked. */
export function navFor(actor: Actor | null, pathname: string): Nav {
  if (!actor) return { groups: [], currentHref: null };
  const items = NAV.filter((item) => can(actor, item.permission));
  const matches = items.filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  const current = matches.sort((a, b) => b.href.length - a.href.length)[0];
  const groups: NavGroup[] = [];
  for (const section of Object.keys(sections) as NavSection[]) {
    const inSection = items.filter((i) => i.section === section);
    const [first] = inSection;
    if (!first) continue;
    groups.push({
      section,
      label: inSection.length === 1 ? first.label : sections[section],
      href: first.href,
      items: inSection,
      current: current?.section === section,
    });
  }
  return { groups, currentHref: current?.href ?? null };
}
