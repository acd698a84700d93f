import { startOutboxRelay } from './background.js';
import { runMain } from './lifecycle.js';
import { startRuntime } from './runtime.js';
import { startApiServer } from './servers.js';

/** The `api` deployable: Fastify with the REST API under /fastify/v1. */
runMain(async () => {
  const runtime = await startRuntime('api');
  const relay = startOutboxRelay(runtime, 'api');
  await startApiServer(runtime, runtime.config.port, relay.nudge);
  return runtime;
});
