import { Readable } from 'node:stream';
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
import { onReplica } from '../db/read-routing.js';
import { streams } from '../db/row-stream.js';
import { callerLanguage } from '../i18n/caller-language.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { measureSeries, organizationScorecard, tableScorecard } from './scorecards.service.js';
import { tableScorecardStream } from './table-scorecard-stream.js';

const tags = ['scorecards'];

type TableScorecard = Awaited<ReturnType<typeof tableScorecard>>;

export const scorecardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  // Pure reads, and the heaviest: on the replica when it is current for the caller.
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
    // On PostgreSQL written as it is built (table-scorecard-stream.ts), the same answer as
    // tableScorecard; where the figures come all at once (PGlite) there is nothing to overlap,
    // and the answer is built whole.
    async (req, reply) => {
      const body = await onReplica<Readable | TableScorecard>(ctx, req, (db) =>
        streams(db)
          ? tableScorecardStream(db, actorOf(req), req.params.id, req.query, callerLanguage(req))
          : tableScorecard(db, actorOf(req), req.params.id, req.query),
      );
      if (!(body instanceof Readable)) return body;
      // A stream of the JSON the 200 schema describes (checked by the conformance tests).
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
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
    async (req) =>
      onReplica(ctx, req, (db) =>
        organizationScorecard(db, actorOf(req), req.params.id, req.query),
      ),
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
    async (req) =>
      onReplica(ctx, req, (db) => measureSeries(db, actorOf(req), req.params.id, req.query)),
  );
};
