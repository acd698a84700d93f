import type { Logger } from 'pino';
import type { Application } from '../../application/application.js';
import type { HttpMetrics } from './operations/http-metrics.js';
import type { ReadinessCheck } from './operations/readiness.js';
import type { Presenter } from './presenters.js';

/** What each HTTP app is handed by its composition root. */
export interface HttpAppDeps {
  readonly app: Application;
  readonly presenter: Presenter;
  readonly logger: Logger;
  readonly metrics: HttpMetrics;
  readonly readinessChecks: readonly ReadinessCheck[];
  /** Express/Fastify trust-proxy setting (e.g. `loopback`). */
  readonly trustProxy: string;
  /** Origins allowed by CORS on the API; empty: CORS off. */
  readonly corsOrigins: readonly string[];
  /**
   * Called after a request that may have changed something (not GET/HEAD) succeeded: lets the
   * outbox relay start the side effects (emails, file deletion) at once instead of at its next poll.
   */
  readonly afterChange?: () => void;
}

export const API_TITLE = 'HotSox API v1';
