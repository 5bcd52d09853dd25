import type { OrganizationKind } from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

export type { OrganizationKind };

export interface OrganizationsTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_fr: string | null;
  kind: OrganizationKind;
  archived_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}
