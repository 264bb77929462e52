/**
 * The uploaded file: accepted by its bytes (an xlsx after the zip checks, or CSV text) and stored
 * content-addressed, or refused with a message that says what is wrong and what to do; then read
 * back a row at a time — xlsx through our own streaming reader (import.xlsx.ts), never the whole
 * workbook in memory.
 */
import fs from 'node:fs';
import type { Db } from '../../../db/client.ts';
import { DomainError } from '../../../platform/errors.ts';
import { fileMessages, type FileStore, storeGenerated, storeUpload } from '../../../platform/files.ts';
import { lookupValidationMessage } from '../../../platform/i18n.ts';
import type { ImportFormat } from '../../../platform/registry-import-domain.ts';
import { type Cell, MAX_COLUMNS, textCell } from './import.cells.ts';
import { decodeCsv, parseCsv } from './import.csv.ts';
import { fileRules, uploadRules } from './import.messages.ts';
import { openXlsx } from './import.xlsx.ts';
import { checkZip, isCompoundFile, isEncryptedOffice, isZip, ZipRefused } from './import.zip.ts';

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export interface AcceptedFile {
  sha256: string;
  size: number;
  format: ImportFormat;
}

/** A refusal of the upload, as the `file` field's message. */
function refuse(key: string, params: Record<string, string | number>): DomainError {
  return new DomainError(lookupValidationMessage(key)!, params, { file: key }, 422);
}

const MB = 1024 * 1024;
const mb = (n: number) => (n / MB).toFixed(1);

/** Why a zip was refused, in the user's words. */
export function zipRefusal(name: string, err: ZipRefused): DomainError {
  const p = err.problem;
  switch (p.kind) {
    case 'too_many_entries':
      return refuse(fileRules.tooManyEntries, { name, count: p.count, max: p.max });
    case 'too_large':
      return refuse(fileRules.tooLargeUnpacked, { name, size: mb(p.bytes), max: Math.round(p.max / MB) });
    case 'ratio':
      return refuse(fileRules.suspiciousCompression, { name, part: p.part, ratio: p.ratio });
    case 'unsupported':
      return refuse(fileRules.unsupportedZip, { name, detail: p.detail });
    case 'corrupt':
      return refuse(fileRules.corrupt, { name, detail: p.detail });
  }
}

/**
 * Checks an upload and stores it: xlsx (after the zip checks, before any parser reads it) or CSV
 * text. Refuses empty, too large, password-protected, Excel 97–2003, damaged, bomb-like and
 * other files; nothing is stored on refusal.
 */
export async function acceptUpload(
  db: Db,
  store: FileStore,
  upload: Upload,
  maxBytes: number,
): Promise<AcceptedFile> {
  const { name, bytes } = upload;
  if (bytes.byteLength === 0) throw refuse(uploadRules.emptyFile, { name });
  if (bytes.byteLength > maxBytes)
    throw refuse(uploadRules.tooLarge, { name, size: mb(bytes.byteLength), max: Math.round(maxBytes / MB) });
  if (isCompoundFile(bytes))
    throw refuse(isEncryptedOffice(bytes) ? fileRules.encrypted : fileRules.legacyXls, { name });
  if (isZip(bytes)) {
    try {
      await checkZip(bytes);
    } catch (err) {
      if (err instanceof ZipRefused) throw zipRefusal(name, err);
      throw err;
    }
    try {
      const stored = await storeUpload(db, store, upload, { allowed: ['xlsx'], maxBytes });
      return { sha256: stored.sha256, size: stored.size, format: 'xlsx' };
    } catch (err) {
      if (err instanceof DomainError && err.userMessage === fileMessages.wrongType)
        throw refuse(fileRules.notSpreadsheet, { name, found: String(err.params.found ?? '?') });
      throw err;
    }
  }
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (found) throw refuse(fileRules.notSpreadsheet, { name, found: found.ext.toUpperCase() });
  if (decodeCsv(bytes) === undefined) throw refuse(fileRules.csvBinary, { name });
  // Text is read as CSV unless the name promises an Office Open XML workbook (text saved as .xls, as
  // some systems' "Excel" exports are, is read as the CSV it is).
  const promised = /\.(xls[xm])$/i.exec(name);
  if (promised) throw refuse(fileRules.textNamedAsExcel, { name, ext: `.${promised[1]!.toLowerCase()}` });
  const sha256 = await storeGenerated(db, store, bytes, 'text/csv');
  return { sha256, size: bytes.byteLength, format: 'csv' };
}

export interface SheetRow {
  rowNumber: number;
  /** Cells by 0-based column index. */
  cells: (Cell | undefined)[];
}

export interface Sheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
}

export interface Workbook {
  sheets: AsyncIterable<Sheet>;
  /** How much of the file has been read, 0–1. */
  progress(): number;
}

/**
 * The visible sheets of a stored file, each a stream of rows. `styles` reads number formats (for
 * "65%" cells), which costs time; only a sheet with a percentage column needs it.
 */
export function openWorkbook(path: string, format: ImportFormat, opts: { styles?: boolean } = {}): Workbook {
  if (format === 'csv') {
    let fraction = 0;
    return {
      progress: () => fraction,
      sheets: (async function* () {
        const text = decodeCsv(await fs.promises.readFile(path)) ?? '';
        const total = Math.max(1, (text.match(/\n/g) ?? []).length);
        yield {
          name: 'CSV',
          rows: (async function* () {
            for (const rec of parseCsv(text)) {
              fraction = Math.min(1, rec.rowNumber / total);
              yield { rowNumber: rec.rowNumber, cells: rec.fields.slice(0, MAX_COLUMNS).map(textCell) };
            }
            fraction = 1;
          })(),
        };
      })(),
    };
  }
  return openXlsx(path, opts);
}

/** Why a workbook could not be read, kept short and free of the file's own content. */
export function readFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').slice(0, 120);
}
