// The province benchmark's settings (bench/province.bench.ts): its ports, how many repetitions
// each measurement makes, and the helpers its parts share.

import { createRequire } from 'node:module';
import path from 'node:path';
import { apiDir } from './harness.js';

export const requireFromApi = createRequire(path.join(apiDir, 'package.json'));
export const pg = requireFromApi('pg') as typeof import('pg');
export const { from: copyFrom } = requireFromApi(
  'pg-copy-streams',
) as typeof import('pg-copy-streams');

/** Ports from BENCH_PORT (55506 by default) up, so that two runs on one machine stay apart. */
const BASE = Number(process.env.BENCH_PORT ?? 55506);
export const PG_DIR = `/tmp/pg-province-bench${BASE === 55506 ? '' : `-${BASE}`}`;
export const PG_PORT = BASE;
export const API_PORT = BASE + 1;
export const PGLITE_PORT = BASE + 2;
export const QUICK = process.env.BENCH_QUICK === '1';
export const WITH_CSV = process.env.BENCH_CSV !== '0' && !QUICK;
/** The replica and PGlite-import runs (child processes): with the CSV run unless said. */
export const WITH_REPLICA = (process.env.BENCH_REPLICA ?? (WITH_CSV ? '1' : '0')) === '1';
export const WITH_IMPORT_PGLITE =
  (process.env.BENCH_IMPORT_PGLITE ?? (WITH_CSV ? '1' : '0')) === '1';
/** The points a scorecard page asks for (apps/web: ?points=12), as the aims measure it. */
export const PAGE_POINTS = 12;
export const scale = (n: number) => Math.max(QUICK ? 8 : n, Math.round(QUICK ? n / 4 : n));

/** Repetitions: enough for a p95 (and a rough p99), few enough for ~10 minutes in all. */
export const REPS = {
  healthz: { one: scale(500), many: scale(4000) },
  collective: { one: scale(100), many: scale(160), service: true },
  collectiveAtStep: { one: scale(60) },
  partner: { one: scale(300), many: scale(800), service: true },
  bySize: { one: scale(40) },
  restricted: { one: scale(40) },
  saves: { one: scale(300), many: scale(1600) },
  pglite: { one: scale(60), many: scale(64), healthz: scale(300), coldStarts: QUICK ? 1 : 3 },
};

export const r2 = (n: number) => Number(n.toFixed(2));
export const ratio = (a: number, b: number) => (b > 0 ? r2(a / b) : null);
