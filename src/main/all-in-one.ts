import { startJobWorker, startOutboxRelay } from './background.js';
import { runMain } from './lifecycle.js';
import { startRuntime } from './runtime.js';
import { startApiServer, startWebServer } from './servers.js';

const API_PORT_OFFSET = 1;

/**
 * `npm start`: the whole of HotSox in one process on one database — the web app on PORT
 * (3000), the Fastify API on PORT + 1 (3001) and the background work (in process, or on
 * BullMQ when REDIS_URL is set).
 */
runMain(async () => {
  const runtime = await startRuntime('all-in-one');
  const relay = startOutboxRelay(runtime, 'web');
  await startWebServer(runtime, runtime.config.port, relay.nudge);
  await startApiServer(
    runtime,
    runtime.config.port === 0 ? 0 : runtime.config.port + API_PORT_OFFSET,
    relay.nudge,
  );
  if (runtime.config.redisUrl) await startJobWorker(runtime, 'web');
  return runtime;
});
