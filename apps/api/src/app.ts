// The application as a plugin-built instance that tests create in-process; server.ts listens.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import type { AppContext } from './context.js';
import { curvePlanRoutes } from './curve-plans/curve-plans.routes.js';
import { registerReadRouting } from './db/read-routing.js';
import { demoRoutes } from './demo/demo.routes.js';
import { dimensionRoutes } from './dimensions/dimensions.routes.js';
import { entrySheetRoutes } from './entry-sheet/entry-sheet.routes.js';
import { issue, ValidationError } from './errors.js';
import { exportRoutes } from './exports/exports.routes.js';
import { figureHistoryRoutes } from './figure-history/figure-history.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { importRoutes } from './imports/imports.routes.js';
import { mailRoutes } from './mail/mail.routes.js';
import { measureRoutes } from './measures/measures.routes.js';
import { observationRoutes } from './observations/observations.routes.js';
import { organizationRoutes } from './organizations/organizations.routes.js';
import { partnershipRoutes } from './partnerships/partnerships.routes.js';
import { planningTableRoutes } from './planning-tables/planning-tables.routes.js';
import { authPlugin } from './plugins/auth.js';
import { compressionPlugin } from './plugins/compression.js';
import { conditionalGetPlugin, isBuiltByServer } from './plugins/conditional-get.js';
import {
  clientErrorReply,
  frameworkErrorReply,
  registerErrorHandler,
} from './plugins/error-handler.js';
import { languagePlugin } from './plugins/language.js';
import { loggerOptions, registerRequestLog } from './plugins/logging.js';
import { methodNotAllowedPlugin } from './plugins/method-not-allowed.js';
import { openApiPlugin } from './plugins/openapi.js';
import { webPlugin } from './plugins/web.js';
import { programRoutes } from './programs/programs.routes.js';
import { publicLinkRoutes, publicScorecardRoutes } from './public-links/public-links.routes.js';
import { reportingRoutes } from './reporting/reporting.routes.js';
import { reportingStatusRoutes } from './reporting-status/reporting-status.routes.js';
import { resultRoutes } from './results/results.routes.js';
import { scorecardRoutes } from './scorecards/scorecards.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { systemMapRoutes } from './system-map/system-map.routes.js';
import { userRoutes } from './users/users.routes.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(v, depth + 1)) return true;
  }
  return false;
}

const plainJson = (data: unknown) => JSON.stringify(data);

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(ctx.config),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorReply,
    // Requests Node's HTTP parser refuses (headers too large …) answer in our error shape too.
    clientErrorHandler: clientErrorReply,
    requestIdHeader: false,
    // Take a caller's request id when it is well-formed, so logs line up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Every answer is encoded through its zod schema (which validates it), except the scorecards'
  // and series' 200s: built by the server itself, large, and checked against the document by the
  // conformance tests, they are written with JSON.stringify alone (plugins/conditional-get.ts).
  app.setSerializerCompiler((route) =>
    isBuiltByServer(route.url, route.httpStatus)
      ? plainJson
      : serializerCompiler(route as Parameters<typeof serializerCompiler>[0]),
  );
  registerErrorHandler(app);
  registerRequestLog(app, ctx.config);
  // PostgreSQL cannot store a NUL character in text: refuse it at the door, for every body.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null && containsNul(request.body)) {
      throw new ValidationError(
        'A text value contains a NUL character (\\u0000), which cannot be stored',
        issue('body', 'contains_nul'),
      );
    }
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Infrastructure first, then application plugins, then routes.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // No 'unsafe-inline': the client sets styles only through the CSSOM, which CSP allows
        // (apps/web/e2e/csp.e2e.ts loads every page and finds no violation).
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  // Before any route: it attaches itself to each route as it is added.
  await app.register(compressionPlugin);
  // Before any route: it learns each route as it is added, and answers 405 for other methods.
  await app.register(methodNotAllowedPlugin);
  await app.register(fastifyCookie);
  // CORS is closed unless CORS_ORIGINS names origins: then exactly those, for bearer-token calls
  // (no cookies cross-origin: the refresh cookie is for the API's own pages).
  if (ctx.config.corsOrigins.length > 0) {
    await app.register(fastifyCors, {
      origin: ctx.config.corsOrigins,
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'accept',
        'accept-language',
        'x-request-id',
        'x-min-lsn',
        'if-none-match',
      ],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'content-disposition',
        'x-commit-lsn',
        'etag',
      ],
      maxAge: 600,
    });
  }
  await app.register(authPlugin, { ctx });
  await app.register(languagePlugin);
  await app.register(openApiPlugin);
  // Before any route: it attaches the ETag / 304 hooks to the scorecard and series routes.
  await app.register(conditionalGetPlugin, { ctx });
  // With a read replica: remembers each writer's commit position (X-Commit-LSN) so that their
  // next reads see their write; nothing without one.
  registerReadRouting(app, ctx);

  await app.register(healthRoutes, { ctx });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { ctx });
      await api.register(demoRoutes, { ctx });
      await api.register(userRoutes, { ctx });
      await api.register(organizationRoutes, { ctx });
      await api.register(auditRoutes, { ctx });
      await api.register(settingsRoutes, { ctx });
      await api.register(planningTableRoutes, { ctx });
      await api.register(resultRoutes, { ctx });
      await api.register(programRoutes, { ctx });
      await api.register(dimensionRoutes, { ctx });
      await api.register(measureRoutes, { ctx });
      await api.register(observationRoutes, { ctx });
      await api.register(reportingRoutes, { ctx });
      await api.register(reportingStatusRoutes, { ctx });
      await api.register(entrySheetRoutes, { ctx });
      await api.register(figureHistoryRoutes, { ctx });
      await api.register(scorecardRoutes, { ctx });
      await api.register(exportRoutes, { ctx });
      await api.register(importRoutes, { ctx });
      await api.register(curvePlanRoutes, { ctx });
      await api.register(partnershipRoutes, { ctx });
      await api.register(publicLinkRoutes, { ctx });
      await api.register(publicScorecardRoutes, { ctx });
      await api.register(systemMapRoutes, { ctx });
      await api.register(mailRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webPlugin, { distDir: ctx.config.webDistDir });
  return app;
}
