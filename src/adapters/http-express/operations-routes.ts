import express, { type Request, type Response } from 'express';
import type { HttpMetrics } from '../http-common/operations/http-metrics.js';
import { readiness, type ReadinessCheck } from '../http-common/operations/readiness.js';

/** `/healthz`, `/readyz` and `/metrics` at the app's root. */
export function operationsRouter(checks: readonly ReadinessCheck[], metrics: HttpMetrics): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const report = await readiness(checks);
    res.status(report.status).set('Cache-Control', 'no-store').json(report.body);
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    const { contentType, body } = await metrics.text();
    res.type(contentType).send(body);
  });
  return router;
}
