/**
 * Builds one migrated, seeded database template per run; each test file then opens its own copy:
 * PGlite from a dumped data dir (≈0.5 s instead of initdb), PostgreSQL (TEST_DATABASE_URL) with
 * CREATE DATABASE … TEMPLATE.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedBase } from '../../src/db/seed/index.ts';
import { prepareTemplate } from '../../src/db/template.ts';
import { templateName, withDatabase } from '../helpers/pg-admin.ts';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = templateName();
    await withDatabase(url, (admin) => admin.query(`create database ${template}`));
    const database = await openPostgres(withDbName(url, template));
    await migrate(database);
    await seedBase(database.db);
    await database.close();
    project.provide('pgTemplate', template);
    return () =>
      withDatabase(url, (admin) => admin.query(`drop database if exists ${template} with (force)`));
  }
  // Browser tests start the real server on a fresh data dir: keep the empty-cluster cache ready.
  await prepareTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-test-template-'));
  const database = await openPglite(dir);
  await migrate(database);
  await seedBase(database.db);
  const blob = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDbName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}
