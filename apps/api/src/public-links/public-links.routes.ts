import {
  createPublicLinkBody,
  errorBody,
  idParams,
  newPublicLinkSchema,
  publicLinkListSchema,
  publicLinkParams,
  publicScorecardParams,
  publicScorecardQuery,
  tableScorecardSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { onReplica } from '../db/read-routing.js';
import { actorOf } from '../plugins/auth.js';
import { errors, noContent, security } from '../plugins/route-helpers.js';
import {
  publicScorecard,
  publishLink,
  revokePublicLink,
  tableLinks,
} from './public-links.service.js';

const tags = ['public scorecards'];

/** Coordinators manage a table's links (authenticated). */
export const publicLinkRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  app.post(
    '/tables/:id/public-links',
    {
      schema: {
        tags,
        security,
        summary:
          "Publish the table's scorecard at a secret link (coordinators); the token is shown once",
        params: idParams,
        body: createPublicLinkBody,
        response: { 201: newPublicLinkSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await publishLink(ctx.db, actorOf(req), req.params.id, req.body.label ?? null)),
  );
  app.get(
    '/tables/:id/public-links',
    {
      schema: {
        tags,
        security,
        summary: "A table's public links (coordinators)",
        params: idParams,
        response: { 200: publicLinkListSchema, ...errors },
      },
    },
    async (req) => ({ items: await tableLinks(ctx.db, actorOf(req), req.params.id) }),
  );
  app.post(
    '/tables/:id/public-links/:linkId/revoke',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke a public link: it stops working at once',
        params: publicLinkParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await revokePublicLink(ctx.db, actorOf(req), req.params.id, req.params.linkId);
      return reply.status(204).send(null);
    },
  );
};

/** Anyone holding a live link reads the restricted scorecard (no sign-in). */
export const publicScorecardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/public/scorecards/:token',
    {
      schema: {
        tags,
        summary: 'A published table scorecard: approved figures, small cells suppressed',
        params: publicScorecardParams,
        querystring: publicScorecardQuery,
        response: { 200: tableScorecardSchema, 404: errorBody, 400: errorBody },
      },
    },
    // The scorecard from the replica when it is current; the link itself from the primary, so
    // that a revoked link stops working at once.
    async (req) =>
      onReplica(ctx, req, (db) => publicScorecard(db, req.params.token, req.query, ctx.db)),
  );
};
