// A method that a path does not have answers 405 METHOD_NOT_ALLOWED with an `Allow` header
// listing those it has (RFC 9110 §15.5.6), rather than the 404 of a path that does not exist.
// Registered before any route: it learns every route as it is added.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { MethodNotAllowedError } from '../errors.js';

/** A route's URL as a pattern of concrete paths: `:param` is one segment, `*` the rest. */
export function routePattern(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+(?:\([^)]*\))?|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

export const methodNotAllowedPlugin = fp(
  async (app: FastifyInstance) => {
    const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
    app.addHook('onRoute', (route) => {
      // A catch-all (CORS answers preflights on `*`) would make every path exist.
      if (route.url === '*' || route.url === '/*') return;
      let entry = routes.get(route.url);
      if (!entry) {
        entry = { pattern: routePattern(route.url), methods: new Set() };
        routes.set(route.url, entry);
      }
      for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
      if (entry.methods.has('GET')) entry.methods.add('HEAD');
    });
    app.addHook('onRequest', async (request, reply) => {
      if (!request.is404) return;
      const path = request.url.split('?', 1)[0] ?? '';
      const allowed = new Set<string>();
      for (const { pattern, methods } of routes.values()) {
        if (pattern.test(path)) for (const m of methods) allowed.add(m);
      }
      if (allowed.size === 0 || allowed.has(request.method)) return;
      const allow = [...allowed].sort().join(', ');
      void reply.header('allow', allow);
      throw new MethodNotAllowedError(
        `${request.method} is not allowed here; this path takes ${allow}`,
      );
    });
  },
  { name: 'method-not-allowed' },
);
