// Reminder runs (automatic, or an admin's with a chosen moment), a table's reminder settings, and
// the admin's view of the outbox.
import type { OutboxItem, ReminderSettings, RemindersRun } from '@rba/schema';
import type { Actor } from '../access/actor.js';
import { requireAdmin } from '../access/require.js';
import { canEditTable, deny } from '../access/scopes.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { Db } from '../db/schema.js';
import type { OutboxState } from '../db/tables/mail.table.js';
import { inTransaction } from '../db/transaction.js';
import { labelOf } from '../periods/periods.js';
import { visibleTable } from '../planning-tables/planning-tables.service.js';
import { getSettings } from '../settings/settings.service.js';
import { deliverOutbox, type MailContext } from './delivery.service.js';
import { readReminderSettings, writeReminderSettings } from './mail-settings.repository.js';
import { listOutbox } from './outbox.repository.js';
import { queueDueReminders } from './reminder-schedule.js';
import { queueDueSurveyReminders } from './survey-notices.js';

/**
 * Queues the reminders due at `at` (of reporting periods' due dates and of open partnership
 * surveys' closing dates), then delivers everything deliverable at `at`.
 */
export async function runReminders(ctx: MailContext, at: Date): Promise<RemindersRun> {
  const queued =
    (await queueDueReminders(ctx.db, at)) + (await queueDueSurveyReminders(ctx.db, at));
  const delivered = await deliverOutbox(ctx, at);
  return { queued, ...delivered };
}

/** An admin's run (`at` moves the clock, for catching up or for tests); audited. */
export async function runRemindersAsAdmin(
  ctx: MailContext,
  actor: Actor,
  at: string | undefined,
): Promise<RemindersRun> {
  requireAdmin(actor);
  const moment = at === undefined ? new Date() : new Date(at);
  const result = await runReminders(ctx, moment);
  await inTransaction(ctx.db, (trx) =>
    insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'reminders.run',
      entity: 'outbox',
      entityId: null,
      after: { at: moment.toISOString(), ...result },
      requestId: actor.requestId,
    }),
  );
  return result;
}

function toSettings(r: { enabled: boolean; offsets: number[] }): ReminderSettings {
  return { enabled: r.enabled, offsets: [...r.offsets].sort((a, b) => a - b) };
}

/** Anyone who sees the table may read when its agencies are reminded. */
export async function getReminderSettings(db: Db, actor: Actor, tableId: string) {
  await visibleTable(db, actor, tableId);
  return toSettings(await readReminderSettings(db, tableId));
}

export async function putReminderSettings(
  db: Db,
  actor: Actor,
  tableId: string,
  body: ReminderSettings,
): Promise<ReminderSettings> {
  await visibleTable(db, actor, tableId);
  if (!canEditTable(actor, tableId)) deny(true, 'Planning table');
  return inTransaction(db, async (trx) => {
    const before = toSettings(await readReminderSettings(trx, tableId));
    const after = toSettings(await writeReminderSettings(trx, tableId, toSettings(body)));
    await insertAuditEvent(trx, {
      actorId: actor.userId,
      action: 'table.reminder_settings',
      entity: 'planning_table',
      entityId: tableId,
      before,
      after,
      requestId: actor.requestId,
    });
    return after;
  });
}

export async function outboxItems(
  db: Db,
  actor: Actor,
  q: { state?: OutboxState | undefined; limit: number; offset: number },
): Promise<OutboxItem[]> {
  requireAdmin(actor);
  const { fiscalYearStartMonth: fys } = await getSettings(db);
  return (await listOutbox(db, q)).map((r) => ({
    id: r.id,
    state: r.state,
    kind: r.kind,
    recipient: { id: r.user_id, email: r.email, name: r.name },
    organization: {
      id: r.organization_id,
      name: r.organization_name,
      nameFr: r.organization_name_fr,
    },
    period: labelOf(r.period_start, r.period_type, fys),
    offset: r.offset_days,
    subject: r.subject,
    lang: r.locale,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  }));
}
