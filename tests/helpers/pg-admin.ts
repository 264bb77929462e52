import pg from 'pg';

export const TEMPLATE_DB = 'ovop_test_template';

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
