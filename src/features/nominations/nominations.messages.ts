/**
 * The nominations feature's words: candidates, the nomination task list, administrative selection,
 * the funnel, earlier awards and proposal packages. State and move names come from
 * features/cycles/nominations.messages.ts (one word per state everywhere).
 */
import { defineMessages, validationMessages } from '../../platform/i18n.ts';

type P = Record<string, string | number>;

/** Broken rules the services report, each beside its field. */
export const nominationRules = validationMessages('nominations', {
  cycleNotCovering: {
    id: 'Periode ini tidak mencakup komoditas {commodity}.',
    en: 'This round does not cover the commodity {commodity}.',
  },
  noProposalWindow: {
    id: 'Periode ini belum memiliki jadwal pengajuan usulan.',
    en: 'This round has no proposal window yet.',
  },
  duplicateNomination: {
    id: 'Produk ini sudah diusulkan ke periode ini (status: {state}).',
    en: 'This product is already nominated into this round (state: {state}).',
  },
  duplicateCandidate: {
    id: 'Produk ini sudah ada dalam daftar calon periode ini.',
    en: 'This product is already on this round’s shortlist.',
  },
  quotaExceeded: {
    id: 'Kuota {regency} pada periode ini adalah {quota} usulan, dan sudah terpakai {used}.',
    en: 'The quota of {regency} in this round is {quota} nomination(s), and {used} are already used.',
  },
  locked: {
    id: 'Usulan berstatus "{state}" tidak dapat diubah lagi.',
    en: 'A nomination that is "{state}" can no longer be changed.',
  },
  itemUnknown: {
    id: 'Persyaratan dokumen ini tidak ada dalam daftar periode ini.',
    en: 'This document requirement is not in this round’s checklist.',
  },
  fileWrongType: {
    id: 'Berkas {name} bukan jenis yang diterima untuk "{item}" (isinya terbaca sebagai {found}). Jenis yang diterima: {allowed}.',
    en: 'The file {name} is not an accepted type for "{item}" (its content reads as {found}). Accepted: {allowed}.',
  },
  fileTooLarge: {
    id: 'Berkas {name} terlalu besar ({size} MB); batasnya {max} MB.',
    en: 'The file {name} is too large ({size} MB); the limit is {max} MB.',
  },
  fileMissing: { id: 'Pilih berkas untuk diunggah.', en: 'Choose a file to upload.' },
  expiryRequired: {
    id: 'Isi tanggal berlaku sampai: dokumen ini harus masih berlaku pada batas pengajuan.',
    en: 'Enter the valid-until date: this document must still be valid on the proposal deadline.',
  },
  expiresBeforeDeadline: {
    id: 'Dokumen ini berlaku sampai {expiresOn}, sebelum batas pengajuan {deadline}.',
    en: 'This document is valid until {expiresOn}, before the proposal deadline {deadline}.',
  },
  registryDocumentUnknown: {
    id: 'Dokumen registri ini tidak ditemukan pada IKM yang diusulkan.',
    en: 'This registry document was not found on the nominated IKM.',
  },
  registryDocumentKind: {
    id: 'Dokumen registri berjenis {kind} tidak memenuhi persyaratan "{item}".',
    en: 'A registry document of kind {kind} does not meet the requirement "{item}".',
  },
  registryDocumentNoScan: {
    id: 'Dokumen registri {number} belum memiliki pindaian; unggah pindaiannya di sini atau di registri.',
    en: 'Registry document {number} has no scan yet; upload the scan here or in the registry.',
  },
  registryDocumentWrongType: {
    id: 'Pindaian dokumen registri {number} berjenis {found}, yang tidak diterima untuk "{item}". Jenis yang diterima: {allowed}.',
    en: 'The scan of registry document {number} is a {found}, which "{item}" does not accept. Accepted: {allowed}.',
  },
  missingDocuments: {
    id: (p: P) => `Belum dapat diajukan: dokumen wajib belum lengkap atau tidak berlaku — ${p.items_id}.`,
    en: (p: P) => `Cannot be submitted yet: required documents missing or not valid — ${p.items_en}.`,
  },
  adminSelectionOver: {
    id: (p: P) => `Seleksi administrasi berakhir pada ${p.when_id}; usulan tidak dapat diajukan ulang.`,
    en: (p: P) =>
      `Administrative selection ended on ${p.when_en}; the nomination can no longer be resubmitted.`,
  },
  commentRequired: {
    id: 'Tulis catatan untuk persyaratan yang bermasalah: apa yang harus diperbaiki.',
    en: 'Write a comment for the faulty requirement: what must be corrected.',
  },
  noFaultToReturn: {
    id: 'Tandai paling sedikit satu persyaratan yang bermasalah, dengan catatannya, sebelum mengembalikan usulan.',
    en: 'Mark at least one requirement as faulty, with its comment, before returning the nomination.',
  },
  notAllConfirmed: {
    id: (p: P) => `Belum dapat diluluskan: persyaratan berikut belum dinyatakan sesuai — ${p.items_id}.`,
    en: (p: P) => `Cannot pass yet: these requirements are not confirmed as correct — ${p.items_en}.`,
  },
  reasonRequired: { id: 'Tuliskan alasannya.', en: 'Write the reason.' },
  nothingSelected: { id: 'Pilih paling sedikit satu usulan.', en: 'Choose at least one nomination.' },
  productNotOfIkm: {
    id: 'Produk ini bukan milik IKM tersebut.',
    en: 'This product does not belong to that IKM.',
  },
  starsOverScale: {
    id: 'Periode ini berskala bintang 1–{scale}.',
    en: 'This round’s star scale is 1–{scale}.',
  },
  packageNothingPassed: {
    id: 'Belum ada usulan {regency} yang lolos seleksi administrasi pada periode ini.',
    en: 'No nomination of {regency} has passed administrative selection in this round yet.',
  },
  packageNotPassed: {
    id: 'Paket usulan hanya dibuat untuk usulan yang lolos seleksi administrasi.',
    en: 'A proposal package is made only for a nomination that passed administrative selection.',
  },
});

export const nominationsText = defineMessages({
  // Navigation and titles
  navNominations: { id: 'Usulan', en: 'Nominations' },
  navCandidates: { id: 'Calon OVOP', en: 'Candidates' },
  title: { id: 'Usulan OVOP', en: 'OVOP nominations' },
  listCaption: { id: 'Daftar usulan', en: 'List of nominations' },
  newNomination: { id: 'Buat usulan', en: 'Create a nomination' },
  newNominationLead: {
    id: 'Pilih periode yang sedang membuka pengajuan, lalu cari produk dari registri kabupaten/kota Anda.',
    en: 'Choose a round whose proposal window is open, then find a product in your regency/city’s registry.',
  },
  noOpenCycle: {
    id: 'Tidak ada periode yang sedang membuka pengajuan usulan.',
    en: 'No round has its proposal window open.',
  },
  cycle: { id: 'Periode', en: 'Round' },
  allCycles: { id: 'Semua periode', en: 'All rounds' },
  findProduct: { id: 'Cari produk', en: 'Find a product' },
  findProductHint: {
    id: 'Nama produk, nama IKM, atau kode HS.',
    en: 'Product name, IKM name, or HS code.',
  },
  search: { id: 'Cari', en: 'Search' },
  filter: { id: 'Saring', en: 'Filter' },
  nominate: { id: 'Usulkan', en: 'Nominate' },
  nominateProduct: { id: 'Usulkan {product}', en: 'Nominate {product}' },
  fromShortlist: { id: 'Dari daftar calon', en: 'From the shortlist' },
  searchResults: { id: 'Hasil pencarian', en: 'Search results' },
  alreadyNominated: { id: 'Sudah diusulkan', en: 'Already nominated' },
  created: { id: 'Usulan {product} dibuat sebagai draf.', en: 'Nomination of {product} created as a draft.' },

  product: { id: 'Produk', en: 'Product' },
  ikm: { id: 'IKM', en: 'IKM' },
  regency: { id: 'Kabupaten/kota', en: 'Regency/city' },
  allRegencies: { id: 'Semua kabupaten/kota', en: 'All regencies/cities' },
  commodity: { id: 'Komoditas', en: 'Commodity' },
  allCommodities: { id: 'Semua komoditas', en: 'All commodities' },
  state: { id: 'Status', en: 'State' },
  allStates: { id: 'Semua status', en: 'All states' },
  updated: { id: 'Diperbarui', en: 'Updated' },
  noNominations: { id: 'Belum ada usulan.', en: 'No nominations yet.' },
  open: { id: 'Buka', en: 'Open' },

  // Task list
  taskListCaption: { id: 'Usulan', en: 'Nomination' },
  sectionData: { id: '1. Data produk dan IKM', en: '1. Product and IKM data' },
  sectionDataHint: {
    id: 'Diambil dari registri. Perbaiki di registri bila ada yang salah.',
    en: 'Taken from the registry. Correct it in the registry if something is wrong.',
  },
  editInRegistry: { id: 'Ubah di registri', en: 'Edit in the registry' },
  sectionDetails: { id: '2. Keterangan usulan', en: '2. About the nomination' },
  sectionDocuments: { id: '3. Dokumen persyaratan', en: '3. Required documents' },
  sectionEligibility: { id: '4. Pemeriksaan kelayakan', en: '4. Eligibility checks' },
  sectionEligibilityHint: {
    id: 'Dihitung otomatis dari registri dan dokumen usulan, terhadap batas pengajuan {deadline}.',
    en: 'Computed from the registry and the nomination’s documents, against the proposal deadline {deadline}.',
  },
  sectionSubmit: { id: '5. Periksa dan ajukan', en: '5. Check and submit' },
  eligible: { id: 'Semua syarat terpenuhi.', en: 'Every condition is met.' },
  notEligible: {
    id: 'Ada syarat yang belum terpenuhi; usulan tetap dapat diajukan, tetapi provinsi akan melihatnya.',
    en: 'Some conditions are not met; the nomination can still be submitted, but the province will see them.',
  },
  rule: { id: 'Syarat', en: 'Condition' },
  outcome: { id: 'Hasil', en: 'Outcome' },
  detail: { id: 'Keterangan', en: 'Detail' },
  itemStatus_not_started: { id: 'Belum dimulai', en: 'Not started' },
  itemStatus_done: { id: 'Selesai', en: 'Done' },
  itemStatus_returned: { id: 'Dikembalikan', en: 'Returned' },
  required: { id: 'Wajib', en: 'Required' },
  optional: { id: 'Opsional', en: 'Optional' },
  completeness: {
    id: '{done} dari {total} dokumen wajib lengkap',
    en: '{done} of {total} required documents complete',
  },
  completenessOptional: {
    id: '{done} dari {total} dokumen opsional',
    en: '{done} of {total} optional documents',
  },
  statement: { id: 'Mengapa produk ini diusulkan', en: 'Why this product is nominated' },
  statementHint: {
    id: 'Keunikan, bahan baku lokal, pasar, dampak bagi desa. Opsional, paling banyak 2.000 karakter.',
    en: 'Uniqueness, local raw material, market, impact on the village. Optional, up to 2,000 characters.',
  },
  notLeadReason: {
    id: 'Bila IKM bukan penghela sentranya: alasannya',
    en: 'If the IKM is not its centre’s lead business: why',
  },
  notLeadReasonHint: {
    id: 'Kosongkan bila IKM adalah penghela sentra.',
    en: 'Leave empty when the IKM is the centre’s lead business.',
  },
  editDetails: { id: 'Ubah keterangan', en: 'Edit the details' },
  detailsSaved: { id: 'Keterangan usulan disimpan.', en: 'Nomination details saved.' },
  notGiven: { id: 'Belum diisi', en: 'Not given' },
  checkAnswers: { id: 'Periksa jawaban Anda', en: 'Check your answers' },
  checkAnswersLead: {
    id: 'Periksa data usulan sebelum diajukan. Setelah diajukan, usulan tidak dapat diubah kecuali dikembalikan oleh provinsi.',
    en: 'Check the nomination before submitting it. Once submitted, it cannot be changed unless the province returns it.',
  },
  goToCheck: { id: 'Periksa lalu ajukan', en: 'Check and submit' },
  goToCheckResubmit: { id: 'Periksa lalu ajukan ulang', en: 'Check and resubmit' },
  submitNow: { id: 'Ajukan usulan', en: 'Submit the nomination' },
  resubmitNow: { id: 'Ajukan ulang usulan', en: 'Resubmit the nomination' },
  declaration: {
    id: 'Dengan mengajukan, Anda menyatakan bahwa data dan dokumen ini benar menurut pengetahuan dinas Anda.',
    en: 'By submitting, you state that this data and these documents are correct to your office’s knowledge.',
  },
  change: { id: 'Ubah', en: 'Change' },
  changeItem: { id: 'Ubah {item}', en: 'Change {item}' },
  noDocument: { id: 'Belum ada dokumen', en: 'No document yet' },
  locked: {
    id: 'Usulan ini terkunci: berstatus {state}.',
    en: 'This nomination is locked: it is {state}.',
  },
  windowOpen: {
    id: 'Masa pengajuan sampai {when}.',
    en: 'The proposal window closes on {when}.',
  },
  windowExtended: {
    id: 'Diperpanjang untuk kabupaten/kota ini sampai {when}.',
    en: 'Extended for this regency/city until {when}.',
  },
  windowClosed: { id: 'Masa pengajuan berakhir pada {when}.', en: 'The proposal window closed on {when}.' },
  windowNotOpen: { id: 'Masa pengajuan dibuka pada {when}.', en: 'The proposal window opens on {when}.' },

  // Confirmation
  confirmationTitle: { id: 'Usulan diajukan', en: 'Nomination submitted' },
  confirmationResubmitTitle: { id: 'Usulan diajukan ulang', en: 'Nomination resubmitted' },
  confirmationRef: { id: 'Nomor usulan', en: 'Nomination reference' },
  confirmationNext: { id: 'Apa yang terjadi selanjutnya', en: 'What happens next' },
  confirmationNextBody: {
    id: 'Dinas provinsi memeriksa kelengkapan dokumen dalam seleksi administrasi ({from} – {to}). Anda akan menerima pemberitahuan bila usulan dikembalikan untuk perbaikan, lolos, atau tidak lolos.',
    en: 'The provincial office checks the documents in administrative selection ({from} – {to}). You will be notified when the nomination is returned for correction, passes, or fails.',
  },
  confirmationNextNoPhase: {
    id: 'Dinas provinsi memeriksa kelengkapan dokumen dalam seleksi administrasi. Anda akan menerima pemberitahuan bila usulan dikembalikan untuk perbaikan, lolos, atau tidak lolos.',
    en: 'The provincial office checks the documents in administrative selection. You will be notified when the nomination is returned for correction, passes, or fails.',
  },
  backToNomination: { id: 'Kembali ke usulan', en: 'Back to the nomination' },
  backToList: { id: 'Kembali ke daftar usulan', en: 'Back to the nominations' },

  // Items and documents
  itemPageHint: {
    id: 'Jenis berkas yang diterima: {kinds}. Ukuran paling besar {max} MB.',
    en: 'Accepted file kinds: {kinds}. At most {max} MB.',
  },
  itemValidOnDeadline: {
    id: 'Dokumen ini harus masih berlaku pada batas pengajuan ({deadline}).',
    en: 'This document must still be valid on the proposal deadline ({deadline}).',
  },
  provinceComment: { id: 'Catatan provinsi', en: 'The province’s comment' },
  currentDocument: { id: 'Dokumen saat ini', en: 'Current document' },
  uploadNew: { id: 'Unggah dokumen', en: 'Upload a document' },
  uploadReplace: { id: 'Unggah pengganti', en: 'Upload a replacement' },
  file: { id: 'Berkas', en: 'File' },
  documentNumber: { id: 'Nomor dokumen', en: 'Document number' },
  expiresOn: { id: 'Berlaku sampai', en: 'Valid until' },
  expiresOnHint: { id: 'Contoh: 31/12/2027', en: 'E.g. 31/12/2027' },
  upload: { id: 'Unggah', en: 'Upload' },
  uploaded: { id: 'Dokumen "{name}" diunggah.', en: 'Document "{name}" uploaded.' },
  attachFromRegistry: { id: 'Pakai dokumen dari registri', en: 'Use a document from the registry' },
  attachFromRegistryHint: {
    id: 'Dokumen legalitas IKM ini yang sesuai; tidak perlu diunggah ulang.',
    en: 'This IKM’s matching legal documents; no need to upload them again.',
  },
  attach: { id: 'Pakai dokumen ini', en: 'Use this document' },
  attached: { id: 'Dokumen registri "{name}" dipakai.', en: 'Registry document "{name}" used.' },
  noScan: { id: 'belum ada pindaian', en: 'no scan yet' },
  removeDocument: { id: 'Hapus dokumen saat ini', en: 'Remove the current document' },
  removed: {
    id: 'Dokumen "{item}" dihapus dari usulan (versi lamanya tetap tersimpan).',
    en: 'Document "{item}" removed from the nomination (its earlier versions are kept).',
  },
  versions: { id: 'Semua versi', en: 'Every version' },
  versionN: { id: 'Versi {n}', en: 'Version {n}' },
  versionCurrent: { id: 'berlaku', en: 'current' },
  versionSuperseded: { id: 'diganti', en: 'replaced' },
  source_upload: { id: 'diunggah', en: 'uploaded' },
  source_registry: { id: 'dari registri', en: 'from the registry' },
  roundN: { id: 'pengajuan ke-{n}', en: 'submission {n}' },
  roundDraft: { id: 'draf', en: 'draft' },
  download: { id: 'Unduh', en: 'Download' },
  orphanDocuments: {
    id: 'Dokumen untuk persyaratan yang tidak lagi ada di konfigurasi periode',
    en: 'Documents for requirements no longer in the round’s configuration',
  },

  // History
  history: { id: 'Riwayat', en: 'History' },
  historyBy: { id: 'oleh {name}', en: 'by {name}' },

  // Withdraw
  withdraw: { id: 'Tarik usulan', en: 'Withdraw the nomination' },
  withdrawLead: {
    id: 'Usulan yang ditarik tidak dapat dikembalikan; produk ini dapat diusulkan lagi dalam periode ini selama masa pengajuan.',
    en: 'A withdrawn nomination cannot be restored; the product can be nominated again in this round while the window is open.',
  },
  reason: { id: 'Alasan', en: 'Reason' },
  withdrawn: { id: 'Usulan {product} ditarik.', en: 'Nomination of {product} withdrawn.' },

  // Administrative selection
  review: { id: 'Seleksi administrasi', en: 'Administrative selection' },
  reviewLead: {
    id: 'Periksa setiap persyaratan: hasil pemeriksaan otomatis, lalu nyatakan sesuai atau bermasalah. Persyaratan yang bermasalah wajib diberi catatan.',
    en: 'Check every requirement: the automatic checks, then confirm it as correct or faulty. A faulty requirement needs a comment.',
  },
  autoChecks: { id: 'Pemeriksaan otomatis', en: 'Automatic checks' },
  auto_present: { id: 'Ada dokumen', en: 'Document present' },
  auto_missing: { id: 'Tidak ada dokumen', en: 'No document' },
  auto_typeOk: { id: 'jenis berkas diterima', en: 'file kind accepted' },
  auto_typeBad: { id: 'jenis berkas tidak diterima', en: 'file kind not accepted' },
  auto_valid: { id: 'berlaku pada batas pengajuan', en: 'valid on the deadline' },
  auto_expired: { id: 'tidak berlaku pada batas pengajuan', en: 'not valid on the deadline' },
  verdict: { id: 'Pemeriksaan {item}', en: 'Check of {item}' },
  verdict_ok: { id: 'Sesuai', en: 'Correct' },
  verdict_fault: { id: 'Bermasalah', en: 'Faulty' },
  verdict_none: { id: 'Belum diperiksa', en: 'Not checked' },
  faultComment: { id: 'Catatan untuk {item}', en: 'Comment on {item}' },
  decision: { id: 'Keputusan', en: 'Decision' },
  decision_save: { id: 'Simpan pemeriksaan saja', en: 'Save the checks only' },
  decision_return: { id: 'Kembalikan untuk perbaikan', en: 'Return for correction' },
  decision_pass: { id: 'Luluskan seleksi administrasi', en: 'Pass administrative selection' },
  decision_fail: { id: 'Nyatakan tidak lolos', en: 'Fail' },
  decisionReason: { id: 'Alasan keputusan', en: 'Reason for the decision' },
  decisionReasonHint: {
    id: 'Wajib bila tidak lolos; disampaikan kepada petugas kabupaten/kota.',
    en: 'Required to fail it; sent to the regency/city officer.',
  },
  confirmDecision: { id: 'Simpan keputusan', en: 'Save the decision' },
  reviewSaved: { id: 'Pemeriksaan disimpan.', en: 'Checks saved.' },
  moved: { id: 'Usulan {product} {done}.', en: 'Nomination of {product} {done}.' },
  reviewNotOpen: {
    id: 'Seleksi administrasi hanya untuk usulan yang berstatus "Diajukan".',
    en: 'Administrative selection is only for nominations that are "Submitted".',
  },
  decisionReasonShown: { id: 'Alasan keputusan: {reason}', en: 'Reason: {reason}' },

  // Bulk
  bulkTitle: { id: 'Tindakan massal', en: 'Bulk action' },
  bulkAction: { id: 'Tindakan untuk usulan terpilih', en: 'Action for the chosen nominations' },
  bulk_pass: { id: 'Luluskan', en: 'Pass' },
  bulk_fail: { id: 'Nyatakan tidak lolos', en: 'Fail' },
  bulkConfirmAuto: {
    id: 'Nyatakan sesuai setiap persyaratan yang lolos pemeriksaan otomatis',
    en: 'Confirm as correct every requirement that passes the automatic checks',
  },
  bulkReason: { id: 'Alasan (wajib bila tidak lolos)', en: 'Reason (required to fail)' },
  bulkContinue: { id: 'Lanjutkan', en: 'Continue' },
  bulkCheckTitle: { id: 'Periksa sebelum dijalankan', en: 'Check before it runs' },
  bulkCheckLead: {
    id: 'Tindakan "{action}" akan dijalankan untuk {n} usulan berikut. Setiap usulan diperiksa sendiri; yang tidak memenuhi syarat akan dilewati dengan alasannya.',
    en: 'The action "{action}" will run for these {n} nominations. Each is checked on its own; those that do not qualify are skipped with the reason.',
  },
  bulkRun: { id: 'Jalankan', en: 'Run it' },
  bulkResultTitle: { id: 'Hasil tindakan massal', en: 'Result of the bulk action' },
  bulkDone: { id: '{n} usulan berhasil.', en: '{n} nomination(s) done.' },
  bulkSkipped: { id: '{n} usulan dilewati:', en: '{n} nomination(s) skipped:' },
  select: { id: 'Pilih {name}', en: 'Choose {name}' },
  nothingSelected: { id: 'Pilih paling sedikit satu usulan.', en: 'Choose at least one nomination.' },
  changedSinceChecked: {
    id: 'Usulan ini diubah sejak Anda membukanya; periksa lagi sebelum melanjutkan.',
    en: 'This nomination changed since you opened it; check it again before going on.',
  },
  selected: { id: 'Pilih', en: 'Choose' },

  // Funnel
  funnel: { id: 'Corong usulan', en: 'Nomination funnel' },
  funnelLead: {
    id: 'Dari calon sampai hasil seleksi administrasi, per periode.',
    en: 'From candidates to the outcome of administrative selection, per round.',
  },
  funnelOverall: { id: 'Seluruh provinsi', en: 'Whole province' },
  funnelOwn: { id: 'Kabupaten/kota Anda', en: 'Your regency/city' },
  funnelByRegency: { id: 'Per kabupaten/kota', en: 'By regency/city' },
  funnelByCommodity: { id: 'Per komoditas', en: 'By commodity' },
  funnelChart: {
    id: 'Diagram batang corong: {summary}',
    en: 'Bar chart of the funnel: {summary}',
  },
  stage_potential: { id: 'Calon', en: 'Potential' },
  stage_nominated: { id: 'Diusulkan', en: 'Nominated' },
  stage_submitted: { id: 'Diajukan', en: 'Submitted' },
  stage_returned: { id: 'Pernah dikembalikan', en: 'Returned' },
  stage_passed: { id: 'Lolos', en: 'Passed' },
  stage_failed: { id: 'Tidak lolos', en: 'Failed' },
  stageWithdrawn: { id: 'Ditarik', en: 'Withdrawn' },
  total: { id: 'Jumlah', en: 'Total' },
  funnelEmpty: {
    id: 'Belum ada calon atau usulan pada periode ini.',
    en: 'No candidates or nominations in this round yet.',
  },

  // Candidates
  candidatesTitle: { id: 'Calon IKM OVOP (potensi)', en: 'OVOP candidates (potential)' },
  candidatesLead: {
    id: 'Produk yang ditandai kabupaten/kota sebagai layak diusulkan, dengan alasannya. Provinsi membaca dan memberi catatan.',
    en: 'Products a regency/city marks as worth nominating, with the reason. The province reads them and comments.',
  },
  candidatesCaption: { id: 'Daftar calon', en: 'Shortlist' },
  markCandidate: { id: 'Tandai sebagai calon', en: 'Mark as a candidate' },
  justification: { id: 'Alasan', en: 'Justification' },
  justificationHint: {
    id: 'Singkat: mengapa produk ini layak diusulkan (paling banyak 1.000 karakter).',
    en: 'Briefly: why this product is worth nominating (at most 1,000 characters).',
  },
  candidateSaved: { id: '{product} ditandai sebagai calon.', en: '{product} marked as a candidate.' },
  candidateRemoved: {
    id: '{product} dihapus dari daftar calon.',
    en: '{product} removed from the shortlist.',
  },
  removeCandidate: { id: 'Hapus dari daftar calon', en: 'Remove from the shortlist' },
  comments: { id: 'Catatan', en: 'Comments' },
  commentsCount: { id: '{n} catatan', en: '{n} comment(s)' },
  noComments: { id: 'Belum ada catatan.', en: 'No comments yet.' },
  addComment: { id: 'Tambah catatan', en: 'Add a comment' },
  comment: { id: 'Catatan', en: 'Comment' },
  commentSaved: { id: 'Catatan disimpan.', en: 'Comment saved.' },
  noCandidates: { id: 'Belum ada calon pada periode ini.', en: 'No candidates in this round yet.' },
  nominated: { id: 'Sudah diusulkan', en: 'Nominated' },
  markedBy: { id: 'Ditandai {when}', en: 'Marked {when}' },

  // Earlier awards
  awardsTitle: { id: 'Penghargaan bintang terdahulu', en: 'Earlier star awards' },
  awardsLead: {
    id: 'Pemegang bintang OVOP dari periode sebelumnya. Sumber publik tidak menyebut pemegang bintang dari Maluku, jadi catat di sini yang diketahui dinas. Usulan baru dari pemegang bintang ditandai untuk evaluasi ulang.',
    en: 'OVOP star holders of earlier rounds. Public sources name no Maluku holder, so record here those the office knows of. A new nomination of a holder is flagged for re-evaluation.',
  },
  awardsCaption: { id: 'Daftar penghargaan terdahulu', en: 'Earlier awards' },
  newAward: { id: 'Catat penghargaan', en: 'Record an award' },
  findIkm: { id: 'Cari IKM', en: 'Find an IKM' },
  findIkmHint: { id: 'Nama IKM, pemilik, atau NIB.', en: 'IKM name, owner, or NIB.' },
  recordFor: { id: 'Catat untuk {name}', en: 'Record for {name}' },
  year: { id: 'Tahun', en: 'Year' },
  stars: { id: 'Bintang', en: 'Stars' },
  source: { id: 'Sumber', en: 'Source' },
  awardSource_entered: { id: 'dicatat manual', en: 'entered by hand' },
  awardSource_imported: { id: 'diimpor', en: 'imported' },
  awardSource_earlier_cycle: { id: 'periode sebelumnya', en: 'earlier round' },
  notes: { id: 'Catatan', en: 'Notes' },
  notesHint: {
    id: 'Misalnya sumber informasinya (surat, berita, piagam).',
    en: 'E.g. where it is known from (a letter, news, the certificate).',
  },
  wholeIkm: {
    id: 'IKM secara umum (tanpa produk tertentu)',
    en: 'The IKM as a whole (no particular product)',
  },
  noCycle: { id: 'Di luar sistem ini', en: 'Outside this system' },
  awardSaved: {
    id: 'Penghargaan {stars} bintang ({year}) dicatat.',
    en: '{stars}-star award ({year}) recorded.',
  },
  noAwards: { id: 'Belum ada penghargaan yang dicatat.', en: 'No awards recorded yet.' },

  // IKM profile panel
  panelTitle: { id: 'Usulan dan bintang OVOP', en: 'OVOP nominations and stars' },
  panelNone: { id: 'Belum pernah diusulkan.', en: 'Never nominated.' },

  // Packages
  package: { id: 'Paket usulan nasional', en: 'National proposal package' },
  packageLead: {
    id: 'Berkas ZIP berisi lembar profil IKM (xlsx dan PDF) dan dokumen yang dinamai menurut persyaratannya, untuk diunggah ke portal OVOP nasional.',
    en: 'A ZIP holding the IKM profile sheet (xlsx and PDF) and the documents named after their requirements, to upload to the national OVOP portal.',
  },
  packageOne: { id: 'Buat paket usulan', en: 'Make the proposal package' },
  packageRegency: {
    id: 'Buat paket semua usulan lolos {regency}',
    en: 'Make the package of every passed nomination of {regency}',
  },
  packageProgress: { id: 'Menyiapkan paket usulan', en: 'Preparing the proposal package' },
  packageProgressBody: {
    id: '{done} dari {total} usulan sudah dimasukkan. Halaman ini diperbarui sendiri setiap beberapa detik.',
    en: '{done} of {total} nominations added. This page refreshes itself every few seconds.',
  },
  packageReady: { id: 'Paket usulan siap', en: 'The proposal package is ready' },
  packageDownload: { id: 'Unduh {name} ({size})', en: 'Download {name} ({size})' },
  packageFailed: {
    id: 'Paket usulan gagal dibuat: {error}',
    en: 'The proposal package could not be made: {error}',
  },
  packageAgain: { id: 'Buat ulang', en: 'Make it again' },
  refreshNow: { id: 'Perbarui sekarang', en: 'Refresh now' },
  profileSheet: { id: 'Profil IKM', en: 'IKM profile' },
  field: { id: 'Isian', en: 'Field' },
  value: { id: 'Nilai', en: 'Value' },
  summarySheet: { id: 'Daftar usulan', en: 'Nominations' },
  packagePrinted: { id: 'Dibuat {when}', en: 'Made {when}' },

  // Profile fields (package sheet, data section)
  f_ikmName: { id: 'Nama IKM', en: 'IKM name' },
  f_owner: { id: 'Pemilik', en: 'Owner' },
  f_nib: { id: 'NIB', en: 'NIB' },
  f_kbli: { id: 'KBLI', en: 'KBLI' },
  f_address: { id: 'Alamat', en: 'Address' },
  f_desa: { id: 'Desa/kelurahan', en: 'Village' },
  f_kecamatan: { id: 'Kecamatan', en: 'District' },
  f_phone: { id: 'Telepon', en: 'Phone' },
  f_email: { id: 'Email', en: 'E-mail' },
  f_sentra: { id: 'Sentra IKM', en: 'IKM centre' },
  f_decree: { id: 'SK sentra', en: 'Centre decree' },
  f_lead: { id: 'Penghela sentra', en: 'Lead business of the centre' },
  f_workforce: { id: 'Tenaga kerja (L/P)', en: 'Workforce (men/women)' },
  f_investment: { id: 'Nilai investasi', en: 'Investment' },
  f_capacity: { id: 'Kapasitas produksi', en: 'Production capacity' },
  f_product: { id: 'Nama produk', en: 'Product name' },
  f_description: { id: 'Deskripsi', en: 'Description' },
  f_story: { id: 'Cerita produk', en: 'Product story' },
  f_localMaterial: { id: 'Bahan baku lokal', en: 'Local raw material' },
  f_price: { id: 'Harga', en: 'Price' },
  f_hsCode: { id: 'Kode HS', en: 'HS code' },
  f_packaging: { id: 'Kemasan', en: 'Packaging' },
  f_legal: { id: 'Dokumen legalitas', en: 'Legal documents' },
  f_cycle: { id: 'Periode', en: 'Round' },
  f_submitted: { id: 'Diajukan', en: 'Submitted' },
  f_passed: { id: 'Lolos seleksi administrasi', en: 'Passed administrative selection' },
  f_documents: { id: 'Dokumen dalam paket', en: 'Documents in the package' },
  none: { id: '—', en: '—' },
});

/** Notifications, rendered in each recipient's language. */
export const nominationNotices = defineMessages({
  submittedTitle: { id: 'Usulan baru: {product}', en: 'New nomination: {product}' },
  submittedBody: {
    id: '{regency} mengajukan {product} ({ikm}) ke {cycle}. Silakan lakukan seleksi administrasi.',
    en: '{regency} submitted {product} ({ikm}) into {cycle}. Please run administrative selection.',
  },
  resubmittedTitle: { id: 'Usulan diajukan ulang: {product}', en: 'Nomination resubmitted: {product}' },
  resubmittedBody: {
    id: '{regency} mengajukan ulang {product} ({ikm}) ke {cycle} setelah perbaikan.',
    en: '{regency} resubmitted {product} ({ikm}) into {cycle} after correction.',
  },
  returnedTitle: { id: 'Usulan dikembalikan: {product}', en: 'Nomination returned: {product}' },
  returnedBody: {
    id: (p: P) =>
      `Usulan ${p.product} pada ${p.cycle} dikembalikan untuk perbaikan. Catatan provinsi:\n${p.faults}\nPerbaiki lalu ajukan ulang sebelum ${p.until}.`,
    en: (p: P) =>
      `The nomination of ${p.product} in ${p.cycle} was returned for correction. The province's comments:\n${p.faults}\nCorrect it and resubmit before ${p.until}.`,
  },
  passedTitle: { id: 'Usulan lolos: {product}', en: 'Nomination passed: {product}' },
  passedBody: {
    id: 'Usulan {product} pada {cycle} lolos seleksi administrasi dan masuk tahap penilaian.{reason}',
    en: 'The nomination of {product} in {cycle} passed administrative selection and goes on to assessment.{reason}',
  },
  failedTitle: { id: 'Usulan tidak lolos: {product}', en: 'Nomination failed: {product}' },
  failedBody: {
    id: 'Usulan {product} pada {cycle} tidak lolos seleksi administrasi. Alasan: {reason}',
    en: 'The nomination of {product} in {cycle} did not pass administrative selection. Reason: {reason}',
  },
  candidateCommentTitle: {
    id: 'Catatan provinsi untuk calon {product}',
    en: 'Province comment on candidate {product}',
  },
  candidateCommentBody: { id: '{author}: {body}', en: '{author}: {body}' },
  unknownDeadline: { id: 'akhir seleksi administrasi', en: 'the end of administrative selection' },
});
