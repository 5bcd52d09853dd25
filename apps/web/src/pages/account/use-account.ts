// The account page's data: changing one's own password, which renews this session, and which
// notifications also come by e-mail.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangePasswordRequest, changePassword } from '../../api/auth-api';
import {
  fetchNotificationSettings,
  type NotificationSettings,
  saveNotificationSettings,
} from '../../api/notifications-api';
import { queryKeys } from '../../api/query-keys';
import { useAuth } from '../../auth/auth-provider';

/**
 * POST /auth/password. The server ends every other session and answers with a new one for this
 * browser (the refresh cookie comes with it): the new access token replaces the old, which no
 * longer works.
 */
export function useChangePassword() {
  const { signIn } = useAuth();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => changePassword(body),
    onSuccess: ({ token, user }) => signIn(token, user),
  });
}

/** Which notifications also come by e-mail (GET /me/notification-settings). */
export function useNotificationSettings() {
  return useQuery({
    queryKey: queryKeys.notificationSettings(),
    queryFn: ({ signal }) => fetchNotificationSettings(signal),
  });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => saveNotificationSettings(body),
    onSuccess: (saved) => client.setQueryData(queryKeys.notificationSettings(), saved),
  });
}
