/**
 * Seeded default rubrics, one per commodity, after the 2013-era Juknis instrument (brief §2.1):
 * aspects A (production, product and community development), B (marketing and the product's
 * history) and C (product type, quality and market opportunity), each criterion scored in three
 * labelled levels worth 1, 2 and 3 points.
 *
 * Only aspect A of the instrument was visible (30 points: production 15, product development 6,
 * community development 9). Its criteria are marked `juknis` (criterion and levels from the sheet)
 * or `juknis_criterion` (the sheet names the criterion; we wrote the levels). Aspects B and C were
 * not visible: their criteria are `placeholder`s written for this system from the commodity
 * eligibility rules (brief §1.5) and the Thai and Vietnamese schemes (brief §3), to be edited by the
 * office. The B/C weights (30/40) are placeholders too. All of it is data the admin edits; a cycle
 * then uses a fixed version.
 *
 * Weights: each A criterion weighs 3, so with levels 1–3 an A score equals the sheet's raw points
 * (3 × p / 3 = p). Batik follows the 25-indicator batik instrument seen in the Sidoarjo study
 * (A 10, B 5, C 10); the other commodities have 30 criteria (A 10, B 10, C 10).
 */
import type { Bilingual } from './rules.messages.ts';
import type {
  CoachingKind,
  Provenance,
  Rubric,
  RubricAspect,
  RubricCriterion,
  WeightRule,
} from './rubric.rules.ts';

/** The commodities (same codes as the registry's COMMODITIES). */
export const RUBRIC_COMMODITIES = [
  'makanan_minuman',
  'kain_tenun',
  'kain_batik',
  'anyaman',
  'gerabah',
  'lainnya',
] as const;
export type RubricCommodity = (typeof RUBRIC_COMMODITIES)[number];

/** Commodity names in both languages. */
export const COMMODITY_NAMES: Record<RubricCommodity, Bilingual> = {
  makanan_minuman: { id: 'Makanan dan minuman', en: 'Food and drink' },
  kain_tenun: { id: 'Kain tenun', en: 'Woven cloth (tenun)' },
  kain_batik: { id: 'Kain batik', en: 'Batik cloth' },
  anyaman: { id: 'Anyaman', en: 'Woven crafts (anyaman)' },
  gerabah: { id: 'Gerabah', en: 'Earthenware (gerabah)' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

/** The weights' rule the defaults satisfy: total 100; A exactly 30 (the instrument), B and C as placed. */
export const JUKNIS_WEIGHT_RULE: WeightRule = {
  total: 100,
  aspects: { A: { exact: 30 }, B: { exact: 30 }, C: { exact: 40 } },
  minLevels: 2,
};

type Pair = [id: string, en: string];
const bi = ([id, en]: Pair): Bilingual => ({ id, en });

const LEVEL_LABELS: [Pair, Pair, Pair] = [
  ['Kurang', 'Low'],
  ['Cukup', 'Fair'],
  ['Baik', 'Good'],
];

interface Spec {
  code: string;
  name: Pair;
  levels: [Pair, Pair, Pair];
  coaching: CoachingKind;
  provenance: Provenance;
  coachable?: boolean;
}

function criterion(spec: Spec, weight: number, group?: Pair): RubricCriterion {
  return {
    code: spec.code,
    name: bi(spec.name),
    ...(group ? { group: bi(group) } : {}),
    weight,
    levels: spec.levels.map((d, i) => ({
      level: i + 1,
      points: i + 1,
      label: bi(LEVEL_LABELS[i]!),
      descriptor: bi(d),
    })),
    coaching: spec.coaching,
    ...(spec.coachable === false ? { coachable: false } : {}),
    provenance: spec.provenance,
  };
}

const PRODUCTION: Pair = ['Produksi', 'Production'];
const PRODUCT_DEV: Pair = ['Pengembangan produk', 'Product development'];
const COMMUNITY_DEV: Pair = ['Pengembangan masyarakat', 'Community development'];

/** Aspect A, the same for every commodity (the visible part of the instrument). */
const ASPECT_A: [Spec, Pair][] = [
  [
    {
      code: 'A1',
      name: [
        'Pangsa bahan baku utama dari kabupaten/kota setempat',
        'Share of the main raw material from the own regency/city',
      ],
      levels: [
        [
          'Kurang dari 80% bahan baku utama berasal dari kabupaten/kota setempat.',
          'Less than 80% of the main raw material comes from the own regency/city.',
        ],
        [
          '80% atau lebih bahan baku utama berasal dari kabupaten/kota setempat.',
          '80% or more of the main raw material comes from the own regency/city.',
        ],
        [
          'Seluruh bahan baku utama berasal dari kabupaten/kota setempat.',
          'All of the main raw material comes from the own regency/city.',
        ],
      ],
      coaching: 'training',
      provenance: 'juknis',
    },
    PRODUCTION,
  ],
  [
    {
      code: 'A2',
      name: ['Jaminan pasokan bahan baku', 'Assured supply of raw material'],
      levels: [
        ['Pasokan bahan baku terjamin hingga 1 tahun.', 'Raw-material supply is assured for up to 1 year.'],
        ['Pasokan bahan baku terjamin 1–3 tahun.', 'Raw-material supply is assured for 1–3 years.'],
        [
          'Pasokan bahan baku terjamin lebih dari 3 tahun.',
          'Raw-material supply is assured for more than 3 years.',
        ],
      ],
      coaching: 'training',
      provenance: 'juknis',
    },
    PRODUCTION,
  ],
  [
    {
      code: 'A3',
      name: ['Nilai tambah', 'Value added'],
      levels: [
        ['Nilai tambah kurang dari 20%.', 'Value added below 20%.'],
        ['Nilai tambah 20–60%.', 'Value added of 20–60%.'],
        ['Nilai tambah lebih dari 60%.', 'Value added above 60%.'],
      ],
      coaching: 'equipment',
      provenance: 'juknis',
    },
    PRODUCTION,
  ],
  [
    {
      code: 'A4',
      name: ['Pengendalian lingkungan', 'Environmental control'],
      levels: [
        ['Limbah produksi belum ditangani.', 'Production waste is not handled.'],
        [
          'Sebagian limbah ditangani (dipilah, dibuang dengan aman).',
          'Part of the waste is handled (sorted, disposed of safely).',
        ],
        [
          'Limbah dikelola dengan prosedur tertulis (daur ulang, pengolahan limbah).',
          'Waste is managed by a written procedure (recycling, treatment).',
        ],
      ],
      coaching: 'training',
      provenance: 'juknis_criterion',
    },
    PRODUCTION,
  ],
  [
    {
      code: 'A5',
      name: ['Dapat diproduksi massal dengan mutu konsisten', 'Mass-producible at consistent quality'],
      levels: [
        [
          'Belum dapat diproduksi dalam jumlah besar dengan mutu yang sama.',
          'Cannot yet be made in quantity at the same quality.',
        ],
        [
          'Dapat diproduksi dalam jumlah terbatas; mutu kadang berbeda.',
          'Can be made in limited quantity; quality sometimes varies.',
        ],
        [
          'Dapat diproduksi dalam jumlah besar dengan mutu konsisten (ada SOP).',
          'Can be made in quantity at consistent quality (an SOP exists).',
        ],
      ],
      coaching: 'equipment',
      provenance: 'juknis_criterion',
    },
    PRODUCTION,
  ],
  [
    {
      code: 'A6',
      name: ['Asal desain', 'Origin of the design'],
      levels: [
        ['Desain meniru produk lain.', 'The design is copied.'],
        ['Desain mengikuti permintaan pasar.', 'The design follows market demand.'],
        ['Desain sendiri.', 'Own design.'],
      ],
      coaching: 'training',
      provenance: 'juknis',
    },
    PRODUCT_DEV,
  ],
  [
    {
      code: 'A7',
      name: ['Pengembangan kemasan', 'Packaging development'],
      levels: [
        ['Kemasan sederhana tanpa label.', 'Plain packaging without a label.'],
        ['Kemasan berlabel (nama produk, produsen).', 'Labelled packaging (product name, maker).'],
        [
          'Kemasan dirancang dengan merek dan informasi lengkap, sesuai pasar sasaran.',
          'Designed packaging with brand and full information, suited to the target market.',
        ],
      ],
      coaching: 'packaging_branding',
      provenance: 'juknis_criterion',
    },
    PRODUCT_DEV,
  ],
  [
    {
      code: 'A8',
      name: ['Lama berada di sentra', 'Years in the centre'],
      levels: [
        ['Kurang dari 3 tahun di sentra.', 'Less than 3 years in the centre.'],
        ['3–5 tahun di sentra.', '3–5 years in the centre.'],
        ['Lebih dari 5 tahun di sentra.', 'More than 5 years in the centre.'],
      ],
      coaching: 'training',
      provenance: 'juknis_criterion',
      coachable: false,
    },
    COMMUNITY_DEV,
  ],
  [
    {
      code: 'A9',
      name: ['Tenaga kerja dari masyarakat setempat', 'Workers from the local community'],
      levels: [
        [
          'Kurang dari 50% tenaga kerja dari desa/kecamatan setempat.',
          'Less than 50% of the workers come from the village/district.',
        ],
        [
          '50–80% tenaga kerja dari desa/kecamatan setempat.',
          '50–80% of the workers come from the village/district.',
        ],
        [
          'Lebih dari 80% tenaga kerja dari desa/kecamatan setempat.',
          'More than 80% of the workers come from the village/district.',
        ],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    COMMUNITY_DEV,
  ],
  [
    {
      code: 'A10',
      name: ['Peran sebagai penghela bagi anggota sentra', 'Role as lead business for the centre’s members'],
      levels: [
        ['Belum bermitra dengan anggota sentra.', 'No partnership with the centre’s members yet.'],
        [
          'Bermitra tidak tetap (berbagi pesanan sesekali).',
          'Occasional partnership (orders shared now and then).',
        ],
        [
          'Kemitraan tetap: bahan baku, pesanan atau pelatihan bersama anggota sentra.',
          'Standing partnership: raw material, orders or training shared with members.',
        ],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    COMMUNITY_DEV,
  ],
];

const MARKETING: Pair = ['Pemasaran', 'Marketing'];
const HISTORY: Pair = ['Sejarah produk', 'Product history'];

const B_MARKET_REACH: Spec = {
  code: 'B1',
  name: ['Jangkauan pasar', 'Market reach'],
  levels: [
    ['Dijual di kabupaten/kota setempat.', 'Sold within the own regency/city.'],
    ['Dijual antarprovinsi (pasar nasional).', 'Sold across provinces (national market).'],
    ['Sudah diekspor.', 'Already exported.'],
  ],
  coaching: 'export_coaching',
  provenance: 'placeholder',
};
const B_CHANNELS: Spec = {
  code: 'B2',
  name: ['Saluran pemasaran', 'Marketing channels'],
  levels: [
    ['Hanya penjualan langsung di tempat.', 'Direct sales on the spot only.'],
    ['Toko/gerai atau penjualan daring.', 'Shops/outlets or online sales.'],
    [
      'Beberapa saluran: gerai, lokapasar daring dan mitra distributor.',
      'Several channels: outlets, online marketplaces and distributors.',
    ],
  ],
  coaching: 'promotion',
  provenance: 'placeholder',
};
const B_BRAND: Spec = {
  code: 'B3',
  name: ['Merek dan pendaftaran merek (HKI)', 'Brand and trademark registration'],
  levels: [
    ['Belum memiliki merek.', 'No brand yet.'],
    [
      'Memiliki merek, belum terdaftar atau sedang didaftarkan.',
      'A brand, not yet registered or being registered.',
    ],
    ['Merek terdaftar di DJKI.', 'Trademark registered with DJKI.'],
  ],
  coaching: 'packaging_branding',
  provenance: 'placeholder',
};
const B_PROMOTION: Spec = {
  code: 'B4',
  name: ['Promosi dan pameran', 'Promotion and trade fairs'],
  levels: [
    ['Belum pernah mengikuti pameran atau promosi.', 'No fairs or promotion yet.'],
    ['Mengikuti pameran daerah.', 'Takes part in regional fairs.'],
    ['Mengikuti pameran nasional atau internasional.', 'Takes part in national or international fairs.'],
  ],
  coaching: 'promotion',
  provenance: 'placeholder',
};
const B_STORY: Spec = {
  code: 'B5',
  name: ['Sejarah dan cerita produk', 'The product’s history and story'],
  levels: [
    ['Sejarah produk tidak diketahui.', 'The product’s history is not known.'],
    ['Sejarah produk diceritakan secara lisan.', 'The history is told by word of mouth.'],
    [
      'Sejarah produk terdokumentasi dan terkait budaya daerah.',
      'The history is documented and tied to the region’s culture.',
    ],
  ],
  coaching: 'promotion',
  provenance: 'placeholder',
};
const B_MORE: Spec[] = [
  {
    code: 'B6',
    name: ['Pertumbuhan penjualan 3 tahun terakhir', 'Sales growth over the last 3 years'],
    levels: [
      ['Penjualan menurun.', 'Sales are falling.'],
      ['Penjualan stabil.', 'Sales are stable.'],
      ['Penjualan meningkat.', 'Sales are rising.'],
    ],
    coaching: 'promotion',
    provenance: 'placeholder',
  },
  {
    code: 'B7',
    name: ['Pembeli dan kemitraan pemasaran', 'Buyers and marketing partnerships'],
    levels: [
      ['Pembeli perorangan saja.', 'Individual buyers only.'],
      ['Pembeli tetap dari toko/pengecer.', 'Regular buyers among shops/retailers.'],
      [
        'Kontrak tetap dengan mitra usaha atau pembeli luar negeri.',
        'Standing contracts with business partners or foreign buyers.',
      ],
    ],
    coaching: 'export_coaching',
    provenance: 'placeholder',
  },
  {
    code: 'B8',
    name: ['Daya saing harga', 'Price competitiveness'],
    levels: [
      [
        'Harga lebih tinggi dari produk sejenis tanpa nilai lebih.',
        'Priced above similar products without added value.',
      ],
      ['Harga setara produk sejenis.', 'Priced like similar products.'],
      ['Harga bersaing dengan nilai lebih yang jelas.', 'Competitive price with clear added value.'],
    ],
    coaching: 'training',
    provenance: 'placeholder',
  },
  {
    code: 'B9',
    name: ['Kearifan lokal dan identitas daerah', 'Local wisdom and regional identity'],
    levels: [
      ['Tidak mencerminkan identitas daerah.', 'Does not reflect the region’s identity.'],
      ['Sebagian mencerminkan identitas daerah.', 'Partly reflects the region’s identity.'],
      ['Menjadi ciri khas daerah.', 'Is a hallmark of the region.'],
    ],
    coaching: 'promotion',
    provenance: 'placeholder',
  },
  {
    code: 'B10',
    name: ['Tanggapan pelanggan dan layanan purnajual', 'Customer feedback and after-sales service'],
    levels: [
      ['Tanggapan pelanggan tidak dicatat.', 'Customer feedback is not recorded.'],
      ['Tanggapan diterima secara informal.', 'Feedback is taken informally.'],
      ['Tanggapan dicatat dan ditindaklanjuti.', 'Feedback is recorded and acted on.'],
    ],
    coaching: 'training',
    provenance: 'placeholder',
  },
];

const TYPE_QUALITY: Pair = ['Jenis dan mutu produk', 'Product type and quality'];
const MARKET_OPP: Pair = ['Peluang pasar', 'Market opportunity'];

/** Aspect C criteria shared by every commodity (C1–C6). */
const C_COMMON: [Spec, Pair][] = [
  [
    {
      code: 'C1',
      name: ['Kekhasan dan keunikan produk', 'Distinctiveness and uniqueness'],
      levels: [
        ['Produk umum, banyak dibuat di daerah lain.', 'A common product, made in many places.'],
        ['Memiliki ciri daerah pada sebagian produk.', 'Some products carry the region’s character.'],
        ['Unik dan khas daerah (motif, resep, teknik).', 'Unique to the region (motif, recipe, technique).'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    TYPE_QUALITY,
  ],
  [
    {
      code: 'C2',
      name: ['Pengendalian mutu', 'Quality control'],
      levels: [
        ['Belum ada pemeriksaan mutu.', 'No quality checks.'],
        ['Pemeriksaan mutu secara visual.', 'Visual quality checks.'],
        [
          'Prosedur pemeriksaan mutu tertulis dan tercatat.',
          'A written, recorded quality-control procedure.',
        ],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    TYPE_QUALITY,
  ],
  [
    {
      code: 'C3',
      name: ['Keragaman produk', 'Product range'],
      levels: [
        ['Satu jenis produk.', 'One kind of product.'],
        ['Beberapa varian.', 'A few variants.'],
        ['Beragam varian yang dikembangkan terus-menerus.', 'A wide, continually developed range.'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    TYPE_QUALITY,
  ],
  [
    {
      code: 'C4',
      name: ['Kecenderungan permintaan', 'Demand trend'],
      levels: [
        ['Permintaan menurun.', 'Demand is falling.'],
        ['Permintaan stabil.', 'Demand is stable.'],
        ['Permintaan tumbuh.', 'Demand is growing.'],
      ],
      coaching: 'promotion',
      provenance: 'placeholder',
    },
    MARKET_OPP,
  ],
  [
    {
      code: 'C5',
      name: ['Kesiapan ekspor', 'Export readiness'],
      levels: [
        ['Belum memenuhi syarat pembeli luar negeri.', 'Does not yet meet foreign buyers’ requirements.'],
        [
          'Memenuhi sebagian syarat (volume, dokumen, kemasan).',
          'Meets some requirements (volume, documents, packaging).',
        ],
        ['Siap ekspor atau sudah mengekspor.', 'Export-ready or already exporting.'],
      ],
      coaching: 'export_coaching',
      provenance: 'placeholder',
    },
    MARKET_OPP,
  ],
  [
    {
      code: 'C6',
      name: ['Kapasitas produksi terhadap permintaan', 'Production capacity against demand'],
      levels: [
        ['Belum mampu memenuhi pesanan yang ada.', 'Cannot meet current orders.'],
        ['Mampu memenuhi pesanan lokal.', 'Meets local orders.'],
        ['Mampu memenuhi pesanan besar secara tepat waktu.', 'Meets large orders on time.'],
      ],
      coaching: 'equipment',
      provenance: 'placeholder',
    },
    MARKET_OPP,
  ],
];

/** Aspect C criteria C7–C10, specific to each commodity. */
const C_SPECIFIC: Record<RubricCommodity, Spec[]> = {
  makanan_minuman: [
    {
      code: 'C7',
      name: ['Izin edar pangan', 'Food distribution permit'],
      levels: [
        ['Belum memiliki izin edar.', 'No distribution permit.'],
        ['Memiliki SPP-IRT (P-IRT).', 'Holds a home-industry permit (P-IRT).'],
        ['Memiliki izin edar BPOM MD.', 'Holds a BPOM MD permit.'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C8',
      name: ['Sertifikat halal', 'Halal certificate'],
      levels: [
        ['Belum memiliki sertifikat halal.', 'No halal certificate.'],
        ['Sertifikat halal sedang diproses.', 'Halal certification in progress.'],
        ['Memiliki sertifikat halal BPJPH.', 'Holds a BPJPH halal certificate.'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C9',
      name: ['Uji laboratorium keamanan pangan', 'Laboratory food-safety test'],
      levels: [
        ['Belum pernah diuji.', 'Never tested.'],
        ['Diuji untuk sebagian parameter.', 'Tested for some parameters.'],
        ['Hasil uji lengkap memenuhi standar keamanan pangan.', 'A full test meeting food-safety standards.'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C10',
      name: ['Daya simpan dan label gizi', 'Shelf life and labelling'],
      levels: [
        [
          'Daya simpan kurang dari 1 bulan; label tidak lengkap.',
          'Keeps less than 1 month; incomplete label.',
        ],
        [
          'Daya simpan 1–6 bulan; label memuat tanggal kedaluwarsa.',
          'Keeps 1–6 months; the label shows the expiry date.',
        ],
        [
          'Daya simpan lebih dari 6 bulan; label lengkap termasuk informasi gizi.',
          'Keeps over 6 months; full label with nutrition facts.',
        ],
      ],
      coaching: 'packaging_branding',
      provenance: 'placeholder',
    },
  ],
  kain_tenun: [
    {
      code: 'C7',
      name: ['Kerapatan dan kerapian tenunan', 'Density and neatness of the weave'],
      levels: [
        ['Tenunan longgar atau tidak rata.', 'Loose or uneven weave.'],
        ['Tenunan cukup rapat, ada cacat kecil.', 'Fairly dense weave with small flaws.'],
        ['Tenunan rapat, rata dan rapi.', 'Dense, even and neat weave.'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C8',
      name: ['Ketahanan luntur warna', 'Colour fastness'],
      levels: [
        ['Warna luntur saat dicuci.', 'Colours run in the wash.'],
        ['Sedikit luntur.', 'Colours run slightly.'],
        ['Tahan luntur (teruji).', 'Colour-fast (tested).'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C9',
      name: ['Keaslian motif daerah', 'Authenticity of the regional motif'],
      levels: [
        ['Motif umum, tidak khas daerah.', 'Generic motifs.'],
        ['Motif daerah yang dikembangkan.', 'Regional motifs, developed.'],
        ['Motif asli daerah, tercatat atau didaftarkan.', 'The region’s own motifs, recorded or registered.'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C10',
      name: ['Pewarna dan benang', 'Dyes and yarn'],
      levels: [
        ['Pewarna dan benang seadanya.', 'Whatever dyes and yarn are at hand.'],
        ['Benang bermutu dengan pewarna sintetis terkendali.', 'Good yarn with controlled synthetic dyes.'],
        [
          'Benang bermutu dengan pewarna alam yang terdokumentasi.',
          'Good yarn with documented natural dyes.',
        ],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
  ],
  kain_batik: [
    {
      code: 'C7',
      name: ['Teknik pembatikan', 'Batik technique'],
      levels: [
        ['Batik cap.', 'Stamped batik (cap).'],
        ['Batik kombinasi tulis dan cap.', 'Combined hand-drawn and stamped batik.'],
        ['Batik tulis.', 'Hand-drawn batik (tulis).'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C8',
      name: ['Ketahanan luntur warna', 'Colour fastness'],
      levels: [
        ['Warna luntur saat dicuci.', 'Colours run in the wash.'],
        ['Sedikit luntur.', 'Colours run slightly.'],
        ['Tahan luntur (teruji).', 'Colour-fast (tested).'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C9',
      name: ['Makna dan keaslian motif', 'Meaning and originality of the motif'],
      levels: [
        ['Motif meniru daerah lain.', 'Motifs copied from elsewhere.'],
        ['Motif daerah tanpa cerita terdokumentasi.', 'Regional motifs without a documented story.'],
        ['Motif asli dengan filosofi terdokumentasi.', 'Original motifs with a documented philosophy.'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C10',
      name: ['Sertifikasi Batikmark', 'Batikmark certification'],
      levels: [
        ['Belum bersertifikat Batikmark.', 'No Batikmark.'],
        ['Batikmark sedang diproses.', 'Batikmark in progress.'],
        ['Bersertifikat Batikmark.', 'Batikmark certified.'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
  ],
  anyaman: [
    {
      code: 'C7',
      name: ['Perlakuan bahan baku', 'Treatment of the raw material'],
      levels: [
        ['Bahan tidak diawetkan (mudah berjamur).', 'Material untreated (moulds easily).'],
        ['Bahan dikeringkan dengan baik.', 'Material well dried.'],
        [
          'Bahan dikeringkan dan diawetkan anti-jamur/hama.',
          'Material dried and treated against mould and pests.',
        ],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C8',
      name: ['Kerapian dan kekuatan anyaman', 'Neatness and strength of the weave'],
      levels: [
        ['Anyaman longgar, mudah rusak.', 'Loose weave that breaks easily.'],
        ['Anyaman cukup rapi dan kuat.', 'Fairly neat and strong weave.'],
        ['Anyaman rapi, rapat dan kuat.', 'Neat, tight and strong weave.'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C9',
      name: ['Penyelesaian akhir (finishing)', 'Finishing'],
      levels: [
        ['Tanpa finishing.', 'No finishing.'],
        ['Finishing sederhana (pewarnaan, pernis).', 'Simple finishing (colouring, varnish).'],
        ['Finishing rapi dan tahan lama.', 'Neat, durable finishing.'],
      ],
      coaching: 'equipment',
      provenance: 'placeholder',
    },
    {
      code: 'C10',
      name: ['Fungsi dan desain untuk pasar modern', 'Function and design for today’s market'],
      levels: [
        ['Produk tradisional tanpa penyesuaian.', 'Traditional items unchanged.'],
        ['Sebagian produk disesuaikan dengan kebutuhan pasar.', 'Some items adapted to market needs.'],
        [
          'Produk dirancang untuk fungsi dan selera pasar sasaran.',
          'Items designed for the target market’s uses and taste.',
        ],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
  ],
  gerabah: [
    {
      code: 'C7',
      name: ['Kematangan pembakaran', 'Firing quality'],
      levels: [
        ['Pembakaran tidak merata; banyak retak.', 'Uneven firing; many cracks.'],
        ['Pembakaran cukup merata; sedikit retak.', 'Fairly even firing; few cracks.'],
        ['Pembakaran merata; tanpa retak.', 'Even firing; no cracks.'],
      ],
      coaching: 'equipment',
      provenance: 'placeholder',
    },
    {
      code: 'C8',
      name: ['Penyelesaian akhir dan glasir', 'Finishing and glaze'],
      levels: [
        ['Tanpa penyelesaian akhir.', 'No finishing.'],
        ['Penyelesaian sederhana (amplas, cat).', 'Simple finishing (sanding, paint).'],
        ['Glasir atau penyelesaian halus dan rata.', 'Smooth, even glaze or finish.'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C9',
      name: ['Konsistensi ukuran dan bentuk', 'Consistency of size and shape'],
      levels: [
        ['Ukuran dan bentuk sangat beragam.', 'Sizes and shapes vary widely.'],
        ['Ukuran dan bentuk cukup seragam.', 'Fairly uniform sizes and shapes.'],
        [
          'Ukuran dan bentuk seragam (cetakan/ukuran baku).',
          'Uniform sizes and shapes (moulds, standard sizes).',
        ],
      ],
      coaching: 'equipment',
      provenance: 'placeholder',
    },
    {
      code: 'C10',
      name: ['Keamanan pakai (untuk wadah makanan)', 'Safety in use (for food containers)'],
      levels: [
        ['Keamanan glasir/bahan tidak diketahui.', 'Safety of glaze and body unknown.'],
        ['Bebas timbal menurut pemasok glasir.', 'Lead-free according to the glaze supplier.'],
        ['Teruji bebas timbal / aman untuk pangan.', 'Tested lead-free / food-safe.'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
  ],
  lainnya: [
    {
      code: 'C7',
      name: ['Mutu bahan', 'Quality of materials'],
      levels: [
        ['Bahan seadanya.', 'Whatever materials are at hand.'],
        ['Bahan terpilih dengan mutu cukup.', 'Selected materials of fair quality.'],
        ['Bahan bermutu dengan spesifikasi tertulis.', 'Good materials to a written specification.'],
      ],
      coaching: 'training',
      provenance: 'placeholder',
    },
    {
      code: 'C8',
      name: ['Kerapian pengerjaan', 'Workmanship'],
      levels: [
        ['Pengerjaan kasar.', 'Rough workmanship.'],
        ['Pengerjaan cukup rapi.', 'Fairly neat workmanship.'],
        ['Pengerjaan rapi dan detail.', 'Neat, detailed workmanship.'],
      ],
      coaching: 'equipment',
      provenance: 'placeholder',
    },
    {
      code: 'C9',
      name: ['Standar dan sertifikasi produk', 'Product standards and certification'],
      levels: [
        ['Belum ada standar atau sertifikat.', 'No standard or certificate.'],
        ['Sertifikasi sedang diproses.', 'Certification in progress.'],
        ['Memenuhi standar (SNI atau sertifikat lain).', 'Meets a standard (SNI or another certificate).'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
    {
      code: 'C10',
      name: ['Fungsi dan keamanan pakai', 'Function and safety in use'],
      levels: [
        ['Fungsi dan keamanan belum diperhatikan.', 'Function and safety not considered.'],
        ['Fungsi baik; keamanan belum diuji.', 'Works well; safety not tested.'],
        ['Fungsi baik dan aman dipakai (teruji).', 'Works well and is safe in use (tested).'],
      ],
      coaching: 'certification',
      provenance: 'placeholder',
    },
  ],
};

const ASPECT_NAMES: Record<'A' | 'B' | 'C', Pair> = {
  A: [
    'Produksi, pengembangan produk dan pengembangan masyarakat',
    'Production, product and community development',
  ],
  B: ['Pemasaran dan sejarah produk', 'Marketing and the product’s history'],
  C: ['Jenis produk, mutu dan peluang pasar', 'Product type, quality and market opportunity'],
};

const DEFAULT_NOTE: Bilingual = {
  id: 'Rubrik bawaan, silakan diubah. Aspek A mengikuti instrumen Juknis 2013; kriteria aspek B dan C serta bobotnya adalah contoh yang harus disesuaikan dengan juknis yang berlaku.',
  en: 'A default rubric, meant to be edited. Aspect A follows the 2013 Juknis instrument; the criteria of aspects B and C and their weights are placeholders to align with the guide in force.',
};

/** The default rubric of one commodity (a fresh copy each call, safe to edit). */
export function defaultRubric(commodity: RubricCommodity): Rubric {
  const aspectA: RubricAspect = {
    code: 'A',
    name: bi(ASPECT_NAMES.A),
    criteria: ASPECT_A.map(([spec, group]) => criterion(spec, 3, group)),
  };
  // Batik's instrument has 25 indicators: five in B (weight 6 each), so B still weighs 30.
  const bSpecs =
    commodity === 'kain_batik'
      ? [B_MARKET_REACH, B_CHANNELS, B_BRAND, B_PROMOTION, B_STORY]
      : [B_MARKET_REACH, B_CHANNELS, B_BRAND, B_PROMOTION, B_STORY, ...B_MORE];
  const bWeight = 30 / bSpecs.length;
  const aspectB: RubricAspect = {
    code: 'B',
    name: bi(ASPECT_NAMES.B),
    criteria: bSpecs.map((s) =>
      criterion(s, bWeight, s === B_STORY || s.code === 'B9' ? HISTORY : MARKETING),
    ),
  };
  const aspectC: RubricAspect = {
    code: 'C',
    name: bi(ASPECT_NAMES.C),
    criteria: [
      ...C_COMMON.map(([spec, group]) => criterion(spec, 4, group)),
      ...C_SPECIFIC[commodity].map((spec) => criterion(spec, 4, TYPE_QUALITY)),
    ],
  };
  const name = COMMODITY_NAMES[commodity];
  return {
    commodity,
    title: { id: `Rubrik penilaian OVOP — ${name.id}`, en: `OVOP assessment rubric — ${name.en}` },
    aspects: [aspectA, aspectB, aspectC],
    note: DEFAULT_NOTE,
  };
}

/** The default rubrics of all commodities. */
export function defaultRubrics(): Record<RubricCommodity, Rubric> {
  return Object.fromEntries(RUBRIC_COMMODITIES.map((c) => [c, defaultRubric(c)])) as Record<
    RubricCommodity,
    Rubric
  >;
}
