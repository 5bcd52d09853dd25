// The reporting cycle of a planning table (issue #17): where each partner agency stands in a
// period, and when the table's agencies are reminded of a due date.

import type {
  ReminderSettings,
  ReportingHistory,
  ReportingStatus,
  ReportingStatusItem,
  ReportingStatusValue,
} from '@rba/schema';
import { apiRequest } from './client';

export type {
  ReminderSettings,
  ReportingHistory,
  ReportingStatus,
  ReportingStatusItem,
  ReportingStatusValue,
};

const id = encodeURIComponent;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

/** GET /tables/:id/reporting-status?period=: every partner agency's status in the period. */
export function fetchReportingStatus(
  tableId: string,
  period: string,
  signal?: AbortSignal,
): Promise<ReportingStatus> {
  return apiRequest<ReportingStatus>(
    `/tables/${id(tableId)}/reporting-status?period=${id(period)}`,
    signalOf(signal),
  );
}

export function fetchReminderSettings(
  tableId: string,
  signal?: AbortSignal,
): Promise<ReminderSettings> {
  return apiRequest<ReminderSettings>(`/tables/${id(tableId)}/reminder-settings`, signalOf(signal));
}

/** PUT /tables/:id/reminder-settings (coordinators, admins). */
export function saveReminderSettings(
  tableId: string,
  body: ReminderSettings,
): Promise<ReminderSettings> {
  return apiRequest<ReminderSettings>(`/tables/${id(tableId)}/reminder-settings`, {
    method: 'PUT',
    body,
  });
}
