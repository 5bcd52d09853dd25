import { errorBody } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { listAudit } from './audit.service.js';

const auditQuery = z.strictObject({
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const auditEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/audit',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first',
        security: [{ bearerAuth: [] }],
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEvent) }), 403: errorBody },
      },
    },
    async (request) => ({ items: await listAudit(ctx.db, actorOf(request), request.query) }),
  );
};
