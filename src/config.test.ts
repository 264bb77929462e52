import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ovop-config-'));

  it('defaults to PGlite in ./data-like DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: dir() });
    expect(config.dbKind).toBe('pglite');
    expect(config.PORT).toBe(3000);
    expect(config.TIME_ZONE).toBe('Asia/Jayapura');
  });

  it('chooses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATA_DIR: dir(), DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/ovop' }).dbKind).toBe(
      'postgres',
    );
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATA_DIR: dir(), DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/);
  });

  it('names DATA_DIR when it cannot be written', () => {
    const parent = dir();
    const file = path.join(parent, 'a-file');
    fs.writeFileSync(file, '');
    expect(() => loadConfig({ DATA_DIR: path.join(file, 'data') })).toThrowError(ConfigError);
    expect(() => loadConfig({ DATA_DIR: path.join(file, 'data') })).toThrowError(/DATA_DIR/);
  });

  it('names PGLITE_SHARED_BUFFERS_MB when it is not a size in MB', () => {
    expect(loadConfig({ DATA_DIR: dir() }).PGLITE_SHARED_BUFFERS_MB).toBe(32);
    expect(loadConfig({ DATA_DIR: dir(), PGLITE_SHARED_BUFFERS_MB: '64' }).PGLITE_SHARED_BUFFERS_MB).toBe(64);
    for (const bad of ['0', '32MB', '1.5', '5000'])
      expect(() => loadConfig({ DATA_DIR: dir(), PGLITE_SHARED_BUFFERS_MB: bad })).toThrowError(
        /PGLITE_SHARED_BUFFERS_MB/,
      );
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ DATA_DIR: dir(), PORT: 'eighty', TIME_ZONE: 'Mars/Olympus' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/TIME_ZONE/);
    }
  });
});
