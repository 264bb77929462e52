/**
 * The columns of each import sheet, the names people give them, and finding the header row in a
 * real office sheet: it may sit below a merged title, spread over two rows ("Tenaga kerja" above
 * "L" and "P"), carry accents, units in brackets, trailing spaces or either language's words.
 */
import type { Message } from '../../../platform/i18n.ts';
import type { ImportKind } from '../../../platform/registry-import-domain.ts';

export type ColumnType = 'text' | 'number' | 'date' | 'identifier';

/** Which closed list a column's dropdown offers in the template. */
export type ColumnList = 'kabkota' | 'commodity' | 'unit' | 'period' | 'yesno';

export interface ColumnDef {
  key: string;
  label: Message;
  /** Other headers people write for it (any case, accents or punctuation). */
  synonyms: string[];
  /** A row cannot be saved without it. */
  required?: boolean;
  /** The header must be present for the sheet to be read (at least one of each `group`). */
  headerRequired?: boolean;
  type: ColumnType;
  list?: ColumnList;
  hint: Message;
  example: string;
  width?: number;
}

const col = (d: ColumnDef) => d;

const KABKOTA = col({
  key: 'kabkota',
  label: { id: 'Kabupaten/kota', en: 'Regency/city' },
  synonyms: [
    'kabupaten kota',
    'kab kota',
    'kabupaten',
    'kota',
    'kab',
    'regency city',
    'regency',
    'city',
    'kode kab kota',
    'kode kabupaten kota',
    'wilayah',
    'kabupaten kota kode',
  ],
  required: true,
  type: 'text',
  list: 'kabkota',
  hint: {
    id: 'Nama (Kota Ambon, Kab. Buru, Maluku Tengah) atau kode Kemendagri (81.71). Petugas kabupaten/kota boleh mengosongkan: dipakai wilayahnya.',
    en: 'Name (Kota Ambon, Kab. Buru, Maluku Tengah) or Kemendagri code (81.71). A regency/city officer may leave it empty: their own is used.',
  },
  example: 'Kota Ambon',
  width: 26,
});
const KECAMATAN = col({
  key: 'kecamatan',
  label: { id: 'Kecamatan', en: 'District (kecamatan)' },
  synonyms: ['kec', 'kecamatan', 'district', 'subdistrict', 'sub district', 'kode kecamatan'],
  type: 'text',
  hint: {
    id: 'Nama kecamatan di kabupaten/kota itu (lihat lembar Daftar), atau kodenya (81.71.02).',
    en: 'The district’s name within that regency/city (see the Lists sheet), or its code (81.71.02).',
  },
  example: 'Sirimau',
  width: 20,
});
const DESA = col({
  key: 'desa',
  label: { id: 'Desa/kelurahan', en: 'Village (desa/kelurahan)' },
  synonyms: ['desa', 'kelurahan', 'desa kelurahan', 'negeri', 'desa negeri', 'village', 'desa kel'],
  type: 'text',
  hint: { id: 'Teks bebas.', en: 'Free text.' },
  example: 'Batu Merah',
  width: 20,
});
const COMMODITY = col({
  key: 'commodity',
  label: { id: 'Komoditas', en: 'Commodity' },
  synonyms: [
    'komoditas',
    'komoditi',
    'jenis komoditas',
    'kategori',
    'commodity',
    'category',
    'kategori produk',
  ],
  required: true,
  headerRequired: true,
  type: 'text',
  list: 'commodity',
  hint: {
    id: 'Salah satu: Makanan & minuman, Kain tenun, Kain batik, Anyaman, Gerabah, Lainnya.',
    en: 'One of: Makanan & minuman (food & drink), Kain tenun, Kain batik, Anyaman, Gerabah, Lainnya (other).',
  },
  example: 'Kain tenun',
  width: 20,
});
const NOTES = col({
  key: 'notes',
  label: { id: 'Catatan', en: 'Notes' },
  synonyms: ['catatan', 'keterangan', 'ket', 'notes', 'note', 'remarks', 'remark'],
  type: 'text',
  hint: { id: 'Teks bebas.', en: 'Free text.' },
  example: '',
  width: 30,
});
const CAPACITY = [
  col({
    key: 'capacityQty',
    label: { id: 'Kapasitas produksi', en: 'Production capacity' },
    synonyms: [
      'kapasitas',
      'kapasitas produksi',
      'jumlah produksi',
      'capacity',
      'production capacity',
      'produksi',
    ],
    type: 'number',
    hint: {
      id: 'Angka, contoh 1.200 atau 2,5; isi juga satuan dan periodenya.',
      en: 'A number, e.g. 1.200 or 2,5; give its unit and period too.',
    },
    example: '1.200',
  }),
  col({
    key: 'capacityUnit',
    label: { id: 'Satuan kapasitas', en: 'Capacity unit' },
    synonyms: ['satuan', 'satuan kapasitas', 'satuan produksi', 'unit', 'capacity unit'],
    type: 'text',
    list: 'unit',
    hint: {
      id: 'kg, ton, liter, botol, bungkus, kotak, pcs, lembar, meter, set atau unit.',
      en: 'kg, ton, liter, botol (bottle), bungkus (pack), kotak (box), pcs, lembar (sheet), meter, set or unit.',
    },
    example: 'kg',
  }),
  col({
    key: 'capacityPeriod',
    label: { id: 'Periode kapasitas', en: 'Capacity period' },
    synonyms: ['per', 'periode', 'periode kapasitas', 'period', 'capacity period', 'kapasitas per'],
    type: 'text',
    list: 'period',
    hint: { id: 'hari, minggu, bulan atau tahun.', en: 'day, week, month or year.' },
    example: 'bulan',
  }),
];

export const SENTRA_COLUMNS: ColumnDef[] = [
  col({
    key: 'name',
    label: { id: 'Nama sentra', en: 'Centre name' },
    synonyms: [
      'nama sentra',
      'sentra',
      'sentra ikm',
      'nama sentra ikm',
      'centre name',
      'center name',
      'centre',
      'center',
    ],
    required: true,
    headerRequired: true,
    type: 'text',
    hint: {
      id: 'Sentra dengan nama yang sama di kabupaten/kota yang sama diperbarui, bukan ditambah.',
      en: 'A centre with the same name in the same regency/city is updated, not added again.',
    },
    example: 'Sentra Tenun Ikat Lorulun',
    width: 32,
  }),
  KABKOTA,
  KECAMATAN,
  DESA,
  COMMODITY,
  col({
    key: 'productFocus',
    label: { id: 'Produk sentra', en: 'What the centre makes' },
    synonyms: [
      'produk sentra',
      'produk',
      'produk utama',
      'jenis produk',
      'product',
      'products',
      'product focus',
    ],
    type: 'text',
    hint: {
      id: 'Contoh: tenun ikat, sagu, minyak kayu putih.',
      en: 'E.g. tenun ikat, sagu, minyak kayu putih.',
    },
    example: 'tenun ikat',
    width: 20,
  }),
  col({
    key: 'decreeNumber',
    label: { id: 'Nomor SK', en: 'Decree number' },
    synonyms: [
      'nomor sk',
      'no sk',
      'sk',
      'sk bupati walikota',
      'nomor sk bupati walikota',
      'decree number',
      'decree',
    ],
    type: 'text',
    hint: { id: 'Nomor SK bupati/walikota.', en: 'The regent’s/mayor’s decree number.' },
    example: '530/101/SK/2025',
    width: 22,
  }),
  col({
    key: 'decreeDate',
    label: { id: 'Tanggal SK', en: 'Decree date' },
    synonyms: ['tanggal sk', 'tgl sk', 'decree date', 'tanggal'],
    type: 'date',
    hint: { id: 'Contoh: 28/11/2026.', en: 'E.g. 28/11/2026.' },
    example: '03/02/2025',
    width: 14,
  }),
  col({
    key: 'unitCount',
    label: { id: 'Jumlah unit usaha', en: 'Number of business units' },
    synonyms: [
      'jumlah unit',
      'jumlah unit usaha',
      'jumlah ikm',
      'unit usaha',
      'units',
      'number of units',
      'business units',
    ],
    type: 'number',
    hint: {
      id: 'Bilangan bulat; sentra beranggota paling sedikit 5 unit.',
      en: 'A whole number; a centre has at least 5 units.',
    },
    example: '9',
  }),
  col({
    key: 'leadNib',
    label: { id: 'NIB penghela', en: 'Lead business NIB' },
    synonyms: [
      'nib penghela',
      'penghela',
      'nib ikm penghela',
      'lead nib',
      'lead business nib',
      'lead business',
    ],
    type: 'identifier',
    hint: {
      id: 'NIB IKM penghela; IKM itu harus sudah tercatat sebagai anggota sentra ini.',
      en: 'The NIB of the lead business; that IKM must already be recorded as a member of this centre.',
    },
    example: '',
    width: 16,
  }),
  NOTES,
];

export const IKM_COLUMNS: ColumnDef[] = [
  col({
    key: 'name',
    label: { id: 'Nama usaha', en: 'Business name' },
    synonyms: [
      'nama usaha',
      'nama ikm',
      'nama unit usaha',
      'nama perusahaan',
      'nama industri',
      'nama badan usaha',
      'nama pelaku usaha',
      'nama umkm',
      'business name',
      'company name',
      'company',
      'business',
      'nama',
      'name',
    ],
    required: true,
    headerRequired: true,
    type: 'text',
    hint: { id: 'Wajib.', en: 'Required.' },
    example: 'Sanggar Tenun Lorulun Indah',
    width: 32,
  }),
  col({
    key: 'ownerName',
    label: { id: 'Nama pemilik', en: 'Owner’s name' },
    synonyms: [
      'nama pemilik',
      'pemilik',
      'nama pemilik usaha',
      'pemilik usaha',
      'nama pengusaha',
      'pengusaha',
      'penanggung jawab',
      'nama penanggung jawab',
      'owner',
      'owner name',
      'owners name',
      'owner s name',
    ],
    required: true,
    headerRequired: true,
    type: 'text',
    hint: { id: 'Wajib.', en: 'Required.' },
    example: 'Agustina Batlayeri',
    width: 24,
  }),
  col({
    key: 'nib',
    label: { id: 'NIB', en: 'NIB' },
    synonyms: ['nib', 'no nib', 'nomor nib', 'nomor induk berusaha', 'nib oss', 'business identity number'],
    type: 'identifier',
    hint: {
      id: '13 digit dari OSS. IKM dengan NIB yang sudah tercatat diperbarui, bukan ditambah.',
      en: '13 digits, from OSS. An IKM whose NIB is already recorded is updated, not added again.',
    },
    example: '9120001234567',
    width: 16,
  }),
  col({
    key: 'kbli',
    label: { id: 'KBLI', en: 'KBLI' },
    synonyms: ['kbli', 'kode kbli', 'kbli 2020'],
    type: 'identifier',
    hint: { id: '5 digit, contoh 13121.', en: '5 digits, e.g. 13121.' },
    example: '13121',
    width: 8,
  }),
  col({
    key: 'phone',
    label: { id: 'Telepon', en: 'Phone' },
    synonyms: [
      'telepon',
      'telp',
      'tlp',
      'no telp',
      'no telepon',
      'nomor telepon',
      'no hp',
      'hp',
      'nomor hp',
      'handphone',
      'no handphone',
      'telepon hp',
      'whatsapp',
      'wa',
      'no wa',
      'kontak',
      'phone',
      'phone number',
      'mobile',
      'contact',
    ],
    type: 'identifier',
    hint: {
      id: 'Contoh: 0812-3456-7890 atau +62 812 3456 7890.',
      en: 'E.g. 0812-3456-7890 or +62 812 3456 7890.',
    },
    example: '0812-3456-7890',
    width: 16,
  }),
  col({
    key: 'email',
    label: { id: 'Email', en: 'E-mail' },
    synonyms: ['email', 'e mail', 'surel', 'alamat email', 'email address'],
    type: 'text',
    hint: { id: 'Boleh kosong.', en: 'Optional.' },
    example: '',
    width: 24,
  }),
  col({
    key: 'address',
    label: { id: 'Alamat', en: 'Address' },
    synonyms: ['alamat', 'alamat usaha', 'alamat lengkap', 'alamat ikm', 'address', 'jalan'],
    type: 'text',
    hint: { id: 'Boleh kosong.', en: 'Optional.' },
    example: 'Jl. Pattimura No. 12',
    width: 30,
  }),
  KABKOTA,
  KECAMATAN,
  DESA,
  col({
    key: 'sentra',
    label: { id: 'Sentra', en: 'Centre' },
    synonyms: ['sentra', 'nama sentra', 'sentra ikm', 'centre', 'center', 'ikm centre'],
    type: 'text',
    hint: {
      id: 'Nama sentra yang sudah tercatat di kabupaten/kota itu; kosongkan bila tidak di sentra.',
      en: 'The name of a centre already recorded in that regency/city; leave empty if none.',
    },
    example: 'Sentra Tenun Ikat Lorulun',
    width: 26,
  }),
  col({
    key: 'workforceMen',
    label: { id: 'Tenaga kerja laki-laki', en: 'Workers, men' },
    synonyms: [
      'tenaga kerja laki laki',
      'tenaga kerja pria',
      'tenaga kerja l',
      'tk laki laki',
      'tk pria',
      'tk l',
      'jumlah tenaga kerja laki laki',
      'laki laki',
      'pria',
      'men',
      'male workers',
      'workers men',
      'workforce men',
    ],
    type: 'number',
    hint: { id: 'Bilangan bulat.', en: 'A whole number.' },
    example: '2',
  }),
  col({
    key: 'workforceWomen',
    label: { id: 'Tenaga kerja perempuan', en: 'Workers, women' },
    synonyms: [
      'tenaga kerja perempuan',
      'tenaga kerja wanita',
      'tenaga kerja p',
      'tk perempuan',
      'tk wanita',
      'tk p',
      'jumlah tenaga kerja perempuan',
      'perempuan',
      'wanita',
      'women',
      'female workers',
      'workers women',
      'workforce women',
    ],
    type: 'number',
    hint: { id: 'Bilangan bulat.', en: 'A whole number.' },
    example: '12',
  }),
  col({
    key: 'investment',
    label: { id: 'Nilai investasi (Rp)', en: 'Investment (IDR)' },
    synonyms: [
      'nilai investasi',
      'investasi',
      'modal',
      'nilai investasi rp',
      'investasi rp',
      'investment',
      'investment idr',
      'investment rp',
    ],
    type: 'number',
    hint: {
      id: 'Tanpa tanah dan bangunan. Contoh: 150.000.000 atau 150 juta.',
      en: 'Excluding land and buildings. E.g. 150.000.000 or 150 juta.',
    },
    example: '75.000.000',
    width: 16,
  }),
  ...CAPACITY,
  col({
    key: 'contactPublic',
    label: { id: 'Kontak boleh dipublikasikan', en: 'Contact may be published' },
    synonyms: [
      'kontak publik',
      'kontak boleh dipublikasikan',
      'publikasi kontak',
      'contact public',
      'publish contact',
    ],
    type: 'text',
    list: 'yesno',
    hint: {
      id: '"ya" bila pemilik setuju telepon dan emailnya tampil untuk umum; selain itu kosong atau "tidak".',
      en: '"ya" (yes) if the owner agrees to show their phone and e-mail publicly; otherwise empty or "tidak" (no).',
    },
    example: 'tidak',
  }),
  col({
    key: 'ownerEmail',
    label: { id: 'Email akun pemilik', en: 'Owner account e-mail' },
    synonyms: [
      'email akun pemilik',
      'akun pemilik',
      'owner account',
      'owner account email',
      'owner account e mail',
    ],
    type: 'text',
    hint: {
      id: 'Email akun berperan Pemilik IKM yang boleh mengubah profil ini; boleh kosong.',
      en: 'The e-mail of an IKM-owner account that may edit this profile; optional.',
    },
    example: '',
    width: 24,
  }),
  NOTES,
];

export const PRODUCT_COLUMNS: ColumnDef[] = [
  col({
    key: 'ikmNib',
    label: { id: 'NIB IKM', en: 'IKM NIB' },
    synonyms: ['nib ikm', 'nib', 'no nib', 'nomor induk berusaha', 'nib pembuat', 'ikm nib'],
    type: 'identifier',
    hint: { id: 'NIB IKM pembuat yang sudah tercatat.', en: 'The NIB of the recorded IKM that makes it.' },
    example: '9120001234567',
    width: 16,
  }),
  col({
    key: 'ikmName',
    label: { id: 'Nama IKM', en: 'IKM name' },
    synonyms: [
      'nama ikm',
      'nama usaha',
      'ikm',
      'ikm pembuat',
      'pembuat',
      'ikm name',
      'business name',
      'made by',
    ],
    type: 'text',
    hint: {
      id: 'Dipakai bila NIB kosong; harus unik di wilayah Anda.',
      en: 'Used when the NIB is empty; it must be unique in your region.',
    },
    example: 'Sanggar Tenun Lorulun Indah',
    width: 28,
  }),
  col({
    key: 'name',
    label: { id: 'Nama produk', en: 'Product name' },
    synonyms: ['nama produk', 'produk', 'product', 'product name', 'nama barang'],
    required: true,
    headerRequired: true,
    type: 'text',
    hint: {
      id: 'Produk dengan nama yang sama dari IKM yang sama diperbarui, bukan ditambah.',
      en: 'A product with the same name from the same IKM is updated, not added again.',
    },
    example: 'Kain Tenun Ikat Lorulun',
    width: 30,
  }),
  COMMODITY,
  col({
    key: 'descriptionId',
    label: { id: 'Deskripsi (Bahasa Indonesia)', en: 'Description (Indonesian)' },
    synonyms: [
      'deskripsi',
      'deskripsi produk',
      'deskripsi indonesia',
      'uraian',
      'description indonesian',
      'description id',
    ],
    type: 'text',
    hint: { id: 'Teks bebas.', en: 'Free text.' },
    example: '',
    width: 40,
  }),
  col({
    key: 'descriptionEn',
    label: { id: 'Deskripsi (Bahasa Inggris)', en: 'Description (English)' },
    synonyms: [
      'deskripsi inggris',
      'deskripsi bahasa inggris',
      'description',
      'description english',
      'description en',
    ],
    type: 'text',
    hint: { id: 'Teks bebas; boleh kosong.', en: 'Free text; optional.' },
    example: '',
    width: 40,
  }),
  col({
    key: 'storyId',
    label: { id: 'Cerita produk (Bahasa Indonesia)', en: 'Product story (Indonesian)' },
    synonyms: ['cerita produk', 'cerita', 'cerita indonesia', 'story', 'story indonesian', 'product story'],
    type: 'text',
    hint: {
      id: 'Teks; boleh **tebal** dan _miring_.',
      en: 'Text; **bold** and _italic_ are allowed.',
    },
    example: '',
    width: 40,
  }),
  col({
    key: 'storyEn',
    label: { id: 'Cerita produk (Bahasa Inggris)', en: 'Product story (English)' },
    synonyms: [
      'cerita inggris',
      'cerita bahasa inggris',
      'story english',
      'story en',
      'product story english',
    ],
    type: 'text',
    hint: { id: 'Boleh kosong.', en: 'Optional.' },
    example: '',
    width: 40,
  }),
  col({
    key: 'localMaterialPct',
    label: { id: 'Bahan baku lokal (%)', en: 'Local raw material (%)' },
    synonyms: [
      'bahan baku lokal',
      'persentase bahan baku lokal',
      'bahan lokal',
      'local raw material',
      'local material',
      'local content',
    ],
    type: 'number',
    hint: { id: '0–100, contoh 80 atau 80%.', en: '0–100, e.g. 80 or 80%.' },
    example: '80',
  }),
  col({
    key: 'priceMin',
    label: { id: 'Harga terendah (Rp)', en: 'Lowest price (IDR)' },
    synonyms: [
      'harga terendah',
      'harga min',
      'harga minimum',
      'harga',
      'harga jual',
      'lowest price',
      'price min',
      'price',
    ],
    type: 'number',
    hint: { id: 'Contoh 1.250.000.', en: 'E.g. 1.250.000.' },
    example: '1.250.000',
    width: 14,
  }),
  col({
    key: 'priceMax',
    label: { id: 'Harga tertinggi (Rp)', en: 'Highest price (IDR)' },
    synonyms: ['harga tertinggi', 'harga max', 'harga maksimum', 'highest price', 'price max'],
    type: 'number',
    hint: { id: 'Boleh kosong.', en: 'Optional.' },
    example: '2.500.000',
    width: 14,
  }),
  ...CAPACITY,
  col({
    key: 'hsCode',
    label: { id: 'Kode HS', en: 'HS code' },
    synonyms: ['kode hs', 'hs', 'hs code', 'pos tarif', 'kode pos tarif'],
    type: 'identifier',
    hint: { id: '6–10 digit, contoh 5809.00.00.', en: '6–10 digits, e.g. 5809.00.00.' },
    example: '5809.00.00',
    width: 12,
  }),
  col({
    key: 'packaging',
    label: { id: 'Kemasan', en: 'Packaging' },
    synonyms: ['kemasan', 'jenis kemasan', 'packaging', 'package'],
    type: 'text',
    hint: { id: 'Teks bebas.', en: 'Free text.' },
    example: '',
    width: 20,
  }),
  col({
    key: 'certifications',
    label: { id: 'Sertifikasi', en: 'Certifications' },
    synonyms: ['sertifikasi', 'sertifikat', 'certifications', 'certification', 'certificates'],
    type: 'text',
    hint: { id: 'Teks bebas.', en: 'Free text.' },
    example: '',
    width: 20,
  }),
];

export const COLUMNS: Record<ImportKind, ColumnDef[]> = {
  sentra: SENTRA_COLUMNS,
  ikm: IKM_COLUMNS,
  products: PRODUCT_COLUMNS,
};

/** A header as comparable words: no accents, lower case, punctuation and brackets as spaces. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/&/g, ' dan ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Unit words in brackets that say nothing about which column it is: "(Rp)", "(%)", "(orang)". */
const NOISE_WORDS = new Set([
  'rp',
  'idr',
  'orang',
  'org',
  'unit',
  'digit',
  'wajib',
  'required',
  'opsional',
  'optional',
]);

/** The header's keys to try: as written, without its bracketed part, without noise words. */
function headerVariants(raw: string): string[] {
  const out = new Set<string>();
  const whole = normalizeHeader(raw);
  if (whole) out.add(whole);
  const outside = normalizeHeader(raw.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  if (outside) out.add(outside);
  for (const v of [...out]) {
    const words = v.split(' ').filter((w) => !NOISE_WORDS.has(w));
    if (words.length) out.add(words.join(' '));
    // "No. NIB", "Nomor Telepon": a leading "no"/"nomor" only says it is a number.
    const bare = words.filter((w, i) => !(i === 0 && (w === 'no' || w === 'nomor' || w === 'kode')));
    if (bare.length) out.add(bare.join(' '));
  }
  return [...out];
}

/** Every name of every column of a kind, normalised, to its key. */
function lookupOf(columns: ColumnDef[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of columns) {
    const names = [c.label.id as string, c.label.en as string, c.key, ...c.synonyms];
    for (const n of names) {
      const key = normalizeHeader(n);
      if (key && !map.has(key)) map.set(key, c.key);
    }
  }
  return map;
}

const LOOKUPS = new Map<ImportKind, Map<string, string>>();

/** The column key a header names, or undefined. */
export function matchHeader(kind: ImportKind, raw: string): string | undefined {
  let lookup = LOOKUPS.get(kind);
  if (!lookup) {
    lookup = lookupOf(COLUMNS[kind]);
    LOOKUPS.set(kind, lookup);
  }
  for (const v of headerVariants(raw)) {
    const key = lookup.get(v);
    if (key) return key;
  }
  // "Telp/HP", "Email / Surel": either name will do, when the whole is not known.
  const parts = raw.split(/[/|]/).filter((p) => p.trim());
  if (parts.length > 1)
    for (const part of parts)
      for (const v of headerVariants(part)) {
        const key = lookup.get(v);
        if (key) return key;
      }
  return undefined;
}

export interface HeaderMap {
  /** The sheet row (1-based) where data starts to be read after. */
  headerRow: number;
  /** How many rows the header takes (1, or 2 for a header with sub-headers). */
  headerRows: number;
  /** Column index (0-based) → key. */
  byIndex: Map<number, string>;
  /** Key → the header as written, with the column letter, e.g. `C (No. NIB)`. */
  labels: Record<string, string>;
  /** Headers the import does not know, with their letters, e.g. `Q (Catatan lain)`: their cells are not read. */
  ignored: string[];
}

/** A 0-based column index as its spreadsheet letter (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function mapRow(kind: ImportKind, texts: (string | undefined)[]): Map<number, string> {
  const byIndex = new Map<number, string>();
  const used = new Set<string>();
  texts.forEach((t, i) => {
    if (!t) return;
    const key = matchHeader(kind, t);
    if (key && !used.has(key)) {
      byIndex.set(i, key);
      used.add(key);
    }
  });
  return byIndex;
}

/** The headers of a row and the row below it: a parent spreads over the empty cells to its right. */
function combined(top: (string | undefined)[], below: (string | undefined)[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let parent: string | undefined;
  const width = Math.max(top.length, below.length);
  for (let i = 0; i < width; i++) {
    if (top[i]) parent = top[i];
    const sub = below[i];
    if (sub && top[i] === undefined && parent) out.push(`${parent} ${sub}`);
    else if (sub && top[i]) out.push(`${top[i]} ${sub}`);
    else out.push(top[i] ?? sub);
  }
  return out;
}

/**
 * Finds the header among the first rows of a sheet (text of each cell by row): the row, or pair of
 * rows, naming the most known columns, which must include the kind's required headers.
 */
export function findHeader(
  kind: ImportKind,
  rows: { rowNumber: number; texts: (string | undefined)[] }[],
): HeaderMap | undefined {
  const required = COLUMNS[kind].filter((c) => c.headerRequired).map((c) => c.key);
  let best:
    | { map: Map<number, string>; index: number; span: number; texts: (string | undefined)[] }
    | undefined;
  for (let i = 0; i < rows.length; i++) {
    const candidates: { span: number; texts: (string | undefined)[] }[] = [
      { span: 1, texts: rows[i]!.texts },
    ];
    const next = rows[i + 1];
    if (next && next.rowNumber === rows[i]!.rowNumber + 1)
      candidates.push({ span: 2, texts: combined(rows[i]!.texts, next.texts) });
    for (const cand of candidates) {
      const map = mapRow(kind, cand.texts);
      const keys = new Set(map.values());
      if (!required.every((k) => keys.has(k)) || map.size < 2) continue;
      // The pair wins only when the row below adds columns (a real sub-header, not the first data row).
      if (!best || map.size > best.map.size) best = { map, index: i, span: cand.span, texts: cand.texts };
    }
  }
  if (!best) return undefined;
  const labels: Record<string, string> = {};
  for (const [i, key] of best.map) labels[key] = `${columnLetter(i)} (${best.texts[i]!.trim()})`;
  const ignored = best.texts.flatMap((text, i) =>
    text?.trim() && !best.map.has(i) ? [`${columnLetter(i)} (${text.trim()})`] : [],
  );
  return {
    headerRow: rows[best.index]!.rowNumber + best.span - 1,
    headerRows: best.span,
    byIndex: best.map,
    labels,
    ignored,
  };
}

/** The labels of the headers a kind needs, for the "no header found" message. */
export function requiredHeaders(kind: ImportKind, lang: 'id' | 'en'): string {
  return COLUMNS[kind]
    .filter((c) => c.headerRequired)
    .map((c) => c.label[lang] as string)
    .join(', ');
}
