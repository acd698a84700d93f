import express, { type Request, type Response } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { docsInitScript, docsPage } from '../http-common/operations/docs-page.js';

/** `{base}/openapi.json` and the Swagger UI at `{base}/docs`. */
export function docsRouter(document: object, basePath: string, title: string): express.Router {
  const router = express.Router();
  const json = JSON.stringify(document);
  router.get('/openapi.json', (_req: Request, res: Response) => {
    res.type('application/json').send(json);
  });
  router.get('/docs', (_req: Request, res: Response) => {
    res.type('html').send(docsPage(basePath, title));
  });
  router.get('/docs/init.js', (_req: Request, res: Response) => {
    res.type('application/javascript').send(docsInitScript(basePath));
  });
  router.use('/docs/assets', express.static(getAbsoluteFSPath(), { maxAge: '7d', index: false }));
  return router;
}
