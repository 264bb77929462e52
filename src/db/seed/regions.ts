import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { projectPath } from '../../paths.ts';
import { type Db, queryRows } from '../client.ts';
import { regions } from '../schema/regions.ts';

const dataFile = (name: string) => projectPath('src/db/seed/data', name);

/** Rows of a simple CSV (the project's own files: no quoted fields). */
function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(dataFile(name), 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? '').trim()]));
  });
}

/** The region rows for Maluku: province, 11 kab/kota (with BPS codes) and 119 kecamatan. */
export function malukuRegions(): (typeof regions.$inferInsert)[] {
  const bps = new Map(
    readCsv('maluku_kabkota_codes.csv').map((r) => [r.kode_kemendagri!, r.kode_bps_mfd2018!]),
  );
  return readCsv('maluku_kemendagri_kab_kec.csv').map((r) => {
    const code = r.kode!;
    const level = r.level as 'provinsi' | 'kabupaten_kota' | 'kecamatan';
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    return {
      code,
      name: r.nama!,
      level,
      parentCode,
      provinceCode: code.slice(0, 2),
      // The province's BPS code is its Kemendagri code; kab/kota carry their own BPS code.
      bpsCode: level === 'provinsi' ? code : level === 'kabupaten_kota' ? (bps.get(code) ?? null) : null,
    };
  });
}

/** Inserts the regions once (existing codes are left as they are). */
export async function seedRegions(db: Db): Promise<number> {
  const rows = malukuRegions();
  const [present] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from regions`);
  if (Number(present?.n) >= rows.length) return Number(present?.n);
  // Parents first: sorted by code length then code.
  rows.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  await db.insert(regions).values(rows).onConflictDoNothing({ target: regions.code });
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from regions`);
  return Number(count?.n ?? 0);
}
