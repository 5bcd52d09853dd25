// What the crash tests share: a fresh store (a PGlite data directory, or a PostgreSQL database
// from the run's template), the real server started on it as a child process and killed, calls
// to it, the database opened directly, and a table of count measures to import into.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { lockDataDir } from '../src/db/data-dir-lock.js';
import { kyselyOverPg, kyselyOverPglite, openPglite } from '../src/db/database.js';
import type { Db } from '../src/db/schema.js';
import { databaseUrlFor } from './helpers/template.js';
import { shellEnv } from './helpers/test-env.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const template = inject('testDatabase');
export const engine = template.engine;
export const ADMIN = { email: 'crash-admin@example.org', password: 'crash-test-admin-password' };
export const JWT_SECRET = 'crash-test-secret-that-is-at-least-32-bytes-long';
export const MEASURES = 100;
export const MONTHS = 1000; // 100 measures × 1,000 months = 100,000 rows
export const DURABILITY_ROUNDS = 4;
/** Rows of each small import driven during the durability rounds. */
export const IMPORT_SIZE = 24;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
export type Body = any;

export const cleanups: (() => Promise<void>)[] = [];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  child: ChildProcess;
  port: number;
  logs: string[];
  exited: Promise<void>;
}

/** A place for one scenario's data: a fresh data directory, or a fresh PostgreSQL database. */
export async function freshStore(): Promise<{ env: Record<string, string>; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rba-crash-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  if (template.engine === 'pglite') return { env: { DATA_DIR: dataDir }, dataDir };
  const name = `rba_crash_${template.run}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: template.url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrlFor(template.url, name) },
    dataDir,
  };
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=development', 'apps/api/src/server.ts'],
    {
      cwd: root,
      env: {
        ...shellEnv,
        JWT_SECRET,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        DEMO: 'false',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: '5',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  child.stdout?.on('data', (d) => logs.push(String(d)));
  child.stderr?.on('data', (d) => logs.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server = { child, port, logs, exited };
  cleanups.push(() => kill(server, 'SIGKILL'));
  const until = Date.now() + 120_000;
  while (Date.now() < until && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await pause(100);
  }
  throw new Error(`the server did not become ready: ${logs.join('').slice(-2000)}`);
}

export async function kill(s: Server, signal: NodeJS.Signals): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill(signal);
  await Promise.race([s.exited, pause(20_000)]);
  if (s.child.exitCode === null && s.child.signalCode === null) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function call(
  s: Server,
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; form?: FormData } = {},
): Promise<{ status: number; body: Body; text: string }> {
  const res = await fetch(`http://127.0.0.1:${s.port}${url.startsWith('/') ? '' : '/'}${url}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.form ? { body: opts.form } : {}),
  });
  const text = await res.text();
  let body: Body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body, text };
}

export async function must(
  s: Server,
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; form?: FormData } = {},
): Promise<Body> {
  const r = await call(s, method, `/api/v1${url}`, opts);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${url} → ${r.status} ${r.text}`);
  return r.body;
}

export async function login(s: Server): Promise<string> {
  return (await must(s, 'POST', '/auth/login', { body: ADMIN })).token;
}

/** Opens the stopped (or killed) server's database directly, as the test's own connection. */
export async function openDirect(store: { env: Record<string, string>; dataDir: string }) {
  if (store.env.DATABASE_URL) {
    const { db } = kyselyOverPg(store.env.DATABASE_URL, 2);
    return { db, close: () => db.destroy() };
  }
  // The data-directory lock of a killed server names a dead process: it is taken over.
  const unlock = lockDataDir(store.dataDir);
  const client = await openPglite({ dataDir: path.join(store.dataDir, 'pgdata') });
  const db = kyselyOverPglite(client);
  return {
    db,
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

export async function counts(db: Db) {
  const { rows } = await sql<{ observations: number; events: number; commits: number }>`
    select (select count(*) from observations)::int as observations,
           (select count(*) from audit_events where entity = 'observation')::int as events,
           (select count(*) from audit_events where action = 'import.commit')::int as commits`.execute(
    db,
  );
  return rows[0] as { observations: number; events: number; commits: number };
}

export function importForm(csv: string, mapping: object): FormData {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'figures.csv');
  return form;
}

/** Month labels from January 1901 on (all started: a period that has not is refused). */
export function months(count: number, firstYear = 1901): string[] {
  return Array.from({ length: count }, (_, i) => {
    const y = firstYear + Math.floor(i / 12);
    return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

/** An agency with a program and `n` monthly count measures; returns their ids and codes. */
export async function setUp(s: Server, token: string, n: number, prefix: string) {
  const org = await must(s, 'POST', '/organizations', {
    token,
    body: { code: `${prefix}-ORG`, name: `${prefix} agency`, kind: 'agency' },
  });
  const table = await must(s, 'POST', '/tables', {
    token,
    body: { name: `${prefix} table`, population: 'Youth' },
  });
  await must(s, 'POST', `/tables/${table.id}/partners`, {
    token,
    body: { organizationId: org.id },
  });
  const result = await must(s, 'POST', `/tables/${table.id}/results`, {
    token,
    body: { title: 'All youth are well' },
  });
  const program = await must(s, 'POST', `/organizations/${org.id}/programs`, {
    token,
    body: { name: `${prefix} program`, resultIds: [result.id] },
  });
  const measures: { id: string; code: string }[] = [];
  for (let k = 0; k < n; k++) {
    const code = `${prefix}-${String(k).padStart(3, '0')}`;
    const m = await must(s, 'POST', `/programs/${program.id}/measures`, {
      token,
      body: {
        code,
        name: `Measure ${code}`,
        unit: 'count',
        direction: 'up',
        periodType: 'month',
        category: 'how_much',
      },
    });
    measures.push({ id: m.id, code });
  }
  return { org, table, measures };
}
