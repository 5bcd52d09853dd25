// A stand-in for the API in component tests: answers fetch() by method and path, and records calls.

import type { User } from '../api/auth-api';

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export type FakeRoute = (request: { body: unknown; headers: Headers }) => FakeResponse;

export interface FakeApi {
  fetch: typeof fetch;
  /** Every request; `url` is the path with its query string. */
  calls: { method: string; path: string; url: string; headers: Headers; body: unknown }[];
}

export const testUser: User = {
  id: 'u-1',
  email: 'ada@example.org',
  name: 'Ada Lovelace',
  locale: 'en',
  roles: [{ role: 'admin', scopeType: null, scopeId: null }],
};

/**
 * The browser's cookie jar, as far as the refresh cookie goes: the fake server sets it on sign-in
 * and reads it on POST /auth/refresh (the real cookie is HttpOnly: the client never sees it).
 */
let refreshCookie: string | null = null;

/** A session to restore on load: as if the browser kept a refresh cookie from a sign-in. */
export function holdRefreshCookie(value = 'refresh-1'): void {
  refreshCookie = value;
}

export function resetFakeSession(): void {
  refreshCookie = null;
}

export function fakeApi(routes: Record<string, FakeRoute>): FakeApi {
  const calls: FakeApi['calls'] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const { pathname: path, search } = new URL(String(input), 'http://localhost');
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, url: `${path}${search}`, headers, body });
    const route = routes[`${method} ${path}`];
    const answer = route
      ? route({ body, headers })
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: `${path} not found` } } };
    if (answer.body === undefined) return new Response(null, { status: answer.status });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

/** The routes of a server that knows one user with one password. */
export function authRoutes(
  user: User = testUser,
  password = 'correct horse battery',
): Record<string, FakeRoute> {
  const token = 'token-1';
  return {
    'POST /api/v1/auth/login': ({ body }) => {
      const credentials = body as { email?: string; password?: string };
      if (credentials.email === user.email && credentials.password === password) {
        refreshCookie = 'refresh-1';
        return { status: 200, body: { token, user } };
      }
      return {
        status: 401,
        body: {
          error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is incorrect' },
        },
      };
    },
    'POST /api/v1/auth/refresh': () => {
      if (refreshCookie === 'refresh-1') return { status: 200, body: { token, user } };
      // No cookie: no session (204); a cookie the server refuses: 401, and it is dropped.
      if (refreshCookie === null) return { status: 204 };
      refreshCookie = null;
      return {
        status: 401,
        body: { error: { code: 'UNAUTHORIZED', message: 'No session to refresh; sign in' } },
      };
    },
    'POST /api/v1/auth/logout': () => {
      refreshCookie = null;
      return { status: 204 };
    },
    'GET /api/v1/me': ({ headers }) =>
      headers.get('authorization') === `Bearer ${token}`
        ? { status: 200, body: user }
        : {
            status: 401,
            body: { error: { code: 'UNAUTHORIZED', message: 'Authentication required' } },
          },
  };
}
