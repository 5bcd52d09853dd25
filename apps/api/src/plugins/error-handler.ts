// One place maps every error to `{ error: { code, message, details? } }`; 5xx never leak.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError, TooManyRequestsError } from '../errors.js';

interface ErrorReply {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorReply {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * Errors the router raises before any route or hook runs (a malformed percent-encoding, a path
 * parameter over the length limit): the same `{ error: { code, message } }` shape as the rest.
 */
export function frameworkErrorReply(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status =
    err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  const message =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path parameter is too long'
      : err.code === 'FST_ERR_BAD_URL'
        ? 'The URL is not well-formed'
        : 'The request cannot be routed';
  void reply
    .status(status)
    .send(body(err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'BAD_REQUEST', message));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err instanceof TooManyRequestsError) {
        void reply.header('retry-after', String(err.retryAfterSeconds));
      }
      if (err.statusCode >= 500) request.log.error({ err }, 'application error');
      return reply.status(err.statusCode).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext ?? 'body', ...v.instancePath.split('/').filter(Boolean)].join(
          '.',
        ),
        message: v.message ?? 'invalid',
      }));
      const first = details[0];
      return reply
        .status(400)
        .send(
          body(
            'VALIDATION_ERROR',
            first ? `${first.path}: ${first.message}` : 'The request is not valid',
            details,
          ),
        );
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, cause: err.cause }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'Internal server error'));
    }
    // A rule the database enforces caught what the service did not: still the caller's input.
    const pgCode = (err as { code?: unknown }).code;
    if (pgCode === '23514' || pgCode === '23503' || pgCode === '23505') {
      request.log.warn({ err }, 'database constraint refused a write');
      const conflict = pgCode === '23505';
      return reply
        .status(conflict ? 409 : 422)
        .send(
          body(
            conflict ? 'CONFLICT' : 'CONSTRAINT_VIOLATION',
            conflict
              ? 'This conflicts with something already stored'
              : pgCode === '23503'
                ? 'This refers to something that does not exist'
                : err.message,
          ),
        );
    }
    // A race PostgreSQL broke (deadlock, serialization failure) three times running: busy,
    // not broken; the caller may simply try again.
    if (pgCode === '40P01' || pgCode === '40001') {
      request.log.warn({ err }, 'transaction lost a race after retries');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send(body('TRY_AGAIN', 'The database is busy with the same figures; try again'));
    }
    // A data exception (class 22: an out-of-range date or number, a character the encoding
    // cannot hold) is a value the caller sent that the database cannot store.
    if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
      request.log.warn({ err }, 'database refused a value');
      return reply
        .status(400)
        .send(body('VALIDATION_ERROR', 'A value is out of the range that can be stored'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = err.code?.startsWith('FST_JWT') ? 'UNAUTHORIZED' : (err.code ?? 'BAD_REQUEST');
      const message = err.code?.startsWith('FST_JWT') ? 'Authentication required' : err.message;
      return reply.status(status).send(body(code, message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Internal server error'));
  });
}
