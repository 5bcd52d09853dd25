// The history of a figure and what an agency changed since its period was last returned
// (CONTRACT.md "Corrections and figure history"), both read from the audit trail. A coordinator
// sees an agency's figure only from the agency's first submission of its period on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/factories.js';
import { client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
type Client = ReturnType<typeof client>;
let admin: Client;
let editor: Client;
let viewer: Client;
let coord: Client;
let member: Client;
let funder: Client;
let orgId: string;
let tableId: string;
let served: { id: string };
let waitlist: { id: string };
let resultId: string;
// Periods in the past: a period that has not started takes no figure.
const Q = 'FY2024-25-Q2';
const NEVER_RETURNED = 'FY2024-25-Q1';

type Item = {
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
  note: string | null;
  reason: string | null;
};
const brief = (items: Item[]) =>
  items.map((i) => [i.action, i.value, i.status, i.note, i.reason, i.actor?.name ?? null]);

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
  admin = client(t, await t.login('admin@example.org', PASSWORD));
  const table = await admin.post('/tables', { name: 'History table', population: 'Youth' });
  tableId = table.id;
  const org = await admin.post('/organizations', {
    code: 'HIS',
    name: 'History agency',
    kind: 'agency',
  });
  orgId = org.id;
  await admin.post(`/tables/${table.id}/partners`, { organizationId: org.id });
  await admin.post('/dimensions', {
    code: 'gender',
    name: 'Gender',
    values: [
      { code: 'girls', label: 'Girls' },
      { code: 'boys', label: 'Boys' },
    ],
  });
  const person = async (email: string, role: string, scopeType: string, scopeId: string) => {
    const name = email.split('@')[0] as string;
    const u = await admin.post('/users', { email, name, password: PASSWORD });
    await admin.post(`/users/${u.id}/roles`, { role, scopeType, scopeId });
    return client(t, await t.login(email, PASSWORD));
  };
  coord = await person('coord@history.example', 'table_coordinator', 'table', table.id);
  member = await person('member@history.example', 'table_member', 'table', table.id);
  funder = await person('funder@history.example', 'funder_viewer', 'table', table.id);
  editor = await person('editor@history.example', 'partner_editor', 'organization', org.id);
  viewer = await person('viewer@history.example', 'partner_viewer', 'organization', org.id);
  const result = await coord.post(`/tables/${table.id}/results`, { title: 'Youth are well' });
  resultId = result.id;
  const program = await editor.post(`/organizations/${org.id}/programs`, {
    name: 'Counselling',
    resultIds: [result.id],
  });
  const measure = (code: string, dimensions: string[]) =>
    editor.post(`/programs/${program.id}/measures`, {
      code,
      name: code,
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
      dimensions,
    });
  served = await measure('SERVED', ['gender']);
  waitlist = await measure('WAITLIST', []);

  // A quarter submitted and approved at once: never returned.
  await editor.put(`/measures/${served.id}/observations/${NEVER_RETURNED}`, { value: 90 });
  await editor.post(`/organizations/${org.id}/periods/${NEVER_RETURNED}/submit`);
  await coord.post(`/organizations/${org.id}/periods/${NEVER_RETURNED}/approve`);

  // The quarter under test: two saves of the total, a cell and another measure, then a submit.
  await editor.put(`/measures/${served.id}/observations/${Q}`, { value: 100 });
}, 120_000);
afterAll(async () => t?.closeAll());

const history = (c: Client, measureId: string, period = Q, breakdown?: string) =>
  c.get(
    `/measures/${measureId}/observations/${period}/history${
      breakdown === undefined ? '' : `?breakdown=${encodeURIComponent(breakdown)}`
    }`,
  );

describe('the history of a figure and the changes since a return', () => {
  it('shows a coordinator nothing of a draft never submitted', async () => {
    expect(await history(coord, served.id)).toEqual({ items: [] });
    const own = await history(editor, served.id);
    expect(brief(own.items)).toEqual([['saved', 100, 'draft', null, null, 'editor']]);
  });

  it('lists every change and every step of the period, oldest first', async () => {
    await editor.put(`/measures/${served.id}/observations/${Q}`, {
      value: 110,
      note: 'Two intakes',
    });
    await editor.put(`/measures/${served.id}/observations/${Q}`, {
      value: 60,
      breakdown: { gender: 'girls' },
    });
    await editor.put(`/measures/${waitlist.id}/observations/${Q}`, { value: 20 });
    await editor.post(`/organizations/${orgId}/periods/${Q}/submit`);
    await coord.post(`/organizations/${orgId}/periods/${Q}/return`, {
      note: 'Served looks low',
    });
    await editor.put(`/measures/${served.id}/observations/${Q}`, { value: 120 });
    // Saved again unchanged: no change, nothing in the history or the changes.
    await editor.put(`/measures/${served.id}/observations/${Q}`, {
      value: 60,
      breakdown: { gender: 'girls' },
    });
    await editor.put(`/measures/${served.id}/observations/${Q}`, {
      value: 60,
      breakdown: { gender: 'boys' },
    });
    await editor.post(`/organizations/${orgId}/periods/${Q}/submit`);

    const own = await history(editor, served.id);
    expect(brief(own.items)).toEqual([
      ['saved', 100, 'draft', null, null, 'editor'],
      ['saved', 110, 'draft', 'Two intakes', null, 'editor'],
      ['submitted', null, null, null, null, 'editor'],
      ['returned', null, null, null, 'Served looks low', 'coord'],
      ['saved', 120, 'returned', 'Two intakes', null, 'editor'],
      ['submitted', null, null, null, null, 'editor'],
    ]);
    const times = own.items.map((i: Item) => i.at);
    expect([...times].sort()).toEqual(times);
    expect(own.items[0]).toMatchObject({ numerator: null, denominator: null });
    expect(await history(viewer, served.id)).toEqual(own);
  });

  it('shows the coordinator the history from the first submission on', async () => {
    await coord.post(`/organizations/${orgId}/periods/${Q}/approve`);
    const seen = await history(coord, served.id);
    expect(brief(seen.items)).toEqual([
      ['submitted', null, null, null, null, 'editor'],
      ['returned', null, null, null, 'Served looks low', 'coord'],
      ['saved', 120, 'returned', 'Two intakes', null, 'editor'],
      ['submitted', null, null, null, null, 'editor'],
      ['approved', null, null, null, null, 'coord'],
    ]);
    const own = await history(editor, served.id);
    expect(own.items.slice(2)).toEqual(seen.items);
    expect((await history(admin, served.id)).items).toHaveLength(7);
  });

  it('reads a breakdown cell, and a cell never entered has only its period', async () => {
    const girls = await history(editor, served.id, Q, 'gender:girls');
    expect(brief(girls.items).map((i) => [i[0], i[1]])).toEqual([
      ['saved', 60],
      ['submitted', null],
      ['returned', null],
      ['submitted', null],
      ['approved', null],
    ]);
    const empty = await history(editor, waitlist.id, NEVER_RETURNED);
    expect(empty.items.map((i: Item) => i.action)).toEqual(['submitted', 'approved']);
  });

  it('lists what the agency changed since the return, figure by figure', async () => {
    const changes = await editor.get(`/organizations/${orgId}/periods/${Q}/changes`);
    expect(changes.since.action).toBe('returned');
    expect(Date.parse(changes.since.at)).not.toBeNaN();
    expect(changes.items).toEqual([
      {
        measureId: served.id,
        code: 'SERVED',
        period: Q,
        breakdown: {},
        before: { value: 110, numerator: null, denominator: null },
        after: { value: 120, numerator: null, denominator: null },
      },
      {
        measureId: served.id,
        code: 'SERVED',
        period: Q,
        breakdown: { gender: 'boys' },
        before: { value: null, numerator: null, denominator: null },
        after: { value: 60, numerator: null, denominator: null },
      },
    ]);
    expect(await coord.get(`/organizations/${orgId}/periods/${Q}/changes`)).toEqual(changes);
    expect(await viewer.get(`/organizations/${orgId}/periods/${Q}/changes`)).toEqual(changes);
    expect(await editor.get(`/organizations/${orgId}/periods/${NEVER_RETURNED}/changes`)).toEqual({
      since: null,
      items: [],
    });
  });

  it('are refused to members and funders, and to no one else who sees the agency', async () => {
    for (const c of [member, funder]) {
      expect((await c.fail('get', `/measures/${served.id}/observations/${Q}/history`)).status).toBe(
        403,
      );
      expect((await c.fail('get', `/organizations/${orgId}/periods/${Q}/changes`)).status).toBe(
        403,
      );
    }
    const nowhere = '00000000-0000-4000-8000-000000000000';
    expect(
      (await editor.fail('get', `/measures/${nowhere}/observations/${Q}/history`)).status,
    ).toBe(404);
    expect(
      (await editor.fail('get', `/organizations/${nowhere}/periods/${Q}/changes`)).status,
    ).toBe(404);
  });

  it('refuse a period or a breakdown that is not one', async () => {
    for (const url of [
      `/measures/${served.id}/observations/Q9-2024/history`,
      `/measures/${served.id}/observations/2024/history`, // a year, not a fiscal quarter
      `/measures/${served.id}/observations/${Q}/history?breakdown=gender`,
      `/measures/${served.id}/observations/${Q}/history?breakdown=gender:other`,
      `/measures/${served.id}/observations/${Q}/history?breakdown=age:young`,
      `/measures/${served.id}/observations/${Q}/history?breakdown=gender:girls;gender:boys`,
      `/organizations/${orgId}/periods/Q9-2024/changes`,
    ]) {
      const res = await editor.fail('get', url);
      expect([res.status, url]).toEqual([400, url]);
    }
  });

  it("show an indicator's history to the table's coordinators and admins only", async () => {
    const indicator = await coord.post(`/results/${resultId}/indicators`, {
      code: 'WELL',
      name: 'Youth well',
      unit: 'count',
      direction: 'up',
      periodType: 'year',
    });
    await coord.put(`/measures/${indicator.id}/observations/2023`, { value: 40 });
    await coord.put(`/measures/${indicator.id}/observations/2023`, { value: 42 });
    const seen = await history(coord, indicator.id, '2023');
    expect(brief(seen.items)).toEqual([
      ['saved', 40, 'approved', null, null, 'coord'],
      ['saved', 42, 'approved', null, null, 'coord'],
    ]);
    expect(await history(admin, indicator.id, '2023')).toEqual(seen);
    for (const c of [member, funder, editor]) {
      expect(
        (await c.fail('get', `/measures/${indicator.id}/observations/2023/history`)).status,
      ).toBe(403);
    }
    expect(tableId).toBeTruthy();
  });
});
