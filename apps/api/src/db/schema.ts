// The database as Kysely sees it: one interface per table, in tables/.
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventsTable } from './tables/audit-events.table.js';
import type { OrganizationsTable } from './tables/organizations.table.js';
import type { RateLimitsTable } from './tables/rate-limits.table.js';
import type { RoleGrantsTable } from './tables/role-grants.table.js';
import type { SettingsTable } from './tables/settings.table.js';
import type { UsersTable } from './tables/users.table.js';

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  settings: SettingsTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either: the service decides where the transaction starts. */
export type DbOrTrx = Db | Trx;
