// The settings of the load run (bench/hardening-load.ts), and what its parts share.
import { createRequire } from 'node:module';
import path from 'node:path';
import { apiDir } from './harness.js';

// pg is the API's dependency; resolve it from there.
export const pg = createRequire(path.join(apiDir, 'package.json'))('pg') as typeof import('pg');
export type PgClient = InstanceType<typeof pg.Client>;

export const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
export const CONNECTIONS = 64;
export const WARMUP_SECONDS = Math.min(10, Math.max(3, Math.round(SECONDS / 6)));
export const BASELINE_SECONDS = Math.min(10, SECONDS);
// Longer than pg's idle timeout (10 s): the pools then close every connection they are not
// using, so what is left after the settle is held by someone (a leak), not kept warm.
export const SETTLE_MS = 12_000;
// Memory is judged two ways: a leak keeps growing with the requests served, while warm-up
// (V8 growing its heap to the load, pg's buffers, the allocator keeping freed pages) levels off.
// So the second half of the run may add at most RSS_SECOND_HALF_BOUND, and the whole run at
// most RSS_BOUND. Measured on 2 cores: ×1.28–1.44 overall and ×1.04–1.12 over the second half
// across CI runs, while the live heap (LOAD_HEAP=true) stayed flat (×1.03 over 180 s); the
// bounds leave room for that noise, and a leak that matters shows in the live heap and, for
// connections, in the checks below.
export const RSS_BOUND = 1.75;
export const RSS_SECOND_HALF_BOUND = 1.25;
// LOAD_HEAP=true: also measure the live heap by heap snapshots (diagnostic; see liveHeapMb).
export const HEAP = process.env.LOAD_HEAP === 'true';
export const LIVE_HEAP_BOUND = 1.25;
export const PORT = 55507;
export const OWN_PG = { dir: '/tmp/rba-pg-hardening-load', port: 55506 };

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely
export type Body = any;

export function list(body: Body): Body[] {
  return Array.isArray(body) ? body : (body?.items ?? []);
}
