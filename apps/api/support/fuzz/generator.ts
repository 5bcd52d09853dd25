// Valid requests derived from the OpenAPI document: a value for a JSON schema (the subset the
// zod schemas produce), with real ids and fresh codes from the fuzz world where a field's name
// says what it refers to.
import type { Rng } from './prng.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, `/api/v1/measures/{id}`. */
  path: string;
  /** `POST /api/v1/measures/{id}`. */
  key: string;
  params: { name: string; in: 'path' | 'query'; schema: JsonSchema; required: boolean }[];
  body?: JsonSchema;
  multipart: boolean;
}

const WRITE = new Set(['post', 'put', 'patch', 'delete']);

/** Every write operation of the document (POST, PUT, PATCH, DELETE). */
export function writeOperations(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!WRITE.has(method)) continue;
      const params = ((op.parameters as Operation['params'] | undefined) ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        schema: p.schema,
        required: Boolean(p.required),
      }));
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content;
      const consumes = op.consumes as string[] | undefined;
      out.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params,
        ...(content?.['application/json']?.schema
          ? { body: content['application/json'].schema }
          : {}),
        multipart:
          Boolean(content?.['multipart/form-data']) ||
          Boolean(consumes?.includes('multipart/form-data')) ||
          path.endsWith('/imports'),
      });
    }
  }
  return out;
}

/** A field's value chosen by the fuzz world (an id, a fresh code, a period), or undefined. */
export type Hint = (field: string, schema: JsonSchema, at: string[]) => unknown;

const UUID_V4 = '00000000-0000-4000-8000-000000000000';

function typeOf(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** A string that satisfies the schema's length, format and the patterns zod writes. */
export function validString(s: JsonSchema, rng: Rng): string {
  if (s.format === 'uuid') return UUID_V4;
  if (s.format === 'email' || s.pattern?.includes('@')) return `fuzz-${rng.int(1e9)}@example.org`;
  if (s.format === 'date' || s.pattern?.includes('-02-29')) return '2025-04-01';
  if (s.format === 'date-time') return '2025-04-01T00:00:00.000Z';
  let text = `fuzz${rng.int(1e9).toString(36)}`;
  if (s.pattern === '^[a-z0-9][a-z0-9_]*$') text = text.toLowerCase();
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  if (text.length < min) text = text.padEnd(min, 'x');
  if (text.length > max) text = text.slice(0, Math.max(max, 0));
  return text;
}

export function validNumber(s: JsonSchema, integer: boolean): number {
  const min = s.minimum ?? 0;
  const exclusive = s.exclusiveMinimum === true || typeof s.exclusiveMinimum === 'number';
  let n = Math.max(min, 1);
  if (exclusive && n <= min) n = min + 1;
  if (s.maximum !== undefined && n > s.maximum) n = s.maximum;
  return integer ? Math.ceil(n) : n;
}

/**
 * A valid value for the schema: required properties always, optional ones when the world has
 * a hint for them. Enums take their first value (the combinations a route's rules accept are
 * then the ordinary ones).
 */
export function generate(s: JsonSchema, rng: Rng, hint: Hint, at: string[] = []): unknown {
  const field = at[at.length - 1] ?? '';
  const hinted = hint(field, s, at);
  if (hinted !== undefined) return hinted;
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt && alt.length > 0) return generate(alt[0] as JsonSchema, rng, hint, at);
  if (s.allOf && s.allOf.length > 0) return generate(s.allOf[0] as JsonSchema, rng, hint, at);
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        const given = hint(name, prop, [...at, name]);
        if (given !== undefined) {
          if (given !== SKIP) out[name] = given;
        } else if (required.has(name)) {
          out[name] = generate(prop, rng, hint, [...at, name]);
        }
      }
      // A body of optional fields only (a PATCH) takes the first simple one it may change.
      if (Object.keys(out).length === 0 && required.size === 0) {
        for (const [name, prop] of Object.entries(s.properties ?? {})) {
          if (hint(name, prop, [...at, name]) === SKIP) continue;
          if (!['string', 'integer', 'number', 'boolean'].includes(typeOf(prop) ?? '')) continue;
          out[name] = generate(prop, rng, hint, [...at, name]);
          break;
        }
      }
      return out;
    }
    case 'array': {
      const n = s.minItems ?? 0;
      return Array.from({ length: n }, (_, i) =>
        generate(s.items ?? {}, rng, hint, [...at, String(i)]),
      );
    }
    case 'string':
      return validString(s, rng);
    case 'integer':
      return validNumber(s, true);
    case 'number':
      return validNumber(s, false);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** A hint's answer for "leave this optional field out". */
export const SKIP = Symbol('skip');

/** Every property path the schema describes (for mutating fields the valid body leaves out). */
export function schemaPaths(s: JsonSchema, at: string[] = [], depth = 0): string[][] {
  if (depth > 6) return [];
  const out: string[][] = [];
  if (typeOf(s) === 'object') {
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      out.push([...at, name]);
      out.push(...schemaPaths(prop, [...at, name], depth + 1));
    }
  } else if (typeOf(s) === 'array' && s.items) {
    out.push(...schemaPaths(s.items, [...at, '0'], depth + 1));
  }
  return out;
}

/** The schema at a property path, if the schema describes it. */
export function schemaAt(s: JsonSchema, path: string[]): JsonSchema | undefined {
  let cur: JsonSchema | undefined = s;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeOf(cur) === 'array') cur = cur.items;
    else if (cur.properties?.[seg]) cur = cur.properties[seg];
    else if (cur.additionalProperties && typeof cur.additionalProperties === 'object')
      cur = cur.additionalProperties;
    else return undefined;
  }
  return cur;
}
