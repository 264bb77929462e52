/** What a batch of rows is checked and written with, shared by the three kinds of import. */
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { ImportKind, ImportMode } from '../../../platform/registry-import-domain.ts';
import { checkRegionIn, type RegionInfo, type RegistryEnv, RuleErrors } from '../registry.service.ts';
import type { SizeThresholds } from '../size-class.ts';
import { detached, isBlankCell } from './import.cells.ts';
import type { HeaderMap } from './import.columns.ts';
import { importRules } from './import.messages.ts';
import type { RegionResolver } from './import.resolve.ts';
import { addProblem, columnOfField, type Draft } from './import.rows.ts';

export interface BatchContext {
  kind: ImportKind;
  jobId: string;
  actor: Actor;
  env: RegistryEnv;
  header: HeaderMap;
  /** The column keys the sheet has (a column it lacks leaves stored values as they are). */
  present: Set<string>;
  regions: RegionResolver;
  regionIndex: Map<string, RegionInfo>;
  thresholds: SizeThresholds;
  /** Row of the first occurrence of each key in this run (in-sheet duplicates). */
  seen: Map<string, number>;
}

export interface BatchResult {
  created: number;
  updated: number;
  /** Rows that could not be written although they passed the checks (recorded as problems). */
  failed: number;
}

export interface KindHandler {
  /** The database checks of a batch; adds their problems to the drafts (reads only). */
  check(ctx: BatchContext, db: Db, drafts: Draft[]): Promise<void>;
  /**
   * Checks again inside `tx` and writes the drafts that `mode` lets through; for a kind with
   * `markInSheet`, the import has marked the batch's in-sheet duplicates before.
   */
  write(ctx: BatchContext, tx: Db, drafts: Draft[], mode: ImportMode): Promise<BatchResult>;
  /**
   * A kind whose in-sheet checks need no database (IKM: duplicates by NIB or name) has them here.
   * The import runs them for each batch in sheet order before the batch's transaction begins, and
   * may then write several batches side by side (on PostgreSQL, one connection each).
   */
  markInSheet?(ctx: BatchContext, drafts: Draft[]): void;
  /** With `markInSheet`: whether a batch must wait for an earlier one in flight to commit first. */
  waitsFor?(earlier: Draft[], later: Draft[]): boolean;
  /**
   * With `markInSheet`: what a batch's rows can take that a batch written beside it must not take at
   * the same time (IKM: catalog addresses, ADR 0118). A batch that shares one with a batch in flight
   * waits for it to commit first.
   */
  claims?(db: Db, drafts: Draft[]): Promise<Set<string>>;
}

/**
 * Whether an update keeps the stored value of a column: when the sheet lacks the column, when the
 * row's cell is empty (an office sheet, or the errors file, leaves blank what it does not change),
 * or when the cell could not be read and the row was imported without it.
 */
export function keepsStored(ctx: BatchContext, d: Draft, column: string): boolean {
  return !ctx.present.has(column) || d.dropped.has(column) || isBlankCell(d.cells[column]);
}

/** Marks the later of two rows that describe the same object (`key`) as a duplicate of the first. */
export function markDuplicate(
  ctx: BatchContext,
  draft: Draft,
  key: string,
  message: { column: string; nib?: string; what?: string },
): boolean {
  const first = ctx.seen.get(key);
  if (first === undefined || first === draft.rowNumber) {
    // Kept for the whole run: a copy, not a slice of the sheet's XML (see detached).
    ctx.seen.set(detached(key), draft.rowNumber);
    return false;
  }
  if (message.nib)
    addProblem(ctx.kind, draft, message.column, importRules.duplicateNibInSheet, {
      nib: message.nib,
      row: first,
    });
  else
    addProblem(ctx.kind, draft, null, importRules.duplicateInSheet, { row: first, what: message.what ?? '' });
  return true;
}

/** Region and scope of each row that parsed: the registry's own check, with the run's region index. */
export function checkRegions(ctx: BatchContext, drafts: Draft[]): void {
  for (const d of drafts) {
    if (!d.data) continue;
    const errors = new RuleErrors();
    const data = d.data as { kabkotaCode: string; kecamatanCode?: string };
    checkRegionIn(ctx.regionIndex, ctx.actor, ctx.env, data, errors);
    for (const [field, key] of Object.entries(errors.fields))
      addProblem(ctx.kind, d, columnOfField(ctx.kind, field), key, errors.params);
  }
}

/** A comma-separated list as one SQL parameter (`= any(string_to_array($1, ','))`), safe for codes and ids. */
export function csvParam(values: Iterable<string>): string {
  return [...new Set(values)].join(',');
}
