import {
  commentBody,
  commentListSchema,
  commentSchema,
  compareRevisionsQuery,
  compareSchema,
  curveReportQuery,
  curveReportSchema,
  idParams,
  planRevisionParams,
  planSchema,
  putPlanBody,
  restoreRevisionBody,
  revisionListSchema,
} from '@rba/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { errors, security } from '../plugins/route-helpers.js';
import {
  addPlanComment,
  comparePlanRevisions,
  curveReport,
  getPlan,
  planComments,
  planRevision,
  planRevisions,
  restorePlanRevision,
  savePlan,
} from './curve-plans.service.js';

const tags = ['turn the curve'];

export const curvePlanRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', app.authenticate);
  const { db } = ctx;
  app.get(
    '/measures/:id/curve-plan',
    {
      schema: {
        tags,
        security,
        summary: "A measure's turn-the-curve plan (revision 0 and empty when none yet)",
        params: idParams,
        response: { 200: planSchema, ...errors },
      },
    },
    async (req) => getPlan(db, actorOf(req), req.params.id),
  );
  app.put(
    '/measures/:id/curve-plan',
    {
      schema: {
        tags,
        security,
        summary:
          'Save the plan: the sections given replace the stored ones; `revision` is the one the edit was made on',
        params: idParams,
        body: putPlanBody,
        response: { 200: planSchema, ...errors },
      },
    },
    async (req) => savePlan(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/curve-plans/:id/revisions',
    {
      schema: {
        tags,
        security,
        summary: "A plan's revisions, newest first",
        params: idParams,
        response: { 200: revisionListSchema, ...errors },
      },
    },
    async (req) => ({ items: await planRevisions(db, actorOf(req), req.params.id) }),
  );
  app.get(
    '/curve-plans/:id/revisions/:revision',
    {
      schema: {
        tags,
        security,
        summary: 'One revision of a plan',
        params: planRevisionParams,
        response: { 200: planSchema, ...errors },
      },
    },
    async (req) => planRevision(db, actorOf(req), req.params.id, req.params.revision),
  );
  app.get(
    '/curve-plans/:id/compare',
    {
      schema: {
        tags,
        security,
        summary: 'What changed between two revisions, item by item',
        params: idParams,
        querystring: compareRevisionsQuery,
        response: { 200: compareSchema, ...errors },
      },
    },
    async (req) =>
      comparePlanRevisions(db, actorOf(req), req.params.id, req.query.from, req.query.to),
  );
  app.post(
    '/curve-plans/:id/revisions/:revision/restore',
    {
      schema: {
        tags,
        security,
        summary: 'Restore an old revision as a new one; `revision` in the body is the current one',
        params: planRevisionParams,
        body: restoreRevisionBody,
        response: { 200: planSchema, ...errors },
      },
    },
    async (req) =>
      restorePlanRevision(db, actorOf(req), req.params.id, req.params.revision, req.body.revision),
  );
  app.get(
    '/curve-plans/:id/comments',
    {
      schema: {
        tags,
        security,
        summary: 'Comments on a plan',
        params: idParams,
        response: { 200: commentListSchema, ...errors },
      },
    },
    async (req) => ({ items: await planComments(db, actorOf(req), req.params.id) }),
  );
  app.post(
    '/curve-plans/:id/comments',
    {
      schema: {
        tags,
        security,
        summary: 'Comment on a plan (anyone who can read it)',
        params: idParams,
        body: commentBody,
        response: { 201: commentSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPlanComment(db, actorOf(req), req.params.id, req.body.body)),
  );
  app.get(
    '/measures/:id/curve-report',
    {
      schema: {
        tags,
        security,
        summary: 'The turn-the-curve report: the curve and the current plan',
        params: idParams,
        querystring: curveReportQuery,
        response: { 200: curveReportSchema, ...errors },
      },
    },
    async (req) => curveReport(db, actorOf(req), req.params.id, req.query.horizon),
  );
};
