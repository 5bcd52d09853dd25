import {
  createProgramBody,
  idParams,
  page,
  paginationQuery,
  programSchema,
  updateProgramBody,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, noContent, pageOf, security } from '../plugins/route-helpers.js';
import {
  createProgram,
  getProgram,
  listOrganizationPrograms,
  patchProgram,
  removeProgram,
} from './programs.service.js';

const tags = ['programs'];

export const programRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.post(
    '/organizations/:id/programs',
    {
      schema: {
        tags,
        security,
        summary: 'Add a program to an agency (its editors)',
        params: idParams,
        body: createProgramBody,
        response: { 201: programSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createProgram(db, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/organizations/:id/programs',
    {
      schema: {
        tags,
        security,
        summary: "An agency's programs",
        params: idParams,
        querystring: paginationQuery,
        response: { 200: page(programSchema), ...errors },
      },
    },
    async (req) =>
      pageOf(req.query, (limit, offset) =>
        listOrganizationPrograms(db, actorOf(req), req.params.id, limit, offset),
      ),
  );
  app.get(
    '/programs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One program',
        params: idParams,
        response: { 200: programSchema, ...errors },
      },
    },
    async (req) => getProgram(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/programs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change or archive a program, or the results it contributes to',
        params: idParams,
        body: updateProgramBody,
        response: { 200: programSchema, ...errors },
      },
    },
    async (req) => patchProgram(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/programs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a program with no measures',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeProgram(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
