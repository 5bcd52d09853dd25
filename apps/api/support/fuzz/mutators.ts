// Mutations of a valid request: wrong types, missing and extra fields, null, huge and deeply
// nested bodies, unicode edge cases, __proto__/constructor/prototype keys, overlong strings,
// numbers at the edges, wrong content types, malformed JSON and UTF-8, malformed path ids and
// periods, hostile query strings and tokens, and for imports malformed CSVs, mappings and
// multipart bodies. Each mutation edits a Draft and says what it did.
import { type JsonSchema, schemaAt, schemaPaths } from './generator.js';
import type { Rng } from './prng.js';
import type { Caller } from './world.js';

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
  /** The mapping part: its text is the draft's JSON, serialized when the request is sent. */
  fromJson?: boolean;
}

export interface Draft {
  method: string;
  /** Route template, `/api/v1/measures/{id}`. */
  template: string;
  /** Path parameter → its text as it goes into the URL (already percent-encoded). */
  params: Record<string, string>;
  /** Query pairs, already percent-encoded. */
  query: [string, string][];
  headers: Record<string, string>;
  /** A JSON body, with raw literals substituted for markers when serialized. */
  json?: unknown;
  raws: Map<string, string>;
  /** A body given as bytes (replaces json). */
  raw?: Buffer;
  /** A multipart body: the parts and the boundary. */
  multipart?: { parts: Part[]; boundary: string; tail?: Buffer; truncate?: number };
  /** The request's own schema (the body's, or the import mapping's). */
  schema?: JsonSchema;
  caller: Caller | 'none' | 'forged' | 'other';
  /** Send over a real socket rather than app.inject. */
  http: boolean;
}

export interface MutationEnv {
  /** Ids of the world, of every kind, for swapping one in. */
  ids: string[];
  /** A token that is well-formed but signed with another secret, and similar. */
  forgedTokens: string[];
}

// ------------------------------------------------------------------------------------------
// Values.

export const UNICODE = [
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  'a\uD83D', // emoji cut in half
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C', // right-to-left override
  '\u200B\u200C\u200D\u2060', // zero-width characters
  `e${'\u0301'.repeat(5000)}`, // combining marks
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕏𝔂𝔃',
  '\uFEFF',
  '\uFFFF\uFFFE',
  'Ｆｕｌｌｗｉｄｔｈ',
  'İıſK', // case-mapping traps
  '\r\n\t\u000B\u000C\u0085\u2028\u2029',
  '\u001B[31mred\u001B[0m',
  "'; drop table users; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
  '   ',
  '',
];

/** Raw JSON number literals, including what JavaScript cannot write (1e999, -0). */
export const NUMBERS = [
  '0',
  '-0',
  '-0.0',
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '1e309',
  '-1e999',
  '1e999',
  '9007199254740991',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740993',
  '123456789012345678901234567890',
  '1e-320',
  '5e-324',
  '-5e-324',
  '0.30000000000000004',
  '-1',
  '2147483648',
  '-2147483649',
  '1.5',
  '0.0000001',
  '1E2',
  '1e+2',
];

const NUMBER_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-0',
  '0x10',
  '1_000',
  ' 5 ',
  '5.',
  '.5',
  '١٢٣',
];

const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-000000000000',
  '12345',
  '-1',
  '0',
  "1'%20or%20'1'%3D'1",
  '%00',
  '%2e%2e',
  '%2F',
  '..',
  '%F0%9F%92%A9',
  '%C0%AF',
  '%ED%A0%80',
  '%E2%80%AE',
  '%',
  '%zz',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'x'.repeat(101),
  'x'.repeat(5000),
  '%20',
];

const BAD_PERIODS = [
  '2025-Q5',
  'FY2025-27',
  'FY9999-00-Q4',
  'FY0000-01',
  '0000',
  '9999-12',
  '-2025',
  '2025-Q0',
  '2025-00',
  '2025-13',
  '1e3',
  'FY2025-26-Q1%00',
  'FY2025-26-q1',
  '２０２５',
  'x'.repeat(21),
  '2025-Q3x',
  '99999',
  '275760',
];

/** A well-formed version-4 uuid that exists nowhere. */
export function uuidFrom(rng: Rng): string {
  const h = rng.bytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

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

export type Mutation = (d: Draft, rng: Rng, env: MutationEnv) => string;

/** One field of the JSON body (or of the import mapping) changed. */
const fieldMutation: Mutation = (d, rng) => {
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
const wholeBody: Mutation = (d, rng) => {
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

/** A content type other than the one the route reads. */
const contentType: Mutation = (d, rng) => {
  const type = rng.pick([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=nonsense',
    'application/json-patch+json',
    'application/octet-stream',
    'application/JSON',
    ' application/json',
    'application/json, text/plain',
    'x'.repeat(2000),
    '',
  ]);
  if (d.multipart && rng.chance(0.5)) {
    d.raw = serializeMultipart(d);
    d.multipart = undefined;
  }
  if (type === '') delete d.headers['content-type'];
  else d.headers['content-type'] = type;
  if (type.includes('utf-16') && d.raw === undefined) {
    d.raw = Buffer.from(serializeJson(d), 'utf16le');
  }
  return `content type ${JSON.stringify(type.slice(0, 40))}`;
};

/** A path parameter that is not an id, or another kind's id, or a bad period. */
const pathParam: Mutation = (d, rng, env) => {
  const names = Object.keys(d.params);
  if (names.length === 0) return queryMutation(d, rng, env);
  const name = rng.pick(names);
  const value =
    name === 'period' || name === 'revision'
      ? rng.weighted<() => string>([
          [4, () => encodeURIComponent(rng.pick(BAD_PERIODS))],
          [1, () => rng.pick(BAD_IDS)],
          [
            1,
            () => rng.pick(['0', '-1', '1e3', '9007199254740993', '99999999999999999999', '1.5']),
          ],
        ])()
      : rng.weighted<() => string>([
          [5, () => rng.pick(BAD_IDS)],
          [3, () => rng.pick(env.ids)],
          [1, () => uuidFrom(rng)],
          [1, () => (d.params[name] ?? '').toUpperCase()],
          [1, () => `${d.params[name]}%00`],
          [1, () => `${d.params[name]}/`],
        ])();
  d.params[name] = value;
  return `path ${name} = ${value.length > 40 ? `${value.slice(0, 40)}… (${value.length})` : value}`;
};

/** Hostile query strings. */
const queryMutation: Mutation = (d, rng) => {
  const pair = rng.weighted<() => [string, string]>([
    [2, () => ['commit', rng.pick(['true', '1', 'yes', 'TRUE', '', 'true%00'])]],
    [2, () => ['async', rng.pick(['true', '1', 'maybe'])]],
    [2, () => ['__proto__[polluted]', 'yes']],
    [2, () => ['constructor[prototype][polluted]', 'yes']],
    [1, () => ['x', 'y'.repeat(10_000)]],
    [1, () => ['%', '%']],
    [1, () => ['a[b][c][d][e][f][g]', '1']],
    [1, () => ['unknown', '1']],
  ])();
  d.query.push(pair);
  if (rng.chance(0.2)) d.query.push(pair);
  return `query ${pair[0]}=${pair[1].slice(0, 20)}${pair[1].length > 20 ? '…' : ''}`;
};

/** Missing, malformed, forged or someone else's token. */
const authMutation: Mutation = (d, rng, env) => {
  const choice = rng.weighted<() => string>([
    [
      2,
      () => {
        d.caller = 'none';
        return 'no token';
      },
    ],
    [
      2,
      () => {
        d.caller = 'other';
        return "another user's token (an agency editor elsewhere)";
      },
    ],
    [
      3,
      () => {
        d.caller = 'forged';
        const token = rng.pick(env.forgedTokens);
        d.headers.authorization = token;
        return `authorization ${JSON.stringify(token.slice(0, 40))}`;
      },
    ],
  ]);
  return choice();
};

// Malformed CSV files for the import route.
function csvFile(rng: Rng, valid: string): [Buffer, string] {
  const header = valid.split('\n')[0] ?? 'period,value';
  const row = valid.split('\n')[1] ?? 'FY2025-26-Q1,5';
  const options: [number, () => [Buffer | string, string]][] = [
    [2, () => [`${header}\n"FY2025-26-Q1,5\n`, 'unbalanced quote']],
    [1, () => [`${header}\nFY2025-26-Q1,"5"x\n`, 'text after a closing quote']],
    [2, () => [`\uFEFF${valid}`, 'a BOM']],
    [1, () => [`\uFEFF\uFEFF${valid}`, 'two BOMs']],
    [2, () => [`${header}\r\n${row}\n${row}\r${row}\r\n`, 'mixed line endings']],
    [1, () => [`${header}\r${row}\r`, 'old Mac line endings']],
    [
      2,
      () => [
        `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(99_999)}1\n`,
        '100,000 columns',
      ],
    ],
    [2, () => [rng.bytes(rng.pick([16, 1024, 65_536])), 'binary bytes']],
    [
      1,
      () => [
        Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xc0, 0xaf, 0x2c, 0x35, 0x0a])]),
        'invalid UTF-8',
      ],
    ],
    [1, () => [`${header}\nFY2025-26-Q1\u0000,5\n`, 'a NUL byte']],
    [1, () => [Buffer.from(valid, 'utf16le'), 'UTF-16 without a BOM']],
    [1, () => ['', 'an empty file']],
    [1, () => [`${header}\n`, 'a header only']],
    [1, () => [`\n\n\n`, 'blank lines only']],
    [1, () => [`${header},${header}\n${row},${row}\n`, 'duplicated columns']],
    [1, () => [`${header}\nFY2025-26-Q1,${'9'.repeat(400)}\n`, 'a 400-digit number']],
    [
      1,
      () => [
        `${header}\nFY2025-26-Q1,${rng.pick(['1e999', '-0', 'NaN', 'Infinity', '0x10', '1e-320', '-1', '1.5', '=1+1', '１２'])}\n`,
        'an edge number',
      ],
    ],
    [
      1,
      () => [
        `${header}\n${rng.pick(['2025-Q5', 'FY9999-00-Q4', '0000', '275760-01', '', '""', '=cmd'])},5\n`,
        'a bad period',
      ],
    ],
    [1, () => [`${header}\n${`${row}\n`.repeat(20_000)}`, '20,000 identical rows']],
    [1, () => [`${header}\n"${'x'.repeat(1_000_000)}",5\n`, 'a 1 MB cell']],
    [1, () => [`${header}\n"FY2025-26-Q1\n2025",5\n`, 'a newline inside a quoted cell']],
    [
      1,
      () => [
        `sep=;\n${header.replace(',', ';')}\n${row.replace(',', ';')}\n`,
        'a sep= line and semicolons',
      ],
    ],
    [1, () => [`${header}\n${row}${',5'.repeat(50)}\n`, 'a row longer than the header']],
    [1, () => [`${header}\n${row.split(',')[0]}\n`, 'a row shorter than the header']],
    [1, () => [`${rng.pick(UNICODE)},value\n${row}\n`, 'a unicode header']],
  ];
  const [data, what] = rng.weighted(options)();
  return [Buffer.isBuffer(data) ? data : Buffer.from(data), what];
}

/** The import's CSV, mapping or multipart structure made wrong. */
const importMutation: Mutation = (d, rng) => {
  const mp = d.multipart;
  if (!mp) return fieldMutation(d, rng, { ids: [], forgedTokens: [] });
  const file = mp.parts.find((p) => p.name === 'file');
  const mapping = mp.parts.find((p) => p.name === 'mapping');
  const what = rng.weighted<() => string>([
    [
      8,
      () => {
        if (!file) return 'no file';
        const [data, w] = csvFile(rng, file.data.toString());
        file.data = data;
        return `csv: ${w}`;
      },
    ],
    [8, () => `mapping ${fieldMutation(d, rng, { ids: [], forgedTokens: [] })}`],
    [
      2,
      () => {
        if (mapping) {
          mapping.fromJson = false;
          mapping.data = Buffer.from(
            rng.pick(['{', 'null', '[]', '"x"', '{"mode":', 'not json', '{}', '\uFEFF{}']),
          );
        }
        return 'mapping: malformed JSON';
      },
    ],
    [
      1,
      () => {
        mp.parts = mp.parts.filter((p) => p.name !== 'mapping');
        return 'no mapping part';
      },
    ],
    [
      1,
      () => {
        mp.parts = mp.parts.filter((p) => p.name !== 'file');
        return 'no file part';
      },
    ],
    [
      1,
      () => {
        mp.parts = [...mp.parts].reverse();
        return 'file before mapping';
      },
    ],
    [
      1,
      () => {
        if (file) mp.parts.push({ ...file });
        return 'two files';
      },
    ],
    [
      1,
      () => {
        mp.parts.push({ name: 'extra', data: Buffer.from('x') });
        return 'an extra field';
      },
    ],
    [
      1,
      () => {
        for (let i = 0; i < 10; i++) mp.parts.push({ name: `f${i}`, data: Buffer.from('x') });
        return 'ten extra fields';
      },
    ],
    [
      1,
      () => {
        if (file) file.name = 'upload';
        return 'the file under another name';
      },
    ],
    [
      1,
      () => {
        if (mapping) {
          mapping.filename = 'mapping.json';
          mapping.contentType = 'application/json';
        }
        return 'the mapping as a file';
      },
    ],
    [
      1,
      () => {
        if (file) {
          file.filename = rng.pick([
            '../../etc/passwd',
            '',
            'a\u0000b.csv',
            'x'.repeat(5000),
            '"quoted".csv',
            'ü.csv',
          ]);
        }
        return 'a hostile file name';
      },
    ],
    [
      1,
      () => {
        if (file) {
          file.contentType = rng.pick([
            'application/octet-stream',
            'image/png',
            'x'.repeat(1000),
            '',
          ]);
        }
        return 'an odd part content type';
      },
    ],
    [
      1,
      () => {
        if (file) delete file.filename;
        return 'a file part without a file name';
      },
    ],
    [
      1,
      () => {
        mp.truncate = rng.between(10, 200);
        return 'truncated multipart body';
      },
    ],
    [
      1,
      () => {
        mp.tail = Buffer.from('garbage after the end');
        return 'data after the closing boundary';
      },
    ],
    [
      1,
      () => {
        d.headers['content-type'] = 'multipart/form-data';
        return 'multipart without a boundary';
      },
    ],
    [
      1,
      () => {
        d.headers['content-type'] = `multipart/form-data; boundary=${'b'.repeat(200)}`;
        return 'a boundary that is not in the body';
      },
    ],
    [
      1,
      () => {
        if (mapping) {
          mapping.fromJson = false;
          mapping.data = Buffer.alloc(2 * 1024 * 1024, 0x20);
        }
        return 'a 2 MB mapping field';
      },
    ],
    [
      1,
      () => {
        if (file) file.data = Buffer.alloc(rng.pick([21, 60]) * 1024 * 1024, 0x31);
        return 'a file over the size limit';
      },
    ],
  ]);
  return what();
};

export interface MutationSet {
  json: Mutation[];
  weights: [number, Mutation][];
}

/** The mutations for a route, weighted by what it takes. */
export function mutationsFor(d: Draft): [number, Mutation][] {
  const hasParams = Object.keys(d.params).length > 0;
  if (d.multipart) {
    return [
      [14, importMutation],
      [2, contentType],
      [2, queryMutation],
      [1, authMutation],
    ];
  }
  const hasBody = d.json !== undefined;
  return [
    [hasBody ? 12 : 0, fieldMutation],
    [hasBody ? 5 : 1, wholeBody],
    [2, contentType],
    [hasParams ? 4 : 0, pathParam],
    [1, queryMutation],
    [1, authMutation],
  ];
}

/** The JSON text of the body, with raw literals in place of their markers. */
export function serializeJson(d: Draft): string {
  let text = JSON.stringify(d.json) ?? '';
  for (const [marker, literal] of d.raws) {
    if (text.includes(marker)) text = text.split(marker).join(literal);
  }
  return text;
}

export function serializeMultipart(d: Draft): Buffer {
  const mp = d.multipart;
  if (!mp) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for (const p of mp.parts) {
    const data = p.fromJson ? Buffer.from(serializeJson(d)) : p.data;
    let head = `--${mp.boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.contentType !== undefined) head += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`), data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${mp.boundary}--\r\n`));
  if (mp.tail) chunks.push(mp.tail);
  const all = Buffer.concat(chunks);
  return mp.truncate ? all.subarray(0, Math.max(0, all.length - mp.truncate)) : all;
}
