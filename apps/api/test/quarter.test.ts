// One real quarter, end to end over HTTP: set-up, entry, submission, return, correction,
// approval, and what the funder then sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/factories.js';
import { client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
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
});
afterAll(async () => t.closeAll());

const Q = 'FY2025-26-Q2';
const NEXT = 'FY2025-26-Q3';

describe('a quarter of partner reporting', () => {
  it('reaches the funder approved, combined as a ratio of sums, with small counts suppressed, and audited', async () => {
    const admin = client(t, await t.login('admin@example.org', PASSWORD));

    // An admin sets up the table, two agencies, a funder and their people.
    const table = await admin.post('/tables', {
      name: 'Northshire CYMH',
      population: 'Children and youth 0–24 in Northshire',
    });
    const a = await admin.post('/organizations', {
      code: 'NYS',
      name: 'Northshire Youth Services',
      kind: 'agency',
    });
    const b = await admin.post('/organizations', {
      code: 'LHC',
      name: 'Lakeside Health Centre',
      kind: 'agency',
    });
    const funder = await admin.post('/organizations', {
      code: 'UWN',
      name: 'United Way Northshire',
      kind: 'funder',
    });
    await admin.post(`/tables/${table.id}/partners`, { organizationId: a.id });
    await admin.post(`/tables/${table.id}/partners`, { organizationId: b.id });
    const person = async (email: string, role: string, scopeType: string, scopeId: string) => {
      const u = await admin.post('/users', {
        email,
        name: email.split('@')[0],
        password: PASSWORD,
      });
      await admin.post(`/users/${u.id}/roles`, { role, scopeType, scopeId });
      return client(t, await t.login(email, PASSWORD));
    };
    const coord = await person('coord@example.org', 'table_coordinator', 'table', table.id);
    const editorA = await person('a@example.org', 'partner_editor', 'organization', a.id);
    const editorB = await person('b@example.org', 'partner_editor', 'organization', b.id);
    const funderUser = await person('funder@example.org', 'funder_viewer', 'table', table.id);
    expect(funder.kind).toBe('funder');

    // The coordinator adds a result, an indicator and a shared percent measure.
    const result = await coord.post(`/tables/${table.id}/results`, {
      title: 'All youth in Northshire are mentally healthy',
    });
    const indicator = await coord.post(`/results/${result.id}/indicators`, {
      code: 'YMH-FAIRPOOR',
      name: 'Youth 12–17 reporting fair or poor mental health',
      unit: 'percent',
      aggregation: 'mean',
      direction: 'down',
      periodType: 'year',
    });
    await coord.put(`/measures/${indicator.id}/observations/2021`, { value: 13.3 });
    await coord.put(`/measures/${indicator.id}/observations/2022`, { value: 14.1 });
    const shared = await coord.post(`/tables/${table.id}/shared-measures`, {
      code: 'IMPROVED',
      name: '% of youth whose functioning improved',
      unit: 'percent',
      direction: 'up',
      periodType: 'fiscal_quarter',
      category: 'better_off',
    });
    expect(shared.aggregation).toBe('ratio');

    // Each partner sets up a program with the shared measure and a count measure.
    const setUp = async (editor: typeof editorA, orgId: string) => {
      const program = await editor.post(`/organizations/${orgId}/programs`, {
        name: 'Counselling',
        resultIds: [result.id],
      });
      const improved = await editor.post(`/programs/${program.id}/measures`, {
        code: 'IMPROVED',
        name: '% improved',
        unit: 'percent',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'better_off',
        sharedMeasureId: shared.id,
      });
      const served = await editor.post(`/programs/${program.id}/measures`, {
        code: 'SERVED',
        name: '# youth served',
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_much',
      });
      return { program, improved, served };
    };
    const A = await setUp(editorA, a.id);
    const B = await setUp(editorB, b.id);

    // They enter the quarter and submit it.
    await editorA.put(`/measures/${A.improved.id}/observations/${Q}`, {
      numerator: 30,
      denominator: 40,
    });
    await editorA.put(`/measures/${A.served.id}/observations/${Q}`, { value: 40 });
    await editorB.put(`/measures/${B.improved.id}/observations/${Q}`, {
      numerator: 9,
      denominator: 20,
    });
    const bServed = await editorB.put(`/measures/${B.served.id}/observations/${Q}`, { value: 20 });
    expect(bServed.status).toBe('draft');
    // Partner A also starts the next quarter, which nobody approves.
    await editorA.put(`/measures/${A.served.id}/observations/${NEXT}`, { value: 55 });
    await editorA.post(`/organizations/${a.id}/periods/${Q}/submit`);
    await editorB.post(`/organizations/${b.id}/periods/${Q}/submit`);

    // A submitted quarter is locked.
    const locked = await editorB.fail('put', `/measures/${B.served.id}/observations/${Q}`, {
      value: 3,
    });
    expect(locked).toMatchObject({ status: 409, error: { code: 'PERIOD_LOCKED' } });

    // The coordinator returns B's quarter with a note; a return without a note is refused.
    expect(
      (await coord.fail('post', `/organizations/${b.id}/periods/${Q}/return`, {})).status,
    ).toBe(400);
    const returned = await coord.post(`/organizations/${b.id}/periods/${Q}/return`, {
      note: 'Served should count youth, not visits',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      reviewNote: 'Served should count youth, not visits',
    });

    // B corrects and resubmits; the coordinator approves both.
    const fixed = await editorB.put(`/measures/${B.served.id}/observations/${Q}`, {
      value: 3,
      version: bServed.version,
    });
    // Still in the coordinator's hands to see: a figure of a returned period stays `returned`.
    expect(fixed).toMatchObject({ value: 3, version: bServed.version + 1, status: 'returned' });
    await editorB.post(`/organizations/${b.id}/periods/${Q}/submit`);
    const approvedA = await coord.post(`/organizations/${a.id}/periods/${Q}/approve`);
    const approvedB = await coord.post(`/organizations/${b.id}/periods/${Q}/approve`);
    expect(approvedA.status).toBe('approved');
    expect(approvedB.lockedObservations).toBe(2);
    expect(
      (await coord.fail('post', `/organizations/${b.id}/periods/${Q}/approve`)).error.code,
    ).toBe('INVALID_TRANSITION');

    // What the funder sees.
    const card = await funderUser.get(`/tables/${table.id}/scorecard`);
    expect(card.view).toBe('restricted');
    const collective = card.sharedMeasures[0];
    expect(collective.latest).toMatchObject({
      period: Q,
      numerator: 39,
      denominator: 60,
      suppressed: false,
    });
    expect(collective.latest.value).toBeCloseTo((39 / 60) * 100, 10);
    expect(collective.latest.value).not.toBeCloseTo(((30 / 40 + 9 / 20) / 2) * 100, 5);
    expect(
      collective.contributions
        .map((c: { organization: { code: string } }) => c.organization.code)
        .sort(),
    ).toEqual(['LHC', 'NYS']);
    const programs = card.results[0].programs;
    const servedOf = (code: string) =>
      programs
        .find((p: { organization: { code: string } }) => p.organization.code === code)
        .measures.find((m: { code: string }) => m.code === 'SERVED');
    expect(servedOf('NYS').latest).toMatchObject({ period: Q, value: 40, suppressed: false });
    expect(servedOf('NYS').points.map((p: { period: string }) => p.period)).toEqual([Q]);
    expect(servedOf('LHC').latest).toMatchObject({ period: Q, value: null, suppressed: true });
    expect(servedOf('LHC').target).toMatchObject({
      status: 'none',
      variance: null,
      percentOfTarget: null,
    });
    expect(JSON.stringify(card)).not.toContain(NEXT);
    const ind = card.results[0].indicators[0];
    expect(ind.latest).toMatchObject({ period: '2022', value: 14.1 });
    expect(ind.trend).toEqual({ trend: 'up', periods: 1, favorable: false });

    // The agency itself still sees its draft of the next quarter.
    const own = await editorA.get(`/organizations/${a.id}/scorecard`);
    const ownServed = own.programs[0].measures.find((m: { code: string }) => m.code === 'SERVED');
    expect(ownServed.latest).toMatchObject({ period: NEXT, value: 55 });

    // Every step is in the audit trail, in order.
    const audit = await admin.get('/audit?limit=1000');
    const actions = audit.items.map((e: { action: string }) => e.action).reverse();
    const steps = actions.filter(
      (x: string) => x.startsWith('submission.') || x === 'observation.update',
    );
    expect(steps).toEqual([
      'submission.submit',
      'submission.submit',
      'submission.return',
      'observation.update',
      'submission.submit',
      'submission.approve',
      'submission.approve',
    ]);
    expect(actions.indexOf('table.create')).toBeLessThan(actions.indexOf('result.create'));
    expect(actions.filter((x: string) => x === 'observation.create')).toHaveLength(7);
  });
});
