// A thin HTTP client for tests: each call asserts the status it expects and returns the body.
import { expect } from 'vitest';
import type { TestApp } from './app.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function client(t: TestApp, auth: string) {
  async function call(method: Method, url: string, body?: unknown, expected = [200, 201, 204]) {
    let req = t.http()[method](`/api/v1${url}`).set('authorization', auth);
    if (body !== undefined) req = req.send(body as object);
    const res = await req;
    if (!expected.includes(res.status)) {
      throw new Error(`${method.toUpperCase()} ${url} → ${res.status} ${res.text}`);
    }
    return res;
  }
  return {
    call,
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
    async get(url: string): Promise<any> {
      return (await call('get', url)).body;
    },
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
    async post(url: string, body?: unknown): Promise<any> {
      return (await call('post', url, body ?? {})).body;
    },
    // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
    async put(url: string, body: unknown): Promise<any> {
      return (await call('put', url, body)).body;
    },
    /** The status and error body of a call expected to fail. */
    async fail(method: Method, url: string, body?: unknown) {
      let req = t.http()[method](`/api/v1${url}`).set('authorization', auth);
      if (body !== undefined) req = req.send(body as object);
      const res = await req;
      expect(res.status).toBeGreaterThanOrEqual(400);
      return {
        status: res.status,
        error: res.body?.error as { code: string; message: string; details?: unknown },
      };
    },
  };
}

export type Client = ReturnType<typeof client>;
