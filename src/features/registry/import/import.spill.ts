/**
 * The rows a check has read, kept on disk until the import writes them, so the import does not read
 * and parse the sheet a second time (for a 100,000-row sheet that second pass was a quarter of the
 * import's time). Each batch is one frame: its length, then the batch as JSON (parsed several times
 * faster than V8's own serialisation), each cell packed to its shortest exact form. The file is written as `<job>.partial` and renamed once whole,
 * with a footer that says how many frames it holds, so a file cut short by a crash is never taken
 * for a whole one. Whenever the file is missing, damaged or made for another reading of the sheet,
 * the import reads the sheet itself, as before: the spill only saves time, it never decides anything.
 * Spill files live beside the uploads (not named by a hash, so backups pass them over) and go when
 * the job ends; those of checks never imported are pruned after a week.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Cell, type PackedCell, packCell, unpackCell } from './import.cells.ts';
import { log } from '../../../platform/log.ts';
import type { HeaderMap } from './import.columns.ts';
import type { Draft } from './import.rows.ts';

/** Raised whenever the Draft shape or the framing changes: older files are then read as missing. */
const FORMAT = 1;
const FOOTER_MAGIC = 0x4f56_5350; // "OVSP"
const FOOTER_BYTES = 8;
const PRUNE_AFTER_MS = 7 * 24 * 3600_000;

/** What the rows were read with: a spill made under other terms is not used. */
export interface SpillTerms {
  /** The kab/kota a row without one defaults to (the checking officer's). */
  defaultKabkota: string | null;
}

interface Head {
  format: number;
  jobId: string;
  terms: SpillTerms;
  /** The header, its Map of columns as a list of entries. */
  header: Omit<HeaderMap, 'byIndex'> & { byIndex: [number, string][] };
}

export interface SpillBatch {
  drafts: Draft[];
  /** The last sheet row the batch covers (the import's cursor moves to it once written). */
  lastRow: number;
}

/** The folder of a file store's spill files. */
export function spillDir(filesRoot: string): string {
  return path.join(filesRoot, 'import-rows');
}

const finalPath = (dir: string, jobId: string) => path.join(dir, `${jobId}.rows`);

/** A value as one frame: its length in bytes, then its JSON. */
function frame(value: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(value));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([length, body]);
}

/**
 * Writes a check's batches; `finish` makes the file visible to the import, `abort` removes it.
 * Never fails the check: a write that fails (a full disk) only leaves the import to read the sheet.
 */
export class SpillWriter {
  private frames = 0;
  private offset = 0;
  private broken = false;

  private constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly partial: string,
    private readonly target: string,
  ) {}

  /** A writer, or undefined when the file cannot be made (the import then reads the sheet). */
  static async create(
    dir: string,
    jobId: string,
    terms: SpillTerms,
    header: HeaderMap,
  ): Promise<SpillWriter | undefined> {
    try {
      return await SpillWriter.open(dir, jobId, terms, header);
    } catch (err) {
      log.warn('import: the rows of the check are not kept', { jobId, err });
      return undefined;
    }
  }

  private static async open(dir: string, jobId: string, terms: SpillTerms, header: HeaderMap) {
    await fs.promises.mkdir(dir, { recursive: true });
    const target = finalPath(dir, jobId);
    // A spill of an earlier check of the same job no longer describes what is being read.
    await fs.promises.rm(target, { force: true });
    const partial = `${target}.partial`;
    const writer = new SpillWriter(await fs.promises.open(partial, 'w'), partial, target);
    const head: Head = { format: FORMAT, jobId, terms, header: { ...header, byIndex: [...header.byIndex] } };
    await writer.append(head);
    return writer;
  }

  /** Serialises now: the caller may change the drafts as soon as this returns a promise. */
  write(batch: SpillBatch): Promise<void> {
    return this.append({ drafts: batch.drafts.map(pack), lastRow: batch.lastRow });
  }

  private async append(value: unknown): Promise<void> {
    if (this.broken) return;
    try {
      const bytes = frame(value);
      const at = this.offset;
      this.offset += bytes.length;
      this.frames++;
      await this.handle.write(bytes, 0, bytes.length, at);
    } catch (err) {
      this.broken = true;
      log.warn('import: the rows of the check are no longer kept', { err });
    }
  }

  /** Makes the file whole and visible; a writer that failed removes it instead. */
  async finish(): Promise<void> {
    if (this.broken) return this.abort();
    const footer = Buffer.alloc(FOOTER_BYTES);
    footer.writeUInt32LE(FOOTER_MAGIC, 0);
    footer.writeUInt32LE(this.frames, 4);
    try {
      await this.handle.write(footer, 0, FOOTER_BYTES, this.offset);
      await this.handle.close();
      await fs.promises.rename(this.partial, this.target);
    } catch (err) {
      log.warn('import: the rows of the check are not kept', { err });
      await this.abort();
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await fs.promises.rm(this.partial, { force: true }).catch(() => {});
  }
}

/** A whole spill, ready to be read again. */
export interface SpillReader {
  header: HeaderMap;
  /** The rows `skip` does not pass over, in batches of `size` drafts. */
  batches(size: number, skip: (rowNumber: number) => boolean): AsyncGenerator<SpillBatch>;
  /** How much of the file has been read, 0–1. */
  progress(): number;
  close(): Promise<void>;
}

/**
 * The job's spill, or undefined when there is none fit to use (missing, cut short, of another
 * format or made under other terms); the caller then reads the sheet.
 */
export async function openSpill(
  dir: string,
  jobId: string,
  terms: SpillTerms,
): Promise<SpillReader | undefined> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(finalPath(dir, jobId), 'r');
  } catch {
    return undefined;
  }
  try {
    const size = (await handle.stat()).size;
    if (size < FOOTER_BYTES + 4) throw new Error('spill too short');
    const footer = await readExactly(handle, size - FOOTER_BYTES, FOOTER_BYTES);
    if (footer.readUInt32LE(0) !== FOOTER_MAGIC) throw new Error('spill without footer');
    const frames = footer.readUInt32LE(4);
    const end = size - FOOTER_BYTES;
    // Every frame's length, end to end: a file damaged inside is refused now, not halfway through.
    let at = 0;
    for (let n = 0; n < frames && at + 4 <= end; n++)
      at += 4 + (await readExactly(handle, at, 4)).readUInt32LE(0);
    if (at !== end) throw new Error('spill frames do not match its footer');
    const first = await readFrame(handle, 0, end);
    const head = first.value as Partial<Head>;
    if (head.format !== FORMAT || head.jobId !== jobId || head.terms?.defaultKabkota !== terms.defaultKabkota)
      throw new Error('spill of another reading');
    let position = first.next;
    return {
      header: { ...head.header!, byIndex: new Map(head.header!.byIndex) },
      progress: () => position / end,
      close: () => handle.close().catch(() => {}),
      async *batches(batchSize: number, skip: (rowNumber: number) => boolean) {
        let pending: Draft[] = [];
        for (let n = 1; n < frames; n++) {
          const read = await readFrame(handle, position, end);
          position = read.next;
          const { drafts } = read.value as { drafts: PackedDraft[] };
          for (const d of drafts) if (!skip(d.rowNumber)) pending.push(revive(d));
          while (pending.length >= batchSize) {
            const out = pending.slice(0, batchSize);
            pending = pending.slice(batchSize);
            yield { drafts: out, lastRow: out[out.length - 1]!.rowNumber };
          }
        }
        if (position !== end) throw new Error('spill frames do not match its footer');
        if (pending.length) yield { drafts: pending, lastRow: pending[pending.length - 1]!.rowNumber };
      },
    };
  } catch {
    await handle.close().catch(() => {});
    return undefined;
  }
}

async function readExactly(handle: fs.promises.FileHandle, at: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, at);
  if (bytesRead !== length) throw new Error('spill cut short');
  return buffer;
}

async function readFrame(
  handle: fs.promises.FileHandle,
  at: number,
  end: number,
): Promise<{ value: unknown; next: number }> {
  if (at + 4 > end) throw new Error('spill cut short');
  const length = (await readExactly(handle, at, 4)).readUInt32LE(0);
  if (at + 4 + length > end) throw new Error('spill cut short');
  return { value: JSON.parse((await readExactly(handle, at + 4, length)).toString()), next: at + 4 + length };
}

interface PackedDraft extends Omit<Draft, 'dropped' | 'cells'> {
  dropped: string[];
  cells: Record<string, PackedCell>;
}

function pack(draft: Draft): PackedDraft {
  const cells: Record<string, PackedCell> = {};
  for (const key in draft.cells) {
    const cell = draft.cells[key];
    if (cell) cells[key] = packCell(cell);
  }
  return { ...draft, dropped: [...draft.dropped], cells };
}

function revive(packed: PackedDraft): Draft {
  const cells: Record<string, Cell> = {};
  for (const key in packed.cells) cells[key] = unpackCell(packed.cells[key]!);
  return { ...packed, dropped: new Set(packed.dropped), cells };
}

/** Removes a job's spill (the import is done, failed or set aside); a file left behind is pruned later. */
export async function removeSpill(dir: string, jobId: string): Promise<void> {
  for (const file of [finalPath(dir, jobId), `${finalPath(dir, jobId)}.partial`])
    await fs.promises
      .rm(file, { force: true })
      .catch((err) => log.warn('import: a spill stays', { file, err }));
}

/** Removes spills left by checks nobody imported or cancelled (the import can read the sheet itself). */
export async function pruneSpills(dir: string, now = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && now - stat.mtimeMs > PRUNE_AFTER_MS) await fs.promises.rm(file, { force: true });
  }
}
