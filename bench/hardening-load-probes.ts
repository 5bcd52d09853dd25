// What the load run reads around the load: the database's connections, autocannon's figures
// in short, and the server's live heap.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { PgClient } from './hardening-load-settings.js';

export async function connectionsOf(monitor: PgClient, database: string): Promise<number> {
  const { rows } = await monitor.query(
    'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  return rows[0].n as number;
}

/** Connections of the database left inside a transaction: held, never to be released. */
export async function idleInTransactionOf(monitor: PgClient, database: string): Promise<number> {
  const { rows } = await monitor.query(
    `select count(*)::int as n from pg_stat_activity where datname = $1 and state like 'idle in transaction%'`,
    [database],
  );
  return rows[0].n as number;
}

export function summary(r: autocannon.Result) {
  return {
    requests: r.requests.total,
    seconds: r.duration,
    throughput: r.requests.average,
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.average,
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: {
      '1xx': r['1xx'],
      '2xx': r['2xx'],
      '3xx': r['3xx'],
      '4xx': r['4xx'],
      '5xx': r['5xx'],
    },
  };
}

export function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('error', reject);
  });
}

/**
 * The server's live heap: a heap snapshot (which V8 takes after a full garbage collection)
 * asked for with SIGUSR2, and the sum of its objects' sizes. Resident size also counts what
 * the allocator keeps after a collection; the live heap is what a leak would grow.
 */
export async function liveHeapMb(pid: number, dir: string): Promise<number> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  let file: string | undefined;
  let size = -1;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100));
    file ??= readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (!file) continue;
    const now = statSync(path.join(dir, file)).size;
    if (now > 0 && now === size) break; // written out
    size = now;
  }
  if (!file) throw new Error('the server wrote no heap snapshot');
  const full = path.join(dir, file);
  const snap = JSON.parse(readFileSync(full, 'utf8')) as {
    snapshot: { meta: { node_fields: string[] } };
    nodes: number[];
  };
  rmSync(full, { force: true });
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const at = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = at; i < snap.nodes.length; i += width) bytes += snap.nodes[i] as number;
  return bytes / 1024 / 1024;
}

export type Summary = ReturnType<typeof summary>;
