import {
  createServiceTypeBody,
  idParams,
  programProfileBody,
  programProfileSchema,
  serviceTypeListSchema,
  serviceTypeSchema,
  systemMapQuery,
  systemMapSchema,
} from '@rba/schema';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security, textResponse } from '../plugins/route-helpers.js';
import {
  createServiceType,
  getProfile,
  putProfile,
  serviceTypes,
  systemMap,
} from './system-map.service.js';

const tags = ['system map'];

/** A text cell a spreadsheet would read as a formula is written with a leading quote. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export const systemMapRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/service-types',
    {
      schema: {
        tags,
        security,
        summary: 'The service types programs offer',
        response: { 200: serviceTypeListSchema },
      },
    },
    async () => ({ items: await serviceTypes(db) }),
  );
  app.post(
    '/service-types',
    {
      schema: {
        tags,
        security,
        summary: 'Add a service type (admins)',
        body: createServiceTypeBody,
        response: { 201: serviceTypeSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createServiceType(db, actorOf(req), req.body)),
  );
  app.get(
    '/programs/:id/profile',
    {
      schema: {
        tags,
        security,
        summary: "A program's profile: services, groups and regions served, languages, capacity",
        params: idParams,
        response: { 200: programProfileSchema, ...errors },
      },
    },
    async (req) => getProfile(db, actorOf(req), req.params.id),
  );
  app.put(
    '/programs/:id/profile',
    {
      schema: {
        tags,
        security,
        summary: "Set a program's profile (its agency's editors)",
        params: idParams,
        body: programProfileBody,
        response: { 200: programProfileSchema, ...errors },
      },
    },
    async (req) => putProfile(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/tables/:id/system-map',
    {
      schema: {
        tags,
        security,
        summary: "Who contributes to what, and the table's service gaps and possible duplication",
        params: idParams,
        querystring: systemMapQuery,
        response: { 200: systemMapSchema, ...errors },
      },
    },
    async (req) => systemMap(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/tables/:id/system-map.csv',
    {
      schema: {
        tags,
        security,
        summary: 'The coverage grid as CSV',
        params: idParams,
        querystring: systemMapQuery,
        response: { 200: textResponse('text/csv', 'The coverage grid, one row a cell'), ...errors },
      },
    },
    async (req, reply) => {
      const map = await systemMap(db, actorOf(req), req.params.id, req.query);
      // Names go out in both languages, each French column beside its English twin (empty when
      // there is no French); the header stays the machine names docs/system-map.md lists.
      const types = new Map(map.coverage.serviceTypes.map((t) => [t.code, t]));
      const values = new Map(map.coverage.values.map((v) => [v.code, v]));
      const rows = map.coverage.cells.map((c) => {
        const french = map.frenchCoverage.cells.find(
          (f) => f.serviceType === c.serviceType && f.value === c.value,
        );
        const type = types.get(c.serviceType);
        const value = values.get(c.value);
        return [
          c.serviceType,
          safe(type?.name ?? c.serviceType),
          safe(type?.nameFr ?? ''),
          c.value,
          safe(value?.label ?? c.value),
          safe(value?.labelFr ?? ''),
          c.status,
          c.programs.length,
          c.capacity ?? '',
          french?.programs.length ?? 0,
          safe(c.programs.map((p) => `${p.organization.code}: ${p.name}`).join('; ')),
          // A list reads whole: each program's French name, its English one where it has none.
          safe(c.programs.map((p) => `${p.organization.code}: ${p.nameFr ?? p.name}`).join('; ')),
        ];
      });
      const csv = stringify([
        [
          'service_type',
          'service_type_name',
          'service_type_name_fr',
          map.coverage.by,
          `${map.coverage.by}_label`,
          `${map.coverage.by}_label_fr`,
          'status',
          'programs',
          'capacity',
          'french_programs',
          'program_names',
          'program_names_fr',
        ],
        ...rows,
      ]);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="system-map-${map.coverage.by}.csv"`)
        .send(csv);
    },
  );
};
