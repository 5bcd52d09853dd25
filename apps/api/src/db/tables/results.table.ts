import type { ColumnType, Generated } from 'kysely';

export interface ResultsTable {
  id: Generated<string>;
  table_id: string;
  title: string;
  title_fr: string | null;
  description: string | null;
  description_fr: string | null;
  sort_order: Generated<number>;
  archived_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}
