import { defineMessages, validationMessages } from '../../platform/i18n.ts';

/** The conflict-of-interest pages: the assessor's declarations, the admin's list and suggestions. */
export const conflictsText = defineMessages({
  title: { id: 'Konflik kepentingan', en: 'Conflicts of interest' },
  ownLead: {
    id: 'Nyatakan setiap IKM yang membuat Anda tidak dapat menilai secara netral: keluarga, mitra usaha, pemberi kerja, pemasok atau pelanggan, atau instansi yang sama. Usulan dari IKM itu tidak akan ditugaskan kepada Anda dan tidak akan tampil bagi Anda. Hanya admin yang dapat mencabut pernyataan.',
    en: 'Declare every IKM you cannot assess impartially: family, business partner, employer, supplier or customer, or the same institution. Nominations from that IKM will not be assigned to you and will not show to you. Only the admin can withdraw a declaration.',
  },
  adminLead: {
    id: 'Konflik dicatat sebelum penugasan. Penilai yang berkonflik tidak pernah ditugaskan, tidak melihat usulannya, dan tidak melihat nilainya.',
    en: 'Conflicts are on record before assignment. A conflicted assessor is never assigned, never sees the nomination, and never sees its scores.',
  },
  declare: { id: 'Nyatakan konflik', en: 'Declare a conflict' },
  record: { id: 'Catat konflik', en: 'Record a conflict' },
  suggestions: { id: 'Saran konflik', en: 'Suggested conflicts' },
  suggestionsCount: { id: 'Saran konflik ({n})', en: 'Suggested conflicts ({n})' },
  listCaption: { id: 'Daftar konflik kepentingan', en: 'List of conflicts of interest' },
  none: { id: 'Belum ada konflik yang dicatat.', en: 'No conflicts on record yet.' },
  assessor: { id: 'Penilai', en: 'Assessor' },
  ikm: { id: 'IKM', en: 'IKM' },
  region: { id: 'Kabupaten/kota', en: 'Regency/city' },
  kind: { id: 'Jenis konflik', en: 'Kind of conflict' },
  note: { id: 'Keterangan', en: 'Note' },
  noteHint: {
    id: 'Singkat saja, misalnya "pemilik adalah sepupu saya".',
    en: 'Briefly, e.g. "the owner is my cousin".',
  },
  source: { id: 'Dicatat oleh', en: 'Recorded by' },
  source_assessor: { id: 'penilai sendiri', en: 'the assessor' },
  source_admin: { id: 'admin', en: 'the admin' },
  source_suggestion: {
    id: 'saran sistem, dikonfirmasi admin',
    en: 'system suggestion, confirmed by the admin',
  },
  status: { id: 'Status', en: 'Status' },
  active: { id: 'Berlaku', en: 'In force' },
  withdrawn: { id: 'Dicabut', en: 'Withdrawn' },
  all: { id: 'Semua', en: 'All' },
  declaredAt: { id: 'Tanggal', en: 'Date' },
  withdrawnInfo: {
    id: 'Dicabut {when} oleh {who}. Alasan: {reason}',
    en: 'Withdrawn {when} by {who}. Reason: {reason}',
  },
  matches: { id: 'Kesamaan', en: 'What they share' },
  view: { id: 'Lihat', en: 'View' },
  // Finding an IKM
  findIkm: { id: 'Cari IKM', en: 'Find the IKM' },
  findLead: {
    id: 'Cari menurut nama usaha; pencarian ini hanya menampilkan nama dan wilayah.',
    en: 'Search by business name; this search shows only names and regions.',
  },
  searchName: { id: 'Nama IKM', en: 'IKM name' },
  searchRegion: { id: 'Kabupaten/kota', en: 'Regency/city' },
  anyRegion: { id: 'Semua kabupaten/kota', en: 'Every regency/city' },
  search: { id: 'Cari', en: 'Search' },
  results: { id: 'Hasil pencarian', en: 'Search results' },
  noMatches: { id: 'Tidak ada IKM dengan nama itu.', en: 'No IKM by that name.' },
  choose: { id: 'Pilih', en: 'Choose' },
  chooseIkm: { id: 'Pilih {name}', en: 'Choose {name}' },
  declareFor: { id: 'Konflik dengan {ikm}', en: 'Conflict with {ikm}' },
  otherIkm: { id: 'Pilih IKM lain', en: 'Choose another IKM' },
  declared: {
    id: 'Konflik dengan {ikm} dicatat. Usulan IKM ini tidak akan ditugaskan kepada Anda.',
    en: 'Conflict with {ikm} on record. This IKM’s nominations will not be assigned to you.',
  },
  recorded: {
    id: 'Konflik {assessor} dengan {ikm} dicatat.',
    en: 'Conflict of {assessor} with {ikm} on record.',
  },
  chooseAssessor: { id: 'Penilai', en: 'Assessor' },
  // Withdrawing
  withdraw: { id: 'Cabut konflik', en: 'Withdraw the conflict' },
  withdrawReason: { id: 'Alasan pencabutan', en: 'Reason for withdrawing' },
  withdrawHint: {
    id: 'Dicatat di jejak audit dan tampil pada konflik ini.',
    en: 'Kept in the audit log and shown on this conflict.',
  },
  withdrawnDone: { id: 'Konflik dicabut.', en: 'Conflict withdrawn.' },
  onlyAdminWithdraws: {
    id: 'Hanya admin yang dapat mencabut pernyataan konflik. Hubungi admin bila pernyataan ini keliru.',
    en: 'Only the admin can withdraw a declaration. Contact the admin if this one is wrong.',
  },
  // Suggestions
  suggestionsLead: {
    id: 'Pasangan penilai dan IKM yang memakai instansi, nomor telepon atau alamat email yang sama. Konfirmasi menjadikannya konflik yang berlaku; abaikan dengan alasan bila bukan konflik. Setiap pasangan hanya diputuskan sekali.',
    en: 'Assessor and IKM pairs sharing an institution, a phone number or an e-mail address. Confirming makes it a conflict in force; dismiss it with a reason when it is none. Each pair is decided once.',
  },
  noSuggestions: { id: 'Tidak ada saran konflik saat ini.', en: 'No suggested conflicts at the moment.' },
  suggestedKind: { id: 'Jenis yang disarankan', en: 'Suggested kind' },
  confirm: { id: 'Konfirmasi konflik', en: 'Confirm the conflict' },
  dismiss: { id: 'Abaikan saran', en: 'Dismiss the suggestion' },
  dismissReason: { id: 'Alasan mengabaikan', en: 'Reason for dismissing' },
  confirmed: {
    id: 'Saran dikonfirmasi: konflik {assessor} dengan {ikm} berlaku.',
    en: 'Suggestion confirmed: {assessor}’s conflict with {ikm} is in force.',
  },
  dismissed: {
    id: 'Saran untuk {assessor} dan {ikm} diabaikan.',
    en: 'Suggestion for {assessor} and {ikm} dismissed.',
  },
  suggestionFor: { id: '{assessor} — {ikm}', en: '{assessor} — {ikm}' },
  openIkm: { id: 'Buka profil IKM', en: 'Open the IKM profile' },
});

export const conflictRules = validationMessages('conflicts', {
  reason: { id: 'Tuliskan alasannya.', en: 'Give the reason.' },
  ikm: { id: 'Pilih IKM dulu.', en: 'Choose the IKM first.' },
  assessor: { id: 'Pilih penilai.', en: 'Choose the assessor.' },
});

/** Broken rules the conflicts service throws. */
export const conflictErrors = defineMessages({
  alreadyDeclared: {
    id: 'Konflik dengan {ikm} sudah tercatat dan masih berlaku.',
    en: 'A conflict with {ikm} is already on record and in force.',
  },
  assessorRequired: { id: 'Sebutkan penilainya (assessorId).', en: 'Name the assessor (assessorId).' },
  alreadyWithdrawn: { id: 'Konflik ini sudah dicabut.', en: 'This conflict is already withdrawn.' },
  suggestionGone: {
    id: 'Saran ini tidak berlaku lagi (sudah diputuskan, atau datanya berubah).',
    en: 'This suggestion no longer stands (already decided, or the data changed).',
  },
});
