// What the framework refuses before any route runs, in our own codes: a method the path does not
// have (405 with Allow), a body of another type (415), too large (413), not JSON (400
// INVALID_JSON), a malformed id (400). No FST_* code and no database message reaches a client.

import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/errors.js';
import { clientErrorReply } from '../src/plugins/error-handler.js';
import { makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let auth: string;
const codes = new Set(errorCatalogue.map((d) => d.code));

beforeAll(async () => {
  t = await createTestApp({}, (app) => {
    // What PostgreSQL raises for a check constraint a service did not foresee.
    app.get('/api/v1/test-check-violation', async () => {
      throw Object.assign(
        new Error('new row for relation "observations" violates check constraint "secret_rule"'),
        { code: '23514', constraint: 'secret_rule' },
      );
    });
  });
  const user = await makeUser(t.db, [{ role: 'admin' }]);
  auth = await t.login(user.email, user.password);
});
afterAll(async () => t?.closeAll());

function expectError(
  res: { status: number; body: unknown; type: string },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(codes.has(code)).toBe(true);
}

describe('a method the path does not have', () => {
  it('answers 405 METHOD_NOT_ALLOWED with Allow, not 404', async () => {
    const me = await t.http().delete('/api/v1/me').set('authorization', auth);
    expectError(me, 405, 'METHOD_NOT_ALLOWED');
    expect(me.headers.allow).toBe('GET, HEAD, PATCH');

    const login = await t.http().get('/api/v1/auth/login');
    expectError(login, 405, 'METHOD_NOT_ALLOWED');
    expect(login.headers.allow).toBe('POST');

    const table = await t.http().put('/api/v1/tables/00000000-0000-4000-8000-000000000000');
    expectError(table, 405, 'METHOD_NOT_ALLOWED');
    expect(table.headers.allow).toBe('DELETE, GET, HEAD, PATCH');

    const health = await t.http().post('/healthz');
    expectError(health, 405, 'METHOD_NOT_ALLOWED');
    expect(health.headers.allow).toBe('GET, HEAD');
  });

  it('still answers 404 for a path that does not exist', async () => {
    const res = await t.http().delete('/api/v1/nothing-here');
    expectError(res, 404, 'NOT_FOUND');
    expect(res.headers.allow).toBeUndefined();
  });
});

describe('bodies the framework cannot read', () => {
  const login = () => t.http().post('/api/v1/auth/login');

  it('answers another content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    expectError(
      await login().set('content-type', 'application/xml').send('<login/>'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await t
        .http()
        .patch('/api/v1/me')
        .set('authorization', auth)
        .set('content-type', 'application/xml')
        .send('<me/>'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024) });
    expectError(
      await login().set('content-type', 'application/json').send(big),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers malformed or empty JSON with 400 INVALID_JSON, without the parser’s text', async () => {
    const malformed = await login().set('content-type', 'application/json').send('{"email": ');
    expectError(malformed, 400, 'INVALID_JSON');
    expect(malformed.body.error.message).toBe('The body is not valid JSON');
    expectError(
      await login().set('content-type', 'application/json').send(''),
      400,
      'INVALID_JSON',
    );
    const poisoned = await login()
      .set('content-type', 'application/json')
      .send('{"__proto__": {"admin": true}, "email": "a@b.c", "password": "x"}');
    expectError(poisoned, 400, 'INVALID_JSON');
  });

  it('answers a malformed id with 400 VALIDATION_ERROR', async () => {
    const res = await t.http().get('/api/v1/tables/not-a-uuid').set('authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});

describe('the database’s refusals', () => {
  it('never echo the database’s own message', async () => {
    const res = await t.http().get('/api/v1/test-check-violation');
    expectError(res, 422, 'CONSTRAINT_VIOLATION');
    expect(res.text).not.toMatch(/secret_rule|observations|relation/);
  });
});

describe('what the HTTP server refuses before any route', () => {
  function refuse(code: string) {
    let written = '';
    let destroyed = false;
    const socket = {
      destroyed: false,
      writable: true,
      write: (text: string) => {
        written += text;
        return true;
      },
      destroy: () => {
        destroyed = true;
      },
    } as unknown as Socket;
    clientErrorReply(Object.assign(new Error(code), { code }), socket);
    const [head = '', body = ''] = written.split('\r\n\r\n');
    return { head, body: JSON.parse(body) as unknown, destroyed };
  }

  it('answers in the usual error shape, with a code of the catalogue', () => {
    const big = refuse('HPE_HEADER_OVERFLOW');
    expect(big.head).toMatch(/^HTTP\/1\.1 431 /);
    expect(big.head).toMatch(/Content-Type: application\/json/);
    expect(big.body).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } });
    expect(big.destroyed).toBe(true);
    expect(refuse('ERR_HTTP_REQUEST_TIMEOUT').body).toMatchObject({
      error: { code: 'REQUEST_TIMEOUT' },
    });
    expect(refuse('HPE_INVALID_METHOD').body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
