// The signed-in user's notifications: read every minute and whenever the window gets focus, so
// the bell's count stays fresh; marking one or all read updates the count at once.

import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Notifications,
} from '../../api/notifications-api';
import { queryKeys } from '../../api/query-keys';

export const pollInterval = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications(),
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: pollInterval,
    refetchOnWindowFocus: 'always',
    // A missing or refused route is an answer: no retry, the bell just shows no count.
    retry: false,
  });
}

/** Marks read in the cache what the server is being told is read. */
function markInCache(client: QueryClient, which: (id: string) => boolean) {
  client.setQueryData<Notifications>(queryKeys.notifications(), (current) => {
    if (!current) return current;
    let newlyRead = 0;
    const items = current.items.map((n) => {
      if (n.read || !which(n.id)) return n;
      newlyRead += 1;
      return { ...n, read: true };
    });
    return { items, unread: Math.max(0, current.unread - newlyRead) };
  });
}

function useReadMutation<A>(
  send: (arg: A) => Promise<void>,
  which: (arg: A) => (id: string) => boolean,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onMutate: async (arg: A) => {
      await client.cancelQueries({ queryKey: queryKeys.notifications() });
      markInCache(client, which(arg));
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.notifications() }),
  });
}

/** POST /me/notifications/:id/read, when a notification is opened. */
export const useMarkRead = () =>
  useReadMutation(markNotificationRead, (notificationId: string) => (id) => id === notificationId);

/** POST /me/notifications/read-all. */
export const useMarkAllRead = () =>
  useReadMutation(
    () => markAllNotificationsRead(),
    () => () => true,
  );
