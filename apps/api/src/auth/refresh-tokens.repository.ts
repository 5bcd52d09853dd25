// Refresh tokens as rows: only the SHA-256 of each opaque token is stored.
import type { DbOrTrx } from '../db/schema.js';

export type RevokeReason =
  | 'logout'
  | 'password_change'
  | 'password_reset'
  | 'disabled'
  | 'reuse_detected';

export async function insertRefreshToken(
  db: DbOrTrx,
  v: {
    userId: string;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    familyExpiresAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('refresh_tokens')
    .values({
      user_id: v.userId,
      family_id: v.familyId,
      token_hash: v.tokenHash,
      expires_at: v.expiresAt,
      family_expires_at: v.familyExpiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The token's row, locked until the transaction ends so that one rotation wins a race. */
export async function findRefreshTokenForUpdate(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRefreshTokenUsed(
  db: DbOrTrx,
  id: string,
  replacedBy: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ used_at: at, replaced_by: replacedBy })
    .where('id', '=', id)
    .execute();
}

/** Revokes every live token of a family; returns how many were revoked. */
export async function revokeRefreshFamily(
  db: DbOrTrx,
  familyId: string,
  reason: RevokeReason,
): Promise<number> {
  const rows = await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** Revokes every live refresh token of a user; returns how many families were still live. */
export async function revokeUserRefreshTokens(
  db: DbOrTrx,
  userId: string,
  reason: RevokeReason,
): Promise<number> {
  const rows = await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('family_id')
    .execute();
  return new Set(rows.map((r) => r.family_id)).size;
}

/** Forgets a user's families past their absolute end: nothing can be done with them any more. */
export async function deleteExpiredRefreshTokens(db: DbOrTrx, userId: string): Promise<void> {
  await db
    .deleteFrom('refresh_tokens')
    .where('user_id', '=', userId)
    .where('family_expires_at', '<', new Date())
    .execute();
}
