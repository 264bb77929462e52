import { defineMessages } from '../../platform/i18n.ts';

export const regionsText = defineMessages({
  title: { id: 'Wilayah', en: 'Regions' },
  intro: {
    id: 'Kode Kemendagri adalah kunci utama; kode BPS disimpan di sampingnya karena empat kabupaten memiliki kode berbeda di kedua skema.',
    en: 'The Kemendagri code is the key; the BPS code is kept beside it because four regencies have different codes in the two schemes.',
  },
  code: { id: 'Kode Kemendagri', en: 'Kemendagri code' },
  bpsCode: { id: 'Kode BPS', en: 'BPS code' },
  name: { id: 'Nama', en: 'Name' },
  level: { id: 'Tingkat', en: 'Level' },
  children: { id: 'Wilayah di bawahnya', en: 'Sub-regions' },
  kabkotaOf: { id: 'Kabupaten/kota di {name}', en: 'Regencies/cities of {name}' },
  kecamatanOf: { id: 'Kecamatan di {name}', en: 'Districts of {name}' },
  childrenOf: { id: 'Wilayah di bawah {name}', en: 'Regions below {name}' },
  bpsDiffers: { id: 'berbeda dari kode Kemendagri', en: 'differs from the Kemendagri code' },
  noChildren: { id: 'Belum ada data wilayah di bawahnya.', en: 'No sub-regions recorded yet.' },
});
