import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { HandClock, loginThrottleContract } from './login-throttle.contract.js';
import { RedisLoginThrottle } from './redis-login-throttle.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('RedisLoginThrottle (real Redis)', () => {
  const keyPrefix = `hotsox-test:${randomUUID()}:login-failures:`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  loginThrottleContract((clock) => new RedisLoginThrottle(redis, clock, { keyPrefix }));

  it('shares the count between app instances (each with its own connection)', async () => {
    const clock = new HandClock();
    const other = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const web = new RedisLoginThrottle(redis, clock, { keyPrefix });
      const api = new RedisLoginThrottle(other, clock, { keyPrefix });
      await Promise.all([1, 2, 3].map(() => web.recordFailure('sam|shared')));
      await Promise.all([1, 2].map(() => api.recordFailure('sam|shared')));
      await expect(web.blockedFor('sam|shared')).resolves.toBe(900);
      await expect(api.blockedFor('sam|shared')).resolves.toBe(900);
      await api.reset('sam|shared');
      await expect(web.blockedFor('sam|shared')).resolves.toBeNull();
    } finally {
      await other.quit();
    }
  });

  it('keeps one sorted set per key under the prefix, of at most 5 members, expiring with the window', async () => {
    const clock = new HandClock();
    const throttle = new RedisLoginThrottle(redis, clock, { keyPrefix });
    for (let i = 0; i < 50; i++) await throttle.recordFailure('sam|hammer');

    const redisKey = `${keyPrefix}sam|hammer`;
    await expect(redis.type(redisKey)).resolves.toBe('zset');
    await expect(redis.zcard(redisKey)).resolves.toBe(5);
    const ttl = await redis.pttl(redisKey);
    expect(ttl).toBeGreaterThan(14 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it('uses hotsox:login-failures: as the prefix unless told otherwise', async () => {
    const key = `contract-${randomUUID()}`;
    const throttle = new RedisLoginThrottle(redis, new HandClock());
    try {
      await throttle.recordFailure(key);
      await expect(redis.exists(`hotsox:login-failures:${key}`)).resolves.toBe(1);
    } finally {
      await throttle.reset(key);
    }
    await expect(redis.exists(`hotsox:login-failures:${key}`)).resolves.toBe(0);
  });

  it('drops failures that left the window when it records a new one', async () => {
    const clock = new HandClock();
    const throttle = new RedisLoginThrottle(redis, clock, { keyPrefix });
    for (let i = 0; i < 4; i++) await throttle.recordFailure('kim|old');
    clock.advance(15 * 60 * 1000);
    await throttle.recordFailure('kim|old');
    await expect(redis.zcard(`${keyPrefix}kim|old`)).resolves.toBe(1);
  });

  it('fails loudly when Redis cannot be reached, rather than letting everyone in', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
      disconnectTimeout: 10, // the socket never opened: nothing to wait for
    });
    down.on('error', () => undefined); // the rejection below is what this test is about
    const throttle = new RedisLoginThrottle(down, new HandClock(), { keyPrefix });
    await expect(throttle.blockedFor('sam')).rejects.toThrow();
    await expect(throttle.recordFailure('sam')).rejects.toThrow();
    down.disconnect();
  });
});
