/**
 * Uploaded files on disk, content-addressed by sha256: the same bytes are stored once, and no path
 * from the user ever reaches the file system. Types are decided by the bytes, never by the name.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { files } from '../db/schema/files.ts';
import { DomainError } from './errors.ts';
import { defineMessages } from './i18n.ts';

/** The kinds of file the app accepts anywhere, by sniffed MIME type. */
export const FILE_KINDS = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileKind = keyof typeof FILE_KINDS;
export const IMAGE_KINDS: FileKind[] = ['jpeg', 'png', 'webp'];

const SHA_RE = /^[0-9a-f]{64}$/;

export const fileMessages = defineMessages({
  empty: { id: 'Berkas kosong atau tidak terkirim.', en: 'The file is empty or was not sent.' },
  tooLarge: {
    id: 'Berkas {name} terlalu besar ({size} MB); batasnya {max} MB.',
    en: 'The file {name} is too large ({size} MB); the limit is {max} MB.',
  },
  wrongType: {
    id: 'Berkas {name} bukan jenis yang diterima (isinya terbaca sebagai {found}). Jenis yang diterima: {allowed}.',
    en: 'The file {name} is not an accepted type (its content reads as {found}). Accepted: {allowed}.',
  },
});

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
  kind: FileKind;
}

export class FileStore {
  constructor(readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  /** Where the bytes of `sha256` live: root/ab/cd/<sha256>. */
  pathOf(sha256: string): string {
    if (!SHA_RE.test(sha256)) throw new Error('not a sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Writes bytes once (atomically: a temporary file renamed into place); returns their sha256. */
  async write(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, target);
    }
    return sha256;
  }

  read(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathOf(sha256));
  }

  exists(sha256: string): boolean {
    return SHA_RE.test(sha256) && fs.existsSync(this.pathOf(sha256));
  }
}

/** The kind of a file by its bytes, or undefined when it is none we accept. */
async function detect(bytes: Uint8Array) {
  const { fileTypeFromBuffer } = await import('file-type');
  return fileTypeFromBuffer(bytes);
}

export async function sniffKind(bytes: Uint8Array): Promise<FileKind | undefined> {
  const found = await detect(bytes);
  if (!found) return undefined;
  const entry = Object.entries(FILE_KINDS).find(([, mime]) => mime === found.mime);
  return entry?.[0] as FileKind | undefined;
}

/**
 * Checks an upload by its bytes and size, stores it, and records it in `files`.
 * Refuses with a message naming the file and the rule; nothing is written on refusal.
 */
export async function storeUpload(
  db: Db,
  store: FileStore,
  upload: { name: string; bytes: Uint8Array },
  rules: { allowed: readonly FileKind[]; maxBytes: number },
): Promise<StoredFile> {
  const { name, bytes } = upload;
  if (bytes.byteLength === 0) throw new DomainError(fileMessages.empty);
  if (bytes.byteLength > rules.maxBytes) {
    throw new DomainError(fileMessages.tooLarge, {
      name,
      size: (bytes.byteLength / 1048576).toFixed(1),
      max: Math.round(rules.maxBytes / 1048576),
    });
  }
  const found = await detect(bytes);
  const kind = await sniffKind(bytes);
  if (!kind || !rules.allowed.includes(kind)) {
    throw new DomainError(fileMessages.wrongType, {
      name,
      found: found?.ext?.toUpperCase() ?? '?',
      allowed: rules.allowed.map((k) => k.toUpperCase()).join(', '),
    });
  }
  const sha256 = await store.write(bytes);
  const mime = FILE_KINDS[kind];
  await db
    .insert(files)
    .values({ sha256, size: bytes.byteLength, mime })
    .onConflictDoNothing({ target: files.sha256 });
  return { sha256, size: bytes.byteLength, mime, kind };
}

/** Records bytes the app made itself (thumbnails, generated images) without the upload checks. */
export async function storeGenerated(
  db: Db,
  store: FileStore,
  bytes: Uint8Array,
  mime: string,
): Promise<string> {
  const sha256 = await store.write(bytes);
  await db
    .insert(files)
    .values({ sha256, size: bytes.byteLength, mime })
    .onConflictDoNothing({ target: files.sha256 });
  return sha256;
}

/** Every sha256 the database knows, for backups and consistency checks. */
export async function knownFiles(db: Db): Promise<string[]> {
  const rows = await queryRows<{ sha256: string }>(db, sql`select sha256 from files order by sha256`);
  return rows.map((r) => r.sha256);
}

/**
 * Answers with a stored file. Callers check access first: there is no generic file route, since a
 * document's hash must never be enough to read it.
 */
export async function fileResponse(
  store: FileStore,
  file: { sha256: string; mime: string; filename?: string },
  opts: { download?: boolean; publicCache?: boolean } = {},
): Promise<Response> {
  const bytes = await store.read(file.sha256);
  const headers: Record<string, string> = {
    'content-type': file.mime,
    'content-length': String(bytes.byteLength),
    'x-content-type-options': 'nosniff',
    // Immutable: the URL names the content by its hash or by an id that never changes content.
    'cache-control': opts.publicCache ? 'public, max-age=31536000, immutable' : 'private, max-age=3600',
    etag: `"${file.sha256}"`,
  };
  const name = (file.filename ?? file.sha256).replace(/[^\p{L}\p{N}._ -]+/gu, '-');
  headers['content-disposition'] =
    `${opts.download ? 'attachment' : 'inline'}; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  return new Response(new Uint8Array(bytes), { headers });
}
