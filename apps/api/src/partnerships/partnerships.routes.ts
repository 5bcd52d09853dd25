import {
  closeSurveySchema,
  createSurveyBody,
  idParams,
  myResponseQuery,
  myResponseSchema,
  mySurveyListSchema,
  paginationQuery,
  partnershipNetworkSchema,
  putResponseBody,
  surveyPageSchema,
  surveySchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { contentDisposition } from '../exports/csv-format.js';
import { actorOf } from '../plugins/auth.js';
import { errors, pageOf, security, textResponse } from '../plugins/route-helpers.js';
import {
  closeSurvey,
  createSurvey,
  getMyResponse,
  getSurvey,
  listTableSurveys,
  mySurveys,
  putMyResponse,
  surveyNetwork,
  surveyResponsesCsv,
} from './partnerships.service.js';

const tags = ['partnerships'];

export const partnershipRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.post(
    '/tables/:id/partnership-surveys',
    {
      schema: {
        tags,
        security,
        summary:
          "Open a partnership survey of the table's partner agencies for a year or fiscal year (coordinators)",
        params: idParams,
        body: createSurveyBody,
        response: { 201: surveySchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createSurvey(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/tables/:id/partnership-surveys',
    {
      schema: {
        tags,
        security,
        summary: "A table's partnership surveys, latest first",
        params: idParams,
        querystring: paginationQuery,
        response: { 200: surveyPageSchema, ...errors },
      },
    },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        listTableSurveys(db, actorOf(req), req.params.id, limit, offset),
      ),
  );
  app.get(
    '/me/partnership-surveys',
    {
      schema: {
        tags,
        security,
        summary: 'The open surveys your agencies are asked to answer (partner editors)',
        response: { 200: mySurveyListSchema, ...errors },
      },
    },
    async (req) => ({ items: await mySurveys(db, actorOf(req)) }),
  );
  app.get(
    '/partnership-surveys/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A partnership survey',
        params: idParams,
        response: { 200: surveySchema, ...errors },
      },
    },
    async (req) => getSurvey(db, actorOf(req), req.params.id),
  );
  app.get(
    '/partnership-surveys/:id/my-response',
    {
      schema: {
        tags,
        security,
        summary:
          "Your agency's response: each other agency in the survey with your answer, null where not given",
        params: idParams,
        querystring: myResponseQuery,
        response: { 200: myResponseSchema, ...errors },
      },
    },
    async (req) => getMyResponse(db, actorOf(req), req.params.id, req.query.organizationId),
  );
  app.put(
    '/partnership-surveys/:id/my-response',
    {
      schema: {
        tags,
        security,
        summary:
          "Save your agency's response while the survey is open; the answers given replace the earlier ones",
        params: idParams,
        querystring: myResponseQuery,
        body: putResponseBody,
        response: { 200: myResponseSchema, ...errors },
      },
    },
    async (req) =>
      putMyResponse(db, actorOf(req), req.params.id, req.query.organizationId, req.body),
  );
  app.post(
    '/partnership-surveys/:id/close',
    {
      schema: {
        tags,
        security,
        summary:
          "Close the survey and record its network figures as the table's partnership indicator figures (coordinators)",
        params: idParams,
        response: { 200: closeSurveySchema, ...errors },
      },
    },
    async (req) => closeSurvey(db, actorOf(req), req.params.id),
  );
  app.get(
    '/partnership-surveys/:id/network',
    {
      schema: {
        tags,
        security,
        summary:
          'The partners as a network: figures, agencies and ties (funders: the network-level figures only)',
        params: idParams,
        response: { 200: partnershipNetworkSchema, ...errors },
      },
    },
    async (req) => surveyNetwork(db, actorOf(req), req.params.id),
  );
  app.get(
    '/partnership-surveys/:id/responses.csv',
    {
      schema: {
        tags,
        security,
        summary:
          "Every raw rating, naming who rated whom (admins only: it holds each agency's trust in the others)",
        params: idParams,
        response: {
          200: textResponse('text/csv', 'One row a rating (Content-Disposition names the file)'),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const { filename, csv } = await surveyResponsesCsv(db, actorOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(filename))
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
};
