import { errorBody, exportObservationsQuery, exportScorecardQuery } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import pg from 'pg';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security, textResponse } from '../plugins/route-helpers.js';
import { copyExporter } from './copy-export.js';
import { contentDisposition } from './csv-format.js';
import { type CopyExporter, exportObservations } from './exports.service.js';
import { exportScorecard } from './scorecard-export.js';

const tags = ['csv'];
// A stream or string of text/csv; Fastify sends either as is, without a serializer.
const csvBody = textResponse('text/csv', 'The CSV file (Content-Disposition names it)');

export const exportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  // On PostgreSQL, COPY streams come from a small pool of their own, so that a long download
  // never holds one of the connections the API's queries share.
  let copy: Promise<CopyExporter | undefined> | undefined;
  let pool: pg.Pool | undefined;
  if (ctx.engine === 'postgres' && ctx.config.database.kind === 'postgres') {
    const p = new pg.Pool({
      connectionString: ctx.config.database.url,
      max: Math.max(2, Math.floor(ctx.config.database.poolSize / 2)),
    });
    p.on('error', (err) => app.log.warn({ err }, 'idle COPY connection closed'));
    pool = p;
    copy = copyExporter(p);
    app.addHook('onClose', async () => {
      await pool?.end();
    });
  }

  app.get(
    '/exports/observations.csv',
    {
      schema: {
        tags,
        security,
        summary: 'Figures as CSV (long or wide), streamed; only what the caller may see',
        querystring: exportObservationsQuery,
        response: { 200: csvBody, ...errors },
      },
    },
    async (req, reply) => {
      const out = await exportObservations(db, actorOf(req), req.query, await copy);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(out.filename))
        .send(out.body);
    },
  );

  app.get(
    '/exports/scorecard.csv',
    {
      schema: {
        tags,
        security,
        summary: "One row per measure of a table's or an agency's scorecard",
        querystring: exportScorecardQuery,
        response: { 200: csvBody, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      const out = await exportScorecard(db, actorOf(req), req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(out.filename))
        .send(out.body);
    },
  );
};
