import type { DbOrTrx } from '../db/schema.js';

const columns = ['id', 'table_id', 'label', 'created_by', 'created_at', 'revoked_at'] as const;

export async function insertLink(
  db: DbOrTrx,
  v: { table_id: string; token_hash: string; label: string | null; created_by: string },
) {
  return db.insertInto('public_links').values(v).returning(columns).executeTakeFirstOrThrow();
}

export async function listLinks(db: DbOrTrx, tableId: string) {
  return db
    .selectFrom('public_links')
    .select(columns)
    .where('table_id', '=', tableId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeLink(db: DbOrTrx, tableId: string, id: string) {
  return db
    .updateTable('public_links')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('table_id', '=', tableId)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
}

/** The table a live link opens, or undefined for an unknown or revoked token. */
export async function findLiveLink(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('public_links')
    .select(['id', 'table_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
