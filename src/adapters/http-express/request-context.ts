import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../http-common/operations/http-metrics.js';
import { requestIdFrom } from '../http-common/operations/request-id.js';

/**
 * Gives each request an id (the proxy's `X-Request-Id` when it looks sane, else a new one),
 * logs one line when it ends and records its latency by route pattern.
 */
export function requestContext(logger: Logger, metrics: HttpMetrics, afterChange?: () => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const id = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', id);
    res.locals.log = logger.child({ reqId: id });
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      metrics.observe(req.method, route, res.statusCode, seconds);
      if (afterChange && res.statusCode < 400 && req.method !== 'GET' && req.method !== 'HEAD') afterChange();
      (res.locals.log as Logger).info(
        {
          method: req.method,
          // The route pattern, not the URL: paths may carry secrets (password-reset tokens).
          route,
          ...(req.route ? {} : { path: req.path }),
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
        },
        'request',
      );
    });
    next();
  };
}

export function requestLogger(res: Response, fallback: Logger): Logger {
  return (res.locals.log as Logger | undefined) ?? fallback;
}
