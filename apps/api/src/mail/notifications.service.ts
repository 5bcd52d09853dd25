// The signed-in user's notifications and e-mail settings, and unsubscribing from a link.
import type { NotificationSettings, Notifications } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import type { Locale } from '../db/tables/users.table.js';
import { inTransaction } from '../db/transaction.js';
import { InvalidUnsubscribeTokenError, NotFoundError } from '../errors.js';
import {
  type EmailPreferences,
  readEmailPreferences,
  writeEmailPreferences,
} from './mail-settings.repository.js';
import type { EmailCategory } from './messages.js';
import {
  countUnread,
  findRecipient,
  listNotifications,
  markAllRead,
  markRead,
} from './notifications.repository.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

export async function myNotifications(db: Db, actor: Actor, limit: number): Promise<Notifications> {
  const [rows, unread] = await Promise.all([
    listNotifications(db, actor.userId, limit),
    countUnread(db, actor.userId),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      at: r.created_at.toISOString(),
      subject: r.subject,
      body: r.body,
      link: r.link,
      read: r.read_at !== null,
      lang: r.locale,
    })),
    unread,
  };
}

// Marking read is the user's own inbox state, like a message's seen flag: not audited.
export async function readNotification(db: Db, actor: Actor, id: string): Promise<void> {
  if (!(await markRead(db, actor.userId, id))) throw new NotFoundError('Notification');
}

export async function readAllNotifications(db: Db, actor: Actor): Promise<void> {
  await markAllRead(db, actor.userId);
}

const toSettings = (p: EmailPreferences): NotificationSettings => ({ email: { ...p } });

export async function myNotificationSettings(db: Db, actor: Actor) {
  return toSettings(await readEmailPreferences(db, actor.userId));
}

async function changePreferences(
  db: Db,
  userId: string,
  change: Partial<EmailPreferences>,
  requestId: string | null,
  via: 'settings' | 'unsubscribe',
): Promise<NotificationSettings> {
  return inTransaction(db, async (trx) => {
    const before = toSettings(await readEmailPreferences(trx, userId));
    const after = toSettings(await writeEmailPreferences(trx, userId, change));
    await insertAuditEvent(trx, {
      actorId: userId,
      action: 'user.notification_settings',
      entity: 'user',
      entityId: userId,
      before,
      after: { ...after, via },
      requestId,
    });
    return after;
  });
}

export function putMyNotificationSettings(db: Db, actor: Actor, body: NotificationSettings) {
  return changePreferences(db, actor.userId, body.email, actor.requestId, 'settings');
}

/** Whom an unsubscribe link is for, in their language; refuses a tampered link. */
export async function unsubscribeTarget(
  db: Db,
  secret: string,
  token: string,
): Promise<{ userId: string; category: EmailCategory; locale: Locale }> {
  const read = readUnsubscribeToken(secret, token);
  const user = read ? await findRecipient(db, read.userId) : undefined;
  if (!read || !user) throw new InvalidUnsubscribeTokenError();
  return { userId: user.id, category: read.category, locale: user.locale };
}

/** Turns the link's kind of e-mail off for its user: no session needed, the signature is proof. */
export async function unsubscribe(db: Db, secret: string, token: string, requestId: string | null) {
  const target = await unsubscribeTarget(db, secret, token);
  await changePreferences(
    db,
    target.userId,
    { [target.category]: false },
    requestId,
    'unsubscribe',
  );
  return target;
}
