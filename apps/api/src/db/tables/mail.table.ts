import type { Locale, NotificationKind, OutboxState, PeriodType } from '@rba/schema';
import type { ColumnType, Generated } from 'kysely';

export type { NotificationKind, OutboxState };

export interface ReminderSettingsTable {
  table_id: string;
  enabled: boolean;
  offsets: number[];
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NotificationSettingsTable {
  user_id: string;
  reminders: Generated<boolean>;
  submissions: Generated<boolean>;
  returns: Generated<boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface OutboxTable {
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  organization_id: string;
  period_type: PeriodType;
  period_start: string;
  /** Days from the due date (reminders) or the survey's closing date (survey reminders); else null. */
  offset_days: number | null;
  /** Which return, reopening or submission of the period (the submission's version); 0 for reminders. */
  occurrence: Generated<number>;
  /** The partnership survey of a survey_invitation or survey_reminder; null for the other kinds. */
  survey_id: ColumnType<string | null, string | null | undefined, string | null>;
  locale: Locale;
  subject: string;
  body: string;
  /** Path into the web client, without the PUBLIC_URL. */
  link: string;
  /** The e-mail as sent (rendered at delivery). */
  text_body: string | null;
  html_body: string | null;
  state: Generated<OutboxState>;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  claim_token: string | null;
  last_error: string | null;
  created_at: ColumnType<Date, never, never>;
  sent_at: Date | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  outbox_id: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  link: string;
  created_at: ColumnType<Date, never, never>;
  read_at: Date | null;
}
