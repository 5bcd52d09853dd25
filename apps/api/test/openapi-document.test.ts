// The OpenAPI document as an integrator's tools read it: every operation named (operationId,
// unique, stable), tagged with declared tags, its security stated (and true: a secured operation
// answers 401 without a token, a public one does not), errors as JSON, nullable enums that list
// null. What each response looks like is checked against it by the conformance run
// (test/conformance), on every response of the API tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/errors.js';
import { operationIds } from '../src/plugins/operation-ids.js';
import { withErrorCodes } from '../support/error-codes-doc.js';
import { createTestApp, type TestApp } from './helpers/app.js';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Doc {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let t: TestApp;
let doc: Doc;
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.http().get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body as Doc;
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) operations.push({ method, path: p, op });
  }
});
afterAll(async () => t?.closeAll());

const secured = (op: Operation) => (op.security ?? []).some((s) => 'bearerAuth' in s);

describe('the OpenAPI document', () => {
  it('names every operation, once, as plugins/operation-ids.ts says', () => {
    const missing = operations.filter((o) => !o.op.operationId);
    expect(missing.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    // No stale names: every entry of the map is a route.
    const keys = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    expect(Object.keys(operationIds).filter((k) => !keys.has(k))).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it('declares its servers and every tag it uses, with a description', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const declared = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description]));
    const used = new Set(operations.flatMap((o) => o.op.tags ?? []));
    for (const tag of used) expect(declared.get(tag), tag).toBeTruthy();
    expect([...declared.keys()].filter((tag) => !used.has(tag))).toEqual([]);
  });

  it('states security on every operation: 401 documented where a token is needed', () => {
    for (const { method, path: p, op } of operations) {
      const where = `${method} ${p}`;
      expect(op.security, where).toBeDefined();
      if (secured(op)) expect(op.responses, where).toHaveProperty('401');
      else expect(op.security, where).toEqual([]);
    }
    const publicOnes = operations.filter((o) => !secured(o.op)).map((o) => o.op.operationId);
    expect(publicOnes.sort()).toEqual(
      [
        'getHealth',
        'getReadiness',
        'login',
        'refreshSession',
        'listDemoAccounts',
        'getPublicScorecard',
        'getUnsubscribePage',
        'unsubscribe',
      ].sort(),
    );
  });

  it('tells the truth about security: without a token, 401 exactly where documented', async () => {
    const wrong: string[] = [];
    for (const { method, path: p, op } of operations) {
      const url = p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http()[method as 'get'](url).set('sec-fetch-site', 'same-origin');
      if ((res.status === 401) !== secured(op)) wrong.push(`${method} ${p} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('documents the statuses the framework answers before any route logic', () => {
    for (const { method, path: p, op } of operations) {
      const where = `${method} ${p}`;
      const statuses = Object.keys(op.responses);
      if (['post', 'put', 'patch', 'delete'].includes(method)) {
        expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '415']));
      }
      if (op.parameters?.length) expect(statuses, where).toContain('400');
      if (p.includes('{')) expect(statuses, where).toContain('414');
      expect(statuses, where).toContain('default');
    }
  });

  it('sends every error as JSON, and no body with a 204', () => {
    for (const { method, path: p, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        const where = `${method} ${p} ${status}`;
        if (status === '204') expect(response.content, where).toBeUndefined();
        if (status === 'default' || Number(status) >= 400) {
          expect(Object.keys(response.content ?? {}), where).toContain('application/json');
        }
      }
    }
    const csv = doc.paths['/api/v1/exports/observations.csv']?.get;
    expect(Object.keys(csv?.responses['200']?.content ?? {})).toEqual(['text/csv']);
    expect(Object.keys(csv?.responses['400']?.content ?? {})).toEqual(['application/json']);
  });

  it('lists null among the values of every nullable enum, as OpenAPI 3.0 requires', () => {
    const bad: string[] = [];
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${at}/${i}`);
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const s = value as Record<string, unknown>;
      if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)) bad.push(at);
      for (const [k, v] of Object.entries(s)) if (k !== 'enum') walk(v, `${at}/${k}`);
    };
    walk(doc, '#');
    expect(bad).toEqual([]);
    const me = doc.paths['/api/v1/me']?.get?.responses['200']?.content?.['application/json'];
    expect(JSON.stringify(me)).toContain('"enum":["organization","table",null]');
  });

  it('pages lists without a made-up total', () => {
    const list = doc.paths['/api/v1/tables']?.get?.responses['200']?.content?.['application/json'];
    expect(JSON.stringify(list)).toContain('"nextOffset"');
    expect(JSON.stringify(list)).not.toContain('"total"');
  });
});

describe('the error catalogue', () => {
  it('gives each code one class and one status', () => {
    const codes = errorCatalogue.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of errorCatalogue) {
      expect(d.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(d.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('is what docs/api.md lists (pnpm docs:errors writes it)', () => {
    const file = path.join(import.meta.dirname, '..', '..', '..', 'docs', 'api.md');
    const text = readFileSync(file, 'utf8');
    expect(withErrorCodes(text), 'docs/api.md is out of date: run pnpm docs:errors').toBe(text);
  });
});
