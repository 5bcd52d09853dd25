// A small closed-loop load generator (autocannon is not a dependency here): a fixed number of
// requests over N keep-alive connections, each connection sending its next request when the
// last answer has been read in full; latency percentiles and throughput. The same runner times
// any async task (a replay of SQL through pg, say), so baselines are measured exactly as the
// endpoints are. The machine is shared and noisy, so an endpoint and its baselines are measured
// interleaved — turn by turn with one client, block by block with many — and so see the same
// noise: their ratio is what the benchmark reports.
import http from 'node:http';

export interface LatencyStats {
  requests: number;
  connections: number;
  errors: number;
  /** Status codes other than the expected one, by code (HTTP only). */
  statuses?: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Completed requests (or tasks) per second of the time spent running them. */
  throughput: number;
  seconds: number;
  /** Mean response size, bytes (HTTP only). */
  bytes?: number;
}

/** One request (or task); false or a throw counts as an error. `i` < 0 is a warm-up. */
export type Task = (i: number) => Promise<unknown>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (n: number, d = 2) => Number(n.toFixed(d));

interface Sample {
  latencies: number[];
  seconds: number;
  errors: number;
  connections: number;
}

function summarize(s: Sample): LatencyStats {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    requests: sorted.length,
    connections: s.connections,
    errors: s.errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
    max: round(sorted.at(-1) ?? Number.NaN),
    throughput: round(sorted.length / s.seconds, 1),
    seconds: round(s.seconds, 3),
  };
}

async function timed(task: Task, i: number): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  let ok: unknown;
  try {
    ok = await task(i);
  } catch {
    ok = false;
  }
  return { ms: performance.now() - t0, ok: ok !== false };
}

async function sample(
  task: Task,
  opts: { requests: number; connections: number; first?: number },
): Promise<Sample> {
  const latencies: number[] = [];
  const first = opts.first ?? 0;
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < opts.requests) {
      const i = first + next++;
      const r = await timed(task, i);
      latencies.push(r.ms);
      if (!r.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, loop));
  return {
    latencies,
    seconds: (performance.now() - started) / 1000,
    errors,
    connections: opts.connections,
  };
}

/** Runs `task` `requests` times over `connections` concurrent loops, after `warmup` runs. */
export async function runTasks(
  task: Task,
  opts: { requests: number; connections: number; warmup?: number },
): Promise<LatencyStats> {
  for (let i = 0; i < (opts.warmup ?? 0); i++) await task(-1 - i);
  return summarize(await sample(task, opts));
}

/**
 * One client, several tasks measured turn by turn (the order rotating each round), so that
 * whatever else the machine is doing falls on all of them alike.
 */
export async function compareOneClient(
  tasks: Record<string, Task>,
  opts: { rounds: number; warmup?: number },
): Promise<Record<string, LatencyStats>> {
  const names = Object.keys(tasks);
  for (let w = 0; w < (opts.warmup ?? 0); w++) {
    for (const name of names) await (tasks[name] as Task)(-1 - w);
  }
  const samples: Record<string, Sample> = Object.fromEntries(
    names.map((n) => [n, { latencies: [], seconds: 0, errors: 0, connections: 1 }]),
  );
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length] as string;
      const s = samples[name] as Sample;
      const res = await timed(tasks[name] as Task, r);
      s.latencies.push(res.ms);
      s.seconds += res.ms / 1000;
      if (!res.ok) s.errors++;
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n] as Sample)]));
}

/** Many clients, several tasks measured block by block in turn; throughput per task. */
export async function compareConcurrent(
  tasks: Record<string, Task>,
  opts: { requests: number; connections: number; blocks?: number },
): Promise<Record<string, LatencyStats>> {
  const names = Object.keys(tasks);
  const blocks = opts.blocks ?? 4;
  const per = Math.max(opts.connections, Math.ceil(opts.requests / blocks));
  const samples: Record<string, Sample> = Object.fromEntries(
    names.map((n) => [n, { latencies: [], seconds: 0, errors: 0, connections: opts.connections }]),
  );
  for (let b = 0; b < blocks; b++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(b + k) % names.length] as string;
      const s = samples[name] as Sample;
      const got = await sample(tasks[name] as Task, {
        requests: per,
        connections: opts.connections,
        first: b * per,
      });
      s.latencies.push(...got.latencies);
      s.seconds += got.seconds;
      s.errors += got.errors;
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n] as Sample)]));
}

export interface HttpTarget {
  port: number;
  host?: string;
  method?: string;
  /** A fixed path, or one per request number. */
  path: string | ((i: number) => string);
  headers?: Record<string, string> | ((i: number) => Record<string, string>);
  /** A JSON body per request number. */
  body?: (i: number) => unknown;
  expect?: number;
}

export interface HttpTask {
  task: Task;
  /** Mean body size and unexpected statuses of the requests made so far (warm-ups aside). */
  tally(): { bytes: number; statuses: Record<string, number> };
  close(): void;
}

/** A task that makes one HTTP request on a keep-alive agent of `connections` sockets. */
export function httpTask(
  t: HttpTarget,
  opts: { connections: number; onBody?: (i: number, status: number, body: string) => void },
): HttpTask {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const expected = t.expect ?? 200;
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let counted = 0;
  const keepBody = opts.onBody !== undefined;
  const task: Task = (i) => {
    const payload = t.body ? JSON.stringify(t.body(i)) : undefined;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: t.host ?? '127.0.0.1',
          port: t.port,
          method: t.method ?? 'GET',
          path: typeof t.path === 'function' ? t.path(i) : t.path,
          headers: {
            ...(typeof t.headers === 'function' ? t.headers(i) : (t.headers ?? {})),
            ...(payload
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }
              : {}),
          },
        },
        (res) => {
          let size = 0;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (keepBody) chunks.push(c);
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (i >= 0) {
              bytes += size;
              counted++;
              if (status !== expected) statuses[status] = (statuses[status] ?? 0) + 1;
              opts.onBody?.(i, status, Buffer.concat(chunks).toString('utf8'));
            }
            resolve(status === expected);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  };
  return {
    task,
    tally: () => ({ bytes: Math.round(bytes / Math.max(1, counted)), statuses: { ...statuses } }),
    close: () => agent.destroy(),
  };
}

/** Loads an HTTP endpoint alone: `requests` requests over `connections` connections. */
export async function loadHttp(
  t: HttpTarget,
  opts: {
    requests: number;
    connections: number;
    warmup?: number;
    onBody?: (i: number, status: number, body: string) => void;
  },
): Promise<LatencyStats> {
  const h = httpTask(t, opts);
  try {
    const stats = await runTasks(h.task, opts);
    return { ...stats, ...h.tally() };
  } finally {
    h.close();
  }
}
