// GET /exports/observations.csv and /exports/scorecard.csv: layouts, quoting, formula
// neutralising, and exactly the rows each caller may see.
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { copyExporter } from '../src/exports/copy-export.js';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, httpOf, TEST_JWT_SECRET, type TestApp, testConfig } from './helpers/app.js';
import { databaseUrlFor } from './helpers/template.js';

let t: TestApp;
let w: World;
type Who =
  | 'admin'
  | 'coordinator'
  | 'member'
  | 'editorA'
  | 'viewerA'
  | 'funder'
  | 'editorX'
  | 'nobody';
const auth = {} as Record<Who, string>;
const as = {} as Record<Who, Client>;

async function download(who: Who, url: string, agent = t.http()) {
  const res = await agent
    .get(`/api/v1/exports/${url}`)
    .set('authorization', auth[who])
    .buffer(true)
    .parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => {
        text += c;
      });
      r.on('end', () => cb(null, text));
    });
  return { status: res.status, text: res.body as string, headers: res.headers };
}

function records(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

let girls: string;
let boys: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const who of [
    'admin',
    'coordinator',
    'member',
    'editorA',
    'viewerA',
    'funder',
    'editorX',
    'nobody',
  ] as const) {
    auth[who] = await t.login(w.users[who].email, w.users[who].password);
    as[who] = client(t, auth[who]);
  }
  girls = `${w.dimension.code}=girls`;
  boys = `${w.dimension.code}=boys`;
  // countA: total 12 with parts 3 (small) and 9; approved, so that funders see it.
  await as.editorA.put(`/measures/${w.countA.id}/observations/${WORLD_PERIOD}`, {
    value: 3,
    breakdown: { [w.dimension.code]: 'girls' },
  });
  await as.editorA.put(`/measures/${w.countA.id}/observations/${WORLD_PERIOD}`, {
    value: 9,
    breakdown: { [w.dimension.code]: 'boys' },
    note: 'counted twice, "once" in the hall',
  });
  await as.editorA.post(`/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/submit`, {});
  await as.coordinator.post(`/organizations/${w.orgA.id}/periods/${WORLD_PERIOD}/approve`, {});
  // A later draft the funder and members must not see.
  await as.editorA.put(`/measures/${w.countA.id}/observations/FY2025-26-Q2`, { value: 20 });
});
afterAll(async () => t.closeAll());

describe('the long layout', () => {
  it('writes the columns of DESIGN.md, canonical breakdowns and full-precision numbers', async () => {
    await as.editorA.put(`/measures/${w.ratioA.id}/observations/FY2024-25-Q4`, {
      numerator: 1,
      denominator: 3,
    });
    const res = await download('admin', `observations.csv?organizationId=${w.orgA.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    // Named by what it holds: figures, whose, the day (no period bound asked for).
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="figures_${w.orgA.code}_${day}.csv"`,
    );
    const bounded = await download(
      'admin',
      `observations.csv?tableId=${w.table.id}&from=FY2023-24-Q1&to=FY2024-25-Q4&layout=wide`,
    );
    expect(bounded.headers['content-disposition']).toMatch(
      new RegExp(`filename="figures-wide_[A-Za-z0-9-]+_FY2023-24-Q1-to-FY2024-25-Q4_${day}\\.csv"`),
    );
    expect(res.text.split('\n')[0]).toBe(
      'measure_code,measure_name,measure_name_fr,organization_code,period,period_start,period_end,breakdown,value,numerator,denominator,target,unit,status,note,updated_at,suppressed,under_revision',
    );
    const rows = records(res.text);
    const total = rows.find(
      (r) => r.measure_code === 'SERVED' && r.breakdown === '' && r.period === WORLD_PERIOD,
    );
    expect(total).toMatchObject({
      measure_name: '# served',
      organization_code: w.orgA.code,
      period_start: '2025-04-01',
      period_end: '2025-06-30',
      value: '12',
      numerator: '',
      target: '15',
      unit: 'count',
      status: 'approved',
      suppressed: 'false',
    });
    expect(total?.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(rows.find((r) => r.breakdown === boys)?.note).toBe('counted twice, "once" in the hall');
    // A percentage computed from its parts is rounded to the measure's decimals (1, a percent's
    // default) plus two, beside the parts it comes from (issue #18; until then 33.33333333333333).
    const third = rows.find((r) => r.measure_code === 'IMPROVED' && r.period === 'FY2024-25-Q4');
    expect(third).toMatchObject({ value: '33.333', numerator: '1', denominator: '3' });
    expect(res.text).toContain('"counted twice, ""once"" in the hall"');
  });

  it('filters by measure, period range, status and breakdowns', async () => {
    const q = `measureId=${w.countA.id}&from=FY2025-26-Q1&to=FY2025-26-Q1&breakdowns=false`;
    const rows = records((await download('editorA', `observations.csv?${q}`)).text);
    expect(rows.map((r) => [r.period, r.breakdown, r.value])).toEqual([[WORLD_PERIOD, '', '12']]);
    const drafts = records(
      (await download('editorA', `observations.csv?measureId=${w.countA.id}&status=draft`)).text,
    );
    expect(drafts.map((r) => r.value)).toEqual(['20']);
    const bad = await download('editorA', 'observations.csv?from=someday');
    expect(bad.status).toBe(400);
  });

  it('neutralises text cells that a spreadsheet would read as a formula, and only those', async () => {
    const m = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `F-${uniqueSuffix()}`,
      name: '=HYPERLINK("http://evil.example","click")',
      unit: 'number',
      direction: 'up',
      periodType: 'year',
    });
    await as.editorA.put(`/measures/${m.id}/observations/2024`, { value: -5, note: '+1 call' });
    await as.editorA.put(`/measures/${m.id}/observations/2023`, { value: 2, note: '@risk\tnow' });
    const text = (await download('editorA', `observations.csv?measureId=${m.id}`)).text;
    const rows = records(text);
    expect(rows.map((r) => [r.measure_name, r.value, r.note])).toEqual([
      [`'=HYPERLINK("http://evil.example","click")`, '2', "'@risk\tnow"],
      [`'=HYPERLINK("http://evil.example","click")`, '-5', "'+1 call"],
    ]);
  });

  it('adds a BOM and CRLF when asked', async () => {
    const res = await download(
      'editorA',
      `observations.csv?measureId=${w.countA.id}&bom=true&crlf=true`,
    );
    expect(res.text.startsWith('\ufeffmeasure_code,')).toBe(true);
    expect(res.text.split('\r\n').length).toBe(6); // header, four rows, the final break
    expect(res.text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('who sees what', () => {
  it('shows a funder approved figures only, small cells suppressed with complements', async () => {
    const rows = records((await download('funder', `observations.csv?tableId=${w.table.id}`)).text);
    const served = rows.filter(
      (r) => r.measure_code === 'SERVED' && r.organization_code === w.orgA.code,
    );
    expect(served.map((r) => [r.period, r.breakdown, r.value, r.suppressed, r.note])).toEqual([
      [WORLD_PERIOD, '', '12', 'false', ''],
      [WORLD_PERIOD, girls, '', 'true', ''],
      [WORLD_PERIOD, boys, '', 'true', ''],
    ]);
    expect(rows.every((r) => r.status === 'approved')).toBe(true);
    // orgB's and the outside agency's drafts are not approved: not there.
    expect(rows.some((r) => r.organization_code === w.outside.code)).toBe(false);
    expect(rows.some((r) => r.organization_code === w.orgB.code)).toBe(false);
  });

  it('shows table members approved figures, unsuppressed', async () => {
    const rows = records((await download('member', `observations.csv?tableId=${w.table.id}`)).text);
    const served = rows.filter(
      (r) => r.measure_code === 'SERVED' && r.organization_code === w.orgA.code,
    );
    // Breakdowns in the dimension's defined order (girls, boys), not as text.
    expect(served.map((r) => r.value)).toEqual(['12', '3', '9']);
    expect(rows.some((r) => r.measure_code === w.indicator.code && r.value === '71.5')).toBe(true);
  });

  it("shows an agency its own drafts, and a table's export the other partners' approved figures", async () => {
    const own = records(
      (await download('viewerA', `observations.csv?organizationId=${w.orgA.id}`)).text,
    );
    expect(own.some((r) => r.value === '20' && r.status === 'draft')).toBe(true);
    const table = records(
      (await download('editorA', `observations.csv?tableId=${w.table.id}`)).text,
    );
    expect(table.some((r) => r.organization_code === w.orgB.code)).toBe(false); // a draft
    const everything = records((await download('editorA', 'observations.csv')).text);
    expect(everything.every((r) => [w.orgA.code, ''].includes(r.organization_code as string))).toBe(
      true,
    );
    expect(everything.some((r) => r.measure_code === w.indicator.code)).toBe(true);
  });

  it('hides what the caller may not see: 404 for a table or agency, nothing in a full export', async () => {
    expect((await download('editorX', `observations.csv?tableId=${w.table.id}`)).status).toBe(404);
    expect((await download('nobody', `observations.csv?organizationId=${w.orgA.id}`)).status).toBe(
      404,
    );
    expect((await download('nobody', `observations.csv?measureId=${w.countA.id}`)).status).toBe(
      404,
    );
    const all = await download('nobody', 'observations.csv');
    expect(all.status).toBe(200);
    expect(records(all.text)).toEqual([]);
    const anon = await t.http().get('/api/v1/exports/observations.csv');
    expect(anon.status).toBe(401);
  });
});

describe('the wide layout', () => {
  it('writes one column per period and lists suppressed periods', async () => {
    const admin = records(
      (await download('admin', `observations.csv?measureId=${w.countA.id}&layout=wide`)).text,
    );
    expect(Object.keys(admin[0] ?? {})).toEqual([
      'measure_code',
      'measure_name',
      'measure_name_fr',
      'organization_code',
      'unit',
      'breakdown',
      WORLD_PERIOD,
      'FY2025-26-Q2',
      'suppressed',
    ]);
    expect(admin.map((r) => [r.breakdown, r[WORLD_PERIOD], r['FY2025-26-Q2']])).toEqual([
      ['', '12', '20'],
      [girls, '3', ''],
      [boys, '9', ''],
    ]);
    const funder = records(
      (await download('funder', `observations.csv?tableId=${w.table.id}&layout=wide`)).text,
    );
    const rows = funder.filter((r) => r.measure_code === 'SERVED');
    expect(Object.keys(rows[0] ?? {})).not.toContain('FY2025-26-Q2');
    expect(rows.map((r) => [r.breakdown, r[WORLD_PERIOD], r.suppressed])).toEqual([
      ['', '12', ''],
      [girls, '', WORLD_PERIOD],
      [boys, '', WORLD_PERIOD],
    ]);
  });
});

describe('the scorecard export', () => {
  it("writes one row per measure of a table's scorecard, with the scorecard's figures", async () => {
    const res = await download(
      'coordinator',
      `scorecard.csv?tableId=${w.table.id}&period=${WORLD_PERIOD}`,
    );
    expect(res.status).toBe(200);
    // Named after the table and the period, on the day it was made.
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="scorecard_${w.table.name.replace(/[^A-Za-z0-9]+/g, '-')}_${WORLD_PERIOD}_${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    const rows = records(res.text);
    const card = await as.coordinator.get(`/tables/${w.table.id}/scorecard?period=${WORLD_PERIOD}`);
    const served = card.results[0].programs[0].measures[0];
    const row = rows.find(
      (r) =>
        r.section === 'program_measure' &&
        r.organization_code === w.orgA.code &&
        r.measure_code === 'SERVED',
    );
    expect(row).toMatchObject({
      result: 'All youth are well',
      program: 'Counselling',
      period: served.latest.period,
      value: String(served.latest.value),
      target: '15',
      target_status: served.target.status,
      trend: served.trend.trend,
      trend_periods: String(served.trend.periods),
    });
    expect(rows.filter((r) => r.section === 'shared_measure')).toHaveLength(1);
    expect(rows.some((r) => r.section === 'indicator' && r.measure_code === w.indicator.code)).toBe(
      true,
    );
  });

  it("writes an agency's scorecard, suppressed for a funder, and refuses an unclear scope", async () => {
    const rows = records(
      (await download('editorA', `scorecard.csv?organizationId=${w.orgA.id}`)).text,
    );
    expect(rows.map((r) => r.measure_code)).toEqual(expect.arrayContaining(['IMPROVED', 'SERVED']));
    expect(rows.every((r) => r.organization_code === w.orgA.code)).toBe(true);
    expect((await download('editorA', 'scorecard.csv')).status).toBe(400);
    expect(
      (await download('editorA', `scorecard.csv?tableId=${w.table.id}&organizationId=${w.orgA.id}`))
        .status,
    ).toBe(400);
    expect((await download('editorX', `scorecard.csv?tableId=${w.table.id}`)).status).toBe(404);
  });
});

describe('COPY on PostgreSQL', () => {
  it('writes exactly what the batch path writes', async () => {
    if (t.engine !== 'postgres') return; // COPY TO STDOUT exists on a PostgreSQL server only
    const template = inject('testDatabase');
    if (template.engine !== 'postgres') return;
    const { rows } = await t.db.executeQuery<{ name: string }>({
      sql: 'select current_database() as name',
      parameters: [],
      query: { kind: 'SelectQueryNode' } as never,
      queryId: { queryId: 'db-name' },
    });
    const config = testConfig({
      DATABASE_URL: databaseUrlFor(template.url, rows[0]?.name as string),
    });
    // The fast path is really there (pg-copy-streams loads), so the comparison means something.
    const pool = new pg.Pool({ connectionString: template.url, max: 1 });
    expect(await copyExporter(pool)).toBeTypeOf('function');
    await pool.end();
    const app = await buildApp({
      config,
      db: t.db,
      engine: 'postgres',
      jwtSecret: TEST_JWT_SECRET,
    });
    await app.ready();
    try {
      await as.editorA.put(`/measures/${w.ratioA.id}/observations/FY2023-24-Q3`, {
        numerator: 2,
        denominator: 7,
        note: '-dash\r\nand, "quotes"',
      });
      for (const [who, q] of [
        ['admin', `tableId=${w.table.id}`],
        ['admin', ''],
        ['editorA', `organizationId=${w.orgA.id}&bom=true`],
        ['member', `tableId=${w.table.id}&from=2025&breakdowns=false`],
      ] as const) {
        const viaBatches = await download(who, `observations.csv?${q}`);
        const viaCopy = await download(who, `observations.csv?${q}`, httpOf(app));
        expect(viaCopy.status).toBe(200);
        expect(viaCopy.text).toBe(viaBatches.text);
      }
    } finally {
      await app.close();
    }
  });
});
