// The province benchmark's report: the aims, the load average over the run, and latest.md.

import type { LatencyStats } from './load.js';
import type { pgliteBench } from './province-pglite.js';
import type { measureSaves } from './province-saves.js';
import type { ScorecardFigures } from './province-scorecard.js';
import { r2, ratio } from './province-settings.js';

/** The aims, each with its target, what was measured and whether it is met. */
/** What the child benchmarks wrote (null when not run, `{ error }` when they failed). */
export interface ChildFigures {
  csv: unknown;
  replica: unknown;
  importPglite: unknown;
}

/** An aim row for a child benchmark that did not run or failed. */
function missing(child: unknown, flag: string): string | null {
  if (child === null || child === undefined) return `not run (${flag})`;
  const error = (child as { error?: string }).error;
  return error ? `failed: ${error.slice(0, 120)}` : null;
}

/** The aims the child benchmarks measure: imports against COPY, PGlite during an import, the replica. */
function childAims(
  c: ChildFigures,
  aim: (n: string, t: string, m: number | string | null, met: boolean) => unknown,
) {
  const imp = (c.csv as { import?: Record<string, number> } | null)?.import;
  const ratioToTable = imp?.ratioToCopyIntoObservations;
  const during = (c.importPglite as { during?: { p95: number; p50: number; n: number } } | null)
    ?.during;
  const idle = (c.importPglite as { idle?: { p95: number } } | null)?.idle;
  const replica = (c.replica as { aim?: { target: string; measured: string; met: boolean } } | null)
    ?.aim;
  return [
    aim(
      'CSV import of 100,000 rows against COPY FROM of the same rows into observations (issue #22)',
      '≥ 0.2×',
      missing(c.csv, 'BENCH_CSV=0') ??
        (ratioToTable === undefined
          ? 'no figure'
          : `${ratioToTable} (${imp?.endpointRowsPerSecond} rows/s against ${imp?.copyIntoObservationsRowsPerSecond}; COPY into a scratch table with no index: ${imp?.copyFromRowsPerSecond} rows/s)`),
      ratioToTable !== undefined && ratioToTable >= 0.2,
    ),
    aim(
      'PGlite, other requests p95 during a 100,000-row import',
      '< 500 ms',
      missing(c.importPglite, 'BENCH_IMPORT_PGLITE=0') ??
        (during
          ? `${during.p95} (p50 ${during.p50}, ${during.n} requests; ${idle?.p95} with no import)`
          : 'no figure'),
      during !== undefined && during.p95 < 500,
    ),
    aim(
      "replica: scorecard reads served by the replica with the primary's CPU idle",
      replica?.target ?? 'primary CPU ≤ 10 % of the same reads without the replica',
      missing(c.replica, 'BENCH_REPLICA=0') ?? replica?.measured ?? 'no figure',
      replica?.met === true,
    ),
  ];
}

export function aimsOf(
  full: Record<string, unknown>,
  growth: Record<string, unknown>[],
  pglite: Awaited<ReturnType<typeof pgliteBench>>,
  children: ChildFigures,
) {
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
      'collective scorecard over the same SQL through pg, p50 (issue #22)',
      '≤ 1.5×',
      f.collective.oneClient.endpointOverRawSqlP50,
      (f.collective.oneClient.endpointOverRawSqlP50 ?? 99) <= 1.5,
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
    ...(childAims(children, aim) as ReturnType<typeof aim>[]),
  ];

  return aims;
}

/** The machine's one-minute load average over the run, and by phase. */
export function loadAverageOf(loadSamples: { at: number; phase?: string; load: number }[]) {
  const loadsSorted = loadSamples.map((x) => x.load).sort((a, b) => a - b);
  return {
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
}

// biome-ignore lint/suspicious/noExplicitAny: the results object is read loosely here
export function markdown(r: any): string {
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
    ['collective scorecard, largest table (?points=12, as its page asks)', pv.collective],
    ['collective scorecard, largest table, whole series (no ?points)', pv.collectiveWholeSeries],
    ['partner scorecard (?points=12)', pv.partner],
  ]) {
    if (!s) continue;
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
    if (s.oneClient.serializePlainInProcess)
      row(
        `  ${name.split(',')[0]}: its serialization now (JSON.stringify alone, no re-validation)`,
        ms(s.oneClient.serializePlainInProcess),
        '',
        '',
        '',
        '',
        '',
      );
    const bare = s.oneClient.answerFloor;
    if (bare) {
      row(
        `  ${name.split(',')[0]}: the same answer from a bare node:http server, bytes prebuilt (no database, no arithmetic)`,
        ms(bare.prebuilt),
        '',
        `endpoint ${ms(bare.endpoint)} in the same turns`,
        '',
        '',
        'what sending it costs',
      );
      row(
        `  ${name.split(',')[0]}: the same, JSON.stringify on each request`,
        ms(bare.stringified),
        '',
        '',
        '',
        '',
        'what serializing and sending it cost',
      );
    }
    if (s.oneClient.revalidated)
      row(
        `  ${name.split(',')[0]}: revalidated (If-None-Match → 304, no body)`,
        ms(s.oneClient.revalidated),
        '',
        '',
        '',
        '',
        Object.keys(s.oneClient.revalidatedStatuses ?? {}).length > 0
          ? `other statuses: ${JSON.stringify(s.oneClient.revalidatedStatuses)}`
          : 'every one 304',
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
  if (sv.oneClient.saveFigureAlone)
    row(
      "  the save's own statement (save_figure) straight through pg, no API",
      ms(sv.oneClient.saveFigureAlone),
      '',
      '',
      `${sv.sixteenClients.saveFigureAlone.throughput} (p95 ${sv.sixteenClients.saveFigureAlone.p95})`,
      '',
      `1 round trip, the arguments the service passes${Object.keys(sv.saveFigureAloneRefused ?? {}).length > 0 ? `; not saved: ${JSON.stringify(sv.saveFigureAloneRefused)}` : ''}`,
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
  row(
    'community scorecard, 1 client p50 / p95 / p99 (once the server has vacuumed and analyzed it)',
    ms(pl.scorecard.oneClient.endpoint),
  );
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
