// The client's providers and routes; main.tsx mounts them in a browser router.

import { type QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { Route, Routes } from 'react-router';
import { AuthProvider } from './auth/auth-provider';
import { FullPageStatus, RequireAuth } from './auth/require-auth';
import { I18nProvider, useI18n, useT } from './i18n/i18n-provider';
import type { Locale } from './i18n/locale';
import { pageModules } from './page-modules';
import { HomeRedirect } from './pages/dashboard/home-redirect';
import { defaultPath, LoginPage } from './pages/login/login-page';

// The login page is in the entry bundle; the shell and every area load when first needed.
const AppShell = lazy(pageModules.appShell.load);
const ScorecardsPage = lazy(pageModules.scorecardsPage.load);
const TableScorecardPage = lazy(pageModules.tableScorecardPage.load);
const OrganizationScorecardPage = lazy(pageModules.organizationScorecardPage.load);
const SeriesPage = lazy(pageModules.seriesPage.load);
const DashboardPage = lazy(pageModules.dashboardPage.load);
const PublicScorecardPage = lazy(pageModules.publicScorecardPage.load);
const DataEntryPage = lazy(pageModules.dataEntryPage.load);
const ReviewPage = lazy(pageModules.reviewPage.load);
const ReviewSubmissionPage = lazy(pageModules.reviewSubmissionPage.load);
const PlansPage = lazy(pageModules.plansPage.load);
const PlanEditorPage = lazy(pageModules.planEditorPage.load);
const ImportsPage = lazy(pageModules.importsPage.load);
const AccountPage = lazy(pageModules.accountPage.load);
const HomePage = lazy(pageModules.homePage.load);
const StatusBoardPage = lazy(pageModules.statusBoardPage.load);
const NotificationsPage = lazy(pageModules.notificationsPage.load);
const AdminPage = lazy(pageModules.adminPage.load);
const SystemMapIndexPage = lazy(pageModules.systemMapIndexPage.load);
const SystemMapPage = lazy(pageModules.systemMapPage.load);
const ProgramProfilePage = lazy(pageModules.programProfilePage.load);
const CurveReportPage = lazy(pageModules.curveReportPage.load);
const PartnershipsPage = lazy(pageModules.partnershipsPage.load);
const TableSurveysPage = lazy(pageModules.tableSurveysPage.load);
const NetworkPage = lazy(pageModules.networkPage.load);
const SurveyResponsePage = lazy(pageModules.surveyResponsePage.load);
const NotFoundPage = lazy(pageModules.notFoundPage.load);

/**
 * Everything cached was asked for in the language shown then (`?lang=`): when the language
 * changes, every query is marked stale, so what is on screen is asked for again in the new one
 * and the rest when next shown. The request language is already the new one: the provider sets
 * it where the language changes, before this effect runs.
 */
function RefetchOnLanguageChange() {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const shown = useRef(locale);
  useEffect(() => {
    if (shown.current === locale) return;
    shown.current = locale;
    void queryClient.invalidateQueries();
  }, [locale, queryClient]);
  return null;
}

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
        <RefetchOnLanguageChange />
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
        path={pageModules.publicScorecardPage.path}
        element={
          <Suspense fallback={<ShellLoading />}>
            <PublicScorecardPage />
          </Suspense>
        }
      />
      <Route
        path={pageModules.curveReportPage.path}
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
        <Route path={pageModules.homePage.path} element={<HomePage />} />
        <Route path={pageModules.scorecardsPage.path} element={<ScorecardsPage />} />
        <Route path={pageModules.tableScorecardPage.path} element={<TableScorecardPage />} />
        <Route
          path={pageModules.organizationScorecardPage.path}
          element={<OrganizationScorecardPage />}
        />
        <Route path={pageModules.seriesPage.path} element={<SeriesPage />} />
        <Route path={pageModules.dashboardPage.path} element={<DashboardPage />} />
        <Route path={pageModules.dataEntryPage.path} element={<DataEntryPage />} />
        <Route path={pageModules.reviewPage.path} element={<ReviewPage />} />
        <Route path={pageModules.reviewSubmissionPage.path} element={<ReviewSubmissionPage />} />
        <Route path={pageModules.statusBoardPage.path} element={<StatusBoardPage />} />
        <Route path={pageModules.notificationsPage.path} element={<NotificationsPage />} />
        <Route path={pageModules.plansPage.path} element={<PlansPage />} />
        <Route path={pageModules.planEditorPage.path} element={<PlanEditorPage />} />
        <Route path={pageModules.importsPage.path} element={<ImportsPage />} />
        <Route path={pageModules.accountPage.path} element={<AccountPage />} />
        <Route path={pageModules.adminPage.path} element={<AdminPage />} />
        <Route path={pageModules.systemMapIndexPage.path} element={<SystemMapIndexPage />} />
        <Route path={pageModules.systemMapPage.path} element={<SystemMapPage />} />
        <Route path={pageModules.programProfilePage.path} element={<ProgramProfilePage />} />
        <Route path={pageModules.partnershipsPage.path} element={<PartnershipsPage />} />
        <Route path={pageModules.tableSurveysPage.path} element={<TableSurveysPage />} />
        <Route path={pageModules.networkPage.path} element={<NetworkPage />} />
        <Route path={pageModules.surveyResponsePage.path} element={<SurveyResponsePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
