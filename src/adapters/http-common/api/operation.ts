import type { z } from 'zod';
import type { Presenter } from '../presenters.js';
import type { Application } from '../../../application/application.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AuthRequirement = 'none' | 'user';

/**
 * How the request body is read: `json`; `json-or-form` (JSON or urlencoded form, for the OAuth2
 * password grant); `multipart` (one file in the field `file`); `none`.
 */
export type BodyKind = 'json' | 'json-or-form' | 'multipart' | 'none';

/** The authenticated caller. */
export interface Caller {
  readonly userId: string;
  readonly isAdmin: boolean;
}

/** An uploaded file, already bounded in size by the framework. */
export interface UploadedFile {
  readonly bytes: Uint8Array;
}

export interface OperationInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly caller: Caller | null;
  readonly file: UploadedFile | null;
  /** The client's address, as the trusted proxy reports it. */
  readonly clientIp: string;
}

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface OperationContext {
  readonly app: Application;
  readonly present: Presenter;
  /** The API's base path (`/api/v1` or `/fastify/v1`), for `Location` headers. */
  readonly basePath: string;
}

type Shape = z.ZodType<unknown>;

/** One endpoint of the contract, identical for both frameworks: schemas, documentation, handler. */
export interface Operation<P extends Shape = Shape, Q extends Shape = Shape, B extends Shape = Shape> {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI-style path under the API base, e.g. `/socks/{sockId}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly auth: AuthRequirement;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly bodyKind: BodyKind;
  readonly success: { readonly status: number; readonly description: string; readonly schema?: Shape };
  /** The error statuses this operation can answer with (besides 500). */
  readonly errors: readonly number[];
  handle(
    input: OperationInput<z.output<P>, z.output<Q>, z.output<B>>,
    ctx: OperationContext,
  ): Promise<HttpResult>;
}

/**
 * Keeps the handler's input types tied to the operation's schemas. Every operation that reads a
 * JSON or form body also declares 413: both frameworks refuse a body over
 * `REQUEST_LIMITS.bodyBytes` before the operation runs.
 */
export function defineOperation<P extends Shape, Q extends Shape, B extends Shape>(
  operation: Operation<P, Q, B>,
): Operation {
  const readsBody = operation.bodyKind === 'json' || operation.bodyKind === 'json-or-form';
  const errors = readsBody
    ? [...new Set([...operation.errors, 413])].sort((a, b) => a - b)
    : operation.errors;
  return { ...operation, errors } as unknown as Operation;
}
