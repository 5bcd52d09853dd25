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
//
// The parts: settings and repetitions in province-settings.ts, loading in province-load.ts, the
// scorecard, /healthz and EXPLAIN measurements in province-scorecard.ts, saves in
// province-saves.ts, PGlite in province-pglite.ts, the CSV child run in province-csv.ts, and the
// aims and latest.md in province-report.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kyselyOverPg } from '../apps/api/src/db/database.js';
import {
  ADMIN,
  type ApiProcess,
  buildApi,
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
import { runCsvBench, runImportPgliteBench, runReplicaBench } from './province-csv.js';
import {
  buildProvince,
  organizationSize,
  PROVINCE,
  type Province,
  tableSizes,
} from './province-data.js';
import { loadStepPg } from './province-load.js';
import { pgliteBench } from './province-pglite.js';
import { aimsOf, loadAverageOf, markdown } from './province-report.js';
import { measureSaves, type SaveCell, sixteenEditors } from './province-saves.js';
import {
  explainAll,
  measureHealthz,
  measureScorecard,
  type Recorder,
  recordingDb,
  scorecardTarget,
  timeStatements,
  withoutCapture,
} from './province-scorecard.js';
import {
  API_PORT,
  PAGE_POINTS,
  PG_DIR,
  PG_PORT,
  pg,
  QUICK,
  REPS,
  r2,
  WITH_CSV,
  WITH_IMPORT_PGLITE,
  WITH_REPLICA,
} from './province-settings.js';
import { measureRestricted } from './restricted.js';

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
        editors.push(...(await sixteenEditors(province, adminToken)));
      }
      const partnerToken = (editors[0] as { token: string }).token;
      // As the scorecard pages ask for them: each series' last PAGE_POINTS points.
      const collectiveTarget = scorecardTarget(
        'table',
        largest.id,
        adminToken,
        'collective',
        PAGE_POINTS,
      );
      const partnerTarget = scorecardTarget(
        'organization',
        partnerOrg.id,
        partnerToken,
        'partner',
        PAGE_POINTS,
      );
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
        log('province 100%: the collective scorecard with whole series (no ?points)');
        const collectiveWhole = await measureScorecard(
          scorecardTarget('table', largest.id, adminToken, 'collective, whole series'),
          ctx,
          REPS.collectiveAtStep,
        );
        lap('whole series', t);

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
            scorecardTarget('table', s.id, adminToken, s.name, PAGE_POINTS),
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
          collectiveWholeSeries: withoutCapture(collectiveWhole),
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
    csv = runCsvBench();
    lap('csv', t);
  }

  let replica: unknown = null;
  if (WITH_REPLICA) {
    t = performance.now();
    log('replica: running bench/replica.bench.ts');
    replica = runReplicaBench();
    lap('replica', t);
  }

  let importPglite: unknown = null;
  if (WITH_IMPORT_PGLITE) {
    t = performance.now();
    log('pglite import: running bench/import-pglite.bench.ts');
    importPglite = runImportPgliteBench();
    lap('pglite import', t);
  }

  const aims = aimsOf(full, growth, pglite, { csv, replica, importPglite });
  clearInterval(sampler);
  const loadAverage = loadAverageOf(loadSamples);
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
    replica,
    importPglite,
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

await main();
