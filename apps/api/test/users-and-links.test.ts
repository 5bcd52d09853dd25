// Changing users and their roles; public scorecard links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const [name, u] of Object.entries(w.users))
    as[name] = client(t, await t.login(u.email, u.password));
});
afterAll(async () => t.closeAll());

describe('users', () => {
  it('lets a user save their own language and name, and nothing else', async () => {
    const me = await (as.viewerA as Client).call('patch', '/me', {
      locale: 'fr',
      name: 'Viewer A',
    });
    expect(me.body).toMatchObject({ locale: 'fr', name: 'Viewer A' });
    expect((await (as.viewerA as Client).get('/me')).locale).toBe('fr');
    const bad = await (as.viewerA as Client).fail('patch', '/me', { disabled: true });
    expect(bad.status).toBe(400);
    expect(
      (await (as.viewerA as Client).fail('patch', `/users/${w.users.editorA.id}`, { name: 'x' }))
        .status,
    ).toBe(403);
  });

  it('lets an admin disable a user, which ends their sessions at once', async () => {
    const admin = as.admin as Client;
    const disabled = await admin.call('patch', `/users/${w.users.member.id}`, { disabled: true });
    expect(disabled.body.disabledAt).not.toBeNull();
    expect((await (as.member as Client).fail('get', '/me')).status).toBe(401);
    const relogin = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: w.users.member.email, password: w.users.member.password });
    expect(relogin.status).toBe(401);
    await admin.call('patch', `/users/${w.users.member.id}`, { disabled: false });
    as.member = client(t, await t.login(w.users.member.email, w.users.member.password));
    expect(
      (await admin.fail('patch', `/users/${w.users.admin.id}`, { disabled: true })).status,
    ).toBe(422);
  });

  it('lets an admin take a role away, which takes effect at once', async () => {
    const admin = as.admin as Client;
    const grant = { role: 'partner_viewer', scopeType: 'organization', scopeId: w.orgA.id };
    expect(
      (await (as.viewerA as Client).get(`/organizations/${w.orgA.id}/scorecard`)).programs.length,
    ).toBeGreaterThan(0);
    await admin.call('post', `/users/${w.users.viewerA.id}/roles/revoke`, grant);
    expect(
      (await (as.viewerA as Client).fail('get', `/organizations/${w.orgA.id}/scorecard`)).status,
    ).toBe(404);
    expect(
      (await admin.fail('post', `/users/${w.users.viewerA.id}/roles/revoke`, grant)).status,
    ).toBe(404);
    await admin.post(`/users/${w.users.viewerA.id}/roles`, grant);
    const audit = await admin.get(`/audit?entity=user&entityId=${w.users.viewerA.id}`);
    expect(audit.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      'role.grant',
      'role.revoke',
    ]);
  });
});

describe('public scorecard links', () => {
  it('publishes the restricted scorecard at a secret link, and revoking kills it at once', async () => {
    const coordinator = as.coordinator as Client;
    const link = await coordinator.post(`/tables/${w.table.id}/public-links`, { label: 'Website' });
    expect(link.token.length).toBeGreaterThanOrEqual(32);
    expect(link.path).toBe(`/public/scorecards/${link.token}`);
    // No sign-in needed; what a funder sees: approved only, small cells suppressed.
    const open = await t.http().get(`/api/v1${link.path}`);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ view: 'restricted', suppressionThreshold: 5 });
    const funderView = await (as.funder as Client).get(`/tables/${w.table.id}/scorecard`);
    expect(open.body.results).toEqual(funderView.results);
    // The list never shows the token again.
    const list = await coordinator.get(`/tables/${w.table.id}/public-links`);
    expect(JSON.stringify(list)).not.toContain(link.token);
    await coordinator.call('post', `/tables/${w.table.id}/public-links/${link.id}/revoke`);
    expect((await t.http().get(`/api/v1${link.path}`)).status).toBe(404);
    expect((await t.http().get('/api/v1/public/scorecards/not-a-real-token')).status).toBe(404);
  });

  it('is for coordinators only', async () => {
    expect(
      (await (as.member as Client).fail('post', `/tables/${w.table.id}/public-links`, {})).status,
    ).toBe(403);
    expect(
      (await (as.funder as Client).fail('get', `/tables/${w.table.id}/public-links`)).status,
    ).toBe(403);
    expect(
      (await (as.otherCoordinator as Client).fail('post', `/tables/${w.table.id}/public-links`, {}))
        .status,
    ).toBe(404);
  });
});
