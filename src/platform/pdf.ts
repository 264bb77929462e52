/**
 * Printable documents (attendance sheets, event reports, later certificates and score sheets) as
 * PDF, with pdf-lib and an embedded Noto Sans: the standard PDF fonts cover WinAnsi only and would
 * lose Indonesian names written with other letters and most symbols. Text wraps, tables repeat their
 * header row on every page, each page carries the office's header and "Halaman n dari m".
 *
 * Import it lazily (`await import('…/platform/pdf.ts')`): pdf-lib and fontkit cost start-up time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont, PDFImage, PDFPage, RGB } from 'pdf-lib';
import type { Lang } from './domain.ts';
import { defineMessages, render } from './i18n.ts';

export const pdfMessages = defineMessages({
  pageOf: { id: 'Halaman {n} dari {total}', en: 'Page {n} of {total}' },
});

export const A4 = { width: 595.28, height: 841.89 } as const;

export type Align = 'left' | 'center' | 'right';
export type Rgb = [number, number, number];

export interface PdfOptions {
  lang: Lang;
  orientation?: 'portrait' | 'landscape';
  /** Document title (metadata). */
  title: string;
  /** Lines at the top of every page, the first in bold: the office and its government. */
  header?: string[];
  /** A line at the bottom left of every page (e.g. when it was printed). */
  footer?: string;
  /** Page margin in points (72 = 1 inch). */
  margin?: number;
  /** "Page n of m" at the bottom of every page (default true; a one-page certificate goes without). */
  pageNumbers?: boolean;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Rgb;
  align?: Align;
  /** Space after the block, in points. */
  after?: number;
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the content width in these proportions. */
  width: number;
  align?: Align;
}

export interface TableOptions {
  columns: TableColumn[];
  rows: string[][];
  size?: number;
  /** A minimum row height, e.g. room for a signature. */
  minRowHeight?: number;
  /** Grey every other row, for reading across wide tables. */
  zebra?: boolean;
  /** Per-row bold flags (group headings, totals). */
  boldRows?: boolean[];
  /** A cell's own alignment, overriding its column's (e.g. signature numbers left and right by turns). */
  cellAlign?: (row: number, column: number) => Align | undefined;
}

// Fonts ------------------------------------------------------------------------------------------

/** Fontsource splits Noto Sans by script; each subset is embedded only when a text uses it. */
const SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
] as const;
type Weight = 400 | 700;

interface FontFile {
  bytes: Uint8Array;
  /** fontkit's font, to ask which characters it has. */
  has(codePoint: number): boolean;
}

const require = createRequire(import.meta.url);
let fontDir: string | undefined;
const fontFiles = new Map<string, FontFile>();

async function fontFile(subset: string, weight: Weight): Promise<FontFile> {
  const key = `${subset}-${weight}`;
  let file = fontFiles.get(key);
  if (!file) {
    fontDir ??= path.join(path.dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
    const bytes = new Uint8Array(
      await fs.promises.readFile(path.join(fontDir, `noto-sans-${subset}-${weight}-normal.woff`)),
    );
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    const font = fontkit.create(bytes as Buffer);
    file = { bytes, has: (cp) => font.hasGlyphForCodePoint(cp) };
    fontFiles.set(key, file);
  }
  return file;
}

const subsetCache = new Map<string, string | null>();

/** The first Noto Sans subset that has the character, or null when none has it. */
async function subsetFor(codePoint: number, weight: Weight): Promise<string | null> {
  // Plain ASCII letters are in the first subset: skip the lookups for the common case.
  if (codePoint >= 0x20 && codePoint < 0x7f) return 'latin';
  const key = `${codePoint}-${weight}`;
  const cached = subsetCache.get(key);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const s of SUBSETS) {
    if ((await fontFile(s, weight)).has(codePoint)) {
      found = s;
      break;
    }
  }
  subsetCache.set(key, found);
  return found;
}

/** Characters no Noto Sans subset has, drawn as small vector shapes so they are never lost. */
type SymbolName = 'check' | 'cross' | 'star' | 'starOutline' | 'arrow';
const SYMBOLS: Record<string, SymbolName> = {
  '✓': 'check',
  '✔': 'check',
  '✗': 'cross',
  '✘': 'cross',
  '★': 'star',
  '☆': 'starOutline',
  '→': 'arrow',
};

type Piece =
  | { kind: 'text'; text: string; font: PDFFont; width: number }
  | { kind: 'symbol'; symbol: SymbolName; width: number };

interface Line {
  pieces: Piece[];
  width: number;
}

function starPath(r: number, inner: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${(r + radius * Math.cos(angle)).toFixed(2)} ${(r + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M ${pts.join(' L ')} Z`;
}

/** A PDF under construction: blocks flow down the page and onto new pages as needed. */
export class PdfWriter {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  private page!: PDFPage;
  /** Distance from the top of the page to where the next block starts. */
  private y = 0;
  private readonly embedded = new Map<string, PDFFont>();
  private readonly pdfLib: typeof import('pdf-lib');

  private constructor(
    private readonly doc: PDFDocument,
    lib: typeof import('pdf-lib'),
    private readonly opts: PdfOptions,
  ) {
    this.pdfLib = lib;
    const landscape = opts.orientation === 'landscape';
    this.width = landscape ? A4.height : A4.width;
    this.height = landscape ? A4.width : A4.height;
    this.margin = opts.margin ?? 40;
  }

  static async create(opts: PdfOptions): Promise<PdfWriter> {
    const [lib, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
    const doc = await lib.PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(opts.title);
    doc.setProducer('OVOP');
    doc.setCreator('OVOP');
    doc.setLanguage(opts.lang === 'id' ? 'id-ID' : 'en-GB');
    const writer = new PdfWriter(doc, lib, opts);
    await writer.newPage();
    return writer;
  }

  /** The width between the margins. */
  get contentWidth(): number {
    return this.width - 2 * this.margin;
  }

  /** Space left on the current page, in points. */
  get remaining(): number {
    return this.height - this.margin - 24 - this.y;
  }

  private rgb(c: Rgb | undefined): RGB {
    const [r, g, b] = c ?? [0.1, 0.12, 0.14];
    return this.pdfLib.rgb(r, g, b);
  }

  private async font(subset: string, weight: Weight): Promise<PDFFont> {
    const key = `${subset}-${weight}`;
    let font = this.embedded.get(key);
    if (!font) {
      const file = await fontFile(subset, weight);
      font = await this.doc.embedFont(file.bytes, { subset: true });
      this.embedded.set(key, font);
    }
    return font;
  }

  /** Glyph advances at size 1, per font and character: measuring by sums is far cheaper than shaping. */
  private readonly advances = new Map<string, number>();

  private runWidth(font: PDFFont, fontKey: string, run: string, size: number): number {
    let width = 0;
    for (const ch of run) {
      const key = `${fontKey}|${ch}`;
      let w = this.advances.get(key);
      if (w === undefined) {
        w = font.widthOfTextAtSize(ch, 1);
        this.advances.set(key, w);
      }
      width += w;
    }
    return width * size;
  }

  /** Splits text into pieces, each drawn with the first font subset that has its characters. */
  private async pieces(text: string, size: number, bold: boolean): Promise<Piece[]> {
    const weight: Weight = bold ? 700 : 400;
    // Plain ASCII, the common case, is one piece in the first subset.
    if (/^[\x20-\x7e]*$/.test(text)) {
      if (!text) return [];
      const font = await this.font('latin', weight);
      return [{ kind: 'text', text, font, width: this.runWidth(font, `latin-${weight}`, text, size) }];
    }
    const out: Piece[] = [];
    let run = '';
    let runSubset: string | null = null;
    const flush = async () => {
      if (!run || !runSubset) return;
      const font = await this.font(runSubset, weight);
      out.push({
        kind: 'text',
        text: run,
        font,
        width: this.runWidth(font, `${runSubset}-${weight}`, run, size),
      });
      run = '';
    };
    for (const raw of text.replace(/\t/g, '    ')) {
      // Control characters (line breaks inside a cell, stray bytes) have no glyph: a space stands in.
      const ch = raw.codePointAt(0)! < 0x20 ? ' ' : raw;
      const symbol = SYMBOLS[ch];
      const subset = symbol ? null : await subsetFor(ch.codePointAt(0)!, weight);
      if (symbol || !subset) {
        await flush();
        runSubset = null;
        // Unknown characters show as a visible replacement mark rather than vanishing.
        if (symbol) out.push({ kind: 'symbol', symbol, width: size * 0.8 });
        else {
          const font = await this.font('latin', weight);
          out.push({
            kind: 'text',
            text: '?',
            font,
            width: this.runWidth(font, `latin-${weight}`, '?', size),
          });
        }
        continue;
      }
      if (subset !== runSubset) {
        await flush();
        runSubset = subset;
      }
      run += ch;
    }
    await flush();
    return out;
  }

  private async measure(text: string, size: number, bold: boolean): Promise<number> {
    return (await this.pieces(text, size, bold)).reduce((s, p) => s + p.width, 0);
  }

  /** Lines of `text` no wider than `maxWidth`, breaking at spaces (and inside words too long for a line). */
  async wrap(text: string, size: number, bold: boolean, maxWidth: number): Promise<Line[]> {
    const lines: Line[] = [];
    const spaceWidth = await this.measure(' ', size, bold);
    for (const paragraph of text.split(/\r?\n/)) {
      let current = '';
      let width = 0;
      const push = async () => {
        lines.push({ pieces: await this.pieces(current, size, bold), width });
        current = '';
        width = 0;
      };
      for (const word of paragraph.split(/ +/)) {
        if (word === '') continue;
        const wordWidth = await this.measure(word, size, bold);
        const gap = current ? spaceWidth : 0;
        if (width + gap + wordWidth <= maxWidth) {
          current += (gap ? ' ' : '') + word;
          width += gap + wordWidth;
          continue;
        }
        if (current) await push();
        if (wordWidth <= maxWidth) {
          current = word;
          width = wordWidth;
          continue;
        }
        // A word longer than a whole line is cut where it reaches the edge.
        for (const ch of word) {
          const w = await this.measure(ch, size, bold);
          if (current && width + w > maxWidth) await push();
          current += ch;
          width += w;
        }
      }
      await push();
    }
    return lines;
  }

  private drawLine(line: Line, x: number, yTop: number, size: number, color: RGB): void {
    const baseline = this.height - yTop - size;
    let cx = x;
    for (const piece of line.pieces) {
      if (piece.kind === 'text') {
        this.page.drawText(piece.text, { x: cx, y: baseline, size, font: piece.font, color });
      } else {
        this.drawSymbol(piece.symbol, cx, baseline, size, color);
      }
      cx += piece.width;
    }
  }

  private drawSymbol(symbol: SymbolName, x: number, baseline: number, size: number, color: RGB): void {
    const s = size * 0.75;
    const top = baseline + s;
    const thickness = Math.max(0.8, size / 10);
    switch (symbol) {
      case 'check':
        this.page.drawSvgPath(`M 0 ${s * 0.55} L ${s * 0.38} ${s * 0.95} L ${s} 0`, {
          x,
          y: top,
          borderColor: color,
          borderWidth: thickness,
        });
        break;
      case 'cross':
        this.page.drawSvgPath(`M 0 0 L ${s} ${s} M ${s} 0 L 0 ${s}`, {
          x,
          y: top,
          borderColor: color,
          borderWidth: thickness,
        });
        break;
      case 'star':
      case 'starOutline':
        this.page.drawSvgPath(starPath(s / 2, s / 5), {
          x,
          y: top,
          ...(symbol === 'star' ? { color } : { borderColor: color, borderWidth: thickness * 0.7 }),
        });
        break;
      case 'arrow':
        this.page.drawSvgPath(
          `M 0 ${s / 2} L ${s} ${s / 2} M ${s * 0.6} ${s * 0.15} L ${s} ${s / 2} L ${s * 0.6} ${s * 0.85}`,
          { x, y: top, borderColor: color, borderWidth: thickness },
        );
        break;
    }
  }

  private async newPage(): Promise<void> {
    this.page = this.doc.addPage([this.width, this.height]);
    this.y = this.margin;
    const header = this.opts.header ?? [];
    if (header.length) {
      for (const [i, line] of header.entries()) {
        const size = i === 0 ? 11 : 9;
        const lines = await this.wrap(line, size, i === 0, this.contentWidth);
        for (const l of lines) {
          this.drawLine(
            l,
            this.margin + (this.contentWidth - l.width) / 2,
            this.y,
            size,
            this.rgb(undefined),
          );
          this.y += size * 1.3;
        }
      }
      this.y += 3;
      this.page.drawLine({
        start: { x: this.margin, y: this.height - this.y },
        end: { x: this.width - this.margin, y: this.height - this.y },
        thickness: 1.2,
        color: this.rgb(undefined),
      });
      this.y += 12;
    }
  }

  /** Starts a new page unless `height` points still fit on this one. */
  async ensureSpace(height: number): Promise<void> {
    if (height > this.remaining) await this.newPage();
  }

  async pageBreak(): Promise<void> {
    await this.newPage();
  }

  space(points: number): void {
    this.y += points;
  }

  /** A paragraph (newlines kept), wrapped to the content width. */
  async text(text: string, style: TextStyle = {}): Promise<void> {
    const size = style.size ?? 10;
    const lineHeight = size * 1.35;
    const lines = await this.wrap(text, size, style.bold ?? false, this.contentWidth);
    for (const line of lines) {
      await this.ensureSpace(lineHeight);
      const x =
        style.align === 'center'
          ? this.margin + (this.contentWidth - line.width) / 2
          : style.align === 'right'
            ? this.margin + this.contentWidth - line.width
            : this.margin;
      this.drawLine(line, x, this.y, size, this.rgb(style.color));
      this.y += lineHeight;
    }
    this.y += style.after ?? size * 0.5;
  }

  async heading(text: string, level: 1 | 2 | 3 = 1): Promise<void> {
    const size = level === 1 ? 15 : level === 2 ? 12.5 : 11;
    // Keep a heading with at least a few lines of what follows it.
    await this.ensureSpace(size * 1.4 + 40);
    this.y += level === 1 ? 2 : 6;
    await this.text(text, { size, bold: true, align: level === 1 ? 'center' : 'left', after: size * 0.5 });
  }

  /** Label–value pairs in two columns (a summary list). */
  async keyValues(rows: [string, string][], opts: { size?: number; keyWidth?: number } = {}): Promise<void> {
    const size = opts.size ?? 10;
    const keyWidth = opts.keyWidth ?? Math.min(150, this.contentWidth * 0.3);
    const lineHeight = size * 1.35;
    for (const [key, value] of rows) {
      const keyLines = await this.wrap(key, size, true, keyWidth - 8);
      const valueLines = await this.wrap(value || '—', size, false, this.contentWidth - keyWidth);
      const height = Math.max(keyLines.length, valueLines.length) * lineHeight;
      await this.ensureSpace(height);
      keyLines.forEach((l, i) => {
        this.drawLine(l, this.margin, this.y + i * lineHeight, size, this.rgb([0.3, 0.33, 0.35]));
      });
      valueLines.forEach((l, i) => {
        this.drawLine(l, this.margin + keyWidth, this.y + i * lineHeight, size, this.rgb(undefined));
      });
      this.y += height + 2;
    }
    this.y += size * 0.5;
  }

  /** A table with ruled cells; the header row repeats at the top of every page it runs onto. */
  async table(opts: TableOptions): Promise<void> {
    const size = opts.size ?? 9;
    const lineHeight = size * 1.3;
    const pad = 4;
    const totalWeight = opts.columns.reduce((s, c) => s + c.width, 0);
    const widths = opts.columns.map((c) => (c.width / totalWeight) * this.contentWidth);
    const border = this.rgb([0.55, 0.57, 0.6]);

    const layoutRow = async (cells: string[], bold: boolean) => {
      const lines = await Promise.all(
        widths.map((w, i) => this.wrap(cells[i] ?? '', size, bold, w - 2 * pad)),
      );
      const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      return { lines, height };
    };

    const drawRow = (
      row: { lines: Line[][]; height: number },
      fill: RGB | undefined,
      minHeight = 0,
      rowIndex = -1,
    ): void => {
      const height = Math.max(row.height, minHeight);
      const top = this.y;
      let x = this.margin;
      widths.forEach((w, i) => {
        this.page.drawRectangle({
          x,
          y: this.height - top - height,
          width: w,
          height,
          borderColor: border,
          borderWidth: 0.6,
          ...(fill ? { color: fill } : {}),
        });
        const align =
          (rowIndex >= 0 ? opts.cellAlign?.(rowIndex, i) : undefined) ?? opts.columns[i]!.align ?? 'left';
        for (const [n, line] of (row.lines[i] ?? []).entries()) {
          const lx =
            align === 'right'
              ? x + w - pad - line.width
              : align === 'center'
                ? x + (w - line.width) / 2
                : x + pad;
          this.drawLine(line, lx, top + pad + n * lineHeight, size, this.rgb(undefined));
        }
        x += w;
      });
      this.y += height;
    };

    const header = await layoutRow(
      opts.columns.map((c) => c.header),
      true,
    );
    const headerFill = this.rgb([0.88, 0.9, 0.9]);
    const minRow = opts.minRowHeight ?? 0;
    await this.ensureSpace(header.height + Math.max(minRow, lineHeight + 2 * pad));
    drawRow(header, headerFill);
    for (const [index, cells] of opts.rows.entries()) {
      const row = await layoutRow(cells, opts.boldRows?.[index] ?? false);
      const height = Math.max(row.height, minRow);
      if (height > this.remaining) {
        await this.newPage();
        drawRow(header, headerFill);
        // A row taller than a whole page is cut to what fits, never lost off the edge silently.
        if (height > this.remaining) {
          const fit = Math.max(1, Math.floor((this.remaining - 2 * pad) / lineHeight));
          row.lines = row.lines.map((l) => l.slice(0, fit));
          row.height = fit * lineHeight + 2 * pad;
        }
      }
      drawRow(row, opts.zebra && index % 2 === 1 ? this.rgb([0.96, 0.96, 0.96]) : undefined, minRow, index);
    }
    this.y += 8;
  }

  /** An image (PNG or JPEG bytes) scaled to fit the box, centred or at the left. */
  async image(
    bytes: Uint8Array,
    opts: { maxWidth?: number; maxHeight?: number; align?: Align; caption?: string } = {},
  ): Promise<void> {
    const img = await this.embedImage(bytes);
    const maxWidth = Math.min(opts.maxWidth ?? this.contentWidth, this.contentWidth);
    const maxHeight = opts.maxHeight ?? this.height / 2;
    const scale = Math.min(maxWidth / img.width, maxHeight / img.height, 1);
    const w = img.width * scale;
    const h = img.height * scale;
    await this.ensureSpace(h + (opts.caption ? 16 : 0));
    const x =
      opts.align === 'left'
        ? this.margin
        : opts.align === 'right'
          ? this.width - this.margin - w
          : this.margin + (this.contentWidth - w) / 2;
    this.page.drawImage(img, { x, y: this.height - this.y - h, width: w, height: h });
    this.y += h + 4;
    if (opts.caption)
      await this.text(opts.caption, { size: 8.5, align: opts.align ?? 'center', color: [0.3, 0.33, 0.35] });
  }

  /** Images side by side, `columns` to a row, each with an optional caption. */
  async imageGrid(images: { bytes: Uint8Array; caption?: string }[], columns = 2): Promise<void> {
    const gap = 10;
    const cellWidth = (this.contentWidth - gap * (columns - 1)) / columns;
    const cellHeight = cellWidth * 0.75;
    for (let i = 0; i < images.length; i += columns) {
      const row = images.slice(i, i + columns);
      await this.ensureSpace(cellHeight + 18);
      const top = this.y;
      let maxCaption = 0;
      for (const [j, item] of row.entries()) {
        const img = await this.embedImage(item.bytes);
        const scale = Math.min(cellWidth / img.width, cellHeight / img.height);
        const w = img.width * scale;
        const h = img.height * scale;
        const x = this.margin + j * (cellWidth + gap) + (cellWidth - w) / 2;
        this.page.drawImage(img, { x, y: this.height - top - h, width: w, height: h });
        if (item.caption) {
          const lines = await this.wrap(item.caption, 8, false, cellWidth);
          lines.slice(0, 2).forEach((l, n) => {
            this.drawLine(
              l,
              this.margin + j * (cellWidth + gap),
              top + cellHeight + 3 + n * 10,
              8,
              this.rgb([0.3, 0.33, 0.35]),
            );
          });
          maxCaption = Math.max(maxCaption, Math.min(2, lines.length) * 10);
        }
      }
      this.y = top + cellHeight + maxCaption + 10;
    }
  }

  private async embedImage(bytes: Uint8Array): Promise<PDFImage> {
    const png = bytes[0] === 0x89 && bytes[1] === 0x50;
    return png ? this.doc.embedPng(bytes) : this.doc.embedJpg(await toJpeg(bytes));
  }

  /**
   * A free drawing of `height` points across the content width (a map, a chart). `draw` receives the
   * page and the box's top-left corner in PDF coordinates (y grows upwards from the bottom).
   */
  async drawing(
    height: number,
    draw: (page: PDFPage, box: { x: number; top: number; width: number }) => void,
  ) {
    await this.ensureSpace(height);
    draw(this.page, { x: this.margin, top: this.height - this.y, width: this.contentWidth });
    this.y += height + 6;
  }

  /** Distance from the top of the page to where the next block starts, in points. */
  get cursor(): number {
    return this.y;
  }

  /** Moves where the next block starts (from the page's top), e.g. to a footer row at a fixed place. */
  moveTo(top: number): void {
    this.y = top;
  }

  /**
   * Text in a box at a fixed place (from the page's top), wrapped to `width`, without moving the flow:
   * for side-by-side blocks such as a QR code's caption beside a signature. Returns its height.
   */
  async textAt(
    text: string,
    box: { x: number; top: number; width: number },
    style: Omit<TextStyle, 'after'> = {},
  ): Promise<number> {
    const size = style.size ?? 10;
    const lineHeight = size * 1.35;
    const lines = await this.wrap(text, size, style.bold ?? false, box.width);
    lines.forEach((line, i) => {
      const x =
        style.align === 'center'
          ? box.x + (box.width - line.width) / 2
          : style.align === 'right'
            ? box.x + box.width - line.width
            : box.x;
      this.drawLine(line, x, box.top + i * lineHeight, size, this.rgb(style.color));
    });
    return lines.length * lineHeight;
  }

  /** An image (PNG or JPEG) fitted into a box at a fixed place, centred in it; returns the drawn size. */
  async imageAt(
    bytes: Uint8Array,
    box: { x: number; top: number; width: number; height: number },
  ): Promise<{ width: number; height: number }> {
    const img = await this.embedImage(bytes);
    const scale = Math.min(box.width / img.width, box.height / img.height);
    const w = img.width * scale;
    const h = img.height * scale;
    this.page.drawImage(img, {
      x: box.x + (box.width - w) / 2,
      y: this.height - box.top - h,
      width: w,
      height: h,
    });
    return { width: w, height: h };
  }

  /** Colour helper for callers of drawing(). */
  color(c: Rgb): RGB {
    return this.rgb(c);
  }

  /** Numbers every page and returns the file's bytes. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const total = pages.length;
    const size = 8;
    for (const [i, page] of pages.entries()) {
      this.page = page;
      const label = render(pdfMessages.pageOf, this.opts.lang, { n: i + 1, total });
      const [line] = await this.wrap(label, size, false, this.contentWidth);
      if (line && this.opts.pageNumbers !== false)
        this.drawLine(
          line,
          this.width - this.margin - line.width,
          this.height - this.margin / 2 - size,
          size,
          this.rgb([0.3, 0.33, 0.35]),
        );
      if (this.opts.footer) {
        const [f] = await this.wrap(this.opts.footer, size, false, this.contentWidth * 0.65);
        if (f)
          this.drawLine(
            f,
            this.margin,
            this.height - this.margin / 2 - size,
            size,
            this.rgb([0.3, 0.33, 0.35]),
          );
      }
    }
    return this.doc.save();
  }
}

/** JPEG bytes for an image pdf-lib cannot embed as it is (WebP thumbnails); JPEG passes unchanged. */
async function toJpeg(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return bytes;
  const { default: sharp } = await import('sharp');
  return new Uint8Array(
    await sharp(bytes).flatten({ background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer(),
  );
}

/** A PDF download (or inline view) answer. */
export function pdfResponse(bytes: Uint8Array, filename: string, opts: { inline?: boolean } = {}): Response {
  const ascii = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.byteLength),
      'content-disposition': `${opts.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
