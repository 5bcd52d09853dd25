// Authentication hardening (issue #11, item 4): short-lived access tokens with the algorithm
// pinned, rotating refresh tokens in a secure cookie with reuse detection, revocation on logout,
// password change, reset and disabling, login back-off kept in the database, and the password
// policy. Enumeration (answers and timing) and CORS are in their own files.
// Here: access tokens and the refresh cookie; revocation and login back-off are in
// auth-hardening-revocation.test.ts, the password policy in auth-hardening-passwords.test.ts.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { makeUser } from '../support/factories.js';
import {
  auditActions,
  type Cookie,
  decodePart,
  meStatus,
  refresh,
  refreshCookie,
  SLIDING,
  setUpAuthHardening,
  signIn,
  signJwt,
  t,
} from './auth-hardening-setup.js';
import { TEST_JWT_SECRET } from './helpers/app.js';

setUpAuthHardening();

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
