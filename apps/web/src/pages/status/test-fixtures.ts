// A table's reporting status in one quarter, and a fake API around it, for the status board's
// tests: four agencies, two of them overdue, served in no useful order.

import { vi } from 'vitest';
import type { ReportingPeriod } from '../../api/admin-api';
import type { User } from '../../api/auth-api';
import type { PlanningTable } from '../../api/entry-api';
import type { ReportingStatus, ReportingStatusItem } from '../../api/reporting-status-api';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
} from '../../test/fake-api';

export const tableId = 'f1f1f1f1-0000-4000-8000-000000000001';
export const hub = 'a1a1a1a1-0000-4000-8000-000000000001';
export const centre = 'a2a2a2a2-0000-4000-8000-000000000002';
export const bay = 'a3a3a3a3-0000-4000-8000-000000000003';
export const clinic = 'a4a4a4a4-0000-4000-8000-000000000004';
export const Q = 'FY2026-27-Q3';

export const coordinator: User = {
  id: 'c3c3c3c3-0000-4000-8000-000000000003',
  email: 'chantal@example.org',
  name: 'Chantal Coordinator',
  locale: 'en',
  roles: [{ role: 'table_coordinator', scopeType: 'table', scopeId: tableId }],
};

export const member: User = {
  ...coordinator,
  id: 'c4c4c4c4-0000-4000-8000-000000000004',
  name: 'Sam Member',
  roles: [{ role: 'table_member', scopeType: 'table', scopeId: tableId }],
};

export const table: PlanningTable = {
  id: tableId,
  name: 'Northshire Youth Table',
  nameFr: null,
  population: 'Youth 0–24',
  populationFr: null,
  description: null,
  descriptionFr: null,
  archivedAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function item(
  id: string,
  name: string,
  status: ReportingStatusItem['status'],
  figures: [number, number],
  more: Partial<ReportingStatusItem> = {},
): ReportingStatusItem {
  return {
    organization: { id, code: name.slice(0, 3).toUpperCase(), name, nameFr: null },
    status,
    overdue: false,
    figures: { entered: figures[0], expected: figures[1] },
    submittedAt: null,
    approvedAt: null,
    history: { counted: 4, onTime: 3, onTimeRate: 0.75, approvals: 3, medianDaysToApproval: 2.5 },
    ...more,
  };
}

export function reportingStatus(): ReportingStatus {
  return {
    period: Q,
    due: '2027-01-31',
    at: '2027-02-03T15:00:00.000Z',
    historyPeriods: ['FY2025-26-Q4', 'FY2026-27-Q1', 'FY2026-27-Q2', Q],
    items: [
      item(hub, 'Youth Wellness Hub', 'approved', [4, 4], {
        submittedAt: '2027-01-20T10:00:00.000Z',
        approvedAt: '2027-01-22T10:00:00.000Z',
        history: { counted: 4, onTime: 4, onTimeRate: 1, approvals: 4, medianDaysToApproval: 2 },
      }),
      item(centre, 'Community Centre', 'not_started', [0, 5], {
        overdue: true,
        history: {
          counted: 3,
          onTime: 1,
          onTimeRate: 1 / 3,
          approvals: 0,
          medianDaysToApproval: null,
        },
      }),
      item(bay, 'Bay Services', 'submitted', [5, 5], { submittedAt: '2027-01-30T10:00:00.000Z' }),
      item(clinic, 'Alpha Clinic', 'in_progress', [3, 5], { overdue: true }),
    ],
  };
}

const calendar: ReportingPeriod[] = [
  {
    id: 'd1d1d1d1-0000-4000-8000-000000000001',
    period: Q,
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    opens: '2026-12-15',
    due: '2027-01-31',
    closes: '2027-03-31',
  },
];

export function serveStatus(
  user: User = coordinator,
  extra: Record<string, FakeRoute> = {},
): FakeApi {
  holdRefreshCookie();
  const api = fakeApi({
    ...authRoutes(user),
    'GET /api/v1/tables': () => ({ status: 200, body: { items: [table], total: 1 } }),
    'GET /api/v1/settings': () => ({
      status: 200,
      body: { fiscalYearStartMonth: 4, smallCellThreshold: 5, defaultLocale: 'en' },
    }),
    'GET /api/v1/reporting-periods': () => ({ status: 200, body: { items: calendar, total: 1 } }),
    [`GET /api/v1/tables/${tableId}/reporting-status`]: () => ({
      status: 200,
      body: reportingStatus(),
    }),
    [`GET /api/v1/tables/${tableId}/reminder-settings`]: () => ({
      status: 200,
      body: { enabled: true, offsets: [-7, -1, 3] },
    }),
    [`PUT /api/v1/tables/${tableId}/reminder-settings`]: ({ body }) => ({ status: 200, body }),
    ...extra,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}
