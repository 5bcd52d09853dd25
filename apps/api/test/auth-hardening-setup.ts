// What the authentication-hardening tests share: an app with short refresh lifetimes, quick
// login back-off and trusted proxy addresses, and helpers to sign in, refresh, read cookies,
// sign tokens by hand and read a user's audit trail.
import { createHmac } from 'node:crypto';
import type supertest from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';

export const SLIDING = 3600;
export const ABSOLUTE = 7200;

export let t: TestApp;
let nextAddress = 1;
/** Each test signs in from its own address (TRUST_PROXY), so address limits stay apart. */
export function address(): string {
  nextAddress += 1;
  return `198.51.100.${nextAddress}`;
}

/** The app of the file, with the lifetimes and back-off above; closed after the file. */
export function setUpAuthHardening() {
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
}

export interface Cookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
  raw: string;
}

export function cookiesOf(res: supertest.Response): Cookie[] {
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

export function refreshCookie(res: supertest.Response): Cookie | undefined {
  return cookiesOf(res).find((c) => c.name === 'rba_refresh');
}

export async function signIn(email: string, password: string, ip = address()) {
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

export function refresh(cookie: string | undefined, headers: Record<string, string> = {}) {
  let req = t.http().post('/api/v1/auth/refresh');
  if (cookie !== undefined) req = req.set('cookie', `rba_refresh=${cookie}`);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req;
}

export async function meStatus(bearer: string): Promise<number> {
  return (await t.http().get('/api/v1/me').set('authorization', bearer)).status;
}

export function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

export function signJwt(header: object, payload: object, secret: string, hmac = 'sha256'): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const sig = createHmac(hmac, secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${sig}`;
}

export async function auditActions(userId: string): Promise<{ action: string; after: unknown }[]> {
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
