import {
  createOrganizationBody,
  errorBody,
  idParams,
  organizationSchema,
  page,
  paginationQuery,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { pageOf } from '../plugins/route-helpers.js';
import { createOrganization, getOrganization, listOrganizations } from './organizations.service.js';

export const organizationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const security = [{ bearerAuth: [] }];

  app.post(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization (admins)',
        security,
        body: createOrganizationBody,
        response: { 201: organizationSchema, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganization(ctx.db, actorOf(request), request.body)),
  );

  app.get(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Organizations the caller may see',
        security,
        querystring: paginationQuery,
        response: { 200: page(organizationSchema) },
      },
    },
    async (request) =>
      pageOf(request.query, (limit, offset) =>
        listOrganizations(ctx.db, actorOf(request), limit, offset),
      ),
  );

  app.get(
    '/organizations/:id',
    {
      schema: {
        tags: ['organizations'],
        summary: 'One organization',
        security,
        params: idParams,
        response: { 200: organizationSchema, 404: errorBody },
      },
    },
    async (request) => getOrganization(ctx.db, actorOf(request), request.params.id),
  );
};
