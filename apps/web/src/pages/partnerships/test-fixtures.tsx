// A planning table with four partner agencies and two yearly partnership surveys, a fake API
// around them, and the partnership pages mounted at their routes, for this area's tests.

import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import type { User } from '../../api/auth-api';
import type { PlanningTable } from '../../api/entry-api';
import type {
  MyResponse,
  NetworkNode,
  PartnershipSurvey,
  SurveyNetwork,
} from '../../api/partnerships-api';
import { AppProviders } from '../../app';
import { RequireAuth } from '../../auth/require-auth';
import type { Locale } from '../../i18n/locale';
import { createQueryClient } from '../../query-client';
import {
  authRoutes,
  type FakeApi,
  type FakeRoute,
  fakeApi,
  holdRefreshCookie,
} from '../../test/fake-api';
import { NetworkPage } from './network-page';
import { PartnershipsPage } from './partnerships-page';
import { SurveyResponsePage } from './survey-response-page';
import { TableSurveysPage } from './table-surveys-page';

export const tableId = 'f1f1f1f1-0000-4000-8000-000000000001';
export const hub = {
  id: 'a1a1a1a1-0000-4000-8000-000000000001',
  code: 'YWH',
  name: 'Youth Wellness Hub',
  nameFr: null,
};
export const centre = {
  id: 'a2a2a2a2-0000-4000-8000-000000000002',
  code: 'CC',
  name: 'Community Centre',
  nameFr: null,
};
export const bay = {
  id: 'a3a3a3a3-0000-4000-8000-000000000003',
  code: 'BAY',
  name: 'Bay Services',
  nameFr: null,
};
export const clinic = {
  id: 'a4a4a4a4-0000-4000-8000-000000000004',
  code: 'ALC',
  name: 'Alpha Clinic',
  nameFr: null,
};

export const editor: User = {
  id: 'e1e1e1e1-0000-4000-8000-000000000001',
  email: 'erin@example.org',
  name: 'Erin Editor',
  locale: 'en',
  roles: [{ role: 'partner_editor', scopeType: 'organization', scopeId: hub.id }],
};

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
  roles: [{ role: 'table_member', scopeType: 'table', scopeId: tableId }],
};

export const admin: User = {
  ...coordinator,
  id: 'd5d5d5d5-0000-4000-8000-000000000005',
  roles: [{ role: 'admin', scopeType: null, scopeId: null }],
};

export const funder: User = {
  ...coordinator,
  id: 'f6f6f6f6-0000-4000-8000-000000000006',
  roles: [{ role: 'funder_viewer', scopeType: 'table', scopeId: tableId }],
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

export const earlier: PartnershipSurvey = {
  id: 'b1b1b1b1-0000-4000-8000-000000000001',
  tableId,
  title: 'Partnerships 2025',
  period: '2025',
  opens: '2025-03-01',
  closes: '2025-03-31',
  minRespondents: 3,
  resultId: null,
  state: 'closed',
  closedAt: '2025-04-01T12:00:00.000Z',
  partners: 4,
  responses: 4,
};

export const later: PartnershipSurvey = {
  ...earlier,
  id: 'b2b2b2b2-0000-4000-8000-000000000002',
  title: 'Partnerships 2026',
  period: '2026',
  opens: '2026-03-01',
  closes: '2026-03-31',
  state: 'open',
  closedAt: null,
  responses: 3,
};

export function myResponse(): MyResponse {
  return {
    organization: hub,
    partners: [
      { organization: centre, answer: null },
      {
        organization: bay,
        answer: {
          organizationId: bay.id,
          level: 3,
          trust: [4, 3, 4],
          value: [2, 3, 3],
          contributions: ['referrals', 'space'],
          comment: 'Meet monthly',
        },
      },
      { organization: clinic, answer: null },
    ],
  };
}

function node(
  organization: typeof hub,
  degree: number,
  betweenness: number | null,
  trust: number | null,
  value: number | null,
  suppressed = false,
): NetworkNode {
  return { organization, degree, betweenness, trust, value, suppressed };
}

export function network2025(): SurveyNetwork {
  return {
    responseRate: 1,
    density: 0.5,
    reciprocity: 0.5,
    degreeCentralization: 1 / 3,
    meanTrust: 3.125,
    meanValue: 2.5,
    isolates: 0,
    nodes: [
      node(hub, 2, 2 / 3, 3.5, 3),
      node(centre, 1, 0, null, null, true),
      node(bay, 2, 1 / 3, 3, 2.75),
      node(clinic, 1, 0, null, null),
    ],
    ties: [
      { a: hub.id, b: centre.id, level: 3 },
      { a: hub.id, b: bay.id, level: 2 },
      { a: bay.id, b: clinic.id, level: 1 },
    ],
  };
}

export function network2026(): SurveyNetwork {
  return {
    responseRate: 0.75,
    density: 0.5,
    reciprocity: 2 / 3,
    degreeCentralization: 1,
    meanTrust: 3.4,
    meanValue: 2.25,
    isolates: 1,
    nodes: [
      node(hub, 3, 1, 3.75, 3.25),
      node(centre, 1, 0, 1.5, 2, false),
      node(bay, 2, 0, null, null, true),
      node(clinic, 0, 0, null, null, true),
    ],
    ties: [
      { a: hub.id, b: centre.id, level: 5 },
      { a: hub.id, b: bay.id, level: 4 },
    ],
  };
}

/** What a restricted caller (a funder) gets: the figures, no nodes, no ties. */
export function restricted(network: SurveyNetwork): SurveyNetwork {
  return { ...network, nodes: [], ties: [] };
}

export function servePartnerships(user: User, extra: Record<string, FakeRoute> = {}): FakeApi {
  holdRefreshCookie();
  const surveyRoutes = Object.fromEntries(
    [earlier, later].map((s) => [
      `GET /api/v1/partnership-surveys/${s.id}`,
      () => ({ status: 200, body: s }),
    ]),
  ) as Record<string, FakeRoute>;
  const api = fakeApi({
    ...authRoutes(user),
    'GET /api/v1/tables': () => ({ status: 200, body: { items: [table], total: 1 } }),
    [`GET /api/v1/tables/${tableId}/partnership-surveys`]: () => ({
      status: 200,
      body: { items: [earlier, later], nextOffset: null },
    }),
    ...surveyRoutes,
    'GET /api/v1/me/partnership-surveys': () => ({
      status: 200,
      body: { items: [{ ...later, organization: hub, answered: true }] },
    }),
    [`GET /api/v1/partnership-surveys/${later.id}/my-response`]: () => ({
      status: 200,
      body: myResponse(),
    }),
    [`PUT /api/v1/partnership-surveys/${later.id}/my-response`]: () => ({
      status: 200,
      body: { saved: true },
    }),
    [`GET /api/v1/partnership-surveys/${earlier.id}/network`]: () => ({
      status: 200,
      body: user === funder ? restricted(network2025()) : network2025(),
    }),
    [`GET /api/v1/partnership-surveys/${later.id}/network`]: () => ({
      status: 200,
      body: user === funder ? restricted(network2026()) : network2026(),
    }),
    ...extra,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

/** The partnership pages at their routes (as app.tsx registers them), behind the sign-in. */
export function renderPartnerships(path: string, options: { locale?: Locale } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <AppProviders queryClient={queryClient} {...(options.locale ? { locale: options.locale } : {})}>
      <MemoryRouter initialEntries={[path]}>
        <RequireAuth>
          <main id="main">
            <Routes>
              <Route path="/partnerships" element={<PartnershipsPage />} />
              <Route path="/partnerships/tables/:tableId" element={<TableSurveysPage />} />
              <Route path="/partnerships/tables/:tableId/network" element={<NetworkPage />} />
              <Route
                path="/partnerships/surveys/:surveyId/response"
                element={<SurveyResponsePage />}
              />
            </Routes>
          </main>
        </RequireAuth>
      </MemoryRouter>
    </AppProviders>,
  );
}
