import { idParams, reportingStatusQuery, reportingStatusSchema } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { reportingStatus } from './reporting-status.service.js';

export const reportingStatusRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/tables/:id/reporting-status',
    {
      schema: {
        tags: ['quarterly reporting'],
        security,
        summary:
          "Where each partner agency stands in a period: status, overdue, figures entered, and its timeliness over the last four periods (the table's coordinators and members)",
        params: idParams,
        querystring: reportingStatusQuery,
        response: { 200: reportingStatusSchema, ...errors },
      },
    },
    async (req) => reportingStatus(db, actorOf(req), req.params.id, req.query),
  );
};
