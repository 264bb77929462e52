/**
 * The story behind a product (cerita produk): plain text with a few safe marks — **bold**, _italic_,
 * "- " bullet lines and blank lines between paragraphs. Whatever is pasted in (HTML from a word
 * processor, scripts) is reduced to that on save, and the text is rendered by JSX, which escapes it.
 */
import type { Child } from 'hono/jsx';

export const STORY_MAX = 6000;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower]!;
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : lower.startsWith('#')
        ? Number(lower.slice(1))
        : Number.NaN;
    return Number.isFinite(code) && code > 31 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

/** Control characters (but the newline) and the invisible direction overrides. */
function invisible(cp: number): boolean {
  return (
    (cp < 32 && cp !== 10) || cp === 127 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
  );
}

/** Reduces pasted text or HTML to the story's plain marks; the result is what is stored. */
export function sanitizeStory(raw: string): string {
  let s = decodeEntities(raw.normalize('NFC').replace(/\r\n?/g, '\n'));
  // Whole elements whose content is never text for a reader.
  s = s.replace(/<(script|style|iframe|object|embed|svg|math|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '');
  s = s.replace(/<(script|style|iframe|object|embed|svg|math|template|noscript)\b[^>]*>/gi, '');
  s = s
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/?\s*(p|div|h[1-6]|ul|ol|table|tr|blockquote)\b[^>]*>/gi, '\n\n')
    .replace(/<\s*li\b[^>]*>/gi, '\n- ')
    .replace(/<\s*\/?\s*(b|strong)\b[^>]*>/gi, '**')
    .replace(/<\s*\/?\s*(i|em)\b[^>]*>/gi, '_')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  // Control characters (but newlines) and invisible direction overrides.
  s = [...s.replace(/\t/g, ' ')].filter((ch) => !invisible(ch.codePointAt(0)!)).join('');
  s = s
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return s.slice(0, STORY_MAX);
}

/** **bold**, _italic_ and *italic* within a line, as elements around escaped text. */
function inline(line: string): Child[] {
  const out: Child[] = [];
  const re = /\*\*(.+?)\*\*|_(.+?)_|\*(.+?)\*/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) out.push(line.slice(last, m.index));
    if (m[1] !== undefined) out.push(<strong>{m[1]}</strong>);
    else out.push(<em>{m[2] ?? m[3]}</em>);
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

/** The stored story as paragraphs and lists. */
export function StoryText(props: { text: string | null | undefined }) {
  const text = props.text?.trim();
  if (!text) return null;
  const blocks = text.split(/\n\s*\n/);
  return (
    <div class="story">
      {blocks.map((block) => {
        const lines = block.split('\n').filter((l) => l.trim() !== '');
        if (lines.length > 0 && lines.every((l) => /^\s*[-•]\s+/.test(l))) {
          return (
            <ul>
              {lines.map((l) => (
                <li>{inline(l.replace(/^\s*[-•]\s+/, ''))}</li>
              ))}
            </ul>
          );
        }
        return <p>{lines.flatMap((l, i) => (i === 0 ? inline(l) : [<br />, ...inline(l)]))}</p>;
      })}
    </div>
  );
}
