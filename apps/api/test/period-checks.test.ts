// Checks before submitting a period: the figures still empty, and those that look wrong by the
// modified z-score against the same cell's earlier figures (CONTRACT.md "Reporting status,
// plausibility and reminders"). They inform; submitting is never refused because of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/factories.js';
import { client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
type Client = ReturnType<typeof client>;
let editor: Client;
let coord: Client;
let member: Client;
let funder: Client;
let orgId: string;
let served: { id: string };
let waitlist: { id: string };
const HISTORY = ['FY2023-24-Q1', 'FY2023-24-Q2', 'FY2023-24-Q3', 'FY2023-24-Q4', 'FY2024-25-Q1'];
const Q = 'FY2024-25-Q2';

beforeAll(async () => {
  t = await createTestApp({
    ADMIN_EMAIL: 'unused@example.org',
    ADMIN_PASSWORD: 'a-placeholder-passphrase-1',
  });
  const { ensureFirstAdmin } = await import('../src/bootstrap.js');
  await ensureFirstAdmin(t.db, {
    ...t.config,
    admin: { email: 'admin@example.org', password: PASSWORD },
  });
  const admin = client(t, await t.login('admin@example.org', PASSWORD));
  const table = await admin.post('/tables', { name: 'Checks table', population: 'Youth' });
  const org = await admin.post('/organizations', {
    code: 'CHK',
    name: 'Checks agency',
    kind: 'agency',
  });
  orgId = org.id;
  await admin.post(`/tables/${table.id}/partners`, { organizationId: org.id });
  const person = async (email: string, role: string, scopeType: string, scopeId: string) => {
    const u = await admin.post('/users', { email, name: email.split('@')[0], password: PASSWORD });
    await admin.post(`/users/${u.id}/roles`, { role, scopeType, scopeId });
    return client(t, await t.login(email, PASSWORD));
  };
  coord = await person('coord@checks.example', 'table_coordinator', 'table', table.id);
  member = await person('member@checks.example', 'table_member', 'table', table.id);
  funder = await person('funder@checks.example', 'funder_viewer', 'table', table.id);
  editor = await person('editor@checks.example', 'partner_editor', 'organization', org.id);
  const result = await coord.post(`/tables/${table.id}/results`, { title: 'Youth are well' });
  const program = await editor.post(`/organizations/${org.id}/programs`, {
    name: 'Counselling',
    resultIds: [result.id],
  });
  const measure = (code: string) =>
    editor.post(`/programs/${program.id}/measures`, {
      code,
      name: code,
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
    });
  served = await measure('SERVED');
  waitlist = await measure('WAITLIST');
  for (const [i, period] of HISTORY.entries()) {
    await editor.put(`/measures/${served.id}/observations/${period}`, {
      value: [98, 102, 110, 95, 101][i],
    });
    await editor.put(`/measures/${waitlist.id}/observations/${period}`, { value: 20 + i });
    await editor.post(`/organizations/${org.id}/periods/${period}/submit`);
    await coord.post(`/organizations/${org.id}/periods/${period}/approve`);
  }
  // This quarter: a count of about 100 keyed as 99,999,999, and the waiting list left empty.
  await editor.put(`/measures/${served.id}/observations/${Q}`, { value: 99_999_999 });
}, 120_000);
afterAll(async () => t?.closeAll());

describe('checks before submitting a period', () => {
  it('show the agency its empty figures and the one that looks wrong', async () => {
    const checks = await editor.get(`/organizations/${orgId}/periods/${Q}/checks`);
    expect(checks.period).toBe(Q);
    expect(checks.missing).toEqual([{ measureId: waitlist.id, code: 'WAITLIST' }]);
    expect(checks.flagged).toHaveLength(1);
    expect(checks.flagged[0]).toMatchObject({
      measureId: served.id,
      code: 'SERVED',
      breakdown: {},
      value: 99_999_999,
    });
    expect(checks.flagged[0].score).toBeCloseTo(22_483_310.4003, 3);
  });

  it('show a coordinator nothing of a draft never submitted', async () => {
    const checks = await coord.get(`/organizations/${orgId}/periods/${Q}/checks`);
    expect(checks.flagged).toEqual([]);
    expect(checks.missing.map((m: { code: string }) => m.code).sort()).toEqual([
      'SERVED',
      'WAITLIST',
    ]);
  });

  it('never block the submission; the coordinator then sees the flagged figure', async () => {
    const submission = await editor.post(`/organizations/${orgId}/periods/${Q}/submit`);
    expect(submission).toMatchObject({ status: 'submitted', missingCount: 1, flaggedCount: 1 });
    const listed = await coord.get(`/organizations/${orgId}/submissions`);
    expect(listed.items.find((s: { period: string }) => s.period === Q)).toMatchObject({
      missingCount: 1,
      flaggedCount: 1,
    });
    const checks = await coord.get(`/organizations/${orgId}/periods/${Q}/checks`);
    expect(checks.flagged.map((f: { code: string }) => f.code)).toEqual(['SERVED']);
    expect(checks.missing).toEqual([{ measureId: waitlist.id, code: 'WAITLIST' }]);
  });

  it('are recorded as zero on a complete, usual quarter', async () => {
    const earlier = await editor.get(`/organizations/${orgId}/submissions`);
    expect(earlier.items.find((s: { period: string }) => s.period === HISTORY[4])).toMatchObject({
      missingCount: 0,
      flaggedCount: 0,
    });
  });

  it('flag nothing in a usual quarter', async () => {
    const checks = await editor.get(`/organizations/${orgId}/periods/FY2024-25-Q1/checks`);
    expect(checks).toEqual({ period: 'FY2024-25-Q1', missing: [], flagged: [] });
  });

  it('are for the agency and its coordinators only, and refuse a period that is no period', async () => {
    expect((await member.fail('get', `/organizations/${orgId}/periods/${Q}/checks`)).status).toBe(
      403,
    );
    expect((await funder.fail('get', `/organizations/${orgId}/periods/${Q}/checks`)).status).toBe(
      403,
    );
    expect(
      (await editor.fail('get', `/organizations/${orgId}/periods/Q9-2024/checks`)).status,
    ).toBe(400);
  });
});
