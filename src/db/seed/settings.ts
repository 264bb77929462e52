import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { appSettings } from '../schema/settings.ts';
import { randomToken } from '../../platform/ids.ts';

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key)).limit(1);
  return row?.value as T | undefined;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}

/** The installation's signing secret, made on first start and kept in the database (and its backups). */
export async function installationSecret(db: Db): Promise<string> {
  const existing = await getSetting<string>(db, 'secret');
  if (existing) return existing;
  await db
    .insert(appSettings)
    .values({ key: 'secret', value: randomToken(32) })
    .onConflictDoNothing();
  return (await getSetting<string>(db, 'secret'))!;
}
