/**
 * How the cycle pages name the rubric version each commodity is assessed with. A cycle stores only
 * a reference; the assessment feature, which cycles may not import, registers the labeller (app.ts)
 * and serves the page where the admin chooses the versions.
 */
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../platform/domain.ts';

export interface RubricRefView {
  label: string;
  href: string;
}

export type RubricRefLabeller = (db: Db, refs: string[], lang: Lang) => Promise<Map<string, RubricRefView>>;

let labeller: RubricRefLabeller = async () => new Map();

export function setRubricRefLabeller(fn: RubricRefLabeller): void {
  labeller = fn;
}

/** The label and page of each reference (a reference nobody can name is left out). */
export function rubricRefLabels(
  db: Db,
  refs: (string | null)[],
  lang: Lang,
): Promise<Map<string, RubricRefView>> {
  return labeller(
    db,
    refs.filter((r): r is string => !!r),
    lang,
  );
}

/** Where the admin chooses the cycle's rubric versions. */
export const cycleRubricsPath = (cycleId: string) => `/cycles/${cycleId}/rubrics`;
