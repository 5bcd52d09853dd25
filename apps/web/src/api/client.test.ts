import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from './client';
import { errorMessage } from './error-message';

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
  sessionStorage.clear();
});

describe('apiRequest', () => {
  it('sends JSON with the bearer token and returns the parsed body', async () => {
    sessionStorage.setItem('rba.token', 'abc');
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
