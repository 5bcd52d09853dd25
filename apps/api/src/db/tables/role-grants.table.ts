import type { Role, ScopeType } from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

export type { Role, ScopeType };

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  scope_type: ScopeType | null;
  scope_id: string | null;
  created_at: ColumnType<Date, never, never>;
}
