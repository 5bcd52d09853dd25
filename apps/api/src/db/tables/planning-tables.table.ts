import type { ColumnType, Generated } from 'kysely';

export interface PlanningTablesTable {
  id: Generated<string>;
  name: string;
  name_fr: string | null;
  population: string;
  population_fr: string | null;
  description: string | null;
  description_fr: string | null;
  archived_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface TablePartnersTable {
  table_id: string;
  organization_id: string;
  created_at: ColumnType<Date, never, never>;
}
