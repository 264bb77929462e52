/**
 * The xlsx reader alone, exceljs's streaming WorkbookReader against ours (ADR 0112), on the import
 * bench's sheet (100,000 rows × 16 columns; BENCH_IMPORT_ROWS for another size). Each reader runs in
 * a child process of its own, three times, and the figure is the child's CPU time (user + system)
 * spent from opening the file to the last row, cells made as the import makes them — CPU time,
 * because the machine is shared and wall clock counts other processes' turns.
 *
 *   node --import tsx bench/xlsx-reader.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Reader = 'exceljs' | 'ours';

/** In the child: reads every row of every sheet and reports CPU seconds, rows and peak RSS. */
async function readOnce(file: string, reader: Reader, styles: boolean) {
  const { cellOf } = await import('../src/features/registry/import/import.cells.ts');
  const { openWorkbook } = await import('../src/features/registry/import/import.file.ts');
  const cpu0 = process.cpuUsage();
  let rows = 0;
  let cells = 0;
  if (reader === 'exceljs') {
    // What import.file.ts did before ADR 0112.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
      sharedStrings: 'cache',
      styles: styles ? 'cache' : 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of wb)
      for await (const row of ws) {
        row.eachCell((cell, col) => {
          if (col <= 200 && cellOf(cell.value, styles ? cell.numFmt : undefined)) cells++;
        });
        rows++;
      }
  } else {
    for await (const sheet of openWorkbook(file, 'xlsx', { styles }).sheets)
      for await (const row of sheet.rows) {
        for (const c of row.cells) if (c) cells++;
        rows++;
      }
  }
  const cpu = process.cpuUsage(cpu0);
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  return { cpuS: (cpu.user + cpu.system) / 1e6, rows, cells, peakMb };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-xlsx-reader-'));
  try {
    const { writeSheet } = await import('./import.bench.ts');
    const sheet = path.join(dir, 'ikm.xlsx');
    await writeSheet(sheet);
    const self = fileURLToPath(import.meta.url);
    const mb = (fs.statSync(sheet).size / 1024 / 1024).toFixed(1);
    process.stdout.write(`sheet: ${mb} MB xlsx; load average ${os.loadavg()[0]!.toFixed(1)}\n`);
    for (const styles of [false, true])
      for (const reader of ['exceljs', 'ours'] as const) {
        const runs = [0, 1, 2].map(() => {
          const r = spawnSync(process.execPath, ['--import', 'tsx', self], {
            env: { ...process.env, XLSX_READER_CHILD: JSON.stringify({ sheet, reader, styles }) },
            encoding: 'utf8',
          });
          if (r.status !== 0) throw new Error(`${reader} child failed: ${r.stderr}`);
          return JSON.parse(r.stdout.trim().split('\n').pop()!) as Awaited<ReturnType<typeof readOnce>>;
        });
        const cpu = runs.map((r) => r.cpuS).sort((a, b) => a - b);
        const median = cpu[1]!;
        const { rows, cells } = runs[0]!;
        process.stdout.write(
          `${reader.padEnd(8)} styles ${styles ? 'cache' : 'off  '}: ${rows.toLocaleString('en')} rows, ${cells.toLocaleString('en')} cells; ` +
            `CPU ${cpu.map((c) => c.toFixed(2)).join(' / ')} s (median ${median.toFixed(2)} s) = ${Math.round(rows / median).toLocaleString('en')} rows per CPU second; ` +
            `peak RSS ${Math.round(Math.max(...runs.map((r) => r.peakMb)))} MB\n`,
        );
      }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const child = process.env.XLSX_READER_CHILD;
if (child) {
  const { sheet, reader, styles } = JSON.parse(child) as { sheet: string; reader: Reader; styles: boolean };
  process.stdout.write(`${JSON.stringify(await readOnce(sheet, reader, styles))}\n`);
} else {
  await main();
}
