// Authentication hardening (issue #11, item 4), continued from auth-hardening.test.ts: the
// password policy, for users an admin creates and for ADMIN_PASSWORD at start-up.
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../src/auth/password-policy.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-content.js';
import { makeUser, PASSWORD } from '../support/factories.js';
import { setUpAuthHardening, signIn, t } from './auth-hardening-setup.js';
import { TEST_JWT_SECRET } from './helpers/app.js';

setUpAuthHardening();

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
