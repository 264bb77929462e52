/**
 * The spreadsheet import of a 100,000-row IKM sheet, on PGlite (a fresh data dir): upload → check
 * (the preview) → import of the valid rows → done, through the import service itself, then the same
 * sheet again (every row updates the IKM it made). The sheet is written here with exceljs's
 * streaming writer; the import runs in a child process of its own, so its peak memory (VmHWM, the
 * kernel's high-water mark of resident memory, PGlite's WASM heap included) is the import's alone
 * and not this process's. The rate's budget is measured on PostgreSQL (a 100,000-row sheet is
 * national scale, ADR 0115); PGlite's rate is reported beside it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Result, result, resultAtLeast, tempDir } from './lib.ts';

/** BENCH_IMPORT_ROWS makes a smaller sheet, for profiling. */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const NIB0 = 9_400_000_000_000;
const MIN_ROWS_PER_S = 5000;
/** Maluku's IKM (DESIGN.md §6): a sheet of the whole province. */
const PROVINCE_IKM = 8500;
const MAX_PEAK_MB = 300;

/** What the child reports on its stdout's last line. */
interface ChildReport {
  baselineMb: number;
  peakMb: number;
  sampledPeakMb: number;
  /** The largest JS heap and PGlite WASM memory seen, for telling where memory goes. */
  heapPeakMb: number;
  wasmMb: number;
  /** CPU seconds (user + system) of the first upload-to-done, the figure a loaded machine keeps. */
  cpuS: number;
  check: { ms: number; status: string; valid: number; invalid: number };
  first: { ms: number; status: string; created: number; updated: number };
  /** Absent when the child imports the sheet once only (the PostgreSQL run). */
  again?: { ms: number; checkMs: number; cpuS: number; status: string; created: number; updated: number };
  stored: { rows: number; nibs: number };
}

const FIRST = ['Maria', 'Yohanis', 'Abdul', 'Agustina', 'Frans', 'Siti', 'Marthen', 'Fatima', 'Welem'];
const LAST = ['Latuheru', 'Tuasikal', 'Wattimena', 'Batlayeri', 'Sopacua', 'Rumakat', 'Tomasoa', 'Ohoiwutun'];
const TRADE = ['UD', 'CV', 'Kelompok', 'Sanggar', 'Usaha', 'Toko'];
const GOODS = ['Sagu Lempeng', 'Tenun Ikat', 'Minyak Kayu Putih', 'Kenari', 'Embal', 'Abon Ikan', 'Mutiara'];
const UNITS = ['kg', 'ton', 'liter', 'botol', 'bungkus', 'lembar', 'pcs'];
const PERIODS = ['hari', 'minggu', 'bulan', 'tahun'];

/** Writes the sheet as an office would fill the template: names and codes, numbers as text or not. */
export async function writeSheet(file: string): Promise<void> {
  const { malukuRegions } = await import('../src/db/seed/regions.ts');
  const all = malukuRegions();
  const kabkota = all.filter((r) => r.level === 'kabupaten_kota');
  const kecamatan = new Map(
    kabkota.map((k) => [k.code, all.filter((r) => r.level === 'kecamatan' && r.parentCode === k.code)]),
  );
  // The three ways offices write a kab/kota: its name, "Kab." shortened, or its code.
  const kabText = (k: (typeof kabkota)[number], n: number) =>
    n % 3 === 0 ? k.code : n % 3 === 1 ? k.name : k.name.replace(/^Kabupaten /, 'Kab. ');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('Data IKM');
  ws.addRow([
    'Nama usaha',
    'Nama pemilik',
    'NIB',
    'KBLI',
    'Telepon',
    'Email',
    'Alamat',
    'Kabupaten/kota',
    'Kecamatan',
    'Desa/kelurahan',
    'Tenaga kerja laki-laki',
    'Tenaga kerja perempuan',
    'Nilai investasi (Rp)',
    'Kapasitas produksi',
    'Satuan kapasitas',
    'Periode kapasitas',
  ]).commit();
  for (let n = 0; n < ROWS; n++) {
    const k = kabkota[n % kabkota.length]!;
    const kecs = kecamatan.get(k.code)!;
    const kec = kecs[Math.floor(n / kabkota.length) % kecs.length]!;
    const owner = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / 7) % LAST.length]}`;
    ws.addRow([
      `${TRADE[n % TRADE.length]} ${GOODS[Math.floor(n / 3) % GOODS.length]} ${n}`,
      owner,
      n % 2 ? String(NIB0 + n) : NIB0 + n,
      ['10794', '13134', '16293', '23932', '10720'][n % 5],
      n % 4 === 0
        ? `+62 812 ${String(n).padStart(4, '0').slice(-4)} ${String(n % 9973).padStart(4, '0')}`
        : `0813${String(10_000_000 + n)}`,
      n % 3 === 0 ? `usaha${n}@contoh.id` : null,
      `Jl. Pattimura No. ${(n % 120) + 1}`,
      kabText(k, n),
      kec.name,
      `Desa ${LAST[n % LAST.length]}`,
      n % 2 ? String(n % 5) : n % 5,
      (n % 9) + 1,
      n % 2 ? `${(n % 90) + 10}.000.000` : ((n % 90) + 10) * 1_000_000,
      n % 2 ? '1.200' : '2,5',
      UNITS[n % UNITS.length],
      PERIODS[n % PERIODS.length],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Runs the import in a child process; resolves with its report. */
function runChild(dataDir: string, sheet: string, env: Record<string, string> = {}): Promise<ChildReport> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self], {
      env: {
        ...process.env,
        OVOP_BENCH_IMPORT_CHILD: '1',
        BENCH_DATA_DIR: dataDir,
        BENCH_SHEET: sheet,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`import child exited with ${code}: ${out.slice(-2000)}`));
      resolve(JSON.parse(last) as ChildReport);
    });
  });
}

/**
 * The same import with the database on PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL, else the
 * shared test server; a database of its own, dropped afterwards): the server process then holds
 * the import only, so its peak is the import's memory as a production server sees it.
 */
async function onPostgres(dir: string, sheet: string): Promise<Result[]> {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:55432/postgres';
  const name = `ovop_bench_import_${process.pid}_${Date.now()}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (err) {
    await admin.end().catch(() => {});
    return [
      {
        name: 'import of a 100,000-row IKM sheet, peak memory of the server process (PostgreSQL)',
        value: Number.NaN,
        unit: 'MB',
        budget: `≤ ${MAX_PEAK_MB} MB`,
        within: false,
        note: `PostgreSQL at ${new URL(server).host} not usable: ${(err as Error).message}`,
      },
    ];
  }
  try {
    const u = new URL(server);
    u.pathname = `/${name}`;
    const r = await runChild(path.join(dir, 'data-pg'), sheet, {
      BENCH_CHILD_DATABASE_URL: u.toString(),
      BENCH_IMPORT_ONCE: '1',
    });
    if (
      r.first.status !== 'done' ||
      r.first.created !== ROWS ||
      r.stored.rows !== ROWS ||
      r.stored.nibs !== ROWS
    )
      throw new Error(`import on PostgreSQL saved the wrong rows: ${JSON.stringify(r)}`);
    const total = r.check.ms + r.first.ms;
    return [
      resultAtLeast(
        'import of a 100,000-row IKM sheet, upload to done (check + import, PostgreSQL)',
        ROWS / (total / 1000),
        'rows/s',
        MIN_ROWS_PER_S,
        `check ${(r.check.ms / 1000).toFixed(1)} s, import ${(r.first.ms / 1000).toFixed(1)} s; server process ${Math.round(ROWS / r.cpuS)} rows per CPU second; load average ${os.loadavg()[0]!.toFixed(1)}`,
      ),
      result(
        'import of a 100,000-row IKM sheet, peak memory of the server process (PostgreSQL)',
        r.peakMb,
        'MB',
        MAX_PEAK_MB,
        `process RSS high-water mark; ${Math.round(r.baselineMb)} MB before the upload, JS heap at most ${Math.round(r.heapPeakMb)} MB`,
      ),
    ];
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
}

export async function run(): Promise<Result[]> {
  const dir = tempDir('import');
  try {
    const sheet = path.join(dir, 'ikm-100000.xlsx');
    const t0 = performance.now();
    await writeSheet(sheet);
    const mb = fs.statSync(sheet).size / 1024 / 1024;
    process.stdout.write(
      `  sheet of ${ROWS.toLocaleString('en')} rows written in ${Math.round(performance.now() - t0)} ms (${mb.toFixed(1)} MB)\n`,
    );
    // BENCH_SKIP_PGLITE=1 / BENCH_SKIP_POSTGRES=1 run one engine (a partial run keeps the other's figures).
    if (process.env.BENCH_SKIP_PGLITE === '1') return await onPostgres(dir, sheet);
    const r = await runChild(path.join(dir, 'data'), sheet);
    if (r.check.status !== 'checked' || r.first.status !== 'done' || r.again?.status !== 'done')
      throw new Error(`import did not finish: ${JSON.stringify(r)}`);
    if (
      r.first.created !== ROWS ||
      r.again.updated !== ROWS ||
      r.stored.rows !== ROWS ||
      r.stored.nibs !== ROWS
    )
      throw new Error(`import saved the wrong rows: ${JSON.stringify(r)}`);
    const total = r.check.ms + r.first.ms;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    // Wall time is what a user waits; on a shared machine it also holds other processes' turns,
    // so the CPU time and the load are given beside it.
    const load = `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} CPUs`;
    const rate = ROWS / (total / 1000);
    return [
      // A 100,000-row sheet is national scale: its rate budget is measured on PostgreSQL (ADR 0115).
      result(
        'import of a 100,000-row IKM sheet, upload to done (check + import, PGlite; the budget is on PostgreSQL)',
        rate,
        'rows/s',
        null,
        `${s(total)} in all: check (preview) ${s(r.check.ms)}, import ${s(r.first.ms)}; ${Math.round(ROWS / r.cpuS)} rows per CPU second (${r.cpuS.toFixed(1)} s CPU); ${load}; ${mb.toFixed(1)} MB xlsx, 16 columns, 11 kab/kota; at this rate the province's ${PROVINCE_IKM.toLocaleString('en')} IKM import in ${s((PROVINCE_IKM / rate) * 1000)}`,
      ),
      // On PGlite the database lives in the server process, so the budget applies to what the
      // import adds over the idle process; the whole process is reported beside it (ADR 0113).
      result(
        'import of a 100,000-row IKM sheet, peak memory (process RSS high-water mark, PGlite)',
        r.peakMb,
        'MB',
        null,
        `the whole process, PGlite included: ${Math.round(r.baselineMb)} MB before the upload (database open, its WASM memory ${Math.round(r.wasmMb)} MB at the end); JS heap at most ${Math.round(r.heapPeakMb)} MB`,
      ),
      result(
        'import of a 100,000-row IKM sheet, memory added over the idle process (peak RSS minus RSS before the upload, PGlite)',
        r.peakMb - r.baselineMb,
        'MB',
        MAX_PEAK_MB,
        'the import’s own share of the peak; the database’s own memory is in the idle process',
      ),
      result(
        're-import of the same 100,000-row sheet (every row updates by NIB), upload to done',
        ROWS / ((r.again.checkMs + r.again.ms) / 1000),
        'rows/s',
        null,
        `check ${s(r.again.checkMs)}, import ${s(r.again.ms)}; ${Math.round(ROWS / r.again.cpuS)} rows per CPU second; 0 created, ${r.again.updated.toLocaleString('en')} updated`,
      ),
      ...(process.env.BENCH_SKIP_POSTGRES === '1' ? [] : await onPostgres(dir, sheet)),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The child: the import service on a fresh PGlite data dir -----------------------------------------

/** The kernel's high-water mark of this process's resident memory, in MB. */
function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb ? kb / 1024 : process.resourceUsage().maxRSS / 1024;
}

async function child(): Promise<ChildReport> {
  const { sql } = await import('drizzle-orm');
  const { loadConfig } = await import('../src/config.ts');
  const { queryRows } = await import('../src/db/client.ts');
  const { createUser, findUserByEmail } = await import('../src/features/users/users.service.ts');
  const { confirmImport, createImport, getImport, waitForImport } = await import(
    '../src/features/registry/import/import.service.ts'
  );
  const { prepareDatabase } = await import('../src/main.ts');
  const { systemActor } = await import('../src/platform/actor.ts');
  const { FileStore } = await import('../src/platform/files.ts');
  const { setLogLevel } = await import('../src/platform/log.ts');
  const { keepHeapLean } = await import('../src/platform/heap.ts');
  setLogLevel('silent');
  // As `ovop serve` does at its start.
  keepHeapLean();

  const dataDir = process.env.BENCH_DATA_DIR!;
  fs.mkdirSync(dataDir, { recursive: true });
  const url = process.env.BENCH_CHILD_DATABASE_URL;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const database = await prepareDatabase(config);
  const { db } = database;
  await createUser(
    db,
    systemActor('bench'),
    {
      email: 'bench-import@ovop.test',
      name: 'Bench import',
      role: 'admin_provinsi',
      locale: 'id',
      password: 'bench-password-1',
    },
    config.PROVINCE_CODE,
  );
  const user = (await findUserByEmail(db, 'bench-import@ovop.test'))!;
  const actor = {
    userId: user.id,
    realUserId: user.id,
    role: 'admin_provinsi' as const,
    regionCode: null,
    label: user.email,
    lang: 'id' as const,
  };
  const rt = {
    db,
    dbKind: database.kind,
    files: new FileStore(config.filesDir),
    env: { provinceCode: config.PROVINCE_CODE },
  };
  const maxBytes = config.UPLOAD_MAX_MB * 1024 * 1024;

  global.gc?.();
  const baselineMb = process.memoryUsage.rss() / 1024 / 1024;
  let sampledPeak = baselineMb;
  let heapPeak = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    sampledPeak = Math.max(sampledPeak, m.rss / 1024 / 1024);
    heapPeak = Math.max(heapPeak, m.heapUsed / 1024 / 1024);
  }, 20);

  /** One sheet from upload to done: the check, then the import of the valid rows. */
  const importOnce = async () => {
    const t0 = performance.now();
    const bytes = new Uint8Array(fs.readFileSync(process.env.BENCH_SHEET!));
    const created = await createImport(rt, actor, {
      kind: 'ikm',
      upload: { name: 'ikm-100000.xlsx', bytes },
      maxBytes,
    });
    await waitForImport(db, created.id);
    const checked = await getImport(db, actor, created.id);
    const t1 = performance.now();
    await confirmImport(rt, actor, created.id, 'valid');
    await waitForImport(db, created.id);
    const done = await getImport(db, actor, created.id);
    const t2 = performance.now();
    return { checked, done, checkMs: t1 - t0, importMs: t2 - t1 };
  };

  const cpu0 = process.cpuUsage();
  const first = await importOnce();
  const cpu = process.cpuUsage(cpu0);
  const cpu1 = process.cpuUsage();
  const again = process.env.BENCH_IMPORT_ONCE === '1' ? undefined : await importOnce();
  const cpuAgain = process.cpuUsage(cpu1);
  clearInterval(sampler);
  const [stored] = await queryRows<{ rows: number; nibs: number }>(
    db,
    sql`select count(*)::int as rows, count(distinct nib)::int as nibs from ikm where nib like '94%'`,
  );
  const report: ChildReport = {
    baselineMb,
    peakMb: peakRssMb(),
    sampledPeakMb: sampledPeak,
    heapPeakMb: heapPeak,
    wasmMb:
      ((database.pglite as unknown as { mod?: { HEAPU8?: Uint8Array } } | undefined)?.mod?.HEAPU8?.length ??
        0) /
      1024 /
      1024,
    cpuS: (cpu.user + cpu.system) / 1e6,
    check: {
      ms: first.checkMs,
      status: first.checked.status,
      valid: first.checked.rowsValid,
      invalid: first.checked.rowsInvalid,
    },
    first: {
      ms: first.importMs,
      status: first.done.status,
      created: first.done.createdCount,
      updated: first.done.updatedCount,
    },
    ...(again
      ? {
          again: {
            ms: again.importMs,
            checkMs: again.checkMs,
            cpuS: (cpuAgain.user + cpuAgain.system) / 1e6,
            status: again.done.status,
            created: again.done.createdCount,
            updated: again.done.updatedCount,
          },
        }
      : {}),
    stored: { rows: Number(stored!.rows), nibs: Number(stored!.nibs) },
  };
  await database.close();
  return report;
}

if (process.env.OVOP_BENCH_IMPORT_CHILD === '1') {
  const report = await child();
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}
