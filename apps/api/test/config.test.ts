import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { shellEnv } from './helpers/test-env.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data with demo data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: path.resolve('data', 'pgdata') });
    expect(c.demo).toBe(true);
    expect(c.jwtSecret).toBeUndefined();
  });

  it('uses PostgreSQL with DATABASE_URL, without demo data unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: secret });
    expect(c.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(c.demo).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: secret, DEMO: 'true' }).demo,
    ).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT:/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ DATABASE_URL: 'mysql://h/db', JWT_SECRET: secret }, /^DATABASE_URL:/],
    [{ DATABASE_URL: 'postgres://h/db' }, /^JWT_SECRET: required/],
    [{ DATABASE_URL: 'postgres://h/db', JWT_SECRET: 'short' }, /^JWT_SECRET: must be at least 32/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET:/],
    [{ ADMIN_EMAIL: 'admin@example.org' }, /^ADMIN_PASSWORD: must be set together/],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-pw' }, /^ADMIN_EMAIL:/],
    [{ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' }, /^ADMIN_PASSWORD:/],
    [{ DEMO: 'maybe' }, /^DEMO:/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL:/],
  ])('names the variable at fault: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=development', 'src/server.ts'],
      {
        cwd: apiDir,
        env: { PATH: shellEnv.PATH, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('starting the server with bad configuration', () => {
  it('stops with one clear line naming the variable, not a stack trace', async () => {
    const { code, stderr } = await runServer({
      DATABASE_URL: 'postgres://127.0.0.1:1/none',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rba-cfg-')),
    });
    expect(code).toBe(78);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Configuration error: JWT_SECRET: required/);
  });
});
