/**
 * The catalog addresses (slugs) an import batch's new businesses can be given, so that two batches
 * written side by side on PostgreSQL never take the same one at once (ADR 0118). The insert trigger
 * `catalog_ikm_slug` gives a business its name's base, else its name and desa's, else one holding
 * its own id (never shared): the first two are what a batch can share with another.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';

/**
 * `catalog_slug_base(text, 'ikm')` worked out here for text of ASCII only, which the database's
 * unaccent leaves as it is; undefined for any other text, which only the database can work out.
 */
export function asciiSlugBase(text: string): string | undefined {
  if (/[^\p{ASCII}]/u.test(text)) return undefined;
  const trimDashes = (s: string) => s.replace(/^-+|-+$/g, '');
  return trimDashes(trimDashes(text.toLowerCase().replace(/[^a-z0-9]+/g, '-')).slice(0, 80)) || 'ikm';
}

/** The addresses the trigger can give businesses of these names and desa (most worked out here, the rest in one query). */
export async function addressesOf(
  db: Db,
  businesses: { name: string; desa?: string | null | undefined }[],
): Promise<Set<string>> {
  const out = new Set<string>();
  const inDatabase: string[] = [];
  for (const { name, desa } of businesses)
    for (const text of desa == null ? [name] : [name, `${name} ${desa}`]) {
      const base = asciiSlugBase(text);
      if (base === undefined) inDatabase.push(text);
      else out.add(base);
    }
  if (inDatabase.length) {
    const rows = await queryRows<{ slug: string }>(
      db,
      sql`select distinct catalog_slug_base(t, 'ikm') as slug from jsonb_array_elements_text(${JSON.stringify(inDatabase)}::jsonb) as t`,
    );
    for (const r of rows) out.add(r.slug);
  }
  return out;
}
