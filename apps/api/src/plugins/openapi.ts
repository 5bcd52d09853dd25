import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { finishDocument, type OpenApiDocument } from './openapi-document.js';
import { tags } from './operation-ids.js';

/** OpenAPI generated from the routes' zod schemas, never written by hand. */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'RBA scorecard API',
          description: [
            'Results-Based Accountability scorecards for planning tables, partner agencies and funders.',
            '',
            'Every error is `{ "error": { "code", "message", "details"? } }` (docs/api.md lists the codes).',
            'A method a path does not have answers 405 `METHOD_NOT_ALLOWED` with an `Allow` header;',
            'a path that does not exist, 404 `NOT_FOUND`.',
          ].join('\n'),
          version: '1.0.0',
        },
        servers: [{ url: '/', description: 'This server' }],
        tags: [...tags],
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      // Schemas given an id (`.meta({ id })`, as errorBody's `Error`) become components.
      transform: jsonSchemaTransform,
      transformObject: (input) =>
        finishDocument(jsonSchemaTransformObject(input) as OpenApiDocument) as ReturnType<
          typeof jsonSchemaTransformObject
        >,
      hideUntagged: false,
    });
    await app.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // Swagger UI applies one inline style: allow exactly it, by hash, rather than any https:
      // stylesheet (apps/web/e2e/csp.e2e.ts fails if an upgrade changes it).
      transformStaticCSP: (header) =>
        header.replace(
          /style-src [^;]*/,
          "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
        ),
    });
    app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
