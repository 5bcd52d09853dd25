// What the permission matrix needs besides the table itself: the routes the app really serves.
// The fingerprint of the database that shows a refused write changed nothing is in
// support/fingerprint.ts (the fuzzer uses it too).
import type { FastifyInstance } from 'fastify';
import type supertest from 'supertest';

/** "METHOD /path/:param" for a route template. */
export type RouteKey = string;

/**
 * Every route the app serves, read from Fastify's own route tree (hidden routes included).
 * The tree prints each node's path relative to its parent, e.g.
 *   ├── /api/v1/me (GET, HEAD)
 *   │   └── asures/:id (GET, HEAD, PATCH, DELETE)
 * so a node's full path is its parent's plus its own text. HEAD, which Fastify adds to every
 * GET, is left out unless a route answers HEAD alone.
 */
export function servedRoutes(app: FastifyInstance): Set<RouteKey> {
  const text = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const found: [string, string][] = [];
  for (const line of text.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const full = (depth > 0 ? (stack[depth - 1] ?? '') : '') + (m[2] ?? '');
    stack[depth] = full;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) found.push([method, full]);
  }
  const keys = new Set(found.map(([method, path]) => `${method} ${path}`));
  return new Set(
    [...keys].filter((k) => !(k.startsWith('HEAD ') && keys.has(`GET ${k.slice(5)}`))),
  );
}

/** Every route of the OpenAPI document, in the same "METHOD /path/:param" form. */
export async function documentedRoutes(agent: supertest.Agent): Promise<Set<RouteKey>> {
  const res = await agent.get('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  const out = new Set<RouteKey>();
  for (const [path, ops] of Object.entries(res.body.paths as Record<string, object>)) {
    for (const method of Object.keys(ops)) {
      out.add(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
    }
  }
  return out;
}

/** Whether a concrete URL (without its query) is an instance of a route template. */
export function matchesTemplate(template: string, url: string): boolean {
  const pattern = template
    .split('/')
    .map((seg) =>
      seg.startsWith(':')
        ? '[^/]+'
        : seg === '*'
          ? '.+'
          : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${pattern}$`).test(url.split('?')[0] ?? '');
}
