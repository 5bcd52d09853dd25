// The fuzz loop: for every write route of the OpenAPI document, a valid request derived from
// its schema and the fuzz world, then mutations of it, each sent in process (app.inject) or
// over a real socket. After each request the database fingerprint is taken again: a refused
// request (4xx) must have left it unchanged; an accepted one becomes the new baseline. Any 5xx,
// hang or change made by a refused request is a failure, saved to a file for replay.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/schema.js';
import { fingerprint, fingerprintedTables } from '../fingerprint.js';
import type { Draft, MutationEnv } from './draft.js';
import { type Operation, writeOperations } from './generator.js';
import { mutationsFor } from './mutators.js';
import { Rng } from './prng.js';
import {
  changed,
  checkHealth,
  type FuzzSummary,
  hasErrorBody,
  type SavedRequest,
} from './report.js';
import { baseDraft, callerKey, forgedTokens, serialize, symbolize } from './requests.js';
import { FuzzSession, type Sent } from './session.js';
import { buildFuzzWorld } from './world.js';

export interface FuzzOptions {
  app: FastifyInstance;
  db: Db;
  engine: string;
  jwtSecret: string;
  requests: number;
  seed: number;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  /** Share of requests sent over a real socket. */
  httpShare?: number;
  log?: (line: string) => void;
  /** Where failing requests are written. */
  saveFailure?: (failure: SavedRequest) => string;
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const rng = new Rng(o.seed);
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const world = await buildFuzzWorld(o.db);
  const session = new FuzzSession(o.app, world, o.timeoutMs ?? 30_000);
  await session.listen();
  for (const who of ['admin', 'session', 'editorX'] as const) await session.login(who);

  const docRes = await o.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const ops = writeOperations(docRes.json()).filter((op) => op.path.startsWith('/api/v1/'));
  const callerIds = new Set(Object.values(world.users).map((u) => u.id));
  const env: MutationEnv = {
    ids: Object.values(world.ids).filter((id) => !callerIds.has(id)),
    forgedTokens: await forgedTokens(o.jwtSecret, world),
  };
  const tables = await fingerprintedTables(o.db);
  let before = await fingerprint(o.db, tables);

  const summary: FuzzSummary = {
    requests: 0,
    routes: ops.length,
    engine: o.engine,
    seed: o.seed,
    fiveHundreds: 0,
    changedOnRejection: 0,
    hangs: 0,
    accepted: 0,
    overHttp: 0,
    statuses: {},
    refusedBases: [],
    withoutErrorBody: 0,
    withoutErrorBodySamples: [],
    endedSessions: [],
    failures: [],
    healthy: false,
    polluted: [],
    seconds: 0,
  };

  async function afterAccepted(
    op: Operation,
    sent: Sent,
    caller: Draft['caller'],
    mutation: string,
  ) {
    summary.accepted++;
    // An asynchronous import goes on after the reply: let it finish before the next baseline.
    if (sent.status === 202) {
      const jobId = (() => {
        try {
          return (JSON.parse(sent.text) as { jobId?: string }).jobId;
        } catch {
          return undefined;
        }
      })();
      for (let i = 0; jobId && i < 400; i++) {
        const job = await o.app.inject({
          method: 'GET',
          url: `/api/v1/imports/${jobId}`,
          headers: { authorization: `Bearer ${session.tokens.admin}` },
        });
        if (job.statusCode !== 200 || (job.json() as { status: string }).status !== 'running')
          break;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    await world.replenish(op);
    // Cookies rotate (the refresh cookie), and signing out, refreshing or changing a password
    // ends a session: keep the new cookie, put the password back and sign the caller in again.
    // A mutation must never end a session it does not belong to: the callers' tokens still work.
    for (const user of ['admin', 'session', 'editorX'] as const) {
      const me = await o.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${session.tokens[user]}` },
      });
      const own = callerKey(caller) === user && op.path.startsWith('/api/v1/auth/');
      if (me.statusCode !== 200 && !own) {
        summary.endedSessions.push(`${user}'s session ended after ${op.key} (${mutation})`);
        await session.login(user);
      }
    }
    const who = callerKey(caller);
    if (!who) return;
    session.keepCookies(who, sent.headers['set-cookie']);
    if (op.path.endsWith('/auth/password')) await world.resetPassword(who);
    if (op.path.startsWith('/api/v1/auth/') && !op.path.endsWith('/auth/login'))
      await session.login(who);
  }

  async function one(index: number, op: Operation, mutate: boolean): Promise<void> {
    const d = await baseDraft(op, world, rng);
    if (world.dirty) {
      // Making the valid request wrote to the database (a period submitted to approve).
      before = await fingerprint(o.db, tables);
      world.dirty = false;
    }
    const mutations: string[] = [];
    if (mutate) {
      const table = mutationsFor(d).filter(([w]) => w > 0);
      mutations.push(rng.weighted(table)(d, rng, env));
      if (rng.chance(0.15)) mutations.push(rng.weighted(table)(d, rng, env));
    }
    d.http = rng.chance(o.httpShare ?? 0.25);
    const req = serialize(d, session);
    const sent = await session.send(req);
    summary.requests++;
    if (req.http) summary.overHttp++;
    const key = sent.transportError ? `error` : String(sent.status);
    summary.statuses[key] = (summary.statuses[key] ?? 0) + 1;
    const mutation = mutations.join(' + ') || 'valid request';

    let problem: string | undefined;
    const bodyOverLimit = (req.body?.length ?? 0) > 1024 * 1024;
    if (sent.transportError === 'timeout') {
      summary.hangs++;
      problem = `no answer within ${o.timeoutMs ?? 30_000} ms`;
    } else if (sent.transportError && !bodyOverLimit) {
      problem = `transport error ${sent.transportError}`;
    } else if (sent.status >= 500) {
      summary.fiveHundreds++;
      problem = `${sent.status}: ${sent.text.slice(0, 300)}`;
    }
    if (sent.status >= 200 && sent.status < 400) {
      await afterAccepted(op, sent, d.caller, mutations.join(' + ') || 'valid request');
      before = await fingerprint(o.db, tables);
      world.dirty = false;
      if (!mutate && sent.status >= 300) summary.refusedBases.push(`${op.key} → ${sent.status}`);
    } else {
      if (!mutate)
        summary.refusedBases.push(`${op.key} → ${sent.status} ${sent.text.slice(0, 160)}`);
      if (sent.status >= 400 && sent.status < 500 && !hasErrorBody(sent.text)) {
        summary.withoutErrorBody++;
        if (summary.withoutErrorBodySamples.length < 5)
          summary.withoutErrorBodySamples.push(
            `${op.key} (${mutations.join(' + ')}) → ${sent.status} ${sent.text.slice(0, 120)}`,
          );
      }
      const after = await fingerprint(o.db, tables);
      const diff = changed(before, after);
      if (diff.length > 0 && !problem) {
        summary.changedOnRejection++;
        problem = `refused with ${sent.status || sent.transportError} but changed ${diff.join(', ')}`;
      }
      before = after;
    }
    if (problem) {
      const saved: SavedRequest = {
        route: op.key,
        mutation,
        method: req.method,
        url: symbolize(req.url, world),
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            k === 'authorization' && d.caller !== 'forged'
              ? `{{token:${d.caller}}}`
              : k === 'cookie'
                ? `{{cookie:${d.caller}}}`
                : symbolize(v, world),
          ]),
        ),
        ...(req.body !== undefined
          ? {
              bodyBase64: Buffer.from(
                symbolize(req.body.toString('latin1'), world),
                'latin1',
              ).toString('base64'),
            }
          : {}),
        caller: d.caller,
        http: req.http,
        seed: o.seed,
        index,
        problem,
        status: sent.status,
        response: sent.text.slice(0, 2000),
      };
      const file = o.saveFailure?.(saved);
      summary.failures.push({ problem, route: op.key, mutation, ...(file ? { file } : {}) });
      log(`FAIL #${index} ${op.key} — ${mutation}: ${problem}${file ? ` (saved to ${file})` : ''}`);
    }
  }

  // The valid request of every route first, then mutations, round-robin over the routes.
  for (const [i, op] of ops.entries()) await one(i, op, false);
  let lastLog = Date.now();
  for (let i = 0; summary.requests < o.requests; i++) {
    const op = ops[i % ops.length] as Operation;
    await one(ops.length + i, op, true);
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      log(
        `fuzz: ${summary.requests} requests, ${summary.fiveHundreds} 5xx, ${summary.changedOnRejection} changed on rejection, ${summary.accepted} accepted (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
  }

  await checkHealth(o.app, session, protoBefore, summary);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
