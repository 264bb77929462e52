/**
 * Closed sets of nominations, candidates, earlier awards and proposal packages, shared by the schema's
 * check constraints, the code's unions and the zod enums. The assessment and awards features use
 * `AWARD_SOURCES` too (they record the stars a cycle gives as `earlier_cycle`).
 */
import { z } from 'zod';

/** The province's verdict on one checklist item of a submitted nomination. */
export const REVIEW_VERDICTS = ['ok', 'fault'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const ReviewVerdictEnum = z.enum(REVIEW_VERDICTS);

/** Where a nomination's document came from: uploaded against the item, or an IKM's registry document. */
export const DOCUMENT_SOURCES = ['upload', 'registry'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

/** A checklist item's status on the task list (GOV.UK task list pattern). */
export const ITEM_STATUSES = ['not_started', 'done', 'returned'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** How an earlier star award came to be known: entered by hand, imported, or given by a cycle here. */
export const AWARD_SOURCES = ['entered', 'imported', 'earlier_cycle'] as const;
export type AwardSource = (typeof AWARD_SOURCES)[number];
export const AwardSourceEnum = z.enum(AWARD_SOURCES);

/** A proposal-package job's progress. */
export const PACKAGE_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PackageJobStatus = (typeof PACKAGE_JOB_STATUSES)[number];

/** The funnel's stages, in order (the "potential → nominated → submitted → returned → passed / failed"). */
export const FUNNEL_STAGES = ['potential', 'nominated', 'submitted', 'returned', 'passed', 'failed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
