import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../src/db/data-dir-lock.js';
import { shellEnv } from './helpers/test-env.js';

describe('the embedded data directory lock', () => {
  it('refuses a second holder while the first is alive, and frees on release', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-lock-'));
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'rba.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by process \d+/);
    release();
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = dead.pid as number;
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(path.join(dir, 'rba.lock'), String(pid));
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'rba.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('makes a second server process on the same DATA_DIR exit with a clear message', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-lock-'));
    // This process holds the lock, as a running server would.
    const release = lockDataDir(dir);
    try {
      const apiDir = path.resolve(import.meta.dirname, '..');
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--conditions=development', 'src/server.ts'],
          {
            cwd: apiDir,
            env: { PATH: shellEnv.PATH, DATA_DIR: dir, PORT: '0' },
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        let stderr = '';
        child.stderr.on('data', (d) => {
          stderr += String(d);
        });
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(75);
      expect(result.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));
    } finally {
      release();
    }
  });
});
