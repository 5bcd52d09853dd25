import { auditEventListSchema, auditQuery, errorBody } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { listAudit } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/audit',
    {
      onRequest: app.authenticate,
      // The trail shows what was written: a French caller must not see English names replaced.
      config: { asStored: true },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first',
        security: [{ bearerAuth: [] }],
        querystring: auditQuery,
        response: { 200: auditEventListSchema, 403: errorBody },
      },
    },
    async (request) => ({ items: await listAudit(ctx.db, actorOf(request), request.query) }),
  );
};
