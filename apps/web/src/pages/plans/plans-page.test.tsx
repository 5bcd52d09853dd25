import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { TableScorecard } from '../../api/plans-api';
import { authRoutes, type FakeApi, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const table = 'a0a0a0a0-0000-4000-8000-00000000000a';
const agency = 'b0b0b0b0-0000-4000-8000-00000000000b';
const member: User = {
  id: 'u-2',
  email: 'member@example.org',
  name: 'Sam Member',
  locale: 'en',
  roles: [{ role: 'table_member', scopeType: 'table', scopeId: table }],
};

type Summary = TableScorecard['results'][number]['indicators'][number];

function summary(
  measureId: string,
  name: string,
  kind: Summary['kind'],
  plan: Summary['plan'],
): Summary {
  return {
    measureId,
    code: name.toUpperCase().replace(/\W+/g, '-'),
    name,
    nameFr: null,
    kind,
    category: null,
    unit: 'count',
    direction: 'up',
    periodType: 'quarter',
    headline: false,
    decimals: 0,
    latest: null,
    target: { value: null, status: 'none', variance: null, percentOfTarget: null },
    trend: { trend: 'flat', periods: 0, favorable: null },
    baseline: null,
    points: [],
    plan,
  };
}

const none = { hasPlan: false, updatedAt: null, openActions: 0, overdueActions: 0 };
const served = summary('m-3', 'Youth served', 'performance', none);
const card: TableScorecard = {
  table: { id: table, name: 'Youth Table', nameFr: null, population: 'Youth', populationFr: null },
  period: null,
  view: 'approved',
  suppressionThreshold: null,
  periods: [],
  results: [
    {
      id: 'r-1',
      title: 'Youth are well',
      titleFr: null,
      indicators: [
        summary('m-1', 'Belonging', 'indicator', {
          hasPlan: true,
          updatedAt: '2025-02-01T10:00:00.000Z',
          openActions: 2,
          overdueActions: 0,
        }),
        summary('m-2', 'Fair or poor mental health', 'indicator', {
          hasPlan: true,
          updatedAt: '2025-01-01T10:00:00.000Z',
          openActions: 3,
          overdueActions: 1,
        }),
      ],
      programs: [
        {
          id: 'p-1',
          name: 'Drop-in',
          nameFr: null,
          organization: { id: agency, code: 'HUB', name: 'Wellness Hub', nameFr: null },
          measures: [served],
        },
      ],
    },
    // The same program serves a second result: its measure is listed once.
    {
      id: 'r-2',
      title: 'Families get help',
      titleFr: null,
      indicators: [],
      programs: [
        {
          id: 'p-1',
          name: 'Drop-in',
          nameFr: null,
          organization: { id: agency, code: 'HUB', name: 'Wellness Hub', nameFr: null },
          measures: [served],
        },
      ],
    },
  ],
  sharedMeasures: [],
};

let api: FakeApi;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  api = fakeApi({
    ...authRoutes(member),
    'GET /api/v1/tables': () => ({
      status: 200,
      body: {
        items: [
          {
            id: table,
            name: 'Youth Table',
            population: 'Youth',
            description: null,
            archivedAt: null,
            createdAt: '2025-01-01T00:00:00.000Z',
          },
        ],
        total: 1,
      },
    }),
    [`GET /api/v1/tables/${table}/scorecard`]: () => ({ status: 200, body: card }),
  });
  vi.stubGlobal('fetch', api.fetch);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the plans list', () => {
  it('lists each measure once, overdue first, each linking to its editor', async () => {
    renderApp('/plans');
    const list = await screen.findByRole('table', { name: /overdue actions first/ });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('th a')?.textContent)).toEqual([
      'Fair or poor mental health',
      'Belonging',
      'Youth served',
    ]);
    expect(rows[0]?.textContent).toContain('⚠ 1 overdue');
    expect(rows[0]?.querySelector('th a')?.getAttribute('href')).toBe('/plans/m-2');
    // A table member edits the table's indicators, not an agency's program measures.
    expect(rows.map((r) => r.querySelectorAll('td')[5]?.textContent)).toEqual([
      'Edit',
      'Edit',
      'Read',
    ]);
    expect(rows[2]?.textContent).toContain('Wellness Hub · Drop-in');
    expect(screen.getByText('Showing 3 of 3 measures')).toBeTruthy();
    // The organization scorecards are read only for organizations the person belongs to.
    expect(api.calls.some((c) => c.path.startsWith('/api/v1/organizations'))).toBe(false);
  });

  it('filters by text and by plan state', async () => {
    renderApp('/plans');
    await screen.findByRole('table', { name: /overdue actions first/ });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'overdue' } });
    expect(screen.getByText('Showing 1 of 3 measures')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Find a measure'), { target: { value: 'hub' } });
    expect(screen.getByText('Showing 1 of 3 measures')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Find a measure'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Only plans I can edit'));
    expect(screen.getByText('Showing 2 of 3 measures')).toBeTruthy();
  });
});
