// The outbox: messages written with the event that causes them, claimed for delivery by any
// process (FOR UPDATE SKIP LOCKED, with a lease), then marked sent or failed.
import { sql } from 'kysely';
import type { Db, DbOrTrx, Trx } from '../db/schema.js';
import type { NotificationKind, OutboxState } from '../db/tables/mail.table.js';
import type { PeriodType } from '../db/tables/measures.table.js';
import type { Locale } from '../db/tables/users.table.js';

export interface NewMessage {
  user_id: string;
  kind: NotificationKind;
  organization_id: string;
  period_type: PeriodType;
  period_start: string;
  offset_days: number | null;
  occurrence: number;
  /** The partnership survey, for the survey kinds (then part of the key). */
  survey_id?: string | null;
  locale: Locale;
  subject: string;
  body: string;
  link: string;
}

const BATCH = 500;

/**
 * Queues messages and their in-app notifications, in the caller's transaction. A message whose
 * key (recipient, kind, agency, period, offset, occurrence, survey) exists already is left out,
 * with its notification: returns how many were new.
 */
export async function queueMessages(trx: Trx, messages: NewMessage[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < messages.length; i += BATCH) {
    const inserted = await trx
      .insertInto('outbox')
      .values(messages.slice(i, i + BATCH).map((m) => ({ ...m, survey_id: m.survey_id ?? null })))
      .onConflict((oc) => oc.constraint('outbox_message_key').doNothing())
      .returning(['id', 'user_id', 'kind', 'subject', 'body', 'link'])
      .execute();
    if (inserted.length === 0) continue;
    await trx
      .insertInto('notifications')
      .values(
        inserted.map((m) => ({
          user_id: m.user_id,
          outbox_id: m.id,
          kind: m.kind,
          subject: m.subject,
          body: m.body,
          link: m.link,
        })),
      )
      .execute();
    queued += inserted.length;
  }
  return queued;
}

export interface ClaimedMessage {
  id: string;
  user_id: string;
  kind: NotificationKind;
  locale: Locale;
  subject: string;
  body: string;
  link: string;
  attempts: number;
  email: string;
  name: string;
  disabled: boolean;
  /** The recipient's e-mail setting for this kind of message (true when never set). */
  wanted: boolean;
}

/** How long a claim lasts: far longer than one delivery with the mailer's timeouts. */
const LEASE = sql`interval '5 minutes'`;

/**
 * Claims the oldest deliverable message (queued; failed and due again at `at`; or sending under
 * a lease that ran out) in one statement: the row lock is held only while it runs, and a
 * concurrent claimer skips it. Undefined when nothing is left.
 */
export async function claimNext(
  db: Db,
  at: Date,
  token: string,
): Promise<ClaimedMessage | undefined> {
  const { rows } = await sql<ClaimedMessage>`
    with c as (
      select id from outbox
      where state in ('queued', 'sending', 'failed')
        and (state = 'queued'
          or (state = 'failed' and next_attempt_at <= ${at})
          or (state = 'sending' and lease_until < now()))
      order by created_at, id
      limit 1
      for update skip locked
    )
    update outbox o
    set state = 'sending', attempts = o.attempts + 1, lease_until = now() + ${LEASE},
      claim_token = ${token}
    from c, users u
    left join notification_settings ns on ns.user_id = u.id
    where o.id = c.id and u.id = o.user_id
    returning o.id, o.user_id, o.kind, o.locale, o.subject, o.body, o.link, o.attempts,
      u.email, u.name, u.disabled_at is not null as disabled,
      coalesce(case when o.kind in ('reminder', 'survey_invitation', 'survey_reminder')
        then ns.reminders when o.kind = 'submitted' then ns.submissions else ns.returns end,
        true) as wanted`.execute(db);
  return rows[0];
}

type Outcome =
  | { state: 'sent'; text: string; html: string }
  | { state: 'failed'; text: string; html: string; error: string; nextAttemptAt: Date }
  | { state: 'skipped_no_smtp' | 'opted_out' };

/** Records a delivery's outcome, unless another process has taken the message over since. */
export async function settle(
  db: DbOrTrx,
  id: string,
  token: string,
  outcome: Outcome,
): Promise<boolean> {
  const base = { state: outcome.state, lease_until: null, claim_token: null };
  const set =
    outcome.state === 'sent'
      ? {
          ...base,
          sent_at: new Date(),
          last_error: null,
          next_attempt_at: null,
          text_body: outcome.text,
          html_body: outcome.html,
        }
      : outcome.state === 'failed'
        ? {
            ...base,
            last_error: outcome.error,
            next_attempt_at: outcome.nextAttemptAt,
            text_body: outcome.text,
            html_body: outcome.html,
          }
        : base;
  const result = await db
    .updateTable('outbox')
    .set(set)
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listOutbox(
  db: DbOrTrx,
  q: { state?: OutboxState | undefined; limit: number; offset: number },
) {
  let query = db
    .selectFrom('outbox as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .innerJoin('organizations as g', 'g.id', 'o.organization_id')
    .select([
      'o.id',
      'o.state',
      'o.kind',
      'o.user_id',
      'u.email',
      'u.name',
      'o.organization_id',
      'g.name as organization_name',
      'g.name_fr as organization_name_fr',
      'o.period_type',
      'o.period_start',
      'o.offset_days',
      'o.subject',
      'o.locale',
      'o.attempts',
      'o.last_error',
      'o.next_attempt_at',
      'o.created_at',
      'o.sent_at',
    ])
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(q.limit)
    .offset(q.offset);
  if (q.state) query = query.where('o.state', '=', q.state);
  return query.execute();
}
