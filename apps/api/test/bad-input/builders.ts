// Builders of bad requests: generic malformed bodies, per-field mutations of a valid body, and
// malformed path parameters. Every case is a request that must be refused with a 4xx.
import { randomUUID } from 'node:crypto';

export type Method = 'post' | 'put' | 'patch' | 'delete' | 'get';
export type Who = 'admin' | 'coordinator' | 'editorA' | 'leaver' | 'none';

export interface BadCase {
  /** What is wrong with the request, for the failure list. */
  what: string;
  method: Method;
  /** Path after /api/v1. */
  path: string;
  /** A JSON body (sent with supertest's JSON encoding). */
  body?: unknown;
  /** A raw body with its content type, for what JSON.stringify cannot express. */
  raw?: { type: string; data: string | Buffer };
  /** A multipart/form-data body: text fields and at most one file. */
  multipart?: {
    fields?: Record<string, string>;
    file?: { field: string; data: Buffer; filename: string };
  };
  /** Who sends it; the route's default otherwise. */
  who?: Who;
  /** A precise status this case must get (else any 4xx). */
  status?: number;
  /** A precise error code this case must get. */
  code?: string;
  /** Sent after the route's other cases: a request that may wrongly succeed and change the world. */
  last?: boolean;
}

export const LONG = 'x'.repeat(10_000);
export const NUL = 'a\u0000b';
export const MALFORMED_UUIDS = ['not-a-uuid', '12345', "1' or '1'='1", `${randomUUID()}0`];
export const BAD_PERIODS = [
  '2025-Q5',
  'FY2025-27',
  'banana',
  '2025-13',
  'FY2025-26-Q5',
  'x'.repeat(21),
];

type Body = Record<string, unknown>;

/** The body with one field replaced (or removed when value is `REMOVE`). */
export const REMOVE = Symbol('remove');
export function withField(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  // biome-ignore lint/suspicious/noExplicitAny: walking a JSON body
  let at: any = copy;
  for (const k of keys.slice(0, -1)) at = at[k];
  const last = keys[keys.length - 1] as string;
  if (value === REMOVE) delete at[last];
  else at[last] = value;
  return copy;
}

/** A JSON text of the body with one field set to a literal JSON can't produce from JS (1e999). */
function rawWithLiteral(body: Body, path: string, literal: string): string {
  const marker = '"__LITERAL_MARKER__"';
  return JSON.stringify(withField(body, path, '__LITERAL_MARKER__')).replace(marker, literal);
}

export type FieldKind =
  | { kind: 'text'; required?: boolean; nonEmpty?: boolean; nullable?: boolean }
  | { kind: 'code'; required?: boolean }
  | { kind: 'int'; min: number; max?: number; required?: boolean; nullable?: boolean }
  | { kind: 'number'; required?: boolean; nullable?: boolean }
  | { kind: 'enum'; required?: boolean; nullable?: boolean }
  | { kind: 'uuid'; required?: boolean; nullable?: boolean }
  | { kind: 'uuids' }
  | { kind: 'bool' }
  | { kind: 'date'; nullable?: boolean }
  | { kind: 'period'; required?: boolean; nullable?: boolean }
  | { kind: 'email' }
  | { kind: 'password' };

/** Mutations of one field of a valid body, each of which makes it invalid. */
export function fieldCases(
  method: Method,
  path: string,
  valid: Body,
  fields: Record<string, FieldKind>,
): BadCase[] {
  const out: BadCase[] = [];
  const add = (field: string, what: string, value: unknown) =>
    out.push({ what: `${field}: ${what}`, method, path, body: withField(valid, field, value) });
  const addRaw = (field: string, what: string, literal: string) =>
    out.push({
      what: `${field}: ${what}`,
      method,
      path,
      raw: { type: 'application/json', data: rawWithLiteral(valid, field, literal) },
    });
  for (const [field, spec] of Object.entries(fields)) {
    const required = 'required' in spec && spec.required;
    const nullable = 'nullable' in spec && spec.nullable;
    if (required) add(field, 'missing', REMOVE);
    if (!nullable) add(field, 'null', null);
    add(field, 'an object', { nested: true });
    switch (spec.kind) {
      case 'text':
        add(field, 'a number', 42);
        add(field, 'an array', ['text']);
        if (spec.nonEmpty ?? required) {
          add(field, 'empty string', '');
          add(field, 'only spaces', '   ');
        }
        add(field, '10,000 characters', LONG);
        add(field, 'a NUL character', NUL);
        break;
      case 'code':
        add(field, 'a number', 42);
        add(field, 'empty string', '');
        add(field, 'with a space', 'has space');
        add(field, 'leading dash', '-lead');
        add(field, 'non-ASCII', 'café');
        add(field, '10,000 characters', LONG);
        add(field, 'a NUL character', NUL);
        break;
      case 'int':
        add(field, 'a numeric string', String(spec.min + 1));
        add(field, 'below the minimum', spec.min - 1);
        add(field, 'fractional', spec.min + 0.5);
        if (spec.max !== undefined) add(field, 'above the maximum', spec.max + 1);
        add(field, 'a boolean', true);
        add(field, 'a string', 'NaN');
        addRaw(field, '1e999 (Infinity)', '1e999');
        addRaw(field, '-1e999 (-Infinity)', '-1e999');
        break;
      case 'number':
        add(field, 'a numeric string', '12');
        add(field, 'a boolean', true);
        add(field, 'the string NaN', 'NaN');
        addRaw(field, '1e999 (Infinity)', '1e999');
        break;
      case 'enum':
        add(field, 'an unknown value', 'bogus');
        add(field, 'a number', 42);
        add(field, 'empty string', '');
        break;
      case 'uuid':
        add(field, 'malformed', 'not-a-uuid');
        add(field, 'a number', 42);
        add(field, 'empty string', '');
        break;
      case 'uuids':
        add(field, 'not an array', 'not-an-array');
        add(field, 'a malformed id', ['not-a-uuid']);
        add(
          field,
          '101 ids',
          Array.from({ length: 101 }, () => randomUUID()),
        );
        break;
      case 'bool':
        add(field, 'a string', 'true');
        add(field, 'a number', 1);
        break;
      case 'date':
        add(field, 'not a date', 'banana');
        add(field, 'February 30th', '2025-02-30');
        add(field, 'slashes', '2025/01/01');
        add(field, 'a number', 20250101);
        break;
      case 'period':
        for (const p of ['2025-Q5', 'FY2025-27', 'banana']) add(field, `period ${p}`, p);
        add(field, 'a number', 2025);
        add(field, 'empty string', '');
        break;
      case 'email':
        add(field, 'missing', REMOVE);
        add(field, 'not an email', 'not-an-email');
        add(field, 'a number', 42);
        add(field, 'empty string', '');
        add(field, '10,000 characters', `${LONG}@example.org`);
        break;
      case 'password':
        add(field, 'missing', REMOVE);
        add(field, 'too short (11 characters)', 'short-pass1');
        add(field, 'a number', 123456789012345);
        add(field, '10,000 characters', LONG);
        break;
    }
  }
  return out;
}

/** Bodies that are not the object the route takes at all. */
export function malformedBodies(method: Method, path: string, valid: Body): BadCase[] {
  const json = (what: string, data: string): BadCase => ({
    what,
    method,
    path,
    raw: { type: 'application/json', data },
  });
  return [
    json('a body that is not JSON', '{"name": "unterminated'),
    json('an empty JSON body', ''),
    json('a JSON array instead of an object', JSON.stringify([valid])),
    json('JSON null', 'null'),
    json('a JSON string', '"hello"'),
    json('a JSON number', '42'),
    json('a __proto__ key', `{"__proto__": {"admin": true}, ${JSON.stringify(valid).slice(1)}`),
    { what: 'an unknown extra field', method, path, body: { ...valid, unexpected: 'field' } },
    { what: 'plain text', method, path, raw: { type: 'text/plain', data: 'hello' } },
    { what: 'XML', method, path, raw: { type: 'application/xml', data: '<a>1</a>' } },
    {
      what: 'a form-encoded body',
      method,
      path,
      raw: { type: 'application/x-www-form-urlencoded', data: 'name=x&code=y' },
    },
    json(
      'a body over the 1 MB limit',
      JSON.stringify({ ...valid, padding: 'x'.repeat(1_100_000) }),
    ),
  ];
}

/** Malformed and unknown values of a path's parameters, with the valid body if any. */
export function paramCases(
  method: Method,
  template: string,
  params: Record<string, { kind: 'uuid' | 'period' | 'positiveInt'; valid: string }>,
  body?: Body,
): BadCase[] {
  const out: BadCase[] = [];
  const fill = (name: string, value: string) => {
    let p = template;
    for (const [k, v] of Object.entries(params)) {
      p = p.replace(`{${k}}`, encodeURIComponent(k === name ? value : v.valid));
    }
    return p;
  };
  for (const [name, spec] of Object.entries(params)) {
    const push = (what: string, value: string) =>
      out.push({
        what: `:${name} ${what}`,
        method,
        path: fill(name, value),
        ...(body !== undefined ? { body } : {}),
      });
    if (spec.kind === 'uuid') {
      for (const bad of MALFORMED_UUIDS) push(`malformed (${bad})`, bad);
      push('unknown (a random uuid)', randomUUID());
    } else if (spec.kind === 'positiveInt') {
      for (const bad of ['0', '-1', '1.5', 'abc', '99999999999999999999']) push(`= ${bad}`, bad);
      push('unknown (999)', '999');
    } else {
      for (const bad of BAD_PERIODS) push(`invalid period ${bad.slice(0, 24)}`, bad);
      push('with a NUL byte', '2025\u0000');
      push('with spaces', ' 2025 ');
    }
  }
  return out;
}
