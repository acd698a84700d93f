import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly n: number;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** p50 / p95 / p99 / max of durations in ms. */
export function summarize(durations: readonly number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  };
}

/** How long `work` takes, in ms, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/**
 * Calls `work(i)` for i = 0 … runs − 1 one after the other, after `warmup` calls that are not
 * counted, and summarizes the durations. `onEach` sees every counted call (for progress).
 */
export async function timeRuns(
  runs: number,
  warmup: number,
  work: (i: number) => Promise<unknown>,
  onEach?: (done: number) => void,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    durations.push(performance.now() - started);
    onEach?.(i + 1);
  }
  return summarize(durations);
}
