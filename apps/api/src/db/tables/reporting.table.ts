import type { PeriodType, SubmissionStatus } from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

export type { SubmissionStatus };

export interface ReportingPeriodsTable {
  id: Generated<string>;
  period_type: PeriodType;
  period_start: string;
  period_end: string;
  opens: string;
  due: string;
  closes: string;
}

export interface SubmissionsTable {
  id: Generated<string>;
  organization_id: string;
  period_type: PeriodType;
  period_start: string;
  period_end: string;
  status: SubmissionStatus;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
  /** The checks' counts when it was last submitted; null before the checks existed. */
  missing_count: number | null;
  flagged_count: number | null;
  version: Generated<number>;
}

export interface CommentsTable {
  id: Generated<string>;
  entity: 'observation' | 'curve_plan';
  entity_id: string;
  author_id: string;
  body: string;
  created_at: ColumnType<Date, never, never>;
}
