import { projectPath } from '../paths.ts';
import type { Database } from './client.ts';

export const migrationsFolder = projectPath('src/db/migrations');

/** Applies the committed drizzle-kit migrations; the same folder serves PGlite and PostgreSQL. */
export async function migrate(database: Database): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's type
  const db = database.db as any;
  if (database.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(db, { migrationsFolder });
  }
}
