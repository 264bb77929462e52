/** The text of assignment pages (the admin's) and notices to assessors, Indonesian and English side by side. */
import { defineMessages } from '../../platform/i18n.ts';

export const assignmentsText = defineMessages({
  title: { id: 'Penugasan penilai', en: 'Assessor assignments' },
  caption: { id: 'Periode {cycle}', en: 'Round {cycle}' },
  intro: {
    id: 'Usulan yang lulus seleksi administrasi atau sedang dinilai, dengan penilainya. Penilai yang memiliki konflik kepentingan tidak pernah dapat ditugaskan.',
    en: 'Nominations that passed administrative selection or are being assessed, with their assessors. An assessor with a conflict of interest can never be assigned.',
  },
  chooseCycle: { id: 'Pilih periode untuk menugaskan penilai.', en: 'Choose a round to assign assessors.' },
  wanted: { id: 'Penilai per usulan: {k}.', en: 'Assessors per nomination: {k}.' },
  none: {
    id: 'Belum ada usulan yang lulus seleksi administrasi dalam periode ini.',
    en: 'No nomination of this round has passed administrative selection yet.',
  },
  colNomination: { id: 'Usulan', en: 'Nomination' },
  colCommodity: { id: 'Komoditas', en: 'Commodity' },
  colRegency: { id: 'Kab/kota', en: 'Regency/city' },
  colState: { id: 'Status', en: 'State' },
  colAssessors: { id: 'Penilai', en: 'Assessors' },
  colSelect: { id: 'Pilih', en: 'Select' },
  selectNomination: { id: 'Pilih {name}', en: 'Select {name}' },
  noAssessors: { id: 'Belum ada', en: 'None yet' },
  sheetDraft: { id: 'draf', en: 'draft' },
  sheetSubmitted: { id: 'terkirim', en: 'submitted' },
  manage: { id: 'Atur', en: 'Manage' },
  autoButton: { id: 'Penugasan otomatis…', en: 'Automatic assignment…' },
  bulkTitle: { id: 'Tugaskan sekaligus', en: 'Assign in bulk' },
  bulkHint: {
    id: 'Centang usulan di tabel, pilih satu penilai, lalu tugaskan.',
    en: 'Tick nominations in the table, choose one assessor, then assign.',
  },
  bulkButton: { id: 'Tugaskan ke usulan terpilih', en: 'Assign to the selected nominations' },
  assessor: { id: 'Penilai', en: 'Assessor' },
  assessorOption: {
    id: '{name} — {institution} (beban {load}/{cap})',
    en: '{name} — {institution} (load {load}/{cap})',
  },
  // One nomination
  nominationTitle: { id: 'Penilai untuk {product}', en: 'Assessors for {product}' },
  current: { id: 'Penilai yang ditugaskan', en: 'Assigned assessors' },
  method_manual: { id: 'manual', en: 'manual' },
  method_bulk: { id: 'sekaligus', en: 'bulk' },
  method_auto: { id: 'otomatis', en: 'automatic' },
  unassign: { id: 'Batalkan penugasan', en: 'Unassign' },
  unassignLabel: { id: 'Batalkan penugasan {name}', en: 'Unassign {name}' },
  assignTitle: { id: 'Tugaskan penilai', en: 'Assign an assessor' },
  assignButton: { id: 'Tugaskan', en: 'Assign' },
  conflictedNote: {
    id: 'Penilai berkonflik dengan IKM ini: {names}.',
    en: 'Assessors in conflict with this IKM: {names}.',
  },
  // Automatic
  autoTitle: { id: 'Penugasan otomatis', en: 'Automatic assignment' },
  autoIntro: {
    id: 'Setiap usulan mendapat {k} penilai; konflik kepentingan, keahlian dan batas beban dipatuhi, dan beban dibagi serata mungkin. Periksa usulannya, lalu konfirmasi.',
    en: 'Each nomination gets {k} assessors; conflicts of interest, expertise and load caps are respected and the load is spread as evenly as possible. Check the proposal, then confirm.',
  },
  expertiseMode: { id: 'Keahlian komoditas', en: 'Commodity expertise' },
  expertiseHard: {
    id: 'Wajib (hanya penilai yang ahli komoditasnya)',
    en: 'Required (only assessors expert in the commodity)',
  },
  expertiseSoft: {
    id: 'Diutamakan (ahli lebih dulu bila beban tetap merata)',
    en: 'Preferred (experts first while the load stays even)',
  },
  preview: { id: 'Hitung ulang', en: 'Recalculate' },
  proposed: { id: 'Usulan penugasan', en: 'Proposed assignments' },
  nothingToAdd: {
    id: 'Tidak ada penugasan baru: setiap usulan sudah memiliki penilai yang diminta atau tidak ada penilai yang memenuhi syarat.',
    en: 'No new assignment: every nomination has the assessors wanted, or no assessor qualifies.',
  },
  loads: { id: 'Beban penilai', en: 'Assessor loads' },
  colBefore: { id: 'Sebelum', en: 'Before' },
  colAfter: { id: 'Sesudah', en: 'After' },
  colCap: { id: 'Batas', en: 'Cap' },
  spread: { id: 'Beban terendah {min}, tertinggi {max}.', en: 'Lowest load {min}, highest {max}.' },
  why: { id: 'Alasan', en: 'Why' },
  shortfalls: { id: 'Yang tidak dapat dipenuhi', en: 'What could not be met' },
  problems: { id: 'Masalah data', en: 'Data problems' },
  confirm: { id: 'Konfirmasi dan tugaskan', en: 'Confirm and assign' },
  cancel: { id: 'Batal', en: 'Cancel' },
  newMark: { id: 'baru', en: 'new' },
  // Flashes
  assigned: {
    id: 'Penugasan disimpan: {count} penugasan baru; penilai diberi tahu.',
    en: 'Assignments saved: {count} new; the assessors were notified.',
  },
  removeSelect: { id: 'Batalkan penugasan {name} untuk {product}', en: 'Remove {name} from {product}' },
  bulkRemoveTitle: { id: 'Batalkan penugasan sekaligus', en: 'Remove assignments in bulk' },
  bulkRemoveHint: {
    id: 'Centang penilai (draf atau belum mulai) di kolom Penilai, lalu batalkan. Anda akan diminta konfirmasi dulu.',
    en: 'Tick assessors (draft or not started) in the Assessors column, then remove. You will be asked to confirm first.',
  },
  bulkRemoveButton: { id: 'Batalkan penugasan terpilih…', en: 'Remove the selected assignments…' },
  removeConfirmTitle: { id: 'Konfirmasi pembatalan penugasan', en: 'Confirm removing assignments' },
  removeConfirmLead: {
    id: 'Penugasan berikut akan dibatalkan. Lembar draf ikut dihapus (tetap tercatat di log audit) dan setiap penilai diberi tahu.',
    en: 'These assignments will be removed. Draft sheets go with them (kept in the audit log) and each assessor is notified.',
  },
  removeConfirmButton: { id: 'Konfirmasi dan batalkan', en: 'Confirm and remove' },
  sheetNone: { id: 'belum mulai', en: 'not started' },
  unassignedMany: {
    id: '{count} penugasan dibatalkan; penilai diberi tahu.',
    en: '{count} assignment(s) removed; the assessors were notified.',
  },
  unassigned: { id: 'Penugasan {name} dibatalkan.', en: 'The assignment of {name} was removed.' },
  // Notices
  noticeTitle: { id: 'Penugasan penilaian baru', en: 'New assessment assignments' },
  noticeBody: {
    id: 'Anda ditugaskan menilai {count} usulan dalam periode {cycle}: {list}. Buka "Penugasan saya" untuk mengisi lembar penilaian.',
    en: 'You were assigned {count} nomination(s) to assess in round {cycle}: {list}. Open "My assignments" to fill in the score sheets.',
  },
  unassignedTitle: { id: 'Penugasan penilaian dibatalkan', en: 'Assessment assignment removed' },
  unassignedBody: {
    id: 'Penugasan Anda untuk {product} dalam periode {cycle} dibatalkan oleh admin.',
    en: 'Your assignment to {product} in round {cycle} was removed by the admin.',
  },
});

export const assignmentErrors = defineMessages({
  refused: { id: 'Penugasan ditolak: {reasons}', en: 'Assignment refused: {reasons}' },
  noNominationSelected: { id: 'Pilih paling sedikit satu usulan.', en: 'Choose at least one nomination.' },
  notAssignable: {
    id: 'Usulan {product} berstatus {state}; penilai hanya ditugaskan untuk usulan yang lulus seleksi administrasi atau sedang dinilai.',
    en: 'Nomination {product} is {state}; assessors are assigned only to nominations that passed administrative selection or are being assessed.',
  },
  noRubric: {
    id: 'Periode ini belum memilih versi rubrik untuk komoditas {commodity}; pilih dulu di halaman rubrik periode.',
    en: 'This round has no rubric version for {commodity} yet; choose one on the round’s rubric page first.',
  },
  planStale: {
    id: 'Keadaan berubah sejak pratinjau ({reason}); tidak ada yang disimpan. Hitung ulang lalu konfirmasi lagi.',
    en: 'Things changed since the preview ({reason}); nothing was saved. Recalculate and confirm again.',
  },
  unknownAssessor: { id: 'Penilai tidak dikenal atau nonaktif.', en: 'Unknown or disabled assessor.' },
  notAssigned: {
    id: '{name} tidak ditugaskan untuk usulan ini.',
    en: '{name} is not assigned to this nomination.',
  },
  bulkSheetSubmitted: {
    id: 'Lembar penilaian sudah dikirim oleh: {list}. Penugasan dengan lembar terkirim tidak dapat dibatalkan; tidak ada penugasan yang dibatalkan.',
    en: 'Score sheets already submitted by: {list}. An assignment with a submitted sheet cannot be removed; no assignment was removed.',
  },
  noAssignmentSelected: {
    id: 'Pilih paling sedikit satu penugasan yang akan dibatalkan.',
    en: 'Choose at least one assignment to remove.',
  },
  sheetSubmitted: {
    id: '{name} sudah mengirim lembar penilaiannya; penugasan ini tidak dapat dibatalkan.',
    en: '{name} has submitted their score sheet; this assignment cannot be removed.',
  },
});
