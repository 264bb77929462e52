/**
 * Test helper: the fields a browser would post from a form of a page (inputs, textareas, selects),
 * so integration tests change one value and post the rest as the user saw it.
 */
const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The named fields of the form with `id` (or the first POST form holding `version`). */
export function formFields(html: string, id?: string): Record<string, string | string[]> {
  let body = html;
  if (id) {
    const start = html.indexOf(`id="${id}"`);
    if (start < 0) throw new Error(`no form ${id}`);
    body = html.slice(start, html.indexOf('</form>', start));
  }
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  for (const m of body.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === '_csrf') continue;
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(attrs)) continue;
    add(name, decodeEntities(/value="([^"]*)"/.exec(attrs)?.[1] ?? ''));
  }
  for (const m of body.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]+)"/.exec(m[1]!)?.[1];
    if (name) add(name, decodeEntities(m[2]!));
  }
  for (const m of body.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /name="([^"]+)"/.exec(m[1]!)?.[1];
    if (!name) continue;
    const selected =
      /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? /<option value="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
    add(name, decodeEntities(selected));
  }
  return out;
}

/** The messages of a page's error summary. */
export function errorSummary(html: string): string[] {
  const box = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<li>(?:<a[^>]*>)?([\s\S]*?)(?:<\/a>)?<\/li>/g)].map((m) =>
    decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).trim(),
  );
}
