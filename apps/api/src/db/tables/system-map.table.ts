import type { ColumnType, Generated } from 'kysely';

export interface ServiceTypesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_fr: string | null;
  sort_order: Generated<number>;
}

export interface ProgramProfilesTable {
  program_id: string;
  capacity: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ProgramServiceTypesTable {
  program_id: string;
  service_type_id: string;
}

export interface ProgramServedTable {
  program_id: string;
  dimension_code: 'age_group' | 'region';
  value_code: string;
}

export interface ProgramLanguagesTable {
  program_id: string;
  language: string;
}
