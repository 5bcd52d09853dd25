// Measuring a scorecard three ways: over HTTP, in process (service), and its SQL alone; /healthz
// as the floor; EXPLAIN (ANALYZE, BUFFERS) and the time of each statement alone.

import http from 'node:http';
import os from 'node:os';
import type { Actor } from '../apps/api/src/access/actor.js';
import { actorFromClaims } from '../apps/api/src/auth/auth.service.js';
import { kyselyOverPg } from '../apps/api/src/db/database.js';
import { streams } from '../apps/api/src/db/row-stream.js';
import type { Db } from '../apps/api/src/db/schema.js';
import {
  organizationScorecard,
  tableScorecard,
} from '../apps/api/src/scorecards/scorecards.service.js';
import { tableScorecardStream } from '../apps/api/src/scorecards/table-scorecard-stream.js';
import { organizationScorecardSchema, tableScorecardSchema } from '../packages/schema/src/index.js';
import { answerFloor } from './answer-floor.js';
import {
  compareConcurrent,
  compareOneClient,
  httpTask,
  type LatencyStats,
  loadHttp,
} from './load.js';
import { r2, ratio } from './province-settings.js';
import {
  type CapturedQuery,
  describeQuery,
  inlineForDocs,
  recordQueries,
  replayWaves,
  toWaves,
} from './sql-replay.js';

export interface Claims {
  sub: string;
  tv: number;
}
export function claimsOf(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8'));
}

export interface ScorecardTarget {
  label: string;
  path: string;
  token: string;
  /** What the route did with the result: the response schema's encode, then JSON.stringify. */
  serialize: (body: unknown) => string;
  /** What it does now (issue #22): JSON.stringify alone, no re-validation. */
  serializePlain: (body: unknown) => string;
  /** The service's answer as an object, with the auth lookup the route's hook makes first. */
  run: (db: Db) => Promise<unknown>;
  /**
   * What the route does in process, with the same auth lookup: a table's scorecard written as
   * the stream the route sends, read to its end (its statements are the endpoint's); an
   * organization's, the service call.
   */
  serve: (db: Db) => Promise<unknown>;
}

/**
 * A scorecard as a page asks for it: `points` is the `?points=N` the client sends (each series
 * then carries its last N points; every figure is still computed from the whole series), or
 * undefined for whole series.
 */
export function scorecardTarget(
  kind: 'table' | 'organization',
  id: string,
  token: string,
  label: string,
  points?: number,
): ScorecardTarget {
  const q = points === undefined ? {} : { points };
  const claims = claimsOf(token);
  const schema = kind === 'table' ? tableScorecardSchema : organizationScorecardSchema;
  return {
    label,
    token,
    serialize: (body) => JSON.stringify(schema.encode(body as never)),
    serializePlain: (body) => JSON.stringify(body),
    path: `/api/v1/${kind === 'table' ? 'tables' : 'organizations'}/${id}/scorecard${points === undefined ? '' : `?points=${points}`}`,
    run: async (db) => {
      const actor: Actor = await actorFromClaims(db, claims, null);
      return kind === 'table'
        ? tableScorecard(db, actor, id, q)
        : organizationScorecard(db, actor, id, q);
    },
    serve: async (db) => {
      const actor: Actor = await actorFromClaims(db, claims, null);
      if (kind !== 'table') return organizationScorecard(db, actor, id, q);
      // As the route: the stream where the figures stream (PostgreSQL), else the whole answer.
      if (!streams(db)) return JSON.stringify(await tableScorecard(db, actor, id, q));
      let bytes = 0;
      for await (const piece of await tableScorecardStream(db, actor, id, q, 'en')) {
        bytes += (piece as Buffer).length;
      }
      return bytes;
    },
  };
}

export interface Recorder {
  sink: { on: boolean; queries: CapturedQuery[] };
  db: Db;
}

/** A Kysely over its own pool whose statements can be recorded as they leave for PostgreSQL. */
export function recordingDb(url: string): Recorder & { close: () => Promise<void> } {
  const { db, pool } = kyselyOverPg(url, 10);
  const sink = { on: false, queries: [] as CapturedQuery[] };
  pool.on('connect', (client) => recordQueries(client, sink));
  return { sink, db, close: () => db.destroy() };
}

export async function capture(rec: Recorder, target: ScorecardTarget): Promise<CapturedQuery[][]> {
  await target.serve(rec.db); // warm: connections open, statements planned once
  rec.sink.queries = [];
  rec.sink.on = true;
  await target.serve(rec.db);
  rec.sink.on = false;
  return toWaves(rec.sink.queries);
}

/** The ETag of the endpoint's answer now, for the revalidation measure; undefined without one. */
function currentTag(port: number, path: string, headers: Record<string, string>) {
  return new Promise<string | undefined>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers.etag));
      })
      .on('error', reject);
  });
}

export async function measureScorecard(
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
  // The same request with If-None-Match: the tag the API gave (304, no body, no handler run).
  const etag = await currentTag(ctx.port, target.path, headers);
  const revalidate = etag
    ? httpTask(
        {
          port: ctx.port,
          path: target.path,
          headers: { ...headers, 'if-none-match': etag },
          expect: 304,
        },
        { connections: 16 },
      )
    : undefined;
  try {
    const loadBefore = os.loadavg()[0] as number;
    // One client: endpoint, its SQL, /healthz (and the service in process) turn by turn.
    const one = (await compareOneClient(
      {
        endpoint: endpoint.task,
        rawSql: replay,
        healthz: healthz.task,
        ...(revalidate ? { revalidated: revalidate.task } : {}),
        ...(reps.service
          ? { serviceInProcess: () => target.serve(ctx.rec.db).then(() => true) }
          : {}),
      },
      { rounds: reps.one, warmup: 3 },
    )) as Record<'endpoint' | 'rawSql' | 'healthz', LatencyStats> & {
      serviceInProcess?: LatencyStats;
      revalidated?: LatencyStats;
    };
    const responseBytes = endpoint.tally().bytes;
    // The route's serialization alone, on one result, in this process: as it was (the schema's
    // encode, then JSON.stringify) and as it is (JSON.stringify alone), turn by turn.
    const body = await target.run(ctx.rec.db);
    const serializing = (await compareOneClient(
      {
        zod: async () => void target.serialize(body),
        plain: async () => void target.serializePlain(body),
      },
      { rounds: Math.max(5, Math.ceil(reps.one / 4)), warmup: 2 },
    )) as Record<'zod' | 'plain', LatencyStats>;
    const serialize = serializing.zod;
    const serializePlain = serializing.plain;
    // The floor under this answer: the same body from a bare server (answer-floor.ts), sent
    // prebuilt and stringified on each request, turn by turn with the endpoint.
    let floor: Record<'endpoint' | 'prebuilt' | 'stringified', LatencyStats> | undefined;
    if (reps.service) {
      const bare = await answerFloor(body, ctx.port + 50);
      try {
        floor = (await compareOneClient(
          { endpoint: endpoint.task, prebuilt: bare.prebuilt, stringified: bare.stringified },
          { rounds: reps.one, warmup: 3 },
        )) as Record<'endpoint' | 'prebuilt' | 'stringified', LatencyStats>;
      } finally {
        bare.close();
      }
    }
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
        serializePlainInProcess: serializePlain,
        revalidatedStatuses: revalidate?.tally().statuses,
        ...(floor ? { answerFloor: floor } : {}),
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
    revalidate?.close();
  }
}

export type ScorecardFigures = Awaited<ReturnType<typeof measureScorecard>>;
export function withoutCapture(f: ScorecardFigures) {
  const { capturedWaves: _, ...rest } = f;
  return rest;
}

export async function measureHealthz(port: number, reps: { one: number; many: number }) {
  const target = { port, path: '/healthz' };
  const one = await loadHttp(target, { requests: reps.one, connections: 1, warmup: 20 });
  const many = await loadHttp(target, { requests: reps.many, connections: 16, warmup: 0 });
  return { oneClient: one, sixteenClients: many };
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN

export async function explainAll(raw: import('pg').Pool, waves: CapturedQuery[][], title: string) {
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

/** Each statement alone, one after another, median of `times` runs (ms). */
export async function timeStatements(
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
