/** Counts events per key over the last `windowMs`, for per-user rate limits in one process. */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one event for `key` and returns true, unless `key` already had `max` in the window. */
  take(key: string, max: number): boolean {
    const since = this.now() - this.windowMs;
    const recent = (this.events.get(key) ?? []).filter((at) => at > since);
    if (recent.length >= max) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(this.now());
    this.events.set(key, recent);
    return true;
  }
}
