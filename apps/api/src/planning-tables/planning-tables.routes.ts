import {
  addPartnerBody,
  createTableBody,
  idParams,
  page,
  paginationQuery,
  partnerListSchema,
  partnerParams,
  partnerSchema,
  planningTableSchema,
  updateTableBody,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, noContent, pageOf, security } from '../plugins/route-helpers.js';
import {
  addPartner,
  createTable,
  getPartners,
  getTable,
  listVisibleTables,
  patchTable,
  removePartner,
  removeTable,
} from './planning-tables.service.js';

const tags = ['planning tables'];

export const planningTableRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;

  app.post(
    '/tables',
    {
      schema: {
        tags,
        security,
        summary: 'Create a planning table (admins)',
        body: createTableBody,
        response: { 201: planningTableSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createTable(db, actorOf(req), req.body)),
  );
  app.get(
    '/tables',
    {
      schema: {
        tags,
        security,
        summary: 'Planning tables the caller may see',
        querystring: paginationQuery,
        response: { 200: page(planningTableSchema) },
      },
    },
    async (req) =>
      pageOf(req.query, (limit, offset) => listVisibleTables(db, actorOf(req), limit, offset)),
  );
  app.get(
    '/tables/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One planning table',
        params: idParams,
        response: { 200: planningTableSchema, ...errors },
      },
    },
    async (req) => getTable(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/tables/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change or archive a planning table (coordinators)',
        params: idParams,
        body: updateTableBody,
        response: { 200: planningTableSchema, ...errors },
      },
    },
    async (req) => patchTable(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/tables/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an empty planning table (admins); one with data is archived instead',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeTable(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/tables/:id/partners',
    {
      schema: {
        tags,
        security,
        summary: "The table's partner agencies",
        params: idParams,
        response: { 200: partnerListSchema, ...errors },
      },
    },
    async (req) => ({ items: await getPartners(db, actorOf(req), req.params.id) }),
  );
  app.post(
    '/tables/:id/partners',
    {
      schema: {
        tags,
        security,
        summary: 'Add a partner agency (admins)',
        params: idParams,
        body: addPartnerBody,
        response: { 201: partnerSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addPartner(db, actorOf(req), req.params.id, req.body.organizationId)),
  );
  app.delete(
    '/tables/:id/partners/:organizationId',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a partner agency (admins)',
        params: partnerParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await removePartner(db, actorOf(req), req.params.id, req.params.organizationId);
      return reply.status(204).send(null);
    },
  );
};
