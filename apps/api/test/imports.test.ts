// POST /imports: dry runs, all-or-nothing commits, line numbers, permissions, locks, limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../src/imports/imports.service.js';
import { uniqueSuffix } from '../support/factories.js';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let w: World;
type Who = 'admin' | 'coordinator' | 'editorA' | 'viewerA' | 'funder' | 'editorX';
const auth = {} as Record<Who, string>;
const as = {} as Record<Who, Client>;

async function upload(who: Who, csv: string | Buffer, mapping?: unknown, query = '') {
  let req = t.http().post(`/api/v1/imports${query}`).set('authorization', auth[who]);
  if (mapping !== undefined) req = req.field('mapping', JSON.stringify(mapping));
  return req.attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), 'data.csv');
}

async function exportCsv(who: Who, query: string): Promise<string> {
  const res = await t
    .http()
    .get(`/api/v1/exports/observations.csv?${query}`)
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
  expect(res.status).toBe(200);
  return res.body as string;
}

async function monthlyCount(who: Who = 'editorA', programId = w.programA.id) {
  return (as[who] as Client).post(`/programs/${programId}/measures`, {
    code: `M-${uniqueSuffix()}`,
    name: 'Monthly visits',
    unit: 'count',
    direction: 'up',
    periodType: 'month',
    category: 'how_much',
  });
}

function months(n: number, from = 1800): string[] {
  return Array.from({ length: n }, (_, i) => {
    const y = from + Math.floor(i / 12);
    return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  for (const who of ['admin', 'coordinator', 'editorA', 'viewerA', 'funder', 'editorX'] as const) {
    auth[who] = await t.login(w.users[who].email, w.users[who].password);
    as[who] = client(t, auth[who]);
  }
});
afterAll(async () => t.closeAll());

describe('reading files', () => {
  it('is a dry run by default and reports what a commit would do', async () => {
    const m = await monthlyCount();
    const csv = 'month,visits\n2024-01,10\n2024-02,11\n2024-03,NA\n';
    const mapping = {
      mode: 'long',
      measureId: m.id,
      period: { column: 'month', format: 'month' },
      value: { column: 'visits' },
    };
    const dry = await upload('editorA', csv, mapping);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      rowsRead: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: [],
      committed: false,
      skipped: [{ line: 4, reason: 'visits: "NA" is a missing value; skipped' }],
      filtered: 0,
      changes: ['2024-01', '2024-02'].map((period, i) => ({
        line: i + 2,
        measureId: m.id,
        measureCode: m.code,
        organizationCode: w.orgA.code,
        period,
        breakdown: {},
        before: null,
        after: { value: 10 + i, numerator: null, denominator: null, note: null },
      })),
      changesTruncated: false,
    });
    expect((await as.editorA.get(`/measures/${m.id}/observations`)).items).toHaveLength(0);
    const done = await upload('editorA', csv, mapping, '?commit=true');
    expect(done.body).toMatchObject({ inserted: 2, committed: true });
    const changed = await upload(
      'editorA',
      'month,visits\n2024-01,10\n2024-02,12\n',
      mapping,
      '?commit=true',
    );
    expect(changed.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, committed: true });
    const items = (await as.editorA.get(`/measures/${m.id}/observations`)).items;
    expect(items.map((o: { value: number }) => o.value)).toEqual([10, 12]);
    expect(items[1].version).toBe(2);
    // Each changed figure is audited with exactly what is stored.
    for (const o of items) {
      const trail = await as.admin.get(`/audit?entity=observation&entityId=${o.id}`);
      expect(trail.items[0].after).toEqual(o);
    }
    const updates = await as.admin.get(`/audit?entity=observation&entityId=${items[1].id}`);
    expect(updates.items.map((e: { action: string }) => e.action)).toEqual([
      'observation.update',
      'observation.create',
    ]);
    expect(updates.items[0].before).toMatchObject({ value: 11, version: 1 });
  });

  it('reads a BOM, CRLF, semicolons, decimal commas and quoted newlines, and names the right lines', async () => {
    const m = await (as.editorA as Client).post(`/programs/${w.programA.id}/measures`, {
      code: `N-${uniqueSuffix()}`,
      name: 'Average wait',
      unit: 'days',
      direction: 'down',
      periodType: 'quarter',
    });
    const csv =
      '\ufeffQuarter;Days;Comment\r\n' +
      '2024-Q1;12,5;"two\r\nlines"\r\n' +
      '2024-Q2;abc;x\r\n' +
      '\r\n' +
      '2024-Q3;"1,234.5";y\r\n' +
      'not a period;3;z\r\n';
    const res = await upload('editorA', csv, {
      mode: 'long',
      measureId: m.id,
      period: { column: 'Quarter' },
      value: { column: 'Days' },
      note: { column: 'Comment' },
    });
    expect(res.body.rowsRead).toBe(4);
    expect(res.body.inserted).toBe(2);
    expect(res.body.rejected).toEqual([
      { line: 4, reason: 'Days: "abc" is not a number' },
      { line: 7, reason: expect.stringContaining('period:') },
    ]);
    const ok = await upload(
      'editorA',
      csv.replace('2024-Q2;abc;x\r\n', '').replace('not a period;3;z\r\n', ''),
      {
        mode: 'long',
        measureId: m.id,
        period: { column: 'Quarter' },
        value: { column: 'Days' },
        note: { column: 'Comment' },
      },
      '?commit=true',
    );
    expect(ok.body.committed).toBe(true);
    const items = (await as.editorA.get(`/measures/${m.id}/observations`)).items;
    expect(items.map((o: { value: number; note: string }) => [o.value, o.note])).toEqual([
      [12.5, 'two\r\nlines'],
      [1234.5, 'y'],
    ]);
  });

  it('rejects unmapped breakdown values and repeated cells; filters never reject', async () => {
    const m = await (as.editorA as Client).post(`/programs/${w.programA.id}/measures`, {
      code: `G-${uniqueSuffix()}`,
      name: 'Served by gender',
      unit: 'count',
      direction: 'up',
      periodType: 'year',
      dimensions: [w.dimension.code],
    });
    const csv = [
      'year,gender,n,keep',
      '2020,All,10,yes',
      '2020,F,4,yes',
      '2020,M,6,yes',
      '2020,Other,1,yes',
      '2020,F,5,yes',
      '2021,Unknown,zzz,no',
    ].join('\n');
    const res = await upload('editorA', csv, {
      mode: 'long',
      measureId: m.id,
      period: { column: 'year', format: 'year' },
      value: { column: 'n' },
      breakdown: {
        [w.dimension.code]: { column: 'gender', values: { All: null, F: 'girls', M: 'boys' } },
      },
      filters: [{ column: 'keep', equals: 'yes' }],
    });
    expect(res.body.filtered).toBe(1);
    expect(res.body.inserted).toBe(3);
    expect(res.body.rejected).toEqual([
      { line: 5, reason: `gender: "Other" is not mapped to a value of ${w.dimension.code}` },
      {
        line: 6,
        reason: expect.stringContaining('repeats the measure, period and breakdown of line 3'),
      },
    ]);
    const commit = await upload(
      'editorA',
      csv,
      {
        mode: 'long',
        measureId: m.id,
        period: { column: 'year', format: 'year' },
        value: { column: 'n' },
        breakdown: {
          [w.dimension.code]: { column: 'gender', values: { All: null, F: 'girls', M: 'boys' } },
        },
        filters: [{ column: 'keep', equals: 'yes' }],
      },
      '?commit=true',
    );
    expect(commit.status).toBe(422);
    expect(commit.body).toMatchObject({ committed: false, error: { code: 'IMPORT_REJECTED' } });
  });

  it('reads wide files, one period per column, and ratios from numerator and denominator', async () => {
    const count = await monthlyCount();
    const wide = await upload(
      'editorA',
      'what,2023-01,2023-02,2023-03\nvisits,5,,7\n',
      {
        mode: 'wide',
        measureId: count.id,
        period: { format: 'month' },
        value: { column: 'visits' },
        wide: { periodColumns: ['2023-01', '2023-02', '2023-03'] },
      },
      '?commit=true',
    );
    expect(wide.body).toMatchObject({ inserted: 2, committed: true });
    expect(wide.body.skipped).toEqual([
      { line: 2, reason: '2023-02: "" is a missing value; skipped' },
    ]);

    const ratio = await upload(
      'editorA',
      'quarter,improved,seen\nFY2024-25-Q1,3,4\nFY2024-25-Q2,5,4\n',
      {
        mode: 'long',
        measureId: w.ratioA.id,
        period: { column: 'quarter', format: 'fiscal_quarter' },
        numerator: { column: 'improved' },
        denominator: { column: 'seen' },
      },
    );
    expect(ratio.body.inserted).toBe(1);
    expect(ratio.body.rejected).toEqual([
      { line: 3, reason: 'numerator: may not be greater than the denominator' },
    ]);
  });

  it('answers 400 for a mapping that does not fit the file', async () => {
    const res = await upload('editorA', 'a,b\n1,2\n', {
      mode: 'long',
      measureId: w.countA.id,
      period: { column: 'when' },
      value: { column: 'b' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('no column "when"');
    const bad = await upload('editorA', 'a,b\n1,2\n', { mode: 'long' });
    expect(bad.status).toBe(400);
    const none = await t
      .http()
      .post('/api/v1/imports')
      .set('authorization', auth.editorA as string)
      .field('mapping', '{}');
    expect(none.status).toBe(400);
  });
});

describe('committing', () => {
  it('commits nothing when one row among thousands is bad, and names its line', async () => {
    const m = await monthlyCount();
    const periods = months(3000, 1700); // 1700–1949: every month has started
    const lines = periods.map((p, i) => `${p},${i === 2345 ? -3 : i}`);
    const csv = `month,visits\n${lines.join('\n')}\n`;
    const mapping = {
      mode: 'long',
      measureId: m.id,
      period: { column: 'month' },
      value: { column: 'visits' },
    };
    const res = await upload('editorA', csv, mapping, '?commit=true');
    expect(res.status).toBe(422);
    expect(res.body.rowsRead).toBe(3000);
    expect(res.body.rejected).toEqual([
      { line: 2347, reason: 'value: a count must be a whole number of at least 0' },
    ]);
    expect(res.body.committed).toBe(false);
    expect((await as.editorA.get(`/measures/${m.id}/observations`)).items).toHaveLength(0);

    const fixed = await upload('editorA', csv.replace(',-3\n', ',3\n'), mapping, '?commit=true');
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ inserted: 3000, committed: true });
    const audit = await as.admin.get('/audit?entity=import&limit=5');
    expect(audit.items[0]).toMatchObject({ action: 'import.commit', after: { inserted: 3000 } });
  });

  it('rejects figures in a locked period', async () => {
    const org = w.orgA.id;
    await as.editorA.post(`/organizations/${org}/periods/${WORLD_PERIOD}/submit`, {});
    const res = await upload(
      'editorA',
      `period,n\n${WORLD_PERIOD},13\nFY2024-25-Q4,2\n`,
      {
        mode: 'long',
        measureId: w.countA.id,
        period: { column: 'period' },
        value: { column: 'n' },
      },
      '?commit=true',
    );
    expect(res.status).toBe(422);
    expect(res.body.rejected).toEqual([
      { line: 2, reason: expect.stringContaining('period locked') },
    ]);
    const items = (await as.editorA.get(`/measures/${w.countA.id}/observations`)).items;
    expect(items.map((o: { period: string }) => o.period)).toEqual([WORLD_PERIOD]);
    // The same figure as stored changes nothing, so the lock does not refuse it.
    const same = await upload(
      'editorA',
      `period,n\n${WORLD_PERIOD},12\n`,
      {
        mode: 'long',
        measureId: w.countA.id,
        period: { column: 'period' },
        value: { column: 'n' },
      },
      '?commit=true',
    );
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
      rejected: [],
      committed: true,
    });
    await as.coordinator.post(`/organizations/${org}/periods/${WORLD_PERIOD}/return`, {
      note: 'back to you',
    });
  });

  it("does not let a partner import into another agency's measures", async () => {
    const csv = `measure_code,organization_code,period,value\nSERVED,${w.orgB.code},${WORLD_PERIOD},99\n`;
    const res = await upload('editorA', csv, { mode: 'native' }, '?commit=true');
    expect(res.status).toBe(422);
    expect(res.body.rejected).toEqual([
      { line: 2, reason: `unknown measure SERVED of ${w.orgB.code}` },
    ]);
    // Someone who may see the agency's figures but not enter them is told so.
    const seen = await upload(
      'coordinator',
      `measure_code,organization_code,period,value\nSERVED,${w.orgA.code},${WORLD_PERIOD},99\n`,
      { mode: 'native' },
    );
    expect(seen.body.rejected).toEqual([
      {
        line: 2,
        reason: `no permission: you may not enter figures for measure SERVED of ${w.orgA.code}`,
      },
    ]);
    const byId = await upload('editorA', 'p,v\n2024,1\n', {
      mode: 'long',
      measureId: w.countB.id,
      period: { column: 'p' },
      value: { column: 'v' },
    });
    expect(byId.status).toBe(404);
    const viewer = await upload('viewerA', 'p,v\nFY2024-25-Q1,1\n', {
      mode: 'long',
      measureId: w.countA.id,
      period: { column: 'p' },
      value: { column: 'v' },
    });
    expect(viewer.status).toBe(403);
    const items = (await as.admin.get(`/measures/${w.countB.id}/observations`)).items;
    expect(items.map((o: { value: number }) => o.value)).toEqual([7]);
  });

  it('answers 413 for a file over the limit', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1024, 'a');
    const res = await upload('editorA', big, { mode: 'native' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('round trip', () => {
  it('imports its own export without changing anything', async () => {
    await as.editorA.put(`/measures/${w.countA.id}/observations/${WORLD_PERIOD}`, {
      value: 4,
      breakdown: { [w.dimension.code]: 'girls' },
      note: '=SUM(A1) said "the team", twice;\nsecond line',
    });
    await as.editorA.put(`/measures/${w.countA.id}/observations/${WORLD_PERIOD}`, {
      value: 8,
      breakdown: { [w.dimension.code]: 'boys' },
    });
    await as.editorA.put(`/measures/${w.ratioA.id}/observations/FY2024-25-Q2`, {
      numerator: 1,
      denominator: 3,
    });
    for (const [who, query] of [
      ['editorA', `organizationId=${w.orgA.id}`],
      ['admin', `tableId=${w.table.id}`],
    ] as const) {
      const before = await exportCsv(who, query);
      expect(before.split('\n').length).toBeGreaterThan(4);
      const dry = await upload(who, before, { mode: 'native' });
      expect(dry.status).toBe(200);
      expect(dry.body.rejected).toEqual([]);
      expect(dry.body).toMatchObject({ inserted: 0, updated: 0 });
      expect(dry.body.unchanged).toBe(dry.body.rowsRead);
      const commit = await upload(who, before, { mode: 'native' }, '?commit=true');
      expect(commit.body).toMatchObject({ inserted: 0, updated: 0, committed: true });
      expect(await exportCsv(who, query)).toBe(before);
    }
  });

  it('reads an export with a BOM and CRLF back the same', async () => {
    const before = await exportCsv('editorA', `organizationId=${w.orgA.id}&bom=true&crlf=true`);
    expect(before.startsWith('\ufeffmeasure_code,')).toBe(true);
    const res = await upload('editorA', before, { mode: 'native' }, '?commit=true');
    expect(res.body).toMatchObject({ inserted: 0, updated: 0, committed: true });
  });
});

describe('import jobs', () => {
  it('runs a large import in the background and reports progress and the report', async () => {
    const m = await monthlyCount();
    const csv = `month,visits\n${months(1200, 1900)
      .map((p, i) => `${p},${i}`)
      .join('\n')}\n`;
    const res = await upload(
      'editorA',
      csv,
      { mode: 'long', measureId: m.id, period: { column: 'month' }, value: { column: 'visits' } },
      '?commit=true&async=true',
    );
    expect(res.status).toBe(202);
    const id = res.body.jobId as string;
    let job: { status: string; report: { inserted: number; committed: boolean } | null };
    const deadline = Date.now() + 30_000;
    do {
      await new Promise((r) => setTimeout(r, 50));
      job = await (as.editorA as Client).get(`/imports/${id}`);
    } while (job.status === 'running' && Date.now() < deadline);
    expect(job).toMatchObject({
      status: 'done',
      total: 1200,
      report: { inserted: 1200, committed: true },
    });
    // Someone else's job is not theirs to see.
    const other = await (as.coordinator as Client).fail('get', `/imports/${id}`);
    expect(other.status).toBe(404);
  });
});
