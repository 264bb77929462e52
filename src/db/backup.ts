/**
 * `ovop backup` / `ovop restore`: the database and the uploaded files together, in one .tar.gz.
 * The rows are kept as JSON (one line a row, as PostgreSQL writes them), so a backup made on PGlite
 * restores on PostgreSQL and back. A restore checks everything before it changes anything.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import * as tar from 'tar';
import type { Actor } from '../platform/actor.ts';
import { writeAudit } from '../platform/audit.ts';
import { type Database, type Db, queryRows as rows } from './client.ts';

const FORMAT = 'ovop-backup';
const FORMAT_VERSION = 1;
const MANIFEST = 'ovop-backup.json';
const BATCH = 2000;

export class BackupError extends Error {
  override name = 'BackupError';
}

interface Manifest {
  format: string;
  formatVersion: number;
  createdAt: string;
  dbKind: string;
  migrations: string[];
  tables: Record<string, { rows: number; sha256: string }>;
  files: { count: number; bytes: number };
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables (schema public), each with its primary-key columns. */
async function tablesWithKeys(db: Db): Promise<{ name: string; keys: string[] }[]> {
  const list = await rows<{ name: string; keys: string[] | null }>(
    db,
    sql`select c.relname as name,
          (select array_agg(a.attname::text order by array_position(i.indkey, a.attnum))
             from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = c.oid and i.indisprimary) as keys
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
       order by c.relname`,
  );
  return list.map((t) => ({ name: t.name, keys: t.keys ?? [] }));
}

/** Tables ordered so that each comes after the tables its foreign keys point to. */
async function insertionOrder(db: Db, tables: string[]): Promise<string[]> {
  const deps = await rows<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered.filter((t) => tables.includes(t));
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const list = await rows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by id`,
  );
  return list.map((r) => r.hash);
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Writes a backup of the database and the files under `filesDir` to `outFile`. */
export async function backup(database: Database, filesDir: string, outFile: string): Promise<Manifest> {
  const { db } = database;
  const staging = path.join(
    path.dirname(path.resolve(filesDir)),
    `.backup-${randomBytes(6).toString('hex')}`,
  );
  fs.mkdirSync(path.join(staging, 'db'), { recursive: true });
  fs.mkdirSync(path.join(staging, 'files'), { recursive: true });
  try {
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      dbKind: database.kind,
      migrations: [],
      tables: {},
      files: { count: 0, bytes: 0 },
    };
    // One consistent snapshot of every table.
    await db.transaction(
      async (tx) => {
        manifest.migrations = await appliedMigrations(tx);
        for (const table of await tablesWithKeys(tx)) {
          const file = path.join(staging, 'db', `${table.name}.jsonl`);
          const fd = fs.openSync(file, 'w');
          const hash = createHash('sha256');
          let count = 0;
          let last: string[] | null = null;
          const cols = table.keys.map(q).join(', ');
          const keySelect = table.keys.map((k, i) => `${q(k)}::text as k${i}`).join(', ');
          for (;;) {
            // Keyset over the primary key (native order, so its index serves); parameters take the key's types.
            const where: SQL = last
              ? sql` where (${sql.raw(cols)}) > (${sql.join(
                  last.map((v) => sql`${v}`),
                  sql`, `,
                )})`
              : sql``;
            const batch: Record<string, string>[] = await rows<Record<string, string>>(
              tx,
              table.keys.length
                ? sql`select row_to_json(t)::text as j, ${sql.raw(keySelect)} from ${sql.raw(q(table.name))} t${where} order by ${sql.raw(cols)} limit ${BATCH}`
                : sql`select row_to_json(t)::text as j from ${sql.raw(q(table.name))} t`,
            );
            for (const r of batch) {
              const line = `${r.j}\n`;
              fs.writeSync(fd, line);
              hash.update(line);
              count++;
            }
            if (!table.keys.length || batch.length < BATCH) break;
            const lastRow = batch[batch.length - 1]!;
            last = table.keys.map((_, i) => lastRow[`k${i}`]!);
          }
          fs.closeSync(fd);
          manifest.tables[table.name] = { rows: count, sha256: hash.digest('hex') };
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // Files: hard links into the staging folder (copies across file systems).
    for (const file of walk(filesDir)) {
      const name = path.basename(file);
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      const target = path.join(staging, 'files', name);
      try {
        fs.linkSync(file, target);
      } catch {
        fs.copyFileSync(file, target);
      }
      manifest.files.count++;
      manifest.files.bytes += fs.statSync(file).size;
    }
    fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    const tmpOut = `${outFile}.partial`;
    await tar.c({ gzip: true, file: tmpOut, cwd: staging, portable: true }, [MANIFEST, 'db', 'files']);
    fs.renameSync(tmpOut, outFile);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.isFile()) yield p;
  }
}

/**
 * Replaces the database and files with a backup's. Everything is verified first (format, schema
 * version, every checksum); a corrupt or foreign file is refused and the current data stays as it is.
 */
export async function restore(
  database: Database,
  filesDir: string,
  backupFile: string,
  actor: Actor,
): Promise<Manifest> {
  const { db } = database;
  const work = path.join(path.dirname(path.resolve(filesDir)), `.restore-${randomBytes(6).toString('hex')}`);
  fs.mkdirSync(work, { recursive: true });
  try {
    try {
      await tar.x({ file: backupFile, cwd: work, strict: true, preservePaths: false });
    } catch (err) {
      throw new BackupError(
        `${backupFile} is not a readable OVOP backup (${(err as Error).message}). Nothing was changed.`,
      );
    }
    const manifestPath = path.join(work, MANIFEST);
    if (!fs.existsSync(manifestPath)) {
      throw new BackupError(
        `${backupFile} is not an OVOP backup (no ${MANIFEST} inside). Nothing was changed.`,
      );
    }
    let manifest: Manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    } catch {
      throw new BackupError(`${backupFile} has an unreadable manifest. Nothing was changed.`);
    }
    if (manifest.format !== FORMAT || manifest.formatVersion !== FORMAT_VERSION) {
      throw new BackupError(
        `${backupFile} is not an OVOP backup of format ${FORMAT_VERSION}. Nothing was changed.`,
      );
    }
    const current = await appliedMigrations(db);
    if (JSON.stringify(current) !== JSON.stringify(manifest.migrations)) {
      throw new BackupError(
        `${backupFile} was made by a version of OVOP with a different database schema (${manifest.migrations.length} migrations; this one has ${current.length}). Restore it with the matching version. Nothing was changed.`,
      );
    }
    const tables = (await tablesWithKeys(db)).map((t) => t.name);
    for (const name of Object.keys(manifest.tables)) {
      if (!tables.includes(name))
        throw new BackupError(`${backupFile} holds an unknown table ${name}. Nothing was changed.`);
    }
    for (const [name, meta] of Object.entries(manifest.tables)) {
      const file = path.join(work, 'db', `${name}.jsonl`);
      if (!fs.existsSync(file) || sha256File(file) !== meta.sha256) {
        throw new BackupError(
          `${backupFile} is damaged: the rows of ${name} do not match their checksum. Nothing was changed.`,
        );
      }
    }
    const fileDir = path.join(work, 'files');
    const fileNames = fs.existsSync(fileDir) ? fs.readdirSync(fileDir) : [];
    for (const name of fileNames) {
      if (!/^[0-9a-f]{64}$/.test(name) || sha256File(path.join(fileDir, name)) !== name) {
        throw new BackupError(
          `${backupFile} is damaged: the file ${name} does not match its checksum. Nothing was changed.`,
        );
      }
    }
    if (fileNames.length !== manifest.files.count) {
      throw new BackupError(
        `${backupFile} is incomplete: ${fileNames.length} of ${manifest.files.count} files. Nothing was changed.`,
      );
    }

    const order = await insertionOrder(db, tables);
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`truncate ${tables.map(q).join(', ')} cascade`));
      for (const table of order) {
        if (!manifest.tables[table]) continue;
        const lines = fs
          .readFileSync(path.join(work, 'db', `${table}.jsonl`), 'utf8')
          .split('\n')
          .filter(Boolean);
        for (let i = 0; i < lines.length; i += BATCH) {
          const json = `[${lines.slice(i, i + BATCH).join(',')}]`;
          await tx.execute(
            sql`insert into ${sql.raw(q(table))} select * from json_populate_recordset(null::${sql.raw(q(table))}, ${json}::json)`,
          );
        }
      }
      await writeAudit(tx, actor, {
        action: 'system.restore',
        objectType: 'system',
        after: {
          createdAt: manifest.createdAt,
          tables: Object.keys(manifest.tables).length,
          files: manifest.files.count,
        },
      });
    });

    // Files: lay the backup's files out in the store's layout, then swap the folders.
    const fresh = path.join(work, 'store');
    for (const name of fileNames) {
      const target = path.join(fresh, name.slice(0, 2), name.slice(2, 4), name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(fileDir, name), target);
    }
    fs.mkdirSync(fresh, { recursive: true });
    const old = `${filesDir}.old-${randomBytes(4).toString('hex')}`;
    if (fs.existsSync(filesDir)) fs.renameSync(filesDir, old);
    fs.renameSync(fresh, filesDir);
    fs.rmSync(old, { recursive: true, force: true });
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
