import type { Lang } from '../../platform/domain.ts';
import { defineMessages, render, validationMessages } from '../../platform/i18n.ts';
import type { CapacityUnit } from '../../platform/registry-domain.ts';

/** The public catalog's text, Indonesian and English side by side. */
export const catalogText = defineMessages({
  siteName: { id: 'Katalog OVOP Maluku', en: 'OVOP Maluku catalogue' },
  siteTagline: {
    id: 'Produk unggulan IKM dari 11 kabupaten/kota di Maluku',
    en: 'Leading products of small industries from the 11 regencies and cities of Maluku',
  },
  office: {
    id: 'Dinas Perindustrian dan Perdagangan Provinsi Maluku',
    en: 'Department of Industry and Trade, Maluku Province',
  },
  skipToContent: { id: 'Langsung ke isi', en: 'Skip to main content' },
  mainNav: { id: 'Navigasi katalog', en: 'Catalogue navigation' },
  navHome: { id: 'Beranda', en: 'Home' },
  navProducts: { id: 'Produk', en: 'Products' },
  navRegions: { id: 'Wilayah', en: 'Regions' },
  switchLang: { id: 'English', en: 'Bahasa Indonesia' },
  staffSignIn: { id: 'Masuk (petugas)', en: 'Sign in (staff)' },
  staffDashboard: { id: 'Ke aplikasi petugas', en: 'To the staff application' },
  footerAbout: {
    id: 'Katalog ini diterbitkan oleh Dinas Perindustrian dan Perdagangan Provinsi Maluku untuk program Satu Desa Satu Produk (OVOP). Hanya produk yang diterbitkan petugas yang tampil; kontak pemilik hanya tampil atas persetujuannya.',
    en: 'This catalogue is published by the Maluku provincial Department of Industry and Trade for the One Village One Product (OVOP) programme. Only products an officer has published appear; an owner’s contacts appear only with their consent.',
  },
  footerApi: { id: 'Data terbuka (API JSON)', en: 'Open data (JSON API)' },
  breadcrumb: { id: 'Lokasi halaman', en: 'Breadcrumb' },

  // Home
  homeTitle: { id: 'Produk unggulan Maluku', en: 'Leading products of Maluku' },
  homeLead: {
    id: 'Tenun ikat Tanimbar, sagu, kenari, minyak kayu putih, mutiara Aru dan banyak lagi, langsung dari industri kecil dan menengah (IKM) di desa-desa Maluku. Cari produk, lihat ceritanya, dan kirim permintaan kepada dinas.',
    en: 'Tanimbar ikat weaving, sago, canarium nuts, cajuput oil, Aru pearls and more, straight from the small and medium industries (IKM) of Maluku’s villages. Find a product, read its story, and send the office an inquiry.',
  },
  searchLabel: { id: 'Cari produk', en: 'Search products' },
  searchHint: {
    id: 'Nama produk, nama usaha atau kode HS, contoh: tenun, sagu, kayu putih',
    en: 'Product name, business name or HS code, e.g. tenun, sago, kayu putih',
  },
  searchButton: { id: 'Cari', en: 'Search' },
  featured: { id: 'Produk pilihan', en: 'Featured products' },
  featuredEmpty: {
    id: 'Belum ada produk pilihan. Lihat semua produk yang sudah diterbitkan.',
    en: 'No featured products yet. See all published products.',
  },
  allProducts: { id: 'Lihat semua produk', en: 'See all products' },
  mapTitle: { id: 'Produk per kabupaten/kota', en: 'Products by regency and city' },
  mapLabel: {
    id: 'Peta 11 kabupaten/kota di Maluku dengan jumlah produk di masing-masing',
    en: 'Map of the 11 regencies and cities of Maluku with the number of products in each',
  },
  mapRegion: { id: '{name}: {n} produk', en: '{name}: {n} products' },
  commoditiesTitle: { id: 'Komoditas', en: 'Commodities' },
  productCount: { id: '{n} produk', en: '{n} products' },
  productCountOne: { id: '1 produk', en: '1 product' },
  ikmCount: { id: '{n} IKM', en: '{n} IKMs' },

  // Browse
  browseTitle: { id: 'Produk', en: 'Products' },
  browseTitleFor: { id: 'Hasil pencarian "{q}"', en: 'Results for "{q}"' },
  filters: { id: 'Saring produk', en: 'Filter products' },
  kabkota: { id: 'Kabupaten/kota', en: 'Regency/city' },
  commodity: { id: 'Komoditas', en: 'Commodity' },
  certification: { id: 'Sertifikasi', en: 'Certification' },
  star: { id: 'Bintang OVOP', en: 'OVOP star' },
  starAtLeast: { id: '{n} bintang ke atas', en: '{n} stars or more' },
  sort: { id: 'Urutkan', en: 'Sort by' },
  sortRecent: { id: 'Terbaru', en: 'Newest' },
  sortName: { id: 'Nama (A–Z)', en: 'Name (A–Z)' },
  sortPrice: { id: 'Harga terendah', en: 'Lowest price' },
  any: { id: 'Semua', en: 'Any' },
  applyFilters: { id: 'Terapkan', en: 'Apply' },
  clearFilters: { id: 'Hapus semua filter', en: 'Clear all filters' },
  noResults: {
    id: 'Tidak ada produk yang cocok. Coba kata lain atau hapus sebagian filter.',
    en: 'No product matches. Try other words or clear some filters.',
  },
  similar: { id: 'Mungkin maksud Anda', en: 'Perhaps you meant' },
  resultsLabel: { id: 'Daftar produk', en: 'Product list' },
  pagination: { id: 'Halaman hasil', en: 'Result pages' },
  nextPage: { id: 'Berikutnya', en: 'Next' },
  prevPage: { id: 'Sebelumnya', en: 'Previous' },
  priceFrom: { id: 'mulai {price}', en: 'from {price}' },
  priceOnRequest: { id: 'Harga atas permintaan', en: 'Price on request' },
  by: { id: 'oleh', en: 'by' },
  noPhoto: { id: 'Belum ada foto', en: 'No photo yet' },

  // Product
  photos: { id: 'Foto', en: 'Photos' },
  photoAlt: { id: 'Foto {name}', en: 'Photo of {name}' },
  photoAltN: { id: 'Foto {name} ({n})', en: 'Photo of {name} ({n})' },
  aboutProduct: { id: 'Tentang produk', en: 'About the product' },
  story: { id: 'Cerita produk', en: 'The story behind it' },
  storyInIndonesian: {
    id: 'Cerita ini belum tersedia dalam bahasa Inggris.',
    en: 'This story is not yet available in English; here it is in Indonesian.',
  },
  descriptionInIndonesian: {
    id: '(dalam bahasa Indonesia)',
    en: '(in Indonesian)',
  },
  facts: { id: 'Keterangan', en: 'Details' },
  maker: { id: 'Pembuat (IKM)', en: 'Maker (IKM)' },
  sentra: { id: 'Sentra IKM', en: 'IKM centre' },
  region: { id: 'Wilayah', en: 'Region' },
  price: { id: 'Kisaran harga', en: 'Price range' },
  priceRange: { id: '{min} – {max}', en: '{min} – {max}' },
  capacity: { id: 'Kapasitas produksi', en: 'Production capacity' },
  hsCode: { id: 'Kode HS', en: 'HS code' },
  packaging: { id: 'Kemasan', en: 'Packaging' },
  localMaterial: { id: 'Bahan baku lokal', en: 'Local raw material' },
  certifications: { id: 'Sertifikasi dan izin', en: 'Certifications and permits' },
  certValidUntil: { id: 'berlaku sampai {date}', en: 'valid until {date}' },
  certNoExpiry: { id: 'tanpa masa berlaku', en: 'no expiry' },
  certNone: { id: 'Belum ada sertifikasi yang tercatat.', en: 'No certification recorded yet.' },
  awardTitle: { id: 'Bintang OVOP', en: 'OVOP star' },
  awardStars: { id: '{n} dari {max} bintang', en: '{n} of {max} stars' },
  awardCycle: { id: 'Penghargaan {cycle}', en: '{cycle} award' },
  awardValidity: { id: 'Berlaku {from} sampai {until}', en: 'Valid from {from} to {until}' },
  awardVerify: { id: 'Periksa keaslian sertifikat', en: 'Verify the certificate' },
  contactTitle: { id: 'Kontak pemilik', en: 'Owner’s contacts' },
  contactOwner: { id: 'Pemilik', en: 'Owner' },
  contactPhone: { id: 'Telepon', en: 'Phone' },
  contactEmail: { id: 'Email', en: 'E-mail' },
  contactAddress: { id: 'Alamat', en: 'Address' },
  contactHidden: {
    id: 'Pemilik belum menyetujui kontaknya ditampilkan. Kirim permintaan di bawah; dinas akan meneruskannya.',
    en: 'The owner has not agreed to show their contacts. Send an inquiry below; the office will pass it on.',
  },
  moreFrom: { id: 'Produk lain dari {ikm}', en: 'More from {ikm}' },
  capacityValue: { id: '{qty} {unit} per {period}', en: '{qty} {unit} per {period}' },

  // Inquiry
  inquiryTitle: { id: 'Kirim permintaan', en: 'Send an inquiry' },
  inquiryLead: {
    id: 'Tanyakan harga, jumlah, pengiriman atau contoh produk. Permintaan Anda diterima oleh petugas dinas di {region} dan Anda mendapat tanda terima melalui email.',
    en: 'Ask about prices, quantities, shipping or samples. Your inquiry goes to the office’s officer in {region}, and you get an acknowledgement by e-mail.',
  },
  inquiryProduct: { id: 'Produk', en: 'Product' },
  inquiryName: { id: 'Nama Anda', en: 'Your name' },
  inquiryCompany: { id: 'Perusahaan', en: 'Company' },
  inquiryCountry: { id: 'Negara', en: 'Country' },
  inquiryEmail: { id: 'Email', en: 'E-mail' },
  inquiryEmailHint: {
    id: 'Kami hanya memakainya untuk membalas permintaan ini.',
    en: 'We use it only to answer this inquiry.',
  },
  inquiryQuantity: { id: 'Jumlah yang dibutuhkan', en: 'Quantity needed' },
  inquiryQuantityHint: { id: 'Contoh: 500 kg per bulan', en: 'For example: 500 kg a month' },
  inquiryMessage: { id: 'Pesan', en: 'Message' },
  inquiryMessageHint: { id: 'Paling banyak {max} karakter.', en: 'At most {max} characters.' },
  honeypot: {
    id: 'Jangan isi kolom ini (penangkal spam)',
    en: 'Leave this field empty (spam trap)',
  },
  inquirySend: { id: 'Kirim permintaan', en: 'Send inquiry' },
  inquiryPrivacy: {
    id: 'Data Anda disimpan oleh dinas untuk menjawab permintaan ini dan tidak ditampilkan di katalog.',
    en: 'The office keeps your details to answer this inquiry; they are never shown in the catalogue.',
  },
  sentTitle: { id: 'Permintaan terkirim', en: 'Inquiry sent' },
  sentLead: {
    id: 'Terima kasih. Permintaan Anda tentang {product} sudah diterima.',
    en: 'Thank you. Your inquiry about {product} has been received.',
  },
  sentReference: { id: 'Nomor permintaan', en: 'Inquiry number' },
  sentNext: { id: 'Apa selanjutnya', en: 'What happens next' },
  sentNextBody: {
    id: 'Petugas dinas di {region} membaca permintaan Anda dan membalas ke {email}, biasanya dalam beberapa hari kerja. Tanda terima juga dikirim ke alamat itu.',
    en: 'The office’s officer in {region} reads your inquiry and replies to {email}, usually within a few working days. An acknowledgement was sent to that address too.',
  },
  backToProduct: { id: 'Kembali ke {product}', en: 'Back to {product}' },
  keepBrowsing: { id: 'Lihat produk lain', en: 'Browse other products' },
  inquiryTooLarge: {
    id: 'Permintaan ini terlalu panjang untuk dikirim. Persingkat pesannya lalu kirim lagi.',
    en: 'This inquiry is too long to send. Shorten the message and send it again.',
  },
  rateLimited: {
    id: 'Terlalu banyak permintaan dari alamat internet atau email ini dalam waktu singkat. Isian Anda masih ada: tunggu {minutes} menit, lalu kirim lagi.',
    en: 'Too many inquiries from this internet address or e-mail in a short time. Your text is kept: wait {minutes} minutes, then send again.',
  },

  // IKM and region pages
  ikmProducts: { id: 'Produk {ikm}', en: 'Products of {ikm}' },
  ikmAllProducts: { id: 'Semua produk {ikm}', en: 'All products of {ikm}' },
  ikmFacts: { id: 'Tentang usaha', en: 'About the business' },
  sizeClass: { id: 'Skala usaha', en: 'Size' },
  workforce: { id: 'Tenaga kerja', en: 'Workforce' },
  workforceValue: { id: '{n} orang', en: '{n} people' },
  commodities: { id: 'Komoditas', en: 'Commodities' },
  regionsTitle: { id: 'Wilayah', en: 'Regions' },
  regionsLead: {
    id: 'Sebelas kabupaten/kota di Maluku dan produk IKM dari masing-masing wilayah.',
    en: 'The eleven regencies and cities of Maluku and the products of each.',
  },
  regionLead: {
    id: '{products} dari {ikm} di {name}.',
    en: '{products} from {ikm} in {name}.',
  },
  regionProducts: { id: 'Produk dari {name}', en: 'Products from {name}' },
  regionAll: { id: 'Semua produk dari {name}', en: 'All products from {name}' },
  regionNone: {
    id: 'Belum ada produk yang diterbitkan dari wilayah ini.',
    en: 'No product from this region has been published yet.',
  },
  notFoundTitle: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  notFoundBody: {
    id: 'Produk atau halaman ini tidak ada atau tidak lagi ditampilkan di katalog.',
    en: 'This product or page does not exist or is no longer shown in the catalogue.',
  },
  goHome: { id: 'Ke beranda katalog', en: 'To the catalogue home' },

  // Sharing and structured data
  ogDescriptionProduct: {
    id: '{name} dari {ikm}, {region}, Maluku.',
    en: '{name} by {ikm}, {region}, Maluku, Indonesia.',
  },
});

/** Messages of the inquiry form's rules, translated when shown. */
export const inquiryRules = validationMessages('catalog', {
  rateLimited: catalogText.rateLimited,
});

/** The inbox of inquiries (signed-in officers and admins). */
export const inboxText = defineMessages({
  title: { id: 'Permintaan pembeli', en: 'Buyer inquiries' },
  lead: {
    id: 'Permintaan dari katalog publik tentang produk di wilayah Anda. Balas pembeli lewat email, lalu tandai sudah ditangani.',
    en: 'Inquiries from the public catalogue about products in your region. Answer the buyer by e-mail, then mark it handled.',
  },
  caption: { id: 'Permintaan, terbaru di atas', en: 'Inquiries, newest first' },
  received: { id: 'Diterima', en: 'Received' },
  product: { id: 'Produk', en: 'Product' },
  buyer: { id: 'Pembeli', en: 'Buyer' },
  kabkota: { id: 'Kab/kota', en: 'Regency/city' },
  state: { id: 'Status', en: 'Status' },
  state_new: { id: 'Baru', en: 'New' },
  state_read: { id: 'Dibaca', en: 'Read' },
  state_handled: { id: 'Ditangani', en: 'Handled' },
  state_open: { id: 'Belum ditangani', en: 'Not handled' },
  filterState: { id: 'Tampilkan', en: 'Show' },
  all: { id: 'Semua', en: 'All' },
  apply: { id: 'Terapkan', en: 'Apply' },
  empty: { id: 'Belum ada permintaan.', en: 'No inquiries yet.' },
  detailTitle: { id: 'Permintaan {reference}', en: 'Inquiry {reference}' },
  name: { id: 'Nama', en: 'Name' },
  company: { id: 'Perusahaan', en: 'Company' },
  country: { id: 'Negara', en: 'Country' },
  email: { id: 'Email', en: 'E-mail' },
  quantity: { id: 'Jumlah', en: 'Quantity' },
  message: { id: 'Pesan', en: 'Message' },
  language: { id: 'Bahasa pembeli', en: 'Buyer’s language' },
  lang_id: { id: 'Indonesia', en: 'Indonesian' },
  lang_en: { id: 'Inggris', en: 'English' },
  ikm: { id: 'IKM', en: 'IKM' },
  replyByEmail: { id: 'Balas lewat email', en: 'Reply by e-mail' },
  markRead: { id: 'Tandai sudah dibaca', en: 'Mark as read' },
  markHandled: { id: 'Tandai sudah ditangani', en: 'Mark as handled' },
  reopen: { id: 'Buka lagi', en: 'Reopen' },
  handledBy: { id: 'Ditangani {when}', en: 'Handled {when}' },
  stateChanged: { id: 'Status permintaan {reference} diubah.', en: 'Inquiry {reference} updated.' },
  stale: {
    id: 'Permintaan ini sudah diubah orang lain; statusnya sekarang {state}. Periksa lalu coba lagi.',
    en: 'Someone else changed this inquiry; its status is now {state}. Check it, then try again.',
  },
  publicPage: { id: 'Halaman publik produk', en: 'Public product page' },
  notifyTitle: { id: 'Permintaan pembeli: {product}', en: 'Buyer inquiry: {product}' },
  notifyBody: {
    id: '{buyer} dari {country} bertanya tentang {product} ({ikm}). Nomor {reference}.',
    en: '{buyer} from {country} asks about {product} ({ikm}). Number {reference}.',
  },
  ackSubject: {
    id: 'Permintaan Anda diterima ({reference})',
    en: 'Your inquiry was received ({reference})',
  },
  ackBody: {
    id: 'Terima kasih. Permintaan informasi Anda tentang {product} ({ikm}, {region}) sudah diterima oleh Dinas Perindustrian dan Perdagangan Provinsi Maluku dengan nomor {reference}.\n\nPetugas dinas akan membalas ke alamat email ini.\n\nJika Anda tidak mengirim permintaan ini, abaikan email ini.',
    en: 'Thank you. Your inquiry about {product} ({ikm}, {region}) was received by the Department of Industry and Trade of Maluku Province under number {reference}.\n\nAn officer of the department will reply to this e-mail address.\n\nIf you did not send this inquiry, please ignore this e-mail.',
  },
  navLabel: { id: 'Permintaan pembeli', en: 'Buyer inquiries' },
});

const UNIT_LABELS: Record<CapacityUnit, { id: string; en: string }> = {
  kg: { id: 'kg', en: 'kg' },
  ton: { id: 'ton', en: 'tonnes' },
  liter: { id: 'liter', en: 'litres' },
  botol: { id: 'botol', en: 'bottles' },
  bungkus: { id: 'bungkus', en: 'packs' },
  kotak: { id: 'kotak', en: 'boxes' },
  pcs: { id: 'buah', en: 'pieces' },
  lembar: { id: 'lembar', en: 'sheets' },
  meter: { id: 'meter', en: 'metres' },
  set: { id: 'set', en: 'sets' },
  unit: { id: 'unit', en: 'units' },
};

/** A capacity unit in words a buyer reads ("botol" is "bottles" in English). */
export const unitLabel = (u: CapacityUnit, lang: Lang) => render(UNIT_LABELS[u], lang);
