import { z } from 'zod';
import { InvalidAccessTokenError } from '../../../domain/auth/auth-errors.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE, toProblem, type FieldError } from '../problem.js';
import type { Caller, HttpResult, Operation, OperationContext, UploadedFile } from './operation.js';

/** A request as a framework hands it over, before any validation. */
export interface RawRequest {
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON or form body; undefined when there was none. */
  readonly body: unknown;
  readonly file: UploadedFile | null;
  readonly authorization: string | undefined;
  readonly clientIp: string;
}

const NO_PARAMS = z.strictObject({});
const NO_QUERY = z.object({});

/**
 * Runs one operation the same way for both frameworks: authenticate, validate every part of
 * the request (all invalid fields in one 400), call the handler, and turn any error into a
 * problem response. Unexpected errors are handed to `onUnexpected` (to be logged) and answered
 * with a bare 500.
 */
export async function runOperation(
  operation: Operation,
  raw: RawRequest,
  ctx: OperationContext,
  onUnexpected: (error: unknown) => void,
): Promise<HttpResult> {
  try {
    const caller = operation.auth === 'user' ? await authenticate(raw.authorization, ctx) : null;
    const errors: FieldError[] = [];
    const params = parsePart('params', operation.params ?? NO_PARAMS, raw.params, errors);
    const query = parsePart('query', operation.query ?? NO_QUERY, raw.query, errors);
    const body = operation.body ? parsePart('body', operation.body, raw.body ?? {}, errors) : undefined;
    if (operation.bodyKind === 'multipart' && !raw.file) {
      errors.push({ path: 'body.file', message: 'a file is required in the multipart field "file"' });
    }
    if (errors.length > 0)
      throw new HttpProblem(400, 'VALIDATION.FAILED', 'The request is not valid.', errors);
    return await operation.handle(
      { params, query, body, caller, file: raw.file, clientIp: raw.clientIp },
      ctx,
    );
  } catch (error) {
    const problem = toProblem(error);
    if (problem.status >= 500) onUnexpected(error);
    return {
      status: problem.status,
      body: problem.body,
      headers: { ...problem.headers, 'Content-Type': PROBLEM_CONTENT_TYPE },
    };
  }
}

async function authenticate(header: string | undefined, ctx: OperationContext): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) throw new InvalidAccessTokenError();
  return ctx.app.auth.identifyUser.execute(match[1]);
}

function parsePart(part: string, schema: z.ZodType, value: unknown, errors: FieldError[]): never {
  const result = schema.safeParse(value);
  if (result.success) return result.data as never;
  errors.push(...fieldErrors(part, result.error));
  return undefined as never;
}

/** One entry per invalid field; unknown fields are listed one by one. */
export function fieldErrors(part: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = [part, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: `${at}.${key}`, message: 'unknown field' }));
    }
    const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
    return [{ path: at, message: missing ? 'is required' : issue.message }];
  });
}
