// The fuzz loop: for every write route of the OpenAPI document, a valid request derived from
// its schema and the fuzz world, then mutations of it, each sent in process (app.inject) or
// over a real socket. After each request the database fingerprint is taken again: a refused
// request (4xx) must have left it unchanged; an accepted one becomes the new baseline. Any 5xx,
// hang or change made by a refused request is a failure, saved to a file for replay.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { importMapping } from '@rba/schema';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../src/db/schema.js';
import { fingerprint, fingerprintedTables } from '../fingerprint.js';
import { generate, type JsonSchema, type Operation, writeOperations } from './generator.js';
import {
  type Draft,
  type MutationEnv,
  mutationsFor,
  serializeJson,
  serializeMultipart,
} from './mutators.js';
import { Rng } from './prng.js';
import { buildFuzzWorld, type Caller, type FuzzWorld } from './world.js';

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

/** A request as written to a replay file: world ids appear as {{name}}. */
export interface SavedRequest {
  route: string;
  mutation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBase64?: string;
  caller: Draft['caller'];
  http: boolean;
  seed: number;
  index: number;
  problem?: string;
  status?: number;
  response?: string;
}

export interface FuzzSummary {
  requests: number;
  routes: number;
  engine: string;
  seed: number;
  fiveHundreds: number;
  changedOnRejection: number;
  hangs: number;
  accepted: number;
  overHttp: number;
  statuses: Record<string, number>;
  /** Routes whose derived valid request was refused (the mutations still ran). */
  refusedBases: string[];
  withoutErrorBody: number;
  withoutErrorBodySamples: string[];
  /** Accepted requests after which a caller's session no longer worked. */
  endedSessions: string[];
  failures: { problem: string; route: string; mutation: string; file?: string }[];
  healthy: boolean;
  polluted: string[];
  seconds: number;
}

export interface Sent {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  transportError?: string;
}

const MAPPING_SCHEMA = z.toJSONSchema(importMapping, {
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

function b64url(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function jwt(header: object, payload: object, secret: string): string {
  const head = `${b64url(header)}.${b64url(payload)}`;
  const sig = createHmac('sha256', secret).update(head).digest('base64url');
  return `${head}.${sig}`;
}

export class FuzzSession {
  readonly tokens: Partial<Record<Caller, string>> = {};
  readonly cookies: Partial<Record<Caller, string>> = {};
  private port = 0;

  constructor(
    readonly app: FastifyInstance,
    readonly world: FuzzWorld,
    readonly timeoutMs: number,
  ) {}

  async listen(): Promise<void> {
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.port = (this.app.server.address() as AddressInfo).port;
  }

  async login(who: Caller): Promise<void> {
    const u = this.world.users[who];
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: u.password },
    });
    if (res.statusCode === 429) {
      // The fuzzer's own failed sign-ins count against this address: forget them (the login
      // counters are bookkeeping, outside the fingerprint) and sign in.
      await this.world.db.deleteFrom('rate_limits').execute();
      return this.login(who);
    }
    if (res.statusCode !== 200) throw new Error(`login of ${who}: ${res.statusCode} ${res.body}`);
    this.tokens[who] = (res.json() as { token: string }).token;
    this.keepCookies(who, res.headers['set-cookie']);
  }

  keepCookies(who: Caller, setCookie: string | string[] | undefined) {
    if (!setCookie) return;
    const list = Array.isArray(setCookie) ? setCookie : [setCookie];
    const jar = new Map(
      (this.cookies[who] ?? '')
        .split('; ')
        .filter(Boolean)
        .map((c) => [c.split('=')[0] as string, c] as const),
    );
    for (const c of list) {
      const pair = c.split(';')[0] ?? '';
      jar.set(pair.split('=')[0] as string, pair);
    }
    this.cookies[who] = [...jar.values()].join('; ');
  }

  /** Sends a request, in process or over the socket; never throws. */
  async send(r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
    http: boolean;
  }): Promise<Sent> {
    const timeout = new Promise<Sent>((resolve) =>
      setTimeout(
        () => resolve({ status: -1, text: '', headers: {}, transportError: 'timeout' }),
        this.timeoutMs,
      ).unref(),
    );
    const attempt = r.http ? this.overHttp(r) : this.inProcess(r);
    return Promise.race([attempt, timeout]);
  }

  private async inProcess(r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
  }): Promise<Sent> {
    try {
      const res = await this.app.inject({
        method: r.method as 'POST',
        url: r.url,
        headers: r.headers,
        ...(r.body !== undefined ? { payload: r.body } : {}),
      });
      return { status: res.statusCode, text: res.body, headers: res.headers as Sent['headers'] };
    } catch (err) {
      return { status: 0, text: '', headers: {}, transportError: String(err) };
    }
  }

  private overHttp(r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
  }): Promise<Sent> {
    return new Promise((resolve) => {
      let req: http.ClientRequest;
      try {
        req = http.request(
          {
            host: '127.0.0.1',
            port: this.port,
            method: r.method,
            path: r.url,
            headers: {
              ...r.headers,
              ...(r.body !== undefined ? { 'content-length': String(r.body.length) } : {}),
            },
            agent: false,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                text: Buffer.concat(chunks).toString(),
                headers: res.headers,
              }),
            );
            res.on('error', (e) =>
              resolve({ status: 0, text: '', headers: {}, transportError: String(e) }),
            );
          },
        );
      } catch {
        // A header or path Node itself refuses to send: send it in process instead.
        resolve(this.inProcess(r));
        return;
      }
      req.on('error', (e) =>
        resolve({ status: 0, text: '', headers: {}, transportError: String(e) }),
      );
      if (r.body !== undefined) req.end(r.body);
      else req.end();
    });
  }
}

/** The user whose token a draft carries (the "other" user is an agency editor elsewhere). */
export function callerKey(c: Draft['caller']): Caller | undefined {
  return c === 'none' || c === 'forged' ? undefined : c === 'other' ? 'editorX' : c;
}

/** Base draft of an operation: its valid request. */
export async function baseDraft(op: Operation, world: FuzzWorld, rng: Rng): Promise<Draft> {
  const params: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'path')) {
    params[p.name] = encodeURIComponent(await world.pathParam(op, p.name));
  }
  const d: Draft = {
    method: op.method,
    template: op.path,
    params,
    query: [],
    headers: {},
    raws: new Map(),
    caller: world.callerOf(op),
    http: false,
  };
  if (op.multipart) {
    const hint = await world.hintFor(op);
    d.schema = MAPPING_SCHEMA;
    d.json = {
      mode: 'long',
      measureId: world.ids.countA,
      period: { column: 'period', format: 'auto' },
      value: { column: 'value', scale: 1 },
    };
    void hint;
    d.multipart = {
      boundary: `----fuzz${rng.int(1e9)}`,
      parts: [
        { name: 'mapping', data: Buffer.alloc(0), fromJson: true },
        {
          name: 'file',
          filename: 'upload.csv',
          contentType: 'text/csv',
          data: Buffer.from('period,value\nFY2025-26-Q1,5\nFY2025-26-Q2,6\n'),
        },
      ],
    };
  } else if (op.body) {
    d.schema = op.body;
    d.json = generate(op.body, rng, await world.hintFor(op));
    d.headers['content-type'] = 'application/json';
  }
  return d;
}

export function serialize(
  d: Draft,
  session: FuzzSession,
): { method: string; url: string; headers: Record<string, string>; body?: Buffer; http: boolean } {
  let path = d.template;
  for (const [name, value] of Object.entries(d.params)) path = path.replace(`{${name}}`, value);
  const query = d.query.map(([k, v]) => `${k}=${v}`).join('&');
  const url = query ? `${path}?${query}` : path;
  const headers: Record<string, string> = { ...d.headers };
  const caller = callerKey(d.caller);
  if (caller) {
    const token = session.tokens[caller];
    if (token) headers.authorization = `Bearer ${token}`;
    const cookie = session.cookies[caller];
    if (cookie) headers.cookie = cookie;
  }
  let body: Buffer | undefined;
  if (d.raw !== undefined) body = d.raw;
  else if (d.multipart) {
    body = serializeMultipart(d);
    headers['content-type'] ??= `multipart/form-data; boundary=${d.multipart.boundary}`;
  } else if (d.json !== undefined) body = Buffer.from(serializeJson(d));
  return { method: d.method, url, headers, ...(body !== undefined ? { body } : {}), http: d.http };
}

/** World ids written as {{name}}, so that a replay can put its own world's ids in. */
export function symbolize(text: string, world: FuzzWorld): string {
  let out = text;
  for (const [name, id] of Object.entries(world.ids)) out = out.split(id).join(`{{${name}}}`);
  return out;
}

export function desymbolize(text: string, world: FuzzWorld): string {
  return text.replace(/\{\{([A-Za-z]+)\}\}/g, (m, name: string) => world.ids[name] ?? m);
}

function hasErrorBody(text: string): boolean {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof e?.code === 'string' && typeof e.message === 'string';
  } catch {
    return false;
  }
}

/** What a refused request changed: the tables whose fingerprint differs. */
function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
}

export async function forgedTokens(secret: string, world: FuzzWorld): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const admin = world.users.admin.id;
  return [
    'Bearer',
    'Bearer ',
    'Bearer x',
    'Bearer a.b.c',
    `Bearer ${'a'.repeat(10_000)}`,
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, { sub: admin, tv: 0 }, '').replace(/[^.]+$/, '')}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: admin, tv: 0, iat: now }, 'not-the-secret-not-the-secret-00')}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: admin, tv: 0, iat: now - 10_000, exp: now - 5_000 }, secret)}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: admin, tv: 99, iat: now }, secret)}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'not-a-uuid', tv: 0, iat: now }, secret)}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: { $ne: null }, tv: '0', iat: now }, secret)}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '00000000-0000-4000-8000-000000000000', tv: 0, iat: now }, secret)}`,
    `Bearer ${jwt({ alg: 'HS512', typ: 'JWT' }, { sub: admin, tv: 0, iat: now }, secret)}`,
    `Bearer ${jwt({ alg: 'HS256', typ: 'JWT', kid: '../../etc/passwd' }, { sub: admin, tv: 98, iat: now, __proto__x: 1 }, secret)}`,
  ];
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

  // The process is still well: it answers, signs in, serves a signed-in read, and nothing
  // reached Object.prototype.
  const health = await o.app.inject({ method: 'GET', url: '/healthz' });
  const ready = await o.app.inject({ method: 'GET', url: '/readyz' });
  let signedIn = false;
  try {
    await session.login('admin');
    const me = await o.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.tokens.admin}` },
    });
    signedIn = me.statusCode === 200;
  } catch {
    signedIn = false;
  }
  const overSocket = await session.send({
    method: 'GET',
    url: '/healthz',
    headers: {},
    http: true,
  });
  const protoAfter = Object.getOwnPropertyNames(Object.prototype).sort();
  const probe = {} as Record<string, unknown>;
  summary.polluted = [
    ...protoAfter.filter((k) => !protoBefore.includes(k)),
    ...['polluted', 'isAdmin'].filter((k) => probe[k] !== undefined),
  ];
  summary.healthy =
    health.statusCode === 200 && ready.statusCode === 200 && signedIn && overSocket.status === 200;
  if (!summary.healthy) {
    summary.failures.push({
      problem: `unhealthy afterwards: healthz ${health.statusCode}, readyz ${ready.statusCode}, sign-in ${signedIn}, socket ${overSocket.status}`,
      route: '-',
      mutation: '-',
    });
  }
  if (summary.polluted.length > 0) {
    summary.failures.push({
      problem: `Object.prototype polluted: ${summary.polluted.join(', ')}`,
      route: '-',
      mutation: '-',
    });
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
