/**
 * Cycles and notifications: the weight of the configuration form (the heaviest signed-in page of the
 * feature: six commodities' checklists) and the server time of the cycle pages, on the demo data.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { measureGets, percentile, type Result, result, root, spawnServer, tempDir } from './lib.ts';
import { signInOverHttp } from './pages.ts';

export async function run(): Promise<Result[]> {
  const dir = tempDir('cycles');
  // `serve --demo` seeds after it listens; seed first so the pages measured hold the demo rounds.
  execFileSync(process.execPath, [path.join(root, 'bin/ovop.mjs'), 'seed', '--demo'], {
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const server = await spawnServer({ DATA_DIR: dir });
  try {
    const cookie = await signInOverHttp(server.url, 'admin@ovop.test');
    const headers = { cookie };
    const list = await (await fetch(`${server.url}/cycles`, { headers })).text();
    const ids = [...list.matchAll(/href="\/cycles\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const css = (await (await fetch(`${server.url}/static/css/app.css`)).arrayBuffer()).byteLength;
    const weigh = async (path: string) =>
      (await (await fetch(`${server.url}${path}`, { headers })).arrayBuffer()).byteLength;
    const form = await weigh('/cycles/new');
    const edit = await weigh(`/cycles/${ids[0]}/edit`);
    const checklist = await weigh(`/cycles/${ids[0]}/checklist/makanan_minuman`);
    const view = await weigh(`/cycles/${ids[0]}`);
    const viewTimes = await measureGets(
      ids.map((id) => `${server.url}/cycles/${id}`),
      200,
      headers,
    );
    const listTimes = await measureGets([`${server.url}/cycles`], 200, headers);
    const bellTimes = await measureGets([`${server.url}/notifications`], 200, headers);
    const kb = (b: number) => b / 1024;
    return [
      result('cycle configuration form, first visit (HTML + CSS, uncompressed)', kb(form + css), 'KB', 100),
      result('cycle edit form, first visit (HTML + CSS, uncompressed)', kb(edit + css), 'KB', 100),
      result('food checklist form, first visit (HTML + CSS, uncompressed)', kb(checklist + css), 'KB', 100),
      result('cycle page, first visit (HTML + CSS, uncompressed)', kb(view + css), 'KB', 100),
      result(
        'cycle page p95 (PGlite, demo data, sequential)',
        percentile(viewTimes, 95),
        'ms',
        null,
        'round trip on the same machine',
      ),
      result('cycle list p95 (PGlite)', percentile(listTimes, 95), 'ms', null),
      result('notifications page p95 (PGlite)', percentile(bellTimes, 95), 'ms', null),
    ];
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
