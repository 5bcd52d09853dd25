import {
  idParams,
  page,
  paginationQuery,
  periodChecksSchema,
  reopenBody,
  reportingPeriodBody,
  reportingPeriodSchema,
  returnBody,
  submissionSchema,
  submissionStatusSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, pageOf, periodParams, security } from '../plugins/route-helpers.js';
import { periodChecks } from './period-checks.service.js';
import {
  approvePeriod,
  defineReportingPeriod,
  organizationSubmissions,
  reopenPeriod,
  reportingPeriods,
  returnPeriod,
  submitPeriod,
  tableSubmissions,
} from './reporting.service.js';

const tags = ['quarterly reporting'];
const submissionsQuery = paginationQuery.extend({
  status: submissionStatusSchema.optional(),
});

export const reportingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.post(
    '/organizations/:id/periods/:period/submit',
    {
      schema: {
        tags,
        security,
        summary: "Submit an agency's period for review; its figures lock",
        params: periodParams,
        response: { 200: submissionSchema, ...errors },
      },
    },
    async (req) => submitPeriod(db, actorOf(req), req.params.id, req.params.period),
  );
  app.post(
    '/organizations/:id/periods/:period/approve',
    {
      schema: {
        tags,
        security,
        summary: 'Approve a submitted period (coordinators of a table the agency is at)',
        params: periodParams,
        response: { 200: submissionSchema, ...errors },
      },
    },
    async (req) => approvePeriod(db, actorOf(req), req.params.id, req.params.period),
  );
  app.post(
    '/organizations/:id/periods/:period/return',
    {
      schema: {
        tags,
        security,
        summary: 'Return a submitted period with a note; its figures unlock',
        params: periodParams,
        body: returnBody,
        response: { 200: submissionSchema, ...errors },
      },
    },
    async (req) => returnPeriod(db, actorOf(req), req.params.id, req.params.period, req.body.note),
  );
  app.post(
    '/organizations/:id/periods/:period/reopen',
    {
      schema: {
        tags,
        security,
        summary:
          'Reopen an approved period for correction, with a reason; others keep seeing its last approved figures until it is approved again',
        params: periodParams,
        body: reopenBody,
        response: { 200: submissionSchema, ...errors },
      },
    },
    async (req) =>
      reopenPeriod(db, actorOf(req), req.params.id, req.params.period, req.body.reason),
  );
  app.get(
    '/organizations/:id/periods/:period/checks',
    {
      schema: {
        tags,
        security,
        summary:
          "Before submitting: an agency's figures still empty and those that look wrong (never a reason to refuse)",
        params: periodParams,
        response: { 200: periodChecksSchema, ...errors },
      },
    },
    async (req) => periodChecks(db, actorOf(req), req.params.id, req.params.period),
  );
  app.get(
    '/organizations/:id/submissions',
    {
      schema: {
        tags,
        security,
        summary: "An agency's submissions",
        params: idParams,
        querystring: submissionsQuery,
        response: { 200: page(submissionSchema), ...errors },
      },
    },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        organizationSubmissions(db, actorOf(req), req.params.id, { ...req.query, limit, offset }),
      ),
  );
  app.get(
    '/tables/:id/submissions',
    {
      schema: {
        tags,
        security,
        summary: "The review queue: submissions of a table's partners (coordinators)",
        params: idParams,
        querystring: submissionsQuery,
        response: { 200: page(submissionSchema), ...errors },
      },
    },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        tableSubmissions(db, actorOf(req), req.params.id, { ...req.query, limit, offset }),
      ),
  );
  app.post(
    '/reporting-periods',
    {
      schema: {
        tags,
        security,
        summary: 'Define when a period opens, is due and closes (admins)',
        body: reportingPeriodBody,
        response: { 201: reportingPeriodSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await defineReportingPeriod(db, actorOf(req), req.body)),
  );
  app.get(
    '/reporting-periods',
    {
      schema: {
        tags,
        security,
        summary: 'Reporting periods, newest first',
        querystring: paginationQuery,
        response: { 200: page(reportingPeriodSchema) },
      },
    },
    async (req) => pageOf(req.query, (limit, offset) => reportingPeriods(db, limit, offset)),
  );
};
