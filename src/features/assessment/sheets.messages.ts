/** The text of the assessor's pages (my assignments, the nomination, the score sheet), Indonesian and English. */
import { defineMessages } from '../../platform/i18n.ts';

export const sheetsText = defineMessages({
  myAssignments: { id: 'Penugasan saya', en: 'My assignments' },
  myAssignmentsIntro: {
    id: 'Usulan yang ditugaskan kepada Anda. Nilai setiap usulan secara mandiri; nilai penilai lain tidak ditampilkan.',
    en: 'The nominations assigned to you. Score each on your own; other assessors’ scores are not shown.',
  },
  noAssignments: {
    id: 'Belum ada usulan yang ditugaskan kepada Anda.',
    en: 'No nomination has been assigned to you yet.',
  },
  colNomination: { id: 'Usulan', en: 'Nomination' },
  colCycle: { id: 'Periode', en: 'Round' },
  colCommodity: { id: 'Komoditas', en: 'Commodity' },
  colProgress: { id: 'Kemajuan', en: 'Progress' },
  colSheet: { id: 'Lembar', en: 'Sheet' },
  progress: { id: '{done} dari {total} kriteria', en: '{done} of {total} criteria' },
  statusDraft: { id: 'Draf', en: 'Draft' },
  statusSubmitted: { id: 'Terkirim', en: 'Submitted' },
  openSheet: { id: 'Buka lembar', en: 'Open sheet' },
  openNomination: { id: 'Lihat usulan', en: 'View nomination' },
  // Nomination
  nominationCaption: { id: 'Usulan yang ditugaskan', en: 'Assigned nomination' },
  product: { id: 'Produk', en: 'Product' },
  ikm: { id: 'IKM', en: 'IKM' },
  regency: { id: 'Kab/kota', en: 'Regency/city' },
  commodity: { id: 'Komoditas', en: 'Commodity' },
  cycle: { id: 'Periode', en: 'Round' },
  statement: { id: 'Pernyataan pengusul', en: 'Proposer’s statement' },
  documents: { id: 'Dokumen usulan', en: 'Nomination documents' },
  noDocuments: { id: 'Usulan ini tidak memiliki dokumen.', en: 'This nomination has no documents.' },
  colDocument: { id: 'Dokumen', en: 'Document' },
  colItem: { id: 'Butir', en: 'Item' },
  colNumber: { id: 'Nomor', en: 'Number' },
  colExpires: { id: 'Berlaku sampai', en: 'Valid until' },
  // Sheet
  sheetTitle: { id: 'Lembar penilaian: {product}', en: 'Score sheet: {product}' },
  sheetCaption: { id: '{cycle} · rubrik {rubric}', en: '{cycle} · rubric {rubric}' },
  sheetIntro: {
    id: 'Pilih satu tingkat untuk setiap kriteria; deskripsinya menjelaskan arti tiap tingkat. Simpan draf kapan saja; setelah dikirim, lembar terkunci.',
    en: 'Choose one level for each criterion; its descriptor says what each level means. Save a draft at any time; once submitted, the sheet is locked.',
  },
  lockedPanel: { id: 'Lembar ini sudah dikirim', en: 'This sheet has been submitted' },
  lockedBody: {
    id: 'Dikirim {when}. Nilai total Anda {total}. Lembar tidak dapat diubah lagi.',
    en: 'Submitted {when}. Your total is {total}. The sheet can no longer be changed.',
  },
  aspect: { id: 'Aspek {code}: {name}', en: 'Aspect {code}: {name}' },
  criterionLegend: { id: '{code} {name} (bobot {weight})', en: '{code} {name} (weight {weight})' },
  levelOption: {
    id: 'Tingkat {level} — {label} ({points} poin)',
    en: 'Level {level} — {label} ({points} points)',
  },
  chosen: { id: 'Pilihan: {choice}', en: 'Chosen: {choice}' },
  notChosen: { id: 'belum dipilih', en: 'not chosen' },
  noteFor: { id: 'Catatan untuk {code}', en: 'Note on {code}' },
  siteVisitDate: { id: 'Tanggal kunjungan lapangan', en: 'Site visit date' },
  siteVisitHint: { id: 'Contoh: 14/08/2024', en: 'For example: 14/08/2024' },
  fromPaper: { id: 'Nilai disalin dari lembar kertas', en: 'Scores copied from a paper sheet' },
  fromPaperHint: {
    id: 'Centang bila Anda menilai di lapangan dengan lembar cetak dan memasukkannya sekarang.',
    en: 'Tick when you scored on site with the printed sheet and are entering it now.',
  },
  generalNote: { id: 'Catatan umum', en: 'General note' },
  saveDraft: { id: 'Simpan draf', en: 'Save draft' },
  submit: { id: 'Kirim lembar penilaian', en: 'Submit score sheet' },
  submitHint: {
    id: 'Setelah dikirim, lembar terkunci dan tidak dapat diubah.',
    en: 'Once submitted, the sheet is locked and cannot be changed.',
  },
  autosaveIdle: {
    id: 'Draf tersimpan otomatis saat Anda mengisi.',
    en: 'The draft saves itself as you fill it in.',
  },
  autosaveSaving: { id: 'Menyimpan draf…', en: 'Saving the draft…' },
  autosaveSaved: { id: 'Draf tersimpan {time}.', en: 'Draft saved {time}.' },
  autosaveFailed: { id: 'Draf belum tersimpan: {message}', en: 'The draft was not saved: {message}' },
  saved: { id: 'Draf disimpan.', en: 'Draft saved.' },
  submitted: {
    id: 'Lembar penilaian dikirim. Nilai total Anda {total}.',
    en: 'Score sheet submitted. Your total is {total}.',
  },
  staleTitle: {
    id: 'Lembar ini diubah di tab atau perangkat lain',
    en: 'This sheet was changed in another tab or device',
  },
  staleBody: {
    id: 'Isian Anda tetap di formulir. Versi tersimpan: {saved}. Simpan lagi untuk menimpanya dengan isian Anda.',
    en: 'Your input is still in the form. Saved version: {saved}. Save again to replace it with your input.',
  },
  // Evidence
  evidence: { id: 'Foto bukti', en: 'Evidence photos' },
  noEvidence: { id: 'Belum ada foto bukti.', en: 'No evidence photo yet.' },
  evidencePhoto: { id: 'Foto (JPEG, PNG atau WebP)', en: 'Photo (JPEG, PNG or WebP)' },
  evidenceCriterion: { id: 'Untuk kriteria', en: 'For criterion' },
  evidenceAny: { id: 'Umum (tanpa kriteria)', en: 'General (no criterion)' },
  evidenceUpload: { id: 'Unggah foto', en: 'Upload photo' },
  evidenceAdded: { id: 'Foto bukti ditambahkan.', en: 'Evidence photo added.' },
  evidenceAlt: { id: 'Foto bukti {name}', en: 'Evidence photo {name}' },
  // PDF
  printBlank: { id: 'Cetak lembar kosong (PDF)', en: 'Print a blank sheet (PDF)' },
  printFilled: { id: 'Cetak lembar terisi (PDF)', en: 'Print the filled sheet (PDF)' },
  pdfTitle: { id: 'Lembar Penilaian OVOP', en: 'OVOP Score Sheet' },
  pdfAssessor: { id: 'Penilai', en: 'Assessor' },
  pdfLevel: { id: 'Tingkat', en: 'Level' },
  pdfPoints: { id: 'Poin', en: 'Points' },
  pdfDescriptor: { id: 'Deskripsi', en: 'Descriptor' },
  pdfChosen: { id: 'Pilihan', en: 'Chosen' },
  pdfNote: {
    id: 'Catatan: ______________________________________________',
    en: 'Note: ______________________________________________',
  },
  pdfTotal: { id: 'Nilai total (0–100): {total}', en: 'Total (0–100): {total}' },
  pdfAspects: { id: 'Nilai aspek: {list}', en: 'Aspect scores: {list}' },
  pdfBlankFields: {
    id: 'Tanggal kunjungan: ____________   Tanda tangan penilai: ____________________',
    en: 'Visit date: ____________   Assessor’s signature: ____________________',
  },
  pdfVisit: { id: 'Tanggal kunjungan: {date}', en: 'Visit date: {date}' },
  pdfFromPaper: { id: 'Disalin dari lembar kertas.', en: 'Copied from a paper sheet.' },
  pdfSubmitted: { id: 'Dikirim {when}', en: 'Submitted {when}' },
  pdfInstructions: {
    id: 'Lingkari satu tingkat untuk setiap kriteria. Masukkan nilai ke aplikasi setelah kunjungan (centang "disalin dari lembar kertas").',
    en: 'Circle one level for each criterion. Enter the scores in the app after the visit (tick "copied from a paper sheet").',
  },
  // Notices
  moderationOpenedTitle: { id: 'Moderasi nilai dibuka', en: 'A moderation is open' },
  moderationOpenedBody: {
    id: 'Nilai para penilai untuk {product} ({ikm}) berbeda jauh. Diskusi moderasi dibuka; buka tautan ini untuk ikut berdiskusi.',
    en: 'The assessors’ scores for {product} ({ikm}) are far apart. The moderation discussion is open; follow this link to take part.',
  },
  moderationNeeded: { id: 'Perlu moderasi', en: 'Needs moderation' },
  openModeration: { id: 'Buka diskusi moderasi', en: 'Open the moderation discussion' },
  completedTitle: { id: 'Penilaian usulan selesai', en: 'Nomination assessed' },
  completedBody: {
    id: 'Semua penilai telah mengirim lembar penilaian untuk {product} ({cycle}).',
    en: 'Every assessor has submitted a score sheet for {product} ({cycle}).',
  },
});

export const sheetErrors = defineMessages({
  locked: {
    id: 'Lembar penilaian ini sudah dikirim dan terkunci; perubahan tidak disimpan.',
    en: 'This score sheet has been submitted and is locked; the change was not saved.',
  },
  levelsInvalid: {
    id: 'Ada tingkat yang tidak ada dalam rubrik; periksa pilihan yang ditandai.',
    en: 'Some levels are not in the rubric; check the choices marked.',
  },
  incomplete: {
    id: 'Lembar belum lengkap: {list}',
    en: 'The sheet is not complete: {list}',
  },
  levelNotANumber: {
    id: 'Tingkat "{level}" untuk kriteria {criterion} tidak ada dalam rubrik (tingkat yang ada: {allowed}).',
    en: 'Level "{level}" for criterion {criterion} is not in the rubric (levels: {allowed}).',
  },
  evidenceMissing: { id: 'Pilih foto yang akan diunggah.', en: 'Choose a photo to upload.' },
  pdfNotSubmitted: {
    id: 'Lembar terisi dapat dicetak setelah dikirim; cetak lembar kosong untuk kunjungan lapangan.',
    en: 'The filled sheet can be printed once submitted; print the blank sheet for a site visit.',
  },
});
