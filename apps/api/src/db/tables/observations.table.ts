import type { ObservationStatus } from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

export type { ObservationStatus };

export interface ObservationsTable {
  id: Generated<string>;
  measure_id: string;
  period_start: string;
  period_end: string;
  breakdown: Generated<string>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: Generated<ObservationStatus>;
  version: Generated<number>;
  entered_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** The copy of a figure as last approved, kept while its period is reopened (id: the figure's). */
export interface ApprovedFiguresTable {
  id: string;
  measure_id: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  version: number;
  entered_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * The view approved and restricted readers see: approved figures, and the last approved copy of
 * those under revision (`under_revision` true). Read-only.
 */
export interface PublishedObservationsView {
  id: string;
  measure_id: string;
  period_start: string;
  period_end: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  status: ObservationStatus;
  version: number;
  entered_by: string | null;
  created_at: Date;
  updated_at: Date;
  under_revision: boolean;
}

export interface TargetsTable {
  id: Generated<string>;
  measure_id: string;
  period_start: string;
  period_end: string;
  breakdown: Generated<string>;
  value: number;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
