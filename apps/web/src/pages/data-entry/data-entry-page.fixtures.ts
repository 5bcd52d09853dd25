// The data-entry page's tests share this: a sheet of three measures (a count broken down by
// gender, a plain count, a percentage entered as numerator and denominator), a fake API that
// serves it and answers saves, and the grid's inputs by name.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { EntryCell, EntryMeasure, EntrySheet } from '../../api/entry-api';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
} from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

export const orgId = 'a1a1a1a1-0000-4000-8000-000000000001';
export const served = 'b1b1b1b1-0000-4000-8000-000000000001';
export const families = 'b2b2b2b2-0000-4000-8000-000000000002';
export const improved = 'b3b3b3b3-0000-4000-8000-000000000003';
export const Q = 'FY2025-26-Q3';
export const labels = ['FY2024-25-Q4', 'FY2025-26-Q1', 'FY2025-26-Q2', Q];

export const editor: User = {
  id: 'u-2',
  email: 'priya@example.org',
  name: 'Priya Patel',
  locale: 'en',
  roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: orgId }],
};

function cell(period: string, figure: Partial<EntryCell>, version = 1): EntryCell {
  return {
    period,
    breakdown: {},
    value: null,
    numerator: null,
    denominator: null,
    note: null,
    status: 'draft',
    version,
    updatedAt: '2025-10-02T10:00:00.000Z',
    ...figure,
  };
}

function measure(fields: Partial<EntryMeasure> & Pick<EntryMeasure, 'id' | 'name'>): EntryMeasure {
  return {
    code: fields.name.toUpperCase(),
    nameFr: null,
    category: 'how_much',
    unit: 'count',
    ratePer: null,
    aggregation: 'sum',
    direction: 'up',
    decimals: 0,
    headline: false,
    entry: 'value',
    dimensions: [],
    cells: [],
    change: null,
    ...fields,
  };
}

export function makeSheet(overrides: Partial<EntrySheet> = {}): EntrySheet {
  return {
    organization: { id: orgId, code: 'NYS', name: 'Northshire Youth Services', nameFr: null },
    period: { label: Q, type: 'fiscal_quarter', start: '2025-10-01', end: '2025-12-31' },
    periods: labels.map((label, i) => ({
      label,
      type: 'fiscal_quarter' as const,
      start: `2025-0${i + 1}-01`,
      end: `2025-0${i + 1}-28`,
    })),
    view: 'all',
    submission: null,
    lock: null,
    canEdit: true,
    canReview: false,
    programs: [
      {
        id: 'c1c1c1c1-0000-4000-8000-000000000001',
        name: 'Counselling',
        nameFr: null,
        measures: [
          measure({
            id: improved,
            name: 'Youth whose functioning improved',
            category: 'better_off',
            unit: 'percent',
            aggregation: 'ratio',
            entry: 'ratio',
            cells: [cell(Q, { value: 60, numerator: 6, denominator: 10 })],
          }),
          measure({
            id: served,
            name: 'Children served',
            dimensions: [
              {
                code: 'gender',
                name: 'Gender',
                nameFr: null,
                values: [
                  { code: 'girls', label: 'Girls', labelFr: null },
                  { code: 'boys', label: 'Boys', labelFr: null },
                ],
              },
            ],
            cells: [
              cell('FY2025-26-Q2', { value: 11 }),
              cell(Q, { value: 12 }, 2),
              cell(Q, { value: 5, breakdown: { gender: 'girls' } }),
            ],
          }),
          measure({ id: families, name: 'Families served' }),
        ],
      },
    ],
    ...overrides,
  };
}

export let api: FakeApi;
export let saves: FakeRoute[];

export function serve(sheet: EntrySheet, extra: Record<string, FakeRoute> = {}) {
  const save: FakeRoute = (request) => {
    const next = saves.shift();
    if (next) return next(request);
    const body = request.body as Record<string, unknown>;
    return {
      status: 200,
      body: {
        id: 'd1d1d1d1-0000-4000-8000-000000000001',
        measureId: served,
        period: Q,
        periodStart: '2025-10-01',
        periodEnd: '2025-12-31',
        breakdown: body.breakdown ?? {},
        value: body.value ?? null,
        numerator: body.numerator ?? null,
        denominator: body.denominator ?? null,
        note: null,
        status: 'draft',
        version: ((body.version as number) ?? 0) + 1,
        enteredBy: editor.id,
        updatedAt: '2025-11-01T10:00:00.000Z',
        warnings: [],
      },
    };
  };
  api = fakeApi({
    ...authRoutes(editor),
    'GET /api/v1/organizations': () => ({
      status: 200,
      body: {
        items: [
          {
            id: orgId,
            code: 'NYS',
            name: 'Northshire Youth Services',
            kind: 'agency',
            archivedAt: null,
            createdAt: '2025-01-01T00:00:00.000Z',
            updatedAt: '2025-01-01T00:00:00.000Z',
          },
        ],
        total: 1,
      },
    }),
    [`GET /api/v1/organizations/${orgId}/entry-sheet`]: () => ({ status: 200, body: sheet }),
    [`PUT /api/v1/measures/${served}/observations/${Q}`]: save,
    [`PUT /api/v1/measures/${families}/observations/${Q}`]: save,
    [`PUT /api/v1/measures/${improved}/observations/${Q}`]: save,
    ...extra,
  });
  vi.stubGlobal('fetch', api.fetch);
}

export const puts = () => api.calls.filter((c) => c.method === 'PUT');

/** Each test starts signed in as the editor, with the sheet served and no saves queued. */
export function setUpEntryPage() {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    holdRefreshCookie();
    document.documentElement.lang = 'en';
    saves = [];
    serve(makeSheet());
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}

export const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
export const servedInput = () => input('Children served, FY2025-26 Q3');
export const familiesInput = () => input('Families served, FY2025-26 Q3');
export const numerator = () => input('Numerator: Youth whose functioning improved, FY2025-26 Q3');
export const denominator = () =>
  input('Denominator: Youth whose functioning improved, FY2025-26 Q3');

export async function openPage() {
  renderApp('/data-entry');
  await screen.findByRole('heading', { level: 1, name: 'This quarter' });
  await screen.findByRole('textbox', { name: 'Children served, FY2025-26 Q3' });
}

export function focus(element: HTMLElement) {
  act(() => element.focus());
}
