import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { EntrySheet, Submission } from '../../api/entry-api';
import { authRoutes, type FakeApi, fakeApi, holdRefreshCookie } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';

const tableId = 't1t1t1t1-0000-4000-8000-000000000001';
const hub = 'a1a1a1a1-0000-4000-8000-000000000001';
const hospital = 'a2a2a2a2-0000-4000-8000-000000000002';
const centre = 'a3a3a3a3-0000-4000-8000-000000000003';
const wait = 'b1b1b1b1-0000-4000-8000-000000000001';
const Q = 'FY2025-26-Q3';

const coordinator: User = {
  id: 'u-3',
  email: 'chantal@example.org',
  name: 'Chantal Coordinator',
  locale: 'en',
  roles: [{ role: 'table_coordinator', scopeType: 'table', scopeId: tableId }],
};

function submission(
  id: string,
  organizationId: string,
  period: string,
  status: Submission['status'],
): Submission {
  return {
    id,
    organizationId,
    period,
    periodStart: period === Q ? '2025-10-01' : '2025-07-01',
    periodEnd: period === Q ? '2025-12-31' : '2025-09-30',
    status,
    submittedBy: 'u-2',
    submittedAt: '2025-10-20T10:00:00.000Z',
    reviewedBy: status === 'submitted' ? null : 'u-3',
    reviewedAt: status === 'submitted' ? null : '2025-10-22T10:00:00.000Z',
    reviewNote: status === 'returned' ? 'Check the waits' : null,
    lockedObservations: 0,
    missingCount: 0,
    flaggedCount: 0,
  };
}

const sheet: EntrySheet = {
  organization: { id: hub, code: 'YWH', name: 'Northshire Youth Wellness Hub', nameFr: null },
  period: { label: Q, type: 'fiscal_quarter', start: '2025-10-01', end: '2025-12-31' },
  periods: ['FY2024-25-Q4', 'FY2025-26-Q1', 'FY2025-26-Q2', Q].map((label) => ({
    label,
    type: 'fiscal_quarter' as const,
    start: '2025-01-01',
    end: '2025-03-31',
  })),
  view: 'review',
  submission: {
    id: 'e1e1e1e1-0000-4000-8000-000000000001',
    status: 'submitted',
    submittedBy: { id: 'u-2', name: 'Jordan Lee' },
    submittedAt: '2025-10-20T10:00:00.000Z',
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
  },
  lock: 'submitted',
  canEdit: false,
  canReview: true,
  programs: [
    {
      id: 'c1c1c1c1-0000-4000-8000-000000000001',
      name: 'Walk-in counselling',
      nameFr: null,
      measures: [
        {
          id: wait,
          code: 'WAIT',
          name: 'Average days to first session',
          nameFr: null,
          category: 'how_well',
          unit: 'days',
          ratePer: null,
          aggregation: 'mean',
          direction: 'down',
          decimals: 1,
          headline: false,
          entry: 'value',
          dimensions: [],
          cells: [
            {
              period: 'FY2025-26-Q2',
              breakdown: {},
              value: 58,
              numerator: null,
              denominator: null,
              note: null,
              status: 'approved',
              version: 1,
              updatedAt: '2025-07-02T10:00:00.000Z',
            },
            {
              period: Q,
              breakdown: {},
              value: 71,
              numerator: null,
              denominator: null,
              note: 'New referral system since October',
              status: 'submitted',
              version: 2,
              updatedAt: '2025-10-02T10:00:00.000Z',
            },
          ],
          change: 13,
        },
      ],
    },
  ],
};

let api: FakeApi;
let queue: Submission[];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  holdRefreshCookie();
  document.documentElement.lang = 'en';
  queue = [
    submission('s-1', centre, 'FY2025-26-Q2', 'approved'),
    submission('s-2', hospital, Q, 'returned'),
    submission('s-3', hub, Q, 'submitted'),
    submission('s-4', centre, Q, 'approved'),
  ];
  const decided = (status: Submission['status']) => () => {
    queue = queue.map((s) => (s.id === 's-3' ? { ...s, status } : s));
    return { status: 200, body: queue.find((s) => s.id === 's-3') };
  };
  api = fakeApi({
    ...authRoutes(coordinator),
    'GET /api/v1/tables': () => ({
      status: 200,
      body: {
        items: [
          {
            id: tableId,
            name: 'Northshire Child and Youth Mental Health Planning Table',
            population: 'Children and youth',
            description: null,
            archivedAt: null,
            createdAt: '2025-01-01T00:00:00.000Z',
          },
        ],
        total: 1,
      },
    }),
    [`GET /api/v1/tables/${tableId}/submissions`]: () => ({
      status: 200,
      body: { items: queue, total: queue.length },
    }),
    [`GET /api/v1/tables/${tableId}/partners`]: () => ({
      status: 200,
      body: {
        items: [
          [hub, 'YWH', 'Northshire Youth Wellness Hub'],
          [hospital, 'NGH', 'Northshire General Hospital'],
          [centre, 'NCMHC', 'Northshire Children’s Mental Health Centre'],
        ].map(([id, code, name]) => ({
          tableId,
          organization: { id, code, name, kind: 'agency' },
        })),
        total: 3,
      },
    }),
    [`GET /api/v1/organizations/${hub}/entry-sheet`]: () => ({ status: 200, body: sheet }),
    [`GET /api/v1/organizations/${hub}/periods/${Q}/checks`]: () => ({
      status: 200,
      body: {
        period: Q,
        missing: [{ measureId: 'b2b2b2b2-0000-4000-8000-000000000002', code: 'INTAKE' }],
        flagged: [{ measureId: wait, code: 'WAIT', breakdown: {}, value: 71, score: 5.1 }],
      },
    }),
    [`POST /api/v1/organizations/${hub}/periods/${Q}/approve`]: decided('approved'),
    [`POST /api/v1/organizations/${hub}/periods/${Q}/return`]: decided('returned'),
  });
  vi.stubGlobal('fetch', api.fetch);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function queueRows() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent?.trim()),
    );
}

describe('the review queue', () => {
  it('lists open submissions by partner and quarter, awaiting review first', async () => {
    renderApp('/review');
    await screen.findByRole('link', { name: 'Review Northshire Youth Wellness Hub, FY2025-26 Q3' });
    expect(queueRows()).toEqual([
      ['Northshire Youth Wellness Hub', 'FY2025-26 Q3', '◔ Submitted, awaiting review'],
      ['Northshire General Hospital', 'FY2025-26 Q3', '↩ Returned for changes'],
    ]);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    expect(queueRows()).toHaveLength(4);
    expect(screen.getByRole('link', { name: 'Review queue' })).toBeTruthy();
  });

  it('keeps a quarter reopened for correction open, with its own badge and filter', async () => {
    queue.push(submission('s-5', centre, 'FY2025-26-Q2', 'reopened'));
    renderApp('/review');
    await screen.findByRole('link', { name: 'Review Northshire Youth Wellness Hub, FY2025-26 Q3' });
    expect(queueRows()).toEqual([
      ['Northshire Youth Wellness Hub', 'FY2025-26 Q3', '◔ Submitted, awaiting review'],
      ['Northshire General Hospital', 'FY2025-26 Q3', '↩ Returned for changes'],
      ['Northshire Children’s Mental Health Centre', 'FY2025-26 Q2', '↺ Reopened for correction'],
    ]);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'reopened' } });
    expect(queueRows()).toEqual([
      ['Northshire Children’s Mental Health Centre', 'FY2025-26 Q2', '↺ Reopened for correction'],
    ]);
  });

  it('shows what changed since the last quarter, and approving refreshes the queue', async () => {
    renderApp('/review');
    fireEvent.click(
      await screen.findByRole('link', {
        name: 'Review Northshire Youth Wellness Hub, FY2025-26 Q3',
      }),
    );
    await screen.findByRole('heading', {
      level: 1,
      name: 'Northshire Youth Wellness Hub: FY2025-26 Q3',
    });
    const row = screen.getByRole('row', { name: /Average days to first session/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Change in days is relative, as everywhere (issue #18): (71 − 58) / 58.
    expect(cells).toEqual(['58.0 days', '71.0 days', '▲ +22% (unfavourable)']);
    expect(within(row).getByText('Note: New referral system since October')).toBeTruthy();
    expect(screen.getByText('Submitted by Jordan Lee on Oct 20, 2025')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await screen.findByText('Northshire Youth Wellness Hub: FY2025-26 Q3 approved.');
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/approve'))).toBe(true);
    // Back in the queue, refreshed: the hub's quarter is no longer open.
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Review Northshire Youth Wellness Hub, FY2025-26 Q3' }),
      ).toBeNull(),
    );
    expect(queueRows()).toEqual([
      ['Northshire General Hospital', 'FY2025-26 Q3', '↩ Returned for changes'],
    ]);
  });

  it('returns a quarter only with a note, and sends the note', async () => {
    renderApp(`/review/${hub}/${Q}`);
    const note = await screen.findByLabelText('Note for Northshire Youth Wellness Hub');
    fireEvent.click(screen.getByRole('button', { name: 'Return with this note' }));
    expect(screen.getByText('Write a note saying what needs to change.')).toBeTruthy();
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((c) => c.method === 'POST' && !c.path.startsWith('/api/v1/auth/'))).toBe(
      false,
    );

    fireEvent.change(note, { target: { value: 'Please check the waits: 58 to 71 days.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Return with this note' }));
    await screen.findByText('Northshire Youth Wellness Hub: FY2025-26 Q3 returned with your note.');
    const sent = api.calls.find((c) => c.method === 'POST' && !c.path.startsWith('/api/v1/auth/'));
    expect(sent?.path).toBe(`/api/v1/organizations/${hub}/periods/${Q}/return`);
    expect(sent?.body).toEqual({ note: 'Please check the waits: 58 to 71 days.' });
  });

  it('shows the checks recorded at submission, and the figures to look at', async () => {
    queue = queue.map((s) =>
      s.id === 's-3'
        ? { ...s, missingCount: 2, flaggedCount: 1 }
        : s.id === 's-2'
          ? { ...s, missingCount: null, flaggedCount: null }
          : s,
    );
    renderApp('/review');
    const link = await screen.findByRole('link', {
      name: 'Review Northshire Youth Wellness Hub, FY2025-26 Q3',
    });
    const row = link.closest('tr') as HTMLElement;
    expect(
      within(row).getByText('Submitted with 2 figures empty and 1 that looks wrong'),
    ).toBeTruthy();
    // Submitted before the counts were recorded: nothing said.
    const returned = screen.getByRole('row', { name: /Northshire General Hospital/ });
    expect(within(returned).queryByText(/Submitted with/)).toBeNull();

    fireEvent.click(link);
    const checks = await screen.findByRole('region', { name: 'Figures to look at' });
    expect(screen.getByText('Submitted with 2 figures empty and 1 that looks wrong')).toBeTruthy();
    const wrong = await within(checks).findByRole('list', { name: '1 figure looks wrong' });
    expect(within(wrong).getByRole('listitem').textContent).toBe(
      'Average days to first session: 71.0 days looks far from this figure’s earlier quarters',
    );
    const empty = within(checks).getByRole('list', { name: '1 figure is still empty' });
    expect(within(empty).getByRole('listitem').textContent).toBe('INTAKE');
    // Before the decision.
    const decision = screen.getByRole('region', { name: 'Your decision' });
    expect(
      checks.compareDocumentPosition(decision) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('speaks French', async () => {
    queue = queue.map((s) => (s.id === 's-3' ? { ...s, missingCount: 0, flaggedCount: 1 } : s));
    localStorage.setItem('rba.locale', 'fr');
    renderApp(`/review/${hub}/${Q}`, { locale: 'fr' });
    const checks = await screen.findByRole('region', { name: 'Données à examiner' });
    const wrong = await within(checks).findByRole('list', { name: '1 donnée semble erronée' });
    expect(within(wrong).getByRole('listitem').textContent?.replace(/\s/g, ' ')).toBe(
      'Average days to first session : 71,0 jours s’écarte nettement des trimestres précédents de cette donnée',
    );
    expect(
      await screen.findByText('Soumis avec toutes les données saisies ; 1 donnée semble erronée'),
    ).toBeTruthy();
  });
});
