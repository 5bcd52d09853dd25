// Mutations of the JSON body: one field made wrong, at the edge of its schema or given a hostile
// key, or the whole body replaced (malformed JSON, deep nesting, invalid UTF-8, huge bodies).
import { type Draft, type Mutation, serializeJson } from './draft.js';
import { type JsonSchema, schemaAt, schemaPaths } from './generator.js';
import type { Rng } from './prng.js';
import { NUMBER_STRINGS, NUMBERS, UNICODE } from './values.js';

// ------------------------------------------------------------------------------------------
// JSON body helpers.

let markerCounter = 0;
function rawMarker(d: Draft, literal: string): string {
  const marker = `__FUZZ_RAW_${++markerCounter}__`;
  d.raws.set(`"${marker}"`, literal);
  return marker;
}

type Path = string[];

/** Paths of every value in a JSON value (objects and arrays included; the root is []). */
function valuePaths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (v && typeof v === 'object' && at.length < 8) {
    for (const [k, x] of Object.entries(v)) valuePaths(x, [...at, k], out);
  }
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let cur = root as Record<string, unknown> | undefined;
  for (const k of path) cur = cur?.[k] as Record<string, unknown> | undefined;
  return cur;
}

/** Sets (or deletes with undefined) the value at a path, making objects on the way. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const obj = (root && typeof root === 'object' ? root : {}) as Record<string, unknown>;
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (!next || typeof next !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return obj;
}

function deepText(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(levels)}1${']'.repeat(levels)}`
    : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

const hugeCache = new Map<number, Buffer>();
/** A JSON object with one string field of about n bytes. */
function hugeJson(n: number, field: string): Buffer {
  const cached = hugeCache.get(n);
  if (cached) return Buffer.from(cached.toString().replace('"F"', JSON.stringify(field)));
  const b = Buffer.from(`{"F":"${'x'.repeat(n)}"}`);
  hugeCache.set(n, b);
  return Buffer.from(b.toString().replace('"F"', JSON.stringify(field)));
}

/** A value of the wrong kind for what a path holds. */
function wrongValue(rng: Rng, d: Draft, current: unknown): unknown {
  return rng.weighted<() => unknown>([
    [3, () => null],
    [2, () => (typeof current === 'string' ? 42 : 'a string')],
    [2, () => (typeof current === 'boolean' ? 'true' : true)],
    [2, () => [current ?? 1]],
    [2, () => ({ nested: current ?? 1 })],
    [1, () => []],
    [1, () => ({})],
    [2, () => rng.pick(NUMBER_STRINGS)],
    [4, () => rawMarker(d, rng.pick(NUMBERS))],
    [4, () => rng.pick(UNICODE)],
    [2, () => 'x'.repeat(rng.pick([61, 201, 501, 4001, 20001, 100_000, 900_000]))],
    [1, () => rng.pick(d.raws.size > 50 ? ['x'] : ['1', '2']).repeat(rng.between(1, 3))],
    [1, () => rawMarker(d, deepText(rng.pick([100, 1000, 10_000]), rng.pick(['array', 'object'])))],
    [1, () => Array.from({ length: rng.pick([1000, 10_000]) }, () => current ?? 1)],
    [1, () => Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))],
    [1, () => '2025-02-30'],
    [1, () => '0000-00-00T00:00:00Z'],
  ])();
}

/** A valid value of another shape the schema allows (the boundary of what is accepted). */
function edgeOfSchema(rng: Rng, d: Draft, s: JsonSchema | undefined): unknown {
  if (!s) return wrongValue(rng, d, undefined);
  if (s.enum) return rng.chance(0.5) ? rng.pick(s.enum) : `${String(rng.pick(s.enum))} `;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') {
    const max = s.maxLength ?? 1000;
    return rng.weighted<() => unknown>([
      [2, () => 'x'.repeat(Math.min(max, 100_000))],
      [2, () => 'x'.repeat(max + 1)],
      [1, () => 'é'.repeat(Math.min(max, 50_000))],
      [1, () => '😀'.repeat(Math.min(max, 20_000))],
      [1, () => ''],
      [2, () => rng.pick(UNICODE)],
    ])();
  }
  if (type === 'number' || type === 'integer') {
    const edges = [s.minimum, s.maximum].filter((x): x is number => typeof x === 'number');
    return rng.weighted<() => unknown>([
      [2, () => rng.pick(edges.length ? edges : [0])],
      [
        2,
        () =>
          rawMarker(
            d,
            String(rng.pick(edges.length ? edges : [0]) + rng.pick([-1, 1, -1e-9, 1e-9])),
          ),
      ],
      [3, () => rawMarker(d, rng.pick(NUMBERS))],
    ])();
  }
  if (type === 'array') {
    const n = rng.pick([0, (s.maxItems ?? 10) + 1, s.maxItems ?? 10]);
    return Array.from({ length: n }, () => (s.items?.enum ? rng.pick(s.items.enum) : 'x'));
  }
  if (type === 'boolean') return rng.pick(['true', 1, 0, 'yes']);
  return wrongValue(rng, d, undefined);
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** A hostile key and value added to an object in the body. */
function addKey(rng: Rng, d: Draft, target: Path) {
  const obj = getAt(d.json, target);
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    d.json = setAt(d.json, target, {});
  }
  const key = rng.weighted<() => string>([
    [4, () => rng.pick(PROTO_KEYS)],
    [2, () => 'unknownField'],
    [1, () => ''],
    [1, () => 'a\u0000b'],
    [1, () => '\uD800'],
    [1, () => 'k'.repeat(10_000)],
    [1, () => 'hasOwnProperty'],
    [1, () => 'toString'],
  ])();
  const value = rng.weighted<() => unknown>([
    [3, () => ({ polluted: 'yes', isAdmin: true })],
    [1, () => ({ prototype: { polluted: 'yes' } })],
    [1, () => 'yes'],
    [1, () => null],
  ])();
  // A marker key, so that __proto__ is written into the JSON text as a plain key.
  const marker = `__FUZZ_KEY_${++markerCounter}__`;
  d.raws.set(`"${marker}"`, JSON.stringify(key));
  d.json = setAt(d.json, [...target, marker], value);
  return `key ${JSON.stringify(key.length > 30 ? `${key.slice(0, 30)}…` : key)} at ${target.join('.') || 'root'}`;
}

// ------------------------------------------------------------------------------------------
// Mutations.

/** One field of the JSON body (or of the import mapping) changed. */
export const fieldMutation: Mutation = (d, rng) => {
  const paths = valuePaths(d.json);
  const fromSchema = d.schema ? schemaPaths(d.schema) : [];
  const path = rng.chance(0.3) && fromSchema.length > 0 ? rng.pick(fromSchema) : rng.pick(paths);
  const label = path.join('.') || 'root';
  const current = getAt(d.json, path);
  const what = rng.weighted<string>([
    [3, 'remove'],
    [6, 'wrong'],
    [5, 'edge'],
    [3, 'key'],
  ]);
  if (what === 'remove' && path.length > 0) {
    d.json = setAt(d.json, path, undefined);
    return `${label}: removed`;
  }
  if (what === 'key') {
    const objects = paths.filter((p) => {
      const v = getAt(d.json, p);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    return addKey(rng, d, objects.length ? rng.pick(objects) : []);
  }
  if (what === 'edge') {
    const v = edgeOfSchema(rng, d, d.schema ? schemaAt(d.schema, path) : undefined);
    d.json = setAt(d.json, path, v);
    return `${label}: edge ${describe(v, d)}`;
  }
  const v = wrongValue(rng, d, current);
  d.json = setAt(d.json, path, v);
  return `${label}: ${describe(v, d)}`;
};

function describe(v: unknown, d: Draft): string {
  if (typeof v === 'string') {
    const raw = d.raws.get(`"${v}"`);
    if (raw !== undefined)
      return `literal ${raw.length > 40 ? `${raw.slice(0, 40)}… (${raw.length})` : raw}`;
    return v.length > 40
      ? `string of ${v.length} (${JSON.stringify(v.slice(0, 12))}…)`
      : JSON.stringify(v);
  }
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length})` : text;
}

/** The whole JSON body replaced. */
export const wholeBody: Mutation = (d, rng) => {
  const json = d.json;
  const text = () => serializeJson(d);
  const options: [number, () => string][] = [
    [2, () => setRaw(d, 'null', 'body null')],
    [1, () => setRaw(d, 'true', 'body true')],
    [1, () => setRaw(d, '42', 'body 42')],
    [1, () => setRaw(d, '"text"', 'body a string')],
    [2, () => setRaw(d, '[]', 'body []')],
    [1, () => setRaw(d, `[${text()}]`, 'body wrapped in an array')],
    [2, () => setRaw(d, '{}', 'body {}')],
    [1, () => setRaw(d, '', 'empty body with a JSON content type')],
    [2, () => setRaw(d, deepText(10_000, 'array'), 'body nested 10,000 levels (arrays)')],
    [2, () => setRaw(d, deepText(10_000, 'object'), 'body nested 10,000 levels (objects)')],
    [1, () => setRaw(d, deepText(100_000, 'array'), 'body nested 100,000 levels')],
    [
      2,
      () =>
        setRaw(
          d,
          text().slice(0, Math.max(1, text().length - rng.between(1, 5))),
          'truncated JSON',
        ),
    ],
    [1, () => setRaw(d, `${text().slice(0, -1)},}`, 'trailing comma')],
    [1, () => setRaw(d, text().replace(/"/g, "'"), 'single quotes')],
    [1, () => setRaw(d, `/* c */${text()}`, 'a comment')],
    [1, () => setRaw(d, `${text()}${text()}`, 'two JSON documents')],
    [1, () => setRaw(d, `${text()} garbage`, 'trailing garbage')],
    [1, () => setRaw(d, '{"a":NaN}', 'NaN literal')],
    [1, () => setRaw(d, '{"a":1,"a":2}', 'duplicate keys')],
    [1, () => setRaw(d, '{"__proto__":{"polluted":"yes"}}', 'body with only __proto__')],
    [
      1,
      () =>
        setRaw(d, '{"constructor":{"prototype":{"polluted":"yes"}}}', 'body constructor.prototype'),
    ],
    [1, () => setRaw(d, `{"a":"${'\u0001\u0002'}"}`, 'unescaped control characters')],
    [1, () => setRaw(d, `\uFEFF${text()}`, 'a byte-order mark')],
    [1, () => setRaw(d, text().replace(/"/, '"\\ud800'), 'escaped lone surrogate')],
    [1, () => setRaw(d, text().replace(/"/, '"\\u0000'), 'escaped NUL in a key')],
  ];
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    options.push([2, () => withInvalidUtf8(d, rng)]);
    options.push([1, () => hugeBody(d, rng)]);
  }
  return rng.weighted(options)();
};

function setRaw(d: Draft, text: string, what: string): string {
  d.raw = Buffer.from(text);
  d.headers['content-type'] ??= 'application/json';
  return what;
}

const BAD_UTF8 = [
  [0xc0, 0xaf], // overlong '/'
  [0xe0, 0x80, 0xaf], // overlong, three bytes
  [0xf0, 0x80, 0x80, 0xaf], // overlong, four bytes
  [0xc0, 0x80], // overlong NUL
  [0x80], // lone continuation byte
  [0xe2, 0x82], // truncated sequence
  [0xed, 0xa0, 0x80], // a surrogate encoded in UTF-8
  [0xf8, 0x88, 0x80, 0x80, 0x80], // five-byte sequence
  [0xff, 0xfe], // not UTF-8 at all
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
];

/** A string field of the JSON body whose bytes are not UTF-8. */
function withInvalidUtf8(d: Draft, rng: Rng): string {
  const strings = valuePaths(d.json).filter((p) => typeof getAt(d.json, p) === 'string');
  const path = strings.length ? rng.pick(strings) : ['name'];
  const marker = `__FUZZ_BYTES_${++markerCounter}__`;
  d.json = setAt(d.json, path, marker);
  const text = serializeJson(d);
  const bytes = Buffer.from(rng.pick(BAD_UTF8));
  const [before, after] = text.split(marker);
  d.raw = Buffer.concat([Buffer.from(before ?? ''), bytes, Buffer.from(after ?? '')]);
  return `${path.join('.')}: invalid UTF-8 ${bytes.toString('hex')}`;
}

function hugeBody(d: Draft, rng: Rng): string {
  const size = rng.pick([1024 * 1024 + 1, 2 * 1024 * 1024, 5 * 1024 * 1024, 20 * 1024 * 1024]);
  const fields = Object.keys(d.json as object);
  d.raw = hugeJson(size, fields.length ? rng.pick(fields) : 'name');
  d.headers['content-type'] = 'application/json';
  return `body of ${(size / 1024 / 1024).toFixed(1)} MB`;
}
