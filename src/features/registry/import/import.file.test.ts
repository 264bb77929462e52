/**
 * The import's own xlsx reader on real files: workbooks written by exceljs (as offices' tools write
 * them) and zips built by hand for what exceljs cannot write (inline strings, a formula without a
 * stored result, rows and cells without references, phonetic guides, 1904 dates), and damaged ones:
 * each must give exactly the cells the import reads, or fail with an error — never hang, never leave
 * the file open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigIkmSheet, zipOf } from '../../../../tests/helpers/sheets.ts';
import type { Cell } from './import.cells.ts';
import { openWorkbook, readFailure, type SheetRow, type Workbook } from './import.file.ts';
import { openXlsxThreaded } from './import.reader.ts';
import { isDateFormat } from './import.xlsx.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileOf(bytes: Uint8Array): string {
  const file = path.join(dir, `book-${n++}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The two ways the import reads an xlsx: in this thread, or (a large file) in a worker thread. */
const READERS: [string, (file: string, opts?: { styles?: boolean }) => Workbook][] = [
  ['this thread', (file, opts) => openWorkbook(file, 'xlsx', opts)],
  ['a worker thread', (file, opts) => openXlsxThreaded(file, opts)],
];
/** The reader of the tests running now (each block of tests below runs with both). */
let open = READERS[0]![1];

/** Every visible sheet with its rows, as the import sees them. */
async function readAll(file: string, styles = false): Promise<{ name: string; rows: SheetRow[] }[]> {
  const out: { name: string; rows: SheetRow[] }[] = [];
  for await (const sheet of open(file, { styles }).sheets) {
    const rows: SheetRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    out.push({ name: sheet.name, rows });
  }
  return out;
}

/** The rows of a one-sheet workbook as [rowNumber, cells] with holes kept as undefined. */
const plain = (rows: SheetRow[]) => rows.map((r) => [r.rowNumber, Array.from(r.cells)]);

const text = (t: string): Cell => ({ kind: 'text', text: t });
const num = (value: number): Cell => ({ kind: 'number', value });

const openFds = () => fs.readdirSync('/proc/self/fd').length;

// Hand-built workbooks ----------------------------------------------------------------------------

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface HandSheet {
  name: string;
  state?: string;
  /** The sheetData's inner XML. */
  data: string;
  /** The whole part instead, for broken XML. */
  xml?: string;
}

/** An xlsx zip written by hand: sheets listed in `sheets` order, stored in the zip in reverse. */
function handXlsx(opts: {
  sheets: HandSheet[];
  shared?: string;
  styles?: string;
  workbookPr?: string;
  /** A part to leave out of the zip. */
  drop?: string;
}): Buffer {
  const rels = opts.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const entries = [
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS} ${R_NS}>${opts.workbookPr ?? ''}<sheets>${opts.sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}">${rels}${
        opts.shared ? `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''
      }${opts.styles ? `<Relationship Id="rSt" Type="${REL}/styles" Target="/xl/styles.xml"/>` : ''}</Relationships>`,
    },
    ...(opts.shared ? [{ name: 'xl/sharedStrings.xml', data: `<sst ${NS}>${opts.shared}</sst>` }] : []),
    ...(opts.styles
      ? [{ name: 'xl/styles.xml', data: `<styleSheet ${NS}>${opts.styles}</styleSheet>` }]
      : []),
    ...opts.sheets
      .map((s, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data:
          s.xml ??
          `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.data}</sheetData></worksheet>`,
      }))
      .reverse(),
  ];
  return zipOf(
    entries
      .filter((e) => e.name !== opts.drop)
      .map((e) => ({ name: e.name, data: Buffer.from(e.data, 'utf8') })),
  );
}

describe.each(READERS)('an xlsx read in %s', (_name, reader) => {
  beforeAll(() => {
    open = reader;
  });

  describe('a workbook written by exceljs', () => {
    async function written(): Promise<string> {
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      const data = wb.addWorksheet('Data IKM');
      data.addRow(['Nama usaha', 'NIB', 'Tanggal', 'Persen', 'Aktif', 'Rumus', 'Catatan']);
      data.addRow([
        '  UD  Sagu\u00a0Lempeng ',
        9_400_000_000_001,
        new Date(Date.UTC(2026, 10, 28)),
        0.65,
        true,
        { formula: 'SUM(1,2)', result: 3 },
        { richText: [{ text: 'Kelompok ' }, { font: { bold: true }, text: 'Tenun' }] },
      ]);
      data.addRow([
        { formula: 'CONCATENATE("UD ","Rumus")', result: 'UD Rumus' },
        '9400000000002',
        null,
        null,
        false,
        { formula: 'SUM(A1:A9)' },
        { error: '#N/A' },
      ]);
      data.getCell('D2').numFmt = '0%';
      data.getCell('C2').numFmt = 'dd/mm/yyyy';
      data.getRow(5).getCell(3).value = "'0812345";
      wb.addWorksheet('Rahasia', { state: 'hidden' }).addRow(['tersembunyi']);
      wb.addWorksheet('Daftar').addRow(['Kota Ambon', 42]);
      const file = fileOf(Buffer.from(await wb.xlsx.writeBuffer()));
      return file;
    }

    it('gives the visible sheets in order with the exact cells, dates and percentages as numbers without styles', async () => {
      const sheets = await readAll(await written());
      expect(sheets.map((s) => s.name)).toEqual(['Data IKM', 'Daftar']);
      const serial = 25569 + Date.UTC(2026, 10, 28) / 86_400_000;
      expect(plain(sheets[0]!.rows)).toEqual([
        [1, ['Nama usaha', 'NIB', 'Tanggal', 'Persen', 'Aktif', 'Rumus', 'Catatan'].map(text)],
        [
          2,
          [
            text('UD Sagu Lempeng'),
            num(9_400_000_000_001),
            num(serial),
            num(0.65),
            { kind: 'bool', value: true },
            num(3),
            text('Kelompok Tenun'),
          ],
        ],
        [
          3,
          [
            text('UD Rumus'),
            text('9400000000002'),
            undefined,
            undefined,
            { kind: 'bool', value: false },
            { kind: 'formula_without_value' },
            { kind: 'error', code: '#N/A' },
          ],
        ],
        [5, [undefined, undefined, text('0812345')]],
      ]);
      expect(plain(sheets[1]!.rows)).toEqual([[1, [text('Kota Ambon'), num(42)]]]);
    });

    it('with styles, gives date-formatted numbers as dates and percent-formatted ones as percentages', async () => {
      const [data] = await readAll(await written(), true);
      expect(data!.rows[1]!.cells.slice(2, 4)).toEqual([
        { kind: 'date', value: new Date(Date.UTC(2026, 10, 28)) },
        { kind: 'number', value: 0.65, percent: true },
      ]);
      expect(data!.rows[0]!.cells[0]).toEqual(text('Nama usaha'));
    });
  });

  describe('what exceljs cannot write', () => {
    it('reads inline strings, str results, errors, booleans, formulas without a stored value and escapes', async () => {
      const file = fileOf(
        handXlsx({
          sheets: [
            {
              name: 'IKM &amp; Sentra',
              data:
                '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">  Ibu </t></is></c>' +
                '<c r="B2" t="inlineStr"><is><r><t>Tenun </t></r><r><rPr><b/></rPr><t>Ikat</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>' +
                '<c r="C2" t="str"><f>A2&amp;"x"</f><v>Hasil &lt;rumus&gt;</v></c>' +
                '<c r="D2"><f>SUM(A1:A9)</f></c>' +
                '<c r="E2" t="str"><f>X()</f></c>' +
                '<c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
                '<c r="G2" t="b"><v>1</v></c>' +
                '<c r="H2" t="inlineStr"><is><t>baris_x000D_\nkedua</t></is></c>' +
                '<c r="I2" t="n"><v>1.5E3</v></c>' +
                '<c r="J2"><v> </v></c>' +
                '<c r="K2" t="s"><v>0</v></c>' +
                '</row>',
            },
          ],
          shared: '<si><t>dibagi</t></si>',
        }),
      );
      const [sheet] = await readAll(file);
      expect(sheet!.name).toBe('IKM & Sentra');
      expect(plain(sheet!.rows)).toEqual([
        [
          2,
          [
            text('Ibu'),
            text('Tenun Ikat'),
            text('Hasil <rumus>'),
            { kind: 'formula_without_value' },
            { kind: 'formula_without_value' },
            { kind: 'error', code: '#DIV/0!' },
            { kind: 'bool', value: true },
            text('baris\nkedua'),
            num(1500),
            undefined,
            text('dibagi'),
          ],
        ],
      ]);
    });

    it('counts rows and cells that carry no reference, and ignores columns past the 200th', async () => {
      const file = fileOf(
        handXlsx({
          sheets: [
            {
              name: 'Tanpa r',
              data:
                '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
                '<row/>' +
                '<row r="7"><c r="C7"><v>7</v></c><c r="GR7"><v>200</v></c><c r="GS7"><v>201</v></c><c><v>202</v></c></row>' +
                '<row><c><v>8</v></c></row>',
            },
          ],
        }),
      );
      const [sheet] = await readAll(file);
      const rows = sheet!.rows;
      expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 7, 8]);
      expect(Array.from(rows[0]!.cells)).toEqual([text('a'), num(1), undefined, undefined, num(5), num(6)]);
      expect(rows[1]!.cells).toEqual([]);
      expect(rows[2]!.cells[2]).toEqual(num(7));
      expect(rows[2]!.cells[199]).toEqual(num(200));
      expect(rows[2]!.cells.length).toBe(200);
      expect(Array.from(rows[3]!.cells)).toEqual([num(8)]);
    });

    it('follows the workbook order, skips hidden and very hidden sheets, and joins rich shared strings', async () => {
      const file = fileOf(
        handXlsx({
          sheets: [
            { name: 'Petunjuk', data: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' },
            { name: 'Lama', state: 'hidden', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
            { name: 'Kode', state: 'veryHidden', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
            { name: 'Data', state: 'visible', data: '<row r="3"><c r="B3" t="s"><v>0</v></c></row>' },
          ],
          shared:
            '<si><r><t xml:space="preserve">UD </t></r><r><rPr><i/></rPr><t>Mutiara</t></r><rPh><t>x</t></rPh></si>' +
            '<si><t xml:space="preserve"> Isi  di bawah </t></si>',
        }),
      );
      const sheets = await readAll(file);
      expect(sheets.map((s) => s.name)).toEqual(['Petunjuk', 'Data']);
      expect(plain(sheets[0]!.rows)).toEqual([[1, [text('Isi di bawah')]]]);
      expect(plain(sheets[1]!.rows)).toEqual([[3, [undefined, text('UD Mutiara')]]]);
    });

    it('reads custom and built-in date formats, percentages and the 1904 date system when styles are asked for', async () => {
      const book = (workbookPr = '') =>
        fileOf(
          handXlsx({
            workbookPr,
            sheets: [
              {
                name: 'Produk',
                data:
                  '<row r="1"><c r="A1" s="1"><v>46354</v></c><c r="B1" s="2"><v>46354.5</v></c>' +
                  '<c r="C1" s="3"><v>0.25</v></c><c r="D1" s="4"><v>12</v></c><c r="E1" s="5"><v>46354</v></c>' +
                  '<c r="F1" s="6"><v>0.5</v></c><c r="G1" s="1"><f>TODAY()</f><v>46354</v></c>' +
                  // A NIB typed into a date column: past the calendar's end, it stays a number.
                  '<c r="H1" s="1"><v>9120001234567</v></c></row>',
              },
            ],
            styles:
              '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot;d&quot;"/>' +
              '<numFmt numFmtId="166" formatCode="[$-421]dd\\ mmmm\\ yyyy"/></numFmts>' +
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
              '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="9"/>' +
              '<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/></cellXfs>',
          }),
        );
      const day = new Date(Date.UTC(2026, 10, 28));
      const [styled] = await readAll(book(), true);
      expect(Array.from(styled!.rows[0]!.cells)).toEqual([
        { kind: 'date', value: day },
        { kind: 'date', value: new Date(Date.UTC(2026, 10, 28, 12)) },
        { kind: 'number', value: 0.25, percent: true },
        num(12),
        { kind: 'date', value: day },
        { kind: 'number', value: 0.5, percent: true },
        { kind: 'date', value: day },
        num(9_120_001_234_567),
      ]);
      const [in1904] = await readAll(book('<workbookPr date1904="1"/>'), true);
      expect(in1904!.rows[0]!.cells[0]).toEqual({ kind: 'date', value: new Date(Date.UTC(2030, 10, 29)) });
      const [bare] = await readAll(book(), false);
      expect(Array.from(bare!.rows[0]!.cells)).toEqual(
        [46354, 46354.5, 0.25, 12, 46354, 0.5, 46354, 9_120_001_234_567].map(num),
      );
    });

    it('knows a date format from a number format', () => {
      for (const f of [
        'dd/mm/yyyy',
        'd-mmm-yy',
        '[h]:mm:ss',
        '[$-421]dd mmmm yyyy',
        'yyyy"年"m"月"',
        'HH:MM',
      ])
        expect(isDateFormat(f), f).toBe(true);
      for (const f of [
        'General',
        '0.00%',
        '#,##0',
        '0.0"d"',
        '[Red]0',
        '@',
        '0.00E+00',
        '_(* #,##0_)',
        '"Rp" #,##0',
      ])
        expect(isDateFormat(f), f).toBe(false);
    });
  });

  describe('damaged files and early stops', () => {
    const sheetOf = (rows: number) =>
      handXlsx({
        sheets: [
          {
            name: 'Data',
            data: Array.from(
              { length: rows },
              (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
            ).join(''),
          },
          { name: 'Lain', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        ],
      });

    it('fails on a truncated file, a damaged sheet and malformed XML, and closes the file', async () => {
      const fds = openFds();
      const whole = sheetOf(2000);
      const truncated = fileOf(whole.subarray(0, Math.floor(whole.length * 0.6)));
      await expect(readAll(truncated)).rejects.toThrow();

      // The sheet's deflated bytes scrambled in the middle (the central directory intact).
      const damaged = Buffer.from(whole);
      const at = damaged.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 40;
      for (let i = at; i < at + 64; i++) damaged[i] = (damaged[i]! * 7 + 13) & 0xff;
      await expect(readAll(fileOf(damaged))).rejects.toThrow();
      // Read as the import looks for its header: the rows fail and the sheets are never returned to.
      const sheets = open(fileOf(damaged)).sheets[Symbol.asyncIterator]();
      const rows = (await sheets.next()).value!.rows[Symbol.asyncIterator]();
      await expect(
        (async () => {
          for (;;) if ((await rows.next()).done) return;
        })(),
      ).rejects.toThrow();

      const malformed = handXlsx({ sheets: [{ name: 'Data', data: '<row r="1"><c r="A1"><v>1</c></row>' }] });
      const err = await readAll(fileOf(malformed)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(readFailure(err).length).toBeLessThanOrEqual(120);

      // A sheet that stops before its end tags: a sound zip holding unfinished XML.
      const unfinished = handXlsx({
        sheets: [
          {
            name: 'Data',
            data: '',
            xml: `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`,
          },
        ],
      });
      await expect(readAll(fileOf(unfinished))).rejects.toThrow();

      await expect(readAll(fileOf(Buffer.from('not a zip at all')))).rejects.toThrow();
      const missing = handXlsx({
        sheets: [{ name: 'Data', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
        drop: 'xl/worksheets/sheet1.xml',
      });
      await expect(readAll(fileOf(missing))).rejects.toThrow(
        'a part the workbook names is missing from the file',
      );
      await new Promise((r) => setTimeout(r, 50));
      // At most as many as before: other work in this worker (a database pool) may close its own meanwhile.
      expect(openFds()).toBeLessThanOrEqual(fds);
    });

    it('refuses XML nested too deeply and a cell of megabytes before holding them, and closes the file', async () => {
      const fds = openFds();
      const deep = handXlsx({
        sheets: [{ name: 'Data', data: `<row r="1"><c r="A1"><v>1</v></c></row>${'<x>'.repeat(100_000)}` }],
      });
      await expect(readAll(fileOf(deep))).rejects.toThrow('the XML nests deeper than 64 levels');
      const hugeCell = handXlsx({
        sheets: [
          {
            name: 'Data',
            data: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(3 << 20)}</t></is></c></row>`,
          },
        ],
      });
      await expect(readAll(fileOf(hugeCell))).rejects.toThrow(
        'a cell or tag of the file is larger than 1 MB',
      );
      // Split into many CDATA sections, each small: the cell's whole text is still counted.
      const pieces = handXlsx({
        sheets: [
          {
            name: 'Data',
            data: `<row r="1"><c r="A1" t="str"><v>${'<![CDATA[bbbbbbbb]]>'.repeat(200_000)}</v></c></row>`,
          },
        ],
      });
      await expect(readAll(fileOf(pieces))).rejects.toThrow('a cell or tag of the file is larger than 1 MB');
      const hugeShared = handXlsx({
        sheets: [{ name: 'Data', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
        shared: `<si>${'<r><t>cccccccccc</t></r>'.repeat(200_000)}</si>`,
      });
      await expect(readAll(fileOf(hugeShared))).rejects.toThrow(
        'a cell or tag of the file is larger than 1 MB',
      );
      await new Promise((r) => setTimeout(r, 50));
      // At most as many as before: other work in this worker (a database pool) may close its own meanwhile.
      expect(openFds()).toBeLessThanOrEqual(fds);
    });

    it('closes the file when the reader stops early, whichever loop is left', async () => {
      const file = fileOf(sheetOf(5000));
      const fds = openFds();
      // Leaving the rows loop and the sheets loop with break.
      for await (const sheet of open(file).sheets) {
        let seen = 0;
        for await (const _ of sheet.rows) if (++seen === 10) break;
        expect(seen).toBe(10);
        break;
      }
      // As the import does: a sheet's rows held while the workbook is closed under them.
      const wb = open(file);
      const sheets = wb.sheets[Symbol.asyncIterator]();
      const first = await sheets.next();
      const rows = first.value!.rows[Symbol.asyncIterator]();
      expect((await rows.next()).value).toEqual({ rowNumber: 1, cells: [num(0)] });
      await sheets.return?.(undefined);
      // Moving to the next sheet without reading the first to its end.
      const names: string[] = [];
      for await (const sheet of open(file).sheets) {
        names.push(sheet.name);
        const it = sheet.rows[Symbol.asyncIterator]();
        await it.next();
      }
      expect(names).toEqual(['Data', 'Lain']);
      await new Promise((r) => setTimeout(r, 50));
      // At most as many as before: other work in this worker (a database pool) may close its own meanwhile.
      expect(openFds()).toBeLessThanOrEqual(fds);
    });

    it('reports progress from 0 to 1 as the sheet is read, rising', async () => {
      const file = path.join(dir, 'big.xlsx');
      await bigIkmSheet(file, 20_000, (i) => [`UD ${i}`, `Pemilik ${i}`, String(9_400_000_000_000 + i), i], [
        'Nama usaha',
        'Nama pemilik',
        'NIB',
        'Angka',
      ]);
      const wb = open(file);
      expect(wb.progress()).toBe(0);
      const seen: number[] = [];
      let count = 0;
      let last: SheetRow | undefined;
      for await (const sheet of wb.sheets)
        for await (const row of sheet.rows) {
          if (++count % 2000 === 0) seen.push(wb.progress());
          last = row;
        }
      expect(count).toBe(20_001);
      expect(last).toEqual({
        rowNumber: 20_001,
        cells: [text('UD 19999'), text('Pemilik 19999'), text('9400000019999'), num(19_999)],
      });
      expect(seen.length).toBe(10);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
      expect(seen[0]!).toBeLessThan(0.2);
      expect(seen[9]!).toBeGreaterThan(0.9);
      expect(wb.progress()).toBe(1);
    });
  });
});
