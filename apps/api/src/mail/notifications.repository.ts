// A user's in-app notifications: newest first, the unread count, marking read.
import type { DbOrTrx } from '../db/schema.js';

export async function listNotifications(db: DbOrTrx, userId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('outbox', 'outbox.id', 'notifications.outbox_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.subject',
      'notifications.body',
      'notifications.link',
      'notifications.created_at',
      'notifications.read_at',
      'outbox.locale',
    ])
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: DbOrTrx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markRead(db: DbOrTrx, userId: string, id: string): Promise<boolean> {
  const found = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return found !== undefined;
}

export async function markAllRead(db: DbOrTrx, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The user an unsubscribe link names, with their language; undefined when there is none. */
export async function findRecipient(db: DbOrTrx, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
