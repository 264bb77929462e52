/**
 * Real spreadsheet files for the import tests, made the way offices make them: exceljs workbooks
 * with merged titles, headers below them, formulas (with and without a stored result), CSV with
 * semicolons; and hostile ones: damaged, password-protected (an OLE container holding an
 * EncryptedPackage, as Office writes it), zip bombs.
 */
import zlib from 'node:zlib';

export type SheetCell =
  | string
  | number
  | Date
  | boolean
  | null
  | undefined
  | { formula: string; result?: string | number }
  | { richText: { text: string }[] };

export interface SheetSpec {
  name: string;
  rows: SheetCell[][];
  /** Ranges such as 'A1:F1'. */
  merges?: string[];
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Number formats by 1-based column (e.g. '0%'). */
  numFmts?: Record<number, string>;
}

/** An xlsx workbook with these sheets, as bytes. */
export async function xlsxOf(sheets: SheetSpec[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === undefined || value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value as never;
        const fmt = spec.numFmts?.[c + 1];
        if (fmt && r > 0) cell.numFmt = fmt;
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large IKM sheet written with the streaming writer (bench and progress tests). */
export async function bigIkmSheet(
  file: string,
  count: number,
  row: (n: number) => SheetCell[],
  header: string[],
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('IKM');
  ws.addRow(header).commit();
  for (let n = 0; n < count; n++) ws.addRow(row(n)).commit();
  ws.commit();
  await wb.commit();
}

/** A CSV file (Excel's Indonesian export: semicolons, CRLF, BOM). */
export function csvOf(rows: (string | number)[][], sep = ';'): Buffer {
  const esc = (v: string | number) => {
    const s = String(v);
    return /[";\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(esc).join(sep)).join('\r\n')}\r\n`, 'utf8');
}

// Hostile files -----------------------------------------------------------------------------------

function crc32(data: Buffer): number {
  const z = zlib as unknown as { crc32?: (d: Uint8Array) => number };
  if (z.crc32) return z.crc32(data) >>> 0;
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Deflate it (default) or store it. */
  deflate?: boolean;
  /** Declare another uncompressed size than the real one (a lying header). */
  declaredSize?: number;
}

/** A zip written by hand, so that tests can make it lie. */
export function zipOf(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflate = e.deflate ?? true;
    const body = deflate ? zlib.deflateRawSync(e.data, { level: 9 }) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * An OLE compound file (version 3, 512-byte sectors) holding the named streams — the container of
 * an Office file encrypted with a password (streams EncryptionInfo and EncryptedPackage) and of the
 * Excel 97–2003 format (stream Workbook). Streams are padded to 4,096 bytes so no mini-stream is needed.
 */
export function compoundFileOf(streams: { name: string; data: Buffer }[]): Buffer {
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const len = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const b = Buffer.alloc(len);
    s.data.copy(b);
    return { name: s.name, data: b, size: Math.max(4096, s.data.length) };
  });
  const dirEntries = 1 + padded.length;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  const total = dirSectors + dataSectors;
  const fatSectors = Math.ceil((total + 1) / (SECTOR / 4));
  const fat = Buffer.alloc(fatSectors * SECTOR, 0xff);
  const ENDOFCHAIN = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  let sector = 0;
  const chain = (count: number) => {
    const first = sector;
    for (let i = 0; i < count; i++) {
      fat.writeUInt32LE(i === count - 1 ? ENDOFCHAIN : sector + 1, sector * 4);
      sector++;
    }
    return first;
  };
  const dirStart = chain(dirSectors);
  const starts = padded.map((s) => chain(s.data.length / SECTOR));
  const fatStart = sector;
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(FATSECT, (fatStart + i) * 4);
  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (
    i: number,
    name: string,
    type: number,
    start: number,
    size: number,
    child: number,
    right: number,
  ) => {
    const at = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, at);
    dir.writeUInt16LE(n.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67);
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, ENDOFCHAIN, 0, padded.length ? 1 : 0xffffffff, 0xffffffff);
  padded.forEach((s, i) => {
    entry(i + 1, s.name, 2, starts[i]!, s.size, 0xffffffff, i + 2 <= padded.length ? i + 2 : 0xffffffff);
  });
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(ENDOFCHAIN, 60);
  header.writeUInt32LE(ENDOFCHAIN, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? fatStart + i : 0xffffffff, 76 + i * 4);
  return Buffer.concat([header, dir, ...padded.map((s) => s.data), fat]);
}

/** What Office writes for "Encrypt with Password": the agile encryption descriptor and the package. */
export function encryptedXlsx(): Buffer {
  const info = Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>',
    ),
  ]);
  const pkg = Buffer.alloc(8192);
  for (let i = 0; i < pkg.length; i++) pkg[i] = (i * 7919) & 0xff;
  return compoundFileOf([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}

/** A zip bomb: one part of `mb` megabytes of zeros, deflated to about a thousandth of that. */
export function zipBomb(mb: number): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(mb * 1024 * 1024) },
  ]);
}
