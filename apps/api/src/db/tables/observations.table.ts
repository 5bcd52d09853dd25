import type { ColumnType, Generated } from 'kysely';

export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'returned';

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

export interface TargetsTable {
  id: Generated<string>;
  measure_id: string;
  period_start: string;
  period_end: string;
  breakdown: Generated<string>;
  value: number;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
