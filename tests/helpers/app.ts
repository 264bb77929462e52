/**
 * The app on a real test database, and a small browser-like client for app.request(): it keeps
 * cookies, reads the CSRF token from the pages it gets, and posts forms as a browser would.
 */
import { createApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/db/seed/demo-accounts.ts';
import { buildDeps } from '../../src/main.ts';
import type { AppDeps } from '../../src/platform/context.ts';
import { setLogLevel } from '../../src/platform/log.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: TestDatabase;
  config: Config;
  /** A new client with its own cookies (one "browser"). */
  client(): TestClient;
  /** A client signed in as a demo account. */
  as(email: string): Promise<TestClient>;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { demoAccounts?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  setLogLevel('silent');
  const database = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    // The test client sends its address in X-Forwarded-For, as a reverse proxy would.
    TRUST_PROXY: '1',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...opts.env,
  });
  const deps = await buildDeps(config, database);
  if (opts.demoAccounts ?? true) await seedDemoAccounts(database.db, config.PROVINCE_CODE);
  const app = createApp(deps);
  const testApp: TestApp = {
    app,
    deps,
    database,
    config,
    client: () => new TestClient(app),
    async as(email) {
      const client = new TestClient(app);
      const res = await client.login(email, DEMO_PASSWORD);
      if (res.status !== 303) throw new Error(`login as ${email} failed: ${res.status}`);
      return client;
    },
    close: () => database.close(),
  };
  return testApp;
}

export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  ip = '203.0.113.10';

  constructor(
    private readonly app: { request: (input: string, init?: RequestInit) => Response | Promise<Response> },
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
      if (name === 'ovop_csrf') this.csrf = null;
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    headers.set('x-forwarded-for', this.ip);
    const res = await this.app.request(`http://localhost${path}`, { ...init, headers, redirect: 'manual' });
    this.store(res);
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.request(path, { headers });
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      const html = await res.clone().text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      if (token) this.csrf = token;
    }
    return res;
  }

  /** The CSRF token a page of this browser would carry. */
  async csrfToken(): Promise<string> {
    if (!this.csrf) await this.get('/login');
    if (!this.csrf) {
      // Signed in: /login redirects, so read it from the account page.
      await this.get('/account');
    }
    return this.csrf ?? '';
  }

  /** Posts a form (urlencoded, or multipart when it holds a File) with the CSRF token. */
  async post(
    path: string,
    form: Record<string, string | string[] | File> = {},
    opts: { csrf?: boolean } = {},
  ) {
    const withCsrf = opts.csrf ?? true;
    const hasFile = Object.values(form).some((v) => v instanceof File);
    let body: BodyInit;
    if (hasFile) {
      const fd = new FormData();
      if (withCsrf) fd.append('_csrf', await this.csrfToken());
      for (const [k, v] of Object.entries(form)) {
        if (Array.isArray(v)) for (const item of v) fd.append(k, item);
        else fd.append(k, v);
      }
      body = fd;
    } else {
      const params = new URLSearchParams();
      if (withCsrf) params.append('_csrf', await this.csrfToken());
      for (const [k, v] of Object.entries(form)) {
        if (Array.isArray(v)) for (const item of v) params.append(k, item);
        else params.append(k, v as string);
      }
      body = params;
    }
    return this.request(path, { method: 'POST', body });
  }

  async login(email: string, password: string): Promise<Response> {
    await this.get('/login');
    return this.post('/login', { email, password });
  }

  /** JSON API call; `token` uses a bearer token instead of the cookies. */
  async api(
    path: string,
    opts: { method?: string; body?: unknown; token?: string; rawBody?: string } = {},
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies of every shape
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | undefined;
    if (opts.rawBody !== undefined || opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = opts.rawBody ?? JSON.stringify(opts.body);
    }
    if (opts.method && opts.method !== 'GET' && !opts.token) headers['x-csrf-token'] = await this.csrfToken();
    let res: Response;
    if (opts.token) {
      headers.authorization = `Bearer ${opts.token}`;
      res = await this.app.request(`http://localhost${path}`, {
        method: opts.method ?? 'GET',
        headers,
        body,
      });
    } else {
      res = await this.request(path, { method: opts.method ?? 'GET', headers, body });
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
}

/** The visible text of an HTML page (tags removed, whitespace folded), for assertions. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
