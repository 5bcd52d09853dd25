// One place maps every error to `{ error: { code, message, details? } }`; 5xx never leak.
import type { FastifyError, FastifyInstance } from 'fastify';
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
