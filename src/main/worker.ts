import type { Server } from 'node:http';
import { workerHealthServer } from '../adapters/http-common/operations/worker-health-server.js';
import { startJobWorker, type App } from './background.js';
import type { Lifecycle } from './lifecycle.js';
import { redisReadiness, startRuntime } from './runtime.js';

/** A worker deployable: the BullMQ worker of one app's queue plus its health server. */
export async function startWorker(app: App) {
  const runtime = await startRuntime(`${app}-worker`);
  const worker = await startJobWorker(runtime, app);
  const checks = [runtime.database.readiness];
  if (runtime.appRedis) checks.push(redisReadiness('redis', runtime.appRedis));
  const server = workerHealthServer({ app: `${app}-worker`, checks, queueDepth: () => worker.queueDepth() });
  await new Promise<void>((resolve) => server.listen(runtime.config.port, runtime.config.host, resolve));
  stopWith(runtime.lifecycle, server);
  runtime.logger.info({ port: runtime.config.port }, `${app}-worker health on port ${runtime.config.port}`);
  return runtime;
}

function stopWith(lifecycle: Lifecycle, server: Server): void {
  lifecycle.onStop('health server', () => new Promise<void>((resolve) => server.close(() => resolve())));
}
