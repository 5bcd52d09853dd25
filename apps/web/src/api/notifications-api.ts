// The signed-in user's notifications (the bell) and which of them come by e-mail; the admin's
// outbox and reminder run.

import type {
  Notification,
  NotificationKind,
  NotificationSettings,
  Notifications,
  OutboxItem,
  OutboxState,
  RemindersRun,
} from '@rba/schema';
import { apiRequest } from './client';

export type {
  Notification,
  NotificationKind,
  NotificationSettings,
  Notifications,
  OutboxItem,
  OutboxState,
  RemindersRun,
};

const id = encodeURIComponent;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The newest notifications first, with how many of all of them are unread. */
export function fetchNotifications(signal?: AbortSignal): Promise<Notifications> {
  return apiRequest<Notifications>('/me/notifications?limit=50', signalOf(signal));
}

export function markNotificationRead(notificationId: string): Promise<void> {
  return apiRequest<void>(`/me/notifications/${id(notificationId)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<void> {
  return apiRequest<void>('/me/notifications/read-all', { method: 'POST' });
}

export function fetchNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('/me/notification-settings', signalOf(signal));
}

export function saveNotificationSettings(
  body: NotificationSettings,
): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('/me/notification-settings', { method: 'PUT', body });
}

export const outboxStates: readonly OutboxState[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'skipped_no_smtp',
  'opted_out',
];

export interface OutboxQuery {
  state: OutboxState | null;
  limit: number;
  offset: number;
}

/** GET /admin/outbox: messages newest first, with their delivery state (admins). */
export async function fetchOutbox(query: OutboxQuery, signal?: AbortSignal): Promise<OutboxItem[]> {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.state) params.set('state', query.state);
  return (await apiRequest<{ items: OutboxItem[] }>(`/admin/outbox?${params}`, signalOf(signal)))
    .items;
}

/** POST /admin/reminders/run: queue what is due now and deliver the outbox (admins). */
export function runReminders(): Promise<RemindersRun> {
  return apiRequest<RemindersRun>('/admin/reminders/run', { method: 'POST', body: {} });
}
