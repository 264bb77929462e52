/**
 * The star label for packaging (ADR 0603): a square badge with the star class, the cycle and a QR code
 * to the certificate's verification page. The SVG carries its text as outlines drawn from the embedded
 * Noto Sans (fontkit), so it prints the same on any printer or converter without the font installed;
 * the PNG is the same SVG rasterised by sharp at 300 dpi. Both libraries are imported lazily.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Label sizes a printer asks for (the badge's side, in millimetres). */
export const LABEL_SIZES_MM = [30, 50] as const;
export type LabelSizeMm = (typeof LABEL_SIZES_MM)[number];
export const LABEL_DPI = 300;

/** The pixel side of a PNG label of `mm` millimetres at 300 dpi. */
export const labelPixels = (mm: number) => Math.round((mm / 25.4) * LABEL_DPI);

export interface LabelInput {
  stars: number;
  starMax: number;
  cycleName: string;
  /** The verification page's absolute URL, the QR code's content. */
  url: string;
  /** The star line in Indonesian and English, e.g. "BINTANG 3/3" and "3/3 STARS". */
  starLine: string;
  scanLine: string;
  title: string;
}

interface Glyphs {
  layout(text: string): {
    glyphs: { id: number; path: { toSVG(): string } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
  hasGlyphForCodePoint(cp: number): boolean;
  unitsPerEm: number;
}

const require = createRequire(import.meta.url);
const fonts = new Map<string, Glyphs>();

/** Fontsource splits Noto Sans by script: basic Latin in one file, the extended letters in another. */
async function font(subset: 'latin' | 'latin-ext', weight: 400 | 700): Promise<Glyphs> {
  const key = `${subset}-${weight}`;
  let f = fonts.get(key);
  if (!f) {
    const dir = path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
    const bytes = await fs.promises.readFile(path.join(dir, `noto-sans-${subset}-${weight}-normal.woff`));
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    f = fontkit.create(bytes) as unknown as Glyphs;
    fonts.set(key, f);
  }
  return f;
}

const n2 = (x: number) => Number(x.toFixed(2));

/** Runs of text each drawn with the first subset that has its letters (others become "?"). */
async function runs(text: string, weight: 400 | 700): Promise<{ font: Glyphs; text: string }[]> {
  const latin = await font('latin', weight);
  const ext = await font('latin-ext', weight);
  const out: { font: Glyphs; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const [f, c] = latin.hasGlyphForCodePoint(cp)
      ? [latin, ch]
      : ext.hasGlyphForCodePoint(cp)
        ? [ext, ch]
        : [latin, '?'];
    const last = out[out.length - 1];
    if (last && last.font === f) last.text += c;
    else out.push({ font: f, text: c });
  }
  return out;
}

/** Text as SVG outlines, centred on `cx` at baseline `y`, shrunk to fit `maxWidth`. */
async function textPath(
  text: string,
  opts: { cx: number; y: number; size: number; bold?: boolean; maxWidth: number; fill: string },
): Promise<string> {
  const laid = (await runs(text, opts.bold ? 700 : 400)).map((r) => ({
    font: r.font,
    run: r.font.layout(r.text),
  }));
  const em = laid.reduce(
    (s, l) => s + l.run.positions.reduce((a, p) => a + p.xAdvance, 0) / l.font.unitsPerEm,
    0,
  );
  const size = em * opts.size > opts.maxWidth ? opts.maxWidth / em : opts.size;
  let x = opts.cx - (em * size) / 2;
  const parts: string[] = [];
  for (const { font: f, run } of laid) {
    const scale = size / f.unitsPerEm;
    for (const [i, g] of run.glyphs.entries()) {
      const pos = run.positions[i]!;
      const d = g.path.toSVG();
      if (d)
        parts.push(
          `<path transform="translate(${n2(x + pos.xOffset * scale)} ${n2(opts.y - pos.yOffset * scale)}) scale(${(scale).toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`,
        );
      x += pos.xAdvance * scale;
    }
  }
  return `<g fill="${opts.fill}">${parts.join('')}</g>`;
}

function starPoints(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${n2(cx + radius * Math.cos(angle))},${n2(cy + radius * Math.sin(angle))}`);
  }
  return pts.join(' ');
}

/** The QR code's dark modules as one path in a `size`-unit square at (x, y), with a 2-module quiet zone. */
async function qrPath(text: string, x: number, y: number, size: number): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const unit = size / (count + 2 * quiet);
  let d = '';
  for (let r = 0; r < count; r++) {
    let c = 0;
    while (c < count) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < count && qr.modules.get(r, c)) c++;
      d += `M${start + quiet} ${r + quiet}h${c - start}v1h${start - c}z`;
    }
  }
  return `<rect x="${n2(x)}" y="${n2(y)}" width="${n2(size)}" height="${n2(size)}" fill="#fff"/><path transform="translate(${n2(x)} ${n2(y)}) scale(${unit.toFixed(5)})" fill="#000" shape-rendering="crispEdges" d="${d}"/>`;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/**
 * The label as an SVG document. `width` is its printed size ("30mm") or a pixel count for
 * rasterising; the drawing itself is 100 × 100 units.
 */
export async function labelSvg(input: LabelInput, width: string): Promise<string> {
  const green = '#1d5a3a';
  const gold = '#f2b705';
  const starR = 4;
  const gap = 9.5;
  const first = 50 - ((input.starMax - 1) * gap) / 2;
  const stars = Array.from({ length: input.starMax }, (_, i) => {
    const filled = i < input.stars;
    return `<polygon points="${starPoints(first + i * gap, 16.5, starR)}" fill="${filled ? gold : 'none'}" stroke="${gold}" stroke-width="0.7"/>`;
  }).join('');
  const parts = [
    `<rect x="0.6" y="0.6" width="98.8" height="98.8" rx="6" fill="#fff" stroke="${green}" stroke-width="1.2"/>`,
    `<path d="M0.6 6.6a6 6 0 0 1 6-6h86.8a6 6 0 0 1 6 6V22H0.6z" fill="${green}"/>`,
    await textPath('OVOP MALUKU', { cx: 50, y: 9.6, size: 7.2, bold: true, maxWidth: 90, fill: '#fff' }),
    stars,
    await textPath(input.starLine, { cx: 50, y: 29.5, size: 6, bold: true, maxWidth: 92, fill: green }),
    await textPath(input.cycleName, { cx: 50, y: 35.5, size: 4.4, maxWidth: 92, fill: '#222' }),
    await qrPath(input.url, 25, 38, 50),
    await textPath(input.scanLine, { cx: 50, y: 94.5, size: 3.8, maxWidth: 90, fill: '#222' }),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${width}" viewBox="0 0 100 100" role="img" aria-label="${escapeXml(input.title)}"><title>${escapeXml(input.title)}</title>${parts.join('')}</svg>
`;
}

/** The label as a PNG of `mm` millimetres at 300 dpi (a 30 mm label is 354 pixels square). */
export async function labelPng(input: LabelInput, mm: number): Promise<Uint8Array> {
  const px = labelPixels(mm);
  const svg = await labelSvg(input, String(px));
  const { default: sharp } = await import('sharp');
  return new Uint8Array(
    await sharp(Buffer.from(svg))
      .resize(px, px)
      .png({ compressionLevel: 9 })
      .withMetadata({ density: LABEL_DPI })
      .toBuffer(),
  );
}
