import { Container } from 'inversify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { loadConfig, type Config, type Deployable } from './config.js';
import { applicationModule } from './container/application.module.js';
import { coreModule } from './container/core.module.js';
import { emailModule } from './container/email.module.js';
import { mediaModule } from './container/media.module.js';
import { persistenceModule } from './container/persistence.module.js';
import { securityModule } from './container/security.module.js';
import { throttleModule } from './container/throttle.module.js';
import { openDatabase, type Database } from './database.js';
import { Lifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { resolveSecrets, type Secrets } from './secrets.js';
import { resolve, TOKENS } from './tokens.js';
import type { Application } from '../application/application.js';
import type { ChatBus } from '../adapters/realtime/chat-bus.js';
import { InProcessChatBus } from '../adapters/realtime/in-process-chat-bus.js';
import { RedisChatBus } from '../adapters/realtime/redis-chat-bus.js';

/** What every deployable shares: configuration, logger, database, Redis and the container. */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  readonly secrets: Secrets;
  readonly database: Database;
  /** This app's Redis (REDIS_URL): its job queue and sessions; null on the embedded defaults. */
  readonly appRedis: Redis | null;
  /** The Redis both apps reach (CHAT_REDIS_URL): the login throttle, which holds across both apps. */
  readonly sharedRedis: Redis | null;
  readonly container: Container;
  /** Every use case, made from the ports bound in `container`. */
  readonly app: Application;
  /** The live chat's events between instances: on the shared Redis, or in this process. */
  readonly chatBus: ChatBus;
}

/**
 * Opens what a deployable needs, in order, registering each part with the lifecycle so that
 * SIGTERM closes them in reverse: Redis last, the database before it.
 */
export async function startRuntime(
  deployable: Deployable,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Runtime> {
  const origin = deployable === 'api' || deployable === 'api-worker' ? 'api' : 'web';
  const config = loadConfig(env, deployable);
  const logger = createLogger(config);
  const lifecycle = new Lifecycle();
  const secrets = resolveSecrets(config);
  const appRedis = config.redisUrl ? connectRedis(config.redisUrl, 'app', logger, lifecycle) : null;
  const sharedRedis =
    config.chatRedisUrl === config.redisUrl
      ? appRedis
      : config.chatRedisUrl
        ? connectRedis(config.chatRedisUrl, 'shared', logger, lifecycle)
        : null;
  const database = await openDatabase(config, logger, {
    migrate: 'check',
    origin,
    // A request waits at most 5 s for a pooled connection, then answers 503; a worker's job has
    // no one waiting, so it waits longer rather than failing and retrying under load.
    ...(deployable.endsWith('-worker') ? { pool: { acquireTimeoutMs: WORKER_ACQUIRE_TIMEOUT_MS } } : {}),
    poolLogger: logger.child({ component: 'candidate-pool' }),
  });
  lifecycle.onStop('database', () => database.close());
  logger.info(
    { database: database.describe, redis: appRedis ? 'configured' : 'in process' },
    'runtime ready',
  );

  const container = new Container();
  container.load(
    coreModule(config, logger),
    persistenceModule(database.repositories),
    securityModule(config, secrets),
    mediaModule(config),
    emailModule(config),
    throttleModule(sharedRedis),
    applicationModule,
  );
  const app = resolve(container, TOKENS.application);
  const chatBus = sharedRedis ? new RedisChatBus(sharedRedis, logger) : new InProcessChatBus();
  lifecycle.onStop('chat bus', () => chatBus.close());
  return { config, logger, lifecycle, secrets, database, appRedis, sharedRedis, container, app, chatBus };
}

const WORKER_ACQUIRE_TIMEOUT_MS = 30_000;

function connectRedis(url: string, role: string, logger: Logger, lifecycle: Lifecycle): Redis {
  // BullMQ needs maxRetriesPerRequest: null on connections its workers use.
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false, enableOfflineQueue: true });
  let down = false;
  redis.on('error', (error) => {
    if (!down) logger.warn({ err: error, role }, 'Redis is unreachable; retrying');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info({ role }, 'Redis is back');
    down = false;
  });
  lifecycle.onStop(`redis (${role})`, async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return redis;
}

/** `GET /readyz`'s Redis check. */
export function redisReadiness(name: string, redis: Redis) {
  return {
    name,
    check: async () => {
      await redis.ping();
    },
  };
}
