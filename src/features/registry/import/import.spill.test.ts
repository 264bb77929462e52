import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from './import.cells.ts';
import type { HeaderMap } from './import.columns.ts';
import type { Draft } from './import.rows.ts';
import { packCell, unpackCell } from './import.cells.ts';
import { openSpill, pruneSpills, removeSpill, SpillWriter } from './import.spill.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-spill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const header: HeaderMap = {
  headerRow: 3,
  headerRows: 1,
  byIndex: new Map([
    [0, 'name'],
    [2, 'nib'],
  ]),
  labels: { name: 'A (Nama usaha)', nib: 'C (NIB)' },
  ignored: ['B (Catatan lain)'],
};
const terms = { defaultKabkota: '81.03' };

const CELLS: Cell[] = [
  { kind: 'text', text: 'Sanggar Tenun Ikat Olilit — "Ibu" Maria' },
  { kind: 'text', text: '' },
  { kind: 'number', value: 9_120_001_234_567 },
  { kind: 'number', value: 0.65, percent: true },
  { kind: 'number', value: -2.5 },
  { kind: 'date', value: new Date(Date.UTC(2026, 10, 28)) },
  { kind: 'bool', value: false },
  { kind: 'error', code: '#REF!' },
  { kind: 'formula_without_value' },
];

function draft(rowNumber: number): Draft {
  return {
    rowNumber,
    data: { name: `UD Sagu ${rowNumber}`, nib: String(9_120_001_234_000 + rowNumber), investment: 1_250_000 },
    dropped: new Set(rowNumber % 2 ? ['phone'] : []),
    issues:
      rowNumber % 3 ? [] : [{ rowNumber, columnKey: 'phone', severity: 'cell', key: 'v:x', value: '12' }],
    cells: {
      name: { kind: 'text', text: `UD Sagu ${rowNumber}` },
      nib: CELLS[rowNumber % CELLS.length],
      phone: undefined,
    },
  };
}

async function write(jobId: string, rows: number[], perBatch: number) {
  const w = (await SpillWriter.create(dir, jobId, terms, header))!;
  for (let i = 0; i < rows.length; i += perBatch) {
    const drafts = rows.slice(i, i + perBatch).map(draft);
    const written = w.write({ drafts, lastRow: drafts[drafts.length - 1]!.rowNumber });
    // The check goes on changing the drafts: the spill keeps them as they were.
    for (const d of drafts)
      d.issues.push({ rowNumber: d.rowNumber, columnKey: null, severity: 'row', key: 'v:later' });
    await written;
  }
  await w.finish();
}

async function readAll(jobId: string, size: number, skip = (_row: number) => false) {
  const r = await openSpill(dir, jobId, terms);
  if (!r) return undefined;
  const out: { rows: number[]; lastRow: number }[] = [];
  const drafts: Draft[] = [];
  for await (const b of r.batches(size, skip)) {
    out.push({ rows: b.drafts.map((d) => d.rowNumber), lastRow: b.lastRow });
    drafts.push(...b.drafts);
  }
  expect(r.progress()).toBe(1);
  await r.close();
  return { header: r.header, batches: out, drafts };
}

describe('the rows kept between the check and the import', () => {
  it('packs every kind of cell to a shorter exact form and back', () => {
    for (const cell of CELLS) expect(unpackCell(JSON.parse(JSON.stringify(packCell(cell))))).toEqual(cell);
    expect(JSON.stringify(packCell(CELLS[0]!)).length).toBeLessThan(JSON.stringify(CELLS[0]).length);
  });

  it('gives back the drafts as the check read them, in batches of the size asked, past the rows to skip', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => i + 4);
    await write('job-a', rows, 10);
    const all = await readAll('job-a', 7);
    expect(all!.header).toEqual(header);
    expect(all!.batches.map((b) => b.rows.length)).toEqual([7, 7, 7, 4]);
    expect(all!.batches.map((b) => b.lastRow)).toEqual([10, 17, 24, 28]);
    expect(all!.drafts).toEqual(rows.map(draft));
    const later = await readAll('job-a', 10, (row) => row <= 12 || (row > 20 && row <= 22));
    expect(later!.batches.flatMap((b) => b.rows)).toEqual(rows.filter((r) => r > 12 && (r <= 20 || r > 22)));
  });

  it('is not used when cut short, of another job or officer, unfinished, or removed', async () => {
    await write('job-b', [4, 5, 6, 7], 2);
    const file = path.join(dir, 'job-b.rows');
    expect(await openSpill(dir, 'job-b', { defaultKabkota: null })).toBeUndefined();
    fs.copyFileSync(file, path.join(dir, 'job-c.rows'));
    expect(await openSpill(dir, 'job-c', terms)).toBeUndefined(); // made for job-b
    const whole = fs.readFileSync(file);
    for (const cut of [1, 8, whole.length - 20, whole.length - 5]) {
      fs.writeFileSync(file, whole.subarray(0, whole.length - cut));
      expect(await openSpill(dir, 'job-b', terms), `cut ${cut}`).toBeUndefined();
    }
    // Damaged inside, its footer and first frame whole: the last frame's length no longer ends
    // where the footer begins (found on opening, not halfway through the import).
    const inside = Buffer.from(whole);
    let last = 0;
    for (let at = 0; at < inside.length - 8; at += 4 + inside.readUInt32LE(at)) last = at;
    expect(last).toBeGreaterThan(0);
    inside.writeUInt32LE(inside.readUInt32LE(last) - 2, last);
    fs.writeFileSync(file, inside);
    expect(await openSpill(dir, 'job-b', terms)).toBeUndefined();
    // A folder that cannot be written: no spill, and the check goes on without one.
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    expect(await SpillWriter.create(blocked, 'job-x', terms, header)).toBeUndefined();
    const unfinished = (await SpillWriter.create(dir, 'job-d', terms, header))!;
    await unfinished.write({ drafts: [draft(4)], lastRow: 4 });
    expect(await openSpill(dir, 'job-d', terms)).toBeUndefined();
    await unfinished.abort();
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('job-d'))).toEqual([]);
    await write('job-e', [4], 1);
    await removeSpill(dir, 'job-e');
    expect(await openSpill(dir, 'job-e', terms)).toBeUndefined();
  });

  it('prunes spills older than a week', async () => {
    await write('job-old', [4], 1);
    await write('job-new', [4], 1);
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    fs.utimesSync(path.join(dir, 'job-old.rows'), weekAgo, weekAgo);
    await pruneSpills(dir);
    expect(fs.existsSync(path.join(dir, 'job-old.rows'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'job-new.rows'))).toBe(true);
  });
});
