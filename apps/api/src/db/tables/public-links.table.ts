import type { ColumnType, Generated } from 'kysely';

export interface PublicLinksTable {
  id: Generated<string>;
  table_id: string;
  token_hash: string;
  label: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  revoked_at: Date | null;
}
