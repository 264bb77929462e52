/**
 * The worker thread that reads a large xlsx for the import (see import.reader.ts): the workbook's
 * sheets and rows, sent to the main thread as packed JSON, a batch of rows at a time, never more
 * than a few batches ahead of what the main thread has taken. Told to stop, it leaves its loops, so
 * the reader closes the file, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packCell } from './import.cells.ts';
import {
  READER_AHEAD,
  READER_BATCH,
  type ReaderMessage,
  type ReaderRequest,
  type ReaderSignal,
} from './import.reader.protocol.ts';
import { openXlsx } from './import.xlsx.ts';

const port = parentPort!;
const request = workerData as ReaderRequest;
let credits = READER_AHEAD;
let stopped = false;
let wake: (() => void) | undefined;
port.on('message', (signal: ReaderSignal) => {
  if (signal === 'stop') stopped = true;
  else credits++;
  wake?.();
});

const post = (message: ReaderMessage) => port.postMessage(message);

/** Sends a batch of rows once the main thread has room for it; false when told to stop. */
async function sendRows(rows: [number, unknown[]][], progress: number): Promise<boolean> {
  while (credits <= 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
  if (stopped) return false;
  credits--;
  post({ type: 'rows', json: JSON.stringify(rows), progress });
  return true;
}

async function read(): Promise<void> {
  const workbook = openXlsx(request.path, { styles: request.styles });
  for await (const sheet of workbook.sheets) {
    if (stopped) return;
    post({ type: 'sheet', name: sheet.name });
    let rows: [number, unknown[]][] = [];
    for await (const row of sheet.rows) {
      rows.push([row.rowNumber, Array.from(row.cells, (c) => (c ? packCell(c) : null))]);
      if (rows.length >= READER_BATCH) {
        if (!(await sendRows(rows, workbook.progress()))) return;
        rows = [];
      }
    }
    if (rows.length && !(await sendRows(rows, workbook.progress()))) return;
    post({ type: 'sheetEnd' });
  }
  post({ type: 'end' });
}

try {
  await read();
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
} finally {
  port.close();
}
