import type { ColumnType, Generated } from 'kysely';

export const ROLES = [
  'admin',
  'partner_editor',
  'partner_viewer',
  'table_coordinator',
  'table_member',
  'funder_viewer',
] as const;
export type Role = (typeof ROLES)[number];
export type ScopeType = 'organization' | 'table';

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  scope_type: ScopeType | null;
  scope_id: string | null;
  created_at: ColumnType<Date, never, never>;
}
