// CSV export and import against PostgreSQL's own COPY, measured in the same run.
//   pnpm bench:csv            (about two minutes; starts and stops its own PostgreSQL)
// The API runs as a child process so that its memory is measured apart from this script's.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
// pg and pg-copy-streams are the API's dependencies; resolve them from there.
const requireFromApi = createRequire(path.join(api, 'package.json'));
const pg = requireFromApi('pg') as typeof import('pg');
const { to: copyTo, from: copyFrom } = requireFromApi(
  'pg-copy-streams',
) as typeof import('pg-copy-streams');

const PG_DIR = '/tmp/pg-bench';
const PG_PORT = '56624';
const API_PORT = 56625;
const EXPORT_ROWS = 1_000_000;
const MEASURES = 20;
const IMPORT_ROWS = 100_000;
/** The imported figures' measures: 10,000 months each from the year 1000, all of them past. */
const IMPORT_MEASURES = 10;
const ADMIN = { email: 'bench@example.org', password: 'a-long-enough-export-passphrase' };

function pgServer(cmd: 'start' | 'stop'): string {
  return execFileSync(path.join(root, 'scripts/pg-test-server.sh'), [cmd, PG_PORT], {
    env: { ...process.env, PG_TEST_DIR: PG_DIR },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Resident memory of a process, now and at its peak, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/**
 * The API as production runs it (compiled, `node apps/api/dist/server.js`), so that its memory
 * is not the TypeScript loader's; from sources through tsx when the build fails.
 */
function serverCommand(): { args: string[]; mode: string } {
  try {
    execFileSync('pnpm', ['--filter', '@rba/api...', 'run', 'build'], {
      cwd: root,
      stdio: 'ignore',
    });
    return { args: [path.join(api, 'dist/server.js')], mode: 'compiled (dist)' };
  } catch {
    process.stdout.write('build failed; running the API from sources through tsx\n');
    return {
      args: ['--import', 'tsx', '--conditions=development', path.join(api, 'src/server.ts')],
      mode: 'sources (tsx)',
    };
  }
}

async function startApi(url: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      JWT_SECRET: 'bench-secret-that-is-at-least-thirty-two-bytes',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PORT: String(API_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${API_PORT}/readyz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the API did not start');
}

async function call(token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${API_PORT}/api/v1${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ id: string } & Record<string, unknown>>;
}

/** Downloads an export, counting bytes and records, sampling the API's memory meanwhile. */
async function timedExport(token: string, query: string, pid: number) {
  let peak = memoryOf(pid).rss;
  const before = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rss);
  }, 20);
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/exports/observations.csv?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok || !res.body) throw new Error(`export → ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, memoryOf(pid).rss);
  return { rows: lines - 1, bytes, seconds, rssBeforeMb: before, rssPeakMb: peak };
}

async function copyOut(url: string, statements: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  let lines = 0;
  for (const text of statements) {
    for await (const chunk of client.query(copyTo(text)) as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return { rows: lines, seconds };
}

async function main() {
  const serverUrl = pgServer('start');
  let child: ChildProcess | undefined;
  try {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('create database rba_bench');
    await admin.end();
    const url = withDatabase(serverUrl, 'rba_bench');
    const server = serverCommand();
    child = await startApi(url, server.args);
    const pid = child.pid as number;
    const login = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = ((await login.json()) as { token: string }).token;

    // One agency, one program, MEASURES monthly counts with EXPORT_ROWS figures between them.
    const org = await call(token, 'POST', '/organizations', {
      code: 'BENCH',
      name: 'Bench agency',
      kind: 'agency',
    });
    const program = await call(token, 'POST', `/organizations/${org.id}/programs`, {
      name: 'Bench program',
    });
    const measureIds: string[] = [];
    for (let i = 0; i < MEASURES + IMPORT_MEASURES; i++) {
      const m = await call(token, 'POST', `/programs/${program.id}/measures`, {
        code: `M${String(i).padStart(2, '0')}`,
        name: i >= MEASURES ? `Imported visits ${i}` : `Visits ${i}`,
        unit: 'count',
        direction: 'up',
        periodType: 'month',
      });
      measureIds.push(m.id);
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const perMeasure = EXPORT_ROWS / MEASURES;
    let seeded = performance.now();
    await db.query(
      `insert into observations (measure_id, period_start, period_end, breakdown, value, note, status)
       select m.id, d::date, (d + interval '1 month' - interval '1 day')::date, '', (i * 7) % 1000,
              case when i % 100 = 0 then 'checked, "twice"' end, 'draft'
       from unnest($1::uuid[]) as m(id),
            generate_series(0, $2 - 1) as i,
            lateral (select date '1200-01-01' + make_interval(months => i) as d) p`,
      [measureIds.slice(0, MEASURES), perMeasure],
    );
    await db.query('analyze observations');
    seeded = (performance.now() - seeded) / 1000;
    process.stdout.write(`seeded ${EXPORT_ROWS} figures in ${seeded.toFixed(1)} s\n`);

    // Export: the endpoint (COPY path), the same query through COPY here, the batch path.
    const { copyStatements } = await import('../apps/api/src/exports/copy-export.js');
    const measures = (
      await db.query(
        `select m.*, o.code as organization_code, 'all' as view from measures m
         join organizations o on o.id = m.organization_id where m.id = any($1) order by m.code`,
        [measureIds.slice(0, MEASURES)],
      )
    ).rows;
    const statements = copyStatements(
      measures,
      () => ({ statuses: ['draft', 'submitted', 'approved', 'returned'], totalsOnly: false }),
      4,
    );
    const query = `organizationId=${org.id}`;
    await timedExport(token, `measureId=${measureIds[0]}`, pid); // warm-up
    const copyBaseline = await copyOut(url, statements);
    const endpoint = await timedExport(token, query, pid);
    const batches = await timedExport(token, `${query}&crlf=true`, pid);
    if (
      endpoint.rows !== EXPORT_ROWS ||
      batches.rows !== EXPORT_ROWS ||
      copyBaseline.rows !== EXPORT_ROWS
    ) {
      throw new Error(`row counts differ: ${endpoint.rows} ${batches.rows} ${copyBaseline.rows}`);
    }

    // Import: IMPORT_ROWS figures of fresh measures through the API, and COPY FROM a scratch
    // table. (Periods must have begun: a figure of a future month is refused.)
    const lines = ['measure_code,month,visits'];
    const perImportMeasure = IMPORT_ROWS / IMPORT_MEASURES;
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const k = Math.floor(i / perImportMeasure);
      const j = i % perImportMeasure;
      const y = 1000 + Math.floor(j / 12);
      lines.push(
        `M${MEASURES + k},${String(y).padStart(4, '0')}-${String((j % 12) + 1).padStart(2, '0')},${i % 997}`,
      );
    }
    const idOfCode = new Map<string, string>(
      measureIds.map((id, k) => [`M${String(k).padStart(2, '0')}`, id]),
    );
    const file = `${lines.join('\n')}\n`;
    await db.query(
      'create unlogged table import_scratch (measure_code text, month text, visits numeric)',
    );
    const copyInStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      const stream = db.query(
        copyFrom('copy import_scratch from stdin with (format csv, header true)'),
      );
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(file);
    });
    const copyIn = { rows: IMPORT_ROWS, seconds: (performance.now() - copyInStarted) / 1000 };
    // The floor any import pays: the same rows put into observations by one INSERT … SELECT
    // (its indexes and per-row check trigger), rolled back.
    await db.query('begin');
    const floorStarted = performance.now();
    await db.query(
      `insert into observations (measure_id, period_start, period_end, breakdown, value, status)
       select m.id, (s.month || '-01')::date,
              ((s.month || '-01')::date + interval '1 month' - interval '1 day')::date, '', s.visits, 'draft'
       from import_scratch s join measures m on m.code = s.measure_code and m.organization_id = $1`,
      [org.id],
    );
    const floorSeconds = (performance.now() - floorStarted) / 1000;
    await db.query('rollback');
    // The second baseline: COPY FROM of the same rows into observations itself (the table an
    // import writes: its indexes, constraints and triggers), in a transaction rolled back.
    const intoObservations = lines
      .slice(1)
      .map((line) => {
        const [code, month, visits] = line.split(',') as [string, string, string];
        const [y, m] = month.split('-').map(Number) as [number, number];
        const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
        return `${idOfCode.get(code)},${month}-01,${end},"",${visits},draft\n`;
      })
      .join('');
    await db.query('begin');
    const copyObsStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      const stream = db.query(
        copyFrom(
          'copy observations (measure_id, period_start, period_end, breakdown, value, status) from stdin with (format csv)',
        ),
      );
      stream.on('finish', resolve);
      stream.on('error', reject);
      stream.end(intoObservations);
    });
    const copyObsSeconds = (performance.now() - copyObsStarted) / 1000;
    await db.query('rollback');
    const form = new FormData();
    form.append(
      'mapping',
      JSON.stringify({
        mode: 'long',
        measure: { column: 'measure_code' },
        period: { column: 'month', format: 'month' },
        value: { column: 'visits' },
      }),
    );
    form.append('file', new Blob([file], { type: 'text/csv' }), 'bench.csv');
    let importPeak = memoryOf(pid).rss;
    const sampler = setInterval(() => {
      importPeak = Math.max(importPeak, memoryOf(pid).rss);
    }, 20);
    const importStarted = performance.now();
    const res = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/imports?commit=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const report = (await res.json()) as { inserted: number; committed: boolean };
    const importSeconds = (performance.now() - importStarted) / 1000;
    clearInterval(sampler);
    if (!report.committed || report.inserted !== IMPORT_ROWS) {
      throw new Error(`import failed: ${res.status} ${JSON.stringify(report).slice(0, 300)}`);
    }
    await db.end();

    const rate = (rows: number, s: number) => Math.round(rows / s);
    const results = {
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      api: server.mode,
      export: {
        rows: EXPORT_ROWS,
        endpointRowsPerSecond: rate(endpoint.rows, endpoint.seconds),
        copyToRowsPerSecond: rate(copyBaseline.rows, copyBaseline.seconds),
        ratio: Number((copyBaseline.seconds / endpoint.seconds).toFixed(2)),
        batchPathRowsPerSecond: rate(batches.rows, batches.seconds),
        batchPathRatio: Number((copyBaseline.seconds / batches.seconds).toFixed(2)),
        endpointSeconds: Number(endpoint.seconds.toFixed(2)),
        copyToSeconds: Number(copyBaseline.seconds.toFixed(2)),
        batchPathSeconds: Number(batches.seconds.toFixed(2)),
        megabytes: Number((endpoint.bytes / 1024 / 1024).toFixed(1)),
        apiRssBeforeMb: Math.round(endpoint.rssBeforeMb),
        apiRssPeakMb: Math.round(endpoint.rssPeakMb),
        apiRssPeakBatchPathMb: Math.round(batches.rssPeakMb),
        apiRssHighWaterMb: Math.round(memoryOf(pid).hwm),
      },
      import: {
        rows: IMPORT_ROWS,
        endpointRowsPerSecond: rate(IMPORT_ROWS, importSeconds),
        copyFromRowsPerSecond: rate(copyIn.rows, copyIn.seconds),
        ratio: Number((copyIn.seconds / importSeconds).toFixed(2)),
        endpointSeconds: Number(importSeconds.toFixed(2)),
        copyFromSeconds: Number(copyIn.seconds.toFixed(2)),
        apiRssPeakMb: Math.round(importPeak),
        insertSelectFloorRowsPerSecond: rate(IMPORT_ROWS, floorSeconds),
        insertSelectFloorRatio: Number((copyIn.seconds / floorSeconds).toFixed(2)),
        copyIntoObservationsRowsPerSecond: rate(IMPORT_ROWS, copyObsSeconds),
        copyIntoObservationsSeconds: Number(copyObsSeconds.toFixed(2)),
        ratioToCopyIntoObservations: Number((copyObsSeconds / importSeconds).toFixed(2)),
      },
    };
    const e = results.export;
    const i = results.import;
    const table = [
      ['measure', 'API', 'COPY', 'API / COPY', 'aim'],
      [
        `export ${EXPORT_ROWS} rows/s`,
        e.endpointRowsPerSecond,
        e.copyToRowsPerSecond,
        e.ratio,
        '≥ 0.5',
      ],
      [
        `  batch path (crlf=true)`,
        e.batchPathRowsPerSecond,
        e.copyToRowsPerSecond,
        e.batchPathRatio,
        '',
      ],
      [
        `export peak RSS MB`,
        `${e.apiRssPeakMb} (batch ${e.apiRssPeakBatchPathMb})`,
        '',
        `before ${e.apiRssBeforeMb}`,
        '< 200',
      ],
      [
        `import ${IMPORT_ROWS} rows/s`,
        i.endpointRowsPerSecond,
        i.copyFromRowsPerSecond,
        i.ratio,
        '≥ 0.2',
      ],
      [
        `  INSERT…SELECT floor`,
        i.insertSelectFloorRowsPerSecond,
        i.copyFromRowsPerSecond,
        i.insertSelectFloorRatio,
        '',
      ],
      [
        `  vs COPY into observations`,
        i.endpointRowsPerSecond,
        i.copyIntoObservationsRowsPerSecond,
        i.ratioToCopyIntoObservations,
        '≥ 0.2',
      ],
      [`import peak RSS MB`, i.apiRssPeakMb, '', '', ''],
    ];
    for (const row of table) {
      process.stdout.write(`${row.map((c, k) => String(c).padEnd(k === 0 ? 28 : 16)).join('')}\n`);
    }
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(
      path.join(root, 'bench/results/csv.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    process.stdout.write(`API run from ${server.mode}; written to bench/results/csv.json\n`);
  } finally {
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    pgServer('stop');
  }
}

await main();
