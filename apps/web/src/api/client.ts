// A small fetch wrapper for /api/v1: JSON in and out, the bearer token, and typed errors.

import { readToken } from './token-store';

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

/** The client's language, sent as Accept-Language so the server can answer in it. */
export function setRequestLocale(locale: string): void {
  requestLocale = locale;
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

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': requestLocale,
  };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  // A JSON content type with no body is a 400 on Fastify: set it only with a body.
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method: options.method ?? 'GET',
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
