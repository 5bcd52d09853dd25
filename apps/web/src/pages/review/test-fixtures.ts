// An agency's quarter as the review page reads it, and a fake API around it, for the tests of the
// changes since a return or reopening and of reopening an approved quarter.

import { vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { EntrySheet, Submission } from '../../api/entry-api';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
} from '../../test/fake-api';

export const tableId = 'f1f1f1f1-0000-4000-8000-000000000001';
export const hub = 'a1a1a1a1-0000-4000-8000-000000000001';
export const wait = 'b1b1b1b1-0000-4000-8000-000000000001';
export const Q = 'FY2025-26-Q3';

export const coordinator: User = {
  id: 'c3c3c3c3-0000-4000-8000-000000000003',
  email: 'chantal@example.org',
  name: 'Chantal Coordinator',
  locale: 'en',
  roles: [{ role: 'table_coordinator', scopeType: 'table', scopeId: tableId }],
};

export function submission(
  status: Submission['status'],
  reviewNote: string | null = null,
): Submission {
  return {
    id: 'e1e1e1e1-0000-4000-8000-000000000001',
    organizationId: hub,
    period: Q,
    periodStart: '2025-10-01',
    periodEnd: '2025-12-31',
    status,
    submittedBy: 'c2c2c2c2-0000-4000-8000-000000000002',
    submittedAt: '2025-10-20T10:00:00.000Z',
    reviewedBy: status === 'submitted' ? null : coordinator.id,
    reviewedAt: status === 'submitted' ? null : '2025-10-22T10:00:00.000Z',
    reviewNote,
    lockedObservations: 0,
    missingCount: 0,
    flaggedCount: 0,
  };
}

export function reviewSheet(
  status: NonNullable<EntrySheet['submission']>['status'],
  reviewNote: string | null = null,
): EntrySheet {
  return {
    organization: { id: hub, code: 'YWH', name: 'Northshire Youth Wellness Hub', nameFr: null },
    period: { label: Q, type: 'fiscal_quarter', start: '2025-10-01', end: '2025-12-31' },
    periods: ['FY2025-26-Q2', Q].map((label) => ({
      label,
      type: 'fiscal_quarter' as const,
      start: '2025-07-01',
      end: '2025-09-30',
    })),
    view: 'review',
    submission: {
      id: 'e1e1e1e1-0000-4000-8000-000000000001',
      status,
      submittedBy: { id: 'c2c2c2c2-0000-4000-8000-000000000002', name: 'Jordan Lee' },
      submittedAt: '2025-10-20T10:00:00.000Z',
      reviewedBy: { id: coordinator.id, name: coordinator.name },
      reviewedAt: '2025-10-22T10:00:00.000Z',
      reviewNote,
    },
    lock: status === 'approved' || status === 'submitted' ? status : null,
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
            dimensions: [
              {
                code: 'gender',
                name: 'Gender',
                nameFr: null,
                values: [{ code: 'women', label: 'Women', labelFr: null }],
              },
            ],
            cells: [],
            change: null,
          },
        ],
      },
    ],
  };
}

/** The review routes around one agency's quarter; `sheet` is read on every request. */
export function serveReview(
  current: () => EntrySheet,
  routes: Record<string, FakeRoute> = {},
  user: User = coordinator,
): FakeApi {
  holdRefreshCookie();
  const api = fakeApi({
    ...authRoutes(user),
    'GET /api/v1/tables': () => ({ status: 200, body: { items: [], total: 0 } }),
    [`GET /api/v1/organizations/${hub}/entry-sheet`]: () => ({ status: 200, body: current() }),
    [`GET /api/v1/organizations/${hub}/periods/${Q}/checks`]: () => ({
      status: 200,
      body: { period: Q, missing: [], flagged: [] },
    }),
    [`GET /api/v1/organizations/${hub}/periods/${Q}/changes`]: () => ({
      status: 200,
      body: { since: null, items: [] },
    }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}
