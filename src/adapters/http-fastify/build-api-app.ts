import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { OPERATIONS } from '../http-common/api/operations.js';
import { openApiDocument } from '../http-common/api/openapi.js';
import { API_TITLE, type HttpAppDeps } from '../http-common/http-app-deps.js';
import { docsInitScript, docsPage } from '../http-common/operations/docs-page.js';
import { readiness } from '../http-common/operations/readiness.js';
import { requestIdFrom } from '../http-common/operations/request-id.js';
import { requestProblems } from '../http-common/request-limits.js';
import { logFailure } from '../http-common/log-failure.js';
import { apiRoutes, sendProblem } from './api-routes.js';

export const FASTIFY_API_BASE = '/fastify/v1';
const DOC_ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'application/javascript; charset=utf-8'],
]);

/** The `api` app: Fastify with the REST API under `/fastify/v1`, its docs and operations routes. */
export async function buildApiApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.trustProxy,
    // A path parameter of any length reaches the operation's schema (a bad id is a 400 problem, as
    // on Express); find-my-way's default of 100 characters answered a plain-JSON 414.
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: true, maxParamLength: 16 * 1024 },
    // Fastify refuses a URL that is not validly percent-encoded before routing: with Express's problem.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(
        reply as FastifyReply,
        error.code === 'FST_ERR_BAD_URL' ? requestProblems.malformedUrl() : error,
      );
    },
    bodyLimit: 11 * 1024 * 1024,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
  });
  await app.register(helmet);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (deps.afterChange && reply.statusCode < 400 && request.method !== 'GET' && request.method !== 'HEAD') {
      deps.afterChange();
    }
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.get('/healthz', async (_request, reply) =>
    reply.header('Cache-Control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', async (_request, reply) => {
    const report = await readiness(deps.readinessChecks);
    return reply.code(report.status).header('Cache-Control', 'no-store').send(report.body);
  });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await deps.metrics.text();
    return reply.type(contentType).send(body);
  });

  const document = JSON.stringify(openApiDocument(OPERATIONS, FASTIFY_API_BASE, API_TITLE));
  await app.register(
    async (api) => {
      if (deps.corsOrigins.length > 0)
        await api.register(cors, { origin: [...deps.corsOrigins], maxAge: 600 });
      api.get('/openapi.json', async (_request, reply) => reply.type('application/json').send(document));
      api.get('/docs', async (_request, reply) =>
        reply.type('text/html; charset=utf-8').send(docsPage(FASTIFY_API_BASE, `${API_TITLE} (Fastify)`)),
      );
      api.get('/docs/init.js', async (_request, reply) =>
        reply.type('application/javascript; charset=utf-8').send(docsInitScript(FASTIFY_API_BASE)),
      );
      api.get('/docs/assets/:file', async (request, reply) => {
        const { file } = request.params as { file: string };
        const type = DOC_ASSETS.get(file);
        if (!type) return reply.code(404).send();
        const body = await readFile(join(getAbsoluteFSPath(), file));
        return reply.type(type).header('Cache-Control', 'public, max-age=604800').send(body);
      });
      await apiRoutes(api, {
        operations: OPERATIONS,
        context: { app: deps.app, present: deps.presenter, basePath: FASTIFY_API_BASE },
        onUnexpected: (error, request) => logFailure(request.log, error),
      });
    },
    { prefix: FASTIFY_API_BASE },
  );
  return app;
}
