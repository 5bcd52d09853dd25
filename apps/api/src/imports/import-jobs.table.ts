// The import_jobs table (migration 20261126090000-import-jobs), kept beside the feature that
// owns it and added to queries with `db.withTables`.
import type { ColumnType, Generated } from 'kysely';

export type ImportJobStatus = 'running' | 'done' | 'failed';

export interface ImportJobsTable {
  id: Generated<string>;
  created_by: string;
  status: ImportJobStatus;
  commit: boolean;
  phase: string;
  done: Generated<number>;
  total: number;
  report: ColumnType<unknown, string | null, string | null>;
  error: ColumnType<unknown, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Written by the running process every few seconds (migration 20261126122000). */
  heartbeat_at: ColumnType<Date, never, Date>;
}
