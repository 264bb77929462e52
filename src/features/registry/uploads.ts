/**
 * Scans and photos of the registry: checked by their bytes and size (platform/files.ts), with the
 * refusal put beside the form field it came from.
 */
import type { Db } from '../../db/client.ts';
import { DomainError, ruleViolation } from '../../platform/errors.ts';
import {
  fileMessages,
  type FileKind,
  type FileStore,
  IMAGE_KINDS,
  storeUpload,
} from '../../platform/files.ts';
import { DISPLAY, makeDerivative, THUMBNAIL } from '../../platform/images.ts';
import { registryRules } from './registry.messages.ts';

/** A file as it came from a form or the API. */
export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export const SCAN_KINDS: FileKind[] = ['pdf', 'jpeg', 'png', 'webp'];

/** A form field's File as an Upload, or undefined when no file was chosen. */
export async function uploadOf(value: unknown): Promise<Upload | undefined> {
  if (!(value instanceof File) || (value.size === 0 && !value.name)) return undefined;
  return { name: value.name || 'upload', bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** An API file `{ name, contentBase64 }` as an Upload. */
export function uploadFromBase64(file: { name: string; contentBase64: string }, field: string): Upload {
  const clean = file.contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw ruleViolation(field, registryRules.badBase64);
  }
  return { name: file.name, bytes: new Uint8Array(Buffer.from(clean, 'base64')) };
}

function refusal(err: unknown, field: string, keys: { tooLarge: string; wrongType: string }): unknown {
  if (!(err instanceof DomainError)) return err;
  const key =
    err.userMessage === fileMessages.tooLarge
      ? keys.tooLarge
      : err.userMessage === fileMessages.wrongType
        ? keys.wrongType
        : err.userMessage === fileMessages.empty
          ? registryRules.fileEmpty
          : null;
  if (!key) return err;
  return new DomainError(err.userMessage, err.params, { [field]: key }, 422);
}

export interface StoredScan {
  sha256: string;
  mime: string;
  name: string;
}

/** A decree or legal-document scan: PDF or image, by its bytes. */
export async function storeScan(
  db: Db,
  store: FileStore,
  upload: Upload,
  maxBytes: number,
  field: string,
): Promise<StoredScan> {
  try {
    const stored = await storeUpload(db, store, upload, { allowed: SCAN_KINDS, maxBytes });
    return { sha256: stored.sha256, mime: stored.mime, name: upload.name.slice(0, 200) };
  } catch (err) {
    throw refusal(err, field, {
      tooLarge: registryRules.scanTooLarge,
      wrongType: registryRules.scanWrongType,
    });
  }
}

export interface StoredPhoto {
  sha256: string;
  mime: string;
  name: string;
  thumbSha256: string;
  displaySha256: string;
  width: number;
  height: number;
}

/** A product photo (JPEG, PNG or WebP by its bytes) and its derivatives, made once. */
export async function storePhoto(
  db: Db,
  store: FileStore,
  upload: Upload,
  maxBytes: number,
  field = 'photo',
): Promise<StoredPhoto> {
  let stored: Awaited<ReturnType<typeof storeUpload>>;
  try {
    stored = await storeUpload(db, store, upload, { allowed: IMAGE_KINDS, maxBytes });
  } catch (err) {
    throw refusal(err, field, {
      tooLarge: registryRules.photoTooLarge,
      wrongType: registryRules.photoWrongType,
    });
  }
  try {
    const [thumb, display] = await Promise.all([
      makeDerivative(db, store, upload.bytes, THUMBNAIL),
      makeDerivative(db, store, upload.bytes, DISPLAY),
    ]);
    return {
      sha256: stored.sha256,
      mime: stored.mime,
      name: upload.name.slice(0, 200),
      thumbSha256: thumb.sha256,
      displaySha256: display.sha256,
      width: display.width,
      height: display.height,
    };
  } catch {
    throw ruleViolation(field, registryRules.photoUnreadable, { name: upload.name });
  }
}
