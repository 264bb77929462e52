/**
 * Checks an uploaded workbook before any parser touches it. An xlsx is a zip: its central directory
 * is read first (entry count, declared sizes, compression ratios), the local entries must follow
 * one another exactly (no hidden or overlapping entries: a streaming unzipper reads local headers),
 * and every entry is then inflated into nothing, counting bytes, so a size that lies is caught too.
 * An OLE compound file is Excel 97–2003, or — holding an EncryptedPackage — a password-protected
 * xlsx. Inflating runs on zlib's thread pool in small chunks: the server keeps answering meanwhile.
 */
import zlib from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** Total uncompressed bytes. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed for an entry above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Room for a 100,000-row sheet (≈ 60 MB of XML) and its shared strings; far below what a bomb reaches. */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipProblem =
  | { kind: 'corrupt'; detail: string }
  | { kind: 'too_many_entries'; count: number; max: number }
  | { kind: 'too_large'; bytes: number; max: number }
  | { kind: 'ratio'; part: string; ratio: number }
  | { kind: 'unsupported'; detail: string };

/** The file cannot be read safely; `problem` says why. */
export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
  }
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;

const corrupt = (detail: string) => new ZipRefused({ kind: 'corrupt', detail });

function u16(b: Buffer, at: number): number {
  if (at + 2 > b.length) throw corrupt('truncated');
  return b.readUInt16LE(at);
}
function u32(b: Buffer, at: number): number {
  if (at + 4 > b.length) throw corrupt('truncated');
  return b.readUInt32LE(at);
}
function u64(b: Buffer, at: number): number {
  if (at + 8 > b.length) throw corrupt('truncated');
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('size out of range');
  return Number(v);
}

/** The 64-bit values of a central entry's ZIP64 extra field, in the order the spec gives them. */
function zip64Extra(b: Buffer, start: number, length: number, e: Entry): void {
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    const id = u16(b, p);
    const size = u16(b, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (e.uncompressed === 0xffffffff) {
        e.uncompressed = u64(b, q);
        q += 8;
      }
      if (e.compressed === 0xffffffff) {
        e.compressed = u64(b, q);
        q += 8;
      }
      if (e.offset === 0xffffffff) e.offset = u64(b, q);
      return;
    }
    p += 4 + size;
  }
}

function findEocd(b: Buffer): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) if (b.readUInt32LE(i) === SIG_EOCD) return i;
  throw corrupt('no end of archive');
}

/** Reads the central directory, refusing by the declared numbers before anything is inflated. */
export function readDirectory(b: Buffer, limits: ZipLimits): { entries: Entry[]; centralStart: number } {
  if (b.length < 22) throw corrupt('truncated');
  const eocd = findEocd(b);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0)
    throw new ZipRefused({ kind: 'unsupported', detail: 'multi-disk archive' });
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let start = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== SIG_EOCD64_LOCATOR) throw corrupt('ZIP64 locator missing');
    const at = u64(b, locator + 8);
    if (u32(b, at) !== SIG_EOCD64) throw corrupt('ZIP64 record missing');
    count = u64(b, at + 32);
    size = u64(b, at + 40);
    start = u64(b, at + 48);
  }
  if (count > limits.maxEntries)
    throw new ZipRefused({ kind: 'too_many_entries', count, max: limits.maxEntries });
  if (count === 0) throw corrupt('empty archive');
  if (start + size > b.length) throw corrupt('truncated');
  const entries: Entry[] = [];
  let p = start;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (u32(b, p) !== SIG_CENTRAL) throw corrupt('bad directory');
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const e: Entry = {
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      crc: u32(b, p + 16),
      compressed: u32(b, p + 20),
      uncompressed: u32(b, p + 24),
      offset: u32(b, p + 42),
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
    };
    zip64Extra(b, p + 46 + nameLen, extraLen, e);
    if (e.flags & 0x1) throw new ZipRefused({ kind: 'unsupported', detail: 'encrypted entries' });
    if (e.method !== 0 && e.method !== 8)
      throw new ZipRefused({ kind: 'unsupported', detail: `compression method ${e.method}` });
    if (e.method === 0 && e.compressed !== e.uncompressed) throw corrupt('stored entry sizes differ');
    total += e.uncompressed;
    if (total > limits.maxTotalBytes)
      throw new ZipRefused({ kind: 'too_large', bytes: total, max: limits.maxTotalBytes });
    if (e.uncompressed > limits.ratioFloorBytes) {
      const ratio = e.uncompressed / Math.max(1, e.compressed);
      if (ratio > limits.maxRatio)
        throw new ZipRefused({ kind: 'ratio', part: e.name, ratio: Math.round(ratio) });
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, centralStart: start };
}

/** Where each entry's data lies; the entries must tile the file from 0 to the directory. */
function dataRanges(
  b: Buffer,
  entries: Entry[],
  centralStart: number,
): { entry: Entry; start: number; end: number }[] {
  const sorted = [...entries].sort((x, y) => x.offset - y.offset);
  const out: { entry: Entry; start: number; end: number }[] = [];
  let expected = 0;
  for (const e of sorted) {
    if (e.offset !== expected)
      throw corrupt(e.offset < expected ? 'overlapping entries' : 'data outside the directory');
    if (u32(b, e.offset) !== SIG_LOCAL) throw corrupt('bad entry header');
    const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
    const end = start + e.compressed;
    if (end > centralStart) throw corrupt('truncated');
    let next = end;
    if (e.flags & 0x8) {
      // A data descriptor follows: optional signature, crc, then 4- or 8-byte sizes.
      const sig = next + 4 <= b.length && b.readUInt32LE(next) === SIG_DESCRIPTOR ? 4 : 0;
      const zip64 = e.compressed >= 0xffffffff || e.uncompressed >= 0xffffffff;
      next += sig + 4 + (zip64 ? 16 : 8);
    }
    out.push({ entry: e, start, end });
    expected = next;
  }
  if (expected !== centralStart) throw corrupt('data outside the directory');
  return out;
}

const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Inflates one entry into nothing, counting its bytes; refuses when it grows past what it declared. */
async function inflateCounting(data: Buffer, entry: Entry, budget: number): Promise<number> {
  const cap = Math.min(entry.uncompressed, budget);
  let bytes = 0;
  let crc = 0;
  if (entry.method === 0) {
    bytes = data.length;
    if (crc32) crc = crc32(data);
  } else {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > cap) {
          inflate.destroy();
          if (bytes > budget) throw new ZipRefused({ kind: 'too_large', bytes, max: budget });
          throw corrupt(`part ${entry.name} is larger than it declares`);
        }
        if (crc32) crc = crc32(chunk, crc);
      }
    } catch (err) {
      if (err instanceof ZipRefused) throw err;
      throw corrupt(`part ${entry.name} cannot be unpacked`);
    }
  }
  if (bytes !== entry.uncompressed) throw corrupt(`part ${entry.name} is shorter than it declares`);
  if (crc32 && crc >>> 0 !== entry.crc >>> 0) throw corrupt(`part ${entry.name} fails its checksum`);
  return bytes;
}

/** Refuses a zip that is damaged, hides entries, lies about sizes or unpacks beyond the limits. */
export async function checkZip(
  bytes: Uint8Array,
  limits: ZipLimits = XLSX_LIMITS,
): Promise<{ entries: string[] }> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, centralStart } = readDirectory(b, limits);
  const ranges = dataRanges(b, entries, centralStart);
  let total = 0;
  for (const r of ranges) {
    total += await inflateCounting(b.subarray(r.start, r.end), r.entry, limits.maxTotalBytes - total);
  }
  return { entries: entries.map((e) => e.name) };
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((v, i) => bytes[i] === v);
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** An Office file encrypted with a password keeps its zip inside an OLE stream named EncryptedPackage. */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  if (!isCompoundFile(bytes)) return false;
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}
