import {
  errorBody,
  idParams,
  outboxPageSchema,
  outboxQuery,
  reminderSettingsSchema,
  remindersRunBody,
  remindersRunSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import {
  getReminderSettings,
  outboxItems,
  putReminderSettings,
  runRemindersAsAdmin,
} from './reminders.service.js';

const tags = ['reminders'];

/** A table's reminder settings; the admin's reminder run and outbox. */
export const reminderRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/tables/:id/reminder-settings',
    {
      schema: {
        tags,
        security,
        summary: "When the table's agencies are reminded of a period's due date",
        params: idParams,
        response: { 200: reminderSettingsSchema, ...errors },
      },
    },
    async (req) => getReminderSettings(db, actorOf(req), req.params.id),
  );
  app.put(
    '/tables/:id/reminder-settings',
    {
      schema: {
        tags,
        security,
        summary:
          'Turn reminders on or off and set their offsets in days from the due date (coordinators, admins)',
        params: idParams,
        body: reminderSettingsSchema,
        response: { 200: reminderSettingsSchema, ...errors },
      },
    },
    async (req) => putReminderSettings(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/admin/reminders/run',
    {
      schema: {
        tags,
        security,
        summary:
          'Queue the reminders due at `at` (default now) and deliver the outbox (admins); every process also runs this every REMINDERS_INTERVAL_SECONDS',
        body: remindersRunBody,
        response: { 200: remindersRunSchema, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => runRemindersAsAdmin(ctx, actorOf(req), req.body?.at),
  );
  app.get(
    '/admin/outbox',
    {
      schema: {
        tags,
        security,
        summary: 'Messages in the outbox, newest first, with their delivery state (admins)',
        querystring: outboxQuery,
        response: { 200: outboxPageSchema, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (req) => ({ items: await outboxItems(db, actorOf(req), req.query) }),
  );
};
