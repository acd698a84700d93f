import { ServiceUnavailableError } from '../../application/ports/service-unavailable-error.js';
import { DomainError, type ErrorKind } from '../../domain/shared/domain-error.js';

/** One invalid input: where (`body.email`, `query.page`) and what is wrong. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** RFC 9457 problem details, with the contract's stable `code`. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
}

export interface Problem {
  readonly status: number;
  readonly body: ProblemBody;
  readonly headers: Readonly<Record<string, string>>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  'limit-exceeded': 429,
  'too-large': 413,
  unsupported: 415,
};

/**
 * The request field of each domain field whose name in the contract differs from the domain's:
 * the API's naming stays out of the domain. Any other domain field has its own name in requests.
 */
const REQUEST_FIELDS: Readonly<Partial<Record<string, string>>> = {
  /** Uploads carry the picture in the multipart field `file`. */
  picture: 'file',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A request problem found at the edge, before any use case ran (malformed body, bad query). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors?: readonly FieldError[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: readonly FieldError[],
  headers: Readonly<Record<string, string>> = {},
): Problem {
  const body: ProblemBody = {
    type: `https://hotsox.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return { status, body, headers };
}

/**
 * The one mapping from errors to HTTP problems, used by both APIs. A `ServiceUnavailableError`
 * (the database cannot be reached) is a 503 with `Retry-After`. Anything that is neither a
 * `DomainError` nor an `HttpProblem` is a 500 with a generic body: no stack, SQL or constraint
 * names ever reach a client (the caller logs the original error, also for a 503).
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpProblem) {
    return problem(error.status, error.code, error.message, error.errors, error.headers);
  }
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    const headers: Record<string, string> = {};
    if (error.kind === 'unauthenticated') headers['WWW-Authenticate'] = 'Bearer';
    if (error.kind === 'limit-exceeded')
      headers['Retry-After'] = String(error.details.retryAfterSeconds ?? 60);
    const field = error.details.field;
    const errors = field
      ? [{ path: `body.${REQUEST_FIELDS[field] ?? field}`, message: error.message }]
      : undefined;
    return problem(status, error.code, error.message, errors, headers);
  }
  if (error instanceof ServiceUnavailableError) {
    return problem(
      503,
      error.code,
      'HotSox cannot serve this request right now. Please try again in a moment.',
      undefined,
      { 'Retry-After': String(error.retryAfterSeconds) },
    );
  }
  return problem(500, 'INTERNAL', 'Something went wrong on our side. Please try again later.');
}
