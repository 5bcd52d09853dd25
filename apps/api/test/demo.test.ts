// The demo collaborative: deterministic, idempotent, real Statistics Canada history, and a
// living current quarter.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, STATCAN_INDICATORS } from '../src/demo/demo-content.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { STATCAN_EXTRACT } from '../src/demo/statcan-history.js';
import { client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

const DAY = '2026-11-26';
let t: TestApp;
let other: TestDatabase;

/** The demo's content without ids and timestamps, to compare two seeded databases. */
async function content(db: TestApp['db']) {
  const measures = await db
    .selectFrom('measures')
    .leftJoin('organizations', 'organizations.id', 'measures.organization_id')
    .select(['measures.id', 'measures.code', 'organizations.code as org'])
    .execute();
  const code = new Map(measures.map((m) => [m.id, `${m.org ?? 'table'}:${m.code}`]));
  const obs = await db
    .selectFrom('observations')
    .select([
      'measure_id',
      'period_start',
      'breakdown',
      'value',
      'numerator',
      'denominator',
      'status',
    ])
    .execute();
  const subs = await db
    .selectFrom('submissions')
    .innerJoin('organizations', 'organizations.id', 'submissions.organization_id')
    .select(['organizations.code', 'period_start', 'status', 'review_note'])
    .execute();
  const plans = await db.selectFrom('curve_plans').select(['measure_id', 'revision']).execute();
  return {
    observations: obs
      .map((o) => ({ ...o, measure_id: code.get(o.measure_id) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    submissions: subs.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    plans: plans.map((p) => code.get(p.measure_id)).sort(),
    users: (await db.selectFrom('users').select('email').orderBy('email').execute()).map(
      (u) => u.email,
    ),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  other = await createTestDatabase();
  await seedDemo(t.db, { today: DAY });
  await seedDemo(other.db, { today: DAY });
}, 180_000);
afterAll(async () => {
  await t.closeAll();
  await other.close();
});

describe('the demo collaborative', () => {
  it('is the same on two empty databases seeded on the same day, and seeding again changes nothing', async () => {
    const first = await content(t.db);
    expect(first.observations.length).toBeGreaterThan(400);
    expect(await content(other.db)).toEqual(first);
    const again = await seedDemo(t.db, { today: DAY });
    expect(again.seeded).toBe(false);
    expect(await content(t.db)).toEqual(first);
  });

  it("has the Statistics Canada file's values as its indicator history", async () => {
    const rows = parse(readFileSync(STATCAN_EXTRACT), { columns: true }) as Record<
      string,
      string
    >[];
    const admin = client(t, await t.login('admin@northshire.example', DEMO_PASSWORD));
    const table = (await admin.get('/tables')).items[0];
    const card = await admin.get(`/tables/${table.id}/scorecard`);
    const indicators = card.results.flatMap((r: { indicators: unknown[] }) => r.indicators);
    for (const ind of STATCAN_INDICATORS) {
      const summary = indicators.find((i: { code: string }) => i.code === ind.code);
      const expected = rows
        .filter(
          (r) => r.GEO === 'Ontario' && r.Indicators === ind.statcan && r.Sex === 'Both sexes',
        )
        .map((r) => ({ period: r.REF_DATE, value: Number(r.VALUE) }));
      expect(
        summary.points.map((p: { period: string; value: number }) => ({
          period: p.period,
          value: p.value,
        })),
      ).toEqual(expected);
      const series = await admin.get(`/measures/${summary.measureId}/series`);
      const girls = series.breakdowns.find((b: { key: string }) => b.key === 'gender=girls_women');
      const expectedGirls = rows
        .filter(
          (r) =>
            r.GEO === 'Ontario' &&
            r.Indicators === ind.statcan &&
            r.Sex === 'Females' &&
            r.VALUE !== 'NA',
        )
        .map((r) => Number(r.VALUE));
      expect(girls.points.map((p: { value: number }) => p.value)).toEqual(expectedGirls);
    }
  });

  it('gives every demo account a scorecard with data, and the funder suppressed cells and an approved latest quarter', async () => {
    const login = async (email: string) => client(t, await t.login(email, DEMO_PASSWORD));
    const admin = await login('admin@northshire.example');
    const table = (await admin.get('/tables')).items[0];
    const orgs = (await admin.get('/organizations')).items as { id: string; code: string }[];
    for (const account of DEMO_ACCOUNTS) {
      const c = await login(account.email);
      if (account.role === 'partner_editor') {
        const org = orgs.find((o) => o.code === account.org) as { id: string };
        const card = await c.get(`/organizations/${org.id}/scorecard`);
        expect(card.programs[0].measures[0].points.length).toBeGreaterThan(0);
      } else {
        const card = await c.get(`/tables/${table.id}/scorecard`);
        expect(card.results).toHaveLength(3);
        expect(card.sharedMeasures[0].latest).not.toBeNull();
      }
    }
    const funder = await login('funder@northshire.example');
    const card = await funder.get(`/tables/${table.id}/scorecard`);
    const all = JSON.stringify(card);
    expect(all).toContain('"suppressed":true');
    const quarters = (await seedDemo(t.db, { today: DAY })).quarters;
    expect(card.sharedMeasures[0].latest.period).toBe(quarters.at(-1));
    expect(card.sharedMeasures[0].latest.value).toBeGreaterThan(0);
  });

  it('has a current quarter with approved, waiting, returned and not-started agencies, and an overdue action', async () => {
    const subs = await t.db
      .selectFrom('submissions')
      .innerJoin('organizations', 'organizations.id', 'submissions.organization_id')
      .select(['organizations.code', 'submissions.status', 'submissions.period_start'])
      .where('period_start', '=', (eb) =>
        eb.selectFrom('submissions').select((e) => e.fn.max('period_start').as('m')),
      )
      .execute();
    const byStatus = (s: string) =>
      subs
        .filter((x) => x.status === s)
        .map((x) => x.code)
        .sort();
    expect(byStatus('submitted')).toEqual(['YWH']);
    expect(byStatus('returned')).toEqual(['NGH']);
    expect(byStatus('approved')).toHaveLength(5);
    expect(subs.map((x) => x.code)).not.toContain('PCMH');
    const coordinator = client(t, await t.login('coordinator@northshire.example', DEMO_PASSWORD));
    const table = (await coordinator.get('/tables')).items[0];
    const card = await coordinator.get(`/tables/${table.id}/scorecard`);
    const overdue = card.results
      .flatMap((r: { indicators: { plan: { overdueActions: number } }[] }) => r.indicators)
      .reduce((n: number, i: { plan: { overdueActions: number } }) => n + i.plan.overdueActions, 0);
    expect(overdue).toBeGreaterThanOrEqual(1);
  });

  it('has a system map with a gap and a possible duplication a coordinator would notice', async () => {
    const coordinator = client(t, await t.login('coordinator@northshire.example', DEMO_PASSWORD));
    const table = (await coordinator.get('/tables')).items[0];
    const map = await coordinator.get(`/tables/${table.id}/system-map`);
    const status = (service: string, region: string) =>
      map.coverage.cells.find(
        (c: { serviceType: string; value: string }) =>
          c.serviceType === service && c.value === region,
      )?.status;
    expect(status('counselling_therapy', 'central')).toBe('duplication');
    expect(status('intensive_treatment', 'south')).toBe('gap');
    expect(status('crisis_support', 'north')).toBe('covered');
    expect(map.unprofiledPrograms).toEqual([]);
    expect(map.unlinkedResults).toEqual([]);
  });
});
