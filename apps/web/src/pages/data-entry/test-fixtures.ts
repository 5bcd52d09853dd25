// A small entry sheet and a fake API for the data-entry tests of the figure's history, the
// reopened quarter and the plausibility flag: one measure broken down by gender.

import { vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { EntryCell, EntrySheet } from '../../api/entry-api';
import { authRoutes, type FakeRoute, fakeApi, holdRefreshCookie } from '../../test/fake-api';

export const orgId = 'a1a1a1a1-0000-4000-8000-000000000001';
export const served = 'b1b1b1b1-0000-4000-8000-000000000001';
export const Q = 'FY2025-26-Q3';

export const editor: User = {
  id: 'c2c2c2c2-0000-4000-8000-000000000002',
  email: 'priya@example.org',
  name: 'Priya Patel',
  locale: 'en',
  roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: orgId }],
};

function cell(period: string, value: number, breakdown: Record<string, string> = {}): EntryCell {
  return {
    period,
    breakdown,
    value,
    numerator: null,
    denominator: null,
    note: null,
    status: 'draft',
    version: 1,
    updatedAt: '2025-10-02T10:00:00.000Z',
  };
}

export function entrySheet(overrides: Partial<EntrySheet> = {}): EntrySheet {
  const labels = ['FY2024-25-Q4', 'FY2025-26-Q1', 'FY2025-26-Q2', Q];
  const starts = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'];
  return {
    organization: { id: orgId, code: 'NYS', name: 'Northshire Youth Services', nameFr: null },
    period: { label: Q, type: 'fiscal_quarter', start: '2025-10-01', end: '2025-12-31' },
    periods: labels.map((label, i) => ({
      label,
      type: 'fiscal_quarter' as const,
      start: starts[i] as string,
      end: starts[i] as string,
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
          {
            id: served,
            code: 'SERVED',
            name: 'Children served',
            nameFr: null,
            category: 'how_much',
            unit: 'count',
            ratePer: null,
            aggregation: 'sum',
            direction: 'up',
            decimals: 0,
            headline: false,
            entry: 'value',
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
            cells: [cell('FY2025-26-Q2', 101), cell(Q, 12, {}), cell(Q, 5, { gender: 'girls' })],
            change: null,
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** The figures of the twelve quarters before: about 100 children a quarter. */
export const earlierFigures = [98, 100, 102, 99, 101, 100, 103, 97, 100, 101, 99, 101].map(
  (value, i) => ({
    id: `d1d1d1d1-0000-4000-8000-${String(i).padStart(12, '0')}`,
    measureId: served,
    period: `P${i}`,
    periodStart: `${2022 + Math.floor(i / 4)}-${String((i % 4) * 3 + 1).padStart(2, '0')}-01`,
    periodEnd: '2025-01-01',
    breakdown: {},
    value,
    numerator: null,
    denominator: null,
    note: null,
    status: 'approved',
    version: 1,
    enteredBy: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  }),
);

export interface EntryTestApi {
  /** Every URL asked for, query string included. */
  urls: string[];
  calls: ReturnType<typeof fakeApi>['calls'];
}

export function serveEntry(sheet: EntrySheet, extra: Record<string, FakeRoute> = {}): EntryTestApi {
  holdRefreshCookie();
  const api = fakeApi({
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
    ...extra,
  });
  const record: EntryTestApi = { urls: [], calls: api.calls };
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    // Every GET names its language (`lang`); the tests look at the rest of the address.
    url.searchParams.delete('lang');
    record.urls.push(`${url.pathname}${url.search}`);
    return api.fetch(input, init);
  });
  return record;
}
