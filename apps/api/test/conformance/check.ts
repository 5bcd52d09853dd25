// Checks recorded responses against the OpenAPI document as a strict generated client would:
// the status is documented for the operation (5xx may fall under `default`), the content type
// is one documented for that status (no body where none is documented), a JSON body validates
// against the documented schema (ajv, OpenAPI 3.0 `nullable`), and an error's code is one of
// the catalogue's, with the catalogue's status.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { errorCatalogue } from '../../src/errors.js';
import type { OpenApiDocument } from '../../src/plugins/openapi-document.js';

// ajv-formats is CommonJS: its default export is the plugin.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface ResponseRecord {
  method: string;
  /** The path and query sent. */
  url: string;
  status: number;
  contentType?: string | undefined;
  allow?: string | undefined;
  /** The body as text, for JSON responses; its length otherwise. */
  body?: string | undefined;
  length: number;
  /** The test file that sent it. */
  file?: string | undefined;
}

export interface ConformanceResult {
  checked: number;
  skipped: number;
  mismatches: string[];
  /** How many responses each operation had, to see what the tests leave unexercised. */
  byOperation: Map<string, number>;
}

type Schema = Record<string, unknown>;
interface Media {
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, Media> }>;
}

const codeStatus = new Map(errorCatalogue.map((d) => [d.code, d.status]));

/** Paths of the document as patterns, the most specific (most literal segments) first. */
function pathMatchers(doc: OpenApiDocument) {
  return Object.keys(doc.paths ?? {})
    .map((template) => {
      const segments = template.split('/');
      const source = segments
        .map((s) =>
          /^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`),
        )
        .join('/');
      const literal = segments.map((s) => (s.startsWith('{') ? '1' : '0')).join('');
      return { template, pattern: new RegExp(`^${source}$`), literal };
    })
    .sort((a, b) => a.literal.localeCompare(b.literal));
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() || undefined;
}

export function checkResponses(
  doc: OpenApiDocument,
  records: Iterable<ResponseRecord>,
): ConformanceResult {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const definitions = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const validators = new Map<string, ValidateFunction>();
  function validator(key: string, schema: Schema): ValidateFunction {
    let v = validators.get(key);
    if (!v) {
      const text = JSON.stringify({ ...schema, definitions }).replaceAll(
        '#/components/schemas/',
        '#/definitions/',
      );
      v = ajv.compile(JSON.parse(text) as Schema);
      validators.set(key, v);
    }
    return v;
  }
  const errorSchema: Schema = { $ref: '#/components/schemas/Error' };
  const matchers = pathMatchers(doc);
  const result: ConformanceResult = {
    checked: 0,
    skipped: 0,
    mismatches: [],
    byOperation: new Map(),
  };

  for (const r of records) {
    const path = r.url.split('?', 1)[0] ?? '';
    const where = `${r.method} ${r.url.slice(0, 120)} → ${r.status}${r.file ? ` (${r.file})` : ''}`;
    const api = path.startsWith('/api/v1/') || path === '/healthz' || path === '/readyz';
    // Outside the document: the web client's files, Swagger UI, the document itself, and CORS
    // preflights (answered by the CORS plugin on every path).
    if (!api || path === '/api/v1/openapi.json' || (r.method === 'OPTIONS' && r.status < 400)) {
      result.skipped++;
      continue;
    }
    result.checked++;
    const fail = (why: string) => result.mismatches.push(`${where}: ${why}`);

    const checkJson = (key: string, schema: Schema | undefined): unknown => {
      if (r.method === 'HEAD' || r.body === undefined) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(r.body);
      } catch {
        fail('the body is not JSON');
        return undefined;
      }
      if (schema && !validator(key, schema)(parsed)) {
        const errors = validators.get(key)?.errors ?? [];
        fail(
          `the body does not match the documented schema: ${errors
            .slice(0, 3)
            .map((e) => `${e.instancePath || '/'} ${e.message}`)
            .join('; ')}`,
        );
      }
      return parsed;
    };
    const checkCode = (parsed: unknown) => {
      if (r.status < 400) return;
      const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
      if (typeof code !== 'string') return;
      const status = codeStatus.get(code);
      if (status === undefined) fail(`error code ${code} is not in the catalogue (src/errors.ts)`);
      else if (status !== r.status) fail(`error code ${code} is a ${status} in the catalogue`);
    };

    const match = matchers.find((m) => m.pattern.test(path));
    const item = match ? (doc.paths?.[match.template] as Record<string, Operation>) : undefined;
    const method = r.method === 'HEAD' ? 'get' : r.method.toLowerCase();
    const op = item?.[method];
    if (!op) {
      // No such path: 404; a path without this method: 405 with Allow. Both the error body.
      const expected = item ? 405 : 404;
      if (r.status !== expected && !(r.status === 400 && !item)) {
        fail(`expected ${expected} for ${item ? 'a method the path does not have' : 'no path'}`);
      }
      if (expected === 405 && !r.allow) fail('a 405 without an Allow header');
      if (mediaType(r.contentType) !== 'application/json') {
        fail(`content type ${r.contentType} is not application/json`);
      }
      checkCode(checkJson('error', errorSchema));
      continue;
    }
    const opKey = `${op.operationId ?? method}`;
    result.byOperation.set(opKey, (result.byOperation.get(opKey) ?? 0) + 1);
    const documented =
      op.responses?.[String(r.status)] ?? (r.status >= 500 ? op.responses?.default : undefined);
    if (!documented) {
      fail(`status ${r.status} is not documented for ${opKey}`);
      continue;
    }
    const media = mediaType(r.contentType);
    if (!documented.content) {
      if (r.length > 0) fail(`a body (${r.contentType}) where none is documented`);
      continue;
    }
    if (!media) {
      if (r.method !== 'HEAD') fail('no Content-Type where a body is documented');
      continue;
    }
    const entry = documented.content[media];
    if (!entry) {
      fail(
        `content type ${media} is not documented (${Object.keys(documented.content).join(', ')})`,
      );
      continue;
    }
    if (media === 'application/json') {
      checkCode(checkJson(`${opKey} ${r.status}`, entry.schema));
    }
  }
  return result;
}
