import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, (app) => {
    // A route that fails the way a bug would, to see what the client is told.
    app.get('/api/v1/test-crash', async () => {
      throw new Error('connection to 10.0.0.5 failed: password authentication for "secret"');
    });
    // What PostgreSQL raises when it breaks a deadlock, as it would reach the error handler
    // once inTransaction has run the use case three times.
    app.get('/api/v1/test-deadlock', async () => {
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
  });
});
afterAll(async () => t.closeAll());

describe('the HTTP shell', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.http().get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('lists the auth routes with their schemas in the OpenAPI document', async () => {
    const res = await t.http().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual([
      'email',
      'password',
    ]);
    expect(login.responses['200'].content['application/json'].schema.properties).toHaveProperty(
      'token',
    );
    expect(doc.paths['/api/v1/auth/logout'].post.responses).toHaveProperty('204');
    expect(doc.paths['/api/v1/me'].get.responses['200']).toBeDefined();
  });

  it('renders Swagger UI at /docs', async () => {
    const res = await t.http().get('/docs/').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.http().get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it("answers the router's own refusals in the usual error shape", async () => {
    const badUrl = await t.http().get('/api/v1/organizations/%E0%A4%A');
    expect(badUrl.status).toBe(400);
    expect(badUrl.body).toEqual({
      error: { code: 'BAD_REQUEST', message: 'The URL is not well-formed' },
    });
    const longParam = await t.http().get(`/api/v1/organizations/${'a'.repeat(200)}`);
    expect(longParam.status).toBe(414);
    expect(longParam.body).toEqual({
      error: { code: 'URI_TOO_LONG', message: 'A path parameter is too long' },
    });
  });

  it('answers a race the database kept losing as 503 with Retry-After', async () => {
    const res = await t.http().get('/api/v1/test-deadlock');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.error.code).toBe('TRY_AGAIN');
  });

  it('never leaks the text of an unexpected error', async () => {
    const res = await t.http().get('/api/v1/test-crash');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    expect(res.text).not.toMatch(/secret|10\.0\.0\.5/);
  });

  it('sends security headers and a request id, echoing a well-formed one', async () => {
    const res = await t.http().get('/healthz').set('x-request-id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const odd = await t.http().get('/healthz').set('x-request-id', 'bad id with spaces');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes an audit event with actor and request id in the same transaction as a write', async () => {
    const admin = await makeUser(t.db, [{ role: 'admin' }]);
    const auth = await t.login(admin.email, admin.password);
    const res = await t
      .http()
      .post('/api/v1/organizations')
      .set('authorization', auth)
      .set('x-request-id', 'req-org-create')
      .send({ code: 'AUD1', name: 'Audited', kind: 'funder' });
    expect(res.status).toBe(201);
    const audit = await t
      .http()
      .get(`/api/v1/audit?entity=organization&entityId=${res.body.id}`)
      .set('authorization', auth);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actorId: admin.id,
      action: 'organization.create',
      entityId: res.body.id,
      requestId: 'req-org-create',
      before: null,
      after: { code: 'AUD1', name: 'Audited', kind: 'funder' },
    });
  });
});
