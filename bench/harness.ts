// What the province benchmark needs around the measurements: a throw-away PostgreSQL, the built
// API as child processes, a small HTTP client, and the machine's description.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const apiDir = path.join(root, 'apps/api');

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Starts (or stops) a PostgreSQL of its own with scripts/pg-test-server.sh; returns its URL. */
export function pgServer(cmd: 'start' | 'stop', dir: string, port: number): string {
  return execFileSync(path.join(root, 'scripts/pg-test-server.sh'), [cmd, String(port)], {
    env: { ...process.env, PG_TEST_DIR: dir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Builds the API (and the packages it uses); the arguments that run it, compiled if it built. */
export function buildApi(): { args: string[]; mode: string } {
  // Twice: on a shared checkout another build may be writing the same dist at that moment.
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      execFileSync('pnpm', ['--filter', '@rba/api...', 'run', 'build'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { args: [path.join(apiDir, 'dist/server.js')], mode: 'compiled (dist)' };
    } catch (err) {
      const out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
      log(`build attempt ${attempt} failed:\n${out.split('\n').slice(-12).join('\n')}`);
    }
  }
  log('running the API from sources through tsx (start-up figures are then not comparable)');
  return {
    args: ['--import', 'tsx', '--conditions=development', path.join(apiDir, 'src/server.ts')],
    mode: 'sources (tsx)',
  };
}

export const JWT_SECRET = 'province-bench-secret-that-is-at-least-32-bytes';
export const ADMIN = { email: 'bench-admin@example.org', password: 'a-long-enough-bench-password' };

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 of /readyz. */
  readyMs: number;
}

/** Spawns the API and waits for its first 200 on /readyz (polled every 10 ms). */
export async function startApi(
  args: string[],
  port: number,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ApiProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      JWT_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (performance.now() - started < timeoutMs && !exited) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return { child, port, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`the API on port ${port} did not start`);
}

export async function stopApi(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((r) => api.child.once('exit', r));
  api.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (api.child.exitCode === null) api.child.kill('SIGKILL');
}

/** A JSON call to the API; throws on an unexpected status. */
export async function call<T = Record<string, unknown>>(
  port: number,
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

export async function login(port: number, email: string, password: string): Promise<string> {
  return (await call<{ token: string }>(port, null, 'POST', '/auth/login', { email, password }))
    .token;
}

/** The machine and the code measured. */
export function machine() {
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
  } catch {
    // not a git checkout
  }
  let postgres = 'unknown';
  try {
    const dirs = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | head -1'], {
      encoding: 'utf8',
    }).trim();
    postgres = execFileSync(path.join(dirs, 'postgres'), ['--version'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    // reported as unknown
  }
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    postgres,
    commit,
    uncommittedChanges: dirty,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
