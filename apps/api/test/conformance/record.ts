// Records every response a test receives through createTestApp's HTTP agent, one JSON line each,
// into a file of this test file's own under the directory the global setup provides; the global
// teardown checks them all against the OpenAPI document (test/conformance/check.ts).
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type supertest from 'supertest';
import { expect, inject } from 'vitest';
import type { ResponseRecord } from './check.js';

declare module 'vitest' {
  export interface ProvidedContext {
    conformanceDir: string;
  }
}

const dir = inject('conformanceDir');
const out = dir ? path.join(dir, `${process.pid}-${randomUUID()}.jsonl`) : undefined;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

interface Received {
  status: number;
  headers: Record<string, string | undefined>;
  text?: string;
}

function record(method: string, url: string, res: Received): void {
  if (!out) return;
  const contentType = res.headers['content-type'];
  const text = typeof res.text === 'string' ? res.text : undefined;
  const entry: ResponseRecord = {
    method,
    url,
    status: res.status,
    contentType,
    allow: res.headers.allow,
    body: text !== undefined && contentType && JSON_TYPE.test(contentType) ? text : undefined,
    length: text?.length ?? Number(res.headers['content-length'] ?? 0),
    file: expect.getState().testPath?.split(`${path.sep}test${path.sep}`).pop(),
  };
  appendFileSync(out, `${JSON.stringify(entry)}\n`);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * The agent, its every request recorded once answered, except those to the paths `skip` names
 * (routes a test adds for itself, which the document rightly does not know).
 */
export function recording(agent: supertest.Agent, skip: (path: string) => boolean) {
  if (!out) return agent;
  for (const method of METHODS) {
    const send = agent[method].bind(agent) as (url: string) => supertest.Test;
    (agent as unknown as Record<string, unknown>)[method] = (url: string) => {
      const test = send(url);
      if (!skip(url.split('?', 1)[0] ?? '')) {
        test.on('response', (res: Received) => record(method.toUpperCase(), url, res));
      }
      return test;
    };
  }
  return agent;
}
