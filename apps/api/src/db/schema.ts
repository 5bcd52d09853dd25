// The database as Kysely sees it: one interface per table, in tables/.
import type { Kysely, Transaction } from 'kysely';
import type { AuditChainHeadTable, AuditEventsTable } from './tables/audit-events.table.js';
import type { CurvePlanRevisionsTable, CurvePlansTable } from './tables/curve-plans.table.js';
import type { DataChangesTable } from './tables/data-changes.table.js';
import type {
  DimensionsTable,
  DimensionValuesTable,
  MeasureDimensionsTable,
} from './tables/dimensions.table.js';
import type { ImportUndoTable } from './tables/import-undo.table.js';
import type {
  NotificationSettingsTable,
  NotificationsTable,
  OutboxTable,
  ReminderSettingsTable,
} from './tables/mail.table.js';
import type { MeasuresTable } from './tables/measures.table.js';
import type {
  ApprovedFiguresTable,
  ObservationsTable,
  PublishedObservationsView,
  TargetsTable,
} from './tables/observations.table.js';
import type { OrganizationsTable } from './tables/organizations.table.js';
import type { PlanningTablesTable, TablePartnersTable } from './tables/planning-tables.table.js';
import type { ProgramResultsTable, ProgramsTable } from './tables/programs.table.js';
import type { PublicLinksTable } from './tables/public-links.table.js';
import type { RateLimitsTable } from './tables/rate-limits.table.js';
import type { RefreshTokensTable } from './tables/refresh-tokens.table.js';
import type {
  CommentsTable,
  ReportingPeriodsTable,
  SubmissionsTable,
} from './tables/reporting.table.js';
import type { ResultsTable } from './tables/results.table.js';
import type { RoleGrantsTable } from './tables/role-grants.table.js';
import type { SettingsTable } from './tables/settings.table.js';
import type {
  ProgramLanguagesTable,
  ProgramProfilesTable,
  ProgramServedTable,
  ProgramServiceTypesTable,
  ServiceTypesTable,
} from './tables/system-map.table.js';
import type { UsersTable } from './tables/users.table.js';

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  rate_limits: RateLimitsTable;
  refresh_tokens: RefreshTokensTable;
  planning_tables: PlanningTablesTable;
  table_partners: TablePartnersTable;
  results: ResultsTable;
  programs: ProgramsTable;
  program_results: ProgramResultsTable;
  dimensions: DimensionsTable;
  dimension_values: DimensionValuesTable;
  measures: MeasuresTable;
  measure_dimensions: MeasureDimensionsTable;
  observations: ObservationsTable;
  approved_figures: ApprovedFiguresTable;
  published_observations: PublishedObservationsView;
  targets: TargetsTable;
  reporting_periods: ReportingPeriodsTable;
  submissions: SubmissionsTable;
  comments: CommentsTable;
  curve_plans: CurvePlansTable;
  curve_plan_revisions: CurvePlanRevisionsTable;
  public_links: PublicLinksTable;
  service_types: ServiceTypesTable;
  program_profiles: ProgramProfilesTable;
  program_service_types: ProgramServiceTypesTable;
  program_served: ProgramServedTable;
  program_languages: ProgramLanguagesTable;
  reminder_settings: ReminderSettingsTable;
  notification_settings: NotificationSettingsTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  data_changes: DataChangesTable;
  import_undo: ImportUndoTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either: the service decides where the transaction starts. */
export type DbOrTrx = Db | Trx;
