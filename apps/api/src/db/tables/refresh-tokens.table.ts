import type { ColumnType, Generated } from 'kysely';

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  /** SHA-256 (hex) of the opaque token; the token itself is never stored. */
  token_hash: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  family_expires_at: Date;
  used_at: Date | null;
  replaced_by: string | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
}
