import type {
  Aggregation,
  Direction,
  MeasureCategory,
  MeasureKind,
  Unit as MeasureUnit,
  PeriodType,
} from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

// The vocabularies are declared once, in @rba/schema; re-exported for the repositories.
export type { Aggregation, Direction, MeasureCategory, MeasureKind, MeasureUnit, PeriodType };

export interface MeasuresTable {
  id: Generated<string>;
  kind: MeasureKind;
  code: string;
  name: string;
  name_fr: string | null;
  table_id: string | null;
  result_id: string | null;
  program_id: string | null;
  organization_id: string | null;
  category: MeasureCategory | null;
  unit: MeasureUnit;
  rate_per: number | null;
  direction: Direction;
  period_type: PeriodType;
  aggregation: Aggregation;
  period_aggregation: Aggregation;
  decimals: Generated<number>;
  headline: Generated<boolean>;
  on_data_development_agenda: Generated<boolean>;
  baseline_period: string | null;
  data_source: string | null;
  definition: string | null;
  definition_fr: string | null;
  shared_measure_id: string | null;
  sort_order: Generated<number>;
  archived_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}
