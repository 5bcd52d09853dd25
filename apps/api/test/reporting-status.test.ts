// A table's reporting status (CONTRACT.md, issue #17): one item per partner agency with program
// measures of the period's type, its status, whether it is overdue at `at`, its figures entered
// of those expected, and its timeliness over the last four periods (docs/decisions.md).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { QueryCounter } from './helpers/query-counter.js';

let t: TestApp;
let w: World;
const counter = new QueryCounter();
const as = {} as Record<
  'admin' | 'coordinator' | 'member' | 'funder' | 'editorA' | 'viewerA' | 'other' | 'nobody',
  Client
>;
const org: Record<string, string> = {};

const Q0 = 'FY2022-23-Q4'; // no reporting period defined
const Q1 = 'FY2023-24-Q1'; // due 2999-12-31: anything submitted is on time
const Q2 = 'FY2023-24-Q2'; // due 2023-10-31: long past
const P = 'FY2023-24-Q3'; // due 2024-01-31: the period asked about
const status = (query: string, c: Client = as.coordinator) =>
  c.get(`/tables/${w.table.id}/reporting-status?${query}`);
const step = (code: string, p: string, s: string, body?: object) =>
  as.admin.post(`/organizations/${org[code]}/periods/${p}/${s}`, body);
const itemOf = (res: { items: { organization: { id: string } }[] }, code: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
  res.items.find((i) => i.organization.id === org[code]) as any;

/** An agency at table T with one program and a measure of each given period type. */
async function agency(code: string, types: string[], archivedProgram = false) {
  const o = await as.admin.post('/organizations', { code, name: `Agency ${code}`, kind: 'agency' });
  org[code] = o.id;
  await as.admin.post(`/tables/${w.table.id}/partners`, { organizationId: o.id });
  const program = await as.admin.post(`/organizations/${o.id}/programs`, { name: 'Work' });
  const ids: string[] = [];
  for (const [i, periodType] of types.entries()) {
    const m = await as.admin.post(`/programs/${program.id}/measures`, {
      code: `M${i}`,
      name: `Measure ${i}`,
      unit: 'count',
      direction: 'up',
      periodType,
    });
    ids.push(m.id);
  }
  if (archivedProgram) await as.admin.call('patch', `/programs/${program.id}`, { archived: true });
  return ids;
}

const put = (measureId: string, p: string, body: object) =>
  as.admin.put(`/measures/${measureId}/observations/${p}`, body);
const setTimes = (code: string, p: string, submitted: string, reviewed: string | null) =>
  sql`update submissions set submitted_at = ${submitted}::timestamptz,
      reviewed_at = ${reviewed}::timestamptz
      where organization_id = ${org[code]} and period_start = ${p}::date`.execute(t.db);
const startOf: Record<string, string> = {
  [Q1]: '2023-04-01',
  [Q2]: '2023-07-01',
  [P]: '2023-10-01',
};

beforeAll(async () => {
  t = await createTestApp({}, undefined, { plugins: [counter] });
  w = await buildWorld(t.db);
  const login = async (u: { email: string; password: string }) =>
    client(t, await t.login(u.email, u.password));
  Object.assign(as, {
    admin: await login(w.users.admin),
    coordinator: await login(w.users.coordinator),
    member: await login(w.users.member),
    funder: await login(w.users.funder),
    editorA: await login(w.users.editorA),
    viewerA: await login(w.users.viewerA),
    other: await login(w.users.otherCoordinator),
    nobody: await login(w.users.nobody),
  });
  org.A = w.orgA.id;
  org.B = w.orgB.id;
  const dim = w.dimension.code;
  // A, in progress: breakdown cells of SERVED and a note without a value count for nothing.
  await put(w.countA.id, P, { value: 3, breakdown: { [dim]: 'girls' } });
  await put(w.countA.id, P, { value: 4, breakdown: { [dim]: 'boys' } });
  await put(w.countA.id, P, { note: 'counting' });
  await put(w.ratioA.id, P, { numerator: 6, denominator: 10 });
  await agency('A-MONTHLY', ['month']).then(([m]) => put(m as string, '2023-11', { value: 1 }));
  // B, not started: an archived measure's figure counts for nothing.
  const [archived] = await agency('B-EXTRA', ['fiscal_quarter']);
  await put(archived as string, P, { value: 5 });
  await as.admin.call('patch', `/measures/${archived}`, { archived: true });
  await agency('H-ARCHIVED', ['fiscal_quarter'], true);
  for (const code of ['C', 'D', 'E', 'F']) {
    const [m] = await agency(code, ['fiscal_quarter']);
    for (const p of [Q1, Q2, P]) await put(m as string, p, { value: 10 });
  }
  await step('C', Q1, 'submit');
  await step('C', Q1, 'return', { note: 'Check' });
  await step('C', Q1, 'submit');
  await setTimes('C', startOf[Q1] as string, '3000-01-05T00:00:00Z', null); // after Q1's due
  await step('C', P, 'submit');
  await step('D', P, 'submit');
  await step('D', P, 'return', { note: 'Too high' });
  await step('E', P, 'submit');
  await step('E', P, 'approve');
  await step('E', P, 'reopen', { reason: 'Miscounted' });
  const days: [string, string, string][] = [
    [Q1, '2023-07-01T00:00:00Z', '2023-07-03T00:00:00Z'], // 2 days
    [Q2, '2023-11-01T00:00:00Z', '2023-11-05T00:00:00Z'], // 4 days
    [P, '2024-02-01T00:00:00Z', '2024-02-11T00:00:00Z'], // 10 days
  ];
  for (const [p, submitted, approved] of days) {
    await step('F', p, 'submit');
    await step('F', p, 'approve');
    await setTimes('F', startOf[p] as string, submitted, approved);
  }
  for (const [period, opens, due, closes] of [
    [Q1, '2023-04-01', '2999-12-31', '2999-12-31'],
    [Q2, '2023-07-01', '2023-10-31', '2023-11-30'],
    [P, '2023-10-01', '2024-01-31', '2024-02-29'],
  ]) {
    await as.admin.post('/reporting-periods', { period, opens, due, closes });
  }
}, 180_000);
afterAll(async () => t?.closeAll());

describe('GET /tables/:id/reporting-status', () => {
  it('gives every agency with measures of the period type its status and figures', async () => {
    const res = await status(`period=${P}`);
    expect([res.period, res.due]).toEqual([P, '2024-01-31']);
    expect(res.historyPeriods).toEqual([Q0, Q1, Q2, P]);
    const brief = res.items.map(
      (i: { organization: { code: string } } & Record<string, unknown>) => [
        i.organization.code,
        i.status,
        i.figures,
      ],
    );
    expect(brief).toEqual([
      [w.orgA.code, 'in_progress', { expected: 2, entered: 1 }],
      [w.orgB.code, 'not_started', { expected: 1, entered: 0 }],
      ['C', 'submitted', { expected: 1, entered: 1 }],
      ['D', 'returned', { expected: 1, entered: 1 }],
      ['E', 'reopened', { expected: 1, entered: 1 }],
      ['F', 'approved', { expected: 1, entered: 1 }],
    ]);
    expect(itemOf(res, 'A')).toMatchObject({ submittedAt: null, approvedAt: null });
    expect(itemOf(res, 'E').submittedAt).toEqual(expect.any(String));
    expect(itemOf(res, 'E').approvedAt).toBeNull();
    expect(itemOf(res, 'F')).toMatchObject({
      submittedAt: '2024-02-01T00:00:00.000Z',
      approvedAt: '2024-02-11T00:00:00.000Z',
    });
  });

  it('lists the agencies of another period type for a period of that type', async () => {
    const res = await status('period=2023-11');
    expect(res.due).toBeNull();
    expect(res.items.map((i: { organization: { code: string } }) => i.organization.code)).toEqual([
      'A-MONTHLY',
    ]);
    expect(res.items[0]).toMatchObject({ status: 'in_progress', overdue: false });
  });

  it('is overdue once the due day is over, for agencies that had not submitted by then', async () => {
    const overdue = async (at: string) =>
      Object.fromEntries(
        (await status(`period=${P}&at=${encodeURIComponent(at)}`)).items.map(
          (i: { organization: { code: string }; overdue: boolean }) => [
            i.organization.code,
            i.overdue,
          ],
        ),
      );
    const [a, b] = [w.orgA.code, w.orgB.code];
    const none = { [a]: false, [b]: false, C: false, D: false, E: false, F: false };
    expect(await overdue('2024-01-31T23:59:59Z')).toEqual(none);
    // 01:00Z on 1 February: the due day is over, and nobody had submitted yet (all did later).
    const all = Object.fromEntries(Object.keys(none).map((k) => [k, true]));
    expect(await overdue('2024-01-31T20:00:00-05:00')).toEqual(all);
    // Now: only those never submitted; a return or a reopening is not a missed due date.
    expect(await overdue(new Date().toISOString())).toEqual({ ...none, [a]: true, [b]: true });
    expect(await overdue('2099-01-01T00:00:00Z')).toEqual({ ...none, [a]: true, [b]: true });
    const q1 = await status(`period=${Q1}`);
    expect([q1.due, q1.items.some((i: { overdue: boolean }) => i.overdue)]).toEqual([
      '2999-12-31',
      false,
    ]);
  });

  it('gives each agency its on-time rate and median days to approval', async () => {
    const res = await status(`period=${P}`);
    // Q0 has no due date; Q1 is not yet due, so never submitted it is still undecided.
    expect(itemOf(res, 'B').history).toEqual({
      counted: 2,
      onTime: 0,
      onTimeRate: 0,
      approvals: 0,
      medianDaysToApproval: null,
    });
    // C's Q1 was first submitted on time, then returned and submitted again after its due date.
    expect(itemOf(res, 'C').history).toMatchObject({ counted: 3, onTime: 1, approvals: 0 });
    expect(itemOf(res, 'C').history.onTimeRate).toBeCloseTo(1 / 3, 12);
    expect(itemOf(res, 'F').history).toMatchObject({ counted: 3, onTime: 1, approvals: 3 });
    expect(itemOf(res, 'F').history.medianDaysToApproval).toBe(4);
    // A reopened period is not approved: no time to approval.
    expect(itemOf(res, 'E').history).toMatchObject({ approvals: 0, medianDaysToApproval: null });
  });

  it('answers in as many queries with more agencies', async () => {
    const before = await counter.measure(() => status(`period=${P}`));
    await agency('Z1', ['fiscal_quarter', 'fiscal_quarter']);
    await agency('Z2', ['fiscal_quarter']);
    const res = await status(`period=${P}`);
    expect(res.items).toHaveLength(8);
    expect(await counter.measure(() => status(`period=${P}`))).toBe(before);
  });

  it('is for the table’s coordinators, members and admins', async () => {
    for (const c of [as.coordinator, as.member, as.admin]) {
      expect((await status(`period=${P}`, c)).items.length).toBeGreaterThan(0);
    }
    const url = `/tables/${w.table.id}/reporting-status?period=${P}`;
    for (const c of [as.funder, as.editorA, as.viewerA]) {
      expect((await c.fail('get', url)).status).toBe(403);
    }
    for (const c of [as.other, as.nobody]) expect((await c.fail('get', url)).status).toBe(404);
    const unknown = `/tables/00000000-0000-4000-8000-000000000000/reporting-status?period=${P}`;
    expect((await as.admin.fail('get', unknown)).status).toBe(404);
  });

  it('refuses a missing or malformed period or moment with 400', async () => {
    const base = `/tables/${w.table.id}/reporting-status`;
    for (const q of [
      '',
      '?period=',
      '?period=2023-Q5',
      `?period=${P}&at=yesterday`,
      `?period=${P}&x=1`,
    ]) {
      const res = await as.coordinator.fail('get', `${base}${q}`);
      expect([q, res.status, res.error.code]).toEqual([q, 400, 'VALIDATION_ERROR']);
    }
  });
});
