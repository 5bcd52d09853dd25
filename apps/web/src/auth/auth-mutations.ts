// Sign in and sign out as react-query mutations over the auth routes.

import { useMutation } from '@tanstack/react-query';
import { type LoginRequest, login, logout } from '../api/auth-api';
import { useAuth } from './auth-provider';

export function useLogin() {
  const { signIn } = useAuth();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => login(credentials),
    onSuccess: ({ token, user }) => signIn(token, user),
  });
}

export function useLogout() {
  const { signOut } = useAuth();
  return useMutation({
    // A token the server already refuses is as good as signed out: forget it either way.
    mutationFn: () => logout().catch(() => undefined),
    // The route guard then shows the login page, which says why.
    onSettled: () => signOut('signed-out'),
  });
}
