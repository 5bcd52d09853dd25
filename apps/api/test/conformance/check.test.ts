// The conformance checker finds what a strict client would reject (it passes the API's own
// responses only because they conform: this shows it would not pass anything else).
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/plugins/openapi-document.js';
import { checkResponses, type ResponseRecord } from './check.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const error = json({ $ref: '#/components/schemas/Error' });

const doc: OpenApiDocument = {
  components: {
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' } },
            required: ['code', 'message'],
          },
        },
        required: ['error'],
      },
    },
  },
  paths: {
    '/api/v1/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          200: json({
            type: 'object',
            properties: { kind: { type: 'string', nullable: true, enum: ['a', 'b', null] } },
            required: ['kind'],
            additionalProperties: false,
          }),
          404: error,
          default: error,
        },
      },
      delete: { operationId: 'deleteThing', responses: { 204: { description: 'Done' } } },
    },
    '/api/v1/things/summary': {
      get: { operationId: 'thingSummary', responses: { 200: { content: { 'text/csv': {} } } } },
    },
  },
} as unknown as OpenApiDocument;

function check(...records: Partial<ResponseRecord>[]) {
  return checkResponses(
    doc,
    records.map((r) => ({
      method: 'GET',
      url: '/api/v1/things/1',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      length: r.body?.length ?? 0,
      ...r,
    })),
  );
}
const notFound = JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Thing not found' } });

describe('the conformance check', () => {
  it('passes responses as documented', () => {
    const result = check(
      { body: '{"kind":null}' },
      { status: 404, body: notFound },
      { status: 500, body: JSON.stringify({ error: { code: 'INTERNAL', message: 'x' } }) },
      { method: 'DELETE', status: 204, contentType: undefined },
      { url: '/api/v1/things/summary', contentType: 'text/csv; charset=utf-8', length: 10 },
      { method: 'HEAD', body: undefined },
      { url: '/assets/app.js', contentType: 'text/javascript' },
    );
    expect(result.mismatches).toEqual([]);
    expect(result.checked).toBe(6);
    expect(result.skipped).toBe(1);
  });

  it('finds what a strict client would reject', () => {
    const result = check(
      { body: '{"kind":"c"}' },
      { body: '{"kind":"a","extra":1}' },
      { status: 409, body: notFound },
      { status: 404, contentType: 'text/csv', length: 3 },
      { status: 404, body: JSON.stringify({ error: { code: 'FST_ERR_X', message: 'x' } }) },
      { status: 404, body: JSON.stringify({ error: { code: 'FORBIDDEN', message: 'x' } }) },
      { method: 'DELETE', status: 204, contentType: 'application/json', length: 4 },
      { method: 'PUT', status: 405, body: notFound },
      { method: 'PUT', status: 404, body: notFound, allow: 'GET' },
      { url: '/api/v1/nothing', status: 200, body: '{}' },
    );
    expect(result.mismatches).toHaveLength(12);
    expect(result.mismatches.join('\n')).toMatch(/FST_ERR_X is not in the catalogue/);
    expect(result.mismatches.join('\n')).toMatch(/FORBIDDEN is a 403/);
    expect(result.mismatches.join('\n')).toMatch(/405 without an Allow header/);
  });
});
