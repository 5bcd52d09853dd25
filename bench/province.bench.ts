// Performance at province scale, every figure beside a baseline measured in the same run.
//   pnpm bench                 (about ten minutes on 2 cores; starts and stops its own PostgreSQL)
//   BENCH_QUICK=1 pnpm bench   (a quarter of the repetitions, no CSV run: for trying changes)
//   BENCH_CSV=0 pnpm bench     (without the CSV export/import figures of bench/csv.bench.ts)
//
// 1. Builds the API and runs it compiled as a child process against a PostgreSQL of its own.
// 2. Loads a deterministic province (bench/province-data.ts) in three steps — 10 %, 50 % and
//    100 % — with COPY, and after each step measures the collective scorecard of the largest
//    table (loaded in the first step, so its size never changes) and a partner's scorecard,
//    each against the same SQL replayed straight through pg and against /healthz.
// 3. At full scale: the same with 16 clients, scorecards of tables of several sizes, saving
//    figures (with audit) from 16 agencies at once, and EXPLAIN (ANALYZE, BUFFERS) of every
//    scorecard statement.
// 4. A community on embedded PGlite: cold start to the first 200, and its scorecard.
// 5. The CSV export and import figures (bench/csv.bench.ts, run as a child process).
// Writes bench/results/latest.json, latest.md and explain.txt.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../apps/api/src/access/actor.js';
import { actorFromClaims } from '../apps/api/src/auth/auth.service.js';
import { kyselyOverPg, kyselyOverPglite, openPglite } from '../apps/api/src/db/database.js';
import { migrateToLatest } from '../apps/api/src/db/migrate.js';
import type { Db } from '../apps/api/src/db/schema.js';
import { putObservation } from '../apps/api/src/observations/observations.service.js';
import {
  organizationScorecard,
  tableScorecard,
} from '../apps/api/src/scorecards/scorecards.service.js';
import { organizationScorecardSchema, tableScorecardSchema } from '../packages/schema/src/index.js';
import {
  ADMIN,
  type ApiProcess,
  apiDir,
  buildApi,
  call,
  log,
  login,
  machine,
  pgServer,
  root,
  rssOf,
  startApi,
  stopApi,
  withDatabase,
} from './harness.js';
import {
  compareConcurrent,
  compareOneClient,
  httpTask,
  type LatencyStats,
  loadHttp,
  runTasks,
} from './load.js';
import {
  buildProvince,
  COMMUNITY,
  csvChunks,
  DIMENSIONS,
  jsonBatches,
  type MeasureM,
  organizationSize,
  PROVINCE,
  type Province,
  stepRows,
  type TableRows,
  tableSizes,
} from './province-data.js';
import { measureRestricted } from './restricted.js';
import {
  type CapturedQuery,
  describeQuery,
  inlineForDocs,
  recordQueries,
  replaySequential,
  replayWaves,
  toWaves,
} from './sql-replay.js';

const requireFromApi = createRequire(path.join(apiDir, 'package.json'));
const pg = requireFromApi('pg') as typeof import('pg');
const { from: copyFrom } = requireFromApi('pg-copy-streams') as typeof import('pg-copy-streams');

const PG_DIR = '/tmp/pg-province-bench';
const PG_PORT = 55506;
const API_PORT = 55507;
const PGLITE_PORT = 55508;
const QUICK = process.env.BENCH_QUICK === '1';
const WITH_CSV = process.env.BENCH_CSV !== '0' && !QUICK;
const scale = (n: number) => Math.max(QUICK ? 8 : n, Math.round(QUICK ? n / 4 : n));

/** Repetitions: enough for a p95 (and a rough p99), few enough for ~10 minutes in all. */
const REPS = {
  healthz: { one: scale(500), many: scale(4000) },
  collective: { one: scale(100), many: scale(160), service: true },
  collectiveAtStep: { one: scale(60) },
  partner: { one: scale(300), many: scale(800), service: true },
  bySize: { one: scale(40) },
  restricted: { one: scale(40) },
  saves: { one: scale(300), many: scale(1600) },
  pglite: { one: scale(60), many: scale(64), healthz: scale(300), coldStarts: QUICK ? 1 : 3 },
};

const r2 = (n: number) => Number(n.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 ? r2(a / b) : null);

// ---------------------------------------------------------------------------------------------
// Loading

async function copyTable(client: import('pg').PoolClient | import('pg').Client, t: TableRows) {
  let count = 0;
  const counted = (function* () {
    for (const row of t.rows) {
      count++;
      yield row;
    }
  })();
  const stream = client.query(
    copyFrom(`copy ${t.table} (${t.columns.join(', ')}) from stdin with (format csv)`),
  );
  await pipeline(Readable.from(csvChunks(counted)), stream);
  return count;
}

async function loadStepPg(url: string, p: Province, step: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  const started = performance.now();
  for (const t of stepRows(p, step)) counts[t.table] = await copyTable(client, t);
  const copySeconds = (performance.now() - started) / 1000;
  const vacuumStarted = performance.now();
  await client.query('vacuum (analyze)');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  await client.end();
  return { counts, copySeconds: r2(copySeconds), vacuumAnalyzeSeconds: r2(vacuumSeconds) };
}

async function loadPglite(client: Awaited<ReturnType<typeof openPglite>>, p: Province) {
  const counts: Record<string, number> = {};
  const started = performance.now();
  for (const t of stepRows(p, 0)) {
    const cols = t.columns.join(', ');
    let n = 0;
    for (const batch of jsonBatches(t)) {
      await client.query(
        `insert into ${t.table} (${cols}) select ${cols} from json_populate_recordset(null::${t.table}, $1::json)`,
        [JSON.stringify(batch)],
      );
      n += batch.length;
    }
    counts[t.table] = n;
  }
  return { counts, seconds: r2((performance.now() - started) / 1000) };
}

// ---------------------------------------------------------------------------------------------
// Measuring a scorecard three ways: over HTTP, in process (service), and its SQL alone.

interface Claims {
  sub: string;
  tv: number;
}
function claimsOf(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));
}

interface ScorecardTarget {
  label: string;
  path: string;
  token: string;
  /** What the route does with the result: the response schema's encode, then JSON.stringify. */
  serialize: (body: unknown) => string;
  /** The service call the route makes, with the auth lookup the route's hook makes first. */
  run: (db: Db) => Promise<unknown>;
}

function scorecardTarget(
  kind: 'table' | 'organization',
  id: string,
  token: string,
  label: string,
): ScorecardTarget {
  const claims = claimsOf(token);
  const schema = kind === 'table' ? tableScorecardSchema : organizationScorecardSchema;
  return {
    label,
    token,
    serialize: (body) => JSON.stringify(schema.encode(body as never)),
    path: `/api/v1/${kind === 'table' ? 'tables' : 'organizations'}/${id}/scorecard`,
    run: async (db) => {
      const actor: Actor = await actorFromClaims(db, claims, null);
      return kind === 'table'
        ? tableScorecard(db, actor, id, {})
        : organizationScorecard(db, actor, id, {});
    },
  };
}

interface Recorder {
  sink: { on: boolean; queries: CapturedQuery[] };
  db: Db;
}

/** A Kysely over its own pool whose statements can be recorded as they leave for PostgreSQL. */
function recordingDb(url: string): Recorder & { close: () => Promise<void> } {
  const { db, pool } = kyselyOverPg(url, 10);
  const sink = { on: false, queries: [] as CapturedQuery[] };
  pool.on('connect', (client) => recordQueries(client, sink));
  return { sink, db, close: () => db.destroy() };
}

async function capture(rec: Recorder, target: ScorecardTarget): Promise<CapturedQuery[][]> {
  await target.run(rec.db); // warm: connections open, statements planned once
  rec.sink.queries = [];
  rec.sink.on = true;
  await target.run(rec.db);
  rec.sink.on = false;
  return toWaves(rec.sink.queries);
}

async function measureScorecard(
  target: ScorecardTarget,
  ctx: { rec: Recorder; raw: import('pg').Pool; port: number },
  reps: { one: number; many?: number; service?: boolean },
) {
  const waves = await capture(ctx.rec, target);
  const statements = waves.reduce((s, w) => s + w.length, 0);
  const headers = { authorization: `Bearer ${target.token}` };
  const replay = () => replayWaves(ctx.raw, waves);
  const endpoint = httpTask({ port: ctx.port, path: target.path, headers }, { connections: 16 });
  const healthz = httpTask({ port: ctx.port, path: '/healthz' }, { connections: 16 });
  try {
    const loadBefore = os.loadavg()[0] as number;
    // One client: endpoint, its SQL, /healthz (and the service in process) turn by turn.
    const one = (await compareOneClient(
      {
        endpoint: endpoint.task,
        rawSql: replay,
        healthz: healthz.task,
        ...(reps.service
          ? { serviceInProcess: () => target.run(ctx.rec.db).then(() => true) }
          : {}),
      },
      { rounds: reps.one, warmup: 3 },
    )) as Record<'endpoint' | 'rawSql' | 'healthz', LatencyStats> & {
      serviceInProcess?: LatencyStats;
    };
    const responseBytes = endpoint.tally().bytes;
    // The route's serialization alone, on one result, in this process.
    const body = await target.run(ctx.rec.db);
    const serialize = await runTasks(async () => void target.serialize(body), {
      requests: Math.max(5, Math.ceil(reps.one / 4)),
      connections: 1,
      warmup: 2,
    });
    let many: Record<'endpoint' | 'rawSql', LatencyStats> | undefined;
    if (reps.many) {
      many = (await compareConcurrent(
        { endpoint: endpoint.task, rawSql: replay },
        { requests: reps.many, connections: 16, blocks: 4 },
      )) as Record<'endpoint' | 'rawSql', LatencyStats>;
    }
    const e = one.endpoint;
    const q = one.rawSql;
    const h = one.healthz;
    return {
      statements,
      waves: waves.length,
      responseBytes,
      loadAverage: r2((loadBefore + (os.loadavg()[0] as number)) / 2),
      oneClient: {
        ...one,
        serializeInProcess: serialize,
        endpointOverRawSqlP50: ratio(e.p50, q.p50),
        endpointOverRawSqlP95: ratio(e.p95, q.p95),
        endpointOverHealthzP50: ratio(e.p50, h.p50),
      },
      ...(many
        ? {
            sixteenClients: {
              ...many,
              rawSqlOverEndpointThroughput: ratio(many.rawSql.throughput, many.endpoint.throughput),
            },
          }
        : {}),
      capturedWaves: waves,
    };
  } finally {
    endpoint.close();
    healthz.close();
  }
}

type ScorecardFigures = Awaited<ReturnType<typeof measureScorecard>>;
function withoutCapture(f: ScorecardFigures) {
  const { capturedWaves: _, ...rest } = f;
  return rest;
}

async function measureHealthz(port: number, reps: { one: number; many: number }) {
  const target = { port, path: '/healthz' };
  const one = await loadHttp(target, { requests: reps.one, connections: 1, warmup: 20 });
  const many = await loadHttp(target, { requests: reps.many, connections: 16, warmup: 0 });
  return { oneClient: one, sixteenClients: many };
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN

async function explainAll(raw: import('pg').Pool, waves: CapturedQuery[][], title: string) {
  const out: {
    statement: string;
    executionMs: number;
    observationScans: string[];
    seqScanOnObservations: boolean;
  }[] = [];
  const texts: string[] = [`==== ${title}`];
  for (const q of waves.flat()) {
    const res = await raw.query(`explain (analyze, buffers) ${q.sql}`, q.params);
    const plan = (res.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    const scans = plan
      .split('\n')
      .map((l) => l.trim().replace(/^->\s*/, ''))
      .filter((l) => / on observations\b/.test(l))
      .map((l) => l.replace(/\s+\(cost=.*$/, ''));
    out.push({
      statement: describeQuery(q.sql),
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? Number.NaN),
      observationScans: scans,
      seqScanOnObservations: /Seq Scan on observations\b/.test(plan),
    });
    texts.push(`-- ${inlineForDocs(q.sql, q.params)}`, plan, '');
  }
  return { statements: out, text: texts.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// Saving figures

interface SaveCell {
  measureId: string;
  period: string;
  start: string;
  breakdown?: Record<string, string>;
}

/** Count cells (totals and parts) of an agency's latest quarter. */
function saveCellsOf(p: Province, org: number): SaveCell[] {
  const q = p.quarters.at(-1) as Province['quarters'][number];
  const cells: SaveCell[] = [];
  for (const m of p.measures.filter((x: MeasureM) => x.org === org && x.unit === 'count')) {
    cells.push({ measureId: m.id, period: q.label, start: q.start });
    for (const dim of m.dims) {
      for (const v of DIMENSIONS[dim])
        cells.push({ measureId: m.id, period: q.label, start: q.start, breakdown: { [dim]: v } });
    }
  }
  return cells;
}

function cellFor(editors: { token: string; cells: SaveCell[] }[], i: number) {
  const n = Math.abs(i);
  const e = editors[n % editors.length] as { token: string; cells: SaveCell[] };
  return {
    token: e.token,
    cell: e.cells[Math.floor(n / editors.length) % e.cells.length] as SaveCell,
  };
}

/**
 * Saving figures: PUT of one figure by sixteen agencies' editors, each on its own latest-quarter
 * cells, against the floor any save with audit pays — one transaction that updates the figure
 * and appends its audit event, straight through pg — measured interleaved.
 */
async function measureSaves(
  ctx: { rec: Recorder; raw: import('pg').Pool; port: number },
  editors: { token: string; cells: SaveCell[] }[],
  reps: { one: number; many: number },
) {
  // Every save changes its figure (an unchanged figure is not written or audited), and a part
  // never exceeds its total (that is refused): totals climb from a million, parts cycle 1–5.
  let value = 1_000_000;
  const saves = new Map<string, number>();
  const nextValue = (c: SaveCell) => {
    const key = `${c.measureId}|${JSON.stringify(c.breakdown ?? {})}`;
    const n = (saves.get(key) ?? 0) + 1;
    saves.set(key, n);
    return c.breakdown ? 1 + (n % 5) : value++;
  };
  const bodyOf = (c: SaveCell) => ({
    value: nextValue(c),
    ...(c.breakdown ? { breakdown: c.breakdown } : {}),
  });

  // The statements one save sends, recorded in process through the service the route calls.
  const first = cellFor(editors, 0);
  const actor = await actorFromClaims(ctx.rec.db, claimsOf(first.token), null);
  ctx.rec.sink.queries = [];
  ctx.rec.sink.on = true;
  await putObservation(
    ctx.rec.db,
    actor,
    first.cell.measureId,
    first.cell.period,
    bodyOf(first.cell),
  );
  ctx.rec.sink.on = false;
  const recorded = ctx.rec.sink.queries;
  const inTransaction =
    recorded.findIndex((q) => /^commit/i.test(q.sql)) -
    recorded.findIndex((q) => /^begin/i.test(q.sql)) +
    1;

  const endpoint = httpTask(
    {
      port: ctx.port,
      method: 'PUT',
      headers: (i) => ({ authorization: `Bearer ${cellFor(editors, i).token}` }),
      path: (i) => {
        const { cell } = cellFor(editors, i);
        return `/api/v1/measures/${cell.measureId}/observations/${cell.period}`;
      },
      body: (i) => bodyOf(cellFor(editors, i).cell),
    },
    { connections: 16 },
  );
  const floor = async (i: number) => {
    const { cell } = cellFor(editors, i);
    const breakdown = cell.breakdown
      ? Object.entries(cell.breakdown)
          .map(([k, v]) => `${k}=${v}`)
          .join(';')
      : '';
    const client = await ctx.raw.connect();
    try {
      await client.query('begin');
      const row = await client.query(
        `update observations set value = $1, version = version + 1, updated_at = now()
         where measure_id = $2 and period_start = $3 and breakdown = $4 returning id, value, version`,
        [nextValue(cell), cell.measureId, cell.start, breakdown],
      );
      await client.query(
        `insert into audit_events (actor_id, action, entity, entity_id, before, after)
         values ($1, 'bench.floor', 'bench_floor', $2, $3, $4)`,
        [
          actor.userId,
          row.rows[0]?.id ?? null,
          JSON.stringify({ value: 1 }),
          JSON.stringify(row.rows[0] ?? {}),
        ],
      );
      await client.query('commit');
      return true;
    } finally {
      client.release();
    }
  };
  // The same writes as one statement, one round trip: what a save could cost at best.
  const oneStatement = async (i: number) => {
    const { cell } = cellFor(editors, i);
    const breakdown = cell.breakdown
      ? Object.entries(cell.breakdown)
          .map(([k, v]) => `${k}=${v}`)
          .join(';')
      : '';
    await ctx.raw.query(
      `with u as (
         update observations set value = $1, version = version + 1, updated_at = now()
         where measure_id = $2 and period_start = $3 and breakdown = $4
         returning id, value, version)
       insert into audit_events (actor_id, action, entity, entity_id, before, after)
       select $5, 'bench.floor', 'bench_floor', u.id::text, null, to_jsonb(u) from u`,
      [nextValue(cell), cell.measureId, cell.start, breakdown, actor.userId],
    );
    return true;
  };
  const auditCount = async () =>
    Number(
      (
        await ctx.raw.query(
          "select count(*)::int as n from audit_events where entity = 'observation'",
        )
      ).rows[0].n,
    );
  try {
    let warm = 0;
    for (let i = 1; i <= 10; i++) {
      if (await endpoint.task(-i)) warm++;
      await floor(-i);
      await oneStatement(-i);
    }
    const before = await auditCount();
    const one = (await compareOneClient(
      { endpoint: endpoint.task, floor, floorOneStatement: oneStatement },
      { rounds: reps.one },
    )) as Record<'endpoint' | 'floor' | 'floorOneStatement', LatencyStats>;
    const many = (await compareConcurrent(
      { endpoint: endpoint.task, floor, floorOneStatement: oneStatement },
      { requests: reps.many, connections: 16, blocks: 4 },
    )) as Record<'endpoint' | 'floor' | 'floorOneStatement', LatencyStats>;
    const written = (await auditCount()) - before;
    const accepted =
      one.endpoint.requests - one.endpoint.errors + (many.endpoint.requests - many.endpoint.errors);
    return {
      editors: editors.length,
      cells: editors.reduce((s, e) => s + e.cells.length, 0),
      statementsPerSave: recorded.length,
      statementsInTransaction: inTransaction,
      roundTripsPerSave: toWaves(recorded).length,
      oneClient: {
        ...one,
        endpointOverFloorP50: ratio(one.endpoint.p50, one.floor.p50),
        endpointOverFloorP95: ratio(one.endpoint.p95, one.floor.p95),
      },
      sixteenClients: {
        ...many,
        floorOverEndpointThroughput: ratio(many.floor.throughput, many.endpoint.throughput),
      },
      warmupAccepted: warm,
      rejected: endpoint.tally().statuses,
      accepted,
      auditEventsWritten: written,
      everyAcceptedSaveAudited: written === accepted,
    };
  } finally {
    endpoint.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The embedded database

/** Each statement alone, one after another, median of `times` runs (ms). */
async function timeStatements(
  db: { query: (text: string, params: unknown[]) => Promise<unknown> },
  waves: CapturedQuery[][],
  times = 5,
) {
  const out: { statement: string; ms: number }[] = [];
  for (const q of waves.flat()) {
    const t: number[] = [];
    for (let k = 0; k < times; k++) {
      const t0 = performance.now();
      await db.query(q.sql, q.params);
      t.push(performance.now() - t0);
    }
    t.sort((a, b) => a - b);
    out.push({ statement: describeQuery(q.sql), ms: r2(t[Math.floor(t.length / 2)] as number) });
  }
  return out;
}

/**
 * The embedded database at community scale, as it is used: loaded, never vacuumed or analyzed
 * (PGlite runs no autovacuum). Cold starts and the scorecard over HTTP first; then, in this
 * process, the scorecard's SQL and service as loaded and again after VACUUM ANALYZE.
 */
async function pgliteBench(serverArgs: string[]) {
  const community = buildProvince(COMMUNITY);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rba-bench-pglite-'));
  const pgdata = path.join(dataDir, 'pgdata');
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let api: ApiProcess | undefined;
  try {
    log('pglite: creating and loading the community data directory');
    const createStarted = performance.now();
    let client = await openPglite({ dataDir: pgdata });
    let db = kyselyOverPglite(client);
    await migrateToLatest(db);
    const load = await loadPglite(client, community);
    await db.destroy();
    if (!client.closed) await client.close();
    const createSeconds = (performance.now() - createStarted) / 1000;

    // First start: creates the administrator and the signing secret.
    api = await startApi(serverArgs, PGLITE_PORT, env);
    const firstStartMs = api.readyMs;
    const adminToken = await login(PGLITE_PORT, ADMIN.email, ADMIN.password);
    await stopApi(api);
    api = undefined;
    const table = community.tables[0] as Province['tables'][number];
    const target = scorecardTarget('table', table.id, adminToken, 'community scorecard');

    // Cold starts on the existing directory: spawn → first 200 of /readyz, and of the scorecard.
    const coldStarts: { readyMs: number; firstScorecardMs: number; rssMb: number }[] = [];
    for (let k = 0; k < REPS.pglite.coldStarts; k++) {
      const spawned = performance.now();
      api = await startApi(serverArgs, PGLITE_PORT, env);
      const res = await fetch(`http://127.0.0.1:${PGLITE_PORT}${target.path}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`community scorecard → ${res.status}`);
      coldStarts.push({
        readyMs: Math.round(api.readyMs),
        firstScorecardMs: Math.round(performance.now() - spawned),
        rssMb: Math.round(rssOf(api.child.pid as number)),
      });
      if (k < REPS.pglite.coldStarts - 1) {
        await stopApi(api);
        api = undefined;
      }
    }
    const running = api as ApiProcess;
    const headers = { authorization: `Bearer ${adminToken}` };
    const endpoint = httpTask(
      { port: PGLITE_PORT, path: target.path, headers },
      { connections: 16 },
    );
    const healthzTask = httpTask({ port: PGLITE_PORT, path: '/healthz' }, { connections: 16 });
    const one = (await compareOneClient(
      { endpoint: endpoint.task, healthz: healthzTask.task },
      { rounds: REPS.pglite.one, warmup: 3 },
    )) as Record<'endpoint' | 'healthz', LatencyStats>;
    const endpointOne = { ...one.endpoint, bytes: endpoint.tally().bytes };
    const endpointMany = await runTasks(endpoint.task, {
      requests: REPS.pglite.many,
      connections: 16,
    });
    endpoint.close();
    healthzTask.close();
    const healthz = await measureHealthz(PGLITE_PORT, {
      one: REPS.pglite.healthz,
      many: REPS.pglite.healthz * 4,
    });
    const rssMb = Math.round(rssOf(running.child.pid as number));
    await stopApi(api);
    api = undefined;

    // In process: the SQL the scorecard needs (replayed one statement after another: PGlite has
    // one connection) and the service, as loaded and after VACUUM ANALYZE.
    client = await openPglite({ dataDir: pgdata });
    db = kyselyOverPglite(client);
    const sink = { on: false, queries: [] as CapturedQuery[] };
    recordQueries(client as unknown as { query: (...a: never[]) => unknown }, sink);
    await target.run(db);
    sink.on = true;
    await target.run(db);
    sink.on = false;
    const waves = toWaves(sink.queries);
    const pgliteClient = client;
    const inProcess = async () =>
      (await compareOneClient(
        {
          rawSql: () => replaySequential(pgliteClient, waves),
          service: () => target.run(db).then(() => true),
        },
        { rounds: Math.ceil(REPS.pglite.one / 2), warmup: 2 },
      )) as Record<'rawSql' | 'service', LatencyStats>;
    const asLoaded = await inProcess();
    const statementsAsLoaded = await timeStatements(client, waves);
    const vacuumStarted = performance.now();
    await client.query('vacuum (analyze)');
    const vacuumMs = Math.round(performance.now() - vacuumStarted);
    const analyzed = await inProcess();
    const statementsAnalyzed = await timeStatements(client, waves);
    await db.destroy();
    if (!client.closed) await client.close();

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      dataset: {
        tables: 1,
        organizations: COMMUNITY.organizations,
        programs: community.programs.length,
        measures: COMMUNITY.measures,
        quarters: COMMUNITY.quarters,
        observations: load.counts.observations,
        createAndLoadSeconds: r2(createSeconds),
      },
      firstStartMs: Math.round(firstStartMs),
      coldStarts,
      coldStartReadyMsMedian: median(coldStarts.map((c) => c.readyMs)),
      coldStartFirstScorecardMsMedian: median(coldStarts.map((c) => c.firstScorecardMs)),
      scorecard: {
        measures: COMMUNITY.measures,
        statements: waves.flat().length,
        responseBytes: endpointOne.bytes,
        oneClient: {
          endpoint: endpointOne,
          healthz: one.healthz,
          endpointOverHealthzP50: ratio(endpointOne.p50, one.healthz.p50),
        },
        sixteenClients: { endpoint: endpointMany },
        inProcessAsLoaded: {
          ...asLoaded,
          serviceOverRawSqlP95: ratio(asLoaded.service.p95, asLoaded.rawSql.p95),
          statements: statementsAsLoaded,
        },
        inProcessAfterVacuumAnalyze: {
          ...analyzed,
          vacuumAnalyzeMs: vacuumMs,
          serviceOverRawSqlP95: ratio(analyzed.service.p95, analyzed.rawSql.p95),
          statements: statementsAnalyzed,
        },
      },
      healthz,
      apiRssMb: rssMb,
    };
  } finally {
    await stopApi(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const benchStarted = performance.now();
  const timings: Record<string, number> = {};
  // The machine is shared: the one-minute load average, sampled through the run, says how
  // quiet it was (2 cores: above 2, others were competing for them).
  const loadSamples: { at: number; phase?: string; load: number }[] = [];
  const sampler = setInterval(() => {
    loadSamples.push({ at: performance.now(), load: os.loadavg()[0] as number });
  }, 5000);
  sampler.unref();
  const lap = (name: string, since: number) => {
    timings[name] = Math.round((performance.now() - since) / 1000);
    for (const x of loadSamples) if (x.at >= since && x.phase === undefined) x.phase = name;
  };
  const m = machine();
  log(
    `machine: ${m.cpus} cpus, ${m.memoryGb} GB, node ${m.node}, ${m.postgres}, commit ${m.commit.slice(0, 10)}${m.uncommittedChanges ? ' (+ uncommitted changes)' : ''}${QUICK ? ' — QUICK run' : ''}`,
  );
  let t = performance.now();
  const server = buildApi();
  lap('build', t);
  log(`API: ${server.mode}`);

  const province = buildProvince(PROVINCE);
  const sizes = tableSizes(province);
  const largest = [...sizes].sort((a, b) => b.measures - a.measures)[0] as (typeof sizes)[number];
  if (largest.index !== 0) throw new Error('the generator should make table 1 the largest');
  const partnerOrg = province.orgs[0] as Province['orgs'][number];

  const serverUrl = pgServer('start', PG_DIR, PG_PORT);
  let api: ApiProcess | undefined;
  let rec: (Recorder & { close: () => Promise<void> }) | undefined;
  let raw: import('pg').Pool | undefined;
  const growth: Record<string, unknown>[] = [];
  let full: Record<string, unknown> = {};
  let explainText = '';
  const loads: Record<string, unknown>[] = [];
  try {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('create database rba_province');
    await admin.end();
    const url = withDatabase(serverUrl, 'rba_province');
    api = await startApi(server.args, API_PORT, { DATABASE_URL: url });
    const adminToken = await login(API_PORT, ADMIN.email, ADMIN.password);
    rec = recordingDb(url);
    raw = kyselyOverPg(url, 10).pool;
    const ctx = { rec, raw, port: API_PORT };

    const editors: { token: string; cells: SaveCell[] }[] = [];
    let cumulative = 0;
    for (const [step, share] of PROVINCE.steps.entries()) {
      const label = `${Math.round(share * 100)}%`;
      t = performance.now();
      log(`province ${label}: loading`);
      const load = await loadStepPg(url, province, step);
      cumulative += load.counts.observations ?? 0;
      const rows = Object.values(load.counts).reduce((s, n) => s + n, 0);
      loads.push({
        step: label,
        ...load,
        rows,
        rowsPerSecond: Math.round(rows / load.copySeconds),
      });
      lap(`load ${label}`, t);
      log(
        `  ${rows} rows (${load.counts.observations} figures) in ${load.copySeconds} s by COPY, vacuum analyze ${load.vacuumAnalyzeSeconds} s`,
      );

      if (step === 0) {
        // Sixteen agencies' editors (the first is also the partner whose scorecard is read).
        for (let k = 0; k < 16; k++) {
          const o = province.orgs[k] as Province['orgs'][number];
          const email = `editor-${o.code.toLowerCase()}@example.org`;
          const password = 'bench-editor-password';
          const user = await call<{ id: string }>(API_PORT, adminToken, 'POST', '/users', {
            email,
            name: `Editor ${o.code}`,
            password,
          });
          await call(API_PORT, adminToken, 'POST', `/users/${user.id}/roles`, {
            role: 'partner_editor',
            scopeType: 'organization',
            scopeId: o.id,
          });
          editors.push({
            token: await login(API_PORT, email, password),
            cells: saveCellsOf(province, k),
          });
        }
      }
      const partnerToken = (editors[0] as { token: string }).token;
      const collectiveTarget = scorecardTarget('table', largest.id, adminToken, 'collective');
      const partnerTarget = scorecardTarget('organization', partnerOrg.id, partnerToken, 'partner');
      const last = step === PROVINCE.steps.length - 1;

      t = performance.now();
      log(`province ${label}: measuring`);
      const sizeDb = new pg.Client({ connectionString: url });
      await sizeDb.connect();
      const dbSize = (
        await sizeDb.query(
          "select pg_database_size(current_database()) as db, pg_total_relation_size('observations') as obs",
        )
      ).rows[0];
      await sizeDb.end();
      const healthz = await measureHealthz(
        API_PORT,
        last ? REPS.healthz : { one: REPS.healthz.one, many: REPS.healthz.many / 2 },
      );
      const collective = await measureScorecard(
        collectiveTarget,
        ctx,
        last ? REPS.collective : REPS.collectiveAtStep,
      );
      const partner = await measureScorecard(
        partnerTarget,
        ctx,
        last ? REPS.partner : { one: REPS.partner.one / 2 },
      );
      growth.push({
        step: label,
        observations: cumulative,
        databaseMb: Math.round(Number(dbSize.db) / 1024 / 1024),
        observationsTableMb: Math.round(Number(dbSize.obs) / 1024 / 1024),
        loadAverage: collective.loadAverage,
        healthzP50: collective.oneClient.healthz.p50,
        healthzP95: collective.oneClient.healthz.p95,
        collective: {
          p50: collective.oneClient.endpoint.p50,
          p95: collective.oneClient.endpoint.p95,
          rawSqlP50: collective.oneClient.rawSql.p50,
          rawSqlP95: collective.oneClient.rawSql.p95,
          overRawSqlP95: collective.oneClient.endpointOverRawSqlP95,
          overHealthzP50: collective.oneClient.endpointOverHealthzP50,
        },
        partner: {
          p50: partner.oneClient.endpoint.p50,
          p95: partner.oneClient.endpoint.p95,
          rawSqlP50: partner.oneClient.rawSql.p50,
          rawSqlP95: partner.oneClient.rawSql.p95,
          overRawSqlP95: partner.oneClient.endpointOverRawSqlP95,
        },
      });
      log(
        `  healthz p50 ${healthz.oneClient.p50} ms; collective p50/p95 ${collective.oneClient.endpoint.p50}/${collective.oneClient.endpoint.p95} ms (raw SQL ${collective.oneClient.rawSql.p50}/${collective.oneClient.rawSql.p95}); partner ${partner.oneClient.endpoint.p50}/${partner.oneClient.endpoint.p95} ms (raw SQL ${partner.oneClient.rawSql.p50}/${partner.oneClient.rawSql.p95})`,
      );
      lap(`measure ${label}`, t);

      if (last) {
        t = performance.now();
        log('province 100%: tables by size');
        const bySize = [...sizes].sort((a, b) => a.measures - b.measures);
        const picks = [
          bySize[0],
          bySize[Math.floor(bySize.length / 2)],
          bySize.at(-1),
        ] as typeof sizes;
        const tablesBySize = [];
        for (const s of picks) {
          const f = await measureScorecard(
            scorecardTarget('table', s.id, adminToken, s.name),
            ctx,
            REPS.bySize,
          );
          tablesBySize.push({
            table: s.name,
            loadedInStep: `${Math.round((PROVINCE.steps[s.step] as number) * 100)}%`,
            partners: s.partners,
            programs: s.programs,
            measures: s.measures,
            responseBytes: f.responseBytes,
            p50: f.oneClient.endpoint.p50,
            rawSqlP50: f.oneClient.rawSql.p50,
            p50PerMeasureMs: r2(f.oneClient.endpoint.p50 / s.measures),
            rawSqlP50PerMeasureMs: Number((f.oneClient.rawSql.p50 / s.measures).toFixed(3)),
          });
        }
        lap('tables by size', t);

        t = performance.now();
        log('province 100%: the largest table as a funder sees it, against its coordinator');
        const restricted = await measureRestricted(
          API_PORT,
          adminToken,
          largest.id,
          url,
          REPS.restricted,
        );
        log(
          `  coordinator p50/p95 ${restricted.oneClient.coordinator.p50}/${restricted.oneClient.coordinator.p95} ms; funder ${restricted.oneClient.funder.p50}/${restricted.oneClient.funder.p95} ms (${restricted.funderOverCoordinatorP50}× at p50); ${restricted.funderPoints.hidden} of ${restricted.funderPoints.points} points hidden, ${restricted.plantedSmallFigures} small age-group figures planted`,
        );
        lap('restricted view', t);

        t = performance.now();
        log('province 100%: saving figures');
        const saves = await measureSaves(ctx, editors, REPS.saves);
        log(
          `  saves p50/p95 ${saves.oneClient.endpoint.p50}/${saves.oneClient.endpoint.p95} ms with 1 client (floor ${saves.oneClient.floor.p50}/${saves.oneClient.floor.p95}); ${saves.sixteenClients.endpoint.p50}/${saves.sixteenClients.endpoint.p95} ms, ${saves.sixteenClients.endpoint.throughput}/s with 16 (floor ${saves.sixteenClients.floor.throughput}/s)`,
        );
        lap('saves', t);

        t = performance.now();
        log('province 100%: EXPLAIN (ANALYZE, BUFFERS)');
        const explainCollective = await explainAll(
          raw,
          collective.capturedWaves,
          `collective scorecard of ${largest.name} (${largest.measures} measures)`,
        );
        const explainPartner = await explainAll(
          raw,
          partner.capturedWaves,
          `partner scorecard of ${partnerOrg.code} (${organizationSize(province, 0)} measures)`,
        );
        explainText = `${explainCollective.text}\n${explainPartner.text}`;
        const statementTimes = {
          collective: await timeStatements(raw, collective.capturedWaves),
          partner: await timeStatements(raw, partner.capturedWaves),
        };
        lap('explain', t);

        full = {
          healthz,
          collective: withoutCapture(collective),
          partner: withoutCapture(partner),
          tablesBySize,
          restricted,
          saves,
          statementTimes,
          explain: {
            collective: explainCollective.statements,
            partner: explainPartner.statements,
            seqScanOnObservations: [
              ...explainCollective.statements,
              ...explainPartner.statements,
            ].some((s) => s.seqScanOnObservations),
          },
          apiRssMb: Math.round(rssOf(api.child.pid as number)),
        };
      }
    }
  } finally {
    await stopApi(api);
    await rec?.close();
    await raw?.end();
    pgServer('stop', PG_DIR, PG_PORT);
  }

  t = performance.now();
  const pglite = await pgliteBench(server.args);
  lap('pglite', t);
  log(
    `pglite: cold start ${pglite.coldStartReadyMsMedian} ms to /readyz, ${pglite.coldStartFirstScorecardMsMedian} ms to the first scorecard; scorecard p95 ${pglite.scorecard.oneClient.endpoint.p95} ms`,
  );

  let csv: unknown = null;
  if (WITH_CSV) {
    t = performance.now();
    log('csv: running bench/csv.bench.ts');
    // The CSV bench writes bench/results/csv.json, its own record: its figures are taken into
    // latest.json and its file is put back as it was.
    const csvFile = path.join(root, 'bench/results/csv.json');
    let kept: string | undefined;
    try {
      kept = readFileSync(csvFile, 'utf8');
    } catch {
      kept = undefined;
    }
    try {
      execFileSync(
        path.join(root, 'node_modules/.bin/tsx'),
        ['--conditions=development', 'bench/csv.bench.ts'],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
      csv = JSON.parse(readFileSync(csvFile, 'utf8'));
    } catch (err) {
      csv = { error: err instanceof Error ? err.message : String(err) };
    } finally {
      if (kept !== undefined) writeFileSync(csvFile, kept);
    }
    lap('csv', t);
  }

  const f = full as {
    collective: ScorecardFigures;
    partner: ScorecardFigures;
    saves: Awaited<ReturnType<typeof measureSaves>>;
    explain: { seqScanOnObservations: boolean };
  };
  const g = growth as {
    step: string;
    collective: { p50: number; rawSqlP50: number };
    partner: { p50: number };
    healthzP50: number;
  }[];
  const g10 = g[0] as (typeof g)[number];
  const g100 = g.at(-1) as (typeof g)[number];
  const aim = (name: string, target: string, measured: number | string | null, met: boolean) => ({
    aim: name,
    target,
    measured,
    met,
  });
  const aims = [
    aim(
      'collective scorecard p95, 1 client',
      '< 50 ms',
      f.collective.oneClient.endpoint.p95,
      f.collective.oneClient.endpoint.p95 < 50,
    ),
    aim(
      'collective scorecard over the same SQL through pg, p95',
      '≤ 2×',
      f.collective.oneClient.endpointOverRawSqlP95,
      (f.collective.oneClient.endpointOverRawSqlP95 ?? 99) <= 2,
    ),
    aim(
      'collective scorecard over the same SQL through pg, p50 (the steadier ratio)',
      '≤ 2×',
      f.collective.oneClient.endpointOverRawSqlP50,
      (f.collective.oneClient.endpointOverRawSqlP50 ?? 99) <= 2,
    ),
    aim(
      'partner scorecard p95, 1 client',
      '< 20 ms',
      f.partner.oneClient.endpoint.p95,
      f.partner.oneClient.endpoint.p95 < 20,
    ),
    aim(
      'saving a figure with audit p95, 16 clients',
      '< 15 ms',
      f.saves.sixteenClients.endpoint.p95,
      f.saves.sixteenClients.endpoint.p95 < 15,
    ),
    aim(
      'saving a figure with audit p95, 1 client',
      '< 15 ms (the aim read for one client)',
      f.saves.oneClient.endpoint.p95,
      f.saves.oneClient.endpoint.p95 < 15,
    ),
    aim(
      'PGlite cold start to the first 200',
      '< 3000 ms',
      pglite.coldStartReadyMsMedian ?? null,
      (pglite.coldStartReadyMsMedian ?? 99999) < 3000,
    ),
    aim(
      'PGlite community scorecard p95, 1 client',
      '< 150 ms',
      pglite.scorecard.oneClient.endpoint.p95,
      pglite.scorecard.oneClient.endpoint.p95 < 150,
    ),
    aim(
      "the largest table's scorecard p50 at 100 % over 10 % of the province (its size unchanged)",
      '≈ 1 (follows the table, not the province)',
      ratio(g100.collective.p50, g10.collective.p50),
      (ratio(g100.collective.p50, g10.collective.p50) ?? 99) < 1.5,
    ),
    aim(
      'no sequential scan over observations in any scorecard statement',
      'none',
      f.explain.seqScanOnObservations ? 'found' : 'none',
      !f.explain.seqScanOnObservations,
    ),
  ];

  clearInterval(sampler);
  const loadsSorted = loadSamples.map((x) => x.load).sort((a, b) => a - b);
  const loadAverage = {
    note: 'one-minute load average sampled every 5 s; 2 cores, so above 2 means others competed for them',
    min: r2(loadsSorted[0] ?? Number.NaN),
    median: r2(loadsSorted[Math.floor(loadsSorted.length / 2)] ?? Number.NaN),
    max: r2(loadsSorted.at(-1) ?? Number.NaN),
    byPhase: Object.fromEntries(
      [...new Set(loadSamples.map((x) => x.phase ?? 'other'))].map((ph) => {
        const xs = loadSamples.filter((x) => (x.phase ?? 'other') === ph).map((x) => x.load);
        return [ph, r2(xs.reduce((a, b) => a + b, 0) / xs.length)];
      }),
    ),
  };
  const results = {
    at: new Date().toISOString(),
    loadAverage,
    command: QUICK ? 'BENCH_QUICK=1 pnpm bench' : 'pnpm bench',
    machine: m,
    api: server.mode,
    setup: {
      postgres:
        'scripts/pg-test-server.sh: fsync=off, synchronous_commit=off, full_page_writes=off, other settings default (shared_buffers 128 MB)',
      apiPoolSize: 10,
      apiLogLevel: 'warn',
      loadGenerator:
        'bench/load.ts: closed loop over node:http keep-alive connections (autocannon is not installed)',
      rawSqlBaseline:
        "the statements the request sent, recorded at the pg client and replayed through a pg Pool of 10 with the API's type parsers, in the same waves (statements sent together stay together)",
      units: 'latencies in ms, throughput in requests per second',
    },
    dataset: {
      province: {
        tables: PROVINCE.tables,
        organizations: PROVINCE.organizations,
        programs: province.programs.length,
        measures: PROVINCE.measures,
        quarters: PROVINCE.quarters,
        observations: (growth.at(-1) as { observations: number }).observations,
        loads,
      },
      largestTable: largest,
      partnerOrganization: { code: partnerOrg.code, measures: organizationSize(province, 0) },
    },
    growth,
    province: full,
    pglite,
    csv,
    aims,
    timings: { ...timings, total: Math.round((performance.now() - benchStarted) / 1000) },
  };
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/latest.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  writeFileSync(path.join(root, 'bench/results/latest.md'), markdown(results));
  writeFileSync(path.join(root, 'bench/results/explain.txt'), `${explainText}\n`);
  log('');
  log(readFileSync(path.join(root, 'bench/results/latest.md'), 'utf8'));
  log(`written bench/results/latest.json, latest.md and explain.txt in ${results.timings.total} s`);
}

// ---------------------------------------------------------------------------------------------
// The markdown table

// biome-ignore lint/suspicious/noExplicitAny: the results object is read loosely here
function markdown(r: any): string {
  const lines: string[] = [];
  const row = (...cells: unknown[]) =>
    lines.push(
      `| ${cells.map((c) => (c === undefined || c === null ? '' : String(c))).join(' | ')} |`,
    );
  const ms = (s: LatencyStats | undefined) => (s ? `${s.p50} / ${s.p95} / ${s.p99}` : '');
  const pv = r.province;
  lines.push(`# Province benchmark — ${r.at.slice(0, 10)}`, '');
  lines.push(
    `\`${r.command}\` on ${r.machine.cpus} cpus (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.postgres}; commit ${r.machine.commit.slice(0, 10)}${r.machine.uncommittedChanges ? ' with uncommitted changes' : ''}. API ${r.api}. Latencies in ms (p50 / p95 / p99), throughput in requests/s. Whole run ${r.timings.total} s; the machine's one-minute load average during it: median ${r.loadAverage.median} (${r.loadAverage.min}–${r.loadAverage.max}) on ${r.machine.cpus} cores — compare ratios, not absolute times.`,
    '',
  );
  const d = r.dataset;
  lines.push(
    `Province: ${d.province.tables} planning tables, ${d.province.organizations} organizations, ${d.province.programs} programs, ${d.province.measures} measures, ${d.province.quarters} quarters, ${d.province.observations} figures. Largest table: ${d.largestTable.name}, ${d.largestTable.partners} partners, ${d.largestTable.programs} programs, ${d.largestTable.measures} measures. Partner: ${d.partnerOrganization.code}, ${d.partnerOrganization.measures} measures.`,
    '',
  );
  lines.push('## Aims', '');
  row('aim', 'target', 'measured', 'met');
  row('---', '---', '---', '---');
  for (const a of r.aims) row(a.aim, a.target, a.measured, a.met ? 'yes' : '**no**');
  lines.push('', '## At full scale, against the baselines', '');
  row(
    'measure',
    '1 client p50 / p95 / p99',
    'same SQL through pg',
    'endpoint / SQL (p95)',
    '16 clients req/s',
    'SQL 16 clients req/s',
    'response',
  );
  row('---', '---', '---', '---', '---', '---', '---');
  row('`/healthz`', ms(pv.healthz.oneClient), '', '', pv.healthz.sixteenClients.throughput, '', '');
  for (const [name, s] of [
    ['collective scorecard, largest table', pv.collective],
    ['partner scorecard', pv.partner],
  ]) {
    row(
      name,
      ms(s.oneClient.endpoint),
      ms(s.oneClient.rawSql),
      s.oneClient.endpointOverRawSqlP95,
      s.sixteenClients?.endpoint.throughput,
      s.sixteenClients?.rawSql.throughput,
      `${Math.round(s.responseBytes / 1024)} KB, ${s.statements} statements in ${s.waves} waves`,
    );
    if (s.oneClient.serviceInProcess)
      row(
        `  ${name.split(',')[0]}: service in process (no HTTP)`,
        ms(s.oneClient.serviceInProcess),
        '',
        '',
        '',
        '',
        '',
      );
    row(
      `  ${name.split(',')[0]}: the route's serialization alone (schema encode + JSON.stringify)`,
      ms(s.oneClient.serializeInProcess),
      '',
      '',
      '',
      '',
      '',
    );
  }
  const rv = pv.restricted;
  if (rv) {
    row(
      'collective scorecard, largest table, as its coordinator',
      ms(rv.oneClient.coordinator),
      '',
      '',
      '',
      '',
      '',
    );
    row(
      '  the same as a funder (suppression decided on every request)',
      ms(rv.oneClient.funder),
      '',
      `${rv.funderOverCoordinatorP50}× the coordinator's p50`,
      '',
      '',
      `${rv.funderPoints.hidden} of ${rv.funderPoints.points} points hidden (${rv.plantedSmallFigures} small figures planted)`,
    );
  }
  const sv = pv.saves;
  row(
    'save a figure (PUT, with audit)',
    ms(sv.oneClient.endpoint),
    `floor ${ms(sv.oneClient.floor)}`,
    sv.oneClient.endpointOverFloorP95,
    `${sv.sixteenClients.endpoint.throughput} (p95 ${sv.sixteenClients.endpoint.p95})`,
    `floor ${sv.sixteenClients.floor.throughput} (p95 ${sv.sixteenClients.floor.p95})`,
    `${sv.statementsPerSave} statements, ${sv.roundTripsPerSave} round trips; ${sv.accepted} accepted (others: ${JSON.stringify(sv.rejected)}), ${sv.auditEventsWritten} audited`,
  );
  row(
    '  floor as one statement (update + audit in one CTE)',
    ms(sv.oneClient.floorOneStatement),
    '',
    '',
    `${sv.sixteenClients.floorOneStatement.throughput} (p95 ${sv.sixteenClients.floorOneStatement.p95})`,
    '',
    '1 round trip',
  );
  lines.push('', '## Cost growth: the same table and partner as the province grows', '');
  row(
    'province',
    'figures',
    'database MB',
    '`/healthz` p50',
    'collective p50 / p95',
    'its SQL p50 / p95',
    'partner p50 / p95',
    'its SQL p50 / p95',
  );
  row('---', '---', '---', '---', '---', '---', '---', '---');
  for (const g of r.growth)
    row(
      g.step,
      g.observations,
      g.databaseMb,
      g.healthzP50,
      `${g.collective.p50} / ${g.collective.p95}`,
      `${g.collective.rawSqlP50} / ${g.collective.rawSqlP95}`,
      `${g.partner.p50} / ${g.partner.p95}`,
      `${g.partner.rawSqlP50} / ${g.partner.rawSqlP95}`,
    );
  lines.push('', '## Tables of different sizes at full scale', '');
  row(
    'table',
    'loaded at',
    'partners',
    'programs',
    'measures',
    'p50',
    'its SQL p50',
    'p50 per measure',
    'SQL per measure',
    'response',
  );
  row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---');
  for (const t of pv.tablesBySize)
    row(
      t.table,
      t.loadedInStep,
      t.partners,
      t.programs,
      t.measures,
      t.p50,
      t.rawSqlP50,
      t.p50PerMeasureMs,
      t.rawSqlP50PerMeasureMs,
      `${Math.round(t.responseBytes / 1024)} KB`,
    );
  const pl = r.pglite;
  lines.push('', '## Embedded PGlite, community scale', '');
  lines.push(
    `${pl.dataset.tables} table, ${pl.dataset.organizations} organizations, ${pl.dataset.measures} measures, ${pl.dataset.observations} figures.`,
    '',
  );
  row('measure', 'value');
  row('---', '---');
  row(
    'cold start on the existing directory → first 200 of `/readyz` (median)',
    `${pl.coldStartReadyMsMedian} ms (${pl.coldStarts.map((c: { readyMs: number }) => c.readyMs).join(', ')})`,
  );
  row('cold start → first scorecard 200 (median)', `${pl.coldStartFirstScorecardMsMedian} ms`);
  row('community scorecard, 1 client p50 / p95 / p99', ms(pl.scorecard.oneClient.endpoint));
  row(
    '  its SQL replayed in process (as loaded, never vacuumed)',
    ms(pl.scorecard.inProcessAsLoaded.rawSql),
  );
  row('  the service in process (as loaded)', ms(pl.scorecard.inProcessAsLoaded.service));
  row(
    '  its SQL replayed in process, after VACUUM ANALYZE',
    ms(pl.scorecard.inProcessAfterVacuumAnalyze.rawSql),
  );
  row(
    '  the service in process, after VACUUM ANALYZE',
    ms(pl.scorecard.inProcessAfterVacuumAnalyze.service),
  );
  row(
    'community scorecard, 16 clients',
    `${pl.scorecard.sixteenClients.endpoint.throughput} req/s, p95 ${pl.scorecard.sixteenClients.endpoint.p95}`,
  );
  row('`/healthz`, 1 client p50 / p95 / p99', ms(pl.healthz.oneClient));
  row('API resident memory', `${pl.apiRssMb} MB`);
  if (r.csv && !r.csv.error) {
    lines.push('', '## CSV (bench/csv.bench.ts, run within this bench)', '');
    row('measure', 'API', 'PostgreSQL COPY', 'API / COPY');
    row('---', '---', '---', '---');
    row(
      `export ${r.csv.export.rows} rows`,
      `${r.csv.export.endpointRowsPerSecond} rows/s`,
      `${r.csv.export.copyToRowsPerSecond} rows/s`,
      r.csv.export.ratio,
    );
    row(
      `import ${r.csv.import.rows} rows`,
      `${r.csv.import.endpointRowsPerSecond} rows/s`,
      `${r.csv.import.copyFromRowsPerSecond} rows/s`,
      r.csv.import.ratio,
    );
  }
  lines.push(
    '',
    `Loading: ${r.dataset.province.loads.map((l: { step: string; rows: number; copySeconds: number }) => `${l.step} step ${l.rows} rows in ${l.copySeconds} s`).join('; ')}.`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

await main();
