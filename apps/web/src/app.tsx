// The client's providers and routes; main.tsx mounts them in a browser router.

import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AuthProvider } from './auth/auth-provider';
import { FullPageStatus, RequireAuth } from './auth/require-auth';
import { I18nProvider, useT } from './i18n/i18n-provider';
import type { Locale } from './i18n/locale';
import { HomeRedirect } from './pages/dashboard/home-redirect';
import { defaultPath, LoginPage } from './pages/login/login-page';

// The login page is in the entry bundle; the shell and every area load when first needed.
const AppShell = lazy(() => import('./shell/app-shell').then((m) => ({ default: m.AppShell })));
const ScorecardsPage = lazy(() =>
  import('./pages/scorecards/scorecards-page').then((m) => ({ default: m.ScorecardsPage })),
);
const TableScorecardPage = lazy(() =>
  import('./pages/scorecards/table-scorecard-page').then((m) => ({
    default: m.TableScorecardPage,
  })),
);
const OrganizationScorecardPage = lazy(() =>
  import('./pages/scorecards/organization-scorecard-page').then((m) => ({
    default: m.OrganizationScorecardPage,
  })),
);
const SeriesPage = lazy(() =>
  import('./pages/series/series-page').then((m) => ({ default: m.SeriesPage })),
);
const DashboardPage = lazy(() =>
  import('./pages/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
// Published scorecards: no sign-in, no shell, small enough to embed in an iframe.
const PublicScorecardPage = lazy(() =>
  import('./pages/public/public-scorecard-page').then((m) => ({
    default: m.PublicScorecardPage,
  })),
);
const DataEntryPage = lazy(() =>
  import('./pages/data-entry/data-entry-page').then((m) => ({ default: m.DataEntryPage })),
);
const ReviewPage = lazy(() =>
  import('./pages/review/review-page').then((m) => ({ default: m.ReviewPage })),
);
const ReviewSubmissionPage = lazy(() =>
  import('./pages/review/review-submission-page').then((m) => ({
    default: m.ReviewSubmissionPage,
  })),
);
const PlansPage = lazy(() =>
  import('./pages/plans/plans-page').then((m) => ({ default: m.PlansPage })),
);
const PlanEditorPage = lazy(() =>
  import('./pages/plans/plan-editor-page').then((m) => ({ default: m.PlanEditorPage })),
);
const ImportsPage = lazy(() =>
  import('./pages/imports/imports-page').then((m) => ({ default: m.ImportsPage })),
);
const AccountPage = lazy(() =>
  import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })),
);
const HomePage = lazy(() =>
  import('./pages/home/home-page').then((m) => ({ default: m.HomePage })),
);
const StatusBoardPage = lazy(() =>
  import('./pages/status/status-board-page').then((m) => ({ default: m.StatusBoardPage })),
);
const NotificationsPage = lazy(() =>
  import('./pages/notifications/notifications-page').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const AdminPage = lazy(() =>
  import('./pages/admin/admin-page').then((m) => ({ default: m.AdminPage })),
);
const SystemMapIndexPage = lazy(() =>
  import('./pages/system-map/system-map-index-page').then((m) => ({
    default: m.SystemMapIndexPage,
  })),
);
const SystemMapPage = lazy(() =>
  import('./pages/system-map/system-map-page').then((m) => ({ default: m.SystemMapPage })),
);
const ProgramProfilePage = lazy(() =>
  import('./pages/system-map/program-profile-page').then((m) => ({
    default: m.ProgramProfilePage,
  })),
);
// Printable, so outside the shell; its chunk carries the charts (recharts), never the login bundle.
const CurveReportPage = lazy(() =>
  import('./pages/curve-report/curve-report-page').then((m) => ({ default: m.CurveReportPage })),
);
const NotFoundPage = lazy(() =>
  import('./pages/not-found/not-found-page').then((m) => ({ default: m.NotFoundPage })),
);

export function AppProviders({
  queryClient,
  locale,
  children,
}: {
  queryClient: QueryClient;
  locale?: Locale;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider {...(locale ? { locale } : {})}>
        <AuthProvider>{children}</AuthProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function ShellLoading() {
  const t = useT();
  return <FullPageStatus>{t('app.loading')}</FullPageStatus>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/public/scorecards/:token"
        element={
          <Suspense fallback={<ShellLoading />}>
            <PublicScorecardPage />
          </Suspense>
        }
      />
      <Route
        path="/reports/curve/:measureId"
        element={
          <RequireAuth>
            <Suspense fallback={<ShellLoading />}>
              <CurveReportPage />
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Suspense fallback={<ShellLoading />}>
              <AppShell />
            </Suspense>
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect fallback={defaultPath} />} />
        <Route path="home" element={<HomePage />} />
        <Route path="scorecards" element={<ScorecardsPage />} />
        <Route path="scorecards/tables/:tableId" element={<TableScorecardPage />} />
        <Route
          path="scorecards/organizations/:organizationId"
          element={<OrganizationScorecardPage />}
        />
        <Route path="measures/:measureId" element={<SeriesPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="data-entry" element={<DataEntryPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="review/:organizationId/:period" element={<ReviewSubmissionPage />} />
        <Route path="status" element={<StatusBoardPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/:measureId" element={<PlanEditorPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="admin/*" element={<AdminPage />} />
        <Route path="system-map" element={<SystemMapIndexPage />} />
        <Route path="system-map/:tableId" element={<SystemMapPage />} />
        <Route path="system-map/programs/:programId/profile" element={<ProgramProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
