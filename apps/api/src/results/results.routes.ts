import {
  createResultBody,
  idParams,
  page,
  paginationQuery,
  resultSchema,
  updateResultBody,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, noContent, pageOf, security } from '../plugins/route-helpers.js';
import {
  createResult,
  getResult,
  listTableResults,
  patchResult,
  removeResult,
} from './results.service.js';

const tags = ['results'];

export const resultRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.post(
    '/tables/:id/results',
    {
      schema: {
        tags,
        security,
        summary: 'Add a population result to a table (coordinators)',
        params: idParams,
        body: createResultBody,
        response: { 201: resultSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createResult(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/tables/:id/results',
    {
      schema: {
        tags,
        security,
        summary: "A table's results",
        params: idParams,
        querystring: paginationQuery,
        response: { 200: page(resultSchema), ...errors },
      },
    },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        listTableResults(db, actorOf(req), req.params.id, limit, offset),
      ),
  );
  app.get(
    '/results/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One result',
        params: idParams,
        response: { 200: resultSchema, ...errors },
      },
    },
    async (req) => getResult(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/results/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change or archive a result (coordinators)',
        params: idParams,
        body: updateResultBody,
        response: { 200: resultSchema, ...errors },
      },
    },
    async (req) => patchResult(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/results/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a result with no indicators or programs',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeResult(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
