import type { ColumnType, Generated } from 'kysely';

export interface DimensionsTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_fr: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface DimensionValuesTable {
  id: Generated<string>;
  dimension_id: string;
  code: string;
  label: string;
  label_fr: string | null;
  sort_order: Generated<number>;
}

export interface MeasureDimensionsTable {
  measure_id: string;
  dimension_id: string;
}
