// Invitations and reminders of partnership surveys (issue #23) through the outbox:
// - two more kinds of message, `survey_invitation` and `survey_reminder`;
// - `survey_id`: the survey a message is about (set exactly for those two kinds), part of the
//   message's key, so that two surveys of the same period (a second survey of a year, or an
//   agency at two tables) are two messages, and each reminder offset one per survey.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('reminder', 'returned', 'reopened', 'submitted', 'survey_invitation', 'survey_reminder'))`.execute(
    db,
  );
  await sql`alter table outbox add column survey_id uuid references partnership_surveys (id) on delete cascade`.execute(
    db,
  );
  await sql`alter table outbox add constraint outbox_survey_kind check ((survey_id is not null) = (kind in ('survey_invitation', 'survey_reminder')))`.execute(
    db,
  );
  await sql`alter table outbox drop constraint outbox_message_key`.execute(db);
  await sql`alter table outbox add constraint outbox_message_key unique nulls not distinct (user_id, kind, organization_id, period_type, period_start, offset_days, occurrence, survey_id)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  // The survey messages have no place in the older outbox (their notifications go with them).
  await sql`delete from outbox where kind in ('survey_invitation', 'survey_reminder')`.execute(db);
  await sql`alter table outbox drop constraint outbox_message_key`.execute(db);
  await sql`alter table outbox drop constraint outbox_survey_kind`.execute(db);
  await sql`alter table outbox drop column survey_id`.execute(db);
  await sql`alter table outbox add constraint outbox_message_key unique nulls not distinct (user_id, kind, organization_id, period_type, period_start, offset_days, occurrence)`.execute(
    db,
  );
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('reminder', 'returned', 'reopened', 'submitted'))`.execute(
    db,
  );
}
