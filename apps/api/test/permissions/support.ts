// What the permission matrix needs besides the table itself: the routes the app really serves,
// and a cheap fingerprint of the database to show that a refused write changed nothing.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type supertest from 'supertest';
import type { Db } from '../../src/db/schema.js';

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

// Tables a refused request may legitimately touch: migration bookkeeping, and login counters.
const NOT_FINGERPRINTED = new Set(['kysely_migration', 'kysely_migration_lock', 'rate_limits']);
// Append-only: its row count and highest id say whether anything was added.
const APPEND_ONLY = new Set(['audit_events']);

export async function fingerprintedTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  return rows.map((r) => r.table_name).filter((n) => !NOT_FINGERPRINTED.has(n));
}

/** One query: per table, its row count and a hash of every row (the audit trail: count, max id). */
export async function fingerprint(db: Db, tables: string[]): Promise<Record<string, string>> {
  const parts = tables.map((name) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`odd table name ${name}`);
    return APPEND_ONLY.has(name)
      ? `select '${name}' as name, count(*)::text || ' rows, max id ' || coalesce(max(id)::text, '-') as print from ${name}`
      : `select '${name}' as name, count(*)::text || ' rows, ' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as print from ${name} x`;
  });
  const { rows } = await sql
    .raw<{ name: string; print: string }>(parts.join(' union all '))
    .execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}
