// A small fetch wrapper for /api/v1: JSON in and out, the bearer token, typed errors, and one
// refresh-and-retry when the short-lived access token has expired.

import { endSession, readToken, saveToken } from './token-store';

export const apiBase = '/api/v1';

/** An error answered by the API ({ error: { code, message } }) or met on the way to it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own message; empty when the server gave none (network failure, HTML error page). */
    readonly serverMessage: string,
    readonly details?: unknown,
  ) {
    super(serverMessage || `${code} (HTTP ${status})`);
    this.name = 'ApiError';
  }
}

export const networkErrorCode = 'NETWORK_ERROR';

let requestLocale = 'en';

/**
 * The client's language: every GET asks for it with `?lang=` (which the API puts first, before
 * the account's saved language), and every request sends it as Accept-Language too.
 */
export function setRequestLocale(locale: string): void {
  requestLocale = locale;
}

export function currentRequestLocale(): string {
  return requestLocale;
}

/**
 * `path` with `lang=<locale>` added to its query, unless it already names a language (an edit
 * form asks for `?lang=en` to read the stored English as it is).
 */
export function withLang(path: string, locale: string = requestLocale): string {
  const at = path.indexOf('?');
  const query = at < 0 ? '' : path.slice(at + 1);
  if (new URLSearchParams(query).has('lang')) return path;
  const lang = `lang=${encodeURIComponent(locale)}`;
  if (at < 0) return `${path}?${lang}`;
  return query === '' ? `${path}${lang}` : `${path}&${lang}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** What POST /auth/login and POST /auth/refresh answer. */
export interface SessionAnswer<U = unknown> {
  token: string;
  expiresAt?: string;
  user: U;
}

let refreshing: Promise<SessionAnswer | null> | null = null;

/**
 * Asks for a new access token with the refresh cookie (HttpOnly, sent by the browser to
 * /api/v1/auth only). Resolves to the session, or null when there is none to renew. Calls made
 * while one is on its way share it: the cookie rotates on each use, so two would race.
 */
export function refreshSession<U = unknown>(): Promise<SessionAnswer<U> | null> {
  refreshing ??= (async () => {
    try {
      let response: Response;
      try {
        response = await fetch(`${apiBase}/auth/refresh`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'Accept-Language': requestLocale },
        });
      } catch {
        throw new ApiError(0, networkErrorCode, '');
      }
      if (!response.ok) return null;
      const body = (await readJson(response)) as SessionAnswer | undefined;
      if (!body || typeof body.token !== 'string') return null;
      saveToken(body.token);
      return body;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing as Promise<SessionAnswer<U> | null>;
}

/**
 * The commit position of this tab's last write, as the API gave it (`X-Commit-LSN`, only with a
 * read replica), sent back as `X-Min-LSN` so that any API process serves the reads after a save
 * from a database that has it (docs/scaling.md, "Reading your own writes").
 */
let lastCommit: string | null = null;

/** Forgets the last write's position (a new session, a test). */
export function forgetLastCommit(): void {
  lastCommit = null;
}

/** Routes where a 401 is the answer itself, not an expired access token. */
const noRetry = new Set(['/auth/login', '/auth/refresh']);

/**
 * fetch() for an API path with the bearer token. On a 401 it renews the access token once
 * (shared with every other call that met a 401 meanwhile) and repeats the call; when no renewal
 * is possible the session ends. Network failures reject as fetch's do.
 */
export async function fetchWithSession(path: string, init: RequestInit = {}): Promise<Response> {
  // A path under /api/v1 ('/me') or a whole API URL ('/api/v1/exports/…') alike.
  const url = path.startsWith(`${apiBase}/`) ? path : `${apiBase}${path}`;
  const send = () => {
    const headers = new Headers(init.headers);
    const token = readToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    else headers.delete('Authorization');
    if (lastCommit) headers.set('X-Min-LSN', lastCommit);
    return fetch(url, { ...init, headers }).then((answer) => {
      lastCommit = answer.headers.get('x-commit-lsn') ?? lastCommit;
      return answer;
    });
  };
  const response = await send();
  const route = url.slice(apiBase.length).split('?')[0] ?? '';
  if (response.status !== 401 || noRetry.has(route)) return response;
  let renewed: SessionAnswer | null;
  try {
    renewed = await refreshSession();
  } catch {
    return response;
  }
  if (!renewed) {
    endSession();
    return response;
  }
  return send();
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': requestLocale,
  };
  // A JSON content type with no body is a 400 on Fastify: set it only with a body.
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await fetchWithSession(method === 'GET' ? withLang(path) : path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, networkErrorCode, '');
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      typeof error?.message === 'string' ? error.message : '',
      error?.details,
    );
  }
  return body as T;
}
