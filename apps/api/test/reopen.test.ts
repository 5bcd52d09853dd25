// Reopening an approved period (CONTRACT.md "Corrections and figure history"): a coordinator
// reopens with a reason; the agency corrects and resubmits; until the period is approved again
// every reader of approved figures (members, funders, the public) keeps the last approved ones,
// marked as under revision, and the restricted view hides exactly what it hid before. The agency
// and the coordinator see the working figures throughout, so every "still 240" below could fail.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
const as = {} as Record<'admin' | 'editor' | 'coordinator' | 'member' | 'funder', Client>;
let token: string;

const Q0 = 'FY2023-24-Q1'; // approved, never reopened
const Q = 'FY2023-24-Q2'; // approved: total 240, girls 3 (small), boys 237; 30 of 50 improved
const OPEN = 'FY2023-24-Q3'; // a draft in a reporting period that has closed
const step = (p: string, s: string) => `/organizations/${w.orgA.id}/periods/${p}/${s}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = async (u: { email: string; password: string }) =>
    client(t, await t.login(u.email, u.password));
  as.admin = await login(w.users.admin);
  as.editor = await login(w.users.editorA);
  as.coordinator = await login(w.users.coordinator);
  as.member = await login(w.users.member);
  as.funder = await login(w.users.funder);
  const dim = w.dimension.code;
  const put = (m: string, p: string, body: object) =>
    as.editor.put(`/measures/${m}/observations/${p}`, body);
  await put(w.countA.id, Q0, { value: 200 });
  await put(w.ratioA.id, Q0, { numerator: 20, denominator: 50 });
  await put(w.countA.id, Q, { value: 240 });
  await put(w.countA.id, Q, { value: 3, breakdown: { [dim]: 'girls' } });
  await put(w.countA.id, Q, { value: 237, breakdown: { [dim]: 'boys' } });
  await put(w.ratioA.id, Q, { numerator: 30, denominator: 50 });
  await put(w.countA.id, OPEN, { value: 250 });
  for (const p of [Q0, Q]) {
    await as.editor.post(step(p, 'submit'));
    await as.coordinator.post(step(p, 'approve'));
  }
  // Every one of these quarters' reporting periods has closed.
  for (const [p, opens, due, closes] of [
    [Q, '2023-07-01', '2023-10-31', '2023-11-30'],
    [OPEN, '2023-10-01', '2024-01-31', '2024-02-28'],
  ]) {
    await as.admin.post('/reporting-periods', { period: p, opens, due, closes });
  }
  token = (await as.coordinator.post(`/tables/${w.table.id}/public-links`, {})).token;
}, 120_000);
afterAll(async () => t?.closeAll());

type Point = { period: string; value: number | null; suppressed: boolean; underRevision?: true };
const series = (c: Client, measureId: string) => c.get(`/measures/${measureId}/series`);
const pointAt = (points: Point[], period: string) => points.find((p) => p.period === period);

/** countA's total, its girls and boys cells of Q, and the shared measure, as one caller sees them. */
async function seenBy(c: Client) {
  const count = await series(c, w.countA.id);
  const line = (code: string) =>
    count.breakdowns.find((b: { key: string }) => b.key.endsWith(`=${code}`))?.points as Point[];
  const shared = await series(c, w.shared.id);
  return {
    latest: count.latest,
    total: pointAt(count.points, Q),
    before: pointAt(count.points, Q0),
    girls: pointAt(line('girls'), Q),
    boys: pointAt(line('boys'), Q),
    shared: shared.latest,
    sharedAtQ: pointAt(shared.points, Q),
  };
}

/** The funder's long CSV rows of countA for Q: [breakdown, value, suppressed, under_revision]. */
async function funderCsv(c: Client) {
  const res = await c.call(
    'get',
    `/exports/observations.csv?organizationId=${w.orgA.id}&layout=long`,
  );
  const [header, ...rows] = res.text.trim().split('\n');
  const cols = (header as string).split(',');
  expect(cols.at(-1)).toBe('under_revision');
  const at = (name: string) => cols.indexOf(name);
  return rows
    .map((r) => r.split(','))
    .filter((r) => r[at('measure_code')] === 'SERVED' && r[at('period')] === Q)
    .map((r) => [r[at('breakdown')], r[at('value')], r[at('suppressed')], r[at('under_revision')]])
    .sort();
}

describe('reopening an approved period', () => {
  it('refuses a reopening without a reason, by anyone but a coordinator, or of a period not approved', async () => {
    expect((await as.coordinator.fail('post', step(Q, 'reopen'), { reason: '  ' })).status).toBe(
      400,
    );
    expect((await as.coordinator.fail('post', step(Q, 'reopen'), {})).status).toBe(400);
    for (const c of [as.editor, as.member, as.funder]) {
      expect((await c.fail('post', step(Q, 'reopen'), { reason: 'Wrong' })).status).toBe(403);
    }
    const draft = await as.coordinator.fail('post', step(OPEN, 'reopen'), { reason: 'Wrong' });
    expect([draft.status, draft.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const approved = await as.editor.get(`/organizations/${w.orgA.id}/submissions?status=approved`);
    expect(approved.items.map((s: { period: string }) => s.period).sort()).toEqual([Q0, Q]);
  });

  it('reopens with a reason, once', async () => {
    const s = await as.coordinator.post(step(Q, 'reopen'), { reason: 'Girls were miscounted' });
    const submissionId = s.id as string;
    expect(s).toMatchObject({ period: Q, status: 'reopened', reviewNote: 'Girls were miscounted' });
    const again = await as.coordinator.fail('post', step(Q, 'reopen'), { reason: 'Again' });
    expect([again.status, again.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const queue = await as.coordinator.get(`/tables/${w.table.id}/submissions?status=reopened`);
    expect(queue.items.map((i: { period: string }) => i.period)).toEqual([Q]);
    const audit = await as.admin.get(`/audit?entity=submission&entityId=${submissionId}`);
    expect(audit.items[0]).toMatchObject({ action: 'submission.reopen' });
    expect(audit.items[0].after).toMatchObject({ status: 'reopened', unlockedObservations: 4 });
  });

  it('lets the agency correct it after its reporting period closed, by hand and by import', async () => {
    const dim = w.dimension.code;
    const put = (m: string, body: object) =>
      as.editor.put(`/measures/${m}/observations/${Q}`, body);
    await put(w.countA.id, { value: 260 });
    await put(w.countA.id, { value: 20, breakdown: { [dim]: 'girls' } });
    await put(w.ratioA.id, { numerator: 35, denominator: 50 });
    // A draft of a closed reporting period, never handed back, stays closed.
    const closed = await as.editor.fail('put', `/measures/${w.countA.id}/observations/${OPEN}`, {
      value: 251,
    });
    expect(closed.error.code).toBe('PERIOD_CLOSED');
    const mapping = JSON.stringify({
      mode: 'long',
      measureId: w.countA.id,
      period: { column: 'period' },
      value: { column: 'value' },
      breakdown: { [dim]: { column: 'gender', values: { boys: 'boys' } } },
    });
    const imported = await t
      .http()
      .post('/api/v1/imports?commit=true')
      .set('authorization', await t.login(w.users.editorA.email, w.users.editorA.password))
      .field('mapping', mapping)
      .attach('file', Buffer.from(`period,gender,value\n${Q},boys,240\n`), 'fix.csv');
    expect([imported.status, imported.body.updated, imported.body.rejected]).toEqual([200, 1, []]);
  });

  it('shows members, funders and the public the last approved figures, under revision', async () => {
    const funder = await seenBy(as.funder);
    expect(funder.latest).toMatchObject({ period: Q, value: 240, underRevision: true });
    expect(funder.total).toMatchObject({ value: 240, underRevision: true });
    expect(funder.before).toMatchObject({ value: 200 });
    expect(funder.before).not.toHaveProperty('underRevision');
    // Decided on the approved figures (girls 3): the corrected 20 would hide nothing.
    expect(funder.girls).toMatchObject({ value: null, suppressed: true });
    expect(funder.boys).toMatchObject({ value: null, suppressed: true });
    expect(funder.shared).toMatchObject({ value: 60, underRevision: true });

    const member = await seenBy(as.member);
    expect(member.latest).toMatchObject({ value: 240, underRevision: true });
    expect([member.girls?.value, member.boys?.value]).toEqual([3, 237]);

    const card = await as.funder.get(`/tables/${w.table.id}/scorecard`);
    const pub = (await supertest(t.app.server).get(`/api/v1/public/scorecards/${token}`)).body;
    for (const sc of [card, pub]) {
      const served = sc.results[0].programs
        .flatMap((p: { measures: { measureId: string }[] }) => p.measures)
        .find((m: { measureId: string }) => m.measureId === w.countA.id);
      expect(served.latest).toMatchObject({ value: 240, underRevision: true });
      const shared = sc.sharedMeasures[0];
      expect(shared.latest).toMatchObject({ value: 60, underRevision: true });
      expect(shared.contributions[0].latest).toMatchObject({ value: 60, underRevision: true });
    }

    expect(await funderCsv(as.funder)).toEqual([
      ['', '240', 'false', 'true'],
      [`${w.dimension.code}=boys`, '', 'true', 'true'],
      [`${w.dimension.code}=girls`, '', 'true', 'true'],
    ]);
    expect(await funderCsv(as.member)).toEqual([
      ['', '240', 'false', 'true'],
      [`${w.dimension.code}=boys`, '237', 'false', 'true'],
      [`${w.dimension.code}=girls`, '3', 'false', 'true'],
    ]);
  });

  it('shows the agency and the coordinator the working figures', async () => {
    for (const c of [as.editor, as.coordinator]) {
      const seen = await seenBy(c);
      expect(seen.total).toMatchObject({ value: 260 });
      expect(seen.total).not.toHaveProperty('underRevision');
      expect([seen.girls?.value, seen.boys?.value]).toEqual([20, 240]);
    }
    // The table's collective figure is the table's: the agency reads it as published.
    expect((await seenBy(as.coordinator)).sharedAtQ).toMatchObject({ value: 70 });
    expect((await seenBy(as.editor)).sharedAtQ).toMatchObject({ value: 60, underRevision: true });
  });

  it('keeps the reopening in the history and lists what changed since', async () => {
    const history = await as.coordinator.get(
      `/measures/${w.countA.id}/observations/${Q}/history?breakdown=${w.dimension.code}:girls`,
    );
    const steps = history.items.map((i: { action: string; value: number | null }) => [
      i.action,
      i.value,
    ]);
    expect(steps.slice(-3)).toEqual([
      ['approved', null],
      ['reopened', null],
      ['saved', 20],
    ]);
    expect(history.items.at(-2).reason).toBe('Girls were miscounted');
    const changes = await as.coordinator.get(step(Q, 'changes'));
    expect(changes.since.action).toBe('reopened');
    const byCell = changes.items.map(
      (i: { code: string; breakdown: object; before: { value: number }; after: object }) => [
        i.code,
        Object.values(i.breakdown).join(),
        i.before,
        i.after,
      ],
    );
    expect(byCell).toHaveLength(4);
    expect(byCell).toContainEqual([
      'SERVED',
      'girls',
      { value: 3, numerator: null, denominator: null },
      { value: 20, numerator: null, denominator: null },
    ]);
    expect(byCell).toContainEqual([
      'IMPROVED',
      '',
      { value: 60, numerator: 30, denominator: 50 },
      { value: 70, numerator: 35, denominator: 50 },
    ]);
    for (const url of [step(Q, 'changes'), `/measures/${w.countA.id}/observations/${Q}/history`]) {
      expect((await as.funder.fail('get', url)).status).toBe(403);
    }
  });

  it('keeps the approved figures through a submission and a return, until approved again', async () => {
    await as.editor.post(step(Q, 'submit'));
    expect((await seenBy(as.funder)).latest).toMatchObject({ value: 240, underRevision: true });
    await as.coordinator.post(step(Q, 'return'), { note: 'Boys too, please' });
    expect((await seenBy(as.funder)).latest).toMatchObject({ value: 240, underRevision: true });
    expect((await seenBy(as.coordinator)).total).toMatchObject({ value: 260 });
    await as.editor.put(`/measures/${w.countA.id}/observations/${Q}`, {
      value: 236,
      breakdown: { [w.dimension.code]: 'boys' },
    });
    await as.editor.put(`/measures/${w.countA.id}/observations/${Q}`, { value: 256 });
    await as.editor.post(step(Q, 'submit'));
    const approved = await as.coordinator.post(step(Q, 'approve'));
    expect(approved.status).toBe('approved');

    const funder = await seenBy(as.funder);
    expect(funder.latest).toEqual({
      period: Q,
      value: 256,
      numerator: null,
      denominator: null,
      suppressed: false,
    });
    expect([funder.girls?.value, funder.boys?.value]).toEqual([20, 236]);
    expect(funder.shared).toMatchObject({ value: 70 });
    expect(funder.shared).not.toHaveProperty('underRevision');
    expect(await funderCsv(as.funder)).toEqual([
      ['', '256', 'false', 'false'],
      [`${w.dimension.code}=boys`, '236', 'false', 'false'],
      [`${w.dimension.code}=girls`, '20', 'false', 'false'],
    ]);
    const left = await t.db.selectFrom('approved_figures').select('id').execute();
    expect(left).toEqual([]);
  });
});
