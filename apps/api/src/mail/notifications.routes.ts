import {
  errorBody,
  idParams,
  notificationSettingsSchema,
  notificationsQuery,
  notificationsSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { noContent, security } from '../plugins/route-helpers.js';
import {
  myNotificationSettings,
  myNotifications,
  putMyNotificationSettings,
  readAllNotifications,
  readNotification,
} from './notifications.service.js';

const tags = ['notifications'];

/** The signed-in user's notifications (the bell) and which of them come by e-mail. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        security,
        summary: 'Your notifications, newest first, with how many are unread',
        querystring: notificationsQuery,
        response: { 200: notificationsSchema, 400: errorBody, 401: errorBody },
      },
    },
    async (req) => myNotifications(db, actorOf(req), req.query.limit),
  );
  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark one of your notifications read',
        params: idParams,
        response: { ...noContent, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      await readNotification(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/me/notifications/read-all',
    {
      schema: {
        tags,
        security,
        summary: 'Mark all your notifications read',
        response: { ...noContent, 400: errorBody, 401: errorBody },
      },
    },
    async (req, reply) => {
      await readAllNotifications(db, actorOf(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/me/notification-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Which messages you receive by e-mail (in-app notifications are always kept)',
        response: { 200: notificationSettingsSchema, 401: errorBody },
      },
    },
    async (req) => myNotificationSettings(db, actorOf(req)),
  );
  app.put(
    '/me/notification-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Choose which messages you receive by e-mail (`returns`: returned and reopened)',
        body: notificationSettingsSchema,
        response: { 200: notificationSettingsSchema, 400: errorBody, 401: errorBody },
      },
    },
    async (req) => putMyNotificationSettings(db, actorOf(req), req.body),
  );
};
