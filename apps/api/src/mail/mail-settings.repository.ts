// Who wants which e-mails (per user) and when a table's agencies are reminded (per table). A
// missing row means the defaults: every e-mail on; reminders on at -7, -1 and +3 days.
import type { DbOrTrx } from '../db/schema.js';

export const DEFAULT_OFFSETS = [-7, -1, 3];

export interface EmailPreferences {
  reminders: boolean;
  submissions: boolean;
  returns: boolean;
}

export async function readEmailPreferences(db: DbOrTrx, userId: string): Promise<EmailPreferences> {
  const row = await db
    .selectFrom('notification_settings')
    .select(['reminders', 'submissions', 'returns'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? { reminders: true, submissions: true, returns: true };
}

export async function writeEmailPreferences(
  db: DbOrTrx,
  userId: string,
  p: Partial<EmailPreferences>,
): Promise<EmailPreferences> {
  return db
    .insertInto('notification_settings')
    .values({ user_id: userId, ...p })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...p, updated_at: new Date() }))
    .returning(['reminders', 'submissions', 'returns'])
    .executeTakeFirstOrThrow();
}

export async function readReminderSettings(db: DbOrTrx, tableId: string) {
  const row = await db
    .selectFrom('reminder_settings')
    .select(['enabled', 'offsets'])
    .where('table_id', '=', tableId)
    .executeTakeFirst();
  return row ?? { enabled: true, offsets: DEFAULT_OFFSETS };
}

export async function writeReminderSettings(
  db: DbOrTrx,
  tableId: string,
  v: { enabled: boolean; offsets: number[] },
) {
  return db
    .insertInto('reminder_settings')
    .values({ table_id: tableId, ...v })
    .onConflict((oc) => oc.column('table_id').doUpdateSet({ ...v, updated_at: new Date() }))
    .returning(['enabled', 'offsets'])
    .executeTakeFirstOrThrow();
}
