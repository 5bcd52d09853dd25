// Scorecards and series: figures from packages/domain, views per role, suppression, and a
// query count that does not grow with the scorecard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { QueryCounter } from './helpers/query-counter.js';

let t: TestApp;
let w: World;
let admin: Client;
let editorA: Client;
let coordinator: Client;
let funder: Client;
const counter = new QueryCounter();

beforeAll(async () => {
  t = await createTestApp({}, undefined, { plugins: [counter] });
  w = await buildWorld(t.db);
  const as = async (u: { email: string; password: string }) =>
    client(t, await t.login(u.email, u.password));
  admin = await as(w.users.admin);
  editorA = await as(w.users.editorA);
  coordinator = await as(w.users.coordinator);
  funder = await as(w.users.funder);
});
afterAll(async () => t.closeAll());

async function addMeasures(n: number) {
  for (let i = 0; i < n; i++) {
    const m = await editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `EXTRA-${Date.now()}-${i}`,
      name: `Extra ${i}`,
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
      category: 'how_much',
    });
    await editorA.put(`/measures/${m.id}/observations/FY2025-26-Q1`, { value: 10 + i });
  }
}

describe('scorecard queries', () => {
  it('do not grow with the number of measures', async () => {
    const tableUrl = `/tables/${w.table.id}/scorecard`;
    const orgUrl = `/organizations/${w.orgA.id}/scorecard`;
    const before = {
      table: await counter.measure(() => coordinator.get(tableUrl)),
      org: await counter.measure(() => editorA.get(orgUrl)),
    };
    await addMeasures(15);
    const after = {
      table: await counter.measure(() => coordinator.get(tableUrl)),
      org: await counter.measure(() => editorA.get(orgUrl)),
    };
    console.log(`scorecard queries: table ${before.table}, organization ${before.org}`);
    expect(after).toEqual(before);
    expect(before.table).toBeGreaterThan(3);
    expect(before.table).toBeLessThanOrEqual(12);
    expect(before.org).toBeGreaterThan(3);
    const card = await coordinator.get(tableUrl);
    const programA = card.results[0].programs.find((p: { id: string }) => p.id === w.programA.id);
    expect(programA.measures.length).toBeGreaterThanOrEqual(17);
  });
});

describe('a window of points (?points=)', () => {
  it('cuts each series to its last N points, figures and periods still from the whole series', async () => {
    const m = await editorA.post(`/programs/${w.programA.id}/measures`, {
      code: 'WINDOW',
      name: 'Windowed',
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
      category: 'how_much',
    });
    const quarters = [
      'FY2023-24-Q3',
      'FY2023-24-Q4',
      'FY2024-25-Q1',
      'FY2024-25-Q2',
      'FY2024-25-Q3',
    ];
    for (const [i, q] of quarters.entries()) {
      await editorA.put(`/measures/${m.id}/observations/${q}`, { value: 10 + 3 * i });
    }
    type Row = { measureId: string; points: { period: string }[]; [k: string]: unknown };
    const rowOf = (card: { programs: { measures: Row[] }[] }) =>
      card.programs.flatMap((p) => p.measures).find((x) => x.measureId === m.id) as Row;
    const orgUrl = `/organizations/${w.orgA.id}/scorecard`;
    const whole = await editorA.get(orgUrl);
    const cut = await editorA.get(`${orgUrl}?points=2`);
    const [a, b] = [rowOf(whole), rowOf(cut)];
    expect(a.points.map((p) => p.period)).toEqual(quarters);
    expect(b.points.map((p) => p.period)).toEqual(quarters.slice(-2));
    // Everything but the points is the same: latest, trend, baseline and target use them all.
    expect({ ...b, points: null }).toEqual({ ...a, points: null });
    // The trend reads the last four figures, although the window sends two.
    expect(b.trend).toMatchObject({ trend: 'up', periods: 4 });
    for (const q of quarters) expect(cut.periods).toContain(q);
    expect(cut.periods).toEqual(whole.periods);
    expect(cut.periods).toEqual([...cut.periods].sort().reverse());

    // The table's scorecard windows shared measures' contributions too.
    const table = await admin.get(`/tables/${w.table.id}/scorecard?points=1`);
    const series = [
      ...table.results.flatMap(
        (r: { indicators: unknown[]; programs: { measures: unknown[] }[] }) => [
          ...r.indicators,
          ...r.programs.flatMap((p) => p.measures),
        ],
      ),
      ...table.sharedMeasures.flatMap((s: { contributions: unknown[] }) => [s, ...s.contributions]),
    ] as { points: unknown[] }[];
    expect(series.length).toBeGreaterThan(3);
    for (const x of series) expect(x.points.length).toBeLessThanOrEqual(1);
    for (const q of quarters) expect(table.periods).toContain(q);

    // Out of range, or on a measure's own series (always whole): 400, in the error's shape.
    for (const bad of ['0', '-1', '401', '2.5', 'x']) {
      const res = await editorA.fail('get', `${orgUrl}?points=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.error.code, bad).toBe('VALIDATION_ERROR');
    }
    expect((await editorA.fail('get', `/measures/${m.id}/series?points=2`)).status).toBe(400);
  });
});

describe('GET /measures/:id/series', () => {
  it('gives the curve: actuals, targets, baseline, trend and a least-squares forecast', async () => {
    const m = await editorA.post(`/programs/${w.programA.id}/measures`, {
      code: 'WAIT',
      name: 'Days waited',
      unit: 'days',
      aggregation: 'mean',
      direction: 'down',
      periodType: 'fiscal_quarter',
      category: 'how_well',
    });
    const values = {
      'FY2024-25-Q1': 40,
      'FY2024-25-Q2': 38,
      'FY2024-25-Q3': 36,
      'FY2024-25-Q4': 34,
      'FY2025-26-Q1': 30,
    };
    for (const [period, value] of Object.entries(values)) {
      await editorA.put(`/measures/${m.id}/observations/${period}`, { value });
    }
    await editorA.put(`/measures/${m.id}/targets/FY2025-26-Q1`, { value: 32 });

    // Without a baseline set, the baseline is the first value and the line is fitted on all.
    const s = await editorA.get(`/measures/${m.id}/series?horizon=2`);
    expect(s.latest).toMatchObject({ period: 'FY2025-26-Q1', value: 30, suppressed: false });
    expect(s.trend).toEqual({ trend: 'down', periods: 4, favorable: true });
    expect(s.target).toMatchObject({ value: 32, status: 'met' });
    expect(s.target.variance).toBeCloseTo(-2 / 32, 12);
    expect(s.baseline).toMatchObject({ period: 'FY2024-25-Q1', value: 40, favorable: true });
    expect(s.targets).toEqual([{ period: 'FY2025-26-Q1', value: 32 }]);
    // OLS over (0,40) (1,38) (2,36) (3,34) (4,30): slope -2.4, intercept 40.4.
    expect(s.forecast.map((p: { period: string }) => p.period)).toEqual([
      'FY2025-26-Q2',
      'FY2025-26-Q3',
    ]);
    expect(s.forecast[0].value).toBeCloseTo(40.4 - 2.4 * 5, 10);
    expect(s.forecast[1].value).toBeCloseTo(40.4 - 2.4 * 6, 10);

    // With a baseline, the curve we were on is fitted on the history up to it and runs on from
    // there, so the actuals since can be judged against it. Until issue #18 that line was
    // `forecast`; it is now `baselineForecast`, and `forecast` stays the line through every figure.
    await editorA.call('patch', `/measures/${m.id}`, { baselinePeriod: 'FY2024-25-Q2' });
    const b = await editorA.get(`/measures/${m.id}/series?horizon=2`);
    expect(b.baseline).toMatchObject({ period: 'FY2024-25-Q2', value: 38, favorable: true });
    expect(b.baseline.change).toBeCloseTo(-8 / 38, 12);
    expect(b.forecast).toEqual(s.forecast);
    // OLS over (0,40) (1,38): slope -2, intercept 40; from FY2024-25-Q3 to two past the latest.
    // Two values leave no residual to measure: low and high are null.
    expect(b.baselineForecast).toEqual([
      { period: 'FY2024-25-Q3', value: 36, low: null, high: null },
      { period: 'FY2024-25-Q4', value: 34, low: null, high: null },
      { period: 'FY2025-26-Q1', value: 32, low: null, high: null },
      { period: 'FY2025-26-Q2', value: 30, low: null, high: null },
      { period: 'FY2025-26-Q3', value: 28, low: null, high: null },
    ]);
    // 30 days against the 32 the curve we were on pointed to: better, for a "down" measure.
    expect(b.versusBaselineCurve).toEqual({
      period: 'FY2025-26-Q1',
      actual: 30,
      expected: 32,
      low: null,
      high: null,
      better: true,
    });

    // ?period= stops the curve at that period.
    const earlier = await editorA.get(`/measures/${m.id}/series?period=FY2024-25-Q3`);
    expect(earlier.latest.period).toBe('FY2024-25-Q3');
    expect(earlier.points).toHaveLength(3);
  });

  it('rejects a figure for a period of another type, and a breakdown the measure does not have', async () => {
    const wrongType = await editorA.fail('put', `/measures/${w.countA.id}/observations/2025-Q3`, {
      value: 4,
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.error.message).toMatch(/fiscal quarter/);
    const wrongDim = await editorA.fail(
      'put',
      `/measures/${w.countA.id}/observations/FY2025-26-Q1`,
      {
        value: 4,
        breakdown: { region: 'north' },
      },
    );
    expect(wrongDim.status).toBe(400);
  });

  it('refuses a part larger than its total, and warns when the parts do not add up', async () => {
    const g = w.dimension.code;
    const url = `/measures/${w.countA.id}/observations/FY2025-26-Q1`;
    const tooBig = await editorA.fail('put', url, { value: 13, breakdown: { [g]: 'girls' } });
    expect(tooBig).toMatchObject({ status: 422, error: { code: 'BREAKDOWN_EXCEEDS_TOTAL' } });
    const girls = await editorA.put(url, { value: 5, breakdown: { [g]: 'girls' } });
    expect(girls.warnings).toEqual([]);
    const boys = await editorA.put(url, { value: 6, breakdown: { [g]: 'boys' } });
    expect(boys.warnings.map((x: { code: string }) => x.code)).toEqual(['PARTS_DO_NOT_ADD_UP']);
    const fixed = await editorA.put(url, { value: 7, breakdown: { [g]: 'boys' } });
    expect(fixed.warnings).toEqual([]);
    const s = await editorA.get(`/measures/${w.countA.id}/series`);
    // In the dimension's defined order (girls, then boys), not as text.
    expect(s.breakdowns.map((b: { key: string }) => b.key)).toEqual([`${g}=girls`, `${g}=boys`]);
  });

  it('suppresses small breakdown cells for a funder, with a complementary cell, and shows them to the agency', async () => {
    const g = w.dimension.code;
    const m = await editorA.post(`/programs/${w.programA.id}/measures`, {
      code: 'REFERRED',
      name: '# referred',
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
      category: 'how_much',
      dimensions: [g],
    });
    const url = `/measures/${m.id}/observations/FY2025-26-Q1`;
    await editorA.put(url, { value: 23 });
    await editorA.put(url, { value: 3, breakdown: { [g]: 'girls' } });
    await editorA.put(url, { value: 20, breakdown: { [g]: 'boys' } });
    await editorA.post(`/organizations/${w.orgA.id}/periods/FY2025-26-Q1/submit`);
    await coordinator.post(`/organizations/${w.orgA.id}/periods/FY2025-26-Q1/approve`);
    const seen = await funder.get(`/measures/${m.id}/series`);
    expect(seen.latest).toMatchObject({ value: 23, suppressed: false });
    expect(
      seen.breakdowns.map(
        (b: { points: { suppressed: boolean; value: number | null }[] }) => b.points[0],
      ),
    ).toEqual([
      { period: 'FY2025-26-Q1', value: null, numerator: null, denominator: null, suppressed: true },
      { period: 'FY2025-26-Q1', value: null, numerator: null, denominator: null, suppressed: true },
    ]);
    const own = await editorA.get(`/measures/${m.id}/series`);
    expect(own.breakdowns.map((b: { points: { value: number }[] }) => b.points[0]?.value)).toEqual([
      3, 20,
    ]);
    // A funder never reads raw cells.
    expect((await funder.fail('get', `/measures/${m.id}/observations`)).status).toBe(403);
  });

  it('shows a coordinator submitted figures but not drafts, and a member only approved ones', async () => {
    const m = await editorA.post(`/programs/${w.programA.id}/measures`, {
      code: 'DRAFTY',
      name: 'Draft figures',
      unit: 'count',
      direction: 'up',
      periodType: 'fiscal_quarter',
      category: 'how_much',
    });
    await editorA.put(`/measures/${m.id}/observations/FY2025-26-Q3`, { value: 8 });
    const member = client(t, await t.login(w.users.member.email, w.users.member.password));
    expect((await coordinator.get(`/measures/${m.id}/series`)).latest).toBeNull();
    await editorA.post(`/organizations/${w.orgA.id}/periods/FY2025-26-Q3/submit`);
    expect((await coordinator.get(`/measures/${m.id}/series`)).latest).toMatchObject({ value: 8 });
    expect((await member.get(`/measures/${m.id}/series`)).latest).toBeNull();
    expect((await admin.get(`/measures/${m.id}/series`)).latest).toMatchObject({ value: 8 });
  });
});

describe('set-up rules', () => {
  it('refuses a partner measure that does not match the shared measure it reports', async () => {
    const res = await editorA.fail('post', `/programs/${w.programA.id}/measures`, {
      code: 'MISMATCH',
      name: 'Mismatch',
      unit: 'percent',
      direction: 'down',
      periodType: 'quarter',
      sharedMeasureId: w.shared.id,
    });
    expect(res).toMatchObject({ status: 422, error: { code: 'SHARED_MEASURE_MISMATCH' } });
    expect(res.error.message).toMatch(/direction, periodType/);
  });

  it('refuses to delete what has data (409), and archives it instead', async () => {
    const del = await editorA.fail('delete', `/measures/${w.countA.id}`);
    expect(del).toMatchObject({ status: 409, error: { code: 'HAS_DATA' } });
    const archived = await editorA.call('patch', `/measures/${w.countA.id}`, { archived: true });
    expect(archived.body.archivedAt).not.toBeNull();
    const card = await editorA.get(`/organizations/${w.orgA.id}/scorecard`);
    expect(JSON.stringify(card)).not.toContain(w.countA.id);
    await editorA.call('patch', `/measures/${w.countA.id}`, { archived: false });
  });

  it('lets a coordinator read the audit trail of their table, not of another', async () => {
    const mine = await coordinator.get(`/audit?entity=measure&entityId=${w.indicator.id}`);
    expect(mine.items[0]).toMatchObject({ action: 'measure.create', entityId: w.indicator.id });
    const other = client(
      t,
      await t.login(w.users.otherCoordinator.email, w.users.otherCoordinator.password),
    );
    expect(
      (await other.fail('get', `/audit?entity=measure&entityId=${w.indicator.id}`)).status,
    ).toBe(403);
    expect((await coordinator.fail('get', '/audit')).status).toBe(403);
  });
});
