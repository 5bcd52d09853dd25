// The entry sheet: one agency's measures and cells for a period and the three before it, in
// the caller's view, with the period's submission, in a query count that does not grow.
import { periodContaining } from '@rba/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, WORLD_PERIOD, type World } from '../support/world.js';
import { type Client, client } from './helpers/api.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { QueryCounter } from './helpers/query-counter.js';

let t: TestApp;
let w: World;
let admin: Client;
let editorA: Client;
let viewerA: Client;
let coordinator: Client;
let member: Client;
let funder: Client;
let editorX: Client;
let nobody: Client;
const counter = new QueryCounter();

beforeAll(async () => {
  t = await createTestApp({}, undefined, { plugins: [counter] });
  w = await buildWorld(t.db);
  const as = async (u: { email: string; password: string }) =>
    client(t, await t.login(u.email, u.password));
  admin = await as(w.users.admin);
  editorA = await as(w.users.editorA);
  viewerA = await as(w.users.viewerA);
  coordinator = await as(w.users.coordinator);
  member = await as(w.users.member);
  funder = await as(w.users.funder);
  editorX = await as(w.users.editorX);
  nobody = await as(w.users.nobody);
});
afterAll(async () => t.closeAll());

const sheetUrl = (orgId: string, period?: string) =>
  `/organizations/${orgId}/entry-sheet${period ? `?period=${period}` : ''}`;

interface Cell {
  period: string;
  breakdown: Record<string, string>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
  version: number;
}
interface Measure {
  id: string;
  code: string;
  cells: Cell[];
  change: number | null;
  [key: string]: unknown;
}
// biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
function measureOf(sheet: any, id: string): Measure {
  for (const p of sheet.programs) {
    const m = p.measures.find((x: Measure) => x.id === id);
    if (m) return m;
  }
  throw new Error(`measure ${id} not in the sheet`);
}
const total = (m: Measure, period: string) =>
  m.cells.find((c) => c.period === period && Object.keys(c.breakdown).length === 0);

describe('GET /organizations/:id/entry-sheet', () => {
  it('gives the period, the three before it, the programs and their measures with cells', async () => {
    await editorA.put(`/measures/${w.countA.id}/observations/FY2024-25-Q4`, { value: 10 });
    await editorA.put(`/measures/${w.countA.id}/observations/${WORLD_PERIOD}`, {
      value: 5,
      breakdown: { [w.dimension.code]: 'girls' },
    });
    const sheet = await editorA.get(sheetUrl(w.orgA.id, WORLD_PERIOD));

    expect(sheet.organization).toEqual({
      id: w.orgA.id,
      code: w.orgA.code,
      name: w.orgA.name,
      nameFr: null,
    });
    expect(sheet.period).toEqual({
      label: 'FY2025-26-Q1',
      type: 'fiscal_quarter',
      start: '2025-04-01',
      end: '2025-06-30',
    });
    expect(sheet.periods.map((p: { label: string }) => p.label)).toEqual([
      'FY2024-25-Q2',
      'FY2024-25-Q3',
      'FY2024-25-Q4',
      'FY2025-26-Q1',
    ]);
    expect(sheet).toMatchObject({
      view: 'all',
      submission: null,
      lock: null,
      canEdit: true,
      canReview: false,
    });
    expect(sheet.programs.map((p: { name: string }) => p.name)).toEqual(['Counselling']);

    const served = measureOf(sheet, w.countA.id);
    expect(served).toMatchObject({
      code: 'SERVED',
      name: '# served',
      category: 'how_much',
      unit: 'count',
      aggregation: 'sum',
      direction: 'up',
      decimals: 0,
      headline: false,
      entry: 'value',
      dimensions: [
        {
          code: w.dimension.code,
          name: 'Gender',
          values: [
            { code: 'girls', label: 'Girls' },
            { code: 'boys', label: 'Boys' },
          ],
        },
      ],
    });
    expect(total(served, WORLD_PERIOD)).toMatchObject({
      value: 12,
      status: 'draft',
      version: 1,
      note: null,
    });
    expect(total(served, 'FY2024-25-Q4')?.value).toBe(10);
    expect(served.cells.find((c) => c.breakdown[w.dimension.code] === 'girls')?.value).toBe(5);
    expect(served.change).toBe(2);

    const improved = measureOf(sheet, w.ratioA.id);
    expect(improved).toMatchObject({ unit: 'percent', aggregation: 'ratio', entry: 'ratio' });
    expect(total(improved, WORLD_PERIOD)).toMatchObject({
      value: 60,
      numerator: 6,
      denominator: 10,
    });
    expect(improved.change).toBeNull();
  });

  it('defaults to the current fiscal quarter', async () => {
    const sheet = await editorA.get(sheetUrl(w.orgA.id));
    const today = new Date().toISOString().slice(0, 10);
    expect(sheet.period.label).toBe(periodContaining(today, 'fiscal_quarter', 4));
  });

  it('lists only the measures reported by the period’s type', async () => {
    const yearly = await editorA.post(`/programs/${w.programA.id}/measures`, {
      code: 'YEARLY',
      name: 'Families reached in the year',
      unit: 'count',
      direction: 'up',
      periodType: 'year',
      category: 'how_much',
    });
    const quarter = await editorA.get(sheetUrl(w.orgA.id, WORLD_PERIOD));
    const codes = quarter.programs.flatMap((p: { measures: Measure[] }) =>
      p.measures.map((m) => m.code),
    );
    expect(codes).not.toContain('YEARLY');
    const year = await editorA.get(sheetUrl(w.orgA.id, '2025'));
    expect(year.periods.map((p: { label: string }) => p.label)).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(
      year.programs.flatMap((p: { measures: Measure[] }) => p.measures.map((m) => m.id)),
    ).toEqual([yearly.id]);
  });

  it('shows a coordinator no drafts, then the submitted figures and the submission', async () => {
    const Q = 'FY2025-26-Q2';
    await editorA.put(`/measures/${w.countA.id}/observations/${Q}`, { value: 20 });
    const draft = await coordinator.get(sheetUrl(w.orgA.id, Q));
    expect(draft).toMatchObject({ view: 'review', canEdit: false, canReview: true });
    expect(total(measureOf(draft, w.countA.id), Q)).toBeUndefined();
    expect(measureOf(draft, w.countA.id).cells.every((c) => c.status !== 'draft')).toBe(true);

    await editorA.post(`/organizations/${w.orgA.id}/periods/${Q}/submit`);
    const submitted = await coordinator.get(sheetUrl(w.orgA.id, Q));
    expect(submitted.lock).toBe('submitted');
    expect(submitted.submission).toMatchObject({
      status: 'submitted',
      submittedBy: { id: w.users.editorA.id, name: 'Test User' },
      reviewedBy: null,
      reviewNote: null,
    });
    expect(total(measureOf(submitted, w.countA.id), Q)).toMatchObject({
      value: 20,
      status: 'submitted',
    });
    // The previous quarter's figure is still a draft: the coordinator does not see it.
    expect(total(measureOf(submitted, w.countA.id), WORLD_PERIOD)).toBeUndefined();

    await coordinator.post(`/organizations/${w.orgA.id}/periods/${Q}/return`, {
      note: 'Please check the count',
    });
    const returned = await editorA.get(sheetUrl(w.orgA.id, Q));
    expect(returned.lock).toBeNull();
    expect(returned.submission).toMatchObject({
      status: 'returned',
      reviewNote: 'Please check the count',
      reviewedBy: { id: w.users.coordinator.id },
    });
    expect(returned.submission.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(total(measureOf(returned, w.countA.id), Q)?.status).toBe('returned');
    // Submitted once, the period's figures stay in the coordinator's sight while being fixed.
    const coordinatorView = await coordinator.get(sheetUrl(w.orgA.id, Q));
    expect(total(measureOf(coordinatorView, w.countA.id), Q)).toMatchObject({
      value: 20,
      status: 'returned',
    });

    await editorA.post(`/organizations/${w.orgA.id}/periods/${Q}/submit`);
    await coordinator.post(`/organizations/${w.orgA.id}/periods/${Q}/approve`);
    const approved = await member.get(sheetUrl(w.orgA.id, Q));
    expect(approved).toMatchObject({ view: 'approved', lock: 'approved', canReview: false });
    expect(total(measureOf(approved, w.countA.id), Q)).toMatchObject({
      value: 20,
      status: 'approved',
    });
  });

  it('shows the agency’s viewers everything but lets them edit nothing', async () => {
    const sheet = await viewerA.get(sheetUrl(w.orgA.id, WORLD_PERIOD));
    expect(sheet).toMatchObject({ view: 'all', canEdit: false, canReview: false });
    expect(total(measureOf(sheet, w.countA.id), WORLD_PERIOD)?.status).toBe('draft');
    const asAdmin = await admin.get(sheetUrl(w.orgA.id, WORLD_PERIOD));
    expect(asAdmin).toMatchObject({ view: 'all', canEdit: true, canReview: true });
  });

  it('answers 404 to those who may not see the agency and 403 to funders', async () => {
    for (const who of [editorX, nobody]) {
      const { status, error } = await who.fail('get', sheetUrl(w.orgA.id, WORLD_PERIOD));
      expect(status).toBe(404);
      expect(error.code).toBe('NOT_FOUND');
    }
    expect((await editorA.fail('get', sheetUrl(w.orgB.id))).status).toBe(404);
    expect((await funder.fail('get', sheetUrl(w.orgA.id))).status).toBe(403);
    expect((await admin.fail('get', sheetUrl('00000000-0000-4000-8000-00000000abcd'))).status).toBe(
      404,
    );
  });

  it('answers 400 with a clear message for a label that is not a period', async () => {
    const { status, error } = await editorA.fail('get', sheetUrl(w.orgA.id, 'next-quarter'));
    expect(status).toBe(400);
    expect(error.message).toMatch(/next-quarter is not a period label/);
  });

  it('takes the same number of queries however many measures and cells there are', async () => {
    const url = sheetUrl(w.orgA.id, WORLD_PERIOD);
    const before = {
      editor: await counter.measure(() => editorA.get(url)),
      coordinator: await counter.measure(() => coordinator.get(url)),
    };
    for (let i = 0; i < 12; i++) {
      const m = await editorA.post(`/programs/${w.programA.id}/measures`, {
        code: `MORE-${i}`,
        name: `More ${i}`,
        unit: 'count',
        direction: 'up',
        periodType: 'fiscal_quarter',
        category: 'how_well',
        dimensions: [w.dimension.code],
      });
      for (const q of ['FY2024-25-Q3', 'FY2024-25-Q4', WORLD_PERIOD]) {
        await editorA.put(`/measures/${m.id}/observations/${q}`, { value: i });
        await editorA.put(`/measures/${m.id}/observations/${q}`, {
          value: i,
          breakdown: { [w.dimension.code]: 'boys' },
        });
      }
    }
    await admin.post(`/organizations/${w.orgA.id}/programs`, { name: 'Second program' });
    const after = {
      editor: await counter.measure(() => editorA.get(url)),
      coordinator: await counter.measure(() => coordinator.get(url)),
    };
    console.log(`entry-sheet queries: editor ${before.editor}, coordinator ${before.coordinator}`);
    expect(after).toEqual(before);
    expect(before.editor).toBeLessThanOrEqual(12);
    const sheet = await editorA.get(url);
    expect(sheet.programs).toHaveLength(2);
    expect(measureOf(sheet, w.countA.id)).toBeTruthy();
  });
});
