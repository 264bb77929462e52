/**
 * The addresses the import works out for itself must be the database's own (catalog_slug_base):
 * one it got wrong would let two batches written side by side take the same address at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/db.ts';
import { queryRows } from '../../../db/client.ts';
import { addressesOf, asciiSlugBase } from './import.addresses.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const inDatabase = async (texts: string[]) =>
  (
    await queryRows<{ slug: string }>(
      db.db,
      sql`select catalog_slug_base(t, 'ikm') as slug
          from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality as x(t, n) order by n`,
    )
  ).map((r) => r.slug);

describe('catalog addresses of an import batch', () => {
  it('works out ASCII names exactly as the database does', async () => {
    const names = [
      'Kelompok Tenun Ikat 12',
      '  UD. Sagu  Lempeng -- Seram  ',
      '-Kenari & Pala (Banda)-',
      'CV Mutiara Aru Desa Dobo',
      '!!!',
      '',
      'Tab\tand\nnewline',
      'A'.repeat(79) + '-b',
      `${'word '.repeat(30)}end`,
      'Kain 100% katun',
    ];
    expect(names.map(asciiSlugBase)).toEqual(await inDatabase(names));
  });

  it('leaves other text to the database, and the set holds both of its answers', async () => {
    expect(asciiSlugBase('Café Ambon')).toBeUndefined();
    const businesses = [
      { name: 'Café Ambon', desa: 'Batu Merah' },
      { name: 'Tenun Ikat', desa: 'Ohoiwait' },
      { name: 'Straße Tanimbar', desa: null },
      { name: 'Tenun Ikat', desa: undefined },
    ];
    const expected = await inDatabase([
      'Café Ambon',
      'Café Ambon Batu Merah',
      'Tenun Ikat',
      'Tenun Ikat Ohoiwait',
      'Straße Tanimbar',
    ]);
    expect(expected).toContain('cafe-ambon-batu-merah');
    expect([...(await addressesOf(db.db, businesses))].sort()).toEqual([...new Set(expected)].sort());
  });
});
