// Authentication hardening (issue #11, item 4): short-lived access tokens with the algorithm
// pinned, rotating refresh tokens in a secure cookie with reuse detection, revocation on logout,
// password change, reset and disabling, login back-off kept in the database, and the password
// policy. Enumeration (answers and timing) and CORS are in their own files.
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { checkPassword } from '../src/auth/password-policy.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-content.js';
import { makeUser, PASSWORD } from '../support/factories.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.js';

const SLIDING = 3600;
const ABSOLUTE = 7200;

let t: TestApp;
let nextAddress = 1;
/** Each test signs in from its own address (TRUST_PROXY), so address limits stay apart. */
function address(): string {
  nextAddress += 1;
  return `198.51.100.${nextAddress}`;
}

beforeAll(async () => {
  t = await createTestApp({
    TRUST_PROXY: 'true',
    REFRESH_SLIDING_SECONDS: String(SLIDING),
    REFRESH_ABSOLUTE_SECONDS: String(ABSOLUTE),
    LOGIN_MAX_FAILURES: '1000',
    LOGIN_BACKOFF_AFTER: '3',
    LOGIN_BACKOFF_MAX_SECONDS: '4',
  });
});
afterAll(async () => t.closeAll());

interface Cookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
  raw: string;
}

function cookiesOf(res: supertest.Response): Cookie[] {
  const header = res.headers['set-cookie'] as unknown;
  const list = Array.isArray(header) ? (header as string[]) : header ? [String(header)] : [];
  return list.map((raw) => {
    const [pair = '', ...attrs] = raw.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const a of attrs) {
      const i = a.indexOf('=');
      if (i === -1) attributes[a.toLowerCase()] = true;
      else attributes[a.slice(0, i).toLowerCase()] = a.slice(i + 1);
    }
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes, raw };
  });
}

function refreshCookie(res: supertest.Response): Cookie | undefined {
  return cookiesOf(res).find((c) => c.name === 'rba_refresh');
}

async function signIn(email: string, password: string, ip = address()) {
  const res = await t
    .http()
    .post('/api/v1/auth/login')
    .set('x-forwarded-for', ip)
    .send({ email, password });
  expect(res.status, res.text).toBe(200);
  const cookie = refreshCookie(res);
  if (!cookie) throw new Error('login set no refresh cookie');
  return { bearer: `Bearer ${res.body.token as string}`, cookie: cookie.value, res };
}

function refresh(cookie: string | undefined, headers: Record<string, string> = {}) {
  let req = t.http().post('/api/v1/auth/refresh');
  if (cookie !== undefined) req = req.set('cookie', `rba_refresh=${cookie}`);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req;
}

async function meStatus(bearer: string): Promise<number> {
  return (await t.http().get('/api/v1/me').set('authorization', bearer)).status;
}

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

function signJwt(header: object, payload: object, secret: string, hmac = 'sha256'): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const sig = createHmac(hmac, secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${sig}`;
}

async function auditActions(userId: string): Promise<{ action: string; after: unknown }[]> {
  const rows = await t.db
    .selectFrom('audit_events')
    .select(['action', 'after'])
    .where('entity_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
  }));
}

describe('access tokens', () => {
  it('live 15 minutes by default, and TOKEN_TTL_SECONDS still sets them', () => {
    const base = { DATA_DIR: '/tmp/x', JWT_SECRET: TEST_JWT_SECRET };
    expect(loadConfig(base).tokenTtlSeconds).toBe(900);
    expect(loadConfig({ ...base, TOKEN_TTL_SECONDS: '300' }).tokenTtlSeconds).toBe(300);
  });

  it('are HS256 tokens that expire after the configured lifetime', async () => {
    const user = await makeUser(t.db);
    const { res } = await signIn(user.email, user.password);
    const [header, payload] = (res.body.token as string).split('.');
    expect(decodePart(header)).toMatchObject({ alg: 'HS256' });
    const claims = decodePart(payload) as { iat: number; exp: number; sub: string };
    expect(claims.sub).toBe(user.id);
    expect(claims.exp - claims.iat).toBe(900);
    const expiresAt = Date.parse(res.body.expiresAt as string);
    expect(Math.abs(expiresAt - (Date.now() + 900_000))).toBeLessThan(10_000);
  });

  it('refuses tokens signed with none, another algorithm, another secret, or expired', async () => {
    const user = await makeUser(t.db);
    await signIn(user.email, user.password);
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: user.id, tv: 0, iat: now, exp: now + 600 };
    // The same claims correctly signed pass: the refusals below are about the signature only.
    const good = signJwt({ alg: 'HS256', typ: 'JWT' }, claims, TEST_JWT_SECRET);
    expect(await meStatus(`Bearer ${good}`)).toBe(200);
    const h = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const forged = {
      none: `${h({ alg: 'none', typ: 'JWT' })}.${h(claims)}.`,
      noneWithSignature: `${h({ alg: 'none', typ: 'JWT' })}.${h(claims)}.${good.split('.')[2]}`,
      hs512: signJwt({ alg: 'HS512', typ: 'JWT' }, claims, TEST_JWT_SECRET, 'sha512'),
      hs384: signJwt({ alg: 'HS384', typ: 'JWT' }, claims, TEST_JWT_SECRET, 'sha384'),
      otherSecret: signJwt({ alg: 'HS256', typ: 'JWT' }, claims, `${TEST_JWT_SECRET}-other`),
      rs256Header: signJwt({ alg: 'RS256', typ: 'JWT' }, claims, TEST_JWT_SECRET),
      expired: signJwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, iat: now - 1000, exp: now - 10 },
        TEST_JWT_SECRET,
      ),
    };
    for (const [what, token] of Object.entries(forged)) {
      const res = await t.http().get('/api/v1/me').set('authorization', `Bearer ${token}`);
      expect(res.status, what).toBe(401);
      expect(res.body.error.code, what).toBe('UNAUTHORIZED');
    }
  });
});

describe('the refresh cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, limited to the auth routes, with the sliding Max-Age', async () => {
    const user = await makeUser(t.db);
    const { res, cookie } = await signIn(user.email, user.password);
    const c = refreshCookie(res) as Cookie;
    expect(c.attributes).toEqual({
      'max-age': String(SLIDING),
      path: '/api/v1/auth',
      httponly: true,
      secure: true,
      samesite: 'Strict',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    // Opaque and random (32 bytes), and only its hash is stored.
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(cookie).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(cookie);
  });

  it('rotates on refresh: the answer has the login shape, the new cookie works, the old one is spent', async () => {
    const user = await makeUser(t.db, [], { name: 'Rotating Person' });
    const first = await signIn(user.email, user.password);
    const res = await refresh(first.cookie);
    expect(res.status, res.text).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'token', 'user']);
    expect(res.body.user).toMatchObject({ id: user.id, name: 'Rotating Person' });
    expect(await meStatus(`Bearer ${res.body.token}`)).toBe(200);
    const second = refreshCookie(res) as Cookie;
    expect(second.value).not.toBe(first.cookie);
    expect(second.attributes).toMatchObject({ httponly: true, secure: true, samesite: 'Strict' });
    const rows = await t.db
      .selectFrom('refresh_tokens')
      .select(['family_id', 'used_at', 'replaced_by', 'id'])
      .where('user_id', '=', user.id)
      .orderBy('created_at')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows[0]?.family_id).toBe(rows[1]?.family_id);
    expect(rows[0]?.used_at).not.toBeNull();
    expect(rows[0]?.replaced_by).toBe(rows[1]?.id);
    // The rotated cookie rotates again.
    expect((await refresh(second.value)).status).toBe(200);
  });

  it('answers 204 without a cookie (no session), 401 with an unknown one, and has the browser drop a refused one', async () => {
    const none = await refresh(undefined);
    expect(none.status).toBe(204);
    expect(none.text).toBe('');
    expect(refreshCookie(none)).toBeUndefined();
    const unknown = await refresh('not-a-token-we-issued');
    expect(unknown.status).toBe(401);
    const dropped = refreshCookie(unknown) as Cookie;
    expect(dropped.value).toBe('');
    expect(dropped.attributes.path).toBe('/api/v1/auth');
    expect(Date.parse(String(dropped.attributes.expires))).toBeLessThan(Date.now());
  });

  it('lets two tabs refresh at once with the same cookie: both get a token, one rotates', async () => {
    const user = await makeUser(t.db);
    const { cookie } = await signIn(user.email, user.password);
    const [a, b] = await Promise.all([refresh(cookie), refresh(cookie)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const rotated = [a, b].map(refreshCookie).filter((c) => c !== undefined);
    expect(rotated).toHaveLength(1);
    expect(await meStatus(`Bearer ${a.body.token}`)).toBe(200);
    expect(await meStatus(`Bearer ${b.body.token}`)).toBe(200);
    // Nothing was revoked: the rotated cookie goes on working.
    expect((await refresh((rotated[0] as Cookie).value)).status).toBe(200);
  });

  it('treats a spent token presented after the grace period as theft: the family and access tokens die, audited', async () => {
    const user = await makeUser(t.db);
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password);
    const rotated = await refresh(laptop.cookie);
    const fresh = refreshCookie(rotated) as Cookie;
    const freshBearer = `Bearer ${rotated.body.token}`;
    // Age the rotation beyond the grace period (10 s by default).
    await sql`update refresh_tokens set used_at = used_at - interval '1 minute' where user_id = ${user.id}`.execute(
      t.db,
    );
    const replay = await refresh(laptop.cookie);
    expect(replay.status).toBe(401);
    // The whole family is revoked, the legitimate newest cookie included ...
    expect((await refresh(fresh.value)).status).toBe(401);
    // ... every access token of the user dies ...
    expect(await meStatus(freshBearer)).toBe(401);
    expect(await meStatus(phone.bearer)).toBe(401);
    // ... but another device's own family still refreshes (its new access token works).
    const phoneAgain = await refresh(phone.cookie);
    expect(phoneAgain.status).toBe(200);
    expect(await meStatus(`Bearer ${phoneAgain.body.token}`)).toBe(200);
    const events = await auditActions(user.id);
    const reuse = events.filter((e) => e.action === 'auth.refresh_reuse');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]?.after).toMatchObject({ revokedTokens: 2 });
  });

  it('ends after the sliding (idle) lifetime and after the absolute lifetime', async () => {
    const user = await makeUser(t.db);
    const idle = await signIn(user.email, user.password);
    await sql`update refresh_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`.execute(
      t.db,
    );
    expect((await refresh(idle.cookie)).status).toBe(401);

    const old = await signIn(user.email, user.password);
    await sql`update refresh_tokens set family_expires_at = now() - interval '1 second' where user_id = ${user.id} and revoked_at is null and used_at is null and expires_at > now()`.execute(
      t.db,
    );
    expect((await refresh(old.cookie)).status).toBe(401);

    // Sliding renewals never reach past the family's absolute end.
    const capped = await signIn(user.email, user.password);
    await sql`update refresh_tokens set family_expires_at = now() + interval '30 seconds' where user_id = ${user.id} and family_expires_at > now()`.execute(
      t.db,
    );
    const res = await refresh(capped.cookie);
    expect(res.status).toBe(200);
    const maxAge = Number((refreshCookie(res) as Cookie).attributes['max-age']);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(30);
  });

  it('reads the sliding and absolute lifetimes and the grace from the configuration', () => {
    const base = { DATA_DIR: '/tmp/x', JWT_SECRET: TEST_JWT_SECRET };
    expect(loadConfig(base).refresh).toEqual({
      slidingSeconds: 86_400,
      absoluteSeconds: 604_800,
      graceSeconds: 10,
    });
    expect(
      loadConfig({
        ...base,
        REFRESH_SLIDING_SECONDS: '600',
        REFRESH_ABSOLUTE_SECONDS: '3600',
        REFRESH_GRACE_SECONDS: '0',
      }).refresh,
    ).toEqual({ slidingSeconds: 600, absoluteSeconds: 3600, graceSeconds: 0 });
    // A sliding lifetime longer than the absolute one is cut to it.
    expect(
      loadConfig({ ...base, REFRESH_SLIDING_SECONDS: '7200', REFRESH_ABSOLUTE_SECONDS: '3600' })
        .refresh.slidingSeconds,
    ).toBe(3600);
  });

  it('refuses a refresh from another origin or site, without spending the cookie', async () => {
    const user = await makeUser(t.db);
    const { cookie } = await signIn(user.email, user.password);
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of refused) {
      const res = await refresh(cookie, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error.code).toBe('CROSS_ORIGIN_REFUSED');
    }
    const spent = await t.db
      .selectFrom('refresh_tokens')
      .select('used_at')
      .where('user_id', '=', user.id)
      .execute();
    expect(spent.map((r) => r.used_at)).toEqual([null]);
    // The application's own pages: Sec-Fetch-Site same-origin, or an Origin that is this host.
    const own = await refresh(cookie, { 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    const next = (refreshCookie(own) as Cookie).value;
    // Behind a proxy (TRUST_PROXY), this host's origin is the one the browser sees.
    const behindProxy = { host: 'scorecards.example.org', 'x-forwarded-proto': 'https' };
    const downgraded = await refresh(next, {
      ...behindProxy,
      origin: 'http://scorecards.example.org',
    });
    expect(downgraded.status).toBe(403);
    const sameOrigin = await refresh(next, {
      ...behindProxy,
      origin: 'https://scorecards.example.org',
    });
    expect(sameOrigin.status, sameOrigin.text).toBe(200);
  });
});

describe('revocation', () => {
  it('logout ends every access token and every refresh token of the user, clears the cookie, and is audited', async () => {
    const user = await makeUser(t.db);
    const a = await signIn(user.email, user.password);
    const b = await signIn(user.email, user.password);
    const out = await t.http().post('/api/v1/auth/logout').set('authorization', a.bearer);
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out) as Cookie;
    expect(cleared.value).toBe('');
    expect(cleared.attributes.path).toBe('/api/v1/auth');
    expect(await meStatus(a.bearer)).toBe(401);
    expect(await meStatus(b.bearer)).toBe(401);
    expect((await refresh(a.cookie)).status).toBe(401);
    expect((await refresh(b.cookie)).status).toBe(401);
    const logoutEvent = (await auditActions(user.id)).find((e) => e.action === 'auth.logout');
    expect(logoutEvent?.after).toMatchObject({ revokedSessions: 2 });
  });

  it('changing one’s own password needs the current one, ends every other session and starts a new one', async () => {
    const user = await makeUser(t.db);
    const here = await signIn(user.email, user.password);
    const elsewhere = await signIn(user.email, user.password);
    const change = (body: object) =>
      t
        .http()
        .post('/api/v1/auth/password')
        .set('authorization', here.bearer)
        .set('x-forwarded-for', address())
        .send(body);

    const wrong = await change({
      currentPassword: 'not-my-password-at-all',
      newPassword: 'a-brand-new-passphrase',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const weak = await change({ currentPassword: user.password, newPassword: 'Qwerty123456' });
    expect(weak.status).toBe(422);
    expect(weak.body.error).toMatchObject({ code: 'WEAK_PASSWORD', details: { rule: 'common' } });
    // Refused changes changed nothing.
    expect(await meStatus(here.bearer)).toBe(200);

    const ok = await change({
      currentPassword: user.password,
      newPassword: 'a-brand-new-passphrase',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.user.id).toBe(user.id);
    expect(refreshCookie(ok)).toBeDefined();
    expect(await meStatus(`Bearer ${ok.body.token}`)).toBe(200);
    expect((await refresh((refreshCookie(ok) as Cookie).value)).status).toBe(200);
    for (const old of [here, elsewhere]) {
      expect(await meStatus(old.bearer)).toBe(401);
      expect((await refresh(old.cookie)).status).toBe(401);
    }
    const login = (password: string) =>
      t
        .http()
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', address())
        .send({ email: user.email, password });
    expect((await login(user.password)).status).toBe(401);
    expect((await login('a-brand-new-passphrase')).status).toBe(200);
    const events = await auditActions(user.id);
    const changed = events.find((e) => e.action === 'user.password_change');
    expect(changed?.after).toMatchObject({ revokedSessions: 2 });
    // The audit trail holds neither password nor hash.
    const all = JSON.stringify(events);
    expect(all).not.toContain('a-brand-new-passphrase');
    expect(all).not.toContain('$argon2');
  });

  it('an admin’s reset of a password ends every session of that user; only admins may, and not on themselves', async () => {
    const admin = await makeUser(t.db, [{ role: 'admin' }]);
    const other = await makeUser(t.db);
    const adminSession = await signIn(admin.email, admin.password);
    const victim = await signIn(other.email, other.password);
    const reset = (bearer: string, id: string, password: string) =>
      t.http().post(`/api/v1/users/${id}/password`).set('authorization', bearer).send({ password });

    const byNonAdmin = await reset(victim.bearer, admin.id, 'taking-over-the-admin');
    expect(byNonAdmin.status).toBe(403);
    const self = await reset(adminSession.bearer, admin.id, 'my-own-new-passphrase');
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('USE_OWN_PASSWORD_ROUTE');
    const weak = await reset(
      adminSession.bearer,
      other.id,
      `${other.email.split('@')[0] ?? ''}-with-more`,
    );
    expect(weak.status).toBe(422);
    expect(weak.body.error.details).toEqual({ rule: 'contains_email' });
    expect(await meStatus(victim.bearer)).toBe(200);

    const ok = await reset(adminSession.bearer, other.id, 'set-by-the-administrator');
    expect(ok.status).toBe(204);
    expect(await meStatus(victim.bearer)).toBe(401);
    expect((await refresh(victim.cookie)).status).toBe(401);
    expect(await meStatus(adminSession.bearer)).toBe(200);
    await signIn(other.email, 'set-by-the-administrator');
    const event = (await auditActions(other.id)).find((e) => e.action === 'user.password_reset');
    expect(event?.after).toMatchObject({ revokedSessions: 1 });
  });

  it('disabling a user ends their access and refresh tokens', async () => {
    const admin = await makeUser(t.db, [{ role: 'admin' }]);
    const user = await makeUser(t.db);
    const adminSession = await signIn(admin.email, admin.password);
    const session = await signIn(user.email, user.password);
    const res = await t
      .http()
      .patch(`/api/v1/users/${user.id}`)
      .set('authorization', adminSession.bearer)
      .send({ disabled: true });
    expect(res.status).toBe(200);
    expect(await meStatus(session.bearer)).toBe(401);
    expect((await refresh(session.cookie)).status).toBe(401);
    const rows = await t.db
      .selectFrom('refresh_tokens')
      .select(['revoked_at', 'revoked_reason'])
      .where('user_id', '=', user.id)
      .execute();
    expect(rows.map((r) => r.revoked_reason)).toEqual(['disabled']);
  });
});

describe('login back-off', () => {
  const attempt = (email: string, password: string, ip: string) =>
    t.http().post('/api/v1/auth/login').set('x-forwarded-for', ip).send({ email, password });
  const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

  it('locks an account for a growing delay after repeated failures, then a success resets it', async () => {
    const user = await makeUser(t.db);
    // Three free failures (LOGIN_BACKOFF_AFTER=3), each from a new address.
    for (let i = 0; i < 2; i++)
      expect((await attempt(user.email, 'wrong-one', address())).status).toBe(401);
    expect((await attempt(user.email, 'wrong-one', address())).status).toBe(401);
    // The third failure started a 1 s lock: even the right password waits, from any address.
    const locked = await attempt(user.email, user.password, address());
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBe(1);
    await sleep(1.1);
    // The fourth failure doubles it.
    expect((await attempt(user.email, 'wrong-one', address())).status).toBe(401);
    const longer = await attempt(user.email, user.password, address());
    expect(longer.status).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(2);
    await sleep(2.1);
    expect((await attempt(user.email, user.password, address())).status).toBe(200);
    // The success reset the account's streak: the next failure is free again.
    expect((await attempt(user.email, 'wrong-one', address())).status).toBe(401);
    expect((await attempt(user.email, user.password, address())).status).toBe(200);
  });

  it('caps the delay at LOGIN_BACKOFF_MAX_SECONDS', async () => {
    const email = `capped-${Date.now()}@example.org`;
    await t.db
      .insertInto('rate_limits')
      .values({ key: `backoff:email:${email}`, window_start: new Date(), count: 40 })
      .execute();
    const res = await attempt(email, 'whatever-it-is', address());
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBe(4);
  });

  it('locks unknown emails exactly like known ones', async () => {
    const email = `nobody-${Date.now()}@example.org`;
    for (let i = 0; i < 3; i++)
      expect((await attempt(email, 'wrong-one', address())).status).toBe(401);
    const res = await attempt(email, 'wrong-one', address());
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });

  it('locks an address guessing at many accounts (five times the account allowance)', async () => {
    const ip = address();
    for (let i = 0; i < 15; i++) {
      const res = await attempt(`spray-${i}-${Date.now()}@example.org`, 'Spring2026!!', ip);
      expect(res.status).toBe(401);
    }
    const user = await makeUser(t.db);
    const blocked = await attempt(user.email, user.password, ip);
    expect(blocked.status).toBe(429);
    // Another address is not affected.
    expect((await attempt(user.email, user.password, address())).status).toBe(200);
  });

  it('is kept in the database, so another API process over it sees the same lock', async () => {
    const user = await makeUser(t.db);
    for (let i = 0; i < 3; i++) await attempt(user.email, 'wrong-one', address());
    const second = await buildApp({
      config: t.config,
      db: t.db,
      engine: t.engine,
      jwtSecret: TEST_JWT_SECRET,
    });
    try {
      await second.ready();
      const res = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});

describe('the password policy', () => {
  it('accepts the demo and test passwords', () => {
    for (const email of ['coordinator@northshire.example', 'editor.ywh@northshire.example']) {
      expect(checkPassword(DEMO_PASSWORD, email)).toBeUndefined();
    }
    expect(checkPassword(PASSWORD, 'user-abc123@example.org')).toBeUndefined();
  });

  it('names the rule a password breaks', () => {
    expect(checkPassword('elevenchars')?.rule).toBe('too_short');
    expect(checkPassword('x'.repeat(257))?.rule).toBe('too_long');
    expect(checkPassword('😀'.repeat(12))).toBeUndefined();
    expect(checkPassword('qwerty123456')?.rule).toBe('common');
    expect(checkPassword('QwErTy123456')?.rule).toBe('common');
    expect(checkPassword('1qaz2wsx3edc')?.rule).toBe('common');
    expect(checkPassword('jordan.smith', 'Jordan.Smith@example.org')?.rule).toBe('contains_email');
    expect(checkPassword('my-JORDAN.SMITH-2026', 'jordan.smith@example.org')?.rule).toBe(
      'contains_email',
    );
  });

  it('applies when an admin creates a user, with 422 naming the rule', async () => {
    const admin = await makeUser(t.db, [{ role: 'admin' }]);
    const { bearer } = await signIn(admin.email, admin.password);
    const create = (email: string, password: string) =>
      t
        .http()
        .post('/api/v1/users')
        .set('authorization', bearer)
        .send({ email, name: 'Policy Person', password });
    const cases: [string, string, number, string | undefined][] = [
      ['p1@example.org', 'short-pass1', 400, undefined],
      ['p2@example.org', 'Qwerty123456', 422, 'common'],
      ['riley.morgan@example.org', 'Riley.Morgan-2026', 422, 'contains_email'],
      ['p4@example.org', 'y'.repeat(257), 422, 'too_long'],
      ['p5@example.org', 'y'.repeat(1025), 400, undefined],
    ];
    for (const [email, password, status, rule] of cases) {
      const res = await create(email, password);
      expect(res.status, `${email} ${password.slice(0, 20)}`).toBe(status);
      if (rule) {
        expect(res.body.error).toMatchObject({ code: 'WEAK_PASSWORD', details: { rule } });
        expect(res.body.error.message).toMatch(/password/i);
      }
    }
    const users = await t.db
      .selectFrom('users')
      .select('email')
      .where('name', '=', 'Policy Person')
      .execute();
    expect(users).toEqual([]);
    expect((await create('p6@example.org', 'correct horse battery staple')).status).toBe(201);
  });

  it('applies to ADMIN_PASSWORD at start-up, without printing it', () => {
    const base = {
      DATA_DIR: '/tmp/x',
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_EMAIL: 'boss@example.org',
    };
    for (const [password, rule] of [
      ['qwerty123456', /commonly used/],
      ['boss-password-2026', /email/],
      ['z'.repeat(300), /at most 256/],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ ...base, ADMIN_PASSWORD: password });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^ADMIN_PASSWORD: /);
      expect((error as Error).message).toMatch(rule);
      expect((error as Error).message).not.toContain(password);
    }
    expect(loadConfig({ ...base, ADMIN_PASSWORD: 'a-fine-admin-passphrase' }).admin?.email).toBe(
      'boss@example.org',
    );
  });
});
