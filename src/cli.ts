/**
 * The `ovop` command. Every command reads DATA_DIR (default ./data) or DATABASE_URL from the
 * environment; a bad value stops it with a message naming the variable.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { seedDemo } from './db/seed/index.ts';
import { createApiToken, createUser, findUserByEmail } from './features/users/users.service.ts';
import { buildDeps, prepareDatabase, startServer } from './main.ts';
import { systemActor } from './platform/actor.ts';
import { DomainError, ruleFieldErrors } from './platform/errors.ts';
import { keepHeapLean } from './platform/heap.ts';
import { RoleEnum } from './platform/domain.ts';
import { setLogLevel } from './platform/log.ts';
import { validate } from './platform/validation.ts';
import { UserCreate } from './features/users/users.forms.ts';

const USAGE = `Usage: ovop <command>

  serve [--demo]                 start the web server on PORT (default 3000)
  migrate                        apply database migrations
  seed --demo                    add the demo accounts and demo data
  user create --email E --role R [--name N] [--region KODE] [--password P]
  token create --email E [--name N]   print a new API token for a user
  backup --out FILE              write the database and uploaded files to FILE (.tar.gz)
  restore FILE                   replace the database and files with a backup

Environment: DATA_DIR (default ./data) or DATABASE_URL=postgres://…; see README.md.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      const running = await startServer({ demo: values.demo });
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const config = loadConfig();
      const database = await openDatabase(config);
      await migrate(database);
      await database.close();
      console.log('Migrations applied.');
      return;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      if (!values.demo) throw new UsageError('seed needs --demo');
      const config = loadConfig();
      setLogLevel('warn');
      const database = await prepareDatabase(config);
      const deps = await buildDeps(config, database);
      const ran = await seedDemo({ db: database.db, config, files: deps.files });
      await database.close();
      console.log(ran.length ? `Demo data added: ${ran.join(', ')}.` : 'Demo data was already there.');
      return;
    }
    case 'user': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('user needs a subcommand: create');
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          region: { type: 'string' },
          password: { type: 'string' },
        },
      });
      if (!values.email || !values.role) throw new UsageError('user create needs --email and --role');
      if (!RoleEnum.safeParse(values.role).success) {
        throw new UsageError(`--role must be one of ${RoleEnum.options.join(', ')}`);
      }
      const input = {
        email: values.email,
        name: values.name ?? values.email.split('@')[0],
        role: values.role,
        regionCode: values.region,
        password: values.password,
        locale: 'id',
      };
      const parsed = await validate(UserCreate, input, 'en');
      if (!parsed.ok)
        throw new UsageError(
          Object.entries(parsed.errors)
            .map(([k, m]) => `--${k}: ${m}`)
            .join('\n'),
        );
      const config = loadConfig();
      setLogLevel('warn');
      const database = await prepareDatabase(config);
      try {
        const { user, generatedPassword } = await createUser(
          database.db,
          systemActor('cli'),
          parsed.data,
          config.PROVINCE_CODE,
        );
        console.log(
          `User ${user.email} created (${user.role}${user.regionCode ? ` ${user.regionCode}` : ''}).`,
        );
        if (generatedPassword) console.log(`Initial password: ${generatedPassword}`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'token': {
      const [sub, ...args] = rest;
      if (sub !== 'create') throw new UsageError('token needs a subcommand: create');
      const { values } = parseArgs({
        args,
        options: { email: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.email) throw new UsageError('token create needs --email');
      const config = loadConfig();
      setLogLevel('warn');
      const database = await prepareDatabase(config);
      try {
        const user = await findUserByEmail(database.db, values.email);
        if (!user) throw new UsageError(`No user with e-mail ${values.email}.`);
        if (user.disabledAt) throw new UsageError(`The account ${values.email} is disabled.`);
        const token = await createApiToken(database.db, systemActor('cli'), user.id, values.name ?? 'cli');
        console.log(token);
      } finally {
        await database.close();
      }
      return;
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      if (!values.out) throw new UsageError('backup needs --out FILE');
      const config = loadConfig();
      setLogLevel('warn');
      const database = await prepareDatabase(config);
      const { backup } = await import('./db/backup.ts');
      try {
        const manifest = await backup(database, config.filesDir, values.out);
        const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
        console.log(
          `Backup written to ${values.out}: ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.files.count} files.`,
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'restore': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
      const file = positionals[0];
      if (!file) throw new UsageError('restore needs a FILE');
      const config = loadConfig();
      setLogLevel('warn');
      const database = await prepareDatabase(config);
      const { restore } = await import('./db/backup.ts');
      try {
        const manifest = await restore(database, config.filesDir, file, systemActor('cli'));
        console.log(
          `Restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables, ${manifest.files.count} files.`,
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'prepare-template': {
      // Run after npm install: caches an empty initialised PGlite cluster so a fresh DATA_DIR starts fast.
      const { prepareTemplate } = await import('./db/template.ts');
      const file = await prepareTemplate();
      console.log(`PGlite template ready: ${file}`);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

keepHeapLean();
main(process.argv.slice(2)).catch((err) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(64);
  }
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err?.name === 'BackupError') {
    console.error(err.message);
    process.exit(78);
  }
  if (err instanceof DomainError) {
    console.error(Object.values(ruleFieldErrors(err, 'en')).join('\n'));
    process.exit(65);
  }
  console.error(err);
  process.exit(1);
});
