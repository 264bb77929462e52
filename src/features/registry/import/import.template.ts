/**
 * The downloadable templates: a data sheet with the kind's columns and dropdowns (kab/kota,
 * commodity, units, periods, ya/tidak) fed from a lists sheet, and an instructions sheet in
 * Indonesian and English. Headers are in the reader's language; the import reads either.
 */
import type { Lang } from '../../../platform/domain.ts';
import { translator } from '../../../platform/i18n.ts';
import { CAPACITY_UNITS, COMMODITIES } from '../../../platform/registry-domain.ts';
import type { ImportKind } from '../../../platform/registry-import-domain.ts';
import { commodityLabel } from '../registry.messages.ts';
import type { RegionInfo } from '../registry.service.ts';
import { COLUMNS, type ColumnList, columnLetter } from './import.columns.ts';
import { importText } from './import.messages.ts';

/** Rows of the data sheet that carry the dropdowns. */
const DATA_ROWS = 5000;

const PERIODS = { id: ['hari', 'minggu', 'bulan', 'tahun'], en: ['day', 'week', 'month', 'year'] };
const YES_NO = { id: ['ya', 'tidak'], en: ['yes', 'no'] };

const GENERAL: Record<Lang, string[]> = {
  id: [
    'Isi satu baris untuk setiap data, mulai baris 2 lembar pertama. Jangan ubah judul kolom; kolom boleh ditukar urutannya, dan kolom yang tidak diperlukan boleh dihapus.',
    'Lembar kerja sendiri juga diterima: baris judul boleh berada di bawah judul laporan (sampai baris 30), judul kolom dikenali walau berbeda sedikit (huruf besar/kecil, singkatan, bahasa Inggris).',
    'Angka boleh ditulis cara Indonesia: 1.250.000 atau 2,5 atau 150 juta. Tanggal: 28/11/2026 (tanggal/bulan/tahun).',
    'Kabupaten/kota boleh ditulis dengan nama (Kota Ambon, Kab. Buru, Maluku Tengah) atau kode Kemendagri (81.71).',
    'Sebelum apa pun disimpan, Anda melihat pratinjau setiap masalah per baris dan kolom, lalu memilih: impor semua baris yang dapat disimpan, atau hanya baris tanpa masalah.',
    'Impor ulang lembar yang sama memperbarui data (IKM menurut NIB; sentra menurut nama di kabupaten/kota-nya; produk menurut nama di IKM-nya), tidak menambah data ganda. Kolom yang tidak ada di lembar Anda membiarkan nilai yang tersimpan; sel kosong di kolom yang ada mengosongkannya.',
    'Rumus tidak dihitung ulang: yang dibaca adalah hasil yang tersimpan di berkas. Simpan berkas di Excel sebelum mengunggah.',
    'Urutan impor: sentra dulu, lalu IKM (kolom Sentra menyebut nama sentranya), lalu produk (kolom NIB IKM).',
  ],
  en: [
    'Fill in one row for each record, from row 2 of the first sheet. Do not change the column headers; columns may be reordered, and columns you do not need may be deleted.',
    'Your own sheets are accepted too: the header row may sit below a report title (up to row 30), and headers are recognised even when they differ a little (case, abbreviations, Indonesian or English).',
    'Numbers may be written the Indonesian way: 1.250.000 or 2,5 or 150 juta. Dates: 28/11/2026 (day/month/year).',
    'A regency/city may be written as its name (Kota Ambon, Kab. Buru, Maluku Tengah) or its Kemendagri code (81.71).',
    'Before anything is saved you see a preview of every problem by row and column, then choose: import every row that can be saved, or only the rows without problems.',
    'Importing the same sheet again updates the records (IKMs by NIB; centres by name within their regency/city; products by name within their IKM) and adds no duplicates. A column your sheet lacks leaves stored values as they are; an empty cell in a column it has clears the value.',
    'Formulas are not computed again: the result stored in the file is what is read. Save the file in Excel before uploading it.',
    'Import order: centres first, then IKMs (the Centre column names their centre), then products (the IKM NIB column).',
  ],
};

/** The template for a kind as xlsx bytes; `kabkota` is what the reader may choose (their own only, for an officer). */
export async function templateXlsx(
  kind: ImportKind,
  lang: Lang,
  kabkota: RegionInfo[],
  kecamatan: RegionInfo[],
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const t = translator(importText, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OVOP';
  const kindName = { sentra: t('kindSentra'), ikm: t('kindIkm'), products: t('kindProducts') }[kind];
  const columns = COLUMNS[kind];
  const data = wb.addWorksheet(kindName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet(t('instructions'));
  const listsName = t('lists');
  const lists = wb.addWorksheet(listsName);

  // Lists: each closed set in its own column, fed to the dropdowns.
  const listValues: Record<ColumnList, string[]> = {
    kabkota: kabkota.map((k) => k.name),
    commodity: COMMODITIES.map((c) => commodityLabel(c, lang)),
    unit: [...CAPACITY_UNITS],
    period: PERIODS[lang],
    yesno: YES_NO[lang],
  };
  const listHeads: Record<ColumnList, string> = {
    kabkota: lang === 'id' ? 'Kabupaten/kota' : 'Regency/city',
    commodity: lang === 'id' ? 'Komoditas' : 'Commodity',
    unit: lang === 'id' ? 'Satuan' : 'Unit',
    period: lang === 'id' ? 'Periode' : 'Period',
    yesno: lang === 'id' ? 'Ya/tidak' : 'Yes/no',
  };
  const listOrder: ColumnList[] = ['kabkota', 'commodity', 'unit', 'period', 'yesno'];
  const ranges = new Map<ColumnList, string>();
  listOrder.forEach((list, i) => {
    const letter = columnLetter(i);
    lists.getCell(`${letter}1`).value = listHeads[list];
    lists.getCell(`${letter}1`).font = { bold: true };
    listValues[list].forEach((v, r) => {
      lists.getCell(`${letter}${r + 2}`).value = v;
    });
    lists.getColumn(i + 1).width = Math.max(14, ...listValues[list].map((v) => v.length + 2));
    ranges.set(list, `${listsName}!$${letter}$2:$${letter}$${listValues[list].length + 1}`);
  });
  // Kecamatan, for reference: names repeat across kab/kota, so they are not a dropdown.
  const kecLetter = columnLetter(listOrder.length + 1);
  lists.getCell(`${kecLetter}1`).value =
    lang === 'id' ? 'Kecamatan (kabupaten/kota)' : 'District (regency/city)';
  lists.getCell(`${kecLetter}1`).font = { bold: true };
  const names = new Map(kabkota.map((k) => [k.code, k.name]));
  kecamatan
    .filter((k) => names.has(k.parentCode ?? ''))
    .forEach((k, r) => {
      lists.getCell(`${kecLetter}${r + 2}`).value = `${k.name} (${names.get(k.parentCode!)})`;
    });
  lists.getColumn(listOrder.length + 2).width = 48;

  // The data sheet: headers, widths, dropdowns.
  columns.forEach((c, i) => {
    const cell = data.getCell(1, i + 1);
    cell.value = c.label[lang] as string;
    cell.font = { bold: true };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFCE4B6' : 'FFE7EEF6' },
    };
    cell.note = c.hint[lang] as string;
    data.getColumn(i + 1).width = c.width ?? Math.max(12, (c.label[lang] as string).length + 2);
    if (c.type === 'identifier' || c.key === 'kabkota') data.getColumn(i + 1).numFmt = '@';
    if (c.list) {
      const letter = columnLetter(i);
      // exceljs has the range API but not its type.
      (data as unknown as { dataValidations: { add(range: string, v: unknown): void } }).dataValidations.add(
        `${letter}2:${letter}${DATA_ROWS + 1}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [ranges.get(c.list)!],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: c.label[lang] as string,
          error: c.hint[lang] as string,
        },
      );
    }
  });

  // Instructions, Indonesian then English.
  guide.getColumn(1).width = 34;
  guide.getColumn(2).width = 14;
  guide.getColumn(3).width = 80;
  guide.getColumn(4).width = 26;
  let r = 1;
  for (const l of ['id', 'en'] as const) {
    const tl = translator(importText, l);
    const title = guide.getCell(r, 1);
    title.value = `${tl('title')} — ${{ sentra: tl('kindSentra'), ikm: tl('kindIkm'), products: tl('kindProducts') }[kind]}`;
    title.font = { bold: true, size: 14 };
    r += 2;
    for (const line of GENERAL[l]) {
      guide.getCell(r, 1).value = `• ${line}`;
      guide.mergeCells(r, 1, r, 4);
      guide.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
      guide.getRow(r).height = 32;
      r++;
    }
    r++;
    const head =
      l === 'id'
        ? ['Kolom', 'Wajib?', 'Cara mengisi', 'Contoh']
        : ['Column', 'Required?', 'How to fill it in', 'Example'];
    head.forEach((h, i) => {
      guide.getCell(r, i + 1).value = h;
      guide.getCell(r, i + 1).font = { bold: true };
    });
    r++;
    for (const c of columns) {
      guide.getCell(r, 1).value = c.label[l] as string;
      guide.getCell(r, 2).value = c.required ? tl('required') : tl('optional');
      guide.getCell(r, 3).value = c.hint[l] as string;
      guide.getCell(r, 3).alignment = { wrapText: true, vertical: 'top' };
      guide.getCell(r, 4).value = c.example;
      r++;
    }
    r += 2;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
