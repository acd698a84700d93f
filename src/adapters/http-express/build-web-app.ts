import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { parse as parseQuery } from 'node:querystring';
import { OPERATIONS } from '../http-common/api/operations.js';
import { openApiDocument } from '../http-common/api/openapi.js';
import { API_TITLE, type HttpAppDeps } from '../http-common/http-app-deps.js';
import { logFailure } from '../http-common/log-failure.js';
import { apiRouter } from './api/api-router.js';
import { docsRouter } from './docs-routes.js';
import { operationsRouter } from './operations-routes.js';
import { requestContext, requestLogger } from './request-context.js';

export const WEB_API_BASE = '/api/v1';

export interface WebAppDeps extends HttpAppDeps {
  /** Serves `/media/...` (uploaded pictures); the web app is where pictures are fetched from. */
  readonly media?: express.RequestHandler;
  /** The Pug web UI, mounted at `/` after the API. */
  readonly webUi?: express.Router;
}

/** The `web` app: Express with the REST API under `/api/v1`, its docs, media and operations routes. */
export function buildWebApp(deps: WebAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  // Node's querystring (Express's 'simple' parser), without its cap of 1000 keys: Fastify has none,
  // and a parameter past the 1000th must count the same on both APIs.
  app.set('query parser', (query: string) => parseQuery(query, '&', '=', { maxKeys: 0 }));
  app.use(requestContext(deps.logger, deps.metrics, deps.afterChange));
  app.use(helmet());
  app.use(operationsRouter(deps.readinessChecks, deps.metrics));

  const document = openApiDocument(OPERATIONS, WEB_API_BASE, API_TITLE);
  const api = express.Router();
  if (deps.corsOrigins.length > 0) api.use(cors({ origin: [...deps.corsOrigins], maxAge: 600 }));
  api.use(docsRouter(document, WEB_API_BASE, `${API_TITLE} (Express)`));
  api.use(
    apiRouter({
      operations: OPERATIONS,
      context: { app: deps.app, present: deps.presenter, basePath: WEB_API_BASE },
      onUnexpected: (error, req) => logFailure(requestLogger(req.res as Response, deps.logger), error),
    }),
  );
  app.use(WEB_API_BASE, api);
  if (deps.media) app.use('/media', deps.media);
  if (deps.webUi) app.use(deps.webUi);

  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    requestLogger(res, deps.logger).error({ err: error }, 'unexpected error');
    res.status(500).type('text/plain').send('Something went wrong on our side.');
  });
  return app;
}
