/**
 * Awards on the demo data (the 2024 round published with certificates): the weight of the public
 * verification and results pages on a first visit (HTML + CSS, no script), the verification page's and
 * API's server time (app.request in process), and the time to draw one certificate PDF and one PNG label.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { queryRows } from '../src/db/client.ts';
import { seedDemo } from '../src/db/seed/index.ts';
import { buildDeps, prepareDatabase } from '../src/main.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { percentile, type Result, result, tempDir } from './lib.ts';

const ROUNDS = 200;

export async function run(): Promise<Result[]> {
  setLogLevel('silent');
  const dir = tempDir('awards');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  const out: Result[] = [];
  try {
    const deps = await buildDeps(config, database);
    await seedDemo({ db: database.db, config, files: deps.files });
    const app = createApp(deps);
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.request(`http://localhost${url}`, { headers });
    const [cert] = await queryRows<{ id: string; code: string }>(
      database.db,
      sql`select id, code from certificates order by number limit 1`,
    );
    const [cycle] = await queryRows<{ name: string }>(
      database.db,
      sql`select c.name from cycles c join cycle_publications p on p.cycle_id = c.id limit 1`,
    );
    const slug = cycle!.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const css = (await (await get('/static/css/catalog.css')).arrayBuffer()).byteLength;
    for (const [name, url] of [
      ['verification page', `/verifikasi/${cert!.code}`],
      ['verification page (en)', `/en/verify/${cert!.code}`],
      ['verification, not found', '/verifikasi/AAAAAAAAAAAAAAAAAAAAAA'],
      ['results page', `/hasil/${slug}`],
    ] as const) {
      const res = await get(url);
      const body = await res.text();
      if (/<script(?![^>]*application\/ld\+json)/.test(body)) throw new Error(`${url} ships a script`);
      out.push(result(`awards: ${name}, HTML + CSS`, (Buffer.byteLength(body) + css) / 1024, 'KB', 60));
    }
    for (const [name, url] of [
      ['verification page', `/verifikasi/${cert!.code}`],
      ['verification API', `/api/v1/catalog/verify/${cert!.code}`],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        await (await get(url)).arrayBuffer();
        times.push(performance.now() - t0);
      }
      out.push(result(`awards: ${name} p95 (PGlite)`, percentile(times, 95), 'ms', 50));
    }
    const admin = await loginAdmin(app);
    const timed = async (url: string) => {
      const t0 = performance.now();
      const res = await get(url, { cookie: admin });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      return performance.now() - t0;
    };
    await timed(`/awards/certificates/${cert!.id}/certificate.pdf`);
    const pdf = await timed(`/awards/certificates/${cert!.id}/certificate.pdf`);
    out.push(result('awards: one certificate PDF (warm)', pdf, 'ms', 1500));
    await timed(`/awards/certificates/${cert!.id}/label.png?mm=50`);
    const png = await timed(`/awards/certificates/${cert!.id}/label.png?mm=50`);
    out.push(result('awards: one 50 mm PNG label (warm)', png, 'ms', 500));
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function loginAdmin(app: ReturnType<typeof createApp>): Promise<string> {
  const { DEMO_PASSWORD } = await import('../src/db/seed/demo-accounts.ts');
  const page = await app.request('http://localhost/login');
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await app.request('http://localhost/login', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email: 'admin@ovop.test', password: DEMO_PASSWORD }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
