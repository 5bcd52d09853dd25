// The first start as a new user makes it: the real server (src/server.ts through tsx) on an
// empty embedded database, as at a terminal (readable log and banner) and as under a service
// manager (JSON lines). One administrator, the demo accounts said plainly, and a second start
// that finds the demo there and says the same.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shellEnv } from './helpers/test-env.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rba-first-start-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server until `ready` matches its output; then stops it and returns the output. */
async function start(env: Record<string, string>, ready: RegExp): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=development', 'src/server.ts'],
    {
      cwd: apiDir,
      env: { PATH: shellEnv.PATH, DATA_DIR: dataDir, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.push(child);
  let out = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 150 s:\n${out}`)), 150_000);
    const read = (chunk: Buffer) => {
      out += String(chunk);
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`the server stopped (${code}):\n${out}`)));
  });
  const users = await fetch(`http://127.0.0.1:${port}/api/v1/demo/accounts`);
  expect(users.status).toBe(200);
  child.kill('SIGTERM');
  await exited;
  return out.replaceAll(String(port), 'PORT');
}

describe('the first start on an empty embedded database', () => {
  it('at a terminal: a readable log, then a banner with the address and the demo accounts', async () => {
    const out = await start({ LOG_FORMAT: 'pretty' }, /stop with Ctrl\+C/);
    expect(out).toContain('Seeded the demo collaborative');
    expect(out).toContain('RBA Scorecards is ready on http://localhost:PORT');
    expect(out).toContain('Demo accounts, all with the password northshire-demo:');
    expect(out).toMatch(/editor\.ngh@northshire\.example +partner editor, .*returned with a note/);
    expect(out).toMatch(/editor\.ncl@northshire\.example +partner editor, .*partly entered/);
    // One administrator: the demo's own, no generated admin@localhost beside it.
    expect(out).toMatch(/admin@northshire\.example +administrator/);
    expect(out).not.toContain('admin@localhost');
    // No JSON line among the readable ones.
    expect(out.split('\n').filter((line) => line.startsWith('{"level"'))).toEqual([]);
  }, 180_000);

  it('under a service manager: JSON lines, the second start finding the demo and naming it', async () => {
    const out = await start({ LOG_FORMAT: 'json' }, /"msg":"RBA scorecards on /);
    const lines = out
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const ready = lines.find((l) => String(l.msg).startsWith('RBA scorecards on'));
    expect(ready?.url).toBe('http://localhost:PORT');
    expect(ready?.demoAccounts).toContain('editor.pcmh@northshire.example');
    expect(lines.some((l) => String(l.msg).startsWith('Seeded the demo'))).toBe(false);
  }, 180_000);
});
