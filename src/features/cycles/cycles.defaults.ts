/**
 * Starting values for a new cycle. The official document list (Permenperin 14/2021 annexes) and the
 * score bands were NOT FOUND (brief §7): these follow the brief's summary and are all editable.
 */
import { COMMODITIES, type ChecklistDocumentKind, type Commodity } from '../../platform/domain.ts';
import type { FileKind } from '../../platform/files.ts';
import { defaultStarBands } from './cycles.rules.ts';

export interface ChecklistDefault {
  code: string;
  labelId: string;
  labelEn: string;
  required: boolean;
  fileKinds: FileKind[];
  validOnDeadline: boolean;
  satisfiedBy: ChecklistDocumentKind[];
}

const scan: FileKind[] = ['pdf', 'jpeg', 'png'];

/** What every commodity asks for (brief §1.5: proposed by the kab/kota, in a decreed sentra, with a NIB). */
const COMMON: ChecklistDefault[] = [
  {
    code: 'surat_usulan',
    labelId: 'Surat usulan dari dinas kabupaten/kota',
    labelEn: 'Proposal letter from the regency/city office',
    required: true,
    fileKinds: ['pdf'],
    validOnDeadline: false,
    satisfiedBy: [],
  },
  {
    code: 'nib',
    labelId: 'Nomor Induk Berusaha (NIB)',
    labelEn: 'Business identity number (NIB)',
    required: true,
    fileKinds: scan,
    validOnDeadline: false,
    satisfiedBy: ['nib'],
  },
  {
    code: 'sk_sentra',
    labelId: 'SK bupati/walikota penetapan sentra IKM',
    labelEn: 'Regent/mayor decree setting up the IKM centre',
    required: true,
    fileKinds: scan,
    validOnDeadline: false,
    satisfiedBy: [],
  },
  {
    code: 'profil_ikm',
    labelId: 'Profil IKM dan cerita produk',
    labelEn: 'IKM profile and product story',
    required: true,
    fileKinds: ['pdf', 'docx'],
    validOnDeadline: false,
    satisfiedBy: [],
  },
  {
    code: 'foto_produk',
    labelId: 'Foto produk',
    labelEn: 'Product photos',
    required: true,
    fileKinds: ['jpeg', 'png', 'webp'],
    validOnDeadline: false,
    satisfiedBy: [],
  },
  {
    code: 'merek',
    labelId: 'Bukti pendaftaran merek',
    labelEn: 'Trademark registration',
    required: false,
    fileKinds: scan,
    validOnDeadline: false,
    satisfiedBy: ['trademark'],
  },
];

/** Food and drink only (brief §1.5, NTB 2024): distribution permit, halal, laboratory test, each valid on the deadline. */
const FOOD: ChecklistDefault[] = [
  {
    code: 'izin_edar',
    labelId: 'Izin edar pangan (PIRT atau BPOM MD)',
    labelEn: 'Food distribution permit (PIRT or BPOM MD)',
    required: true,
    fileKinds: scan,
    validOnDeadline: true,
    satisfiedBy: ['pirt', 'bpom_md'],
  },
  {
    code: 'sertifikat_halal',
    labelId: 'Sertifikat halal',
    labelEn: 'Halal certificate',
    required: true,
    fileKinds: scan,
    validOnDeadline: true,
    satisfiedBy: ['halal'],
  },
  {
    code: 'uji_lab',
    labelId: 'Hasil uji laboratorium keamanan pangan',
    labelEn: 'Food-safety laboratory test results',
    required: true,
    fileKinds: scan,
    validOnDeadline: true,
    satisfiedBy: ['lab_test'],
  },
];

export function defaultChecklist(commodity: Commodity): ChecklistDefault[] {
  return commodity === 'makanan_minuman' ? [...COMMON.slice(0, 3), ...FOOD, ...COMMON.slice(3)] : COMMON;
}

/** The five OVOP commodities (not "lainnya") a new cycle covers by default. */
export const DEFAULT_COMMODITIES: Commodity[] = COMMODITIES.filter((c) => c !== 'lainnya');

/** The form's values for a new cycle: bands, commodities and checklists from the defaults. */
export function newCycleValues(): Record<string, unknown> {
  const values: Record<string, unknown> = {
    year: String(new Date().getFullYear()),
    kind: 'provincial_preselection',
    starScale: '3',
  };
  for (const b of defaultStarBands(3)) {
    values[`bands.${b.stars - 1}.min`] = String(b.min);
    values[`bands.${b.stars - 1}.max`] = String(b.max);
  }
  COMMODITIES.forEach((c, i) => {
    if (DEFAULT_COMMODITIES.includes(c)) values[`commodities.${i}.included`] = 'on';
  });
  return values;
}
