/** The awards' text: publication, certificates, verification, star labels, settings. */
import { defineMessages, validationMessages } from '../../platform/i18n.ts';

export const awardsText = defineMessages({
  awards: { id: 'Penghargaan', en: 'Awards' },
  awardsIntro: {
    id: 'Umumkan hasil periode yang sudah diputuskan, cetak sertifikat dan label bintang, dan cabut sertifikat bila perlu.',
    en: 'Publish the decided results of a round, print certificates and star labels, and revoke a certificate when needed.',
  },
  cycle: { id: 'Periode', en: 'Round' },
  cycles: { id: 'Periode penilaian', en: 'Assessment rounds' },
  decidedCount: { id: 'Diputuskan', en: 'Decided' },
  awardedCount: { id: 'Berbintang', en: 'Awarded' },
  publishedAt: { id: 'Diumumkan', en: 'Published' },
  notPublished: { id: 'Belum diumumkan', en: 'Not published' },
  openCycle: { id: 'Buka', en: 'Open' },
  settings: { id: 'Pengaturan sertifikat', en: 'Certificate settings' },
  noCycles: { id: 'Belum ada periode.', en: 'No rounds yet.' },

  // Preview and publication
  previewTitle: { id: 'Pratinjau pengumuman: {cycle}', en: 'Publication preview: {cycle}' },
  previewLead: {
    id: 'Inilah persis yang akan tampil untuk umum: IKM, produk, kabupaten/kota, komoditas dan bintang. Nilai, catatan penilai dan data pribadi tidak diumumkan.',
    en: 'This is exactly what will become public: IKM, product, regency/city, commodity and star. Scores, assessors’ notes and personal data are not published.',
  },
  previewNoStar: {
    id: '{n} usulan diputuskan tanpa bintang: statusnya menjadi diumumkan, tetapi tidak ditampilkan untuk umum.',
    en: '{n} nominations were decided without a star: they become published but are not shown to the public.',
  },
  previewCertificates: {
    id: 'Saat diumumkan, {n} sertifikat dibuat (berlaku {years} tahun) dan bintang dicatat dalam riwayat penghargaan.',
    en: 'On publication, {n} certificates are made (valid for {years} years) and the stars are recorded in the award history.',
  },
  previewNothing: {
    id: 'Belum ada hasil yang diputuskan pada periode ini.',
    en: 'No results of this round have been decided yet.',
  },
  publishButton: { id: 'Umumkan hasil ini', en: 'Publish these results' },
  publishConfirm: {
    id: 'Saya sudah memeriksa daftar ini; hasil ini menjadi publik dan tidak dapat ditarik kembali.',
    en: 'I have checked this list; these results become public and cannot be withdrawn.',
  },
  published: {
    id: 'Hasil diumumkan: {n} usulan, {certs} sertifikat dibuat.',
    en: 'Results published: {n} nominations, {certs} certificates made.',
  },
  alreadyPublished: { id: 'Periode ini diumumkan pada {when}.', en: 'This round was published on {when}.' },
  publicPage: { id: 'Halaman hasil untuk umum', en: 'Public results page' },
  publicationPhase: {
    id: 'Tahap pengumuman: {from} s.d. {until}.',
    en: 'Publication phase: {from} to {until}.',
  },

  // Certificates (admin)
  certificates: { id: 'Sertifikat', en: 'Certificates' },
  certificateNumber: { id: 'Nomor sertifikat', en: 'Certificate number' },
  ikm: { id: 'IKM', en: 'IKM' },
  product: { id: 'Produk', en: 'Product' },
  regency: { id: 'Kabupaten/kota', en: 'Regency/city' },
  commodity: { id: 'Komoditas', en: 'Commodity' },
  star: { id: 'Bintang', en: 'Star' },
  validUntil: { id: 'Berlaku s.d.', en: 'Valid until' },
  status: { id: 'Status', en: 'Status' },
  actions: { id: 'Tindakan', en: 'Actions' },
  downloadPdf: { id: 'PDF', en: 'PDF' },
  labelSvg: { id: 'Label SVG', en: 'SVG label' },
  labelPng: { id: 'Label PNG {mm} mm', en: 'PNG label {mm} mm' },
  bulkZip: { id: 'Buat semua sertifikat (ZIP)', en: 'Make all certificates (ZIP)' },
  bulkZipRegency: { id: 'Sertifikat {regency} (ZIP)', en: 'Certificates of {regency} (ZIP)' },
  jobTitle: { id: 'Pembuatan sertifikat', en: 'Making certificates' },
  jobProgress: { id: '{done} dari {total} sertifikat', en: '{done} of {total} certificates' },
  jobQueued: { id: 'Menunggu…', en: 'Waiting…' },
  jobRunning: {
    id: 'Sedang dibuat; halaman ini diperbarui sendiri.',
    en: 'In progress; this page refreshes itself.',
  },
  jobDone: { id: 'Selesai.', en: 'Done.' },
  jobFailed: { id: 'Gagal: {error}', en: 'Failed: {error}' },
  jobDownload: { id: 'Unduh {file} ({size})', en: 'Download {file} ({size})' },
  recentJobs: { id: 'Berkas ZIP terakhir', en: 'Recent ZIP files' },
  statusValid: { id: 'Berlaku', en: 'Valid' },
  statusRevoked: { id: 'Dicabut', en: 'Revoked' },
  statusExpired: { id: 'Kedaluwarsa', en: 'Expired' },
  revokeTitle: { id: 'Cabut sertifikat {number}', en: 'Revoke certificate {number}' },
  revokeLead: {
    id: 'Sertifikat yang dicabut tetap tercatat; halaman verifikasi menyebutnya dicabut beserta tanggalnya, dan bintangnya hilang dari katalog.',
    en: 'A revoked certificate stays on record; the verification page says it was revoked and when, and its star leaves the catalog.',
  },
  revokeReason: { id: 'Alasan pencabutan', en: 'Reason for revoking' },
  revokeButton: { id: 'Cabut sertifikat', en: 'Revoke certificate' },
  revoke: { id: 'Cabut', en: 'Revoke' },
  revoked: { id: 'Sertifikat {number} dicabut.', en: 'Certificate {number} revoked.' },
  noCertificates: { id: 'Belum ada sertifikat.', en: 'No certificates yet.' },

  // Settings
  settingsLead: {
    id: 'Yang tercetak pada setiap sertifikat: instansi, penandatangan dengan tanda tangannya, logo, dan masa berlaku.',
    en: 'What every certificate carries: the office, the signatory with their signature, the logo, and the validity.',
  },
  provinceName: { id: 'Pemerintah (baris pertama)', en: 'Government (first line)' },
  officeName: { id: 'Instansi', en: 'Office' },
  signatoryName: { id: 'Nama penandatangan', en: 'Signatory’s name' },
  signatoryTitle: { id: 'Jabatan penandatangan', en: 'Signatory’s title' },
  signatoryNip: { id: 'NIP penandatangan', en: 'Signatory’s civil-service number (NIP)' },
  validityYears: { id: 'Masa berlaku sertifikat (tahun)', en: 'Certificate validity (years)' },
  validityHint: {
    id: 'Pedoman tidak menyebut masa berlaku; bawaan 3 tahun. Berlaku untuk sertifikat yang dibuat sesudah disimpan.',
    en: 'The guidelines give no validity; 3 years by default. Applies to certificates made after saving.',
  },
  signature: { id: 'Gambar tanda tangan (PNG atau JPEG)', en: 'Signature image (PNG or JPEG)' },
  logo: { id: 'Logo (PNG atau JPEG)', en: 'Logo (PNG or JPEG)' },
  keepFile: {
    id: 'Kosongkan untuk tetap memakai gambar sekarang.',
    en: 'Leave empty to keep the current image.',
  },
  removeSignature: { id: 'Hapus tanda tangan', en: 'Remove the signature' },
  removeLogo: { id: 'Hapus logo', en: 'Remove the logo' },
  currentImage: { id: 'Gambar sekarang', en: 'Current image' },
  noImage: { id: 'Belum ada.', en: 'None yet.' },
  save: { id: 'Simpan', en: 'Save' },
  settingsSaved: { id: 'Pengaturan sertifikat disimpan.', en: 'Certificate settings saved.' },

  // Certificate PDF (Indonesian with an English line)
  pdfTitle: { id: 'SERTIFIKAT OVOP', en: 'OVOP CERTIFICATE' },
  pdfNumber: { id: 'Nomor: {number}', en: 'Number: {number}' },
  pdfGivenTo: { id: 'diberikan kepada', en: 'awarded to' },
  pdfForProduct: { id: 'untuk produk', en: 'for the product' },
  pdfStars: { id: 'Bintang {n} dari {max}', en: '{n}-star class of {max}' },
  pdfCycle: { id: 'dalam {cycle}', en: 'in {cycle}' },
  pdfValidity: { id: 'Berlaku {from} s.d. {until}', en: 'Valid from {from} until {until}' },
  pdfVerify: { id: 'Verifikasi keaslian: {url}', en: 'Verify: {url}' },
  pdfCode: { id: 'Kode verifikasi: {code}', en: 'Verification code: {code}' },
  pdfPlaceDate: { id: 'Ambon, {date}', en: 'Ambon, {date}' },

  // Public verification
  verifyTitle: { id: 'Verifikasi sertifikat OVOP', en: 'OVOP certificate verification' },
  verifyGenuine: { id: 'Sertifikat asli dan berlaku', en: 'Genuine and valid certificate' },
  verifyGenuineLead: {
    id: 'Sertifikat ini diterbitkan oleh {office}.',
    en: 'This certificate was issued by {office}.',
  },
  verifyRevoked: { id: 'Sertifikat ini telah dicabut', en: 'This certificate has been revoked' },
  verifyRevokedLead: {
    id: 'Dicabut pada {date}. Bintang ini tidak lagi berlaku.',
    en: 'Revoked on {date}. This star is no longer valid.',
  },
  verifyExpired: { id: 'Masa berlaku sertifikat ini sudah habis', en: 'This certificate has expired' },
  verifyExpiredLead: {
    id: 'Berlaku sampai {date}. Bintang ini tidak lagi berlaku.',
    en: 'It was valid until {date}. This star is no longer current.',
  },
  verifyNotFound: { id: 'Sertifikat tidak ditemukan', en: 'Certificate not found' },
  verifyNotFoundLead: {
    id: 'Tidak ada sertifikat OVOP dengan kode ini. Periksa kembali kode pada label atau sertifikat; bila sama persis, label ini tidak asli.',
    en: 'No OVOP certificate has this code. Check the code on the label or certificate again; if it matches exactly, the label is not genuine.',
  },
  verifyMalformed: { id: 'Kode verifikasi tidak sah', en: 'Invalid verification code' },
  verifyMalformedLead: {
    id: 'Kode verifikasi terdiri atas 22 huruf, angka, tanda - atau _. Kode ini tidak berbentuk demikian; periksa kembali alamatnya.',
    en: 'A verification code has 22 letters, digits, - or _. This one does not; check the address again.',
  },
  verifyCode: { id: 'Kode', en: 'Code' },
  verifyButton: { id: 'Periksa', en: 'Check' },
  verifyStars: { id: '{n} dari {max} bintang', en: '{n} of {max} stars' },
  validFrom: { id: 'Berlaku sejak', en: 'Valid from' },
  revokedOn: { id: 'Dicabut pada', en: 'Revoked on' },
  productPage: { id: 'Lihat produk di katalog', en: 'See the product in the catalog' },
  apiMalformed: { id: 'Bukan kode verifikasi.', en: 'Not a verification code.' },
  apiNotFound: { id: 'Tidak ada sertifikat dengan kode ini.', en: 'No certificate has this code.' },

  // Public results
  resultsTitle: { id: 'Hasil OVOP: {cycle}', en: 'OVOP results: {cycle}' },
  resultsIndexTitle: { id: 'Hasil penilaian OVOP', en: 'OVOP assessment results' },
  resultsIndexLead: {
    id: 'Produk IKM Maluku yang meraih bintang OVOP, per periode penilaian.',
    en: 'Maluku’s IKM products awarded an OVOP star, by assessment round.',
  },
  resultsLead: {
    id: 'Diumumkan {date}. {n} produk meraih bintang.',
    en: 'Published on {date}. {n} products were awarded a star.',
  },
  resultsNone: { id: 'Belum ada hasil yang diumumkan.', en: 'No results published yet.' },
  resultsFilter: { id: 'Saring', en: 'Filter' },
  resultsAll: { id: 'Semua', en: 'All' },
  resultsNoMatch: { id: 'Tidak ada hasil dengan saringan ini.', en: 'No results match this filter.' },
  resultsByStar: { id: 'Jumlah per bintang', en: 'Count by star' },
  starsN: { id: '{n} bintang', en: '{n} stars' },

  // Labels
  labelTitle: { id: 'Label bintang OVOP', en: 'OVOP star label' },
  labelStars: { id: 'BINTANG {n}/{max}', en: '{n}/{max} STARS' },
  labelScan: { id: 'Pindai untuk verifikasi', en: 'Scan to verify' },

  // Panels and timeline
  panelTitle: { id: 'Sertifikat dan bintang OVOP', en: 'OVOP certificates and stars' },
  nominationCertificate: { id: 'Sertifikat', en: 'Certificate' },
  nominationCertificateLine: {
    id: 'Sertifikat {number} diterbitkan untuk {n} dari {max} bintang, berlaku {from} s.d. {until}.',
    en: 'Certificate {number} was issued for {n} of {max} stars, valid from {from} to {until}.',
  },
  nominationRevoked: {
    id: 'Sertifikat ini dicabut pada {date}: {reason}',
    en: 'This certificate was revoked on {date}: {reason}',
  },
  nominationExpired: {
    id: 'Masa berlaku sertifikat ini habis pada {date}.',
    en: 'This certificate expired on {date}.',
  },
  mineTitle: { id: 'Sertifikat dan label bintang', en: 'Certificates and star labels' },
  mineLead: {
    id: 'Bintang OVOP produk IKM Anda. Unduh sertifikat (PDF) dan label bintang untuk kemasan (SVG, PNG 30 atau 50 mm); kode QR-nya membuka halaman verifikasi.',
    en: 'The OVOP stars of your IKM’s products. Download the certificate (PDF) and the star label for packaging (SVG, PNG 30 or 50 mm); its QR code opens the verification page.',
  },
  mineNone: {
    id: 'Belum ada produk IKM Anda yang berbintang OVOP.',
    en: 'None of your IKM’s products holds an OVOP star yet.',
  },
  timelineKind_star: { id: 'Bintang', en: 'Star' },
  timelineKind_certificate: { id: 'Sertifikat', en: 'Certificate' },
  timelineStar: { id: '{n} bintang: {product} ({cycle})', en: '{n} stars: {product} ({cycle})' },
  timelineCertificate: {
    id: 'Sertifikat {number} untuk {product}',
    en: 'Certificate {number} for {product}',
  },
  timelineRevoked: { id: 'Sertifikat {number} dicabut', en: 'Certificate {number} revoked' },
});

/** Rules the awards check, in the user's language. */
export const awardsRules = validationMessages('awards', {
  nothingToPublish: {
    id: 'Belum ada hasil yang diputuskan pada periode ini; tidak ada yang dapat diumumkan.',
    en: 'No result of this round has been decided; there is nothing to publish.',
  },
  alreadyPublished: { id: 'Periode ini sudah diumumkan.', en: 'This round has already been published.' },
  previewChanged: {
    id: 'Hasil berubah sejak pratinjau dibuka ({before} → {after} usulan); periksa pratinjau sekali lagi.',
    en: 'The results changed since the preview was opened ({before} → {after} nominations); check the preview again.',
  },
  confirmRequired: {
    id: 'Centang pernyataan bahwa Anda sudah memeriksa daftar ini.',
    en: 'Tick the statement that you have checked this list.',
  },
  publicationClosed: {
    id: 'Tahap pengumuman periode ini berlangsung {from} s.d. {until}; hasil hanya dapat diumumkan dalam tahap itu.',
    en: 'This round’s publication phase runs from {from} to {until}; results can only be published within it.',
  },
  noPublicationPhase: {
    id: 'Periode ini tidak mempunyai tahap pengumuman; tambahkan dulu pada pengaturan periode.',
    en: 'This round has no publication phase; add one in the round’s settings first.',
  },
  noDecidedStar: {
    id: 'Usulan ini belum mempunyai bintang yang diputuskan; sertifikat hanya dibuat untuk produk berbintang.',
    en: 'This nomination has no decided star; certificates are made only for awarded products.',
  },
  noStarAwarded: {
    id: 'Usulan ini diputuskan tanpa bintang; tidak ada sertifikat untuknya.',
    en: 'This nomination was decided without a star; there is no certificate for it.',
  },
  notYetPublished: {
    id: 'Bintang usulan ini sudah diputuskan, tetapi hasil periodenya belum diumumkan; sertifikat dibuat saat diumumkan.',
    en: 'This nomination’s star is decided but its round is not published yet; certificates are made on publication.',
  },
  reasonRequired: { id: 'Tulis alasan pencabutan.', en: 'Give the reason for revoking.' },
  alreadyRevoked: {
    id: 'Sertifikat ini sudah dicabut pada {date}.',
    en: 'This certificate was already revoked on {date}.',
  },
  nothingToZip: { id: 'Belum ada sertifikat untuk dibuat.', en: 'There are no certificates to make yet.' },
  validityRange: { id: 'Masa berlaku antara 1 dan 10 tahun.', en: 'The validity is between 1 and 10 years.' },
  imageTooLarge: { id: 'Gambar paling besar 2 MB.', en: 'An image may be at most 2 MB.' },
  imageWrongType: { id: 'Gambar harus PNG atau JPEG.', en: 'The image must be PNG or JPEG.' },
});
