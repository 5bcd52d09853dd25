// Unsubscribe links work without a session: GET shows a page whose button POSTs, and a mail
// client's one-click POST (RFC 8058: `List-Unsubscribe=One-Click`, form-encoded) does it at once.
import { errorBody, unsubscribeBody, unsubscribeQuery } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { InvalidUnsubscribeTokenError } from '../errors.js';
import { textResponse } from '../plugins/route-helpers.js';
import { unsubscribe, unsubscribeTarget } from './notifications.service.js';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page.js';

const tags = ['notifications'];
const page = textResponse('text/html', 'The page, in the language of the link’s user');
// An invalid link gets a page saying so; a request without a token, the JSON error body.
const refused = {
  description: 'The link is not valid (a page), or the request breaks the schema (JSON)',
  content: { 'text/html': { schema: z.string() }, 'application/json': { schema: errorBody } },
};

export const unsubscribeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  // Form bodies only here (the one-click POST and the page's button send one).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, body, done) => {
      const text = String(body);
      done(null, text === '' ? undefined : Object.fromEntries(new URLSearchParams(text)));
    },
  );
  app.get(
    '/unsubscribe',
    {
      schema: {
        tags,
        summary:
          'The page of an e-mail’s unsubscribe link: asks, and its button POSTs (no session)',
        querystring: unsubscribeQuery,
        response: { 200: page, 400: refused },
      },
    },
    async (req, reply) => {
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      try {
        const t = await unsubscribeTarget(ctx.db, ctx.jwtSecret, req.query.token);
        return reply.send(confirmPage(t.locale, t.category, req.query.token));
      } catch (err) {
        if (!(err instanceof InvalidUnsubscribeTokenError)) throw err;
        return reply.status(400).send(invalidPage());
      }
    },
  );
  app.post(
    '/unsubscribe',
    {
      schema: {
        tags,
        summary:
          'Turn off the kind of e-mail the link names, without a session (RFC 8058 one-click)',
        querystring: unsubscribeQuery,
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: unsubscribeBody,
        response: { 200: page, 400: errorBody },
      },
    },
    async (req, reply) => {
      const t = await unsubscribe(ctx.db, ctx.jwtSecret, req.query.token, String(req.id));
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(donePage(t.locale, t.category));
    },
  );
};
