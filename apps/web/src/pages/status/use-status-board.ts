// The status board's data: the tables one may read it for, the fiscal year's start (for the
// default quarter), a table's reporting status in a period, and the table's reminder settings.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../api/auth-api';
import { isAdmin } from '../../api/auth-api';
import { fetchTables, type PlanningTable } from '../../api/entry-api';
import { queryKeys } from '../../api/query-keys';
import {
  fetchReminderSettings,
  fetchReportingStatus,
  type ReminderSettings,
  saveReminderSettings,
} from '../../api/reporting-status-api';
import { statusTableIds } from './status-access';

/** The planning tables whose board the user reads: those they coordinate or sit at, or all. */
export function useStatusTables(user: User) {
  const query = useQuery({
    queryKey: queryKeys.tables(),
    queryFn: ({ signal }) => fetchTables(signal),
  });
  const admin = isAdmin(user);
  const own = statusTableIds(user);
  const tables: PlanningTable[] = (query.data ?? [])
    .filter((table) => table.archivedAt === null && (admin || own.includes(table.id)))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ...query, tables };
}

export function useReportingStatus(tableId: string, period: string) {
  return useQuery({
    queryKey: queryKeys.reportingStatus(tableId, period),
    queryFn: ({ signal }) => fetchReportingStatus(tableId, period, signal),
  });
}

export function useReminderSettings(tableId: string) {
  return useQuery({
    queryKey: queryKeys.reminderSettings(tableId),
    queryFn: ({ signal }) => fetchReminderSettings(tableId, signal),
  });
}

export function useSaveReminderSettings(tableId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettings) => saveReminderSettings(tableId, body),
    onSuccess: (saved) => client.setQueryData(queryKeys.reminderSettings(tableId), saved),
  });
}
