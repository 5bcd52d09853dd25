import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '600' });
});
afterAll(async () => t.closeAll());

describe('POST /api/v1/auth/login', () => {
  it('returns a token and the user with their roles, matching email case-insensitively', async () => {
    const user = await makeUser(t.db, [{ role: 'admin' }], { email: 'Case.Person@Example.org' });
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'case.person@example.ORG', password: user.password });
    expect(res.status).toBe(200);
    expect(typeof res.body.token).toBe('string');
    expect(res.body.user).toEqual({
      id: user.id,
      email: 'Case.Person@Example.org',
      name: 'Test User',
      locale: 'en',
      roles: [{ role: 'admin', scopeType: null, scopeId: null }],
    });
  });

  it('answers 401 with the same body for a wrong password and for an unknown email', async () => {
    const user = await makeUser(t.db);
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'not-the-password' });
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody-here@example.org', password: 'whatever-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects a body with unknown fields with 400 and a clear message', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'a@example.org', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/admin/);
  });

  it('refuses with 429 and Retry-After after too many failures for one email, even with the right password', async () => {
    const user = await makeUser(t.db);
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const blocked = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/me and POST /api/v1/auth/logout', () => {
  it('returns the signed-in user', async () => {
    const user = await makeUser(t.db, [], { name: 'Mira Chen' });
    const auth = await t.login(user.email, user.password);
    const res = await t.http().get('/api/v1/me').set('authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: 'Mira Chen', roles: [] });
  });

  it('answers 401 without a token, and with a malformed or forged one', async () => {
    expect((await t.http().get('/api/v1/me')).status).toBe(401);
    expect((await t.http().get('/api/v1/me').set('authorization', 'Bearer nonsense')).status).toBe(
      401,
    );
    const forged = t.app.jwt.sign({ sub: '00000000-0000-4000-8000-000000000000', tv: 0 });
    const res = await t.http().get('/api/v1/me').set('authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a token signed with another algorithm', async () => {
    const user = await makeUser(t.db);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.id, tv: 0 })).toString('base64url')}.`;
    const res = await t.http().get('/api/v1/me').set('authorization', `Bearer ${none}`);
    expect(res.status).toBe(401);
  });

  it('revokes every token of the user at once on logout', async () => {
    const user = await makeUser(t.db);
    const first = await t.login(user.email, user.password);
    const second = await t.login(user.email, user.password);
    expect((await t.http().post('/api/v1/auth/logout').set('authorization', first)).status).toBe(
      204,
    );
    expect((await t.http().get('/api/v1/me').set('authorization', first)).status).toBe(401);
    expect((await t.http().get('/api/v1/me').set('authorization', second)).status).toBe(401);
    const again = await t.login(user.email, user.password);
    expect((await t.http().get('/api/v1/me').set('authorization', again)).status).toBe(200);
  });
});
