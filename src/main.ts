/** parse config → open db → migrate → seed → serve. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { type Config, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoPasswordHash } from './db/seed/demo-accounts.ts';
import { seedBase, seedDemo } from './db/seed/index.ts';
import { installationSecret } from './db/seed/settings.ts';
import { LoginThrottle } from './platform/auth/throttle.ts';
import type { AppDeps } from './platform/context.ts';
import { FileStore } from './platform/files.ts';
import { setTimeZone } from './platform/format.ts';
import { log, setLogLevel } from './platform/log.ts';

/**
 * Opens the database named by the configuration and brings its schema and base data up to date;
 * `demo` prefers the template with the demo accounts for a new PGlite data dir.
 */
export async function prepareDatabase(config: Config, opts: { demo?: boolean } = {}): Promise<Database> {
  setTimeZone(config.TIME_ZONE);
  const database = await openDatabase(config, opts);
  try {
    await migrate(database);
    await seedBase(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

export async function buildDeps(config: Config, database: Database): Promise<AppDeps> {
  return {
    db: database.db,
    dbKind: database.kind,
    config,
    secret: await installationSecret(database.db),
    throttle: new LoginThrottle({
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMs: config.LOGIN_LOCK_MINUTES * 60_000,
    }),
    files: new FileStore(config.filesDir),
  };
}

export interface RunningServer {
  url: string;
  server: ServerType;
  /** Settles when the demo data is complete (at once without --demo or when it was seeded before). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server. With `demo`, the demo accounts are made before it listens and the rest of the
 * demo data (registry, events, rounds…; a few seconds, once) right after, so the first start
 * answers within the start-up budget; `ready` settles when it is all there.
 */
export async function startServer(opts: {
  demo: boolean;
  config?: Config;
  /** Do not print the demo accounts (tests). */
  quiet?: boolean;
}): Promise<RunningServer> {
  const started = performance.now();
  const config = opts.config ?? loadConfig();
  setLogLevel(config.LOG_LEVEL);
  // Hashed on a libuv thread while the database opens (unused when the accounts exist already).
  if (opts.demo) demoPasswordHash().catch(() => {});
  // The app's modules load while the database opens (start-up time is a budget: DESIGN.md §6).
  const [database, { createApp }] = await Promise.all([
    prepareDatabase(config, { demo: opts.demo }),
    import('./app.ts'),
  ]);
  const deps = await buildDeps(config, database);
  const seedContext = { db: database.db, config, files: deps.files };
  if (opts.demo) await seedDemo(seedContext, { only: ['accounts'] });
  const app = createApp(deps);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  log.info('listening', { url, db: database.kind, ms: Math.round(performance.now() - started) });
  if (opts.demo && !opts.quiet) printDemoAccounts(url);
  const ready = opts.demo
    ? firstAnswerOrIdle(server, DEMO_DATA_AFTER_MS)
        .then(() => seedDemo(seedContext))
        .then(
          (ran) => {
            if (ran.length) log.info('demo data ready', { steps: ran });
          },
          (err) => log.error('demo data failed', { err }),
        )
    : Promise.resolve();
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= ready
      .then(() => new Promise<void>((resolve) => server.close(() => resolve())))
      .then(() => database.close());
    return closing;
  };
  return { url, server, ready, close };
}

/** The rest of the demo data waits this long for the first request to be answered. */
const DEMO_DATA_AFTER_MS = 1000;

/**
 * Settles when the server has answered its first request, or after `ms` without one: the demo data's
 * statements hold the embedded database (one connection, on this thread) for seconds, and the first
 * page someone opens should not wait behind them.
 */
function firstAnswerOrIdle(server: ServerType, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    server.once('request', (_req, res) =>
      res.once('finish', () => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

function printDemoAccounts(url: string): void {
  const lines = [
    '',
    `OVOP Maluku is running at ${url}`,
    `Demo accounts (password: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(22)} ${a.role}${a.regionCode ? ` ${a.regionCode}` : ''}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
