import {
  bulkObservationsBody,
  bulkObservationsResponse,
  idParams,
  listObservationsQuery,
  observationListSchema,
  observationSaveResponse,
  putObservationBody,
  putTargetBody,
  targetSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, periodParams, security } from '../plugins/route-helpers.js';
import {
  listMeasureObservations,
  putObservation,
  putTarget,
  saveObservations,
} from './observations.service.js';

const tags = ['figures'];

export const observationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.put(
    '/measures/:id/observations/:period',
    {
      schema: {
        tags,
        security,
        summary:
          'Save one figure (value, or numerator and denominator), with optimistic concurrency',
        params: periodParams,
        body: putObservationBody,
        response: { 200: observationSaveResponse, ...errors },
      },
    },
    async (req) => putObservation(db, actorOf(req), req.params.id, req.params.period, req.body),
  );
  app.get(
    '/measures/:id/observations',
    {
      schema: {
        tags,
        security,
        summary: "A measure's stored figures the caller may see",
        params: idParams,
        querystring: listObservationsQuery,
        response: { 200: observationListSchema, ...errors },
      },
    },
    async (req) => ({
      items: await listMeasureObservations(db, actorOf(req), req.params.id, req.query),
    }),
  );
  app.put(
    '/organizations/:id/observations',
    {
      schema: {
        tags,
        security,
        summary: "Save many of an agency's figures at once (the data-entry grid): all or none",
        params: idParams,
        body: bulkObservationsBody,
        response: { 200: bulkObservationsResponse, ...errors },
      },
    },
    async (req) => ({
      items: await saveObservations(db, actorOf(req), req.params.id, req.body.items),
    }),
  );
  app.put(
    '/measures/:id/targets/:period',
    {
      schema: {
        tags,
        security,
        summary: 'Set the target for a period',
        params: periodParams,
        body: putTargetBody,
        response: { 200: targetSchema, ...errors },
      },
    },
    async (req) => putTarget(db, actorOf(req), req.params.id, req.params.period, req.body),
  );
};
