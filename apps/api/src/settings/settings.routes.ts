import { settingsSchema, updateSettingsBody } from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { getSettings, updateSettings } from './settings.service.js';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  app.get(
    '/settings',
    {
      schema: {
        tags,
        security,
        summary: 'Fiscal year start, small-cell threshold, default language',
        response: { 200: settingsSchema },
      },
    },
    async () => getSettings(ctx.db),
  );
  app.patch(
    '/settings',
    {
      schema: {
        tags,
        security,
        summary: 'Change settings (admins)',
        body: updateSettingsBody,
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (req) => updateSettings(ctx.db, actorOf(req), req.body),
  );
};
