// Every page's module, loaded when first needed (the login page alone is in the entry bundle),
// with the route it answers. One table so that the routes (app.tsx) and the early start below
// name the same modules.
//
// At start-up (main.tsx) the client does not wait for React to find out what to load: once the
// first frame is drawn it asks for the shell and the page of the address it was opened at, and
// once the session is restored it asks for that page's data (the pages that have a `data` entry),
// beside the page's modules rather than after them. A reload, or a link opened from an e-mail,
// then waits for one round trip where it waited for three (session → shell → page → data).

import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { matchPath, type Params } from 'react-router';

interface PageModule {
  /** The route, as app.tsx declares it: relative inside the shell, absolute outside it. */
  path?: string;
  load: () => Promise<{ default: ComponentType }>;
  /** Starts loading what the page shows first, with the route's parameters and query. */
  data?: (client: QueryClient, params: Params, search: URLSearchParams) => Promise<unknown>;
}

export const pageModules = {
  appShell: {
    load: () => import('./shell/app-shell').then((m) => ({ default: m.AppShell })),
  },
  scorecardsPage: {
    path: 'scorecards',
    load: () =>
      import('./pages/scorecards/scorecards-page').then((m) => ({ default: m.ScorecardsPage })),
  },
  tableScorecardPage: {
    path: 'scorecards/tables/:tableId',
    load: () =>
      import('./pages/scorecards/table-scorecard-page').then((m) => ({
        default: m.TableScorecardPage,
      })),
    data: (client, params, search) =>
      import('./pages/scorecards/use-scorecards').then((m) =>
        m.prefetchTableScorecard(client, params.tableId ?? '', search.get('period') || null),
      ),
  },
  organizationScorecardPage: {
    path: 'scorecards/organizations/:organizationId',
    load: () =>
      import('./pages/scorecards/organization-scorecard-page').then((m) => ({
        default: m.OrganizationScorecardPage,
      })),
    data: (client, params, search) =>
      import('./pages/scorecards/use-scorecards').then((m) =>
        m.prefetchOrganizationScorecard(
          client,
          params.organizationId ?? '',
          search.get('period') || null,
        ),
      ),
  },
  seriesPage: {
    path: 'measures/:measureId',
    load: () => import('./pages/series/series-page').then((m) => ({ default: m.SeriesPage })),
  },
  dashboardPage: {
    path: 'dashboard',
    load: () =>
      import('./pages/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
  },
  // Published scorecards: no sign-in, no shell, small enough to embed in an iframe.
  publicScorecardPage: {
    path: '/public/scorecards/:token',
    load: () =>
      import('./pages/public/public-scorecard-page').then((m) => ({
        default: m.PublicScorecardPage,
      })),
  },
  dataEntryPage: {
    path: 'data-entry',
    load: () =>
      import('./pages/data-entry/data-entry-page').then((m) => ({ default: m.DataEntryPage })),
  },
  reviewPage: {
    path: 'review',
    load: () => import('./pages/review/review-page').then((m) => ({ default: m.ReviewPage })),
  },
  reviewSubmissionPage: {
    path: 'review/:organizationId/:period',
    load: () =>
      import('./pages/review/review-submission-page').then((m) => ({
        default: m.ReviewSubmissionPage,
      })),
  },
  plansPage: {
    path: 'plans',
    load: () => import('./pages/plans/plans-page').then((m) => ({ default: m.PlansPage })),
  },
  planEditorPage: {
    path: 'plans/:measureId',
    load: () =>
      import('./pages/plans/plan-editor-page').then((m) => ({ default: m.PlanEditorPage })),
  },
  importsPage: {
    path: 'imports',
    load: () => import('./pages/imports/imports-page').then((m) => ({ default: m.ImportsPage })),
  },
  accountPage: {
    path: 'account',
    load: () => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })),
  },
  homePage: {
    path: 'home',
    load: () => import('./pages/home/home-page').then((m) => ({ default: m.HomePage })),
  },
  statusBoardPage: {
    path: 'status',
    load: () =>
      import('./pages/status/status-board-page').then((m) => ({ default: m.StatusBoardPage })),
  },
  notificationsPage: {
    path: 'notifications',
    load: () =>
      import('./pages/notifications/notifications-page').then((m) => ({
        default: m.NotificationsPage,
      })),
  },
  adminPage: {
    path: 'admin/*',
    load: () => import('./pages/admin/admin-page').then((m) => ({ default: m.AdminPage })),
  },
  systemMapIndexPage: {
    path: 'system-map',
    load: () =>
      import('./pages/system-map/system-map-index-page').then((m) => ({
        default: m.SystemMapIndexPage,
      })),
  },
  systemMapPage: {
    path: 'system-map/:tableId',
    load: () =>
      import('./pages/system-map/system-map-page').then((m) => ({ default: m.SystemMapPage })),
  },
  programProfilePage: {
    path: 'system-map/programs/:programId/profile',
    load: () =>
      import('./pages/system-map/program-profile-page').then((m) => ({
        default: m.ProgramProfilePage,
      })),
  },
  // Printable, so outside the shell; its chunk carries the charts (recharts), never the login
  // bundle.
  curveReportPage: {
    path: '/reports/curve/:measureId',
    load: () =>
      import('./pages/curve-report/curve-report-page').then((m) => ({
        default: m.CurveReportPage,
      })),
  },
  partnershipsPage: {
    path: 'partnerships',
    load: () =>
      import('./pages/partnerships/partnerships-page').then((m) => ({
        default: m.PartnershipsPage,
      })),
  },
  tableSurveysPage: {
    path: 'partnerships/tables/:tableId',
    load: () =>
      import('./pages/partnerships/table-surveys-page').then((m) => ({
        default: m.TableSurveysPage,
      })),
  },
  networkPage: {
    path: 'partnerships/tables/:tableId/network',
    load: () =>
      import('./pages/partnerships/network-page').then((m) => ({ default: m.NetworkPage })),
  },
  surveyResponsePage: {
    path: 'partnerships/surveys/:surveyId/response',
    load: () =>
      import('./pages/partnerships/survey-response-page').then((m) => ({
        default: m.SurveyResponsePage,
      })),
  },
  notFoundPage: {
    load: () =>
      import('./pages/not-found/not-found-page').then((m) => ({ default: m.NotFoundPage })),
  },
} satisfies Record<string, PageModule>;

/** Pages drawn outside the signed-in shell (their paths are absolute). */
const outsideShell: PageModule[] = [pageModules.publicScorecardPage, pageModules.curveReportPage];

/** The page module that answers this address, with its parameters; null for the sign-in page. */
function routeOf(
  pathname: string,
): { page: PageModule | null; params: Params; shell: boolean } | null {
  if (matchPath('/login', pathname)) return null;
  for (const page of outsideShell) {
    const match = page.path ? matchPath(page.path, pathname) : null;
    if (match) return { page, params: match.params, shell: false };
  }
  for (const page of Object.values(pageModules as Record<string, PageModule>)) {
    if (page.path === undefined || page.path.startsWith('/')) continue;
    const match = matchPath(`/${page.path}`, pathname);
    if (match) return { page, params: match.params, shell: true };
  }
  return { page: null, params: {}, shell: true };
}

/**
 * Starts loading the modules the page at this address needs (the shell and the page), without
 * waiting for them: React's lazy() finds them loaded, or on their way.
 */
export function preloadRoute(pathname: string): void {
  const route = routeOf(pathname);
  if (!route) return;
  if (route.shell) void pageModules.appShell.load();
  if (route.page) void route.page.load();
}

/** Starts loading the data the page at this address shows first, for a signed-in session. */
export function prefetchRouteData(client: QueryClient, pathname: string, search: string): void {
  const route = routeOf(pathname);
  route?.page?.data?.(client, route.params, new URLSearchParams(search)).catch(() => undefined);
}
