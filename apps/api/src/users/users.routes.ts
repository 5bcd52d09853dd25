import {
  createUserBody,
  errorBody,
  grantRoleBody,
  idParams,
  page,
  paginationQuery,
  roleGrantSchema,
  updateUserBody,
  userSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { noContent, pageOf } from '../plugins/route-helpers.js';
import {
  createUser,
  getUser,
  grantRole,
  listUsers,
  revokeRole,
  updateUser,
} from './users.service.js';

export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const security = [{ bearerAuth: [] }];

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins)',
        security,
        body: createUserBody,
        response: {
          201: userSchema,
          400: errorBody,
          403: errorBody,
          409: errorBody,
          422: errorBody,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(ctx.db, actorOf(request), request.body)),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users (admins)',
        security,
        querystring: paginationQuery,
        response: { 200: page(userSchema), 403: errorBody },
      },
    },
    async (request) =>
      pageOf(request.query, (limit, offset) => listUsers(ctx.db, actorOf(request), limit, offset)),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'One user (admins, or the user themself)',
        security,
        params: idParams,
        response: { 200: userSchema, 404: errorBody },
      },
    },
    async (request) => getUser(ctx.db, actorOf(request), request.params.id),
  );

  app.post(
    '/users/:id/roles',
    {
      schema: {
        tags: ['users'],
        summary: 'Grant a role, in an organization or planning table scope (admins)',
        security,
        params: idParams,
        body: grantRoleBody,
        response: { 201: roleGrantSchema, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await grantRole(ctx.db, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary:
          'Change a user: name, language, or disable them (admins; disabling ends their sessions)',
        security,
        params: idParams,
        body: updateUserBody,
        response: {
          200: userSchema,
          400: errorBody,
          403: errorBody,
          404: errorBody,
          422: errorBody,
        },
      },
    },
    async (request) => updateUser(ctx.db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/roles/revoke',
    {
      schema: {
        tags: ['users'],
        summary: 'Take a role away (admins)',
        security,
        params: idParams,
        body: grantRoleBody,
        response: { ...noContent, 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      await revokeRole(ctx.db, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
