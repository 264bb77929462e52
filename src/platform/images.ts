/**
 * Image derivatives, made once when a photo is stored: thumbnails small enough for slow mobile
 * networks (≤ 30 KB, DESIGN.md §6). sharp is loaded only when an image is processed.
 */
import type { Db } from '../db/client.ts';
import { type FileStore, storeGenerated } from './files.ts';

export interface Derivative {
  sha256: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * A WebP of at most `width` pixels wide and `maxBytes` bytes: the quality steps down until it fits.
 * EXIF orientation is applied and metadata (GPS!) dropped.
 */
export async function makeDerivative(
  db: Db,
  store: FileStore,
  source: Uint8Array,
  opts: { width: number; maxBytes: number },
): Promise<Derivative> {
  const { default: sharp } = await import('sharp');
  let out: { data: Buffer; info: { width: number; height: number } } | undefined;
  for (const quality of [75, 65, 55, 45, 35, 25]) {
    out = await sharp(source, { limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: opts.width, withoutEnlargement: true })
      .webp({ quality })
      .toBuffer({ resolveWithObject: true });
    if (out.data.byteLength <= opts.maxBytes) break;
  }
  if (!out) throw new Error('no derivative');
  const sha256 = await storeGenerated(db, store, out.data, 'image/webp');
  return { sha256, width: out.info.width, height: out.info.height, bytes: out.data.byteLength };
}

/** The usual sizes: a list thumbnail and a page-sized image, both light. */
export const THUMBNAIL = { width: 320, maxBytes: 30 * 1024 } as const;
export const DISPLAY = { width: 960, maxBytes: 120 * 1024 } as const;
