import type { Clock } from '../ports/clock.js';
import type { LoginThrottle } from '../ports/login-throttle.js';

/** Failures within a sliding window; blocked once `maxFailures` are inside it. */
export class InMemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly windowSeconds = 15 * 60,
  ) {}

  async blockedFor(key: string): Promise<number | null> {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return null;
    const oldest = recent[recent.length - this.maxFailures] as number;
    return Math.max(1, Math.ceil((oldest + this.windowSeconds * 1000 - this.clock.now().getTime()) / 1000));
  }

  async recordFailure(key: string): Promise<void> {
    this.failures.set(key, [...this.recent(key), this.clock.now().getTime()]);
  }

  async reset(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowSeconds * 1000;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
