import { runMain } from './lifecycle.js';
import { startRuntime } from './runtime.js';
import { startApiServer } from './servers.js';

/** The `api` deployable: Fastify with the REST API under /fastify/v1. */
runMain(async () => {
  const runtime = await startRuntime('api');
  await startApiServer(runtime, runtime.config.port);
  return runtime;
});
