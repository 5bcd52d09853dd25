// The admin's outbox: a page of messages by delivery state, and running the reminders now (which
// changes the outbox, so every page of it is read again).

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchOutbox, type OutboxState, runReminders } from '../../api/notifications-api';
import { queryKeys } from '../../api/query-keys';

export const outboxPageSize = 50;

export function useOutbox(state: OutboxState | null, offset: number) {
  return useQuery({
    queryKey: queryKeys.outboxPage(state, offset),
    queryFn: ({ signal }) => fetchOutbox({ state, limit: outboxPageSize, offset }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRunReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runReminders,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.outbox() }),
        client.invalidateQueries({ queryKey: queryKeys.notifications() }),
      ]),
  });
}
