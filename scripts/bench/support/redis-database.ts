import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * A Redis database index (1–15) the bench has to itself on every given server: the apps' BullMQ
 * queues, sessions and throttle keys then live apart from whatever else uses those servers (db 0
 * of a shared test Redis), without changing the apps' fixed queue prefixes.
 */
export interface ClaimedRedisDatabase {
  readonly db: number;
  /** `redis://host:port/<db>` for a server's base URL. */
  urlFor(baseUrl: string): string;
  /**
   * Deletes the bench's keys (`hotsox*`) on every server, if the claim is still ours, and the
   * claim itself. Idempotent. @returns keys left that the bench did not write (normally 0)
   */
  release(): Promise<number>;
}

const CLAIM_KEY = 'hotsox-bench:claim';
const CLAIM_TTL_SECONDS = 6 * 3600;

/**
 * Claims a database empty on every server in `baseUrls` (e.g. redis://127.0.0.1:6379) by writing
 * a claim key into it, so that a concurrent run looking for an empty database skips it.
 * @throws {Error} when no database 1–15 is empty on all servers
 */
export async function claimRedisDatabase(baseUrls: readonly string[]): Promise<ClaimedRedisDatabase> {
  const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const order = Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const db of order) {
    const sizes = await Promise.all(baseUrls.map((url) => withRedis(url, db, (r) => r.dbsize())));
    if (!sizes.every((size) => size === 0)) continue;
    const claimed = await Promise.all(
      baseUrls.map((url) =>
        withRedis(url, db, (r) => r.set(CLAIM_KEY, token, 'EX', CLAIM_TTL_SECONDS, 'NX')),
      ),
    );
    if (claimed.every((answer) => answer === 'OK')) return claim(baseUrls, db, token);
    await Promise.all(baseUrls.map((url) => withRedis(url, db, (r) => dropClaim(r, token))));
  }
  throw new Error(`no Redis database 1-15 is empty on ${baseUrls.join(' and ')}`);
}

function claim(baseUrls: readonly string[], db: number, token: string): ClaimedRedisDatabase {
  let released: Promise<number> | undefined;
  return {
    db,
    urlFor: (baseUrl) => {
      const url = new URL(baseUrl);
      url.pathname = `/${db}`;
      return url.toString();
    },
    release: () =>
      (released ??= (async () => {
        let foreign = 0;
        for (const url of baseUrls) {
          foreign += await withRedis(url, db, async (redis) => {
            if ((await redis.get(CLAIM_KEY)) !== token) return 0;
            await deleteMatching(redis, 'hotsox*');
            await dropClaim(redis, token);
            return redis.dbsize();
          });
        }
        return foreign;
      })()),
  };
}

async function deleteMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    const ours = keys.filter((key) => key !== CLAIM_KEY);
    if (ours.length > 0) await redis.unlink(...ours);
  } while (cursor !== '0');
}

async function dropClaim(redis: Redis, token: string): Promise<void> {
  if ((await redis.get(CLAIM_KEY)) === token) await redis.del(CLAIM_KEY);
}

async function withRedis<T>(baseUrl: string, db: number, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(baseUrl, { db, lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}
