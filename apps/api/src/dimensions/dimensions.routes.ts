import {
  createDimensionBody,
  dimensionListSchema,
  dimensionParams,
  dimensionSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import { createDimension, getDimension, getDimensions } from './dimensions.service.js';

const tags = ['dimensions'];

export const dimensionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.post(
    '/dimensions',
    {
      schema: {
        tags,
        security,
        summary: 'Define a breakdown dimension and its values (admins, coordinators)',
        body: createDimensionBody,
        response: { 201: dimensionSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createDimension(db, actorOf(req), req.body)),
  );
  app.get(
    '/dimensions',
    {
      schema: {
        tags,
        security,
        summary: 'Breakdown dimensions with their values',
        response: { 200: dimensionListSchema },
      },
    },
    async () => ({ items: await getDimensions(db) }),
  );
  app.get(
    '/dimensions/:code',
    {
      schema: {
        tags,
        security,
        summary: 'One dimension',
        params: dimensionParams,
        response: { 200: dimensionSchema, ...errors },
      },
    },
    async (req) => getDimension(db, req.params.code),
  );
};
