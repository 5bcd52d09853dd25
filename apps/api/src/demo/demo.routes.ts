import { demoAccountsSchema } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { callerLanguage } from '../i18n/caller-language.js';
import { listDemoAccounts } from './demo-accounts.service.js';

export const demoRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/demo/accounts',
    {
      schema: {
        tags: ['auth'],
        summary:
          'The demo accounts and their password (an empty list on any but the demo database)',
        security: [],
        response: { 200: demoAccountsSchema },
      },
    },
    async (request) => listDemoAccounts(ctx.db, ctx.config, callerLanguage(request)),
  );
};
