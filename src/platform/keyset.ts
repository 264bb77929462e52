/**
 * Keyset pagination: a page starts after (or before) the key of a row, never at an OFFSET, so page
 * 500 costs what page 1 costs. The key is the sort value(s) plus the id, which makes it unique.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyColumn } from 'drizzle-orm';

export type KeyValue = string | number | null;

export interface PageRequest {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export interface Page<T> {
  rows: T[];
  /** Cursor for the next page, or null on the last page. */
  next: string | null;
  /** Cursor for the previous page, or null on the first page. */
  prev: string | null;
}

export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The key values in a cursor, or null when it is malformed (then the first page is shown). */
export function decodeCursor(cursor: string | undefined, arity: number): KeyValue[] | null {
  if (!cursor || cursor.length > 1000) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== arity) return null;
    if (!values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return null;
    return values;
  } catch {
    return null;
  }
}

/**
 * Runs one page of a query ordered by `keys` (sort expressions, the last one unique) in `dir`.
 * `run` receives the extra WHERE condition, the ORDER BY and the LIMIT to apply.
 */
export async function paginate<T>(opts: {
  request: PageRequest;
  keys: (AnyColumn | SQL)[];
  dir: 'asc' | 'desc';
  keyOf: (row: T) => KeyValue[];
  run: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<T[]>;
}): Promise<Page<T>> {
  const { request, keys, dir, keyOf, run } = opts;
  const before = decodeCursor(request.before, keys.length);
  const after = before ? null : decodeCursor(request.after, keys.length);
  const backwards = before !== null;
  const effectiveDir = backwards ? (dir === 'asc' ? 'desc' : 'asc') : dir;
  const cursor = before ?? after;
  const tuple = sql.join(keys, sql`, `);
  let where: SQL | undefined;
  if (cursor) {
    const values = sql.join(
      cursor.map((v) => sql`${v}`),
      sql`, `,
    );
    where = effectiveDir === 'asc' ? sql`(${tuple}) > (${values})` : sql`(${tuple}) < (${values})`;
  }
  const orderBy = keys.map((k) => (effectiveDir === 'asc' ? sql`${k} asc` : sql`${k} desc`));
  const rows = await run(where, orderBy, request.limit + 1);
  const more = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (backwards) {
    page.reverse();
    return {
      rows: page,
      prev: more && page[0] ? encodeCursor(keyOf(page[0])) : null,
      next: page.length ? encodeCursor(keyOf(page[page.length - 1]!)) : null,
    };
  }
  return {
    rows: page,
    next: more && page.length ? encodeCursor(keyOf(page[page.length - 1]!)) : null,
    prev: after && page[0] ? encodeCursor(keyOf(page[0])) : null,
  };
}
