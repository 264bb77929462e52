/**
 * Measuring signed-in pages for `npm run bench`: a session for a bench user, and the p95 of server
 * time per page (through the app in this process, or over HTTP to a spawned server).
 */
import type { Db } from '../src/db/client.ts';
import type { createApp } from '../src/app.ts';
import { createSession } from '../src/platform/auth/session.ts';
import { createUser, findUserByEmail } from '../src/features/users/users.service.ts';
import { systemActor } from '../src/platform/actor.ts';
import { percentile } from './lib.ts';

type App = ReturnType<typeof createApp>;

/** The cookie header of a fresh session for a bench user (made on first use). */
export async function benchSession(
  db: Db,
  email: string,
  role: 'admin_provinsi' | 'petugas_kabkota',
  region?: string,
): Promise<string> {
  let user = await findUserByEmail(db, email);
  if (!user) {
    await createUser(
      db,
      systemActor('bench'),
      { email, name: email, role, regionCode: region, locale: 'id', password: 'bench-password-1' },
      '81',
    );
    user = await findUserByEmail(db, email);
  }
  return `ovop_session=${await createSession(db, user!.id, {}, { idleMinutes: 600, maxDays: 1 })}`;
}

/** Signs in through the real login form of a running server; returns the cookie header. */
export async function signInOverHttp(url: string, email: string, password = 'ovop-demo'): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await fetch(`${url}/login`);
  keep(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }),
  });
  keep(res);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return cookie();
}

export interface PageTimes {
  /** p95 over every request of every page, ms. */
  p95: number;
  /** Each page's p95, slowest first. */
  worst: (readonly [string, number])[];
  /** Median CPU time of a request, ms: the page's own cost even when other work loads the machine. */
  cpuMedian: number;
}

/**
 * Requests each page once (it must answer 200), then `rounds` times more, timing the server's answer
 * through app.request (no network).
 */
export async function measurePages(
  app: App,
  pages: Record<string, { url: string; cookie: string }>,
  rounds: number,
): Promise<PageTimes> {
  const per: Record<string, number[]> = {};
  const cpu: number[] = [];
  for (const [name, p] of Object.entries(pages)) {
    const res = await app.request(`http://localhost${p.url}`, { headers: { cookie: p.cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${p.url} answered ${res.status}: ${body.slice(0, 200)}`);
    per[name] = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, p] of Object.entries(pages)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.request(`http://localhost${p.url}`, { headers: { cookie: p.cookie } });
      await res.text();
      per[name]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const worst = Object.entries(per)
    .map(([name, times]) => [name, percentile(times, 95)] as const)
    .sort((a, b) => b[1] - a[1]);
  return { p95: percentile(Object.values(per).flat(), 95), worst, cpuMedian: percentile(cpu, 50) };
}

/** "CPU median 19 ms; slowest p95: a 30 ms; b 26 ms; c 13 ms" for a result's note. */
export function slowestNote(m: PageTimes, opts: { cpu?: boolean } = { cpu: true }): string {
  const slowest = `slowest p95: ${m.worst
    .slice(0, 3)
    .map(([n, v]) => `${n} ${Math.round(v)} ms`)
    .join('; ')}`;
  return opts.cpu === false ? slowest : `CPU median ${Math.round(m.cpuMedian)} ms; ${slowest}`;
}
