import { startOutboxRelay } from './background.js';
import { runMain } from './lifecycle.js';
import { startRuntime } from './runtime.js';
import { startWebServer } from './servers.js';

/** The `web` deployable: Express with the Pug web UI and the REST API under /api/v1. */
runMain(async () => {
  const runtime = await startRuntime('web');
  const relay = startOutboxRelay(runtime, 'web');
  await startWebServer(runtime, runtime.config.port, relay.nudge);
  return runtime;
});
