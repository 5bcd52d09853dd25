// E-mail reminders and notifications (CONTRACT.md "Who is told what"):
// - reminder_settings: per planning table, whether reminders go out and at which offsets from a
//   period's due date (no row: on, with -7, -1 and +3 days);
// - notification_settings: per user, which kinds of message come by e-mail (no row: all);
// - outbox: one row per message, written in the transaction of the event that causes it; its
//   unique key makes a message exist at most once for its recipient, kind, agency, period, offset
//   (reminders) or occurrence (the submission's version, for a return, a reopening, a submission);
// - notifications: the in-app copy of every message, written with it.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reminder_settings')
    .addColumn('table_id', 'uuid', (c) =>
      c.primaryKey().references('planning_tables.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('offsets', sql`integer[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('reminders', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('submissions', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('returns', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('reminder', 'returned', 'reopened', 'submitted')`),
    )
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('offset_days', 'integer')
    .addColumn('occurrence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(
          sql`state in ('queued', 'sending', 'sent', 'failed', 'skipped_no_smtp', 'opted_out')`,
        ),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('claim_token', 'uuid')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  // NULLS NOT DISTINCT (PostgreSQL 15): the non-reminders' null offset is one value in the key.
  await sql`alter table outbox add constraint outbox_message_key unique nulls not distinct (user_id, kind, organization_id, period_type, period_start, offset_days, occurrence)`.execute(
    db,
  );
  await sql`create index outbox_pending on outbox (created_at) where state in ('queued', 'sending', 'failed')`.execute(
    db,
  );
  await sql`create index outbox_listing on outbox (created_at desc, id)`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('outbox_id', 'uuid', (c) =>
      c.notNull().unique().references('outbox.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await sql`create index notifications_inbox on notifications (user_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index notifications_unread on notifications (user_id) where read_at is null`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('reminder_settings').execute();
}
