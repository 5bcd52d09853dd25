// E-mail reminders and notifications (CONTRACT.md "Who is told what"), registered under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { notificationRoutes } from './notifications.routes.js';
import { reminderRoutes } from './reminders.routes.js';
import { unsubscribeRoutes } from './unsubscribe.routes.js';

export const mailRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(notificationRoutes, { ctx });
  await app.register(reminderRoutes, { ctx });
  await app.register(unsubscribeRoutes, { ctx });
};
