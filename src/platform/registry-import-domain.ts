/**
 * Closed sets of the registry's spreadsheet import, shared by the schema's check constraints, the
 * code's unions and the zod enums.
 */
import { z } from 'zod';

/** What a sheet holds. */
export const IMPORT_KINDS = ['sentra', 'ikm', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindEnum = z.enum(IMPORT_KINDS);

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * checking → checked → importing → done; failed (the file could not be read); cancelled (the preview
 * was set aside). A checking or importing job no process runs any more was interrupted (derived).
 */
export const IMPORT_STATUSES = ['checking', 'checked', 'importing', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** All rows that can be saved (values that cannot be read are left out), or only rows without problems. */
export const IMPORT_MODES = ['all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const ImportModeEnum = z.enum(IMPORT_MODES);

export const IMPORT_ISSUE_PHASES = ['check', 'import'] as const;
export type ImportIssuePhase = (typeof IMPORT_ISSUE_PHASES)[number];

export const IMPORT_ISSUE_SEVERITIES = ['row', 'cell'] as const;
export type ImportIssueSeverity = (typeof IMPORT_ISSUE_SEVERITIES)[number];
