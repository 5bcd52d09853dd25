// Who is signed in: the access token (in memory only), and the user it belongs to (GET /me).
// On page load the session is restored through the refresh cookie (POST /auth/refresh); a
// session the server ends (logout elsewhere, password change, disabled) signs out here.

import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { User } from '../api/auth-api';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { clearToken, onSessionEnded, readToken, saveToken } from '../api/token-store';
import { useI18n } from '../i18n/i18n-provider';
import { isLocale } from '../i18n/locale';
import { sessionRestore } from './session-start';
import { useMeQuery } from './use-me-query';

/** Why nobody is signed in: never was, chose to sign out, or the server ended the session. */
export type SignedOutReason = 'none' | 'signed-out' | 'session-ended';

export type AuthState =
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'signed-in'; user: User };

interface AuthValue {
  state: AuthState;
  signIn: (token: string, user: User) => void;
  /** Forget the session here (telling the server is the caller's business). */
  signOut: (reason?: SignedOutReason) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { offerLocale } = useI18n();
  const [token, setToken] = useState<string | null>(() => readToken());
  const [reason, setReason] = useState<SignedOutReason>('none');
  // Until the refresh cookie has been tried, nobody is known to be signed out.
  const [restoring, setRestoring] = useState(() => readToken() === null);

  const me = useMeQuery(token !== null);

  const signOut = useCallback(
    (why: SignedOutReason = 'signed-out') => {
      clearToken();
      setReason(why);
      setToken(null);
      queryClient.clear();
    },
    [queryClient],
  );

  const signIn = useCallback(
    (nextToken: string, user: User) => {
      saveToken(nextToken);
      queryClient.setQueryData(queryKeys.me(), user);
      setReason('none');
      setToken(nextToken);
    },
    [queryClient],
  );

  // Restore the session after a reload (or a retry of a failed attempt).
  useEffect(() => {
    if (!restoring) return;
    let live = true;
    sessionRestore().then(
      (session) => {
        if (!live) return;
        if (session) {
          queryClient.setQueryData(queryKeys.me(), session.user);
          setToken(session.token);
        }
        setRestoring(false);
      },
      // Unreachable server: start signed out; the login page then says what is wrong.
      () => {
        if (live) setRestoring(false);
      },
    );
    return () => {
      live = false;
    };
  }, [restoring, queryClient]);

  // The server refused the session and it could not be renewed: signed out, and why.
  useEffect(() => onSessionEnded(() => signOut('session-ended')), [signOut]);

  // A token the server no longer accepts (signed out elsewhere, expired) ends the session.
  const rejected = token !== null && isUnauthorized(me.error);
  useEffect(() => {
    if (rejected) signOut('session-ended');
  }, [rejected, signOut]);

  // The user's own language is the default once we know who they are.
  const userLocale = me.data?.locale;
  useEffect(() => {
    if (isLocale(userLocale)) offerLocale(userLocale);
  }, [userLocale, offerLocale]);

  const { refetch } = me;
  const state = useMemo<AuthState>(() => {
    if (restoring) return { status: 'loading' };
    if (token === null) return { status: 'signed-out', reason };
    if (rejected) return { status: 'signed-out', reason: 'session-ended' };
    if (me.data) return { status: 'signed-in', user: me.data };
    if (me.error) return { status: 'error', error: me.error, retry: () => void refetch() };
    return { status: 'loading' };
  }, [restoring, token, rejected, reason, me.data, me.error, refetch]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user, for components that only render inside the authenticated shell. */
export function useCurrentUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}
