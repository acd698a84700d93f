import { Container, ContainerModule } from 'inversify';
import { Redis } from 'ioredis';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { HttpMetrics } from '../../src/adapters/http-common/operations/http-metrics.js';
import { Presenter } from '../../src/adapters/http-common/presenters.js';
import { RedisLoginThrottle } from '../../src/adapters/throttle/redis-login-throttle.js';
import { buildWebApp } from '../../src/adapters/http-express/build-web-app.js';
import { mediaRoute } from '../../src/adapters/http-express/media-route.js';
import { resolveMediaPath } from '../../src/adapters/media/local-picture-store.js';
import { buildApiApp } from '../../src/adapters/http-fastify/build-api-app.js';
import { createMikroOrmRepositories } from '../../src/adapters/persistence/mikro-orm-repositories.js';
import { loadConfig } from '../../src/main/config.js';
import { applicationModule } from '../../src/main/container/application.module.js';
import { coreModule } from '../../src/main/container/core.module.js';
import { emailModule } from '../../src/main/container/email.module.js';
import { mediaModule } from '../../src/main/container/media.module.js';
import { persistenceModule } from '../../src/main/container/persistence.module.js';
import { securityModule } from '../../src/main/container/security.module.js';
import { RandomUuidGenerator } from '../../src/adapters/system/random-uuid-generator.js';
import { SystemClock } from '../../src/adapters/system/system-clock.js';
import { PORTS, resolve, TOKENS } from '../../src/main/tokens.js';
import { API_BASES, listen, stop, urlOf, type ApiTarget, type TargetFactory } from './api-target.js';
import { createMigratedDatabase, type MigratedDatabase } from './postgres-harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Both apps as in production — the same container modules as `src/main/runtime.ts`, real
 * PostgreSQL (one migrated database per test file, emptied for every factory call), real Redis
 * for login throttling, argon2, JWT and the picture store on disk — sharing their state, so a
 * token of one API works on the other.
 */
export function realTargets(): { factory: TargetFactory; dispose(): Promise<void> } {
  let database: MigratedDatabase | null = null;
  let redis: Redis | null = null;
  const prefix = `hotsox-test:${process.pid}:${Date.now()}:`;

  const factory: TargetFactory = async () => {
    database ??= await createMigratedDatabase({ poolMax: 8 });
    redis ??= new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await database.empty();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);

    const dataDir = mkdtempSync(join(tmpdir(), 'hotsox-contract-'));
    const config = loadConfig(
      {
        DATA_DIR: dataDir,
        JWT_SECRET: 'contract-test-secret-of-at-least-32-chars',
        SESSION_SECRET: 's'.repeat(40),
        LOG_LEVEL: 'silent',
      },
      'all-in-one',
    );
    const logger = pino({ level: 'silent' });
    const repositories = createMikroOrmRepositories(database.orm, {
      ids: new RandomUuidGenerator(),
      clock: new SystemClock(),
    });
    const throttle = new RedisLoginThrottle(redis, new SystemClock(), { keyPrefix: prefix });
    const container = new Container();
    container.load(
      coreModule(config, logger),
      persistenceModule(repositories),
      securityModule(config, {
        jwtSecret: config.jwtSecret as string,
        sessionSecret: config.sessionSecret as string,
      }),
      mediaModule(config),
      emailModule(config),
      new ContainerModule(({ bind }) => {
        bind(PORTS.loginThrottle).toConstantValue(throttle);
      }),
      applicationModule,
    );
    const app = resolve(container, TOKENS.application);
    const common = {
      app,
      presenter: new Presenter(`${config.publicUrl}/media`),
      logger,
      readinessChecks: [],
      trustProxy: 'loopback',
      corsOrigins: [],
    };
    const web = await listen(
      createServer(
        buildWebApp({
          ...common,
          metrics: new HttpMetrics('web'),
          media: mediaRoute((urlPath) => resolveMediaPath(config.mediaDir, urlPath)),
        }),
      ),
    );
    const api = await buildApiApp({ ...common, metrics: new HttpMetrics('api') });
    await api.listen({ host: '127.0.0.1', port: 0 });
    const arrange = {
      async promoteToAdmin(username: string) {
        await app.users.promoteToAdmin.execute({ username });
      },
    };
    return [
      {
        name: 'express',
        base: API_BASES.express,
        http: () => request(urlOf(web)),
        arrange,
        close: () => stop(web),
      },
      {
        name: 'fastify',
        base: API_BASES.fastify,
        http: () => request(urlOf(api.server)),
        arrange,
        close: () => api.close(),
      },
    ] satisfies ApiTarget[];
  };

  return {
    factory,
    async dispose() {
      if (redis) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
      }
      await database?.dispose();
    },
  };
}
