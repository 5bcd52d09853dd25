// What a fuzz run reports: its summary, the failing requests saved for replay, and the checks
// on a reply and on the process afterwards.
import type { FastifyInstance } from 'fastify';
import type { Draft } from './draft.js';
import type { FuzzSession } from './session.js';

/** A request as written to a replay file: world ids appear as {{name}}. */
export interface SavedRequest {
  route: string;
  mutation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  bodyBase64?: string;
  caller: Draft['caller'];
  http: boolean;
  seed: number;
  index: number;
  problem?: string;
  status?: number;
  response?: string;
}

export interface FuzzSummary {
  requests: number;
  routes: number;
  engine: string;
  seed: number;
  fiveHundreds: number;
  changedOnRejection: number;
  hangs: number;
  accepted: number;
  overHttp: number;
  statuses: Record<string, number>;
  /** Routes whose derived valid request was refused (the mutations still ran). */
  refusedBases: string[];
  withoutErrorBody: number;
  withoutErrorBodySamples: string[];
  /** Accepted requests after which a caller's session no longer worked. */
  endedSessions: string[];
  failures: { problem: string; route: string; mutation: string; file?: string }[];
  healthy: boolean;
  polluted: string[];
  seconds: number;
}

export function hasErrorBody(text: string): boolean {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof e?.code === 'string' && typeof e.message === 'string';
  } catch {
    return false;
  }
}

/** What a refused request changed: the tables whose fingerprint differs. */
export function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
}

/**
 * The process is still well: it answers, signs in, serves a signed-in read, and nothing
 * reached Object.prototype. Sets `healthy` and `polluted` on the summary, with a failure for each.
 */
export async function checkHealth(
  app: FastifyInstance,
  session: FuzzSession,
  protoBefore: string[],
  summary: FuzzSummary,
): Promise<void> {
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  const ready = await app.inject({ method: 'GET', url: '/readyz' });
  let signedIn = false;
  try {
    await session.login('admin');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.tokens.admin}` },
    });
    signedIn = me.statusCode === 200;
  } catch {
    signedIn = false;
  }
  const overSocket = await session.send({
    method: 'GET',
    url: '/healthz',
    headers: {},
    http: true,
  });
  const protoAfter = Object.getOwnPropertyNames(Object.prototype).sort();
  const probe = {} as Record<string, unknown>;
  summary.polluted = [
    ...protoAfter.filter((k) => !protoBefore.includes(k)),
    ...['polluted', 'isAdmin'].filter((k) => probe[k] !== undefined),
  ];
  summary.healthy =
    health.statusCode === 200 && ready.statusCode === 200 && signedIn && overSocket.status === 200;
  if (!summary.healthy) {
    summary.failures.push({
      problem: `unhealthy afterwards: healthz ${health.statusCode}, readyz ${ready.statusCode}, sign-in ${signedIn}, socket ${overSocket.status}`,
      route: '-',
      mutation: '-',
    });
  }
  if (summary.polluted.length > 0) {
    summary.failures.push({
      problem: `Object.prototype polluted: ${summary.polluted.join(', ')}`,
      route: '-',
      mutation: '-',
    });
  }
}
