/**
 * The import's text, Indonesian and English side by side: what a row's problem says (stored as a key
 * and shown in the reader's language), why a file was refused, and the pages.
 */
import { defineMessages, validationMessages } from '../../../platform/i18n.ts';

/** Generic problems of a value, as keys (zod's own messages are text in one language). */
export const valueRules = validationMessages('registry.import.value', {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  number: {
    id: 'Harus berupa angka, contoh 1.250.000 atau 2,5.',
    en: 'Must be a number, e.g. 1.250.000 or 2,5.',
  },
  integer: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  tooLong: { id: 'Maksimal {max} karakter.', en: 'At most {max} characters.' },
  tooShort: { id: 'Minimal {min} karakter.', en: 'At least {min} characters.' },
  tooSmall: { id: 'Tidak boleh kurang dari {min}.', en: 'Must be at least {min}.' },
  tooBig: { id: 'Tidak boleh lebih dari {max}.', en: 'Must be at most {max}.' },
  email: { id: 'Alamat email tidak valid.', en: 'Not a valid e-mail address.' },
  date: {
    id: 'Tanggal tidak dikenali; tulis seperti 28/11/2026.',
    en: 'Not a date we recognise; write it like 28/11/2026.',
  },
  format: { id: 'Format tidak valid.', en: 'Invalid format.' },
  choice: { id: 'Bukan salah satu pilihan yang tersedia.', en: 'Not one of the options offered.' },
});

/** Problems the import itself finds in a row. */
export const importRules = validationMessages('registry.import', {
  kabkotaNotFound: {
    id: 'Kabupaten/kota "{value}" tidak dikenal di provinsi ini; tulis namanya (contoh: Kota Ambon, Kab. Buru) atau kode Kemendagri (81.71).',
    en: 'The regency/city "{value}" is not known in this province; write its name (e.g. Kota Ambon, Kab. Buru) or its Kemendagri code (81.71).',
  },
  kabkotaAmbiguous: {
    id: '"{value}" bisa berarti {options}; tulis lengkap dengan "Kabupaten" atau "Kota".',
    en: '"{value}" could be {options}; write it in full with "Kabupaten" or "Kota".',
  },
  kabkotaCodeAmbiguous: {
    id: 'Kode {value} berarti {kemendagri} menurut Kemendagri tetapi {bps} menurut BPS; tulis nama kabupaten/kota atau kode bertitik {code}.',
    en: 'The code {value} means {kemendagri} to Kemendagri but {bps} to BPS; write the regency/city’s name or the dotted code {code}.',
  },
  kecamatanNotFound: {
    id: 'Kecamatan "{value}" tidak ada di {kabkota}.',
    en: 'There is no district (kecamatan) "{value}" in {kabkota}.',
  },
  sentraNotFound: {
    id: 'Sentra "{value}" belum tercatat di {kabkota}; impor atau tambahkan sentranya dulu, atau kosongkan sel ini.',
    en: 'The centre "{value}" is not recorded in {kabkota}; import or add the centre first, or leave this cell empty.',
  },
  commodityUnknown: {
    id: 'Komoditas "{value}" tidak dikenal; pilih salah satu: {options}.',
    en: 'The commodity "{value}" is not known; choose one of: {options}.',
  },
  unitUnknown: {
    id: 'Satuan "{value}" tidak dikenal; pilih salah satu: {options}.',
    en: 'The unit "{value}" is not known; choose one of: {options}.',
  },
  periodUnknown: {
    id: 'Periode "{value}" tidak dikenal; tulis hari, minggu, bulan atau tahun.',
    en: 'The period "{value}" is not known; write day, week, month or year (hari, minggu, bulan, tahun).',
  },
  yesNoUnknown: {
    id: 'Tulis "ya" atau "tidak" (bukan "{value}").',
    en: 'Write "yes" or "no" (not "{value}").',
  },
  cellError: {
    id: 'Sel menampilkan galat Excel {value}; perbaiki rumus atau isi nilainya.',
    en: 'The cell shows the Excel error {value}; fix the formula or type the value.',
  },
  formulaNoValue: {
    id: 'Sel berisi rumus tanpa hasil tersimpan (rumus tidak dihitung di sini); buka berkas di Excel, simpan, lalu unggah lagi.',
    en: 'The cell holds a formula without a stored result (formulas are not computed here); open the file in Excel, save it and upload it again.',
  },
  duplicateNibInSheet: {
    id: 'NIB {nib} sudah ada di baris {row} lembar ini.',
    en: 'NIB {nib} is already in row {row} of this sheet.',
  },
  duplicateInSheet: {
    id: 'Baris ini sama dengan baris {row} lembar ini ({what}).',
    en: 'This row repeats row {row} of this sheet ({what}).',
  },
  ikmNameAmbiguous: {
    id: 'Ada {count} IKM bernama "{name}" di {kabkota}; isi NIB-nya agar jelas mana yang dimaksud.',
    en: 'There are {count} IKMs named "{name}" in {kabkota}; give the NIB so it is clear which one is meant.',
  },
  productIkmNotFound: {
    id: 'IKM "{value}" tidak ditemukan di wilayah Anda; isi NIB IKM yang sudah tercatat.',
    en: 'The IKM "{value}" is not found in your region; give the NIB of a recorded IKM.',
  },
  productIkmMissing: {
    id: 'Isi NIB atau nama IKM pembuat produk ini.',
    en: 'Give the NIB or the name of the IKM that makes this product.',
  },
  leadNotFound: {
    id: 'Tidak ada IKM dengan NIB {value} di wilayah Anda.',
    en: 'No IKM with NIB {value} in your region.',
  },
  leadNotMember: {
    id: 'IKM dengan NIB {value} bukan anggota sentra ini; impor IKM-nya dengan sentra ini dulu.',
    en: 'The IKM with NIB {value} is not a member of this centre; import the IKM with this centre first.',
  },
  notSaved: {
    id: 'Baris tidak dapat disimpan: {detail}',
    en: 'The row could not be saved: {detail}',
  },
});

/** Why an uploaded file was refused, or why reading it stopped. */
export const fileRules = validationMessages('registry.import.file', {
  notSpreadsheet: {
    id: 'Berkas {name} bukan lembar kerja Excel (.xlsx) atau CSV (isinya terbaca sebagai {found}).',
    en: 'The file {name} is not an Excel workbook (.xlsx) or a CSV file (its content reads as {found}).',
  },
  legacyXls: {
    id: 'Berkas {name} berformat Excel 97–2003 (.xls). Buka di Excel, pilih Simpan Sebagai → Buku Kerja Excel (.xlsx), lalu unggah lagi.',
    en: 'The file {name} is in the Excel 97–2003 format (.xls). Open it in Excel, choose Save As → Excel Workbook (.xlsx), and upload it again.',
  },
  encrypted: {
    id: 'Berkas {name} dilindungi kata sandi, jadi isinya tidak dapat dibaca. Buka di Excel, hapus kata sandinya (File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu unggah lagi.',
    en: 'The file {name} is password-protected, so its content cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and upload it again.',
  },
  corrupt: {
    id: 'Berkas {name} rusak atau tidak lengkap ({detail}). Simpan ulang dari Excel lalu unggah lagi.',
    en: 'The file {name} is damaged or incomplete ({detail}). Save it again from Excel and upload it again.',
  },
  tooManyEntries: {
    id: 'Berkas {name} berisi {count} bagian; lembar kerja yang wajar paling banyak {max}. Berkas tidak dibaca.',
    en: 'The file {name} holds {count} parts; a normal workbook has at most {max}. The file was not read.',
  },
  tooLargeUnpacked: {
    id: 'Isi berkas {name} setelah dibuka berukuran {size} MB; batasnya {max} MB. Bagi datanya menjadi beberapa berkas.',
    en: 'The content of {name} unpacks to {size} MB; the limit is {max} MB. Split the data into several files.',
  },
  suspiciousCompression: {
    id: 'Berkas {name} dipadatkan secara tidak wajar (bagian {part} mengembang {ratio}×); berkas seperti ini dapat melumpuhkan server, jadi tidak dibaca.',
    en: 'The file {name} is compressed abnormally (its part {part} expands {ratio}×); such files can cripple a server, so it was not read.',
  },
  unsupportedZip: {
    id: 'Berkas {name} memakai fitur arsip yang tidak didukung ({detail}). Simpan ulang dari Excel lalu unggah lagi.',
    en: 'The file {name} uses an archive feature we do not support ({detail}). Save it again from Excel and upload it again.',
  },
  csvBinary: {
    id: 'Berkas {name} bukan teks CSV (berisi data biner).',
    en: 'The file {name} is not CSV text (it holds binary data).',
  },
  unreadable: {
    id: 'Lembar kerja {name} tidak dapat dibaca ({detail}). Simpan ulang dari Excel lalu unggah lagi.',
    en: 'The workbook {name} cannot be read ({detail}). Save it again from Excel and upload it again.',
  },
  noHeader: {
    id: 'Baris judul kolom tidak ditemukan di 30 baris pertama lembar mana pun. Kolom yang wajib ada: {required}. Gunakan templat, atau beri judul kolom seperti di templat.',
    en: 'No header row was found in the first 30 rows of any sheet. Required columns: {required}. Use the template, or give the columns headers like the template’s.',
  },
  emptyWorkbook: {
    id: 'Berkas {name} tidak berisi data: semua lembarnya yang terlihat kosong (lembar tersembunyi tidak dibaca).',
    en: 'The file {name} holds no data: every visible sheet in it is empty (hidden sheets are not read).',
  },
  noDataRows: {
    id: 'Lembar "{sheet}" tidak berisi data di bawah judul kolomnya (baris {headerRow}) pada kolom yang dibaca impor; isi datanya lalu unggah lagi.',
    en: 'The sheet "{sheet}" holds no data below its column headers (row {headerRow}) in the columns the import reads; fill them in and upload it again.',
  },
  textNamedAsExcel: {
    id: 'Berkas {name} bukan lembar kerja Excel walaupun namanya berakhiran {ext}: isinya teks biasa. Buka di Excel lalu simpan sebagai .xlsx, atau beri nama berakhiran .csv bila isinya CSV.',
    en: 'The file {name} is not an Excel workbook although its name ends in {ext}: it holds plain text. Open it in Excel and save it as .xlsx, or name it .csv if it is CSV.',
  },
  tooManyRows: {
    id: 'Lembar berisi lebih dari {max} baris data; bagi menjadi beberapa berkas.',
    en: 'The sheet has more than {max} data rows; split it into several files.',
  },
  interrupted: {
    id: 'Impor terhenti karena server berhenti.',
    en: 'The import stopped because the server stopped.',
  },
});

export const importText = defineMessages({
  title: { id: 'Impor dari Excel', en: 'Import from Excel' },
  tab: { id: 'Impor', en: 'Import' },
  intro: {
    id: 'Unggah lembar kerja berisi sentra, IKM atau produk. Sebelum apa pun disimpan, Anda melihat pratinjau setiap masalah per baris dan kolom. Impor ulang lembar yang sama memperbarui data menurut NIB, tanpa data ganda; sel yang dikosongkan tidak mengubah nilai yang sudah tercatat.',
    en: 'Upload a sheet of centres, IKMs or products. Before anything is saved you see a preview of every problem by row and column. Importing the same sheet again updates by NIB and creates no duplicates; an empty cell leaves the stored value as it is.',
  },
  templates: { id: 'Templat', en: 'Templates' },
  templatesHint: {
    id: 'Templat berisi pilihan (dropdown) untuk kabupaten/kota, komoditas dan satuan, serta lembar petunjuk. Lembar kerja Anda sendiri juga diterima: judul kolom dikenali walau tidak persis sama.',
    en: 'The templates have dropdowns for regency/city, commodity and units, and an instructions sheet. Your own sheets are accepted too: column headers are recognised even when they differ a little.',
  },
  templateOf: { id: 'Templat {kind} (.xlsx)', en: '{kind} template (.xlsx)' },
  kindSentra: { id: 'Sentra IKM', en: 'IKM centres' },
  kindIkm: { id: 'IKM', en: 'IKMs' },
  kindProducts: { id: 'Produk', en: 'Products' },
  kind: { id: 'Isi lembar kerja', en: 'What the sheet holds' },
  kindHint: {
    id: 'Impor sentra dulu, lalu IKM (yang menyebut sentranya), lalu produk (yang menyebut NIB IKM-nya).',
    en: 'Import centres first, then IKMs (which name their centre), then products (which give their IKM’s NIB).',
  },
  file: { id: 'Berkas', en: 'File' },
  fileHint: {
    id: 'Excel (.xlsx) atau CSV, paling besar {max} MB.',
    en: 'Excel (.xlsx) or CSV, at most {max} MB.',
  },
  upload: { id: 'Unggah dan periksa', en: 'Upload and check' },
  history: { id: 'Riwayat impor', en: 'Import history' },
  noHistory: { id: 'Belum ada impor.', en: 'No imports yet.' },
  when: { id: 'Waktu', en: 'When' },
  who: { id: 'Oleh', en: 'By' },
  fileName: { id: 'Berkas', en: 'File' },
  status: { id: 'Status', en: 'Status' },
  counts: { id: 'Hasil', en: 'Result' },
  countsValue: {
    id: '{created} baru, {updated} diperbarui, {skipped} dilewati',
    en: '{created} new, {updated} updated, {skipped} skipped',
  },
  checkCounts: {
    id: '{total} baris: {valid} tanpa masalah, {partial} dengan nilai yang dilewati, {invalid} tidak dapat disimpan',
    en: '{total} rows: {valid} without problems, {partial} with values left out, {invalid} cannot be saved',
  },
  statusChecking: { id: 'Sedang diperiksa', en: 'Being checked' },
  statusChecked: { id: 'Menunggu konfirmasi', en: 'Awaiting confirmation' },
  statusImporting: { id: 'Sedang diimpor', en: 'Importing' },
  statusDone: { id: 'Selesai', en: 'Done' },
  statusFailed: { id: 'Gagal', en: 'Failed' },
  statusCancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  statusInterrupted: { id: 'Terhenti', en: 'Interrupted' },
  jobTitle: { id: 'Impor {kind}: {file}', en: 'Import of {kind}: {file}' },
  progressChecking: {
    id: 'Memeriksa lembar kerja… {rows} baris dibaca ({pct}%).',
    en: 'Checking the sheet… {rows} rows read ({pct}%).',
  },
  progressImporting: {
    id: 'Mengimpor… {rows} dari {total} baris ({pct}%).',
    en: 'Importing… {rows} of {total} rows ({pct}%).',
  },
  refreshHint: {
    id: 'Halaman ini diperbarui sendiri setiap {seconds} detik. Anda boleh menutupnya; impor tetap berjalan.',
    en: 'This page refreshes itself every {seconds} seconds. You may close it; the import keeps running.',
  },
  stopRefresh: { id: 'Hentikan pembaruan otomatis', en: 'Stop refreshing automatically' },
  refreshNow: { id: 'Perbarui sekarang', en: 'Refresh now' },
  sheetFound: {
    id: 'Lembar "{sheet}", judul kolom di baris {row}.',
    en: 'Sheet "{sheet}", column headers in row {row}.',
  },
  columnsFound: { id: 'Kolom yang dikenali', en: 'Columns recognised' },
  columnsIgnored: { id: 'Kolom yang tidak dibaca', en: 'Columns not read' },
  columnsIgnoredHint: {
    id: 'Judul kolom ini tidak dikenali, jadi isinya tidak diimpor. Bila salah satunya perlu, beri judul seperti di templat lalu unggah lagi.',
    en: 'These headers are not recognised, so their cells are not imported. If one of them is needed, give it a header like the template’s and upload again.',
  },
  columnsMissing: {
    id: 'Kolom yang tidak ada di lembar ini (nilai yang tersimpan dibiarkan): {columns}',
    en: 'Columns this sheet does not have (stored values are left as they are): {columns}',
  },
  preview: { id: 'Pratinjau', en: 'Preview' },
  noProblems: {
    id: 'Tidak ada masalah: semua baris dapat diimpor.',
    en: 'No problems: every row can be imported.',
  },
  problems: { id: 'Masalah per baris', en: 'Problems by row' },
  problemsCaption: {
    id: 'Masalah yang ditemukan, menurut baris dan kolom lembar kerja',
    en: 'Problems found, by row and column of the sheet',
  },
  row: { id: 'Baris', en: 'Row' },
  column: { id: 'Kolom', en: 'Column' },
  value: { id: 'Isi sel', en: 'Cell value' },
  problem: { id: 'Masalah', en: 'Problem' },
  effect: { id: 'Akibat', en: 'Effect' },
  effectRow: { id: 'Baris dilewati', en: 'Row skipped' },
  effectCell: { id: 'Nilai dilewati', en: 'Value left out' },
  wholeRow: { id: '(seluruh baris)', en: '(whole row)' },
  chooseMode: { id: 'Apa yang diimpor?', en: 'What should be imported?' },
  modeAll: { id: 'Semua baris yang dapat disimpan', en: 'Every row that can be saved' },
  modeAllHint: {
    id: '{n} baris. Nilai yang tidak terbaca dilewati (data yang sudah tercatat tetap memakai nilai lamanya); baris yang tidak dapat disimpan tetap dilewati.',
    en: '{n} rows. Values that cannot be read are left out (a record already there keeps its stored value); rows that cannot be saved are still skipped.',
  },
  modeValid: { id: 'Hanya baris tanpa masalah', en: 'Only the rows without problems' },
  modeValidHint: {
    id: '{n} baris. Setiap baris yang bermasalah dilewati; perbaiki di berkas kesalahan lalu impor ulang.',
    en: '{n} rows. Every row with a problem is skipped; fix them in the errors file and import it again.',
  },
  confirm: { id: 'Impor sekarang', en: 'Import now' },
  cancel: { id: 'Batalkan impor ini', en: 'Cancel this import' },
  cancelled: { id: 'Impor dibatalkan; tidak ada yang disimpan.', en: 'Import cancelled; nothing was saved.' },
  started: { id: 'Impor dimulai.', en: 'Import started.' },
  resume: { id: 'Lanjutkan impor', en: 'Continue the import' },
  recheck: { id: 'Periksa ulang', en: 'Check again' },
  interruptedBody: {
    id: 'Server berhenti saat impor berjalan. Baris sampai baris {row} sudah tersimpan; lanjutkan untuk menyimpan sisanya. Baris yang sudah tersimpan tidak akan menjadi ganda.',
    en: 'The server stopped while the import ran. Rows up to row {row} are saved; continue to save the rest. Rows already saved will not be duplicated.',
  },
  interruptedCheckBody: {
    id: 'Server berhenti saat pemeriksaan berjalan; belum ada yang disimpan. Periksa ulang untuk melanjutkan.',
    en: 'The server stopped while the check ran; nothing has been saved. Check again to go on.',
  },
  doneBody: {
    id: 'Impor selesai: {created} baru, {updated} diperbarui, {skipped} baris dilewati.',
    en: 'Import finished: {created} new, {updated} updated, {skipped} rows skipped.',
  },
  errorsFile: { id: 'Unduh berkas kesalahan (.xlsx)', en: 'Download the errors file (.xlsx)' },
  errorsFileOf: {
    id: 'Unduh berkas kesalahan {file} (.xlsx)',
    en: 'Download the errors file of {file} (.xlsx)',
  },
  errorsFileHint: {
    id: 'Berisi baris yang bermasalah dengan isi aslinya dan penjelasannya. Perbaiki, lalu unggah berkas itu untuk impor ulang.',
    en: 'It holds the rows with problems, their original values and what is wrong. Fix them, then upload that file to import again.',
  },
  failedTitle: { id: 'Berkas tidak dapat diimpor', en: 'The file cannot be imported' },
  uploadAnother: { id: 'Unggah berkas lain', en: 'Upload another file' },
  backToImport: { id: 'Kembali ke impor', en: 'Back to import' },
  openList: { id: 'Buka daftar {kind}', en: 'Open the {kind} list' },
  queued: {
    id: 'Menunggu impor lain selesai…',
    en: 'Waiting for another import to finish…',
  },
  // Templates
  instructions: { id: 'Petunjuk', en: 'Instructions' },
  lists: { id: 'Daftar', en: 'Lists' },
  errorsSheet: { id: 'Baris untuk diperbaiki', en: 'Rows to fix' },
  problemsSheet: { id: 'Masalah', en: 'Problems' },
  problemsColumn: { id: 'Masalah (hapus kolom ini boleh)', en: 'Problems (you may delete this column)' },
  sheetRow: { id: 'Baris asal', en: 'Original row' },
  required: { id: 'wajib', en: 'required' },
  optional: { id: 'boleh kosong', en: 'optional' },
  // API
  apiWaitHint: {
    id: 'Pratinjau siap saat status "checked".',
    en: 'The preview is ready when the status is "checked".',
  },
});

/** An upload refused before anything was stored. */
export const uploadRules = validationMessages('registry.import.upload', {
  empty: { id: 'Pilih berkas untuk diunggah.', en: 'Choose a file to upload.' },
  emptyFile: {
    id: 'Berkas {name} kosong (0 byte). Pilih berkas yang berisi data.',
    en: 'The file {name} is empty (0 bytes). Choose a file that holds data.',
  },
  tooLarge: {
    id: 'Berkas {name} terlalu besar ({size} MB); batasnya {max} MB. Bagi datanya menjadi beberapa berkas.',
    en: 'The file {name} is too large ({size} MB); the limit is {max} MB. Split the data into several files.',
  },
  notCancellable: {
    id: 'Impor ini sudah berjalan atau selesai, jadi tidak dapat dibatalkan lagi.',
    en: 'This import has already started or finished, so it can no longer be cancelled.',
  },
});
