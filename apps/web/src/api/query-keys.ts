// Every react-query key of the client, from one factory, so invalidation has one spelling.

export const queryKeys = {
  all: ['rba'] as const,
  me: () => [...queryKeys.all, 'me'] as const,
  /** The demo database's accounts, for the sign-in page (404 on any other database). */
  demoAccounts: () => [...queryKeys.all, 'demo-accounts'] as const,
  organization: (id: string) => [...queryKeys.all, 'organizations', id] as const,
  /** The data-entry grid of an agency for a period (null: the current quarter). */
  entrySheet: (organizationId: string, period: string | null) =>
    [...queryKeys.all, 'organizations', organizationId, 'entry-sheet', period] as const,
  /** A table's review queue (GET /tables/:id/submissions). */
  tableSubmissions: (tableId: string) =>
    [...queryKeys.all, 'tables', tableId, 'submissions'] as const,
  curveReport: (measureId: string) =>
    [...queryKeys.all, 'measures', measureId, 'curve-report'] as const,
  tables: () => [...queryKeys.all, 'tables'] as const,
  organizations: () => [...queryKeys.all, 'organizations'] as const,
  tableScorecard: (tableId: string, period: string | null) =>
    [...queryKeys.all, 'tables', tableId, 'scorecard', period] as const,
  organizationScorecard: (organizationId: string, period: string | null) =>
    [...queryKeys.all, 'organizations', organizationId, 'scorecard', period] as const,
  publicScorecard: (token: string, period: string | null) =>
    [...queryKeys.all, 'public-scorecards', token, period] as const,
  measureSeries: (measureId: string, horizon: number) =>
    [...queryKeys.all, 'measures', measureId, 'series', horizon] as const,
  /** A measure's stored totals (with their notes), as GET /measures/:id/observations lists them. */
  measureObservations: (measureId: string) =>
    [...queryKeys.all, 'measures', measureId, 'observations', 'totals'] as const,
  /** Everything about one measure's figure histories (invalidated when one of its figures is saved). */
  figureHistories: (measureId: string) =>
    [...queryKeys.all, 'measures', measureId, 'history'] as const,
  /** One figure's history (GET /measures/:id/observations/:period/history). */
  figureHistory: (measureId: string, period: string, breakdown: string) =>
    [...queryKeys.figureHistories(measureId), period, breakdown] as const,
  /** A measure's figures of the periods before `period`, for the checks while typing. */
  earlierFigures: (measureId: string, period: string) =>
    [...queryKeys.all, 'measures', measureId, 'earlier-figures', period] as const,
  /** What an agency changed since its period was last returned or reopened. */
  periodChanges: (organizationId: string, period: string) =>
    [...queryKeys.all, 'organizations', organizationId, 'periods', period, 'changes'] as const,
  curvePlan: (measureId: string) =>
    [...queryKeys.all, 'measures', measureId, 'curve-plan'] as const,
  /** One measure's definition (GET /measures/:id). */
  measure: (measureId: string) => [...queryKeys.all, 'measures', measureId, 'definition'] as const,
  /** Every measure the signed-in user may plan for, gathered from the scorecards they see. */
  planMeasures: (userId: string) => [...queryKeys.all, 'plan-measures', userId] as const,
  planRevisions: (planId: string) =>
    [...queryKeys.all, 'curve-plans', planId, 'revisions'] as const,
  planComparison: (planId: string, from: number, to: number) =>
    [...queryKeys.all, 'curve-plans', planId, 'compare', from, to] as const,
  planComments: (planId: string) => [...queryKeys.all, 'curve-plans', planId, 'comments'] as const,
  tablePartners: (tableId: string) => [...queryKeys.all, 'tables', tableId, 'partners'] as const,
  publicLinks: (tableId: string) => [...queryKeys.all, 'tables', tableId, 'public-links'] as const,
  users: () => [...queryKeys.all, 'users'] as const,
  reportingPeriods: () => [...queryKeys.all, 'reporting-periods'] as const,
  settings: () => [...queryKeys.all, 'settings'] as const,
  dimensions: () => [...queryKeys.all, 'dimensions'] as const,
  /** The import wizard: the measures the signed-in user may write into, by kind of owner. */
  importMeasures: (userId: string) => [...queryKeys.all, 'imports', 'measures', userId] as const,
  importDimensions: () => [...queryKeys.all, 'imports', 'dimensions'] as const,
  importJob: (jobId: string) => [...queryKeys.all, 'imports', 'jobs', jobId] as const,
  /** The name of what an export covers (a table, an agency, a measure), for the export dialog. */
  exportScope: (kind: string, id: string) =>
    [...queryKeys.all, 'exports', 'scope', kind, id] as const,
  /** Every system map (invalidated whole when a program's profile changes). */
  systemMaps: () => [...queryKeys.all, 'system-map'] as const,
  /** A table's system map for one axis and set of filters (GET /tables/:id/system-map). */
  systemMap: (
    tableId: string,
    query: {
      by: string;
      resultId?: string | undefined;
      serviceType?: string | undefined;
      value?: string | undefined;
    },
  ) => [...queryKeys.systemMaps(), tableId, query] as const,
  tableResults: (tableId: string) => [...queryKeys.all, 'tables', tableId, 'results'] as const,
  serviceTypes: () => [...queryKeys.all, 'service-types'] as const,
  program: (programId: string) => [...queryKeys.all, 'programs', programId] as const,
  programProfile: (programId: string) =>
    [...queryKeys.all, 'programs', programId, 'profile'] as const,
  /** Where a table's partner agencies stand in a period (GET /tables/:id/reporting-status). */
  reportingStatus: (tableId: string, period: string) =>
    [...queryKeys.all, 'tables', tableId, 'reporting-status', period] as const,
  reminderSettings: (tableId: string) =>
    [...queryKeys.all, 'tables', tableId, 'reminder-settings'] as const,
  /** The signed-in user's notifications (the bell and its page share them). */
  notifications: () => [...queryKeys.all, 'my-notifications'] as const,
  notificationSettings: () => [...queryKeys.all, 'my-notification-settings'] as const,
  /** Every page of the admin's outbox (invalidated whole after a reminder run). */
  outbox: () => [...queryKeys.all, 'admin', 'outbox'] as const,
  outboxPage: (state: string | null, offset: number) =>
    [...queryKeys.outbox(), state, offset] as const,
};
