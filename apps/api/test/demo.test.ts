// The demo collaborative: deterministic, idempotent, real Statistics Canada history, and a
// living current quarter.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
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
    expect(byStatus('approved')).toEqual(['CSCN', 'MBFS', 'NCMHC', 'NDSB']);
    expect(subs.map((x) => x.code)).not.toContain('PCMH');
    expect(subs.map((x) => x.code)).not.toContain('NCL');
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

  it('gives every state of the current quarter a demo editor, whose agency stands there', async () => {
    const coordinator = client(t, await t.login('coordinator@northshire.example', DEMO_PASSWORD));
    const table = (await coordinator.get('/tables')).items[0];
    const quarter = (await seedDemo(t.db, { today: DAY })).quarters.at(-1);
    const status = await coordinator.get(`/tables/${table.id}/reporting-status?period=${quarter}`);
    const byCode = new Map<
      string,
      { status: string; figures: { expected: number; entered: number } }
    >(status.items.map((i: { organization: { code: string } }) => [i.organization.code, i]));
    const journeys = DEMO_ACCOUNTS.filter((a) => a.role === 'partner_editor').map((a) => [
      a.org,
      byCode.get(a.org)?.status,
    ]);
    expect(journeys).toEqual([
      ['NCMHC', 'approved'],
      ['YWH', 'submitted'],
      ['NCL', 'in_progress'],
      ['NGH', 'returned'],
      ['PCMH', 'not_started'],
      ['CSCN', 'approved'],
    ]);
    const partly = byCode.get('NCL')?.figures;
    expect(partly?.entered).toBeGreaterThan(0);
    expect(partly?.entered).toBeLessThan(partly?.expected ?? 0);
    expect(byCode.get('PCMH')?.figures.entered).toBe(0);
  });

  it('tells only of the current quarter: one notice for the coordinator, the return for its editor', async () => {
    const unread = async (email: string) =>
      (await client(t, await t.login(email, DEMO_PASSWORD)).get('/me/notifications')).items;
    const coordinator = await unread('coordinator@northshire.example');
    expect(coordinator.map((n: { kind: string }) => n.kind)).toEqual(['submitted']);
    const hospital = await unread('editor.ngh@northshire.example');
    expect(hospital.map((n: { kind: string }) => n.kind)).toEqual(['returned']);
    expect(await unread('editor.ncmhc@northshire.example')).toEqual([]);
  });

  it('lists its accounts for the sign-in page, each partner editor with the state of their quarter', async () => {
    const demoApp = await createTestApp({ DEMO: 'true' });
    try {
      const none = { password: null, accounts: [] };
      expect((await demoApp.http().get('/api/v1/demo/accounts')).body).toEqual(none);
      await seedDemo(demoApp.db, { today: DAY });
      const res = await demoApp.http().get('/api/v1/demo/accounts');
      expect(res.status).toBe(200);
      expect(res.body.password).toBe(DEMO_PASSWORD);
      expect(res.body.accounts.map((a: { email: string }) => a.email)).toEqual(
        DEMO_ACCOUNTS.map((a) => a.email),
      );
      expect(
        res.body.accounts.find(
          (a: { email: string }) => a.email === 'editor.ngh@northshire.example',
        ),
      ).toMatchObject({
        role: 'partner_editor',
        quarter: 'returned',
      });
    } finally {
      await demoApp.closeAll();
    }
    // DEMO=false (as on PostgreSQL unless DEMO=true): an empty list, even on the demo's database.
    const off = await t.http().get('/api/v1/demo/accounts');
    expect([off.status, off.body]).toEqual([200, { password: null, accounts: [] }]);
  });

  it('seeds in one transaction: a failure half-way leaves nothing, and the next start seeds it all', async () => {
    const fresh = await createTestDatabase();
    try {
      // The last step (the turn-the-curve plans) fails, as a start killed late in seeding would.
      await sql`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'stopped'; end $$`.execute(
        fresh.db,
      );
      await sql`create trigger refuse before insert on curve_plans for each row execute function refuse()`.execute(
        fresh.db,
      );
      await expect(seedDemo(fresh.db, { today: DAY })).rejects.toThrow(/stopped/);
      const count = async (table: 'users' | 'planning_tables' | 'observations' | 'audit_events') =>
        Number(
          (
            await fresh.db
              .selectFrom(table)
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect([
        await count('users'),
        await count('planning_tables'),
        await count('observations'),
      ]).toEqual([0, 0, 0]);
      await sql`drop trigger refuse on curve_plans`.execute(fresh.db);
      expect((await seedDemo(fresh.db, { today: DAY })).seeded).toBe(true);
      expect(await content(fresh.db)).toEqual(await content(t.db));
    } finally {
      await fresh.close();
    }
  }, 180_000);
});
