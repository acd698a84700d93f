import { ContainerModule } from 'inversify';
import type { Redis } from 'ioredis';
import { InProcessLoginThrottle } from '../../adapters/throttle/in-process-login-throttle.js';
import { RedisLoginThrottle } from '../../adapters/throttle/redis-login-throttle.js';
import { PORTS } from '../tokens.js';
import { ports } from './ports.js';

/**
 * Failed-login counting. On the shared Redis (CHAT_REDIS_URL, which both apps reach) the limit
 * holds across both APIs, the web UI and every replica; without Redis it lives in this process.
 */
export function throttleModule(sharedRedis: Redis | null): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(PORTS.loginThrottle)
      .toDynamicValue((ctx) => {
        const { clock } = ports(ctx);
        return sharedRedis ? new RedisLoginThrottle(sharedRedis, clock) : new InProcessLoginThrottle(clock);
      })
      .inSingletonScope();
  });
}
