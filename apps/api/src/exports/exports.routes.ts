import { errorBody, exportObservationsQuery, exportScorecardQuery } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import pg from 'pg';
import type { AppContext } from '../context.js';
import { QuickConnectClient } from '../db/database.js';
import { onReplica } from '../db/read-routing.js';
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
  // On PostgreSQL, COPY streams come from a small pool of their own, so that a long download
  // never holds one of the connections the API's queries share; with a read replica, a second
  // such pool on the replica serves the exports that read there.
  const pools: pg.Pool[] = [];
  const exporterOn = (url: string, poolSize: number, replica: boolean) => {
    const p = new pg.Pool({
      connectionString: url,
      max: Math.max(2, Math.floor(poolSize / 2)),
      // A replica that does not answer is given up quickly: the export then runs on the primary.
      ...(replica ? { Client: QuickConnectClient } : {}),
    });
    p.on('error', (err) => app.log.warn({ err }, 'idle COPY connection closed'));
    pools.push(p);
    return copyExporter(p);
  };
  let copy: Promise<CopyExporter | undefined> | undefined;
  let copyOnReplica: Promise<CopyExporter | undefined> | undefined;
  const database = ctx.config.database;
  if (ctx.engine === 'postgres' && database.kind === 'postgres') {
    copy = exporterOn(database.url, database.poolSize, false);
    if (database.read && ctx.reads) {
      copyOnReplica = exporterOn(database.read.url, database.read.poolSize, true);
    }
    app.addHook('onClose', async () => {
      await Promise.all(pools.map((p) => p.end()));
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
      const out = await onReplica(ctx, req, async (db, side) =>
        exportObservations(
          db,
          actorOf(req),
          req.query,
          await (side === 'replica' ? copyOnReplica : copy),
        ),
      );
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
      const out = await onReplica(ctx, req, (db) => exportScorecard(db, actorOf(req), req.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(out.filename))
        .send(out.body);
    },
  );
};
