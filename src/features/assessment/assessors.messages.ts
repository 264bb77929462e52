import { defineMessages } from '../../platform/i18n.ts';

/** The assessor pages: the admin's list and edit form, the assessor's area and own profile. */
export const assessorsText = defineMessages({
  title: { id: 'Penilai', en: 'Assessors' },
  lead: {
    id: 'Pengguna berperan penilai, dengan instansi, keahlian komoditas dan batas beban per periode yang dipakai penugasan. Tambahkan penilai baru di halaman Pengguna dengan peran Penilai.',
    en: 'Users with the assessor role, with the institution, commodity expertise and load cap per round that assignment uses. Add a new assessor on the Users page with the Assessor role.',
  },
  listCaption: { id: 'Daftar penilai', en: 'List of assessors' },
  searchLabel: { id: 'Cari nama, email atau instansi', en: 'Search name, e-mail or institution' },
  none: { id: 'Belum ada pengguna berperan penilai.', en: 'No users with the assessor role yet.' },
  name: { id: 'Nama', en: 'Name' },
  institution: { id: 'Instansi', en: 'Institution' },
  institutionType: { id: 'Jenis instansi', en: 'Kind of institution' },
  type_ministry: { id: 'Kementerian', en: 'Ministry' },
  type_association: { id: 'Asosiasi', en: 'Association' },
  type_university: { id: 'Perguruan tinggi', en: 'University' },
  type_province: { id: 'Pemerintah provinsi', en: 'Provincial government' },
  type_other: { id: 'Lainnya', en: 'Other' },
  expertise: { id: 'Keahlian komoditas', en: 'Commodity expertise' },
  expertiseHint: {
    id: 'Penugasan otomatis hanya memberikan usulan komoditas ini.',
    en: 'Automatic assignment gives only nominations of these commodities.',
  },
  loadCap: { id: 'Batas beban per periode', en: 'Load cap per round' },
  loadCapHint: {
    id: 'Jumlah usulan paling banyak yang dinilai dalam satu periode, kecuali periode itu punya batasnya sendiri di bawah.',
    en: 'The most nominations assessed in one round, unless that round has its own cap below.',
  },
  cycleCaps: { id: 'Batas beban per periode tertentu', en: 'Load cap in particular rounds' },
  cycleCapsHint: {
    id: 'Kosongkan untuk memakai batas umum di atas.',
    en: 'Leave empty to use the general cap above.',
  },
  cycleCapFor: { id: 'Batas beban {cycle}', en: 'Load cap in {cycle}' },
  contacts: { id: 'Kontak untuk pemeriksaan konflik', en: 'Contacts for the conflict check' },
  contactsHint: {
    id: 'Dibandingkan dengan telepon dan email IKM untuk menyarankan konflik; email akun juga dibandingkan.',
    en: 'Compared with the IKMs’ phones and e-mails to suggest conflicts; the account e-mail is compared too.',
  },
  phone: { id: 'Telepon', en: 'Phone' },
  email: { id: 'Email kontak', en: 'Contact e-mail' },
  accountEmail: { id: 'Email akun', en: 'Account e-mail' },
  conflicts: { id: 'Konflik berlaku', en: 'Conflicts in force' },
  profile: { id: 'Profil', en: 'Profile' },
  incomplete: { id: 'Belum dilengkapi', en: 'Not filled in yet' },
  disabled: { id: 'Nonaktif', en: 'Disabled' },
  edit: { id: 'Ubah profil penilai', en: 'Edit the assessor profile' },
  saved: { id: 'Profil penilai {name} disimpan.', en: 'Assessor profile of {name} saved.' },
  ownSaved: { id: 'Profil Anda disimpan.', en: 'Your profile is saved.' },
  account: { id: 'Akun pengguna', en: 'User account' },
  conflictsLink: { id: 'Konflik kepentingan', en: 'Conflicts of interest' },
  // The assessor's area
  areaTitle: { id: 'Penilaian', en: 'Assessment' },
  areaLead: {
    id: 'Tempat kerja Anda sebagai penilai: usulan yang ditugaskan, rubrik, dan pernyataan konflik kepentingan.',
    en: 'Your place to work as an assessor: the nominations assigned to you, the rubrics, and your conflict declarations.',
  },
  assignments: { id: 'Penugasan', en: 'Assignments' },
  noAssignments: {
    id: 'Belum ada usulan yang ditugaskan kepada Anda. Penugasan tampil di sini setelah admin menugaskannya; Anda juga mendapat pemberitahuan.',
    en: 'No nominations assigned to you yet. Assignments show here once the admin makes them; you get a notification too.',
  },
  declareFirst: {
    id: 'Sebelum penugasan, nyatakan konflik kepentingan Anda.',
    en: 'Before assignment, declare your conflicts of interest.',
  },
  myProfile: { id: 'Profil penilai saya', en: 'My assessor profile' },
  myProfileLead: {
    id: 'Instansi dan batas beban diatur admin; keahlian dan kontak dapat Anda ubah sendiri.',
    en: 'The institution and load cap are set by the admin; you can change your expertise and contacts.',
  },
  editOwn: { id: 'Ubah keahlian dan kontak', en: 'Edit expertise and contacts' },
  rubricsLink: { id: 'Rubrik penilaian', en: 'Assessment rubrics' },
  conflictCount: { id: '{n} konflik berlaku', en: '{n} conflict(s) in force' },
});
