import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { Operation, OperationContext } from '../http-common/api/operation.js';
import { runOperation } from '../http-common/api/run-operation.js';
import { decodeBody } from '../http-common/decode-body.js';
import { readMultipartFile } from '../http-common/multipart.js';
import { PROBLEM_CONTENT_TYPE, toProblem } from '../http-common/problem.js';
import { readBody } from '../http-common/read-body.js';
import { REQUEST_LIMITS, mediaTypeOf, requestProblems } from '../http-common/request-limits.js';

export interface ApiRoutesDeps {
  readonly operations: readonly Operation[];
  readonly context: OperationContext;
  readonly onUnexpected: (error: unknown, request: FastifyRequest) => void;
}

/**
 * The REST API (`docs/api.md`) on Fastify, registered under a prefix: every operation of the
 * shared table. Bodies are read raw and decoded by the shared `decodeBody`, so both APIs answer
 * malformed, oversized and mistyped bodies identically.
 */
export async function apiRoutes(app: FastifyInstance, deps: ApiRoutesDeps): Promise<void> {
  app.removeAllContentTypeParsers();
  // The body was read already, bounded, by `readJsonBody`; the limit here is a backstop only (a
  // parser's error makes Fastify close the connection, which is what `readJsonBody` avoids).
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: REQUEST_LIMITS.bodyBytes },
    (_request, body, done) => done(null, body),
  );
  // Set before any route, so the uploads' scope below inherits them.
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, requestProblems.notFound()));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = fastifyProblem(error) ?? error;
    const status = sendProblem(reply, mapped);
    if (status >= 500) deps.onUnexpected(error, request);
  });

  // Only uploads take a multipart body as a stream; any other operation reads it as bytes like
  // any body (and refuses it with 415 or 413, as Express does). An upload's body of any type stays
  // a stream, read by `multipartFile` (a body that is not multipart is a 415 there, as on Express).
  const uploads = deps.operations.filter((op) => op.bodyKind === 'multipart');
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    for (const operation of uploads) route(scope, operation);
  });
  for (const operation of deps.operations) if (!uploads.includes(operation)) route(app, operation);

  function route(scope: FastifyInstance, operation: Operation): void {
    const readsBody = operation.bodyKind === 'json' || operation.bodyKind === 'json-or-form';
    scope.route({
      method: operation.method.toUpperCase() as 'GET',
      url: operation.path.replace(/\{(\w+)\}/g, ':$1'),
      ...(readsBody ? { preParsing: readJsonBody } : {}),
      ...(operation.bodyKind === 'none'
        ? { preParsing: ignoreBody, bodyLimit: Number.MAX_SAFE_INTEGER }
        : {}),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const file = operation.bodyKind === 'multipart' ? await multipartFile(request) : null;
        const body =
          operation.bodyKind === 'multipart'
            ? undefined
            : decodeBody(operation.bodyKind, request.headers['content-type'], asBuffer(request.body));
        const result = await runOperation(
          operation,
          {
            params: request.params as Record<string, unknown>,
            query: request.query as Record<string, unknown>,
            body,
            file,
            authorization: request.headers.authorization,
            clientIp: request.ip,
          },
          deps.context,
          (error) => deps.onUnexpected(error, request),
        );
        reply.code(result.status).headers(result.headers ?? {});
        if (result.body === undefined) return reply.send();
        if (result.status >= 400) return reply.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(result.body));
        return reply.send(result.body);
      },
    });
  }
}

/**
 * Reads the body with the reader Express uses too (`readBody`), before Fastify's parser sees it: a
 * compressed body is a 415 (Fastify would parse the compressed bytes), an oversized one a 413 sent
 * once the rest was read and thrown away. Fastify's own limit answers at once and closes the
 * connection while the client is still sending, which the client sees as a broken pipe. An error
 * thrown here is answered by the error handler without closing. The parser then gets the bytes read.
 */
async function readJsonBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
): Promise<Readable> {
  const bytes = await readBody(payload, request.headers);
  return Object.assign(Readable.from(bytes ? [bytes] : []), { receivedEncodedLength: bytes?.length ?? 0 });
}

/**
 * An operation without a body ignores whatever is sent, as on Express: the bytes are drained,
 * never buffered, so no size limit applies (Fastify would buffer them and answer 413 past the
 * limit). Fastify reads the empty stream instead; it must account for the declared length.
 */
async function ignoreBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
): Promise<Readable> {
  payload.resume();
  return Object.assign(Readable.from([]), {
    receivedEncodedLength: Number(request.headers['content-length'] ?? 0),
  });
}

async function multipartFile(request: FastifyRequest) {
  // As on Express: an upload without a body lacks its file (Fastify hands over an empty stream).
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return null;
  if (mediaTypeOf(request.headers['content-type']) !== 'multipart/form-data') {
    throw requestProblems.unsupportedContentType('multipart/form-data');
  }
  const stream = request.body as Readable | undefined;
  if (!stream || typeof stream.pipe !== 'function') return null;
  return readMultipartFile(stream, request.headers);
}

export function sendProblem(reply: FastifyReply, error: unknown): number {
  const problem = toProblem(error);
  void reply
    .code(problem.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.body));
  return problem.status;
}

/** Fastify's own request errors, as the shared request problems. */
function fastifyProblem(error: FastifyError): Error | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return requestProblems.bodyTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return requestProblems.malformedJson();
    default:
      return null;
  }
}

function asBuffer(body: unknown): Buffer | undefined {
  return Buffer.isBuffer(body) ? body : undefined;
}
