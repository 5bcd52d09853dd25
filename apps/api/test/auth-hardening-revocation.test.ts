// Authentication hardening (issue #11, item 4), continued from auth-hardening.test.ts: logout,
// password change, reset and disabling end a user's sessions; login back-off is kept in the
// database.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { makeUser } from '../support/factories.js';
import {
  address,
  auditActions,
  type Cookie,
  meStatus,
  refresh,
  refreshCookie,
  setUpAuthHardening,
  signIn,
  t,
} from './auth-hardening-setup.js';
import { TEST_JWT_SECRET } from './helpers/app.js';

setUpAuthHardening();

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
