import {
  createMeasureBody,
  idParams,
  measureSchema,
  page,
  paginationQuery,
  updateMeasureBody,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, noContent, pageOf, security } from '../plugins/route-helpers.js';
import {
  createIndicator,
  createProgramMeasure,
  createSharedMeasure,
  getMeasure,
  listProgramMeasures,
  listResultIndicators,
  listSharedMeasures,
  patchMeasure,
  removeMeasure,
} from './measures.service.js';

const tags = ['measures'];
const list = {
  params: idParams,
  querystring: paginationQuery,
  response: { 200: page(measureSchema), ...errors },
};
const create = {
  params: idParams,
  body: createMeasureBody,
  response: { 201: measureSchema, ...errors },
};

export const measureRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;

  app.post(
    '/results/:id/indicators',
    {
      schema: {
        tags,
        security,
        summary: 'Add a population indicator to a result (coordinators)',
        ...create,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createIndicator(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/results/:id/indicators',
    { schema: { tags, security, summary: "A result's indicators", ...list } },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        listResultIndicators(db, actorOf(req), req.params.id, limit, offset),
      ),
  );
  app.post(
    '/tables/:id/shared-measures',
    {
      schema: {
        tags,
        security,
        summary: 'Define a shared measure partners report (coordinators)',
        ...create,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createSharedMeasure(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/tables/:id/shared-measures',
    { schema: { tags, security, summary: "A table's shared measures", ...list } },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        listSharedMeasures(db, actorOf(req), req.params.id, limit, offset),
      ),
  );
  app.post(
    '/programs/:id/measures',
    {
      schema: {
        tags,
        security,
        summary: 'Add a performance measure to a program (its editors)',
        ...create,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createProgramMeasure(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/programs/:id/measures',
    { schema: { tags, security, summary: "A program's performance measures", ...list } },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        listProgramMeasures(db, actorOf(req), req.params.id, limit, offset),
      ),
  );
  app.get(
    '/measures/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One measure',
        params: idParams,
        response: { 200: measureSchema, ...errors },
      },
    },
    async (req) => getMeasure(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/measures/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change or archive a measure',
        params: idParams,
        body: updateMeasureBody,
        response: { 200: measureSchema, ...errors },
      },
    },
    async (req) => patchMeasure(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/measures/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a measure with no figures',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeMeasure(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
