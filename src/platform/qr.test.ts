import { describe, expect, it } from 'vitest';
import { qrPng, qrSvg } from './qr.ts';

async function decode(image: Uint8Array | string): Promise<string | undefined> {
  const [{ default: sharp }, jsqr] = await Promise.all([import('sharp'), import('jsqr')]);
  // jsqr is CommonJS typed as an ES default export: the function is the module itself.
  const jsQR = jsqr.default as unknown as typeof jsqr.default.default;
  const input = typeof image === 'string' ? Buffer.from(image) : image;
  const { data, info } = await sharp(input, { density: 300 })
    .flatten({ background: '#ffffff' })
    .resize({ width: 400 })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('QR codes', () => {
  const url = 'https://ovop.example.go.id/hadir/Zk3v9Q-aR2b7cX1yLmN0pQ';

  it('draws a PNG that decodes to the text', async () => {
    const png = await qrPng(url, { size: 300 });
    expect(Buffer.from(png.slice(1, 4)).toString()).toBe('PNG');
    expect(await decode(png)).toBe(url);
  });

  it('draws an SVG with a title that decodes to the text', async () => {
    const svg = await qrSvg(url, { title: 'Kode QR <hadir>' });
    expect(svg).toContain('<title>Kode QR &#60;hadir&#62;</title>');
    expect(await decode(svg)).toBe(url);
  });
});
