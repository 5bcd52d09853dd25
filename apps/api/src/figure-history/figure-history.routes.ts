import { figureHistoryQuery, figureHistorySchema, periodChangesSchema } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, periodParams, security } from '../plugins/route-helpers.js';
import { figureHistory, periodChanges } from './figure-history.service.js';

export const figureHistoryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/measures/:id/observations/:period/history',
    {
      schema: {
        tags: ['figures'],
        security,
        summary:
          "A figure's history, oldest first: its changes and its period's submit, return and approval",
        params: periodParams,
        querystring: figureHistoryQuery,
        response: { 200: figureHistorySchema, ...errors },
      },
    },
    async (req) =>
      figureHistory(db, actorOf(req), req.params.id, req.params.period, req.query.breakdown),
  );
  app.get(
    '/organizations/:id/periods/:period/changes',
    {
      schema: {
        tags: ['quarterly reporting'],
        security,
        summary: 'The figures an agency changed since its period was last returned',
        params: periodParams,
        response: { 200: periodChangesSchema, ...errors },
      },
    },
    async (req) => periodChanges(db, actorOf(req), req.params.id, req.params.period),
  );
};
