/**
 * Our own streaming reader of an xlsx for the import (ADR 0112). yauzl opens the zip by its central
 * directory, so the parts are read in the order the workbook needs them — workbook, relationships,
 * shared strings, styles, then each visible sheet — and a sheet's XML is inflated and parsed by
 * saxes a chunk at a time: only the shared strings (as an xlsx requires) and the rows of one chunk
 * are held. Everything else in the file (drawings, comments, themes, defined names) is not read.
 */
import type { Readable } from 'node:stream';
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import type { Entry, ZipFile } from 'yauzl';
import { type Cell, cellOf, MAX_COLUMNS } from './import.cells.ts';
import type { Sheet, SheetRow, Workbook } from './import.file.ts';

/** Built-in number formats that matter to the import: percentages and dates (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** A number format shows a date or time when it has a date/time token outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[dmyhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** What a cell style (an index into cellXfs) means for its number. */
interface NumberStyle {
  format: string | undefined;
  date: boolean;
}

/** An Excel serial day number as the UTC instant it names (1900 system, or 1904 when the workbook says). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** OOXML writes control characters in text as _xHHHH_ (ECMA-376 §22.9.2.19). */
function unescapeText(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** A tag's name without its namespace prefix (some writers prefix the SpreadsheetML elements). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The value of an attribute whatever its prefix (`r:id` is the relationship id whatever `r` is bound to). */
function prefixed(attrs: Record<string, string>, name: string): string | undefined {
  for (const key in attrs) if (key.endsWith(`:${name}`)) return attrs[key];
  return undefined;
}

/** The 0-based column of a cell reference such as `C7` (-1 when it has no letters). */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

/** A part's path from a relationship target, relative to the part that holds the relationship. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relationships file of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

type Handlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

interface Saxes {
  SaxesParser: new (opts: { position: boolean }) => SaxesParser<{ position: boolean }>;
}

/** Deeper than any spreadsheet part nests (a sheet goes about six levels down). */
const MAX_DEPTH = 64;
/**
 * The most characters between two XML events (a text node, a tag with its attributes). Excel's
 * cells hold at most 32,767; past this the file is hostile, refused before the parser buffers it.
 */
const MAX_TOKEN_CHARS = 1 << 20;

interface Parser {
  /** Feeds text to the parser; a malformed or hostile document throws. */
  write(text: string): void;
  close(): void;
}

/** A saxes parser calling the handlers with local names, bounded in nesting and token size. */
function parser(saxes: Saxes, h: Handlers): Parser {
  const p = new saxes.SaxesParser({ position: false });
  const { open, text, close } = h;
  let depth = 0;
  let sinceEvent = 0;
  p.on('opentag', (t) => {
    sinceEvent = 0;
    if (++depth > MAX_DEPTH) throw new Error(`the XML nests deeper than ${MAX_DEPTH} levels`);
    open?.(local(t.name), (t as SaxesTagPlain).attributes);
  });
  p.on('closetag', (t) => {
    sinceEvent = 0;
    depth--;
    close?.(local(t.name));
  });
  const onText = (s: string) => {
    sinceEvent = 0;
    text?.(s);
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('error', (err) => {
    throw err;
  });
  return {
    write(chunk: string) {
      sinceEvent += chunk.length;
      p.write(chunk);
      if (sinceEvent > MAX_TOKEN_CHARS) throw new Error('a cell or tag of the file is larger than 1 MB');
    },
    close: () => void p.close(),
  };
}

/**
 * The workbook at `path`, its visible worksheets in workbook order, each a stream of rows.
 * `styles` reads the number formats, so percentages and dates are known.
 */
export function openXlsx(path: string, opts: { styles?: boolean } = {}): Workbook {
  let total = 1;
  let done = 0;
  let current = 0;
  return {
    progress: () => Math.min(1, (done + current) / total),
    sheets: (async function* (): AsyncGenerator<Sheet> {
      const [{ default: yauzl }, saxes] = await Promise.all([import('yauzl'), import('saxes')]);
      const zip: ZipFile = await yauzl.openPromise(path, {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        strictFileNames: false,
      });
      let reading: Readable | undefined;
      try {
        // Part names are case-insensitive (ECMA-376 Part 2 §6.2.2.3); writers disagree on case.
        const byName = new Map<string, Entry>();
        for await (const e of zip.eachEntry()) byName.set(e.fileName.toLowerCase(), e);
        const entries = {
          get: (name: string) => byName.get(name.toLowerCase()),
          has: (name: string) => byName.has(name.toLowerCase()),
        };

        /** Streams one part through a parser, yielding after every chunk (so its rows can be handed on). */
        const parse = async function* (
          name: string,
          h: Handlers,
          onBytes?: (consumed: number, entry: Entry) => void,
        ): AsyncGenerator<void> {
          const entry = entries.get(name);
          if (!entry) throw new Error('a part the workbook names is missing from the file');
          const stream = await zip.openReadStreamPromise(entry);
          reading = stream;
          const p = parser(saxes, h);
          const decoder = new TextDecoder();
          let consumed = 0;
          try {
            for await (const chunk of stream as AsyncIterable<Buffer>) {
              consumed += chunk.length;
              p.write(decoder.decode(chunk, { stream: true }));
              onBytes?.(consumed, entry);
              yield;
            }
            p.write(decoder.decode());
            p.close();
          } finally {
            reading = undefined;
            if (!stream.destroyed) stream.destroy();
          }
        };
        const parseAll = async (name: string, h: Handlers) => {
          for await (const _ of parse(name, h));
        };
        const parts: Parts = { has: entries.has, parseAll };
        const relationships = async (part: string) => {
          const rels = new Map<string, { type: string; target: string }>();
          const name = relsOf(part);
          if (!entries.has(name)) return rels;
          await parseAll(name, {
            open: (tag, a) => {
              if (tag === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
                rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(part, a.Target) });
            },
          });
          return rels;
        };
        const ofType = (rels: Map<string, { type: string; target: string }>, type: string) =>
          [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

        const root = await relationships('');
        const workbookPart = ofType(root, 'officeDocument') ?? 'xl/workbook.xml';
        const wbRels = await relationships(workbookPart);

        const listed: { name: string; rid: string | undefined; hidden: boolean }[] = [];
        let date1904 = false;
        await parseAll(workbookPart, {
          open: (tag, a) => {
            if (tag === 'sheet')
              listed.push({
                name: a.name ?? 'Sheet',
                rid: prefixed(a, 'id'),
                hidden: a.state === 'hidden' || a.state === 'veryHidden',
              });
            else if (tag === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
          },
        });

        const shared = await sharedStrings(parts, ofType(wbRels, 'sharedStrings') ?? 'xl/sharedStrings.xml');
        const styles = opts.styles
          ? await numberStyles(parts, ofType(wbRels, 'styles') ?? 'xl/styles.xml')
          : [];

        // Chart, dialog and macro sheets hold no rows to import.
        const sheets = listed.flatMap((s) => {
          const rel = s.rid ? wbRels.get(s.rid) : undefined;
          return !s.hidden && rel?.type.endsWith('/worksheet') ? [{ name: s.name, part: rel.target }] : [];
        });
        total = Math.max(
          1,
          sheets.reduce((n, s) => n + (entries.get(s.part)?.compressedSize ?? 0), 0),
        );

        for (const s of sheets) {
          const entry = entries.get(s.part);
          if (!entry) throw new Error('a part the workbook names is missing from the file');
          let finished = false;
          yield {
            name: s.name,
            rows: (async function* () {
              const ready: SheetRow[] = [];
              const h = sheetHandlers(shared, styles, date1904, (row) => ready.push(row));
              try {
                for await (const _ of parse(s.part, h, (consumed, e) => {
                  current = e.uncompressedSize ? (consumed / e.uncompressedSize) * e.compressedSize : 0;
                })) {
                  for (const row of ready.splice(0)) yield row;
                }
              } catch (err) {
                // A damaged sheet closes the file now: the caller may never return to the sheets.
                zip.close();
                throw err;
              }
              for (const row of ready.splice(0)) yield row;
              finished = true;
            })(),
          };
          // The consumer moved on: a sheet it did not read to the end is closed, not drained.
          if (!finished) reading?.destroy();
          done += entry.compressedSize;
          current = 0;
        }
      } finally {
        reading?.destroy();
        zip.close();
      }
    })(),
  };
}

/** The parts of the open zip: whether one is there, and parsing one whole. */
interface Parts {
  has(name: string): boolean;
  parseAll(name: string, h: Handlers): Promise<void>;
}

/** The shared string table, each item's text (runs joined, phonetic guides left out). */
async function sharedStrings(parts: Parts, part: string): Promise<string[]> {
  const out: string[] = [];
  if (!parts.has(part)) return out;
  let text = '';
  let inT = false;
  let phonetic = 0;
  await parts.parseAll(part, {
    open: (tag) => {
      if (tag === 't') inT = phonetic === 0;
      else if (tag === 'si') text = '';
      else if (tag === 'rPh') phonetic++;
    },
    text: (t) => {
      if (!inT) return;
      text += t;
      if (text.length > MAX_TOKEN_CHARS) throw new Error('a cell or tag of the file is larger than 1 MB');
    },
    close: (tag) => {
      if (tag === 't') inT = false;
      else if (tag === 'si') out.push(unescapeText(text));
      else if (tag === 'rPh') phonetic--;
    },
  });
  return out;
}

/** Each cell style's number format (custom ones from numFmts, else the built-in id). */
async function numberStyles(parts: Parts, part: string): Promise<NumberStyle[]> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  if (!parts.has(part)) return [];
  let inCellXfs = false;
  await parts.parseAll(part, {
    open: (tag, a) => {
      if (tag === 'numFmt' && a.numFmtId && a.formatCode !== undefined)
        custom.set(Number(a.numFmtId), a.formatCode);
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close: (tag) => {
      if (tag === 'cellXfs') inCellXfs = false;
    },
  });
  return ids.map((id) => {
    const format = custom.get(id) ?? BUILT_IN_FORMATS[id];
    const builtInDate = (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
    return {
      format,
      date: custom.has(id) ? isDateFormat(format!) : builtInDate,
    };
  });
}

/** The SAX handlers of a worksheet: each `<row>` becomes a SheetRow handed to `emit` when it closes. */
function sheetHandlers(
  shared: string[],
  styles: NumberStyle[],
  date1904: boolean,
  emit: (row: SheetRow) => void,
): Handlers {
  let inData = false;
  let rowNumber = 0;
  let cells: (Cell | undefined)[] | undefined;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  let formula = false;
  let value: string | undefined;
  let inline: string | undefined;
  let capture: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;

  const finish = (): Cell | undefined => {
    if (type === 'inlineStr') {
      const s = inline ?? value;
      return s === undefined
        ? formula
          ? { kind: 'formula_without_value' }
          : undefined
        : cellOf(unescapeText(s));
    }
    if (value === undefined) return formula ? { kind: 'formula_without_value' } : undefined;
    switch (type) {
      case 's': {
        const s = shared[Number.parseInt(value, 10)];
        return s === undefined ? undefined : cellOf(s);
      }
      case 'str':
        return cellOf(unescapeText(value));
      case 'b':
        return cellOf(value.trim() === '1' || value.trim() === 'true');
      case 'e':
        return { kind: 'error', code: value.trim() };
      case 'd': {
        const d = new Date(value.trim());
        return Number.isNaN(d.getTime()) ? cellOf(value) : { kind: 'date', value: d };
      }
      default: {
        if (value.trim() === '') return formula ? { kind: 'formula_without_value' } : undefined;
        const n = Number(value);
        if (Number.isNaN(n)) return cellOf(value);
        const st = styles[style];
        if (st?.date && Number.isFinite(n)) {
          // A serial past the calendar's end (a NIB typed into a date column) stays a number.
          const d = excelDate(n, date1904);
          if (!Number.isNaN(d.getTime())) return { kind: 'date', value: d };
        }
        return cellOf(n, st?.format);
      }
    }
  };

  return {
    open(tag, a) {
      if (!inData) {
        if (tag === 'sheetData') inData = true;
        return;
      }
      switch (tag) {
        case 'row': {
          const r = a.r ? Number.parseInt(a.r, 10) : Number.NaN;
          rowNumber = Number.isFinite(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          col = -1;
          break;
        }
        case 'c': {
          const at = a.r ? columnOf(a.r) : -1;
          col = at >= 0 ? at : col + 1;
          type = a.t;
          style = a.s ? Number.parseInt(a.s, 10) : 0;
          formula = false;
          value = undefined;
          inline = undefined;
          inInline = false;
          phonetic = 0;
          break;
        }
        case 'v':
          capture = 'v';
          value = '';
          break;
        case 'f':
          formula = true;
          break;
        case 'is':
          inInline = true;
          inline = '';
          break;
        case 't':
          if (inInline && phonetic === 0) capture = 't';
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text(t) {
      if (capture === 'v') value += t;
      else if (capture === 't') inline += t;
      if ((value?.length ?? 0) + (inline?.length ?? 0) > MAX_TOKEN_CHARS)
        throw new Error('a cell or tag of the file is larger than 1 MB');
    },
    close(tag) {
      if (!inData) return;
      switch (tag) {
        case 'v':
        case 't':
          capture = undefined;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cells && col < MAX_COLUMNS) {
            const cell = finish();
            if (cell) cells[col] = cell;
          }
          break;
        case 'row':
          if (cells) emit({ rowNumber, cells });
          cells = undefined;
          break;
        case 'sheetData':
          inData = false;
          break;
      }
    },
  };
}
