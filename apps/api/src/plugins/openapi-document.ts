// The last pass over the generated OpenAPI document, which makes it exact where the routes'
// schemas cannot say it: an operationId on every operation, `security: []` on the public ones,
// and every status a route can answer whatever its own logic (the framework's 400, 413, 414,
// 415, the 401 of every secured route, the 5xx error body), each with its real content type.
import { errorCatalogue } from '../errors.js';
import { documentConditionalGet } from './conditional-get.js';
import { operationIds } from './operation-ids.js';

type Schema = { [key: string]: unknown };
interface Response {
  description: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name?: string }[];
  requestBody?: unknown;
  responses?: Record<string, Response>;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
  [key: string]: unknown;
}

/** errorBody (packages/schema), which its `.meta({ id })` names as a component. */
const errorRef = { $ref: '#/components/schemas/Error' };

const reasons: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: it runs in the background',
  204: 'Done; no content',
  400: 'The request is not valid',
  401: 'No valid session: sign in, or refresh the access token',
  403: 'The caller’s roles do not allow it',
  404: 'Not found, or not visible to the caller',
  409: 'It conflicts with what is stored',
  413: 'The body is too large',
  414: 'A path parameter is too long',
  415: 'The body is of a type this route does not read',
  422: 'Well-formed, but a rule refuses it',
  429: 'Too many attempts: wait as long as Retry-After says',
  503: 'Not available now: try again',
  default: 'An unexpected error (5xx): the error body, with no internal detail',
};

function description(status: string): string {
  const reason = reasons[status] ?? `HTTP ${status}`;
  const codes = errorCatalogue
    .filter((d) => (status === 'default' ? d.status >= 500 : String(d.status) === status))
    .map((d) => d.code);
  return codes.length > 0 ? `${reason} (error.code: ${codes.join(', ')})` : reason;
}

function errorResponse(status: string): Response {
  return {
    description: description(status),
    content: { 'application/json': { schema: errorRef } },
  };
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** `?lang`, which every GET accepts (plugins/language.ts reads it before the route's schema). */
const langParameter = {
  in: 'query',
  name: 'lang',
  required: false,
  description:
    'The language of the answer: its names, titles and labels, and its error messages. Before the signed-in user’s saved language and Accept-Language.',
  schema: { type: 'string', enum: ['en', 'fr'] },
};

/** The statuses any route of this shape can answer, before its own logic runs. */
function frameworkStatuses(method: string, path: string, op: Operation): string[] {
  const statuses: string[] = [];
  const takesBody = BODY_METHODS.has(method);
  if (takesBody || (op.parameters?.length ?? 0) > 0 || op.requestBody) statuses.push('400');
  if ((op.security?.length ?? 0) > 0) statuses.push('401');
  if (takesBody) statuses.push('413');
  if (path.includes('{')) statuses.push('414');
  if (takesBody) statuses.push('415');
  return statuses;
}

function finishOperation(method: string, path: string, op: Operation): void {
  const key = `${method.toUpperCase()} ${path}`;
  // A route missing from the map has none (test/openapi-document.test.ts fails on it).
  const id = operationIds[key];
  if (id) op.operationId = id;
  op.security ??= [];
  if (method === 'get' && !op.parameters?.some((p) => p.in === 'query' && p.name === 'lang')) {
    op.parameters = [...(op.parameters ?? []), langParameter];
  }
  op.responses ??= {};
  documentConditionalGet(method, path, op);
  const responses = op.responses;
  for (const status of frameworkStatuses(method, path, op)) {
    responses[status] ??= errorResponse(status);
  }
  responses.default ??= errorResponse('default');
  for (const [status, response] of Object.entries(responses)) {
    if (status === '204') delete response.content;
    if (response.description === 'Default Response') response.description = description(status);
    if (status === '429') {
      response.headers ??= {
        'Retry-After': {
          description: 'Seconds to wait before trying again',
          schema: { type: 'integer', minimum: 1 },
        },
      };
    }
  }
}

/**
 * OpenAPI 3.0 has no null type: a nullable enum must list null among its values, or a strict
 * client rejects the null it is promised (fastify-type-provider-zod folds `enum | null` into
 * `nullable: true` and leaves null out).
 */
function nullableEnums(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) nullableEnums(v);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const schema = value as Schema;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
  for (const [key, child] of Object.entries(schema)) {
    if (key !== 'enum' && key !== 'example' && key !== 'default') nullableEnums(child);
  }
}

function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.add(child);
      else refsIn(child, into);
    }
  }
  return into;
}

/** Completes the document in place and returns it. */
export function finishDocument<T extends OpenApiDocument>(doc: T): T {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) finishOperation(method, path, op);
  }
  nullableEnums(doc.paths);
  nullableEnums(doc.components?.schemas);
  // Components no operation uses (the input twin the zod transform makes of each) are dropped.
  const schemas = doc.components?.schemas;
  if (schemas) {
    const used = refsIn(doc.paths, new Set());
    for (let size = -1; size !== used.size; ) {
      size = used.size;
      for (const ref of [...used]) refsIn(schemas[ref.split('/').pop() ?? ''], used);
    }
    for (const name of Object.keys(schemas)) {
      if (!used.has(`#/components/schemas/${name}`)) delete schemas[name];
    }
  }
  return doc;
}
