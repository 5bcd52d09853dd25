import type { ColumnType, Generated } from 'kysely';

export interface ProgramsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  name_fr: string | null;
  description: string | null;
  description_fr: string | null;
  archived_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface ProgramResultsTable {
  program_id: string;
  result_id: string;
}
