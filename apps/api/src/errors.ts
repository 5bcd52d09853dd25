// The error catalogue: every code the API answers, as one typed class each, with its HTTP status
// and when it is given. The error handler maps each to `{ error: { code, message, details? } }`
// once; docs/api.md's table of codes is generated from `errorCatalogue` (pnpm docs:errors).
// Messages raised here are English; i18n/messages.ts words each code in French, and each
// validation issue (a validation error's `details`, codes from packages/schema's ISSUE_CODES)
// in both.
import type { Issue } from './i18n/issues.js';

export { type Issue, issue } from './i18n/issues.js';

export class AppError extends Error {
  /** What the message was made from, for wording it in another language (not sent). */
  params?: Record<string, unknown>;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One entry of the catalogue. */
export interface ErrorDefinition {
  readonly status: number;
  readonly code: string;
  /** When it is given, for docs/api.md. */
  readonly when: string;
}

const definitions: ErrorDefinition[] = [];

/** The base class of one code: `class X extends errorCode(409, 'X', 'when…') {}`. */
function errorCode<const C extends string>(status: number, code: C, when: string) {
  definitions.push({ status, code, when });
  return class extends AppError {
    static readonly status = status;
    static readonly code: C = code;
    constructor(message: string, details?: unknown) {
      super(status, code, message, details);
    }
  };
}

// 400
export class ValidationError extends errorCode(
  400,
  'VALIDATION_ERROR',
  'the body, query or path breaks the schema or a rule of the measure, or a value is beyond what can be stored; `details` lists each problem as `{ path, code, params, message }`',
) {
  /** `extra` fields sit beside `issues` in `details` (an item's `index`…). */
  constructor(message: string, issues: Issue | readonly Issue[], extra?: Record<string, unknown>) {
    super(message, { ...extra, issues: Array.isArray(issues) ? [...issues] : [issues] });
  }
  get issues(): Issue[] {
    return (this.details as { issues: Issue[] }).issues;
  }
}
export class InvalidJsonError extends errorCode(
  400,
  'INVALID_JSON',
  'a body sent as `application/json` is empty or is not JSON',
) {}
export class BadRequestError extends errorCode(
  400,
  'BAD_REQUEST',
  'the request cannot be read at all: a malformed URL or percent-encoding, a body shorter than its Content-Length',
) {}
export class FuturePeriodError extends errorCode(
  400,
  'FUTURE_PERIOD',
  'a figure for a period that starts after today (UTC); targets may be set ahead',
) {}
export class InvalidUnsubscribeTokenError extends errorCode(
  400,
  'INVALID_TOKEN',
  'an unsubscribe link that is not valid (a POST; the GET page says so in HTML)',
) {
  constructor() {
    super('This unsubscribe link is not valid');
  }
}

// 401
export class UnauthorizedError extends errorCode(
  401,
  'UNAUTHORIZED',
  'no, bad, expired or revoked token (every route but sign-in, refresh, the public scorecard, unsubscribe and the health checks)',
) {
  constructor(message = 'Authentication required') {
    super(message);
  }
}
export class InvalidCredentialsError extends errorCode(
  401,
  'INVALID_CREDENTIALS',
  'sign-in with a wrong password, an unknown email or a disabled account (one answer for all three)',
) {
  constructor() {
    super('The email or password is incorrect');
  }
}

// 403
export class ForbiddenError extends errorCode(
  403,
  'FORBIDDEN',
  'signed in, but the role does not allow it',
) {
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}
export class CrossOriginRefusedError extends errorCode(
  403,
  'CROSS_ORIGIN_REFUSED',
  'a session refresh from another origin than the application’s own pages',
) {}

// 404, 405
export class NotFoundError extends errorCode(
  404,
  'NOT_FOUND',
  'no such thing — or one the caller may not know exists; also an unknown path',
) {
  constructor(entity: string) {
    super(`${entity} not found`);
    this.params = { entity };
  }
}
export class MethodNotAllowedError extends errorCode(
  405,
  'METHOD_NOT_ALLOWED',
  'a method the path does not have (`Allow` lists those it has)',
) {}

// 408
export class RequestTimeoutError extends errorCode(
  408,
  'REQUEST_TIMEOUT',
  'the request did not arrive in time (answered by the HTTP server, before any route)',
) {}

// 409
export class ConflictError extends errorCode(
  409,
  'CONFLICT',
  'the database refused a duplicate the service did not foresee',
) {}
export class EmailTakenError extends errorCode(
  409,
  'EMAIL_TAKEN',
  'a user with this email already exists',
) {}
export class CodeTakenError extends errorCode(
  409,
  'CODE_TAKEN',
  'an organization, dimension, measure or service type with this code already exists',
) {}
export class HasDataError extends errorCode(
  409,
  'HAS_DATA',
  'deleting what others still hang on (results, measures, figures, programs linked): archive or unlink first',
) {}
export class VersionConflictError extends errorCode(
  409,
  'VERSION_CONFLICT',
  'someone saved the figure first; `details.current` is what is stored now',
) {}
export class RevisionConflictError extends errorCode(
  409,
  'REVISION_CONFLICT',
  'someone saved the plan first; `details.current` is the plan as it is now',
) {}
export class PeriodLockedError extends errorCode(
  409,
  'PERIOD_LOCKED',
  'a figure of a period that is submitted or approved',
) {}
export class PeriodClosedError extends errorCode(
  409,
  'PERIOD_CLOSED',
  'a figure of a reporting period that has closed',
) {}
export class SurveyClosedError extends errorCode(
  409,
  'SURVEY_CLOSED',
  'answering or closing a partnership survey that has closed (its closing date has passed, or it was closed)',
) {}
export class SurveyNotOpenError extends errorCode(
  409,
  'SURVEY_NOT_OPEN',
  'answering a partnership survey before its opening date',
) {}
export class InvalidTransitionError extends errorCode(
  409,
  'INVALID_TRANSITION',
  'a review step the period’s status does not allow (approving a draft, reopening what is not approved)',
) {}
export class ImportConflictError extends errorCode(
  409,
  'IMPORT_CONFLICT',
  'someone saved some of the imported figures while the import ran; nothing was written',
) {}

// 413, 414, 415
export class PayloadTooLargeError extends errorCode(
  413,
  'PAYLOAD_TOO_LARGE',
  'a request body over the limit (1 MB; 1 KB for unsubscribe forms)',
) {}
export class FileTooLargeError extends errorCode(
  413,
  'FILE_TOO_LARGE',
  'an imported CSV over the import limit',
) {
  constructor(limit: number) {
    super(
      `The file is larger than ${Math.round(limit / (1024 * 1024))} MB; split it into smaller files`,
      { limitBytes: limit },
    );
  }
}
export class UriTooLongError extends errorCode(
  414,
  'URI_TOO_LONG',
  'a path parameter over 100 characters',
) {}
export class UnsupportedMediaTypeError extends errorCode(
  415,
  'UNSUPPORTED_MEDIA_TYPE',
  'a body of a type the route does not read (JSON everywhere; multipart for imports; forms for unsubscribe)',
) {}

// 431
export class HeadersTooLargeError extends errorCode(
  431,
  'HEADERS_TOO_LARGE',
  'the request line and headers over the HTTP server’s limit (answered before any route)',
) {}

// 422
export class ConstraintViolationError extends errorCode(
  422,
  'CONSTRAINT_VIOLATION',
  'a value a rule of the database refuses, or a reference to something that does not exist, that the service did not catch first',
) {}
export class WeakPasswordError extends errorCode(
  422,
  'WEAK_PASSWORD',
  'a password the policy refuses; `details.rule` is `too_short`, `too_long`, `common` or `contains_email`',
) {}
export class WrongPasswordError extends errorCode(
  422,
  'WRONG_PASSWORD',
  'changing one’s password with a wrong current password (counts as a failed sign-in)',
) {}
export class UseOwnPasswordRouteError extends errorCode(
  422,
  'USE_OWN_PASSWORD_ROUTE',
  'an admin resetting their own password, which POST /auth/password does',
) {}
export class CannotDisableSelfError extends errorCode(
  422,
  'CANNOT_DISABLE_SELF',
  'an admin disabling their own account',
) {}
export class CannotRevokeOwnAdminError extends errorCode(
  422,
  'CANNOT_REVOKE_OWN_ADMIN',
  'an admin taking away their own admin role',
) {}
export class MeasureArchivedError extends errorCode(
  422,
  'MEASURE_ARCHIVED',
  'a figure for an archived measure',
) {}
export class SharedMeasureComputedError extends errorCode(
  422,
  'SHARED_MEASURE_COMPUTED',
  'a figure (or its history) of a shared measure, which is computed from its partners’ figures',
) {}
export class SharedMeasureNotAvailableError extends errorCode(
  422,
  'SHARED_MEASURE_NOT_AVAILABLE',
  'a measure reporting a shared measure of a table its agency is not a partner at',
) {}
export class SharedMeasureMismatchError extends errorCode(
  422,
  'SHARED_MEASURE_MISMATCH',
  'a measure reporting a shared measure with another unit, period type, direction or dimensions',
) {}
export class BreakdownExceedsTotalError extends errorCode(
  422,
  'BREAKDOWN_EXCEEDS_TOTAL',
  'a breakdown cell larger than its total; `details.breakdowns` names them, `details.issues` says it as `part_exceeds_total`',
) {
  constructor(message: string, breakdowns: string[]) {
    super(message, {
      breakdowns,
      issues: [{ path: ['body', 'breakdown'], code: 'part_exceeds_total', params: { breakdowns } }],
    });
  }
}
export class ResultNotAtPartnerTableError extends errorCode(
  422,
  'RESULT_NOT_AT_PARTNER_TABLE',
  'a program contributing to a result of a table its agency is not a partner at',
) {}
export class FunderNotPartnerError extends errorCode(
  422,
  'FUNDER_NOT_PARTNER',
  'a funder added as a table’s partner (funders read through a funder_viewer role)',
) {}
export class UnknownOrganizationError extends errorCode(
  422,
  'UNKNOWN_ORGANIZATION',
  'a plan naming an organization that is not one of its table (made-up ids answer the same)',
) {}
export class UnknownMeasureError extends errorCode(
  422,
  'UNKNOWN_MEASURE',
  'a plan naming a measure that is not one of its table (made-up ids answer the same)',
) {}
export class ImportRejectedError extends errorCode(
  422,
  'IMPORT_REJECTED',
  'a committed import with rejected rows: nothing was written; the body is the import report',
) {}

// 429
export class TooManyRequestsError extends errorCode(
  429,
  'RATE_LIMITED',
  'too many failed sign-ins (or password checks); `Retry-After` says when to try again',
) {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

// 5xx
export class InternalError extends errorCode(
  500,
  'INTERNAL',
  'a fault; the message never carries internal detail (it is logged)',
) {
  constructor() {
    super('Internal server error');
  }
}
export class TryAgainError extends errorCode(
  503,
  'TRY_AGAIN',
  'the database kept losing a race on the same rows (deadlock, serialization); `Retry-After: 1`',
) {
  constructor() {
    super('The database is busy with the same figures; try again');
  }
}

/** Every code the API answers, by status then code. */
export const errorCatalogue: readonly ErrorDefinition[] = [...definitions].sort(
  (a, b) => a.status - b.status || a.code.localeCompare(b.code),
);
