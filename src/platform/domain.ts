/**
 * Closed sets shared by the schema (check constraints), the code (unions) and validation (zod enums).
 * One list each; everything else derives from it.
 */
import { z } from 'zod';

export const ROLES = ['admin_provinsi', 'petugas_kabkota', 'penilai', 'pemilik_ikm'] as const;
export type Role = (typeof ROLES)[number];
export const RoleEnum = z.enum(ROLES);

export const REGION_LEVELS = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LangEnum = z.enum(LANGS);
