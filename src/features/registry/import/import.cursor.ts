/**
 * How far an import got. Each batch covers the sheet rows (after, last]; every row up to the cursor
 * is imported, and batches that committed before an earlier one (written side by side on PostgreSQL)
 * wait in `ahead` until the gap before them closes. A resumed import passes over all of these rows.
 */
export interface ImportProgress {
  cursorRow: number;
  ahead: [number, number][];
}

/** The progress once the batch covering rows (after, last] has committed. */
export function advance(progress: ImportProgress, batch: [number, number]): ImportProgress {
  let cursorRow = progress.cursorRow;
  let ahead = [...progress.ahead, batch];
  for (;;) {
    const next = ahead.find(([after]) => after <= cursorRow);
    if (!next) break;
    cursorRow = Math.max(cursorRow, next[1]);
    ahead = ahead.filter((r) => r !== next);
  }
  return { cursorRow, ahead: ahead.sort((a, b) => a[0] - b[0]) };
}

/** Whether a sheet row is already imported. */
export function isImported(progress: ImportProgress): (rowNumber: number) => boolean {
  return (row) =>
    row <= progress.cursorRow || progress.ahead.some(([after, last]) => row > after && row <= last);
}
