/**
 * Forms with repeating rows, without JavaScript: fields are named by path (`bands.0.min`,
 * `phases.proposal.start`), so the error summary's field paths match the inputs. These turn the
 * flat form body into the nested shape the API takes, and back for re-rendering.
 */

const isIndex = (s: string) => /^\d+$/.test(s);

/** `{ 'a.0.b': 'x' }` → `{ a: [{ b: 'x' }] }`. Arrays keep their indices (holes stay undefined). */
export function nestValues(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype' || p === ''))
      continue;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      const slot = isIndex(part) ? Number(part) : part;
      if (isIndex(part) && Number(part) > 999) break;
      if (last) {
        (node as Record<string | number, unknown>)[slot] = value;
      } else {
        const next = parts[i + 1]!;
        let child = (node as Record<string | number, unknown>)[slot];
        if (typeof child !== 'object' || child === null || child instanceof File) {
          child = isIndex(next) ? [] : {};
          (node as Record<string | number, unknown>)[slot] = child;
        }
        node = child as Record<string, unknown> | unknown[];
      }
    }
  }
  return fillHoles(root) as Record<string, unknown>;
}

/** Array holes become undefined entries, so `z.array` sees every index. */
function fillHoles(v: unknown): unknown {
  if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => fillHoles(v[i]));
  if (v && typeof v === 'object' && !(v instanceof File) && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillHoles(x)]));
  }
  return v;
}

/** The reverse of nestValues: `{ a: [{ b: 'x' }] }` → `{ 'a.0.b': 'x' }`; arrays of scalars stay arrays. */
export function flattenValues(nested: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(nested)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v) && v.some((x) => x && typeof x === 'object' && !(x instanceof Date))) {
      v.forEach((item, i) => {
        if (item && typeof item === 'object')
          Object.assign(out, flattenValues(item as Record<string, unknown>, `${key}.${i}`));
      });
    } else if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      !(v instanceof Date) &&
      !(v instanceof File)
    ) {
      Object.assign(out, flattenValues(v as Record<string, unknown>, key));
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** The row indices present under `prefix` (`checklist` → [0, 1, 4]), in order. */
export function rowIndices(flat: Record<string, unknown>, prefix: string): number[] {
  const re = new RegExp(`^${prefix.replace(/[.]/g, '\\.')}\\.(\\d+)\\.`);
  const set = new Set<number>();
  for (const key of Object.keys(flat)) {
    const m = re.exec(key);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}

/** A checkbox group's values as a list (one ticked box arrives as a lone string). */
export function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}
