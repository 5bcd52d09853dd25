// Load under 64 connections: the built API on PostgreSQL as a child process, the demo
// collaborative seeded, then autocannon with 64 keep-alive connections for 60 seconds of mixed
// reads and writes across several users' tokens (collective and partner scorecards, series,
// entry sheets, CSV exports, and observation saves, each connection writing its own cell with
// the version it got back). Measured around it: the server's resident memory and its database
// connections before and after (and the most seen during), and a baseline in the same run
// (GET /healthz at 64 connections).
//
//   LOAD_DATABASE_URL=postgres://… pnpm load     (creates a fresh database in that server)
//   pnpm load                                      (starts its own PostgreSQL on port 55506)
//   LOAD_SECONDS=10 pnpm load                      (a shorter run while developing)
//
// Exits non-zero on any error, timeout or non-2xx answer, on database connections left open
// (after > before), or when resident memory grows by half or more over the run (after/before
// ≥ 1.5, both read after a warm-up at full load, the second after a settle period). Writes
// bench/results/hardening-load.json and .md.
//
// The settings are in hardening-load-settings.ts, the request mix in hardening-load-mix.ts, the
// readings in hardening-load-probes.ts, and the result and its report in hardening-load-report.ts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoMix } from './hardening-load-mix.js';
import {
  connectionsOf,
  idleInTransactionOf,
  liveHeapMb,
  run,
  summary,
} from './hardening-load-probes.js';
import { failures, markdown, type Readings, resultOf } from './hardening-load-report.js';
import {
  BASELINE_SECONDS,
  CONNECTIONS,
  HEAP,
  OWN_PG,
  PORT,
  pg,
  SECONDS,
  SETTLE_MS,
  WARMUP_SECONDS,
} from './hardening-load-settings.js';
import {
  apiDir,
  buildApi,
  log,
  pgServer,
  root,
  rssOf,
  startApi,
  stopApi,
  withDatabase,
} from './harness.js';

async function main() {
  const given = process.env.LOAD_DATABASE_URL;
  const serverUrl = given ?? pgServer('start', OWN_PG.dir, OWN_PG.port);
  const database = `rba_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const monitor = new pg.Client({ connectionString: serverUrl });
  await monitor.connect();
  const built =
    existsSync(path.join(apiDir, 'dist/server.js')) && process.env.LOAD_BUILD !== 'true'
      ? { args: [path.join(apiDir, 'dist/server.js')], mode: 'compiled (dist, as built)' }
      : buildApi();
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let failed: string[] = [];
  const snapshots = mkdtempSync(path.join(os.tmpdir(), 'rba-load-heap-'));
  try {
    api = await startApi(
      HEAP
        ? [`--heapsnapshot-signal=SIGUSR2`, `--diagnostic-dir=${snapshots}`, ...built.args]
        : built.args,
      PORT,
      {
        DATABASE_URL: withDatabase(serverUrl, database),
        DEMO: 'true',
        LOG_LEVEL: 'error',
      },
    );
    const pid = api.child.pid as number;
    log(`API ${built.mode}, pid ${pid}, ready in ${Math.round(api.readyMs)} ms on ${database}`);
    const { requests, refused } = await demoMix();

    // Warm-up at full load, then the "before" readings.
    await run({
      url: `http://127.0.0.1:${PORT}`,
      connections: CONNECTIONS,
      duration: WARMUP_SECONDS,
      requests,
    });
    await new Promise((r) => setTimeout(r, 1000));
    const rssBefore = rssOf(pid);
    const heapBefore = HEAP ? await liveHeapMb(pid, snapshots) : null;
    const connBefore = await connectionsOf(monitor, database);
    log(
      `after a ${WARMUP_SECONDS} s warm-up: RSS ${rssBefore.toFixed(1)} MB, ${connBefore} DB connections`,
    );

    // Baseline in the same run: the cheapest route at the same concurrency.
    const baseline = summary(
      await run({
        url: `http://127.0.0.1:${PORT}/healthz`,
        connections: CONNECTIONS,
        duration: BASELINE_SECONDS,
      }),
    );
    log(`baseline GET /healthz: ${baseline.throughput} req/s, p99 ${baseline.latencyMs.p99} ms`);

    // The measured run, sampling connections and memory.
    let connMax = connBefore;
    let rssMax = rssBefore;
    const rssSamples: number[] = [];
    /** The longest-running statements seen during the run, to explain a stall. */
    const slowest: { ms: number; state: string; wait: string; query: string }[] = [];
    const sampler = setInterval(() => {
      const rssNow = rssOf(pid);
      rssSamples.push(rssNow);
      rssMax = Math.max(rssMax, rssNow);
      monitor
        .query(
          `select extract(epoch from now() - query_start) * 1000 as ms, state,
                  coalesce(wait_event_type || ':' || wait_event, '') as wait, left(query, 120) as query
           from pg_stat_activity where datname = $1 and state <> 'idle' and pid <> pg_backend_pid()
           order by query_start limit 1`,
          [database],
        )
        .then(({ rows }) => {
          const r = rows[0];
          if (r && Number(r.ms) > 1000) {
            slowest.push({
              ms: Math.round(Number(r.ms)),
              state: r.state,
              wait: r.wait,
              query: r.query,
            });
            slowest.sort((a, b) => b.ms - a.ms);
            slowest.length = Math.min(slowest.length, 5);
          }
        })
        .catch(() => {});
      connectionsOf(monitor, database)
        .then((n) => {
          connMax = Math.max(connMax, n);
        })
        .catch(() => {});
    }, 500);
    // Connections of this run take new numbers, so new cells: no stale version from the warm-up.
    const mixed = summary(
      await run({
        url: `http://127.0.0.1:${PORT}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests,
      }),
    );
    clearInterval(sampler);
    log(
      `mixed run: ${mixed.requests} requests in ${mixed.seconds} s, ${JSON.stringify(mixed.statusCodes)}`,
    );
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssAfter = rssOf(pid);
    const heapAfter = HEAP ? await liveHeapMb(pid, snapshots) : null;
    // The resident size half-way through the measured run (the sampler ticks evenly).
    const rssMid = rssSamples[Math.floor(rssSamples.length / 2)] ?? rssBefore;
    const connAfter = await connectionsOf(monitor, database);
    const heldInTransaction = await idleInTransactionOf(monitor, database);
    const saves = await monitor.query('select 1').then(async () => {
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
      await c.connect();
      const { rows } = await c.query(
        `select count(*)::int as n from audit_events where action in ('observation.create', 'observation.update')`,
      );
      await c.end();
      return rows[0].n as number;
    });
    const readings: Readings = {
      built,
      mixed,
      baseline,
      saves,
      heapBefore,
      heapAfter,
      rssBefore,
      rssAfter,
      rssMax,
      rssMid,
      connBefore,
      connAfter,
      connMax,
      heldInTransaction,
    };
    const result = resultOf(readings);
    if (slowest.length)
      log(
        `statements running over 1 s during the run:\n  ${slowest.map((x) => JSON.stringify(x)).join('\n  ')}`,
      );
    if (refused.length) log(`non-2xx answers, first ones:\n  ${refused.join('\n  ')}`);
    failed = failures(readings);
    const md = markdown(result, failed, readings);
    const out = path.join(root, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'hardening-load.json'),
      `${JSON.stringify({ ...result, failed }, null, 2)}\n`,
    );
    writeFileSync(path.join(out, 'hardening-load.md'), md);
    log(md);
  } finally {
    await stopApi(api);
    rmSync(snapshots, { recursive: true, force: true });
    await monitor.end().catch(() => {});
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end();
    if (!given) pgServer('stop', OWN_PG.dir, OWN_PG.port);
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
}

await main();
