// The account page's data: changing one's own password, which renews this session.

import { useMutation } from '@tanstack/react-query';
import { type ChangePasswordRequest, changePassword } from '../../api/auth-api';
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
