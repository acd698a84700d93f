import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../application/ports/clock.js';
import type { LoginThrottle } from '../../application/ports/login-throttle.js';

export interface RedisLoginThrottleOptions {
  readonly keyPrefix?: string;
  readonly maxFailures?: number;
  readonly windowSeconds?: number;
}

/**
 * Failed logins counted in Redis, shared by every app instance: one sorted set per key, scored by
 * the failure time (ms), trimmed to the window and to its last `maxFailures` members, expiring
 * with the window. Times come from `clock`, so all instances should agree on the time (NTP).
 */
export class RedisLoginThrottle implements LoginThrottle {
  private readonly keyPrefix: string;
  private readonly maxFailures: number;
  private readonly windowMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
    {
      keyPrefix = 'hotsox:login-failures:',
      maxFailures = 5,
      windowSeconds = 15 * 60,
    }: RedisLoginThrottleOptions = {},
  ) {
    this.keyPrefix = keyPrefix;
    this.maxFailures = maxFailures;
    this.windowMs = windowSeconds * 1000;
  }

  async blockedFor(key: string): Promise<number | null> {
    const now = this.clock.now().getTime();
    // Ascending by time; '(' excludes a failure exactly one window old, as `recordFailure` drops it.
    const recent = await this.redis.zrangebyscore(
      this.redisKey(key),
      `(${now - this.windowMs}`,
      '+inf',
      'WITHSCORES',
    );
    const count = recent.length / 2;
    if (count < this.maxFailures) return null;
    // The failure that must leave the window for fewer than `maxFailures` to remain.
    const oldest = Number(recent[2 * (count - this.maxFailures) + 1]);
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  async recordFailure(key: string): Promise<void> {
    const now = this.clock.now().getTime();
    const redisKey = this.redisKey(key);
    // Unique, so that failures at the same millisecond (even on several instances) all count.
    const member = `${now}:${randomBytes(8).toString('hex')}`;
    const replies = await this.redis
      .multi()
      .zremrangebyscore(redisKey, '-inf', now - this.windowMs)
      .zadd(redisKey, now, member)
      .zremrangebyrank(redisKey, 0, -(this.maxFailures + 1)) // only the last few matter
      .pexpire(redisKey, this.windowMs)
      .exec();
    if (replies === null) throw new Error('Redis discarded the login failure transaction.');
    const failed = replies.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.redisKey(key));
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}${key}`;
  }
}
