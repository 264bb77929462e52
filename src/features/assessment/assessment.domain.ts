/**
 * The closed sets of the assessment set-up (rubric versions, assessor profiles, conflicts): one list
 * each, shared by the schema's check constraints, the code's unions and the zod enums.
 */
import { z } from 'zod';
import { CONFLICT_KINDS } from './conflicts.rules.ts';

/** A rubric version is edited as a draft, then published (and never changed again), or discarded. */
export const RUBRIC_VERSION_STATUSES = ['draft', 'published', 'discarded'] as const;
export type RubricVersionStatus = (typeof RUBRIC_VERSION_STATUSES)[number];

/** The kinds of institution an assessor comes from (brief §2.3). */
export const INSTITUTION_TYPES = ['ministry', 'association', 'university', 'province', 'other'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export const InstitutionTypeEnum = z.enum(INSTITUTION_TYPES);

/** Who put a conflict on record: the assessor, the admin, or the admin confirming a suggestion. */
export const CONFLICT_SOURCES = ['assessor', 'admin', 'suggestion'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export const ConflictKindEnum = z.enum(CONFLICT_KINDS);

/** The load cap an assessor gets until the admin sets one (nominations per cycle). */
export const DEFAULT_LOAD_CAP = 10;

/** How an assessor came to be assigned: by hand, in bulk from a list, or by the balanced automatic method. */
export const ASSIGNMENT_METHODS = ['manual', 'bulk', 'auto'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/** A score sheet's state: a draft autosaves; submitted locks it. */
export const SHEET_STATUSES = ['draft', 'submitted'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/** A nomination's result decision: open (computed, editable by moderation), decided (locked). */
export const RESULT_STATUSES = ['open', 'decided'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** What a re-evaluation did to an earlier star: kept, raised or lowered (null for a first award). */
export const STAR_CHANGES = ['kept', 'raised', 'lowered', 'new'] as const;
export type StarChange = (typeof STAR_CHANGES)[number];
