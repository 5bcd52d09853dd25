import {
  changePasswordBody,
  errorBody,
  idParams,
  loginBody,
  loginResponse,
  meSchema,
  resetPasswordBody,
  updateMeBody,
} from '@rba/schema';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { CrossOriginRefusedError, UnauthorizedError } from '../errors.js';
import { actorOf } from '../plugins/auth.js';
import { noContent } from '../plugins/route-helpers.js';
import { decoyPasswordHash } from '../users/passwords.js';
import { updateUser } from '../users/users.service.js';
import {
  changeOwnPassword,
  login,
  logout,
  me,
  refreshSession,
  resetPassword,
  type SessionResult,
} from './auth.service.js';
import { isCrossOrigin } from './same-origin.js';

/** The refresh cookie: sent only to the auth routes, never readable by scripts. */
export const REFRESH_COOKIE = 'rba_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
const cookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: REFRESH_COOKIE_PATH,
} as const;

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Hash the decoy now, so that the first unknown email is not slower than the rest.
  await decoyPasswordHash();

  /** The login answer: a short-lived access token in the body, the refresh token in a cookie. */
  async function sessionReply(reply: FastifyReply, result: SessionResult) {
    const token = await app.jwt.sign(result.claims);
    const expiresAt = new Date(Date.now() + ctx.config.tokenTtlSeconds * 1000).toISOString();
    if (result.refresh) {
      const maxAge = Math.max(
        1,
        Math.round((result.refresh.expiresAt.getTime() - Date.now()) / 1000),
      );
      void reply.setCookie(REFRESH_COOKIE, result.refresh.token, { ...cookieOptions, maxAge });
    }
    void reply.header('cache-control', 'no-store');
    return { token, expiresAt, user: result.user };
  }

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with email and password: a short-lived access token, and a refresh cookie',
        body: loginBody,
        response: { 200: loginResponse, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const result = await login(
        ctx.db,
        ctx.config,
        request.body.email,
        request.body.password,
        request.ip,
      );
      return sessionReply(reply, result);
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary:
          'A new access token for the refresh cookie, which is rotated (same-origin pages only); 204 without a cookie',
        response: { 200: loginResponse, ...noContent, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      if (isCrossOrigin(request)) {
        throw new CrossOriginRefusedError(
          'Sessions are refreshed only from the application’s own pages',
        );
      }
      const token = request.cookies[REFRESH_COOKIE];
      // No cookie: nobody is signed in here, a normal state on page load rather than an error.
      if (!token) return reply.status(204).send(null);
      try {
        return await sessionReply(
          reply,
          await refreshSession(ctx.db, ctx.config.refresh, token, String(request.id)),
        );
      } catch (err) {
        // A refused cookie is of no further use: have the browser drop it.
        if (err instanceof UnauthorizedError) void reply.clearCookie(REFRESH_COOKIE, cookieOptions);
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Sign out: every access and refresh token of this user stops working',
        security: [{ bearerAuth: [] }],
        response: { ...noContent, 401: errorBody },
      },
    },
    async (request, reply) => {
      await logout(ctx.db, actorOf(request));
      void reply.clearCookie(REFRESH_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; every other session ends and this one gets new tokens',
        security: [{ bearerAuth: [] }],
        body: changePasswordBody,
        response: {
          200: loginResponse,
          400: errorBody,
          401: errorBody,
          422: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const result = await changeOwnPassword(
        ctx.db,
        ctx.config,
        actorOf(request),
        request.ip,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return sessionReply(reply, result);
    },
  );

  app.post(
    '/users/:id/password',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['users'],
        summary: 'Set another user’s password (admins); every session of that user ends',
        security: [{ bearerAuth: [] }],
        params: idParams,
        body: resetPasswordBody,
        response: {
          ...noContent,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
          422: errorBody,
        },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx.db, actorOf(request), request.params.id, request.body.password);
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
