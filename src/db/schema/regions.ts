import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { check } from 'drizzle-orm/pg-core';
import { REGION_LEVELS } from '../../platform/domain.ts';
import { oneOf } from './columns.ts';

/** provinsi → kabupaten/kota → kecamatan → desa/kelurahan, keyed by the Kemendagri code (`81.01.02`). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    bpsCode: text('bps_code'),
    name: text('name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    check('regions_level_check', oneOf(t.level, REGION_LEVELS)),
  ],
);
