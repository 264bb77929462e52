import { defineMessages, type Lang, render, validationMessages } from '../../platform/i18n.ts';
import type {
  CapacityPeriod,
  Commodity,
  LegalDocumentKind,
  LegalityState,
  SizeClass,
} from '../../platform/registry-domain.ts';

/** Rules a form or the service checks, with the message shown beside the field. */
export const registryRules = validationMessages('registry', {
  wholeNumber: { id: 'Harus bilangan bulat, contoh 12.', en: 'Must be a whole number, e.g. 12.' },
  notAChoice: { id: 'Pilih salah satu pilihan yang tersedia.', en: 'Choose one of the options offered.' },
  chooseKabkota: { id: 'Pilih kabupaten/kota.', en: 'Choose the regency/city.' },
  capacityQtyNeeded: {
    id: 'Isi jumlah kapasitas produksi, atau kosongkan satuan dan periodenya.',
    en: 'Give the production capacity’s quantity, or leave its unit and period empty.',
  },
  capacityUnitNeeded: {
    id: 'Pilih satuan kapasitas produksi.',
    en: 'Choose the unit of the production capacity.',
  },
  capacityPeriodNeeded: {
    id: 'Pilih periode kapasitas produksi (per hari, minggu, bulan atau tahun).',
    en: 'Choose the period of the production capacity (per day, week, month or year).',
  },
  dateInFuture: {
    id: 'Tanggal ini belum tiba; isi tanggal yang sudah lewat atau hari ini.',
    en: 'This date has not come yet; give today or a date in the past.',
  },
  expiryBeforeIssue: {
    id: 'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit.',
    en: 'The expiry date cannot be before the issue date.',
  },
  priceMaxBelowMin: {
    id: 'Harga tertinggi tidak boleh di bawah harga terendah.',
    en: 'The highest price cannot be below the lowest.',
  },
  thresholdOrder: {
    id: 'Batas investasi industri menengah tidak boleh di bawah batas industri kecil.',
    en: 'The medium-industry investment limit cannot be below the small-industry one.',
  },
  kabkotaOutOfScope: {
    id: 'Anda hanya dapat mencatat data untuk {region}.',
    en: 'You can only record data for {region}.',
  },
  kabkotaUnknown: {
    id: 'Pilih salah satu kabupaten/kota di provinsi ini.',
    en: 'Choose one of the regencies/cities of this province.',
  },
  kecamatanNotInKabkota: {
    id: 'Kecamatan ini tidak berada di kabupaten/kota yang dipilih.',
    en: 'This district is not in the chosen regency/city.',
  },
  sentraNotInKabkota: {
    id: 'Sentra ini tidak berada di kabupaten/kota yang dipilih.',
    en: 'This IKM centre is not in the chosen regency/city.',
  },
  nibTaken: {
    id: 'NIB {nib} sudah terdaftar untuk IKM "{existingName}" ({existingRegion}).',
    en: 'NIB {nib} is already registered to the IKM "{existingName}" ({existingRegion}).',
  },
  nibDocumentMismatch: {
    id: 'Nomor dokumen NIB harus sama dengan NIB IKM ini ({nib}).',
    en: 'The NIB document number must equal this IKM’s NIB ({nib}).',
  },
  ownerNotFound: {
    id: 'Tidak ada akun pemilik IKM dengan email ini. Buat akunnya dulu (peran Pemilik IKM).',
    en: 'No IKM owner account has this e-mail. Create the account first (role IKM owner).',
  },
  leadNotMember: {
    id: 'Penghela harus salah satu IKM anggota sentra ini.',
    en: 'The lead business must be one of this centre’s member IKMs.',
  },
  photoTooLarge: {
    id: 'Foto {name} terlalu besar ({size} MB); batasnya {max} MB.',
    en: 'The photo {name} is too large ({size} MB); the limit is {max} MB.',
  },
  photoWrongType: {
    id: 'Berkas {name} bukan foto JPEG, PNG atau WebP (isinya terbaca sebagai {found}), jadi tidak disimpan.',
    en: 'The file {name} is not a JPEG, PNG or WebP photo (its content reads as {found}), so it was not saved.',
  },
  photoUnreadable: {
    id: 'Foto {name} rusak atau tidak dapat dibaca.',
    en: 'The photo {name} is damaged or cannot be read.',
  },
  fileEmpty: { id: 'Pilih berkas untuk diunggah.', en: 'Choose a file to upload.' },
  scanTooLarge: {
    id: 'Berkas {name} terlalu besar ({size} MB); batasnya {max} MB.',
    en: 'The file {name} is too large ({size} MB); the limit is {max} MB.',
  },
  scanWrongType: {
    id: 'Berkas {name} bukan PDF, JPEG, PNG atau WebP (isinya terbaca sebagai {found}), jadi tidak disimpan.',
    en: 'The file {name} is not a PDF, JPEG, PNG or WebP (its content reads as {found}), so it was not saved.',
  },
  badBase64: { id: 'Isi berkas bukan base64 yang valid.', en: 'The file content is not valid base64.' },
});

export const registryText = defineMessages({
  registry: { id: 'Registri IKM', en: 'IKM registry' },
  tabSentra: { id: 'Sentra IKM', en: 'IKM centres' },
  tabIkm: { id: 'IKM', en: 'IKMs' },
  tabProducts: { id: 'Produk', en: 'Products' },
  tabPotential: { id: 'Potensi daerah', en: 'Regional potential' },
  tabSettings: { id: 'Pengaturan', en: 'Settings' },
  tabImport: { id: 'Impor Excel', en: 'Excel import' },
  registryNav: { id: 'Bagian registri', en: 'Registry sections' },

  // Common fields
  name: { id: 'Nama', en: 'Name' },
  kabkota: { id: 'Kabupaten/kota', en: 'Regency/city' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  desa: { id: 'Desa/kelurahan', en: 'Village (desa/kelurahan)' },
  desaHint: {
    id: 'Tulis nama desa/kelurahan (daftar desa belum tersedia di sistem).',
    en: 'Type the village name (the village list is not in the system yet).',
  },
  commodity: { id: 'Komoditas', en: 'Commodity' },
  notes: { id: 'Catatan', en: 'Notes' },
  allKabkota: { id: 'Semua kabupaten/kota', en: 'All regencies/cities' },
  allKecamatan: { id: 'Semua kecamatan', en: 'All districts' },
  allCommodities: { id: 'Semua komoditas', en: 'All commodities' },
  chooseOne: { id: 'Pilih…', en: 'Choose…' },
  noneChosen: { id: 'Tidak ada', en: 'None' },
  searchLabel: { id: 'Cari', en: 'Search' },
  export: { id: 'Unduh daftar ini', en: 'Download this list' },
  archive: { id: 'Arsipkan', en: 'Archive' },
  edit: { id: 'Ubah', en: 'Edit' },
  view: { id: 'Lihat', en: 'View' },
  auditTrail: { id: 'Jejak audit', en: 'Audit trail' },
  similarMatches: { id: 'Nama yang mirip', en: 'Similar names' },
  similarMatchesHint: {
    id: 'Tidak ada yang persis cocok dengan "{q}"; mungkin maksud Anda salah satu berikut.',
    en: 'Nothing matches "{q}" exactly; perhaps you meant one of these.',
  },
  published: { id: 'Katalog publik', en: 'Public catalogue' },
  publishedHint: {
    id: 'Produk yang diterbitkan tampil di katalog publik (tanpa NIB, nilai, atau kontak pemilik kecuali pemilik menyetujuinya).',
    en: 'A published product appears in the public catalogue (without NIB, scores, or the owner’s contacts unless the owner agreed).',
  },
  publishedYes: { id: 'Diterbitkan', en: 'Published' },
  publishedNo: { id: 'Belum diterbitkan (draf)', en: 'Not published (draft)' },
  catalogPage: { id: 'lihat di katalog', en: 'see it in the catalogue' },
  rowsShown: { id: '{n} baris ditampilkan', en: '{n} rows shown' },
  capacity: { id: 'Kapasitas produksi', en: 'Production capacity' },
  capacityQty: { id: 'Jumlah', en: 'Quantity' },
  capacityUnit: { id: 'Satuan', en: 'Unit' },
  capacityPeriod: { id: 'Per', en: 'Per' },
  capacityValue: { id: '{qty} {unit} per {period}', en: '{qty} {unit} per {period}' },
  // Headers of exports, the import's own, so an exported sheet can be imported again.
  capacityQtyHeader: { id: 'Kapasitas produksi', en: 'Production capacity' },
  capacityUnitHeader: { id: 'Satuan kapasitas', en: 'Capacity unit' },
  capacityPeriodHeader: { id: 'Periode kapasitas', en: 'Capacity period' },
  createdFlash: { id: '{name} disimpan.', en: '{name} saved.' },
  updatedFlash: { id: 'Perubahan pada {name} disimpan.', en: 'Changes to {name} saved.' },
  archivedFlash: { id: '{name} diarsipkan.', en: '{name} archived.' },
  archiveConfirm: {
    id: 'Arsipkan hanya data yang salah dicatat atau sudah tidak ada. Data yang diarsipkan tidak tampil di daftar, tetapi tetap tercatat di jejak audit.',
    en: 'Archive only what was recorded by mistake or no longer exists. Archived data leaves the lists but stays in the audit trail.',
  },
  fileHint: {
    id: 'PDF, JPEG, PNG atau WebP, paling besar {max} MB.',
    en: 'PDF, JPEG, PNG or WebP, at most {max} MB.',
  },
  download: { id: 'Unduh', en: 'Download' },
  hidden: { id: '(disembunyikan)', en: '(hidden)' },
  kabkotaCode: { id: 'Kode kab/kota', en: 'Regency code' },
  earliestExpiry: { id: 'Dokumen berakhir paling awal', en: 'Earliest document expiry' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },

  // Sentra
  sentraList: { id: 'Sentra IKM', en: 'IKM centres' },
  sentraNew: { id: 'Tambah sentra', en: 'Add a centre' },
  sentraEdit: { id: 'Ubah sentra', en: 'Edit centre' },
  sentraName: { id: 'Nama sentra', en: 'Centre name' },
  productFocus: { id: 'Produk sentra', en: 'What the centre makes' },
  productFocusHint: {
    id: 'Contoh: tenun ikat, sagu, minyak kayu putih.',
    en: 'For example: tenun ikat, sago, cajuput oil.',
  },
  decree: { id: 'SK bupati/walikota', en: 'Decree of the regent/mayor' },
  decreeNumber: { id: 'Nomor SK', en: 'Decree number' },
  decreeDate: { id: 'Tanggal SK', en: 'Decree date' },
  decreeFile: { id: 'Pindaian SK', en: 'Scan of the decree' },
  decreeFileKeep: {
    id: 'Pindaian yang sudah ada tetap disimpan jika tidak memilih berkas baru.',
    en: 'The current scan is kept unless you choose a new file.',
  },
  dateHint: { id: 'Contoh: 28/11/2026', en: 'For example: 28/11/2026' },
  unitCount: { id: 'Jumlah unit usaha', en: 'Number of business units' },
  unitCountHint: {
    id: 'Sentra IKM beranggotakan paling sedikit 5 unit usaha (PP 29/2018).',
    en: 'An IKM centre has at least 5 business units (PP 29/2018).',
  },
  leadIkm: { id: 'Penghela (IKM penggerak)', en: 'Lead business (penghela)' },
  leadIkmHint: {
    id: 'Pilih dari IKM anggota sentra ini. Calon OVOP harus menjadi penghela sentranya.',
    en: 'Choose among the centre’s member IKMs. An OVOP candidate must be its centre’s lead business.',
  },
  members: { id: 'IKM anggota', en: 'Member IKMs' },
  memberCount: { id: 'Anggota terdaftar', en: 'Registered members' },
  withDecree: { id: 'Ber-SK', en: 'With decree' },
  withoutDecree: { id: 'Belum ber-SK', en: 'No decree yet' },
  decreeFilter: { id: 'SK', en: 'Decree' },
  fewerThanFive: { id: 'Kurang dari 5 unit', en: 'Fewer than 5 units' },
  noMembers: {
    id: 'Belum ada IKM yang tercatat di sentra ini.',
    en: 'No IKM is recorded in this centre yet.',
  },

  // IKM
  ikmList: { id: 'IKM', en: 'IKMs' },
  ikmNew: { id: 'Tambah IKM', en: 'Add an IKM' },
  ikmEdit: { id: 'Ubah IKM', en: 'Edit IKM' },
  ikmName: { id: 'Nama usaha', en: 'Business name' },
  ownerName: { id: 'Nama pemilik', en: 'Owner’s name' },
  nib: { id: 'NIB', en: 'NIB (business identity number)' },
  nibHint: { id: '13 digit dari OSS.', en: '13 digits, from OSS.' },
  kbli: { id: 'KBLI', en: 'KBLI' },
  kbliHint: { id: '5 digit, contoh 10792.', en: '5 digits, e.g. 10792.' },
  phone: { id: 'Telepon', en: 'Phone' },
  phoneHint: {
    id: 'Contoh: 0812-3456-7890 atau +62 812 3456 7890.',
    en: 'E.g. 0812-3456-7890 or +62 812 3456 7890.',
  },
  email: { id: 'Email', en: 'E-mail' },
  address: { id: 'Alamat', en: 'Address' },
  sentra: { id: 'Sentra', en: 'Centre' },
  noSentra: { id: 'Tidak di sentra', en: 'Not in a centre' },
  workforce: { id: 'Tenaga kerja', en: 'Workforce' },
  workforceMen: { id: 'Tenaga kerja laki-laki', en: 'Workers, men' },
  workforceWomen: { id: 'Tenaga kerja perempuan', en: 'Workers, women' },
  workforceValue: {
    id: '{total} orang ({men} laki-laki, {women} perempuan)',
    en: '{total} people ({men} men, {women} women)',
  },
  investment: { id: 'Nilai investasi (Rp)', en: 'Investment (IDR)' },
  investmentHint: {
    id: 'Tidak termasuk tanah dan bangunan. Contoh: 150.000.000 atau 150 juta.',
    en: 'Excluding land and buildings. E.g. 150.000.000 or 150 juta.',
  },
  sizeClass: { id: 'Skala usaha', en: 'Size class' },
  sizeUnknown: { id: 'Belum diketahui', en: 'Not known yet' },
  contactPublic: {
    id: 'Pemilik setuju telepon dan emailnya ditampilkan untuk umum (katalog, pembeli)',
    en: 'The owner agrees to show their phone and e-mail publicly (catalog, buyers)',
  },
  contactPublicShort: { id: 'Kontak boleh dipublikasikan', en: 'Contact may be published' },
  ownerAccount: { id: 'Akun pemilik (email)', en: 'Owner’s account (e-mail)' },
  ownerAccountHint: {
    id: 'Email akun berperan Pemilik IKM yang boleh mengubah profil IKM ini. Kosongkan jika belum ada.',
    en: 'The e-mail of an IKM-owner account that may edit this profile. Leave empty if there is none.',
  },
  legality: { id: 'Legalitas', en: 'Legality' },
  ikmSearchHint: { id: 'Nama usaha, pemilik, NIB atau produk.', en: 'Business name, owner, NIB or product.' },
  productSearchHint: { id: 'Nama produk, IKM atau kode HS.', en: 'Product name, IKM or HS code.' },
  sentraSearchHint: {
    id: 'Nama sentra, desa, produk atau nomor SK.',
    en: 'Centre name, village, product or decree number.',
  },
  sortLabel: { id: 'Urutkan', en: 'Sort by' },
  sortName: { id: 'Nama (A–Z)', en: 'Name (A–Z)' },
  sortRecent: { id: 'Terbaru dicatat', en: 'Most recently recorded' },
  sortWorkforce: { id: 'Tenaga kerja terbanyak', en: 'Largest workforce' },
  actions: { id: 'Tindakan', en: 'Actions' },
  nibTakenElsewhere: {
    id: 'IKM itu berada di luar wilayah Anda; hubungi admin provinsi bila NIB ini memang milik usaha yang Anda catat.',
    en: 'That IKM is outside your region; contact the province admin if this NIB really belongs to the business you are recording.',
  },
  sizeFilter: { id: 'Skala', en: 'Size' },
  nibTakenLink: { id: 'Buka IKM yang sudah terdaftar', en: 'Open the IKM already registered' },
  similarWarningTitle: {
    id: 'Periksa kemungkinan data ganda',
    en: 'Check for a possible duplicate',
  },
  similarWarningBody: {
    id: 'Di desa yang sama sudah tercatat usaha dengan nama mirip. Jika ini usaha yang sama, arsipkan salah satunya.',
    en: 'A business with a similar name is already recorded in the same village. If it is the same business, archive one of them.',
  },
  similarFlash: {
    id: '{name} disimpan. Perhatian: di desa yang sama ada usaha bernama mirip ({others}); periksa apakah datanya ganda.',
    en: '{name} saved. Note: the same village has a business with a similar name ({others}); check it is not a duplicate.',
  },
  profile: { id: 'Profil IKM', en: 'IKM profile' },
  facts: { id: 'Data usaha', en: 'Business facts' },
  later: {
    id: 'Usulan, nilai, bintang dan pembinaan IKM ini akan tampil di sini saat fitur-fitur tersebut tersedia.',
    en: 'This IKM’s nominations, scores, stars and coaching will appear here once those features exist.',
  },
  staleRowsTitle: { id: 'Perbandingan', en: 'Comparison' },
  ownerOnlyHint: {
    id: 'Wilayah, sentra dan akun pemilik hanya dapat diubah oleh petugas.',
    en: 'Only an officer can change the region, centre and owner account.',
  },

  // Legal documents
  documents: { id: 'Dokumen legalitas', en: 'Legal documents' },
  documentNew: { id: 'Tambah dokumen', en: 'Add a document' },
  documentEdit: { id: 'Ubah dokumen', en: 'Edit document' },
  documentKind: { id: 'Jenis dokumen', en: 'Kind of document' },
  documentNumber: { id: 'Nomor', en: 'Number' },
  documentNumberHint: {
    id: 'NIB 13 digit; P-IRT 15 digit; BPOM MD diikuti 12 digit; halal, SNI dan merek sesuai sertifikat.',
    en: 'NIB 13 digits; P-IRT 15 digits; BPOM MD followed by 12 digits; halal, SNI and trademark as on the certificate.',
  },
  issuer: { id: 'Penerbit', en: 'Issued by' },
  issueDate: { id: 'Tanggal terbit', en: 'Issue date' },
  expiryDate: { id: 'Berlaku sampai', en: 'Valid until' },
  expiryHint: { id: 'Kosongkan jika berlaku tanpa batas.', en: 'Leave empty if it does not expire.' },
  scan: { id: 'Pindaian', en: 'Scan' },
  noScan: { id: 'Belum ada pindaian', en: 'No scan yet' },
  noDocuments: { id: 'Belum ada dokumen legalitas.', en: 'No legal documents yet.' },
  docValid: { id: 'Berlaku', en: 'Valid' },
  docExpiring: { id: 'Segera berakhir ({days} hari)', en: 'Expiring ({days} days)' },
  docExpired: { id: 'Kedaluwarsa', en: 'Expired' },
  docSuperseded: { id: 'Sudah diganti', en: 'Superseded' },
  docNoExpiry: { id: 'Tanpa batas', en: 'No expiry' },

  // Products
  productList: { id: 'Produk', en: 'Products' },
  productNew: { id: 'Tambah produk', en: 'Add a product' },
  productEdit: { id: 'Ubah produk', en: 'Edit product' },
  productName: { id: 'Nama produk', en: 'Product name' },
  productIkm: { id: 'IKM pembuat', en: 'Made by (IKM)' },
  descriptionId: { id: 'Deskripsi (Bahasa Indonesia)', en: 'Description (Indonesian)' },
  descriptionEn: { id: 'Deskripsi (Bahasa Inggris)', en: 'Description (English)' },
  storyId: { id: 'Cerita produk (Bahasa Indonesia)', en: 'Product story (Indonesian)' },
  storyEn: { id: 'Cerita produk (Bahasa Inggris)', en: 'Product story (English)' },
  storyHint: {
    id: 'Teks biasa. Boleh: **tebal**, _miring_, baris diawali "- " untuk daftar, baris kosong untuk paragraf baru.',
    en: 'Plain text. Allowed: **bold**, _italic_, lines starting "- " for a list, a blank line for a new paragraph.',
  },
  localMaterialPct: { id: 'Bahan baku lokal (%)', en: 'Local raw material (%)' },
  localMaterialHint: {
    id: 'Bagian bahan baku utama yang berasal dari kabupaten/kota ini, 0–100.',
    en: 'Share of the main raw material from this regency/city, 0–100.',
  },
  price: { id: 'Kisaran harga', en: 'Price range' },
  priceMin: { id: 'Harga terendah (Rp)', en: 'Lowest price (IDR)' },
  priceMax: { id: 'Harga tertinggi (Rp)', en: 'Highest price (IDR)' },
  hsCode: { id: 'Kode HS', en: 'HS code' },
  hsCodeHint: { id: '6–10 digit, contoh 1106.20.10.', en: '6–10 digits, e.g. 1106.20.10.' },
  packaging: { id: 'Kemasan', en: 'Packaging' },
  certifications: { id: 'Sertifikasi', en: 'Certifications' },
  photos: { id: 'Foto', en: 'Photos' },
  photoAdd: { id: 'Unggah foto', en: 'Upload a photo' },
  photoFile: { id: 'Berkas foto', en: 'Photo file' },
  photoHint: {
    id: 'JPEG, PNG atau WebP, paling besar {max} MB. Gambar kecil dibuat otomatis.',
    en: 'JPEG, PNG or WebP, at most {max} MB. Thumbnails are made automatically.',
  },
  photoCaption: { id: 'Keterangan foto', en: 'Caption' },
  photoAdded: { id: 'Foto ditambahkan.', en: 'Photo added.' },
  photoRemoved: { id: 'Foto dihapus dari produk.', en: 'Photo removed from the product.' },
  photoRemove: { id: 'Hapus foto', en: 'Remove photo' },
  photoCover: { id: 'Jadikan foto utama', en: 'Make it the main photo' },
  photoIsCover: { id: 'Foto utama', en: 'Main photo' },
  coverSet: { id: 'Foto utama diganti.', en: 'Main photo changed.' },
  noPhotos: { id: 'Belum ada foto.', en: 'No photos yet.' },
  productsOfIkm: { id: 'Produk IKM ini', en: 'This IKM’s products' },
  noProducts: { id: 'Belum ada produk.', en: 'No products yet.' },
  photoAlt: { id: 'Foto {name}', en: 'Photo of {name}' },

  // Size thresholds
  settingsTitle: { id: 'Pengaturan registri', en: 'Registry settings' },
  thresholdsTitle: { id: 'Batas skala usaha', en: 'Size-class thresholds' },
  thresholdsIntro: {
    id: 'Menurut Permenperin 64/2016: industri kecil paling banyak 19 tenaga kerja dan investasi di bawah Rp 1 miliar; industri menengah paling banyak 19 tenaga kerja dengan investasi Rp 1 miliar atau lebih, atau 20 tenaga kerja atau lebih dengan investasi paling banyak Rp 15 miliar. PP 28/2021 mungkin mengubahnya; sesuaikan di sini. Setelah disimpan, skala semua IKM dihitung ulang.',
    en: 'Under Permenperin 64/2016: a small industry has at most 19 workers and invests below IDR 1 billion; a medium industry has at most 19 workers and invests IDR 1 billion or more, or has 20 or more workers and invests at most IDR 15 billion. PP 28/2021 may have changed this; adjust it here. Saving recomputes every IKM’s size class.',
  },
  smallMaxWorkers: {
    id: 'Tenaga kerja industri kecil paling banyak',
    en: 'Small industry: at most this many workers',
  },
  smallInvestmentBelow: {
    id: 'Investasi industri kecil di bawah (Rp)',
    en: 'Small industry: investment below (IDR)',
  },
  mediumMaxInvestment: {
    id: 'Investasi industri menengah paling banyak (Rp)',
    en: 'Medium industry: investment at most (IDR)',
  },
  thresholdsSaved: {
    id: 'Batas skala usaha disimpan; skala {n} IKM dihitung ulang.',
    en: 'Size thresholds saved; {n} IKMs reclassified.',
  },

  // Potential profiles
  potentialTitle: { id: 'Profil potensi daerah', en: 'Regional potential profile' },
  potentialIndexIntro: {
    id: 'Keunggulan komparatif setiap kabupaten/kota yang menjadi dasar OVOP: komoditi unggulan, sumber daya alam dan manusia, keunikan dan kearifan lokal, serta angka dari registri.',
    en: 'The comparative advantage each regency/city builds OVOP on: leading commodities, natural and human resources, uniqueness and local wisdom, and figures from the registry.',
  },
  overview: { id: 'Gambaran umum', en: 'Overview' },
  leadingCommodities: { id: 'Komoditi unggulan', en: 'Leading commodities' },
  commodityName: { id: 'Nama komoditi unggulan', en: 'Leading commodity' },
  commodityCategory: { id: 'Kategori komoditas OVOP', en: 'OVOP commodity category' },
  keyword: { id: 'Kata kunci di registri', en: 'Registry keyword' },
  keywordHint: {
    id: 'Kata yang dicari pada nama sentra dan produk untuk angka di bawah, contoh "sagu". Kosongkan untuk seluruh kategori.',
    en: 'The word looked for in centre and product names for the figures below, e.g. "sagu". Leave empty for the whole category.',
  },
  position: { id: 'Urutan', en: 'Order' },
  sda: { id: 'Sumber daya alam (bahan baku)', en: 'Natural resources (raw materials)' },
  sdaDescription: { id: 'Uraian bahan baku', en: 'Raw-material base' },
  sdaQuantity: { id: 'Jumlah', en: 'Quantity' },
  sdaUnit: { id: 'Satuan (ha, pohon, unit budidaya…)', en: 'Unit (ha, trees, farms…)' },
  sdaSource: { id: 'Sumber data', en: 'Source' },
  sdaYear: { id: 'Tahun data', en: 'Year' },
  sdm: { id: 'Sumber daya manusia', en: 'Human resources' },
  sdmArtisans: { id: 'Jumlah perajin/pekerja', en: 'Artisans and workers' },
  sdmDescription: { id: 'Keahlian', en: 'Skills' },
  trainingCentres: { id: 'Pusat pelatihan', en: 'Training centres' },
  uniqueness: { id: 'Keunikan', en: 'Uniqueness' },
  localWisdom: { id: 'Kearifan lokal', en: 'Local wisdom' },
  registryFigures: { id: 'Angka dari registri (saat ini)', en: 'Figures from the registry (live)' },
  figSentra: { id: 'Sentra', en: 'Centres' },
  figIkm: { id: 'IKM', en: 'IKMs' },
  figProducts: { id: 'Produk', en: 'Products' },
  figWorkforce: { id: 'Tenaga kerja', en: 'Workforce' },
  candidates: {
    id: 'IKM paling berpotensi menjadi calon OVOP',
    en: 'IKMs most likely to be OVOP candidates',
  },
  candidatesHint: {
    id: 'Diurutkan: di sentra ber-SK, legalitas berlaku, penghela sentranya, lalu tenaga kerja dan kapasitas terbesar.',
    en: 'Ordered by: in a centre with a decree, legal documents valid, the centre’s lead business, then the largest workforce and capacity.',
  },
  candInSentra: { id: 'Sentra ber-SK', en: 'Decreed centre' },
  candLead: { id: 'Penghela', en: 'Lead business' },
  candLegal: { id: 'Legal', en: 'Legal' },
  noCandidates: { id: 'Belum ada IKM yang cocok di registri.', en: 'No matching IKM in the registry yet.' },
  noCommodities: {
    id: 'Belum ada komoditi unggulan yang dicatat.',
    en: 'No leading commodity recorded yet.',
  },
  commodityAdd: { id: 'Tambah komoditi unggulan', en: 'Add a leading commodity' },
  commodityEdit: { id: 'Ubah komoditi unggulan', en: 'Edit leading commodity' },
  overviewEdit: { id: 'Ubah gambaran umum', en: 'Edit the overview' },
  openProfile: { id: 'Buka profil potensi daerah', en: 'Open the regional potential profile' },
  totals: { id: 'Registri {region}', en: '{region} registry' },
});

type T = { id: string; en: string };
const COMMODITY_LABELS: Record<Commodity, T> = {
  makanan_minuman: { id: 'Makanan & minuman', en: 'Food & drink' },
  kain_tenun: { id: 'Kain tenun', en: 'Woven cloth (tenun)' },
  kain_batik: { id: 'Kain batik', en: 'Batik' },
  anyaman: { id: 'Anyaman', en: 'Woven crafts (anyaman)' },
  gerabah: { id: 'Gerabah', en: 'Earthenware (gerabah)' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};
const DOCUMENT_LABELS: Record<LegalDocumentKind, T> = {
  nib: { id: 'NIB', en: 'NIB' },
  pirt: { id: 'P-IRT', en: 'P-IRT (home food permit)' },
  bpom_md: { id: 'BPOM MD', en: 'BPOM MD (food registration)' },
  halal: { id: 'Sertifikat halal', en: 'Halal certificate' },
  sni: { id: 'SNI', en: 'SNI (national standard)' },
  trademark: { id: 'Merek/HKI', en: 'Trademark/IP' },
};
const SIZE_LABELS: Record<SizeClass, T> = {
  kecil: { id: 'Industri kecil', en: 'Small industry' },
  menengah: { id: 'Industri menengah', en: 'Medium industry' },
  besar: { id: 'Industri besar', en: 'Large industry' },
};
const LEGALITY_LABELS: Record<LegalityState, T> = {
  complete: { id: 'Ber-NIB, tanpa dokumen bermasalah', en: 'Has a NIB, no document expired or expiring' },
  expiring: { id: 'Dokumen segera berakhir (≤ 90 hari)', en: 'Documents expiring (≤ 90 days)' },
  expired: { id: 'Ada dokumen kedaluwarsa', en: 'A document has expired' },
  no_nib: { id: 'Belum ber-NIB', en: 'No NIB yet' },
};
const PERIOD_LABELS: Record<CapacityPeriod, T> = {
  day: { id: 'hari', en: 'day' },
  week: { id: 'minggu', en: 'week' },
  month: { id: 'bulan', en: 'month' },
  year: { id: 'tahun', en: 'year' },
};

export const commodityLabel = (c: Commodity, lang: Lang) => render(COMMODITY_LABELS[c], lang);
export const documentLabel = (k: LegalDocumentKind, lang: Lang) => render(DOCUMENT_LABELS[k], lang);
export const sizeLabel = (s: SizeClass, lang: Lang) => render(SIZE_LABELS[s], lang);
export const legalityLabel = (s: LegalityState, lang: Lang) => render(LEGALITY_LABELS[s], lang);
export const periodLabel = (p: CapacityPeriod, lang: Lang) => render(PERIOD_LABELS[p], lang);
