import { entrySheetQuery, entrySheetSchema, idParams } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { entrySheet } from './entry-sheet.service.js';

const tags = ['quarterly reporting'];

export const entrySheetRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/organizations/:id/entry-sheet',
    {
      schema: {
        tags,
        security,
        summary:
          "The data-entry grid: an agency's measures and figures for a period and the three before it",
        params: idParams,
        querystring: entrySheetQuery,
        response: { 200: entrySheetSchema, ...errors },
      },
    },
    async (req) => entrySheet(db, actorOf(req), req.params.id, req.query),
  );
};
