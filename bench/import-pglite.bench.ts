// The embedded database (PGlite, one connection for the whole process) while a large import
// commits: how long the other requests wait.
//   npx tsx --conditions=development bench/import-pglite.bench.ts   (about a minute)
// Starts the API on a fresh PGlite data directory, then sends a light request every 50 ms in
// turn (/readyz, GET /api/v1/me with a token, a sign-in), first with nothing else running (the
// baseline), then while a 100,000-row import commits. Writes bench/results/import-pglite.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, type ApiProcess, call, log, login, root, startApi, stopApi } from './harness.js';

/** IMPORT_PGLITE_PORT moves it (56626 by default). */
const PORT = Number(process.env.IMPORT_PGLITE_PORT ?? 56626);
const ROWS = 100_000;
const EVERY_MS = 50;
const IDLE_MS = 5_000;
const MEASURES = 10;

export interface ImportPgliteResult {
  importSeconds: number;
  during: { p50: number; p95: number; max: number; n: number };
  idle: { p50: number; p95: number; n: number };
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { p50: r1(at(0.5)), p95: r1(at(0.95)), max: r1(s[s.length - 1] ?? 0), n: s.length };
}

/** Sends one light request every EVERY_MS until stopped; each one's latency in ms. */
function steadyRequests(token: string) {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const kinds = [
    () => fetch(`http://127.0.0.1:${PORT}/readyz`),
    () =>
      fetch(`http://127.0.0.1:${PORT}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    () =>
      fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      }),
  ];
  let k = 0;
  const timer = setInterval(() => {
    const send = kinds[k++ % kinds.length] as () => Promise<Response>;
    const started = performance.now();
    const p = send()
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`light request → ${res.status}`);
        latencies.push(performance.now() - started);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return latencies;
    },
  };
}

export async function importPgliteBench(
  opts: { rows?: number; serverArgs?: string[] } = {},
): Promise<ImportPgliteResult> {
  const rows = opts.rows ?? ROWS;
  const serverArgs = opts.serverArgs ?? [
    '--import',
    'tsx',
    '--conditions=development',
    path.join(root, 'apps/api/src/server.ts'),
  ];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rba-bench-import-pglite-'));
  let api: ApiProcess | undefined;
  try {
    api = await startApi(serverArgs, PORT, { DATA_DIR: dataDir, DATABASE_URL: '' });
    const token = await login(PORT, ADMIN.email, ADMIN.password);
    const org = await call<{ id: string }>(PORT, token, 'POST', '/organizations', {
      code: 'IMPB',
      name: 'Import bench agency',
      kind: 'agency',
    });
    const program = await call<{ id: string }>(
      PORT,
      token,
      'POST',
      `/organizations/${org.id}/programs`,
      { name: 'Import bench program' },
    );
    // MEASURES monthly counts, 10,000 months each from the year 1000: every period has begun.
    for (let k = 0; k < MEASURES; k++) {
      await call(PORT, token, 'POST', `/programs/${program.id}/measures`, {
        code: `IMP${k}`,
        name: `Imported visits ${k}`,
        unit: 'count',
        direction: 'up',
        periodType: 'month',
      });
    }
    const perMeasure = Math.ceil(rows / MEASURES);
    const lines = ['measure_code,month,visits'];
    for (let i = 0; i < rows; i++) {
      const j = i % perMeasure;
      const y = 1000 + Math.floor(j / 12);
      lines.push(
        `IMP${Math.floor(i / perMeasure)},${y}-${String((j % 12) + 1).padStart(2, '0')},${i % 997}`,
      );
    }
    const file = `${lines.join('\n')}\n`;

    // Baseline: the same requests with nothing else running.
    const idleRun = steadyRequests(token);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = stats(await idleRun.stop());

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
    const duringRun = steadyRequests(token);
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/imports?commit=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const report = (await res.json()) as { inserted?: number; committed?: boolean };
    const importSeconds = (performance.now() - started) / 1000;
    const during = stats(await duringRun.stop());
    if (!report.committed || report.inserted !== rows) {
      throw new Error(`import failed: ${res.status} ${JSON.stringify(report).slice(0, 300)}`);
    }
    return {
      importSeconds: Math.round(importSeconds * 100) / 100,
      during,
      idle: { p50: idle.p50, p95: idle.p95, n: idle.n },
    };
  } finally {
    await stopApi(api);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await importPgliteBench();
  const out = { at: new Date().toISOString(), rows: ROWS, everyMs: EVERY_MS, ...result };
  log(`import of ${ROWS} rows on PGlite: ${result.importSeconds} s`);
  log(
    `other requests during it: n ${result.during.n}, p50 ${result.during.p50} ms, p95 ${result.during.p95} ms, max ${result.during.max} ms (aim p95 < 500 ms)`,
  );
  log(
    `same requests idle: n ${result.idle.n}, p50 ${result.idle.p50} ms, p95 ${result.idle.p95} ms`,
  );
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench/results/import-pglite.json'),
    `${JSON.stringify(out, null, 2)}\n`,
  );
  log('written to bench/results/import-pglite.json');
}
