// From an operation to the bytes sent: the valid request (base draft) of a route, the draft
// serialized with its caller's token and cookies, forged tokens, and world ids written as
// {{name}} for replay files.
import { createHmac } from 'node:crypto';
import { importMapping } from '@rba/schema';
import { z } from 'zod';
import { type Draft, serializeJson, serializeMultipart } from './draft.js';
import { generate, type JsonSchema, type Operation } from './generator.js';
import type { Rng } from './prng.js';
import type { FuzzSession } from './session.js';
import type { Caller, FuzzWorld } from './world.js';

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
