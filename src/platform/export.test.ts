import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvText, safeCellText, xlsxResponse } from './export.ts';

describe('spreadsheet exports', () => {
  it('neutralises formula injection in text cells', () => {
    expect(safeCellText('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(safeCellText("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(safeCellText('-2+3+cmd|x!A0')).toBe("'-2+3+cmd|x!A0");
    expect(safeCellText('-Tenun')).toBe("'-Tenun");
    expect(safeCellText('\t=1')).toBe("'\t=1");
    // A signed number calls nothing: phone numbers and negative counts stay as they are.
    expect(safeCellText('+6281234567890')).toBe('+6281234567890');
    expect(safeCellText('+62 812-4000 (rumah)')).toBe("'+62 812-4000 (rumah)");
    expect(safeCellText('+62 812-4000')).toBe('+62 812-4000');
    expect(safeCellText('-1')).toBe('-1');
    expect(safeCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCellText('Tenun ikat')).toBe('Tenun ikat');
  });

  it('writes an xlsx whose cells hold values, never formulas', async () => {
    const res = xlsxResponse('daftar.xlsx', [
      {
        name: 'IKM',
        columns: [{ header: 'Nama' }, { header: 'Investasi', numFmt: '#,##0' }],
        rows: [
          ['=1+1', 1250000n],
          ['Kain Tenun Tanimbar', 9007199254740993n],
        ],
      },
    ]);
    expect(res.headers.get('content-disposition')).toContain('daftar.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('IKM')!;
    expect(ws.getCell('A1').value).toBe('Nama');
    expect(ws.getCell('A2').value).toBe("'=1+1");
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').value).toBe(1250000);
    // Beyond 2^53 a number would lose digits: it is written as text instead.
    expect(ws.getCell('B3').value).toBe('9007199254740993');
  });

  it('writes CSV with a BOM and quoted fields', async () => {
    const text = await csvText({
      name: 'x',
      columns: [{ header: 'Nama' }, { header: 'Catatan' }],
      rows: [['Toko "Pala", Banda', '=cmd|']],
    });
    expect(text.startsWith('\uFEFFNama,Catatan\r\n')).toBe(true);
    expect(text).toContain('"Toko ""Pala"", Banda",\'=cmd|');
  });
});
