// A streaming read replica (DATABASE_READ_URL): where the scorecards' database work goes.
//   npx tsx --conditions=development bench/replica.bench.ts     (about two minutes)
//   REPLICA_BENCH_READS=200 REPLICA_BENCH_PORT=56620 …           (more reads; other ports)
//
// Starts a primary (scripts/pg-test-server.sh) and its streaming replica (scripts/pg-replica.sh),
// loads the province benchmark's first step (10 %: its largest table, 618 measures, and about
// 100,000 figures) into the primary by COPY and waits for the replica to replay it. Then reads
// the largest table's collective scorecard READS times through the built API, twice: with
// DATABASE_URL alone (every read on the primary), then with DATABASE_READ_URL too. For each run
// it measures the CPU time of each server's processes (the postmaster and its children, from
// /proc: utime + stime, and what the postmaster reaped from backends that ended) and the rows
// each server returned (pg_stat_database.tup_returned), and prints the aim row:
//   replica: scorecard reads served by the replica with the primary's CPU idle
// met when the primary's CPU during the replica run is at most 10 % of what the same reads cost
// it alone (what remains is each request's sign-in check, which reads the primary by design).
// Writes bench/results/replica.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ADMIN,
  type ApiProcess,
  buildApi,
  log,
  login,
  machine,
  pgServer,
  root,
  startApi,
  stopApi,
  withDatabase,
} from './harness.js';
import { buildProvince, PROVINCE, tableSizes } from './province-data.js';
import { loadStepPg } from './province-load.js';
import { pg, r2 } from './province-settings.js';

const BASE = Number(process.env.REPLICA_BENCH_PORT ?? 55510);
const PRIMARY_PORT = BASE;
const REPLICA_PORT = BASE + 1;
const API_PORT = BASE + 2;
const PRIMARY_DIR = '/tmp/pg-replica-bench-primary';
const REPLICA_DIR = '/tmp/pg-replica-bench-replica';
const READS = Number(process.env.REPLICA_BENCH_READS ?? 80);
const WARMUP = 5;
/** The primary's CPU with the replica, as a share of its CPU for the same reads alone. */
const AIM_SHARE = 0.1;

function replicaServer(cmd: 'start' | 'stop'): string {
  return execFileSync(
    path.join(root, 'scripts/pg-replica.sh'),
    cmd === 'start' ? ['start', String(PRIMARY_PORT), String(REPLICA_PORT)] : ['stop'],
    {
      env: { ...process.env, PG_REPLICA_DIR: REPLICA_DIR },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  ).trim();
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** utime + stime (+ reaped children's, for the postmaster) of a process, in ms; 0 if gone. */
function cpuOf(pid: number, withReaped: boolean): { ms: number; ppid: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(f[i - 3]);
    const ticks = n(14) + n(15) + (withReaped ? n(16) + n(17) : 0);
    return { ms: ticks * TICK_MS, ppid: n(4) };
  } catch {
    return { ms: 0, ppid: 0 };
  }
}

/** The CPU time used so far by one server: its postmaster, and every child it has now. */
function serverCpuMs(dataDir: string): number {
  const postmaster = Number(
    readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  let total = cpuOf(postmaster, true).ms;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = cpuOf(Number(name), false);
    if (p.ppid === postmaster) total += p.ms;
  }
  return total;
}

async function tupReturned(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // A fresh snapshot of the statistics, flushed by every backend that has been idle a moment.
    const { rows } = await c.query(
      'select tup_returned + tup_fetched as n from pg_stat_database where datname = current_database()',
    );
    return Number(rows[0].n);
  } finally {
    await c.end();
  }
}

async function waitForReplay(primaryUrl: string, replicaUrl: string): Promise<void> {
  const p = new pg.Client({ connectionString: primaryUrl });
  await p.connect();
  const { rows } = await p.query('select pg_current_wal_insert_lsn()::text as lsn');
  await p.end();
  const r = new pg.Client({ connectionString: replicaUrl });
  await r.connect();
  try {
    for (let i = 0; i < 1200; i++) {
      const done = await r.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [
        rows[0].lsn,
      ]);
      if (done.rows[0].done) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the replica did not replay the load within 120 s');
  } finally {
    await r.end();
  }
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return r2(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
};

async function run(
  label: string,
  server: { args: string[] },
  env: Record<string, string>,
  urls: { primary: string; replica: string },
  tableId: string,
) {
  let api: ApiProcess | undefined;
  try {
    api = await startApi(server.args, API_PORT, env);
    const token = await login(API_PORT, ADMIN.email, ADMIN.password);
    const read = async () => {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/tables/${tableId}/scorecard`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`scorecard → ${res.status}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    for (let i = 0; i < WARMUP; i++) await read();
    // Let the backends report their statistics (PostgreSQL 15 flushes them at most once a second).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = {
      primaryCpu: serverCpuMs(path.join(PRIMARY_DIR, 'data')),
      replicaCpu: serverCpuMs(path.join(REPLICA_DIR, 'data')),
      primaryRows: await tupReturned(urls.primary),
      replicaRows: await tupReturned(urls.replica),
    };
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < READS; i++) {
      const r = await read();
      times.push(r.ms);
      bytes = r.bytes;
    }
    const primaryCpu = serverCpuMs(path.join(PRIMARY_DIR, 'data')) - before.primaryCpu;
    const replicaCpu = serverCpuMs(path.join(REPLICA_DIR, 'data')) - before.replicaCpu;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const primaryRows = (await tupReturned(urls.primary)) - before.primaryRows;
    const replicaRows = (await tupReturned(urls.replica)) - before.replicaRows;
    const out = {
      label,
      reads: READS,
      responseKb: Math.round(bytes / 1024),
      p50: pct(times, 0.5),
      p95: pct(times, 0.95),
      primaryCpuMs: Math.round(primaryCpu),
      replicaCpuMs: Math.round(replicaCpu),
      primaryCpuMsPerRead: r2(primaryCpu / READS),
      replicaCpuMsPerRead: r2(replicaCpu / READS),
      primaryRowsPerRead: Math.round(primaryRows / READS),
      replicaRowsPerRead: Math.round(replicaRows / READS),
    };
    log(
      `${label}: p50 ${out.p50} ms, p95 ${out.p95} ms; CPU per read: primary ${out.primaryCpuMsPerRead} ms, replica ${out.replicaCpuMsPerRead} ms; rows per read: primary ${out.primaryRowsPerRead}, replica ${out.replicaRowsPerRead}`,
    );
    return out;
  } finally {
    await stopApi(api);
  }
}

async function main() {
  const m = machine();
  log(`machine: ${m.cpus} cpus, node ${m.node}, ${m.postgres}, commit ${m.commit.slice(0, 10)}`);
  const server = buildApi();
  log(`API: ${server.mode}`);
  const province = buildProvince(PROVINCE);
  const largest = [...tableSizes(province)].sort((a, b) => b.measures - a.measures)[0];
  if (!largest) throw new Error('no table');

  const primaryServer = pgServer('start', PRIMARY_DIR, PRIMARY_PORT);
  let replicaStarted = false;
  try {
    const admin = new pg.Client({ connectionString: primaryServer });
    await admin.connect();
    await admin.query('create database rba_replica_bench');
    await admin.end();
    const primary = withDatabase(primaryServer, 'rba_replica_bench');
    // Migrate and create the administrator with the API itself, then load the figures.
    await stopApi(await startApi(server.args, API_PORT, { DATABASE_URL: primary }));
    const load = await loadStepPg(primary, province, 0);
    log(`loaded ${load.counts.observations} figures in ${load.copySeconds} s`);
    const replicaServerUrl = replicaServer('start');
    replicaStarted = true;
    const replica = withDatabase(replicaServerUrl, 'rba_replica_bench');
    await waitForReplay(primary, replica);
    const urls = { primary, replica };

    const alone = await run('primary alone', server, { DATABASE_URL: primary }, urls, largest.id);
    const withReplica = await run(
      'with DATABASE_READ_URL',
      server,
      { DATABASE_URL: primary, DATABASE_READ_URL: replica },
      urls,
      largest.id,
    );
    const share = alone.primaryCpuMs > 0 ? r2(withReplica.primaryCpuMs / alone.primaryCpuMs) : null;
    const met = share !== null && share <= AIM_SHARE && withReplica.replicaRowsPerRead > 0;
    const aim = {
      aim: "replica: scorecard reads served by the replica with the primary's CPU idle",
      target: `primary CPU ≤ ${AIM_SHARE * 100} % of the same reads without the replica`,
      measured: `${share === null ? '?' : Math.round(share * 100)} % (${withReplica.primaryCpuMsPerRead} vs ${alone.primaryCpuMsPerRead} ms per read; replica ${withReplica.replicaCpuMsPerRead} ms; rows returned per read: primary ${withReplica.primaryRowsPerRead}, replica ${withReplica.replicaRowsPerRead})`,
      met,
    };
    log('');
    log('| aim | target | measured | met |');
    log('| --- | --- | --- | --- |');
    log(`| ${aim.aim} | ${aim.target} | ${aim.measured} | ${met ? 'yes' : '**no**'} |`);
    log('');
    log(
      `largest table: ${largest.measures} measures; ${READS} reads each run, 1 client, one machine (both servers share its cores)`,
    );
    const results = path.join(root, 'bench/results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      path.join(results, 'replica.json'),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: m,
          api: server.mode,
          table: { measures: largest.measures, figures: load.counts.observations },
          runs: [alone, withReplica],
          aim,
        },
        null,
        2,
      )}\n`,
    );
    process.exitCode = 0;
  } finally {
    if (replicaStarted) replicaServer('stop');
    pgServer('stop', PRIMARY_DIR, PRIMARY_PORT);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
