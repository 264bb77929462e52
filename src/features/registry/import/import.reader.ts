/**
 * A large xlsx is read in a worker thread: unzipping and parsing its XML (about a third of the
 * check's time) then runs on the machine's other core while this thread checks the rows and the
 * database writes them. The rows arrive as the same Workbook the in-thread reader gives, so the
 * import reads either the same way. A small file is read in this thread: a thread costs a start.
 */
import { Worker } from 'node:worker_threads';
import { type Cell, type PackedCell, unpackCell } from './import.cells.ts';
import type { SheetRow, Workbook } from './import.file.ts';
import type { ReaderMessage, ReaderRequest, ReaderSignal } from './import.reader.protocol.ts';

/** Files from this size on are read in a worker thread (about 5,000 rows of the template). */
export const THREADED_READ_MIN_BYTES = 512 * 1024;

/**
 * The thread's young generation, where nearly all of its garbage dies: V8's default let it reach
 * 47 MB during a 100,000-row sheet; at 8 MB it stays under 30 MB (measured), a limit on
 * collection frequency only, never an out-of-memory stop.
 */
const YOUNG_MB = 8;

/** How long a reading thread told to stop may take to close its file. */
const STOP_WAIT_MS = 5000;

/** The worker's script: the bundle's own build, or the sources through tsx. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./import.reader.worker.mjs', import.meta.url)
    : new URL('./import-reader.mjs', import.meta.url);
}

/** The visible sheets of an xlsx, read in a worker thread. Closing the sheets' iterator stops it. */
export function openXlsxThreaded(path: string, opts: { styles?: boolean } = {}): Workbook {
  let progress = 0;
  const request: ReaderRequest = { path, styles: opts.styles ?? false };
  let worker: Worker | undefined;
  const queue: ReaderMessage[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;

  let exited: Promise<unknown> | undefined;
  const signal = (s: ReaderSignal) => worker!.postMessage(s);
  const start = () => {
    worker = new Worker(workerUrl(), {
      workerData: request,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
    });
    worker.on('message', (m: ReaderMessage) => {
      queue.push(m);
      notify?.();
    });
    worker.on('error', (err) => {
      failure ??= err;
      notify?.();
    });
    exited = new Promise((resolve) =>
      worker!.once('exit', (code) => {
        failure ??= new Error(`the reading thread stopped (exit code ${code})`);
        notify?.();
        resolve(code);
      }),
    );
  };

  const next = async (): Promise<ReaderMessage> => {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'rows') signal('more');
        if (m.type === 'error') throw new Error(m.message);
        return m;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (notify = resolve));
      notify = undefined;
    }
  };

  let sheetOpen = false;
  async function* rowsOfSheet(): AsyncGenerator<SheetRow> {
    while (sheetOpen) {
      const m = await next();
      if (m.type === 'sheetEnd') {
        sheetOpen = false;
        return;
      }
      if (m.type !== 'rows') throw new Error(`the reading thread sent ${m.type} inside a sheet`);
      progress = m.progress;
      for (const [rowNumber, packed] of JSON.parse(m.json) as [number, (PackedCell | null)[]][]) {
        const cells: (Cell | undefined)[] = new Array(packed.length);
        for (let i = 0; i < packed.length; i++) {
          const p = packed[i];
          if (p !== null && p !== undefined) cells[i] = unpackCell(p);
        }
        yield { rowNumber, cells };
      }
    }
  }

  return {
    progress: () => progress,
    sheets: (async function* () {
      start();
      try {
        for (;;) {
          // A sheet whose rows were not all taken is read to its end first.
          while (sheetOpen) {
            const m = await next();
            if (m.type === 'sheetEnd') sheetOpen = false;
          }
          const m = await next();
          if (m.type === 'end') {
            progress = 1;
            return;
          }
          if (m.type !== 'sheet') throw new Error(`the reading thread sent ${m.type} between sheets`);
          sheetOpen = true;
          yield { name: m.name, rows: rowsOfSheet() };
        }
      } finally {
        // Asked to stop, the thread leaves its loops and the reader closes the file; a thread that
        // does not end soon is ended.
        if (!failure) signal('stop');
        const late = setTimeout(() => void worker!.terminate(), STOP_WAIT_MS);
        await exited;
        clearTimeout(late);
      }
    })(),
  };
}
