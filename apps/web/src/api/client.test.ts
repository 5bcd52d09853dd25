import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiRequest,
  fetchWithSession,
  forgetLastCommit,
  refreshSession,
  setRequestLocale,
  withLang,
} from './client';
import { errorMessage } from './error-message';
import { downloadFile } from './scorecards-api';
import { clearToken, onSessionEnded, readToken, saveToken } from './token-store';

const t = (key: string, params?: Record<string, string | number>) =>
  `${key}${params ? JSON.stringify(params) : ''}`;

function answer(response: Response) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return response;
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetLastCommit();
  clearToken();
  setRequestLocale('en');
});

describe('reading one’s own writes from a replica', () => {
  it('sends back the last write’s commit position as X-Min-LSN, and nothing before one', async () => {
    const seen = answer(Response.json({ ok: true }));
    await apiRequest('/things');
    expect(new Headers(seen[0]?.init?.headers).has('x-min-lsn')).toBe(false);
    vi.unstubAllGlobals();
    answer(Response.json({ ok: true }, { headers: { 'X-Commit-LSN': '0/3000F88' } }));
    await apiRequest('/things', { method: 'POST', body: {} });
    vi.unstubAllGlobals();
    const after = answer(Response.json({ ok: true }));
    await apiRequest('/scorecard');
    expect(new Headers(after[0]?.init?.headers).get('x-min-lsn')).toBe('0/3000F88');
  });
});

describe('apiRequest', () => {
  it('sends JSON with the bearer token and returns the parsed body', async () => {
    saveToken('abc');
    const seen = answer(Response.json({ ok: true }));
    await expect(apiRequest('/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({
      ok: true,
    });
    const headers = new Headers(seen[0]?.init?.headers);
    expect(seen[0]?.url).toBe('/api/v1/things');
    expect(headers.get('authorization')).toBe('Bearer abc');
    expect(headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.init?.body).toBe('{"a":1}');
  });

  it('sends no JSON content type without a body, and reads 204 as nothing', async () => {
    const seen = answer(new Response(null, { status: 204 }));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    expect(new Headers(seen[0]?.init?.headers).has('content-type')).toBe(false);
  });

  it('turns the server’s error body into an ApiError carrying its code and message', async () => {
    answer(
      Response.json(
        { error: { code: 'PERIOD_LOCKED', message: 'The period is locked', details: { p: 1 } } },
        { status: 409 },
      ),
    );
    const error = await apiRequest('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'PERIOD_LOCKED', details: { p: 1 } });
    expect(errorMessage(error, t)).toBe('The period is locked');
  });

  it('falls back to the catalogue when the server gives no message', async () => {
    answer(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await apiRequest('/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', serverMessage: '' });
    expect(errorMessage(error, t)).toBe('errors.unexpected{"status":"502"}');
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiRequest('/x').catch((e: unknown) => e);
    expect(errorMessage(error, t)).toBe('errors.network');
  });
});

/**
 * A server whose access tokens are `access-N`: only the newest is accepted. POST /auth/refresh
 * issues the next one while `cookieValid`, and answers 401 once it is not.
 */
function sessionServer(options: { cookieValid?: boolean; refreshDelayMs?: number } = {}) {
  const state = { current: 1, cookieValid: options.cookieValid ?? true };
  const seen: { method: string; url: string; auth: string | null; credentials?: string }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization');
    seen.push({
      method: init?.method ?? 'GET',
      url,
      auth,
      ...(init?.credentials ? { credentials: init.credentials } : {}),
    });
    if (url === '/api/v1/auth/refresh') {
      await new Promise((r) => setTimeout(r, options.refreshDelayMs ?? 0));
      if (!state.cookieValid) {
        return Response.json(
          { error: { code: 'UNAUTHORIZED', message: 'No session' } },
          { status: 401 },
        );
      }
      state.current += 1;
      return Response.json({ token: `access-${state.current}`, user: { id: 'u-1' } });
    }
    if (auth !== `Bearer access-${state.current}`) {
      return Response.json(
        { error: { code: 'UNAUTHORIZED', message: 'Expired' } },
        { status: 401 },
      );
    }
    return Response.json({ ok: url });
  });
  return { state, seen };
}

describe('expired access tokens', () => {
  it('renews the token once through the refresh cookie and repeats the call', async () => {
    saveToken('access-0');
    const { seen } = sessionServer();
    await expect(apiRequest('/things')).resolves.toEqual({ ok: '/api/v1/things?lang=en' });
    expect(seen.map((s) => `${s.method} ${s.url} ${s.auth}`)).toEqual([
      'GET /api/v1/things?lang=en Bearer access-0',
      'POST /api/v1/auth/refresh null',
      'GET /api/v1/things?lang=en Bearer access-2',
    ]);
    // Same-origin credentials carry the HttpOnly cookie; the new token stays in memory.
    expect(seen[1]?.credentials).toBe('same-origin');
    expect(readToken()).toBe('access-2');
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it('shares one refresh among calls that meet a 401 at the same time', async () => {
    saveToken('access-0');
    const { seen } = sessionServer({ refreshDelayMs: 20 });
    const answers = await Promise.all([apiRequest('/a'), apiRequest('/b'), apiRequest('/c')]);
    expect(answers).toEqual([
      { ok: '/api/v1/a?lang=en' },
      { ok: '/api/v1/b?lang=en' },
      { ok: '/api/v1/c?lang=en' },
    ]);
    expect(seen.filter((s) => s.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(seen.filter((s) => s.auth === 'Bearer access-2')).toHaveLength(3);
  });

  it('ends the session when the refresh is refused, and answers the original 401', async () => {
    saveToken('access-0');
    const { seen } = sessionServer({ cookieValid: false });
    const ended = vi.fn();
    const stop = onSessionEnded(ended);
    try {
      const error = await apiRequest('/things').catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
      expect(ended).toHaveBeenCalledTimes(1);
      expect(readToken()).toBeNull();
      expect(seen.map((s) => s.url)).toEqual(['/api/v1/things?lang=en', '/api/v1/auth/refresh']);
    } finally {
      stop();
    }
  });

  it('retries only once: a second 401 is the answer', async () => {
    saveToken('access-0');
    const { seen, state } = sessionServer();
    // A server that refuses even the renewed token.
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      seen.push({ method: init?.method ?? 'GET', url, auth: null });
      if (url === '/api/v1/auth/refresh') {
        state.current += 1;
        return Response.json({ token: `access-${state.current}`, user: {} });
      }
      return Response.json({ error: { code: 'UNAUTHORIZED', message: 'No' } }, { status: 401 });
    });
    await expect(apiRequest('/things')).rejects.toMatchObject({ status: 401 });
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/things?lang=en',
      '/api/v1/auth/refresh',
      '/api/v1/things?lang=en',
    ]);
  });

  it('does not refresh for a refused sign-in, nor for the refresh itself', async () => {
    const { seen } = sessionServer({ cookieValid: false });
    vi.stubGlobal('fetch', async (url: string) => {
      seen.push({ method: 'POST', url, auth: null });
      return Response.json(
        { error: { code: 'INVALID_CREDENTIALS', message: 'No' } },
        { status: 401 },
      );
    });
    await expect(
      apiRequest('/auth/login', { method: 'POST', body: { email: 'a', password: 'b' } }),
    ).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/auth/login']);
    await expect(refreshSession()).resolves.toBeNull();
  });

  it('renews for whole API URLs too (CSV downloads, uploads)', async () => {
    saveToken('access-0');
    const { seen } = sessionServer();
    const response = await fetchWithSession('/api/v1/exports/observations.csv?tableId=t');
    expect(response.status).toBe(200);
    expect(seen.map((s) => `${s.url} ${s.auth}`)).toEqual([
      '/api/v1/exports/observations.csv?tableId=t Bearer access-0',
      '/api/v1/auth/refresh null',
      '/api/v1/exports/observations.csv?tableId=t Bearer access-2',
    ]);
  });
});

describe('the language of each request', () => {
  it('asks for every GET in the client’s language, with ?lang= and Accept-Language', async () => {
    setRequestLocale('fr');
    const seen = answer(Response.json({ ok: true }));
    await apiRequest('/tables?limit=500');
    await apiRequest('/public/scorecards/abc');
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v1/tables?limit=500&lang=fr',
      '/api/v1/public/scorecards/abc?lang=fr',
    ]);
    expect(new Headers(seen[0]?.init?.headers).get('accept-language')).toBe('fr');
  });

  it('follows a change of language from the next request on', async () => {
    const seen = answer(Response.json({ ok: true }));
    await apiRequest('/me');
    setRequestLocale('fr');
    await apiRequest('/me');
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/me?lang=en', '/api/v1/me?lang=fr']);
  });

  it('keeps a language the path names itself, and adds none to writes', async () => {
    setRequestLocale('fr');
    const seen = answer(Response.json({ ok: true }));
    await apiRequest('/tables/t-1?lang=en');
    await apiRequest('/tables', { method: 'POST', body: { name: 'x' } });
    expect(seen.map((s) => s.url)).toEqual(['/api/v1/tables/t-1?lang=en', '/api/v1/tables']);
    expect(new Headers(seen[1]?.init?.headers).get('accept-language')).toBe('fr');
  });

  it('adds the language to any path or URL', () => {
    expect(withLang('/x', 'fr')).toBe('/x?lang=fr');
    expect(withLang('/x?', 'fr')).toBe('/x?lang=fr');
    expect(withLang('/api/v1/exports/scorecard.csv?tableId=t&bom=true', 'fr')).toBe(
      '/api/v1/exports/scorecard.csv?tableId=t&bom=true&lang=fr',
    );
    expect(withLang('/x?a=1&lang=en', 'fr')).toBe('/x?a=1&lang=en');
  });

  it('downloads a CSV in the language asked for', async () => {
    const seen = answer(
      new Response('a,b\n', {
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="s.csv"',
        },
      }),
    );
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }),
    );
    await downloadFile('/exports/scorecard.csv?tableId=t', 'scorecard.csv', 'fr');
    expect(seen[0]?.url).toBe('/api/v1/exports/scorecard.csv?tableId=t&lang=fr');
    expect(new Headers(seen[0]?.init?.headers).get('accept-language')).toBe('fr');
  });
});
