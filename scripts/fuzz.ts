// The OpenAPI fuzzer: thousands of mutated requests against every write route of the API, on a
// fresh database, asserting no 5xx, no hang, and that no refused request changed the database.
//   pnpm fuzz                       PGlite; FUZZ_REQUESTS (default 8000), FUZZ_SEED (default 1)
//   FUZZ_DATABASE_URL=postgres://… pnpm fuzz   (or TEST_DATABASE_URL) on a PostgreSQL server:
//                                   a throw-away database is created there and dropped after
//   pnpm fuzz --replay file.json    sends one saved failing request again, on a fresh world
// Exits non-zero on any failure; failing requests are saved under FUZZ_FAILURES_DIR (default
// a new directory in the system's temporary directory).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/api/src/app.js';
import { loadConfig } from '../apps/api/src/config.js';
import { fingerprint, fingerprintedTables } from '../apps/api/support/fingerprint.js';
import { openFuzzDatabase } from '../apps/api/support/fuzz/database.js';
import type { SavedRequest } from '../apps/api/support/fuzz/report.js';
import { desymbolize } from '../apps/api/support/fuzz/requests.js';
import { runFuzz } from '../apps/api/support/fuzz/runner.js';
import { FuzzSession } from '../apps/api/support/fuzz/session.js';
import { buildFuzzWorld } from '../apps/api/support/fuzz/world.js';

const JWT_SECRET = `fuzz-${randomBytes(24).toString('hex')}`;

async function start() {
  const database = await openFuzzDatabase(
    process.env.FUZZ_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
  );
  const config = loadConfig({
    DATA_DIR: '/nonexistent-fuzz-data-dir',
    JWT_SECRET,
    LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
    DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    // Sign-in throttling stays on, with room for the fuzzer's own sign-ins.
    LOGIN_MAX_FAILURES: '50',
  });
  const app = await buildApp({
    config,
    db: database.db,
    engine: database.engine,
    jwtSecret: JWT_SECRET,
  });
  await app.ready();
  return { database, app };
}

async function replay(file: string): Promise<number> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedRequest;
  const { database, app } = await start();
  try {
    const world = await buildFuzzWorld(database.db);
    const session = new FuzzSession(app, world, 60_000);
    await session.listen();
    for (const who of ['admin', 'session', 'editorX'] as const) await session.login(who);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(saved.headers)) {
      const token = /^\{\{token:(\w+)\}\}$/.exec(v);
      const cookie = /^\{\{cookie:(\w+)\}\}$/.exec(v);
      const who = (token?.[1] ?? cookie?.[1]) === 'other' ? 'editorX' : (token?.[1] ?? cookie?.[1]);
      if (token) headers[k] = `Bearer ${session.tokens[who as 'admin'] ?? ''}`;
      else if (cookie) headers[k] = session.cookies[who as 'admin'] ?? '';
      else headers[k] = desymbolize(v, world);
    }
    const body =
      saved.bodyBase64 !== undefined
        ? Buffer.from(
            desymbolize(Buffer.from(saved.bodyBase64, 'base64').toString('latin1'), world),
            'latin1',
          )
        : undefined;
    const tables = await fingerprintedTables(database.db);
    const before = await fingerprint(database.db, tables);
    const sent = await session.send({
      method: saved.method,
      url: desymbolize(saved.url, world),
      headers,
      ...(body !== undefined ? { body } : {}),
      http: saved.http,
    });
    const after = await fingerprint(database.db, tables);
    const diff = Object.keys(before).filter((k) => before[k] !== after[k]);
    console.log(`replay: ${saved.route} — ${saved.mutation}`);
    console.log(`  was: ${saved.problem}`);
    console.log(`  now: ${sent.transportError ?? sent.status} ${sent.text.slice(0, 500)}`);
    console.log(`  database: ${diff.length ? `changed ${diff.join(', ')}` : 'unchanged'}`);
    const bad =
      sent.transportError !== undefined ||
      sent.status >= 500 ||
      (sent.status >= 400 && diff.length > 0);
    return bad ? 1 : 0;
  } finally {
    await app.close();
    await database.close();
  }
}

async function fuzz(): Promise<number> {
  const requests = Number(process.env.FUZZ_REQUESTS ?? 8000);
  const seed = Number(process.env.FUZZ_SEED ?? 1);
  if (!Number.isInteger(requests) || requests < 1) throw new Error('FUZZ_REQUESTS: a whole number');
  const dir = process.env.FUZZ_FAILURES_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'rba-fuzz-'));
  mkdirSync(dir, { recursive: true });
  const { database, app } = await start();
  let saved = 0;
  try {
    const s = await runFuzz({
      app,
      db: database.db,
      engine: database.engine,
      jwtSecret: JWT_SECRET,
      requests,
      seed,
      log: (line) => console.log(line),
      saveFailure: (f) => {
        const file = path.join(dir, `failure-${++saved}.json`);
        writeFileSync(file, `${JSON.stringify(f, null, 2)}\n`);
        return file;
      },
    });
    const statuses = Object.entries(s.statuses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k}×${n}`)
      .join(' ');
    console.log(`fuzz: statuses ${statuses}; ${s.overHttp} over a real socket`);
    console.log(
      `fuzz: ${s.withoutErrorBody} refusals without an { error: { code, message } } body`,
    );
    for (const e of s.withoutErrorBodySamples) console.log(`  e.g. ${e}`);
    if (s.endedSessions.length > 0) {
      console.log(
        `fuzz: sessions ended by another caller's accepted request (${s.endedSessions.length}):`,
      );
      for (const e of s.endedSessions.slice(0, 10)) console.log(`  ${e}`);
    }
    if (s.refusedBases.length > 0) {
      console.log(`fuzz: derived valid requests that were refused (${s.refusedBases.length}):`);
      for (const r of s.refusedBases) console.log(`  ${r}`);
    }
    console.log(
      `fuzz: process healthy afterwards: ${s.healthy ? 'yes' : 'NO'}; Object.prototype ${s.polluted.length ? `POLLUTED (${s.polluted.join(', ')})` : 'clean'}`,
    );
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      `fuzz: ${n(s.requests)} requests to ${s.routes} write routes (engine ${s.engine}, seed ${s.seed}): ${s.fiveHundreds} 5xx, ${s.changedOnRejection} rejected requests changed the database, ${s.hangs} hangs, ${n(s.accepted)} accepted, ${(s.seconds / 60).toFixed(1)} min`,
    );
    if (s.failures.length > 0) {
      console.log(`fuzz: FAILED (${s.failures.length}); replay with pnpm fuzz --replay <file>:`);
      for (const f of s.failures.slice(0, 30)) {
        console.log(
          `  ${f.route} — ${f.mutation}: ${f.problem.slice(0, 200)}${f.file ? ` [${f.file}]` : ''}`,
        );
      }
      return 1;
    }
    return 0;
  } finally {
    await app.close();
    await database.close();
  }
}

const args = process.argv.slice(2);
const at = args.indexOf('--replay');
const code = at >= 0 ? await replay(args[at + 1] ?? '') : await fuzz();
process.exit(code);
