import type { Clock } from '../../application/ports/clock.js';
import type { LoginThrottle } from '../../application/ports/login-throttle.js';

export interface InProcessLoginThrottleOptions {
  readonly maxFailures?: number;
  readonly windowSeconds?: number;
  /**
   * At most this many keys are tracked; past it, the key whose last failure is oldest is dropped.
   * Only a flood of distinct keys within one window reaches it (each is a few hundred bytes).
   */
  readonly maxKeys?: number;
}

/**
 * Failed logins counted in this process's memory: for a single instance (`npm start` without
 * Redis). Memory stays bounded: a key keeps its last `maxFailures` times only, keys whose last
 * failure has left the window are dropped as new failures come in, and `maxKeys` caps the rest.
 */
export class InProcessLoginThrottle implements LoginThrottle {
  /** Key → its last failure times (ms, oldest first), in the order of each key's last failure. */
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(
    private readonly clock: Clock,
    { maxFailures = 5, windowSeconds = 15 * 60, maxKeys = 100_000 }: InProcessLoginThrottleOptions = {},
  ) {
    this.maxFailures = maxFailures;
    this.windowMs = windowSeconds * 1000;
    this.maxKeys = maxKeys;
  }

  /** How many keys are tracked: what this throttle's memory grows with. */
  get size(): number {
    return this.failures.size;
  }

  async blockedFor(key: string): Promise<number | null> {
    const now = this.clock.now().getTime();
    const recent = this.recent(key, now);
    // The failure that must leave the window for fewer than `maxFailures` to remain.
    const oldest = recent[recent.length - this.maxFailures];
    if (oldest === undefined) return null;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  async recordFailure(key: string): Promise<void> {
    const now = this.clock.now().getTime();
    const times = [...this.recent(key, now), now].slice(-this.maxFailures);
    this.failures.delete(key); // re-inserted last: the map stays ordered by last failure
    this.failures.set(key, times);
    this.evict(now);
  }

  async reset(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  /** Drops keys from the front (the stalest) while they have nothing left in the window or are too many. */
  private evict(now: number): void {
    for (const [key, times] of this.failures) {
      const last = times[times.length - 1] ?? Number.NEGATIVE_INFINITY;
      if (last > now - this.windowMs && this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
