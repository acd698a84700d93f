import type { HttpAppDeps } from '../adapters/http-common/http-app-deps.js';
import { HttpMetrics } from '../adapters/http-common/operations/http-metrics.js';
import type { ReadinessCheck } from '../adapters/http-common/operations/readiness.js';
import { Presenter } from '../adapters/http-common/presenters.js';
import { redisReadiness, type Runtime } from './runtime.js';

/** What both HTTP apps are built from, out of one runtime. */
export function httpAppDeps(runtime: Runtime, app: 'web' | 'api', afterChange?: () => void): HttpAppDeps {
  const checks: ReadinessCheck[] = [runtime.database.readiness];
  if (runtime.appRedis) checks.push(redisReadiness('redis', runtime.appRedis));
  if (runtime.sharedRedis && runtime.sharedRedis !== runtime.appRedis) {
    checks.push(redisReadiness('shared-redis', runtime.sharedRedis));
  }
  return {
    app: runtime.app,
    presenter: new Presenter(`${runtime.config.publicUrl}/media`),
    logger: runtime.logger,
    metrics: new HttpMetrics(app),
    readinessChecks: checks,
    trustProxy: runtime.config.trustProxy,
    corsOrigins: runtime.config.corsOrigins,
    ...(afterChange ? { afterChange } : {}),
  };
}
