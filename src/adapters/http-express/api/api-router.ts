import express, { type NextFunction, type Request, type Response } from 'express';
import type { Operation, OperationContext, UploadedFile } from '../../http-common/api/operation.js';
import { runOperation } from '../../http-common/api/run-operation.js';
import { decodeBody } from '../../http-common/decode-body.js';
import { readMultipartFile } from '../../http-common/multipart.js';
import { toProblem, PROBLEM_CONTENT_TYPE } from '../../http-common/problem.js';
import { readBody } from '../../http-common/read-body.js';
import { mediaTypeOf, requestProblems } from '../../http-common/request-limits.js';

export interface ApiRouterDeps {
  readonly operations: readonly Operation[];
  readonly context: OperationContext;
  readonly onUnexpected: (error: unknown, req: Request) => void;
}

/** The REST API (`docs/api.md`) on Express: every operation of the shared table, nothing else. */
export function apiRouter(deps: ApiRouterDeps): express.Router {
  const router = express.Router({ caseSensitive: true, strict: false });

  for (const operation of deps.operations) {
    const path = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const readBody =
      operation.bodyKind === 'multipart' ? multipartBody : operation.bodyKind === 'none' ? skip : rawBody;
    router[operation.method](path, readBody, async (req: Request, res: Response) => {
      const result = await runOperation(
        operation,
        {
          params: req.params,
          query: req.query as Record<string, unknown>,
          body:
            operation.bodyKind === 'multipart'
              ? undefined
              : decodeBody(operation.bodyKind, req.headers['content-type'], asBuffer(req.body)),
          file: (res.locals.file as UploadedFile | undefined) ?? null,
          authorization: req.headers.authorization,
          clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        },
        deps.context,
        (error) => deps.onUnexpected(error, req),
      );
      res.status(result.status).set(result.headers ?? {});
      if (result.body === undefined) res.end();
      else if (result.status >= 400) res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(result.body));
      else res.json(result.body);
    });
  }

  router.use((_req: Request, _res: Response, next: NextFunction) => next(requestProblems.notFound()));
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const problem = toProblem(routerProblem(error) ?? error);
    if (problem.status >= 500) deps.onUnexpected(error, req);
    res
      .status(problem.status)
      .set(problem.headers)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem.body));
  });
  return router;
}

function skip(_req: Request, _res: Response, next: NextFunction): void {
  next();
}

/**
 * The body as bytes, read by the reader Fastify uses too (`readBody`): compressed bodies are
 * refused (415), and an oversized one is a 413 sent once the rest of it was read and thrown away
 * (body-parser read all of it, without a bound).
 */
async function rawBody(req: Request, _res: Response, next: NextFunction): Promise<void> {
  try {
    req.body = await readBody(req, req.headers);
    next();
  } catch (error) {
    next(error);
  }
}

async function multipartBody(req: Request, res: Response, next: NextFunction): Promise<void> {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return next();
  if (mediaTypeOf(req.headers['content-type']) !== 'multipart/form-data') {
    return next(requestProblems.unsupportedContentType('multipart/form-data'));
  }
  try {
    res.locals.file = await readMultipartFile(req, req.headers);
    next();
  } catch (error) {
    next(error);
  }
}

/**
 * The body readers and decodeBody throw HttpProblems; the router's URIError for a path parameter
 * that is not validly percent-encoded lands here too.
 */
function routerProblem(error: unknown): Error | null {
  return error instanceof URIError ? requestProblems.malformedUrl() : null;
}

function asBuffer(body: unknown): Buffer | undefined {
  return Buffer.isBuffer(body) ? body : undefined;
}
