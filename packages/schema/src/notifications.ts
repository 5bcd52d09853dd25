// E-mail reminders and in-app notifications (CONTRACT.md "Who is told what"): the signed-in
// user's notifications and e-mail settings, a table's reminder settings, and the admin's outbox.
import { z } from 'zod';
import { frenchAnswer, localeSchema } from './common.js';

export const NOTIFICATION_KINDS = [
  'reminder',
  'returned',
  'reopened',
  'submitted',
  /** A partnership survey the recipient's agency is asked to answer (sent when it is created). */
  'survey_invitation',
  /** A partnership survey the recipient's agency has not answered, a few days before it closes. */
  'survey_reminder',
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  at: z.iso.datetime(),
  subject: z.string(),
  /** Plain text, in the recipient's language (paragraphs separated by blank lines). */
  body: z.string(),
  /**
   * Where in the web client the message leads (a path, e.g. /review/:organizationId/:period, or
   * /partnerships/surveys/:id/response?organization=:organizationId for the survey kinds).
   */
  link: z.string(),
  read: z.boolean(),
  /**
   * The language the subject and body are written in: the recipient's when the message was
   * written (a later change of language does not rewrite it; a client marks it `lang`).
   */
  lang: localeSchema,
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationsSchema = z.object({
  /** Newest first. */
  items: z.array(notificationSchema),
  /** How many of the user's notifications are unread (all of them, not only those listed). */
  unread: z.number().int(),
});
export type Notifications = z.infer<typeof notificationsSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });

/** Which messages come by e-mail; in-app notifications are always kept. */
export const notificationSettingsSchema = z.strictObject({
  email: z.strictObject({
    /**
     * Reminders of a period's due date, and partnership survey invitations and reminders (the
     * other calls to act sent to an agency's editors).
     */
    reminders: z.boolean(),
    /** An agency submitted a period (for coordinators). */
    submissions: z.boolean(),
    /** A period was returned or reopened (for the agency's editors). */
    returns: z.boolean(),
  }),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const REMINDER_OFFSET_LIMIT = 60;

export const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  /** Days from the due date (negative: before it), each at 00:00 UTC. */
  offsets: z
    .array(z.number().int().min(-REMINDER_OFFSET_LIMIT).max(REMINDER_OFFSET_LIMIT))
    .max(10)
    .refine((o) => new Set(o).size === o.length, {
      message: 'offsets must not repeat',
      params: { code: 'duplicate' },
    }),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** No body (Fastify reads it as null) or `{}` means now. */
export const remindersRunBody = z
  .strictObject({
    /** The moment the schedule is evaluated at (default: now). */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .nullish();

export const remindersRunSchema = z.object({
  /** Reminders (of due dates and of partnership surveys) this run put in the outbox. */
  queued: z.number().int(),
  /** E-mails delivered by this run (reminders and other messages). */
  sent: z.number().int(),
  /** Deliveries that failed in this run; each is retried later. */
  failed: z.number().int(),
  /** Messages not e-mailed: no SMTP server configured, or the recipient turned the kind off. */
  skipped: z.number().int(),
});
export type RemindersRun = z.infer<typeof remindersRunSchema>;

export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'skipped_no_smtp',
  'opted_out',
] as const;
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const outboxQuery = z.strictObject({
  state: outboxStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const outboxItemSchema = z.object({
  id: z.uuid(),
  state: outboxStateSchema,
  kind: notificationKindSchema,
  recipient: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  organization: z.object({ id: z.uuid(), name: z.string(), nameFr: frenchAnswer }),
  /** The reporting period, or the partnership survey's year or fiscal year. */
  period: z.string(),
  /**
   * Days from the due date, for reminders; from the survey's closing date, for survey
   * reminders; null otherwise.
   */
  offset: z.number().int().nullable(),
  subject: z.string(),
  /** The language of the subject (and of the e-mail): the recipient's when it was written. */
  lang: localeSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxPageSchema = z.object({ items: z.array(outboxItemSchema) });

export const unsubscribeQuery = z.strictObject({ token: z.string().min(1).max(512) });

/** RFC 8058's one-click body (`List-Unsubscribe=One-Click`); the page's button sends it too. */
export const unsubscribeBody = z
  .strictObject({ 'List-Unsubscribe': z.literal('One-Click') })
  .nullish();
