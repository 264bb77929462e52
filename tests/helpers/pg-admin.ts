import pg from 'pg';

/** The template database of this run (unique, so two runs can share one server). */
export function templateName(): string {
  return `ovop_tpl_${process.pid}_${Date.now().toString(36)}`;
}

/** Runs `fn` with a client connected to the server's maintenance database (postgres). */
export async function withDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
