import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Thrown when the environment cannot start the app; the message names the variable at fault. */
export class ConfigError extends Error {}

/** PGLITE_SHARED_BUFFERS_MB's default, also for the tests' and tools' databases (ADR 0007). */
export const DEFAULT_SHARED_BUFFERS_MB = 32;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: 'must look like postgres://user:password@host:5432/database',
    })
    .transform((v) => (v ? v : undefined)),
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .transform((v) => v?.replace(/\/$/, '')),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit Kemendagri province code such as 81')
    .default('81'),
  TIME_ZONE: z
    .string()
    .default('Asia/Jayapura')
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be an IANA time zone such as Asia/Jayapura' },
    ),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(12 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  // The embedded database's page cache. PostgreSQL's default (128 MB) costs about half a second of
  // every start (PGlite clears it in WASM memory) and 100 MB of resident memory; a province's
  // registry fits in far less (ADR 0007).
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(1024).default(DEFAULT_SHARED_BUFFERS_MB),
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), { message: 'must look like smtp://user:pass@host:587' })
    .transform((v) => (v ? v : undefined)),
  MAIL_FROM: z.string().default('OVOP Maluku <noreply@ovop.localhost>'),
});

export type Config = z.infer<typeof envSchema> & {
  /** Absolute data directory: the PGlite database (when no DATABASE_URL) and uploaded files. */
  dataDir: string;
  filesDir: string;
  dbKind: 'pglite' | 'postgres';
};

/** Parses the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  ensureWritableDir(dataDir);
  const filesDir = path.join(dataDir, 'files');
  ensureWritableDir(filesDir);
  return { ...values, dataDir, filesDir, dbKind: values.DATABASE_URL ? 'postgres' : 'pglite' };
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new ConfigError(
      `Invalid configuration:\n  DATA_DIR: the directory ${dir} cannot be written (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
}
