// Issue 16, the import rules: a row with more (or fewer) fields than its header is rejected
// with its line; a figure for a period that has not started is refused on entry and in
// imports (targets may still be set ahead); a dry run lists every figure it would change,
// with the stored numbers and the new ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
type Who = 'admin' | 'coordinator' | 'editorA';
const auth = {} as Record<Who, string>;
const as = {} as Record<Who, Client>;

// "Today" is the real date (the API's clock is curve-plans' today(), not injectable): the
// periods below are computed from it so that they stay in the past or future.
const YEAR = new Date().getUTCFullYear();
const yy = (y: number) => String(y % 100).padStart(2, '0');
/** A fiscal quarter (April start, the default) that starts in the next calendar year. */
const FUTURE_FQ = `FY${YEAR + 1}-${yy(YEAR + 2)}-Q1`;
const FUTURE_FQ_START = `${YEAR + 1}-04-01`;
const FUTURE_YEAR = String(YEAR + 1);
const PAST_FQ = 'FY2024-25-Q3';

async function upload(who: Who, csv: string, mapping?: unknown, query = '') {
  let req = t.http().post(`/api/v1/imports${query}`).set('authorization', auth[who]);
  if (mapping !== undefined) req = req.field('mapping', JSON.stringify(mapping));
  return req.attach('file', Buffer.from(csv), 'data.csv');
}

/** A fresh fiscal-quarter count of agency A, without dimensions. */
async function quarterlyCount(code = `Q-${uniqueSuffix()}`) {
  return as.editorA.post(`/programs/${w.programA.id}/measures`, {
    code,
    name: 'Quarterly visits',
    unit: 'count',
    direction: 'up',
    periodType: 'fiscal_quarter',
    category: 'how_much',
  });
}

async function stored(measureId: string) {
  return (await as.admin.get(`/measures/${measureId}/observations`)).items as {
    period: string;
    value: number | null;
    breakdown: Record<string, string>;
  }[];
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const who of ['admin', 'coordinator', 'editorA'] as const) {
    auth[who] = await t.login(w.users[who].email, w.users[who].password);
    as[who] = client(t, auth[who]);
  }
});
afterAll(async () => t.closeAll());

describe('a row with more fields than its header', () => {
  it('is rejected in a long import, with its line, instead of being truncated', async () => {
    const m = await quarterlyCount();
    const mapping = {
      mode: 'long',
      measureId: m.id,
      period: { column: 'period', format: 'fiscal_quarter' },
      value: { column: 'value' },
    };
    const csv = `period,value\nFY2024-25-Q2,5\n${PAST_FQ},1,234\n`;
    const dry = await upload('editorA', csv, mapping);
    expect(dry.status).toBe(200);
    expect(dry.body.rejected).toEqual([
      {
        line: 3,
        reason:
          '3 fields where the header has 2; a number with a thousands separator (1,234) must be quoted ("1,234"), as must any text holding a comma',
      },
    ]);
    expect(dry.body).toMatchObject({ rowsRead: 2, inserted: 1, committed: false });
    const commit = await upload('editorA', csv, mapping, '?commit=true');
    expect(commit.status).toBe(422);
    expect(commit.body).toMatchObject({ committed: false, error: { code: 'IMPORT_REJECTED' } });
    expect(commit.body.rejected).toEqual(dry.body.rejected);
    expect(await stored(m.id)).toEqual([]);
    // Quoted, the same number is read whole.
    const quoted = await upload(
      'editorA',
      `period,value\n${PAST_FQ},"1,234"\n`,
      mapping,
      '?commit=true',
    );
    expect(quoted.status).toBe(200);
    expect((await stored(m.id)).map((o) => o.value)).toEqual([1234]);
  });

  it('is rejected in a native import, naming the line where the record starts', async () => {
    const m = await quarterlyCount();
    const org = w.orgA.code;
    // A quoted note spanning two lines: the bad record starts on line 4.
    const csv =
      'measure_code,organization_code,period,value,note\n' +
      `${m.code},${org},FY2024-25-Q1,3,"two\nlines"\n` +
      `${m.code},${org},${PAST_FQ},1,234,\n`;
    const dry = await upload('editorA', csv);
    expect(dry.status).toBe(200);
    expect(dry.body.rejected).toEqual([
      { line: 4, reason: expect.stringMatching(/^6 fields where the header has 5; /) },
    ]);
    const commit = await upload('editorA', csv, undefined, '?commit=true');
    expect(commit.status).toBe(422);
    expect(await stored(m.id)).toEqual([]);
  });

  it('is rejected in a wide import, even when a filter would have left it out', async () => {
    const m = await quarterlyCount();
    const mapping = {
      mode: 'wide',
      measure: { column: 'code' },
      organizationId: w.orgA.id,
      period: { format: 'fiscal_quarter' },
      wide: { periodColumns: ['FY2024-25-Q1', 'FY2024-25-Q2'] },
      filters: [{ column: 'keep', equals: 'yes' }],
    };
    const csv =
      'code,keep,FY2024-25-Q1,FY2024-25-Q2\n' +
      `${m.code},yes,1,234,5\n` +
      `${m.code},no,7,8\n` +
      `${m.code},no,1,000,9\n`;
    const dry = await upload('editorA', csv, mapping);
    expect(dry.status).toBe(200);
    expect(dry.body.rejected).toEqual([
      { line: 2, reason: expect.stringMatching(/^5 fields where the header has 4; /) },
      { line: 4, reason: expect.stringMatching(/^5 fields where the header has 4; /) },
    ]);
    expect(dry.body).toMatchObject({ rowsRead: 3, filtered: 1, inserted: 0 });
    expect((await upload('editorA', csv, mapping, '?commit=true')).status).toBe(422);
    expect(await stored(m.id)).toEqual([]);
  });

  it('names the delimiter that must be quoted in a semicolon file', async () => {
    const m = await quarterlyCount();
    const mapping = {
      mode: 'long',
      measureId: m.id,
      period: { column: 'period', format: 'fiscal_quarter' },
      value: { column: 'value' },
      note: { column: 'note' },
    };
    const dry = await upload('editorA', `period;value;note\n${PAST_FQ};4;a;b\n`, mapping);
    expect(dry.body.rejected).toEqual([
      {
        line: 2,
        reason: '4 fields where the header has 3; a text holding a semicolon must be quoted',
      },
    ]);
  });
});

describe('a row with fewer fields than its header', () => {
  it('is rejected, not padded with empty cells (which would clear a stored figure)', async () => {
    const m = await quarterlyCount();
    await as.editorA.put(`/measures/${m.id}/observations/${PAST_FQ}`, { value: 40 });
    const csv = `measure_code,organization_code,period,value\n${m.code},${w.orgA.code},${PAST_FQ}\n`;
    const dry = await upload('editorA', csv);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ inserted: 0, updated: 0 });
    expect(dry.body.rejected).toEqual([
      {
        line: 2,
        reason:
          '3 fields where the header has 4; every row needs a cell for each column (an empty cell is written as nothing between two delimiters)',
      },
    ]);
    expect((await upload('editorA', csv, undefined, '?commit=true')).status).toBe(422);
    expect((await stored(m.id)).map((o) => o.value)).toEqual([40]);
  });
});

describe('a period that has not started', () => {
  it('refuses a figure on entry with FUTURE_PERIOD, writing nothing; a target may be set ahead', async () => {
    const m = await quarterlyCount();
    const res = await as.editorA.fail('put', `/measures/${m.id}/observations/${FUTURE_FQ}`, {
      value: 3,
    });
    expect(res.status).toBe(400);
    expect(res.error.code).toBe('FUTURE_PERIOD');
    expect(res.error.message).toBe(
      `Period ${FUTURE_FQ} has not started yet (it starts on ${FUTURE_FQ_START}): a figure can be entered once its period has begun; targets may be set ahead`,
    );
    // The data-entry grid refuses it too, all or nothing.
    const grid = await as.editorA.fail('put', `/organizations/${w.orgA.id}/observations`, {
      items: [
        { measureId: m.id, period: PAST_FQ, value: 1 },
        { measureId: m.id, period: FUTURE_FQ, value: 2 },
      ],
    });
    expect(grid.status).toBe(400);
    expect(grid.error.code).toBe('FUTURE_PERIOD');
    expect(await stored(m.id)).toEqual([]);
    // Indicators (population data) too.
    const ind = await as.coordinator.fail(
      'put',
      `/measures/${w.indicator.id}/observations/${FUTURE_YEAR}`,
      { value: 50 },
    );
    expect(ind.error.code).toBe('FUTURE_PERIOD');
    // Targets may be set ahead.
    await as.editorA.put(`/measures/${m.id}/targets/${FUTURE_FQ}`, { value: 20 });
    // The period that holds today has started: it takes figures.
    await as.coordinator.put(`/measures/${w.indicator.id}/observations/${YEAR}`, { value: 61 });
  });

  it('is a rejected row, with its line, in a long and a wide import', async () => {
    const m = await quarterlyCount();
    const long = {
      mode: 'long',
      measureId: m.id,
      period: { column: 'period', format: 'fiscal_quarter' },
      value: { column: 'value' },
    };
    const csv = `period,value\n${PAST_FQ},5\n${FUTURE_FQ},6\n`;
    const dry = await upload('editorA', csv, long);
    expect(dry.status).toBe(200);
    expect(dry.body.rejected).toEqual([
      {
        line: 3,
        reason: `period: ${FUTURE_FQ} has not started yet (it starts on ${FUTURE_FQ_START}): a figure can be entered once its period has begun; targets may be set ahead`,
      },
    ]);
    expect(dry.body.inserted).toBe(1);
    expect((await upload('editorA', csv, long, '?commit=true')).status).toBe(422);
    expect(await stored(m.id)).toEqual([]);

    const wide = {
      mode: 'wide',
      measureId: m.id,
      period: { format: 'fiscal_quarter' },
      wide: { periodColumns: [PAST_FQ, FUTURE_FQ] },
    };
    const wideDry = await upload('editorA', `x,${PAST_FQ},${FUTURE_FQ}\na,5,6\n`, wide);
    expect(wideDry.body.rejected).toEqual([
      {
        line: 2,
        reason: expect.stringMatching(
          new RegExp(`^${FUTURE_FQ}: period: ${FUTURE_FQ} has not started yet`),
        ),
      },
    ]);
  });

  it('is a rejected row in a native import', async () => {
    const m = await quarterlyCount();
    const csv = `measure_code,organization_code,period,value\n${m.code},${w.orgA.code},${FUTURE_FQ},6\n`;
    const dry = await upload('editorA', csv);
    expect(dry.body.rejected).toEqual([
      { line: 2, reason: expect.stringMatching(/^period: .* has not started yet/) },
    ]);
    expect((await upload('editorA', csv, undefined, '?commit=true')).status).toBe(422);
    expect(await stored(m.id)).toEqual([]);
  });
});

describe('a dry run lists the figures it would change', () => {
  it('with the stored numbers (null for a new figure) and the new ones, in file order', async () => {
    const m = await quarterlyCount();
    await as.editorA.put(`/measures/${m.id}/observations/FY2024-25-Q1`, { value: 10 });
    await as.editorA.put(`/measures/${m.id}/observations/FY2024-25-Q2`, { value: 20, note: 'n' });
    const mapping = {
      mode: 'long',
      measureId: m.id,
      period: { column: 'period', format: 'fiscal_quarter' },
      value: { column: 'value' },
    };
    const csv = `period,value\nFY2024-25-Q3,30\nFY2024-25-Q1,10\nFY2024-25-Q2,25\n`;
    const dry = await upload('editorA', csv, mapping);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, committed: false });
    const base = {
      measureId: m.id,
      measureCode: m.code,
      organizationCode: w.orgA.code,
      breakdown: {},
    };
    expect(dry.body.changesTruncated).toBe(false);
    expect(dry.body.changes).toEqual([
      {
        ...base,
        line: 2,
        period: 'FY2024-25-Q3',
        before: null,
        after: { value: 30, numerator: null, denominator: null, note: null },
      },
      {
        ...base,
        line: 4,
        period: 'FY2024-25-Q2',
        before: { value: 20, numerator: null, denominator: null, note: 'n' },
        after: { value: 25, numerator: null, denominator: null, note: 'n' },
      },
    ]);
    // A commit reports counts, not the list.
    const commit = await upload('editorA', csv, mapping, '?commit=true');
    expect(commit.status).toBe(200);
    expect(commit.body.committed).toBe(true);
    expect(commit.body.changes).toBeUndefined();
  });

  it('shows ratio parts and breakdowns', async () => {
    const csv =
      'measure_code,organization_code,period,breakdown,value,numerator,denominator\n' +
      `IMPROVED,${w.orgA.code},FY2025-26-Q1,,60,7,10\n` +
      `SERVED,${w.orgA.code},FY2024-25-Q4,${w.dimension.code}=girls,4,,\n`;
    const dry = await upload('editorA', csv);
    expect(dry.status).toBe(200);
    expect(dry.body.rejected).toEqual([]);
    expect(dry.body.changes).toEqual([
      expect.objectContaining({
        line: 2,
        measureId: w.ratioA.id,
        period: 'FY2025-26-Q1',
        breakdown: {},
        before: { value: 60, numerator: 6, denominator: 10, note: null },
        after: { value: 70, numerator: 7, denominator: 10, note: null },
      }),
      expect.objectContaining({
        line: 3,
        measureId: w.countA.id,
        breakdown: { [w.dimension.code]: 'girls' },
        before: null,
        after: { value: 4, numerator: null, denominator: null, note: null },
      }),
    ]);
  });

  it('lists at most 1,000 and says when there were more', async () => {
    const m = await as.editorA.post(`/programs/${w.programA.id}/measures`, {
      code: `MO-${uniqueSuffix()}`,
      name: 'Monthly visits',
      unit: 'count',
      direction: 'up',
      periodType: 'month',
      category: 'how_much',
    });
    const rows = Array.from({ length: 1001 }, (_, i) => {
      const y = 1800 + Math.floor(i / 12);
      return `${y}-${String((i % 12) + 1).padStart(2, '0')},${i}`;
    });
    const dry = await upload('editorA', `month,visits\n${rows.join('\n')}\n`, {
      mode: 'long',
      measureId: m.id,
      period: { column: 'month', format: 'month' },
      value: { column: 'visits' },
    });
    expect(dry.status).toBe(200);
    expect(dry.body.inserted).toBe(1001);
    expect(dry.body.changes).toHaveLength(1000);
    expect(dry.body.changes[999]).toMatchObject({ line: 1001, period: '1883-04' });
    expect(dry.body.changesTruncated).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  it('describes the dry run’s changes', async () => {
    const doc = (await t.http().get('/api/v1/openapi.json')).body;
    const report =
      doc.paths['/api/v1/imports'].post.responses['200'].content['application/json'].schema;
    expect(report.required).not.toContain('changes');
    expect(report.properties.changesTruncated).toMatchObject({ type: 'boolean' });
    const change = report.properties.changes.items;
    expect(change.required).toEqual([
      'line',
      'measureId',
      'measureCode',
      'organizationCode',
      'period',
      'breakdown',
      'before',
      'after',
    ]);
    expect(change.properties.after.required).toEqual(['value', 'numerator', 'denominator', 'note']);
  });
});
