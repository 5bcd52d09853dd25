// CORS is closed by default: no Access-Control-Allow-* header for any origin, preflights refused.
// With CORS_ORIGINS, exactly those origins, and never with credentials (the refresh cookie is
// for the application's own pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { makeUser } from '../support/factories.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.js';

function corsHeaders(headers: Record<string, unknown>): string[] {
  return Object.keys(headers).filter((h) => h.startsWith('access-control-'));
}

describe('CORS closed (the default)', () => {
  let t: TestApp;
  let bearer: string;
  beforeAll(async () => {
    t = await createTestApp();
    const user = await makeUser(t.db);
    bearer = await t.login(user.email, user.password);
  });
  afterAll(async () => t.closeAll());

  it('sends no Access-Control-Allow-* header, whatever the origin', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:5173']) {
      for (const res of [
        await t.http().get('/healthz').set('origin', origin),
        await t.http().get('/api/v1/me').set('origin', origin).set('authorization', bearer),
        await t
          .http()
          .post('/api/v1/auth/login')
          .set('origin', origin)
          .send({ email: 'a@example.org', password: 'wrong-password-here' }),
      ]) {
        expect(corsHeaders(res.headers), origin).toEqual([]);
      }
    }
  });

  it('refuses preflights', async () => {
    for (const path of ['/api/v1/me', '/api/v1/auth/login', '/api/v1/auth/refresh']) {
      const res = await t
        .http()
        .options(path)
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization, content-type');
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(corsHeaders(res.headers), path).toEqual([]);
    }
  });
});

describe('CORS_ORIGINS set', () => {
  let t: TestApp;
  let bearer: string;
  const allowed = 'https://partner.example.org';
  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: `${allowed}, http://localhost:5173` });
    const user = await makeUser(t.db);
    bearer = await t.login(user.email, user.password);
  });
  afterAll(async () => t.closeAll());

  it('answers the preflight of a listed origin, and only for it', async () => {
    const preflight = (origin: string) =>
      t
        .http()
        .options('/api/v1/me')
        .set('origin', origin)
        .set('access-control-request-method', 'GET')
        .set('access-control-request-headers', 'authorization');
    const ok = await preflight(allowed);
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(allowed);
    expect(ok.headers['access-control-allow-methods']).toContain('GET');
    expect(ok.headers['access-control-allow-headers']).toContain('authorization');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await preflight('http://localhost:5173')).headers['access-control-allow-origin']).toBe(
      'http://localhost:5173',
    );
    // Exact origins: no other host, scheme, port or suffix trick.
    for (const origin of [
      'https://evil.example',
      'http://partner.example.org',
      'https://partner.example.org:8443',
      'https://partner.example.org.evil.example',
      'https://sub.partner.example.org',
      'null',
    ]) {
      const res = await preflight(origin);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });

  it('lets a listed origin read answers, with the request id exposed and no credentials', async () => {
    const res = await t
      .http()
      .get('/api/v1/me')
      .set('origin', allowed)
      .set('authorization', bearer);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(allowed);
    expect(res.headers['access-control-expose-headers']).toContain('x-request-id');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const other = await t
      .http()
      .get('/api/v1/me')
      .set('origin', 'https://evil.example')
      .set('authorization', bearer);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('takes only exact origins in CORS_ORIGINS', () => {
    const base = { DATA_DIR: '/tmp/x', JWT_SECRET: TEST_JWT_SECRET };
    expect(loadConfig(base).corsOrigins).toEqual([]);
    expect(
      loadConfig({ ...base, CORS_ORIGINS: ' https://a.example ,http://b.example:8080' })
        .corsOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080']);
    for (const bad of [
      '*',
      'https://a.example/',
      'https://a.example/path',
      'a.example',
      'ftp://a.example',
    ]) {
      expect(() => loadConfig({ ...base, CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
    }
  });
});
