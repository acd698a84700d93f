import type { Server } from 'node:http';
import type { Express } from 'express';
import type { FastifyInstance } from 'fastify';
import { attachChatServer } from '../adapters/http-express/chat/chat-server.js';
import { buildWebApp } from '../adapters/http-express/build-web-app.js';
import { mediaRoute } from '../adapters/http-express/media-route.js';
import { OidcSignIn } from '../adapters/http-express/web/oidc.js';
import type { JobQueues } from '../adapters/http-express/web/queue-dashboard.js';
import { redisSessionStore } from '../adapters/http-express/web/session.js';
import { resolveMediaPath } from '../adapters/media/local-picture-store.js';
import { webUiRouter } from '../adapters/http-express/web/web-ui-router.js';
import { buildApiApp } from '../adapters/http-fastify/build-api-app.js';
import { openQueueHandle } from '../adapters/queue/queue-handles.js';
import { JOB_QUEUE, jobPrefix, type App } from './background.js';
import { httpAppDeps } from './http-deps.js';
import type { Runtime } from './runtime.js';

/** Starts the `web` app (Express) on `port`; it closes with the runtime. */
export async function startWebServer(
  runtime: Runtime,
  port: number,
  afterChange?: () => void,
): Promise<{ app: Express; server: Server }> {
  const webUi = webUiRouter({
    app: runtime.app,
    logger: runtime.logger,
    sessionSecret: runtime.secrets.sessionSecret,
    sessionStore: runtime.appRedis ? redisSessionStore(runtime.appRedis) : null,
    mapTileUrl: runtime.config.mapTileUrl,
    cacheViews: runtime.config.env !== 'development',
    jobQueues: dashboardQueues(runtime),
    oidc: runtime.config.oidc
      ? new OidcSignIn({
          ...runtime.config.oidc,
          redirectUri: `${runtime.config.publicUrl}/auth/oidc/callback`,
        })
      : null,
  });
  const deps = httpAppDeps(runtime, 'web', afterChange);
  const app = buildWebApp({
    ...deps,
    media: mediaRoute((urlPath) => resolveMediaPath(runtime.config.mediaDir, urlPath)),
    webUi,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, runtime.config.host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  runtime.lifecycle.onStop('web server', () => closeServer(server));
  const chat = attachChatServer(server, {
    app: runtime.app,
    subscribe: (listener) => runtime.chatBus.subscribe(listener),
    sessionUser: (req) => webUi.sessionUser(req),
    logger: runtime.logger.child({ component: 'chat' }),
    ...(afterChange ? { afterChange } : {}),
  });
  deps.metrics.observeChat(chat);
  // stops before the server (stops run in reverse): sockets get a clean close first
  runtime.lifecycle.onStop('chat sockets', () => chat.close());
  runtime.logger.info(
    { port: addressPort(server), server: 'web' },
    `web app listening on http://${runtime.config.host}:${addressPort(server)}`,
  );
  return { app, server };
}

/** Starts the `api` app (Fastify) on `port`; it closes with the runtime. */
export async function startApiServer(
  runtime: Runtime,
  port: number,
  afterChange?: () => void,
): Promise<FastifyInstance> {
  const app = await buildApiApp(httpAppDeps(runtime, 'api', afterChange));
  await app.listen({ port, host: runtime.config.host });
  runtime.lifecycle.onStop('api server', () => app.close());
  runtime.logger.info(
    { port: addressPort(app.server), server: 'api' },
    `api app listening on http://${runtime.config.host}:${addressPort(app.server)}`,
  );
  return app;
}

/**
 * What the admins' queue dashboard (/admin/queues) shows: web's queue in its Redis (REDIS_URL) and
 * the api's in the api's (API_REDIS_URL), through read-only handles closed with the runtime (after
 * the server). None on the embedded defaults, where jobs run in process.
 */
function dashboardQueues(runtime: Runtime): JobQueues | null {
  const { deployable, redisUrl, apiRedisUrl } = runtime.config;
  if (!redisUrl) return null;
  const web = openDashboardQueue(runtime, redisUrl, 'web');
  if (deployable === 'all-in-one') {
    return { queues: [{ queue: web, description: "Both apps' jobs: this process runs both apps." }] };
  }
  if (!apiRedisUrl) {
    return {
      queues: [{ queue: web, description: "The web app's jobs, in web's Redis (REDIS_URL)." }],
      notice: "The api app's queue is not configured: set API_REDIS_URL (the api's Redis) on the web app.",
    };
  }
  return {
    queues: [
      { queue: web, description: "The web app's jobs, in web's Redis (REDIS_URL)." },
      {
        queue: openDashboardQueue(runtime, apiRedisUrl, 'api'),
        description: "The api app's jobs, in the api's Redis (API_REDIS_URL).",
      },
    ],
  };
}

function openDashboardQueue(runtime: Runtime, url: string, app: App) {
  let warnedAt = 0;
  const queue = openQueueHandle(url, JOB_QUEUE, jobPrefix(app), (error) => {
    // the connection retries on its own; once a minute is enough to say so
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    runtime.logger.warn(
      { err: error, queue: `${jobPrefix(app)}:${JOB_QUEUE}` },
      'queue dashboard: Redis is unreachable',
    );
  });
  runtime.lifecycle.onStop(`queue dashboard (${app})`, () => queue.close());
  return queue;
}

function addressPort(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  });
}
