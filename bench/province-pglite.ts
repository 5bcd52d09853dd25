// The embedded database (PGlite) at community scale.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kyselyOverPglite, openPglite } from '../apps/api/src/db/database.js';
import { migrateToLatest } from '../apps/api/src/db/migrate.js';
import { ADMIN, type ApiProcess, log, login, rssOf, startApi, stopApi } from './harness.js';
import { compareOneClient, httpTask, type LatencyStats, runTasks } from './load.js';
import { buildProvince, COMMUNITY, type Province } from './province-data.js';
import { loadPglite } from './province-load.js';
import { measureHealthz, scorecardTarget, timeStatements } from './province-scorecard.js';
import { PGLITE_PORT, REPS, r2, ratio } from './province-settings.js';
import { type CapturedQuery, recordQueries, replaySequential, toWaves } from './sql-replay.js';

/**
 * Long enough after a start for the server's first upkeep to have run (its first check comes
 * 5 s after it listens: apps/api/src/db/embedded-upkeep.ts; vacuuming the community's tables
 * takes a fraction of a second).
 */
const UPKEEP_SETTLE_MS = 8_000;

/**
 * The embedded database at community scale, as it is used: loaded through the database, never
 * vacuumed or analyzed by PGlite itself (it runs no autovacuum; the server's own upkeep does
 * that work). Cold starts and the scorecard over HTTP first, once the server's first upkeep has
 * run; then, in this process, the scorecard's SQL and service on a copy of the directory as
 * loaded, and again after VACUUM ANALYZE.
 */
export async function pgliteBench(serverArgs: string[]) {
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
    // The server vacuums the directory it runs on (5 s after it listens; this first start is
    // over sooner): the in-process "as loaded" figures read a copy made now, with the
    // administrator the first start created. Checked below to be still never analyzed.
    const asLoaded = path.join(dataDir, 'pgdata-as-loaded');
    cpSync(pgdata, asLoaded, { recursive: true });
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
    await new Promise((resolve) => setTimeout(resolve, UPKEEP_SETTLE_MS));
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
    client = await openPglite({ dataDir: asLoaded });
    db = kyselyOverPglite(client);
    const { rows: stats } = await client.query<{ n: number }>(
      `select reltuples::float8 as n from pg_class where relname = 'observations'`,
    );
    if (stats[0]?.n !== -1) throw new Error('the "as loaded" copy has been analyzed');
    const sink = { on: false, queries: [] as CapturedQuery[] };
    recordQueries(client as unknown as { query: (...a: never[]) => unknown }, sink);
    await target.serve(db);
    sink.on = true;
    await target.serve(db);
    sink.on = false;
    const waves = toWaves(sink.queries);
    const pgliteClient = client;
    const inProcess = async () =>
      (await compareOneClient(
        {
          rawSql: () => replaySequential(pgliteClient, waves),
          service: () => target.serve(db).then(() => true),
        },
        { rounds: Math.ceil(REPS.pglite.one / 2), warmup: 2 },
      )) as Record<'rawSql' | 'service', LatencyStats>;
    const asLoadedRun = await inProcess();
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
          ...asLoadedRun,
          serviceOverRawSqlP95: ratio(asLoadedRun.service.p95, asLoadedRun.rawSql.p95),
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
