import type { Locale } from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

export type { Locale };

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  locale: Generated<Locale>;
  token_version: Generated<number>;
  disabled_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}
