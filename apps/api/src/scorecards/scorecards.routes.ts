import {
  idParams,
  organizationScorecardSchema,
  scorecardQuery,
  seriesQuery,
  seriesResponseSchema,
  tableScorecardSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { measureSeries, organizationScorecard, tableScorecard } from './scorecards.service.js';

const tags = ['scorecards'];

export const scorecardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/tables/:id/scorecard',
    {
      schema: {
        tags,
        security,
        summary: 'The collective scorecard of a planning table',
        params: idParams,
        querystring: scorecardQuery,
        response: { 200: tableScorecardSchema, ...errors },
      },
    },
    async (req) => tableScorecard(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/organizations/:id/scorecard',
    {
      schema: {
        tags,
        security,
        summary: "A partner agency's scorecard",
        params: idParams,
        querystring: scorecardQuery,
        response: { 200: organizationScorecardSchema, ...errors },
      },
    },
    async (req) => organizationScorecard(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/measures/:id/series',
    {
      schema: {
        tags,
        security,
        summary: "A measure's curve: actuals, targets, baseline, forecast, trend, breakdowns",
        params: idParams,
        querystring: seriesQuery,
        response: { 200: seriesResponseSchema, ...errors },
      },
    },
    async (req) => measureSeries(db, actorOf(req), req.params.id, req.query),
  );
};
