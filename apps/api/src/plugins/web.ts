// Serves the built web client and falls back to its index.html for client-side routes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const apiPrefixes = ['/api/', '/docs', '/healthz', '/readyz'];

export const webPlugin = fp(
  async (app: FastifyInstance, opts: { distDir: string }) => {
    const hasWeb = existsSync(path.join(opts.distDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, { root: opts.distDir, wildcard: false, index: false });
    }
    app.setNotFoundHandler((request, reply) => {
      const isApi = apiPrefixes.some((p) => request.url.startsWith(p));
      if (hasWeb && !isApi && request.method === 'GET') {
        if (request.url.startsWith('/public/')) {
          // Public scorecards are made to be embedded in a planning table's own website.
          void reply.removeHeader('x-frame-options');
          const csp = String(reply.getHeader('content-security-policy') ?? '');
          void reply.header(
            'content-security-policy',
            csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'),
          );
        }
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
        },
      });
    });
  },
  { name: 'web' },
);
