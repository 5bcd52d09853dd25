// One place maps every error to `{ error: { code, message, details? } }` with a code of the
// catalogue (src/errors.ts): the framework's own codes (FST_*) and the database's messages never
// reach a client, and 5xx never leak. Messages follow the caller's language (i18n/language.ts):
// English as raised, French from i18n/messages.ts; a validation error's `details` lists its
// problems.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  AppError,
  BadRequestError,
  ConflictError,
  ConstraintViolationError,
  ForbiddenError,
  HeadersTooLargeError,
  InternalError,
  InvalidJsonError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  RequestTimeoutError,
  TooManyRequestsError,
  TryAgainError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  UriTooLongError,
  ValidationError,
} from '../errors.js';
import { callerLanguage } from '../i18n/caller-language.js';
import { issue, issuesFromSchema } from '../i18n/issues.js';
import { wordError } from '../i18n/messages.js';

interface ErrorReply {
  error: { code: string; message: string; details?: unknown };
}

/** The error's body in the request's language (English when there is no request). */
function body(err: AppError, request?: FastifyRequest): ErrorReply {
  const lang = request ? callerLanguage(request) : 'en';
  return { error: wordError(err, lang) };
}

/**
 * An error that Fastify, its body parsers or a plugin raised, as one of ours: a known code gets
 * its own message; any other 4xx its status's code with a plain message (never the framework's
 * text, which can name internals); anything else is not the caller's doing (undefined).
 */
export function fromFrameworkError(err: FastifyError): AppError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError(
        'This route does not read a body of that Content-Type (send application/json)',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError('The request body is too large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new InvalidJsonError('The body is empty, but its Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new InvalidJsonError('The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new BadRequestError('The body is not as long as its Content-Length says');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return new BadRequestError('The URL is not well-formed');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new UriTooLongError('A path parameter is too long');
  }
  if (err.code?.startsWith('FST_JWT')) return new UnauthorizedError();
  const status = err.statusCode ?? 500;
  // The JSON parser's own refusal (a prototype-poisoning key) carries no code.
  if (status === 400 && err instanceof SyntaxError) {
    return new InvalidJsonError('The body is not valid JSON');
  }
  if (status < 400 || status >= 500) return undefined;
  switch (status) {
    case 401:
      return new UnauthorizedError();
    case 403:
      return new ForbiddenError();
    case 405:
      return new MethodNotAllowedError('This method is not allowed here');
    case 413:
      return new PayloadTooLargeError('The request body is too large');
    case 414:
      return new UriTooLongError('The URL is too long');
    case 415:
      return new UnsupportedMediaTypeError('This route does not read a body of that Content-Type');
    default:
      return new BadRequestError('The request cannot be read');
  }
}

/**
 * Errors the router raises before any route or hook runs (a malformed percent-encoding, a path
 * parameter over the length limit): the same `{ error: { code, message } }` shape as the rest.
 */
export function frameworkErrorReply(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const mapped = fromFrameworkError(err) ?? new BadRequestError('The request cannot be routed');
  void reply.status(mapped.statusCode).send(body(mapped, request));
}

/**
 * What the HTTP server refuses before Fastify sees a request (headers over the size limit, a
 * request that never finished arriving, bytes that are not HTTP), written on the socket in the
 * usual error shape: Fastify's option `clientErrorHandler`.
 */
export function clientErrorReply(err: Error & { code?: string }, socket: Socket): void {
  // A connection the client reset: nobody is left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new HeadersTooLargeError('The request headers are too large')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new RequestTimeoutError('The request did not arrive in time')
        : new BadRequestError('The request is not well-formed HTTP');
  const text = JSON.stringify(body(refusal));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.statusCode} ${STATUS_CODES[refusal.statusCode]}\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json\r\n` +
        `Connection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(err);
}

/** A PostgreSQL error the caller caused, or lost a race on, as one of ours. */
function fromDatabaseError(pgCode: string): AppError | undefined {
  // A rule the database enforces caught what the service did not: still the caller's input. Its
  // own message names tables and constraints: it is logged, not sent.
  if (pgCode === '23505') {
    return new ConflictError('This conflicts with something already stored');
  }
  if (pgCode === '23503') {
    return new ConstraintViolationError('This refers to something that does not exist');
  }
  if (pgCode === '23514') {
    return new ConstraintViolationError('A value breaks a rule of the stored data');
  }
  // A race PostgreSQL broke (deadlock, serialization failure) three times running: busy, not
  // broken; the caller may simply try again.
  if (pgCode === '40P01' || pgCode === '40001') return new TryAgainError();
  // A data exception (class 22: an out-of-range date or number, a character the encoding
  // cannot hold) is a value the caller sent that the database cannot store.
  if (pgCode.startsWith('22')) {
    return new ValidationError(
      'A value is out of the range that can be stored',
      issue('', 'not_storable'),
    );
  }
  return undefined;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if (err instanceof TooManyRequestsError) {
        void reply.header('retry-after', String(err.retryAfterSeconds));
      }
      if (err.statusCode >= 500) request.log.error({ err }, 'application error');
      return reply.status(err.statusCode).send(body(err, request));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = err.validationContext ?? 'body';
      const input = (request as unknown as Record<string, unknown>)[part];
      const issues = issuesFromSchema(err.validation, part, input);
      // The English message stays the schema's own wording of the first problem.
      const first = err.validation[0];
      const firstPath = first
        ? [part, ...first.instancePath.split('/').filter(Boolean)].join('.')
        : part;
      const message = first
        ? `${firstPath}: ${first.message ?? 'invalid'}`
        : 'The request is not valid';
      return reply.status(400).send(body(new ValidationError(message, issues), request));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, cause: err.cause }, 'response did not match its schema');
      return reply.status(500).send(body(new InternalError(), request));
    }
    const pgCode = (err as { code?: unknown }).code;
    const fromDb = typeof pgCode === 'string' ? fromDatabaseError(pgCode) : undefined;
    if (fromDb) {
      request.log.warn({ err }, 'the database refused a request');
      if (fromDb instanceof TryAgainError) void reply.header('retry-after', '1');
      return reply.status(fromDb.statusCode).send(body(fromDb, request));
    }
    const mapped = fromFrameworkError(err);
    if (mapped) return reply.status(mapped.statusCode).send(body(mapped, request));
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body(new InternalError(), request));
  });
}
