/**
 * Counts failed logins per key (account + client address) in a sliding window, shared by
 * every app instance when backed by Redis.
 */
export interface LoginThrottle {
  /** Seconds until `key` may try again, or null when it may try now. */
  blockedFor(key: string): Promise<number | null>;
  recordFailure(key: string): Promise<void>;
  /** Forget the failures of `key` (after a successful login). */
  reset(key: string): Promise<void>;
}
