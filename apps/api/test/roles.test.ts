import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser } from '../support/factories.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let adminAuth: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await makeUser(t.db, [{ role: 'admin' }]);
  adminAuth = await t.login(admin.email, admin.password);
});
afterAll(async () => t.closeAll());

describe('role checks', () => {
  it('lets an admin create an organization and a user, and grant a scoped role', async () => {
    const org = await t
      .http()
      .post('/api/v1/organizations')
      .set('authorization', adminAuth)
      .send({ code: 'NSYS', name: 'Northshire Youth Services', kind: 'agency' });
    expect(org.status).toBe(201);
    const user = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', adminAuth)
      .send({ email: 'editor@nsys.example.org', name: 'Editor', password: 'long-enough-password' });
    expect(user.status).toBe(201);
    const grant = await t
      .http()
      .post(`/api/v1/users/${user.body.id}/roles`)
      .set('authorization', adminAuth)
      .send({ role: 'partner_editor', scopeType: 'organization', scopeId: org.body.id });
    expect(grant.status).toBe(201);
    const auth = await t.login('editor@nsys.example.org', 'long-enough-password');
    const me = await t.http().get('/api/v1/me').set('authorization', auth);
    expect(me.body.roles).toEqual([
      { role: 'partner_editor', scopeType: 'organization', scopeId: org.body.id },
    ]);
  });

  it('forbids a partner editor from creating organizations or users, and changes nothing', async () => {
    const org = await makeOrganization(t.db);
    const editor = await makeUser(t.db, [
      { role: 'partner_editor', scopeType: 'organization', scopeId: org.id },
    ]);
    const auth = await t.login(editor.email, editor.password);
    const before = await t.db.selectFrom('organizations').select('id').execute();
    const createOrg = await t
      .http()
      .post('/api/v1/organizations')
      .set('authorization', auth)
      .send({ code: 'SNEAKY', name: 'Sneaky', kind: 'agency' });
    expect(createOrg.status).toBe(403);
    expect(createOrg.body.error.code).toBe('FORBIDDEN');
    const createUser = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', auth)
      .send({ email: 'x@example.org', name: 'X', password: 'long-enough-password' });
    expect(createUser.status).toBe(403);
    const grant = await t
      .http()
      .post(`/api/v1/users/${editor.id}/roles`)
      .set('authorization', auth)
      .send({ role: 'admin' });
    expect(grant.status).toBe(403);
    expect(await t.db.selectFrom('organizations').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('shows a partner only their own organization, and nothing of another', async () => {
    const own = await makeOrganization(t.db);
    const other = await makeOrganization(t.db);
    const viewer = await makeUser(t.db, [
      { role: 'partner_viewer', scopeType: 'organization', scopeId: own.id },
    ]);
    const auth = await t.login(viewer.email, viewer.password);
    const list = await t.http().get('/api/v1/organizations').set('authorization', auth);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([own.id]);
    expect(
      (await t.http().get(`/api/v1/organizations/${own.id}`).set('authorization', auth)).status,
    ).toBe(200);
    const hidden = await t
      .http()
      .get(`/api/v1/organizations/${other.id}`)
      .set('authorization', auth);
    const missing = await t
      .http()
      .get('/api/v1/organizations/00000000-0000-4000-8000-000000000001')
      .set('authorization', auth);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('rejects a grant whose scope does not fit the role', async () => {
    const user = await makeUser(t.db);
    const globalEditor = await t
      .http()
      .post(`/api/v1/users/${user.id}/roles`)
      .set('authorization', adminAuth)
      .send({ role: 'partner_editor' });
    expect(globalEditor.status).toBe(400);
    const scopedAdmin = await t
      .http()
      .post(`/api/v1/users/${user.id}/roles`)
      .set('authorization', adminAuth)
      .send({
        role: 'admin',
        scopeType: 'organization',
        scopeId: '00000000-0000-4000-8000-000000000002',
      });
    expect(scopedAdmin.status).toBe(400);
    const unknownOrg = await t
      .http()
      .post(`/api/v1/users/${user.id}/roles`)
      .set('authorization', adminAuth)
      .send({
        role: 'partner_editor',
        scopeType: 'organization',
        scopeId: '00000000-0000-4000-8000-000000000003',
      });
    expect(unknownOrg.status).toBe(404);
    expect(await t.db.selectFrom('role_grants').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
  });

  it('answers 409 for a duplicate organization code or user email', async () => {
    const org = await makeOrganization(t.db);
    const dupOrg = await t
      .http()
      .post('/api/v1/organizations')
      .set('authorization', adminAuth)
      .send({ code: org.code, name: 'Again', kind: 'funder' });
    expect(dupOrg.status).toBe(409);
    const user = await makeUser(t.db);
    const dupUser = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', adminAuth)
      .send({ email: user.email.toUpperCase(), name: 'Again', password: 'long-enough-password' });
    expect(dupUser.status).toBe(409);
    expect(dupUser.body.error.code).toBe('EMAIL_TAKEN');
  });
});
