/**
 * QR codes for door check-in, certificates and labels: PNG (for PDFs and downloads) or SVG (inline
 * on a page, sharp at any zoom). The qrcode package is loaded only when a code is drawn.
 */

export interface QrOptions {
  /** Quiet zone in modules around the code (4 is the standard's minimum for reliable scanning). */
  margin?: number;
  /** Error correction: M survives about 15 % damage, H about 30 % (for a code with a logo or on a poster). */
  level?: 'L' | 'M' | 'Q' | 'H';
}

/** A PNG of the QR code for `text`, `size` pixels wide. */
export async function qrPng(text: string, opts: QrOptions & { size?: number } = {}): Promise<Uint8Array> {
  const { default: QRCode } = await import('qrcode');
  const buffer = await QRCode.toBuffer(text, {
    type: 'png',
    width: opts.size ?? 512,
    margin: opts.margin ?? 4,
    errorCorrectionLevel: opts.level ?? 'M',
  });
  return new Uint8Array(buffer);
}

/** An SVG document of the QR code for `text`, scaling to its container. */
export async function qrSvg(text: string, opts: QrOptions & { title?: string } = {}): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  let svg = await QRCode.toString(text, {
    type: 'svg',
    margin: opts.margin ?? 4,
    errorCorrectionLevel: opts.level ?? 'M',
  });
  if (opts.title) {
    const title = opts.title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    svg = svg.replace(/<svg([^>]*)>/, `<svg$1 role="img" aria-label="${title}"><title>${title}</title>`);
  }
  return svg;
}

export function pngResponse(bytes: Uint8Array, cache = 'private, max-age=3600'): Response {
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      'content-type': 'image/png',
      'content-length': String(bytes.byteLength),
      'cache-control': cache,
    },
  });
}
