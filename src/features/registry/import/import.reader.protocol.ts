/** What the import's reader thread and the main thread say to each other (import.reader.ts). */

export interface ReaderRequest {
  path: string;
  styles: boolean;
}

export type ReaderMessage =
  | { type: 'sheet'; name: string }
  /** Rows as JSON: [rowNumber, cells packed by packCell, null where a cell is empty][]. */
  | { type: 'rows'; json: string; progress: number }
  | { type: 'sheetEnd' }
  | { type: 'end' }
  | { type: 'error'; message: string };

/** From the main thread: room for one more batch, or stop reading. */
export type ReaderSignal = 'more' | 'stop';

/** Rows per message, and messages the reader may send before the main thread takes one. */
export const READER_BATCH = 500;
export const READER_AHEAD = 4;
