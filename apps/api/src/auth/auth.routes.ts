import { errorBody, loginBody, loginResponse, meSchema, updateMeBody } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { updateUser } from '../users/users.service.js';
import { login, logout, me } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: loginBody,
        response: { 200: loginResponse, 401: errorBody, 429: errorBody },
      },
    },
    async (request) => {
      const result = await login(
        ctx.db,
        ctx.config.loginLimit,
        request.body.email,
        request.body.password,
        request.ip,
      );
      const token = await app.jwt.sign(result.claims);
      const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000).toISOString();
      return { token, expiresAt, user: result.user };
    },
  );

  app.post(
    '/auth/logout',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Sign out: every token of this user stops working',
        security: [{ bearerAuth: [] }],
        response: { 204: z.null(), 401: errorBody },
      },
    },
    async (request, reply) => {
      await logout(ctx.db, actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user with their roles',
        security: [{ bearerAuth: [] }],
        response: { 200: meSchema, 401: errorBody },
      },
    },
    async (request) => me(ctx.db, actorOf(request).userId),
  );

  app.patch(
    '/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Change your own name or language',
        security: [{ bearerAuth: [] }],
        body: updateMeBody,
        response: { 200: meSchema, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateUser(ctx.db, actor, actor.userId, request.body);
      return me(ctx.db, actor.userId);
    },
  );
};
